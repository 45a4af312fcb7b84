-- One database per service (DESIGN: "one database per service"), owned by the application role
-- (POSTGRES_USER, "winback" in deploy/docker-compose.yml). The postgres image runs this once, when
-- its data volume is new. Each service creates its own tables (Flyway, at start).
CREATE DATABASE reviews;
CREATE DATABASE tickets;
CREATE DATABASE compensations;
CREATE DATABASE logistics;
