//! The SQLite store: opening, connection settings, schema migrations, and the
//! guards around the file (one writer, the file still being there, versions).

use std::fs::File;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

use crate::clock;
use crate::error::{CoreError, Result};

/// Ordered, embedded migrations. Entry `i` moves the schema from version `i`
/// to `i + 1`; never edit one that has shipped, append a new one instead.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_initial.sql"),
    include_str!("migrations/0002_organisation_full_name.sql"),
    include_str!("migrations/0003_document_text.sql"),
    include_str!("migrations/0004_person_sort_key.sql"),
    include_str!("migrations/0005_trash.sql"),
    include_str!("migrations/0006_organisation_kind.sql"),
    include_str!("migrations/0007_participant_role.sql"),
    include_str!("migrations/0008_document_number.sql"),
    include_str!("migrations/0009_issuing_bodies.sql"),
    include_str!("migrations/0010_change_counters.sql"),
    include_str!("migrations/0011_list_order.sql"),
    include_str!("migrations/0012_substitutes.sql"),
    include_str!("migrations/0013_agenda_running.sql"),
    include_str!("migrations/0014_votes.sql"),
    include_str!("migrations/0015_meeting_events.sql"),
    include_str!("migrations/0016_body_term_start.sql"),
    include_str!("migrations/0017_replicable_tables.sql"),
    include_str!("migrations/0018_attendance_covering_index.sql"),
];

/// The schema version this binary writes and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// SQLite's `application_id` header field for HoiNghi files ("HoiN"), so a
/// HoiNghi database is recognised without guessing from its tables.
pub const APPLICATION_ID: i64 = 0x486F_694E;

pub struct Db {
    pub(crate) conn: Connection,
    pub(crate) device_id: String,
    /// `None` for an in-memory store.
    pub(crate) file: Option<DbFile>,
    /// Something was written since the last backup.
    pub(crate) changed_since_backup: bool,
    /// Why the last copy into the second backup folder failed, if it did.
    pub(crate) extra_backup_error: Option<String>,
    /// The list the door searches, kept between calls (`store/checkin.rs`).
    pub(crate) list_cache: std::cell::RefCell<Option<crate::store::checkin::ListCache>>,
    /// cr-sqlite is loaded into `conn` (`store/sharing.rs`).
    pub(crate) engine_loaded: bool,
}

impl Drop for Db {
    fn drop(&mut self) {
        if self.engine_loaded {
            // What cr-sqlite asks for before its connection closes.
            let _ = hoinghi_crsqlite::finalize(&self.conn);
        }
    }
}

/// The file behind the store, and what we know about it.
pub(crate) struct DbFile {
    pub(crate) path: PathBuf,
    identity: Option<Identity>,
    /// The lock that keeps a second HoiNghi (window or CLI) from writing at the
    /// same time; `None` for a read-only store. Released when dropped.
    _lock: Option<File>,
    read_only: bool,
    /// The file was deleted or replaced under us; no write is accepted after that.
    pub(crate) lost: bool,
}

/// What an existing file turned out to be, read without changing it.
enum Found {
    /// No file, an empty file, or a SQLite file with nothing in it.
    Empty,
    HoiNghi {
        version: i64,
        /// The read-only connection that found it; a reader goes on with it
        /// rather than open the file and parse its schema a second time.
        conn: Connection,
    },
}

