//! The records the app shows and edits, as they cross into the UI.
//! Ids are UUIDv7 strings; meeting times are local "YYYY-MM-DDTHH:MM";
//! audit times are UTC RFC 3339. `*Input` types are what the user may change.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! string_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub enum $name { $($(#[$vm])* #[serde(rename = $text)] $variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
            pub fn parse(s: &str) -> Option<Self> {
                match s { $($text => Some($name::$variant),)+ _ => None }
            }
        }
    };
}

string_enum!(
    /// Which official format rules documents follow: Nghị định 30/2020/NĐ-CP
    /// (state bodies), Hướng dẫn 05-HD/VPTW (Party documents dated from
    /// 27/5/2026) or Hướng dẫn 36-HD/VPTW (Party documents dated before it).
    FormatProfile { Nd30 = "nd30", Hd36 = "hd36", Hd05 = "hd05" }
);
string_enum!(
    /// What an organisation is: a state body prints by NĐ30; a Party body by
    /// the Party guide in force on each document's date (`profile_on`).
    OrganisationKind { State = "state", Party = "party" }
);
const STATE_PREFIXES: [&str; 3] = ["TM.", "KT.", "TL."];
const PARTY_PREFIXES: [&str; 3] = ["T/M", "K/T", "T/L"];

/// The day Hướng dẫn 05-HD/VPTW took effect and replaced HD36.
pub const HD05_IN_FORCE: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 5, 27) {
    Some(d) => d,
    None => panic!("a valid date"),
};

impl OrganisationKind {
    /// The format of a document this body issues on `date`: a Party document
    /// keeps the guide in force on its own date, also when it is reprinted.
    pub fn profile_on(self, date: chrono::NaiveDate) -> FormatProfile {
        match self {
            OrganisationKind::State => FormatProfile::Nd30,
            OrganisationKind::Party if date < HD05_IN_FORCE => FormatProfile::Hd36,
            OrganisationKind::Party => FormatProfile::Hd05,
        }
    }

    /// The profile that spells this body's signing prefixes (T/M or TM.).
    pub fn spelling(self) -> FormatProfile {
        match self {
            OrganisationKind::State => FormatProfile::Nd30,
            OrganisationKind::Party => FormatProfile::Hd05,
        }
    }
}

impl FormatProfile {
    /// Party bodies (HD36, HD05) spell with slashes and write "T/M", "K/T",
    /// "T/L"; state bodies (ND30) write "TM.", "KT.", "TL.".
    pub fn is_party(self) -> bool {
        self != FormatProfile::Nd30
    }

    /// "Thay mặt", "ký thay", "thừa lệnh" as this profile writes them.
    pub fn authority_prefixes(self) -> [&'static str; 3] {
        if self.is_party() {
            PARTY_PREFIXES
        } else {
            STATE_PREFIXES
        }
    }

    /// The số and ký hiệu: "05/TB-BTGTU" (NĐ30) or "05-TB/BTGTU" (Party);
    /// `number` is the number as printed ("05", or a blank to fill in).
    pub fn symbol(self, number: &str, type_abbr: &str, body_abbr: &str) -> String {
        if self.is_party() {
            format!("{number}-{type_abbr}/{body_abbr}")
        } else {
            format!("{number}/{type_abbr}-{body_abbr}")
        }
    }

    /// A signing authority line ("KT. TRƯỞNG BAN") in this profile's spelling:
    /// only a leading TM./KT./TL. or T/M, K/T, T/L changes, in any case, and a
    /// missing space after it is added. Any other line is returned trimmed.
    pub fn authority(self, line: &str) -> String {
        let line = line.trim();
        for (state, party) in STATE_PREFIXES.into_iter().zip(PARTY_PREFIXES) {
            for (form, is_slash) in [(state, false), (party, true)] {
                let Some(head) = line.get(..form.len()) else {
                    continue;
                };
                if !head.eq_ignore_ascii_case(form) {
                    continue;
                }
                let rest = &line[form.len()..];
                // "T/MX" is not a prefix; "TL.CHÁNH" is (the dot ends it).
                if is_slash && rest.chars().next().is_some_and(char::is_alphanumeric) {
                    continue;
                }
                let prefix = if self.is_party() { party } else { state };
                let rest = rest.trim_start();
                debug_assert!(self.authority_prefixes().contains(&prefix));
                return if rest.is_empty() {
                    prefix.to_string()
                } else {
                    format!("{prefix} {rest}")
                };
            }
        }
        line.to_string()
    }
}

string_enum!(
    /// How lists of people are ordered, on screen and in print: by the
    /// precedence the secretary gave them (thứ tự, then name), by given name
    /// as alphabetical Vietnamese lists are (tên, then họ and đệm), or by unit
    /// (đơn vị, then precedence). Names always compare in Vietnamese
    /// alphabetical order ("Đặng" after "Dương", before "Vũ").
    ListOrder { Rank = "rank", GivenName = "givenName", Unit = "unit" }
);

