//! Issuing bodies: several per office, one per meeting, the demo's never
//! chosen by itself, a numbered document keeping the body it was issued with.

use hoinghi_core::model::*;

use crate::support::*;

fn ubnd() -> Organisation {
    Organisation {
        parent_name: "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI".into(),
        name: "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH".into(),
        full_name: "Ủy ban nhân dân phường Ba Đình".into(),
        abbreviation: "UBND".into(),
        signer_name: "Lê Văn Nam".into(),
        signer_title: "CHỦ TỊCH".into(),
        ..body_input(OrganisationKind::State)
    }
}

#[test]
fn a_new_office_has_no_body_until_it_adds_one_and_the_demo_s_is_never_the_default() {
    let mut db = db();
    assert_eq!(db.default_organisation_id().unwrap(), None);
    db.write_demo().unwrap();
    assert_eq!(
        db.default_organisation_id().unwrap(),
        None,
        "the demo's body is not offered for a real meeting"
    );
    let m = meeting(&mut db);
    assert_eq!(m.organisation_id, None);
    let err = db.issuing_body(&m.id).unwrap_err();
    assert_eq!(err.kind().as_str(), "invalid");
    assert!(
        err.to_string().contains("chưa có cơ quan ban hành"),
        "{err}"
    );
    assert_eq!(
        kind(db.issue_document_number(&m.id, DocumentKind::GiayMoi, None, "2026-11-20")),
        "invalid"
    );

    let own = db.save_organisation(&ubnd()).unwrap();
    assert_eq!(db.default_organisation_id().unwrap(), Some(own.id.clone()));
    let next = meeting(&mut db);
    assert_eq!(next.organisation_id.as_deref(), Some(own.id.as_str()));
    assert_eq!(db.issuing_body(&next.id).unwrap().name, own.name);
}

#[test]
fn a_new_meeting_takes_the_body_the_latest_meeting_used() {
    let mut db = db();
    let party = db
        .save_organisation(&body_input(OrganisationKind::Party))
        .unwrap();
    let state = db.save_organisation(&ubnd()).unwrap();
    let m1 = db
        .create_meeting(&MeetingInput {
            organisation_id: Some(party.id.clone()),
            ..meeting_input("Giao ban Ban Tuyên giáo")
        })
        .unwrap();
    assert_eq!(m1.organisation_id.as_deref(), Some(party.id.as_str()));
    let m2 = meeting(&mut db);
    assert_eq!(
        m2.organisation_id.as_deref(),
        Some(party.id.as_str()),
        "the last used, not the last added"
    );
    db.update_meeting(
        &m2.id,
        &m2.updated_at,
        &MeetingInput {
            organisation_id: Some(state.id.clone()),
            ..meeting_input("Giao ban phường")
        },
    )
    .unwrap();
    // The last created meeting decides, whatever it was changed to.
    assert_eq!(
        db.default_organisation_id().unwrap(),
        Some(state.id.clone())
    );
    assert_eq!(
        kind(db.create_meeting(&MeetingInput {
            organisation_id: Some("no-such-body".into()),
            ..meeting_input("x")
        })),
        "notFound"
    );
}

#[test]
fn a_body_is_edited_from_its_current_version_and_hidden_only_when_unused() {
    let mut db = db();
    let body = db.save_organisation(&ubnd()).unwrap();
    let edited = db
        .save_organisation(&Organisation {
            signer_name: "Trần Văn Bình".into(),
            header_lines: "  ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI \n\n ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH "
                .into(),
            ..body.clone()
        })
        .unwrap();
    assert_eq!(
        edited.header_lines, "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI\nỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH",
        "lines trimmed, blank lines dropped"
    );
    assert_eq!(
        kind(db.save_organisation(&Organisation {
            signer_name: "Someone else".into(),
            ..body.clone()
        })),
        "conflict",
        "an edit of an out-of-date copy is refused"
    );
    assert_eq!(
        kind(db.save_organisation(&Organisation {
            id: String::new(),
            header_lines: "A\nB\nC\nD\nE".into(),
            ..ubnd()
        })),
        "invalid"
    );

    let m = meeting(&mut db);
    let err = db.delete_organisation(&body.id).unwrap_err();
    assert!(
        err.to_string().contains("Hội nghị giao ban quý IV"),
        "{err}"
    );
    db.delete_meeting(&m.id).unwrap();
    db.delete_organisation(&body.id).unwrap();
    assert!(db.organisations().unwrap().is_empty());
    assert_eq!(
        db.organisation(&body.id).unwrap().signer_name,
        "Trần Văn Bình",
        "a hidden body is still there for the meetings and register that name it"
    );
    assert_eq!(db.default_organisation_id().unwrap(), None);
}

