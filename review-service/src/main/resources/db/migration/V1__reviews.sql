-- Reviews as the shop's order system sends them; one row per platform review.
CREATE TABLE review (
    id                  uuid         PRIMARY KEY,
    shop_id             varchar(64)  NOT NULL,
    platform_review_id  varchar(64)  NOT NULL,
    order_id            varchar(64)  NOT NULL,
    order_line_id       varchar(64),
    item_sku            varchar(64)  NOT NULL,
    item_title          varchar(200) NOT NULL,
    buyer_id            varchar(64)  NOT NULL,
    buyer_province      varchar(20)  NOT NULL,
    buyer_city          varchar(30),
    order_amount_fen    bigint       NOT NULL CHECK (order_amount_fen >= 0),
    distinct_items      integer      NOT NULL CHECK (distinct_items >= 1),
    rating              varchar(10)  NOT NULL CHECK (rating IN ('GOOD', 'NEUTRAL', 'BAD')),
    dsr_description     smallint     NOT NULL CHECK (dsr_description BETWEEN 1 AND 5),
    dsr_service         smallint     NOT NULL CHECK (dsr_service BETWEEN 1 AND 5),
    dsr_shipping        smallint     NOT NULL CHECK (dsr_shipping BETWEEN 1 AND 5),
    text                varchar(2000),
    created_at          timestamptz  NOT NULL,
    received_at         timestamptz  NOT NULL,
    -- a repeated post of one platform review is the same review (idempotent capture)
    CONSTRAINT review_platform_id_unique UNIQUE (shop_id, platform_review_id)
);

CREATE INDEX review_order ON review (shop_id, order_id);

-- Transactional outbox: events committed with the change, relayed to Kafka after commit.
CREATE TABLE outbox_event (
    id            uuid         PRIMARY KEY,
    topic         varchar(200) NOT NULL,
    message_key   varchar(200) NOT NULL,
    type          varchar(100) NOT NULL,
    subject       varchar(200),
    payload       text         NOT NULL,
    occurred_at   timestamptz  NOT NULL,
    created_at    timestamptz  NOT NULL,
    published_at  timestamptz,
    attempts      integer      NOT NULL DEFAULT 0,
    last_error    varchar(500)
);

CREATE INDEX outbox_event_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published ON outbox_event (published_at) WHERE published_at IS NOT NULL;
