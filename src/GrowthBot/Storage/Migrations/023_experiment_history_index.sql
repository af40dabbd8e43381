-- Portable: the same SQL runs on SQLite and PostgreSQL.
-- The report and the App Home read a team's recent history (concluded or abandoned since a date) and count its win
-- rate in the database (ExperimentStore.Recent); this index answers both from the index alone, however long the history.
CREATE INDEX ix_experiments_team_history ON experiments (team_id, status, concluded_at, outcome);
