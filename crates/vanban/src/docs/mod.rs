//! The six conference documents, built as layout blocks from a snapshot of
//! one meeting in the store. Each builder follows the skeleton in
//! docs/format-rules.md (§ Document skeletons) for the chosen profile.

mod bao_cao;
mod bien_ban;
mod chuong_trinh;
mod danh_sach;
mod giay_moi;
mod thong_bao;

pub mod files;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use hoinghi_core::model::{
    AgendaItem, DocumentField, DocumentFieldKey, DocumentFont, DocumentKind, DocumentOptions,
    FormatProfile, FormatSettings, Meeting, MinutesEntry, Organisation, Participant, Task,
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

/// The date a document is usually signed, relative to the meeting: an
/// invitation a week before (≥ 3 working days), the conclusions a few days after.
fn default_issue_date(kind: DocumentKind, meeting_day: NaiveDate) -> NaiveDate {
    let days = match kind {
        DocumentKind::GiayMoi => -7,
        DocumentKind::ChuongTrinh => -3,
        DocumentKind::DanhSach | DocumentKind::BienBan => 0,
        DocumentKind::BaoCao => 1,
        DocumentKind::ThongBao => 4,
    };
    meeting_day + Duration::days(days)
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
    pub texts: BTreeMap<DocumentFieldKey, String>,
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

/// Everything one document needs, read from the store in one go. Taking it
/// is quick; rendering it is the slow part and needs no database, so a
/// caller holds the store's lock only while taking the snapshot.
#[derive(Debug, Clone)]
pub struct Snapshot {
    pub kind: DocumentKind,
    pub conf: Conference,
    pub opts: Options,
    pub font: DocumentFont,
}

impl Snapshot {
    /// Reads one document of a meeting: its data, the secretary's text edits,
    /// the format settings and the chosen typeface.
    pub fn take(
        db: &Db,
        meeting_id: &str,
        kind: DocumentKind,
        request: &DocumentOptions,
    ) -> Result<Snapshot> {
        let conf = Conference::load(db, meeting_id)?;
        let mut opts = Options::from_request(request, chrono::Utc::now().naive_utc())?
            .with_format(db.format_settings()?);
        opts.texts = db.document_texts(meeting_id, kind)?;
        Ok(Snapshot {
            kind,
            conf,
            opts,
            font: db.document_font()?,
        })
    }

    fn fonts(&self) -> Arc<Fonts> {
        Fonts::for_choice(self.font)
    }

    /// The document as PDF bytes.
    pub fn render(&self) -> Result<Vec<u8>> {
        let fonts = self.fonts();
        build(self.kind, &self.conf, &self.opts, &fonts).to_pdf(&fonts)
    }

    /// The wording the secretary may edit: generated and edited text.
    pub fn fields(&self) -> Vec<DocumentField> {
        compose(self.kind, &self.conf, &self.opts, &self.fonts()).1
    }

    /// The name to save the document under (see `files::document_name`).
    pub fn file_name(&self) -> String {
        files::document_name(self.kind, &self.conf.meeting)
    }

    /// One invitation per invited person, each its own PDF, in list order,
    /// with its file name (see `files::invitation_name`).
    pub fn invitations(&self) -> Result<Vec<(String, Vec<u8>)>> {
        let fonts = self.fonts();
        let mut out = Vec::with_capacity(self.conf.participants.len());
        for (i, participant) in self.conf.participants.iter().enumerate() {
            let one = Conference {
                participants: vec![participant.clone()],
                ..self.conf.clone()
            };
            let pdf = build(DocumentKind::GiayMoi, &one, &self.opts, &fonts).to_pdf(&fonts)?;
            out.push((
                files::invitation_name(i + 1, &participant.person.full_name),
                pdf,
            ));
        }
        Ok(out)
    }
}

/// Builds one document of a meeting straight from the store, as PDF bytes
/// (for callers that hold the database anyway, such as the CLI).
pub fn export(
    db: &Db,
    meeting_id: &str,
    kind: DocumentKind,
    request: &DocumentOptions,
) -> Result<Vec<u8>> {
    Snapshot::take(db, meeting_id, kind, request)?.render()
}

/// A document ready to lay out: its page, its blocks and its metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub kind: DocumentKind,
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

pub fn build(kind: DocumentKind, conf: &Conference, opts: &Options, fonts: &Fonts) -> Document {
    compose(kind, conf, opts, fonts).0
}

/// The document and the editable fields it used.
fn compose(
    kind: DocumentKind,
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
        DocumentKind::GiayMoi => giay_moi::build(&ctx),
        DocumentKind::ChuongTrinh => chuong_trinh::build(&ctx),
        DocumentKind::DanhSach => danh_sach::build(&ctx),
        DocumentKind::BienBan => bien_ban::build(&ctx),
        DocumentKind::ThongBao => thong_bao::build(&ctx),
        DocumentKind::BaoCao => bao_cao::build(&ctx),
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
    kind: DocumentKind,
    /// The editable fields the builder used, in order.
    fields: RefCell<Vec<DocumentField>>,
}

impl Ctx<'_> {
    /// The text of an editable field: the secretary's edit, or `generated`.
    fn text(&self, key: DocumentFieldKey, generated: String) -> String {
        let edited = self.opts.texts.get(&key).cloned();
        let mut fields = self.fields.borrow_mut();
        if !fields.iter().any(|f| f.key == key) {
            fields.push(DocumentField {
                key,
                text: edited.clone().unwrap_or_else(|| generated.clone()),
                generated: generated.clone(),
                edited: edited.is_some(),
                multiline: key.is_multiline(),
            });
        }
        edited.unwrap_or(generated)
    }

    /// Tên loại and the trích yếu (editable).
    fn title(&self, kind_name: &str, subject: &str) -> Vec<Block> {
        let subject = self.text(DocumentFieldKey::Subject, subject.trim().to_string());
        self.profile().title(self.fonts, kind_name, &subject)
    }

    fn profile(&self) -> &Profile {
        &self.opts.profile
    }

    fn issued_on(&self) -> NaiveDate {
        self.opts
            .issued_on
            .unwrap_or_else(|| default_issue_date(self.kind, self.conf.starts().date()))
    }

    fn number_line(&self) -> String {
        let abbr = if self.kind == DocumentKind::GiayMoi && self.profile().is_party() {
            self.opts.format.party_invitation_abbreviation.as_str()
        } else {
            self.kind.type_abbreviation()
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
        let recipients = self.text(DocumentFieldKey::Recipients, recipients.join("\n"));
        let recipients: Vec<String> = recipients
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        let authority = self.text(
            DocumentFieldKey::SignerAuthority,
            self.profile().authority(&org.signing_prefix),
        );
        let title = self.text(DocumentFieldKey::SignerTitle, org.signer_title.clone());
        let name = self.text(DocumentFieldKey::SignerName, org.signer_name.clone());
        self.profile()
            .signature(&recipients, &authority, &title, &name)
    }

    /// The closing sentence (editable, with the profile's ending) kept on one
    /// page with "Nơi nhận" (first `recipient`, then the archive line) and the signature.
    fn closing(&self, sentence: &str, recipient: &str) -> Block {
        let closing = self.text(
            DocumentFieldKey::Closing,
            with_ending(sentence, self.ending()),
        );
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
