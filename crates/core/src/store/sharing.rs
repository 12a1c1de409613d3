//! Shared meetings: one meeting kept by several laptops, each writing to its
//! own copy while apart and merging with the others when they meet.
//!
//! The merging engine is cr-sqlite (`crates/crsqlite`), behind the small
//! `ChangeFeed` trait so that another engine (SQLite's session extension, say)
//! could replace it. When a meeting is first shared, the tables that hold a
//! meeting and what is under it (`MEETING_TABLES`, made fit for it by migration
//! 17) become replicated for the whole file; from then on every connection that
//! writes loads the engine (`Db::open`). Changes are nevertheless exchanged per
//! meeting: a laptop sends a peer only the rows of the meeting they share, and
//! refuses a batch that touches anything else.
//!
//! Settings, backups, other meetings and this laptop's own sharing records
//! (`shared_meeting`, `sync_peer`) stay local.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::types::{Value, ValueRef};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};

/// The tables that hold a meeting and everything under it, parents before
/// children, each with the condition that picks the rows of meeting `?1`.
/// Portable meeting files hold the same rows.
pub(crate) const MEETING_TABLES: &[(&str, &str)] = &[
    (
        "organisation",
        "id IN (SELECT organisation_id FROM meeting WHERE id = ?1)",
    ),
    ("meeting", "id = ?1"),
    (
        "person",
        "id IN (SELECT person_id FROM participant WHERE meeting_id = ?1
                UNION SELECT person_id FROM attendance_event WHERE meeting_id = ?1)",
    ),
    ("agenda_item", "meeting_id = ?1"),
    ("participant", "meeting_id = ?1"),
    ("attendance_event", "meeting_id = ?1"),
    ("minutes_entry", "meeting_id = ?1"),
    ("task", "meeting_id = ?1"),
    ("vote", "meeting_id = ?1"),
    ("meeting_event", "meeting_id = ?1"),
    ("document_text", "meeting_id = ?1"),
    ("document_number", "meeting_id = ?1"),
];

/// `meta` key set once the file's meeting tables are replicated.
pub(crate) const REPLICATED_KEY: &str = "replicated";
/// `meta` key: this copy's name among the copies of its shared meetings.
const REPLICA_KEY: &str = "sync_replica";
/// `meta` key: what this laptop does in the team, shown to the others.
const LABEL_KEY: &str = "sync_label";

/// The other side of an exchange.
#[derive(Debug, Clone, Copy)]
pub struct Peer<'a> {
    /// Its copy's id (`Db::sync_replica`).
    pub replica: &'a str,
    /// What it does in the team.
    pub label: &'a str,
    pub address: &'a str,
}

/// What this laptop remembers of another copy of a shared meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct PeerRecord {
    pub replica: String,
    pub label: String,
    pub address: String,
    pub last_seen: String,
}

/// One column of one row as it changed on some laptop.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Change {
    pub table: String,
    /// The row's primary key, packed by the engine.
    pub pk: Vec<u8>,
    /// The column, or the engine's marker for a row's creation or deletion.
    pub cid: String,
    pub val: ChangeValue,
    pub col_version: i64,
    pub db_version: i64,
    /// The laptop where the change was made.
    pub site_id: Vec<u8>,
    pub cl: i64,
    pub seq: i64,
}

/// A SQLite value that can cross the network.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ChangeValue {
    Null,
    Integer(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// Changes of one meeting, and the version of the copy they were read from
/// (what the reader asks for next time).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Batch {
    pub changes: Vec<Change>,
    pub version: i64,
}

/// A meeting this laptop shares.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SharedMeeting {
    pub meeting_id: String,
    pub title: String,
    pub secret: String,
}

/// What a merging engine must do for the sync layer.
pub trait ChangeFeed {
    /// Name and version, compared with a peer's before anything is exchanged.
    fn engine(&self) -> &'static str;
    /// Makes the meeting tables replicated (once per file).
    fn make_replicated(&self, tx: &Transaction) -> Result<()>;
    /// The version of this copy: it grows with every change written or merged.
    fn version(&self, conn: &Connection) -> Result<i64>;
    /// The changes to rows of `meeting` newer than `since`, wherever they were
    /// made (a laptop restored from a backup needs its own back), or only
    /// those made in this copy if `made_here`.
    fn changes(
        &self,
        conn: &Connection,
        meeting: &str,
        since: i64,
        made_here: bool,
    ) -> Result<Vec<Change>>;
    /// How many changes `changes` would return.
    fn count(&self, conn: &Connection, meeting: &str, since: i64) -> Result<usize>;
    /// Merges `changes` inside `tx`; returns how many of them changed
    /// something here (a change already seen, or beaten by a newer one, does not).
    fn merge(&self, tx: &Transaction, changes: &[Change]) -> Result<usize>;
}

