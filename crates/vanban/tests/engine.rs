//! The layout engine, tested on the boxes it produces before any PDF is written.

use hoinghi_vanban::font::Fonts;
use hoinghi_vanban::layout::*;
use hoinghi_vanban::profile::Profile;

fn spec() -> PageSpec {
    Profile::nd30().page
}

fn lay(blocks: Vec<Block>) -> Laid {
    layout(&Fonts::bundled(), spec(), &blocks)
}

const TEXT: &str = "Hệ thống tuyên giáo Thủ đô đã cơ bản thực hiện tốt các nhiệm vụ đặt ra trong năm 2022, \
    đặc biệt là đẩy mạnh việc chuyển đổi số cũng như ứng dụng công nghệ thông tin vào công tác tuyên giáo \
    của thành phố. Hệ thống tuyên giáo thành phố tiếp tục ứng dụng công nghệ thông tin, triển khai chuyển \
    đổi số kịp thời, linh hoạt, phù hợp.";

/// The runs of one page grouped into lines (same baseline), left to right.
fn lines(page: &LaidPage) -> Vec<Vec<TextRun>> {
    let mut out: Vec<Vec<TextRun>> = Vec::new();
    for run in page.runs() {
        match out.last_mut() {
            Some(line) if (line[0].baseline - run.baseline).abs() < 0.01 => line.push(run.clone()),
            _ => out.push(vec![run.clone()]),
        }
    }
    out
}

fn right_edge(line: &[TextRun]) -> f32 {
    line.iter().map(|r| r.x + r.width).fold(0.0, f32::max)
}

#[test]
fn justified_lines_fill_the_measure_except_the_last() {
    let s = spec();
    let laid = lay(vec![Block::Para(
        Para::new(14.0)
            .align(Align::Justify)
            .indent(36.0)
            .text(TEXT),
    )]);
    let ls = lines(&laid.pages[0]);
    assert!(ls.len() >= 3, "the paragraph wraps onto several lines");
    let right = s.width - s.margin_right;
    for line in &ls[..ls.len() - 1] {
        // The last glyph ends at the margin (the run's width includes its trailing gaps only between words).
        assert!(
            (right_edge(line) - right).abs() < 0.05,
            "justified line ends at {} not {right}",
            right_edge(line)
        );
    }
    assert!(
        right_edge(ls.last().unwrap()) < right - 20.0,
        "the last line is not stretched"
    );
    assert!(
        (ls[0][0].x - (s.margin_left + 36.0)).abs() < 0.01,
        "the first line is indented 36 pt"
    );
    assert!(
        (ls[1][0].x - s.margin_left).abs() < 0.01,
        "later lines start at the margin"
    );
}

