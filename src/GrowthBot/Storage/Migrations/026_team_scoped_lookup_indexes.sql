-- Portable: the same SQL runs on SQLite and PostgreSQL.
-- Lookups by team and experiment or key result (`/experiment show`, the report's task counts of its running experiments,
-- a key result's check-ins before a moment). SQLite has no statistics of a new file's tables, and with an index on
-- team_id alone to choose from it walked every row of the team (41,600 tasks on ten team-years, the benchmark's
-- profile) instead of the experiment's or key result's few; these indexes name both, so the plan does not depend on
-- statistics.
CREATE INDEX ix_tasks_team_experiment ON tasks (team_id, experiment_id, status);
CREATE INDEX ix_learnings_team_experiment ON learnings (team_id, experiment_id, created_at);
CREATE INDEX ix_lead_ratings_team_experiment ON lead_ratings (team_id, experiment_id);
CREATE INDEX ix_thread_comments_team_experiment ON thread_comments (team_id, experiment_id);
CREATE INDEX ix_check_ins_team_key_result ON check_ins (team_id, key_result_id, created_at);
