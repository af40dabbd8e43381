-- Experiments and the OKRs they move. Every record keeps its Slack team, who created it and when.
-- Dates are ISO-8601 text (yyyy-MM-dd), instants ISO-8601 UTC text; enums are their names.

CREATE TABLE objectives (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    period        TEXT    NOT NULL DEFAULT '',
    is_current    INTEGER NOT NULL DEFAULT 1,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX ix_objectives_team ON objectives (team_id, is_current);

CREATE TABLE key_results (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    number        INTEGER NOT NULL,
    objective_id  INTEGER NOT NULL REFERENCES objectives (id) ON DELETE CASCADE,
    name          TEXT    NOT NULL,
    baseline      REAL    NOT NULL,
    target        REAL    NOT NULL,
    current       REAL    NOT NULL,
    unit          TEXT    NOT NULL DEFAULT '',
    owner_id      TEXT    NOT NULL,
    confidence    TEXT    NULL,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    UNIQUE (team_id, number)
);
CREATE INDEX ix_key_results_objective ON key_results (objective_id);

CREATE TABLE experiments (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    number        INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    hypothesis    TEXT    NOT NULL,
    funnel_stage  TEXT    NOT NULL,
    key_result_id INTEGER NULL REFERENCES key_results (id) ON DELETE SET NULL,
    metric        TEXT    NOT NULL DEFAULT '',
    impact        INTEGER NOT NULL CHECK (impact BETWEEN 1 AND 10),
    confidence    INTEGER NOT NULL CHECK (confidence BETWEEN 1 AND 10),
    ease          INTEGER NOT NULL CHECK (ease BETWEEN 1 AND 10),
    owner_id      TEXT    NOT NULL,
    start_date    TEXT    NOT NULL,
    end_date      TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'Backlog',
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NULL,
    started_at    TEXT    NULL,
    concluded_at  TEXT    NULL,
    outcome       TEXT    NULL,
    result        TEXT    NULL,
    learning      TEXT    NULL,
    decision      TEXT    NULL,
    UNIQUE (team_id, number)
);
CREATE INDEX ix_experiments_team_status ON experiments (team_id, status);
