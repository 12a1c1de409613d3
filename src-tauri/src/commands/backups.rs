//! Backups, and the rescue copy of a database file lost while open. Backups
//! are named, never given by path; the rescue file is chosen in a Rust dialog.

use hoinghi_core::backup;
use hoinghi_core::model::{BackupInfo, BackupReason, BackupSettings, IpcError};
use hoinghi_core::Db;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Pick};
use crate::state::{off_the_store, AppState};

/// The backups, newest first. Works even when the database could not be
/// opened, so a missing file can be brought back.
#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupInfo>, IpcError> {
    let dir = state.backup_dir();
    off_the_store(move || backup::list(&dir)).await
}

#[tauri::command]
pub async fn backup_now(state: State<'_, AppState>) -> Result<BackupInfo, IpcError> {
    state.run(|db| db.backup(BackupReason::Manual)).await
}

/// Restores the backup `name`. With a database open, its data is first kept
/// aside as a backup, which is returned. With the file missing, the backup is
/// put in its place and opened; then there is nothing to keep aside (`None`).
#[tauri::command]
pub async fn restore_backup(
    state: State<'_, AppState>,
    name: String,
) -> Result<Option<BackupInfo>, IpcError> {
    if state.store().is_ok() {
        return state
            .run(move |db| db.restore_backup(&name).map(Some))
            .await;
    }
    let (dir, path) = (state.backup_dir(), state.db_path.clone());
    let db = off_the_store(move || {
        backup::restore_missing(&dir, &name, &path)?;
        Db::open(&path)
    })
    .await?;
    state.replace(db);
    Ok(None)
}

/// Saves everything the open store holds to a file chosen in the native
/// dialog: the way out when the database file was deleted while open.
/// Returns the file's name; `None` when cancelled.
#[tauri::command]
pub async fn save_rescue_copy(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<String>, IpcError> {
    let stamp = chrono::Local::now().format("%Y-%m-%d-%H%M");
    let save = Pick::Save {
        title: "Lưu bản cứu hộ dữ liệu",
        name: format!("hoinghi-cuu-ho-{stamp}.db"),
        filter: ("HoiNghi", &["db"]),
    };
    let Some(path) = dialogs::pick(&app, &state, save).await? else {
        return Ok(None);
    };
    let name = dialogs::file_name(&path);
    state.run(move |db| db.save_copy(&path)).await?;
    Ok(Some(name))
}

/// The second backup folder, and how the last copy into it went.
#[tauri::command]
pub async fn backup_settings(state: State<'_, AppState>) -> Result<BackupSettings, IpcError> {
    state.run(|db| db.backup_settings()).await
}

/// Asks for a second backup folder (a USB stick) in the native dialog, then
/// copies a fresh backup there at once; `None` when cancelled.
#[tauri::command]
pub async fn choose_backup_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<BackupSettings>, IpcError> {
    let pick = Pick::Folder {
        title: "Chọn thư mục sao lưu phụ (ví dụ USB)",
    };
    let Some(folder) = dialogs::pick(&app, &state, pick).await? else {
        return Ok(None);
    };
    state
        .run(move |db| db.set_extra_backup_folder(Some(&folder)).map(Some))
        .await
}

#[tauri::command]
pub async fn clear_backup_folder(state: State<'_, AppState>) -> Result<BackupSettings, IpcError> {
    state.run(|db| db.set_extra_backup_folder(None)).await
}
