//! Danh sách đại biểu: an annex-style list grouped by section, in order of
//! precedence; optionally with attendance and a column to sign in at the door.

use hoinghi_core::model::{AttendanceState, DocumentFieldKey, DocumentKind, Participant};

use super::{cell_para, roman, Ctx};
use crate::layout::{Align, Block, Cell, Para, Row, Rule, Table};
use crate::profile::{date_line, upper};

pub(super) fn build(ctx: &Ctx) -> (crate::layout::PageSpec, Vec<Block>) {
    let conf = ctx.conf;
    let opts = ctx.opts;
    let wide = opts.list_attendance && opts.list_signatures;
    let page = if wide {
        ctx.profile().page.landscape()
    } else {
        ctx.profile().page
    };
    let size = ctx.opts.format.table_font_size as f32;
    let title_size = ctx.profile().body_size;

    let mut blocks = vec![Block::Para(
        Para::new(title_size)
            .align(Align::Center)
            .leading(title_size * 1.2)
            .bold(ctx.text(
                DocumentFieldKey::Title,
                upper(&format!(
                    "Danh sách đại biểu dự {}",
                    conf.meeting.title.trim()
                )),
            ))
            .keep_with_next(),
    )];
    let invitation_day = super::default_issue_date(DocumentKind::GiayMoi, conf.starts().date());
    let basis = format!(
        "(Kèm theo Giấy mời {} của {})",
        date_line("", invitation_day),
        conf.body_name()
    );
    blocks.push(Block::Para(
        Para::new(title_size)
            .align(Align::Center)
            .leading(title_size * 1.2)
            .italic(ctx.text(DocumentFieldKey::Basis, basis))
            .keep_with_next(),
    ));
    let rule_width = page.content_width() / 4.0;
    blocks.push(Block::Rule(Rule {
        width: rule_width,
        thickness: 0.6,
        align: Align::Center,
        space_before: 2.0,
        space_after: 12.0,
    }));

    let mut headers = vec!["STT", "Họ và tên", "Chức vụ", "Đơn vị"];
    let mut weights = vec![8.0, 24.0, 26.0, 26.0];
    if opts.list_attendance {
        headers.push("Điểm danh");
        weights.push(14.0);
    }
    if opts.list_signatures {
        headers.push("Ký tên");
        weights.push(14.0);
    }
    headers.push("Ghi chú");
    weights.push(12.0);
    let head = |t: &str| Cell {
        paras: vec![cell_para(size).bold(t).align(Align::Center)],
    };

    let mut rows = Vec::new();
    let mut section: Option<&str> = None;
    let mut sections = 0;
    let has_sections = conf
        .participants
        .iter()
        .any(|p| !p.person.section.trim().is_empty());
    for (i, p) in conf.participants.iter().enumerate() {
        let this = p.person.section.trim();
        if has_sections && section != Some(this) {
            sections += 1;
            let label = if this.is_empty() {
                "Đại biểu khác"
            } else {
                this
            };
            rows.push(Row::Section(cell_para(size).bold(format!(
                "{}. {}",
                roman(sections),
                upper(label)
            ))));
            section = Some(this);
        }
        let text = |t: &str| Cell {
            paras: vec![cell_para(size).text(t.to_string())],
        };
        let mut cells = vec![
            Cell {
                paras: vec![cell_para(size)
                    .text((i + 1).to_string())
                    .align(Align::Center)],
            },
            text(&p.person.full_name),
            text(&p.person.position_title),
            text(&p.person.unit),
        ];
        if opts.list_attendance {
            cells.push(text(&attendance(p)));
        }
        if opts.list_signatures {
            cells.push(text(""));
        }
        let note = if p.person.full_name.trim() == conf.meeting.chair_name.trim() {
            "Chủ trì"
        } else {
            ""
        };
        cells.push(Cell {
            paras: vec![cell_para(size).text(note).align(Align::Center)],
        });
        rows.push(Row::Cells(cells));
    }
    blocks.push(Block::Table(Table {
        widths: Table::proportional(page.content_width(), &weights),
        header: headers.into_iter().map(head).collect(),
        rows,
        border: 0.5,
        pad_x: 3.0,
        pad_y: 2.5,
    }));
    (page, blocks)
}

/// "Có mặt", "Đến muộn (08:20)", "Vắng (lý do)"…
fn attendance(p: &Participant) -> String {
    let time = |t: &Option<String>| {
        t.as_deref()
            .and_then(|t| t.get(11..16))
            .unwrap_or("")
            .to_string()
    };
    match p.state {
        AttendanceState::Invited => String::new(),
        AttendanceState::Present => "Có mặt".into(),
        AttendanceState::Late => format!("Đến muộn ({})", time(&p.arrived_at)),
        AttendanceState::Left => format!("Về trước ({})", time(&p.left_at)),
        AttendanceState::AbsentExcused => format!("Vắng ({})", p.absence_reason.trim()),
        AttendanceState::Absent => "Vắng".into(),
    }
}