#[test]
fn a_meeting_may_name_its_own_signer() {
    let mut db = db();
    db.save_organisation(&body_input(OrganisationKind::Party))
        .unwrap();
    let m = db
        .create_meeting(&MeetingInput {
            signer_name: "Đỗ Văn Quang".into(),
            signer_title: "PHÓ TRƯỞNG BAN".into(),
            signing_prefix: "kt. TRƯỞNG BAN".into(),
            ..meeting_input("Giao ban")
        })
        .unwrap();
    let body = db.issuing_body(&m.id).unwrap();
    assert_eq!(
        (
            body.signer_name.as_str(),
            body.signer_title.as_str(),
            body.signing_prefix.as_str()
        ),
        ("Đỗ Văn Quang", "PHÓ TRƯỞNG BAN", "K/T TRƯỞNG BAN"),
        "the Party spelling of the authority line"
    );
}

#[test]
fn a_numbered_document_keeps_the_body_it_was_issued_with_and_registers_are_per_body() {
    let mut db = db();
    let party = db
        .save_organisation(&body_input(OrganisationKind::Party))
        .unwrap();
    let m = meeting(&mut db);
    let gm = db
        .issue_document_number(&m.id, DocumentKind::GiayMoi, None, "2026-11-20")
        .unwrap();
    assert_eq!(gm.organisation_id, party.id);
    db.save_organisation(&Organisation {
        name: "BAN TUYÊN GIÁO VÀ DÂN VẬN".into(),
        signer_name: "Nguyễn Thị Hoa".into(),
        ..party.clone()
    })
    .unwrap();
    let issued = db.issuer_of(&m.id, DocumentKind::GiayMoi).unwrap().unwrap();
    assert_eq!(
        (issued.name.as_str(), issued.signer_name.as_str()),
        ("BAN TUYÊN GIÁO", "Bùi Huyền Mai")
    );
    assert_eq!(db.issuer_of(&m.id, DocumentKind::ThongBao).unwrap(), None);
    assert_eq!(
        db.issuing_body(&m.id).unwrap().signer_name,
        "Nguyễn Thị Hoa"
    );

    // Another body numbers from 01 in its own register.
    let state = db.save_organisation(&ubnd()).unwrap();
    let m2 = db
        .create_meeting(&MeetingInput {
            organisation_id: Some(state.id.clone()),
            ..meeting_input("Giao ban phường")
        })
        .unwrap();
    let other = db
        .issue_document_number(&m2.id, DocumentKind::GiayMoi, Some(1), "2026-11-21")
        .unwrap();
    assert_eq!((other.number, other.symbol.as_str()), (1, "01/GM-UBND"));
    assert_eq!(db.document_register(&party.id).unwrap().len(), 1);
    assert_eq!(db.document_register(&state.id).unwrap().len(), 1);
}

#[test]
fn a_hidden_body_s_register_can_still_be_read() {
    let mut db = db();
    let used = db.save_organisation(&ubnd()).unwrap();
    let unused = db
        .save_organisation(&Organisation {
            name: "ỦY BAN NHÂN DÂN PHƯỜNG HOÀN KIẾM".into(),
            abbreviation: "UBNDHK".into(),
            ..ubnd()
        })
        .unwrap();
    let m = db
        .create_meeting(&MeetingInput {
            organisation_id: Some(used.id.clone()),
            ..meeting_input("Giao ban phường")
        })
        .unwrap();
    db.issue_document_number(&m.id, DocumentKind::GiayMoi, None, "2026-11-20")
        .unwrap();
    assert!(db.hidden_organisations_with_register().unwrap().is_empty());

    db.delete_meeting(&m.id).unwrap();
    db.delete_organisation(&used.id).unwrap();
    db.delete_organisation(&unused.id).unwrap();
    let hidden = db.hidden_organisations_with_register().unwrap();
    assert_eq!(
        hidden.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        [used.id.as_str()],
        "only the hidden body that numbered documents"
    );
    assert_eq!(db.document_register(&used.id).unwrap().len(), 1);
}
