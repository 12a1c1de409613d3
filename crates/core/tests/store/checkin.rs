use hoinghi_core::model::{
    AttendanceEventKind as Ev, AttendanceState as St, AttendanceSummary, ListOrder, PersonInput,
};
use hoinghi_core::Db;

use crate::support::*;

fn listed(db: &mut Db, meeting: &str, name: &str, unit: &str) -> String {
    let input = PersonInput {
        unit: unit.into(),
        ..person(name)
    };
    let list = db.add_participant(meeting, &input).unwrap();
    list.iter()
        .find(|p| p.person.full_name == name)
        .expect("just added")
        .person
        .id
        .clone()
}

#[test]
fn checking_in_returns_only_that_person_and_never_moves_an_arrival() {
    let mut db = db();
    let m = meeting(&mut db);
    let tuan = listed(&mut db, &m.id, "Nguyễn Văn Tuấn", "Quận uỷ Ba Đình");
    listed(&mut db, &m.id, "Nguyễn Văn Tuân", "Sở Tài chính");
    listed(&mut db, &m.id, "Trần Thị Thuỷ", "Quận uỷ Hoàng Mai");

    let first = db.check_in(&m.id, &tuan).unwrap();
    assert!(!first.already);
    assert_eq!(first.participant.person.id, tuan);
    // The meeting began yesterday (support's meeting): arriving now is late.
    assert_eq!(first.participant.state, St::Late);
    let arrived = first
        .participant
        .arrived_at
        .clone()
        .expect("an arrival time");
    assert_eq!(
        (
            first.summary.invited,
            first.summary.attended,
            first.summary.late,
            first.summary.pending
        ),
        (3, 1, 1, 2)
    );

    // A second check-in (a double scan, a second click) records nothing.
    let again = db.check_in(&m.id, &tuan).unwrap();
    assert!(again.already);
    assert_eq!(
        again.participant.arrived_at.as_deref(),
        Some(arrived.as_str())
    );
    assert_eq!(again.summary, first.summary);
    let arrivals = db
        .attendance_log(&m.id, &tuan)
        .unwrap()
        .iter()
        .filter(|e| e.kind == Ev::Arrived)
        .count();
    assert_eq!(arrivals, 1);

    // Nor does a second "arrived" from the list: the first time stands.
    db.record_attendance(&m.id, &tuan, Ev::Arrived, "", Some("2026-12-01T10:45"))
        .unwrap();
    let p = db.search_participants(&m.id, "Nguyễn Văn Tuấn", 1).unwrap();
    assert_eq!(p[0].arrived_at.as_deref(), Some(arrived.as_str()));
    // The list read afresh (not the kept one) says the same.
    let fresh = db.participants(&m.id).unwrap();
    let fresh = fresh.iter().find(|p| p.person.id == tuan).unwrap();
    assert_eq!(fresh.arrived_at.as_deref(), Some(arrived.as_str()));
    assert_eq!(
        db.attendance_summary(&m.id).unwrap(),
        AttendanceSummary::of(&db.participants(&m.id).unwrap())
    );
}

#[test]
fn an_arrival_typed_from_the_paper_sheet_keeps_its_time() {
    let mut db = db();
    let m = meeting(&mut db);
    let a = listed(&mut db, &m.id, "Lê Thị Hoà", "Quận uỷ Ba Đình");
    db.record_attendance(&m.id, &a, Ev::Arrived, "", Some("2026-12-01T07:50"))
        .unwrap();
    db.record_attendance(&m.id, &a, Ev::Arrived, "", Some("2026-12-01T09:30"))
        .unwrap();
    let p = &db.participants(&m.id).unwrap()[0];
    assert_eq!(
        (p.state, p.arrived_at.as_deref()),
        (St::Present, Some("2026-12-01T07:50"))
    );
    // Leaving and coming back: present again, from the first arrival.
    db.record_attendance(&m.id, &a, Ev::Left, "", Some("2026-12-01T10:00"))
        .unwrap();
    db.record_attendance(&m.id, &a, Ev::Arrived, "", Some("2026-12-01T10:20"))
        .unwrap();
    let p = &db.participants(&m.id).unwrap()[0];
    assert_eq!(
        (p.state, p.arrived_at.as_deref(), p.left_at.as_deref()),
        (St::Present, Some("2026-12-01T07:50"), None)
    );
}

#[test]
fn codes_check_in_with_or_without_hyphens_and_unknown_ones_are_named() {
    let mut db = db();
    let m = meeting(&mut db);
    let id = listed(&mut db, &m.id, "Vũ Thị Thu", "Báo Hà Nội mới");
    let code = db.participants(&m.id).unwrap()[0]
        .person
        .checkin_code
        .clone();
    let typed = format!("{}-{}", &code[..4], code[4..].to_lowercase());
    let done = db.check_in_code(&m.id, &typed).unwrap();
    assert_eq!(done.participant.person.id, id);
    assert!(db.check_in_code(&m.id, &code).unwrap().already);

    let err = db.check_in_code(&m.id, "ZZZZ-9999").unwrap_err();
    assert_eq!(err.kind().as_str(), "invalid");
    assert!(err.to_string().contains("ZZZZ-9999"), "{err}");
    assert!(
        err.to_string().contains("không có trong danh sách"),
        "{err}"
    );
    assert_eq!(kind(db.check_in_code(&m.id, "")), "invalid");
}

