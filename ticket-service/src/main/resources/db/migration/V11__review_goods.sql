-- What the buyer received, as the order system said on review.received.v1 (1.3.0): when the goods were signed for,
-- whether worn or used, the buyer's photos. The agent judges a quality complaint by them (DOMAIN "Quality problems").
ALTER TABLE ticket_review ADD COLUMN goods_received_at timestamptz;
ALTER TABLE ticket_review ADD COLUMN goods_worn_or_used boolean;
ALTER TABLE ticket_review ADD COLUMN goods_photo_urls text[];