#[test]
fn lines_break_only_between_words() {
    let laid = lay(vec![Block::Para(
        Para::new(14.0).align(Align::Justify).text(TEXT),
    )]);
    let words: Vec<String> = TEXT.split_whitespace().map(str::to_string).collect();
    let drawn: Vec<String> = lines(&laid.pages[0])
        .iter()
        .flat_map(|l| {
            l.iter()
                .map(|r| r.text())
                .collect::<String>()
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect();
    assert_eq!(drawn, words, "every syllable is drawn whole, in order");
}

#[test]
fn centred_and_right_aligned_text_sits_where_expected() {
    let s = spec();
    let centre = s.margin_left + s.content_width() / 2.0;
    let laid = lay(vec![
        Block::Para(Para::new(14.0).align(Align::Center).bold("GIẤY MỜI")),
        Block::Para(
            Para::new(14.0)
                .align(Align::Right)
                .italic("Hà Nội, ngày 06 tháng 10 năm 2022"),
        ),
    ]);
    let runs: Vec<_> = laid.pages[0].runs().cloned().collect();
    assert!(
        (runs[0].x + runs[0].width / 2.0 - centre).abs() < 0.05,
        "the title is centred"
    );
    assert!(
        (runs[1].x + runs[1].width - (s.width - s.margin_right)).abs() < 0.05,
        "the date is flush right"
    );
    assert!(
        runs[1].baseline > runs[0].baseline,
        "blocks stack downwards"
    );
}

#[test]
fn decomposed_input_is_drawn_precomposed() {
    let laid = lay(vec![Block::Para(
        Para::new(14.0).text("Ha\u{300} No\u{302}\u{323}i"),
    )]);
    assert_eq!(
        laid.pages[0].texts(),
        ["Hà Nội"],
        "NFD input becomes NFC before measuring and drawing"
    );
}

#[test]
fn an_overlong_token_is_cut_between_glyphs_and_stays_inside_the_margins() {
    let s = spec();
    let token = "Đ".repeat(200);
    let laid = lay(vec![Block::Para(Para::new(14.0).text(token.clone()))]);
    let runs: Vec<_> = laid.pages[0].runs().cloned().collect();
    assert!(runs.len() > 1, "the token is split across lines");
    assert_eq!(
        runs.iter().map(|r| r.text()).collect::<String>(),
        token,
        "no glyph is lost"
    );
    assert!(runs
        .iter()
        .all(|r| r.x + r.width <= s.width - s.margin_right + 0.01));
}

#[test]
fn a_rule_is_centred_under_its_text() {
    let s = spec();
    let laid = lay(vec![Block::Rule(Rule {
        width: 100.0,
        thickness: 0.6,
        align: Align::Center,
        space_before: 2.0,
        space_after: 0.0,
    })]);
    let line = laid.pages[0].lines().next().expect("a rule is drawn");
    assert!((line.x2 - line.x1 - 100.0).abs() < 0.01);
    assert!(((line.x1 + line.x2) / 2.0 - (s.margin_left + s.content_width() / 2.0)).abs() < 0.01);
}

fn table(rows: usize) -> Block {
    let widths = Table::proportional(spec().content_width(), &[1.0, 4.0, 4.0]);
    let cell = |t: String| Cell {
        paras: vec![Para::new(13.0).text(t)],
    };
    let mut body = Vec::new();
    for i in 0..rows {
        if i % 25 == 0 {
            body.push(Row::Section(
                Para::new(13.0).bold(format!("Nhóm {}", i / 25 + 1)),
            ));
        }
        body.push(Row::Cells(vec![
            cell(i.to_string()),
            cell(format!("Đại biểu số {i}")),
            cell("Đơn vị".into()),
        ]));
    }
    Block::Table(Table {
        widths,
        header: vec![
            cell("STT".into()),
            cell("Họ và tên".into()),
            cell("Đơn vị".into()),
        ],
        rows: body,
        border: 0.5,
        pad_x: 3.0,
        pad_y: 2.0,
        min_row_height: 0.0,
    })
}

#[test]
fn a_long_table_repeats_its_header_and_never_splits_a_row() {
    let laid = lay(vec![table(120)]);
    assert!(laid.pages.len() >= 3, "120 rows take several pages");
    for (i, page) in laid.pages.iter().enumerate() {
        let texts = page.texts();
        assert!(
            texts.iter().any(|t| t == "STT"),
            "page {} repeats the header row",
            i + 1
        );
        let first_body = texts
            .iter()
            .position(|t| t != "STT" && t != "Họ và tên" && t != "Đơn vị")
            .unwrap();
        assert!(first_body >= 3, "the header comes first on page {}", i + 1);
    }
    // Each row's three cells share one page.
    for n in 0..120 {
        let name = format!("Đại biểu số {n}");
        let pages: Vec<_> = laid
            .pages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.texts().contains(&name))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(pages.len(), 1, "row {n} is on exactly one page");
        let page = &laid.pages[pages[0]];
        assert!(
            page.texts().contains(&n.to_string()),
            "row {n} keeps its number cell with it"
        );
    }
    // A section heading is never the last thing on a page.
    for page in &laid.pages[..laid.pages.len() - 1] {
        let last_text = page
            .runs()
            .filter(|r| r.size == 13.0)
            .last()
            .unwrap()
            .text();
        assert!(
            !last_text.starts_with("Nhóm"),
            "a section row is not orphaned: {last_text}"
        );
    }
}

#[test]
fn page_numbers_start_on_page_two_centred_in_the_top_margin() {
    let s = spec();
    let laid = lay(vec![table(120)]);
    assert!(
        !laid.pages[0].texts().contains(&"1".to_string())
            || laid.pages[0].runs().all(|r| r.top() >= s.margin_top - 0.01)
    );
    for (i, page) in laid.pages.iter().enumerate().skip(1) {
        let number = page
            .runs()
            .find(|r| r.bottom() < s.margin_top)
            .expect("a page number in the top margin");
        assert_eq!(number.text(), (i + 1).to_string());
        assert!(
            (number.x + number.width / 2.0 - (s.margin_left + s.content_width() / 2.0)).abs()
                < 0.05
        );
    }
}

#[test]
fn a_keep_together_block_moves_whole_to_the_next_page() {
    let s = spec();
    let filler: Vec<Block> = (0..42)
        .map(|i| Block::Para(Para::new(14.0).text(format!("Dòng {i}"))))
        .collect();
    let mut blocks = filler;
    blocks.push(Block::KeepTogether(vec![
        Block::Para(Para::new(14.0).text("Đoạn cuối")),
        Block::Space(60.0),
        Block::Para(Para::new(14.0).bold("Bùi Huyền Mai")),
    ]));
    let laid = layout(&Fonts::bundled(), s, &blocks);
    let page_of = |t: &str| {
        laid.pages
            .iter()
            .position(|p| p.texts().iter().any(|x| x == t))
            .unwrap()
    };
    assert_eq!(
        page_of("Đoạn cuối"),
        page_of("Bùi Huyền Mai"),
        "the signature stays with the last paragraph"
    );
    assert_eq!(page_of("Đoạn cuối"), 1, "and both moved to page 2");
}

#[test]
fn a_new_document_restarts_page_numbering() {
    let laid = lay(vec![
        Block::Para(Para::new(14.0).text("Thư mời 1")),
        Block::NewDocument,
        Block::Para(Para::new(14.0).text("Thư mời 2")),
    ]);
    assert_eq!(
        laid.pages.iter().map(|p| p.number).collect::<Vec<_>>(),
        [1, 1]
    );
    assert!(
        laid.pages.iter().all(|p| p.runs().count() == 1),
        "no page number on either first page"
    );
}

#[test]
fn underlined_words_share_one_underline() {
    let laid = lay(vec![Block::Para(
        Para::new(14.0).span("Nơi nhận:", Style::UNDERLINE),
    )]);
    let page = &laid.pages[0];
    let run = page.runs().next().unwrap();
    let lines: Vec<_> = page.lines().collect();
    assert_eq!(lines.len(), 1, "one continuous underline across the space");
    assert!(
        (lines[0].x2 - lines[0].x1 - run.width).abs() < 0.05,
        "as long as the text"
    );
}

#[test]
fn an_installed_times_new_roman_is_found_only_when_all_four_faces_exist() {
    use hoinghi_vanban::font::find_times_new_roman_in;
    let dir = tempfile::tempdir().unwrap();
    let fonts = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/fonts");
    let copy = |from: &str, to: &str| std::fs::copy(fonts.join(from), dir.path().join(to)).unwrap();
    copy("LiberationSerif-Regular.ttf", "times.ttf");
    copy("LiberationSerif-Bold.ttf", "timesbd.ttf");
    copy("LiberationSerif-Italic.ttf", "timesi.ttf");
    assert!(
        find_times_new_roman_in([dir.path()]).is_none(),
        "three faces are not enough"
    );
    copy("LiberationSerif-BoldItalic.ttf", "timesbi.ttf");
    let found = find_times_new_roman_in([dir.path()]).expect("all four faces");
    assert!(
        found[1].ends_with("timesbd.ttf"),
        "the faces come in order: {found:?}"
    );
    let family = Fonts::from_files(found.each_ref().map(|p| p.as_path())).expect("they load");
    assert!(family.face(hoinghi_vanban::font::FaceKind::Bold).has('Ữ'));
}

#[test]
fn a_picture_is_placed_in_the_flow_and_drawn_as_filled_squares() {
    use std::sync::Arc;
    // A 3×3 bitmap: a dark diagonal, as a QR code's modules would be.
    let bitmap = Arc::new(Bitmap {
        columns: 3,
        rows: 3,
        dark: vec![true, false, false, false, true, false, false, false, true],
    });
    let s = spec();
    let laid = lay(vec![
        Block::Para(Para::new(14.0).text("Mã điểm danh")),
        Block::Picture(Picture {
            bitmap,
            width: 60.0,
            align: Align::Center,
        }),
        Block::Para(Para::new(14.0).text("Sau ảnh")),
    ]);
    let page = &laid.pages[0];
    let placed: Vec<&PlacedBitmap> = page.bitmaps().collect();
    assert_eq!(placed.len(), 1, "the picture is on the first page");
    let b = placed[0];
    assert!(
        (b.x - (s.margin_left + (s.content_width() - 60.0) / 2.0)).abs() < 0.01,
        "centred between the margins, at {}",
        b.x
    );
    assert!((b.width - 60.0).abs() < 0.01 && (b.height - 60.0).abs() < 0.01);
    let texts = lines(page);
    assert!(
        texts[0][0].bottom() <= b.y + 0.01 && b.y + b.height <= texts[1][0].top() + 0.01,
        "it sits between the paragraph before and the one after"
    );

    let pdf = hoinghi_vanban::pdf::write(
        &Fonts::bundled(),
        &laid,
        &hoinghi_vanban::pdf::Metadata {
            title: "Ảnh".into(),
            author: String::new(),
            subject: String::new(),
            keywords: Vec::new(),
            created: chrono::NaiveDate::from_ymd_opt(2026, 12, 1)
                .unwrap()
                .and_hms_opt(8, 0, 0)
                .unwrap(),
        },
    )
    .unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    let page_id = doc.page_iter().next().unwrap();
    let content = String::from_utf8_lossy(&doc.get_page_content(page_id)).into_owned();
    assert_eq!(
        content.matches(" re\n").count(),
        3,
        "one filled square per dark module: {content}"
    );
    assert!(content.contains("\nf\n"), "the squares are filled");
}

#[test]
fn fonts_are_looked_for_in_the_windows_system_and_per_user_folders() {
    use hoinghi_vanban::font::font_dirs;
    use std::path::PathBuf;
    let windows = |name: &str| match name {
        "WINDIR" => Some(PathBuf::from(r"D:\Windows")),
        "LOCALAPPDATA" => Some(PathBuf::from(r"C:\Users\thu.ky\AppData\Local")),
        _ => None,
    };
    let dirs = font_dirs(windows);
    assert_eq!(
        dirs[0],
        PathBuf::from(r"D:\Windows").join("Fonts"),
        "not a fixed C:"
    );
    assert_eq!(
        dirs[1],
        PathBuf::from(r"C:\Users\thu.ky\AppData\Local")
            .join("Microsoft")
            .join("Windows")
            .join("Fonts"),
        "fonts a user without administrator rights installed"
    );
    let linux = font_dirs(|name| (name == "HOME").then(|| PathBuf::from("/home/an")));
    assert!(linux.contains(&PathBuf::from("/home/an/.local/share/fonts")));
    assert!(linux.contains(&PathBuf::from("/usr/share/fonts/truetype/msttcorefonts")));
}

#[test]
fn every_character_the_store_accepts_is_in_every_face_of_the_bundled_font() {
    use hoinghi_vanban::font::FaceKind;
    let fonts = Fonts::bundled();
    let mut missing = Vec::new();
    for (lo, hi) in hoinghi_core::DRAWABLE {
        for c in *lo..=*hi {
            for kind in [
                FaceKind::Regular,
                FaceKind::Bold,
                FaceKind::Italic,
                FaceKind::BoldItalic,
            ] {
                if !fonts.face(kind).has(c) {
                    missing.push((c, kind));
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "accepted at entry but not drawable: {missing:?}"
    );
}

#[test]
fn a_foot_sits_at_the_bottom_of_its_page_and_the_text_stops_above_it() {
    let s = spec();
    let mut blocks = vec![
        Block::Para(Para::new(14.0).text("Đầu trang")),
        Block::Foot(vec![Block::Para(
            Para::new(11.0).text("Số 2 Lê Lai, Hà Nội"),
        )]),
    ];
    blocks.extend((0..120).map(|i| Block::Para(Para::new(14.0).text(format!("Dòng {i}")))));
    let laid = lay(blocks);
    let runs = |p: usize| -> Vec<TextRun> { laid.pages[p].runs().cloned().collect() };
    let first = runs(0);
    let foot = first
        .iter()
        .find(|r| r.text() == "Số 2 Lê Lai, Hà Nội")
        .expect("the foot is on the page it falls on");
    let bottom = s.height - s.margin_bottom;
    assert!(foot.baseline < bottom && foot.baseline > bottom - 11.0);
    let lowest_text = first
        .iter()
        .filter(|r| r.size == 14.0)
        .map(|r| r.baseline)
        .fold(0.0, f32::max);
    assert!(
        lowest_text < foot.baseline - 11.0,
        "the page's text stops above the foot"
    );
    let second = runs(1);
    assert!(second.iter().all(|r| r.text() != "Số 2 Lê Lai, Hà Nội"));
    let lowest_second = second.iter().map(|r| r.baseline).fold(0.0, f32::max);
    assert!(
        lowest_second > lowest_text,
        "the next page has its whole height again: {lowest_second} vs {lowest_text}, {} pages",
        laid.pages.len()
    );
}
