//! The six conference documents, built as layout blocks from a snapshot of
//! one meeting in the store. Each builder follows the skeleton in
//! shared/FORMAT.md (part C) for the chosen profile.

mod bao_cao;
mod bien_ban;
mod chuong_trinh;
mod danh_sach;
mod giay_moi;
mod thong_bao;

use std::cell::RefCell;
use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use hoinghi_core::model::{
    AgendaItem, DocumentField, DocumentKind, DocumentOptions, FormatProfile, FormatSettings,
    Meeting, MinutesEntry, Organisation, Participant, Task,
};
use hoinghi_core::Db;

use crate::error::{Error, Result};
use crate::font::Fonts;
use crate::layout::{layout, Block, Laid, PageSpec, Para};
use crate::pdf::{self, Metadata};
use crate::profile::{date_line, weekday, Profile};

/// Everything a document may say about one meeting.
#[derive(Debug, Clone)]
pub struct Conference {
    pub organisation: Organisation,
    pub meeting: Meeting,
    pub agenda: Vec<AgendaItem>,
    pub participants: Vec<Participant>,
    pub minutes: Vec<MinutesEntry>,
    pub tasks: Vec<Task>,
}

impl Conference {
    pub fn load(db: &Db, meeting_id: &str) -> hoinghi_core::Result<Conference> {
        Ok(Conference {
            organisation: db.organisation()?,
            meeting: db.meeting(meeting_id)?,
            agenda: db.agenda(meeting_id)?,
            participants: db.participants(meeting_id)?,
            minutes: db.minutes(meeting_id)?,
            tasks: db.tasks(meeting_id)?,
        })
    }

    fn starts(&self) -> NaiveDateTime {
        parse_local(&self.meeting.starts_at)
    }

    fn ends(&self) -> NaiveDateTime {
        parse_local(&self.meeting.ends_at)
    }

    /// The organisation as a sentence names it ("Ban Tuyên giáo Thành uỷ Hà Nội").
    fn body_name(&self) -> String {
        let org = &self.organisation;
        if !org.full_name.trim().is_empty() {
            return org.full_name.trim().to_string();
        }
        sentence_case(&org.name)
    }

    /// "đồng chí Bùi Huyền Mai, Trưởng Ban Tuyên giáo Thành uỷ"
    fn chair(&self) -> String {
        person(&self.meeting.chair_name, &self.meeting.chair_title)
    }

    /// The chair's office alone, for "kết luận của đồng chí Trưởng Ban…".
    fn chair_office(&self) -> String {
        let title = self.meeting.chair_title.trim();
        title.rsplit(',').next().unwrap_or(title).trim().to_string()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocKind {
    GiayMoi,
    ChuongTrinh,
    DanhSach,
    BienBan,
    ThongBao,
    BaoCao,
}

impl DocKind {
    pub const ALL: [DocKind; 6] = [
        DocKind::GiayMoi,
        DocKind::ChuongTrinh,
        DocKind::DanhSach,
        DocKind::BienBan,
        DocKind::ThongBao,
        DocKind::BaoCao,
    ];

    /// The name used on the command line and in file names.
    pub fn slug(self) -> &'static str {
        match self {
            DocKind::GiayMoi => "giay-moi",
            DocKind::ChuongTrinh => "chuong-trinh",
            DocKind::DanhSach => "danh-sach",
            DocKind::BienBan => "bien-ban",
            DocKind::ThongBao => "thong-bao",
            DocKind::BaoCao => "bao-cao",
        }
    }

    pub fn parse(slug: &str) -> Option<DocKind> {
        DocKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The kind the UI asked for (the two enums share their slugs).
    pub fn of(kind: DocumentKind) -> DocKind {
        DocKind::parse(kind.as_str()).expect("DocumentKind and DocKind share their slugs")
    }

    pub fn name(self) -> &'static str {
        match self {
            DocKind::GiayMoi => "Giấy mời",
            DocKind::ChuongTrinh => "Chương trình",
            DocKind::DanhSach => "Danh sách đại biểu",
            DocKind::BienBan => "Biên bản",
            DocKind::ThongBao => "Thông báo kết luận",
            DocKind::BaoCao => "Báo cáo",
        }
    }

    /// Abbreviation in số/ký hiệu (NĐ30 Phụ lục III; HD36 1.3.1).
    pub fn type_abbr(self) -> &'static str {
        match self {
            DocKind::GiayMoi => "GM",
            DocKind::ChuongTrinh => "CTr",
            DocKind::DanhSach => "DS",
            DocKind::BienBan => "BB",
            DocKind::ThongBao => "TB",
            DocKind::BaoCao => "BC",
        }
    }

