//! Bad input, one row per case: each is refused with a message that names the
//! problem, and nothing is written.

use hoinghi_core::model::{AttendanceEventKind, DocumentFieldKey, DocumentKind};

use crate::support::*;

#[test]
fn bad_input_is_refused_with_its_message_and_nothing_is_written() {
    let mut db = db();
    let m = meeting(&mut db);
    let p = db.create_person(&person("Bùi Huyền Mai")).unwrap();
    db.invite_people(&m.id, std::slice::from_ref(&p.id))
        .unwrap();
    let snapshot = |db: &hoinghi_core::Db| {
        format!(
            "{:?}{:?}{:?}{:?}",
            db.list_meetings().unwrap(),
            db.list_people("").unwrap(),
            db.attendance_log(&m.id, &p.id).unwrap(),
            db.document_texts(&m.id, DocumentKind::BienBan).unwrap()
        )
    };
    let before = snapshot(&db);

    let cases: Vec<(&str, hoinghi_core::Result<()>, &str)> = vec![
        (
            "a name of NUL characters",
            db.create_person(&person("\0\0\0")).map(drop),
            "NUL",
        ),
        (
            "a name of zero-width spaces",
            db.create_person(&person("\u{200B}\u{200C}\u{FEFF}"))
                .map(drop),
            "vô hình",
        ),
        (
            "a right-to-left override",
            db.update_person(&p.id, &p.updated_at, &person("Bùi \u{202E}iaM"))
                .map(drop),
            "đổi chiều",
        ),
        (
            "a NUL inside a name",
            db.create_person(&person("Đỗ\0Văn")).map(drop),
            "NUL",
        ),
        (
            "an emoji in a document field",
            db.set_document_text(
                &m.id,
                DocumentKind::BienBan,
                DocumentFieldKey::Closing,
                "Xong 🎉",
            ),
            "U+1F389",
        ),
        (
            "attendance in the year 9999",
            db.record_attendance(
                &m.id,
                &p.id,
                AttendanceEventKind::Arrived,
                "",
                Some("9999-01-01T08:00"),
            )
            .map(drop),
            "1900–2100",
        ),
        (
            "a meeting in the year 1066",
            db.create_meeting(&hoinghi_core::model::MeetingInput {
                starts_at: "1066-10-14T08:00".into(),
                ends_at: "1066-10-14T11:00".into(),
                ..meeting_input("Hastings")
            })
            .map(drop),
            "1900–2100",
        ),
    ];
    for (case, result, says) in cases {
        let err = result.expect_err(case);
        assert_eq!(err.kind().as_str(), "invalid", "{case}");
        assert!(err.to_string().contains(says), "{case}: {err}");
    }

    assert_eq!(snapshot(&db), before, "nothing was written");

    let title: String = "Hội nghị ".repeat(60).chars().take(500).collect();
    let long = db.create_meeting(&meeting_input(title.trim())).unwrap();
    let err = db
        .duplicate_meeting(&long.id)
        .expect_err("the copy's title would pass the limit");
    assert!(err.to_string().contains("tối đa 500"), "{err}");
    assert_eq!(db.list_meetings().unwrap().len(), 2, "no copy was made");
}
