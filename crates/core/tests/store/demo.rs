use hoinghi_core::model::{AttendanceState, MinutesKind, OrganisationKind};
use hoinghi_core::Db;

#[test]
fn the_demo_conference_is_written_once_on_first_start() {
    let mut db = Db::open_in_memory().unwrap();
    assert!(
        db.seed_demo_if_first_start().unwrap(),
        "an empty database gets the demo"
    );
    assert!(!db.seed_demo_if_first_start().unwrap(), "but only once");

    let list = db.list_meetings().unwrap();
    assert_eq!(list.len(), 1);
    let m = &list[0].meeting;
    assert_eq!(
        m.title,
        "Hội nghị giao ban công tác tuyên giáo thành phố 9 tháng năm 2022"
    );
    assert_eq!(m.starts_at, "2022-10-06T08:00");
    assert_eq!(m.chair_name, "Bùi Huyền Mai");
    assert!(m.is_demo, "the demo is flagged as demo data");

    let org = db.issuing_body(&m.id).unwrap();
    assert_eq!(
        (org.abbreviation.as_str(), org.kind),
        ("BTGTU", OrganisationKind::Party)
    );

    let people = db.participants(&m.id).unwrap();
    assert!(
        (35..=45).contains(&people.len()),
        "about 40 delegates, got {}",
        people.len()
    );
    assert!(people.iter().all(|p| p.person.is_demo));
    assert_eq!(
        people[0].person.full_name, "Bùi Huyền Mai",
        "the chair comes first by precedence"
    );
    for state in [
        AttendanceState::Present,
        AttendanceState::Late,
        AttendanceState::AbsentExcused,
        AttendanceState::Left,
    ] {
        assert!(
            people.iter().any(|p| p.state == state),
            "the demo shows a {state:?} delegate"
        );
    }

    let agenda = db.agenda(&m.id).unwrap();
    assert_eq!(agenda.first().unwrap().start_time, "08:00");
    assert_eq!(
        agenda.last().unwrap().end_time,
        "11:30",
        "the agenda fills the morning"
    );

    let minutes = db.minutes(&m.id).unwrap();
    assert!(minutes
        .iter()
        .any(|e| e.kind == MinutesKind::Conclusion && e.speaker_name == "Bùi Huyền Mai"));
    assert_eq!(
        db.tasks(&m.id).unwrap().len(),
        4,
        "the chair's four groups of tasks"
    );
}

#[test]
fn a_user_who_deleted_the_demo_does_not_get_it_back() {
    let mut db = Db::open_in_memory().unwrap();
    db.seed_demo_if_first_start().unwrap();
    let id = db.list_meetings().unwrap()[0].meeting.id.clone();
    db.delete_meeting(&id).unwrap();
    assert!(!db.seed_demo_if_first_start().unwrap());
    assert!(db.list_meetings().unwrap().is_empty());
}

#[test]
fn extra_synthetic_delegates_are_deterministic() {
    let names = |n| {
        let mut db = Db::open_in_memory().unwrap();
        let id = db.write_demo_with_extra(n).unwrap();
        db.participants(&id)
            .unwrap()
            .into_iter()
            .map(|p| p.person.full_name)
            .collect::<Vec<_>>()
    };
    let a = names(960);
    assert_eq!(a.len(), 1000, "40 demo delegates and 960 extra");
    assert_eq!(a, names(960), "the same count gives the same people");
    assert!(
        a.iter().all(|n| n.split(' ').count() >= 3),
        "family, middle and given names"
    );
}
