// The one list of the app's IPC commands, as `area::command`. It is included
// (not imported) by `build.rs`, which makes an `allow-<name>` permission of
// each, and by `commands/mod.rs`, which registers the handlers; the tests there
// check that the window's capability grants exactly these and that
// `ui/src/ipc/commands.ts` lists them for the UI. Adding a command: see
// ARCHITECTURE.md, "Adding a command".
macro_rules! with_commands {
    ($then:ident) => {
        $then! {
            app::app_info,
            organisation::list_organisations,
            organisation::default_organisation,
            organisation::save_organisation,
            organisation::delete_organisation,
            organisation::get_format_settings,
            organisation::update_format_settings,
            meetings::list_meetings,
            meetings::get_meeting,
            meetings::create_meeting,
            meetings::update_meeting,
            meetings::delete_meeting,
            meetings::duplicate_meeting,
            meetings::deleted_meetings,
            meetings::restore_meeting,
            meetings::empty_trash,
            meetings::export_meeting,
            meetings::import_meeting,
            agenda::list_agenda,
            agenda::add_agenda_item,
            agenda::update_agenda_item,
            agenda::delete_agenda_item,
            agenda::reorder_agenda,
            agenda::start_agenda_item,
            agenda::end_agenda_item,
            people::list_people,
            people::create_person,
            people::update_person,
            people::delete_person,
            people::list_participants,
            people::attendance_summary,
            people::invite_people,
            people::add_participant,
            people::remove_participant,
            people::set_participant_role,
            people::record_attendance,
            people::set_substitute,
            people::mark_section_present,
            people::search_participants,
            people::check_in,
            people::check_in_code,
            people::attendance_log,
            minutes::list_minutes,
            minutes::add_minutes_entry,
            minutes::update_minutes_entry,
            minutes::delete_minutes_entry,
            minutes::list_tasks,
            minutes::add_task,
            minutes::update_task,
            minutes::delete_task,
            minutes::list_votes,
            minutes::add_vote,
            minutes::update_vote,
            minutes::delete_vote,
            documents::render_document,
            documents::document_file_name,
            documents::save_document,
            documents::save_all_documents,
            documents::print_document,
            documents::save_invitations,
            documents::document_format,
            documents::document_fields,
            documents::set_document_text,
            documents::reset_document_text,
            documents::document_numbers,
            documents::issue_document_number,
            documents::cancel_document_number,
            documents::document_register,
            documents::save_register,
            documents::get_font_settings,
            documents::set_document_font,
            backups::list_backups,
            backups::backup_now,
            backups::restore_backup,
            backups::save_rescue_copy,
            backups::backup_settings,
            backups::choose_backup_folder,
            backups::clear_backup_folder,
        }
    };
}

/// The names alone, for permissions and the UI's list.
macro_rules! command_names {
    ($($area:ident :: $name:ident),+ $(,)?) => {
        &[$(stringify!($name)),+]
    };
}
