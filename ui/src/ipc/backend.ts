import type {
  AgendaItem,
  AgendaItemInput,
  AppInfo,
  AttendanceEvent,
  AttendanceEventKind,
  AttendanceSummary,
  BackupInfo,
  BackupSettings,
  CheckIn,
  DocumentField,
  DocumentFieldKey,
  DocumentFont,
  DocumentFormat,
  DocumentKind,
  DocumentNumber,
  DocumentOptions,
  FontSettings,
  FormatSettings,
  ImportChoices,
  ImportOutcome,
  ImportPreview,
  JoinedMeeting,
  Meeting,
  MeetingEvent,
  MeetingInput,
  MeetingSummary,
  MinutesEntry,
  MinutesInput,
  Organisation,
  Participant,
  ParticipantRole,
  Person,
  PersonInput,
  PortableImport,
  SavedFolder,
  SectionAttendance,
  SharingState,
  Task,
  TaskInput,
  Vote,
  VoteInput,
} from "./bindings";

/**
 * Everything the screens may ask of the app's core, one method per Tauri command.
 * Every method rejects with an `IpcError`. `TauriBackend` talks to Rust;
 * `FakeBackend` stores in memory for tests and browser previews, held to the
 * core's rules by the recorded contract scenarios (fake.contract.test.ts).
 */
export interface Backend {
  appInfo(): Promise<AppInfo>;
  /** Opens the hall screen's window for the meeting (or moves it to this meeting). */
  openProjector(meetingId: string): Promise<null>;

  /**
   * The issuing bodies (cơ quan ban hành) the office keeps, hidden ones left
   * out, by name in Vietnamese order.
   */
  listOrganisations(): Promise<Organisation[]>;
  /** Hidden bodies whose register holds numbers: it can still be printed. */
  hiddenRegisterBodies(): Promise<Organisation[]>;
  /**
   * The body a new meeting starts with: the one the most recently created
   * meeting (not a demo, not deleted) issues as, if that body is live; else the
   * body added last that no demo meeting uses; else null.
   */
  defaultOrganisation(): Promise<string | null>;
  /**
   * Adds a body (empty `id`) or saves an edit of one, which must start from
   * the stored version (`updatedAt`, else `conflict`; `notFound` for a body
   * that does not exist or is hidden). Answers the body as stored.
   */
  saveOrganisation(input: Organisation): Promise<Organisation>;
  /** Hides a body; refused (`invalid`) while a meeting that is not deleted issues as it. */
  deleteOrganisation(id: string): Promise<null>;
  /** The typeface documents are set in, and whether Times New Roman is installed. */
  getFontSettings(): Promise<FontSettings>;
  setDocumentFont(font: DocumentFont): Promise<FontSettings>;
  /**
   * One invitation file per invitee (the participants whose role is guest or
   * press), into a folder chosen in the native dialog; each file's outcome is
   * reported. Null when the secretary cancels.
   */
  saveInvitations(meetingId: string, options: DocumentOptions): Promise<SavedFolder | null>;
  /** Settings for the format rules the regulations leave uncertain. */
  getFormatSettings(): Promise<FormatSettings>;
  updateFormatSettings(input: FormatSettings): Promise<FormatSettings>;

  listMeetings(): Promise<MeetingSummary[]>;
  getMeeting(id: string): Promise<Meeting>;
  createMeeting(input: MeetingInput): Promise<Meeting>;
  updateMeeting(id: string, seen: string, input: MeetingInput): Promise<Meeting>;
  deleteMeeting(id: string): Promise<null>;
  duplicateMeeting(id: string): Promise<Meeting>;
  /** The trash: deleted meetings, most recently deleted first. */
  deletedMeetings(): Promise<MeetingSummary[]>;
  restoreMeeting(id: string): Promise<Meeting>;
  /** Ends the meeting and locks its list, attendance, agenda, minutes, votes and tasks. */
  closeMeeting(id: string): Promise<Meeting>;
  /** Unlocks a closed meeting; the reason is kept in its history. */
  reopenMeeting(id: string, reason: string): Promise<Meeting>;
  /** Every closing and reopening, oldest first. */
  meetingHistory(id: string): Promise<MeetingEvent[]>;
  /** Removes the trashed meetings for good, after a backup (null when the trash was empty). */
  emptyTrash(): Promise<BackupInfo | null>;
  /** Writes the meeting to a `.hoinghi` file the user picks; its name, or null if cancelled. */
  exportMeeting(id: string): Promise<string | null>;
  /** Merges the meeting in a `.hoinghi` file the user picks; null if cancelled. */
  importMeeting(): Promise<PortableImport | null>;

