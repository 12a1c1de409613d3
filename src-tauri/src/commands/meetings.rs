use hoinghi_core::model::{
    IpcError, Meeting, MeetingEvent, MeetingInput, MeetingSummary, PortableImport,
};
use hoinghi_vanban::docs::files;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Pick};
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
    seen: String,
    input: MeetingInput,
) -> Result<Meeting, IpcError> {
    state
        .run(move |db| db.update_meeting(&id, &seen, &input))
        .await
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

/// Ends the meeting and locks its records (list, attendance, agenda,
/// minutes, votes, tasks).
#[tauri::command]
pub async fn close_meeting(state: State<'_, AppState>, id: String) -> Result<Meeting, IpcError> {
    state.run(move |db| db.close_meeting(&id)).await
}

/// Unlocks a closed meeting; the reason is kept in its history.
#[tauri::command]
pub async fn reopen_meeting(
    state: State<'_, AppState>,
    id: String,
    reason: String,
) -> Result<Meeting, IpcError> {
    state.run(move |db| db.reopen_meeting(&id, &reason)).await
}

/// Every closing and reopening of the meeting, oldest first.
#[tauri::command]
pub async fn meeting_history(
    state: State<'_, AppState>,
    id: String,
) -> Result<Vec<MeetingEvent>, IpcError> {
    state.run(move |db| db.meeting_history(&id)).await
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

/// Writes one meeting to a `.hoinghi` file chosen in the native dialog (for a
/// colleague's machine or the archive). Returns the file's name; `None` when
/// cancelled.
#[tauri::command]
pub async fn export_meeting(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
) -> Result<Option<String>, IpcError> {
    let meeting_id = id.clone();
    let meeting = state.run(move |db| db.meeting(&meeting_id)).await?;
    let save = Pick::Save {
        title: "Xuất tệp hội nghị",
        name: files::meeting_file_name(&meeting),
        filter: dialogs::MEETING_FILE,
    };
    let Some(path) = dialogs::pick(&app, &state, save).await? else {
        return Ok(None);
    };
    let name = dialogs::file_name(&path);
    state.run(move |db| db.export_meeting(&id, &path)).await?;
    Ok(Some(name))
}

/// Merges the meeting in a `.hoinghi` file chosen in the native dialog into
/// this machine's data; `None` when cancelled.
#[tauri::command]
pub async fn import_meeting(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<PortableImport>, IpcError> {
    let open = Pick::Open {
        title: "Nhập tệp hội nghị",
        filter: dialogs::MEETING_FILE,
    };
    let Some(path) = dialogs::pick(&app, &state, open).await? else {
        return Ok(None);
    };
    state
        .run(move |db| db.import_meeting(&path).map(Some))
        .await
}