string_enum!(MeetingStatus { Draft = "draft", InSession = "inSession", Closed = "closed" });
string_enum!(
    /// What happened to a meeting's lock: closed (its records locked) or
    /// reopened (with a reason).
    MeetingEventKind { Closed = "closed", Reopened = "reopened" }
);
string_enum!(MeetingKind {
    GiaoBan = "giaoBan",
    SoKet = "soKet",
    TongKet = "tongKet",
    ChuyenDe = "chuyenDe",
    Other = "other",
});
string_enum!(
    /// One line in the append-only attendance log.
    AttendanceEventKind {
        Invited = "invited",
        Arrived = "arrived",
        Left = "left",
        Absent = "absent",
        Cleared = "cleared",
    }
);
string_enum!(
    /// Where a participant stands now, derived from the attendance log.
    AttendanceState {
        Invited = "invited",
        Present = "present",
        Late = "late",
        Left = "left",
        AbsentExcused = "absentExcused",
        Absent = "absent",
    }
);
string_enum!(
    /// Why someone is on a meeting's list. The host body's own leaders and
    /// staff attend without being invited; a giấy mời goes to guests and the press.
    ParticipantRole {
        /// Chủ trì.
        Chair = "chair",
        /// Thành phần của cơ quan tổ chức (its leaders and units): đại biểu chính thức.
        Host = "host",
        /// Đại biểu mời.
        Guest = "guest",
        /// Báo chí đưa tin.
        Press = "press",
        /// Phục vụ, giúp việc (the minute-taker, the secretariat).
        Staff = "staff",
    }
);

impl ParticipantRole {
    /// Gets a giấy mời.
    pub fn is_invited(self) -> bool {
        matches!(self, ParticipantRole::Guest | ParticipantRole::Press)
    }
}

string_enum!(MinutesKind {
    Report = "report",
    Speech = "speech",
    Opinion = "opinion",
    Conclusion = "conclusion",
    Note = "note",
});

string_enum!(
    /// The documents a meeting produces (built by crates/vanban). The text is
    /// the name used on the command line and in file names.
    DocumentKind {
        GiayMoi = "giay-moi",
        ChuongTrinh = "chuong-trinh",
        DanhSach = "danh-sach",
        BienBan = "bien-ban",
        ThongBao = "thong-bao",
        BaoCao = "bao-cao",
    }
);

impl DocumentKind {
    /// Tên loại văn bản, as the document's title and the PDF's metadata name it.
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::GiayMoi => "Giấy mời",
            DocumentKind::ChuongTrinh => "Chương trình",
            DocumentKind::DanhSach => "Danh sách đại biểu",
            DocumentKind::BienBan => "Biên bản",
            DocumentKind::ThongBao => "Thông báo kết luận",
            DocumentKind::BaoCao => "Báo cáo",
        }
    }

    /// The abbreviation in số/ký hiệu (docs/format-rules.md, "Number and symbol").
    pub fn type_abbreviation(self) -> &'static str {
        match self {
            DocumentKind::GiayMoi => "GM",
            DocumentKind::ChuongTrinh => "CTr",
            DocumentKind::DanhSach => "DS",
            DocumentKind::BienBan => "BB",
            DocumentKind::ThongBao => "TB",
            DocumentKind::BaoCao => "BC",
        }
    }
}

string_enum!(
    /// The pieces of generated wording a secretary may change in a document.
    /// The UI names each one in its own language.
    DocumentFieldKey {
        Subject = "subject",
        /// The list's own heading (danh sách).
        Title = "title",
        Basis = "basis",
        /// Giấy mời to one person: "<body> trân trọng kính mời:".
        Invitation = "invitation",
        /// The generic giấy mời: "<body> trân trọng kính mời các đồng chí tới dự …".
        InvitationAll = "invitation_all",
        /// Giấy mời: whom to confirm attendance with, and by when.
        Confirmation = "confirmation",
        Opening = "opening",
        Lead = "lead",
        Discussion = "discussion",
        Attendance = "attendance",
        Closing = "closing",
        Recipients = "recipients",
        SignerAuthority = "signer_authority",
        SignerTitle = "signer_title",
        SignerName = "signer_name",
        /// Not a text: the ngày ban hành chosen for a document that has no
        /// number yet ("YYYY-MM-DD"), so that the date is kept until the
        /// văn thư gives the number (the register's date wins after that).
        IssuedOn = "issued_on",
        /// The drafter's mark and the number of copies at the end of "Nơi
        /// nhận" ("PL.(300)", "NguyenVanAn-26"); empty by default.
        Drafter = "drafter",
    }
);

impl DocumentFieldKey {
    /// Fields edited as one item per line (Nơi nhận; the parts of the thành phần).
    pub fn is_multiline(self) -> bool {
        matches!(
            self,
            DocumentFieldKey::Recipients | DocumentFieldKey::Attendance
        )
    }
}

