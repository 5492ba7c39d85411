-- The outbox: every document the gateway owns until the portal accepted or refused it, or it was
-- dead-lettered. Written in the transaction that answers 202; claimed by leases (claimed_until),
-- so a node that dies loses nothing: its claims return when the lease ends.
create table outbox (
  id                 varchar(36)   primary key,
  kind               varchar(16)   not null,
  facility_code      varchar(5)    not null,
  business_key       varchar(100)  not null,
  operation          varchar(4)    not null,
  dedup_key          varchar(200)  not null,
  idempotency_key    varchar(200),
  status             varchar(16)   not null,
  attempts           integer       not null,
  last_error         varchar(2000),
  next_attempt_at    timestamp with time zone not null,
  claimed_by         varchar(100),
  claimed_until      timestamp with time zone,
  payload            text          not null,
  payload_hash       varchar(64)   not null,
  signed_document    text,
  receipt            varchar(100),
  portal_received_at timestamp with time zone,
  warnings           varchar(2000),
  created_at         timestamp with time zone not null,
  updated_at         timestamp with time zone not null
);
create unique index outbox_dedup on outbox (dedup_key);
create unique index outbox_idempotency on outbox (facility_code, idempotency_key);
create index outbox_due on outbox (status, next_attempt_at);
create index outbox_facility on outbox (facility_code, created_at);
