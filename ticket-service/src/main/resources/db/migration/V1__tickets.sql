-- People who work tickets. open_tickets is kept in step with tickets under the shop's dispatch lock.
CREATE TABLE agent (
    id                uuid         PRIMARY KEY,
    shop_id           varchar(64)  NOT NULL,
    name              varchar(100) NOT NULL,
    tier              varchar(20)  NOT NULL CHECK (tier IN ('PRE_SALES', 'IN_SALES', 'AFTER_SALES', 'REVIEW_RECOVERY', 'SUPERVISOR', 'MANAGER')),
    capacity          integer      NOT NULL CHECK (capacity >= 0),
    status            varchar(10)  NOT NULL CHECK (status IN ('ONLINE', 'AWAY', 'OFFLINE')),
    open_tickets      integer      NOT NULL DEFAULT 0 CHECK (open_tickets >= 0),
    last_assigned_at  timestamptz,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL
);

CREATE INDEX agent_routing ON agent (shop_id, tier, status);

-- One ticket per negative review to win back.
CREATE TABLE ticket (
    id                  uuid         PRIMARY KEY,
    shop_id             varchar(64)  NOT NULL,
    order_id            varchar(64)  NOT NULL,
    review_id           uuid         NOT NULL,
    platform_review_id  varchar(64)  NOT NULL,
    buyer_id            varchar(64)  NOT NULL,
    buyer_province      varchar(20),
    buyer_city          varchar(30),
    item_sku            varchar(64)  NOT NULL,
    item_title          varchar(200),
    rating              varchar(10)  NOT NULL CHECK (rating IN ('NEUTRAL', 'BAD')),
    order_amount_fen    bigint       NOT NULL,
    distinct_items      integer      NOT NULL,
    priority            integer      NOT NULL,
    status              varchar(10)  NOT NULL CHECK (status IN ('WAITING', 'ASSIGNED', 'CLOSED')),
    agent_id            uuid         REFERENCES agent (id),
    review_created_at   timestamptz  NOT NULL,
    opened_at           timestamptz  NOT NULL,
    assigned_at         timestamptz,
    closed_at           timestamptz,
    -- the same review never opens two tickets, whatever the consumer sees twice
    CONSTRAINT ticket_review_unique UNIQUE (shop_id, review_id),
    CONSTRAINT ticket_assigned_has_agent CHECK (status <> 'ASSIGNED' OR agent_id IS NOT NULL)
);

CREATE INDEX ticket_waiting ON ticket (shop_id, priority DESC, opened_at) WHERE status = 'WAITING';
CREATE INDEX ticket_by_agent ON ticket (agent_id, status);
CREATE INDEX ticket_by_shop ON ticket (shop_id, status, opened_at);

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

-- Inbox: the events this service has handled, recorded in the same transaction as their effect.
CREATE TABLE inbox_message (
    consumer     varchar(100) NOT NULL,
    event_id     varchar(100) NOT NULL,
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_message_received ON inbox_message (received_at);
