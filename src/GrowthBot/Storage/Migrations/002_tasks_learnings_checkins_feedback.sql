-- The rest of the weekly loop: tasks with their blockers and postponements, learnings (searchable with
-- FTS5), key-result check-ins, and sales' lead-quality feedback. Every record keeps team, author and time.

CREATE TABLE tasks (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    number        INTEGER NOT NULL,
    experiment_id INTEGER NULL REFERENCES experiments (id) ON DELETE SET NULL,
    title         TEXT    NOT NULL,
    notes         TEXT    NOT NULL DEFAULT '',
    owner_id      TEXT    NOT NULL,
    -- The due date as first planned; postponements move due_date and are kept in task_postponements.
    original_due_date TEXT NOT NULL,
    due_date      TEXT    NOT NULL,
    status        TEXT    NOT NULL DEFAULT 'Open',   -- Open | Done
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    done_at       TEXT    NULL,
    done_by       TEXT    NULL,
    UNIQUE (team_id, number)
);
CREATE INDEX ix_tasks_team_status ON tasks (team_id, status);
CREATE INDEX ix_tasks_owner ON tasks (team_id, owner_id, status);
CREATE INDEX ix_tasks_experiment ON tasks (experiment_id);

-- A blocker on a task; open while resolved_at is null. A task has at most one open blocker.
CREATE TABLE task_blocks (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    task_id       INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    reason        TEXT    NOT NULL,                  -- Skills | Budget | Access | WaitingOnSomeone | Other
    note          TEXT    NOT NULL DEFAULT '',
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    resolved_at   TEXT    NULL,
    resolved_by   TEXT    NULL
);
CREATE INDEX ix_task_blocks_task ON task_blocks (task_id);
CREATE INDEX ix_task_blocks_team_created ON task_blocks (team_id, created_at);
CREATE UNIQUE INDEX ux_task_blocks_one_open ON task_blocks (task_id) WHERE resolved_at IS NULL;

CREATE TABLE task_postponements (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    task_id       INTEGER NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    from_date     TEXT    NOT NULL,
    to_date       TEXT    NOT NULL,
    reason        TEXT    NOT NULL,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX ix_task_postponements_task ON task_postponements (task_id);
CREATE INDEX ix_task_postponements_team_created ON task_postponements (team_id, created_at);

CREATE TABLE learnings (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    number        INTEGER NOT NULL,
    kind          TEXT    NOT NULL,                  -- Experiment | Icp | Channel | Process
    text          TEXT    NOT NULL,
    experiment_id INTEGER NULL REFERENCES experiments (id) ON DELETE SET NULL,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL,
    UNIQUE (team_id, number)
);
CREATE INDEX ix_learnings_team_created ON learnings (team_id, created_at);
CREATE INDEX ix_learnings_experiment ON learnings (experiment_id);

-- One search index over learnings and concluded experiments. source is 'learning' or 'experiment',
-- source_id the row id there. Kept current by the stores that write those rows.
CREATE VIRTUAL TABLE search_index USING fts5 (
    team_id UNINDEXED,
    source UNINDEXED,
    source_id UNINDEXED,
    title,
    body,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TABLE check_ins (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    key_result_id INTEGER NOT NULL REFERENCES key_results (id) ON DELETE CASCADE,
    value         REAL    NOT NULL,
    previous_value REAL   NOT NULL,
    confidence    TEXT    NOT NULL,                  -- OnTrack | AtRisk | OffTrack
    note          TEXT    NOT NULL DEFAULT '',
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX ix_check_ins_key_result ON check_ins (key_result_id, created_at);

-- Sales' judgement of the leads an experiment brought: a Good / Mixed / Poor click, or a thread reply.
CREATE TABLE lead_feedback (
    id            INTEGER PRIMARY KEY,
    team_id       TEXT    NOT NULL,
    experiment_id INTEGER NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
    quality       TEXT    NULL,                      -- Good | Mixed | Poor; null for a free-text reply
    reason        TEXT    NULL,                      -- WrongPersona | NoBudget | TooSmall | NotReachable | Other
    text          TEXT    NOT NULL DEFAULT '',
    source        TEXT    NOT NULL,                  -- Button | ThreadReply
    message_ts    TEXT    NULL,
    created_by    TEXT    NOT NULL,
    created_at    TEXT    NOT NULL
);
CREATE INDEX ix_lead_feedback_experiment ON lead_feedback (experiment_id, created_at);
