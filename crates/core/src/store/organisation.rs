//! The issuing bodies (cơ quan ban hành): an office keeps several, each
//! meeting issues its documents as one of them, and a document once numbered
//! keeps the body it was issued with (see `store::document_number`).

use rusqlite::{params, OptionalExtension, Row};

use crate::clock::{self, DEFAULT_TIME_ZONE};
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{DocumentFont, FormatProfile, FormatSettings, Organisation, OrganisationKind};
use crate::store::{require_current, soft_delete};
use crate::text;

const COLUMNS: &str = "id, parent_name, name, abbreviation, place_name, kind, signer_name,
    signer_title, signing_prefix, time_zone, full_name, head_vacant, header_lines, updated_at, superior, contact,
    term_start";

impl Db {
    /// The issuing bodies the office keeps (hidden ones left out), by name.
    pub fn organisations(&self) -> Result<Vec<Organisation>> {
        self.organisations_where("deleted_at IS NULL")
    }

    /// Hidden bodies whose register of outgoing documents holds numbers, by
    /// name: a body taken off the list keeps its register, which can still
    /// be read and printed.
    pub fn hidden_organisations_with_register(&self) -> Result<Vec<Organisation>> {
        self.organisations_where(
            "deleted_at IS NOT NULL AND EXISTS
               (SELECT 1 FROM document_number n WHERE n.organisation_id = organisation.id)",
        )
    }

