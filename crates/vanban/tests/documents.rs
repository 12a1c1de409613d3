//! The six documents built from the demo conference, in both profiles: what
//! they say, in which face and size, where, and what the written PDF contains.

use chrono::NaiveDate;
use hoinghi_core::model::{
    DocumentFieldKey, DocumentKind, DocumentOptions, FormatProfile, InvitationForm, ListForm,
};
use hoinghi_core::Db;
use hoinghi_vanban::docs::{build, Conference, Document, Options, Snapshot, DEMO_MARK};
use hoinghi_vanban::font::{FaceKind, Fonts};
use hoinghi_vanban::layout::{Laid, TextRun, MM};

fn demo() -> Conference {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    Conference::load(&db, &id).unwrap()
}

fn options(profile: FormatProfile) -> Options {
    let created = NaiveDate::from_ymd_opt(2026, 11, 27)
        .unwrap()
        .and_hms_opt(5, 0, 0)
        .unwrap();
    Options::new(profile, created)
}

/// What the app sends for a document with nothing filled in.
fn request(profile: FormatProfile) -> DocumentOptions {
    DocumentOptions {
        profile: Some(profile),
        number: None,
        issued_on: None,
        list: ListForm::Delegates,
        invitation: InvitationForm::Generic,
    }
}

fn document(kind: DocumentKind, profile: FormatProfile) -> (Document, Laid) {
    let fonts = Fonts::bundled();
    let doc = build(kind, &demo(), &options(profile), &fonts);
    let laid = doc.layout(&fonts);
    (doc, laid)
}

fn runs(laid: &Laid) -> Vec<TextRun> {
    laid.pages.iter().flat_map(|p| p.runs().cloned()).collect()
}

/// All the text, runs joined by spaces, no-break spaces as plain spaces.
fn all_text(laid: &Laid) -> String {
    runs(laid)
        .iter()
        .map(TextRun::text)
        .collect::<Vec<_>>()
        .join(" ")
        .replace('\u{a0}', " ")
}

/// The first run whose text starts with `start`.
fn find(laid: &Laid, start: &str) -> Option<TextRun> {
    runs(laid).into_iter().find(|r| r.text().starts_with(start))
}

/// One expectation: a run starting with `text` exists, in `face` at `size`.
fn check(laid: &Laid, text: &str, face: FaceKind, size: f32) {
    let run = find(laid, text).unwrap_or_else(|| panic!("no run starts with {text:?}"));
    assert_eq!(
        (run.face, run.size),
        (face, size),
        "{text:?} should be {face:?} {size} pt"
    );
}

#[test]
fn nd30_header_elements_follow_the_decree() {
    let (_, laid) = document(DocumentKind::ThongBao, FormatProfile::Nd30);
    for (text, face, size) in [
        ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", FaceKind::Bold, 13.0),
        ("Độc lập - Tự do - Hạnh phúc", FaceKind::Bold, 14.0),
        ("THÀNH ỦY HÀ NỘI", FaceKind::Regular, 13.0),
        ("BAN TUYÊN GIÁO", FaceKind::Bold, 13.0),
        ("Số: ", FaceKind::Regular, 13.0),
        ("Hà Nội, ngày 10 tháng 10 năm 2022", FaceKind::Italic, 14.0),
        ("THÔNG BÁO", FaceKind::Bold, 14.0),
        ("Nơi nhận:", FaceKind::BoldItalic, 12.0),
        ("- Lưu: VT, VP.", FaceKind::Regular, 11.0),
    ] {
        check(&laid, text, face, size);
    }
    let number = find(&laid, "Số: ").unwrap().text();
    assert!(number.ends_with("/TB-BTGTU"), "ND30 number: {number}");
    let date = find(&laid, "Hà Nội, ngày").unwrap();
    let motto = find(&laid, "Độc lập").unwrap();
    let centre = |r: &TextRun| r.x + r.width / 2.0;
    assert!(
        (centre(&date) - centre(&motto)).abs() < 1.0,
        "the date is centred under the motto"
    );
    assert!(date.baseline > motto.baseline);
    // The motto's rule is as long as the motto.
    let rule = laid.pages[0]
        .lines()
        .find(|l| l.x1 >= motto.x - 1.0 && l.y1 > motto.baseline && l.y1 < motto.baseline + 10.0);
    let rule = rule.unwrap_or_else(|| {
        panic!(
            "no rule under the motto: {:?} / {:?}",
            motto,
            laid.pages[0].lines().collect::<Vec<_>>()
        )
    });
    assert!(
        ((rule.x2 - rule.x1) - motto.width).abs() < 0.5,
        "rule under the Tiêu ngữ spans it: {rule:?} vs {motto:?}"
    );
}

#[test]
fn hd36_header_elements_follow_the_party_guide() {
    let (_, laid) = document(DocumentKind::ThongBao, FormatProfile::Hd36);
    for (text, face, size) in [
        ("ĐẢNG CỘNG SẢN VIỆT NAM", FaceKind::Bold, 15.0),
        ("THÀNH UỶ HÀ NỘI", FaceKind::Regular, 14.0),
        ("BAN TUYÊN GIÁO", FaceKind::Bold, 14.0),
        ("*", FaceKind::Regular, 14.0),
        ("Số ", FaceKind::Regular, 14.0),
        ("THÔNG BÁO", FaceKind::Bold, 16.0),
        ("kết luận của đồng chí Trưởng Ban", FaceKind::Bold, 14.0),
        ("-----", FaceKind::Regular, 14.0),
        ("Nơi nhận:", FaceKind::Regular, 14.0),
        ("- Lưu Văn phòng Ban.", FaceKind::Regular, 12.0),
    ] {
        check(&laid, text, face, size);
    }
    let number = find(&laid, "Số ").unwrap().text();
    assert!(
        number.ends_with("-TB/BTGTU") && !number.contains(':'),
        "HD36 number: {number}"
    );
    let label = find(&laid, "Nơi nhận:").unwrap();
    let page = laid
        .pages
        .iter()
        .find(|p| p.runs().any(|r| r.text() == "Nơi nhận:"))
        .unwrap();
    assert!(
        page.lines().any(|l| (l.x1 - label.x).abs() < 0.1
            && l.y1 > label.baseline
            && l.y1 < label.baseline + 4.0),
        "'Nơi nhận:' is underlined in HD36"
    );
    let heading = find(&laid, "ĐẢNG CỘNG SẢN").unwrap();
    assert!(
        laid.pages[0]
            .lines()
            .any(|l| ((l.x2 - l.x1) - heading.width).abs() < 0.5),
        "a rule as long as the Party heading"
    );
}

#[test]
fn numbers_and_dates_follow_the_leading_zero_rules() {
    let fonts = Fonts::bundled();
    let conf = demo();
    for (profile, expected) in [
        (FormatProfile::Nd30, "Số: 05/GM-BTGTU"),
        (FormatProfile::Hd36, "Số 05-GM/BTGTU"),
    ] {
        let mut opts = options(profile);
        opts.number = Some(5);
        opts.issued_on = NaiveDate::from_ymd_opt(2022, 2, 3);
        let laid = build(DocumentKind::GiayMoi, &conf, &opts, &fonts).layout(&fonts);
        assert!(find(&laid, expected).is_some(), "{expected}");
        assert!(
            find(&laid, "Hà Nội, ngày 03 tháng 02 năm 2022").is_some(),
            "day < 10 and February take a 0"
        );
    }
}

#[test]
fn one_invitation_per_invitee_each_numbered_from_one() {
    let fonts = Fonts::bundled();
    let conf = demo();
    let mut opts = options(FormatProfile::Nd30);
    opts.invitation = InvitationForm::PerPerson;
    let laid = build(DocumentKind::GiayMoi, &conf, &opts, &fonts).layout(&fonts);
    let firsts = laid.pages.iter().filter(|p| p.number == 1).count();
    let invitees = conf
        .participants
        .iter()
        .filter(|p| p.role.is_invited())
        .count();
    assert_eq!(firsts, invitees, "one invitation per invitee");
    assert_eq!(
        invitees, 30,
        "the Ban's 9 leaders and staff and the minute-taker are not invited"
    );
    let all = all_text(&laid);
    assert!(
        all.contains("đồng chí Lê Văn Dũng, Trưởng Ban Tuyên giáo Huyện ủy Đan Phượng."),
        "the mail merge names each person with their office as one phrase: {all}"
    );
    assert!(all.contains("Tới dự:") && all.contains("Thời gian:") && all.contains("Địa điểm:"));
    assert!(all.contains("08 giờ 00, thứ Năm, ngày 06 tháng 10 năm 2022"));
    assert!(
        all.contains(
            "Đề nghị xác nhận tham dự với đồng chí Đỗ Thị Lan Anh, Chuyên viên Văn phòng Ban"
        ),
        "a contact to confirm with"
    );
    assert!(
        all.contains("trước 16 giờ 00 ngày 04/10/2022."),
        "two working days before"
    );
}

