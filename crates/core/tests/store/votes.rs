use hoinghi_core::model::VoteInput;

use crate::support::*;

fn input(item: Option<&str>, counts: (u32, u32, u32, u32)) -> VoteInput {
    VoteInput {
        agenda_item_id: item.map(str::to_string),
        question: "Thông qua Chương trình công tác quý IV".into(),
        present: counts.0,
        in_favour: counts.1,
        against: counts.2,
        abstained: counts.3,
        result: "Hội nghị thống nhất thông qua".into(),
    }
}

#[test]
fn a_vote_is_kept_only_when_its_counts_add_up() {
    let mut db = db();
    let m = meeting(&mut db);
    let discussion = db.add_agenda_item(&m.id, &item("Thảo luận", 30)).unwrap()[0]
        .id
        .clone();
    let v = db
        .add_vote(&m.id, &input(Some(&discussion), (40, 38, 1, 1)))
        .unwrap();
    assert_eq!(
        (v.present, v.in_favour, v.against, v.abstained),
        (40, 38, 1, 1)
    );
    assert_eq!(v.agenda_item_id.as_deref(), Some(discussion.as_str()));
    assert_eq!(db.votes(&m.id).unwrap(), std::slice::from_ref(&v));

    let err = db
        .add_vote(&m.id, &input(None, (40, 38, 1, 0)))
        .unwrap_err();
    assert_eq!(err.kind().as_str(), "invalid");
    assert!(err.to_string().contains("cộng lại là 39"), "{err}");
    assert!(err.to_string().contains("(40)"), "{err}");
    assert_eq!(
        kind(db.add_vote(&m.id, &input(None, (0, 0, 0, 0)))),
        "invalid"
    );
    let no_question = VoteInput {
        question: "  ".into(),
        ..input(None, (3, 3, 0, 0))
    };
    assert_eq!(kind(db.add_vote(&m.id, &no_question)), "invalid");
    // An item of another meeting is refused.
    let other = db.create_meeting(&meeting_input("Họp khác")).unwrap();
    let foreign = db.add_agenda_item(&other.id, &item("Khác", 10)).unwrap()[0]
        .id
        .clone();
    assert_eq!(
        kind(db.add_vote(&m.id, &input(Some(&foreign), (3, 3, 0, 0)))),
        "invalid"
    );

    // Corrected from the editor it was opened in; a stale copy is refused.
    let fixed = db
        .update_vote(&v.id, &v.updated_at, &input(None, (39, 37, 1, 1)))
        .unwrap();
    assert_eq!((fixed.present, fixed.agenda_item_id), (39, None));
    assert_eq!(
        kind(db.update_vote(&v.id, &v.updated_at, &input(None, (3, 3, 0, 0)))),
        "conflict"
    );
    db.delete_vote(&v.id).unwrap();
    assert!(db.votes(&m.id).unwrap().is_empty());
    assert_eq!(kind(db.delete_vote(&v.id)), "notFound");
}
