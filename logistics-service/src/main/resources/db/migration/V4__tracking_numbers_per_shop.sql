-- A tracking number is unique within a shop, not across shops: a shop registering another shop's number first
-- must neither take that parcel from it nor learn, from a refusal, that the number is in use. A courier's push
-- updates every shop's shipment with that number (shipment_by_tracking finds them).
ALTER TABLE shipment DROP CONSTRAINT shipment_tracking_unique;
ALTER TABLE shipment ADD CONSTRAINT shipment_tracking_unique UNIQUE (shop_id, courier, tracking_number);