string_enum!(
    /// What kind of failure a command reports; the UI branches on it and has a
    /// message of its own for each (never match on the Vietnamese message).
    ErrorKind {
        /// The input was refused; nothing was written.
        Invalid = "invalid",
        NotFound = "notFound",
        Conflict = "conflict",
        /// The meeting is closed and its records are locked until it is reopened.
        MeetingClosed = "meetingClosed",
        /// The database was written by a newer HoiNghi and is left untouched.
        NewerDatabase = "newerDatabase",
        /// The file is not a HoiNghi database (or must first be upgraded by the app).
        NotHoiNghi = "notHoiNghi",
        /// Another HoiNghi window or process has the database open.
        InUse = "inUse",
        /// The database file was deleted or replaced while open; edits are refused.
        DatabaseLost = "databaseLost",
        DiskFull = "diskFull",
        Storage = "storage",
        Io = "io",
        /// The document's font cannot draw some of the text.
        MissingGlyphs = "missingGlyphs",
        Font = "font",
        Pdf = "pdf",
        Internal = "internal",
        /// Not sent by a command: the UI's name for a rejection that did not come
        /// from one (a missing command, arguments that do not deserialise).
        Unknown = "unknown",
    }
);

string_enum!(
    /// The typeface documents are set in. Times New Roman is the official one;
    /// Liberation Serif (bundled) has the same metrics and every Vietnamese letter.
    DocumentFont { LiberationSerif = "liberationSerif", TimesNewRoman = "timesNewRoman" }
);

/// The document font setting, and whether Times New Roman is installed here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FontSettings {
    pub font: DocumentFont,
    pub times_new_roman_available: bool,
}

/// Format rules that docs/format-rules.md marks as uncertain, as settings with the
/// likeliest default (see `Default`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
pub struct FormatSettings {
    /// How HD36 texts end: "./." (seen in real Party texts) or "." (what HD05,
    /// which replaces HD36 from 27/5/2026, prescribes; HD05 texts always end ".").
    pub party_ending: String,
    /// The type abbreviation of a Party invitation ("GM" is usual but unconfirmed).
    pub party_invitation_abbreviation: String,
    /// Font size of tables (chương trình, danh sách) in NĐ30 documents.
    pub state_table_font_size: u32,
    /// Font size of tables in Party (HD36, HD05) documents.
    pub party_table_font_size: u32,
    /// Where NĐ30 documents put the tone mark in "oa", "oe", "uy" ("HÒA", "ỦY").
    pub state_tone_marks: ToneMarks,
    /// Where Party documents put it ("HOÀ", "UỶ" in most of the guides' examples).
    pub party_tone_marks: ToneMarks,
    /// The order of people on screen and in printed lists.
    pub list_order: ListOrder,
}

impl Default for FormatSettings {
    fn default() -> Self {
        FormatSettings {
            party_ending: "./.".into(),
            party_invitation_abbreviation: "GM".into(),
            state_table_font_size: 13,
            party_table_font_size: 14,
            state_tone_marks: ToneMarks::FirstVowel,
            party_tone_marks: ToneMarks::MainVowel,
            list_order: ListOrder::Rank,
        }
    }
}

impl FormatSettings {
    /// Reads the stored settings. Settings saved before Party tables had a
    /// size of their own named the one size "tableFontSize"; it is the state
    /// size now. Anything unreadable gives the defaults.
    pub fn from_json(json: &str) -> FormatSettings {
        let Ok(mut value) = serde_json::from_str::<serde_json::Value>(json) else {
            return FormatSettings::default();
        };
        if let Some(map) = value.as_object_mut() {
            if let Some(old) = map.remove("tableFontSize") {
                map.entry("stateTableFontSize").or_insert(old);
            }
        }
        serde_json::from_value(value).unwrap_or_default()
    }

    /// Where documents in `profile` put the tone mark of "oa", "oe", "uy".
    pub fn tone_marks(&self, profile: FormatProfile) -> ToneMarks {
        if profile.is_party() {
            self.party_tone_marks
        } else {
            self.state_tone_marks
        }
    }

    /// The type abbreviation in the số/ký hiệu of a document of `kind` in
    /// `profile`: a Party giấy mời's is a setting.
    pub fn type_abbreviation(&self, kind: DocumentKind, profile: FormatProfile) -> &str {
        if kind == DocumentKind::GiayMoi && profile.is_party() {
            &self.party_invitation_abbreviation
        } else {
            kind.type_abbreviation()
        }
    }

    /// The table size for documents in `profile`.
    pub fn table_font_size(&self, profile: FormatProfile) -> u32 {
        if profile.is_party() {
            self.party_table_font_size
        } else {
            self.state_table_font_size
        }
    }
}

impl FormatProfile {
    /// The table sizes a profile allows: about the body size (NĐ30 13–14,
    /// Party 14–15), one point smaller for long lists.
    pub fn table_font_sizes(self) -> std::ops::RangeInclusive<u32> {
        if self.is_party() {
            13..=15
        } else {
            12..=14
        }
    }
}