  /**
   * The meeting's team ("Làm việc nhóm"): whether it is shared, the pairing
   * code, what this laptop does and the other laptops it has met. `notFound`
   * for a meeting that does not exist or is deleted.
   */
  sharingState(meetingId: string): Promise<SharingState>;
  /**
   * Shares the meeting (this laptop starts listening) and issues a six-word
   * invitation; sharing it again keeps its code.
   */
  shareMeeting(meetingId: string): Promise<SharingState>;
  /**
   * A new six-word invitation into a shared meeting, good for 30 minutes (the
   * last one stops working): `conflict` if the meeting is not shared.
   */
  inviteToMeeting(meetingId: string): Promise<SharingState>;
  /**
   * Brings the meeting another laptop shares, from the pairing code or the
   * six-word invitation typed (spaces, case, hyphens and marks do not
   * matter), either with "@address" or without: `invalid` when the code is
   * malformed, `conflict` when that laptop refuses it.
   */
  joinMeeting(code: string): Promise<JoinedMeeting>;
  /**
   * What this laptop does in the team ("Cửa số 2", "Ghi biên bản"): one line,
   * trimmed, "" allowed; one for the laptop, not per meeting. Answers the
   * meeting's state with it.
   */
  setSyncLabel(meetingId: string, label: string): Promise<SharingState>;
  /** Exchanges the meeting's changes with every laptop known now, then answers its state. */
  syncNow(meetingId: string): Promise<SharingState>;

  /** The backups, newest first (also when the database could not be opened). */
  listBackups(): Promise<BackupInfo[]>;
  backupNow(): Promise<BackupInfo>;
  /**
   * Replaces the data with a backup. The current data is first backed up; that
   * backup is returned (null when there was no database to keep).
   */
  restoreBackup(name: string): Promise<BackupInfo | null>;
  /**
   * After the database file was lost while open: saves everything still open
   * to a file chosen in the native dialog. Resolves to its name; null when cancelled.
   */
  saveRescueCopy(): Promise<string | null>;
  backupSettings(): Promise<BackupSettings>;
  /** Asks for a second backup folder (a USB stick) in a dialog; null if cancelled. */
  chooseBackupFolder(): Promise<BackupSettings | null>;
  clearBackupFolder(): Promise<BackupSettings>;

  listAgenda(meetingId: string): Promise<AgendaItem[]>;
  addAgendaItem(meetingId: string, input: AgendaItemInput): Promise<AgendaItem[]>;
  updateAgendaItem(id: string, seen: string, input: AgendaItemInput): Promise<AgendaItem[]>;
  deleteAgendaItem(id: string): Promise<AgendaItem[]>;
  reorderAgenda(meetingId: string, orderedIds: string[]): Promise<AgendaItem[]>;
  /**
   * Marks an item as begun, now (`at` null) or at a local "YYYY-MM-DDTHH:MM";
   * an item still running ends at that moment. Answers the agenda, whose
   * `expectedStart`/`expectedEnd` push later items back when one runs late.
   */
  startAgendaItem(id: string, at: string | null): Promise<AgendaItem[]>;
  /** Marks a begun item as ended; `invalid` if it has not begun or `at` is before its start. */
  endAgendaItem(id: string, at: string | null): Promise<AgendaItem[]>;

  listPeople(query: string): Promise<Person[]>;
  createPerson(input: PersonInput): Promise<Person>;
  updatePerson(id: string, seen: string, input: PersonInput): Promise<Person>;
  deletePerson(id: string): Promise<null>;

