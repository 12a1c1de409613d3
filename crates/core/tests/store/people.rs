use crate::support::*;

#[test]
fn people_are_created_updated_searched_and_soft_deleted() {
    let mut db = db();
    let a = db.create_person(&person("Nguyễn Văn Ánh")).unwrap();
    let mut b_input = person("Trần Thị Bình");
    b_input.rank = 1;
    let b = db.create_person(&b_input).unwrap();
    let names: Vec<_> = db
        .list_people("")
        .unwrap()
        .into_iter()
        .map(|p| p.full_name)
        .collect();
    assert_eq!(
        names,
        ["Trần Thị Bình", "Nguyễn Văn Ánh"],
        "listed by precedence rank"
    );

    let found = db.list_people("nguyen van anh").unwrap();
    assert_eq!(found.len(), 1, "search ignores case and diacritics");
    assert_eq!(found[0].id, a.id);
    assert_eq!(db.list_people("ĐẠI").unwrap().len(), 0);

    let mut input = person("Trần Thị Bình");
    input.position_title = "Phó Trưởng Ban".into();
    assert_eq!(
        db.update_person(&b.id, &input).unwrap().position_title,
        "Phó Trưởng Ban"
    );

    db.delete_person(&a.id).unwrap();
    assert_eq!(
        db.list_people("").unwrap().len(),
        1,
        "a deleted person leaves the directory"
    );
    assert_eq!(kind(db.person(&a.id)), "notFound");
}

#[test]
fn every_person_gets_a_distinct_checkin_code() {
    let mut db = db();
    let mut codes = std::collections::HashSet::new();
    for i in 0..200 {
        let p = db.create_person(&person(&format!("Đại biểu {i}"))).unwrap();
        assert_eq!(p.checkin_code.len(), 8);
        assert!(codes.insert(p.checkin_code), "codes are unique");
    }
}

#[test]
fn an_empty_name_or_a_bad_email_is_refused() {
    let mut db = db();
    assert_eq!(kind(db.create_person(&person(" "))), "invalid");
    let mut input = person("Lê C");
    input.email = "không-phải-email".into();
    assert_eq!(kind(db.create_person(&input)), "invalid");
}
