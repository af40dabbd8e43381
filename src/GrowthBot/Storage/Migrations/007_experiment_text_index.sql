-- Words of every experiment's name and hypothesis, for "have we tested this before?" on each new idea.
-- An external-content FTS5 table over experiments, kept current by triggers, so finding candidates is one
-- ranked query instead of reading the team's whole history after every save.

CREATE VIRTUAL TABLE experiment_text USING fts5 (
    name,
    hypothesis,
    content = 'experiments',
    content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO experiment_text (experiment_text) VALUES ('rebuild');

CREATE TRIGGER experiments_text_insert AFTER INSERT ON experiments BEGIN
    INSERT INTO experiment_text (rowid, name, hypothesis) VALUES (new.id, new.name, new.hypothesis);
END;

CREATE TRIGGER experiments_text_delete AFTER DELETE ON experiments BEGIN
    INSERT INTO experiment_text (experiment_text, rowid, name, hypothesis) VALUES ('delete', old.id, old.name, old.hypothesis);
END;

CREATE TRIGGER experiments_text_update AFTER UPDATE OF name, hypothesis ON experiments BEGIN
    INSERT INTO experiment_text (experiment_text, rowid, name, hypothesis) VALUES ('delete', old.id, old.name, old.hypothesis);
    INSERT INTO experiment_text (rowid, name, hypothesis) VALUES (new.id, new.name, new.hypothesis);
END;
