use crate::support::*;

fn times(db: &hoinghi_core::Db, meeting_id: &str) -> Vec<(String, String, String)> {
    db.agenda(meeting_id)
        .unwrap()
        .into_iter()
        .map(|i| (i.start_time, i.end_time, i.title))
        .collect()
}

fn t(start: &str, end: &str, title: &str) -> (String, String, String) {
    (start.into(), end.into(), title.into())
}

#[test]
fn times_follow_the_meeting_start_and_the_durations() {
    let mut db = db();
    let m = meeting(&mut db);
    db.add_agenda_item(&m.id, &item("Khai mạc", 15)).unwrap();
    db.add_agenda_item(&m.id, &item("Báo cáo", 30)).unwrap();
    db.add_agenda_item(&m.id, &item("Thảo luận", 90)).unwrap();
    assert_eq!(
        times(&db, &m.id),
        [
            t("08:00", "08:15", "Khai mạc"),
            t("08:15", "08:45", "Báo cáo"),
            t("08:45", "10:15", "Thảo luận")
        ]
    );
}

#[test]
fn reordering_recomputes_times() {
    let mut db = db();
    let m = meeting(&mut db);
    let a = db.add_agenda_item(&m.id, &item("A", 10)).unwrap();
    let b = db.add_agenda_item(&m.id, &item("B", 20)).unwrap();
    let ids = [b[1].id.clone(), a[0].id.clone()];
    let items = db.reorder_agenda(&m.id, &ids).unwrap();
    assert_eq!(items[0].title, "B");
    assert_eq!(
        (items[0].start_time.as_str(), items[1].start_time.as_str()),
        ("08:00", "08:20")
    );
    assert_eq!(
        items.iter().map(|i| i.position).collect::<Vec<_>>(),
        [0, 1],
        "positions are compact"
    );
}

#[test]
fn a_reorder_that_does_not_name_every_item_exactly_once_is_refused() {
    let mut db = db();
    let m = meeting(&mut db);
    let items = db.add_agenda_item(&m.id, &item("A", 10)).unwrap();
    db.add_agenda_item(&m.id, &item("B", 10)).unwrap();
    let a = items[0].id.clone();
    assert_eq!(
        kind(db.reorder_agenda(&m.id, std::slice::from_ref(&a))),
        "invalid",
        "a missing item"
    );
    assert_eq!(
        kind(db.reorder_agenda(&m.id, &[a.clone(), a])),
        "invalid",
        "a repeated item"
    );
    assert_eq!(times(&db, &m.id)[0].2, "A", "the order is unchanged");
}

#[test]
fn a_fixed_start_pins_an_item_and_later_items_follow_it() {
    let mut db = db();
    let m = meeting(&mut db);
    db.add_agenda_item(&m.id, &item("Sáng", 60)).unwrap();
    let mut afternoon = item("Chiều", 30);
    afternoon.fixed_start = Some("13:30".into());
    db.add_agenda_item(&m.id, &afternoon).unwrap();
    db.add_agenda_item(&m.id, &item("Bế mạc", 10)).unwrap();
    assert_eq!(
        times(&db, &m.id),
        [
            t("08:00", "09:00", "Sáng"),
            t("13:30", "14:00", "Chiều"),
            t("14:00", "14:10", "Bế mạc")
        ]
    );
    afternoon.fixed_start = Some("25:99".into());
    assert_eq!(
        kind(db.add_agenda_item(&m.id, &afternoon)),
        "invalid",
        "a bad time is refused"
    );
}

#[test]
fn invalid_items_are_refused() {
    let mut db = db();
    let m = meeting(&mut db);
    assert_eq!(
        kind(db.add_agenda_item(&m.id, &item("", 10))),
        "invalid",
        "an empty title"
    );
    assert_eq!(
        kind(db.add_agenda_item(&m.id, &item("Dài", 5000))),
        "invalid",
        "a 5000-minute item"
    );
    assert_eq!(
        kind(db.add_agenda_item(&m.id, &item(&"x".repeat(10_000), 5))),
        "invalid"
    );
    assert_eq!(
        kind(db.add_agenda_item("missing", &item("A", 5))),
        "notFound"
    );
    assert!(db.agenda(&m.id).unwrap().is_empty());
}

#[test]
fn deleting_an_item_keeps_its_minutes_under_the_general_section() {
    let mut db = db();
    let m = meeting(&mut db);
    let items = db.add_agenda_item(&m.id, &item("A", 10)).unwrap();
    db.add_agenda_item(&m.id, &item("B", 10)).unwrap();
    let a = items[0].id.clone();
    db.add_minutes_entry(&m.id, &entry("Ý kiến về mục A", Some(&a)))
        .unwrap();
    let left = db.delete_agenda_item(&a).unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(
        (left[0].title.as_str(), left[0].position),
        ("B", 0),
        "B moves up"
    );
    let minutes = db.minutes(&m.id).unwrap();
    assert_eq!(minutes.len(), 1, "the entry is not lost");
    assert_eq!(
        minutes[0].agenda_item_id, None,
        "it no longer points at the deleted item"
    );
    assert_eq!(
        kind(db.update_agenda_item(&a, "", &item("A", 10))),
        "notFound"
    );
}

