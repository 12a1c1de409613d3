//! One meeting as a file of its own (`.hoinghi`): how a meeting goes to a
//! colleague's machine or to the archive, and comes back.
//!
//! The file is a small HoiNghi database (same schema and `application_id`)
//! holding the meeting, everything under it, the people on its list and the
//! body that issues its documents, with every row's id, timestamps and device kept.
//! `meta.portable_meeting` names the meeting; a full database has no such key.
//!
//! Importing merges row by row on the id: a row the machine lacks is added, a
//! row the file holds in a newer version (`updated_at`) replaces the local one,
//! anything else is left alone. Importing the same file twice therefore
//! changes nothing, and a meeting that went away and came back edited is
//! brought up to date.

use std::path::Path;
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OpenFlags, OptionalExtension};

use crate::backup::{check_integrity, replace_atomically};
use crate::db::{inspect_file, Db};
use crate::error::{CoreError, Result};
use crate::model::PortableImport;

/// The file name extension of a portable meeting.
pub const EXTENSION: &str = "hoinghi";

const MEETING_KEY: &str = "portable_meeting";

/// The tables a meeting's file holds: those of a shared meeting.
use crate::store::sharing::MEETING_TABLES as TABLES;

impl Db {
    /// Writes meeting `meeting_id` (in the trash or not) to `target` as a
    /// portable file, atomically. Returns the meeting's title.
    pub fn export_meeting(&self, meeting_id: &str, target: &Path) -> Result<String> {
        if self.file.as_ref().is_some_and(|f| f.is_named_by(target)) {
            return Err(CoreError::invalid(
                "path",
                "Không thể ghi tệp hội nghị đè lên chính tệp dữ liệu đang mở.",
            ));
        }
        let title: String = self
            .conn
            .query_row(
                "SELECT title FROM meeting WHERE id = ?1",
                [meeting_id],
                |r| r.get(0),
            )
            .map_err(|_| CoreError::NotFound {
                what: "hội nghị",
                id: meeting_id.to_string(),
            })?;
        replace_atomically(target, |tmp| {
            let conn = Connection::open_with_flags(
                tmp,
                OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
            )
            .map_err(|e| CoreError::open(tmp, e))?;
            let mut out = Db::setup(conn, None)?;
            out.migrate(0)?;
            let tx = out.conn.transaction()?;
            // One read transaction on our side, so the file is one moment's state.
            let read = self.conn.unchecked_transaction()?;
            let key = [Value::from(meeting_id.to_string())];
            for (table, scope) in TABLES {
                copy_rows(&read, &tx, table, scope, &key)?;
            }
            read.finish()?;
            tx.execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2), ('portable_exported_at', ?3)",
                [MEETING_KEY, meeting_id, &crate::clock::utc_now()],
            )?;
            tx.commit()?;
            check_integrity(&out.conn)?;
            // Closed here, not on drop, so that a failure to finish the file is reported.
            let conn = std::mem::replace(&mut out.conn, Connection::open_in_memory()?);
            conn.close().map_err(|(_, e)| CoreError::from(e))
        })?;
        Ok(title)
    }

    /// Merges the portable file at `source` into this store (see the module
    /// documentation), in one transaction: all of it or nothing.
    pub fn import_meeting(&mut self, source: &Path) -> Result<PortableImport> {
        if self.file.as_ref().is_some_and(|f| f.is_named_by(source)) {
            return Err(not_portable(source, "đây là tệp dữ liệu đang mở"));
        }
        let version = inspect_file(source)?
            .ok_or_else(|| not_portable(source, "tệp không tồn tại hoặc trống"))?;
        // Read through an in-memory copy, brought to this version's schema, so
        // that a file from an older HoiNghi reads like a current one.
        let file = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| CoreError::open(source, e))?;
        check_integrity(&file)?;
        let mut copy = Db::setup(Connection::open_in_memory()?, None)?;
        Backup::new(&file, &mut copy.conn)?.run_to_completion(256, Duration::ZERO, None)?;
        drop(file);
        copy.migrate(version)?;
        let meeting_id = copy
            .meta(MEETING_KEY)?
            .ok_or_else(|| not_portable(source, "đây là cả một cơ sở dữ liệu, không phải tệp của một hội nghị (hãy dùng Khôi phục bản sao lưu)"))?;
        let title: String = copy
            .conn
            .query_row(
                "SELECT title FROM meeting WHERE id = ?1",
                [&meeting_id],
                |r| r.get(0),
            )
            .map_err(|_| not_portable(source, "tệp không chứa hội nghị nó ghi tên"))?;

        let body_name: String = copy
            .conn
            .query_row(
                "SELECT CASE WHEN trim(o.full_name) = '' THEN o.name ELSE o.full_name END
                 FROM organisation o JOIN meeting m ON m.organisation_id = o.id
                 WHERE m.id = ?1",
                [&meeting_id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or_default();
        let key = [Value::from(meeting_id.clone())];
        let summary = self.write(|tx, _| {
            let mut added = 0;
            let mut updated = 0;
            let mut organisation_added = None;
            for (table, scope) in TABLES {
                let (a, u) = merge_rows(&copy.conn, tx, table, scope, &key)?;
                if *table == "organisation" {
                    // The meeting's issuing body comes along, so its documents
                    // read the same here; it is not counted as the meeting's rows.
                    if a > 0 {
                        organisation_added = Some(body_name.clone());
                    }
                    continue;
                }
                added += a;
                updated += u;
            }
            let in_trash: bool = tx.query_row(
                "SELECT deleted_at IS NOT NULL FROM meeting WHERE id = ?1",
                [&meeting_id],
                |r| r.get(0),
            )?;
            Ok(PortableImport {
                meeting_id: meeting_id.clone(),
                title: title.clone(),
                added,
                updated,
                in_trash,
                organisation_added,
            })
        })?;
        Ok(summary)
    }
}

