use hoinghi_core::model::{IpcError, MinutesEntry, MinutesInput, Task, TaskInput, Vote, VoteInput};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_minutes(
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<Vec<MinutesEntry>, IpcError> {
    state.run(move |db| db.minutes(&meeting_id)).await
}

#[tauri::command]
pub async fn add_minutes_entry(
    state: State<'_, AppState>,
    meeting_id: String,
    input: MinutesInput,
) -> Result<MinutesEntry, IpcError> {
    state
        .run(move |db| db.add_minutes_entry(&meeting_id, &input))
        .await
}

#[tauri::command]
pub async fn update_minutes_entry(
    state: State<'_, AppState>,
    id: String,
    seen: String,
    input: MinutesInput,
) -> Result<MinutesEntry, IpcError> {
    state
        .run(move |db| db.update_minutes_entry(&id, &seen, &input))
        .await
}

#[tauri::command]
pub async fn delete_minutes_entry(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state.run(move |db| db.delete_minutes_entry(&id)).await
}

#[tauri::command]
pub async fn list_tasks(
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<Vec<Task>, IpcError> {
    state.run(move |db| db.tasks(&meeting_id)).await
}

#[tauri::command]
pub async fn add_task(
    state: State<'_, AppState>,
    meeting_id: String,
    input: TaskInput,
) -> Result<Task, IpcError> {
    state.run(move |db| db.add_task(&meeting_id, &input)).await
}

#[tauri::command]
pub async fn update_task(
    state: State<'_, AppState>,
    id: String,
    seen: String,
    input: TaskInput,
) -> Result<Task, IpcError> {
    state
        .run(move |db| db.update_task(&id, &seen, &input))
        .await
}

#[tauri::command]
pub async fn delete_task(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state.run(move |db| db.delete_task(&id)).await
}

#[tauri::command]
pub async fn list_votes(
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<Vec<Vote>, IpcError> {
    state.run(move |db| db.votes(&meeting_id)).await
}

#[tauri::command]
pub async fn add_vote(
    state: State<'_, AppState>,
    meeting_id: String,
    input: VoteInput,
) -> Result<Vote, IpcError> {
    state.run(move |db| db.add_vote(&meeting_id, &input)).await
}

#[tauri::command]
pub async fn update_vote(
    state: State<'_, AppState>,
    id: String,
    seen: String,
    input: VoteInput,
) -> Result<Vote, IpcError> {
    state
        .run(move |db| db.update_vote(&id, &seen, &input))
        .await
}

#[tauri::command]
pub async fn delete_vote(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state.run(move |db| db.delete_vote(&id)).await
}
