mod common;

use common::meeting;
use hoinghi_core::model::{ImportAction, ImportChoices, ImportField, ImportFix};
use hoinghi_core::Db;
use hoinghi_import::{apply, export_list, field_of, preview, read, read_with, ImportError, Source};
use rust_xlsxwriter::{Format, Workbook};

const NAMES: [&str; 5] = [
    "Nguyễn Văn An",
    "Trần Thị Bình",
    "Lê Hoàng Cường",
    "Phạm Thị Dung",
    "Đặng Quốc Việt",
];

fn fixture(name: &str) -> Source {
    let path = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    read(&std::fs::read(&path).unwrap(), name).unwrap()
}

fn names(db: &Db, meeting: &str) -> Vec<String> {
    db.participants(meeting)
        .unwrap()
        .into_iter()
        .map(|p| p.person.full_name)
        .collect()
}

#[test]
fn every_file_kind_and_encoding_gives_the_same_five_people() {
    for (file, format, encoding) in [
        ("utf8.csv", "csv", "UTF-8"),
        ("utf8-bom.csv", "csv", "UTF-8 (có BOM)"),
        ("utf16le.csv", "csv", "UTF-16 LE"),
        ("utf16be.csv", "csv", "UTF-16 BE"),
        ("nfd.csv", "csv", "UTF-8"),
        ("cp1258.csv", "csv", "Windows-1258"),
        ("tcvn3.csv", "csv", "TCVN3 (ABC, .VnTime)"),
        ("vni.csv", "csv", "VNI (VNI-Times)"),
        ("list.xls", "xls", ""),
        ("list.ods", "ods", ""),
    ] {
        let mut db = Db::open_in_memory().unwrap();
        let m = meeting(&mut db);
        let source = fixture(file);
        let plan = preview(&db, Some(&m), &source, &ImportChoices::default())
            .unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(
            (plan.format.as_str(), plan.encoding.as_str()),
            (format, encoding),
            "{file}"
        );
        assert!(plan.problems.is_empty(), "{file}: {:?}", plan.problems);
        let got: Vec<&str> = plan
            .rows
            .iter()
            .map(|r| r.person.full_name.as_str())
            .collect();
        assert_eq!(got, NAMES, "{file}");
        let first = &plan.rows[0].person;
        assert_eq!(
            (
                first.position_title.as_str(),
                first.unit.as_str(),
                first.phone.as_str()
            ),
            ("Bí thư", "Quận uỷ Ba Đình", "0912345678"),
            "{file}"
        );
        let (_, outcome) = apply(&mut db, Some(&m), &source, &ImportChoices::default()).unwrap();
        assert_eq!(outcome.added, 5, "{file}");
        let mut stored = names(&db, &m);
        stored.sort();
        let mut expected = NAMES.map(String::from).to_vec();
        expected.sort();
        assert_eq!(stored, expected, "{file}");
    }
}

#[test]
fn legacy_columns_show_what_they_were_converted_from() {
    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    let plan = preview(
        &db,
        Some(&m),
        &fixture("tcvn3.csv"),
        &ImportChoices::default(),
    )
    .unwrap();
    let name = plan
        .columns
        .iter()
        .find(|c| c.field == ImportField::FullName)
        .unwrap();
    assert_eq!(name.converted_from, "TCVN3 (ABC, .VnTime)");
    assert_eq!(
        name.examples[0],
        ("NguyÔn V¨n An".to_string(), "Nguyễn Văn An".to_string())
    );
    assert_eq!(plan.header_row, 1);
    // The first rows and headers are shown as they read once converted.
    assert_eq!(name.header, "Họ và tên");
    assert_eq!(plan.first_rows[1][1], "Nguyễn Văn An");
}