/// cr-sqlite 0.16.3.
pub struct CrSqlite;

pub(crate) const ENGINE: &dyn ChangeFeed = &CrSqlite;

impl ChangeFeed for CrSqlite {
    fn engine(&self) -> &'static str {
        "cr-sqlite 0.16.3"
    }

    fn make_replicated(&self, tx: &Transaction) -> Result<()> {
        for (table, _) in MEETING_TABLES {
            tx.query_row("SELECT crsql_as_crr(?1)", [table], |_| Ok(()))?;
        }
        // A merged row is inserted with its key, then has its columns set one
        // by one; attendance stays append-only for everything else.
        tx.execute_batch(
            "DROP TRIGGER attendance_event_no_update;
             DROP TRIGGER attendance_event_no_delete;
             CREATE TRIGGER attendance_event_no_update BEFORE UPDATE ON attendance_event
             WHEN crsql_internal_sync_bit() = 0
             BEGIN SELECT RAISE(ABORT, 'attendance_event is append-only'); END;
             CREATE TRIGGER attendance_event_no_delete BEFORE DELETE ON attendance_event
             WHEN crsql_internal_sync_bit() = 0
                AND (SELECT deleted_at FROM meeting WHERE id = OLD.meeting_id) IS NULL
             BEGIN SELECT RAISE(ABORT, 'attendance_event is append-only'); END;",
        )?;
        Ok(())
    }

    fn version(&self, conn: &Connection) -> Result<i64> {
        Ok(conn.query_row("SELECT crsql_db_version()", [], |r| r.get(0))?)
    }

    fn changes(
        &self,
        conn: &Connection,
        meeting: &str,
        since: i64,
        made_here: bool,
    ) -> Result<Vec<Change>> {
        let sql = format!(
            r#"SELECT "table", pk, cid, val, col_version, db_version, site_id, cl, seq
               FROM crsql_changes WHERE {} {}
               ORDER BY db_version, seq"#,
            meeting_changes_since(),
            if made_here {
                "AND site_id = crsql_site_id()"
            } else {
                ""
            }
        );
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params![meeting, since], |r| {
            Ok(Change {
                table: r.get(0)?,
                pk: r.get(1)?,
                cid: r.get(2)?,
                val: match r.get_ref(3)? {
                    ValueRef::Null => ChangeValue::Null,
                    ValueRef::Integer(i) => ChangeValue::Integer(i),
                    ValueRef::Real(f) => ChangeValue::Real(f),
                    ValueRef::Text(t) => ChangeValue::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => ChangeValue::Blob(b.to_vec()),
                },
                col_version: r.get(4)?,
                db_version: r.get(5)?,
                site_id: r.get(6)?,
                cl: r.get(7)?,
                seq: r.get(8)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn count(&self, conn: &Connection, meeting: &str, since: i64) -> Result<usize> {
        let sql = format!(
            "SELECT count(*) FROM crsql_changes WHERE {}",
            meeting_changes_since()
        );
        let n: i64 = conn.query_row(&sql, params![meeting, since], |r| r.get(0))?;
        Ok(n as usize)
    }

    fn merge(&self, tx: &Transaction, changes: &[Change]) -> Result<usize> {
        let mut insert = tx.prepare_cached(
            r#"INSERT INTO crsql_changes
               ("table", pk, cid, val, col_version, db_version, site_id, cl, seq)
               VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"#,
        )?;
        for c in changes {
            let val = match &c.val {
                ChangeValue::Null => Value::Null,
                ChangeValue::Integer(i) => Value::Integer(*i),
                ChangeValue::Real(f) => Value::Real(*f),
                ChangeValue::Text(t) => Value::Text(t.clone()),
                ChangeValue::Blob(b) => Value::Blob(b.clone()),
            };
            insert.execute(params![
                c.table,
                c.pk,
                c.cid,
                val,
                c.col_version,
                c.db_version,
                c.site_id,
                c.cl,
                c.seq
            ])?;
        }
        let impacted: i64 = tx.query_row("SELECT crsql_rows_impacted()", [], |r| r.get(0))?;
        Ok(impacted as usize)
    }
}

/// The rows of `crsql_changes` that change meeting `?1` at versions after `?2`.
fn meeting_changes_since() -> String {
    let scope: Vec<String> = MEETING_TABLES
        .iter()
        .map(|(table, rows)| {
            format!(
                "(\"table\" = '{table}' AND pk IN \
                 (SELECT crsql_pack_columns(id) FROM {table} WHERE {rows}))"
            )
        })
        .collect();
    format!("db_version > ?2 AND ({})", scope.join(" OR "))
}

/// The text id inside a packed one-column key (cr-sqlite's format: a column
/// count, then per column a type byte whose high bits give the size of the
/// length that follows, then the bytes).
fn unpack_text_key(pk: &[u8]) -> Option<String> {
    let (&count, rest) = pk.split_first()?;
    let (&ty, rest) = rest.split_first()?;
    if count != 1 || ty & 7 != 3 {
        return None;
    }
    let len_size = usize::from(ty >> 3);
    if len_size > 8 || rest.len() < len_size {
        return None;
    }
    let (len_bytes, text) = rest.split_at(len_size);
    let len = len_bytes
        .iter()
        .fold(0usize, |n, b| (n << 8) | usize::from(*b));
    (text.len() == len).then(|| String::from_utf8(text.to_vec()).ok())?
}

fn refused(detail: impl Into<String>) -> CoreError {
    CoreError::Conflict(format!(
        "Thay đổi nhận từ máy khác không thuộc hội nghị dùng chung nên đã bị từ chối; dữ liệu \
         trên máy này không thay đổi.\nChi tiết: {}",
        detail.into()
    ))
}

impl Db {
    /// Whether the file's meeting tables are replicated.
    pub fn is_replicated(&self) -> Result<bool> {
        Ok(self.meta(REPLICATED_KEY)?.is_some())
    }

    /// Loads the engine into this connection (needed to write once the file
    /// is replicated).
    pub(crate) fn load_engine(&mut self) -> Result<()> {
        if !self.engine_loaded {
            hoinghi_crsqlite::load(&self.conn).map_err(|e| CoreError::Engine {
                detail: e.to_string(),
            })?;
            self.engine_loaded = true;
        }
        Ok(())
    }

    /// Makes the file's meeting tables replicated, if they are not yet.
    pub(crate) fn ensure_replicated(&mut self) -> Result<()> {
        self.load_engine()?;
        if self.is_replicated()? {
            return Ok(());
        }
        self.write(|tx, _| {
            ENGINE.make_replicated(tx)?;
            tx.execute(
                "INSERT INTO meta(key, value) VALUES (?1, '1'), (?2, ?3)",
                params![REPLICATED_KEY, REPLICA_KEY, clock::new_id()],
            )?;
            Ok(())
        })
    }

    /// Shares meeting `meeting_id` (live, in this file) and returns its
    /// pairing secret; a meeting already shared keeps its secret.
    pub fn share_meeting(&mut self, meeting_id: &str) -> Result<SharedMeeting> {
        crate::store::require_live(&self.conn, "meeting", "hội nghị", meeting_id)?;
        if let Some(shared) = self.shared_meeting(meeting_id)? {
            return Ok(shared);
        }
        self.ensure_replicated()?;
        let secret = new_secret()?;
        self.write(|tx, _| {
            tx.execute(
                "INSERT INTO shared_meeting (meeting_id, secret, shared_at) VALUES (?1, ?2, ?3)",
                params![meeting_id, secret, clock::utc_now()],
            )?;
            Ok(())
        })?;
        self.shared_meeting(meeting_id)?
            .ok_or_else(|| CoreError::NotFound {
                what: "hội nghị",
                id: meeting_id.to_string(),
            })
    }

    /// The meetings this laptop shares.
    pub fn shared_meetings(&self) -> Result<Vec<SharedMeeting>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.meeting_id, coalesce(m.title, ''), s.secret
             FROM shared_meeting s LEFT JOIN meeting m ON m.id = s.meeting_id
             ORDER BY s.shared_at",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(SharedMeeting {
                meeting_id: r.get(0)?,
                title: r.get(1)?,
                secret: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn shared_meeting(&self, meeting_id: &str) -> Result<Option<SharedMeeting>> {
        Ok(self
            .shared_meetings()?
            .into_iter()
            .find(|s| s.meeting_id == meeting_id))
    }

    /// The engine's name and version, which peers must agree on.
    pub fn sync_engine(&self) -> &'static str {
        ENGINE.engine()
    }

    /// This copy's name among the copies of its shared meetings. Makes the
    /// file replicated if it is not yet: a laptop about to join needs it.
    pub fn sync_replica(&mut self) -> Result<String> {
        self.ensure_replicated()?;
        Ok(self.meta(REPLICA_KEY)?.unwrap_or_default())
    }

    /// How far this laptop has pulled the copy `replica` of `meeting_id`.
    pub fn sync_pulled(&self, meeting_id: &str, replica: &str) -> Result<i64> {
        Ok(self
            .conn
            .query_row(
                "SELECT pulled FROM sync_peer WHERE meeting_id = ?1 AND replica = ?2",
                [meeting_id, replica],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0))
    }

    /// Remembers that the copy `replica` of `meeting_id` has merged this
    /// laptop's changes up to `version`.
    pub fn sync_pushed(&mut self, meeting_id: &str, replica: &str, version: i64) -> Result<()> {
        self.write(|tx, _| {
            tx.execute(
                "INSERT INTO sync_peer (meeting_id, replica, pushed) VALUES (?1, ?2, ?3)
                 ON CONFLICT (meeting_id, replica) DO UPDATE SET
                    pushed = max(pushed, excluded.pushed)",
                params![meeting_id, replica, version],
            )?;
            Ok(())
        })
    }

    /// How many of this laptop's changes to `meeting_id` the copy `replica`
    /// has not merged yet (as far as this laptop knows; changes that came
    /// from that copy count until they have gone back once).
    pub fn sync_behind(&mut self, meeting_id: &str, replica: &str) -> Result<usize> {
        let pushed: i64 = self
            .conn
            .query_row(
                "SELECT pushed FROM sync_peer WHERE meeting_id = ?1 AND replica = ?2",
                [meeting_id, replica],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(0);
        self.load_engine()?;
        ENGINE.count(&self.conn, meeting_id, pushed)
    }

    /// The changes of shared meeting `meeting_id` newer than `since`, read in
    /// one moment with this copy's version.
    pub fn sync_changes(&mut self, meeting_id: &str, since: i64) -> Result<Batch> {
        self.changes_of(meeting_id, since, false)
    }

    /// Like `sync_changes`, but only the changes made in this copy: what a
    /// laptop that has just joined sends back, rather than everything it was
    /// sent (the sender has all that already).
    pub fn sync_changes_made_here(&mut self, meeting_id: &str, since: i64) -> Result<Batch> {
        self.changes_of(meeting_id, since, true)
    }

    fn changes_of(&mut self, meeting_id: &str, since: i64, made_here: bool) -> Result<Batch> {
        if self.shared_meeting(meeting_id)?.is_none() {
            return Err(CoreError::NotFound {
                what: "hội nghị dùng chung",
                id: meeting_id.to_string(),
            });
        }
        self.load_engine()?;
        let read = self.conn.unchecked_transaction()?;
        let changes = ENGINE.changes(&read, meeting_id, since, made_here)?;
        let version = ENGINE.version(&read)?;
        read.finish()?;
        Ok(Batch { changes, version })
    }

    /// Every row of meeting `meeting_id` in the shared tables, as text, in a
    /// fixed order: two copies that are in step give the same list (what the
    /// tests of team work compare).
    pub fn shared_rows(&self, meeting_id: &str) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for (table, rows) in MEETING_TABLES {
            let mut stmt = self
                .conn
                .prepare(&format!("SELECT * FROM {table} WHERE {rows} ORDER BY id"))?;
            let n = stmt.column_count();
            let found = stmt.query_map([meeting_id], |r| {
                let values = (0..n)
                    .map(|i| r.get::<_, Value>(i).map(|v| format!("{v:?}")))
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(format!("{table}: {}", values.join(" | ")))
            })?;
            out.extend(found.collect::<rusqlite::Result<Vec<_>>>()?);
        }
        Ok(out)
    }

    /// What this laptop does in the team ("" until set).
    pub fn sync_label(&self) -> Result<String> {
        Ok(self.meta(LABEL_KEY)?.unwrap_or_default())
    }

    /// Sets what this laptop does in the team (cửa số 2, ghi biên bản…).
    pub fn set_sync_label(&mut self, label: &str) -> Result<String> {
        let label = crate::text::line("label", "Việc của máy này", label)?;
        self.set_meta(LABEL_KEY, &label)?;
        Ok(label)
    }

    /// The other copies of shared meeting `meeting_id` this laptop has met,
    /// the most recently seen first.
    pub fn sync_peers(&self, meeting_id: &str) -> Result<Vec<PeerRecord>> {
        let mut stmt = self.conn.prepare(
            "SELECT replica, label, address, last_seen FROM sync_peer
             WHERE meeting_id = ?1 ORDER BY last_seen DESC",
        )?;
        let rows = stmt.query_map([meeting_id], |r| {
            Ok(PeerRecord {
                replica: r.get(0)?,
                label: r.get(1)?,
                address: r.get(2)?,
                last_seen: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Merges a batch pulled from `peer`'s copy of meeting `meeting_id`, all
    /// or nothing, and remembers how far it got. Returns how many changes
    /// changed something here (changes come back to the laptop that made
    /// them once, through the others; those change nothing). Every
    /// changed row must belong to that meeting, or nothing is merged. A
    /// laptop joining the meeting passes its `secret`: the meeting then
    /// becomes shared here too.
    pub fn sync_merge(
        &mut self,
        meeting_id: &str,
        peer: Peer,
        batch: &Batch,
        joining_with: Option<&str>,
    ) -> Result<usize> {
        if joining_with.is_none() && self.shared_meeting(meeting_id)?.is_none() {
            return Err(CoreError::NotFound {
                what: "hội nghị dùng chung",
                id: meeting_id.to_string(),
            });
        }
        self.ensure_replicated()?;
        self.write(|tx, _| {
            let merged = ENGINE.merge(tx, &batch.changes)?;
            check_scope(tx, meeting_id, &batch.changes)?;
            if let Some(secret) = joining_with {
                tx.execute(
                    "INSERT INTO shared_meeting (meeting_id, secret, shared_at) VALUES (?1, ?2, ?3)
                     ON CONFLICT (meeting_id) DO NOTHING",
                    params![meeting_id, secret, clock::utc_now()],
                )?;
            }
            tx.execute(
                "INSERT INTO sync_peer (meeting_id, replica, pulled, label, address, last_seen)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                 ON CONFLICT (meeting_id, replica) DO UPDATE SET
                    pulled = max(pulled, excluded.pulled), label = excluded.label,
                    address = excluded.address, last_seen = excluded.last_seen",
                params![
                    meeting_id,
                    peer.replica,
                    batch.version,
                    peer.label,
                    peer.address,
                    clock::utc_now()
                ],
            )?;
            Ok(merged)
        })
    }
}

/// Fails unless every row `changes` touched belongs to meeting `meeting_id`
/// (read after merging, so that a row's parent may come in the same batch).
fn check_scope(tx: &Transaction, meeting_id: &str, changes: &[Change]) -> Result<()> {
    let mut touched: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    for c in changes {
        let id = unpack_text_key(&c.pk).ok_or_else(|| refused("khoá không đọc được"))?;
        touched.entry(c.table.as_str()).or_default().insert(id);
    }
    for (table, ids) in touched {
        let (_, rows) = MEETING_TABLES
            .iter()
            .find(|(t, _)| *t == table)
            .ok_or_else(|| refused(format!("bảng {table}")))?;
        let mut stmt = tx.prepare(&format!("SELECT id FROM {table} WHERE {rows}"))?;
        let in_scope = stmt
            .query_map([meeting_id], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<BTreeSet<String>>>()?;
        if let Some(outside) = ids.difference(&in_scope).next() {
            return Err(refused(format!("{table} {outside}")));
        }
    }
    Ok(())
}

/// Gives a restored copy a new name among its team's copies. Its version may
/// now be lower than what the others last pulled from it; under a new name
/// they pull everything from it again (merging is idempotent), so nothing it
/// writes after the restore is skipped.
pub(crate) fn renew_replica(conn: &Connection) -> Result<()> {
    conn.execute(
        "UPDATE meta SET value = ?2 WHERE key = ?1",
        params![REPLICA_KEY, clock::new_id()],
    )?;
    Ok(())
}

/// 128 random bits in Crockford base32 (26 characters, no I/L/O/U).
fn new_secret() -> Result<String> {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|e| CoreError::Io(std::io::Error::other(e.to_string())))?;
    let n = u128::from_be_bytes(bytes);
    Ok((0..26)
        .rev()
        .map(|i| ALPHABET[((n >> (i * 5)) & 31) as usize] as char)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_packed_text_key_unpacks() {
        let conn = Connection::open_in_memory().unwrap();
        hoinghi_crsqlite::load(&conn).unwrap();
        for id in [
            "a",
            "0199c1e2-aaaa-7bbb-8ccc-123456789abc",
            &"x".repeat(300),
        ] {
            let pk: Vec<u8> = conn
                .query_row("SELECT crsql_pack_columns(?1)", [id], |r| r.get(0))
                .unwrap();
            assert_eq!(unpack_text_key(&pk).as_deref(), Some(id));
        }
        assert_eq!(unpack_text_key(&[1, 1 << 3 | 1, 7]), None, "an integer key");
        assert_eq!(
            unpack_text_key(&[1, 1 << 3 | 3, 5, b'a']),
            None,
            "cut short"
        );
    }

    #[test]
    fn secrets_are_26_characters_and_differ() {
        let a = new_secret().unwrap();
        assert_eq!(a.len(), 26);
        assert_ne!(a, new_secret().unwrap());
    }
}
