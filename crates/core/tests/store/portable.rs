//! A meeting's portable file: exported, imported elsewhere with its ids, and
//! imported again without changing anything.

use std::path::Path;

use hoinghi_core::{CoreError, Db};
use rusqlite::types::Value;
use rusqlite::Connection;

use crate::support::*;

/// Every row of the meeting and what hangs from it, as text, in id order.
fn dump(path: &Path, meeting_id: &str) -> Vec<String> {
    let conn = Connection::open(path).unwrap();
    let mut out = Vec::new();
    for (table, scope) in [
        ("meeting", "id = ?1"),
        (
            "person",
            "id IN (SELECT person_id FROM participant WHERE meeting_id = ?1)",
        ),
        ("agenda_item", "meeting_id = ?1"),
        ("participant", "meeting_id = ?1"),
        ("attendance_event", "meeting_id = ?1"),
        ("minutes_entry", "meeting_id = ?1"),
        ("task", "meeting_id = ?1"),
        ("vote", "meeting_id = ?1"),
        ("document_text", "meeting_id = ?1"),
        ("organisation", "?1 = ?1"),
    ] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} WHERE {scope} ORDER BY id"))
            .unwrap();
        let n = stmt.column_count();
        let rows = stmt
            .query_map([meeting_id], |r| {
                let values: Vec<String> = (0..n)
                    .map(|i| format!("{:?}", r.get::<_, Value>(i).unwrap()))
                    .collect();
                Ok(format!("{table}: {}", values.join(" | ")))
            })
            .unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    out
}

fn demo_file(dir: &Path) -> (Db, String) {
    let mut db = Db::open(dir.join("source.db")).unwrap();
    let id = db.write_demo().unwrap();
    (db, id)
}

#[test]
fn a_meeting_moves_to_an_empty_machine_whole_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (source, id) = demo_file(dir.path());
    let file = dir.path().join("giao-ban.hoinghi");
    let title = source.export_meeting(&id, &file).unwrap();
    assert_eq!(title, source.meeting(&id).unwrap().title);

    let mut target = Db::open(dir.path().join("target.db")).unwrap();
    let first = target.import_meeting(&file).unwrap();
    assert_eq!(first.meeting_id, id);
    assert_eq!(first.updated, 0);
    assert!(
        first.added > 40,
        "meeting, people, agenda, events…: {first:?}"
    );
    assert_eq!(
        first.organisation_added.as_deref(),
        Some("Ban Tuyên giáo Thành uỷ Hà Nội")
    );
    assert!(!first.in_trash);
    assert_eq!(
        dump(&dir.path().join("source.db"), &id),
        dump(&dir.path().join("target.db"), &id),
        "every row arrives with its id, timestamps and device"
    );

    let again = target.import_meeting(&file).unwrap();
    assert_eq!((again.added, again.updated), (0, 0));
    assert_eq!(again.organisation_added, None);
    assert_eq!(
        dump(&dir.path().join("source.db"), &id),
        dump(&dir.path().join("target.db"), &id)
    );
}

#[test]
fn a_newer_file_brings_its_changes_and_an_older_one_does_not_undo_local_work() {
    let dir = tempfile::tempdir().unwrap();
    let (mut source, id) = demo_file(dir.path());
    let old = dir.path().join("old.hoinghi");
    source.export_meeting(&id, &old).unwrap();

    let mut target = Db::open(dir.path().join("target.db")).unwrap();
    target.import_meeting(&old).unwrap();

    // The colleague reopens the (closed) meeting, adds a minutes entry and
    // renames it, then sends it back.
    source.reopen_meeting(&id, "Bổ sung ý kiến").unwrap();
    let mut input = meeting_input("Hội nghị giao ban (đã sửa)");
    let current = source.meeting(&id).unwrap();
    input.starts_at = current.starts_at.clone();
    input.ends_at = current.ends_at.clone();
    source
        .update_meeting(&id, &current.updated_at, &input)
        .unwrap();
    source
        .add_minutes_entry(&id, &entry("Ý kiến bổ sung", None))
        .unwrap();
    let new = dir.path().join("new.hoinghi");
    source.export_meeting(&id, &new).unwrap();
    let merged = target.import_meeting(&new).unwrap();
    // The entry and the reopening are new; the meeting changed.
    assert_eq!((merged.added, merged.updated), (2, 1));
    assert_eq!(
        target.meeting(&id).unwrap().title,
        "Hội nghị giao ban (đã sửa)"
    );

    // The old file again: nothing newer in it, nothing undone.
    let stale = target.import_meeting(&old).unwrap();
    assert_eq!((stale.added, stale.updated), (0, 0));
    assert_eq!(
        target.meeting(&id).unwrap().title,
        "Hội nghị giao ban (đã sửa)"
    );
    assert_eq!(
        target.minutes(&id).unwrap().len(),
        source.minutes(&id).unwrap().len()
    );
}