string_enum!(
    /// Where a syllable ending in "oa", "oe" or "uy" carries its tone mark: on
    /// the first vowel ("hòa", "thủy", "ỦY BAN") or on the main one ("hoà",
    /// "thuỷ", "UỶ BAN"). Both spellings are correct; one document uses one
    /// (`text::place_tone_marks`).
    ToneMarks { FirstVowel = "first-vowel", MainVowel = "main-vowel" }
);

string_enum!(
    /// The three danh sách an office prints: the list of delegates sent with
    /// the giấy mời, the sign-in sheet for the door (an empty "Ký tên" column,
    /// rows tall enough to sign in), and the attendance list kept with the
    /// biên bản afterwards (who came, late, left early or was absent, and why).
    ListForm { Delegates = "delegates", SignIn = "sign-in", Attendance = "attendance" }
);

string_enum!(
    /// How invitations go out: one generic giấy mời to "the comrades named in
    /// the attached list" (the list is its annex), or one per invitee.
    InvitationForm { Generic = "generic", PerPerson = "per-person" }
);

/// What the secretary chooses when exporting a document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentOptions {
    /// None: the format in force for the organisation on the document's date.
    pub profile: Option<FormatProfile>,
    /// The number in số/ký hiệu; none leaves a blank to fill in by hand.
    pub number: Option<u32>,
    /// "YYYY-MM-DD"; none uses the usual date for the document.
    pub issued_on: Option<String>,
    /// Danh sách: which of its forms.
    pub list: ListForm,
    /// Giấy mời: one generic invitation with its list, or one per invitee.
    pub invitation: InvitationForm,
}

/// The format and date a document comes out with, for the chosen options.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentFormat {
    pub profile: FormatProfile,
    /// "YYYY-MM-DD": the date chosen, or the usual one for the document.
    pub issued_on: String,
    /// The profile follows from the organisation and the date (not chosen).
    pub by_date: bool,
    /// The date was not in the request but kept for the document: the
    /// register's, or the one saved before a number was given.
    pub date_kept: bool,
}

