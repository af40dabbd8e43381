-- PostgreSQL's 014 (SQLite's is 014_data_protection_keys.sql): the same key ring, its creation time as timestamptz.
-- Every instance on the database reads this one ring, so one can decrypt what another encrypted.
CREATE TABLE data_protection_keys (
    friendly_name  TEXT        NOT NULL PRIMARY KEY,
    xml            TEXT        NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL
);