    /// The date a document is usually signed, relative to the meeting: an
    /// invitation a week before (≥ 3 working days), the conclusions a few days after.
    fn default_issue_date(self, meeting_day: NaiveDate) -> NaiveDate {
        let days = match self {
            DocKind::GiayMoi => -7,
            DocKind::ChuongTrinh => -3,
            DocKind::DanhSach | DocKind::BienBan => 0,
            DocKind::BaoCao => 1,
            DocKind::ThongBao => 4,
        };
        meeting_day + Duration::days(days)
    }
}

/// How to produce a document.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub profile: Profile,
    /// The number in số/ký hiệu; `None` leaves a blank to fill in by hand.
    pub number: Option<u32>,
    /// The date on the date line; `None` uses the usual date for the document.
    pub issued_on: Option<NaiveDate>,
    /// Danh sách: add the attendance state of each delegate.
    pub list_attendance: bool,
    /// Danh sách: add a column to sign in at the door.
    pub list_signatures: bool,
    /// The PDF's creation time (UTC).
    pub created: NaiveDateTime,
    /// The secretary's edits of generated text, by field key.
    pub texts: BTreeMap<String, String>,
    /// The settings for uncertain format rules.
    pub format: FormatSettings,
}

impl Options {
    pub fn new(profile: FormatProfile, created: NaiveDateTime) -> Options {
        Options {
            profile: Profile::for_kind(profile),
            number: None,
            issued_on: None,
            list_attendance: false,
            list_signatures: false,
            created,
            texts: BTreeMap::new(),
            format: FormatSettings::default(),
        }
    }

    /// Applies the settings for uncertain format rules.
    pub fn with_format(mut self, format: FormatSettings) -> Options {
        if self.profile.is_party() {
            self.profile.ending = format.party_ending.clone();
        }
        self.format = format;
        self
    }
}

impl Options {
    /// The options a user chose in the app or on the command line.
    pub fn from_request(request: &DocumentOptions, created: NaiveDateTime) -> Result<Options> {
        let issued_on = match request.issued_on.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) => Some(
                NaiveDate::parse_from_str(s, "%Y-%m-%d")
                    .map_err(|_| Error::InvalidDate(s.to_string()))?,
            ),
        };
        Ok(Options {
            number: request.number,
            issued_on,
            list_attendance: request.list_attendance,
            list_signatures: request.list_signatures,
            ..Options::new(request.profile, created)
        })
    }
}

/// Builds one document of a meeting straight from the store (with the
/// secretary's text edits), as PDF bytes.
pub fn export(
    db: &Db,
    meeting_id: &str,
    kind: DocumentKind,
    request: &DocumentOptions,
) -> Result<Vec<u8>> {
    let (conf, opts) = prepare(db, meeting_id, kind, request)?;
    let fonts = Fonts::for_choice(db.document_font()?);
    build(DocKind::of(kind), &conf, &opts, &fonts).to_pdf(&fonts)
}

