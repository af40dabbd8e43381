-- PostgreSQL's 006 (SQLite's is 006_processed_events.sql): received_at is a timestamptz.

CREATE TABLE processed_events (
    team_id      TEXT        NOT NULL,
    event_id     TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, event_id)
);
CREATE INDEX ix_processed_events_received ON processed_events (received_at);
