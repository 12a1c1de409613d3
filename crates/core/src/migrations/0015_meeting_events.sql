-- Closing and reopening a meeting. A closed meeting's records are locked
-- (the store refuses to change them); reopening it is a deliberate act with
-- a reason, kept here with who did it and when, and never deleted.
CREATE TABLE meeting_event (
    id          TEXT PRIMARY KEY,
    meeting_id  TEXT NOT NULL REFERENCES meeting(id),
    kind        TEXT NOT NULL CHECK (kind IN ('closed', 'reopened')),
    reason      TEXT NOT NULL,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    device_id   TEXT NOT NULL
) STRICT;
CREATE INDEX meeting_event_meeting ON meeting_event(meeting_id, created_at);
