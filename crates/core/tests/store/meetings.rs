use hoinghi_core::model::*;
use hoinghi_core::Db;

use crate::support::*;

#[test]
fn a_meeting_is_created_read_back_and_listed() {
    let mut db = db();
    let m = meeting(&mut db);
    assert_eq!(
        db.meeting(&m.id).unwrap(),
        m,
        "reading back gives what was created"
    );
    let list = db.list_meetings().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].meeting.title, "Hội nghị giao ban quý IV");
    assert!(
        !m.created_at.is_empty() && m.created_at == m.updated_at,
        "audit stamps are set"
    );
}

#[test]
fn an_empty_or_overlong_title_is_refused_with_a_message() {
    let mut db = db();
    let err = db.create_meeting(&meeting_input("   ")).unwrap_err();
    assert_eq!(err.kind().as_str(), "invalid");
    assert!(err.to_string().contains("không được để trống"), "{err}");
    let long = "Hội nghị ".repeat(1200);
    let err = db.create_meeting(&meeting_input(&long)).unwrap_err();
    assert!(
        err.to_string().contains("quá dài"),
        "a 10,000-character title is refused: {err}"
    );
    assert!(
        db.list_meetings().unwrap().is_empty(),
        "nothing was written"
    );
}

#[test]
fn an_end_before_the_start_is_refused() {
    let mut db = db();
    let mut input = meeting_input("Họp");
    input.ends_at = "2026-12-01T07:00".into();
    assert_eq!(kind(db.create_meeting(&input)), "invalid");
    input.ends_at = "not a date".into();
    assert_eq!(kind(db.create_meeting(&input)), "invalid");
}

#[test]
fn text_is_stored_in_nfc() {
    let mut db = db();
    // "Hà Nội" typed with combining marks (NFD).
    let decomposed = "Ha\u{300} No\u{302}\u{323}i";
    let m = db.create_meeting(&meeting_input(decomposed)).unwrap();
    assert_eq!(
        m.title, "Hà Nội",
        "the title is normalised to precomposed NFC"
    );
}

#[test]
fn an_update_changes_fields_and_the_updated_stamp() {
    let mut db = db();
    let m = meeting(&mut db);
    let mut input = meeting_input("Hội nghị sơ kết");
    input.status = MeetingStatus::InSession;
    let u = db.update_meeting(&m.id, &m.updated_at, &input).unwrap();
    assert_eq!(u.title, "Hội nghị sơ kết");
    assert_eq!(u.status, MeetingStatus::InSession);
    assert!(u.updated_at > m.updated_at);
    assert_eq!(
        kind(db.update_meeting("no-such-id", &m.updated_at, &input)),
        "notFound"
    );
}

#[test]
fn a_deleted_meeting_disappears_but_its_row_is_kept() {
    let mut db = db();
    let m = meeting(&mut db);
    db.add_agenda_item(&m.id, &item("Khai mạc", 10)).unwrap();
    db.delete_meeting(&m.id).unwrap();
    assert!(
        db.list_meetings().unwrap().is_empty(),
        "the meeting is no longer listed"
    );
    assert_eq!(kind(db.meeting(&m.id)), "notFound");
    assert_eq!(
        kind(db.add_agenda_item(&m.id, &item("Bế mạc", 5))),
        "notFound",
        "nothing can be added to a deleted meeting"
    );
    assert_eq!(
        kind(db.delete_meeting(&m.id)),
        "notFound",
        "deleting twice is reported"
    );
}

