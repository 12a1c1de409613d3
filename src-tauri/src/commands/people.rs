use hoinghi_core::model::{
    AttendanceEvent, AttendanceEventKind, AttendanceSummary, CheckIn, IpcError, Participant,
    ParticipantRole, Person, PersonInput, SectionAttendance,
};
use tauri::State;

use crate::state::AppState;

#[tauri::command]
pub async fn list_people(
    state: State<'_, AppState>,
    query: String,
) -> Result<Vec<Person>, IpcError> {
    state.run(move |db| db.list_people(&query)).await
}

#[tauri::command]
pub async fn create_person(
    state: State<'_, AppState>,
    input: PersonInput,
) -> Result<Person, IpcError> {
    state.run(move |db| db.create_person(&input)).await
}

#[tauri::command]
pub async fn update_person(
    state: State<'_, AppState>,
    id: String,
    seen: String,
    input: PersonInput,
) -> Result<Person, IpcError> {
    state
        .run(move |db| db.update_person(&id, &seen, &input))
        .await
}

#[tauri::command]
pub async fn delete_person(state: State<'_, AppState>, id: String) -> Result<(), IpcError> {
    state.run(move |db| db.delete_person(&id)).await
}

#[tauri::command]
pub async fn list_participants(
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<Vec<Participant>, IpcError> {
    state.run(move |db| db.participants(&meeting_id)).await
}

#[tauri::command]
pub async fn attendance_summary(
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<AttendanceSummary, IpcError> {
    state
        .run(move |db| db.attendance_summary(&meeting_id))
        .await
}

/// Each group's attendance, for the counters at the door.
#[tauri::command]
pub async fn attendance_by_section(
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<Vec<SectionAttendance>, IpcError> {
    state
        .run(move |db| db.attendance_by_section(&meeting_id))
        .await
}

#[tauri::command]
pub async fn invite_people(
    state: State<'_, AppState>,
    meeting_id: String,
    person_ids: Vec<String>,
) -> Result<Vec<Participant>, IpcError> {
    state
        .run(move |db| db.invite_people(&meeting_id, &person_ids))
        .await
}

#[tauri::command]
pub async fn add_participant(
    state: State<'_, AppState>,
    meeting_id: String,
    input: PersonInput,
) -> Result<Vec<Participant>, IpcError> {
    state
        .run(move |db| db.add_participant(&meeting_id, &input))
        .await
}

#[tauri::command]
pub async fn remove_participant(
    state: State<'_, AppState>,
    meeting_id: String,
    person_id: String,
) -> Result<Vec<Participant>, IpcError> {
    state
        .run(move |db| db.remove_participant(&meeting_id, &person_id))
        .await
}

/// Says why a person is on the list (chủ trì, host, guest, press, staff);
/// only guests and the press get a giấy mời.
#[tauri::command]
pub async fn set_participant_role(
    state: State<'_, AppState>,
    meeting_id: String,
    person_id: String,
    role: ParticipantRole,
) -> Result<Vec<Participant>, IpcError> {
    state
        .run(move |db| db.set_participant_role(&meeting_id, &person_id, role))
        .await
}

#[tauri::command]
pub async fn record_attendance(
    state: State<'_, AppState>,
    meeting_id: String,
    person_id: String,
    kind: AttendanceEventKind,
    reason: String,
    at: Option<String>,
) -> Result<Vec<Participant>, IpcError> {
    state
        .run(move |db| db.record_attendance(&meeting_id, &person_id, kind, &reason, at.as_deref()))
        .await
}

/// Who attends in a delegate's place ("dự thay"); an empty name clears it.
#[tauri::command]
pub async fn set_substitute(
    state: State<'_, AppState>,
    meeting_id: String,
    person_id: String,
    name: String,
    title: String,
) -> Result<Vec<Participant>, IpcError> {
    state
        .run(move |db| db.set_substitute(&meeting_id, &person_id, &name, &title))
        .await
}

/// Marks everyone of a group not yet marked as arrived, now or at `at`.
#[tauri::command]
pub async fn mark_section_present(
    state: State<'_, AppState>,
    meeting_id: String,
    section: String,
    at: Option<String>,
) -> Result<Vec<Participant>, IpcError> {
    state
        .run(move |db| db.mark_section_present(&meeting_id, &section, at.as_deref()))
        .await
}

/// The door's search box: the meeting's people that `query` finds, best
/// first, at most `limit` (checked-in people too, with their state).
#[tauri::command]
pub async fn search_participants(
    state: State<'_, AppState>,
    meeting_id: String,
    query: String,
    limit: u32,
) -> Result<Vec<Participant>, IpcError> {
    state
        .run(move |db| db.search_participants(&meeting_id, &query, limit.min(100) as usize))
        .await
}

/// Checks one person in now; answers that person and the meeting's numbers.
#[tauri::command]
pub async fn check_in(
    state: State<'_, AppState>,
    meeting_id: String,
    person_id: String,
) -> Result<CheckIn, IpcError> {
    state
        .run(move |db| db.check_in(&meeting_id, &person_id))
        .await
}

/// Checks in the person whose code a scanner (or a secretary) typed.
#[tauri::command]
pub async fn check_in_code(
    state: State<'_, AppState>,
    meeting_id: String,
    code: String,
) -> Result<CheckIn, IpcError> {
    state
        .run(move |db| db.check_in_code(&meeting_id, &code))
        .await
}

#[tauri::command]
pub async fn attendance_log(
    state: State<'_, AppState>,
    meeting_id: String,
    person_id: String,
) -> Result<Vec<AttendanceEvent>, IpcError> {
    state
        .run(move |db| db.attendance_log(&meeting_id, &person_id))
        .await
}
