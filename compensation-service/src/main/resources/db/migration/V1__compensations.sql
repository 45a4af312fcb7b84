-- A compensation someone asked for: approved at once within the requester's authority, else PENDING
-- at the level that may approve it (SUPERVISOR or MANAGER). Status: PENDING -> APPROVED -> PAID, or REJECTED.
CREATE TABLE compensation (
    id                uuid         PRIMARY KEY,
    shop_id           varchar(64)  NOT NULL,
    order_id          varchar(64)  NOT NULL,
    ticket_id         varchar(64),
    agent_id          varchar(200) NOT NULL,
    agent_tier        varchar(20)  NOT NULL CHECK (agent_tier IN ('PRE_SALES', 'IN_SALES', 'AFTER_SALES', 'REVIEW_RECOVERY', 'SUPERVISOR', 'MANAGER')),
    type              varchar(30)  NOT NULL,
    amount_fen        bigint       NOT NULL CHECK (amount_fen > 0),
    order_amount_fen  bigint       NOT NULL CHECK (order_amount_fen > 0),
    reason            varchar(64)  NOT NULL,
    note              varchar(500),
    status            varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'PAID')),
    -- who may approve while PENDING; null once decided
    required_level    varchar(20)  CHECK (required_level IN ('SUPERVISOR', 'MANAGER')),
    within_authority  boolean      NOT NULL,
    decided_by        varchar(200),
    comment           varchar(500),
    created_at        timestamptz  NOT NULL,
    escalated_at      timestamptz,
    decided_at        timestamptz,
    paid_at           timestamptz,
    CONSTRAINT compensation_pending_has_level CHECK (status <> 'PENDING' OR required_level IS NOT NULL)
);

CREATE INDEX compensation_by_shop ON compensation (shop_id, created_at DESC);
CREATE INDEX compensation_by_agent_day ON compensation (shop_id, agent_id, created_at) WHERE within_authority;
CREATE INDEX compensation_pending ON compensation (created_at) WHERE status = 'PENDING' AND required_level = 'SUPERVISOR';

-- Idempotency-Key of each request that created a compensation, with a hash of its canonical body and
-- the answer given, so a retry gets the same answer and a different body under the same key is refused.
CREATE TABLE idempotency_key (
    shop_id          varchar(64)  NOT NULL,
    idem_key         varchar(200) NOT NULL,
    request_hash     varchar(64)  NOT NULL,
    -- set in the same transaction that claimed the key: a concurrent duplicate waits on the key, then replays
    response_status  integer,
    response_body    text,
    compensation_id  uuid         REFERENCES compensation (id),
    created_at       timestamptz  NOT NULL,
    PRIMARY KEY (shop_id, idem_key)
);

-- The ledger: one entry per granted compensation, append-only.
CREATE TABLE ledger_entry (
    id               uuid         PRIMARY KEY,
    shop_id          varchar(64)  NOT NULL,
    compensation_id  uuid         NOT NULL UNIQUE REFERENCES compensation (id),
    type             varchar(30)  NOT NULL,
    amount_fen       bigint       NOT NULL CHECK (amount_fen > 0),
    currency         varchar(3)   NOT NULL,
    order_id         varchar(64)  NOT NULL,
    ticket_id        varchar(64),
    agent_id         varchar(200) NOT NULL,
    agent_tier       varchar(20)  NOT NULL,
    -- the person who approved it; null when granted within the requester's own authority
    approver         varchar(200),
    reason           varchar(64)  NOT NULL,
    granted_at       timestamptz  NOT NULL
);

CREATE INDEX ledger_entry_by_month ON ledger_entry (shop_id, granted_at);

CREATE FUNCTION ledger_entry_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'ledger_entry is append-only: % refused', TG_OP;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_entry_no_update BEFORE UPDATE OR DELETE ON ledger_entry
    FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only();

-- Payouts for the shop platform (PayoutTableAdapter): the order system polls PENDING ones, executes each once
-- using the payout id as its idempotency key, and confirms. Failed executions go back to PENDING until max attempts.
CREATE TABLE payout (
    id                  uuid         PRIMARY KEY,
    shop_id             varchar(64)  NOT NULL,
    compensation_id     uuid         NOT NULL UNIQUE REFERENCES compensation (id),
    order_id            varchar(64)  NOT NULL,
    type                varchar(30)  NOT NULL,
    amount_fen          bigint       NOT NULL CHECK (amount_fen > 0),
    currency            varchar(3)   NOT NULL,
    status              varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'EXECUTED', 'FAILED')),
    attempts            integer      NOT NULL DEFAULT 0,
    last_error          varchar(500),
    platform_reference  varchar(200),
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    executed_at         timestamptz
);

CREATE INDEX payout_by_status ON payout (shop_id, status, created_at);

-- Lost or damaged parcels the shop claims against the courier (from logistics.v1), for month-end accounts.
CREATE TABLE courier_claim (
    claim_id         uuid         PRIMARY KEY,
    shop_id          varchar(64)  NOT NULL,
    order_id         varchar(64)  NOT NULL,
    courier          varchar(20)  NOT NULL,
    tracking_number  varchar(64),
    amount_fen       bigint       NOT NULL,
    currency         varchar(3)   NOT NULL,
    verdict          varchar(20)  NOT NULL,
    status           varchar(10)  NOT NULL,
    claimed_at       timestamptz  NOT NULL,
    updated_at       timestamptz  NOT NULL
);

CREATE INDEX courier_claim_by_month ON courier_claim (shop_id, claimed_at);

-- A shop's own settings over the defaults (only what it set).
CREATE TABLE shop_settings (
    shop_id     varchar(64)  PRIMARY KEY,
    settings    text         NOT NULL,
    updated_at  timestamptz  NOT NULL,
    updated_by  varchar(200) NOT NULL
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

-- Inbox: the events this service has handled, recorded in the same transaction as their effect.
CREATE TABLE inbox_message (
    consumer     varchar(100) NOT NULL,
    event_id     varchar(100) NOT NULL,
    received_at  timestamptz  NOT NULL,
    PRIMARY KEY (consumer, event_id)
);

CREATE INDEX inbox_message_received ON inbox_message (received_at);
