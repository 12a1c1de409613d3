use hoinghi_core::model::{FormatSettings, IpcError, Organisation};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn get_organisation(state: State<'_, AppState>) -> Result<Organisation, IpcError> {
    state.run(|db| db.organisation()).await
}

#[tauri::command]
pub async fn update_organisation(
    state: State<'_, AppState>,
    input: Organisation,
) -> Result<Organisation, IpcError> {
    state.run(move |db| db.update_organisation(&input)).await
}

/// Settings for the format rules docs/format-rules.md leaves uncertain.
#[tauri::command]
pub async fn get_format_settings(state: State<'_, AppState>) -> Result<FormatSettings, IpcError> {
    state.run(|db| db.format_settings()).await
}

#[tauri::command]
pub async fn update_format_settings(
    state: State<'_, AppState>,
    input: FormatSettings,
) -> Result<FormatSettings, IpcError> {
    state.run(move |db| db.update_format_settings(&input)).await
}
