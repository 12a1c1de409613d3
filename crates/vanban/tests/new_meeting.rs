//! A meeting a new office makes in 2026, not the demo: its own Party body
//! (the 2025 Ban Tuyên giáo và Dân vận, header typed as issued), a short
//! list, agenda, minutes and tasks. Its 18 documents (6 kinds × 3 profiles)
//! must come out complete. With `HOINGHI_REVIEW_DIR` set, the PDFs are also
//! written there, to look at beside the format examples.

use hoinghi_core::model::*;
use hoinghi_core::Db;
use hoinghi_vanban::docs;

fn new_office_meeting(db: &mut Db) -> String {
    let body = db
        .save_organisation(&Organisation {
            id: String::new(),
            parent_name: "THÀNH UỶ HÀ NỘI".into(),
            name: "BAN TUYÊN GIÁO VÀ DÂN VẬN".into(),
            full_name: "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội".into(),
            abbreviation: "BTGDVTU".into(),
            place_name: "Hà Nội".into(),
            kind: OrganisationKind::Party,
            head_vacant: false,
            signer_name: "Nguyễn Thị Hoa".into(),
            signer_title: "PHÓ TRƯỞNG BAN".into(),
            signing_prefix: "K/T TRƯỞNG BAN".into(),
            time_zone: "Asia/Ho_Chi_Minh".into(),
            header_lines: "THÀNH UỶ HÀ NỘI\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*".into(),
            superior: String::new(),
            contact: "Số 2 Lê Lai, phường Hoàn Kiếm, Hà Nội; ĐT: 024 3825 3594".into(),
            term_start: "2025-10-18".into(),
            updated_at: String::new(),
        })
        .unwrap();
    let m = db
        .create_meeting(&MeetingInput {
            title: "Hội nghị giao ban công tác tuyên giáo và dân vận quý IV năm 2026".into(),
            kind: MeetingKind::GiaoBan,
            starts_at: "2026-12-10T08:00".into(),
            ends_at: "2026-12-10T11:30".into(),
            venue: "Hội trường tầng 3, số 2 Lê Lai".into(),
            chair_name: "Trần Văn Minh".into(),
            chair_title:
                "Uỷ viên Ban Thường vụ Thành uỷ, Trưởng Ban Tuyên giáo và Dân vận Thành uỷ".into(),
            secretary_name: "Lê Thu Trang".into(),
            secretary_title: "Chuyên viên Văn phòng Ban".into(),
            notes: String::new(),
            status: MeetingStatus::InSession,
            organisation_id: None,
            signer_name: String::new(),
            signer_title: String::new(),
            signing_prefix: String::new(),
        })
        .unwrap();
    assert_eq!(m.organisation_id.as_deref(), Some(body.id.as_str()));
    let people = [
        (
            "Trần Văn Minh",
            "Trưởng Ban",
            "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội",
            "",
        ),
        (
            "Nguyễn Thị Hoa",
            "Phó Trưởng Ban",
            "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội",
            "",
        ),
        (
            "Phạm Quốc Dũng",
            "Bí thư Đảng uỷ",
            "Đảng uỷ phường Ba Đình",
            "Đại biểu cơ sở",
        ),
        (
            "Vũ Thị Thanh Thuỷ",
            "Phó Bí thư Thường trực Đảng uỷ",
            "Đảng uỷ xã Sóc Sơn",
            "Đại biểu cơ sở",
        ),
        (
            "Đặng Minh Khoa",
            "Tổng Biên tập",
            "Báo Hà Nội mới",
            "Báo chí",
        ),
        (
            "Hoàng Văn Lâm",
            "Trưởng phòng Tuyên truyền",
            "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội",
            "",
        ),
        (
            "Lê Thu Trang",
            "Chuyên viên Văn phòng Ban",
            "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội",
            "",
        ),
    ];
    for (rank, (name, title, unit, section)) in people.iter().enumerate() {
        db.add_participant(
            &m.id,
            &PersonInput {
                full_name: (*name).into(),
                position_title: (*title).into(),
                unit: (*unit).into(),
                section: (*section).into(),
                rank: rank as i32 + 1,
                phone: String::new(),
                email: String::new(),
            },
        )
        .unwrap();
    }
    let participants = db.participants(&m.id).unwrap();
    let press = participants
        .iter()
        .find(|p| p.person.full_name == "Đặng Minh Khoa")
        .unwrap();
    db.set_participant_role(&m.id, &press.person.id, ParticipantRole::Press)
        .unwrap();
    for p in &participants {
        let (kind, at, reason) = match p.person.full_name.as_str() {
            "Vũ Thị Thanh Thuỷ" => (
                AttendanceEventKind::Absent,
                "2026-12-10T08:00",
                "Đi công tác",
            ),
            "Đặng Minh Khoa" => (AttendanceEventKind::Arrived, "2026-12-10T08:20", ""),
            _ => (AttendanceEventKind::Arrived, "2026-12-10T07:50", ""),
        };
        db.record_attendance(&m.id, &p.person.id, kind, reason, Some(at))
            .unwrap();
    }
    let items = [
        (
            "Khai mạc, giới thiệu đại biểu",
            "Đồng chí Hoàng Văn Lâm",
            10,
        ),
        (
            "Báo cáo kết quả công tác tuyên giáo và dân vận năm 2026",
            "Đồng chí Nguyễn Thị Hoa",
            30,
        ),
        ("Thảo luận", "Các đại biểu", 90),
        ("Kết luận Hội nghị", "Đồng chí Trần Văn Minh", 20),
    ];
    let mut agenda = Vec::new();
    for (title, presenter, minutes) in items {
        agenda = db
            .add_agenda_item(
                &m.id,
                &AgendaItemInput {
                    title: title.into(),
                    presenter: presenter.into(),
                    duration_minutes: minutes,
                    fixed_start: None,
                    notes: String::new(),
                },
            )
            .unwrap();
    }
    let entries = [
        (1, "Nguyễn Thị Hoa", "Phó Trưởng Ban", "08:10", MinutesKind::Report, "Năm 2026, công tác tuyên giáo và dân vận của Thành phố hoàn thành các chỉ tiêu đề ra; việc sắp xếp tổ chức bộ máy sau hợp nhất được tuyên truyền kịp thời."),
        (2, "Phạm Quốc Dũng", "Bí thư Đảng uỷ phường Ba Đình", "08:45", MinutesKind::Opinion, "Đề nghị Ban sớm ban hành hướng dẫn tuyên truyền về chính quyền địa phương hai cấp."),
        (2, "Đặng Minh Khoa", "Tổng Biên tập Báo Hà Nội mới", "09:20", MinutesKind::Opinion, "Báo sẽ mở chuyên mục về gương người tốt, việc tốt ở cơ sở."),
        (3, "Trần Văn Minh", "Trưởng Ban", "10:40", MinutesKind::Conclusion, "Năm 2026, hệ thống tuyên giáo và dân vận Thủ đô đã hoàn thành tốt nhiệm vụ; năm 2027 cần tập trung vào năm nhóm nhiệm vụ trọng tâm."),
    ];
    for (item, speaker, title, at, kind, text) in entries {
        db.add_minutes_entry(
            &m.id,
            &MinutesInput {
                agenda_item_id: Some(agenda[item].id.clone()),
                speaker_name: speaker.into(),
                speaker_title: title.into(),
                spoken_at: Some(at.into()),
                kind,
                text: text.into(),
            },
        )
        .unwrap();
    }
    for (text, assignee) in [
        (
            "Xây dựng kế hoạch tuyên truyền kỷ niệm 97 năm Ngày thành lập Đảng",
            "Phòng Tuyên truyền",
        ),
        (
            "Hướng dẫn công tác dân vận ở xã, phường sau sắp xếp",
            "Phòng Dân vận",
        ),
        (
            "Tổng hợp ý kiến cơ sở gửi Thường trực Thành uỷ",
            "Văn phòng Ban",
        ),
        (
            "Theo dõi dư luận xã hội về các dự án giao thông trọng điểm",
            "Phòng Dư luận xã hội",
        ),
        (
            "Rà soát đội ngũ báo cáo viên cấp xã",
            "Phòng Lý luận chính trị",
        ),
    ] {
        db.add_task(
            &m.id,
            &TaskInput {
                text: text.into(),
                assignee: assignee.into(),
                deadline: Some("2027-01-31".into()),
            },
        )
        .unwrap();
    }
    // The meeting is over: its records are locked before the documents are made.
    db.close_meeting(&m.id).unwrap();
    m.id
}

