//! Any text — decomposed marks, emoji, control characters, 10,000-character
//! titles, empty fields — lays out without panicking and never outside the margins.

use hoinghi_vanban::font::Fonts;
use hoinghi_vanban::layout::*;
use hoinghi_vanban::profile::Profile;
use proptest::prelude::*;

/// Strings mixing Vietnamese (precomposed and decomposed), spaces, newlines,
/// emoji, controls and very long tokens.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Nguyễn Văn Hùng".to_string()),
        Just("Ha\u{300} No\u{302}\u{323}i".to_string()),
        Just(" ".to_string()),
        Just("\n".to_string()),
        Just("\u{a0}".to_string()),
        Just("🎉".to_string()),
        Just("\u{7}\u{0}".to_string()),
        "[a-zđơưạ-ỹ]{1,12}",
        "\\PC{1,8}",
        (1usize..400).prop_map(|n| "Đ".repeat(n)),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

fn inside(laid: &Laid) -> Result<(), String> {
    let s = laid.spec;
    for (i, page) in laid.pages.iter().enumerate() {
        for r in page.runs() {
            let page_number = r.bottom() < s.margin_top && r.text() == page.number.to_string();
            if r.x < s.margin_left - 0.01 || r.x + r.width > s.width - s.margin_right + 0.01 {
                return Err(format!(
                    "page {}: {:?} at x {}..{}",
                    i + 1,
                    r.text(),
                    r.x,
                    r.x + r.width
                ));
            }
            if !page_number
                && (r.top() < s.margin_top - 0.5 || r.bottom() > s.height - s.margin_bottom + 0.5)
            {
                return Err(format!(
                    "page {}: {:?} at y {}..{}",
                    i + 1,
                    r.text(),
                    r.top(),
                    r.bottom()
                ));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn paragraphs_in_any_alignment_stay_inside(t in text(), align in 0..4u8, size in 9.0f32..20.0) {
        let align = [Align::Left, Align::Center, Align::Right, Align::Justify][align as usize];
        let blocks = vec![
            Block::Para(Para::new(size).align(align).indent(36.0).text(t.clone()).bold(t.clone())),
            Block::Para(Para::new(size).span(t, Style::UNDERLINE)),
        ];
        let laid = layout(&Fonts::bundled(), Profile::hd36().page, &blocks);
        prop_assert!(inside(&laid).is_ok(), "{:?}", inside(&laid));
    }

    #[test]
    fn tables_and_columns_with_any_cells_stay_inside(cells in prop::collection::vec(text(), 1..12)) {
        let page = Profile::nd30().page;
        let widths = Table::proportional(page.content_width(), &[1.0, 3.0, 2.0]);
        let cell = |t: &String| Cell { paras: vec![Para::new(13.0).text(t.clone())] };
        let rows = cells.chunks(3).map(|c| Row::Cells(c.iter().map(cell).collect())).collect();
        let half = page.content_width() / 2.0;
        let blocks = vec![
            Block::Columns(vec![
                Column { width: half, blocks: vec![Block::Para(Para::new(13.0).align(Align::Center).text(cells[0].clone()))] },
                Column { width: half, blocks: vec![Block::Para(Para::new(13.0).text(cells.concat()))] },
            ]),
            Block::Table(Table { widths, header: vec![cell(&cells[0])], rows, border: 0.5, pad_x: 3.0, pad_y: 2.0, min_row_height: 0.0 }),
        ];
        let laid = layout(&Fonts::bundled(), page, &blocks);
        prop_assert!(inside(&laid).is_ok(), "{:?}", inside(&laid));
    }
}

#[test]
fn a_ten_thousand_character_title_is_laid_out_on_several_pages() {
    let title = "Hội nghị tổng kết công tác ".repeat(400);
    assert!(title.chars().count() >= 10_000);
    let blocks = vec![Block::Para(
        Para::new(14.0).align(Align::Center).bold(title),
    )];
    let laid = layout(&Fonts::bundled(), Profile::nd30().page, &blocks);
    assert!(laid.pages.len() > 1);
    assert_eq!(inside(&laid), Ok(()));
}
