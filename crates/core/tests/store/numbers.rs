//! The register of outgoing documents: numbers per series, never given twice.

use hoinghi_core::model::*;

use crate::support::*;

fn organisation(db: &mut hoinghi_core::Db, kind: OrganisationKind) -> Organisation {
    db.save_organisation(&body_input(kind)).unwrap()
}

#[test]
fn a_state_body_numbers_all_its_documents_from_01_each_year() {
    let mut db = db();
    let body = organisation(&mut db, OrganisationKind::State);
    let m1 = meeting(&mut db);
    let m2 = db
        .create_meeting(&meeting_input("Hội nghị sơ kết"))
        .unwrap();
    let gm = db
        .issue_document_number(&m1.id, DocumentKind::GiayMoi, None, "2026-11-20")
        .unwrap();
    assert_eq!(
        (gm.number, gm.symbol.as_str(), gm.series.as_str()),
        (1, "01/GM-BTG", "2026")
    );
    assert!(gm
        .summary
        .starts_with("Giấy mời – Hội nghị giao ban quý IV"));
    let tb = db
        .issue_document_number(&m1.id, DocumentKind::ThongBao, None, "2026-12-05")
        .unwrap();
    assert_eq!(tb.number, 2, "one run for every type");
    let other = db
        .issue_document_number(&m2.id, DocumentKind::GiayMoi, None, "2026-12-10")
        .unwrap();
    assert_eq!(other.number, 3);

    // Issued again (a later date): the same number.
    let again = db
        .issue_document_number(&m1.id, DocumentKind::GiayMoi, None, "2026-11-21")
        .unwrap();
    assert_eq!((again.number, again.issued_on.as_str()), (1, "2026-11-21"));
    assert_eq!(db.document_numbers(&m1.id).unwrap().len(), 2);

    // A number another document has is refused, naming that document.
    let taken = db.issue_document_number(&m2.id, DocumentKind::BaoCao, Some(2), "2026-12-11");
    assert_eq!(kind(taken), "invalid");
    let err = db
        .issue_document_number(&m2.id, DocumentKind::BaoCao, Some(2), "2026-12-11")
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("Thông báo kết luận") && err.contains("2026-12-05"),
        "{err}"
    );

    // A new year starts again from 01.
    let next_year = db
        .issue_document_number(&m2.id, DocumentKind::BaoCao, None, "2027-01-04")
        .unwrap();
    assert_eq!((next_year.number, next_year.series.as_str()), (1, "2027"));
    assert_eq!(db.document_register(&body.id).unwrap().len(), 4);
}

#[test]
fn a_party_body_numbers_each_type_within_its_term() {
    let mut db = db();
    let body = organisation(&mut db, OrganisationKind::Party);
    let m = meeting(&mut db);
    let gm = db
        .issue_document_number(&m.id, DocumentKind::GiayMoi, None, "2026-11-20")
        .unwrap();
    let tb = db
        .issue_document_number(&m.id, DocumentKind::ThongBao, None, "2026-12-05")
        .unwrap();
    assert_eq!((gm.number, tb.number), (1, 1), "each type has its own run");
    assert_eq!(gm.symbol, "01-GM/BTG");

    let body = db
        .save_organisation(&Organisation {
            term_start: " 2026-12-01 ".into(),
            ..body
        })
        .unwrap();
    assert_eq!(body.term_start, "2026-12-01");
    let m2 = db
        .create_meeting(&meeting_input("Hội nghị sơ kết"))
        .unwrap();
    let new_term = db
        .issue_document_number(&m2.id, DocumentKind::ThongBao, None, "2026-12-20")
        .unwrap();
    assert_eq!(new_term.number, 1, "the new term starts again");
    assert_eq!(new_term.series, "TB từ 2026-12-01");
    let old_term = db
        .issue_document_number(&m2.id, DocumentKind::GiayMoi, None, "2026-11-25")
        .unwrap();
    assert_eq!(old_term.series, "GM trước 2026-12-01");

    let bad = Organisation {
        term_start: "1/12/2026".into(),
        ..body.clone()
    };
    assert_eq!(kind(db.save_organisation(&bad)), "invalid");
    let state = db
        .save_organisation(&Organisation {
            kind: OrganisationKind::State,
            ..body
        })
        .unwrap();
    assert_eq!(state.term_start, "", "a state body numbers by year");
}

#[test]
fn a_number_once_given_is_not_suggested_again() {
    let mut db = db();
    let body = organisation(&mut db, OrganisationKind::State);
    let m = meeting(&mut db);
    db.issue_document_number(&m.id, DocumentKind::GiayMoi, None, "2026-11-20")
        .unwrap();
    db.cancel_document_number(&m.id, DocumentKind::GiayMoi)
        .unwrap();
    assert!(db.document_numbers(&m.id).unwrap().is_empty());
    let next = db
        .issue_document_number(&m.id, DocumentKind::GiayMoi, None, "2026-11-20")
        .unwrap();
    assert_eq!(next.number, 2, "the cancelled 01 is not suggested");
    let chosen = db
        .issue_document_number(&m.id, DocumentKind::GiayMoi, Some(1), "2026-11-20")
        .unwrap();
    assert_eq!(chosen.number, 1, "but may be chosen again on purpose");

    // Emptying the trash removes the meeting, never its numbers.
    db.delete_meeting(&m.id).unwrap();
    db.empty_trash().unwrap();
    assert_eq!(db.document_register(&body.id).unwrap().len(), 1);
    let m2 = db
        .create_meeting(&meeting_input("Hội nghị sơ kết"))
        .unwrap();
    let after = db
        .issue_document_number(&m2.id, DocumentKind::GiayMoi, None, "2026-12-20")
        .unwrap();
    assert_eq!(after.number, 3);
}

#[test]
fn bad_requests_are_refused() {
    let mut db = db();
    let m = meeting(&mut db);
    for (kind_, number, date) in [
        (DocumentKind::DanhSach, None, "2026-11-20"),
        (DocumentKind::GiayMoi, None, "20/11/2026"),
        (DocumentKind::GiayMoi, Some(0), "2026-11-20"),
    ] {
        assert_eq!(
            kind(db.issue_document_number(&m.id, kind_, number, date)),
            "invalid",
            "{kind_:?} {number:?} {date}"
        );
    }
    assert_eq!(
        kind(db.issue_document_number(
            "no-such-meeting",
            DocumentKind::GiayMoi,
            None,
            "2026-11-20"
        )),
        "notFound"
    );
}