/// A list as units send them: a title, the headers on row 4, names typed
/// with ".VnTime" in some rows, a split name in the .xls.
#[test]
fn headers_below_a_title_and_vntime_cells_in_an_xlsx_are_understood() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("DS dai bieu").unwrap();
    let bold = Format::new().set_bold();
    sheet
        .merge_range(0, 0, 0, 4, "DANH SÁCH ĐẠI BIỂU", &bold)
        .unwrap();
    sheet
        .write_string(1, 0, "(Kèm theo Giấy mời số 12-GM/BTGTU)")
        .unwrap();
    for (c, h) in ["TT", "Hä vµ tªn", "Chøc vô", "C¬ quan", "Ghi chó"]
        .iter()
        .enumerate()
    {
        sheet.write_string(3, c as u16, *h).unwrap();
    }
    let rows = [
        ("1", "NguyÔn V¨n An", "BÝ th\u{AD}", "QuËn uû Ba §×nh"),
        (
            "2",
            "TrÇn ThÞ B×nh",
            "Ch¸nh V¨n phßng",
            "V¨n phßng Thµnh uû",
        ),
        ("3", "Lª ThÞ ¸nh", "Chuyªn viªn", "Së Tµi chÝnh"),
    ];
    for (r, (n, name, title, unit)) in rows.iter().enumerate() {
        let r = 4 + r as u32;
        sheet.write_number(r, 0, n.parse::<f64>().unwrap()).unwrap();
        sheet.write_string(r, 1, *name).unwrap();
        sheet.write_string(r, 2, *title).unwrap();
        sheet.write_string(r, 3, *unit).unwrap();
    }
    sheet.write_string(7, 0, "Tổng cộng: 3 đại biểu").unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    let source = read(&bytes, "ds.xlsx").unwrap();
    let plan = preview(&db, Some(&m), &source, &ImportChoices::default()).unwrap();
    assert_eq!(plan.format, "xlsx");
    assert_eq!(plan.header_row, 4);
    let fields: Vec<ImportField> = plan.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            ImportField::Ordinal,
            ImportField::FullName,
            ImportField::Title,
            ImportField::Unit,
            ImportField::Ignore
        ]
    );
    let people: Vec<(&str, &str, &str)> = plan
        .rows
        .iter()
        .map(|r| {
            (
                r.person.full_name.as_str(),
                r.person.position_title.as_str(),
                r.person.unit.as_str(),
            )
        })
        .collect();
    assert_eq!(
        people,
        [
            ("Nguyễn Văn An", "Bí thư", "Quận uỷ Ba Đình"),
            ("Trần Thị Bình", "Chánh Văn phòng", "Văn phòng Thành uỷ"),
            // ".VnTime" has no capital Á: the name gets it back.
            ("Lê Thị Ánh", "Chuyên viên", "Sở Tài chính"),
        ]
    );
}

#[test]
fn the_column_headers_offices_use_are_recognised() {
    for (header, field) in [
        ("STT", Some(ImportField::Ordinal)),
        ("Số TT", Some(ImportField::Ordinal)),
        ("Họ và tên", Some(ImportField::FullName)),
        ("HỌ VÀ TÊN", Some(ImportField::FullName)),
        ("Họ tên", Some(ImportField::FullName)),
        ("Họ, tên", Some(ImportField::FullName)),
        ("Hä vµ tªn", Some(ImportField::FullName)),
        ("Hoï vaø teân", Some(ImportField::FullName)),
        ("Họ", Some(ImportField::FamilyName)),
        ("Họ và đệm", Some(ImportField::FamilyName)),
        ("Tên", Some(ImportField::GivenName)),
        ("Chức vụ", Some(ImportField::Title)),
        ("Chức danh", Some(ImportField::Title)),
        ("Đơn vị", Some(ImportField::Unit)),
        ("Cơ quan", Some(ImportField::Unit)),
        ("Cơ quan, đơn vị", Some(ImportField::Unit)),
        ("Đơn vị công tác", Some(ImportField::Unit)),
        ("Mã", Some(ImportField::Code)),
        ("Mã đại biểu", Some(ImportField::Code)),
        ("SĐT", Some(ImportField::Phone)),
        ("Số điện thoại", Some(ImportField::Phone)),
        ("Điện thoại", Some(ImportField::Phone)),
        ("Email", Some(ImportField::Email)),
        ("E-mail", Some(ImportField::Email)),
        ("Thành phần", Some(ImportField::Section)),
        ("Ghi chú", Some(ImportField::Ignore)),
        ("Ký nhận", Some(ImportField::Ignore)),
        ("Ngày sinh", None),
    ] {
        assert_eq!(field_of(header), field, "{header}");
    }
}

