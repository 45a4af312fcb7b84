-- A buyer changes rating and/or text: the review row shows the latest state, each revision is kept.
ALTER TABLE review
    ADD COLUMN revised_at     timestamptz,
    ADD COLUMN revision_count integer NOT NULL DEFAULT 0;

CREATE TABLE review_revision (
    id                  uuid         PRIMARY KEY,
    review_id           uuid         NOT NULL REFERENCES review (id),
    shop_id             varchar(64)  NOT NULL,
    rating_before       varchar(10)  NOT NULL,
    rating_after        varchar(10)  NOT NULL CHECK (rating_after IN ('GOOD', 'NEUTRAL', 'BAD')),
    text_before         varchar(2000),
    text_after          varchar(2000),
    -- the rating went up but the words still complain: it still hurts conversion (DOMAIN "Reviews")
    text_still_negative boolean      NOT NULL,
    revised_at          timestamptz  NOT NULL,
    received_at         timestamptz  NOT NULL,
    -- the order system may send one revision twice: it is the same revision
    CONSTRAINT review_revision_unique UNIQUE (review_id, revised_at)
);

CREATE INDEX review_revision_by_day ON review_revision (shop_id, revised_at);
