-- Retention: the bodies of finished documents (personal data) are purged after a configurable age;
-- what stays is the status, the portal's receipt and the evidence hashes of what was received and sent.
alter table outbox alter column payload drop not null;
alter table outbox add column signed_hash varchar(64);
alter table outbox add column purged_at timestamp with time zone;
create index outbox_retention on outbox (status, updated_at);