#[test]
fn the_report_names_each_problem_with_its_row_and_skips_only_the_bad_rows() {
    let csv = "STT,Họ và tên,Chức vụ,Đơn vị,SĐT,Email\n\
               1,Nguyễn Văn An,Bí thư,Quận uỷ Ba Đình,0912345678,an@badinh.gov.vn\n\
               2,,Chuyên viên,Văn phòng,,\n\
               3,Nguyễn Văn An,Bí thư,Quận uỷ Ba Đình,,\n\
               4,Trần Thị Bình,Chánh Văn phòng,Văn phòng,12,binh.at.vp\n\
               5,Lê Văn Cường ☎,Trưởng phòng,Sở Tài chính,,\n";
    let long = format!("6,Phạm Văn Dũng,{},Sở Y tế,,\n", "Rất dài ".repeat(80));
    let source = read(format!("{csv}{long}").as_bytes(), "ds.csv").unwrap();
    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    let plan = preview(&db, Some(&m), &source, &ImportChoices::default()).unwrap();
    let report: Vec<(u32, &str, bool)> = plan
        .problems
        .iter()
        .map(|p| (p.row, p.message.as_str(), p.blocking))
        .collect();
    assert_eq!(report[0], (3, "Thiếu họ và tên.", true));
    assert_eq!(
        report[1],
        (4, "Trùng với dòng 2 (cùng họ tên và đơn vị).", true)
    );
    assert_eq!(report[2].0, 5);
    assert!(
        report[2].1.contains("binh.at.vp") && report[2].2,
        "{report:?}"
    );
    assert_eq!(report[3].0, 5);
    assert!(
        report[3].1.contains("\"12\"") && !report[3].2,
        "a phone is a warning: {report:?}"
    );
    assert_eq!(report[4].0, 6);
    assert!(report[4].1.contains("U+260E"), "{report:?}");
    assert_eq!(report[5].0, 7);
    assert!(report[5].1.contains("quá 500 ký tự"), "{report:?}");
    assert_eq!((plan.added, plan.skipped), (1, 5));

    let (_, outcome) = apply(&mut db, Some(&m), &source, &ImportChoices::default()).unwrap();
    assert_eq!((outcome.added, outcome.skipped), (1, 5));
    assert_eq!(names(&db, &m), ["Nguyễn Văn An"]);

    // The secretary may skip a good row too.
    let mut other = Db::open_in_memory().unwrap();
    let m2 = meeting(&mut other);
    let choices = ImportChoices {
        skip_rows: vec![2],
        ..ImportChoices::default()
    };
    let plan = preview(&other, Some(&m2), &source, &choices).unwrap();
    assert_eq!(plan.rows[0].action, ImportAction::Skip);
}

#[test]
fn a_cell_fixed_in_the_wizard_is_read_instead_of_the_file_s() {
    let csv = "STT,Họ và tên,Đơn vị,Email\n\
               1,Nguyễn Văn An,Sở Nội vụ,an@noivu\n\
               2,,Sở Y tế,\n\
               3,Lê Thị Cúc,Sở Y tế,\n";
    let source = read(csv.as_bytes(), "ds.csv").unwrap();
    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    let plan = preview(&db, Some(&m), &source, &ImportChoices::default()).unwrap();
    assert_eq!((plan.added, plan.skipped), (1, 2), "{:?}", plan.problems);

    let fix = |row, field, value: &str| ImportFix {
        row,
        field,
        value: value.into(),
    };
    let choices = ImportChoices {
        fixes: vec![
            fix(2, ImportField::Email, "an@noivu.gov"),
            fix(2, ImportField::Email, "an@noivu.gov.vn"),
            fix(3, ImportField::FullName, "  Trần   Văn Bảo "),
            // Not a person's detail: ignored.
            fix(4, ImportField::Ordinal, "9"),
        ],
        ..ImportChoices::default()
    };
    let plan = preview(&db, Some(&m), &source, &choices).unwrap();
    assert!(plan.problems.is_empty(), "{:?}", plan.problems);
    assert_eq!(plan.added, 3);
    assert_eq!(
        plan.rows[0].person.email, "an@noivu.gov.vn",
        "the last fix wins"
    );
    assert_eq!(plan.rows[1].person.full_name, "Trần Văn Bảo");
    apply(&mut db, Some(&m), &source, &choices).unwrap();
    assert_eq!(names(&db, &m).len(), 3);
}

