-- PostgreSQL's 010 (SQLite's is 010_lead_flags_and_next_step.sql, which explains it): the same flags as booleans,
-- and the same one-time carry-over of the old "lead"/"leads" whole-word rule, written as a regular expression.

ALTER TABLE key_results ADD COLUMN counts_leads BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE experiments ADD COLUMN brings_leads BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE experiments ADD COLUMN next_step TEXT NULL;

UPDATE key_results SET counts_leads = TRUE
WHERE lower(name) ~ '(^|[^a-z0-9_])leads?([^a-z0-9_]|$)' OR lower(unit) ~ '(^|[^a-z0-9_])leads?([^a-z0-9_]|$)';

UPDATE experiments SET brings_leads = TRUE
WHERE key_result_id IN (SELECT id FROM key_results WHERE counts_leads)
   OR lower(metric) ~ '(^|[^a-z0-9_])leads?([^a-z0-9_]|$)'
   OR lower(COALESCE(result, '')) ~ '(^|[^a-z0-9_])leads?([^a-z0-9_]|$)';