  listParticipants(meetingId: string): Promise<Participant[]>;
  /** The attendance in numbers, as every screen and document counts it. */
  attendanceSummary(meetingId: string): Promise<AttendanceSummary>;
  /**
   * Asks for a delegate list file (native dialog), reads it and answers what
   * importing it would do with the columns as detected; null when cancelled.
   *
   * For these three, `meetingId` null means the person directory (danh bạ):
   * rows match every person of the directory (by check-in code, else name and
   * unit), new people are only added to it, nobody is invited to a meeting.
   */
  chooseImportFile(meetingId: string | null): Promise<ImportPreview | null>;
  /** What importing the picked file would do with these choices (first 500 rows shown); null meeting: into the directory. */
  previewImport(meetingId: string | null, choices: ImportChoices): Promise<ImportPreview>;
  /** Imports the picked file: every added or updated row, or none. Null meeting: into the directory only. */
  applyImport(meetingId: string | null, choices: ImportChoices): Promise<ImportOutcome>;
  /** Stops a preview under way and forgets the picked file. */
  cancelImport(): Promise<null>;
  /** Writes the list (with attendance) to an .xlsx file picked in a dialog; its name, or null. */
  exportList(meetingId: string): Promise<string | null>;
  /** Lists the people of an earlier meeting (chosen groups; none: all), without attendance. */
  copyParticipants(meetingId: string, from: string, sections: string[]): Promise<ImportOutcome>;
  /** The same numbers per group (thành phần), in list order. */
  attendanceBySection(meetingId: string): Promise<SectionAttendance[]>;
  invitePeople(meetingId: string, personIds: string[]): Promise<Participant[]>;
  addParticipant(meetingId: string, input: PersonInput): Promise<Participant[]>;
  removeParticipant(meetingId: string, personId: string): Promise<Participant[]>;
  /**
   * Says why a person is on the list (chủ trì, host body, guest, press,
   * staff); only guests and the press are sent a giấy mời. Answers the whole
   * list; rejects with `notFound` when the person is not on it.
   */
  setParticipantRole(
    meetingId: string,
    personId: string,
    role: ParticipantRole,
  ): Promise<Participant[]>;
  /** `at` is a local "YYYY-MM-DDTHH:MM"; null means now. */
  recordAttendance(
    meetingId: string,
    personId: string,
    kind: AttendanceEventKind,
    reason: string,
    at: string | null,
  ): Promise<Participant[]>;
  /**
   * Who attends in this delegate's place ("dự thay"), with their office; an
   * empty name clears both. The seat's arrival is recorded as the
   * invitee's own (`recordAttendance`). Answers the whole list.
   */
  setSubstitute(
    meetingId: string,
    personId: string,
    name: string,
    title: string,
  ): Promise<Participant[]>;
  /**
   * Marks everyone of one group (`person.section`; "" = no group) not yet
   * marked as arrived, at `at` (local "YYYY-MM-DDTHH:MM", e.g. typed from the
   * paper sign-in sheet) or now when null. Anyone already marked (present,
   * late, absent…) is left alone. Answers the whole list.
   */
  markSectionPresent(meetingId: string, section: string, at: string | null): Promise<Participant[]>;
  /**
   * The door's search: people on the list that `query` finds, best first, at
   * most `limit` (see `crates/core/src/search.rs` for the rules). People
   * already checked in are found too, with their state.
   */
  searchParticipants(meetingId: string, query: string, limit: number): Promise<Participant[]>;
  /**
   * Checks one person in now. Answers only that person and the meeting's
   * numbers; `already` is true (and nothing is recorded) if they had checked
   * in before. Rejects with `notFound` when they are not on the list.
   */
  checkIn(meetingId: string, personId: string): Promise<CheckIn>;
  /**
   * Checks in the person with this code ("HN-0042", "hn0042" alike);
   * rejects with `invalid`, naming the code, when no one on the list has it.
   */
  checkInCode(meetingId: string, code: string): Promise<CheckIn>;
  attendanceLog(meetingId: string, personId: string): Promise<AttendanceEvent[]>;

  listMinutes(meetingId: string): Promise<MinutesEntry[]>;
  addMinutesEntry(meetingId: string, input: MinutesInput): Promise<MinutesEntry>;
  updateMinutesEntry(id: string, seen: string, input: MinutesInput): Promise<MinutesEntry>;
  deleteMinutesEntry(id: string): Promise<null>;

  listTasks(meetingId: string): Promise<Task[]>;
  addTask(meetingId: string, input: TaskInput): Promise<Task>;
  updateTask(id: string, seen: string, input: TaskInput): Promise<Task>;
  deleteTask(id: string): Promise<null>;

