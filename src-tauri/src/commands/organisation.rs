use hoinghi_core::model::{FormatSettings, IpcError, Organisation};
use tauri::State;

use crate::state::AppState;

/// The issuing bodies the office keeps.
#[tauri::command]
pub async fn list_organisations(state: State<'_, AppState>) -> Result<Vec<Organisation>, IpcError> {
    state.run(|db| db.organisations()).await
}

/// Hidden bodies whose register holds numbers: it can still be printed.
#[tauri::command]
pub async fn hidden_register_bodies(
    state: State<'_, AppState>,
) -> Result<Vec<Organisation>, IpcError> {
    state
        .run(|db| db.hidden_organisations_with_register())
        .await
}

/// The body a new meeting starts with: the one the latest real meeting used.
#[tauri::command]
pub async fn default_organisation(state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    state.run(|db| db.default_organisation_id()).await
}

/// Adds a body (empty id) or saves an edit of one.
#[tauri::command]
pub async fn save_organisation(
    state: State<'_, AppState>,
    input: Organisation,
) -> Result<Organisation, IpcError> {
    state.run(move |db| db.save_organisation(&input)).await
}

/// Hides a body no meeting uses.
#[tauri::command]
pub async fn delete_organisation(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state.run(move |db| db.delete_organisation(&id)).await
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
