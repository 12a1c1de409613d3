use hoinghi_core::model::{IpcError, Organisation};
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