#[test]
fn an_item_that_runs_past_midnight_is_flagged() {
    let mut db = db();
    let mut input = meeting_input("Họp tổng kết");
    input.starts_at = "2026-12-01T22:30".into();
    input.ends_at = "2026-12-01T23:59".into();
    let m = db.create_meeting(&input).unwrap();
    db.add_agenda_item(&m.id, &item("Tổng kết", 60)).unwrap();
    let items = db.add_agenda_item(&m.id, &item("Bế mạc", 45)).unwrap();
    let times: Vec<_> = items
        .iter()
        .map(|i| (i.start_time.as_str(), i.end_time.as_str(), i.past_midnight))
        .collect();
    assert_eq!(times, [("22:30", "23:30", false), ("23:30", "00:15", true)]);

    // A pinned start after a late item stays on the next day.
    let pinned = hoinghi_core::model::AgendaItemInput {
        fixed_start: Some("08:00".into()),
        ..item("Phiên sáng", 30)
    };
    let items = db.add_agenda_item(&m.id, &pinned).unwrap();
    assert!(items[2].past_midnight);
    assert_eq!(items[2].start_time, "08:00");
}

#[test]
fn the_running_agenda_records_real_times_and_later_items_shift_when_one_runs_late() {
    let mut db = db();
    let m = meeting(&mut db); // starts 2026-12-01T08:00
    db.add_agenda_item(&m.id, &item("Khai mạc", 15)).unwrap();
    db.add_agenda_item(&m.id, &item("Báo cáo", 30)).unwrap();
    let mut lunch = item("Thảo luận buổi chiều", 60);
    lunch.fixed_start = Some("13:30".into());
    db.add_agenda_item(&m.id, &lunch).unwrap();
    let ids: Vec<String> = db
        .agenda(&m.id)
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    let expected = |db: &hoinghi_core::Db| -> Vec<(String, String)> {
        db.agenda(&m.id)
            .unwrap()
            .into_iter()
            .map(|i| (i.expected_start, i.expected_end))
            .collect()
    };
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());

    // Opening began five minutes late and ran ten minutes over.
    db.start_agenda_item(&ids[0], Some("2026-12-01T08:05"))
        .unwrap();
    db.end_agenda_item(&ids[0], Some("2026-12-01T08:30"))
        .unwrap();
    let agenda = db.agenda(&m.id).unwrap();
    assert_eq!(
        (
            agenda[0].started_at.as_deref(),
            agenda[0].ended_at.as_deref()
        ),
        (Some("2026-12-01T08:05"), Some("2026-12-01T08:30"))
    );
    // The planned times (the printed chương trình) do not move…
    assert_eq!(
        (agenda[1].start_time.as_str(), agenda[1].end_time.as_str()),
        ("08:15", "08:45")
    );
    // …the expected ones do, but never before a pinned start.
    assert_eq!(
        expected(&db),
        [
            pair("08:05", "08:30"),
            pair("08:30", "09:00"),
            pair("13:30", "14:30")
        ]
    );

    // Starting the next item while one runs ends the running one then.
    db.start_agenda_item(&ids[1], Some("2026-12-01T08:32"))
        .unwrap();
    db.start_agenda_item(&ids[2], Some("2026-12-01T13:40"))
        .unwrap();
    let agenda = db.agenda(&m.id).unwrap();
    assert_eq!(agenda[1].ended_at.as_deref(), Some("2026-12-01T13:40"));
    assert_eq!(agenda[2].started_at.as_deref(), Some("2026-12-01T13:40"));
    assert_eq!(agenda[2].ended_at, None);
    assert_eq!(expected(&db)[2], pair("13:40", "14:40"));

    // An end before the start, or for an item not begun, is refused.
    assert_eq!(
        kind(db.end_agenda_item(&ids[2], Some("2026-12-01T13:00"))),
        "invalid"
    );
    let fresh = db.add_agenda_item(&m.id, &item("Bế mạc", 10)).unwrap();
    let last = fresh.last().unwrap().id.clone();
    assert_eq!(kind(db.end_agenda_item(&last, None)), "invalid");
    assert_eq!(
        kind(db.start_agenda_item(&last, Some("trưa nay"))),
        "invalid"
    );
    assert_eq!(kind(db.start_agenda_item("no-such-item", None)), "notFound");
    // Now, in the meeting's time zone, when no time is given.
    let started = db.start_agenda_item(&last, None).unwrap();
    assert!(started.last().unwrap().started_at.is_some());
}
