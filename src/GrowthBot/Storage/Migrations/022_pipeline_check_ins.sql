-- Issue 14: the sales pipeline's four numbers as checked in (/growth pipeline), kept as history; velocity is computed
-- from them when read. The deal size is whole minor units (cents) as INTEGER, the win rate hundredths of a percent
-- (25.5% is 2550), so neither passes through a float.
CREATE TABLE pipeline_check_ins (
    id                  INTEGER PRIMARY KEY,
    team_id             TEXT    NOT NULL,
    open_opportunities  INTEGER NOT NULL CHECK (open_opportunities >= 0),
    average_deal_cents  INTEGER NOT NULL CHECK (average_deal_cents >= 0),
    win_rate_hundredths INTEGER NOT NULL CHECK (win_rate_hundredths BETWEEN 0 AND 10000),
    sales_cycle_days    INTEGER NOT NULL CHECK (sales_cycle_days >= 1),
    created_by          TEXT    NOT NULL,
    created_at          TEXT    NOT NULL
);
CREATE INDEX ix_pipeline_check_ins_team_time ON pipeline_check_ins (team_id, created_at);
