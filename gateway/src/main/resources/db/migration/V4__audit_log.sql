-- Append-only audit trail: one entry per API call outcome and admin action. Each entry's hash
-- covers the previous entry's hash (a hash chain), so a changed or removed entry is detectable.
create table audit_log (
  seq            bigint       primary key,
  at             timestamp with time zone not null,
  actor          varchar(40)  not null,
  facility_code  varchar(5),
  action         varchar(200) not null,
  document_id    varchar(100),
  result         varchar(60)  not null,
  correlation_id varchar(64),
  prev_hash      varchar(64)  not null,
  hash           varchar(64)  not null
);
