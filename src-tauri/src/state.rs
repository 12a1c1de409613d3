//! The shell's state: the open database (or why it could not be opened, so the
//! window can still show the user a clear message and offer a backup), and the
//! folders the shell itself manages.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, RwLock};

use hoinghi_core::model::{ErrorKind, IpcError};
use hoinghi_core::Db;

pub struct AppState {
    db: RwLock<Result<Arc<Mutex<Db>>, IpcError>>,
    pub db_path: PathBuf,
    /// Private folder for the PDFs handed to the system viewer to print.
    pub print_dir: PathBuf,
    /// The delegate list file picked in the import wizard, read once and
    /// kept until it is imported or the wizard is left.
    pub pending_import: Mutex<Option<Arc<hoinghi_import::Source>>>,
    /// Set to stop a long import preview.
    pub import_cancelled: Arc<std::sync::atomic::AtomicBool>,
}

impl AppState {
    pub fn new(db: Result<Db, IpcError>, db_path: PathBuf, print_dir: PathBuf) -> Self {
        AppState {
            db: RwLock::new(db.map(|d| Arc::new(Mutex::new(d)))),
            db_path,
            print_dir,
            pending_import: Mutex::new(None),
            import_cancelled: Arc::default(),
        }
    }

    /// The folder that holds the database, its lock and its backups. Nothing
    /// the user exports may be written into it.
    pub fn data_dir(&self) -> &Path {
        self.db_path.parent().unwrap_or(Path::new("."))
    }

    pub fn backup_dir(&self) -> PathBuf {
        hoinghi_core::backup::folder_for(&self.db_path)
    }

    /// The open store, or the error that explains why there is none.
    pub fn store(&self) -> Result<Arc<Mutex<Db>>, IpcError> {
        self.db
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Puts a newly opened store in place (after a missing file was restored).
    pub fn replace(&self, db: Db) {
        *self
            .db
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Ok(Arc::new(Mutex::new(db)));
    }

    /// Runs `f` on the database on a blocking thread, off the async runtime.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        E: Into<IpcError>,
        F: FnOnce(&mut Db) -> Result<T, E> + Send + 'static,
    {
        let db = self.store()?;
        tauri::async_runtime::spawn_blocking(move || with_store(&db, f))
            .await
            .map_err(internal)?
    }
}

/// Runs `f` under the store's lock, on the calling thread.
pub fn with_store<T, E: Into<IpcError>>(
    db: &Mutex<Db>,
    f: impl FnOnce(&mut Db) -> Result<T, E>,
) -> Result<T, IpcError> {
    // A panic in another command must not lock the user out of their data.
    let mut guard = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
    f(&mut guard).map_err(Into::into)
}

/// Runs work that needs no database (rendering a document from a snapshot) on
/// a blocking thread, so other commands can use the store meanwhile.
pub async fn off_the_store<T, E, F>(f: F) -> Result<T, IpcError>
where
    T: Send + 'static,
    E: Into<IpcError>,
    F: FnOnce() -> Result<T, E> + Send + 'static,
{
    tauri::async_runtime::spawn_blocking(move || f().map_err(Into::into))
        .await
        .map_err(internal)?
}

fn internal(e: impl std::fmt::Display) -> IpcError {
    IpcError::new(ErrorKind::Internal, format!("Lỗi nội bộ.\nChi tiết: {e}"))
}
