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
pub mod so_van_ban;

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{Duration, NaiveDate, NaiveDateTime};
use hoinghi_core::model::{
    AgendaItem, DocumentField, DocumentFieldKey, DocumentFont, DocumentFormat, DocumentKind,
    DocumentOptions, FormatProfile, FormatSettings, InvitationForm, ListForm, Meeting,
    MinutesEntry, Organisation, Participant, Task, Vote,
};
use hoinghi_core::Db;

use crate::error::{Error, Result};
use crate::font::{FaceKind, Fonts};
use crate::layout::{layout, Block, Item, Laid, PageSpec, Para, Piece, TextRun, ASCENT, MM};
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
    pub votes: Vec<Vote>,
}

impl Conference {
    pub fn load(db: &Db, meeting_id: &str) -> hoinghi_core::Result<Conference> {
        Ok(Conference {
            organisation: db.issuing_body(meeting_id)?,
            meeting: db.meeting(meeting_id)?,
            agenda: db.agenda(meeting_id)?,
            participants: db.participants(meeting_id)?,
            minutes: db.minutes(meeting_id)?,
            tasks: db.tasks(meeting_id)?,
            votes: db.votes(meeting_id)?,
        })
    }

    fn starts(&self) -> NaiveDateTime {
        parse_local(&self.meeting.starts_at)
    }

    /// Where the secretary typed text that holds `c`: the first field of the
    /// meeting's records that does, named as the app's forms name it, with
    /// its text.
    fn field_with<'a>(
        &'a self,
        c: char,
        texts: &'a BTreeMap<DocumentFieldKey, String>,
    ) -> Option<(String, &'a str)> {
        let org = &self.organisation;
        let m = &self.meeting;
        let mut fields: Vec<(String, &str)> = vec![
            ("Cơ quan ban hành".into(), org.name.as_str()),
            ("Cơ quan ban hành – tên đầy đủ".into(), &org.full_name),
            ("Cơ quan ban hành – người ký".into(), &org.signer_name),
            ("Hội nghị – tên".into(), &m.title),
            ("Hội nghị – địa điểm".into(), &m.venue),
            ("Hội nghị – người chủ trì".into(), &m.chair_name),
            ("Hội nghị – chức vụ người chủ trì".into(), &m.chair_title),
            ("Hội nghị – thư ký".into(), &m.secretary_name),
        ];
        for p in &self.participants {
            let who = &p.person.full_name;
            fields.push(("Đại biểu – họ và tên".into(), who));
            fields.push((
                format!("Đại biểu {who} – chức vụ"),
                &p.person.position_title,
            ));
            fields.push((format!("Đại biểu {who} – đơn vị"), &p.person.unit));
        }
        for (i, item) in self.agenda.iter().enumerate() {
            fields.push((format!("Chương trình, mục {}", i + 1), &item.title));
            fields.push((
                format!("Chương trình, mục {} – người trình bày", i + 1),
                &item.presenter,
            ));
        }
        for entry in &self.minutes {
            fields.push(("Biên bản – người phát biểu".into(), &entry.speaker_name));
            let at = entry.spoken_at.as_deref().unwrap_or_default();
            fields.push((
                format!("Biên bản – nội dung {}", at.get(11..16).unwrap_or(at)),
                &entry.text,
            ));
        }
        for (i, task) in self.tasks.iter().enumerate() {
            fields.push((format!("Nhiệm vụ {}", i + 1), &task.text));
        }
        for text in texts.values() {
            fields.push(("Nội dung đã sửa trong tab Văn bản".into(), text));
        }
        fields.into_iter().find(|(_, text)| text.contains(c))
    }

    fn ends(&self) -> NaiveDateTime {
        parse_local(&self.meeting.ends_at)
    }

    /// When the meeting really ended: the last agenda item's recorded end
    /// once the secretary marked one, else the planned end.
    fn ended(&self) -> NaiveDateTime {
        self.agenda
            .iter()
            .filter_map(|i| i.ended_at.as_deref())
            .max()
            .map_or_else(|| self.ends(), parse_local)
    }

    /// The date a document is usually signed (see `default_issue_date`).
    fn usual_issue_date(&self, kind: DocumentKind) -> NaiveDate {
        default_issue_date(kind, self.starts().date())
    }

    /// The header's lines for the body: as issued, when the body gives them,
    /// else the body above it and the body itself.
    fn header_lines(&self) -> Vec<&str> {
        let org = &self.organisation;
        if org.header_lines.trim().is_empty() {
            vec![org.parent_name.as_str(), org.name.as_str()]
        } else {
            org.header_lines.lines().collect()
        }
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
    /// Danh sách: which of its forms.
    pub list: ListForm,
    /// Giấy mời: one generic invitation with its list, or one per invitee.
    pub invitation: InvitationForm,
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
            list: ListForm::Delegates,
            invitation: InvitationForm::Generic,
            created,
            texts: BTreeMap::new(),
            format: FormatSettings::default(),
        }
    }

    /// Applies the settings for uncertain format rules.
    pub fn with_format(mut self, format: FormatSettings) -> Options {
        if self.profile.kind == FormatProfile::Hd36 {
            self.profile.ending = format.party_ending.clone();
        }
        self.format = format;
        self
    }
}

