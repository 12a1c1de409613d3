use hoinghi_core::model::{AttendanceEventKind as Ev, AttendanceState as St, PersonInput};

use crate::support::*;

#[test]
fn the_state_is_derived_from_the_event_log() {
    let mut db = db();
    let m = meeting(&mut db);
    let p = db.add_participant(&m.id, &person("Phạm Văn D")).unwrap()[0]
        .person
        .id
        .clone();
    let state = |db: &hoinghi_core::Db| db.participants(&m.id).unwrap()[0].clone();

    assert_eq!(
        state(&db).state,
        St::Invited,
        "a new participant is only invited"
    );
    db.record_attendance(&m.id, &p, Ev::Arrived, "", Some("2026-12-01T07:55"))
        .unwrap();
    assert_eq!(
        state(&db).state,
        St::Present,
        "arriving before the start is on time"
    );
    db.record_attendance(&m.id, &p, Ev::Left, "Họp khác", Some("2026-12-01T10:00"))
        .unwrap();
    let s = state(&db);
    assert_eq!(
        (s.state, s.left_at.as_deref()),
        (St::Left, Some("2026-12-01T10:00"))
    );
    db.record_attendance(&m.id, &p, Ev::Cleared, "", None)
        .unwrap();
    assert_eq!(
        state(&db).state,
        St::Invited,
        "clearing goes back to invited"
    );
    db.record_attendance(&m.id, &p, Ev::Arrived, "", Some("2026-12-01T08:25"))
        .unwrap();
    assert_eq!(
        state(&db).state,
        St::Late,
        "arriving after the start is late"
    );
    db.record_attendance(&m.id, &p, Ev::Absent, "Đi công tác", None)
        .unwrap();
    let s = state(&db);
    assert_eq!(
        (s.state, s.absence_reason.as_str()),
        (St::AbsentExcused, "Đi công tác")
    );
    db.record_attendance(&m.id, &p, Ev::Absent, "", None)
        .unwrap();
    assert_eq!(state(&db).state, St::Absent, "absent without a reason");

    let log = db.attendance_log(&m.id, &p).unwrap();
    let kinds: Vec<_> = log.iter().map(|e| e.kind).collect();
    assert_eq!(
        kinds,
        [
            Ev::Invited,
            Ev::Arrived,
            Ev::Left,
            Ev::Cleared,
            Ev::Arrived,
            Ev::Absent,
            Ev::Absent
        ],
        "every action stays in the log, in order"
    );
    assert!(
        log.iter().all(|e| e.device_id == db.device_id()),
        "each event names its device"
    );
}

#[test]
fn each_person_s_state_comes_from_their_own_events_when_several_interleave() {
    let mut db = db();
    let m = meeting(&mut db);
    let mut ids = Vec::new();
    for name in ["Lê Văn A", "Trần Thị B", "Ngô Văn C", "Đỗ Thị D"] {
        let list = db.add_participant(&m.id, &person(name)).unwrap();
        let id = list
            .iter()
            .find(|p| p.person.full_name == name)
            .unwrap()
            .person
            .id
            .clone();
        ids.push(id);
    }
    let (a, b, c, d) = (&ids[0], &ids[1], &ids[2], &ids[3]);
    // Interleaved, as a door records them; D has no event at all.
    db.record_attendance(&m.id, b, Ev::Arrived, "", Some("2026-12-01T07:50"))
        .unwrap();
    db.record_attendance(&m.id, a, Ev::Absent, "Ốm", None)
        .unwrap();
    db.record_attendance(&m.id, c, Ev::Arrived, "", Some("2026-12-01T08:20"))
        .unwrap();
    db.record_attendance(&m.id, b, Ev::Left, "Họp khác", Some("2026-12-01T09:40"))
        .unwrap();
    db.record_attendance(&m.id, a, Ev::Cleared, "", None)
        .unwrap();
    db.record_attendance(&m.id, a, Ev::Arrived, "", Some("2026-12-01T08:10"))
        .unwrap();
    db.record_attendance(&m.id, c, Ev::Absent, "", None)
        .unwrap();

    let list = db.participants(&m.id).unwrap();
    let of = |id: &String| list.iter().find(|p| &p.person.id == id).unwrap();
    assert_eq!(of(a).state, St::Late, "cleared, then came late");
    assert_eq!(
        (
            of(b).state,
            of(b).arrived_at.as_deref(),
            of(b).left_at.as_deref()
        ),
        (St::Left, Some("2026-12-01T07:50"), Some("2026-12-01T09:40"))
    );
    assert_eq!(of(c).state, St::Absent, "the last event wins");
    assert_eq!(of(d).state, St::Invited, "no event, only invited");
    assert_eq!(list.len(), 4, "everyone once");
}

