//! The shell's one piece of state: the open database (or why it could not be
//! opened, so the window can still show the user a clear message).

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use hoinghi_core::model::{ErrorKind, IpcError};
use hoinghi_core::{CoreError, Db};

pub struct AppState {
    db: Result<Arc<Mutex<Db>>, IpcError>,
    pub db_path: PathBuf,
}

impl AppState {
    pub fn new(db: Result<Db, CoreError>, db_path: PathBuf) -> Self {
        AppState {
            db: db.map(|d| Arc::new(Mutex::new(d))).map_err(IpcError::from),
            db_path,
        }
    }

    /// Runs `f` on the database on a blocking thread, off the async runtime.
    pub async fn run<T, E, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        E: Into<IpcError>,
        F: FnOnce(&mut Db) -> Result<T, E> + Send + 'static,
    {
        let db = self.db.clone()?;
        tauri::async_runtime::spawn_blocking(move || {
            // A panic in another command must not lock the user out of their data.
            let mut guard = db.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            f(&mut guard).map_err(Into::into)
        })
        .await
        .map_err(internal)?
    }
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
    IpcError::new(ErrorKind::Internal, format!("Lỗi nội bộ: {e}"))
}
