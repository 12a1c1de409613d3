//! Danh sách đại biểu in its three forms (`ListForm`):
//! - the list of delegates, sent with the giấy mời: "(Kèm theo Giấy mời số …)";
//! - the sign-in sheet for the door, printed before the meeting: an empty
//!   "Ký tên" column, rows at least 12 mm tall, blank rows for walk-ins;
//! - the attendance list kept with the biên bản: each delegate's state, with
//!   the same counts as the biên bản and the thông báo (`AttendanceSummary`).
//!
//! The staff are not delegates and are on none of them. The generic giấy mời's
//! annex is the delegates form for the invitees only (`invitees`).

use hoinghi_core::model::{
    AttendanceState, AttendanceSummary, DocumentFieldKey, DocumentKind, ListForm, Participant,
    ParticipantRole,
};

use super::{annex_label, cell_para, roman, when, Ctx};
use crate::layout::{Align, Block, Cell, PageSpec, Para, Row, Rule, Table, MM};
use crate::profile::{date_line, upper};

/// Rows of the sign-in sheet are tall enough to sign in.
const SIGN_IN_ROW: f32 = 12.0 * MM;
/// Empty rows at the end of the sign-in sheet, for delegates not on the list.
const WALK_IN_ROWS: usize = 5;

pub(super) fn build(ctx: &Ctx) -> (PageSpec, Vec<Block>) {
    let conf = ctx.conf;
    let page = ctx.profile().page;
    let delegates: Vec<&Participant> = conf
        .participants
        .iter()
        .filter(|p| p.role != ParticipantRole::Staff)
        .collect();
    let title = ctx.text(
        DocumentFieldKey::Title,
        upper(&format!(
            "Danh sách đại biểu dự {}",
            conf.meeting.title.trim()
        )),
    );
    let form = ctx.opts.list;
    let basis = match form {
        // The number and date chosen for a danh sách are its giấy mời's.
        ListForm::Delegates => ctx.text(
            DocumentFieldKey::Basis,
            basis_line(ctx, DocumentKind::GiayMoi, "Giấy mời"),
        ),
        ListForm::SignIn => {
            let venue = conf.meeting.venue.trim();
            let at = if venue.is_empty() {
                String::new()
            } else {
                format!(", tại {venue}")
            };
            format!("({}{at})", when(conf.starts()))
        }
        ListForm::Attendance => basis_line(ctx, DocumentKind::BienBan, "Biên bản"),
    };
    let mut blocks = heading(ctx, &page, None, &title, &basis);
    if form == ListForm::Attendance {
        blocks.insert(blocks.len() - 1, counts(ctx, &delegates));
    }
    blocks.push(table(ctx, &page, &delegates, form));
    (page, blocks)
}

/// "(Kèm theo Giấy mời số 45/GM-BTGTU ngày 29 tháng 9 năm 2022 của …)": the
/// document this list goes with, by the number and date chosen for the list.
fn basis_line(ctx: &Ctx, kind: DocumentKind, name: &str) -> String {
    let day = ctx
        .opts
        .issued_on
        .unwrap_or_else(|| ctx.conf.usual_issue_date(kind));
    format!(
        "(Kèm theo {name} số {} {} của {})",
        ctx.number_of(kind),
        date_line("", day),
        ctx.conf.body_name()
    )
}

/// The annex of a generic giấy mời: the invitees by section, pointing back to
/// the invitation's number and date.
pub(super) fn invitees(ctx: &Ctx, invitees: &[&Participant]) -> Vec<Block> {
    let page = ctx.profile().page;
    let title = upper(&format!(
        "Danh sách đại biểu được mời dự {}",
        ctx.conf.meeting.title.trim()
    ));
    let basis = basis_line(ctx, DocumentKind::GiayMoi, "Giấy mời");
    let label = annex_label(ctx.profile().kind, 1, 1);
    let mut blocks = heading(ctx, &page, Some(&label), &title, &basis);
    blocks.push(table(ctx, &page, invitees, ListForm::Delegates));
    blocks
}

/// The list's title (under "Phụ lục" when it is an annex), its basis line
/// in italics and a short rule.
fn heading(
    ctx: &Ctx,
    page: &PageSpec,
    annex: Option<&str>,
    title: &str,
    basis: &str,
) -> Vec<Block> {
    let size = ctx.profile().body_size;
    let centred = || Para::new(size).align(Align::Center).leading(size * 1.2);
    let label = annex.map(|a| Block::Para(centred().bold(a.to_string()).keep_with_next()));
    label
        .into_iter()
        .chain([
            Block::Para(centred().bold(title.to_string()).keep_with_next()),
            Block::Para(centred().italic(basis.to_string()).keep_with_next()),
            Block::Rule(Rule {
                width: page.content_width() / 4.0,
                thickness: 0.6,
                align: Align::Center,
                space_before: 4.0,
                space_after: 12.0,
            }),
        ])
        .collect()
}

