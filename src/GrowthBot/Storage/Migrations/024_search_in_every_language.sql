-- Search and "tested before?" in every language (docs/decisions/0012-language-free-search.md): the index is made again
-- with FTS5's trigram tokenizer, so a stem is found anywhere in a word ("цен" in "цены", "hinno" in
-- "hinnoittelusivun", "brev" in "nyhetsbrev") with no word list and no stemmer of any one language; case and accents
-- are folded as unicode61 folded them. Every row the old index held (learnings, and the experiments its triggers wrote)
-- is copied into the new one; the triggers of migration 008 write into the new table by its name.

CREATE TABLE search_index_rows AS SELECT team_id, source, source_id, title, body FROM search_index;
DROP TABLE search_index;

CREATE VIRTUAL TABLE search_index USING fts5 (
    team_id UNINDEXED,
    source UNINDEXED,
    source_id UNINDEXED,
    title,
    body,
    tokenize = 'trigram remove_diacritics 1'
);

INSERT INTO search_index (team_id, source, source_id, title, body)
SELECT team_id, source, source_id, title, body FROM search_index_rows;
DROP TABLE search_index_rows;