    /// The bodies `condition` (SQL) selects, by name.
    fn organisations_where(&self, condition: &str) -> Result<Vec<Organisation>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM organisation WHERE {condition}"
        ))?;
        let mut all = stmt
            .query_map([], from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        all.sort_by_cached_key(|o| text::sort_key(&o.name));
        Ok(all)
    }

    /// One body, hidden or not (a meeting or a register entry may still name it).
    pub fn organisation(&self, id: &str) -> Result<Organisation> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM organisation WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| CoreError::NotFound {
                what: "cơ quan ban hành",
                id: id.to_string(),
            })
    }

    /// The body a new meeting issues its documents as: the one the latest
    /// real meeting used, else the body added last. The demo's body is never
    /// chosen by itself, so a new office is asked for its own before its
    /// first document.
    pub fn default_organisation_id(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM (
                    SELECT m.organisation_id AS id, 1 AS used, m.created_at AS at, m.id AS tie
                      FROM meeting m
                      JOIN organisation o ON o.id = m.organisation_id AND o.deleted_at IS NULL
                     WHERE m.deleted_at IS NULL AND NOT m.is_demo
                    UNION ALL
                    SELECT o.id, 0, o.created_at, o.id FROM organisation o
                     WHERE o.deleted_at IS NULL AND o.id NOT IN
                        (SELECT organisation_id FROM meeting
                          WHERE is_demo AND organisation_id IS NOT NULL))
                 ORDER BY used DESC, at DESC, tie DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The body that issues the meeting's documents, with the meeting's own
    /// signer where it names one; `None` while the meeting has no body.
    pub fn meeting_organisation(&self, meeting_id: &str) -> Result<Option<Organisation>> {
        let meeting = self.meeting(meeting_id)?;
        let Some(id) = meeting.organisation_id.as_deref() else {
            return Ok(None);
        };
        let mut org = self.organisation(id)?;
        if !meeting.signer_name.is_empty() {
            org.signer_name = meeting.signer_name;
            org.signer_title = meeting.signer_title;
            org.signing_prefix = org.kind.spelling().authority(&meeting.signing_prefix);
        }
        Ok(Some(org))
    }

    /// Like `meeting_organisation`, but a meeting without a body is refused
    /// with a message that says where to choose one.
    pub fn issuing_body(&self, meeting_id: &str) -> Result<Organisation> {
        self.meeting_organisation(meeting_id)?.ok_or_else(|| {
            CoreError::invalid(
                "organisationId",
                "Hội nghị chưa có cơ quan ban hành: hãy chọn hoặc khai báo cơ quan ban hành trước khi làm văn bản.",
            )
        })
    }

    /// The local time zone of a meeting: its body's, or Việt Nam's.
    pub fn time_zone_of(&self, meeting_id: &str) -> Result<String> {
        Ok(self
            .conn
            .query_row(
                "SELECT o.time_zone FROM meeting m JOIN organisation o ON o.id = m.organisation_id
                 WHERE m.id = ?1",
                [meeting_id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_else(|| DEFAULT_TIME_ZONE.to_string()))
    }

    /// A moment of the meeting as stored (local "YYYY-MM-DDTHH:MM"): `at`
    /// checked and written the one way, or now in the meeting's time zone.
    pub(crate) fn moment(&self, meeting_id: &str, at: Option<&str>) -> Result<String> {
        Ok(match at {
            Some(s) => crate::clock::parse_local("at", "Thời điểm", s)?
                .format(crate::clock::LOCAL_FORMAT)
                .to_string(),
            None => crate::clock::local_now(&self.time_zone_of(meeting_id)?),
        })
    }

    /// Adds a body (empty `id`) or saves an edit of one; an edit must start
    /// from the current version (`updated_at`).
    pub fn save_organisation(&mut self, input: &Organisation) -> Result<Organisation> {
        let org = validate(input)?;
        let id = if org.id.is_empty() {
            clock::new_id()
        } else {
            org.id.clone()
        };
        self.write(|tx, device| {
            let now = if org.id.is_empty() {
                let now = clock::utc_now();
                tx.execute(
                    "INSERT INTO organisation (id, parent_name, name, abbreviation, place_name,
                        kind, signer_name, signer_title, signing_prefix, time_zone, created_at,
                        updated_at, device_id, full_name, head_vacant, header_lines)
                     VALUES (?1, '', '', '', '', 'state', '', '', '', '', ?2, ?2, ?3, '', 0, '')",
                    params![id, now, device],
                )?;
                now
            } else {
                require_current(tx, "organisation", "cơ quan ban hành", &id, &org.updated_at)?
            };
            tx.execute(
                "UPDATE organisation SET parent_name = ?2, name = ?3, abbreviation = ?4,
                    place_name = ?5, kind = ?6, signer_name = ?7, signer_title = ?8,
                    signing_prefix = ?9, time_zone = ?10, full_name = ?11, head_vacant = ?12,
                    header_lines = ?13, updated_at = ?14, device_id = ?15, superior = ?16,
                    contact = ?17, term_start = ?18
                 WHERE id = ?1",
                params![
                    id,
                    org.parent_name,
                    org.name,
                    org.abbreviation,
                    org.place_name,
                    org.kind.as_str(),
                    org.signer_name,
                    org.signer_title,
                    org.signing_prefix,
                    org.time_zone,
                    org.full_name,
                    org.head_vacant,
                    org.header_lines,
                    now,
                    device,
                    org.superior,
                    org.contact,
                    org.term_start
                ],
            )?;
            Ok(())
        })?;
        self.organisation(&id)
    }

    /// Hides a body no meeting uses any more (it stays in the file: the
    /// register and old meetings keep pointing at it).
    pub fn delete_organisation(&mut self, id: &str) -> Result<()> {
        self.write(|tx, device| {
            let used: Option<String> = tx
                .query_row(
                    "SELECT title FROM meeting WHERE organisation_id = ?1 AND deleted_at IS NULL
                     ORDER BY starts_at DESC LIMIT 1",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(title) = used {
                return Err(CoreError::invalid(
                    "organisationId",
                    format!("Cơ quan này đang là cơ quan ban hành của hội nghị “{title}”: hãy chọn cơ quan khác cho hội nghị đó trước."),
                ));
            }
            soft_delete(tx, "organisation", "cơ quan ban hành", id, device)
        })
    }
}

/// Normalises and checks a body as typed.
fn validate(input: &Organisation) -> Result<Organisation> {
    let header_lines = text::long_text("headerLines", "Tiêu đề như ban hành", &input.header_lines)?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    let org = Organisation {
        id: input.id.trim().to_string(),
        parent_name: text::line("parentName", "Tên cơ quan chủ quản", &input.parent_name)?,
        name: text::required("name", "Tên cơ quan ban hành", &input.name)?,
        full_name: text::line("fullName", "Tên cơ quan (viết thường)", &input.full_name)?,
        abbreviation: text::required("abbreviation", "Chữ viết tắt", &input.abbreviation)?,
        place_name: text::required("placeName", "Địa danh", &input.place_name)?,
        kind: input.kind,
        head_vacant: input.head_vacant,
        signer_name: text::line("signerName", "Họ tên người ký", &input.signer_name)?,
        signer_title: text::line("signerTitle", "Chức vụ người ký", &input.signer_title)?,
        // Kept in the body's spelling (TM./T/M…), as documents print it.
        signing_prefix: input.kind.spelling().authority(&text::line(
            "signingPrefix",
            "Quyền hạn ký",
            &input.signing_prefix,
        )?),
        time_zone: text::required("timeZone", "Múi giờ", &input.time_zone)?,
        header_lines,
        // Kept as a name: "- UBND Thành phố (để báo cáo);" is stored as "UBND Thành phố".
        superior: text::line("superior", "Cơ quan cấp trên", &input.superior)?
            .trim_start_matches(['-', ' '])
            .trim_end_matches([';', '.', ' '])
            .trim_end_matches("(để báo cáo)")
            .trim()
            .to_string(),
        contact: text::line("contact", "Địa chỉ liên hệ", &input.contact)?,
        term_start: match input.kind {
            OrganisationKind::Party => input.term_start.trim().to_string(),
            OrganisationKind::State => String::new(),
        },
        updated_at: input.updated_at.clone(),
    };
    if !org.term_start.is_empty()
        && chrono::NaiveDate::parse_from_str(&org.term_start, "%Y-%m-%d").is_err()
    {
        return Err(CoreError::invalid(
            "termStart",
            "Ngày bắt đầu nhiệm kỳ phải là một ngày hợp lệ hoặc để trống.",
        ));
    }
    clock::valid_zone(&org.time_zone)?;
    if org.abbreviation.contains(char::is_whitespace) {
        return Err(CoreError::invalid(
            "abbreviation",
            "Chữ viết tắt không được chứa dấu cách (ví dụ: BTGTU).",
        ));
    }
    if org.header_lines.lines().count() > 4 {
        return Err(CoreError::invalid(
            "headerLines",
            "Tiêu đề cơ quan ban hành có nhiều nhất 4 dòng (cơ quan chủ quản, cơ quan ban hành, dấu *).",
        ));
    }
    Ok(org)
}

impl Db {
    /// The typeface chosen for documents on this installation.
    pub fn document_font(&self) -> Result<DocumentFont> {
        Ok(self
            .meta("document_font")?
            .and_then(|f| DocumentFont::parse(&f))
            .unwrap_or(DocumentFont::LiberationSerif))
    }

    pub fn set_document_font(&mut self, font: DocumentFont) -> Result<()> {
        self.set_meta("document_font", font.as_str())
    }

    /// The settings for format rules docs/format-rules.md leaves uncertain.
    pub fn format_settings(&self) -> Result<FormatSettings> {
        Ok(self
            .meta("format_settings")?
            .map(|json| FormatSettings::from_json(&json))
            .unwrap_or_default())
    }

    pub fn update_format_settings(&mut self, input: &FormatSettings) -> Result<FormatSettings> {
        let settings = FormatSettings {
            party_ending: text::nfc(&input.party_ending),
            party_invitation_abbreviation: text::required(
                "partyInvitationAbbreviation",
                "Ký hiệu giấy mời",
                &input.party_invitation_abbreviation,
            )?,
            state_table_font_size: input.state_table_font_size,
            party_table_font_size: input.party_table_font_size,
            ..input.clone()
        };
        if !["./.", "."].contains(&settings.party_ending.as_str()) {
            return Err(CoreError::invalid(
                "partyEnding",
                "Dấu kết thúc văn bản phải là \"./.\" hoặc \".\".",
            ));
        }
        let abbr = &settings.party_invitation_abbreviation;
        if abbr.chars().count() > 10 || abbr.contains(char::is_whitespace) {
            return Err(CoreError::invalid(
                "partyInvitationAbbreviation",
                "Ký hiệu giấy mời là một chữ viết tắt ngắn, không có dấu cách (ví dụ GM).",
            ));
        }
        for (field, profile, size) in [
            (
                "stateTableFontSize",
                FormatProfile::Nd30,
                settings.state_table_font_size,
            ),
            (
                "partyTableFontSize",
                FormatProfile::Hd05,
                settings.party_table_font_size,
            ),
        ] {
            let allowed = profile.table_font_sizes();
            if !allowed.contains(&size) {
                return Err(CoreError::invalid(
                    field,
                    format!(
                        "Cỡ chữ trong bảng phải từ {} đến {}.",
                        allowed.start(),
                        allowed.end()
                    ),
                ));
            }
        }
        let json = serde_json::to_string(&settings).expect("settings serialise");
        self.set_meta("format_settings", &json)?;
        Ok(settings)
    }
}

fn from_row(r: &Row) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        id: r.get(0)?,
        parent_name: r.get(1)?,
        name: r.get(2)?,
        abbreviation: r.get(3)?,
        place_name: r.get(4)?,
        kind: OrganisationKind::parse(&r.get::<_, String>(5)?).unwrap_or(OrganisationKind::State),
        signer_name: r.get(6)?,
        signer_title: r.get(7)?,
        signing_prefix: r.get(8)?,
        time_zone: r.get(9)?,
        full_name: r.get(10)?,
        head_vacant: r.get(11)?,
        header_lines: r.get(12)?,
        updated_at: r.get(13)?,
        superior: r.get(14)?,
        contact: r.get(15)?,
        term_start: r.get(16)?,
    })
}
