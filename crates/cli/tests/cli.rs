//! The command-line interface, run as a user would run it.

use std::process::Command;

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_hoinghi-cli"))
        .args(args)
        .output()
        .expect("the CLI runs")
}

/// Runs the CLI and requires success (showing its message if not); returns stdout.
fn succeed(args: &[&str]) -> String {
    let out = cli(args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A scratch folder with the demo conference in `demo.db`, and that file's path.
fn demo() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db").to_str().unwrap().to_string();
    succeed(&["demo", "--db", &db]);
    (dir, db)
}

#[test]
fn demo_then_export_every_document_in_every_profile() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    succeed(&["demo", "--db", db, "--extra-delegates", "10"]);

    for doc in [
        "giay-moi",
        "chuong-trinh",
        "danh-sach",
        "bien-ban",
        "thong-bao",
        "bao-cao",
    ] {
        for profile in ["nd30", "hd36", "hd05"] {
            let pdf = dir.path().join(format!("{doc}-{profile}.pdf"));
            succeed(&[
                "export",
                "--db",
                db,
                "--doc",
                doc,
                "--profile",
                profile,
                "-o",
                pdf.to_str().unwrap(),
            ]);
            let bytes = std::fs::read(&pdf).unwrap();
            assert!(bytes.starts_with(b"%PDF-"), "{doc} {profile} is a PDF");
        }
    }
}

/// Exports one document of the demo in `db` with `extra` options into `dir`,
/// and returns the text of its first page.
fn first_page(dir: &std::path::Path, db: &str, doc: &str, extra: &[&str]) -> String {
    let pdf = dir.join(format!("{doc}-{}.pdf", extra.join("_")));
    let mut args = vec!["export", "--db", db, "--doc", doc];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["-o", pdf.to_str().unwrap()]);
    succeed(&args);
    lopdf::Document::load(&pdf)
        .unwrap()
        .extract_text(&[1])
        .unwrap()
}

#[test]
fn without_a_profile_a_party_document_follows_its_date() {
    let (dir, db) = demo();
    let db = db.as_str();
    let export = |extra: &[&str]| first_page(dir.path(), db, "chuong-trinh", extra);
    let note = "TÀI LIỆU HỘI NGHỊ";
    assert!(!export(&[]).contains(note), "the 2022 demo stays HD36");
    assert!(
        export(&["--date", "2026-06-01"]).contains(note),
        "dated after 27/5/2026: HD05"
    );
    assert!(
        !export(&["--date", "2026-06-01", "--profile", "hd36"]).contains(note),
        "a chosen profile wins"
    );
    let out = cli(&[
        "export",
        "--db",
        db,
        "--doc",
        "bien-ban",
        "--date",
        "06/10/2022",
        "-o",
        "x.pdf",
    ]);
    assert!(!out.status.success(), "a date not in YYYY-MM-DD is refused");
}

#[test]
fn invitations_come_generic_or_one_per_invitee() {
    let (dir, db) = demo();
    let db = db.as_str();
    let export = |extra: &[&str]| first_page(dir.path(), db, "giay-moi", extra);
    let generic = export(&[]);
    assert!(
        generic.contains("Các đồng chí có tên trong danh sách kèm theo"),
        "{generic}"
    );
    let one = export(&["--invitation", "per-person"]);
    assert!(
        one.contains("Nguyễn Thị Hồng Vân") && !one.contains("danh sách kèm theo"),
        "{one}"
    );
    let out = cli(&[
        "export",
        "--db",
        db,
        "--doc",
        "giay-moi",
        "--invitation",
        "each",
        "-o",
        "x.pdf",
    ]);
    assert!(!out.status.success(), "an unknown form is refused");
}

#[test]
fn the_danh_sach_comes_in_three_forms() {
    let (dir, db) = demo();
    let db = db.as_str();
    let export = |extra: &[&str]| first_page(dir.path(), db, "danh-sach", extra);
    let sent = export(&["--number", "45"]);
    assert!(sent.contains("Kèm theo Giấy mời số 45-GM/BTGTU"), "{sent}");
    let door = export(&["--list", "sign-in"]);
    assert!(
        door.contains("Ký tên") && !door.contains("Có mặt"),
        "{door}"
    );
    let after = export(&["--list", "attendance"]);
    assert!(
        after.contains("Tổng số: 39 đại biểu; có mặt: 36"),
        "{after}"
    );
    assert!(!cli(&[
        "export",
        "--db",
        db,
        "--doc",
        "danh-sach",
        "--list",
        "x",
        "-o",
        "x.pdf"
    ])
    .status
    .success());
}