#[test]
fn the_signer_and_the_hosts_own_people_are_never_invited() {
    let fonts = Fonts::bundled();
    let conf = demo();
    let signer = conf.organisation.signer_name.clone();
    for form in [InvitationForm::Generic, InvitationForm::PerPerson] {
        let mut opts = options(FormatProfile::Hd36);
        opts.invitation = form;
        let laid = build(DocumentKind::GiayMoi, &conf, &opts, &fonts).layout(&fonts);
        for p in &conf.participants {
            let name = p.person.full_name.as_str();
            let named = all_text(&laid).contains(name);
            if p.role.is_invited() {
                assert!(named, "{form:?}: {name} is invited");
            } else if name != signer && name != conf.meeting.secretary_name {
                assert!(!named, "{form:?}: {name} ({:?}) is not invited", p.role);
            }
        }
        // She signs and chairs; she is never the one invited, nor on the list.
        assert!(!all_text(&laid).contains(&format!("kính mời: đồng chí {signer}")));
        let annex: String = laid
            .pages
            .iter()
            .skip_while(|p| !p.runs().any(|r| r.text().starts_with("DANH SÁCH")))
            .flat_map(|p| p.runs().map(TextRun::text))
            .collect();
        assert!(
            !annex.contains(&signer),
            "{form:?}: not on the list of invitees"
        );
    }
}

#[test]
fn a_generic_invitation_carries_its_list_of_invitees() {
    let fonts = Fonts::bundled();
    let conf = demo();
    let mut opts = options(FormatProfile::Hd36);
    opts.number = Some(45);
    let laid = build(DocumentKind::GiayMoi, &conf, &opts, &fonts).layout(&fonts);
    let all = all_text(&laid);
    assert!(all.contains("Kính gửi: Các đồng chí có tên trong danh sách kèm theo."));
    assert!(all.contains("trân trọng kính mời các đồng chí tới dự hội nghị giao ban"));
    assert!(all.contains("- Như danh sách kèm theo;"));
    assert!(all.contains("DANH SÁCH ĐẠI BIỂU ĐƯỢC MỜI DỰ HỘI NGHỊ GIAO BAN"));
    assert!(
        all.contains("(Kèm theo Giấy mời số 45-GM/BTGTU ngày 29 tháng 9 năm 2022 của Ban Tuyên giáo Thành uỷ Hà Nội)"),
        "the list points back to its invitation: {all}"
    );
    let annex = laid
        .pages
        .iter()
        .position(|p| p.number == 1 && p.runs().any(|r| r.text().starts_with("DANH SÁCH")))
        .unwrap();
    assert!(
        annex > 0,
        "the list starts on a page of its own, numbered from 1"
    );
    let first = laid.pages[annex]
        .runs()
        .filter(|r| r.text() != DEMO_MARK)
        .min_by(|a, b| a.baseline.total_cmp(&b.baseline))
        .unwrap();
    assert_eq!(
        (first.text().as_str(), first.face),
        ("Phụ lục", FaceKind::Bold),
        "an annex is labelled; its only one is not numbered"
    );
}

#[test]
fn the_agenda_is_a_timed_table() {
    let (_, laid) = document(DocumentKind::ChuongTrinh, FormatProfile::Hd36);
    let texts: Vec<String> = runs(&laid).iter().map(TextRun::text).collect();
    for header in ["Thời gian", "Nội dung", "Người thực hiện"] {
        assert!(texts.iter().any(|t| t == header), "header cell {header}");
    }
    let all = all_text(&laid);
    assert!(all.contains("08 giờ 00 - 08 giờ 15"), "{all}");
    let first = texts
        .iter()
        .find(|t| t.starts_with("08\u{a0}giờ"))
        .expect("a time cell");
    assert!(
        first.ends_with("00 -") || first.ends_with("15"),
        "a time range breaks only at the dash: {first}"
    );
    assert!(texts.iter().any(|t| t.starts_with("Bế mạc Hội nghị")));
}

#[test]
fn the_delegate_list_is_grouped_by_section_in_precedence_order() {
    let (_, laid) = document(DocumentKind::DanhSach, FormatProfile::Nd30);
    let texts: Vec<String> = runs(&laid).iter().map(TextRun::text).collect();
    let pos = |t: &str| {
        texts
            .iter()
            .position(|x| x.starts_with(t))
            .unwrap_or_else(|| panic!("{t}"))
    };
    assert!(pos("I. LÃNH ĐẠO BAN") < pos("Bùi Huyền Mai"));
    assert!(pos("Bùi Huyền Mai") < pos("II. CÁC PHÒNG"));
    assert!(pos("II. CÁC PHÒNG") < pos("III. BAN TUYÊN GIÁO CÁC QUẬN"));
    assert!(texts.iter().any(|t| t == "Chủ trì"), "the chair is marked");
    assert!(
        texts.iter().any(|t| t == "39") && !texts.iter().any(|t| t == "40"),
        "39 numbered rows: the minute-taker is staff, not a delegate"
    );
    assert!(!all_text(&laid).contains("Đỗ Thị Lan Anh"));
}

#[test]
fn the_sign_in_sheet_has_an_empty_signature_column_and_rows_to_sign_in() {
    let fonts = Fonts::bundled();
    let mut opts = options(FormatProfile::Hd36);
    opts.list = ListForm::SignIn;
    let laid = build(DocumentKind::DanhSach, &demo(), &opts, &fonts).layout(&fonts);
    assert!(laid.spec.width < laid.spec.height, "portrait");
    let texts: Vec<String> = runs(&laid).iter().map(TextRun::text).collect();
    assert!(texts.iter().any(|t| t == "Ký tên"));
    assert!(texts.iter().any(|t| t == "Chức vụ, đơn vị"));
    let all = all_text(&laid);
    assert!(
        !all.contains("Có mặt") && !all.contains("Vắng") && !texts.iter().any(|t| t == "Tham dự"),
        "printed before the meeting: no attendance"
    );
    assert!(
        all.contains("08 giờ 00, thứ Năm, ngày 06 tháng 10 năm 2022"),
        "{all}"
    );
    // Rows for the 39 delegates and 5 blank ones for walk-ins, each ≥ 12 mm.
    let numbers: Vec<TextRun> = runs(&laid)
        .into_iter()
        .filter(|r| r.text().parse::<u32>().is_ok_and(|n| (1..=44).contains(&n)) && r.x < 100.0)
        .collect();
    assert!(numbers.iter().any(|r| r.text() == "44") && !numbers.iter().any(|r| r.text() == "45"));
    assert!(all.contains("ĐẠI BIỂU KHÁC (GHI THÊM)"));
    let mut pitch_checked = 0;
    for pair in numbers.windows(2) {
        let (a, b) = (&pair[0], &pair[1]);
        let (na, nb) = (
            a.text().parse::<u32>().unwrap(),
            b.text().parse::<u32>().unwrap(),
        );
        if nb == na + 1 && b.baseline > a.baseline {
            assert!(
                b.baseline - a.baseline >= 12.0 * MM - 0.01,
                "row {na} is at least 12 mm tall: {}",
                b.baseline - a.baseline
            );
            pitch_checked += 1;
        }
    }
    assert!(pitch_checked > 20, "{pitch_checked}");
}

#[test]
fn a_vote_is_printed_under_its_item_with_its_shares() {
    let fonts = Fonts::bundled();
    let mut conf = demo();
    let item = conf.agenda[1].clone();
    conf.votes.push(hoinghi_core::model::Vote {
        id: "v1".into(),
        meeting_id: conf.meeting.id.clone(),
        agenda_item_id: Some(item.id.clone()),
        question: "Thông qua Chương trình công tác quý IV".into(),
        present: 40,
        in_favour: 38,
        against: 1,
        abstained: 1,
        result: "Hội nghị thống nhất thông qua.".into(),
        updated_at: String::new(),
    });
    for &profile in FormatProfile::ALL {
        let text = all_text(
            &build(DocumentKind::BienBan, &conf, &options(profile), &fonts).layout(&fonts),
        );
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(
                "Biểu quyết: Thông qua Chương trình công tác quý IV. Có mặt 40 đồng chí; \
                 tán thành 38 đồng chí (95%), không tán thành 1 đồng chí (2,5%), không biểu \
                 quyết 1 đồng chí (2,5%). Kết quả: Hội nghị thống nhất thông qua."
            ),
            "{profile:?}: {flat}"
        );
        let vote_at = flat.find("Biểu quyết:").unwrap();
        let title = item.title.trim_end_matches('.');
        let heading_at = flat.find(title).unwrap_or(0);
        assert!(heading_at < vote_at, "the vote sits under its item: {flat}");
    }
}

