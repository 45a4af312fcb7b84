-- The bare app's one table: enough for Flyway to migrate and Hibernate to validate at start, as in the services.
CREATE TABLE thing (
    id          uuid          PRIMARY KEY,
    name        varchar(100)  NOT NULL,
    created_at  timestamptz   NOT NULL
);
