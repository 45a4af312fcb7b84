-- The platform's tables, in the shape they have after the four services' own migrations (which created them
-- before the platform owned them). Those databases already have them: every statement here must then do nothing.
-- A service's history runs first (PlatformMigrations), so this never meets a table that history will still change.

-- on those databases PostgreSQL notes every "already exists, skipping", which Flyway would log as warnings at start
SET LOCAL client_min_messages = warning;

-- Transactional outbox (platform/outbox): events committed with the change, relayed to Kafka after commit and
-- deleted once the broker has them.
CREATE TABLE IF NOT EXISTS outbox_event (
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
    last_error    varchar(500),
    -- the W3C traceparent of the transaction that wrote the event, sent as the Kafka header "traceparent"
    trace_parent  varchar(55)
);
-- a table made by a service's history before its outbox_trace_parent migration (not reached in practice: that
-- history has run in full before this)
ALTER TABLE outbox_event ADD COLUMN IF NOT EXISTS trace_parent varchar(55);
CREATE INDEX IF NOT EXISTS outbox_event_unpublished ON outbox_event (created_at) WHERE published_at IS NULL;

-- Inbox (platform/inbox): the events a consumer has handled, recorded in the same transaction as their effect.
-- A service that consumes nothing (winback.inbox.enabled=false) gets it too, and leaves it empty.
CREATE TABLE IF NOT EXISTS inbox_message (
    consumer     varchar(100) NOT NULL,
    event_id     varchar(100) NOT NULL,
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);
CREATE INDEX IF NOT EXISTS inbox_message_received ON inbox_message (received_at);

-- A shop's own settings over the service's defaults (platform/settings/ShopSettingsTable writes JSON). The four
-- services made theirs with settings as text or jsonb and updated_by of 100 or 200; both work and stay as they are.
CREATE TABLE IF NOT EXISTS shop_settings (
    shop_id     varchar(64)  PRIMARY KEY,
    settings    jsonb        NOT NULL,
    updated_at  timestamptz  NOT NULL,
    updated_by  varchar(200) NOT NULL
);