impl Db {
    /// Opens the database file at `path` for reading and writing, creating it
    /// (and its folder) when there is none. Refused, before anything is
    /// written: a file another HoiNghi has open, a file from a newer HoiNghi, a
    /// file that is not a HoiNghi database. An older file is backed up (into
    /// `backups/` beside it) and then migrated.
    pub fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir).map_err(|e| CoreError::folder(dir, e))?;
            }
        }
        let lock = lock(path)?;
        let version = match inspect(path)? {
            Found::Empty => 0,
            Found::HoiNghi { version, .. } => version,
        };
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| CoreError::open(path, e))?;
        let file = DbFile {
            path: path.to_path_buf(),
            identity: Identity::of(path),
            _lock: Some(lock),
            read_only: false,
            lost: false,
        };
        let mut db = Self::setup(conn, Some(file))?;
        if version > 0 && version < SCHEMA_VERSION {
            db.backup(crate::model::BackupReason::Migration)?;
        }
        db.migrate(version)?;
        db.device_id = db.ensure_device_id()?;
        // Writing to replicated tables runs the engine's triggers.
        if db.is_replicated()? {
            db.load_engine()?;
        }
        Ok(db)
    }

    /// Opens an existing HoiNghi database for reading only (exports, checks):
    /// it takes no lock, writes nothing, and leaves a pending write-ahead log as
    /// it is. A file that is missing, foreign, or of another schema version is refused.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        match inspect(path)? {
            Found::Empty => Err(CoreError::NotHoiNghi {
                path: path.to_path_buf(),
                detail: "tệp không tồn tại hoặc trống".into(),
            }),
            Found::HoiNghi { version, .. } if version < SCHEMA_VERSION => {
                Err(CoreError::OlderDatabase {
                    path: path.to_path_buf(),
                })
            }
            Found::HoiNghi { conn, .. } => {
                let file = DbFile {
                    path: path.to_path_buf(),
                    identity: Identity::of(path),
                    _lock: None,
                    read_only: true,
                    lost: false,
                };
                let mut db = Self::setup(conn, Some(file))?;
                db.device_id = db.meta("device_id")?.unwrap_or_default();
                Ok(db)
            }
        }
    }

    pub fn open_in_memory() -> Result<Self> {
        let mut db = Self::setup(Connection::open_in_memory()?, None)?;
        db.migrate(0)?;
        db.device_id = db.ensure_device_id()?;
        Ok(db)
    }

    pub(crate) fn setup(conn: Connection, file: Option<DbFile>) -> Result<Self> {
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        match &file {
            Some(f) if f.read_only => {
                conn.pragma_update(None, "query_only", true)?;
                // A reader (an export) maps the file instead of copying every
                // page it reads into the page cache.
                conn.pragma_update(None, "mmap_size", 256 * 1024 * 1024)?;
            }
            Some(f) => conn
                .pragma_update(None, "journal_mode", "WAL")
                .map_err(|e| CoreError::open(&f.path, e))?,
            None => {}
        }
        // WAL with synchronous=FULL fsyncs the log on every commit: a minutes entry
        // that the UI reported as saved survives a power cut. NORMAL would be
        // faster but may lose the last commits, which is not acceptable here.
        // A reader writes nothing, so neither setting concerns it.
        if !file.as_ref().is_some_and(|f| f.read_only) {
            conn.pragma_update(None, "synchronous", "FULL")?;
            conn.pragma_update(None, "foreign_keys", "ON")?;
        }
        Ok(Db {
            conn,
            device_id: String::new(),
            file,
            changed_since_backup: false,
            extra_backup_error: None,
            list_cache: Default::default(),
            engine_loaded: false,
        })
    }

    pub(crate) fn migrate(&mut self, from: i64) -> Result<()> {
        if from == SCHEMA_VERSION {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        for sql in &MIGRATIONS[from as usize..] {
            tx.execute_batch(sql)?;
        }
        // Keys SQL cannot compute: migrations 4 and 11 added `person.sort_key`,
        // `given_key` and `unit_key`.
        if from < 11 {
            crate::store::people::fill_sort_keys(&tx)?;
        }
        // Migration 7 added `participant.role`.
        if from < 7 {
            crate::store::attendance::fill_default_roles(&tx)?;
        }
        tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.commit()?;
        Ok(())
    }

    fn ensure_device_id(&mut self) -> Result<String> {
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

    pub(crate) fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx, _| {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value],
            )?;
            Ok(())
        })
    }

    /// The id of this installation, stamped on every row it writes.
    pub fn device_id(&self) -> &str {
        &self.device_id
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.file.as_ref().map(|f| f.path.as_path())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))?)
    }

    /// The live connection's journal mode and `synchronous` level, for checks:
    /// ("wal", 2) means every commit is on disk before it is reported saved.
    pub fn durability(&self) -> Result<(String, i64)> {
        Ok((
            self.conn
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))?,
            self.conn
                .query_row("PRAGMA synchronous", [], |r| r.get(0))?,
        ))
    }

    /// True once the file was found deleted or replaced while open: the store
    /// then refuses every write, and `save_copy` can still rescue what it holds.
    pub fn is_lost(&self) -> bool {
        self.file.as_ref().is_some_and(|f| f.lost)
    }

    /// Runs `f` in one transaction: all of it is written, or none of it. The
    /// transaction takes the write lock at once (`BEGIN IMMEDIATE`), so it never
    /// fails half-way with "database is locked"; before committing it checks that
    /// the file is still the one opened, so nothing is reported saved into a
    /// file that is gone.
    pub(crate) fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction, &str) -> Result<T>,
    ) -> Result<T> {
        if let Some(file) = &self.file {
            if file.lost {
                return Err(CoreError::DatabaseLost {
                    path: file.path.clone(),
                });
            }
            if file.read_only {
                return Err(CoreError::ReadOnly);
            }
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx, &self.device_id)?;
        if let Some(file) = &mut self.file {
            if !file.still_there() {
                file.lost = true;
                return Err(CoreError::DatabaseLost {
                    path: file.path.clone(),
                });
            }
        }
        tx.commit()?;
        self.changed_since_backup = true;
        Ok(value)
    }
}

