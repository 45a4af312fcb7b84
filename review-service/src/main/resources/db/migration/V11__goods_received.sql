-- What the buyer received, when the order system says: a quality complaint is judged by when the goods arrived
-- and whether they were worn or used (DOMAIN "Quality problems"), with the buyer's photos as evidence.
ALTER TABLE review ADD COLUMN goods_received_at timestamptz;
ALTER TABLE review ADD COLUMN goods_worn_or_used boolean;
ALTER TABLE review ADD COLUMN goods_photo_urls text[];
