-- Issue 13. An objective runs over a period with a first and a last day (the team's calendar dates), and a key
-- result's weekly target can be set by hand for a week (/okr week) instead of the default.
-- Portable: the same SQL runs on SQLite and PostgreSQL.
-- Dates are DATE: PostgreSQL's own type, and to SQLite a type name whose yyyy-MM-dd text it keeps as text, like the
-- TEXT dates elsewhere. Numbers are DOUBLE PRECISION, which SQLite reads as REAL.

-- Null for objectives set before this migration: they run over the quarter their name gives ("Q4 2026"), else the
-- calendar quarter they were set in (OkrPeriod.Infer), so nothing is guessed here that the code could not redo.
ALTER TABLE objectives ADD COLUMN starts_on DATE NULL;
ALTER TABLE objectives ADD COLUMN ends_on   DATE NULL;

CREATE TABLE weekly_targets (
    team_id        TEXT             NOT NULL,
    key_result_id  BIGINT           NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    -- The week's Monday, in the team's time zone.
    week_start     DATE             NOT NULL,
    target         DOUBLE PRECISION NOT NULL,
    set_by         TEXT             NOT NULL,
    set_at         TIMESTAMPTZ      NOT NULL,
    PRIMARY KEY (team_id, key_result_id, week_start)
);
