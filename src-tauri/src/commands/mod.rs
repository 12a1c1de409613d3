//! IPC commands, one file per area. Each takes the state and a DTO, calls the
//! core on a blocking thread, and returns the core's result or an `IpcError`.

mod agenda;
mod app;
mod documents;
mod meetings;
mod minutes;
mod organisation;
mod people;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        app::app_info,
        organisation::get_organisation,
        organisation::update_organisation,
        organisation::get_format_settings,
        organisation::update_format_settings,
        meetings::list_meetings,
        meetings::get_meeting,
        meetings::create_meeting,
        meetings::update_meeting,
        meetings::delete_meeting,
        meetings::duplicate_meeting,
        agenda::list_agenda,
        agenda::add_agenda_item,
        agenda::update_agenda_item,
        agenda::delete_agenda_item,
        agenda::reorder_agenda,
        people::list_people,
        people::create_person,
        people::update_person,
        people::delete_person,
        people::list_participants,
        people::invite_people,
        people::add_participant,
        people::remove_participant,
        people::record_attendance,
        people::attendance_log,
        minutes::list_minutes,
        minutes::add_minutes_entry,
        minutes::update_minutes_entry,
        minutes::delete_minutes_entry,
        minutes::list_tasks,
        minutes::add_task,
        minutes::update_task,
        minutes::delete_task,
        documents::render_document,
        documents::save_document,
        documents::print_document,
        documents::save_invitations,
        documents::document_fields,
        documents::set_document_text,
        documents::reset_document_text,
        documents::get_font_settings,
        documents::set_document_font,
    ]
}
