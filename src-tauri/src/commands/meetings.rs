use hoinghi_core::model::{IpcError, Meeting, MeetingInput, MeetingSummary};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_meetings(state: State<'_, AppState>) -> Result<Vec<MeetingSummary>, IpcError> {
    state.run(|db| db.list_meetings()).await
}

#[tauri::command]
pub async fn get_meeting(state: State<'_, AppState>, id: String) -> Result<Meeting, IpcError> {
    state.run(move |db| db.meeting(&id)).await
}

#[tauri::command]
pub async fn create_meeting(
    state: State<'_, AppState>,
    input: MeetingInput,
) -> Result<Meeting, IpcError> {
    state.run(move |db| db.create_meeting(&input)).await
}

#[tauri::command]
pub async fn update_meeting(
    state: State<'_, AppState>,
    id: String,
    input: MeetingInput,
) -> Result<Meeting, IpcError> {
    state.run(move |db| db.update_meeting(&id, &input)).await
}

#[tauri::command]
pub async fn delete_meeting(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state.run(move |db| db.delete_meeting(&id)).await
}

#[tauri::command]
pub async fn duplicate_meeting(
    state: State<'_, AppState>,
    id: String,
) -> Result<Meeting, IpcError> {
    state.run(move |db| db.duplicate_meeting(&id)).await
}

/// The trash: deleted meetings, most recently deleted first.
#[tauri::command]
pub async fn deleted_meetings(state: State<'_, AppState>) -> Result<Vec<MeetingSummary>, IpcError> {
    state.run(|db| db.deleted_meetings()).await
}

#[tauri::command]
pub async fn restore_meeting(state: State<'_, AppState>, id: String) -> Result<Meeting, IpcError> {
    state.run(move |db| db.restore_meeting(&id)).await
}

/// Removes the trashed meetings for good, after backing the data up (the
/// backup is returned; `None` when the trash was empty).
#[tauri::command]
pub async fn empty_trash(
    state: State<'_, AppState>,
) -> Result<Option<hoinghi_core::model::BackupInfo>, IpcError> {
    state.run(|db| db.empty_trash()).await
}