#[test]
fn the_minutes_end_when_the_last_item_really_ended() {
    let fonts = Fonts::bundled();
    let mut conf = demo();
    let planned = all_text(
        &build(
            DocumentKind::BienBan,
            &conf,
            &options(FormatProfile::Nd30),
            &fonts,
        )
        .layout(&fonts),
    );
    assert!(!planned.contains("kết thúc vào 11 giờ 47"), "{planned}");
    let last = conf.agenda.last_mut().expect("the demo has an agenda");
    last.started_at = Some("2022-10-06T11:20".into());
    last.ended_at = Some("2022-10-06T11:47".into());
    for &profile in FormatProfile::ALL {
        let text = all_text(
            &build(DocumentKind::BienBan, &conf, &options(profile), &fonts).layout(&fonts),
        );
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains("kết thúc vào 11 giờ 47"),
            "{profile:?}: {flat}"
        );
    }
}

#[test]
fn a_deputy_is_named_in_the_attendance_list_and_the_minutes() {
    let fonts = Fonts::bundled();
    let mut conf = demo();
    let seat = conf
        .participants
        .iter_mut()
        .find(|p| p.state == hoinghi_core::model::AttendanceState::Late)
        .expect("someone came late");
    seat.substitute_name = "Lê Thị Dự".into();
    seat.substitute_title = "Phó Trưởng phòng".into();
    let invitee = seat.person.full_name.clone();
    for &profile in FormatProfile::ALL {
        let mut opts = options(profile);
        opts.list = ListForm::Attendance;
        let list = all_text(&build(DocumentKind::DanhSach, &conf, &opts, &fonts).layout(&fonts));
        assert!(
            list.contains("; Lê Thị Dự, Phó Trưởng phòng, dự thay"),
            "{profile:?}: {list}"
        );
        let minutes = all_text(&build(DocumentKind::BienBan, &conf, &opts, &fonts).layout(&fonts));
        let flat = minutes.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            flat.contains(&format!(
                "trong đó 1 đồng chí dự thay: đồng chí Lê Thị Dự, Phó Trưởng phòng, dự thay đồng chí {invitee}"
            )),
            "{profile:?}: {flat}"
        );
        // Late was the deputy, not the invitee.
        assert!(
            flat.contains(&format!(
                "đến muộn: đồng chí Lê Thị Dự (dự thay đồng chí {invitee})"
            )),
            "{profile:?}: {flat}"
        );
    }
}

#[test]
fn the_attendance_list_gives_each_state_and_the_same_counts_as_the_minutes() {
    let fonts = Fonts::bundled();
    let conf = demo();
    for &profile in FormatProfile::ALL {
        let mut opts = options(profile);
        opts.list = ListForm::Attendance;
        let laid = build(DocumentKind::DanhSach, &conf, &opts, &fonts).layout(&fonts);
        let texts: Vec<String> = runs(&laid).iter().map(TextRun::text).collect();
        assert!(texts.iter().any(|t| t == "Tham dự") && !texts.iter().any(|t| t == "Ký tên"));
        let all = all_text(&laid);
        assert!(all.contains("Vắng (Ốm"), "absence reasons are listed");
        assert!(
            all.contains("Đến muộn (08:20)"),
            "late arrivals with their time"
        );
        assert!(all.contains("(Kèm theo Biên bản số"), "{all}");
        let minutes = all_text(&build(DocumentKind::BienBan, &conf, &opts, &fonts).layout(&fonts));
        let s = hoinghi_core::model::AttendanceSummary::of(&conf.participants);
        assert!(
            all.contains(&format!(
                "Tổng số: {} đại biểu; có mặt: {}",
                s.invited, s.attended
            )),
            "{all}"
        );
        // NĐ30 minutes give the total; Party minutes split it into HD16's parts.
        assert!(
            profile.is_party()
                || minutes
                    .to_lowercase()
                    .contains(&format!("có mặt {}/{} đồng chí", s.attended, s.invited)),
            "the biên bản says the same: {minutes}"
        );
        let notice = all_text(&build(DocumentKind::ThongBao, &conf, &opts, &fonts).layout(&fonts));
        assert!(
            notice.contains(&format!("{}/{} đại biểu", s.attended, s.invited)),
            "so does the thông báo: {notice}"
        );
    }
}

#[test]
fn the_delegate_list_names_its_giay_moi_by_number_in_each_profile() {
    let fonts = Fonts::bundled();
    let conf = demo();
    let mut texts = Vec::new();
    for (profile, number) in [
        (FormatProfile::Nd30, "số 45/GM-BTGTU ngày"),
        (FormatProfile::Hd36, "số 45-GM/BTGTU ngày"),
        (FormatProfile::Hd05, "số 45-GM/BTGTU ngày"),
    ] {
        let mut opts = options(profile);
        opts.number = Some(45);
        let all = all_text(&build(DocumentKind::DanhSach, &conf, &opts, &fonts).layout(&fonts));
        assert!(
            all.contains(&format!("(Kèm theo Giấy mời {number} 29 tháng 9 năm 2022")),
            "{all}"
        );
        texts.push(all);
    }
    assert_ne!(texts[0], texts[1], "the state and Party lists differ");
}

#[test]
fn minutes_follow_mau_1_9_for_state_and_hd16_for_party_bodies() {
    let (_, nd) = document(DocumentKind::BienBan, FormatProfile::Nd30);
    assert!(
        find(&nd, "Hà Nội, ngày").is_none(),
        "ND30 Mẫu 1.9 has no date line in the header"
    );
    for t in [
        "Thời gian bắt đầu: ",
        "Thành phần tham dự: ",
        "THƯ KÝ",
        "CHỦ TỌA",
        "- Lưu: VT, Hồ sơ.",
    ] {
        assert!(find(&nd, t).is_some(), "ND30 minutes contain {t:?}");
    }
    let (_, hd) = document(DocumentKind::BienBan, FormatProfile::Hd36);
    for t in [
        "Hà Nội, ngày 06 tháng 10 năm 2022",
        "1. Thành phần hội nghị",
        "2. Diễn biến hội nghị",
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
    ] {
        assert!(find(&hd, t).is_some(), "HD36 minutes contain {t:?}");
    }
    let all = all_text(&hd);
    assert!(
        all.contains("1.1. Đại biểu chính thức: có mặt 8/9 đồng chí")
            && all.contains("1.2. Đại biểu mời: có mặt 26/28 đồng chí"),
        "attendance counts: {all}"
    );
    assert!(
        all.contains("Lê Minh Quang (đi công tác"),
        "absentees with reasons"
    );
    assert!(
        all.contains("Hội nghị kết thúc vào 11 giờ 30"),
        "the closing time"
    );
    // The closing line and both signature blocks share a page.
    let page_of = |t: &str| {
        hd.pages
            .iter()
            .position(|p| p.runs().any(|r| r.text().contains(t)))
            .unwrap()
    };
    assert_eq!(page_of("kết thúc vào"), page_of("CHỦ TRÌ HỘI NGHỊ"));
}

#[test]
fn the_notice_lists_tasks_and_closes_with_the_ending() {
    let (_, laid) = document(DocumentKind::ThongBao, FormatProfile::Hd36);
    let all = all_text(&laid);
    for t in [
        "a) Tập trung tuyên truyền",
        "b) Tổ chức đào tạo",
        "c) Chủ động",
        "d) Tiếp tục phối hợp",
        "thời hạn: 18/12/2022",
    ] {
        assert!(all.contains(t), "{t}");
    }
    assert!(all.contains("thông báo để các cơ quan, đơn vị biết, thực hiện./."));
}

#[test]
fn the_report_has_numbered_parts() {
    for (profile, first) in [
        (FormatProfile::Nd30, "I. TÌNH HÌNH"),
        (FormatProfile::Hd36, "I- TÌNH HÌNH"),
    ] {
        let (_, laid) = document(DocumentKind::BaoCao, profile);
        assert!(find(&laid, first).is_some(), "{first}");
        assert!(find(&laid, "BÁO CÁO").is_some());
    }
}

#[test]
fn every_document_stays_inside_the_margins() {
    for &kind in DocumentKind::ALL {
        for &profile in FormatProfile::ALL {
            let (_, laid) = document(kind, profile);
            let s = laid.spec;
            for (i, page) in laid.pages.iter().enumerate() {
                for r in page.runs() {
                    // The page number and a circulation note sit in the top
                    // margin, the demo mark in the bottom one.
                    let page_number = (r.bottom() < s.margin_top
                        && (r.text() == page.number.to_string()
                            || r.text() == "TÀI LIỆU HỘI NGHỊ"))
                        || (r.top() > s.height - s.margin_bottom && r.text() == DEMO_MARK);
                    assert!(
                        r.x >= s.margin_left - 0.01
                            && r.x + r.width <= s.width - s.margin_right + 0.01,
                        "{kind:?} {profile:?} page {}: {:?} runs outside the side margins",
                        i + 1,
                        r.text()
                    );
                    assert!(
                        page_number
                            || (r.top() >= s.margin_top - 0.5
                                && r.bottom() <= s.height - s.margin_bottom + 0.5),
                        "{kind:?} {profile:?} page {}: {:?} outside the top/bottom margins",
                        i + 1,
                        r.text()
                    );
                }
            }
        }
    }
}

