//! The secretary's edits to generated document text. Each (meeting, document,
//! field) has at most one live edit; going back to the generated text hides it.

use std::collections::BTreeMap;

use rusqlite::params;

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{DocumentFieldKey, DocumentKind};
use crate::store::require_live;
use crate::text;

impl Db {
    /// The live edits of one document of a meeting, by field. A field this
    /// version does not know (written by a newer one) is left out.
    pub fn document_texts(
        &self,
        meeting_id: &str,
        kind: DocumentKind,
    ) -> Result<BTreeMap<DocumentFieldKey, String>> {
        let mut stmt = self.conn.prepare(
            "SELECT field, body FROM document_text
             WHERE meeting_id = ?1 AND kind = ?2 AND deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([meeting_id, kind.as_str()], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut texts = BTreeMap::new();
        for row in rows {
            let (field, body) = row?;
            if let Some(key) = DocumentFieldKey::parse(&field) {
                texts.insert(key, body);
            }
        }
        Ok(texts)
    }

    /// Saves the secretary's text for one field (replacing an earlier edit).
    pub fn set_document_text(
        &mut self,
        meeting_id: &str,
        kind: DocumentKind,
        field: DocumentFieldKey,
        body: &str,
    ) -> Result<()> {
        // Line breaks are meaningful here (one recipient per line), so only the ends are trimmed.
        let mut body = text::long_text("text", "Nội dung", body)?;
        if field == DocumentFieldKey::IssuedOn {
            body = chrono::NaiveDate::parse_from_str(&body, "%Y-%m-%d")
                .map_err(|_| CoreError::invalid("text", "Ngày ban hành phải là một ngày hợp lệ."))?
                .format("%Y-%m-%d")
                .to_string();
        }
        self.write(|tx, device| {
            require_live(tx, "meeting", "hội nghị", meeting_id)?;
            let now = clock::utc_now();
            tx.execute(
                "INSERT INTO document_text (id, meeting_id, kind, field, body, created_at, updated_at, device_id)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6, ?7)
                 ON CONFLICT(id) DO UPDATE SET body = excluded.body,
                    updated_at = excluded.updated_at, device_id = excluded.device_id,
                    deleted_at = NULL, deleted_by = NULL",
                params![
                    // One row per field on every laptop of a shared meeting.
                    format!("{meeting_id}/{}/{}", kind.as_str(), field.as_str()),
                    meeting_id,
                    kind.as_str(),
                    field.as_str(),
                    body,
                    now,
                    device
                ],
            )?;
            Ok(())
        })
    }

    /// Goes back to the generated text for one field.
    pub fn reset_document_text(
        &mut self,
        meeting_id: &str,
        kind: DocumentKind,
        field: DocumentFieldKey,
    ) -> Result<()> {
        self.write(|tx, device| {
            let n = tx.execute(
                "UPDATE document_text SET deleted_at = ?4, deleted_by = ?5, updated_at = ?4
                 WHERE meeting_id = ?1 AND kind = ?2 AND field = ?3 AND deleted_at IS NULL",
                params![
                    meeting_id,
                    kind.as_str(),
                    field.as_str(),
                    clock::utc_now(),
                    device
                ],
            )?;
            if n == 0 {
                return Err(CoreError::NotFound {
                    what: "nội dung đã sửa",
                    id: field.as_str().to_string(),
                });
            }
            Ok(())
        })
    }
}