/// "Tổng số: 36 đại biểu; có mặt: 33 (đến muộn: 1); vắng: 3 (có lý do: 2)."
/// — the counts of `AttendanceSummary`, as in the biên bản and the thông báo.
fn counts(ctx: &Ctx, delegates: &[&Participant]) -> Block {
    let s = AttendanceSummary::of(delegates.iter().copied());
    let mut came = format!("có mặt: {}", s.attended);
    let of_them: Vec<String> = [("đến muộn", s.late), ("về trước", s.left)]
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{what}: {n}"))
        .collect();
    if !of_them.is_empty() {
        came.push_str(&format!(" (trong đó {})", of_them.join(", ")));
    }
    let absent = s.absent + s.absent_excused;
    let mut parts = vec![format!("Tổng số: {} đại biểu", s.invited), came];
    if absent > 0 {
        parts.push(format!("vắng: {absent} (có lý do: {})", s.absent_excused));
    }
    if s.pending > 0 {
        parts.push(format!("chưa điểm danh: {}", s.pending));
    }
    let size = ctx.profile().body_size;
    Block::Para(
        Para::new(size)
            .align(Align::Center)
            .text(format!("{}.", parts.join("; ")))
            .before(4.0)
            .after(4.0)
            .keep_with_next(),
    )
}

/// The columns of each form:
/// - delegates: STT | Họ và tên | Chức vụ | Đơn vị | Ghi chú;
/// - sign-in: STT | Họ và tên | Chức vụ, đơn vị | Ký tên;
/// - attendance: STT | Họ và tên | Chức vụ | Đơn vị | Tham dự.
///
/// A row for each section heads its delegates.
fn table(ctx: &Ctx, page: &PageSpec, participants: &[&Participant], form: ListForm) -> Block {
    let size = ctx.table_size();
    let (headers, weights): (&[&str], &[f32]) = match form {
        ListForm::Delegates => (
            &["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Ghi chú"],
            &[8.0, 24.0, 26.0, 28.0, 12.0],
        ),
        ListForm::SignIn => (
            &["STT", "Họ và tên", "Chức vụ, đơn vị", "Ký tên"],
            &[8.0, 26.0, 42.0, 22.0],
        ),
        ListForm::Attendance => (
            &["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Tham dự"],
            &[7.0, 25.0, 23.0, 23.0, 22.0],
        ),
    };
    let head = |t: &&str| Cell {
        paras: vec![cell_para(size).bold(t.to_string()).align(Align::Center)],
    };
    let text = |t: &str| Cell {
        paras: vec![cell_para(size).text(t.to_string())],
    };
    let centred = |t: &str| Cell {
        paras: vec![cell_para(size).text(t.to_string()).align(Align::Center)],
    };
    let section_row = |n: usize, label: &str| {
        Row::Section(cell_para(size).bold(format!("{}. {}", roman(n), upper(label))))
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
            rows.push(section_row(sections, label));
            section = Some(this);
        }
        let person = &p.person;
        let cells = match form {
            ListForm::Delegates => vec![
                centred(&(i + 1).to_string()),
                text(&person.full_name),
                text(&person.position_title),
                text(&person.unit),
                centred(if p.role == ParticipantRole::Chair {
                    "Chủ trì"
                } else {
                    ""
                }),
            ],
            ListForm::SignIn => {
                let office = [person.position_title.trim(), person.unit.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect::<Vec<_>>()
                    .join(", ");
                vec![
                    centred(&(i + 1).to_string()),
                    text(&person.full_name),
                    text(&office),
                    text(""),
                ]
            }
            ListForm::Attendance => vec![
                centred(&(i + 1).to_string()),
                text(&person.full_name),
                text(&person.position_title),
                text(&person.unit),
                text(&attendance_of(p)),
            ],
        };
        rows.push(Row::Cells(cells));
    }
    if form == ListForm::SignIn {
        if has_sections {
            rows.push(section_row(sections + 1, "Đại biểu khác (ghi thêm)"));
        }
        let next = participants.len() + 1;
        for n in next..next + WALK_IN_ROWS {
            rows.push(Row::Cells(vec![
                centred(&n.to_string()),
                text(""),
                text(""),
                text(""),
            ]));
        }
    }
    Block::Table(Table {
        widths: Table::proportional(page.content_width(), weights),
        header: headers.iter().map(head).collect(),
        rows,
        border: 0.5,
        pad_x: 3.0,
        pad_y: 2.5,
        min_row_height: if form == ListForm::SignIn {
            SIGN_IN_ROW
        } else {
            0.0
        },
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
    let state = match p.state {
        AttendanceState::Invited => String::new(),
        AttendanceState::Present => "Có mặt".into(),
        AttendanceState::Late => format!("Đến muộn ({})", time(&p.arrived_at)),
        AttendanceState::Left => format!("Về trước ({})", time(&p.left_at)),
        AttendanceState::AbsentExcused => format!("Vắng ({})", p.absence_reason.trim()),
        AttendanceState::Absent => "Vắng không lý do".into(),
    };
    match super::substitute(p) {
        Some(who) if !state.is_empty() => format!("{state}; {who} dự thay"),
        Some(who) => format!("{who} dự thay"),
        None => state,
    }
}
