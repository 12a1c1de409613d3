import { invoke, isTauri } from "@tauri-apps/api/core";
import type { Backend } from "./backend";
import type { Command } from "./commands";
import { toIpcError } from "./errors";

export { isTauri };

/** Fired on `window` when a command reports that the database file is gone. */
export const DATABASE_LOST_EVENT = "hoinghi:database-lost";

/** Only the shell's commands type-check here (`commands.ts` is generated from its list). */
async function call<T>(command: Command, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    const e = toIpcError(error);
    if (e.kind === "databaseLost") {
      window.dispatchEvent(new CustomEvent(DATABASE_LOST_EVENT, { detail: e.message }));
    }
    throw e;
  }
}

/**
 * A command that answers with raw bytes (`tauri::ipc::Response`) resolves to an
 * ArrayBuffer; be lenient in case a transport hands over a view or a plain array.
 */
export function toBytes(value: unknown): Uint8Array {
  // Tested by tag rather than `instanceof`, which fails across realms (iframes, jsdom).
  if (Object.prototype.toString.call(value) === "[object ArrayBuffer]") {
    return new Uint8Array(value as ArrayBuffer);
  }
  if (ArrayBuffer.isView(value)) {
    return new Uint8Array(value.buffer, value.byteOffset, value.byteLength);
  }
  if (Array.isArray(value)) return Uint8Array.from(value as number[]);
  throw toIpcError(`Unexpected document bytes: ${typeof value}`);
}

/** The real backend: each method is one Tauri command, arguments in camelCase. */
export class TauriBackend implements Backend {
  appInfo: Backend["appInfo"] = () => call("app_info");
  openProjector: Backend["openProjector"] = (meetingId) => call("open_projector", { meetingId });

  listOrganisations: Backend["listOrganisations"] = () => call("list_organisations");
  hiddenRegisterBodies: Backend["hiddenRegisterBodies"] = () => call("hidden_register_bodies");
  defaultOrganisation: Backend["defaultOrganisation"] = () => call("default_organisation");
  saveOrganisation: Backend["saveOrganisation"] = (input) => call("save_organisation", { input });
  deleteOrganisation: Backend["deleteOrganisation"] = (id) => call("delete_organisation", { id });
  getFontSettings: Backend["getFontSettings"] = () => call("get_font_settings");
  setDocumentFont: Backend["setDocumentFont"] = (font) => call("set_document_font", { font });
  getFormatSettings: Backend["getFormatSettings"] = () => call("get_format_settings");
  saveInvitations: Backend["saveInvitations"] = (meetingId, options) =>
    call("save_invitations", { meetingId, options });
  updateFormatSettings: Backend["updateFormatSettings"] = (input) =>
    call("update_format_settings", { input });

  listMeetings: Backend["listMeetings"] = () => call("list_meetings");
  deletedMeetings: Backend["deletedMeetings"] = () => call("deleted_meetings");
  restoreMeeting: Backend["restoreMeeting"] = (id) => call("restore_meeting", { id });
  closeMeeting: Backend["closeMeeting"] = (id) => call("close_meeting", { id });
  reopenMeeting: Backend["reopenMeeting"] = (id, reason) => call("reopen_meeting", { id, reason });
  meetingHistory: Backend["meetingHistory"] = (id) => call("meeting_history", { id });
  emptyTrash: Backend["emptyTrash"] = () => call("empty_trash");
  exportMeeting: Backend["exportMeeting"] = (id) => call("export_meeting", { id });
  importMeeting: Backend["importMeeting"] = () => call("import_meeting");
  sharingState: Backend["sharingState"] = (meetingId) => call("sharing_state", { meetingId });
  shareMeeting: Backend["shareMeeting"] = (meetingId) => call("share_meeting", { meetingId });
  inviteToMeeting: Backend["inviteToMeeting"] = (meetingId) =>
    call("invite_to_meeting", { meetingId });
  joinMeeting: Backend["joinMeeting"] = (code) => call("join_meeting", { code });
  setSyncLabel: Backend["setSyncLabel"] = (meetingId, label) =>
    call("set_sync_label", { meetingId, label });
  syncNow: Backend["syncNow"] = (meetingId) => call("sync_now", { meetingId });
  getMeeting: Backend["getMeeting"] = (id) => call("get_meeting", { id });
  createMeeting: Backend["createMeeting"] = (input) => call("create_meeting", { input });
  updateMeeting: Backend["updateMeeting"] = (id, seen, input) =>
    call("update_meeting", { id, seen, input });
  deleteMeeting: Backend["deleteMeeting"] = (id) => call("delete_meeting", { id });
  duplicateMeeting: Backend["duplicateMeeting"] = (id) => call("duplicate_meeting", { id });

