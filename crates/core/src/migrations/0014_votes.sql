-- Votes (biểu quyết) taken during a meeting, under an agenda item or none:
-- the question, how many were present when it was taken, the three counts
-- (which the store requires to add up to those present) and the result as
-- the chair announced it.
CREATE TABLE vote (
    id             TEXT PRIMARY KEY,
    meeting_id     TEXT NOT NULL REFERENCES meeting(id),
    agenda_item_id TEXT,
    question       TEXT NOT NULL CHECK (question <> ''),
    present        INTEGER NOT NULL CHECK (present > 0),
    in_favour      INTEGER NOT NULL CHECK (in_favour >= 0),
    against        INTEGER NOT NULL CHECK (against >= 0),
    abstained      INTEGER NOT NULL CHECK (abstained >= 0),
    result         TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    deleted_at     TEXT,
    deleted_by     TEXT
) STRICT;
CREATE INDEX vote_meeting ON vote(meeting_id, created_at);
