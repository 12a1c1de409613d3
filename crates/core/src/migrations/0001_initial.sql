-- HoiNghi schema, version 1.
-- Every key is a UUIDv7 text; every row says when and on which device it was
-- written; official records are soft-deleted (deleted_at, deleted_by), never removed.

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) STRICT;

CREATE TABLE organisation (
    id             TEXT PRIMARY KEY,
    parent_name    TEXT NOT NULL,
    name           TEXT NOT NULL,
    abbreviation   TEXT NOT NULL,
    place_name     TEXT NOT NULL,
    profile        TEXT NOT NULL CHECK (profile IN ('nd30', 'hd36')),
    signer_name    TEXT NOT NULL,
    signer_title   TEXT NOT NULL,
    signing_prefix TEXT NOT NULL,
    time_zone      TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    device_id      TEXT NOT NULL
) STRICT;

CREATE TABLE meeting (
    id              TEXT PRIMARY KEY,
    title           TEXT NOT NULL CHECK (title <> ''),
    kind            TEXT NOT NULL,
    starts_at       TEXT NOT NULL,
    ends_at         TEXT NOT NULL CHECK (ends_at >= starts_at),
    venue           TEXT NOT NULL,
    chair_name      TEXT NOT NULL,
    chair_title     TEXT NOT NULL,
    secretary_name  TEXT NOT NULL,
    secretary_title TEXT NOT NULL,
    notes           TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('draft', 'inSession', 'closed')),
    is_demo         INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    device_id       TEXT NOT NULL,
    deleted_at      TEXT,
    deleted_by      TEXT
) STRICT;

CREATE TABLE agenda_item (
    id               TEXT PRIMARY KEY,
    meeting_id       TEXT NOT NULL REFERENCES meeting(id),
    position         INTEGER NOT NULL,
    fixed_start      TEXT,
    duration_minutes INTEGER NOT NULL CHECK (duration_minutes BETWEEN 0 AND 1440),
    title            TEXT NOT NULL CHECK (title <> ''),
    presenter        TEXT NOT NULL,
    notes            TEXT NOT NULL,
    created_at       TEXT NOT NULL,
    updated_at       TEXT NOT NULL,
    device_id        TEXT NOT NULL,
    deleted_at       TEXT,
    deleted_by       TEXT
) STRICT;
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);

CREATE TABLE person (
    id             TEXT PRIMARY KEY,
    full_name      TEXT NOT NULL CHECK (full_name <> ''),
    position_title TEXT NOT NULL,
    unit           TEXT NOT NULL,
    section        TEXT NOT NULL,
    rank           INTEGER NOT NULL,
    phone          TEXT NOT NULL,
    email          TEXT NOT NULL,
    checkin_code   TEXT NOT NULL UNIQUE,
    is_demo        INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    deleted_at     TEXT,
    deleted_by     TEXT
) STRICT;
CREATE INDEX person_order ON person(section, rank, full_name);

-- Who is invited to which meeting: one row per (meeting, person).
CREATE TABLE participant (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    person_id  TEXT NOT NULL REFERENCES person(id),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT,
    UNIQUE (meeting_id, person_id)
) STRICT;

-- Append-only: the current attendance state is derived from this log.
CREATE TABLE attendance_event (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    person_id  TEXT NOT NULL REFERENCES person(id),
    kind       TEXT NOT NULL CHECK (kind IN ('invited', 'arrived', 'left', 'absent', 'cleared')),
    at         TEXT NOT NULL,
    reason     TEXT NOT NULL,
    created_at TEXT NOT NULL,
    device_id  TEXT NOT NULL
) STRICT;
CREATE INDEX attendance_event_meeting ON attendance_event(meeting_id, person_id, created_at);

CREATE TRIGGER attendance_event_no_update BEFORE UPDATE ON attendance_event
BEGIN SELECT RAISE(ABORT, 'attendance_event is append-only'); END;
CREATE TRIGGER attendance_event_no_delete BEFORE DELETE ON attendance_event
BEGIN SELECT RAISE(ABORT, 'attendance_event is append-only'); END;

CREATE TABLE minutes_entry (
    id             TEXT PRIMARY KEY,
    meeting_id     TEXT NOT NULL REFERENCES meeting(id),
    agenda_item_id TEXT REFERENCES agenda_item(id),
    speaker_name   TEXT NOT NULL,
    speaker_title  TEXT NOT NULL,
    spoken_at      TEXT,
    kind           TEXT NOT NULL CHECK (kind IN ('report', 'speech', 'opinion', 'conclusion', 'note')),
    body           TEXT NOT NULL,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    device_id      TEXT NOT NULL,
    deleted_at     TEXT,
    deleted_by     TEXT
) STRICT;
CREATE INDEX minutes_entry_meeting ON minutes_entry(meeting_id, spoken_at, created_at);

CREATE TABLE task (
    id         TEXT PRIMARY KEY,
    meeting_id TEXT NOT NULL REFERENCES meeting(id),
    position   INTEGER NOT NULL,
    body       TEXT NOT NULL CHECK (body <> ''),
    assignee   TEXT NOT NULL,
    deadline   TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    deleted_at TEXT,
    deleted_by TEXT
) STRICT;
CREATE INDEX task_meeting ON task(meeting_id, position);