#[test]
fn the_kept_list_follows_every_change() {
    let mut db = db();
    let m = meeting(&mut db);
    let a = listed(&mut db, &m.id, "Đặng Văn Dũng", "Đảng uỷ xã Đông Dư");
    assert_eq!(db.search_participants(&m.id, "dung", 10).unwrap().len(), 1);

    // A person added, renamed, marked absent, removed: each is seen at once.
    let b = listed(&mut db, &m.id, "Dương Văn Đức", "UBND quận Đống Đa");
    assert_eq!(
        db.search_participants(&m.id, "duc", 10).unwrap()[0]
            .person
            .id,
        b
    );
    let seen = db.person(&b).unwrap().updated_at;
    let renamed = PersonInput {
        unit: "UBND quận Đống Đa".into(),
        ..person("Dương Minh Đức")
    };
    db.update_person(&b, &seen, &renamed).unwrap();
    assert!(db
        .search_participants(&m.id, "duong van duc", 10)
        .unwrap()
        .is_empty());
    assert_eq!(
        db.search_participants(&m.id, "duong minh", 10)
            .unwrap()
            .len(),
        1
    );
    db.record_attendance(&m.id, &a, Ev::Absent, "Ốm", None)
        .unwrap();
    let found = db.search_participants(&m.id, "dung", 10).unwrap();
    assert_eq!(
        (found[0].state, found[0].absence_reason.as_str()),
        (St::AbsentExcused, "Ốm")
    );
    db.remove_participant(&m.id, &a).unwrap();
    assert!(db
        .search_participants(&m.id, "dung", 10)
        .unwrap()
        .is_empty());

    // A check-in after someone else's change still counts right.
    db.record_attendance(&m.id, &b, Ev::Absent, "", None)
        .unwrap();
    db.record_attendance(&m.id, &b, Ev::Cleared, "", None)
        .unwrap();
    let done = db.check_in(&m.id, &b).unwrap();
    assert_eq!(
        done.summary,
        AttendanceSummary::of(&db.participants(&m.id).unwrap())
    );
    assert_eq!(done.summary.attended, 1);
}

#[test]
fn another_connection_s_writes_are_seen() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hoinghi.db");
    let mut db = Db::open(&path).unwrap();
    let m = meeting(&mut db);
    let a = listed(&mut db, &m.id, "Bùi Huyền Mai", "Ban Tuyên giáo");
    assert_eq!(db.search_participants(&m.id, "mai", 10).unwrap().len(), 1);

    let other = rusqlite::Connection::open(&path).unwrap();
    other
        .execute(
            "UPDATE person SET full_name = 'Bùi Thị Huyền' WHERE id = ?1",
            [&a],
        )
        .unwrap();
    let found = db.search_participants(&m.id, "huyen", 10).unwrap();
    assert_eq!(found[0].person.full_name, "Bùi Thị Huyền");
    assert!(db.search_participants(&m.id, "mai", 10).unwrap().is_empty());
}

#[test]
fn a_check_in_for_someone_not_listed_is_refused() {
    let mut db = db();
    let m = meeting(&mut db);
    assert_eq!(kind(db.check_in(&m.id, "no-such-person")), "notFound");
    assert_eq!(
        kind(db.search_participants("no-such-meeting", "a", 5)),
        "notFound"
    );
}

#[test]
fn lists_follow_the_chosen_order_in_vietnamese_alphabetical_order() {
    let mut db = db();
    let m = meeting(&mut db);
    for (name, unit, rank) in [
        ("Vũ Thị Thu", "Báo Hà Nội mới", 30),
        ("Đặng Văn An", "Quận uỷ Ba Đình", 20),
        ("Dương Minh Bình", "Đảng uỷ phường Cửa Nam", 10),
        ("Lê Văn An", "Sở Y tế", 40),
    ] {
        let input = PersonInput {
            unit: unit.into(),
            rank,
            ..person(name)
        };
        db.add_participant(&m.id, &input).unwrap();
    }
    let names = |db: &Db| -> Vec<String> {
        db.participants(&m.id)
            .unwrap()
            .into_iter()
            .map(|p| p.person.full_name)
            .collect()
    };
    assert_eq!(
        names(&db),
        ["Dương Minh Bình", "Đặng Văn An", "Vũ Thị Thu", "Lê Văn An"],
        "by default, the precedence given"
    );
    // Searched once, so the kept list must notice the new order.
    assert_eq!(
        db.search_participants(&m.id, "an", 1).unwrap()[0]
            .person
            .full_name,
        "Đặng Văn An"
    );

    let mut settings = db.format_settings().unwrap();
    settings.list_order = ListOrder::GivenName;
    db.update_format_settings(&settings).unwrap();
    // Tên first ("An" < "Bình" < "Thu"), then họ: d < đ < l, so Đặng Văn
    // An before Lê Văn An.
    assert_eq!(
        names(&db),
        ["Đặng Văn An", "Lê Văn An", "Dương Minh Bình", "Vũ Thị Thu"],
        "by given name, then family name"
    );
    assert_eq!(
        db.search_participants(&m.id, "van an", 2).unwrap()[0]
            .person
            .full_name,
        "Đặng Văn An"
    );

    settings.list_order = ListOrder::Unit;
    db.update_format_settings(&settings).unwrap();
    // "Báo" < "Đảng" (b < đ) < "Quận" < "Sở".
    assert_eq!(
        names(&db),
        ["Vũ Thị Thu", "Dương Minh Bình", "Đặng Văn An", "Lê Văn An"],
        "by unit"
    );
    let directory: Vec<String> = db
        .list_people("")
        .unwrap()
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    assert_eq!(
        directory,
        names(&db),
        "the directory follows the same order"
    );
}
