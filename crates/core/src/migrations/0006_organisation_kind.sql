-- An organisation says what it is, a state body or a Party body, instead of
-- naming one format: a Party body's documents follow Hướng dẫn 36-HD/VPTW
-- before 27/5/2026 and Hướng dẫn 05-HD/VPTW from that day, chosen per document
-- by its date. `head_vacant` records that a deputy is in charge because no
-- head is appointed (HD05: the deputy then signs without "K/T").
-- SQLite cannot change a CHECK constraint, so the table is rebuilt.
CREATE TABLE organisation_new (
    id             TEXT PRIMARY KEY,
    parent_name    TEXT NOT NULL,
    name           TEXT NOT NULL,
    abbreviation   TEXT NOT NULL,
    place_name     TEXT NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('state', 'party')),
    head_vacant    INTEGER NOT NULL DEFAULT 0 CHECK (head_vacant IN (0, 1)),
    signer_name    TEXT NOT NULL,
    signer_title   TEXT NOT NULL,
    signing_prefix TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    full_name      TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO organisation_new (id, parent_name, name, abbreviation, place_name, kind,
    signer_name, signer_title, signing_prefix, time_zone, created_at, updated_at,
    device_id, full_name)
SELECT id, parent_name, name, abbreviation, place_name,
    CASE profile WHEN 'hd36' THEN 'party' ELSE 'state' END,
    signer_name, signer_title, signing_prefix, time_zone, created_at, updated_at,
    device_id, full_name
FROM organisation;
DROP TABLE organisation;
ALTER TABLE organisation_new RENAME TO organisation;
