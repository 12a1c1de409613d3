-- Deleted meetings go to a trash ("Thùng rác") they can be restored from, and
-- emptying the trash really removes them. Attendance stays append-only for
-- every meeting that is not in the trash: its events may be deleted only
-- together with a meeting that was deleted first.
DROP TRIGGER attendance_event_no_delete;
CREATE TRIGGER attendance_event_no_delete BEFORE DELETE ON attendance_event
WHEN (SELECT deleted_at FROM meeting WHERE id = OLD.meeting_id) IS NULL
BEGIN SELECT RAISE(ABORT, 'attendance_event is append-only'); END;

CREATE INDEX meeting_deleted ON meeting(deleted_at);
