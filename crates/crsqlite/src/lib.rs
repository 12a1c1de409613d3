//! cr-sqlite, the engine that lets several laptops edit one meeting and merge
//! (see `third_party/cr-sqlite/README.md`), as a SQLite loadable extension:
//! where its file is and how a connection loads it.
//!
//! `build.rs` builds the library for the target; this crate only finds and
//! loads it. It is the one crate allowed to use `unsafe`, in `load`.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rusqlite::Connection;

/// The library's file name on this system.
pub const FILE_NAME: &str = if cfg!(windows) {
    "crsqlite.dll"
} else {
    "crsqlite.so"
};

/// Where the build left the library (valid on the machine that built it).
const BUILT: &str = env!("HOINGHI_CRSQLITE_BUILT");

static EXTRA_DIR: OnceLock<PathBuf> = OnceLock::new();

/// Why the extension could not be loaded.
#[derive(Debug)]
pub struct LoadError {
    /// The file tried, if one was found.
    pub path: Option<PathBuf>,
    pub detail: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}: {}", p.display(), self.detail),
            None => f.write_str(&self.detail),
        }
    }
}

impl std::error::Error for LoadError {}

/// Adds a folder to look in first, such as the installed app's resource
/// folder. Only the first call counts.
pub fn look_also_in(dir: &Path) {
    let _ = EXTRA_DIR.set(dir.to_path_buf());
}

/// The library to load: `HOINGHI_CRSQLITE` if set, else the first of the
/// extra folder, the running program's folder and the build's output that
/// holds it.
pub fn locate() -> Result<PathBuf, LoadError> {
    if let Some(p) = std::env::var_os("HOINGHI_CRSQLITE") {
        return Ok(PathBuf::from(p));
    }
    let beside_exe = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(|d| d.join(FILE_NAME)));
    EXTRA_DIR
        .get()
        .map(|d| d.join(FILE_NAME))
        .into_iter()
        .chain(beside_exe)
        .chain(Some(PathBuf::from(BUILT)))
        .find(|p| p.is_file())
        .ok_or_else(|| LoadError {
            path: None,
            detail: format!("{FILE_NAME} was not found beside the program"),
        })
}

/// Loads cr-sqlite into `conn`. Loading is switched on only for this call, so
/// SQL run later cannot load anything.
pub fn load(conn: &Connection) -> Result<(), LoadError> {
    load_from(conn, &locate()?)
}

fn load_from(conn: &Connection, path: &Path) -> Result<(), LoadError> {
    let failed = |e: rusqlite::Error| LoadError {
        path: Some(path.to_path_buf()),
        detail: e.to_string(),
    };
    pin(path)?;
    // The first load into a file creates cr-sqlite's tables in several
    // steps; inside one transaction, a laptop switched off half-way leaves
    // none of them rather than some (which cr-sqlite then refuses to load).
    let own = conn.is_autocommit();
    if own {
        conn.execute_batch("BEGIN").map_err(failed)?;
    }
    // SAFETY: the library is the one this workspace built from vendored
    // source (or one the user pointed to with HOINGHI_CRSQLITE); its entry
    // point has the signature SQLite expects of an extension.
    #[allow(unsafe_code)]
    let loaded = unsafe {
        rusqlite::LoadExtensionGuard::new(conn)
            .and_then(|_guard| conn.load_extension(path, Some("sqlite3_crsqlite_init")))
    };
    if own {
        match &loaded {
            Ok(()) => conn.execute_batch("COMMIT").map_err(failed)?,
            // cr-sqlite may have rolled back already.
            Err(_) if !conn.is_autocommit() => {
                let _ = conn.execute_batch("ROLLBACK");
            }
            Err(_) => {}
        }
    }
    loaded.map_err(failed)
}