/// One editable piece of a generated document, as the Văn bản tab shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentField {
    pub key: DocumentFieldKey,
    /// The text the document uses now: the secretary's edit, or the generated one.
    pub text: String,
    /// The text generated from the meeting, to compare or go back to.
    pub generated: String,
    pub edited: bool,
    /// One item per line (e.g. "Nơi nhận").
    pub multiline: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Organisation {
    /// Empty for a body not saved yet.
    pub id: String,
    /// Tên cơ quan chủ quản (the body above the issuer), e.g. "THÀNH UỶ HÀ NỘI"
    /// above "BAN TUYÊN GIÁO" (docs/format-rules.md, "Header block").
    pub parent_name: String,
    /// Tên cơ quan ban hành, e.g. "BAN TUYÊN GIÁO THÀNH UỶ".
    pub name: String,
    /// The name as a sentence writes it, e.g. "Ban Tuyên giáo Thành uỷ Hà Nội".
    pub full_name: String,
    /// Used in số/ký hiệu, e.g. "BTGTU".
    pub abbreviation: String,
    /// Place name for the date line, e.g. "Hà Nội".
    pub place_name: String,
    /// A Party or a state body; the format of each document follows from it.
    pub kind: OrganisationKind,
    /// No head is appointed and a deputy is in charge: from HD05 on, the deputy
    /// signs under his own title without "K/T".
    pub head_vacant: bool,
    pub signer_name: String,
    pub signer_title: String,
    /// The authority line above the signer's title, e.g. "KT. TRƯỞNG BAN",
    /// "TM. ỦY BAN NHÂN DÂN" or "T/M BAN THƯỜNG VỤ"; empty when the head signs
    /// in person. Documents spell the prefix as their profile wants (TM./T/M).
    pub signing_prefix: String,
    pub time_zone: String,
    /// The header exactly as the body issues it, one line per line
    /// ("THÀNH UỶ HÀ NỘI" / "BAN TUYÊN GIÁO VÀ DÂN VẬN" / "*"); empty: built
    /// from `parent_name` and `name`.
    pub header_lines: String,
    /// The body above it as "Nơi nhận" names it, sent reports and conclusions
    /// "(để báo cáo)": "Thường trực Thành uỷ", "UBND Thành phố". Empty: a
    /// Party department's is derived from its parent; a state body has none.
    pub superior: String,
    /// Address, phone, e-mail, printed under a rule across the text area: at
    /// the foot of page 1 (NĐ30, HD36) or after the signature (HD05 ô 13) of
    /// a giấy mời, thông báo or báo cáo. Empty: no contact block.
    pub contact: String,
    /// A Party body: "YYYY-MM-DD", when its committee's current term began
    /// (its congress closed, or its appointment took effect); its documents
    /// are numbered per type from then. Empty: one run per type, never
    /// restarted. Always empty for a state body (numbered per calendar year).
    #[serde(default)]
    pub term_start: String,
    /// The version an edit started from (empty for a new body).
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Meeting {
    pub id: String,
    pub title: String,
    pub kind: MeetingKind,
    pub starts_at: String,
    pub ends_at: String,
    pub venue: String,
    pub chair_name: String,
    pub chair_title: String,
    pub secretary_name: String,
    pub secretary_title: String,
    /// The body that issues the meeting's documents; `None` until one is chosen.
    pub organisation_id: Option<String>,
    /// Who signs the meeting's documents when not the body's usual signer
    /// (empty: the body's).
    pub signer_name: String,
    pub signer_title: String,
    pub signing_prefix: String,
    pub notes: String,
    pub status: MeetingStatus,
    /// The time zone its times are in: its body's (or Việt Nam's). Screens
    /// show "now" in it, whatever the computer's own zone.
    pub time_zone: String,
    pub is_demo: bool,
    pub created_at: String,
    pub updated_at: String,
}

/// One closing or reopening of a meeting, as the history shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingEvent {
    pub id: String,
    pub meeting_id: String,
    pub kind: MeetingEventKind,
    /// Why it was reopened (empty for a closing).
    pub reason: String,
    /// When (UTC, RFC 3339).
    pub at: String,
    /// The installation that did it.
    pub device_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingInput {
    pub title: String,
    pub kind: MeetingKind,
    pub starts_at: String,
    pub ends_at: String,
    pub venue: String,
    pub chair_name: String,
    pub chair_title: String,
    pub secretary_name: String,
    pub secretary_title: String,
    /// The body that issues the meeting's documents; `None` until one is chosen.
    pub organisation_id: Option<String>,
    /// Who signs the meeting's documents when not the body's usual signer
    /// (empty: the body's).
    pub signer_name: String,
    pub signer_title: String,
    pub signing_prefix: String,
    pub notes: String,
    pub status: MeetingStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MeetingSummary {
    pub meeting: Meeting,
    pub agenda_count: u32,
    pub participant_count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItem {
    pub id: String,
    pub meeting_id: String,
    pub position: u32,
    /// A pinned start ("13:30" after lunch); otherwise the item follows the previous one.
    pub fixed_start: Option<String>,
    pub duration_minutes: u32,
    /// Computed from the meeting start, fixed starts and durations ("HH:MM").
    pub start_time: String,
    pub end_time: String,
    /// The item ends after midnight of the meeting's first day (its times wrap
    /// around); the agenda shows a warning.
    pub past_midnight: bool,
    /// When the item actually began and ended, as the secretary marked it
    /// during the meeting (local "YYYY-MM-DDTHH:MM"; null: not yet).
    pub started_at: Option<String>,
    pub ended_at: Option<String>,
    /// The times this item is now expected at ("HH:MM"): its actual times
    /// once marked, and for items still to come the planned ones pushed back
    /// by any item that ran late (never earlier than a pinned start).
    pub expected_start: String,
    pub expected_end: String,
    pub title: String,
    pub presenter: String,
    pub notes: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AgendaItemInput {
    pub title: String,
    pub presenter: String,
    pub duration_minutes: u32,
    pub fixed_start: Option<String>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: String,
    pub full_name: String,
    /// Chức vụ.
    pub position_title: String,
    /// Đơn vị.
    pub unit: String,
    /// The group this person is listed under ("Lãnh đạo Ban", "Báo chí"…).
    pub section: String,
    /// Precedence within the list: lower comes first.
    pub rank: i32,
    pub phone: String,
    pub email: String,
    /// A short stable code (8 characters, Crockford base32) to find the person
    /// by at the door. Not printed on documents yet.
    pub checkin_code: String,
    pub is_demo: bool,
    /// When it was last saved: an edit passes it back, so one made on an
    /// out-of-date copy is refused (the same on every edited record).
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PersonInput {
    pub full_name: String,
    pub position_title: String,
    pub unit: String,
    pub section: String,
    pub rank: i32,
    pub phone: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub person: Person,
    /// Why this person is on the list; only guests and the press get a giấy mời.
    pub role: ParticipantRole,
    pub state: AttendanceState,
    pub arrived_at: Option<String>,
    pub left_at: Option<String>,
    pub absence_reason: String,
    /// "Dự thay": who attended in this person's place (empty: they came
    /// themselves, or nobody did), and their office.
    pub substitute_name: String,
    pub substitute_title: String,
}

/// A meeting's attendance in numbers: the same numbers on every screen and in
/// every document. "Có mặt" is everyone who came, including those who were
/// late or left early, as a biên bản counts them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceSummary {
    /// Everyone on the list but the staff.
    pub invited: u32,
    /// Came (on time, late, or left early): "có mặt".
    pub attended: u32,
    /// Of those who came: arrived after the start.
    pub late: u32,
    /// Of those who came: left before the end.
    pub left: u32,
    /// Vắng có lý do.
    pub absent_excused: u32,
    /// Vắng không có lý do.
    pub absent: u32,
    /// Not marked yet ("chưa đến").
    pub pending: u32,
}

impl AttendanceSummary {
    pub fn of<'a>(participants: impl IntoIterator<Item = &'a Participant>) -> AttendanceSummary {
        let mut s = AttendanceSummary::default();
        // The staff (the minute-taker, the secretariat) are not delegates.
        for p in participants
            .into_iter()
            .filter(|p| p.role != ParticipantRole::Staff)
        {
            s.invited += 1;
            match p.state {
                AttendanceState::Invited => s.pending += 1,
                AttendanceState::Present => s.attended += 1,
                AttendanceState::Late => {
                    s.attended += 1;
                    s.late += 1;
                }
                AttendanceState::Left => {
                    s.attended += 1;
                    s.left += 1;
                }
                AttendanceState::AbsentExcused => s.absent_excused += 1,
                AttendanceState::Absent => s.absent += 1,
            }
        }
        s
    }

    /// Absent with or without a reason.
    pub fn absent_total(&self) -> u32 {
        self.absent + self.absent_excused
    }
}

string_enum!(
    /// What a column of an imported delegate list holds.
    ImportField {
        /// Số thứ tự: the list's order.
        Ordinal = "ordinal",
        FullName = "fullName",
        /// "Họ" (or "Họ và đệm") when the name is split over two columns.
        FamilyName = "familyName",
        /// "Tên" when the name is split.
        GivenName = "givenName",
        Title = "title",
        Unit = "unit",
        Code = "code",
        Phone = "phone",
        Email = "email",
        Section = "section",
        /// Read, shown, not kept (ghi chú, or anything unrecognised).
        Ignore = "ignore",
    }
);

string_enum!(
    /// What importing one row does.
    ImportAction {
        Add = "add",
        /// The person is on the list already (same code, or same name and
        /// unit): their details are updated.
        Update = "update",
        /// On the list already, nothing differs.
        Unchanged = "unchanged",
        /// Not imported (an error, a duplicate, or the secretary's choice).
        Skip = "skip",
    }
);

/// One column of the file as the import reads it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportColumn {
    pub header: String,
    pub field: ImportField,
    /// The legacy font encoding its text was converted from ("" when none).
    pub converted_from: String,
    /// A few cells before → after conversion.
    pub examples: Vec<(String, String)>,
}

/// Something wrong with one row; `blocking` problems skip the row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportProblem {
    /// The row's number in the sheet (as the spreadsheet shows it).
    pub row: u32,
    pub field: ImportField,
    pub message: String,
    pub blocking: bool,
}

/// One row of the file and what importing it would do.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportRowPlan {
    pub row: u32,
    pub person: PersonInput,
    pub code: String,
    pub action: ImportAction,
    /// For an update: what changes ("Chức vụ: Phó Trưởng phòng → Trưởng phòng").
    pub changes: Vec<String>,
}

