// Generated from crates/core/src/model.rs by `cargo xtask bindings`. Do not edit.

export type FormatProfile = "nd30" | "hd36" | "hd05";

export type OrganisationKind = "state" | "party";

export type MeetingStatus = "draft" | "inSession" | "closed";

export type MeetingEventKind = "closed" | "reopened";

export type MeetingKind = "giaoBan" | "soKet" | "tongKet" | "chuyenDe" | "other";

export type AttendanceEventKind = "invited" | "arrived" | "left" | "absent" | "cleared";

export type AttendanceState = "invited" | "present" | "late" | "left" | "absentExcused" | "absent";

export type MinutesKind = "report" | "speech" | "opinion" | "conclusion" | "note";

export type ParticipantRole = "chair" | "host" | "guest" | "press" | "staff";

export type ToneMarks = "first-vowel" | "main-vowel";

export type ListForm = "delegates" | "sign-in" | "attendance";

export type InvitationForm = "generic" | "per-person";

export type DocumentKind = "giay-moi" | "chuong-trinh" | "danh-sach" | "bien-ban" | "thong-bao" | "bao-cao";

export type DocumentFieldKey = "subject" | "title" | "basis" | "invitation" | "invitation_all" | "confirmation" | "opening" | "lead" | "discussion" | "attendance" | "closing" | "recipients" | "signer_authority" | "signer_title" | "signer_name" | "issued_on" | "drafter";

export type DocumentOptions = { 
/**
 * None: the format in force for the organisation on the document's date.
 */
profile: FormatProfile | null, 
/**
 * The number in số/ký hiệu; none leaves a blank to fill in by hand.
 */
number: number | null, 
/**
 * "YYYY-MM-DD"; none uses the usual date for the document.
 */
issuedOn: string | null, 
/**
 * Danh sách: which of its forms.
 */
list: ListForm, 
/**
 * Giấy mời: one generic invitation with its list, or one per invitee.
 */
invitation: InvitationForm, };

export type DocumentFormat = { profile: FormatProfile, 
/**
 * "YYYY-MM-DD": the date chosen, or the usual one for the document.
 */
issuedOn: string, 
/**
 * The profile follows from the organisation and the date (not chosen).
 */
byDate: boolean, 
/**
 * The date was not in the request but kept for the document: the
 * register's, or the one saved before a number was given.
 */
dateKept: boolean, };

export type DocumentField = { key: DocumentFieldKey, 
/**
 * The text the document uses now: the secretary's edit, or the generated one.
 */
text: string, 
/**
 * The text generated from the meeting, to compare or go back to.
 */
generated: string, edited: boolean, 
/**
 * One item per line (e.g. "Nơi nhận").
 */
multiline: boolean, };

export type DocumentFont = "liberationSerif" | "timesNewRoman";

export type FontSettings = { font: DocumentFont, timesNewRomanAvailable: boolean, };

export type ListOrder = "rank" | "givenName" | "unit";

export type FormatSettings = { 
/**
 * How HD36 texts end: "./." (seen in real Party texts) or "." (what HD05,
 * which replaces HD36 from 27/5/2026, prescribes; HD05 texts always end ".").
 */
partyEnding: string, 
/**
 * The type abbreviation of a Party invitation ("GM" is usual but unconfirmed).
 */
partyInvitationAbbreviation: string, 
/**
 * Font size of tables (chương trình, danh sách) in NĐ30 documents.
 */
stateTableFontSize: number, 
/**
 * Font size of tables in Party (HD36, HD05) documents.
 */
partyTableFontSize: number, 
/**
 * Where NĐ30 documents put the tone mark in "oa", "oe", "uy" ("HÒA", "ỦY").
 */
stateToneMarks: ToneMarks, 
/**
 * Where Party documents put it ("HOÀ", "UỶ" in most of the guides' examples).
 */
partyToneMarks: ToneMarks, 
/**
 * The order of people on screen and in printed lists.
 */
listOrder: ListOrder, };