#[test]
fn text_the_fonts_cannot_draw_is_refused_by_name() {
    let fonts = Fonts::bundled();
    let mut conf = demo();
    conf.meeting.title = "Hội nghị 🎉 tổng kết".into();
    let err = build(
        DocumentKind::ChuongTrinh,
        &conf,
        &options(FormatProfile::Nd30),
        &fonts,
    )
    .to_pdf(&fonts)
    .unwrap_err();
    assert_eq!(err.kind().as_str(), "missingGlyphs");
    assert!(
        err.to_string().contains("🎉") && err.to_string().contains("U+1F389"),
        "{err}"
    );
}

#[test]
fn the_written_pdf_has_the_pages_text_fonts_and_metadata() {
    let fonts = Fonts::bundled();
    for &profile in FormatProfile::ALL {
        let (doc, laid) = document(DocumentKind::ThongBao, profile);
        let bytes = doc.to_pdf(&fonts).unwrap();
        let pdf = lopdf::Document::load_mem(&bytes).unwrap();
        assert_eq!(
            pdf.get_pages().len(),
            laid.pages.len(),
            "one PDF page per laid-out page"
        );
        let text = pdf.extract_text(&[1]).unwrap();
        assert!(text.contains("THÔNG BÁO"), "page 1 text reads back: {text}");
        // NĐ30 documents spell "ủy" by default, Party ones "uỷ".
        let body = match profile {
            FormatProfile::Nd30 => "Ban Tuyên giáo Thành ủy Hà Nội",
            _ => "Ban Tuyên giáo Thành uỷ Hà Nội",
        };
        assert!(text.contains(body), "Vietnamese text extracts intact");

        let mut names = Vec::new();
        for (_, object) in pdf.objects.iter() {
            if let Ok(dict) = object.as_dict() {
                if dict.get(b"Type").and_then(|t| t.as_name()).ok()
                    == Some(b"FontDescriptor".as_slice())
                {
                    assert!(dict.has(b"FontFile2"), "every font is embedded");
                    names.push(
                        String::from_utf8_lossy(dict.get(b"FontName").unwrap().as_name().unwrap())
                            .into_owned(),
                    );
                }
            }
        }
        assert!(!names.is_empty());
        for name in &names {
            let (tag, base) = name.split_once('+').expect("a subset name");
            assert!(
                tag.len() == 6 && tag.chars().all(|c| c.is_ascii_uppercase()),
                "subset tag {name}"
            );
            assert!(base.starts_with("LiberationSerif"), "{name}");
        }
        let info = pdf
            .trailer
            .get(b"Info")
            .and_then(|r| r.as_reference())
            .and_then(|id| pdf.get_dictionary(id))
            .unwrap();
        let created = info.get(b"CreationDate").unwrap().as_str().unwrap();
        assert!(
            created.starts_with(b"D:20261127"),
            "the creation date is set, not 1970"
        );
        for key in [&b"Title"[..], b"Author", b"Subject"] {
            let value = info.get(key).unwrap().as_str().unwrap();
            assert!(
                !value.is_empty(),
                "{} is filled in",
                String::from_utf8_lossy(key)
            );
        }
        assert!(
            info.iter().all(|(key, value)| !key.starts_with(b"GTS_")
                && !matches!(value, lopdf::Object::String(s, _) if s.is_empty())),
            "no empty PDF/X keys, so readers do not take the file for PDF/X: {info:?}"
        );
        let lang = pdf
            .catalog()
            .unwrap()
            .get(b"Lang")
            .unwrap()
            .as_str()
            .unwrap();
        assert_eq!(lang, b"vi-VN");
    }
}

#[test]
fn export_takes_the_options_the_app_sends() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let mut request = DocumentOptions {
        number: Some(12),
        issued_on: Some("2022-10-10".into()),
        ..request(FormatProfile::Hd36)
    };
    let pdf = hoinghi_vanban::docs::export(&db, &id, DocumentKind::ThongBao, &request).unwrap();
    let text = lopdf::Document::load_mem(&pdf)
        .unwrap()
        .extract_text(&[1])
        .unwrap();
    assert!(
        text.contains("Số 12-TB/BTGTU"),
        "the number is used: {text}"
    );
    assert!(
        text.contains("Hà Nội, ngày 10 tháng 10 năm 2022"),
        "the date is used"
    );

    request.issued_on = Some("10/10/2022".into());
    let err = hoinghi_vanban::docs::export(&db, &id, DocumentKind::ThongBao, &request).unwrap_err();
    assert_eq!(
        err.kind().as_str(),
        "invalid",
        "a malformed date is refused: {err}"
    );
    let err = hoinghi_vanban::docs::export(&db, "no-such-meeting", DocumentKind::BienBan, &request)
        .unwrap_err();
    assert_eq!(err.kind().as_str(), "notFound");
}

#[test]
fn a_thousand_delegate_list_stays_under_120_kb() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo_with_extra(960).unwrap();
    let conf = Conference::load(&db, &id).unwrap();
    let fonts = Fonts::bundled();
    let pdf = build(
        DocumentKind::DanhSach,
        &conf,
        &options(FormatProfile::Nd30),
        &fonts,
    )
    .to_pdf(&fonts)
    .unwrap();
    assert!(
        pdf.len() <= 120 * 1024,
        "1,000 rows take {} bytes; the goal is 120 KB",
        pdf.len()
    );
    let read = lopdf::Document::load_mem(&pdf).unwrap();
    assert!(read.get_pages().len() >= 40, "the whole list is there");
}

#[test]
fn the_secretary_edits_generated_text_and_the_pdf_uses_it() {
    use hoinghi_vanban::docs::export;
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let request = request(FormatProfile::Hd36);
    let kind = DocumentKind::ThongBao;
    let fields = Snapshot::take(&db, &id, kind, &request).unwrap().fields();
    let keys: Vec<&str> = fields.iter().map(|f| f.key.as_str()).collect();
    for key in [
        "subject",
        "opening",
        "lead",
        "closing",
        "recipients",
        "signer_authority",
        "signer_title",
        "signer_name",
    ] {
        assert!(
            keys.contains(&key),
            "the notice offers {key} for editing: {keys:?}"
        );
    }
    assert!(
        fields.iter().all(|f| !f.edited && f.text == f.generated),
        "nothing is edited yet"
    );
    let subject = fields
        .iter()
        .find(|f| f.key == DocumentFieldKey::Subject)
        .unwrap();
    assert!(subject
        .generated
        .starts_with("kết luận của đồng chí Trưởng Ban"));

    db.set_document_text(
        &id,
        kind,
        DocumentFieldKey::Subject,
        "kết luận của Thường trực Ban tại Hội nghị giao ban",
    )
    .unwrap();
    db.set_document_text(
        &id,
        kind,
        DocumentFieldKey::Recipients,
        "- Thường trực Thành uỷ (để báo cáo);\n- Lưu Văn phòng Ban.",
    )
    .unwrap();
    let fields = Snapshot::take(&db, &id, kind, &request).unwrap().fields();
    let subject = fields
        .iter()
        .find(|f| f.key == DocumentFieldKey::Subject)
        .unwrap();
    assert!(subject.edited && subject.text.starts_with("kết luận của Thường trực Ban"));
    assert!(
        subject
            .generated
            .starts_with("kết luận của đồng chí Trưởng Ban"),
        "the generated text is still offered"
    );

    let pdf = export(&db, &id, kind, &request).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let pages: Vec<u32> = doc.get_pages().keys().copied().collect();
    let text = doc.extract_text(&pages).unwrap();
    assert!(
        text.contains("kết luận của Thường trực Ban tại Hội nghị giao ban"),
        "the edited trích yếu is printed"
    );
    assert!(
        text.contains("Thường trực Thành uỷ (để báo cáo)"),
        "the edited recipients are printed"
    );
    assert!(
        !text.contains("Các đại biểu dự Hội nghị;"),
        "and replace the generated ones"
    );
}

