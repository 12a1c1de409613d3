//! The register of outgoing documents (sổ văn bản đi): the số and ngày ban
//! hành given to each document of a meeting, saved so that the Văn bản tab
//! and every later export print the same number, and so that no number is
//! given twice.
//!
//! Each body keeps its own register. A number keeps the body and signer it
//! was issued with (`issuer_of`), so later edits of the body change drafts,
//! never documents already signed. Numbering follows the body: a state body numbers all its
//! documents from 01 each calendar year (NĐ30 Điều 15); a Party body numbers
//! each document type from 01 within a committee term (HD05 3.1), from the
//! body's own term start (`Organisation::term_start`).

use chrono::{Datelike, NaiveDate};
use rusqlite::{params, OptionalExtension, Row};

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{DocumentKind, DocumentNumber, Organisation, OrganisationKind};
use crate::store::require_live;

const COLUMNS: &str =
    "id, meeting_id, kind, series, number, issued_on, symbol, summary, signer, organisation_id";

impl Db {
    /// The numbers given to the documents of a meeting.
    pub fn document_numbers(&self, meeting_id: &str) -> Result<Vec<DocumentNumber>> {
        self.numbers_where("meeting_id = ?1", [meeting_id])
    }

    /// The register of one body, oldest first, each series in number order.
    pub fn document_register(&self, organisation_id: &str) -> Result<Vec<DocumentNumber>> {
        self.numbers_where("organisation_id = ?1", [organisation_id])
    }