  /** The meeting's votes (biểu quyết), in the order they were taken. */
  listVotes(meetingId: string): Promise<Vote[]>;
  /**
   * Records a vote. `invalid` (naming the numbers) unless tán thành, không tán
   * thành and không biểu quyết add up to `present` (> 0); the question is
   * required; an agenda item of another meeting is `invalid`.
   */
  addVote(meetingId: string, input: VoteInput): Promise<Vote>;
  updateVote(id: string, seen: string, input: VoteInput): Promise<Vote>;
  deleteVote(id: string): Promise<null>;

  /** The document as PDF bytes, for the preview. */
  renderDocument(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): Promise<Uint8Array>;
  /** The name a document is saved under by default ("bien-ban-2022-10-06.pdf"). */
  documentFileName(meetingId: string, kind: DocumentKind): Promise<string>;
  /**
   * Asks where to save in the native dialog (offering the usual name), then
   * writes the PDF. Resolves to the chosen file's name; null when cancelled.
   */
  saveDocument(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): Promise<string | null>;
  /**
   * Asks for a folder in the native dialog, then writes each document, with
   * its own options, into it under its usual name; one failing does not stop
   * the others. Resolves to null when the secretary cancels.
   */
  saveAllDocuments(
    meetingId: string,
    documents: [DocumentKind, DocumentOptions][],
  ): Promise<SavedFolder | null>;
  /**
   * Writes the document to a temporary PDF and opens it in the system's PDF
   * viewer, from which the secretary prints; resolves to that file's name.
   */
  printDocument(meetingId: string, kind: DocumentKind, options: DocumentOptions): Promise<string>;

  /**
   * The format profile and date the document comes out with for these options:
   * the chosen profile, or (when `options.profile` is null, then `byDate` is
   * true) the one the organisation's kind prescribes on the document's date
   * (a Party document dated from 27/5/2026 follows HD05, an earlier one HD36).
   * `issuedOn` is the chosen date or the usual one for the document. Rejects
   * with `invalid` when `options.issuedOn` is not a date.
   */
  documentFormat(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): Promise<DocumentFormat>;

  /**
   * The wording of one document that the secretary may change (trích yếu,
   * opening, Nơi nhận…): each field's current text, the text generated from
   * the meeting, and whether it was edited. Depends on the options as the
   * document does.
   */
  documentFields(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): Promise<DocumentField[]>;
  /** Keeps the secretary's text for one field of one document, replacing an earlier edit. */
  setDocumentText(
    meetingId: string,
    kind: DocumentKind,
    field: DocumentFieldKey,
    text: string,
  ): Promise<void>;
  /** Goes back to the generated text; rejects with `notFound` when the field was not edited. */
  resetDocumentText(meetingId: string, kind: DocumentKind, field: DocumentFieldKey): Promise<void>;

  /**
   * The numbers of the meeting's documents in the register of outgoing
   * documents (sổ văn bản đi), cancelled ones left out.
   */
  documentNumbers(meetingId: string): Promise<DocumentNumber[]>;
  /**
   * Gives a document its số and ngày ban hành (`issuedOn`, "YYYY-MM-DD"):
   * `number`, or (null) the one it has in the same series, or the next in the
   * series. A number another document of the series has is refused
   * (`invalid`), as is the danh sách, which carries the giấy mời's or the
   * biên bản's. When the document's number changes, the old one stays in the
   * register, cancelled, and is never given again.
   */
  issueDocumentNumber(
    meetingId: string,
    kind: DocumentKind,
    number: number | null,
    issuedOn: string,
  ): Promise<DocumentNumber>;
  /** Takes a document's number back (kept as cancelled); nothing happens when it has none. */
  cancelDocumentNumber(meetingId: string, kind: DocumentKind): Promise<null>;
  /** The register of one issuing body, by date, then series and number. */
  documentRegister(organisationId: string): Promise<DocumentNumber[]>;
  /**
   * Asks where to save in the native dialog, then writes the register of one
   * issuing body as a PDF. Resolves to the chosen file's name; null when cancelled.
   */
  saveRegister(organisationId: string): Promise<string | null>;
}