#[test]
fn an_import_the_store_refuses_leaves_the_list_as_it_was() {
    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    apply(
        &mut db,
        Some(&m),
        &fixture("utf8.csv"),
        &ImportChoices::default(),
    )
    .unwrap();
    let before = db.participants(&m).unwrap();
    // The meeting is closed in between: nothing of the second file is written.
    db.close_meeting(&m).unwrap();
    let more = "Họ và tên,Đơn vị\nHoàng Văn Em,Sở Nội vụ\nVũ Thị Phương,Sở Xây dựng\n";
    let err = apply(
        &mut db,
        Some(&m),
        &read(more.as_bytes(), "them.csv").unwrap(),
        &ImportChoices::default(),
    )
    .unwrap_err();
    assert!(matches!(err, ImportError::Core(_)), "{err}");
    assert_eq!(db.participants(&m).unwrap(), before);
}

#[test]
fn importing_again_updates_people_already_listed_and_says_what_changed() {
    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    apply(
        &mut db,
        Some(&m),
        &fixture("utf8.csv"),
        &ImportChoices::default(),
    )
    .unwrap();
    let again = "STT,Họ và tên,Chức vụ,Đơn vị,SĐT,Email\n\
                 1,Nguyễn Văn An,Bí thư Quận uỷ,Quận uỷ Ba Đình,0912345678,an@badinh.gov.vn\n\
                 2,Trần Thị Bình,Chánh Văn phòng,Văn phòng Thành uỷ,0987654321,\n\
                 3,Hoàng Văn Em,Chuyên viên,Sở Nội vụ,,\n";
    let source = read(again.as_bytes(), "lan2.csv").unwrap();
    let plan = preview(&db, Some(&m), &source, &ImportChoices::default()).unwrap();
    let actions: Vec<ImportAction> = plan.rows.iter().map(|r| r.action).collect();
    assert_eq!(
        actions,
        [
            ImportAction::Update,
            ImportAction::Unchanged,
            ImportAction::Add
        ]
    );
    assert_eq!(plan.rows[0].changes, ["Chức vụ: Bí thư → Bí thư Quận uỷ"]);
    let (_, outcome) = apply(&mut db, Some(&m), &source, &ImportChoices::default()).unwrap();
    assert_eq!(
        (outcome.added, outcome.updated, outcome.unchanged),
        (1, 1, 1)
    );
    assert_eq!(
        db.participants(&m).unwrap().len(),
        6,
        "nobody is listed twice"
    );
}

