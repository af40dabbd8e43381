-- PostgreSQL's 005 (SQLite's is 005_settings_pauses_deliveries.sql): the same tables in PostgreSQL's types. The
-- deliveries key is what makes each scheduled post happen once across instances: a claim inserts it (one insert
-- wins) or locks its row.

CREATE TABLE team_settings (
    team_id                TEXT        PRIMARY KEY,
    report_channel         TEXT        NULL,
    report_day             TEXT        NULL,             -- Monday … Sunday
    report_time            TEXT        NULL,             -- HH:mm, team time zone
    time_zone              TEXT        NULL,             -- IANA name
    lead_quality_users     TEXT        NOT NULL DEFAULT '',  -- comma-separated user ids
    lead_quality_group     TEXT        NULL,             -- user group id, S…
    okr_progress_in_report BOOLEAN     NOT NULL DEFAULT FALSE,
    nudges_enabled         BOOLEAN     NOT NULL DEFAULT TRUE,
    updated_by             TEXT        NULL,
    updated_at             TIMESTAMPTZ NULL
);

CREATE TABLE nudge_pauses (
    team_id     TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    until_date  DATE        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

CREATE TABLE deliveries (
    key             TEXT        PRIMARY KEY,
    team_id         TEXT        NOT NULL,
    job             TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    status          TEXT        NOT NULL,                -- Pending | Sent | Retry | Failed
    channel         TEXT        NULL,
    ts              TEXT        NULL,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    last_error      TEXT        NULL,
    claimed_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ NULL
);
CREATE INDEX ix_deliveries_team_job ON deliveries (team_id, job, status);

CREATE TABLE report_threads (
    team_id        TEXT        NOT NULL,
    channel        TEXT        NOT NULL,
    thread_ts      TEXT        NOT NULL,
    week           TEXT        NOT NULL,
    experiment_ids TEXT        NOT NULL,                 -- comma-separated experiment row ids
    created_at     TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, thread_ts)
);
