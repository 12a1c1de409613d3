//! Backups (made, listed, checked, restored) and the meeting trash.

use hoinghi_core::model::BackupReason;
use hoinghi_core::Db;
use rusqlite::Connection;

use crate::support::*;

fn titles(db: &Db) -> Vec<String> {
    db.list_meetings()
        .unwrap()
        .into_iter()
        .map(|m| m.meeting.title)
        .collect()
}

#[test]
fn a_backup_is_a_whole_checked_file_listed_with_what_it_holds() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(dir.path().join("h.db")).unwrap();
    meeting(&mut db);
    assert!(db.changed_since_backup());
    let made = db.backup(BackupReason::Manual).unwrap();
    assert!(!db.changed_since_backup());
    assert_eq!(made.meetings, Some(1));
    assert_eq!(made.reason, BackupReason::Manual);
    assert!(made.size_kb > 0);
    assert_eq!(db.list_backups().unwrap(), std::slice::from_ref(&made));

    let file = db.backup_dir().unwrap().join(&made.name);
    let conn = Connection::open(&file).unwrap();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "delete", "a backup is one self-contained file");
    let leftovers: Vec<_> = std::fs::read_dir(db.backup_dir().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn restoring_brings_the_data_back_and_keeps_the_current_data_aside() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    let mut db = Db::open(&path).unwrap();
    db.create_meeting(&meeting_input("Giao ban quý III"))
        .unwrap();
    let before = db.backup(BackupReason::Auto).unwrap();
    db.create_meeting(&meeting_input("Giao ban quý IV"))
        .unwrap();

    let aside = db.restore_backup(&before.name).unwrap();
    assert_eq!(
        titles(&db),
        ["Giao ban quý III"],
        "the data is the backup's"
    );
    assert_eq!(aside.reason, BackupReason::BeforeRestore);
    assert_eq!(aside.meetings, Some(2), "what was current is kept aside");
    db.create_meeting(&meeting_input("Sau khôi phục")).unwrap();
    drop(db);
    let db = Db::open(&path).unwrap();
    assert_eq!(
        titles(&db).len(),
        2,
        "the restored file keeps working after a restart"
    );

    let mut db = db;
    db.restore_backup(&aside.name).unwrap();
    assert_eq!(titles(&db).len(), 2, "and the restore itself can be undone");
}

#[test]
fn a_broken_or_unknown_backup_is_refused_before_anything_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(dir.path().join("h.db")).unwrap();
    meeting(&mut db);
    let made = db.backup(BackupReason::Manual).unwrap();
    let file = db.backup_dir().unwrap().join(&made.name);
    let mut bytes = std::fs::read(&file).unwrap();
    let n = bytes.len();
    bytes[n / 2..].fill(0x55);
    std::fs::write(&file, bytes).unwrap();
    let listed = db.list_backups().unwrap().len();

    assert!(
        db.restore_backup(&made.name).is_err(),
        "a damaged backup is refused"
    );
    assert_eq!(kind(db.restore_backup("../h.db")), "notFound");
    assert_eq!(
        kind(db.restore_backup("hoinghi-20260101-000000-000-manual.db")),
        "notHoiNghi"
    );
    assert_eq!(titles(&db).len(), 1, "the data is untouched");
    assert_eq!(
        db.list_backups().unwrap().len(),
        listed,
        "no backup was made for a refused restore"
    );
}

