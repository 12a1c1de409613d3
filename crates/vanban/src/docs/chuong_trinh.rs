//! Chương trình hội nghị: the timed agenda as a table
//! (Thời gian | Nội dung | Người thực hiện), header row repeated on every page.

use super::{cell_para, sentence, when, Ctx};
use crate::layout::{Align, Block, Cell, PageSpec, Row, Table};

pub(super) fn build(ctx: &Ctx) -> (PageSpec, Vec<Block>) {
    let conf = ctx.conf;
    let m = &conf.meeting;
    let mut blocks = ctx.header(false, true);
    blocks.extend(ctx.title("Chương trình", &m.title));
    blocks.push(ctx.labelled("Thời gian", &sentence(&when(conf.starts()))));
    if !m.venue.trim().is_empty() {
        blocks.push(ctx.labelled("Địa điểm", &sentence(&m.venue)));
    }
    blocks.push(Block::Space(6.0));

    let size = ctx.table_size();
    let page = ctx.profile().page;
    let widths = Table::proportional(page.content_width(), &[22.0, 45.0, 33.0]);
    let head = |t: &str| Cell {
        paras: vec![cell_para(size).bold(t).align(Align::Center)],
    };
    let rows = conf
        .agenda
        .iter()
        .map(|item| {
            let time = format!("{} - {}", hours(&item.start_time), hours(&item.end_time));
            Row::Cells(vec![
                Cell {
                    paras: vec![cell_para(size).text(time).align(Align::Center)],
                },
                Cell {
                    paras: vec![cell_para(size).text(item.title.clone())],
                },
                Cell {
                    paras: vec![cell_para(size).text(item.presenter.clone())],
                },
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        widths,
        header: vec![head("Thời gian"), head("Nội dung"), head("Người thực hiện")],
        rows,
        border: 0.5,
        pad_x: 4.0,
        pad_y: 3.0,
        min_row_height: 0.0,
    }));
    (page, blocks)
}

/// "08:15" → "08 giờ 15", held together by no-break spaces so a time range
/// only ever wraps at its dash.
fn hours(t: &str) -> String {
    t.replacen(':', "\u{a0}giờ\u{a0}", 1)
}
