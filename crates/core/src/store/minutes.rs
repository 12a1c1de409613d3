//! Minutes entries (biên bản): what was said, by whom, under which agenda item.

use rusqlite::{params, Row, Transaction};

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{MinutesEntry, MinutesInput, MinutesKind};
use crate::store::{
    agenda, open_meeting_of, require_current, require_live, require_open, soft_delete,
};
use crate::text;

const COLUMNS: &str = "id, meeting_id, agenda_item_id, speaker_name, speaker_title, spoken_at,
    kind, body, created_at, updated_at";

impl Db {
    /// Entries in the order they were spoken (entries without a time last, in
    /// the order they were written).
    pub fn minutes(&self, meeting_id: &str) -> Result<Vec<MinutesEntry>> {
        require_live(&self.conn, "meeting", "hội nghị", meeting_id)?;
        let sql = format!(
            "SELECT {COLUMNS} FROM minutes_entry WHERE meeting_id = ?1 AND deleted_at IS NULL
             ORDER BY spoken_at IS NULL, spoken_at, created_at, id"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([meeting_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn minutes_entry(&self, id: &str) -> Result<MinutesEntry> {
        let sql =
            format!("SELECT {COLUMNS} FROM minutes_entry WHERE id = ?1 AND deleted_at IS NULL");
        self.conn
            .query_row(&sql, [id], from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound {
                    what: "mục biên bản",
                    id: id.to_string(),
                },
                e => e.into(),
            })
    }

    pub fn add_minutes_entry(
        &mut self,
        meeting_id: &str,
        input: &MinutesInput,
    ) -> Result<MinutesEntry> {
        let entry = validate(input)?;
        let id = clock::new_id();
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            check_item(tx, meeting_id, entry.agenda_item_id.as_deref())?;
            insert(tx, &id, meeting_id, &entry, device)
        })?;
        self.minutes_entry(&id)
    }

    /// Saves an entry; `seen` is the `updated_at` the editor started from
    /// (each autosave passes the one its previous save returned).
    pub fn update_minutes_entry(
        &mut self,
        id: &str,
        seen: &str,
        input: &MinutesInput,
    ) -> Result<MinutesEntry> {
        let entry = validate(input)?;
        self.write(|tx, device| {
            let stamp = require_current(tx, "minutes_entry", "mục biên bản", id, seen)?;
            let meeting_id: String = tx
                .query_row(
                    "SELECT meeting_id FROM minutes_entry WHERE id = ?1 AND deleted_at IS NULL",
                    [id],
                    |r| r.get(0),
                )
                .map_err(|_| CoreError::NotFound { what: "mục biên bản", id: id.to_string() })?;
            require_open(tx, &meeting_id)?;
            check_item(tx, &meeting_id, entry.agenda_item_id.as_deref())?;
            tx.execute(
                "UPDATE minutes_entry SET agenda_item_id = ?2, speaker_name = ?3, speaker_title = ?4,
                    spoken_at = ?5, kind = ?6, body = ?7, updated_at = ?8, device_id = ?9
                 WHERE id = ?1",
                params![
                    id,
                    entry.agenda_item_id,
                    entry.speaker_name,
                    entry.speaker_title,
                    entry.spoken_at,
                    entry.kind.as_str(),
                    entry.text,
                    stamp,
                    device
                ],
            )?;
            Ok(())
        })?;
        self.minutes_entry(id)
    }

    pub fn delete_minutes_entry(&mut self, id: &str) -> Result<()> {
        self.write(|tx, device| {
            open_meeting_of(tx, "minutes_entry", "mục biên bản", id)?;
            soft_delete(tx, "minutes_entry", "mục biên bản", id, device)
        })
    }
}

pub(crate) fn insert(
    tx: &Transaction,
    id: &str,
    meeting_id: &str,
    entry: &MinutesInput,
    device: &str,
) -> Result<()> {
    let now = clock::utc_now();
    tx.execute(
        "INSERT INTO minutes_entry (id, meeting_id, agenda_item_id, speaker_name, speaker_title,
            spoken_at, kind, body, created_at, updated_at, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
        params![
            id,
            meeting_id,
            entry.agenda_item_id,
            entry.speaker_name,
            entry.speaker_title,
            entry.spoken_at,
            entry.kind.as_str(),
            entry.text,
            now,
            device
        ],
    )?;
    Ok(())
}

pub(crate) fn validate(input: &MinutesInput) -> Result<MinutesInput> {
    let text = text::long_text("text", "Nội dung", &input.text)?;
    if text.is_empty() {
        return Err(CoreError::invalid(
            "text",
            "Nội dung biên bản không được để trống.",
        ));
    }
    let spoken_at = match input.spoken_at.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(
            clock::parse_time("spokenAt", "Thời điểm", s)?
                .format("%H:%M")
                .to_string(),
        ),
    };
    Ok(MinutesInput {
        agenda_item_id: input.agenda_item_id.clone().filter(|s| !s.is_empty()),
        speaker_name: text::line("speakerName", "Người phát biểu", &input.speaker_name)?,
        speaker_title: text::line(
            "speakerTitle",
            "Chức vụ người phát biểu",
            &input.speaker_title,
        )?,
        spoken_at,
        kind: input.kind,
        text,
    })
}

/// An entry may only point at a live agenda item of its own meeting.
pub(crate) fn check_item(tx: &Transaction, meeting_id: &str, item: Option<&str>) -> Result<()> {
    let Some(item) = item else { return Ok(()) };
    match agenda::live_item_meeting(tx, item) {
        Ok(owner) if owner == meeting_id => Ok(()),
        Ok(_) => Err(CoreError::invalid(
            "agendaItemId",
            "Mục chương trình đã chọn thuộc một hội nghị khác.",
        )),
        Err(e) => Err(e),
    }
}

fn from_row(r: &Row) -> rusqlite::Result<MinutesEntry> {
    Ok(MinutesEntry {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        speaker_name: r.get(3)?,
        speaker_title: r.get(4)?,
        spoken_at: r.get(5)?,
        kind: MinutesKind::parse(&r.get::<_, String>(6)?).unwrap_or(MinutesKind::Note),
        text: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}
