-- A service written after the platform owned its tables: only its own DDL, nothing of the outbox, inbox or settings.
CREATE TABLE parcel (
    id          uuid        PRIMARY KEY,
    shop_id     varchar(64) NOT NULL,
    created_at  timestamptz NOT NULL
);
