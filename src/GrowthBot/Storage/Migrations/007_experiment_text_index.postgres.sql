-- PostgreSQL's 007 (SQLite's is 007_experiment_text_index.sql) does nothing. SQLite's 007 added a second FTS5 index of
-- experiment text and 008 folded it into search_index again; PostgreSQL databases started after that, so 008 alone
-- puts every experiment in search_index.
SELECT 1;