impl Options {
    /// The options a user chose in the app or on the command line for one
    /// document of `conf`. Without a chosen profile, the organisation's kind
    /// and the document's date decide it (a Party document dated from
    /// 27/5/2026 follows HD05, an earlier one HD36).
    pub fn from_request(
        request: &DocumentOptions,
        kind: DocumentKind,
        conf: &Conference,
        created: NaiveDateTime,
    ) -> Result<Options> {
        let issued_on = chosen_date(request)?;
        let format = format_of(request, kind, &conf.organisation, &conf.meeting, issued_on);
        Ok(Options {
            number: request.number,
            issued_on,
            list: request.list,
            invitation: request.invitation,
            ..Options::new(format.profile, created)
        })
    }
}

/// The issue date the request names, if any ("YYYY-MM-DD"; blank is none).
fn chosen_date(request: &DocumentOptions) -> Result<Option<NaiveDate>> {
    match request.issued_on.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(Some)
            .map_err(|_| Error::InvalidDate(s.to_string())),
    }
}

/// The format and date of one document: the chosen profile, or the one the
/// organisation's kind prescribes on the chosen or usual date.
fn format_of(
    request: &DocumentOptions,
    kind: DocumentKind,
    organisation: &Organisation,
    meeting: &Meeting,
    issued_on: Option<NaiveDate>,
) -> DocumentFormat {
    let date = issued_on
        .unwrap_or_else(|| default_issue_date(kind, parse_local(&meeting.starts_at).date()));
    DocumentFormat {
        profile: request
            .profile
            .unwrap_or_else(|| organisation.kind.profile_on(date)),
        issued_on: date.format("%Y-%m-%d").to_string(),
        by_date: request.profile.is_none(),
        date_kept: false,
    }
}

/// The format and date a document of a meeting comes out with for `request`,
/// read without the rest of the meeting (the Văn bản tab asks on every change).
pub fn document_format(
    db: &Db,
    meeting_id: &str,
    kind: DocumentKind,
    request: &DocumentOptions,
) -> Result<DocumentFormat> {
    let meeting = db.meeting(meeting_id)?;
    let organisation = match issued_body(db, meeting_id, kind, request.list)? {
        Some(issued) => issued,
        None => db.issuing_body(meeting_id)?,
    };
    let asked = chosen_date(request)?;
    let request = registered(db, meeting_id, kind, request)?;
    let kept = chosen_date(&request)?;
    Ok(DocumentFormat {
        date_kept: asked.is_none() && kept.is_some(),
        ..format_of(&request, kind, &organisation, &meeting, kept)
    })
}