#[test]
fn a_list_goes_into_the_person_directory_without_a_meeting() {
    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    let (_, first) = apply(
        &mut db,
        None,
        &fixture("utf8.csv"),
        &ImportChoices::default(),
    )
    .unwrap();
    assert_eq!(first.added, 5);
    assert!(
        db.participants(&m).unwrap().is_empty(),
        "nobody is invited to any meeting"
    );
    assert_eq!(db.list_people("").unwrap().len(), 5);

    // Again, changed: the directory's people are matched and updated, not doubled.
    let again = "Họ và tên,Chức vụ,Đơn vị\n\
                 Nguyễn Văn An,Bí thư Quận uỷ,Quận uỷ Ba Đình\n\
                 Hoàng Văn Em,Chuyên viên,Sở Nội vụ\n";
    let source = read(again.as_bytes(), "danh-ba.csv").unwrap();
    let plan = preview(&db, None, &source, &ImportChoices::default()).unwrap();
    assert_eq!(
        plan.rows.iter().map(|r| r.action).collect::<Vec<_>>(),
        [ImportAction::Update, ImportAction::Add]
    );
    let (_, outcome) = apply(&mut db, None, &source, &ImportChoices::default()).unwrap();
    assert_eq!((outcome.added, outcome.updated), (1, 1));
    let people = db.list_people("").unwrap();
    assert_eq!(people.len(), 6, "nobody is in the directory twice");
    assert!(people
        .iter()
        .any(|p| p.full_name == "Nguyễn Văn An" && p.position_title == "Bí thư Quận uỷ"));

    // Invited later from the directory, they are the same people.
    let an = people
        .iter()
        .find(|p| p.full_name == "Nguyễn Văn An")
        .unwrap();
    db.invite_people(&m, std::slice::from_ref(&an.id)).unwrap();
    assert_eq!(db.participants(&m).unwrap()[0].person.id, an.id);
}

#[test]
fn an_exported_list_imports_back_unchanged() {
    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    apply(
        &mut db,
        Some(&m),
        &fixture("list.xls"),
        &ImportChoices::default(),
    )
    .unwrap();
    let before = db.participants(&m).unwrap();
    let bytes = export_list(&db, &m).unwrap();
    let source = read(&bytes, "danh-sach.xlsx").unwrap();
    let plan = preview(&db, Some(&m), &source, &ImportChoices::default()).unwrap();
    assert_eq!(plan.header_row, 3);
    assert_eq!(
        (plan.added, plan.updated, plan.unchanged, plan.skipped),
        (0, 0, 5, 0),
        "{:?}",
        plan.rows
    );
    apply(&mut db, Some(&m), &source, &ImportChoices::default()).unwrap();
    assert_eq!(db.participants(&m).unwrap(), before);
}

#[test]
fn files_that_are_not_lists_get_a_clear_message() {
    let message = |bytes: &[u8]| read(bytes, "x").unwrap_err().to_string();
    assert!(message(b"").contains("rỗng"));
    assert!(message(&[0u8, 1, 2, 3, 0, 0, 9, 200, 0]).contains("không phải bảng tính"));
    let mut zip = b"PK\x03\x04".to_vec();
    zip.extend_from_slice(&[7; 100]);
    assert!(message(&zip).contains("bị hỏng"), "{}", message(&zip));
    let mut encrypted = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1".to_vec();
    encrypted.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    assert!(message(&encrypted).contains("mật khẩu"));
    let huge = vec![b'a'; hoinghi_import::read::MAX_BYTES + 1];
    assert!(message(&huge).contains("quá lớn"));
    // A truncated spreadsheet.
    let full = export_list_of_demo();
    assert!(message(&full[..full.len() / 2]).contains("bị hỏng"));
    // A sheet with no name column: the preview says so and shows the
    // columns to map; importing it is refused.
    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    let numbers = read(b"a,b\n1,2\n", "so.csv").unwrap();
    let plan = preview(&db, Some(&m), &numbers, &ImportChoices::default()).unwrap();
    assert!(plan.rows.is_empty());
    assert_eq!(plan.first_rows, [vec!["a", "b"], vec!["1", "2"]]);
    assert!(
        plan.problems[0].message.contains("Họ và tên"),
        "{:?}",
        plan.problems
    );
    let err = apply(&mut db, Some(&m), &numbers, &ImportChoices::default()).unwrap_err();
    assert!(err.to_string().contains("Họ và tên"), "{err}");
    // Mapped by hand, it reads.
    let choices = ImportChoices {
        header_row: Some(0),
        fields: Some(vec![ImportField::FullName, ImportField::Unit]),
        ..ImportChoices::default()
    };
    let plan = preview(&db, Some(&m), &numbers, &choices).unwrap();
    assert_eq!(plan.added, 2);
}