/// One invitation per invited person, each as its own PDF, named
/// "giay-moi-001-nguyen-van-hung.pdf" in list order.
pub fn export_invitations(
    db: &Db,
    meeting_id: &str,
    request: &DocumentOptions,
) -> Result<Vec<(String, Vec<u8>)>> {
    let (conf, opts) = prepare(db, meeting_id, DocumentKind::GiayMoi, request)?;
    let fonts = Fonts::for_choice(db.document_font()?);
    let mut files = Vec::with_capacity(conf.participants.len());
    for (i, participant) in conf.participants.iter().enumerate() {
        let one = Conference {
            participants: vec![participant.clone()],
            ..conf.clone()
        };
        let pdf = build(DocKind::GiayMoi, &one, &opts, &fonts).to_pdf(&fonts)?;
        let name = hoinghi_core::fold(&participant.person.full_name)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>();
        files.push((
            format!("giay-moi-{:03}-{}.pdf", i + 1, name.trim_matches('-')),
            pdf,
        ));
    }
    Ok(files)
}

/// The editable text of one document of a meeting: generated and edited.
pub fn document_fields(
    db: &Db,
    meeting_id: &str,
    kind: DocumentKind,
    request: &DocumentOptions,
) -> Result<Vec<DocumentField>> {
    let (conf, opts) = prepare(db, meeting_id, kind, request)?;
    Ok(compose(
        DocKind::of(kind),
        &conf,
        &opts,
        &Fonts::for_choice(db.document_font()?),
    )
    .1)
}

fn prepare(
    db: &Db,
    meeting_id: &str,
    kind: DocumentKind,
    request: &DocumentOptions,
) -> Result<(Conference, Options)> {
    let conf = Conference::load(db, meeting_id)?;
    let mut opts = Options::from_request(request, chrono::Utc::now().naive_utc())?
        .with_format(db.format_settings()?);
    opts.texts = db.document_texts(meeting_id, kind)?;
    Ok((conf, opts))
}

/// A document ready to lay out: its page, its blocks and its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub kind: DocKind,
    pub page: PageSpec,
    pub blocks: Vec<Block>,
    pub meta: Metadata,
}

impl Document {
    pub fn layout(&self, fonts: &Fonts) -> Laid {
        layout(fonts, self.page, &self.blocks)
    }

    pub fn to_pdf(&self, fonts: &Fonts) -> Result<Vec<u8>> {
        pdf::write(fonts, &self.layout(fonts), &self.meta)
    }
}

pub fn build(kind: DocKind, conf: &Conference, opts: &Options, fonts: &Fonts) -> Document {
    compose(kind, conf, opts, fonts).0
}

/// The document and the editable fields it used.
fn compose(
    kind: DocKind,
    conf: &Conference,
    opts: &Options,
    fonts: &Fonts,
) -> (Document, Vec<DocumentField>) {
    let ctx = Ctx {
        conf,
        opts,
        fonts,
        kind,
        fields: RefCell::new(Vec::new()),
    };
    let (page, blocks) = match kind {
        DocKind::GiayMoi => giay_moi::build(&ctx),
        DocKind::ChuongTrinh => chuong_trinh::build(&ctx),
        DocKind::DanhSach => danh_sach::build(&ctx),
        DocKind::BienBan => bien_ban::build(&ctx),
        DocKind::ThongBao => thong_bao::build(&ctx),
        DocKind::BaoCao => bao_cao::build(&ctx),
    };
    let meta = Metadata {
        title: format!("{} – {}", kind.name(), conf.meeting.title),
        author: conf.body_name(),
        subject: conf.meeting.title.clone(),
        keywords: vec![kind.name().to_string(), "HoiNghi".to_string()],
        created: opts.created,
    };
    (
        Document {
            kind,
            page,
            blocks,
            meta,
        },
        ctx.fields.into_inner(),
    )
}

/// What every builder needs.
struct Ctx<'a> {
    conf: &'a Conference,
    opts: &'a Options,
    fonts: &'a Fonts,
    kind: DocKind,
    /// The editable fields the builder used, in order.
    fields: RefCell<Vec<DocumentField>>,
}