export type Organisation = { 
/**
 * Empty for a body not saved yet.
 */
id: string, 
/**
 * Tên cơ quan chủ quản (the body above the issuer), e.g. "THÀNH UỶ HÀ NỘI"
 * above "BAN TUYÊN GIÁO" (docs/format-rules.md, "Header block").
 */
parentName: string, 
/**
 * Tên cơ quan ban hành, e.g. "BAN TUYÊN GIÁO THÀNH UỶ".
 */
name: string, 
/**
 * The name as a sentence writes it, e.g. "Ban Tuyên giáo Thành uỷ Hà Nội".
 */
fullName: string, 
/**
 * Used in số/ký hiệu, e.g. "BTGTU".
 */
abbreviation: string, 
/**
 * Place name for the date line, e.g. "Hà Nội".
 */
placeName: string, 
/**
 * A Party or a state body; the format of each document follows from it.
 */
kind: OrganisationKind, 
/**
 * No head is appointed and a deputy is in charge: from HD05 on, the deputy
 * signs under his own title without "K/T".
 */
headVacant: boolean, signerName: string, signerTitle: string, 
/**
 * The authority line above the signer's title, e.g. "KT. TRƯỞNG BAN",
 * "TM. ỦY BAN NHÂN DÂN" or "T/M BAN THƯỜNG VỤ"; empty when the head signs
 * in person. Documents spell the prefix as their profile wants (TM./T/M).
 */
signingPrefix: string, timeZone: string, 
/**
 * The header exactly as the body issues it, one line per line
 * ("THÀNH UỶ HÀ NỘI" / "BAN TUYÊN GIÁO VÀ DÂN VẬN" / "*"); empty: built
 * from `parent_name` and `name`.
 */
headerLines: string, 
/**
 * The body above it as "Nơi nhận" names it, sent reports and conclusions
 * "(để báo cáo)": "Thường trực Thành uỷ", "UBND Thành phố". Empty: a
 * Party department's is derived from its parent; a state body has none.
 */
superior: string, 
/**
 * Address, phone, e-mail, printed under a rule across the text area: at
 * the foot of page 1 (NĐ30, HD36) or after the signature (HD05 ô 13) of
 * a giấy mời, thông báo or báo cáo. Empty: no contact block.
 */
contact: string, 
/**
 * A Party body: "YYYY-MM-DD", when its committee's current term began
 * (its congress closed, or its appointment took effect); its documents
 * are numbered per type from then. Empty: one run per type, never
 * restarted. Always empty for a state body (numbered per calendar year).
 */
termStart: string, 
/**
 * The version an edit started from (empty for a new body).
 */
updatedAt: string, };

export type Meeting = { id: string, title: string, kind: MeetingKind, startsAt: string, endsAt: string, venue: string, chairName: string, chairTitle: string, secretaryName: string, secretaryTitle: string, 
/**
 * The body that issues the meeting's documents; `None` until one is chosen.
 */
organisationId: string | null, 
/**
 * Who signs the meeting's documents when not the body's usual signer
 * (empty: the body's).
 */
signerName: string, signerTitle: string, signingPrefix: string, notes: string, status: MeetingStatus, 
/**
 * The time zone its times are in: its body's (or Việt Nam's). Screens
 * show "now" in it, whatever the computer's own zone.
 */
timeZone: string, isDemo: boolean, createdAt: string, updatedAt: string, };

export type MeetingEvent = { id: string, meetingId: string, kind: MeetingEventKind, 
/**
 * Why it was reopened (empty for a closing).
 */
reason: string, 
/**
 * When (UTC, RFC 3339).
 */
at: string, 
/**
 * The installation that did it.
 */
deviceId: string, };

export type MeetingInput = { title: string, kind: MeetingKind, startsAt: string, endsAt: string, venue: string, chairName: string, chairTitle: string, secretaryName: string, secretaryTitle: string, 
/**
 * The body that issues the meeting's documents; `None` until one is chosen.
 */
organisationId: string | null, 
/**
 * Who signs the meeting's documents when not the body's usual signer
 * (empty: the body's).
 */
signerName: string, signerTitle: string, signingPrefix: string, notes: string, status: MeetingStatus, };

export type MeetingSummary = { meeting: Meeting, agendaCount: number, participantCount: number, };