#[test]
fn uncertain_rules_follow_the_format_settings() {
    use hoinghi_core::model::{FormatSettings, ToneMarks};
    let fonts = Fonts::bundled();
    let conf = demo();
    let format = FormatSettings {
        party_ending: ".".into(),
        party_invitation_abbreviation: "GMi".into(),
        state_table_font_size: 12,
        party_table_font_size: 15,
        state_tone_marks: ToneMarks::MainVowel,
        party_tone_marks: ToneMarks::FirstVowel,
        ..FormatSettings::default()
    };
    let opts = options(FormatProfile::Hd36).with_format(format.clone());
    let notice = build(DocumentKind::ThongBao, &conf, &opts, &fonts).layout(&fonts);
    let all = all_text(&notice);
    assert!(
        all.contains("biết, thực hiện.") && !all.contains("thực hiện./."),
        "a Party text may end with a plain full stop"
    );
    let invitation = build(DocumentKind::GiayMoi, &conf, &opts, &fonts).layout(&fonts);
    assert!(find(&invitation, "Số ")
        .unwrap()
        .text()
        .ends_with("-GMi/BTGTU"));
    let agenda = build(DocumentKind::ChuongTrinh, &conf, &opts, &fonts).layout(&fonts);
    assert_eq!(
        find(&agenda, "Nghỉ giải lao").unwrap().size,
        15.0,
        "tables use the chosen size"
    );
    let party = all_text(&agenda);
    assert!(
        party.contains("THÀNH ỦY HÀ NỘI") && !party.contains('ỷ') && !party.contains('Ỷ'),
        "one spelling in the whole Party document, typed text included: {party}"
    );

    let state = options(FormatProfile::Nd30).with_format(format.clone());
    let notice = build(DocumentKind::ThongBao, &conf, &state, &fonts).layout(&fonts);
    assert!(
        all_text(&notice).contains("thực hiện./."),
        "state documents always end with ./."
    );
    let agenda = build(DocumentKind::ChuongTrinh, &conf, &state, &fonts).layout(&fonts);
    assert_eq!(
        find(&agenda, "Nghỉ giải lao").unwrap().size,
        12.0,
        "state tables have their own size"
    );
    let state_text = all_text(&agenda);
    assert!(
        state_text.contains("CỘNG HOÀ XÃ HỘI") && state_text.contains("THÀNH UỶ HÀ NỘI"),
        "the state setting spells the quốc hiệu too: {state_text}"
    );

    let hd05 = options(FormatProfile::Hd05).with_format(FormatSettings {
        party_ending: "./.".into(),
        ..format
    });
    let notice = build(DocumentKind::ThongBao, &conf, &hd05, &fonts).layout(&fonts);
    assert!(
        all_text(&notice).contains("biết, thực hiện.") && !all_text(&notice).contains("./."),
        "HD05 texts end with \".\" whatever the HD36 setting says"
    );
}

#[test]
fn tables_default_to_13_pt_for_the_state_and_14_pt_for_party_documents() {
    for (profile, size) in [
        (FormatProfile::Nd30, 13.0),
        (FormatProfile::Hd36, 14.0),
        (FormatProfile::Hd05, 14.0),
    ] {
        for kind in [DocumentKind::ChuongTrinh, DocumentKind::DanhSach] {
            let (_, laid) = document(kind, profile);
            let cell = find(&laid, "STT")
                .or_else(|| find(&laid, "Nghỉ giải lao"))
                .unwrap();
            assert_eq!(cell.size, size, "{kind:?} in {profile:?}");
        }
    }
}

#[test]
fn hd05_documents_follow_the_2026_party_guide() {
    let (_, laid) = document(DocumentKind::ThongBao, FormatProfile::Hd05);
    let all = all_text(&laid);
    assert!(
        all.contains("thực hiện.") && !all.contains("./."),
        "ends with \".\""
    );
    check(&laid, "ĐẢNG CỘNG SẢN VIỆT NAM", FaceKind::Bold, 15.0);
    check(&laid, "Số ", FaceKind::Regular, 14.0);
    check(&laid, "TRƯỞNG BAN", FaceKind::Regular, 14.0);
    check(&laid, "- Lưu Văn phòng Ban.", FaceKind::Regular, 12.0);
    let label = find(&laid, "Nơi nhận:").unwrap();
    let page = laid
        .pages
        .iter()
        .find(|p| p.runs().any(|r| r.text() == label.text()))
        .unwrap();
    assert!(
        page.lines().any(|l| (l.x1 - label.x).abs() < 0.5
            && l.y1 > label.baseline
            && l.y1 < label.baseline + 4.0),
        "a drawn rule under \"Nơi nhận:\""
    );
    // Body lines exactly 20 pt apart (HD05: exactly 18–22 pt).
    let body: Vec<TextRun> = runs(&laid)
        .into_iter()
        .filter(|r| r.size == 14.0 && r.face == FaceKind::Regular && r.width > 300.0)
        .collect();
    assert!(body
        .windows(2)
        .any(|w| ((w[1].baseline - w[0].baseline) - 20.0).abs() < 0.01));

    let (_, agenda) = document(DocumentKind::ChuongTrinh, FormatProfile::Hd05);
    let note = find(&agenda, "TÀI LIỆU HỘI NGHỊ").expect("the circulation note");
    let s = agenda.spec;
    assert_eq!((note.face, note.size), (FaceKind::Bold, 12.0));
    assert!((note.top() - 10.0 * hoinghi_vanban::layout::MM).abs() < 1.0);
    assert!((note.x + note.width - (s.width - s.margin_right)).abs() < 0.01);
    let (_, hd36) = document(DocumentKind::ChuongTrinh, FormatProfile::Hd36);
    assert!(
        find(&hd36, "TÀI LIỆU HỘI NGHỊ").is_none(),
        "HD36 had no such note"
    );
}

#[test]
fn a_deputy_in_charge_signs_without_kt_from_hd05_on() {
    let fonts = Fonts::bundled();
    let mut conf = demo();
    conf.organisation.signing_prefix = "K/T TRƯỞNG BAN".into();
    conf.organisation.signer_title = "PHÓ TRƯỞNG BAN".into();
    conf.organisation.head_vacant = true;
    let text = |conf: &Conference, profile| {
        all_text(&build(DocumentKind::ThongBao, conf, &options(profile), &fonts).layout(&fonts))
    };
    assert!(
        !text(&conf, FormatProfile::Hd05).contains("K/T"),
        "HD05: no K/T"
    );
    assert!(
        text(&conf, FormatProfile::Hd36).contains("K/T TRƯỞNG BAN"),
        "HD36 keeps it"
    );
    conf.organisation.head_vacant = false;
    assert!(
        text(&conf, FormatProfile::Hd05).contains("K/T TRƯỞNG BAN"),
        "a head exists"
    );
}

#[test]
fn a_party_document_takes_the_format_in_force_on_its_date() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let format = |issued_on: Option<&str>, profile: Option<FormatProfile>| {
        let request = DocumentOptions {
            profile,
            issued_on: issued_on.map(str::to_string),
            ..request(FormatProfile::Nd30)
        };
        let f = hoinghi_vanban::docs::document_format(&db, &id, DocumentKind::ThongBao, &request)
            .unwrap();
        let snapshot = Snapshot::take(&db, &id, DocumentKind::ThongBao, &request).unwrap();
        assert_eq!(
            snapshot.opts.profile.kind, f.profile,
            "the document is made as announced"
        );
        (f.profile, f.issued_on, f.by_date)
    };
    assert_eq!(
        format(None, None),
        (FormatProfile::Hd36, "2022-10-10".into(), true),
        "the 2022 demo prints as it was issued"
    );
    assert_eq!(
        format(Some("2026-05-27"), None),
        (FormatProfile::Hd05, "2026-05-27".into(), true)
    );
    assert_eq!(
        format(Some("2026-06-01"), Some(FormatProfile::Hd36)),
        (FormatProfile::Hd36, "2026-06-01".into(), false),
        "a chosen profile wins"
    );
}

#[test]
fn invitations_can_be_one_file_per_person() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let request = request(FormatProfile::Nd30);
    let files = Snapshot::take(&db, &id, DocumentKind::GiayMoi, &request)
        .and_then(|s| s.invitations())
        .unwrap();
    assert_eq!(files.len(), 30, "one file per invitee");
    assert_eq!(
        files[0].0, "giay-moi-001-nguyen-thi-hong-van.pdf",
        "numbered and named without diacritics"
    );
    let text = lopdf::Document::load_mem(&files[1].1)
        .unwrap()
        .extract_text(&[1])
        .unwrap();
    assert!(
        text.contains("Trần Quốc Tuấn"),
        "each file invites its own person: {text}"
    );
    assert!(!text.contains("Nguyễn Thị Hồng Vân"), "and no one else");
}

#[test]
fn the_content_stream_places_text_where_the_layout_put_it() {
    let fonts = Fonts::bundled();
    let (doc, laid) = document(DocumentKind::ChuongTrinh, FormatProfile::Nd30);
    let pdf = lopdf::Document::load_mem(&doc.to_pdf(&fonts).unwrap()).unwrap();
    let page = *pdf.get_pages().values().next().unwrap();
    let content = lopdf::content::Content::decode(&pdf.get_page_content(page)).unwrap();
    // The first Tm puts the topmost, leftmost run at its laid-out position.
    let tm = content
        .operations
        .iter()
        .find(|op| op.operator == "Tm")
        .expect("a text matrix");
    let xy: Vec<f32> = tm.operands[4..6]
        .iter()
        .map(|o| o.as_float().unwrap())
        .collect();
    let mut runs: Vec<_> = laid.pages[0].runs().cloned().collect();
    runs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
    assert!(
        (xy[0] - runs[0].x).abs() < 0.01,
        "x {} vs {}",
        xy[0],
        runs[0].x
    );
    assert!(
        (xy[1] - (laid.spec.height - runs[0].baseline)).abs() < 0.01,
        "y flipped to PDF space"
    );
    let shows = content
        .operations
        .iter()
        .filter(|op| op.operator == "TJ")
        .count();
    assert!(
        shows > 10 && shows < runs.len(),
        "runs on one baseline share a TJ ({shows} for {} runs)",
        runs.len()
    );
}