/// The request with the number and date the register gives the document
/// where the request leaves them out, so that every export of an issued
/// document prints its số and ngày ban hành; without a number, the date chosen
/// and saved for it. A danh sách prints those of the giấy mời or biên bản it
/// goes with.
fn registered(
    db: &Db,
    meeting_id: &str,
    kind: DocumentKind,
    request: &DocumentOptions,
) -> Result<DocumentOptions> {
    let mut request = request.clone();
    if request.number.is_some()
        || request
            .issued_on
            .as_deref()
            .is_some_and(|d| !d.trim().is_empty())
    {
        return Ok(request);
    }
    let numbered = numbered_as(kind, request.list);
    let entry = match numbered {
        Some(numbered) => db
            .document_numbers(meeting_id)?
            .into_iter()
            .find(|n| n.kind == numbered),
        None => None,
    };
    match entry {
        Some(entry) => {
            request.number = Some(entry.number);
            request.issued_on = Some(entry.issued_on);
        }
        // No number yet: the date the secretary chose, if she did.
        None => {
            request.issued_on = db
                .document_texts(meeting_id, numbered.unwrap_or(kind))?
                .remove(&DocumentFieldKey::IssuedOn);
        }
    }
    Ok(request)
}

/// The document whose register entry a document follows: its own, or for a
/// danh sách that of the giấy mời or biên bản it goes with (a sign-in sheet
/// has none).
fn numbered_as(kind: DocumentKind, list: ListForm) -> Option<DocumentKind> {
    match (kind, list) {
        (DocumentKind::DanhSach, ListForm::Delegates) => Some(DocumentKind::GiayMoi),
        (DocumentKind::DanhSach, ListForm::Attendance) => Some(DocumentKind::BienBan),
        (DocumentKind::DanhSach, ListForm::SignIn) => None,
        (kind, _) => Some(kind),
    }
}

