-- Issue 14: an experiment's budget, spend and results, their history, and the team's currency.
-- Money is stored as whole minor units (cents) in INTEGER columns: SQLite has no decimal type, and a REAL would round
-- budgets. 800.50 EUR is 80050. The currency is the team's (team_settings.currency, an ISO 4217 code; null = EUR).
ALTER TABLE experiments ADD COLUMN budget_cents INTEGER NULL;
ALTER TABLE experiments ADD COLUMN spent_cents  INTEGER NOT NULL DEFAULT 0;
ALTER TABLE experiments ADD COLUMN results      INTEGER NULL;       -- results so far, counted in result_unit
ALTER TABLE experiments ADD COLUMN result_unit  TEXT    NOT NULL DEFAULT '';  -- singular, e.g. lead; '' = result

-- Each recorded spend is the experiment's total so far (not an increment), so what was spent in a report's period
-- is the total at its end minus the total at its start.
CREATE TABLE experiment_spend (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    spent_cents   INTEGER NOT NULL CHECK (spent_cents >= 0),
    results       INTEGER NULL,
    recorded_by   TEXT    NOT NULL,
    recorded_at   TEXT    NOT NULL
);
CREATE INDEX ix_experiment_spend_team_time ON experiment_spend (team_id, recorded_at);

ALTER TABLE team_settings ADD COLUMN currency TEXT NULL;
