-- The outbox keeps an event only until the broker has acknowledged it: the relay deletes it then
-- (Kafka's retention is the record of what was published). Rows an earlier version marked published go now.
DELETE FROM outbox_event WHERE published_at IS NOT NULL;
DROP INDEX IF EXISTS outbox_event_published;
