-- Party documents are numbered per type within the issuing committee's term.
-- Terms are the body's own (a ward's Party committee and a city committee's
-- department hold congresses at different dates), so the start moves from
-- the one format setting to each body; Party bodies take the value that
-- setting held. 'YYYY-MM-DD', or '' for one run per type, never restarted.
ALTER TABLE organisation ADD COLUMN term_start TEXT NOT NULL DEFAULT '';
UPDATE organisation
SET term_start = coalesce(
    (SELECT json_extract(value, '$.partyTermStart') FROM meta
     WHERE key = 'format_settings' AND json_valid(value)), '')
WHERE kind = 'party';
