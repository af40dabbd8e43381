-- Issue 13. The Growth Dashboard's KPI-definitions and ICP tabs: KPI definitions (K1, K2, …) that key results link to,
-- and each team's ideal customer profile. SQLite's is 019_kpis_and_icp.sql; here instants are timestamptz.
-- Both tables are keyed by what identifies their rows (team and number, team), so neither needs an identity column.

CREATE TABLE kpis (
    team_id       TEXT    NOT NULL,
    number        INTEGER NOT NULL,
    name          TEXT    NOT NULL,
    -- The name as compared for duplicates (trimmed, spaces collapsed, upper case), so "Lead" means one thing.
    name_key      TEXT    NOT NULL,
    definition    TEXT    NOT NULL,
    measurement   TEXT    NOT NULL DEFAULT '',
    owner_id      TEXT    NOT NULL,
    unit          TEXT    NOT NULL DEFAULT '',
    direction     TEXT    NOT NULL DEFAULT 'HigherIsBetter',
    created_by    TEXT    NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_by    TEXT    NULL,
    updated_at    TIMESTAMPTZ NULL,
    PRIMARY KEY (team_id, number),
    UNIQUE (team_id, name_key)
);

-- The KPI a key result counts (its number in the team's kpis); null for a key result without one.
ALTER TABLE key_results ADD COLUMN kpi_number INTEGER NULL;

CREATE TABLE icp_profiles (
    team_id       TEXT NOT NULL PRIMARY KEY,
    titles        TEXT NOT NULL DEFAULT '',
    buyers        TEXT NOT NULL DEFAULT '',
    users         TEXT NOT NULL DEFAULT '',
    company_size  TEXT NOT NULL DEFAULT '',
    industries    TEXT NOT NULL DEFAULT '',
    regions       TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT '',
    updated_by    TEXT NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL
);