    /// The body (and signer) a numbered document was issued with, as it was
    /// then; `None` for a document without a number.
    pub fn issuer_of(&self, meeting_id: &str, kind: DocumentKind) -> Result<Option<Organisation>> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT issuer FROM document_number
                 WHERE meeting_id = ?1 AND kind = ?2 AND deleted_at IS NULL",
                params![meeting_id, kind.as_str()],
                |r| r.get(0),
            )
            .optional()?;
        // A number given before bodies were kept per document has no copy.
        Ok(json.and_then(|j| serde_json::from_str(&j).ok()))
    }

    fn numbers_where<P: rusqlite::Params>(
        &self,
        condition: &str,
        params: P,
    ) -> Result<Vec<DocumentNumber>> {
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM document_number
             WHERE {condition} AND deleted_at IS NULL
             ORDER BY issued_on, series, number"
        ))?;
        let rows = stmt.query_map(params, from_row)?;
        // A kind this version does not know (written by a newer one) is left out.
        Ok(rows
            .filter_map(|r| r.transpose())
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Gives document `kind` of a meeting its number and date. Without
    /// `number`, the document keeps the number it has in the same series, or
    /// gets the next one (numbers once given, cancelled ones included, are
    /// never suggested again). A chosen number is refused if another
    /// document of the series has it.
    pub fn issue_document_number(
        &mut self,
        meeting_id: &str,
        kind: DocumentKind,
        number: Option<u32>,
        issued_on: &str,
    ) -> Result<DocumentNumber> {
        if kind == DocumentKind::DanhSach {
            return Err(CoreError::invalid(
                "kind",
                "Danh sách đại biểu không có số riêng: nó mang số của giấy mời hoặc biên bản đi kèm.",
            ));
        }
        let date = NaiveDate::parse_from_str(issued_on.trim(), "%Y-%m-%d").map_err(|_| {
            CoreError::invalid("issuedOn", "Ngày ban hành phải là một ngày hợp lệ.")
        })?;
        if number == Some(0) {
            return Err(CoreError::invalid("number", "Số văn bản bắt đầu từ 01."));
        }
        let organisation = self.issuing_body(meeting_id)?;
        let issuer = serde_json::to_string(&organisation).expect("a body serialises");
        let settings = self.format_settings()?;
        let meeting = self.meeting(meeting_id)?;
        let series = series(&organisation, kind, date);
        let profile = organisation.kind.profile_on(date);
        let type_abbr = settings.type_abbreviation(kind, profile).to_string();
        let summary = format!("{} – {}", kind.name(), meeting.title.trim());
        let signer = if kind == DocumentKind::BienBan {
            meeting.chair_name.trim().to_string()
        } else {
            organisation.signer_name.trim().to_string()
        };
        self.write(|tx, device| {
            require_live(tx, "meeting", "hội nghị", meeting_id)?;
            let existing: Option<(String, String, String, u32)> = tx
                .query_row(
                    "SELECT id, series, organisation_id, number FROM document_number
                     WHERE meeting_id = ?1 AND kind = ?2 AND deleted_at IS NULL",
                    params![meeting_id, kind.as_str()],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
                )
                .optional()?;
            let own_id = existing.as_ref().map(|(id, ..)| id.clone());
            let number = match (number, &existing) {
                (Some(n), _) => {
                    let taken: Option<(String, String)> = tx
                        .query_row(
                            "SELECT summary, issued_on FROM document_number
                             WHERE organisation_id = ?4 AND series = ?1 AND number = ?2
                               AND deleted_at IS NULL AND id IS NOT ?3",
                            params![series, n, own_id, organisation.id],
                            |r| Ok((r.get(0)?, r.get(1)?)),
                        )
                        .optional()?;
                    if let Some((summary, on)) = taken {
                        return Err(CoreError::invalid(
                            "number",
                            format!("Số {n:02} đã cấp cho “{summary}” (ngày {on})."),
                        ));
                    }
                    n
                }
                (None, Some((_, s, o, n))) if *s == series && *o == organisation.id => *n,
                (None, _) => tx.query_row(
                    "SELECT COALESCE(MAX(number), 0) + 1 FROM document_number
                     WHERE organisation_id = ?1 AND series = ?2",
                    [&organisation.id, &series],
                    |r| r.get(0),
                )?,
            };
            let symbol = profile.symbol(
                &format!("{number:02}"),
                &type_abbr,
                organisation.abbreviation.trim(),
            );
            let now = clock::utc_now();
            let date = date.format("%Y-%m-%d").to_string();
            match own_id {
                Some(id) => {
                    if existing.as_ref().is_some_and(|(_, s, o, n)| {
                        (s, o, *n) != (&series, &organisation.id, number)
                    }) {
                        // The old number was given and may be on paper: it
                        // stays in the register, cancelled, so it is never
                        // suggested again.
                        tx.execute(
                            &format!(
                                "INSERT INTO document_number ({COLUMNS}, issuer, created_at,
                                    updated_at, device_id, deleted_at, deleted_by)
                                 SELECT ?2, {rest}, issuer, created_at, ?3, ?4, ?3, ?4
                                 FROM document_number WHERE id = ?1",
                                rest = &COLUMNS["id, ".len()..]
                            ),
                            params![id, clock::new_id(), now, device],
                        )?;
                    }
                    tx.execute(
                        "UPDATE document_number SET series = ?2, number = ?3, issued_on = ?4,
                            symbol = ?5, summary = ?6, signer = ?7, updated_at = ?8, device_id = ?9,
                            organisation_id = ?10, issuer = ?11
                         WHERE id = ?1",
                        params![
                            id,
                            series,
                            number,
                            date,
                            symbol,
                            summary,
                            signer,
                            now,
                            device,
                            organisation.id,
                            issuer
                        ],
                    )?;
                }
                None => {
                    tx.execute(
                        "INSERT INTO document_number (id, meeting_id, kind, series, number,
                            issued_on, symbol, summary, signer, created_at, updated_at, device_id,
                            organisation_id, issuer)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13)",
                        params![
                            clock::new_id(),
                            meeting_id,
                            kind.as_str(),
                            series,
                            number,
                            date,
                            symbol,
                            summary,
                            signer,
                            now,
                            device,
                            organisation.id,
                            issuer
                        ],
                    )?;
                }
            }
            Ok(())
        })?;
        self.document_numbers(meeting_id)?
            .into_iter()
            .find(|n| n.kind == kind)
            .ok_or_else(|| CoreError::NotFound {
                what: "số văn bản",
                id: kind.as_str().to_string(),
            })
    }

    /// Takes the number back from a document (it stays in the register as
    /// cancelled and is not suggested again).
    pub fn cancel_document_number(&mut self, meeting_id: &str, kind: DocumentKind) -> Result<()> {
        self.write(|tx, device| {
            let now = clock::utc_now();
            tx.execute(
                "UPDATE document_number SET deleted_at = ?3, deleted_by = ?4, updated_at = ?3
                 WHERE meeting_id = ?1 AND kind = ?2 AND deleted_at IS NULL",
                params![meeting_id, kind.as_str(), now, device],
            )?;
            Ok(())
        })
    }
}

/// The run a number belongs to: the year for a state body; for a Party body,
/// the document type within the term that includes `date` ("GM từ
/// 2025-10-18"), or the type alone when no term start is set or the
/// document predates it.
fn series(organisation: &Organisation, kind: DocumentKind, date: NaiveDate) -> String {
    match organisation.kind {
        OrganisationKind::State => date.year().to_string(),
        OrganisationKind::Party => {
            let term = NaiveDate::parse_from_str(&organisation.term_start, "%Y-%m-%d").ok();
            match term {
                Some(start) if date >= start => {
                    format!(
                        "{} từ {}",
                        kind.type_abbreviation(),
                        start.format("%Y-%m-%d")
                    )
                }
                Some(start) => {
                    format!(
                        "{} trước {}",
                        kind.type_abbreviation(),
                        start.format("%Y-%m-%d")
                    )
                }
                None => kind.type_abbreviation().to_string(),
            }
        }
    }
}

fn from_row(r: &Row) -> rusqlite::Result<Option<DocumentNumber>> {
    let Some(kind) = DocumentKind::parse(&r.get::<_, String>(2)?) else {
        return Ok(None);
    };
    Ok(Some(DocumentNumber {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        kind,
        series: r.get(3)?,
        number: r.get(4)?,
        issued_on: r.get(5)?,
        symbol: r.get(6)?,
        summary: r.get(7)?,
        signer: r.get(8)?,
        organisation_id: r.get(9)?,
    }))
}
