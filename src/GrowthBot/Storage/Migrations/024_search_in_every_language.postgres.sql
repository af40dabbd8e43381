-- PostgreSQL's 024 (SQLite's is 024_search_in_every_language.sql): search and "tested before?" in every language
-- (docs/decisions/0012-language-free-search.md). The 'simple' tsvector matched whole words or their beginnings only;
-- pg_trgm's GIN index on the lower-cased title and body finds a stem anywhere in a word ("цен" in "цены", "hinno" in
-- "hinnoittelusivun"), as SQLite's trigram index does. pg_trgm ships with PostgreSQL (Debian's postgresql-15 package
-- included) and is a trusted extension: the database's owner may create it. The rows stay; the index is built over them.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

DROP INDEX ix_search_index_document;
ALTER TABLE search_index DROP COLUMN document;

CREATE INDEX ix_search_index_text ON search_index USING GIN (lower(title || ' ' || body) gin_trgm_ops);
