-- PostgreSQL's 024 (SQLite's is 024_search_in_every_language.sql): search and "tested before?" in every language
-- (docs/decisions/0012-language-free-search.md). The 'simple' tsvector matched whole words or their beginnings only;
-- pg_trgm's GIN index on the lower-cased title and body finds a stem anywhere in a word ("цен" in "цены", "hinno" in
-- "hinnoittelusivun"), as SQLite's trigram index does. The rows stay; the index is built over them.
--
-- pg_trgm ships with PostgreSQL (Debian's postgresql-15 package included) and is a trusted extension: a role with CREATE
-- on the database may add it. An extension belongs to the database, not to a schema, while one database may hold several
-- GrowthBot deployments, each in its own schema (Search Path=…): so it goes in a schema of its own, which dropping a
-- deployment's schema leaves alone, unless a database administrator installed it already (then it is used where it is).
-- Deployments migrating at once wait for each other here, so only one of them adds it.

ALTER TABLE search_index DROP COLUMN document;

SELECT pg_advisory_xact_lock(hashtextextended('growthbot pg_trgm', 0));

DO $$
DECLARE
    home TEXT;
BEGIN
    SELECT n.nspname INTO home FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm';
    IF home IS NULL THEN
        CREATE SCHEMA IF NOT EXISTS growthbot_extensions;
        CREATE EXTENSION pg_trgm SCHEMA growthbot_extensions;
        home := 'growthbot_extensions';
    END IF;
    EXECUTE format('CREATE INDEX ix_search_index_text ON search_index USING GIN (lower(title || %L || body) %I.gin_trgm_ops)', ' ', home);
END
$$;
