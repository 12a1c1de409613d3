use hoinghi_core::model::{
    AttendanceEventKind, DocumentFieldKey, DocumentKind, MeetingEventKind, MeetingStatus,
    ParticipantRole, TaskInput, VoteInput,
};

use crate::support::*;

fn task(text: &str) -> TaskInput {
    TaskInput {
        text: text.into(),
        assignee: "Văn phòng".into(),
        deadline: None,
    }
}

fn vote(present: u32) -> VoteInput {
    VoteInput {
        agenda_item_id: None,
        question: "Thông qua kế hoạch".into(),
        present,
        in_favour: present,
        against: 0,
        abstained: 0,
        result: "Thông qua".into(),
    }
}

#[test]
fn a_closed_meeting_refuses_every_change_to_its_records_until_reopened() {
    let mut db = db();
    let m = meeting(&mut db);
    let item_id = db.add_agenda_item(&m.id, &item("Khai mạc", 10)).unwrap()[0]
        .id
        .clone();
    let list = db.add_participant(&m.id, &person("Nguyễn Văn An")).unwrap();
    let guest = list[0].person.clone();
    let other = db.create_person(&person("Trần Thị Bình")).unwrap();
    let said = db
        .add_minutes_entry(&m.id, &entry("Phát biểu", None))
        .unwrap();
    let t = db.add_task(&m.id, &task("Báo cáo")).unwrap();
    let v = db.add_vote(&m.id, &vote(1)).unwrap();
    let agenda = db.agenda(&m.id).unwrap();

    let closed = db.close_meeting(&m.id).unwrap();
    assert_eq!(closed.status, MeetingStatus::Closed);
    // Closing again changes nothing and records nothing more.
    db.close_meeting(&m.id).unwrap();

    let locked = "meetingClosed";
    let id = m.id.as_str();
    let g = guest.id.as_str();
    assert_eq!(kind(db.add_agenda_item(id, &item("Thêm", 5))), locked);
    assert_eq!(
        kind(db.update_agenda_item(&item_id, &agenda[0].updated_at, &item("Sửa", 5))),
        locked
    );
    assert_eq!(kind(db.delete_agenda_item(&item_id)), locked);
    assert_eq!(
        kind(db.reorder_agenda(id, std::slice::from_ref(&item_id))),
        locked
    );
    assert_eq!(kind(db.start_agenda_item(&item_id, None)), locked);
    assert_eq!(kind(db.end_agenda_item(&item_id, None)), locked);
    assert_eq!(
        kind(db.invite_people(id, std::slice::from_ref(&other.id))),
        locked
    );
    assert_eq!(
        kind(db.add_participant(id, &person("Lê Văn Cường"))),
        locked
    );
    assert_eq!(
        kind(db.set_participant_role(id, g, ParticipantRole::Staff)),
        locked
    );
    assert_eq!(kind(db.remove_participant(id, g)), locked);
    assert_eq!(
        kind(db.record_attendance(id, g, AttendanceEventKind::Arrived, "", None)),
        locked
    );
    assert_eq!(
        kind(db.set_substitute(id, g, "Phạm Văn Dũng", "Phó Chánh Văn phòng")),
        locked
    );
    assert_eq!(kind(db.mark_section_present(id, "", None)), locked);
    assert_eq!(kind(db.check_in(id, g)), locked);
    assert_eq!(kind(db.check_in_code(id, &guest.checkin_code)), locked);
    assert_eq!(kind(db.add_minutes_entry(id, &entry("Thêm", None))), locked);
    assert_eq!(
        kind(db.update_minutes_entry(&said.id, &said.updated_at, &entry("Sửa", None))),
        locked
    );
    assert_eq!(kind(db.delete_minutes_entry(&said.id)), locked);
    assert_eq!(kind(db.add_task(id, &task("Thêm"))), locked);
    assert_eq!(
        kind(db.update_task(&t.id, &t.updated_at, &task("Sửa"))),
        locked
    );
    assert_eq!(kind(db.delete_task(&t.id)), locked);
    assert_eq!(kind(db.add_vote(id, &vote(1))), locked);
    assert_eq!(kind(db.update_vote(&v.id, &v.updated_at, &vote(1))), locked);
    assert_eq!(kind(db.delete_vote(&v.id)), locked);
    let seen = db.meeting(id).unwrap().updated_at;
    assert_eq!(
        kind(db.update_meeting(id, &seen, &meeting_input("Sửa tên"))),
        locked
    );
    // The message tells the secretary what to do.
    let err = db.add_task(id, &task("Thêm")).unwrap_err();
    assert!(err.to_string().contains("mở lại"), "{err}");

    // Nothing changed.
    assert_eq!(db.agenda(id).unwrap(), agenda);
    assert_eq!(db.participants(id).unwrap(), list);
    assert_eq!(db.minutes(id).unwrap(), vec![said.clone()]);
    assert_eq!(db.tasks(id).unwrap(), vec![t.clone()]);
    assert_eq!(db.votes(id).unwrap(), vec![v.clone()]);

    // Documents are still worded and numbered after the meeting.
    db.set_document_text(
        id,
        DocumentKind::ThongBao,
        DocumentFieldKey::Recipients,
        "Như trên",
    )
    .unwrap();

    // Reopening needs a reason, and is recorded.
    assert_eq!(kind(db.reopen_meeting(id, "  ")), "invalid");
    let reopened = db
        .reopen_meeting(id, "Bổ sung ý kiến của đồng chí Chánh Văn phòng")
        .unwrap();
    assert_eq!(reopened.status, MeetingStatus::InSession);
    assert_eq!(kind(db.reopen_meeting(id, "Lần nữa")), "invalid");
    db.add_task(id, &task("Thêm")).unwrap();
    let history = db.meeting_history(id).unwrap();
    let kinds: Vec<_> = history
        .iter()
        .map(|e| (e.kind, e.reason.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (MeetingEventKind::Closed, ""),
            (
                MeetingEventKind::Reopened,
                "Bổ sung ý kiến của đồng chí Chánh Văn phòng"
            )
        ]
    );
}

#[test]
fn closing_from_the_meeting_form_is_recorded_too() {
    let mut db = db();
    let m = meeting(&mut db);
    let input = hoinghi_core::model::MeetingInput {
        status: MeetingStatus::Closed,
        ..meeting_input(&m.title)
    };
    db.update_meeting(&m.id, &m.updated_at, &input).unwrap();
    assert_eq!(kind(db.add_task(&m.id, &task("Thêm"))), "meetingClosed");
    let history = db.meeting_history(&m.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].kind, MeetingEventKind::Closed);
}

#[test]
fn the_demo_meeting_is_seeded_closed_and_so_locked() {
    let mut db = db();
    let id = db.write_demo().unwrap();
    assert_eq!(db.meeting(&id).unwrap().status, MeetingStatus::Closed);
    assert_eq!(kind(db.add_task(&id, &task("Thêm"))), "meetingClosed");
}
