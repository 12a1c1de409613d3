//! The register of outgoing documents (sổ đăng ký văn bản đi) as a printable
//! PDF: one table per numbering series (a year, or a document type within a
//! Party term), in number order, with the columns of the paper register the
//! văn thư keeps: số and ký hiệu, date, tên loại and trích yếu, signer, and a
//! blank column for notes.

use chrono::{NaiveDate, NaiveDateTime};
use hoinghi_core::model::{DocumentNumber, Organisation};
use hoinghi_core::Db;

use super::cell_para;
use crate::error::Result;
use crate::font::Fonts;
use crate::layout::{layout, Align, Block, Cell, Para, Row, Table};
use crate::pdf::{self, Metadata};
use crate::profile::Profile;

/// The register of body `organisation_id`, as PDF bytes.
pub fn register_pdf(db: &Db, organisation_id: &str, created: NaiveDateTime) -> Result<Vec<u8>> {
    let organisation = db.organisation(organisation_id)?;
    let entries = db.document_register(organisation_id)?;
    let fonts = Fonts::for_choice(db.document_font()?);
    let profile = Profile::for_kind(organisation.kind.profile_on(created.date()));
    let page = profile.page.landscape();
    let blocks = blocks(
        &organisation,
        &entries,
        profile.body_size,
        page.content_width(),
    );
    let laid = layout(&fonts, page, &blocks);
    pdf::write(
        &fonts,
        &laid,
        &Metadata {
            title: "Sổ đăng ký văn bản đi".into(),
            author: organisation.full_name.clone(),
            subject: "Sổ đăng ký văn bản đi".into(),
            keywords: vec!["HoiNghi".into()],
            created,
        },
    )
}

fn blocks(
    organisation: &Organisation,
    entries: &[DocumentNumber],
    size: f32,
    width: f32,
) -> Vec<Block> {
    let centred = || Para::new(size).align(Align::Center).leading(size * 1.25);
    let body = if organisation.full_name.trim().is_empty() {
        organisation.name.trim()
    } else {
        organisation.full_name.trim()
    };
    let mut blocks = vec![
        Block::Para(centred().bold("SỔ ĐĂNG KÝ VĂN BẢN ĐI").keep_with_next()),
        Block::Para(
            centred()
                .italic(body.to_string())
                .after(10.0)
                .keep_with_next(),
        ),
    ];
    if entries.is_empty() {
        blocks.push(Block::Para(
            centred().text("Chưa cấp số cho văn bản nào.".to_string()),
        ));
        return blocks;
    }
    let table = size - 1.0;
    let head = |t: &str| Cell {
        paras: vec![cell_para(table).bold(t.to_string()).align(Align::Center)],
    };
    let cell = |t: &str, align: Align| Cell {
        paras: vec![cell_para(table).text(t.to_string()).align(align)],
    };
    // Series in the order their first document was issued.
    let mut series: Vec<&str> = Vec::new();
    for e in entries {
        if !series.contains(&e.series.as_str()) {
            series.push(&e.series);
        }
    }
    let mut rows = Vec::new();
    for s in series {
        rows.push(Row::Section(cell_para(table).bold(series_title(s))));
        let mut of_series: Vec<&DocumentNumber> =
            entries.iter().filter(|e| e.series == s).collect();
        of_series.sort_by_key(|e| e.number);
        for e in of_series {
            let date = NaiveDate::parse_from_str(&e.issued_on, "%Y-%m-%d")
                .map(|d| d.format("%d/%m/%Y").to_string())
                .unwrap_or_else(|_| e.issued_on.clone());
            rows.push(Row::Cells(vec![
                cell(&e.symbol, Align::Center),
                cell(&date, Align::Center),
                cell(&e.summary, Align::Left),
                cell(&e.signer, Align::Left),
                cell("", Align::Left),
            ]));
        }
    }
    blocks.push(Block::Table(Table {
        widths: Table::proportional(width, &[16.0, 12.0, 44.0, 16.0, 12.0]),
        header: [
            "Số, ký hiệu văn bản",
            "Ngày tháng văn bản",
            "Tên loại và trích yếu nội dung văn bản",
            "Người ký",
            "Ghi chú",
        ]
        .iter()
        .map(|t| head(t))
        .collect(),
        rows,
        border: 0.5,
        pad_x: 3.0,
        pad_y: 2.5,
        min_row_height: 0.0,
    }));
    blocks
}

/// "Năm 2026", "Loại GM", "Loại TB, nhiệm kỳ từ 18/10/2025".
fn series_title(series: &str) -> String {
    let date = |d: &str| {
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map(|d| d.format("%d/%m/%Y").to_string())
            .unwrap_or_else(|_| d.to_string())
    };
    if series.chars().all(|c| c.is_ascii_digit()) {
        return format!("Năm {series}");
    }
    match series.split_once(' ') {
        Some((kind, rest)) => match rest.split_once(' ') {
            Some(("từ", d)) => format!("Loại {kind}, nhiệm kỳ từ {}", date(d)),
            Some(("trước", d)) => format!("Loại {kind}, trước ngày {}", date(d)),
            _ => format!("Loại {series}"),
        },
        None => format!("Loại {series}"),
    }
}