/// What importing a file would do, for the wizard's last page and for
/// `hoinghi-cli import --dry-run`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    /// "xlsx", "xls", "ods" or "csv".
    pub format: String,
    /// How a text file was encoded ("UTF-8", "UTF-16 LE", "Windows-1258"…);
    /// empty for a spreadsheet.
    pub encoding: String,
    pub sheets: Vec<String>,
    pub sheet: String,
    /// The row holding the column headers (1-based; 0: none found).
    pub header_row: u32,
    pub columns: Vec<ImportColumn>,
    /// The first rows of the sheet as they are, for the wizard to show.
    pub first_rows: Vec<Vec<String>>,
    /// Every data row (the UI shows the first few hundred).
    pub rows: Vec<ImportRowPlan>,
    pub problems: Vec<ImportProblem>,
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub skipped: u32,
}

/// The secretary's choices in the wizard; anything `None` is detected.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportChoices {
    pub sheet: Option<String>,
    /// 1-based.
    pub header_row: Option<u32>,
    /// One field per column, in the file's order.
    pub fields: Option<Vec<ImportField>>,
    /// The group (thành phần) for rows that name none.
    pub section: Option<String>,
    /// Rows (sheet numbers) the secretary chose not to import.
    pub skip_rows: Vec<u32>,
    /// Values typed in the wizard in place of the file's, the last for a
    /// cell winning; the file itself is never changed.
    #[serde(default)]
    pub fixes: Vec<ImportFix>,
}

/// One value the secretary corrected in the wizard: row `row`'s `field`
/// reads `value` instead of what the file says. Only a person's details are
/// corrected this way (name, chức vụ, đơn vị, thành phần, code, phone,
/// email); a fix of any other field is ignored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportFix {
    pub row: u32,
    pub field: ImportField,
    pub value: String,
}

/// One row to write: a person's details, and the person already on the
/// list they update (`None`: a new person).
#[derive(Debug, Clone, PartialEq)]
pub struct ImportRow {
    /// The row's number in the sheet, for messages.
    pub row: u32,
    pub person: PersonInput,
    pub person_id: Option<String>,
    /// The code from the file, kept as the check-in code of a new person
    /// when no one else has it.
    pub code: String,
}

/// How many rows an import added and updated.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    pub added: u32,
    pub updated: u32,
    pub unchanged: u32,
    pub skipped: u32,
}

/// One group's (thành phần's) attendance, for the counters at the door.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SectionAttendance {
    /// The group as written on people (`Person::section`); empty: no group.
    pub section: String,
    pub summary: AttendanceSummary,
}