#[test]
fn a_new_2026_meeting_of_a_new_office_gives_eighteen_complete_documents() {
    let mut db = Db::open_in_memory().unwrap();
    db.write_demo().unwrap();
    let id = new_office_meeting(&mut db);
    db.issue_document_number(&id, DocumentKind::GiayMoi, None, "2026-12-03")
        .unwrap();
    let review = std::env::var_os("HOINGHI_REVIEW_DIR").map(std::path::PathBuf::from);
    for kind in DocumentKind::ALL {
        for profile in [
            FormatProfile::Nd30,
            FormatProfile::Hd36,
            FormatProfile::Hd05,
        ] {
            let request = DocumentOptions {
                profile: Some(profile),
                number: None,
                issued_on: None,
                list: ListForm::Delegates,
                invitation: InvitationForm::Generic,
            };
            let pdf = docs::export(&db, &id, *kind, &request).unwrap();
            let text = lopdf::Document::load_mem(&pdf)
                .unwrap()
                .extract_text(&[1])
                .unwrap();
            assert!(
                text.contains("VÀ DÂN VẬN"),
                "{kind:?} {profile:?} is issued by the new body: {text}"
            );
            assert!(
                !text.contains("DỮ LIỆU MẪU") && !text.contains("Bùi Huyền Mai"),
                "{kind:?} {profile:?} borrows nothing from the demo: {text}"
            );
            if let Some(dir) = &review {
                let name = format!("{}-{}.pdf", kind.as_str(), profile.as_str());
                std::fs::write(dir.join(name), &pdf).unwrap();
            }
        }
    }
}
