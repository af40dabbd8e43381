-- PostgreSQL's 008 (SQLite's is 008_one_experiment_text_index.sql): search_index holds every experiment from the moment
-- it is logged, kept current by a trigger (so rows written by any path, a seeder included, are indexed). /learning
-- search still shows only concluded experiments (LearningStore filters); "tested before?" reads the experiment rows.

-- What an experiment is found by, written once: its short id (as ShortId.Format writes it) and name as the title,
-- its non-blank hypothesis, metric, result and learning as the body.
CREATE VIEW experiment_search_text AS
SELECT id, team_id,
    'E' || number || ' ' || name AS title,
    concat_ws(chr(10), NULLIF(TRIM(hypothesis), ''), NULLIF(TRIM(metric), ''), NULLIF(TRIM(result), ''), NULLIF(TRIM(learning), '')) AS body
FROM experiments;

DELETE FROM search_index WHERE source = 'experiment';
INSERT INTO search_index (team_id, source, source_id, title, body)
SELECT team_id, 'experiment', id, title, body FROM experiment_search_text;

CREATE FUNCTION experiments_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        DELETE FROM search_index WHERE source = 'experiment' AND source_id = OLD.id;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        INSERT INTO search_index (team_id, source, source_id, title, body)
        SELECT team_id, 'experiment', id, title, body FROM experiment_search_text WHERE id = NEW.id;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER experiments_search_insert AFTER INSERT ON experiments
    FOR EACH ROW EXECUTE FUNCTION experiments_search_sync();
CREATE TRIGGER experiments_search_update AFTER UPDATE OF number, name, hypothesis, metric, result, learning ON experiments
    FOR EACH ROW EXECUTE FUNCTION experiments_search_sync();
CREATE TRIGGER experiments_search_delete AFTER DELETE ON experiments
    FOR EACH ROW EXECUTE FUNCTION experiments_search_sync();
