-- Issue 13. An objective runs over a period with a first and a last day (the team's calendar dates), and a key
-- result's weekly target can be set by hand for a week (/okr week) instead of the default.
-- PostgreSQL: 020_objective_periods_and_weekly_targets.postgres.sql (dates as date, instants as timestamptz).

-- Null for objectives set before this migration: they run over the quarter their name gives ("Q4 2026"), else the
-- calendar quarter they were set in (OkrPeriod.Infer), so nothing is guessed here that the code could not redo.
ALTER TABLE objectives ADD COLUMN starts_on TEXT NULL;
ALTER TABLE objectives ADD COLUMN ends_on   TEXT NULL;

CREATE TABLE weekly_targets (
    team_id        TEXT    NOT NULL,
    key_result_id  INTEGER NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    -- The week's Monday, in the team's time zone (yyyy-MM-dd).
    week_start     TEXT    NOT NULL,
    -- How far the key result should move toward its target that week.
    target         REAL    NOT NULL,
    set_by         TEXT    NOT NULL,
    set_at         TEXT    NOT NULL,
    PRIMARY KEY (team_id, key_result_id, week_start)
);
