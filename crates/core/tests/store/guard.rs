//! The guards around the database file: versions and foreign files refused
//! without a byte changed, one writer at a time, a deleted file noticed.

use std::path::Path;

use hoinghi_core::{Db, APPLICATION_ID, SCHEMA_VERSION};
use rusqlite::Connection;

use crate::support::*;

fn bytes(path: &Path) -> Option<Vec<u8>> {
    std::fs::read(path).ok()
}

fn refused_unchanged(path: &Path, kind: &str) -> String {
    let wal = path.with_extension("db-wal");
    let (before, wal_before) = (bytes(path), bytes(&wal));
    for (how, result) in [
        ("open", Db::open(path).err()),
        ("open_read_only", Db::open_read_only(path).err()),
    ] {
        let err = result.unwrap_or_else(|| panic!("{how} must refuse {}", path.display()));
        assert_eq!(err.kind().as_str(), kind, "{how}: {err}");
    }
    assert_eq!(bytes(path), before, "the file is byte-for-byte unchanged");
    assert_eq!(bytes(&wal), wal_before, "its write-ahead log is unchanged");
    Db::open(path).err().unwrap().to_string()
}

#[test]
fn a_newer_database_with_a_pending_write_ahead_log_is_left_exactly_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let made = dir.path().join("made.db");
    let conn = Connection::open(&made).unwrap();
    conn.execute_batch(
        "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0;
         CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
         PRAGMA user_version = 99;",
    )
    .unwrap();
    // Copy the files while the writer is still open: the version lives only in the WAL.
    let path = dir.path().join("future.db");
    std::fs::copy(&made, &path).unwrap();
    std::fs::copy(made.with_extension("db-wal"), path.with_extension("db-wal")).unwrap();
    drop(conn);
    let message = refused_unchanged(&path, "newerDatabase");
    assert!(message.contains("mới hơn"), "{message}");
}

#[test]
fn a_negative_schema_version_is_refused_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("odd.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE meta (key, value); PRAGMA user_version = -1;")
        .unwrap();
    let message = refused_unchanged(&path, "notHoiNghi");
    assert!(message.contains("-1"), "{message}");
}

#[test]
fn another_applications_database_and_garbage_are_refused_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("ketoan.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch(
            "CREATE TABLE invoice (id INTEGER PRIMARY KEY); INSERT INTO invoice VALUES (1);",
        )
        .unwrap();
    let message = refused_unchanged(&foreign, "notHoiNghi");
    assert!(
        message.contains("không phải tệp dữ liệu HoiNghi"),
        "{message}"
    );

    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, vec![b'x'; 4096]).unwrap();
    refused_unchanged(&garbage, "notHoiNghi");
}

#[test]
fn an_empty_file_becomes_a_database_only_when_opened_for_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    assert_eq!(kind(Db::open_read_only(&path).map(drop)), "notHoiNghi");
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0, "still empty");
    let db = Db::open(&path).unwrap();
    assert_eq!(db.schema_version().unwrap(), SCHEMA_VERSION);
    let id: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .unwrap();
    assert_eq!(id, APPLICATION_ID, "the file says it is HoiNghi's");
}

#[test]
fn the_live_connection_commits_to_disk_before_reporting() {
    let dir = tempfile::tempdir().unwrap();
    let db = Db::open(dir.path().join("h.db")).unwrap();
    assert_eq!(
        db.durability().unwrap(),
        ("wal".to_string(), 2),
        "WAL + synchronous=FULL"
    );
}

#[test]
fn a_second_writer_is_refused_while_readers_may_look() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    let mut first = Db::open(&path).unwrap();
    meeting(&mut first);
    let err = Db::open(&path).err().expect("a second writer is refused");
    assert_eq!(err.kind().as_str(), "inUse");
    assert!(
        err.to_string()
            .contains("đang được mở ở cửa sổ HoiNghi khác"),
        "{err}"
    );

    let mut reader = Db::open_read_only(&path).expect("reading needs no lock");
    assert_eq!(reader.list_meetings().unwrap().len(), 1);
    assert_eq!(
        kind(reader.create_meeting(&meeting_input("Không được ghi"))),
        "storage",
        "a read-only store writes nothing"
    );
    drop(first);
    Db::open(&path).expect("the lock goes with the first store");
}

#[test]
fn a_database_deleted_while_open_refuses_writes_and_can_be_rescued() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    let mut db = Db::open(&path).unwrap();
    let kept = meeting(&mut db);
    std::fs::remove_file(&path).unwrap();

    let err = db
        .create_meeting(&meeting_input("Sau khi mất tệp"))
        .expect_err("nothing may be reported saved into a deleted file");
    assert_eq!(err.kind().as_str(), "databaseLost");
    assert!(err.to_string().contains("CHƯA được lưu"), "{err}");
    assert!(db.is_lost());
    assert_eq!(
        kind(db.update_meeting(&kept.id, &kept.updated_at, &meeting_input("Sửa"))),
        "databaseLost",
        "every later write is refused too"
    );

    let rescue = dir.path().join("cuu-ho.db");
    db.save_copy(&rescue)
        .expect("what is still open can be saved");
    drop(db);
    let rescued = Db::open(&rescue).unwrap();
    let titles: Vec<_> = rescued
        .list_meetings()
        .unwrap()
        .into_iter()
        .map(|m| m.meeting.title)
        .collect();
    assert_eq!(
        titles,
        [kept.title],
        "the rescued file holds what was saved, and only that"
    );
}

#[test]
fn a_database_replaced_while_open_is_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    let mut db = Db::open(&path).unwrap();
    meeting(&mut db);
    let other = dir.path().join("other.db");
    std::fs::write(&other, b"someone else's file").unwrap();
    std::fs::rename(&other, &path).unwrap();
    assert_eq!(kind(db.create_meeting(&meeting_input("X"))), "databaseLost");
    assert_eq!(
        std::fs::read(&path).unwrap(),
        b"someone else's file",
        "the file now at that path is not written to"
    );
}

#[test]
fn a_copy_is_never_written_over_the_open_database() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    let db = Db::open(&path).unwrap();
    assert_eq!(kind(db.save_copy(&path)), "invalid");
    assert_eq!(
        kind(db.save_copy(&dir.path().join(".").join("h.db"))),
        "invalid"
    );
}