  listAgenda: Backend["listAgenda"] = (meetingId) => call("list_agenda", { meetingId });
  addAgendaItem: Backend["addAgendaItem"] = (meetingId, input) =>
    call("add_agenda_item", { meetingId, input });
  updateAgendaItem: Backend["updateAgendaItem"] = (id, seen, input) =>
    call("update_agenda_item", { id, seen, input });
  deleteAgendaItem: Backend["deleteAgendaItem"] = (id) => call("delete_agenda_item", { id });
  startAgendaItem: Backend["startAgendaItem"] = (id, at) => call("start_agenda_item", { id, at });
  endAgendaItem: Backend["endAgendaItem"] = (id, at) => call("end_agenda_item", { id, at });
  reorderAgenda: Backend["reorderAgenda"] = (meetingId, orderedIds) =>
    call("reorder_agenda", { meetingId, orderedIds });

  listPeople: Backend["listPeople"] = (query) => call("list_people", { query });
  createPerson: Backend["createPerson"] = (input) => call("create_person", { input });
  updatePerson: Backend["updatePerson"] = (id, seen, input) =>
    call("update_person", { id, seen, input });
  deletePerson: Backend["deletePerson"] = (id) => call("delete_person", { id });

  listParticipants: Backend["listParticipants"] = (meetingId) =>
    call("list_participants", { meetingId });
  attendanceSummary: Backend["attendanceSummary"] = (meetingId) =>
    call("attendance_summary", { meetingId });
  chooseImportFile: Backend["chooseImportFile"] = (meetingId) =>
    call("choose_import_file", { meetingId });
  previewImport: Backend["previewImport"] = (meetingId, choices) =>
    call("preview_import", { meetingId, choices });
  applyImport: Backend["applyImport"] = (meetingId, choices) =>
    call("apply_import", { meetingId, choices });
  cancelImport: Backend["cancelImport"] = () => call("cancel_import");
  exportList: Backend["exportList"] = (meetingId) => call("export_list", { meetingId });
  copyParticipants: Backend["copyParticipants"] = (meetingId, from, sections) =>
    call("copy_participants", { meetingId, from, sections });
  attendanceBySection: Backend["attendanceBySection"] = (meetingId) =>
    call("attendance_by_section", { meetingId });
  invitePeople: Backend["invitePeople"] = (meetingId, personIds) =>
    call("invite_people", { meetingId, personIds });
  addParticipant: Backend["addParticipant"] = (meetingId, input) =>
    call("add_participant", { meetingId, input });
  removeParticipant: Backend["removeParticipant"] = (meetingId, personId) =>
    call("remove_participant", { meetingId, personId });
  setParticipantRole: Backend["setParticipantRole"] = (meetingId, personId, role) =>
    call("set_participant_role", { meetingId, personId, role });
  recordAttendance: Backend["recordAttendance"] = (meetingId, personId, kind, reason, at) =>
    call("record_attendance", { meetingId, personId, kind, reason, at });
  setSubstitute: Backend["setSubstitute"] = (meetingId, personId, name, title) =>
    call("set_substitute", { meetingId, personId, name, title });
  markSectionPresent: Backend["markSectionPresent"] = (meetingId, section, at) =>
    call("mark_section_present", { meetingId, section, at });
  searchParticipants: Backend["searchParticipants"] = (meetingId, query, limit) =>
    call("search_participants", { meetingId, query, limit });
  checkIn: Backend["checkIn"] = (meetingId, personId) => call("check_in", { meetingId, personId });
  checkInCode: Backend["checkInCode"] = (meetingId, code) =>
    call("check_in_code", { meetingId, code });
  attendanceLog: Backend["attendanceLog"] = (meetingId, personId) =>
    call("attendance_log", { meetingId, personId });

