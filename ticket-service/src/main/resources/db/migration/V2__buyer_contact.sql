-- The buyer's phone and address as review-service sealed them (AES-256-GCM), so the agent working
-- the ticket can call; shown in clear only to that agent and to supervisors, masked to others.
ALTER TABLE ticket
    ADD COLUMN buyer_phone_masked   varchar(24),
    ADD COLUMN buyer_phone_sealed   text,
    ADD COLUMN buyer_address_sealed text;