/// The body (and signer) a numbered document was issued with, as they were
/// when the number was given; `None` for a document without a number, which
/// follows the meeting's body as it is now.
fn issued_body(
    db: &Db,
    meeting_id: &str,
    kind: DocumentKind,
    list: ListForm,
) -> Result<Option<Organisation>> {
    match numbered_as(kind, list) {
        Some(numbered) => Ok(db.issuer_of(meeting_id, numbered)?),
        None => Ok(None),
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
        let mut conf = Conference::load(db, meeting_id)?;
        if let Some(issued) = issued_body(db, meeting_id, kind, request.list)? {
            conf.organisation = issued;
        }
        let request = registered(db, meeting_id, kind, request)?;
        let mut opts =
            Options::from_request(&request, kind, &conf, chrono::Utc::now().naive_utc())?
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
        build(self.kind, &self.conf, &self.opts, &fonts)
            .to_pdf(&fonts)
            .map_err(|e| self.located(e))
    }

    /// A refusal for characters the font lacks, saying where each was typed.
    fn located(&self, error: Error) -> Error {
        match error {
            Error::MissingGlyphs(mut missing) => {
                for m in &mut missing {
                    if let Some((label, text)) = self.conf.field_with(m.ch, &self.opts.texts) {
                        let at = text.find(m.ch).unwrap_or_default();
                        m.context = pdf::around(text, at);
                        m.field = Some(label);
                    }
                }
                Error::MissingGlyphs(missing)
            }
            other => other,
        }
    }

    /// The wording the secretary may edit: generated and edited text.
    pub fn fields(&self) -> Vec<DocumentField> {
        compose(self.kind, &self.conf, &self.opts, &self.fonts()).1
    }

    /// The name to save the document under (see `files::document_name`).
    pub fn file_name(&self) -> String {
        files::document_name(self.kind, &self.conf.meeting)
    }

    /// One invitation per invitee (guests and the press), each its own PDF,
    /// in list order, with its file name (see `files::invitation_name`).
    pub fn invitations(&self) -> Result<Vec<(String, Vec<u8>)>> {
        let fonts = self.fonts();
        let opts = Options {
            invitation: InvitationForm::PerPerson,
            ..self.opts.clone()
        };
        let invitees = self
            .conf
            .participants
            .iter()
            .filter(|p| p.role.is_invited());
        let mut out = Vec::new();
        for (i, participant) in invitees.enumerate() {
            // The minute-taker stays on the list: the confirmation line names them.
            let one = Conference {
                participants: self
                    .conf
                    .participants
                    .iter()
                    .filter(|p| p.person.id == participant.person.id || !p.role.is_invited())
                    .cloned()
                    .collect(),
                ..self.conf.clone()
            };
            let pdf = build(DocumentKind::GiayMoi, &one, &opts, &fonts)
                .to_pdf(&fonts)
                .map_err(|e| self.located(e))?;
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
    /// A circulation note at the top right of page 1, in the top margin
    /// ("TÀI LIỆU HỘI NGHỊ": 12 pt bold, 10 mm from the top edge, HD05 ô 11a).
    pub note: Option<&'static str>,
    /// Demo data: every page says so in its bottom margin, never in the text.
    pub demo: bool,
}

/// The mark on every page of a demo meeting's documents.
pub const DEMO_MARK: &str = "DỮ LIỆU MẪU – không phải văn bản thật";

impl Document {
    pub fn layout(&self, fonts: &Fonts) -> Laid {
        let mut laid = layout(fonts, self.page, &self.blocks);
        if let (Some(note), Some(first)) = (self.note, laid.pages.first_mut()) {
            const SIZE: f32 = 12.0;
            let width = fonts.face(FaceKind::Bold).width(note, SIZE);
            first.items.push(Item::Text(TextRun {
                x: self.page.width - self.page.margin_right - width,
                baseline: 10.0 * MM + ASCENT * SIZE,
                face: FaceKind::Bold,
                size: SIZE,
                pieces: vec![Piece::Text(note.to_string())],
                width,
            }));
        }
        if self.demo {
            const SIZE: f32 = 9.0;
            let spec = laid.spec;
            let width = fonts.face(FaceKind::Italic).width(DEMO_MARK, SIZE);
            for page in &mut laid.pages {
                page.items.push(Item::Text(TextRun {
                    x: spec.margin_left + (spec.content_width() - width) / 2.0,
                    baseline: spec.height - 8.0 * MM,
                    face: FaceKind::Italic,
                    size: SIZE,
                    pieces: vec![Piece::Text(DEMO_MARK.to_string())],
                    width,
                }));
            }
        }
        laid
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
    let (page, mut blocks) = match kind {
        DocumentKind::GiayMoi => giay_moi::build(&ctx),
        DocumentKind::ChuongTrinh => chuong_trinh::build(&ctx),
        DocumentKind::DanhSach => danh_sach::build(&ctx),
        DocumentKind::BienBan => bien_ban::build(&ctx),
        DocumentKind::ThongBao => thong_bao::build(&ctx),
        DocumentKind::BaoCao => bao_cao::build(&ctx),
    };
    // One spelling per document: the tone marks of "oa", "oe", "uy" go where the
    // profile's setting puts them, in generated and typed text alike.
    let tones = opts.format.tone_marks(opts.profile.kind);
    let respell = |s: &str| hoinghi_core::place_tone_marks(s, tones).into_owned();
    for block in &mut blocks {
        block.each_text_mut(&mut |s| {
            if let std::borrow::Cow::Owned(respelt) = hoinghi_core::place_tone_marks(s, tones) {
                *s = respelt;
            }
        });
    }
    let meta = Metadata {
        title: respell(&format!("{} – {}", kind.name(), conf.meeting.title)),
        author: respell(&conf.body_name()),
        subject: respell(&conf.meeting.title),
        keywords: vec![kind.name().to_string(), "HoiNghi".to_string()],
        created: opts.created,
    };
    (
        Document {
            kind,
            page,
            blocks,
            meta,
            note: (kind == DocumentKind::ChuongTrinh)
                .then_some(opts.profile.programme_note)
                .flatten(),
            demo: conf.meeting.is_demo,
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

    /// A trích yếu that says what the document does ("dự …", "kết quả …",
    /// "kết luận của …"): Party documents start it in lower case, as HD05's
    /// examples do; state ones capitalise it. A trích yếu that is a name
    /// (the meeting's, on a biên bản or chương trình) is left as typed.
    fn subject_phrase(&self, phrase: &str) -> String {
        if self.profile().is_party() {
            lower_first(phrase)
        } else {
            capitalise(phrase)
        }
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
            .unwrap_or_else(|| self.conf.usual_issue_date(self.kind))
    }

    /// The table size the settings give this document's profile.
    fn table_size(&self) -> f32 {
        self.opts.format.table_font_size(self.profile().kind) as f32
    }

    /// "05/GM-BTGTU" (NĐ30) or "05-GM/BTGTU" (Party), a blank without a number.
    fn number(&self) -> String {
        self.number_of(self.kind)
    }

    /// The số and ký hiệu of a document of `kind` with the chosen number: a
    /// danh sách has none of its own and names the giấy mời or biên bản it
    /// goes with.
    fn number_of(&self, kind: DocumentKind) -> String {
        let abbr = self
            .opts
            .format
            .type_abbreviation(kind, self.profile().kind);
        self.profile()
            .number(self.opts.number, abbr, &self.conf.organisation.abbreviation)
    }

    fn number_line(&self) -> String {
        self.profile().number_line(&self.number())
    }

    fn date_line(&self) -> String {
        date_line(&self.conf.organisation.place_name, self.issued_on())
    }

    /// The standard header with number and date.
    fn header(&self, number: bool, date: bool) -> Vec<Block> {
        let number = number.then(|| self.number_line());
        let date = date.then(|| self.date_line());
        self.profile().header(
            self.fonts,
            &self.conf.header_lines(),
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
        let mut recipients: Vec<String> = recipients
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_string)
            .collect();
        // ô 12: the drafter's mark and copies, when the office counts them.
        let drafter = self.text(DocumentFieldKey::Drafter, String::new());
        if !drafter.trim().is_empty() {
            recipients.push(drafter.trim().to_string());
        }
        let mut authority = self.profile().authority(&org.signing_prefix);
        // HD05: a deputy in charge while no head is appointed signs under his
        // own title, without "K/T" (HD36 and NĐ30 keep it).
        if org.head_vacant
            && self.profile().kind == FormatProfile::Hd05
            && authority.starts_with("K/T")
        {
            authority.clear();
        }
        let authority = self.text(DocumentFieldKey::SignerAuthority, authority);
        let title = self.text(DocumentFieldKey::SignerTitle, org.signer_title.clone());
        let name = self.text(DocumentFieldKey::SignerName, org.signer_name.clone());
        self.profile()
            .signature(&recipients, &authority, &title, &name)
    }

    /// The closing sentence (editable, with the profile's ending) kept on one
    /// page with "Nơi nhận" (first `recipient`, then the archive line) and the signature.
    fn closing(&self, sentence: &str, recipients: &[String]) -> Block {
        let closing = self.text(
            DocumentFieldKey::Closing,
            with_ending(sentence, self.ending()),
        );
        let mut recipients = recipients.to_vec();
        recipients.push(self.archive());
        let mut blocks = vec![
            self.para(&closing),
            Block::Space(6.0),
            self.signature(&recipients),
        ];
        blocks.extend(self.contact());
        Block::KeepTogether(blocks)
    }

    /// The body's address and phone under a rule across the text area, in
    /// the profile's size, when the body gives them (`ContactPlace`).
    fn contact_block(&self) -> Option<Vec<Block>> {
        let contact = self.conf.organisation.contact.trim();
        if contact.is_empty() {
            return None;
        }
        let size = self.profile().contact.size;
        Some(vec![
            Block::Rule(crate::layout::Rule {
                width: self.profile().page.content_width(),
                thickness: 0.6,
                align: crate::layout::Align::Left,
                space_before: 18.0,
                space_after: 3.0,
            }),
            Block::Para(
                Para::new(size)
                    .leading(size * 1.2)
                    .text(contact.to_string()),
            ),
        ])
    }

    /// HD05: the contact details after the signature, on the last page.
    fn contact(&self) -> Option<Block> {
        if self.profile().contact.first_page {
            return None;
        }
        self.contact_block().map(Block::KeepTogether)
    }

    /// NĐ30 and HD36: the contact details at the foot of page 1 (of each
    /// invitation of a mail merge).
    fn first_page_contact(&self) -> Option<Block> {
        if !self.profile().contact.first_page {
            return None;
        }
        self.contact_block().map(Block::Foot)
    }

    fn ending(&self) -> &str {
        &self.profile().ending
    }

    /// The body above the issuer, to be informed: the one the body names
    /// ("- UBND Thành phố (để báo cáo);"), or for a Party department one
    /// derived from its parent ("- Thường trực Thành uỷ (để báo cáo);"). None
    /// for a state body that names none: its superior's name cannot be put
    /// in sentence case reliably from its header.
    fn superior(&self) -> Option<String> {
        let named = self.conf.organisation.superior.trim();
        if !named.is_empty() {
            return Some(format!("- {named} (để báo cáo);"));
        }
        if !self.profile().is_party() {
            return None;
        }
        let parent = self.conf.organisation.parent_name.trim().to_lowercase();
        let words: Vec<&str> = parent.split_whitespace().collect();
        match words.as_slice() {
            [level, "uỷ" | "ủy", ..] => Some(format!(
                "- Thường trực {} {} (để báo cáo);",
                capitalise(level),
                words[1]
            )),
            _ => None,
        }
    }

    /// "Dự Hội nghị có 36/39 đại biểu." — the numbers of `AttendanceSummary`,
    /// as the biên bản and the Đại biểu tab give them; before anyone has come,
    /// how many were invited.
    fn attendance_sentence(&self) -> Option<String> {
        let s = hoinghi_core::model::AttendanceSummary::of(&self.conf.participants);
        match (s.invited, s.attended) {
            (0, _) => None,
            (invited, 0) => Some(format!("Hội nghị triệu tập {invited} đại biểu.")),
            (invited, attended) => Some(format!("Dự Hội nghị có {attended}/{invited} đại biểu.")),
        }
    }

    /// The closing "Lưu" line: "- Lưu: VT, VP." (NĐ30); a Party body keeps
    /// its copy in its office, named after the body: "- Lưu Văn phòng Ban.",
    /// "- Lưu Văn phòng Thành uỷ.", no colon and no "VT".
    fn archive(&self) -> String {
        if !self.profile().is_party() {
            return "- Lưu: VT, VP.".into();
        }
        let name = self.conf.organisation.name.trim().to_lowercase();
        let words: Vec<&str> = name.split_whitespace().collect();
        let office = match words.as_slice() {
            ["ban", ..] => " Ban".to_string(),
            [level, "uỷ" | "ủy", ..] => format!(" {} {}", capitalise(level), words[1]),
            _ => String::new(),
        };
        format!("- Lưu Văn phòng{office}.")
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

/// What someone did, as a sentence: "Đồng chí X, chức vụ, trình bày báo cáo
/// …" when the text starts with its own verb, else "Đồng chí X, chức vụ,
/// {verb}: …"; the text alone when no one is named.
fn statement(e: &MinutesEntry, verb: &str) -> (Option<String>, String) {
    let text = sentence(&e.text);
    if e.speaker_name.trim().is_empty() || verb.is_empty() {
        return (None, text);
    }
    let who = capitalise(&person(&e.speaker_name, &e.speaker_title));
    let lower = text.to_lowercase();
    let own_verb = ["trình bày", "phát biểu", "kết luận", "báo cáo", "tham luận"]
        .iter()
        .any(|v| lower.starts_with(v));
    if own_verb {
        (Some(who), format!(" {}", lower_first(&text)))
    } else {
        (Some(who), format!(" {verb}: {text}"))
    }
}

/// "Hội nghị…" → "hội nghị…" inside a sentence.
/// Who attended in `p`'s place ("Nguyễn Văn X, Phó Giám đốc"), if anyone.
fn substitute(p: &Participant) -> Option<String> {
    let name = p.substitute_name.trim();
    if name.is_empty() {
        return None;
    }
    let title = p.substitute_title.trim();
    Some(if title.is_empty() {
        name.to_string()
    } else {
        format!("{name}, {title},")
    })
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// A person's office as one phrase, title then unit, with the words they
/// share said once: "Phó Trưởng Ban Thường trực" + "Ban Tuyên giáo Thành uỷ
/// Hà Nội" → "Phó Trưởng Ban Thường trực Ban Tuyên giáo Thành uỷ Hà Nội";
/// "Trưởng Ban Tuyên giáo Quận uỷ" + "Quận uỷ Ba Đình" → "Trưởng Ban Tuyên
/// giáo Quận uỷ Ba Đình"; "Uỷ viên …, Trưởng Ban" + "Ban Tuyên giáo …" →
/// "Uỷ viên …, Trưởng Ban Tuyên giáo …".
fn office(title: &str, unit: &str) -> String {
    let (title, unit) = (title.trim(), unit.trim());
    if title.is_empty() || unit.is_empty() {
        return format!("{title}{unit}");
    }
    let t: Vec<&str> = title.split_whitespace().collect();
    let u: Vec<&str> = unit.split_whitespace().collect();
    let same = |a: &[&str], b: &[&str]| {
        a.iter()
            .zip(b)
            .all(|(x, y)| x.to_lowercase() == y.to_lowercase())
    };
    // "Ban" followed by "Ban Thường trực" is a post, not the unit's name:
    // share only when the unit's words go on past the shared ones.
    let shared = (1..=t.len().min(u.len() - 1))
        .rev()
        .find(|&n| same(&t[t.len() - n..], &u[..n]))
        .unwrap_or(0);
    let rest = u[shared..].join(" ");
    format!("{title} {rest}")
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

/// "Phụ lục" over annex `n` of a document's `of`: alone for its only
/// annex, else numbered: Roman in NĐ30 ("Phụ lục II"), Arabic in Party
/// documents ("Phụ lục 2": HD05; HD36 does not say, and Party practice
/// numbers so).
pub(super) fn annex_label(profile: FormatProfile, n: usize, of: usize) -> String {
    match (of, profile) {
        (0 | 1, _) => "Phụ lục".to_string(),
        (_, FormatProfile::Nd30) => format!("Phụ lục {}", roman(n)),
        (_, FormatProfile::Hd36 | FormatProfile::Hd05) => format!("Phụ lục {n}"),
    }
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
        assert_eq!(annex_label(FormatProfile::Nd30, 1, 1), "Phụ lục");
        assert_eq!(annex_label(FormatProfile::Nd30, 2, 3), "Phụ lục II");
        assert_eq!(annex_label(FormatProfile::Hd05, 2, 3), "Phụ lục 2");
        assert_eq!(annex_label(FormatProfile::Hd36, 1, 2), "Phụ lục 1");
        assert_eq!(sentence_case("BAN TUYÊN GIÁO"), "Ban tuyên giáo");
        assert_eq!(
            with_ending("Hội nghị kết thúc.", "./."),
            "Hội nghị kết thúc./."
        );
        assert_eq!(person("Bùi Huyền Mai", ""), "đồng chí Bùi Huyền Mai");
        for (title, unit, office_) in [
            (
                "Phó Trưởng Ban Thường trực",
                "Ban Tuyên giáo Thành uỷ Hà Nội",
                "Phó Trưởng Ban Thường trực Ban Tuyên giáo Thành uỷ Hà Nội",
            ),
            (
                "Trưởng Ban Tuyên giáo Quận uỷ",
                "Quận uỷ Ba Đình",
                "Trưởng Ban Tuyên giáo Quận uỷ Ba Đình",
            ),
            (
                "Uỷ viên Ban Thường vụ Thành uỷ, Trưởng Ban",
                "Ban Tuyên giáo Thành uỷ Hà Nội",
                "Uỷ viên Ban Thường vụ Thành uỷ, Trưởng Ban Tuyên giáo Thành uỷ Hà Nội",
            ),
            (
                "Phó Bí thư Đảng uỷ Khối",
                "Đảng uỷ Khối các cơ quan Thành phố",
                "Phó Bí thư Đảng uỷ Khối các cơ quan Thành phố",
            ),
            ("Phóng viên", "Báo Hànộimới", "Phóng viên Báo Hànộimới"),
            ("Phóng viên", "", "Phóng viên"),
            ("", "Báo Hànộimới", "Báo Hànộimới"),
        ] {
            assert_eq!(office(title, unit), office_, "{title} + {unit}");
        }
        let t = parse_local("2022-10-06T08:00");
        assert_eq!(when(t), "08 giờ 00, thứ Năm, ngày 06 tháng 10 năm 2022");
    }
}