/// Keeps the library mapped for the life of the process. SQLite unloads an
/// extension whose setup failed, but cr-sqlite registers its SQL functions
/// before the setup can fail, and closing the connection then calls their
/// destructors in the unloaded library: a crash, seen when a laptop was
/// killed during its first load and the file was opened again.
fn pin(path: &Path) -> Result<(), LoadError> {
    static PINNED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    let mut pinned = PINNED.lock().unwrap_or_else(|p| p.into_inner());
    if pinned.iter().any(|p| p == path) {
        return Ok(());
    }
    // SAFETY: as for `load_extension` above; loading it runs no code of ours.
    #[allow(unsafe_code)]
    let library = unsafe { libloading::Library::new(path) }.map_err(|e| LoadError {
        path: Some(path.to_path_buf()),
        detail: e.to_string(),
    })?;
    // Never closed: SQLite's own handle can then never be the last one.
    std::mem::forget(library);
    pinned.push(path.to_path_buf());
    Ok(())
}

/// What cr-sqlite asks for before a connection that loaded it is closed.
pub fn finalize(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("SELECT crsql_finalize()", [], |_| Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a process killed during its first load left before loads were
    /// made atomic: cr-sqlite's table of settings, without its version.
    #[test]
    fn a_half_set_up_file_is_refused_without_crashing_and_a_failed_load_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("half.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE crsql_master (key TEXT PRIMARY KEY, value ANY);
             CREATE TABLE kept (id INTEGER PRIMARY KEY);",
        )
        .unwrap();
        let err = load(&conn).unwrap_err();
        assert!(err.to_string().contains("not supported"), "{err}");
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(
            tables,
            ["crsql_master", "kept"],
            "the failed load left nothing"
        );
        assert!(conn.is_autocommit());
        // Closing calls the destructors of the functions cr-sqlite registered
        // before it failed: with the library unloaded, this crashed the process.
        drop(conn);

        // The same file, opened afresh, loads once the stray table is gone.
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("DROP TABLE crsql_master").unwrap();
        load(&conn).unwrap();
        finalize(&conn).unwrap();
    }

    #[test]
    fn loads_and_merges_a_column_change_between_two_databases() {
        let a = Connection::open_in_memory().unwrap();
        let b = Connection::open_in_memory().unwrap();
        for c in [&a, &b] {
            load(c).unwrap();
            c.execute_batch(
                "CREATE TABLE t (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL DEFAULT '');
                 SELECT crsql_as_crr('t');",
            )
            .unwrap();
        }
        a.execute("INSERT INTO t VALUES ('1', 'Nguyễn Văn A')", [])
            .unwrap();
        b.execute("INSERT INTO t VALUES ('2', 'Trần Thị B')", [])
            .unwrap();
        let copy = |from: &Connection, to: &Connection| {
            let mut read = from
                .prepare(r#"SELECT "table", pk, cid, val, col_version, db_version, site_id, cl, seq FROM crsql_changes"#)
                .unwrap();
            let rows: Vec<Vec<rusqlite::types::Value>> = read
                .query_map([], |r| (0..9).map(|i| r.get(i)).collect())
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            for row in rows {
                to.execute(
                    r#"INSERT INTO crsql_changes ("table", pk, cid, val, col_version, db_version, site_id, cl, seq)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"#,
                    rusqlite::params_from_iter(row),
                )
                .unwrap();
            }
        };
        copy(&a, &b);
        copy(&b, &a);
        for c in [&a, &b] {
            let names: Vec<String> = c
                .prepare("SELECT name FROM t ORDER BY id")
                .unwrap()
                .query_map([], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            assert_eq!(names, ["Nguyễn Văn A", "Trần Thị B"]);
            finalize(c).unwrap();
        }
    }

    #[test]
    fn a_library_that_cannot_be_loaded_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let bogus = dir.path().join(FILE_NAME);
        std::fs::write(&bogus, b"not a library").unwrap();
        let conn = Connection::open_in_memory().unwrap();
        let err = load_from(&conn, &bogus).unwrap_err();
        assert_eq!(err.path.as_deref(), Some(bogus.as_path()));
        assert!(err.to_string().contains(FILE_NAME), "{err}");
        // Loading stays switched off afterwards.
        assert!(conn
            .query_row("SELECT load_extension('x')", [], |_| Ok(()))
            .is_err());
    }
}
