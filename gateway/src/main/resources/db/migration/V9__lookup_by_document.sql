-- The admin's lookup of one submission: by its number (MA_LK / SO) across every facility, and its history in the audit
-- trail (the entries naming it as document_id).
create index outbox_business_key on outbox (business_key);
create index audit_log_document on audit_log (document_id);
