-- Shared meetings (crates/sync) merge these tables with cr-sqlite, column by column: a row
-- that arrives from another laptop is first inserted with its key and default values, then
-- has its columns set one by one, and its parent row may not have arrived yet. So the tables
-- that hold a meeting and what is under it are rebuilt the way cr-sqlite requires:
--   * the primary key is NOT NULL and is the only unique key;
--   * every NOT NULL column has a default, and no CHECK fails on the defaults (checks that
--     need a whole row, such as a non-empty title or ends_at >= starts_at, are the store's
--     job, done before each write);
--   * no foreign key is checked (the store checks parents before it writes; readers join).
-- A participant's id is now its meeting and person ('meeting/person') and a document
-- text's its meeting, kind and field, so two laptops that invite the same person, or edit
-- the same field, write the same row instead of two.
-- Children are rebuilt before their parents, so no dropped table is still referenced.
-- The tables only become replicated when a meeting is first shared (store/sharing.rs).

DROP TRIGGER attendance_event_no_update;
DROP TRIGGER attendance_event_no_delete;

CREATE TABLE minutes_entry_crr (
    id             TEXT PRIMARY KEY NOT NULL,
    meeting_id     TEXT NOT NULL DEFAULT '',
    agenda_item_id TEXT,
    speaker_name   TEXT NOT NULL DEFAULT '',
    speaker_title  TEXT NOT NULL DEFAULT '',
    spoken_at      TEXT,
    kind           TEXT NOT NULL DEFAULT 'note' CHECK (kind IN ('report', 'speech', 'opinion', 'conclusion', 'note')),
    body           TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL DEFAULT '',
    device_id      TEXT NOT NULL DEFAULT '',
    deleted_at     TEXT,
    deleted_by     TEXT
) STRICT;
INSERT INTO minutes_entry_crr (id, meeting_id, agenda_item_id, speaker_name, speaker_title, spoken_at, kind, body, created_at, updated_at, device_id, deleted_at, deleted_by)
SELECT id, meeting_id, agenda_item_id, speaker_name, speaker_title, spoken_at, kind, body, created_at, updated_at, device_id, deleted_at, deleted_by FROM minutes_entry;
DROP TABLE minutes_entry;
ALTER TABLE minutes_entry_crr RENAME TO minutes_entry;