impl Ctx<'_> {
    /// The text of an editable field: the secretary's edit, or `generated`.
    fn text(&self, key: &'static str, generated: String) -> String {
        let edited = self.opts.texts.get(key).cloned();
        let mut fields = self.fields.borrow_mut();
        if !fields.iter().any(|f| f.key == key) {
            fields.push(DocumentField {
                key: key.to_string(),
                label: field_label(key).to_string(),
                text: edited.clone().unwrap_or_else(|| generated.clone()),
                generated: generated.clone(),
                edited: edited.is_some(),
                multiline: key == "recipients",
            });
        }
        edited.unwrap_or(generated)
    }

    /// Tên loại and the trích yếu (editable).
    fn title(&self, kind_name: &str, subject: &str) -> Vec<Block> {
        let subject = self.text("subject", subject.trim().to_string());
        self.profile().title(self.fonts, kind_name, &subject)
    }

    fn profile(&self) -> &Profile {
        &self.opts.profile
    }

    fn issued_on(&self) -> NaiveDate {
        self.opts
            .issued_on
            .unwrap_or_else(|| self.kind.default_issue_date(self.conf.starts().date()))
    }

    fn number_line(&self) -> String {
        let abbr = if self.kind == DocKind::GiayMoi && self.profile().is_party() {
            self.opts.format.party_invitation_abbreviation.as_str()
        } else {
            self.kind.type_abbr()
        };
        self.profile()
            .number_line(self.opts.number, abbr, &self.conf.organisation.abbreviation)
    }

    fn date_line(&self) -> String {
        date_line(&self.conf.organisation.place_name, self.issued_on())
    }

    /// The standard header with number and date.
    fn header(&self, number: bool, date: bool) -> Vec<Block> {
        let org = &self.conf.organisation;
        let number = number.then(|| self.number_line());
        let date = date.then(|| self.date_line());
        self.profile().header(
            self.fonts,
            &org.parent_name,
            &org.name,
            number.as_deref(),
            date.as_deref(),
        )
    }

    /// A body paragraph with a bold label: "Thời gian: …".
    fn labelled(&self, label: &str, text: &str) -> Block {
        Block::Para(
            self.profile()
                .body()
                .bold(format!("{label}: "))
                .text(text.trim().to_string()),
        )
    }

    fn para(&self, text: &str) -> Block {
        Block::Para(self.profile().body().text(text.trim().to_string()))
    }

    fn heading(&self, text: &str) -> Block {
        Block::Para(
            self.profile()
                .body()
                .bold(text.to_string())
                .keep_with_next(),
        )
    }

    /// The organisation's signer, with "Nơi nhận" (all editable).
    fn signature(&self, recipients: &[String]) -> Block {
        let org = &self.conf.organisation;
        let recipients = self.text("recipients", recipients.join("\n"));
        let recipients: Vec<String> = recipients
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        let authority = self.text(
            "signer_authority",
            self.profile().authority(&org.signing_prefix),
        );
        let title = self.text("signer_title", org.signer_title.clone());
        let name = self.text("signer_name", org.signer_name.clone());
        self.profile()
            .signature(&recipients, &authority, &title, &name)
    }

    /// The closing sentence (editable, with the profile's ending) kept on one
    /// page with "Nơi nhận" (first `recipient`, then the archive line) and the signature.
    fn closing(&self, sentence: &str, recipient: &str) -> Block {
        let closing = self.text("closing", with_ending(sentence, self.ending()));
        let recipients = [recipient.to_string(), self.archive()];
        Block::KeepTogether(vec![
            self.para(&closing),
            Block::Space(6.0),
            self.signature(&recipients),
        ])
    }

    fn ending(&self) -> &str {
        &self.profile().ending
    }

    fn archive(&self) -> String {
        self.profile().archive_line.clone()
    }
}

fn parse_local(s: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M").unwrap_or_default()
}

/// "08 giờ 00"
fn clock(t: NaiveDateTime) -> String {
    t.format("%H giờ %M").to_string()
}

/// "08 giờ 00, thứ Năm, ngày 06 tháng 10 năm 2022"
fn when(t: NaiveDateTime) -> String {
    format!(
        "{}, {}, {}",
        clock(t),
        weekday(t.date()),
        date_line("", t.date())
    )
}

