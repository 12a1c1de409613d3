//! The six documents built from the demo conference, in both profiles: what
//! they say, in which face and size, where, and what the written PDF contains.

use chrono::NaiveDate;
use hoinghi_core::model::{DocumentFieldKey, DocumentKind, DocumentOptions, FormatProfile};
use hoinghi_core::Db;
use hoinghi_vanban::docs::{build, Conference, Document, Options, Snapshot};
use hoinghi_vanban::font::{FaceKind, Fonts};
use hoinghi_vanban::layout::{Laid, TextRun};

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
        profile,
        number: None,
        issued_on: None,
        list_attendance: false,
        list_signatures: false,
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
        ("THÀNH UỶ HÀ NỘI", FaceKind::Regular, 13.0),
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
        ("- Lưu Văn phòng.", FaceKind::Regular, 12.0),
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
fn one_invitation_per_delegate_each_numbered_from_one() {
    let (_, laid) = document(DocumentKind::GiayMoi, FormatProfile::Nd30);
    let firsts = laid.pages.iter().filter(|p| p.number == 1).count();
    assert_eq!(
        firsts,
        demo().participants.len(),
        "one invitation per invited person"
    );
    let all = all_text(&laid);
    assert!(
        all.contains("đồng chí Lê Văn Dũng"),
        "the mail merge names each person"
    );
    assert!(all.contains("Tới dự:") && all.contains("Thời gian:") && all.contains("Địa điểm:"));
    assert!(all.contains("08 giờ 00, thứ Năm, ngày 06 tháng 10 năm 2022"));
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
    assert!(texts.iter().any(|t| t == "40"), "40 numbered rows");
}

#[test]
fn a_sign_in_sheet_is_landscape_with_attendance_and_signature_columns() {
    let fonts = Fonts::bundled();
    let mut opts = options(FormatProfile::Nd30);
    opts.list_attendance = true;
    opts.list_signatures = true;
    let laid = build(DocumentKind::DanhSach, &demo(), &opts, &fonts).layout(&fonts);
    assert!(laid.spec.width > laid.spec.height, "landscape");
    let texts: Vec<String> = runs(&laid).iter().map(TextRun::text).collect();
    assert!(texts.iter().any(|t| t == "Ký tên") && texts.iter().any(|t| t == "Điểm danh"));
    let all = all_text(&laid);
    assert!(all.contains("Vắng (Ốm"), "absence reasons are listed");
    assert!(
        all.contains("Đến muộn (08:20)"),
        "late arrivals with their time"
    );
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
        all.contains("có mặt 37/40") || all.contains("Có mặt 37/40"),
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
        for profile in [FormatProfile::Nd30, FormatProfile::Hd36] {
            let (_, laid) = document(kind, profile);
            let s = laid.spec;
            for (i, page) in laid.pages.iter().enumerate() {
                for r in page.runs() {
                    let page_number =
                        r.bottom() < s.margin_top && r.text() == page.number.to_string();
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
    for profile in [FormatProfile::Nd30, FormatProfile::Hd36] {
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
        assert!(
            text.contains("Ban Tuyên giáo Thành uỷ Hà Nội"),
            "Vietnamese text extracts intact"
        );

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
    use hoinghi_core::model::FormatSettings;
    let fonts = Fonts::bundled();
    let conf = demo();
    let format = FormatSettings {
        party_ending: ".".into(),
        party_invitation_abbreviation: "GMi".into(),
        table_font_size: 14,
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
        14.0,
        "tables use the chosen size"
    );

    let state = options(FormatProfile::Nd30).with_format(format);
    let notice = build(DocumentKind::ThongBao, &conf, &state, &fonts).layout(&fonts);
    assert!(
        all_text(&notice).contains("thực hiện./."),
        "state documents always end with ./."
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
    assert_eq!(files.len(), 40, "one file per invited person");
    assert_eq!(
        files[0].0, "giay-moi-001-bui-huyen-mai.pdf",
        "numbered and named without diacritics"
    );
    let text = lopdf::Document::load_mem(&files[1].1)
        .unwrap()
        .extract_text(&[1])
        .unwrap();
    assert!(
        text.contains("Nguyễn Văn Hùng"),
        "each file invites its own person: {text}"
    );
    assert!(!text.contains("Trần Thị Thu Hằng"), "and no one else");
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
    for profile in [FormatProfile::Nd30, FormatProfile::Hd36] {
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
    assert_eq!(written, db.participants(&id).unwrap().len());
}
