-- Names sort in Vietnamese dictionary order (d before đ, a before ă before â,
-- tones after letters), which SQLite's byte order does not give. The key is
-- computed in Rust (`text::sort_key`) whenever a name is written; `Db::migrate`
-- fills it in for the people already stored.
ALTER TABLE person ADD COLUMN sort_key TEXT NOT NULL DEFAULT '';
CREATE INDEX person_by_rank_and_name ON person (rank, sort_key) WHERE deleted_at IS NULL;
