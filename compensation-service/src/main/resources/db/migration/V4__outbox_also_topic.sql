-- An event may go to a second topic as well (same ce_id): a narrower feed for one consumer, e.g.
-- reviews.negative.v1 beside reviews.v1. The platform's outbox maps this column in every service.
ALTER TABLE outbox_event ADD COLUMN also_topic varchar(200);