#[test]
fn a_number_given_is_printed_by_later_exports_and_in_the_register() {
    let (dir, db) = demo();
    let db = db.as_str();
    let out = succeed(&[
        "number",
        "--db",
        db,
        "--doc",
        "giay-moi",
        "--date",
        "2022-09-29",
    ]);
    assert!(out.contains("01-GM/BTGTU"), "{out}");
    let page = first_page(dir.path(), db, "giay-moi", &[]);
    assert!(page.contains("Số 01-GM/BTGTU"), "{page}");
    let refused = cli(&[
        "number",
        "--db",
        db,
        "--doc",
        "danh-sach",
        "--date",
        "2022-09-29",
    ]);
    assert!(!refused.status.success());
    let register = dir.path().join("so.pdf");
    succeed(&["register", "--db", db, "-o", register.to_str().unwrap()]);
    let text = lopdf::Document::load(&register)
        .unwrap()
        .extract_text(&[1])
        .unwrap();
    assert!(
        text.contains("01-GM/BTGTU") && text.contains("29/09/2022"),
        "{text}"
    );
}

#[test]
fn errors_exit_non_zero_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("missing.db");
    let out = cli(&[
        "export",
        "--db",
        missing.to_str().unwrap(),
        "--doc",
        "bien-ban",
        "--profile",
        "nd30",
        "-o",
        "x.pdf",
    ]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("không tìm thấy"),
        "the message names the problem"
    );

    let db = dir.path().join("demo.db");
    assert!(cli(&["demo", "--db", db.to_str().unwrap()])
        .status
        .success());
    let again = cli(&["demo", "--db", db.to_str().unwrap()]);
    assert!(
        !again.status.success(),
        "demo refuses to overwrite an existing file"
    );

    let bad_meeting = cli(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--meeting",
        "nope",
        "--doc",
        "bien-ban",
        "--profile",
        "hd36",
        "-o",
        "x.pdf",
    ]);
    assert!(!bad_meeting.status.success());
    let bad_doc = cli(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--doc",
        "thu-moi",
        "--profile",
        "hd36",
        "-o",
        "x.pdf",
    ]);
    assert!(
        !bad_doc.status.success(),
        "an unknown document kind is refused"
    );
}

#[test]
fn export_all_writes_the_six_documents_under_their_usual_names() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let db = db.to_str().unwrap();
    assert!(cli(&["demo", "--db", db]).status.success());
    let folder = dir.path().join("Văn bản");
    succeed(&[
        "export-all",
        "--db",
        db,
        "--profile",
        "hd36",
        "--dir",
        folder.to_str().unwrap(),
    ]);
    let mut names: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "bao-cao-2022-10-06.pdf",
            "bien-ban-2022-10-06.pdf",
            "chuong-trinh-2022-10-06.pdf",
            "danh-sach-2022-10-06.pdf",
            "giay-moi-2022-10-06.pdf",
            "thong-bao-2022-10-06.pdf",
        ],
        "named by the document crate, and no temporary file is left"
    );
}

#[test]
fn export_refuses_a_file_that_is_not_a_hoinghi_database_and_leaves_it_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("ketoan.db");
    rusqlite::Connection::open(&foreign)
        .unwrap()
        .execute_batch(
            "CREATE TABLE invoice (id INTEGER PRIMARY KEY); INSERT INTO invoice VALUES (7);",
        )
        .unwrap();
    let empty = dir.path().join("empty.db");
    std::fs::write(&empty, b"").unwrap();
    for file in [&foreign, &empty] {
        let before = std::fs::read(file).unwrap();
        let pdf = dir.path().join("x.pdf");
        let out = cli(&[
            "export",
            "--db",
            file.to_str().unwrap(),
            "--doc",
            "bien-ban",
            "--profile",
            "nd30",
            "-o",
            pdf.to_str().unwrap(),
        ]);
        assert!(!out.status.success(), "{} is refused", file.display());
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("không phải tệp dữ liệu HoiNghi"),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            std::fs::read(file).unwrap(),
            before,
            "{} is unchanged",
            file.display()
        );
        assert!(!pdf.exists());
    }
}