CREATE TABLE attendance_event_crr (
    id         TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL DEFAULT '',
    person_id  TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL DEFAULT 'invited' CHECK (kind IN ('invited', 'arrived', 'left', 'absent', 'cleared')),
    at         TEXT NOT NULL DEFAULT '',
    reason     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '',
    device_id  TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO attendance_event_crr (id, meeting_id, person_id, kind, at, reason, created_at, device_id)
SELECT id, meeting_id, person_id, kind, at, reason, created_at, device_id FROM attendance_event;
DROP TABLE attendance_event;
ALTER TABLE attendance_event_crr RENAME TO attendance_event;

CREATE TABLE participant_crr (
    id               TEXT PRIMARY KEY NOT NULL,
    meeting_id       TEXT NOT NULL DEFAULT '',
    person_id        TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL DEFAULT '',
    device_id        TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    deleted_by       TEXT,
    role             TEXT NOT NULL DEFAULT 'guest' CHECK (role IN ('chair', 'host', 'guest', 'press', 'staff')),
    substitute_name  TEXT NOT NULL DEFAULT '',
    substitute_title TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO participant_crr (id, meeting_id, person_id, created_at, updated_at, device_id, deleted_at, deleted_by, role, substitute_name, substitute_title)
SELECT meeting_id || '/' || person_id, meeting_id, person_id, created_at, updated_at, device_id, deleted_at, deleted_by, role, substitute_name, substitute_title FROM participant;
DROP TABLE participant;
ALTER TABLE participant_crr RENAME TO participant;

CREATE TABLE task_crr (
    id         TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL DEFAULT '',
    position   INTEGER NOT NULL DEFAULT 0,
    body       TEXT NOT NULL DEFAULT '',
    assignee   TEXT NOT NULL DEFAULT '',
    deadline   TEXT,
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    device_id  TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    deleted_by TEXT
) STRICT;
INSERT INTO task_crr (id, meeting_id, position, body, assignee, deadline, created_at, updated_at, device_id, deleted_at, deleted_by)
SELECT id, meeting_id, position, body, assignee, deadline, created_at, updated_at, device_id, deleted_at, deleted_by FROM task;
DROP TABLE task;
ALTER TABLE task_crr RENAME TO task;

CREATE TABLE vote_crr (
    id             TEXT PRIMARY KEY NOT NULL,
    meeting_id     TEXT NOT NULL DEFAULT '',
    agenda_item_id TEXT,
    question       TEXT NOT NULL DEFAULT '',
    present        INTEGER NOT NULL DEFAULT 0,
    in_favour      INTEGER NOT NULL DEFAULT 0 CHECK (in_favour >= 0),
    against        INTEGER NOT NULL DEFAULT 0 CHECK (against >= 0),
    abstained      INTEGER NOT NULL DEFAULT 0 CHECK (abstained >= 0),
    result         TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL DEFAULT '',
    device_id      TEXT NOT NULL DEFAULT '',
    deleted_at     TEXT,
    deleted_by     TEXT
) STRICT;
INSERT INTO vote_crr (id, meeting_id, agenda_item_id, question, present, in_favour, against, abstained, result, created_at, updated_at, device_id, deleted_at, deleted_by)
SELECT id, meeting_id, agenda_item_id, question, present, in_favour, against, abstained, result, created_at, updated_at, device_id, deleted_at, deleted_by FROM vote;
DROP TABLE vote;
ALTER TABLE vote_crr RENAME TO vote;

CREATE TABLE meeting_event_crr (
    id         TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL DEFAULT 'closed' CHECK (kind IN ('closed', 'reopened')),
    reason     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    device_id  TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO meeting_event_crr (id, meeting_id, kind, reason, created_at, updated_at, device_id)
SELECT id, meeting_id, kind, reason, created_at, updated_at, device_id FROM meeting_event;
DROP TABLE meeting_event;
ALTER TABLE meeting_event_crr RENAME TO meeting_event;

CREATE TABLE document_text_crr (
    id         TEXT PRIMARY KEY NOT NULL,
    meeting_id TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL DEFAULT '',
    field      TEXT NOT NULL DEFAULT '',
    body       TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL DEFAULT '',
    updated_at TEXT NOT NULL DEFAULT '',
    device_id  TEXT NOT NULL DEFAULT '',
    deleted_at TEXT,
    deleted_by TEXT
) STRICT;
INSERT INTO document_text_crr (id, meeting_id, kind, field, body, created_at, updated_at, device_id, deleted_at, deleted_by)
SELECT meeting_id || '/' || kind || '/' || field, meeting_id, kind, field, body, created_at, updated_at, device_id, deleted_at, deleted_by FROM document_text;
DROP TABLE document_text;
ALTER TABLE document_text_crr RENAME TO document_text;

CREATE TABLE document_number_crr (
    id              TEXT PRIMARY KEY NOT NULL,
    meeting_id      TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL DEFAULT '',
    series          TEXT NOT NULL DEFAULT '',
    number          INTEGER NOT NULL DEFAULT 0,
    issued_on       TEXT NOT NULL DEFAULT '',
    symbol          TEXT NOT NULL DEFAULT '',
    summary         TEXT NOT NULL DEFAULT '',
    signer          TEXT NOT NULL DEFAULT '',
    created_at      TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL DEFAULT '',
    device_id       TEXT NOT NULL DEFAULT '',
    deleted_at      TEXT,
    deleted_by      TEXT,
    organisation_id TEXT NOT NULL DEFAULT '',
    issuer          TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO document_number_crr (id, meeting_id, kind, series, number, issued_on, symbol, summary, signer, created_at, updated_at, device_id, deleted_at, deleted_by, organisation_id, issuer)
SELECT id, meeting_id, kind, series, number, issued_on, symbol, summary, signer, created_at, updated_at, device_id, deleted_at, deleted_by, organisation_id, issuer FROM document_number;
DROP TABLE document_number;
ALTER TABLE document_number_crr RENAME TO document_number;

CREATE TABLE agenda_item_crr (
    id               TEXT PRIMARY KEY NOT NULL,
    meeting_id       TEXT NOT NULL DEFAULT '',
    position         INTEGER NOT NULL DEFAULT 0,
    fixed_start      TEXT,
    duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes BETWEEN 0 AND 1440),
    title            TEXT NOT NULL DEFAULT '',
    presenter        TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT '',
    created_at       TEXT NOT NULL DEFAULT '',
    updated_at       TEXT NOT NULL DEFAULT '',
    device_id        TEXT NOT NULL DEFAULT '',
    deleted_at       TEXT,
    deleted_by       TEXT,
    started_at       TEXT,
    ended_at         TEXT
) STRICT;
INSERT INTO agenda_item_crr (id, meeting_id, position, fixed_start, duration_minutes, title, presenter, notes, created_at, updated_at, device_id, deleted_at, deleted_by, started_at, ended_at)
SELECT id, meeting_id, position, fixed_start, duration_minutes, title, presenter, notes, created_at, updated_at, device_id, deleted_at, deleted_by, started_at, ended_at FROM agenda_item;
DROP TABLE agenda_item;
ALTER TABLE agenda_item_crr RENAME TO agenda_item;

CREATE TABLE person_crr (
    id             TEXT PRIMARY KEY NOT NULL,
    full_name      TEXT NOT NULL DEFAULT '',
    position_title TEXT NOT NULL DEFAULT '',
    unit           TEXT NOT NULL DEFAULT '',
    section        TEXT NOT NULL DEFAULT '',
    rank           INTEGER NOT NULL DEFAULT 0,
    phone          TEXT NOT NULL DEFAULT '',
    email          TEXT NOT NULL DEFAULT '',
    checkin_code   TEXT NOT NULL DEFAULT '',
    is_demo        INTEGER NOT NULL DEFAULT 0,
    created_at     TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL DEFAULT '',
    device_id      TEXT NOT NULL DEFAULT '',
    deleted_at     TEXT,
    deleted_by     TEXT,
    sort_key       TEXT NOT NULL DEFAULT '',
    given_key      TEXT NOT NULL DEFAULT '',
    unit_key       TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO person_crr (id, full_name, position_title, unit, section, rank, phone, email, checkin_code, is_demo, created_at, updated_at, device_id, deleted_at, deleted_by, sort_key, given_key, unit_key)
SELECT id, full_name, position_title, unit, section, rank, phone, email, checkin_code, is_demo, created_at, updated_at, device_id, deleted_at, deleted_by, sort_key, given_key, unit_key FROM person;
DROP TABLE person;
ALTER TABLE person_crr RENAME TO person;

CREATE TABLE meeting_crr (
    id              TEXT PRIMARY KEY NOT NULL,
    title           TEXT NOT NULL DEFAULT '',
    kind            TEXT NOT NULL DEFAULT '',
    starts_at       TEXT NOT NULL DEFAULT '',
    ends_at         TEXT NOT NULL DEFAULT '',
    venue           TEXT NOT NULL DEFAULT '',
    chair_name      TEXT NOT NULL DEFAULT '',
    chair_title     TEXT NOT NULL DEFAULT '',
    secretary_name  TEXT NOT NULL DEFAULT '',
    secretary_title TEXT NOT NULL DEFAULT '',
    notes           TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'inSession', 'closed')),
    is_demo         INTEGER NOT NULL DEFAULT 0,
    created_at      TEXT NOT NULL DEFAULT '',
    updated_at      TEXT NOT NULL DEFAULT '',
    device_id       TEXT NOT NULL DEFAULT '',
    deleted_at      TEXT,
    deleted_by      TEXT,
    organisation_id TEXT,
    signer_name     TEXT NOT NULL DEFAULT '',
    signer_title    TEXT NOT NULL DEFAULT '',
    signing_prefix  TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO meeting_crr (id, title, kind, starts_at, ends_at, venue, chair_name, chair_title, secretary_name, secretary_title, notes, status, is_demo, created_at, updated_at, device_id, deleted_at, deleted_by, organisation_id, signer_name, signer_title, signing_prefix)
SELECT id, title, kind, starts_at, ends_at, venue, chair_name, chair_title, secretary_name, secretary_title, notes, status, is_demo, created_at, updated_at, device_id, deleted_at, deleted_by, organisation_id, signer_name, signer_title, signing_prefix FROM meeting;
DROP TABLE meeting;
ALTER TABLE meeting_crr RENAME TO meeting;

CREATE TABLE organisation_crr (
    id             TEXT PRIMARY KEY NOT NULL,
    parent_name    TEXT NOT NULL DEFAULT '',
    name           TEXT NOT NULL DEFAULT '',
    abbreviation   TEXT NOT NULL DEFAULT '',
    place_name     TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL DEFAULT 'state' CHECK (kind IN ('state', 'party')),
    head_vacant    INTEGER NOT NULL DEFAULT 0 CHECK (head_vacant IN (0, 1)),
    signer_name    TEXT NOT NULL DEFAULT '',
    signer_title   TEXT NOT NULL DEFAULT '',
    signing_prefix TEXT NOT NULL DEFAULT '',
    time_zone      TEXT NOT NULL DEFAULT '',
    created_at     TEXT NOT NULL DEFAULT '',
    updated_at     TEXT NOT NULL DEFAULT '',
    device_id      TEXT NOT NULL DEFAULT '',
    full_name      TEXT NOT NULL DEFAULT '',
    header_lines   TEXT NOT NULL DEFAULT '',
    superior       TEXT NOT NULL DEFAULT '',
    contact        TEXT NOT NULL DEFAULT '',
    deleted_at     TEXT,
    deleted_by     TEXT,
    term_start     TEXT NOT NULL DEFAULT ''
) STRICT;
INSERT INTO organisation_crr (id, parent_name, name, abbreviation, place_name, kind, head_vacant, signer_name, signer_title, signing_prefix, time_zone, created_at, updated_at, device_id, full_name, header_lines, superior, contact, deleted_at, deleted_by, term_start)
SELECT id, parent_name, name, abbreviation, place_name, kind, head_vacant, signer_name, signer_title, signing_prefix, time_zone, created_at, updated_at, device_id, full_name, header_lines, superior, contact, deleted_at, deleted_by, term_start FROM organisation;
DROP TABLE organisation;
ALTER TABLE organisation_crr RENAME TO organisation;

CREATE INDEX minutes_entry_meeting ON minutes_entry(meeting_id, spoken_at, created_at);
CREATE INDEX attendance_event_meeting ON attendance_event(meeting_id, person_id, created_at);
CREATE INDEX participant_meeting ON participant(meeting_id, person_id);
CREATE INDEX participant_person ON participant(person_id);
CREATE INDEX task_meeting ON task(meeting_id, position);
CREATE INDEX vote_meeting ON vote(meeting_id, created_at);
CREATE INDEX meeting_event_meeting ON meeting_event(meeting_id, created_at);
CREATE INDEX document_text_meeting ON document_text(meeting_id, kind, field);
CREATE INDEX document_number_meeting ON document_number(meeting_id, kind);
CREATE INDEX document_number_series ON document_number(organisation_id, series, number);
CREATE INDEX agenda_item_meeting ON agenda_item(meeting_id, position);
CREATE INDEX person_order ON person(section, rank, full_name);
CREATE INDEX person_by_rank_and_name ON person (rank, sort_key) WHERE deleted_at IS NULL;
CREATE INDEX person_checkin_code ON person(checkin_code);
CREATE INDEX meeting_deleted ON meeting(deleted_at);

CREATE TRIGGER attendance_event_no_update BEFORE UPDATE ON attendance_event
BEGIN SELECT RAISE(ABORT, 'attendance_event is append-only'); END;
CREATE TRIGGER attendance_event_no_delete BEFORE DELETE ON attendance_event
WHEN (SELECT deleted_at FROM meeting WHERE id = OLD.meeting_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'attendance_event is append-only'); END;
CREATE TRIGGER attendance_inserted AFTER INSERT ON attendance_event
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'attendance'; END;
CREATE TRIGGER attendance_deleted AFTER DELETE ON attendance_event
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'attendance'; END;
CREATE TRIGGER meeting_updated AFTER UPDATE ON meeting
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER participant_inserted AFTER INSERT ON participant
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER participant_updated AFTER UPDATE ON participant
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER participant_deleted AFTER DELETE ON participant
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER person_inserted AFTER INSERT ON person
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER person_updated AFTER UPDATE ON person
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER person_deleted AFTER DELETE ON person
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;

-- This laptop's side of sharing; never replicated. `secret` is the pairing secret of a
-- shared meeting; `sync_peer` remembers, per meeting and per copy of it on another laptop
-- (`replica`), how far this laptop has pulled that copy's changes and that copy has merged
-- this laptop's (`pushed`), what that laptop does in
-- the team (`label`), where it was and when it was last seen.
CREATE TABLE shared_meeting (
    meeting_id TEXT PRIMARY KEY NOT NULL,
    secret     TEXT NOT NULL,
    shared_at  TEXT NOT NULL
) STRICT;
CREATE TABLE sync_peer (
    meeting_id TEXT NOT NULL,
    replica    TEXT NOT NULL,
    pulled     INTEGER NOT NULL DEFAULT 0,
    pushed     INTEGER NOT NULL DEFAULT 0,
    label      TEXT NOT NULL DEFAULT '',
    address    TEXT NOT NULL DEFAULT '',
    last_seen  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (meeting_id, replica)
) STRICT;
