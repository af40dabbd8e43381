-- /growth settings: the team's working days and nudge hour, which every direct message the bot starts follows
-- (in the recipient's own time zone). Null falls back to the defaults: Monday to Friday, from 10:00.
-- Portable: the same SQL runs on SQLite and PostgreSQL.
ALTER TABLE team_settings ADD COLUMN working_days TEXT NULL;  -- comma-separated day names, e.g. Monday,Tuesday
ALTER TABLE team_settings ADD COLUMN nudge_hour   TEXT NULL;  -- HH:mm, each recipient's own time zone