export type AgendaItem = { id: string, meetingId: string, position: number, 
/**
 * A pinned start ("13:30" after lunch); otherwise the item follows the previous one.
 */
fixedStart: string | null, durationMinutes: number, 
/**
 * Computed from the meeting start, fixed starts and durations ("HH:MM").
 */
startTime: string, endTime: string, 
/**
 * The item ends after midnight of the meeting's first day (its times wrap
 * around); the agenda shows a warning.
 */
pastMidnight: boolean, 
/**
 * When the item actually began and ended, as the secretary marked it
 * during the meeting (local "YYYY-MM-DDTHH:MM"; null: not yet).
 */
startedAt: string | null, endedAt: string | null, 
/**
 * The times this item is now expected at ("HH:MM"): its actual times
 * once marked, and for items still to come the planned ones pushed back
 * by any item that ran late (never earlier than a pinned start).
 */
expectedStart: string, expectedEnd: string, title: string, presenter: string, notes: string, updatedAt: string, };

export type AgendaItemInput = { title: string, presenter: string, durationMinutes: number, fixedStart: string | null, notes: string, };

export type Person = { id: string, fullName: string, 
/**
 * Chức vụ.
 */
positionTitle: string, 
/**
 * Đơn vị.
 */
unit: string, 
/**
 * The group this person is listed under ("Lãnh đạo Ban", "Báo chí"…).
 */
section: string, 
/**
 * Precedence within the list: lower comes first.
 */
rank: number, phone: string, email: string, 
/**
 * A short stable code (8 characters, Crockford base32) to find the person
 * by at the door. Not printed on documents yet.
 */
checkinCode: string, isDemo: boolean, 
/**
 * When it was last saved: an edit passes it back, so one made on an
 * out-of-date copy is refused (the same on every edited record).
 */
updatedAt: string, };

export type PersonInput = { fullName: string, positionTitle: string, unit: string, section: string, rank: number, phone: string, email: string, };

export type Participant = { person: Person, 
/**
 * Why this person is on the list; only guests and the press get a giấy mời.
 */
role: ParticipantRole, state: AttendanceState, arrivedAt: string | null, leftAt: string | null, absenceReason: string, 
/**
 * "Dự thay": who attended in this person's place (empty: they came
 * themselves, or nobody did), and their office.
 */
substituteName: string, substituteTitle: string, };

export type AttendanceSummary = { 
/**
 * Everyone on the list but the staff.
 */
invited: number, 
/**
 * Came (on time, late, or left early): "có mặt".
 */
attended: number, 
/**
 * Of those who came: arrived after the start.
 */
late: number, 
/**
 * Of those who came: left before the end.
 */
left: number, 
/**
 * Vắng có lý do.
 */
absentExcused: number, 
/**
 * Vắng không có lý do.
 */
absent: number, 
/**
 * Not marked yet ("chưa đến").
 */
pending: number, };

export type SectionAttendance = { 
/**
 * The group as written on people (`Person::section`); empty: no group.
 */
section: string, summary: AttendanceSummary, };

export type CheckIn = { participant: Participant, 
/**
 * They had checked in before: nothing was recorded, their arrival
 * time stands.
 */
already: boolean, summary: AttendanceSummary, };

export type ImportField = "ordinal" | "fullName" | "familyName" | "givenName" | "title" | "unit" | "code" | "phone" | "email" | "section" | "ignore";

export type ImportAction = "add" | "update" | "unchanged" | "skip";

export type ImportColumn = { header: string, field: ImportField, 
/**
 * The legacy font encoding its text was converted from ("" when none).
 */
convertedFrom: string, 
/**
 * A few cells before → after conversion.
 */
examples: Array<[string, string]>, };

export type ImportProblem = { 
/**
 * The row's number in the sheet (as the spreadsheet shows it).
 */
row: number, field: ImportField, message: string, blocking: boolean, };

export type ImportRowPlan = { row: number, person: PersonInput, code: string, action: ImportAction, 
/**
 * For an update: what changes ("Chức vụ: Phó Trưởng phòng → Trưởng phòng").
 */
changes: Array<string>, };