#[test]
fn a_meeting_carried_in_its_portable_file_gives_the_same_six_documents() {
    let dir = tempfile::tempdir().unwrap();
    let mut source = Db::open(dir.path().join("source.db")).unwrap();
    let id = source.write_demo().unwrap();
    // A secretary's own wording travels with the meeting.
    source
        .set_document_text(
            &id,
            DocumentKind::ThongBao,
            DocumentFieldKey::Closing,
            "Xin trân trọng thông báo.",
        )
        .unwrap();
    let file = dir.path().join("giao-ban.hoinghi");
    source.export_meeting(&id, &file).unwrap();
    let mut target = Db::open(dir.path().join("target.db")).unwrap();
    target.import_meeting(&file).unwrap();

    let fonts = Fonts::bundled();
    let text = |db: &Db, kind: DocumentKind, profile: FormatProfile| {
        let mut opts = options(profile);
        opts.texts = db.document_texts(&id, kind).unwrap();
        let conf = Conference::load(db, &id).unwrap();
        all_text(&build(kind, &conf, &opts, &fonts).layout(&fonts))
    };
    for &profile in FormatProfile::ALL {
        for &kind in DocumentKind::ALL {
            assert_eq!(
                text(&source, kind, profile),
                text(&target, kind, profile),
                "{kind:?} in {profile:?}"
            );
        }
    }
    assert!(text(&target, DocumentKind::ThongBao, FormatProfile::Hd36)
        .contains("Xin trân trọng thông báo."));
}

#[test]
fn a_very_long_name_does_not_stop_one_invitation_per_person() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let long = "Nguyễn Thị Phương Thảo ".repeat(12);
    let long = long.trim();
    assert!(long.chars().count() >= 269, "{}", long.chars().count());
    let person = db
        .create_person(&hoinghi_core::model::PersonInput {
            full_name: long.to_string(),
            position_title: "Chuyên viên".into(),
            unit: "Văn phòng".into(),
            section: "Đại biểu".into(),
            rank: 999,
            phone: String::new(),
            email: String::new(),
        })
        .unwrap();
    db.reopen_meeting(&id, "Mời thêm").unwrap();
    db.invite_people(&id, &[person.id]).unwrap();
    let request = request(FormatProfile::Hd36);
    let invitations = Snapshot::take(&db, &id, DocumentKind::GiayMoi, &request)
        .unwrap()
        .invitations()
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (name, pdf) in &invitations {
        hoinghi_vanban::docs::files::write_atomic(&dir.path().join(name), pdf)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let written = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(written, invitations.len());
    let invitees = db.participants(&id).unwrap();
    assert_eq!(
        written,
        invitees.iter().filter(|p| p.role.is_invited()).count()
    );
}

#[test]
fn minutes_run_in_agenda_order_and_end_once_after_the_conclusions() {
    for profile in [
        FormatProfile::Nd30,
        FormatProfile::Hd36,
        FormatProfile::Hd05,
    ] {
        let (_, laid) = document(DocumentKind::BienBan, profile);
        let all = all_text(&laid);
        let conclusion = all.find("4 nhóm nhiệm vụ trọng tâm").unwrap();
        let end = all.find("Hội nghị kết thúc vào").unwrap();
        assert!(
            conclusion < end,
            "{profile:?}: the conclusion comes before the end"
        );
        assert_eq!(
            all.matches("Hội nghị kết thúc").count(),
            1,
            "{profile:?}: it ends once"
        );
        assert!(all.contains("thống nhất thông qua"));
        assert!(
            !all.to_lowercase().contains("trình bày: trình bày"),
            "no doubled verbs"
        );
        assert!(all.contains("trình bày báo cáo kết quả công tác tuyên giáo"));
        let tasks = all
            .find("Tập trung tuyên truyền các hoạt động kỷ niệm")
            .unwrap();
        assert!(
            conclusion < tasks && tasks < end,
            "tasks go under the conclusion"
        );
        if profile.is_party() {
            for part in [
                "1.1. Đại biểu chính thức:",
                "1.2. Đại biểu mời:",
                "1.3. Báo chí đưa tin: 2 phóng viên",
            ] {
                assert!(all.contains(part), "{profile:?}: {part}");
            }
            assert!(
                all.contains("2.4. Phát biểu kết luận Hội nghị."),
                "the break is skipped"
            );
            assert!(all.contains("3. Hội nghị kết thúc vào"));
            let tops: Vec<&str> = [
                "1. Thành phần",
                "2. Diễn biến",
                "3. Hội nghị kết thúc",
                " 4. ",
            ]
            .into_iter()
            .filter(|t| all.contains(t))
            .collect();
            assert_eq!(
                tops.len(),
                3,
                "{profile:?}: parts 1–3, none twice: {tops:?}"
            );
        }
    }
}

#[test]
fn the_notice_and_the_minutes_give_the_same_attendance() {
    let conf = demo();
    let s = hoinghi_core::model::AttendanceSummary::of(&conf.participants);
    let (_, minutes) = document(DocumentKind::BienBan, FormatProfile::Nd30);
    let (_, notice) = document(DocumentKind::ThongBao, FormatProfile::Nd30);
    let (_, report) = document(DocumentKind::BaoCao, FormatProfile::Nd30);
    let counted = format!("{}/{}", s.attended, s.invited);
    assert_eq!(counted, "36/39", "40 listed, the minute-taker is staff");
    assert!(all_text(&minutes).contains(&format!("Có mặt {counted} đồng chí")));
    assert!(all_text(&notice).contains(&format!("Dự Hội nghị có {counted} đại biểu.")));
    assert!(all_text(&report).contains(&format!("Dự Hội nghị có {counted} đại biểu.")));
    let (_, notice) = document(DocumentKind::ThongBao, FormatProfile::Hd36);
    let all = all_text(&notice);
    assert!(
        all.contains("- Thường trực Thành uỷ (để báo cáo);"),
        "{all}"
    );
    assert!(all.contains("- Văn phòng Ban;"), "the units given tasks");
    assert!(
        all.contains("- Các cơ quan báo chí Thành phố;"),
        "each unit starts its own line with a capital"
    );
}

#[test]
fn demo_documents_are_marked_on_every_page_and_never_in_the_text() {
    for &kind in DocumentKind::ALL {
        let (_, laid) = document(kind, FormatProfile::Hd36);
        for page in &laid.pages {
            assert!(page.runs().any(|r| r.text() == DEMO_MARK), "{kind:?}");
        }
        assert!(!all_text(&laid).contains("(Dữ liệu mẫu)"), "{kind:?}");
    }
    let (_, report) = document(DocumentKind::BaoCao, FormatProfile::Hd36);
    let all = all_text(&report);
    assert!(!all.contains("- :"), "no speakerless colon");
    assert!(
        all.contains("các đại biểu đã phát biểu 3 ý kiến"),
        "only opinions count, not the closing speech: {all}"
    );
    assert!(all.contains("Đồng chí Nguyễn Văn Hùng, Phó Trưởng Ban Thường trực trình bày báo cáo"));
}

#[test]
fn an_edit_of_one_invitation_form_stays_out_of_the_other() {
    let fonts = Fonts::bundled();
    let conf = demo();
    let mut opts = options(FormatProfile::Hd36);
    opts.texts.insert(
        DocumentFieldKey::Invitation,
        "Ban Tuyên giáo Thành uỷ Hà Nội xin trân trọng kính mời:".into(),
    );
    let generic = all_text(&build(DocumentKind::GiayMoi, &conf, &opts, &fonts).layout(&fonts));
    assert!(!generic.contains("xin trân trọng kính mời:"), "{generic}");
    assert!(generic.contains("trân trọng kính mời các đồng chí tới dự"));
    opts.invitation = InvitationForm::PerPerson;
    let one = all_text(&build(DocumentKind::GiayMoi, &conf, &opts, &fonts).layout(&fonts));
    assert!(
        one.contains("xin trân trọng kính mời:") && one.contains("đồng chí Nguyễn Thị Hồng Vân"),
        "the per-person form keeps its edit: {one}"
    );
}

/// Each line of a page, top to bottom: its text, its first run's face, its
/// baseline and the x of its centre.
fn lines_of(page: &hoinghi_vanban::layout::LaidPage) -> Vec<(String, FaceKind, f32, f32)> {
    let mut runs: Vec<TextRun> = page.runs().cloned().collect();
    runs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
    // (baseline, text, face, left, right)
    let mut lines: Vec<(f32, String, FaceKind, f32, f32)> = Vec::new();
    for r in runs {
        match lines.last_mut() {
            Some(l) if (l.0 - r.baseline).abs() < 0.5 && (r.x - l.4).abs() < 60.0 => {
                l.1.push_str(&r.text());
                l.4 = r.x + r.width;
            }
            _ => lines.push((r.baseline, r.text(), r.face, r.x, r.x + r.width)),
        }
    }
    lines
        .into_iter()
        .map(|(b, t, f, l, r)| {
            (
                t.replace('\u{a0}', " ").trim().to_string(),
                f,
                b,
                (l + r) / 2.0,
            )
        })
        .collect()
}

