//! The store's operations, one module per area. Each public method validates
//! its input, then writes in a single transaction.

pub(crate) mod agenda;
pub(crate) mod attendance;
pub(crate) mod checkin;
mod document_number;
mod document_text;
mod import;
pub(crate) mod meetings;
pub(crate) mod minutes;
mod organisation;
pub(crate) mod people;
pub(crate) mod sharing;
pub(crate) mod tasks;
pub(crate) mod votes;

use rusqlite::{Connection, OptionalExtension};

use crate::error::{CoreError, Result};
use crate::model::MeetingStatus;

/// Fails with `NotFound` unless `id` names a live (not deleted) row of `table`.
pub(crate) fn require_live(
    conn: &Connection,
    table: &'static str,
    what: &'static str,
    id: &str,
) -> Result<()> {
    let sql = format!("SELECT 1 FROM {table} WHERE id = ?1 AND deleted_at IS NULL");
    conn.query_row(&sql, [id], |_| Ok(()))
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            what,
            id: id.to_string(),
        })
}

/// Fails unless `meeting_id` names a live meeting that is not closed: a
/// closed meeting's records stay as they were until it is reopened.
pub(crate) fn require_open(conn: &Connection, meeting_id: &str) -> Result<()> {
    let status: Option<String> = conn
        .query_row(
            "SELECT status FROM meeting WHERE id = ?1 AND deleted_at IS NULL",
            [meeting_id],
            |r| r.get(0),
        )
        .optional()?;
    match status.as_deref() {
        None => Err(CoreError::NotFound {
            what: "hội nghị",
            id: meeting_id.to_string(),
        }),
        Some(s) if s == MeetingStatus::Closed.as_str() => Err(CoreError::MeetingClosed),
        Some(_) => Ok(()),
    }
}

/// The meeting a live row of `table` belongs to, which must be open
/// (`require_open`).
pub(crate) fn open_meeting_of(
    conn: &Connection,
    table: &'static str,
    what: &'static str,
    id: &str,
) -> Result<String> {
    let sql = format!("SELECT meeting_id FROM {table} WHERE id = ?1 AND deleted_at IS NULL");
    let meeting_id: String = conn
        .query_row(&sql, [id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            what,
            id: id.to_string(),
        })?;
    require_open(conn, &meeting_id)?;
    Ok(meeting_id)
}

/// Refuses an edit made on an out-of-date copy of a record: `seen` is the
/// `updated_at` the editor showed. Without it, a save made in between (an
/// import, a restored backup, another editor) would be overwritten unseen.
/// Returns the `updated_at` to write, always later than the current one.
pub(crate) fn require_current(
    conn: &Connection,
    table: &'static str,
    what: &'static str,
    id: &str,
    seen: &str,
) -> Result<String> {
    let sql = format!("SELECT updated_at FROM {table} WHERE id = ?1 AND deleted_at IS NULL");
    match conn
        .query_row(&sql, [id], |r| r.get::<_, String>(0))
        .optional()?
    {
        None => Err(CoreError::NotFound {
            what,
            id: id.to_string(),
        }),
        Some(current) if current == seen => Ok(crate::clock::utc_after(&current)),
        Some(_) => Err(CoreError::Stale { what }),
    }
}

/// Soft delete: official records keep their row, with who deleted it and when.
pub(crate) fn soft_delete(
    conn: &Connection,
    table: &'static str,
    what: &'static str,
    id: &str,
    device: &str,
) -> Result<()> {
    let sql = format!(
        "UPDATE {table} SET deleted_at = ?2, deleted_by = ?3, updated_at = ?2
         WHERE id = ?1 AND deleted_at IS NULL"
    );
    let n = conn.execute(&sql, rusqlite::params![id, crate::clock::utc_now(), device])?;
    if n == 0 {
        return Err(CoreError::NotFound {
            what,
            id: id.to_string(),
        });
    }
    Ok(())
}