export type ImportPreview = { 
/**
 * "xlsx", "xls", "ods" or "csv".
 */
format: string, 
/**
 * How a text file was encoded ("UTF-8", "UTF-16 LE", "Windows-1258"…);
 * empty for a spreadsheet.
 */
encoding: string, sheets: Array<string>, sheet: string, 
/**
 * The row holding the column headers (1-based; 0: none found).
 */
headerRow: number, columns: Array<ImportColumn>, 
/**
 * The first rows of the sheet as they are, for the wizard to show.
 */
firstRows: Array<Array<string>>, 
/**
 * Every data row (the UI shows the first few hundred).
 */
rows: Array<ImportRowPlan>, problems: Array<ImportProblem>, added: number, updated: number, unchanged: number, skipped: number, };

export type ImportChoices = { sheet: string | null, 
/**
 * 1-based.
 */
headerRow: number | null, 
/**
 * One field per column, in the file's order.
 */
fields: Array<ImportField> | null, 
/**
 * The group (thành phần) for rows that name none.
 */
section: string | null, 
/**
 * Rows (sheet numbers) the secretary chose not to import.
 */
skipRows: Array<number>, 
/**
 * Values typed in the wizard in place of the file's, the last for a
 * cell winning; the file itself is never changed.
 */
fixes: Array<ImportFix>, };

export type ImportFix = { row: number, field: ImportField, value: string, };

export type ImportOutcome = { added: number, updated: number, unchanged: number, skipped: number, };

export type AttendanceEvent = { id: string, meetingId: string, personId: string, kind: AttendanceEventKind, 
/**
 * Local wall-clock time of what happened.
 */
at: string, reason: string, createdAt: string, deviceId: string, };

export type MinutesEntry = { id: string, meetingId: string, agendaItemId: string | null, speakerName: string, speakerTitle: string, 
/**
 * "HH:MM", when it was said.
 */
spokenAt: string | null, kind: MinutesKind, text: string, createdAt: string, updatedAt: string, };

export type MinutesInput = { agendaItemId: string | null, speakerName: string, speakerTitle: string, spokenAt: string | null, kind: MinutesKind, text: string, };

export type Task = { id: string, meetingId: string, position: number, text: string, 
/**
 * The unit or person who must carry it out.
 */
assignee: string, 
/**
 * "YYYY-MM-DD".
 */
deadline: string | null, updatedAt: string, };

export type TaskInput = { text: string, assignee: string, deadline: string | null, };

export type Vote = { id: string, meetingId: string, agendaItemId: string | null, question: string, 
/**
 * How many delegates were present when it was taken.
 */
present: number, 
/**
 * Tán thành, không tán thành, không biểu quyết: they add up to `present`.
 */
inFavour: number, against: number, abstained: number, 
/**
 * The result as announced ("Hội nghị thống nhất thông qua…"); may be empty.
 */
result: string, updatedAt: string, };

export type VoteInput = { agendaItemId: string | null, question: string, present: number, inFavour: number, against: number, abstained: number, result: string, };

export type DocumentNumber = { id: string, meetingId: string, kind: DocumentKind, 
/**
 * The run the number belongs to: "2022" (a state body's year) or "GM",
 * "GM từ 2025-10-18" (a Party body's type, within a term).
 */
series: string, number: number, 
/**
 * "YYYY-MM-DD".
 */
issuedOn: string, 
/**
 * Số and ký hiệu as printed: "45/GM-BTGTU" or "45-GM/BTGTU".
 */
symbol: string, 
/**
 * Tên loại and trích yếu: "Giấy mời – Hội nghị giao ban …".
 */
summary: string, signer: string, 
/**
 * The body whose register it is in.
 */
organisationId: string, };

export type SavedDocument = { kind: DocumentKind, path: string, error: IpcError | null, };

export type SavedFolder = { folder: string, documents: Array<SavedDocument>, };

export type BackupReason = "auto" | "close" | "migration" | "manual" | "beforeRestore" | "beforeEmptyTrash";

export type BackupInfo = { 
/**
 * The file name in the backup folder; the only handle the UI gets.
 */
name: string, 
/**
 * When it was made (UTC, RFC 3339).
 */
takenAt: string, reason: BackupReason, sizeKb: number, 
/**
 * Meetings in it (not counting the trash); `None` if it cannot be read.
 */
meetings: number | null, };

