-- What compensation-service knows of an order, learned from review.received.v1 on reviews.v1 (never from a
-- request body): only orders with a neutral or bad review. Quotes and compensations are decided from these.
CREATE TABLE order_facts (
    shop_id            varchar(64)   NOT NULL,
    order_id           varchar(64)   NOT NULL,
    order_amount_fen   bigint        NOT NULL CHECK (order_amount_fen >= 0),
    distinct_items     integer       NOT NULL CHECK (distinct_items >= 1),
    -- the ratings the order's lines received (a review is per order line)
    neutral_review     boolean       NOT NULL,
    bad_review         boolean       NOT NULL,
    buyer_province     varchar(100)  NOT NULL,
    buyer_city         varchar(100),
    -- review-service's judgement: a professional bad-reviewer (职业差评师); once suspected, stays suspected
    buyer_suspected    boolean       NOT NULL,
    suspicion_reasons  varchar(1000),
    first_review_at    timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL,
    PRIMARY KEY (shop_id, order_id)
);

-- Why a request waits for approval (ABOVE_AUTHORITY, DAILY_COUNT_USED, ABOVE_CEILING, ORDER_UNKNOWN, SUSPECTED_PROFESSIONAL)
ALTER TABLE compensation ADD COLUMN approval_because varchar(40);
