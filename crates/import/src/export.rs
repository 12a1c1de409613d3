//! A meeting's list as an .xlsx file a unit can fill in and send back: the
//! same columns the import reads, then attendance when there is any.

use hoinghi_core::model::{AttendanceState, Participant};
use hoinghi_core::Db;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, XlsxError};

use crate::error::ImportError;

/// The columns, as the import recognises them; the last four are
/// attendance, which the import leaves alone.
const HEADERS: [(&str, f64); 12] = [
    ("STT", 6.0),
    ("Họ và tên", 28.0),
    ("Chức vụ", 30.0),
    ("Đơn vị", 34.0),
    ("Thành phần", 18.0),
    ("Mã", 12.0),
    ("Điện thoại", 14.0),
    ("Email", 26.0),
    ("Điểm danh", 16.0),
    ("Giờ đến", 9.0),
    ("Giờ về", 9.0),
    ("Lý do vắng", 24.0),
];

/// The meeting's list as .xlsx bytes: its title on the first row, the
/// headers on the third, one delegate a row in the list's order.
pub fn export_list(db: &Db, meeting_id: &str) -> Result<Vec<u8>, ImportError> {
    let meeting = db.meeting(meeting_id)?;
    let list = db.participants(meeting_id)?;
    write(&meeting.title, &list).map_err(|e| ImportError::Export(e.to_string()))
}

fn write(title: &str, list: &[Participant]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Danh sách")?;
    let bold = Format::new().set_bold();
    let head = Format::new()
        .set_bold()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_border(FormatBorder::Thin);
    let cell = Format::new().set_border(FormatBorder::Thin).set_text_wrap();
    let last = (HEADERS.len() - 1) as u16;
    sheet.merge_range(
        0,
        0,
        0,
        last,
        &format!("DANH SÁCH ĐẠI BIỂU — {title}"),
        &bold,
    )?;
    for (c, (name, width)) in HEADERS.iter().enumerate() {
        sheet.write_string_with_format(2, c as u16, *name, &head)?;
        sheet.set_column_width(c as u16, *width)?;
    }
    sheet.set_freeze_panes(3, 0)?;
    for (i, p) in list.iter().enumerate() {
        let row = 3 + i as u32;
        let (state, arrived, left, reason) = attendance(p);
        let values = [
            (i + 1).to_string(),
            p.person.full_name.clone(),
            p.person.position_title.clone(),
            p.person.unit.clone(),
            p.person.section.clone(),
            p.person.checkin_code.clone(),
            p.person.phone.clone(),
            p.person.email.clone(),
            state.to_string(),
            arrived,
            left,
            reason,
        ];
        for (c, v) in values.iter().enumerate() {
            // Codes and phone numbers stay text, so "0912…" keeps its zero.
            sheet.write_string_with_format(row, c as u16, v, &cell)?;
        }
    }
    book.save_to_buffer()
}

fn attendance(p: &Participant) -> (&'static str, String, String, String) {
    let time = |t: &Option<String>| {
        t.as_deref()
            .and_then(|t| t.get(11..16))
            .unwrap_or("")
            .to_string()
    };
    let state = match p.state {
        AttendanceState::Invited => "",
        AttendanceState::Present => "Có mặt",
        AttendanceState::Late => "Đến muộn",
        AttendanceState::Left => "Về sớm",
        AttendanceState::AbsentExcused => "Vắng có lý do",
        AttendanceState::Absent => "Vắng",
    };
    (
        state,
        time(&p.arrived_at),
        time(&p.left_at),
        p.absence_reason.clone(),
    )
}
