-- The secretary's edits to the generated text of a document (its trích yếu,
-- opening paragraph, recipients…), one row per meeting, document and field.
-- A field without a live row uses the text generated from the meeting.
CREATE TABLE document_text (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    kind       TEXT NOT NULL,
    field      TEXT NOT NULL,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT,
    UNIQUE (meeting_id, kind, field)
) STRICT;