/// "06/10/2022"
fn short_date(s: &str) -> String {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_or_else(|_| s.to_string(), |d| d.format("%d/%m/%Y").to_string())
}

/// "đồng chí Name, title" (title omitted when empty).
fn person(name: &str, title: &str) -> String {
    let (name, title) = (name.trim(), title.trim());
    match (name.is_empty(), title.is_empty()) {
        (true, _) => title.to_string(),
        (false, true) => format!("đồng chí {name}"),
        (false, false) => format!("đồng chí {name}, {title}"),
    }
}

/// Ends a sentence once: "…" + "." unless it already ends in punctuation.
fn sentence(s: &str) -> String {
    let s = s.trim();
    if s.ends_with(['.', '!', '?', ':', ';']) || s.is_empty() {
        s.to_string()
    } else {
        format!("{s}.")
    }
}

/// Replaces a final "." (or nothing) with the profile's ending ("./.").
fn with_ending(s: &str, ending: &str) -> String {
    let s = s.trim().trim_end_matches(['.', ';']);
    format!("{s}{ending}")
}

/// "BAN TUYÊN GIÁO" → "Ban tuyên giáo": a fallback when no full name is set.
fn sentence_case(s: &str) -> String {
    capitalise(&s.trim().to_lowercase())
}

/// Upper-cases the first letter ("đồng chí" → "Đồng chí").
fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// What the Văn bản tab calls each editable field.
fn field_label(key: &str) -> &'static str {
    match key {
        "subject" => "Trích yếu",
        "recipients" => "Nơi nhận (mỗi dòng một nơi)",
        "signer_authority" => "Quyền hạn ký (TM., KT., TL. …)",
        "signer_title" => "Chức vụ người ký",
        "signer_name" => "Họ tên người ký",
        "invitation" => "Lời mời",
        "closing" => "Câu kết",
        "title" => "Tiêu đề",
        "basis" => "Dòng kèm theo",
        "attendance" => "Thành phần tham dự",
        "opening" => "Đoạn mở đầu",
        "lead" => "Câu dẫn phần kết luận",
        "discussion" => "Câu dẫn phần thảo luận",
        _ => "Nội dung",
    }
}

/// "Ngày 06 tháng 10 năm 2022" without a place.
fn date_line_of(d: NaiveDate) -> String {
    date_line("", d)
}

/// "I. TITLE" (ND30) or "I- TITLE" (Party practice).
fn roman_heading(party: bool, n: usize, title: &str) -> String {
    let sep = if party { "-" } else { "." };
    format!("{}{sep} {}", roman(n), crate::profile::upper(title))
}

/// "I", "II", … for section numbers.
fn roman(n: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for (value, digits) in TABLE {
        while n >= value {
            out.push_str(digits);
            n -= value;
        }
    }
    out
}

/// Task lines for conclusions: "text (Thực hiện: X; thời hạn: dd/mm/yyyy)."
fn task_text(task: &Task) -> String {
    let mut details = Vec::new();
    if !task.assignee.trim().is_empty() {
        details.push(format!("thực hiện: {}", task.assignee.trim()));
    }
    if let Some(d) = &task.deadline {
        details.push(format!("thời hạn: {}", short_date(d)));
    }
    let text = task.text.trim().trim_end_matches('.');
    if details.is_empty() {
        format!("{text}.")
    } else {
        format!("{text} ({}).", details.join("; "))
    }
}

/// A Para for table cells and short lines at `size`.
fn cell_para(size: f32) -> Para {
    Para::new(size).leading(size * 1.2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers_format_vietnamese_text() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(sentence_case("BAN TUYÊN GIÁO"), "Ban tuyên giáo");
        assert_eq!(
            with_ending("Hội nghị kết thúc.", "./."),
            "Hội nghị kết thúc./."
        );
        assert_eq!(person("Bùi Huyền Mai", ""), "đồng chí Bùi Huyền Mai");
        let t = parse_local("2022-10-06T08:00");
        assert_eq!(when(t), "08 giờ 00, thứ Năm, ngày 06 tháng 10 năm 2022");
    }
}
