-- Two facts the order system knows and ticket-service routes by: the shop's product category of the
-- item (skills-based routing; absent on reviews captured before it was sent) and whether the buyer
-- is a VIP member (VIP buyers first; absent in the request means not a VIP).
ALTER TABLE review
    ADD COLUMN item_category varchar(40),
    ADD COLUMN buyer_vip     boolean NOT NULL DEFAULT false;
