-- Counters that say when a meeting's list or its attendance changed, bumped by
-- triggers so that every writer (this app, an import, a restored backup's
-- connection, later a sync) is seen. The store keeps each meeting's list and
-- search index in memory while both counters stand still (`store/checkin.rs`).
CREATE TABLE change_counter (
    name TEXT PRIMARY KEY,
    n    INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
INSERT INTO change_counter (name, n) VALUES ('lists', 0), ('attendance', 0);

-- 'lists': people, who is on which list and in what role, and the meetings
-- themselves (a later start time makes other arrivals late).
CREATE TRIGGER person_inserted AFTER INSERT ON person
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER person_updated AFTER UPDATE ON person
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER person_deleted AFTER DELETE ON person
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER participant_inserted AFTER INSERT ON participant
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER participant_updated AFTER UPDATE ON participant
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER participant_deleted AFTER DELETE ON participant
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;
CREATE TRIGGER meeting_updated AFTER UPDATE ON meeting
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'lists'; END;

-- 'attendance': the attendance log (append-only, but a purge may delete).
CREATE TRIGGER attendance_inserted AFTER INSERT ON attendance_event
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'attendance'; END;
CREATE TRIGGER attendance_deleted AFTER DELETE ON attendance_event
BEGIN UPDATE change_counter SET n = n + 1 WHERE name = 'attendance'; END;
