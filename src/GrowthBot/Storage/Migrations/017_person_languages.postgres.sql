-- PostgreSQL's 017 (SQLite's is 017_person_languages.sql): the same table, the time of the choice as timestamptz.
CREATE TABLE person_languages (
    team_id     TEXT        NOT NULL,
    user_id     TEXT        NOT NULL,
    language    TEXT        NOT NULL,  -- two-letter code: en, fi, sv, ru, tr
    updated_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
