-- The keyed audit chain: each entry names the key its HMAC was made with (first 8 hex digits of the
-- key's SHA-256), so a key can be rotated. Entries written before (key_id null) keep their plain
-- SHA-256 and verify as a legacy prefix of the chain.
alter table audit_log add column key_id varchar(16);
