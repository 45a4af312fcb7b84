-- Issue 5: one ticket per buyer-order, routing by tier/skills/shifts, SLA timers, contact log,
-- handover, recovery credit, performance. Every timer is a column or a row: nothing lives only in memory.

-- A shop's own numbers (JSON of ShopTicketSettings); a field it did not set takes the default of
-- TicketConfig (DOMAIN.md).
CREATE TABLE shop_settings (
    shop_id     varchar(64)   PRIMARY KEY,
    settings    jsonb         NOT NULL,
    updated_at  timestamptz   NOT NULL,
    updated_by  varchar(100)  NOT NULL
);

-- Agents work a shift (ANY: not bound to one) and may name product categories they know.
ALTER TABLE agent
    ADD COLUMN shift  varchar(10) NOT NULL DEFAULT 'ANY' CHECK (shift IN ('DAY', 'NIGHT', 'ANY')),
    ADD COLUMN skills text[]      NOT NULL DEFAULT '{}';

-- Tickets: one per buyer-order while open; routing, SLA and outcome columns.
ALTER TABLE ticket
    ALTER COLUMN priority TYPE bigint,
    ADD COLUMN item_category           varchar(40),
    ADD COLUMN buyer_vip               boolean      NOT NULL DEFAULT false,
    ADD COLUMN required_tier           varchar(20)  NOT NULL DEFAULT 'REVIEW_RECOVERY'
        CHECK (required_tier IN ('REVIEW_RECOVERY', 'SUPERVISOR')),
    ADD COLUMN preferred_agent_id      uuid,
    ADD COLUMN first_contact_at        timestamptz,
    ADD COLUMN first_contact_due_at    timestamptz,
    ADD COLUMN resolution_due_at       timestamptz,
    ADD COLUMN handed_over_at          timestamptz,
    ADD COLUMN handover_due_at         timestamptz,
    ADD COLUMN last_touched_at         timestamptz,
    ADD COLUMN pending_task            varchar(40),
    ADD COLUMN outcome                 varchar(12)
        CHECK (outcome IN ('RECOVERED', 'EXPLAINED', 'UNRECOVERED', 'CANCELLED')),
    ADD COLUMN outcome_reason          varchar(500),
    ADD COLUMN credit_fen              bigint       NOT NULL DEFAULT 0,
    ADD CONSTRAINT ticket_closed_has_outcome CHECK (status <> 'CLOSED' OR closed_at IS NOT NULL);

-- Every neutral or bad review a ticket carries (several reviews of one order join one ticket).
CREATE TABLE ticket_review (
    shop_id              varchar(64)  NOT NULL,
    review_id            uuid         NOT NULL,
    ticket_id            uuid         NOT NULL REFERENCES ticket (id),
    platform_review_id   varchar(64)  NOT NULL,
    item_sku             varchar(64)  NOT NULL,
    item_title           varchar(200),
    rating               varchar(10)  NOT NULL CHECK (rating IN ('NEUTRAL', 'BAD')),
    current_rating       varchar(10)  NOT NULL CHECK (current_rating IN ('GOOD', 'NEUTRAL', 'BAD')),
    text_still_negative  boolean      NOT NULL DEFAULT false,
    review_created_at    timestamptz  NOT NULL,
    joined_at            timestamptz  NOT NULL,
    revised_at           timestamptz,
    -- the same review never joins two tickets, whatever the consumer sees twice
    PRIMARY KEY (shop_id, review_id)
);
CREATE INDEX ticket_review_by_ticket ON ticket_review (ticket_id);

INSERT INTO ticket_review (shop_id, review_id, ticket_id, platform_review_id, item_sku, item_title, rating,
                           current_rating, review_created_at, joined_at)
SELECT shop_id, review_id, id, platform_review_id, item_sku, item_title, rating, rating, review_created_at, opened_at
FROM ticket;

-- Before one-open-ticket-per-order holds: extra open tickets of one order (from before this
-- version) hand their reviews to the order's oldest open ticket and close as CANCELLED.
CREATE TEMPORARY TABLE merged_ticket ON COMMIT DROP AS
SELECT id, agent_id, status, first_value(id) OVER (PARTITION BY shop_id, order_id ORDER BY opened_at, id) AS keep_id
FROM ticket WHERE status <> 'CLOSED';
DELETE FROM merged_ticket WHERE id = keep_id;
UPDATE ticket_review r SET ticket_id = m.keep_id FROM merged_ticket m WHERE r.ticket_id = m.id;
UPDATE agent a SET open_tickets = a.open_tickets - n.cnt
FROM (SELECT agent_id, count(*) AS cnt FROM merged_ticket WHERE status = 'ASSIGNED' GROUP BY agent_id) n
WHERE a.id = n.agent_id;
UPDATE ticket t SET status = 'CLOSED', closed_at = now(), outcome = 'CANCELLED', outcome_reason = 'merged into ticket ' || m.keep_id
FROM merged_ticket m WHERE t.id = m.id;

