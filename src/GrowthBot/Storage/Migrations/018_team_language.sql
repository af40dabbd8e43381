-- Portable: the same SQL runs on SQLite and PostgreSQL (one nullable text column).
-- /growth settings: the team's language, in which channel posts (the weekly report, key-result progress) are written and
-- which people without a language of their own read. Null falls back to GrowthBot__Language (default English).
ALTER TABLE team_settings ADD COLUMN language TEXT NULL;  -- two-letter code: en, fi, sv, ru, tr