  listMinutes: Backend["listMinutes"] = (meetingId) => call("list_minutes", { meetingId });
  addMinutesEntry: Backend["addMinutesEntry"] = (meetingId, input) =>
    call("add_minutes_entry", { meetingId, input });
  updateMinutesEntry: Backend["updateMinutesEntry"] = (id, seen, input) =>
    call("update_minutes_entry", { id, seen, input });
  deleteMinutesEntry: Backend["deleteMinutesEntry"] = (id) => call("delete_minutes_entry", { id });

  listTasks: Backend["listTasks"] = (meetingId) => call("list_tasks", { meetingId });
  addTask: Backend["addTask"] = (meetingId, input) => call("add_task", { meetingId, input });
  updateTask: Backend["updateTask"] = (id, seen, input) => call("update_task", { id, seen, input });
  deleteTask: Backend["deleteTask"] = (id) => call("delete_task", { id });
  listVotes: Backend["listVotes"] = (meetingId) => call("list_votes", { meetingId });
  addVote: Backend["addVote"] = (meetingId, input) => call("add_vote", { meetingId, input });
  updateVote: Backend["updateVote"] = (id, seen, input) => call("update_vote", { id, seen, input });
  deleteVote: Backend["deleteVote"] = (id) => call("delete_vote", { id });

  renderDocument: Backend["renderDocument"] = async (meetingId, kind, options) =>
    toBytes(await call<unknown>("render_document", { meetingId, kind, options }));
  documentFileName: Backend["documentFileName"] = (meetingId, kind) =>
    call("document_file_name", { meetingId, kind });
  saveDocument: Backend["saveDocument"] = (meetingId, kind, options) =>
    call("save_document", { meetingId, kind, options });
  saveAllDocuments: Backend["saveAllDocuments"] = (meetingId, documents) =>
    call("save_all_documents", { meetingId, documents });
  printDocument: Backend["printDocument"] = (meetingId, kind, options) =>
    call("print_document", { meetingId, kind, options });

  documentFormat: Backend["documentFormat"] = (meetingId, kind, options) =>
    call("document_format", { meetingId, kind, options });
  documentFields: Backend["documentFields"] = (meetingId, kind, options) =>
    call("document_fields", { meetingId, kind, options });
  setDocumentText: Backend["setDocumentText"] = async (meetingId, kind, field, text) => {
    await call("set_document_text", { meetingId, kind, field, text });
  };
  resetDocumentText: Backend["resetDocumentText"] = async (meetingId, kind, field) => {
    await call("reset_document_text", { meetingId, kind, field });
  };

  documentNumbers: Backend["documentNumbers"] = (meetingId) =>
    call("document_numbers", { meetingId });
  issueDocumentNumber: Backend["issueDocumentNumber"] = (meetingId, kind, number, issuedOn) =>
    call("issue_document_number", { meetingId, kind, number, issuedOn });
  cancelDocumentNumber: Backend["cancelDocumentNumber"] = (meetingId, kind) =>
    call("cancel_document_number", { meetingId, kind });
  documentRegister: Backend["documentRegister"] = (organisationId) =>
    call("document_register", { organisationId });
  saveRegister: Backend["saveRegister"] = (organisationId) =>
    call("save_register", { organisationId });

  listBackups: Backend["listBackups"] = () => call("list_backups");
  backupNow: Backend["backupNow"] = () => call("backup_now");
  restoreBackup: Backend["restoreBackup"] = (name) => call("restore_backup", { name });
  saveRescueCopy: Backend["saveRescueCopy"] = () => call("save_rescue_copy");
  backupSettings: Backend["backupSettings"] = () => call("backup_settings");
  chooseBackupFolder: Backend["chooseBackupFolder"] = () => call("choose_backup_folder");
  clearBackupFolder: Backend["clearBackupFolder"] = () => call("clear_backup_folder");
}