ALTER TABLE ticket DROP CONSTRAINT ticket_review_unique;
CREATE UNIQUE INDEX ticket_open_per_order ON ticket (shop_id, order_id) WHERE status <> 'CLOSED';
CREATE INDEX ticket_by_buyer ON ticket (shop_id, buyer_id, assigned_at DESC);
CREATE INDEX ticket_first_contact_due ON ticket (first_contact_due_at) WHERE status <> 'CLOSED' AND first_contact_at IS NULL;
CREATE INDEX ticket_resolution_due ON ticket (resolution_due_at) WHERE status <> 'CLOSED';
CREATE INDEX ticket_handover_due ON ticket (handover_due_at) WHERE status <> 'CLOSED' AND handover_due_at IS NOT NULL;
CREATE INDEX ticket_closed_by_agent ON ticket (shop_id, closed_at) WHERE status = 'CLOSED';

-- A breached SLA: one row per ticket and reason, so two instances escalate it once.
CREATE TABLE ticket_escalation (
    ticket_id      uuid         NOT NULL REFERENCES ticket (id),
    reason         varchar(30)  NOT NULL CHECK (reason IN ('FIRST_CONTACT_OVERDUE', 'RESOLUTION_OVERDUE', 'HANDOVER_OVERDUE')),
    shop_id        varchar(64)  NOT NULL,
    agent_id       uuid,
    supervisor_id  uuid         REFERENCES agent (id),
    due_at         timestamptz  NOT NULL,
    escalated_at   timestamptz  NOT NULL,
    PRIMARY KEY (ticket_id, reason)
);
CREATE INDEX ticket_escalation_by_shop ON ticket_escalation (shop_id, escalated_at);

-- What ticket-service knows of a buyer for contacting them: presence reported by the order system.
CREATE TABLE buyer_presence (
    shop_id              varchar(64)  NOT NULL,
    buyer_id             varchar(64)  NOT NULL,
    online               boolean      NOT NULL,
    changed_at           timestamptz  NOT NULL,
    last_seen_online_at  timestamptz,
    PRIMARY KEY (shop_id, buyer_id)
);

-- Each attempt to reach the buyer; local_date (shop time zone) counts calls per buyer per day.
CREATE TABLE contact_attempt (
    id            uuid          PRIMARY KEY,
    shop_id       varchar(64)   NOT NULL,
    ticket_id     uuid          NOT NULL REFERENCES ticket (id),
    buyer_id      varchar(64)   NOT NULL,
    agent_id      uuid          REFERENCES agent (id),
    channel       varchar(10)   NOT NULL CHECK (channel IN ('PHONE', 'IM', 'SMS')),
    outcome       varchar(20)   NOT NULL CHECK (outcome IN ('REACHED', 'NO_ANSWER', 'REFUSED', 'AGREED_TO_REVISE')),
    note          varchar(1000),
    attempted_at  timestamptz   NOT NULL,
    local_date    date          NOT NULL
);
CREATE INDEX contact_attempt_by_ticket ON contact_attempt (ticket_id, attempted_at);
CREATE INDEX contact_attempt_by_buyer_day ON contact_attempt (shop_id, buyer_id, local_date);

-- Notes on a buyer's temperament: shown on every later ticket of that buyer.
CREATE TABLE buyer_note (
    id          uuid           PRIMARY KEY,
    shop_id     varchar(64)    NOT NULL,
    buyer_id    varchar(64)    NOT NULL,
    ticket_id   uuid           REFERENCES ticket (id),
    agent_id    uuid           REFERENCES agent (id),
    note        varchar(1000)  NOT NULL,
    created_at  timestamptz    NOT NULL
);
CREATE INDEX buyer_note_by_buyer ON buyer_note (shop_id, buyer_id, created_at);

-- 晚班交接: at the start of the day shift, what the night shift left open. Once per shop and day.
CREATE TABLE handover (
    id          uuid         PRIMARY KEY,
    shop_id     varchar(64)  NOT NULL,
    shift_date  date         NOT NULL,
    started_at  timestamptz  NOT NULL,
    touch_by    timestamptz  NOT NULL,
    CONSTRAINT handover_once_a_day UNIQUE (shop_id, shift_date)
);

CREATE TABLE handover_ticket (
    handover_id    uuid  NOT NULL REFERENCES handover (id),
    ticket_id      uuid  NOT NULL REFERENCES ticket (id),
    from_agent_id  uuid  REFERENCES agent (id),
    PRIMARY KEY (handover_id, ticket_id)
);

-- Compensations from compensations.v1 (compensation-service), latest status per compensation.
CREATE TABLE ticket_compensation (
    compensation_id  uuid         PRIMARY KEY,
    shop_id          varchar(64)  NOT NULL,
    order_id         varchar(64)  NOT NULL,
    ticket_id        uuid,
    agent_id         uuid,
    type             varchar(40)  NOT NULL,
    amount_fen       bigint       NOT NULL,
    status           varchar(20)  NOT NULL,
    paid_at          timestamptz,
    updated_at       timestamptz  NOT NULL
);
CREATE INDEX ticket_compensation_by_ticket ON ticket_compensation (ticket_id);
CREATE INDEX ticket_compensation_paid ON ticket_compensation (shop_id, paid_at) WHERE paid_at IS NOT NULL;

-- Statistics by day (agent performance, recoveries per day) read these per shop and period.
CREATE INDEX ticket_assigned_by_shop ON ticket (shop_id, assigned_at);
CREATE INDEX ticket_review_joined ON ticket_review (shop_id, joined_at);
CREATE INDEX contact_attempt_by_shop ON contact_attempt (shop_id, attempted_at);
