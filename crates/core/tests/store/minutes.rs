use hoinghi_core::model::{MinutesKind, TaskInput};

use crate::support::*;

#[test]
fn entries_are_added_edited_listed_in_spoken_order_and_soft_deleted() {
    let mut db = db();
    let m = meeting(&mut db);
    let items = db.add_agenda_item(&m.id, &item("Thảo luận", 60)).unwrap();
    let mut late = entry("Ý kiến thứ hai", Some(&items[0].id));
    late.spoken_at = Some("09:30".into());
    let second = db.add_minutes_entry(&m.id, &late).unwrap();
    let first = db
        .add_minutes_entry(&m.id, &entry("Ý kiến thứ nhất", Some(&items[0].id)))
        .unwrap();
    let texts: Vec<_> = db
        .minutes(&m.id)
        .unwrap()
        .into_iter()
        .map(|e| e.text)
        .collect();
    assert_eq!(
        texts,
        ["Ý kiến thứ nhất", "Ý kiến thứ hai"],
        "ordered by the time spoken"
    );

    let mut edit = entry("Ý kiến thứ nhất (đã sửa)", Some(&items[0].id));
    edit.kind = MinutesKind::Conclusion;
    let edited = db
        .update_minutes_entry(&first.id, &first.updated_at, &edit)
        .unwrap();
    assert_eq!(
        (edited.text.as_str(), edited.kind),
        ("Ý kiến thứ nhất (đã sửa)", MinutesKind::Conclusion)
    );

    db.delete_minutes_entry(&second.id).unwrap();
    assert_eq!(db.minutes(&m.id).unwrap().len(), 1);
    assert_eq!(
        kind(db.update_minutes_entry(&second.id, &second.updated_at, &edit)),
        "notFound",
        "a deleted entry stays deleted"
    );
}

#[test]
fn an_entry_cannot_point_at_another_meetings_agenda_item() {
    let mut db = db();
    let m1 = meeting(&mut db);
    let m2 = meeting(&mut db);
    let other = db
        .add_agenda_item(&m2.id, &item("Của hội nghị khác", 10))
        .unwrap();
    let err = db
        .add_minutes_entry(&m1.id, &entry("x", Some(&other[0].id)))
        .unwrap_err();
    assert_eq!(err.kind().as_str(), "invalid");
    assert_eq!(
        kind(db.add_minutes_entry(&m1.id, &entry("x", Some("missing")))),
        "notFound"
    );
    assert_eq!(
        kind(db.add_minutes_entry(&m1.id, &entry("   ", None))),
        "invalid",
        "empty text"
    );
    assert!(db.minutes(&m1.id).unwrap().is_empty());
}

#[test]
fn a_long_entry_is_kept_whole() {
    let mut db = db();
    let m = meeting(&mut db);
    let text = "Nội dung phát biểu rất dài. ".repeat(1000);
    let e = db.add_minutes_entry(&m.id, &entry(&text, None)).unwrap();
    assert_eq!(
        e.text,
        text.trim(),
        "28,000 characters are stored unchanged"
    );
}

#[test]
fn tasks_are_added_edited_and_deleted_in_order() {
    let mut db = db();
    let m = meeting(&mut db);
    let input = |text: &str, deadline: Option<&str>| TaskInput {
        text: text.into(),
        assignee: "Văn phòng".into(),
        deadline: deadline.map(str::to_string),
    };
    let a = db
        .add_task(&m.id, &input("Nhiệm vụ 1", Some("2026-12-31")))
        .unwrap();
    db.add_task(&m.id, &input("Nhiệm vụ 2", None)).unwrap();
    assert_eq!(
        kind(db.add_task(&m.id, &input("X", Some("31/12/2026")))),
        "invalid",
        "a bad date"
    );
    assert_eq!(
        kind(db.add_task(&m.id, &input("", None))),
        "invalid",
        "empty text"
    );
    let u = db
        .update_task(&a.id, &a.updated_at, &input("Nhiệm vụ 1 (sửa)", None))
        .unwrap();
    assert_eq!((u.text.as_str(), u.deadline), ("Nhiệm vụ 1 (sửa)", None));
    db.delete_task(&a.id).unwrap();
    let left: Vec<_> = db
        .tasks(&m.id)
        .unwrap()
        .into_iter()
        .map(|t| t.text)
        .collect();
    assert_eq!(left, ["Nhiệm vụ 2"]);
}

#[test]
fn document_text_edits_are_saved_replaced_and_reset() {
    use hoinghi_core::model::{DocumentFieldKey::*, DocumentKind};
    let mut db = db();
    let m = meeting(&mut db);
    let doc = DocumentKind::ThongBao;
    db.set_document_text(&m.id, doc, Subject, "kết luận của đồng chí Trưởng Ban")
        .unwrap();
    db.set_document_text(&m.id, doc, Recipients, "- Như trên;\n- Lưu VP.")
        .unwrap();
    db.set_document_text(&m.id, doc, Subject, "kết luận (sửa lần 2)")
        .unwrap();
    let texts = db.document_texts(&m.id, doc).unwrap();
    assert_eq!(
        texts[&Subject], "kết luận (sửa lần 2)",
        "a later edit replaces the earlier one"
    );
    assert_eq!(
        texts[&Recipients], "- Như trên;\n- Lưu VP.",
        "line breaks are kept"
    );
    assert!(
        db.document_texts(&m.id, DocumentKind::BienBan)
            .unwrap()
            .is_empty(),
        "edits belong to one document"
    );

    db.reset_document_text(&m.id, doc, Subject).unwrap();
    assert!(
        !db.document_texts(&m.id, doc)
            .unwrap()
            .contains_key(&Subject),
        "reset goes back to the generated text"
    );
    assert_eq!(
        kind(db.reset_document_text(&m.id, doc, Subject)),
        "notFound"
    );
    db.set_document_text(&m.id, doc, Subject, "lần 3").unwrap();
    assert_eq!(
        db.document_texts(&m.id, doc).unwrap()[&Subject],
        "lần 3",
        "a reset field can be edited again"
    );
    assert_eq!(
        kind(db.set_document_text("missing", doc, Subject, "x")),
        "notFound"
    );
}