fn export_list_of_demo() -> Vec<u8> {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    export_list(&db, &id).unwrap()
}

/// Cells as Excel shows them: a formula by its value, a date as dd/mm/yyyy,
/// a phone number stored as a number with its leading zero back.
#[test]
fn formulas_dates_and_numbers_read_as_the_spreadsheet_shows_them() {
    use rust_xlsxwriter::{ExcelDateTime, Formula};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["STT", "Họ và tên", "Ngày sinh", "SĐT", "Đơn vị"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    sheet
        .write_formula(1, 0, Formula::new("=ROW()-1").set_result("1"))
        .unwrap();
    sheet.write_string(1, 1, "Nguyễn Văn An").unwrap();
    sheet
        .write_datetime_with_format(1, 2, ExcelDateTime::from_ymd(1980, 3, 15).unwrap(), &date)
        .unwrap();
    sheet.write_number(1, 3, 912_345_678.0).unwrap();
    sheet
        .write_formula(
            1,
            4,
            Formula::new("=CONCATENATE(\"Sở \",\"Tài chính\")").set_result("Sở Tài chính"),
        )
        .unwrap();
    let bytes = book.save_to_buffer().unwrap();

    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    let plan = preview(
        &db,
        Some(&m),
        &read(&bytes, "ds.xlsx").unwrap(),
        &ImportChoices::default(),
    )
    .unwrap();
    assert_eq!(
        plan.first_rows[1],
        [
            "1",
            "Nguyễn Văn An",
            "15/03/1980",
            "912345678",
            "Sở Tài chính"
        ]
    );
    let person = &plan.rows[0].person;
    assert_eq!(
        (
            person.full_name.as_str(),
            person.phone.as_str(),
            person.unit.as_str()
        ),
        ("Nguyễn Văn An", "0912345678", "Sở Tài chính")
    );
}

/// A long workbook says how far its reading has got, and stops when told.
#[test]
fn a_long_workbook_reports_its_reading_and_can_be_stopped() {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Họ và tên").unwrap();
    sheet.write_string(0, 1, "Đơn vị").unwrap();
    for r in 1..=20_000_u32 {
        sheet.write_string(r, 0, format!("Người {r}")).unwrap();
        sheet.write_string(r, 1, "Sở Nội vụ").unwrap();
    }
    let bytes = book.save_to_buffer().unwrap();

    let shares = std::cell::RefCell::new(Vec::new());
    let source = read_with(&bytes, "ds.xlsx", &|share| {
        shares.borrow_mut().push(share);
        true
    })
    .unwrap();
    assert_eq!(source, read(&bytes, "ds.xlsx").unwrap(), "the same sheets");
    let shares = shares.into_inner();
    assert!(shares.len() > 5, "several steps: {shares:?}");
    assert!(shares.windows(2).all(|w| w[0] <= w[1]), "{shares:?}");
    assert_eq!((shares[0], *shares.last().unwrap()), (0.0, 1.0));

    let err = read_with(&bytes, "ds.xlsx", &|share| share < 0.3).unwrap_err();
    assert!(matches!(err, ImportError::Cancelled), "{err}");
}

/// 100,000 rows are read and checked without trouble (the time is in the
/// benchmark; this only says it works).
#[test]
fn a_hundred_thousand_rows_are_read_and_checked() {
    let mut csv = String::from("STT;Họ và tên;Đơn vị\n");
    for i in 1..=100_000 {
        csv.push_str(&format!("{i};Nguyễn Văn Người {i};Phòng {}\n", i % 50));
    }
    let mut db = Db::open_in_memory().unwrap();
    let m = meeting(&mut db);
    let plan = preview(
        &db,
        Some(&m),
        &read(csv.as_bytes(), "lon.csv").unwrap(),
        &ImportChoices::default(),
    )
    .unwrap();
    assert_eq!((plan.added, plan.skipped), (100_000, 0));
    assert!(plan.problems.is_empty());
}
