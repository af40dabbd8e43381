-- One full-text index for experiment text. search_index (002) held concluded experiments for /learning search,
-- experiment_text (007) every experiment's name and hypothesis for "tested before?": the same words twice.
-- Now search_index holds every experiment from the moment it is logged, kept current by triggers (so rows
-- written by any path, a seeder included, are indexed), and experiment_text goes. /learning search still shows
-- only concluded experiments (LearningStore filters); "tested before?" reads the experiment rows.

DROP TRIGGER experiments_text_insert;
DROP TRIGGER experiments_text_delete;
DROP TRIGGER experiments_text_update;
DROP TABLE experiment_text;

-- What an experiment is found by, written once: its short id (as ShortId.Format writes it) and name as the title,
-- its non-blank hypothesis, metric, result and learning as the body.
CREATE VIEW experiment_search_text AS
SELECT id, team_id,
    'E' || number || ' ' || name AS title,
    concat_ws(char(10), NULLIF(TRIM(hypothesis), ''), NULLIF(TRIM(metric), ''), NULLIF(TRIM(result), ''), NULLIF(TRIM(learning), '')) AS body
FROM experiments;

DELETE FROM search_index WHERE source = 'experiment';
INSERT INTO search_index (team_id, source, source_id, title, body)
SELECT team_id, 'experiment', id, title, body FROM experiment_search_text;

CREATE TRIGGER experiments_search_insert AFTER INSERT ON experiments BEGIN
    INSERT INTO search_index (team_id, source, source_id, title, body)
    SELECT team_id, 'experiment', id, title, body FROM experiment_search_text WHERE id = new.id;
END;

CREATE TRIGGER experiments_search_update AFTER UPDATE OF number, name, hypothesis, metric, result, learning ON experiments BEGIN
    DELETE FROM search_index WHERE source = 'experiment' AND source_id = old.id;
    INSERT INTO search_index (team_id, source, source_id, title, body)
    SELECT team_id, 'experiment', id, title, body FROM experiment_search_text WHERE id = new.id;
END;

CREATE TRIGGER experiments_search_delete AFTER DELETE ON experiments BEGIN
    DELETE FROM search_index WHERE source = 'experiment' AND source_id = old.id;
END;
