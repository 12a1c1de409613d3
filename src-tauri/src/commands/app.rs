use hoinghi_core::model::{AppInfo, IpcError};
use tauri::State;

use crate::state::AppState;

/// Facts for Settings; answers even when the database could not be opened.
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        database_path: state.db_path.display().to_string(),
        backup_path: state.backup_dir().display().to_string(),
        schema_version: hoinghi_core::SCHEMA_VERSION as u32,
    })
}
