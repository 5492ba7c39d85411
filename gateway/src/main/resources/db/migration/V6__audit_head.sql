-- The audit chain's head: the last entry's sequence number and hash, in one row. An append locks
-- it (select ... for update) for the length of its batch, so gateway nodes sharing a database take
-- turns instead of racing for the next sequence number.
create table audit_head (
  id   int         primary key,
  seq  bigint      not null,
  hash varchar(64) not null
);
insert into audit_head (id, seq, hash) values (1,
  coalesce((select max(seq) from audit_log), 0),
  coalesce((select hash from audit_log where seq = (select max(seq) from audit_log)),
           '0000000000000000000000000000000000000000000000000000000000000000'));
