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
    // SAFETY: the library is the one this workspace built from vendored
    // source (or one the user pointed to with HOINGHI_CRSQLITE); its entry
    // point has the signature SQLite expects of an extension.
    #[allow(unsafe_code)]
    unsafe {
        let _guard = rusqlite::LoadExtensionGuard::new(conn).map_err(failed)?;
        conn.load_extension(path, Some("sqlite3_crsqlite_init"))
            .map_err(failed)?;
    }
    Ok(())
}

/// What cr-sqlite asks for before a connection that loaded it is closed.
pub fn finalize(conn: &Connection) -> rusqlite::Result<()> {
    conn.query_row("SELECT crsql_finalize()", [], |_| Ok(()))
}

#[cfg(test)]
mod tests {
    use super::*;

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