#[test]
fn a_deleted_meeting_waits_in_the_trash_until_it_is_emptied() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(dir.path().join("h.db")).unwrap();
    let m = meeting(&mut db);
    db.add_agenda_item(&m.id, &item("Khai mạc", 10)).unwrap();
    let p = db.create_person(&person("Nguyễn Văn Tuấn")).unwrap();
    db.invite_people(&m.id, std::slice::from_ref(&p.id))
        .unwrap();
    db.delete_meeting(&m.id).unwrap();
    assert!(titles(&db).is_empty());
    let trash = db.deleted_meetings().unwrap();
    assert_eq!(trash.len(), 1);
    assert_eq!(trash[0].agenda_count, 1, "with everything in it");

    db.restore_meeting(&m.id).unwrap();
    assert_eq!(titles(&db).len(), 1, "restored");
    assert_eq!(db.agenda(&m.id).unwrap().len(), 1);
    assert_eq!(
        kind(db.restore_meeting(&m.id)),
        "notFound",
        "only what is in the trash"
    );

    db.delete_meeting(&m.id).unwrap();
    let backup = db.empty_trash().unwrap().expect("a backup is made first");
    assert_eq!(backup.reason, BackupReason::BeforeEmptyTrash);
    assert!(db.deleted_meetings().unwrap().is_empty());
    assert_eq!(kind(db.restore_meeting(&m.id)), "notFound", "gone for good");
    assert_eq!(
        db.list_people("").unwrap().len(),
        1,
        "people stay in the directory"
    );
    assert!(db.empty_trash().unwrap().is_none(), "nothing to empty");
}

#[test]
fn attendance_of_a_live_meeting_still_cannot_be_deleted() {
    let mut db = db();
    let m = meeting(&mut db);
    let p = db.create_person(&person("Lê Thị Hà")).unwrap();
    db.invite_people(&m.id, std::slice::from_ref(&p.id))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("copy.db");
    db.save_copy(&copy).unwrap();
    let conn = Connection::open(&copy).unwrap();
    let err = conn
        .execute("DELETE FROM attendance_event", [])
        .expect_err("the log is append-only");
    assert!(err.to_string().contains("append-only"), "{err}");
}

#[test]
fn a_missing_database_file_is_brought_back_from_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    let (backups, name) = {
        let mut db = Db::open(&path).unwrap();
        db.create_meeting(&meeting_input("Giao ban quý IV"))
            .unwrap();
        let made = db.backup(BackupReason::Close).unwrap();
        (db.backup_dir().unwrap(), made.name)
    };
    assert_eq!(
        kind(hoinghi_core::backup::restore_missing(
            &backups, &name, &path
        )),
        "invalid",
        "an existing file is never replaced this way"
    );
    std::fs::remove_file(&path).unwrap();
    let _ = std::fs::remove_file(path.with_extension("db-wal"));
    hoinghi_core::backup::restore_missing(&backups, &name, &path).unwrap();
    assert_eq!(titles(&Db::open(&path).unwrap()), ["Giao ban quý IV"]);
}

#[test]
fn every_backup_also_goes_to_the_second_folder_and_a_missing_stick_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open(dir.path().join("data/h.db")).unwrap();
    meeting(&mut db);
    let usb = dir.path().join("usb/HoiNghi");
    let settings = db.set_extra_backup_folder(Some(&usb)).unwrap();
    assert_eq!(settings.extra_folder, Some(usb.display().to_string()));
    assert_eq!(settings.extra_error, None);
    let made = db.backup(BackupReason::Manual).unwrap();
    let copy = Connection::open(usb.join(&made.name)).unwrap();
    let check: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    assert_eq!(
        hoinghi_core::backup::list(&usb).unwrap().len(),
        2,
        "the one made on choosing, and this one"
    );

    // The stick is pulled out: the backup on this computer still works.
    std::fs::remove_dir_all(dir.path().join("usb")).unwrap();
    std::fs::write(dir.path().join("usb"), b"not a folder any more").unwrap();
    assert!(db.backup(BackupReason::Auto).is_ok());
    let err = db.backup_settings().unwrap().extra_error.expect("reported");
    assert!(err.contains("usb"), "{err}");

    // The data folder is no second place; clearing stops the copies.
    assert!(db
        .set_extra_backup_folder(Some(&dir.path().join("data/more")))
        .is_err());
    let cleared = db.set_extra_backup_folder(None).unwrap();
    assert_eq!((cleared.extra_folder, cleared.extra_error), (None, None));
}
