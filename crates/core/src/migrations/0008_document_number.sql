-- The register of outgoing documents (sổ văn bản đi): the số and ngày ban hành
-- given to a document of a meeting. `series` is the run the number belongs
-- to: a calendar year for a state body ("2022"), a document type within a
-- committee term for a Party body ("GM", "GM từ 2025-10-18"). A number is
-- given once per series; the store checks it (no UNIQUE constraint, so that
-- rows written on several machines can later be merged).
-- meeting_id has no foreign key on purpose: emptying the trash removes a
-- meeting but never its numbers, so none is given a second time.
CREATE TABLE document_number (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL,
    kind       TEXT NOT NULL,
    series     TEXT NOT NULL,
    number     INTEGER NOT NULL CHECK (number > 0),
    issued_on  TEXT NOT NULL,
    symbol     TEXT NOT NULL,
    summary    TEXT NOT NULL,
    signer     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT
) STRICT;
CREATE INDEX document_number_series ON document_number(series, number);
CREATE INDEX document_number_meeting ON document_number(meeting_id, kind);