/// What checking one person in changed: that person, and the meeting's
/// numbers after it. Nothing else is sent back, whatever the list's size.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CheckIn {
    pub participant: Participant,
    /// They had checked in before: nothing was recorded, their arrival
    /// time stands.
    pub already: bool,
    pub summary: AttendanceSummary,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AttendanceEvent {
    pub id: String,
    pub meeting_id: String,
    pub person_id: String,
    pub kind: AttendanceEventKind,
    /// Local wall-clock time of what happened.
    pub at: String,
    pub reason: String,
    pub created_at: String,
    pub device_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MinutesEntry {
    pub id: String,
    pub meeting_id: String,
    pub agenda_item_id: Option<String>,
    pub speaker_name: String,
    pub speaker_title: String,
    /// "HH:MM", when it was said.
    pub spoken_at: Option<String>,
    pub kind: MinutesKind,
    pub text: String,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MinutesInput {
    pub agenda_item_id: Option<String>,
    pub speaker_name: String,
    pub speaker_title: String,
    pub spoken_at: Option<String>,
    pub kind: MinutesKind,
    pub text: String,
}

/// A vote (biểu quyết) taken during the meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Vote {
    pub id: String,
    pub meeting_id: String,
    pub agenda_item_id: Option<String>,
    pub question: String,
    /// How many delegates were present when it was taken.
    pub present: u32,
    /// Tán thành, không tán thành, không biểu quyết: they add up to `present`.
    pub in_favour: u32,
    pub against: u32,
    pub abstained: u32,
    /// The result as announced ("Hội nghị thống nhất thông qua…"); may be empty.
    pub result: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VoteInput {
    pub agenda_item_id: Option<String>,
    pub question: String,
    pub present: u32,
    pub in_favour: u32,
    pub against: u32,
    pub abstained: u32,
    pub result: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Task {
    pub id: String,
    pub meeting_id: String,
    pub position: u32,
    pub text: String,
    /// The unit or person who must carry it out.
    pub assignee: String,
    /// "YYYY-MM-DD".
    pub deadline: Option<String>,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TaskInput {
    pub text: String,
    pub assignee: String,
    pub deadline: Option<String>,
}

/// One line of the register of outgoing documents (sổ văn bản đi): the
/// number and date given to a document of a meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentNumber {
    pub id: String,
    pub meeting_id: String,
    pub kind: DocumentKind,
    /// The run the number belongs to: "2022" (a state body's year) or "GM",
    /// "GM từ 2025-10-18" (a Party body's type, within a term).
    pub series: String,
    pub number: u32,
    /// "YYYY-MM-DD".
    pub issued_on: String,
    /// Số and ký hiệu as printed: "45/GM-BTGTU" or "45-GM/BTGTU".
    pub symbol: String,
    /// Tên loại and trích yếu: "Giấy mời – Hội nghị giao ban …".
    pub summary: String,
    pub signer: String,
    /// The body whose register it is in.
    pub organisation_id: String,
}

/// One document of "export all": where it was written, or why it was not.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedDocument {
    pub kind: DocumentKind,
    pub path: String,
    pub error: Option<IpcError>,
}

/// "Export all": the folder the secretary chose and each document's outcome.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SavedFolder {
    pub folder: String,
    pub documents: Vec<SavedDocument>,
}

/// What went wrong, as it crosses into the UI: branch on `kind`, show `message`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct IpcError {
    pub kind: ErrorKind,
    pub message: String,
}

impl IpcError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        IpcError {
            kind,
            message: message.into(),
        }
    }
}

impl From<crate::CoreError> for IpcError {
    fn from(e: crate::CoreError) -> Self {
        IpcError::new(e.kind(), e.to_string())
    }
}

string_enum!(
    /// Why a backup was made.
    BackupReason {
        /// Every few minutes while something changes.
        Auto = "auto",
        /// When the app closed.
        Close = "close",
        /// Before this version upgraded an older database.
        Migration = "migration",
        /// The user asked for it.
        Manual = "manual",
        /// The data as it was just before a restore.
        BeforeRestore = "beforeRestore",
        /// The data as it was just before the trash was emptied.
        BeforeEmptyTrash = "beforeEmptyTrash",
    }
);

/// One backup file, as Cài đặt lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    /// The file name in the backup folder; the only handle the UI gets.
    pub name: String,
    /// When it was made (UTC, RFC 3339).
    pub taken_at: String,
    pub reason: BackupReason,
    pub size_kb: u32,
    /// Meetings in it (not counting the trash); `None` if it cannot be read.
    pub meetings: Option<u32>,
}

/// The second backup folder (a USB stick), as Cài đặt → Sao lưu shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupSettings {
    /// Every backup is also copied here; `None` when not chosen.
    pub extra_folder: Option<String>,
    /// Why the last copy there failed (the stick was not plugged in, say).
    pub extra_error: Option<String>,
}

