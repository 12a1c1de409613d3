//! Danh sách đại biểu: an annex-style list grouped by section, in order of
//! precedence; optionally with attendance and a column to sign in at the door.
//! The same table is the annex of a generic giấy mời (`invitees`).

use hoinghi_core::model::{AttendanceState, DocumentFieldKey, DocumentKind, Participant};

use super::{cell_para, roman, Ctx};
use crate::layout::{Align, Block, Cell, PageSpec, Para, Row, Rule, Table};
use crate::profile::{date_line, upper};

pub(super) fn build(ctx: &Ctx) -> (PageSpec, Vec<Block>) {
    let conf = ctx.conf;
    let opts = ctx.opts;
    let wide = opts.list_attendance && opts.list_signatures;
    let page = if wide {
        ctx.profile().page.landscape()
    } else {
        ctx.profile().page
    };
    let title = ctx.text(
        DocumentFieldKey::Title,
        upper(&format!(
            "Danh sách đại biểu dự {}",
            conf.meeting.title.trim()
        )),
    );
    let invitation_day = conf.usual_issue_date(DocumentKind::GiayMoi);
    let basis = ctx.text(
        DocumentFieldKey::Basis,
        format!(
            "(Kèm theo Giấy mời {} của {})",
            date_line("", invitation_day),
            conf.body_name()
        ),
    );
    let everyone: Vec<&Participant> = conf.participants.iter().collect();
    let mut blocks = heading(ctx, &page, &title, &basis);
    blocks.push(table(
        ctx,
        &page,
        &everyone,
        opts.list_attendance,
        opts.list_signatures,
    ));
    (page, blocks)
}

/// The annex of a generic giấy mời: the invitees by section, pointing back to
/// the invitation's number and date.
pub(super) fn invitees(ctx: &Ctx, invitees: &[&Participant]) -> Vec<Block> {
    let page = ctx.profile().page;
    let title = upper(&format!(
        "Danh sách đại biểu được mời dự {}",
        ctx.conf.meeting.title.trim()
    ));
    let basis = format!(
        "(Kèm theo Giấy mời số {} {} của {})",
        ctx.number(),
        date_line("", ctx.issued_on()),
        ctx.conf.body_name()
    );
    let mut blocks = heading(ctx, &page, &title, &basis);
    blocks.push(table(ctx, &page, invitees, false, false));
    blocks
}

/// The list's title, its basis line in italics and a short rule.
fn heading(ctx: &Ctx, page: &PageSpec, title: &str, basis: &str) -> Vec<Block> {
    let size = ctx.profile().body_size;
    let centred = || Para::new(size).align(Align::Center).leading(size * 1.2);
    vec![
        Block::Para(centred().bold(title.to_string()).keep_with_next()),
        Block::Para(centred().italic(basis.to_string()).keep_with_next()),
        Block::Rule(Rule {
            width: page.content_width() / 4.0,
            thickness: 0.6,
            align: Align::Center,
            space_before: 2.0,
            space_after: 12.0,
        }),
    ]
}

/// STT | Họ và tên | Chức vụ | Đơn vị [| Điểm danh] [| Ký tên] | Ghi chú,
/// with a row for each section.
fn table(
    ctx: &Ctx,
    page: &PageSpec,
    participants: &[&Participant],
    attendance: bool,
    signatures: bool,
) -> Block {
    let size = ctx.table_size();
    let mut headers = vec!["STT", "Họ và tên", "Chức vụ", "Đơn vị"];
    let mut weights = vec![8.0, 24.0, 26.0, 26.0];
    if attendance {
        headers.push("Điểm danh");
        weights.push(14.0);
    }
    if signatures {
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
    let has_sections = participants
        .iter()
        .any(|p| !p.person.section.trim().is_empty());
    for (i, p) in participants.iter().enumerate() {
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
        if attendance {
            cells.push(text(&attendance_of(p)));
        }
        if signatures {
            cells.push(text(""));
        }
        let note = if p.person.full_name.trim() == ctx.conf.meeting.chair_name.trim() {
            "Chủ trì"
        } else {
            ""
        };
        cells.push(Cell {
            paras: vec![cell_para(size).text(note).align(Align::Center)],
        });
        rows.push(Row::Cells(cells));
    }
    Block::Table(Table {
        widths: Table::proportional(page.content_width(), &weights),
        header: headers.into_iter().map(head).collect(),
        rows,
        border: 0.5,
        pad_x: 3.0,
        pad_y: 2.5,
    })
}

/// "Có mặt", "Đến muộn (08:20)", "Vắng (lý do)"…
fn attendance_of(p: &Participant) -> String {
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
