-- PostgreSQL's 020 (SQLite's is 020_objective_periods_and_weekly_targets.sql): an objective's first and last day, and
-- the weekly targets set by hand, in PostgreSQL's types (date, timestamptz, double precision, bigint references).

ALTER TABLE objectives ADD COLUMN starts_on DATE NULL;
ALTER TABLE objectives ADD COLUMN ends_on   DATE NULL;

CREATE TABLE weekly_targets (
    team_id        TEXT             NOT NULL,
    key_result_id  BIGINT           NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    week_start     DATE             NOT NULL,
    target         DOUBLE PRECISION NOT NULL,
    set_by         TEXT             NOT NULL,
    set_at         TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (team_id, key_result_id, week_start)
);
