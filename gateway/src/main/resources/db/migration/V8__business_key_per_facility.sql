-- An episode id (MA_LK) is unique per facility, not across the province: two facilities may use the same one.
-- The duplicate key and the lookup by business key therefore name the facility.
update outbox set dedup_key = kind || '|' || facility_code || substring(dedup_key from char_length(kind) + 1);
drop index outbox_key;
create index outbox_key on outbox (kind, facility_code, business_key, operation, created_at);