#[test]
fn export_reads_a_database_the_app_has_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    assert!(cli(&["demo", "--db", db.to_str().unwrap()])
        .status
        .success());
    let _app = hoinghi_core::Db::open(&db).unwrap();
    let pdf = dir.path().join("bb.pdf");
    succeed(&[
        "export",
        "--db",
        db.to_str().unwrap(),
        "--doc",
        "bien-ban",
        "--profile",
        "hd36",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(pdf.exists());
}

#[test]
fn a_meeting_goes_to_a_new_database_and_back_by_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_string();
    assert!(cli(&["demo", "--db", &path("a.db")]).status.success());

    let out = succeed(&[
        "meeting",
        "export",
        "--db",
        &path("a.db"),
        "-o",
        &path("m.hoinghi"),
    ]);
    assert!(out.contains("Hội nghị giao ban"), "{out}");

    let out = succeed(&[
        "meeting",
        "import",
        "--db",
        &path("b.db"),
        &path("m.hoinghi"),
    ]);
    assert!(out.contains("mục mới, 0 mục được cập nhật"), "{out}");
    let out = succeed(&[
        "meeting",
        "import",
        "--db",
        &path("b.db"),
        &path("m.hoinghi"),
    ]);
    assert!(
        out.contains(": 0 mục mới, 0 mục được cập nhật"),
        "a second import changes nothing: {out}"
    );

    // The imported meeting exports the same documents as the original.
    for db in ["a.db", "b.db"] {
        succeed(&[
            "export-all",
            "--db",
            &path(db),
            "--profile",
            "hd36",
            "--dir",
            &path(&format!("{db}-docs")),
        ]);
    }

    // A PDF is not a meeting file: refused, non-zero, the database unchanged.
    let pdf = std::fs::read_dir(path("a.db-docs"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let before = std::fs::read(path("b.db")).unwrap();
    let out = cli(&[
        "meeting",
        "import",
        "--db",
        &path("b.db"),
        pdf.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("không phải"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read(path("b.db")).unwrap(), before);
}

#[test]
fn search_prints_ranked_matches_and_checkin_takes_a_code() {
    let (_dir, db) = demo();
    let found = succeed(&["search", "--db", &db, "bui huyen mai"]);
    let first: Vec<&str> = found.lines().next().expect("a match").split('\t').collect();
    assert_eq!(first.len(), 4, "{found}");
    assert_eq!(first[1], "Bùi Huyền Mai");
    assert!(first[3].contains("Ban Tuyên giáo"), "{found}");
    let code = first[0].to_string();
    assert!(succeed(&["search", "--db", &db, "nguyen"]).lines().count() <= 10);

    // Nothing found is not an error.
    let none = cli(&["search", "--db", &db, "xyzzy"]);
    assert!(none.status.success());
    assert!(none.stdout.is_empty());

    // Her arrival cleared (as the app's "Xoá điểm danh" does, in the demo
    // meeting reopened for it), she checks in by her code typed with a
    // hyphen, then scans again. While the meeting is closed, nobody can.
    let meeting = {
        let mut store = hoinghi_core::Db::open(&db).unwrap();
        let meeting = store.list_meetings().unwrap()[0].meeting.id.clone();
        store.reopen_meeting(&meeting, "Thử máy quét").unwrap();
        let her = store.search_participants(&meeting, &code, 1).unwrap()[0]
            .person
            .id
            .clone();
        store
            .record_attendance(
                &meeting,
                &her,
                hoinghi_core::model::AttendanceEventKind::Cleared,
                "",
                None,
            )
            .unwrap();
        store.close_meeting(&meeting).unwrap();
        meeting
    };
    let locked = cli(&["checkin", "--db", &db, &code]);
    assert!(!locked.status.success());
    assert!(
        String::from_utf8_lossy(&locked.stderr).contains("đã được khoá"),
        "{}",
        String::from_utf8_lossy(&locked.stderr)
    );
    hoinghi_core::Db::open(&db)
        .unwrap()
        .reopen_meeting(&meeting, "Điểm danh bổ sung")
        .unwrap();
    let dashed = format!("{}-{}", &code[..4], code[4..].to_lowercase());
    let first = succeed(&["checkin", "--db", &db, &dashed]);
    assert!(
        first.starts_with("Đã điểm danh Bùi Huyền Mai lúc "),
        "{first}"
    );
    assert!(first.contains("Có mặt "), "{first}");
    let again = succeed(&["checkin", "--db", &db, &code]);
    assert!(again.contains("Bùi Huyền Mai đã điểm danh"), "{again}");
    assert!(again.contains("giữ nguyên giờ đến"), "{again}");

    let unknown = cli(&["checkin", "--db", &db, "ZZZ-000"]);
    assert!(!unknown.status.success());
    assert!(
        String::from_utf8_lossy(&unknown.stderr).contains("không có trong danh sách"),
        "{}",
        String::from_utf8_lossy(&unknown.stderr)
    );
}

#[test]
fn import_reads_a_tcvn3_list_reports_it_writes_all_or_nothing_and_export_list_reads_back() {
    let (dir, db) = demo();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../import/tests/fixtures");
    let tcvn3 = format!("{fixtures}/tcvn3.csv");
    let (demo_id, meeting) = {
        let mut store = hoinghi_core::Db::open(&db).unwrap();
        let demo_id = store.list_meetings().unwrap()[0].meeting.id.clone();
        let mut input = store.meeting(&demo_id).unwrap();
        input.starts_at = "2026-12-10T08:00".into();
        input.ends_at = "2026-12-10T11:30".into();
        let new = store
            .create_meeting(&hoinghi_core::model::MeetingInput {
                title: "Hội nghị giao ban quý IV năm 2026".into(),
                kind: input.kind,
                starts_at: input.starts_at,
                ends_at: input.ends_at,
                venue: String::new(),
                chair_name: String::new(),
                chair_title: String::new(),
                secretary_name: String::new(),
                secretary_title: String::new(),
                notes: String::new(),
                status: hoinghi_core::model::MeetingStatus::Draft,
                organisation_id: None,
                signer_name: String::new(),
                signer_title: String::new(),
                signing_prefix: String::new(),
            })
            .unwrap();
        (demo_id, new.id)
    };
    let listed = |id: &str| {
        hoinghi_core::Db::open_read_only(std::path::Path::new(&db))
            .unwrap()
            .participants(id)
            .unwrap()
            .len()
    };

    // The most recent meeting is the new one.
    let dry = succeed(&["import", "--db", &db, "--dry-run", &tcvn3]);
    assert!(dry.contains("mã hoá TCVN3 (ABC, .VnTime)"), "{dry}");
    assert!(dry.contains("«NguyÔn V¨n An» → «Nguyễn Văn An»"), "{dry}");
    assert!(dry.contains("sẽ thêm 5"), "{dry}");
    assert_eq!(listed(&meeting), 0, "a dry run writes nothing");

    let done = succeed(&["import", "--db", &db, "--section", "Đại biểu mời", &tcvn3]);
    assert!(done.contains("Đã nhập: thêm 5"), "{done}");
    assert_eq!(listed(&meeting), 5);

    // Nothing to import, or a locked meeting: refused, nothing written.
    let empty = dir.path().join("trong.csv");
    std::fs::write(&empty, "Họ và tên,Đơn vị\n,Văn phòng\n").unwrap();
    let refused = cli(&["import", "--db", &db, empty.to_str().unwrap()]);
    assert!(!refused.status.success());
    let closed = cli(&["import", "--db", &db, "--meeting", &demo_id, &tcvn3]);
    assert!(!closed.status.success());
    assert!(
        String::from_utf8_lossy(&closed.stderr).contains("đã được khoá"),
        "{}",
        String::from_utf8_lossy(&closed.stderr)
    );
    assert_eq!(listed(&meeting), 5);

    let xlsx = dir.path().join("danh-sach.xlsx");
    let xlsx = xlsx.to_str().unwrap();
    succeed(&[
        "export-list",
        "--db",
        &db,
        "--meeting",
        &meeting,
        "-o",
        xlsx,
    ]);
    let back = succeed(&["import", "--db", &db, "--dry-run", xlsx]);
    assert!(
        back.contains("sẽ thêm 0, cập nhật 0, giữ nguyên 5"),
        "{back}"
    );
}
