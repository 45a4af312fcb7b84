-- DOMAIN "Quality problems": a quality complaint within 3 days of receipt, the goods unworn, is taken back or
-- discounted; later or worn, the supervisor decides. What the order's reviews say of it (review.received.v1 1.3.0):
ALTER TABLE order_facts ADD COLUMN quality_complaint boolean NOT NULL DEFAULT false;
ALTER TABLE order_facts ADD COLUMN goods_received_at timestamptz;
ALTER TABLE order_facts ADD COLUMN goods_worn_or_used boolean;

-- When the courier's signed-for scan (parcel.scanned.v1, DELIVERED) says the parcel arrived: preferred to the order
-- system's receipt time. May arrive before any review of the order, hence a table of its own.
CREATE TABLE parcel_delivery (
    shop_id       varchar(64)  NOT NULL,
    order_id      varchar(64)  NOT NULL,
    delivered_at  timestamptz  NOT NULL,
    PRIMARY KEY (shop_id, order_id)
);
