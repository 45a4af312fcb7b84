-- The W3C traceparent of the transaction that wrote the event: the relay sends it as the Kafka
-- header "traceparent", so a trace follows the event to its consumers.
ALTER TABLE outbox_event ADD COLUMN trace_parent varchar(55);
