use hoinghi_core::model::{AgendaItem, AgendaItemInput, IpcError};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_agenda(
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<Vec<AgendaItem>, IpcError> {
    state.run(move |db| db.agenda(&meeting_id)).await
}

#[tauri::command]
pub async fn add_agenda_item(
    state: State<'_, AppState>,
    meeting_id: String,
    input: AgendaItemInput,
) -> Result<Vec<AgendaItem>, IpcError> {
    state
        .run(move |db| db.add_agenda_item(&meeting_id, &input))
        .await
}

#[tauri::command]
pub async fn update_agenda_item(
    state: State<'_, AppState>,
    id: String,
    seen: String,
    input: AgendaItemInput,
) -> Result<Vec<AgendaItem>, IpcError> {
    state
        .run(move |db| db.update_agenda_item(&id, &seen, &input))
        .await
}

#[tauri::command]
pub async fn delete_agenda_item(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<AgendaItem>, IpcError> {
    state.run(move |db| db.delete_agenda_item(&id)).await
}

/// Marks an item as begun (now, or at `at`); a running item ends then.
#[tauri::command]
pub async fn start_agenda_item(
    state: State<'_, AppState>,
    id: String,
    at: Option<String>,
) -> Result<Vec<AgendaItem>, IpcError> {
    state
        .run(move |db| db.start_agenda_item(&id, at.as_deref()))
        .await
}

/// Marks a begun item as ended (now, or at `at`).
#[tauri::command]
pub async fn end_agenda_item(
    state: State<'_, AppState>,
    id: String,
    at: Option<String>,
) -> Result<Vec<AgendaItem>, IpcError> {
    state
        .run(move |db| db.end_agenda_item(&id, at.as_deref()))
        .await
}

#[tauri::command]
pub async fn reorder_agenda(
    state: State<'_, AppState>,
    meeting_id: String,
    ordered_ids: Vec<String>,
) -> Result<Vec<AgendaItem>, IpcError> {
    state
        .run(move |db| db.reorder_agenda(&meeting_id, &ordered_ids))
        .await
}