/// What importing a meeting's portable file did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PortableImport {
    pub meeting_id: String,
    pub title: String,
    /// Rows this machine did not have (the meeting, people, agenda items, events…).
    pub added: u32,
    /// Rows replaced by the file's newer version.
    pub updated: u32,
    /// The meeting is in this machine's trash (deleted here after it was exported).
    pub in_trash: bool,
    /// The meeting's issuing body, by name, when it was new to this machine
    /// and was added to its bodies (Settings then lists it).
    pub organisation_added: Option<String>,
}

/// A meeting's team work ("Làm việc nhóm") as its panel shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SharingState {
    pub meeting_id: String,
    pub shared: bool,
    /// What another laptop types to join: the secret and where to find this
    /// laptop (`SECRET@ip:port`, several addresses separated by commas);
    /// empty when the meeting is not shared.
    pub pairing_code: String,
    /// The six-word invitation another laptop can type instead of the
    /// secret ("" when none is good now), and when it lapses (UTC, ISO 8601).
    pub invitation: String,
    pub invitation_expires_at: String,
    /// The addresses this laptop listens on for its team ("" when it does not).
    pub listening: String,
    /// What this laptop does in the team (cửa số 2, ghi biên bản…), shown to the others.
    pub label: String,
    pub peers: Vec<SyncPeer>,
}

/// Another laptop that shares the meeting, as this one last saw it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SyncPeer {
    /// Its copy's id.
    pub replica: String,
    pub label: String,
    pub address: String,
    /// When the last exchange with it worked (UTC, ISO 8601); "" never.
    pub last_seen: String,
    /// The last exchange worked within the last 15 seconds.
    pub connected: bool,
    /// Why the last attempt failed, in plain words ("" when it worked).
    pub last_error: String,
    /// Changes merged here from it, and there from here, in the last exchange.
    pub received: u32,
    pub sent: u32,
    /// Changes made or merged here since it last took this laptop's: how far
    /// behind it is (0: in step as far as this laptop knows).
    pub behind: u32,
}

/// A meeting brought to this laptop by its pairing code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JoinedMeeting {
    pub meeting_id: String,
    pub title: String,
    pub received: u32,
}

/// Facts about this installation, shown in Settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    pub database_path: String,
    /// The folder that holds the automatic backups.
    pub backup_path: String,
    pub schema_version: u32,
}

#[cfg(test)]
mod tests {
    use super::FormatProfile::{Hd05, Hd36, Nd30};
    use super::OrganisationKind;

    #[test]
    fn settings_saved_before_party_tables_had_their_own_size_still_read() {
        let old = r#"{"partyEnding":".","partyInvitationAbbreviation":"GM","tableFontSize":12}"#;
        let read = super::FormatSettings::from_json(old);
        assert_eq!(
            (read.party_ending.as_str(), read.state_table_font_size),
            (".", 12)
        );
        assert_eq!(read.party_table_font_size, 14, "the new setting's default");
    }

    #[test]
    fn a_party_document_follows_the_guide_in_force_on_its_date() {
        let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let party = OrganisationKind::Party;
        assert_eq!(party.profile_on(day(2022, 10, 6)), Hd36);
        assert_eq!(party.profile_on(day(2026, 5, 26)), Hd36);
        assert_eq!(party.profile_on(day(2026, 5, 27)), Hd05);
        assert_eq!(party.profile_on(day(2030, 1, 1)), Hd05);
        assert_eq!(OrganisationKind::State.profile_on(day(2030, 1, 1)), Nd30);
        assert!(Hd05.is_party() && Hd36.is_party() && !Nd30.is_party());
        assert_eq!(Hd05.authority("KT. TRƯỞNG BAN"), "K/T TRƯỞNG BAN");
    }

    #[test]
    fn authority_lines_take_the_profile_spelling() {
        let cases = [
            ("TM. ỦY BAN NHÂN DÂN", Hd36, "T/M ỦY BAN NHÂN DÂN"),
            ("T/M BAN THƯỜNG VỤ", Nd30, "TM. BAN THƯỜNG VỤ"),
            ("KT. TRƯỞNG BAN", Hd36, "K/T TRƯỞNG BAN"),
            ("T/L TRƯỞNG BAN", Nd30, "TL. TRƯỞNG BAN"),
            ("TL.CHÁNH VĂN PHÒNG", Hd36, "T/L CHÁNH VĂN PHÒNG"),
            ("kt. trưởng ban", Hd36, "K/T trưởng ban"),
            ("TM.", Hd36, "T/M"),
            ("K/T", Nd30, "KT."),
            ("", Hd36, ""),
            ("TRƯỞNG BAN", Hd36, "TRƯỞNG BAN"),
            ("  KT. TRƯỞNG BAN ", Nd30, "KT. TRƯỞNG BAN"),
            ("TMXYZ", Hd36, "TMXYZ"),
            ("T/MX", Nd30, "T/MX"),
        ];
        for (line, profile, expected) in cases {
            assert_eq!(profile.authority(line), expected, "{line:?} in {profile:?}");
        }
    }
}
