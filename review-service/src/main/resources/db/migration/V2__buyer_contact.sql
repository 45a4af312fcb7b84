-- The buyer's phone and address, when the order system sends them, so an agent can call.
-- Stored sealed (AES-256-GCM, key outside the database); the masked phone (138****5678) is kept
-- for everyone who may see that there is a phone but not call it.
ALTER TABLE review
    ADD COLUMN buyer_phone_sealed   text,
    ADD COLUMN buyer_phone_masked   varchar(24),
    ADD COLUMN buyer_address_sealed text;
