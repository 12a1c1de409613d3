use hoinghi_core::model::{ImportRow, ParticipantRole, PersonInput};

use crate::support::*;

fn row(n: u32, name: &str, email: &str) -> ImportRow {
    ImportRow {
        row: n,
        person: PersonInput {
            email: email.into(),
            ..person(name)
        },
        person_id: None,
        code: String::new(),
    }
}

#[test]
fn an_import_is_written_whole_or_not_at_all() {
    let mut db = db();
    let m = meeting(&mut db);
    let rows = [
        row(2, "Nguyễn Văn An", ""),
        row(3, "Trần Thị Bình", "không-phải-email"),
    ];
    let err = db.apply_import(Some(&m.id), &rows).unwrap_err();
    assert_eq!(err.kind().as_str(), "invalid");
    assert!(err.to_string().starts_with("Dòng 3:"), "{err}");
    assert!(db.participants(&m.id).unwrap().is_empty());

    // A code from the file becomes the check-in code when it is free.
    let mut coded = row(2, "Nguyễn Văn An", "");
    coded.code = "HN-0042".into();
    let outcome = db.apply_import(Some(&m.id), &[coded.clone()]).unwrap();
    assert_eq!(outcome.added, 1);
    let list = db.participants(&m.id).unwrap();
    assert_eq!(list[0].person.checkin_code, "HN-0042");
    // Taken: the new person keeps a code of their own.
    let other = db.create_meeting(&meeting_input("Họp khác")).unwrap();
    coded.person.full_name = "Lê Văn Cường".into();
    db.apply_import(Some(&other.id), &[coded]).unwrap();
    let code = &db.participants(&other.id).unwrap()[0].person.checkin_code;
    assert_ne!(code, "HN-0042");

    // An update names the person on the list; it changes their details.
    let id = list[0].person.id.clone();
    let update = ImportRow {
        person_id: Some(id.clone()),
        person: PersonInput {
            position_title: "Bí thư".into(),
            ..person("Nguyễn Văn An")
        },
        ..row(2, "Nguyễn Văn An", "")
    };
    let outcome = db.apply_import(Some(&m.id), &[update]).unwrap();
    assert_eq!((outcome.added, outcome.updated), (0, 1));
    assert_eq!(db.person(&id).unwrap().position_title, "Bí thư");
}

#[test]
fn a_list_is_copied_from_an_earlier_meeting_by_group() {
    let mut db = db();
    let last = meeting(&mut db);
    for (name, section) in [
        ("Nguyễn Văn An", "Lãnh đạo Ban"),
        ("Trần Thị Bình", "Các phòng"),
        ("Lê Văn Cường", "Các phòng"),
        ("Phạm Thị Dung", "Báo chí"),
    ] {
        let input = PersonInput {
            section: section.into(),
            ..person(name)
        };
        db.add_participant(&last.id, &input).unwrap();
    }
    let press = db
        .participants(&last.id)
        .unwrap()
        .into_iter()
        .find(|p| p.person.full_name == "Phạm Thị Dung")
        .unwrap();
    db.set_participant_role(&last.id, &press.person.id, ParticipantRole::Press)
        .unwrap();
    let next = db
        .create_meeting(&meeting_input("Giao ban quý sau"))
        .unwrap();

    let outcome = db
        .copy_participants(&next.id, &last.id, &["Các phòng".into(), "Báo chí".into()])
        .unwrap();
    assert_eq!((outcome.added, outcome.unchanged), (3, 0));
    let copied = db.participants(&next.id).unwrap();
    let mut names: Vec<&str> = copied.iter().map(|p| p.person.full_name.as_str()).collect();
    names.sort();
    assert_eq!(names, ["Lê Văn Cường", "Phạm Thị Dung", "Trần Thị Bình"]);
    let dung = copied
        .iter()
        .find(|p| p.person.full_name == "Phạm Thị Dung")
        .unwrap();
    assert_eq!(dung.role, ParticipantRole::Press, "the role comes along");
    assert!(
        copied.iter().all(|p| p.arrived_at.is_none()),
        "attendance does not"
    );

    // Again, with every group: only the one missing is added.
    let outcome = db.copy_participants(&next.id, &last.id, &[]).unwrap();
    assert_eq!((outcome.added, outcome.unchanged), (1, 3));
    assert_eq!(
        kind(db.copy_participants(&next.id, &next.id, &[])),
        "invalid"
    );
    db.close_meeting(&next.id).unwrap();
    assert_eq!(
        kind(db.copy_participants(&next.id, &last.id, &[])),
        "meetingClosed"
    );
}
