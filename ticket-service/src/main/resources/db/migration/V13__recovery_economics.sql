-- Recovery economics (issue 17): small per-day tables kept as the events arrive, so a report reads days,
-- never every ticket (its cost does not grow with history).
--
-- One row per shop, breakdown, local day, member and figure: a counter. dimension is SHOP (member ''), AGENT
-- (the agent id), PRODUCT (the item SKU) or REASON (a complaint reason). detail is '' for plain counters, the
-- compensation type for COMPENSATION_FEN, and the bucket of a time histogram for the SECONDS_TO_* figures (see
-- stats/DurationBuckets: fixed buckets, so a day of any volume stays a few hundred rows at most).
CREATE TABLE economics_day (
    shop_id   text   NOT NULL,
    dimension text   NOT NULL,
    day       date   NOT NULL,
    member    text   NOT NULL,
    figure    text   NOT NULL,
    detail    text   NOT NULL DEFAULT '',
    value     bigint NOT NULL,
    PRIMARY KEY (shop_id, dimension, day, member, figure, detail)
);

-- Claims against couriers seen on logistics.v1 (lost-parcel.claimed.v1): what of each was counted, so a claim
-- counts as filed once and as settled once, whatever copies of its events arrive.
CREATE TABLE courier_claim (
    claim_id   uuid PRIMARY KEY,
    shop_id    text NOT NULL,
    order_id   text NOT NULL,
    settled_at timestamptz
);

-- What the ticket's reviews complain about (review.received.v1 complaintReasons), for the by-reason figures of
-- what happens to the ticket later (resolution, compensation).
ALTER TABLE ticket ADD COLUMN complaint_reasons text[];
