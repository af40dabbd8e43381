-- Issue 10. Which experiments sales are asked about is the team's choice, not a guess from English words: a key
-- result "counts leads" (a box in /okr set), an experiment "brings leads for sales to judge" (a box in the New, Edit
-- and Conclude modals, ticked by default when its key result counts leads). The Conclude modal also records the
-- next step the team decided on.

ALTER TABLE key_results ADD COLUMN counts_leads INTEGER NOT NULL DEFAULT 0;
ALTER TABLE experiments ADD COLUMN brings_leads INTEGER NOT NULL DEFAULT 0;
ALTER TABLE experiments ADD COLUMN next_step TEXT NULL;

-- A one-time carry-over of the rule these flags replace, so existing teams keep being asked about the same
-- experiments: the English word "lead" or "leads" as a whole word (ASCII boundaries, any case) in a key result's name
-- or unit, or in an experiment's metric or measured result. The code never matches words again; from here on the
-- team ticks the boxes.
UPDATE key_results SET counts_leads = 1
WHERE (' ' || lower(name) || ' ') GLOB '*[^a-z0-9_]lead[^a-z0-9_]*' OR (' ' || lower(name) || ' ') GLOB '*[^a-z0-9_]leads[^a-z0-9_]*'
   OR (' ' || lower(unit) || ' ') GLOB '*[^a-z0-9_]lead[^a-z0-9_]*' OR (' ' || lower(unit) || ' ') GLOB '*[^a-z0-9_]leads[^a-z0-9_]*';

UPDATE experiments SET brings_leads = 1
WHERE key_result_id IN (SELECT id FROM key_results WHERE counts_leads = 1)
   OR (' ' || lower(metric) || ' ') GLOB '*[^a-z0-9_]lead[^a-z0-9_]*' OR (' ' || lower(metric) || ' ') GLOB '*[^a-z0-9_]leads[^a-z0-9_]*'
   OR (' ' || lower(IFNULL(result, '')) || ' ') GLOB '*[^a-z0-9_]lead[^a-z0-9_]*' OR (' ' || lower(IFNULL(result, '')) || ' ') GLOB '*[^a-z0-9_]leads[^a-z0-9_]*';
