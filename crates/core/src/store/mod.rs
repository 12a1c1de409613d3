//! The store's operations, one module per area. Each public method validates
//! its input, then writes in a single transaction.

pub(crate) mod agenda;
pub(crate) mod attendance;
mod document_text;
pub(crate) mod meetings;
pub(crate) mod minutes;
mod organisation;
pub(crate) mod people;
pub(crate) mod tasks;

use rusqlite::{Connection, OptionalExtension};

use crate::error::{CoreError, Result};

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