export type BackupSettings = { 
/**
 * Every backup is also copied here; `None` when not chosen.
 */
extraFolder: string | null, 
/**
 * Why the last copy there failed (the stick was not plugged in, say).
 */
extraError: string | null, };

export type PortableImport = { meetingId: string, title: string, 
/**
 * Rows this machine did not have (the meeting, people, agenda items, events…).
 */
added: number, 
/**
 * Rows replaced by the file's newer version.
 */
updated: number, 
/**
 * The meeting is in this machine's trash (deleted here after it was exported).
 */
inTrash: boolean, 
/**
 * The meeting's issuing body, by name, when it was new to this machine
 * and was added to its bodies (Settings then lists it).
 */
organisationAdded: string | null, };

export type SharingState = { meetingId: string, shared: boolean, 
/**
 * What another laptop types to join: the secret and where to find this
 * laptop (`SECRET@ip:port`, several addresses separated by commas);
 * empty when the meeting is not shared.
 */
pairingCode: string, 
/**
 * The six-word invitation another laptop can type instead of the
 * secret ("" when none is good now), and when it lapses (UTC, ISO 8601).
 */
invitation: string, invitationExpiresAt: string, 
/**
 * The addresses this laptop listens on for its team ("" when it does not).
 */
listening: string, 
/**
 * What this laptop does in the team (cửa số 2, ghi biên bản…), shown to the others.
 */
label: string, peers: Array<SyncPeer>, };

export type SyncPeer = { 
/**
 * Its copy's id.
 */
replica: string, label: string, address: string, 
/**
 * When the last exchange with it worked (UTC, ISO 8601); "" never.
 */
lastSeen: string, 
/**
 * The last exchange worked within the last 15 seconds.
 */
connected: boolean, 
/**
 * Why the last attempt failed, in plain words ("" when it worked).
 */
lastError: string, 
/**
 * Changes merged here from it, and there from here, in the last exchange.
 */
received: number, sent: number, 
/**
 * Changes made or merged here since it last took this laptop's: how far
 * behind it is (0: in step as far as this laptop knows).
 */
behind: number, };

export type JoinedMeeting = { meetingId: string, title: string, received: number, };

export type ErrorKind = "invalid" | "notFound" | "conflict" | "meetingClosed" | "newerDatabase" | "notHoiNghi" | "inUse" | "databaseLost" | "diskFull" | "storage" | "io" | "missingGlyphs" | "font" | "pdf" | "internal" | "unknown";

export type IpcError = { kind: ErrorKind, message: string, };

export type AppInfo = { version: string, databasePath: string, 
/**
 * The folder that holds the automatic backups.
 */
backupPath: string, schemaVersion: number, };

export const DOCUMENT_KINDS: readonly DocumentKind[] = ["giay-moi", "chuong-trinh", "danh-sach", "bien-ban", "thong-bao", "bao-cao"];

export const DOCUMENT_FIELD_KEYS: readonly DocumentFieldKey[] = ["subject", "title", "basis", "invitation", "invitation_all", "confirmation", "opening", "lead", "discussion", "attendance", "closing", "recipients", "signer_authority", "signer_title", "signer_name", "issued_on", "drafter"];

export const ERROR_KINDS: readonly ErrorKind[] = ["invalid", "notFound", "conflict", "meetingClosed", "newerDatabase", "notHoiNghi", "inUse", "databaseLost", "diskFull", "storage", "io", "missingGlyphs", "font", "pdf", "internal", "unknown"];

export const LIST_ORDERS: readonly ListOrder[] = ["rank", "givenName", "unit"];

export const AUTHORITY_PREFIXES: Record<OrganisationKind, readonly string[]> = { "state": ["TM.", "KT.", "TL."], "party": ["T/M", "K/T", "T/L"] };

export const TABLE_FONT_SIZES: Record<FormatProfile, readonly number[]> = { "nd30": [12, 13, 14], "hd36": [13, 14, 15], "hd05": [13, 14, 15] };