#[test]
fn duplicating_copies_details_agenda_and_invitations_but_not_the_record() {
    let mut db = db();
    let m = meeting(&mut db);
    db.add_agenda_item(&m.id, &item("Khai mạc", 10)).unwrap();
    db.add_agenda_item(&m.id, &item("Báo cáo", 30)).unwrap();
    let ps = db.add_participant(&m.id, &person("Lê Văn C")).unwrap();
    db.record_attendance(
        &m.id,
        &ps[0].person.id,
        AttendanceEventKind::Arrived,
        "",
        None,
    )
    .unwrap();
    db.add_minutes_entry(&m.id, &entry("Phát biểu khai mạc", None))
        .unwrap();

    let copy = db.duplicate_meeting(&m.id).unwrap();
    assert_ne!(copy.id, m.id);
    assert_eq!(
        copy.status,
        MeetingStatus::Draft,
        "the copy starts as a draft"
    );
    let titles: Vec<_> = db
        .agenda(&copy.id)
        .unwrap()
        .into_iter()
        .map(|i| i.title)
        .collect();
    assert_eq!(
        titles,
        ["Khai mạc", "Báo cáo"],
        "the agenda is copied in order"
    );
    let parts = db.participants(&copy.id).unwrap();
    assert_eq!(parts.len(), 1, "the invitation list is copied");
    assert_eq!(parts[0].state, AttendanceState::Invited, "but not who came");
    assert!(
        db.minutes(&copy.id).unwrap().is_empty(),
        "minutes are not copied"
    );
    assert_eq!(db.list_meetings().unwrap().len(), 2);
}

#[test]
fn the_latest_meeting_is_the_one_listed_first() {
    let mut db = db();
    assert_eq!(db.latest_meeting_id().unwrap(), None, "no meeting yet");
    let mut input = meeting_input("Quý III");
    input.starts_at = "2026-09-01T08:00".into();
    input.ends_at = "2026-09-01T11:00".into();
    let older = db.create_meeting(&input).unwrap();
    let newer = db.create_meeting(&meeting_input("Quý IV")).unwrap();
    let first = |db: &Db| db.list_meetings().unwrap()[0].meeting.id.clone();
    assert_eq!(first(&db), newer.id);
    assert_eq!(db.latest_meeting_id().unwrap(), Some(first(&db)));
    db.delete_meeting(&newer.id).unwrap();
    assert_eq!(db.latest_meeting_id().unwrap(), Some(older.id.clone()));
    assert_eq!(first(&db), older.id, "a deleted meeting is not the latest");
}

#[test]
fn an_edit_made_on_an_out_of_date_copy_is_refused_not_applied() {
    let mut db = db();
    let m = meeting(&mut db);
    // Two editors opened the meeting; the first saves.
    let first = db
        .update_meeting(
            &m.id,
            &m.updated_at,
            &meeting_input("Bản của người thứ nhất"),
        )
        .unwrap();
    // The second still holds the old copy: refused, the first one's text stays.
    let err = db
        .update_meeting(&m.id, &m.updated_at, &meeting_input("Bản cũ"))
        .unwrap_err();
    assert_eq!(err.kind().as_str(), "conflict");
    assert!(err.to_string().contains("chưa được lưu"), "{err}");
    assert_eq!(db.meeting(&m.id).unwrap(), first);
    // Starting again from what is saved now works.
    db.update_meeting(&m.id, &first.updated_at, &meeting_input("Bản mới"))
        .unwrap();

    // The same for every record an editor changes.
    let p = db.create_person(&person("Nguyễn Văn A")).unwrap();
    db.update_person(&p.id, &p.updated_at, &person("Nguyễn Văn B"))
        .unwrap();
    assert_eq!(
        kind(db.update_person(&p.id, &p.updated_at, &person("Nguyễn Văn C"))),
        "conflict"
    );
    let items = db.add_agenda_item(&m.id, &item("Khai mạc", 10)).unwrap();
    let a = &items[0];
    db.update_agenda_item(&a.id, &a.updated_at, &item("Khai mạc hội nghị", 10))
        .unwrap();
    assert_eq!(
        kind(db.update_agenda_item(&a.id, &a.updated_at, &item("Cũ", 10))),
        "conflict"
    );
    let e = db.add_minutes_entry(&m.id, &entry("Ý kiến", None)).unwrap();
    let saved = db
        .update_minutes_entry(&e.id, &e.updated_at, &entry("Ý kiến (1)", None))
        .unwrap();
    db.update_minutes_entry(&e.id, &saved.updated_at, &entry("Ý kiến (2)", None))
        .expect("autosave passes on the stamp its previous save returned");
    assert_eq!(
        kind(db.update_minutes_entry(&e.id, &saved.updated_at, &entry("Cũ", None))),
        "conflict"
    );
    assert_eq!(db.minutes_entry(&e.id).unwrap().text, "Ý kiến (2)");
}