fn not_portable(path: &Path, detail: &str) -> CoreError {
    CoreError::NotHoiNghi {
        path: path.to_path_buf(),
        detail: detail.to_string(),
    }
}

/// The rows of `table` in `from` selected by `scope`: column names and values.
fn read_rows(
    from: &Connection,
    table: &str,
    scope: &str,
    args: &[Value],
) -> Result<(Vec<String>, Vec<Vec<Value>>)> {
    let mut stmt = from.prepare(&format!("SELECT * FROM {table} WHERE {scope}"))?;
    let columns: Vec<String> = stmt.column_names().iter().map(|c| c.to_string()).collect();
    let n = columns.len();
    let rows = stmt
        .query_map(params_from_iter(args), |r| {
            (0..n).map(|i| r.get::<_, Value>(i)).collect()
        })?
        .collect::<rusqlite::Result<Vec<Vec<Value>>>>()?;
    Ok((columns, rows))
}

/// Inserts rows into a table that has none of them yet; returns how many.
fn copy_rows(
    from: &Connection,
    to: &Connection,
    table: &str,
    scope: &str,
    args: &[Value],
) -> Result<usize> {
    let (columns, rows) = read_rows(from, table, scope, args)?;
    let marks = vec!["?"; columns.len()].join(", ");
    let mut insert = to.prepare(&format!(
        "INSERT INTO {table} ({}) VALUES ({marks})",
        columns.join(", ")
    ))?;
    for row in &rows {
        insert.execute(params_from_iter(row))?;
    }
    Ok(rows.len())
}

/// Merges rows into `to`: added when the id is new, replaced when the incoming
/// row is newer, otherwise kept. A row that clashes with a different local row
/// on another unique key (the same person twice on a list, the same document
/// field) is skipped: the local row stands for it. Returns (added, replaced).
fn merge_rows(
    from: &Connection,
    to: &Connection,
    table: &str,
    scope: &str,
    args: &[Value],
) -> Result<(u32, u32)> {
    let (columns, rows) = read_rows(from, table, scope, args)?;
    let marks = vec!["?"; columns.len()].join(", ");
    let on_id = if columns.iter().any(|c| c == "updated_at") {
        let set: Vec<String> = columns
            .iter()
            .filter(|c| *c != "id")
            .map(|c| format!("{c} = excluded.{c}"))
            .collect();
        format!(
            "ON CONFLICT (id) DO UPDATE SET {} WHERE excluded.updated_at > {table}.updated_at",
            set.join(", ")
        )
    } else {
        // Append-only (attendance events): a known id is never changed.
        "ON CONFLICT (id) DO NOTHING".to_string()
    };
    let mut upsert = to.prepare(&format!(
        "INSERT INTO {table} ({}) VALUES ({marks}) {on_id} ON CONFLICT DO NOTHING",
        columns.join(", ")
    ))?;
    let count = |to: &Connection| -> Result<u32> {
        Ok(to.query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))?)
    };
    let before = count(to)?;
    let mut changed = 0;
    for row in rows {
        changed += upsert.execute(params_from_iter(row))? as u32;
    }
    let added = count(to)? - before;
    Ok((added, changed - added))
}
