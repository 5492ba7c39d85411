-- Intake looks a document up by its number (MA_LK / SO) and operation before storing it.
create index outbox_key on outbox (kind, business_key, operation, created_at);
