-- A parcel the shop sent: who carries it, where from and to (province/city only: no personal data),
-- the packing slip (发货单) and the weight the origin station took.
CREATE TABLE shipment (
    id                   uuid         PRIMARY KEY,
    shop_id              varchar(64)  NOT NULL,
    order_id             varchar(64)  NOT NULL,
    courier              varchar(10)  NOT NULL,
    tracking_number      varchar(40)  NOT NULL,
    origin_province      varchar(20)  NOT NULL,
    origin_city          varchar(30),
    buyer_province       varchar(20)  NOT NULL,
    buyer_city           varchar(30),
    origin_weight_grams  integer      CHECK (origin_weight_grams > 0),
    -- packing slip lines: [{sku, title, quantity, unitWeightGrams, outOfStock}]
    packing_slip         jsonb        NOT NULL,
    shipped_at           timestamptz,
    created_at           timestamptz  NOT NULL,
    CONSTRAINT shipment_order_unique UNIQUE (shop_id, order_id),
    -- a courier's tracking number names one parcel: pushes find their shop through it
    CONSTRAINT shipment_tracking_unique UNIQUE (courier, tracking_number)
);

CREATE INDEX shipment_by_tracking ON shipment (tracking_number);

-- What couriers report about a parcel, from pushes or look-ups. The unique key makes a replayed
-- or duplicated push store nothing new.
CREATE TABLE parcel_scan (
    id            uuid          PRIMARY KEY,
    shipment_id   uuid          NOT NULL REFERENCES shipment (id),
    shop_id       varchar(64)   NOT NULL,
    station       varchar(200)  NOT NULL,
    scanned_at    timestamptz   NOT NULL,
    status        varchar(20)   NOT NULL,
    weight_grams  integer       CHECK (weight_grams > 0),
    description   varchar(500),
    source        varchar(20)   NOT NULL CHECK (source IN ('KUAIDI100_PUSH', 'GENERIC_PUSH', 'KUAIDI100_QUERY')),
    received_at   timestamptz   NOT NULL,
    CONSTRAINT parcel_scan_unique UNIQUE (shipment_id, scanned_at, station, status)
);

CREATE INDEX parcel_scan_by_shipment ON parcel_scan (shipment_id, scanned_at);

-- A weight check (称重) for a buyer's missing-item complaint, with its verdict and evidence.
CREATE TABLE weight_check (
    id                         uuid         PRIMARY KEY,
    shop_id                    varchar(64)  NOT NULL,
    order_id                   varchar(64)  NOT NULL,
    shipment_id                uuid         NOT NULL REFERENCES shipment (id),
    ticket_id                  uuid,
    missing_items              jsonb        NOT NULL,
    damaged                    boolean      NOT NULL,
    verdict                    varchar(25)  NOT NULL CHECK (verdict IN ('SHORT_SHIPPED', 'DAMAGED_PARCEL', 'LOST_IN_TRANSIT', 'CLAIM_NOT_SUPPORTED', 'INCONCLUSIVE')),
    origin_weight_grams        integer,
    last_station_weight_grams  integer,
    missing_weight_grams       integer      NOT NULL,
    tolerance_grams            integer      NOT NULL,
    evidence                   jsonb        NOT NULL,
    checked_at                 timestamptz  NOT NULL,
    checked_by                 varchar(200) NOT NULL
);

CREATE INDEX weight_check_by_order ON weight_check (shop_id, order_id, checked_at);

-- A claim against the courier (丢件赔偿登记), settled at month end.
CREATE TABLE lost_parcel_claim (
    id                  uuid          PRIMARY KEY,
    shop_id             varchar(64)   NOT NULL,
    weight_check_id     uuid          NOT NULL REFERENCES weight_check (id),
    order_id            varchar(64)   NOT NULL,
    courier             varchar(10)   NOT NULL,
    tracking_number     varchar(40)   NOT NULL,
    verdict             varchar(25)   NOT NULL CHECK (verdict IN ('LOST_IN_TRANSIT', 'DAMAGED_PARCEL')),
    amount_fen          bigint        NOT NULL CHECK (amount_fen > 0),
    settled_amount_fen  bigint        CHECK (settled_amount_fen >= 0),
    evidence            jsonb         NOT NULL,
    note                varchar(500),
    status              varchar(10)   NOT NULL CHECK (status IN ('OPEN', 'SETTLED', 'REJECTED')),
    claimed_at          timestamptz   NOT NULL,
    claimed_by          varchar(200)  NOT NULL,
    decided_at          timestamptz,
    decided_by          varchar(200),
    decision_reason     varchar(500),
    -- one claim per verdict, whatever is clicked twice
    CONSTRAINT claim_weight_check_unique UNIQUE (weight_check_id)
);

CREATE INDEX claim_by_shop ON lost_parcel_claim (shop_id, claimed_at);

-- Per-shop overrides of the defaults (tolerance, postage prices); omitted fields use the config defaults.
CREATE TABLE shop_settings (
    shop_id     varchar(64)   PRIMARY KEY,
    settings    jsonb         NOT NULL,
    updated_at  timestamptz   NOT NULL,
    updated_by  varchar(200)  NOT NULL
);

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
