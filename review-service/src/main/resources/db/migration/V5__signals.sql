-- Signals drawn from reviews: suspected professional bad-reviewers, items whose DSR falls,
-- products that draw the same complaint from several buyers. Thresholds are per shop.

-- when the order system sends it: a very young account posting bad reviews is one sign of a 职业差评师
ALTER TABLE review
    ADD COLUMN buyer_account_created_at timestamptz,
    -- the text without spaces and punctuation: the same words posted again are a sign too
    ADD COLUMN text_fingerprint          varchar(2000);

CREATE INDEX review_buyer ON review (shop_id, buyer_id, created_at);
CREATE INDEX review_item ON review (shop_id, item_sku, created_at);

-- a shop's own thresholds; absent fields take DOMAIN's defaults (ReviewConfig)
CREATE TABLE shop_settings (
    shop_id    varchar(64)  PRIMARY KEY,
    settings   text         NOT NULL,
    updated_at timestamptz  NOT NULL,
    updated_by varchar(200) NOT NULL
);

-- whether an item's rolling DSR is below the shop's threshold: the event goes out when it crosses
CREATE TABLE item_dsr_watch (
    shop_id    varchar(64)  NOT NULL,
    item_sku   varchar(64)  NOT NULL,
    below      boolean      NOT NULL,
    changed_at timestamptz  NOT NULL,
    PRIMARY KEY (shop_id, item_sku)
);

-- the last product-problem alert per item and reason: one alert per window
CREATE TABLE product_alert (
    shop_id   varchar(64) NOT NULL,
    item_sku  varchar(64) NOT NULL,
    reason    varchar(30) NOT NULL,
    raised_at timestamptz NOT NULL,
    PRIMARY KEY (shop_id, item_sku, reason)
);
