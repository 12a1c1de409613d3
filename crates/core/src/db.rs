//! The SQLite store: opening, connection settings and schema migrations.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction};

use crate::clock;
use crate::error::{CoreError, Result};

/// Ordered, embedded migrations. Entry `i` moves the schema from version `i`
/// to `i + 1`; never edit one that has shipped, append a new one instead.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_organisation_full_name.sql"),
    include_str!("migrations/0003_document_text.sql"),
    include_str!("migrations/0004_person_sort_key.sql"),
];

/// The schema version this binary writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub struct Db {
    pub(crate) conn: Connection,
    pub(crate) device_id: String,
}

impl Db {
    /// Opens (creating if needed) the database file at `path`.
    ///
    /// A database written by a newer HoiNghi is refused before anything is
    /// written to it, so the user's data stays exactly as the newer version left it.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        Self::setup(conn, true)
    }

    pub fn open_in_memory() -> Result<Self> {
        Self::setup(Connection::open_in_memory()?, false)
    }

    fn setup(conn: Connection, on_disk: bool) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // Read-only check first: a newer schema must not even get a WAL file.
        let found: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(CoreError::NewerDatabase {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if on_disk {
            conn.pragma_update(None, "journal_mode", "WAL")?;
        }
        // WAL with synchronous=FULL fsyncs the log on every commit: a minutes entry
        // that the UI reported as saved survives a power cut. NORMAL would be
        // faster but may lose the last commits, which is not acceptable here.
        conn.pragma_update(None, "synchronous", "FULL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut db = Db {
            conn,
            device_id: String::new(),
        };
        db.migrate(found)?;
        db.device_id = db.ensure_device_id()?;
        Ok(db)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        if from == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        for sql in &MIGRATIONS[from as usize..] {
            tx.execute_batch(sql)?;
        }
        // Keys SQL cannot compute: migration 4 added `person.sort_key`.
        if from < 4 {
            crate::store::people::fill_sort_keys(&tx)?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.commit()?;
        Ok(())
    }

    fn ensure_device_id(&self) -> Result<String> {
        if let Some(id) = self.meta("device_id")? {
            return Ok(id);
        }
        let id = clock::new_id();
        self.set_meta("device_id", &id)?;
        Ok(id)
    }

    pub(crate) fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub(crate) fn set_meta(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO meta(key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }

    /// The id of this installation, stamped on every row it writes.
    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// Runs `f` in one transaction: all of it is written, or none of it.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction, &str) -> Result<T>,
    ) -> Result<T> {
        let tx = self.conn.transaction()?;
        let value = f(&tx, &self.device_id)?;
        tx.commit()?;
        Ok(value)
    }
}