#[test]
fn no_title_line_ends_inside_a_listed_compound() {
    let compounds: Vec<String> = include_str!("../../../assets/text/compounds.txt")
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(hoinghi_core::fold)
        .collect();
    let fonts = Fonts::bundled();
    let conf = demo();
    let mut titles = 0;
    for &profile in FormatProfile::ALL {
        for &kind in DocumentKind::ALL {
            let laid = build(kind, &conf, &options(profile), &fonts).layout(&fonts);
            let lines = lines_of(&laid.pages[0]);
            let middle = laid.spec.margin_left + laid.spec.content_width() / 2.0;
            for pair in lines.windows(2) {
                let ((a, fa, ba, ca), (b, fb, bb, cb)) = (&pair[0], &pair[1]);
                // Two bold lines, centred, one line apart: a title over two lines.
                let centred = |c: f32| (c - middle).abs() < 2.0;
                if *fa != FaceKind::Bold
                    || *fb != FaceKind::Bold
                    || bb - ba > 25.0
                    || !centred(*ca)
                    || !centred(*cb)
                {
                    continue;
                }
                titles += 1;
                let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string();
                let last = word(a.split_whitespace().last().unwrap_or(""));
                let next = word(b.split_whitespace().next().unwrap_or(""));
                let joined = format!(" {} ", hoinghi_core::fold(&format!("{last} {next}")));
                assert!(
                    !compounds.iter().any(|c| format!(" {c} ").contains(&joined)),
                    "{kind:?} {profile:?}: {a:?} / {b:?} breaks inside a compound"
                );
                assert!(
                    next.is_empty() || !next.chars().all(|c| c.is_ascii_digit()),
                    "{kind:?} {profile:?}: a number starts a title line: {b:?}"
                );
            }
        }
    }
    assert!(titles > 6, "two-line titles were checked: {titles}");
}

#[test]
fn a_justified_paragraph_does_not_end_with_a_stub_line() {
    let fonts = Fonts::bundled();
    let conf = demo();
    let mut opts = options(FormatProfile::Hd05);
    opts.issued_on = NaiveDate::from_ymd_opt(2026, 6, 10);
    let laid = build(DocumentKind::ThongBao, &conf, &opts, &fonts).layout(&fonts);
    let lines: Vec<String> = laid.pages.iter().flat_map(lines_of).map(|l| l.0).collect();
    let closing = lines
        .iter()
        .position(|t| t.starts_with("Ban Tuyên giáo Thành uỷ Hà Nội thông báo"))
        .expect("the closing sentence");
    let last = &lines[closing + 1];
    assert!(
        last.split_whitespace().count() > 2,
        "the closing sentence's last line is not a stub: {:?} / {last:?}",
        lines[closing]
    );
}

#[test]
fn the_notice_states_conclusions_and_names_each_unit_once() {
    let (_, laid) = document(DocumentKind::ThongBao, FormatProfile::Hd36);
    let all = all_text(&laid);
    assert!(
        !all.contains("Phát biểu kết luận Hội nghị, đồng chí"),
        "section I states the conclusions, not the minutes' narrative"
    );
    assert!(all.contains("Hệ thống tuyên giáo Thủ đô đã cơ bản thực hiện tốt"));
    let lines: Vec<String> = laid.pages.iter().flat_map(lines_of).map(|l| l.0).collect();
    let recipients = lines.join("\n");
    assert_eq!(
        recipients.matches("- Ban Tuyên giáo các quận uỷ").count(),
        1,
        "one addressee, in its longer form: {recipients}"
    );
}

#[test]
fn an_issued_number_is_printed_by_every_later_export_and_in_the_register() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let entry = db
        .issue_document_number(&id, DocumentKind::GiayMoi, Some(45), "2022-09-29")
        .unwrap();
    assert_eq!(entry.symbol, "45-GM/BTGTU");
    let text = |kind, request: &DocumentOptions| {
        let pdf = hoinghi_vanban::docs::export(&db, &id, kind, request).unwrap();
        lopdf::Document::load_mem(&pdf)
            .unwrap()
            .extract_text(&[1])
            .unwrap()
    };
    let invitation = text(DocumentKind::GiayMoi, &request(FormatProfile::Hd36));
    assert!(invitation.contains("Số 45-GM/BTGTU"), "{invitation}");
    let list = text(DocumentKind::DanhSach, &request(FormatProfile::Hd36));
    assert!(
        list.contains("Kèm theo Giấy mời số 45-GM/BTGTU"),
        "the list names it: {list}"
    );
    let chosen = DocumentOptions {
        number: Some(46),
        ..request(FormatProfile::Hd36)
    };
    assert!(
        text(DocumentKind::GiayMoi, &chosen).contains("Số 46-GM/BTGTU"),
        "a number chosen for one export wins"
    );

    let created = NaiveDate::from_ymd_opt(2026, 12, 2)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    let body = db.issuing_body(&id).unwrap().id;
    let register = hoinghi_vanban::docs::so_van_ban::register_pdf(&db, &body, created).unwrap();
    let register = lopdf::Document::load_mem(&register)
        .unwrap()
        .extract_text(&[1])
        .unwrap();
    for t in [
        "SỔ ĐĂNG KÝ VĂN BẢN ĐI",
        "45-GM/BTGTU",
        "29/09/2022",
        "Bùi Huyền Mai",
        "Loại GM",
    ] {
        assert!(register.contains(t), "{t}: {register}");
    }
}

#[test]
fn no_justified_line_holds_one_word_that_could_share_a_line() {
    // "Người ghi biên bản: đồng chí …" once came out as "Người" alone over the rest.
    let fonts = Fonts::bundled();
    let conf = demo();
    for &profile in FormatProfile::ALL {
        for kind in [
            DocumentKind::BienBan,
            DocumentKind::ThongBao,
            DocumentKind::GiayMoi,
        ] {
            let laid = build(kind, &conf, &options(profile), &fonts).layout(&fonts);
            let lines: Vec<String> = laid.pages.iter().flat_map(lines_of).map(|l| l.0).collect();
            for pair in lines.windows(2) {
                let (line, next) = (&pair[0], &pair[1]);
                assert!(
                    !(line == "Người" && next.starts_with("ghi biên bản")),
                    "{kind:?} {profile:?}: {line:?} alone over {next:?}"
                );
            }
        }
    }
}

#[test]
fn a_numbered_document_keeps_its_body_while_drafts_follow_the_edited_one() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    db.issue_document_number(&id, DocumentKind::GiayMoi, Some(45), "2022-09-29")
        .unwrap();
    let body = db.issuing_body(&id).unwrap();
    // The ban is renamed in 2025 and given a new head; its header is typed as issued.
    db.save_organisation(&hoinghi_core::model::Organisation {
        name: "BAN TUYÊN GIÁO VÀ DÂN VẬN".into(),
        header_lines: "THÀNH UỶ HÀ NỘI\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*".into(),
        signer_name: "Nguyễn Thị Hoa".into(),
        ..db.organisation(&body.id).unwrap()
    })
    .unwrap();
    let text = |kind| {
        let request = DocumentOptions {
            profile: None,
            ..request(FormatProfile::Hd36)
        };
        let pdf = hoinghi_vanban::docs::export(&db, &id, kind, &request).unwrap();
        lopdf::Document::load_mem(&pdf)
            .unwrap()
            .extract_text(&[1])
            .unwrap()
    };
    let invitation = text(DocumentKind::GiayMoi);
    assert!(
        invitation.contains("BAN TUYÊN GIÁO *") && invitation.contains("Bùi Huyền Mai"),
        "the giấy mời signed in 2022 is unchanged: {invitation}"
    );
    assert!(!invitation.contains("DÂN VẬN"), "{invitation}");
    let list = text(DocumentKind::DanhSach);
    assert!(
        !list.contains("DÂN VẬN"),
        "the list sent with it follows the giấy mời: {list}"
    );
    let programme = text(DocumentKind::ChuongTrinh);
    assert!(
        programme.contains("BAN TUYÊN GIÁO VÀ DÂN VẬN"),
        "an unnumbered draft follows the body as it is now: {programme}"
    );
    let signer = |kind| {
        Snapshot::take(&db, &id, kind, &request(FormatProfile::Hd36))
            .unwrap()
            .fields()
            .into_iter()
            .find(|f| f.key == DocumentFieldKey::SignerName)
            .unwrap()
            .text
    };
    assert_eq!(signer(DocumentKind::ThongBao), "Nguyễn Thị Hoa");
    assert_eq!(signer(DocumentKind::GiayMoi), "Bùi Huyền Mai");
    assert_eq!(
        programme.matches(" * ").count(),
        1,
        "the typed \"*\" is printed once: {programme}"
    );
}

