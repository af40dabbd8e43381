-- Scheduled posts: per-team settings, people's nudge pauses, the delivery log that makes every scheduled
-- post happen once, and the report threads sales answer in.

-- /growth settings; null columns fall back to the environment's defaults.
CREATE TABLE team_settings (
    team_id                TEXT    PRIMARY KEY,
    report_channel         TEXT    NULL,
    report_day             TEXT    NULL,             -- Monday … Sunday
    report_time            TEXT    NULL,             -- HH:mm, team time zone
    time_zone              TEXT    NULL,             -- IANA name
    lead_quality_users     TEXT    NOT NULL DEFAULT '',  -- comma-separated user ids
    lead_quality_group     TEXT    NULL,             -- user group id, S…
    okr_progress_in_report INTEGER NOT NULL DEFAULT 0,
    nudges_enabled         INTEGER NOT NULL DEFAULT 1,
    updated_by             TEXT    NULL,
    updated_at             TEXT    NULL
);

-- /growth pause <date>: no nudges or check-in DMs for the person before that date.
CREATE TABLE nudge_pauses (
    team_id     TEXT NOT NULL,
    user_id     TEXT NOT NULL,
    until_date  TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    PRIMARY KEY (team_id, user_id)
);

-- One row per scheduled post: key = team + job + period + recipient. A row is claimed (pending) in a
-- transaction before posting and marked sent with Slack's ts after, so a post is made once whatever
-- retries, restarts or double firings happen. retry = Slack was down or rate-limiting; failed = Slack
-- refused for good (channel_not_found, not_in_channel, …) and a lead was told.
CREATE TABLE deliveries (
    key             TEXT    PRIMARY KEY,
    team_id         TEXT    NOT NULL,
    job             TEXT    NOT NULL,
    recipient       TEXT    NOT NULL,
    status          TEXT    NOT NULL,                -- pending | sent | retry | failed
    channel         TEXT    NULL,
    ts              TEXT    NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    last_error      TEXT    NULL,
    claimed_at      TEXT    NOT NULL,
    sent_at         TEXT    NULL
);
CREATE INDEX ix_deliveries_team_job ON deliveries (team_id, job, status);

-- The weekly report messages whose thread asks sales about lead quality, and the experiments asked about.
CREATE TABLE report_threads (
    team_id        TEXT NOT NULL,
    channel        TEXT NOT NULL,
    thread_ts      TEXT NOT NULL,
    week           TEXT NOT NULL,
    experiment_ids TEXT NOT NULL,                    -- comma-separated experiment row ids
    created_at     TEXT NOT NULL,
    PRIMARY KEY (team_id, thread_ts)
);
