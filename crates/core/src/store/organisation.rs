//! The organisation profile: one per database, used for every document's header.

use rusqlite::{params, OptionalExtension, Row};

use crate::clock::{self, DEFAULT_TIME_ZONE};
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{DocumentFont, FormatProfile, FormatSettings, Organisation, OrganisationKind};
use crate::text;

impl Db {
    /// The organisation, or an empty state body when none was saved yet.
    pub fn organisation(&self) -> Result<Organisation> {
        let found = self
            .conn
            .query_row(
                "SELECT parent_name, name, abbreviation, place_name, kind, signer_name,
                        signer_title, signing_prefix, time_zone, full_name, head_vacant
                 FROM organisation ORDER BY updated_at DESC LIMIT 1",
                [],
                from_row,
            )
            .optional()?;
        Ok(found.unwrap_or_else(|| Organisation {
            parent_name: String::new(),
            name: String::new(),
            full_name: String::new(),
            abbreviation: String::new(),
            place_name: String::new(),
            kind: OrganisationKind::State,
            head_vacant: false,
            signer_name: String::new(),
            signer_title: String::new(),
            signing_prefix: String::new(),
            time_zone: DEFAULT_TIME_ZONE.to_string(),
        }))
    }

    pub fn update_organisation(&mut self, input: &Organisation) -> Result<Organisation> {
        let org = Organisation {
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
        };
        clock::valid_zone(&org.time_zone)?;
        if org.abbreviation.contains(char::is_whitespace) {
            return Err(CoreError::invalid(
                "abbreviation",
                "Chữ viết tắt không được chứa dấu cách (ví dụ: BTGTU).",
            ));
        }
        self.write(|tx, device| {
            let now = clock::utc_now();
            let existing: Option<String> = tx
                .query_row(
                    "SELECT id FROM organisation ORDER BY updated_at DESC LIMIT 1",
                    [],
                    |r| r.get(0),
                )
                .optional()?;
            let id = existing.unwrap_or_else(clock::new_id);
            tx.execute(
                "INSERT INTO organisation (id, parent_name, name, abbreviation, place_name, kind,
                    signer_name, signer_title, signing_prefix, time_zone, created_at, updated_at, device_id,
                    full_name, head_vacant)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14)
                 ON CONFLICT(id) DO UPDATE SET parent_name = excluded.parent_name,
                    name = excluded.name, abbreviation = excluded.abbreviation,
                    place_name = excluded.place_name, kind = excluded.kind,
                    head_vacant = excluded.head_vacant,
                    signer_name = excluded.signer_name, signer_title = excluded.signer_title,
                    signing_prefix = excluded.signing_prefix, time_zone = excluded.time_zone,
                    updated_at = excluded.updated_at, device_id = excluded.device_id,
                    full_name = excluded.full_name",
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
                    now,
                    device,
                    org.full_name,
                    org.head_vacant
                ],
            )?;
            Ok(())
        })?;
        Ok(org)
    }
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
        let term = settings.party_term_start.trim();
        if !term.is_empty() && chrono::NaiveDate::parse_from_str(term, "%Y-%m-%d").is_err() {
            return Err(CoreError::invalid(
                "partyTermStart",
                "Ngày bắt đầu nhiệm kỳ phải là một ngày hợp lệ (năm-tháng-ngày) hoặc để trống.",
            ));
        }
        let settings = FormatSettings {
            party_term_start: term.to_string(),
            ..settings
        };
        let json = serde_json::to_string(&settings).expect("settings serialise");
        self.set_meta("format_settings", &json)?;
        Ok(settings)
    }
}

fn from_row(r: &Row) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        parent_name: r.get(0)?,
        name: r.get(1)?,
        abbreviation: r.get(2)?,
        place_name: r.get(3)?,
        kind: OrganisationKind::parse(&r.get::<_, String>(4)?).unwrap_or(OrganisationKind::State),
        signer_name: r.get(5)?,
        signer_title: r.get(6)?,
        signing_prefix: r.get(7)?,
        time_zone: r.get(8)?,
        full_name: r.get(9)?,
        head_vacant: r.get(10)?,
    })
}