#[test]
fn a_trashed_meeting_stays_in_the_trash_when_an_older_copy_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let (mut source, id) = demo_file(dir.path());
    let file = dir.path().join("m.hoinghi");
    source.export_meeting(&id, &file).unwrap();
    source.delete_meeting(&id).unwrap();
    let back = source.import_meeting(&file).unwrap();
    assert!(back.in_trash);
    assert_eq!((back.added, back.updated), (0, 0));
}

#[test]
fn what_is_not_a_meeting_file_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _) = demo_file(dir.path());
    let before = db.list_meetings().unwrap();

    let garbage = dir.path().join("garbage.hoinghi");
    std::fs::write(&garbage, b"PK\x03\x04 not a database at all").unwrap();
    let empty = dir.path().join("empty.hoinghi");
    std::fs::write(&empty, b"").unwrap();
    let whole = dir.path().join("whole.db");
    db.save_copy(&whole).unwrap();
    let foreign = dir.path().join("foreign.sqlite");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
        .unwrap();

    for path in [
        &garbage,
        &empty,
        &whole,
        &foreign,
        &dir.path().join("missing.hoinghi"),
    ] {
        let bytes = std::fs::read(path).ok();
        let err = db.import_meeting(path).unwrap_err();
        assert!(
            matches!(err, CoreError::NotHoiNghi { .. }),
            "{path:?}: {err}"
        );
        assert_eq!(
            std::fs::read(path).ok(),
            bytes,
            "{path:?} is left as it was"
        );
    }
    let err = db
        .import_meeting(&dir.path().join("source.db"))
        .unwrap_err();
    assert!(err.to_string().contains("đang mở"), "{err}");
    assert_eq!(db.list_meetings().unwrap(), before);
}

#[test]
fn export_never_writes_over_the_open_database_and_a_failed_export_leaves_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let (db, id) = demo_file(dir.path());
    let live = dir.path().join("source.db");
    assert!(db.export_meeting(&id, &live).is_err());
    assert!(
        Db::open_read_only(&live).is_ok(),
        "the database is untouched"
    );

    let file = dir.path().join("m.hoinghi");
    std::fs::write(&file, b"the previous export").unwrap();
    assert!(db.export_meeting("no-such-meeting", &file).is_err());
    assert_eq!(std::fs::read(&file).unwrap(), b"the previous export");
}

#[test]
fn a_meeting_brings_its_issuing_body_to_a_machine_that_has_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let (source, id) = demo_file(dir.path());
    let file = dir.path().join("giao-ban.hoinghi");
    source.export_meeting(&id, &file).unwrap();

    let mut target = Db::open(dir.path().join("target.db")).unwrap();
    let own = target
        .save_organisation(&body_input(hoinghi_core::model::OrganisationKind::State))
        .unwrap();
    let done = target.import_meeting(&file).unwrap();
    assert!(done.organisation_added.is_some());
    assert_eq!(target.organisations().unwrap().len(), 2, "both bodies");
    assert_eq!(
        target.issuing_body(&id).unwrap().abbreviation,
        "BTGTU",
        "the meeting's documents still go out as the body that held it"
    );
    assert_eq!(
        target.default_organisation_id().unwrap(),
        Some(own.id),
        "the office's own body stays the default"
    );
}