#[test]
fn the_same_person_cannot_be_invited_twice() {
    let mut db = db();
    let m = meeting(&mut db);
    let parts = db.add_participant(&m.id, &person("Hoàng Thị E")).unwrap();
    let id = parts[0].person.id.clone();
    let err = db
        .invite_people(&m.id, std::slice::from_ref(&id))
        .unwrap_err();
    assert_eq!(err.kind().as_str(), "conflict");
    assert!(
        err.to_string().contains("Hoàng Thị E"),
        "the message names the person: {err}"
    );
    assert_eq!(
        kind(db.add_participant(&m.id, &person("Hoàng Thị E"))),
        "conflict",
        "same name and unit"
    );
    assert_eq!(db.participants(&m.id).unwrap().len(), 1);
}

#[test]
fn a_removed_participant_can_be_invited_again() {
    let mut db = db();
    let m = meeting(&mut db);
    let p = db.create_person(&person("Vũ F")).unwrap();
    db.invite_people(&m.id, std::slice::from_ref(&p.id))
        .unwrap();
    assert!(db.remove_participant(&m.id, &p.id).unwrap().is_empty());
    assert_eq!(kind(db.remove_participant(&m.id, &p.id)), "notFound");
    assert_eq!(
        db.invite_people(&m.id, std::slice::from_ref(&p.id))
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn the_log_cannot_be_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    {
        let mut db = hoinghi_core::Db::open(&path).unwrap();
        let m = meeting(&mut db);
        db.add_participant(&m.id, &person("G")).unwrap();
    }
    let conn = rusqlite::Connection::open(&path).unwrap();
    assert!(
        conn.execute("DELETE FROM attendance_event", []).is_err(),
        "deleting events is refused"
    );
    assert!(
        conn.execute("UPDATE attendance_event SET reason = 'x'", [])
            .is_err(),
        "editing too"
    );
}

#[test]
fn attendance_for_someone_not_invited_or_a_wrong_time_is_refused() {
    let mut db = db();
    let m = meeting(&mut db);
    let p = db.create_person(&person("H")).unwrap();
    assert_eq!(
        kind(db.record_attendance(&m.id, &p.id, Ev::Arrived, "", None)),
        "notFound"
    );
    db.invite_people(&m.id, std::slice::from_ref(&p.id))
        .unwrap();
    assert_eq!(
        kind(db.record_attendance(&m.id, &p.id, Ev::Arrived, "", Some("hôm qua"))),
        "invalid"
    );
    assert_eq!(
        kind(db.record_attendance(&m.id, &p.id, Ev::Invited, "", None)),
        "invalid"
    );
}

#[test]
fn a_listed_person_starts_with_the_role_their_place_gives_them() {
    use hoinghi_core::model::ParticipantRole as R;
    let mut db = db();
    db.save_organisation(&body_input(hoinghi_core::model::OrganisationKind::Party))
        .unwrap();
    let m = meeting(&mut db); // chaired by Nguyễn Văn A, minutes by Trần Thị B
    let add = |db: &mut hoinghi_core::Db, name: &str, unit: &str, rank: i32| {
        let input = PersonInput {
            unit: unit.into(),
            rank,
            ..person(name)
        };
        db.add_participant(&m.id, &input).unwrap();
    };
    add(&mut db, "Nguyễn Văn A", "Ban Tuyên giáo Thành uỷ Hà Nội", 1);
    add(&mut db, "Lê Văn C", "Ban Tuyên giáo Thành uỷ Hà Nội", 2);
    add(&mut db, "Trần Thị B", "Ban Tuyên giáo Thành uỷ Hà Nội", 3);
    add(&mut db, "Phạm Văn D", "Quận uỷ Ba Đình", 4);
    let roles = |db: &hoinghi_core::Db| -> Vec<R> {
        db.participants(&m.id)
            .unwrap()
            .iter()
            .map(|p| p.role)
            .collect()
    };
    assert_eq!(roles(&db), [R::Chair, R::Host, R::Staff, R::Guest]);
    let d = db.participants(&m.id).unwrap()[3].person.id.clone();
    db.set_participant_role(&m.id, &d, R::Press).unwrap();
    assert_eq!(roles(&db)[3], R::Press, "the secretary's choice is kept");
    assert!(R::Press.is_invited() && R::Guest.is_invited());
    assert!(!R::Chair.is_invited() && !R::Host.is_invited() && !R::Staff.is_invited());
    assert_eq!(
        kind(db.set_participant_role(&m.id, "no-one", R::Guest)),
        "notFound"
    );
}

#[test]
fn a_deputy_attends_in_a_delegate_s_place_and_is_recorded_as_such() {
    let mut db = db();
    let m = meeting(&mut db);
    let p = db.add_participant(&m.id, &person("Phạm Văn D")).unwrap()[0]
        .person
        .id
        .clone();
    let list = db
        .set_substitute(&m.id, &p, "  Lê Thị E ", "Phó Giám đốc")
        .unwrap();
    assert_eq!(
        (
            list[0].substitute_name.as_str(),
            list[0].substitute_title.as_str()
        ),
        ("Lê Thị E", "Phó Giám đốc")
    );
    // The seat is taken when the deputy arrives: the invitee's own event.
    db.record_attendance(&m.id, &p, Ev::Arrived, "", Some("2026-12-01T07:58"))
        .unwrap();
    let after = &db.participants(&m.id).unwrap()[0];
    assert_eq!(after.state, St::Present);
    assert_eq!(after.substitute_name, "Lê Thị E");
    // No name: nobody in their place, and no office either.
    let cleared = db.set_substitute(&m.id, &p, " ", "Phó Giám đốc").unwrap();
    assert_eq!(
        (
            cleared[0].substitute_name.as_str(),
            cleared[0].substitute_title.as_str()
        ),
        ("", "")
    );
    assert_eq!(
        kind(db.set_substitute(&m.id, "nobody", "X", "")),
        "notFound"
    );
    assert_eq!(
        kind(db.set_substitute(&m.id, &p, &"x".repeat(10_000), "")),
        "invalid"
    );
}

#[test]
fn a_whole_group_is_marked_present_at_a_typed_time_and_others_are_left_alone() {
    let mut db = db();
    let m = meeting(&mut db);
    let add = |db: &mut hoinghi_core::Db, name: &str, section: &str| {
        let input = PersonInput {
            section: section.into(),
            ..person(name)
        };
        db.add_participant(&m.id, &input)
            .unwrap()
            .into_iter()
            .find(|p| p.person.full_name == name)
            .unwrap()
            .person
            .id
    };
    let a = add(&mut db, "Nguyễn Văn A", "Báo chí");
    let b = add(&mut db, "Trần Văn B", "Báo chí");
    let c = add(&mut db, "Lê Văn C", "Báo chí");
    let d = add(&mut db, "Phạm Văn D", "Đại biểu cơ sở");
    db.record_attendance(&m.id, &b, Ev::Absent, "Ốm", None)
        .unwrap();
    db.record_attendance(&m.id, &c, Ev::Arrived, "", Some("2026-12-01T07:40"))
        .unwrap();
    // Typed from the paper sheet after the meeting: on time, not late.
    let list = db
        .mark_section_present(&m.id, "Báo chí", Some("2026-12-01T07:55"))
        .unwrap();
    let of = |id: &str| list.iter().find(|p| p.person.id == id).unwrap().clone();
    assert_eq!(
        (of(&a).state, of(&a).arrived_at.as_deref()),
        (St::Present, Some("2026-12-01T07:55"))
    );
    assert_eq!(of(&b).state, St::AbsentExcused, "an absence stands");
    assert_eq!(
        of(&c).arrived_at.as_deref(),
        Some("2026-12-01T07:40"),
        "an earlier arrival stands"
    );
    assert_eq!(of(&d).state, St::Invited, "another group is untouched");
    // The door's counters per group add up to the meeting's.
    let sections = db.attendance_by_section(&m.id).unwrap();
    let counts: Vec<_> = sections
        .iter()
        .map(|s| {
            let n = s.summary;
            (
                s.section.as_str(),
                n.invited,
                n.attended,
                n.absent_excused,
                n.pending,
            )
        })
        .collect();
    assert_eq!(
        counts,
        [("Báo chí", 3, 2, 1, 0), ("Đại biểu cơ sở", 1, 0, 0, 1)]
    );
    let whole = db.attendance_summary(&m.id).unwrap();
    assert_eq!(
        sections.iter().map(|s| s.summary.attended).sum::<u32>(),
        whole.attended
    );
    assert_eq!(
        kind(db.mark_section_present(&m.id, "Báo chí", Some("sáng nay"))),
        "invalid"
    );
}
