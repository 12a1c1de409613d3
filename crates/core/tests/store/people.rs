use crate::support::*;

#[test]
fn people_are_created_updated_searched_and_soft_deleted() {
    let mut db = db();
    let a = db.create_person(&person("Nguyễn Văn Ánh")).unwrap();
    let mut b_input = person("Trần Thị Bình");
    b_input.rank = 1;
    let b = db.create_person(&b_input).unwrap();
    assert_eq!(
        names(&db),
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
        db.update_person(&b.id, &b.updated_at, &input)
            .unwrap()
            .position_title,
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

#[test]
fn names_sort_in_vietnamese_order_not_byte_order() {
    let mut db = db();
    for name in [
        "Vũ Văn Bình",
        "Đặng Thị Hoa",
        "Dương Văn An",
        "Bùi Huyền Mai",
        "Ân Văn Tú",
    ] {
        db.create_person(&person(name)).unwrap();
    }
    assert_eq!(
        names(&db),
        [
            "Ân Văn Tú",
            "Bùi Huyền Mai",
            "Dương Văn An",
            "Đặng Thị Hoa",
            "Vũ Văn Bình"
        ],
        "Đ comes after D and long before V (byte order puts it after V)"
    );
}

#[test]
fn people_stored_before_the_sort_key_existed_sort_after_the_upgrade() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        for sql in [
            include_str!("../../src/migrations/0001_initial.sql"),
            include_str!("../../src/migrations/0002_organisation_full_name.sql"),
            include_str!("../../src/migrations/0003_document_text.sql"),
        ] {
            conn.execute_batch(sql).unwrap();
        }
        for (i, name) in ["Vũ Văn Bình", "Đặng Thị Hoa", "Bùi Huyền Mai"]
            .iter()
            .enumerate()
        {
            conn.execute(
                "INSERT INTO person (id, full_name, position_title, unit, section, rank, phone,
                    email, checkin_code, created_at, updated_at, device_id)
                 VALUES (?1, ?2, '', '', '', 0, '', '', ?1, 't', 't', 'd')",
                rusqlite::params![format!("p{i}"), name],
            )
            .unwrap();
        }
        conn.pragma_update(None, "user_version", 3).unwrap();
    }
    let db = hoinghi_core::Db::open(&path).unwrap();
    assert_eq!(names(&db), ["Bùi Huyền Mai", "Đặng Thị Hoa", "Vũ Văn Bình"]);
}

/// The directory's names, in the order it lists them.
fn names(db: &hoinghi_core::Db) -> Vec<String> {
    db.list_people("")
        .unwrap()
        .into_iter()
        .map(|p| p.full_name)
        .collect()
}
