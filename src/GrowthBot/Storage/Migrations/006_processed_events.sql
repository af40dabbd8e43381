-- Events already handled, by Slack's event_id, so a retry (up to three, the last minutes after the first) or a
-- redelivery after a restart is not handled twice. Rows older than a day are pruned as new events arrive.

CREATE TABLE processed_events (
    team_id      TEXT NOT NULL,
    event_id     TEXT NOT NULL,
    received_at  TEXT NOT NULL,
    PRIMARY KEY (team_id, event_id)
);
CREATE INDEX ix_processed_events_received ON processed_events (received_at);