#[test]
fn a_date_chosen_without_a_number_is_kept_until_the_number_is_given() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let blank = DocumentOptions {
        profile: None,
        ..request(FormatProfile::Hd36)
    };
    let format = |db: &Db, kind| {
        hoinghi_vanban::docs::document_format(db, &id, kind, &blank)
            .unwrap()
            .issued_on
    };
    assert_eq!(
        format(&db, DocumentKind::GiayMoi),
        "2022-09-29",
        "the usual date"
    );
    assert_eq!(
        db.set_document_text(
            &id,
            DocumentKind::GiayMoi,
            DocumentFieldKey::IssuedOn,
            "30/09/2022"
        )
        .unwrap_err()
        .kind()
        .as_str(),
        "invalid"
    );
    db.set_document_text(
        &id,
        DocumentKind::GiayMoi,
        DocumentFieldKey::IssuedOn,
        "2022-09-28",
    )
    .unwrap();
    assert_eq!(format(&db, DocumentKind::GiayMoi), "2022-09-28");
    assert_eq!(
        format(&db, DocumentKind::DanhSach),
        "2022-09-28",
        "the list sent with the giấy mời has its date"
    );
    let pdf = hoinghi_vanban::docs::export(&db, &id, DocumentKind::GiayMoi, &blank).unwrap();
    let text = lopdf::Document::load_mem(&pdf)
        .unwrap()
        .extract_text(&[1])
        .unwrap();
    assert!(text.contains("ngày 28 tháng 9 năm 2022"), "{text}");
    db.issue_document_number(&id, DocumentKind::GiayMoi, Some(45), "2022-09-29")
        .unwrap();
    assert_eq!(
        format(&db, DocumentKind::GiayMoi),
        "2022-09-29",
        "the register wins"
    );
}

#[test]
fn a_state_body_s_reports_go_to_the_superior_it_names() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let body = db.issuing_body(&id).unwrap();
    db.save_organisation(&hoinghi_core::model::Organisation {
        kind: hoinghi_core::model::OrganisationKind::State,
        superior: "- UBND Thành phố (để báo cáo);".into(),
        ..db.organisation(&body.id).unwrap()
    })
    .unwrap();
    assert_eq!(db.issuing_body(&id).unwrap().superior, "UBND Thành phố");
    for kind in [DocumentKind::ThongBao, DocumentKind::BaoCao] {
        let recipients = Snapshot::take(&db, &id, kind, &request(FormatProfile::Nd30))
            .unwrap()
            .fields()
            .into_iter()
            .find(|f| f.key == DocumentFieldKey::Recipients)
            .unwrap()
            .text;
        assert!(
            recipients.starts_with("- UBND Thành phố (để báo cáo);\n"),
            "{kind:?}: {recipients}"
        );
    }
}

#[test]
fn a_character_the_font_lacks_is_named_once_with_where_it_was_typed() {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let mut snapshot = Snapshot::take(
        &db,
        &id,
        DocumentKind::DanhSach,
        &request(FormatProfile::Hd36),
    )
    .unwrap();
    // Text from before the store's character check (an old file, a system font).
    for p in snapshot.conf.participants.iter_mut().skip(5).take(3) {
        p.person.full_name.push_str(" \u{2603}");
    }
    let who = snapshot.conf.participants[5].person.full_name.clone();
    let err = snapshot.render().unwrap_err();
    let message = err.to_string();
    assert_eq!(message.matches("U+2603").count(), 1, "once: {message}");
    assert!(message.contains("Đại biểu – họ và tên"), "{message}");
    assert!(message.contains(&who), "the text around it: {message}");
    assert!(message.contains("trang 1"), "{message}");
}

/// The demo, its body giving an address and phone.
fn demo_with_contact() -> (Db, String) {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let body = db.issuing_body(&id).unwrap();
    db.save_organisation(&hoinghi_core::model::Organisation {
        contact: "Số 2 Lê Lai, Hoàn Kiếm, Hà Nội; ĐT: 024 3825 3594".into(),
        ..db.organisation(&body.id).unwrap()
    })
    .unwrap();
    (db, id)
}

#[test]
fn hd05_ends_with_the_drafter_mark_and_the_contact_block_on_the_last_page() {
    let (mut db, id) = demo_with_contact();
    db.set_document_text(
        &id,
        DocumentKind::ThongBao,
        DocumentFieldKey::Drafter,
        "NguyenVanAn-26",
    )
    .unwrap();
    let fonts = Fonts::bundled();
    for profile in [FormatProfile::Hd05, FormatProfile::Hd36] {
        let snapshot = Snapshot::take(&db, &id, DocumentKind::ThongBao, &request(profile)).unwrap();
        let doc = build(
            DocumentKind::ThongBao,
            &snapshot.conf,
            &snapshot.opts,
            &fonts,
        );
        let laid = doc.layout(&fonts);
        let last: Vec<(String, f32, f32)> = laid
            .pages
            .last()
            .unwrap()
            .runs()
            .map(|r| (r.text(), r.size, r.baseline))
            .collect();
        let drafter = last.iter().find(|r| r.0 == "NguyenVanAn-26");
        let lưu = last.iter().find(|r| r.0.starts_with("- Lưu"));
        assert!(
            drafter.is_some_and(|d| lưu.is_some_and(|l| d.2 > l.2)),
            "{profile:?}: the drafter's mark ends Nơi nhận: {last:?}"
        );
        let contact = last.iter().find(|r| r.0.starts_with("Số 2 Lê Lai"));
        if profile == FormatProfile::Hd05 {
            let contact = contact.expect("HD05 prints the contact block");
            assert_eq!(contact.1, 10.0);
            assert!(
                last.iter()
                    .filter(|r| r.0 != DEMO_MARK)
                    .all(|r| r.2 <= contact.2),
                "it is the last thing on the last page"
            );
        } else {
            assert!(contact.is_none(), "only HD05 has it at the end");
        }
    }
}

#[test]
fn nd30_and_hd36_set_the_contact_block_at_the_foot_of_page_1() {
    let (db, id) = demo_with_contact();
    let fonts = Fonts::bundled();
    for (profile, size) in [(FormatProfile::Nd30, 11.0), (FormatProfile::Hd36, 10.0)] {
        for kind in [
            DocumentKind::GiayMoi,
            DocumentKind::ThongBao,
            DocumentKind::BaoCao,
        ] {
            let snapshot = Snapshot::take(&db, &id, kind, &request(profile)).unwrap();
            let laid = build(kind, &snapshot.conf, &snapshot.opts, &fonts).layout(&fonts);
            let spec = laid.spec;
            let foot = spec.height - spec.margin_bottom;
            let first: Vec<(String, f32, f32)> = laid.pages[0]
                .runs()
                .map(|r| (r.text(), r.size, r.baseline))
                .collect();
            let contact = first
                .iter()
                .find(|r| r.0.starts_with("Số 2 Lê Lai"))
                .unwrap_or_else(|| panic!("{profile:?} {kind:?}: on page 1: {first:?}"));
            assert_eq!(contact.1, size, "{profile:?}");
            assert!(
                contact.2 <= foot && contact.2 > foot - 2.0 * size,
                "{profile:?} {kind:?}: at the foot of the text area ({} of {foot})",
                contact.2
            );
            assert!(
                first
                    .iter()
                    .filter(|r| r.0 != DEMO_MARK && !r.0.starts_with("Số 2 Lê Lai"))
                    .all(|r| r.2 < contact.2 - 18.0),
                "{profile:?} {kind:?}: the text stops above its rule"
            );
            let rule = laid.pages[0]
                .items
                .iter()
                .filter_map(|i| match i {
                    hoinghi_vanban::layout::Item::Line(l) => Some(l),
                    _ => None,
                })
                .find(|l| (l.y1 - (contact.2 - size)).abs() < 8.0)
                .expect("a rule above the contact details");
            assert!(
                (rule.x2 - rule.x1 - spec.content_width()).abs() < 0.5,
                "across the text area"
            );
            assert!(
                laid.pages[1..]
                    .iter()
                    .flat_map(|p| p.runs())
                    .all(|r| !r.text().starts_with("Số 2 Lê Lai")),
                "{profile:?} {kind:?}: page 1 only"
            );
        }
    }
}

#[test]
fn a_party_trich_yeu_that_says_what_the_document_does_starts_in_lower_case() {
    for (kind, phrase) in [
        (DocumentKind::GiayMoi, "dự Hội nghị giao ban"),
        (DocumentKind::BaoCao, "kết quả Hội nghị giao ban"),
        (DocumentKind::ThongBao, "kết luận của đồng chí"),
    ] {
        for profile in [
            FormatProfile::Hd36,
            FormatProfile::Hd05,
            FormatProfile::Nd30,
        ] {
            let (_, laid) = document(kind, profile);
            let first = laid.pages[0]
                .runs()
                .map(TextRun::text)
                .collect::<Vec<_>>()
                .join(" ");
            let expected = if profile == FormatProfile::Nd30 {
                let mut c = phrase.chars();
                c.next()
                    .unwrap()
                    .to_uppercase()
                    .chain(c)
                    .collect::<String>()
            } else {
                phrase.to_string()
            };
            assert!(
                first.contains(&expected),
                "{kind:?} {profile:?}: {expected} in {first}"
            );
        }
    }
}
