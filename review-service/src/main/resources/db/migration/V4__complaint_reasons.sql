-- What each neutral or bad review complains about, with the words that show it (reasons/ classifier).
CREATE TABLE review_reason (
    review_id  uuid          NOT NULL REFERENCES review (id),
    reason     varchar(30)   NOT NULL,
    evidence   varchar(200)  NOT NULL,
    PRIMARY KEY (review_id, reason)
);

-- The shop's own words for a reason, on top of the default lexicon.
CREATE TABLE reason_term (
    shop_id    varchar(64)   NOT NULL,
    reason     varchar(30)   NOT NULL,
    term       varchar(50)   NOT NULL,
    created_at timestamptz   NOT NULL,
    PRIMARY KEY (shop_id, reason, term)
);