impl DbFile {
    /// Whether `other` names this database file (through another spelling, a
    /// link, or a deleted file's old path).
    pub(crate) fn is_named_by(&self, other: &Path) -> bool {
        let same_path = match (std::path::absolute(&self.path), std::path::absolute(other)) {
            (Ok(a), Ok(b)) => a == b,
            _ => false,
        };
        same_path || Identity::of(other).is_some_and(|i| self.identity.as_ref() == Some(&i))
    }

    fn still_there(&self) -> bool {
        match (Identity::of(&self.path), &self.identity) {
            (None, _) => false,
            (Some(now), Some(then)) => now == *then,
            (Some(_), None) => true,
        }
    }
}

/// Which file a path names: device and inode on Unix. On Windows SQLite holds
/// the file open without delete sharing, so it cannot be deleted or renamed
/// while open; there only its presence is checked.
#[derive(Debug, PartialEq)]
struct Identity {
    #[cfg(unix)]
    dev_ino: (u64, u64),
}

impl Identity {
    fn of(path: &Path) -> Option<Identity> {
        let meta = std::fs::metadata(path).ok()?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            Some(Identity {
                dev_ino: (meta.dev(), meta.ino()),
            })
        }
        #[cfg(not(unix))]
        {
            let _ = meta;
            Some(Identity {})
        }
    }
}

/// Takes the OS lock that marks the database as in use by this process. The
/// lock lives in a small file beside the database ("hoinghi.db.lock"): locking
/// the database file itself would clash with SQLite's own locks on Windows.
fn lock(path: &Path) -> Result<File> {
    let mut name = path.as_os_str().to_owned();
    name.push(".lock");
    let lock_path = PathBuf::from(name);
    let file = File::options()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&lock_path)
        .map_err(|e| CoreError::folder(&lock_path, e))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(std::fs::TryLockError::WouldBlock) => Err(CoreError::InUse {
            path: path.to_path_buf(),
        }),
        Err(std::fs::TryLockError::Error(e)) => Err(CoreError::folder(&lock_path, e)),
    }
}

fn read_only_connection(path: &Path) -> Result<Connection> {
    Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| CoreError::open(path, e))
}

/// Reads what `path` holds on a read-only handle, which never checkpoints or
/// removes a pending write-ahead log: the file is left exactly as it was.
fn inspect(path: &Path) -> Result<Found> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Found::Empty),
        Err(e) => return Err(CoreError::folder(path, e)),
        Ok(m) if m.len() == 0 => return Ok(Found::Empty),
        Ok(_) => {}
    }
    let not_ours = |detail: String| CoreError::NotHoiNghi {
        path: path.to_path_buf(),
        detail,
    };
    let conn = read_only_connection(path)?;
    let header = conn.query_row(
        "SELECT (SELECT application_id FROM pragma_application_id),
                (SELECT user_version FROM pragma_user_version),
                (SELECT COUNT(*) FROM sqlite_master),
                (SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
        [],
        |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
            ))
        },
    );
    let (app_id, version, objects, has_meta) = match header {
        Ok(h) => h,
        Err(e) if is_not_a_database(&e) => return Err(not_ours(e.to_string())),
        Err(e) => return Err(CoreError::open(path, e)),
    };
    if version < 0 {
        return Err(not_ours(format!(
            "số phiên bản lược đồ không hợp lệ ({version})"
        )));
    }
    if version > SCHEMA_VERSION {
        return Err(CoreError::NewerDatabase {
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let ours = app_id == APPLICATION_ID
        // Files written before the application id was set (schema 1–4).
        || (app_id == 0 && version >= 1 && has_meta == 1);
    match (ours, objects) {
        (true, _) => Ok(Found::HoiNghi { version, conn }),
        (false, 0) if app_id == 0 && version == 0 => Ok(Found::Empty),
        (false, _) => Err(not_ours(format!(
            "tệp SQLite của ứng dụng khác (application_id {app_id}, user_version {version})"
        ))),
    }
}

/// The schema version of the HoiNghi file at `path`, read without changing
/// it; `None` when there is no file or it is empty. A foreign or newer file is refused.
pub(crate) fn inspect_file(path: &Path) -> Result<Option<i64>> {
    Ok(match inspect(path)? {
        Found::Empty => None,
        Found::HoiNghi { version, .. } => Some(version),
    })
}

fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _)
            if matches!(f.code, rusqlite::ErrorCode::NotADatabase | rusqlite::ErrorCode::DatabaseCorrupt)
    )
}

/// Checks that `path` is a whole HoiNghi backup this version can read, and
/// returns its schema version.
pub(crate) fn check_backup(path: &Path) -> Result<i64> {
    match inspect(path)? {
        Found::Empty => Err(CoreError::NotHoiNghi {
            path: path.to_path_buf(),
            detail: "tệp không tồn tại hoặc trống".into(),
        }),
        Found::HoiNghi { version, conn } => {
            crate::backup::check_integrity(&conn)?;
            Ok(version)
        }
    }
}
