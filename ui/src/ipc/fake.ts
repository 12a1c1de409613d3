import PAIRING_WORDS from "../../../assets/text/pairing-words.txt?raw";
import PICKED_LIST from "../../../tests/contract/picked-list.csv?raw";
import { fold } from "../text";
import type { Backend } from "./backend";
import type {
  AgendaItem,
  AgendaItemInput,
  AppInfo,
  AttendanceEvent,
  AttendanceEventKind,
  AttendanceSummary,
  BackupInfo,
  BackupReason,
  BackupSettings,
  CheckIn,
  DocumentField,
  DocumentFieldKey,
  DocumentFont,
  DocumentFormat,
  DocumentKind,
  DocumentNumber,
  DocumentOptions,
  ErrorKind,
  FontSettings,
  FormatProfile,
  FormatSettings,
  ImportChoices,
  ImportOutcome,
  ImportPreview,
  JoinedMeeting,
  ListOrder,
  Meeting,
  MeetingEvent,
  MeetingEventKind,
  MeetingInput,
  MeetingSummary,
  MinutesEntry,
  MinutesInput,
  Organisation,
  OrganisationKind,
  Participant,
  ParticipantRole,
  Person,
  PersonInput,
  PortableImport,
  SavedDocument,
  SavedFolder,
  SectionAttendance,
  SharingState,
  Task,
  TaskInput,
  ToneMarks,
  Vote,
  VoteInput,
} from "./bindings";
import { LIST_ORDERS, TABLE_FONT_SIZES } from "./bindings";
import { ipcError, toIpcError } from "./errors";
import {
  type ImportPlan,
  ImportRefusal,
  NO_NAME_COLUMN,
  type PickedFile,
  planImport,
  readCsv,
} from "./fakeImport";
import { samplePdf } from "./fakePdf";
import { DETECTED_CHOICES } from "./importChoices";

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
/** The years the core takes as plausible in a date (`clock::YEARS`). */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the fake's documents are called, for the text on its sample page. */
const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  "giay-moi": "Giấy mời",
  "chuong-trinh": "Chương trình",
  "danh-sach": "Danh sách đại biểu",
  "bien-ban": "Biên bản",
  "thong-bao": "Thông báo kết luận",
  "bao-cao": "Báo cáo",
};

/** The abbreviation of each type in số/ký hiệu (the core's `DocumentKind::type_abbreviation`). */
const TYPE_ABBREVIATIONS: Record<DocumentKind, string> = {
  "giay-moi": "GM",
  "chuong-trinh": "CTr",
  "danh-sach": "DS",
  "bien-ban": "BB",
  "thong-bao": "TB",
  "bao-cao": "BC",
};

/** Stands in for "the font has no glyph for this": emoji and other pictographs. */
const NO_GLYPH = /\p{Extended_Pictographic}/gu;

/** The path `printDocument` pretends to have written and opened. */
export const FAKE_PRINT_PATH = "/tmp/hoinghi-preview.pdf";

/** Longest single-line field the core accepts (`text::MAX_LINE`). */
const MAX_LINE = 500;

/** The letters of a pairing secret: Crockford's base32 (the core's `new_secret`). */
const SECRET_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/** How many letters a pairing secret has (128 bits). */
const SECRET_LENGTH = 26;

const PAIRING_MALFORMED =
  "Mã ghép nối không đúng dạng. Hãy nhập mã mời 6 chữ (ví dụ: hoa mai song sao vang tre) hoặc mã đầy đủ XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XX@địa-chỉ:cổng, như hiện trên máy chủ trì.";
const PAIRING_REFUSED =
  "Máy kia không nhận mã ghép nối này: mã sai, mã mời 6 chữ đã hết hạn, hoặc hội nghị chưa được chia sẻ trên máy đó. Không có gì được gửi hay nhận. Hãy kiểm tra lại mã trên máy chủ trì.";
const NOT_SHARED = "Hội nghị này chưa được dùng chung; hãy bấm “Dùng chung hội nghị này” trước.";

/** The words of a six-word invitation (the core's `invite.rs` reads the same file). */
const INVITATION_WORDS = PAIRING_WORDS.split("\n")
  .map((l) => l.trim())
  .filter((l) => l && !l.startsWith("#"));
/** How long an invitation can be used (the core's `invite::LIFETIME`). */
const INVITATION_MS = 30 * 60 * 1000;

/** Six words of an invitation as typed (any case, with or without marks), or null. */
function invitationWords(text: string): string | null {
  const words = text
    .split(/[\s,-]+/)
    .filter((w) => w)
    .map(fold);
  return words.length === 6 && words.every((w) => INVITATION_WORDS.includes(w))
    ? words.join(" ")
    : null;
}

/** Six random words of the list. */
function newInvitation(): string {
  const picks = crypto.getRandomValues(new Uint32Array(6));
  return [...picks].map((n) => INVITATION_WORDS[n % INVITATION_WORDS.length]).join(" ");
}

/** A new random pairing secret, 26 letters of `SECRET_ALPHABET`. */
function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SECRET_LENGTH));
  return [...bytes].map((b) => SECRET_ALPHABET[b % 32]).join("");
}

/** The secret grouped by four for reading aloud (the core's `pairing_code` without addresses). */
function groupSecret(secret: string): string {
  return (secret.match(/.{1,4}/g) ?? []).join("-");
}

/** Rust's `SocketAddr` as the core parses it: an IPv4 or [IPv6] address and a port 1–65535. */
function isSocketAddress(text: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3}):(\d{1,5})$/.exec(text);
  const v6 = /^\[[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(%\w+)?\]:(\d{1,5})$/.exec(text);
  const port = Number((v4 ?? v6)?.at(-1));
  if (!(port >= 1 && port <= 65535)) return false;
  // An octet is at most 255 and has no leading zero ("010" is refused).
  return v6 !== null || (v4?.slice(1, 5) ?? []).every((o) => Number(o) <= 255 && !/^0\d/.test(o));
}

/**
 * The secret (or six-word invitation) of a pairing code as typed (the core's
 * `parse_pairing_code`: spaces, case, hyphens and marks do not matter), or
 * `invalid` when it is malformed.
 */
function pairingSecret(code: string): string {
  // Without "@…" the host is looked for on the LAN.
  const at = code.includes("@") ? code.indexOf("@") : code.length;
  const words = invitationWords(code.slice(0, at));
  const secret =
    words ??
    code
      .slice(0, at)
      .replace(/[\s-]+/g, "")
      .toUpperCase();
  if (
    words === null &&
    (secret.length !== SECRET_LENGTH || ![...secret].every((c) => SECRET_ALPHABET.includes(c)))
  ) {
    invalid(PAIRING_MALFORMED);
  }
  if (
    at < code.length &&
    !code
      .slice(at + 1)
      .replace(/\s+/g, "")
      .split(",")
      .every(isSocketAddress)
  )
    invalid(PAIRING_MALFORMED);
  return secret;
}

/** One editable piece of a fake document, before the secretary's edit is applied. */
interface FieldSpec {
  key: DocumentFieldKey;
  generated: string;
  multiline: boolean;
}

/** "Hội nghị giao ban" → "hội nghị giao ban", as it reads inside a sentence; "UBND…" stays. */
function lowerFirst(text: string): string {
  const [first = "", second = ""] = [...text];
  if (second && second !== second.toLocaleLowerCase("vi")) return text;
  return first.toLocaleLowerCase("vi") + text.slice(first.length);
}

/** Like the core's `FormatProfile::authority`: the leading TM./KT./TL. in the kind's spelling. */
function authority(text: string, kind: OrganisationKind): string {
  const match = /^(TM\.|KT\.|TL\.|(?:T\/M|K\/T|T\/L)(?![\p{L}\p{N}]))\s*(.*)$/isu.exec(text);
  if (!match) return text;
  const letters = (match[1] ?? "").toUpperCase().replace(/[./]/g, "");
  const prefix = kind === "party" ? `${letters[0]}/${letters[1]}` : `${letters}.`;
  return match[2] ? `${prefix} ${match[2]}` : prefix;
}

/** The most lines a body's header has (the core's check in `save_organisation`). */
const MAX_HEADER_LINES = 4;

/** Refused when a meeting has no issuing body yet (the core's `issuing_body`). */
const NO_BODY =
  "Hội nghị chưa có cơ quan ban hành: hãy chọn hoặc khai báo cơ quan ban hành trước khi làm văn bản.";

const MEETING_CLOSED =
  "Hội nghị đã kết thúc nên hồ sơ (danh sách, điểm danh, chương trình, biên bản) đã được khoá; thay đổi vừa rồi chưa được lưu. Muốn sửa, hãy mở lại hội nghị ở thẻ Thông tin (việc mở lại được ghi vào lịch sử).";

/** The core's `AttendanceSummary::of`: the same numbers on every screen and in every document. */
function summarise(list: Participant[]): AttendanceSummary {
  const summary: AttendanceSummary = {
    invited: 0,
    attended: 0,
    late: 0,
    left: 0,
    absentExcused: 0,
    absent: 0,
    pending: 0,
  };
  // The staff (the minute-taker, the secretariat) are not delegates.
  for (const p of list.filter((p) => p.role !== "staff")) {
    summary.invited += 1;
    if (p.state === "invited") summary.pending += 1;
    if (p.state === "present" || p.state === "late" || p.state === "left") summary.attended += 1;
    if (p.state === "late") summary.late += 1;
    if (p.state === "left") summary.left += 1;
    if (p.state === "absentExcused") summary.absentExcused += 1;
    if (p.state === "absent") summary.absent += 1;
  }
  return summary;
}

function invalid(message: string): never {
  throw ipcError("invalid", message);
}

function fail(kind: ErrorKind, message: string): never {
  throw ipcError(kind, message);
}

function notFound(message: string): never {
  throw ipcError("notFound", message);
}

/** Invisible, reordering and control characters the core's text policy refuses. */
const FORBIDDEN = /[\p{Cc}\u200B-\u200F\u2060-\u2064\uFEFF\u180E\u202A-\u202E\u2066-\u206F]/u;
const FORBIDDEN_MULTILINE =
  /[^\P{Cc}\t\n]|[\u200B-\u200F\u2060-\u2064\uFEFF\u180E\u202A-\u202E\u2066-\u206F]/u;

/** Like the core's `text::clean`: trimmed, NFC, no forbidden or undrawable characters. */
function clean(label: string, value: string, multiline: boolean): string {
  const v = value.replace(/\r\n/g, "\n").trim().normalize("NFC");
  if ((multiline ? FORBIDDEN_MULTILINE : FORBIDDEN).test(v)) {
    invalid(`${label} chứa ký tự không hợp lệ (điều khiển, vô hình hoặc đổi chiều viết).`);
  }
  const missing = [...new Set(v.match(NO_GLYPH) ?? [])];
  if (missing.length) {
    invalid(`${label}: phông chữ văn bản không có các ký tự sau: ${missing.join(", ")}.`);
  }
  return v;
}

/** Like the core's `text::line`: clean, at most `MAX_LINE` characters. */
function line(label: string, value: string): string {
  const v = clean(label, value, false);
  const n = [...v].length;
  if (n > MAX_LINE) invalid(`${label} quá dài (${n} ký tự); tối đa ${MAX_LINE} ký tự.`);
  return v;
}

/** Like the core's `text::long_text`: clean, tabs and line breaks allowed. */
function longText(value: string, label = "Nội dung"): string {
  return clean(label, value, true);
}

/** Like the core's `text::required`: a `line` that must not be empty. */
function required(label: string, value: string): string {
  const v = line(label, value);
  if (!v) invalid(`${label} không được để trống.`);
  return v;
}

function validZone(zone: string): void {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    invalid(`Múi giờ "${zone}" không hợp lệ.`);
  }
}

/** The first day HD05 (Hướng dẫn 05-HD/VPTW) governs Party documents; HD36 before. */
const HD05_FROM = "2026-05-27";

/** Days from the meeting's first day to the usual date of each document (the core's `default_issue_date`). */
const USUAL_ISSUE_DAYS: Record<DocumentKind, number> = {
  "giay-moi": -7,
  "chuong-trinh": -3,
  "danh-sach": 0,
  "bien-ban": 0,
  "bao-cao": 1,
  "thong-bao": 4,
};

/** A real calendar day "YYYY-MM-DD" (not "2026-13-01"). */
function isDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** "YYYY-MM-DD" moved by `days` days. */
function addDays(day: string, days: number): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The day `n` working days (Monday to Friday) before `day` ("YYYY-MM-DD"). */
function workingDaysBefore(day: string, n: number): string {
  let d = day;
  let left = n;
  while (left > 0) {
    d = addDays(d, -1);
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return d;
}

/** Like the core's `OrganisationKind::profile_on`: the format a body's document follows on a date. */
function profileOn(kind: OrganisationKind, day: string): FormatProfile {
  if (kind === "state") return "nd30";
  return day < HD05_FROM ? "hd36" : "hd05";
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

export function toLocalDateTime(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function minutesOf(clock: string): number {
  const [h = "0", m = "0"] = clock.split(":");
  return Number(h) * 60 + Number(m);
}

function clockOf(total: number): string {
  const wrapped = ((total % 1440) + 1440) % 1440;
  return `${pad(Math.floor(wrapped / 60))}:${pad(wrapped % 60)}`;
}

/** The last part of a path, which is all the page is told. */
/** The core's `FormatSettings::default()`: the likeliest choices. */
const DEFAULT_FORMAT_SETTINGS: FormatSettings = {
  partyEnding: "./.",
  partyInvitationAbbreviation: "GM",
  stateTableFontSize: 13,
  partyTableFontSize: 14,
  stateToneMarks: "first-vowel",
  partyToneMarks: "main-vowel",
  listOrder: "rank",
};

const TONE_MARKS: readonly ToneMarks[] = ["first-vowel", "main-vowel"];

/** `value` without its undefined fields, so that spreading it keeps the defaults. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

type StoredAgendaItem = Omit<
  AgendaItem,
  "startTime" | "endTime" | "pastMidnight" | "expectedStart" | "expectedEnd"
>;
/** A person on a meeting's list; `substitute*` say who came in their place ("dự thay"). */
type Invitation = {
  meetingId: string;
  personId: string;
  role: ParticipantRole;
  substituteName: string;
  substituteTitle: string;
};

/** The roles that are sent a giấy mời (the core's `ParticipantRole::is_invited`). */
const INVITED_ROLES: readonly ParticipantRole[] = ["guest", "press"];
type StoredMeeting = Meeting & { deleted: boolean };
/** An issuing body; a hidden one stays, since meetings and the register point at it. */
type StoredOrganisation = Organisation & { createdAt: string; deleted: boolean };
/**
 * A line of the register; a cancelled one still counts when the next number
 * is chosen. `issuer` is the body (and signer) as it was when the number was given.
 */
type StoredNumber = DocumentNumber & { cancelled: boolean; issuer: Organisation };

/**
 * Like the core's `store::document_number::series`: the year for a state
 * body; for a Party body the type, within the body's term that includes `day`.
 */
function series(organisation: Organisation, kind: DocumentKind, day: string): string {
  if (organisation.kind === "state") return day.slice(0, 4);
  const type = TYPE_ABBREVIATIONS[kind];
  const start = organisation.termStart;
  if (!isDate(start)) return type;
  return day >= start ? `${type} từ ${start}` : `${type} trước ${start}`;
}

/** Like the core's `FormatProfile::symbol`: "05/TB-BTGTU" (NĐ30) or "05-TB/BTGTU" (Party). */
function symbol(profile: FormatProfile, n: number, type: string, body: string): string {
  return profile === "nd30" ? `${pad(n)}/${type}-${body}` : `${pad(n)}-${type}/${body}`;
}

/** The register's order: by date, then series and number (the core's `ORDER BY`). */
function byIssue(a: DocumentNumber, b: DocumentNumber): number {
  const text = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return text(a.issuedOn, b.issuedOn) || text(a.series, b.series) || a.number - b.number;
}

/** Whose registered number a document prints (the core's `registered`); none for the sign-in sheet. */
function numberedAs(kind: DocumentKind, options: DocumentOptions): DocumentKind | null {
  if (kind !== "danh-sach") return kind;
  if (options.list === "delegates") return "giay-moi";
  if (options.list === "attendance") return "bien-ban";
  return null;
}

interface FakeOptions {
  /** The clock used for "now" (attendance without a time, audit stamps). */
  now?: () => Date;
}

/**
 * An in-memory backend for component tests and for previewing the UI in a
 * plain browser. It stores; the few rules it applies are the core's, and
 * `fake.contract.test.ts` replays the core's recorded answers
 * (tests/contract/recorded.json) to prove it. Add no rule here that a
 * scenario does not check. Messages are Vietnamese, like the real ones; its
 * documents are a one-page sample PDF.
 */
export class FakeBackend implements Backend {
  /** The issuing bodies, in the order they were added, hidden ones included. */
  private organisations: StoredOrganisation[] = [];
  private meetings: StoredMeeting[] = [];
  private agenda: StoredAgendaItem[] = [];
  private people: Person[] = [];
  /** People deleted from the directory: hidden there, still on the lists they were on. */
  private deletedPeople = new Set<string>();
  /** Who is on which meeting's list, and why (their role). */
  private invitations: Invitation[] = [];
  private events: AttendanceEvent[] = [];
  private minutes: MinutesEntry[] = [];
  private tasks: Task[] = [];
  private votes: (Vote & { createdAt: string })[] = [];
  private meetingEvents: MeetingEvent[] = [];
  /** The register of outgoing documents, cancelled lines included. */
  private numbers: StoredNumber[] = [];
  /** The secretary's document text, by "meeting id + kind", then by field. */
  private documentTexts = new Map<string, Map<DocumentFieldKey, string>>();
  private nextId = 1;
  /** The pairing secret of each shared meeting, by meeting id. */
  private sharedSecrets = new Map<string, string>();
  /** The six-word invitation into each shared meeting, and when it lapses (ms). */
  private pairingInvitations = new Map<string, { words: string; expiresAt: number }>();
  /** What this laptop does in the team: one for the laptop, not per meeting. */
  private syncLabel = "";
  /** Like a machine without Times New Roman, unless a test says otherwise. */
  fontSettings: FontSettings = { font: "liberationSerif", timesNewRomanAvailable: false };
  private readonly now: () => Date;

  /** Meeting ids in the order they were put in the trash. */
  private trashOrder: string[] = [];
  /** Backups by name: a copy of everything stored, like the core's backup files. */
  private backups = new Map<string, { info: BackupInfo; data: string }>();
  private backupCount = 0;

  /** Every document `saveDocument` wrote, in order. */
  readonly savedDocuments: {
    meetingId: string;
    kind: DocumentKind;
    options: DocumentOptions;
    path: string;
  }[] = [];
  /** What the save dialog answers: a path, or null as if the secretary cancelled. */
  savePathChoice: (defaultName: string) => string | null = (name) => `/tmp/${name}`;
  /** What the folder picker answers; null is "cancelled". */
  folderChoice: string | null = "/tmp/hoinghi";
  /** Meeting files `exportMeeting` wrote, by name (their content as JSON). */
  readonly meetingFiles = new Map<string, string>();
  /** What the open dialog answers for `importMeeting`: a file name, or null (cancelled); the last export by default. */
  openChoice: () => string | null = () => [...this.meetingFiles.keys()].at(-1) ?? null;
  /** What the open dialog answers for `chooseImportFile`: a list file, or null (cancelled). */
  importChoice: () => PickedFile | null = () => readCsv(PICKED_LIST, "picked-list");
  private picked: PickedFile | null = null;

  constructor(options: FakeOptions = {}) {
    this.now = options.now ?? (() => new Date());
  }

  private id(prefix: string): string {
    const id = `${prefix}-${this.nextId}`;
    this.nextId += 1;
    return id;
  }

  /** The last stamp given, in milliseconds. */
  private lastStamp = 0;

  /**
   * The stamp of a save: now, but strictly later than every stamp given before
   * (and than `after`), so two saves never share a version.
   */
  private stamp(after?: string): string {
    const next = Math.max(
      this.now().getTime(),
      this.lastStamp + 1,
      after ? Date.parse(after) + 1 : 0,
    );
    this.lastStamp = next;
    return new Date(next).toISOString();
  }

  /**
   * Like the core: an edit passes the `updatedAt` it started from; one made on
   * an out-of-date copy is refused. The new stamp is always later than the old.
   */
  private touch(
    record: { updatedAt: string },
    seen: string,
    what: string,
    /** Further checks the core makes once the version is known to be current. */
    check?: () => void,
  ): void {
    if (record.updatedAt !== seen) {
      fail(
        "conflict",
        `Thông tin ${what} vừa được sửa ở nơi khác sau khi bạn mở nó, nên thay đổi của bạn chưa được lưu (để không ghi đè lên bản mới hơn). Hãy mở lại để xem bản mới nhất rồi sửa lại.`,
      );
    }
    check?.();
    record.updatedAt = this.stamp(record.updatedAt);
  }

  private meeting(id: string): StoredMeeting {
    const found = this.meetings.find((m) => m.id === id && !m.deleted);
    if (!found) notFound("Không tìm thấy cuộc họp. Có thể cuộc họp đã bị xoá.");
    return found;
  }

  /** The core's `require_open`: a closed meeting's records are locked until it is reopened. */
  private openMeeting(id: string): StoredMeeting {
    const meeting = this.meeting(id);
    if (meeting.status === "closed") fail("meetingClosed", MEETING_CLOSED);
    return meeting;
  }

  private person(id: string): Person {
    const found = this.people.find((p) => p.id === id);
    if (!found) notFound("Không tìm thấy người này trong danh bạ.");
    return found;
  }

  private livePerson(id: string): Person {
    if (this.deletedPeople.has(id)) notFound("Không tìm thấy người này trong danh bạ.");
    return this.person(id);
  }

  async appInfo(): Promise<AppInfo> {
    return {
      version: "0.0.0-fake",
      databasePath: "(bộ nhớ tạm)",
      backupPath: "(bộ nhớ tạm)",
      schemaVersion: 1,
    };
  }

  async getFontSettings(): Promise<FontSettings> {
    return { ...this.fontSettings };
  }

  async setDocumentFont(font: DocumentFont): Promise<FontSettings> {
    if (font === "timesNewRoman" && !this.fontSettings.timesNewRomanAvailable) {
      invalid("Máy này chưa cài phông Times New Roman (đủ 4 kiểu chữ).");
    }
    this.fontSettings = { ...this.fontSettings, font };
    return { ...this.fontSettings };
  }

  private formatSettings: FormatSettings = { ...DEFAULT_FORMAT_SETTINGS };

  async saveInvitations(meetingId: string, options: DocumentOptions): Promise<SavedFolder | null> {
    this.snapshot(this.meeting(meetingId), "giay-moi", options);
    const folder = this.folderChoice;
    if (folder === null) return null;
    // Like the core: only guests and the press get a giấy mời, in the list's order.
    const documents: SavedDocument[] = this.participants(meetingId)
      .filter((p) => INVITED_ROLES.includes(p.role))
      .map((_, n) => ({
        kind: "giay-moi",
        path: `giay-moi-${String(n + 1).padStart(3, "0")}.pdf`,
        error: null,
      }));
    for (const d of documents) {
      this.savedDocuments.push({
        meetingId,
        kind: "giay-moi",
        options: clone(options),
        path: `${folder}/${d.path}`,
      });
    }
    return { folder, documents };
  }

  async getFormatSettings(): Promise<FormatSettings> {
    return { ...this.formatSettings };
  }

  async updateFormatSettings(input: FormatSettings): Promise<FormatSettings> {
    // Like the core (`#[serde(default)]`): a field left out takes its default.
    const given: FormatSettings = { ...DEFAULT_FORMAT_SETTINGS, ...definedOnly(input) };
    // The same checks as the core's `update_format_settings`.
    const abbreviation = required("Ký hiệu giấy mời", given.partyInvitationAbbreviation);
    if (given.partyEnding !== "./." && given.partyEnding !== ".") {
      invalid('Dấu kết thúc văn bản phải là "./." hoặc ".".');
    }
    if ([...abbreviation].length > 10 || /\s/u.test(abbreviation)) {
      invalid("Ký hiệu giấy mời là một chữ viết tắt ngắn, không có dấu cách (ví dụ GM).");
    }
    for (const [profile, size] of [
      ["nd30", given.stateTableFontSize],
      ["hd05", given.partyTableFontSize],
    ] as const) {
      const allowed = TABLE_FONT_SIZES[profile];
      if (!allowed.includes(size)) {
        invalid(`Cỡ chữ trong bảng phải từ ${Math.min(...allowed)} đến ${Math.max(...allowed)}.`);
      }
    }
    for (const marks of [given.stateToneMarks, given.partyToneMarks]) {
      if (!TONE_MARKS.includes(marks)) invalid(`Cách đặt dấu thanh không hợp lệ: ${marks}.`);
    }
    if (!LIST_ORDERS.includes(given.listOrder)) {
      invalid(`Thứ tự danh sách không hợp lệ: ${given.listOrder}.`);
    }
    this.formatSettings = { ...given, partyInvitationAbbreviation: abbreviation };
    return { ...this.formatSettings };
  }

  private publicOrganisation(o: StoredOrganisation): Organisation {
    const { createdAt: _createdAt, deleted: _deleted, ...body } = o;
    return clone(body);
  }

  /** A live body, or `notFound` like the core's `require_live`. */
  private liveOrganisation(id: string): StoredOrganisation {
    const found = this.organisations.find((o) => o.id === id && !o.deleted);
    if (!found) notFound(`Không tìm thấy cơ quan ban hành (mã ${id}). Có thể bản ghi đã bị xoá.`);
    return found;
  }

  async listOrganisations(): Promise<Organisation[]> {
    return this.organisations
      .filter((o) => !o.deleted)
      .sort((a, b) => a.name.localeCompare(b.name, "vi"))
      .map((o) => this.publicOrganisation(o));
  }

  async hiddenRegisterBodies(): Promise<Organisation[]> {
    return this.organisations
      .filter((o) => o.deleted && this.numbers.some((n) => n.organisationId === o.id))
      .sort((a, b) => a.name.localeCompare(b.name, "vi"))
      .map((o) => this.publicOrganisation(o));
  }

  /**
   * Like the core's `default_organisation_id`: the body of the meeting
   * created last (not a demo, not deleted) whose body is live; else the body
   * added last that no demo meeting uses; else none.
   */
  private defaultBody(): string | null {
    const live = new Set(this.organisations.filter((o) => !o.deleted).map((o) => o.id));
    const latest = <T extends { createdAt: string }>(rows: T[]): T | undefined =>
      rows.reduce<T | undefined>(
        (best, r) => (best && best.createdAt > r.createdAt ? best : r),
        undefined,
      );
    const used = latest(
      this.meetings.filter(
        (m) => !m.deleted && !m.isDemo && m.organisationId !== null && live.has(m.organisationId),
      ),
    );
    if (used) return used.organisationId;
    const demo = new Set(this.meetings.filter((m) => m.isDemo).map((m) => m.organisationId));
    return latest(this.organisations.filter((o) => !o.deleted && !demo.has(o.id)))?.id ?? null;
  }

  async defaultOrganisation(): Promise<string | null> {
    return this.defaultBody();
  }

  async saveOrganisation(input: Organisation): Promise<Organisation> {
    // The same checks, in the same order, as the core's `save_organisation`.
    const headerLines = longText(input.headerLines, "Tiêu đề như ban hành")
      .split("\n")
      .map((l) => l.trim())
      .filter(Boolean)
      .join("\n");
    const body: Organisation = {
      id: input.id.trim(),
      parentName: line("Tên cơ quan chủ quản", input.parentName),
      name: required("Tên cơ quan ban hành", input.name),
      fullName: line("Tên cơ quan (viết thường)", input.fullName),
      abbreviation: required("Chữ viết tắt", input.abbreviation),
      placeName: required("Địa danh", input.placeName),
      kind: input.kind,
      headVacant: input.headVacant,
      signerName: line("Họ tên người ký", input.signerName),
      signerTitle: line("Chức vụ người ký", input.signerTitle),
      signingPrefix: authority(line("Quyền hạn ký", input.signingPrefix), input.kind),
      timeZone: required("Múi giờ", input.timeZone),
      headerLines,
      // Kept as a name: "- UBND Thành phố (để báo cáo);" is stored as "UBND Thành phố".
      superior: line("Cơ quan cấp trên", input.superior)
        .replace(/^[- ]+/, "")
        .replace(/[;. ]+$/, "")
        .replace(/(\(để báo cáo\))+$/, "")
        .trim(),
      contact: line("Địa chỉ liên hệ", input.contact),
      // Left out, it is empty (the core's `#[serde(default)]`); a state body
      // numbers by calendar year and has no term.
      termStart: input.kind === "party" ? (input.termStart ?? "").trim() : "",
      updatedAt: input.updatedAt,
    };
    if (body.termStart && !isDate(body.termStart)) {
      invalid("Ngày bắt đầu nhiệm kỳ phải là một ngày hợp lệ hoặc để trống.");
    }
    validZone(body.timeZone);
    if (/\s/.test(body.abbreviation)) {
      invalid("Chữ viết tắt không được chứa dấu cách (ví dụ: BTGTU).");
    }
    if (headerLines && headerLines.split("\n").length > MAX_HEADER_LINES) {
      invalid(
        "Tiêu đề cơ quan ban hành có nhiều nhất 4 dòng (cơ quan chủ quản, cơ quan ban hành, dấu *).",
      );
    }
    if (!body.id) {
      const stamp = this.stamp();
      const added = { ...body, id: this.id("organisation"), updatedAt: stamp };
      this.organisations.push({ ...added, createdAt: stamp, deleted: false });
      return clone(added);
    }
    const stored = this.liveOrganisation(body.id);
    this.touch(stored, body.updatedAt, "cơ quan ban hành");
    Object.assign(stored, body, { updatedAt: stored.updatedAt });
    return this.publicOrganisation(stored);
  }

  async deleteOrganisation(id: string): Promise<null> {
    const user = this.meetings
      .filter((m) => !m.deleted && m.organisationId === id)
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
    if (user) {
      invalid(
        `Cơ quan này đang là cơ quan ban hành của hội nghị “${user.title}”: hãy chọn cơ quan khác cho hội nghị đó trước.`,
      );
    }
    this.liveOrganisation(id).deleted = true;
    return null;
  }

  /**
   * Like the core's `meeting_organisation`: the meeting's body, with the
   * meeting's own signer where it names one; null while it has none.
   */
  private meetingBody(meeting: Meeting): Organisation | null {
    const stored = this.organisations.find((o) => o.id === meeting.organisationId);
    if (!stored) return null;
    const body = this.publicOrganisation(stored);
    if (!meeting.signerName) return body;
    return {
      ...body,
      signerName: meeting.signerName,
      signerTitle: meeting.signerTitle,
      signingPrefix: authority(meeting.signingPrefix, body.kind),
    };
  }

  /** Like the core's `issuing_body`: the meeting's body, or a refusal saying what to do. */
  private issuingBody(meeting: Meeting): Organisation {
    const body = this.meetingBody(meeting);
    if (!body) fail("invalid", NO_BODY);
    return body;
  }

  /**
   * Like the core's `issuer`: a numbered document keeps the body and signer
   * it was issued with; any other follows the meeting's body as it is now.
   */
  private issuer(meeting: Meeting, kind: DocumentKind, options: DocumentOptions): Organisation {
    const numbered = numberedAs(kind, options);
    const entry = numbered ? this.liveNumber(meeting.id, numbered) : undefined;
    return entry ? clone(entry.issuer) : this.issuingBody(meeting);
  }

  async listMeetings(): Promise<MeetingSummary[]> {
    // Newest first; of two at the same time, the later created (like the core's ids).
    return this.meetings
      .filter((m) => !m.deleted)
      .reverse()
      .sort((a, b) => b.startsAt.localeCompare(a.startsAt))
      .map((m) => this.summary(m));
  }

  private summary(m: StoredMeeting): MeetingSummary {
    return {
      meeting: this.publicMeeting(m),
      agendaCount: this.agenda.filter((a) => a.meetingId === m.id).length,
      participantCount: this.invitations.filter((i) => i.meetingId === m.id).length,
    };
  }

  private publicMeeting(m: StoredMeeting): Meeting {
    const { deleted: _deleted, ...meeting } = m;
    const body = this.organisations.find((o) => o.id === m.organisationId);
    return clone({ ...meeting, timeZone: body?.timeZone ?? "Asia/Ho_Chi_Minh" });
  }

  async getMeeting(id: string): Promise<Meeting> {
    return this.publicMeeting(this.meeting(id));
  }

  /** The core's `meetings::validate`: the input as stored, or a refusal. */
  private validateMeeting(input: MeetingInput): MeetingInput {
    if (!input.title.trim()) invalid("Tên cuộc họp không được để trống.");
    const title = required("Tên hội nghị", input.title);
    if (!LOCAL_DATE_TIME.test(input.startsAt)) {
      invalid("Thời gian bắt đầu không hợp lệ; hãy chọn ngày và giờ.");
    }
    if (!LOCAL_DATE_TIME.test(input.endsAt)) {
      invalid("Thời gian kết thúc không hợp lệ; hãy chọn ngày và giờ.");
    }
    if (input.endsAt <= input.startsAt) {
      invalid("Thời gian kết thúc phải sau thời gian bắt đầu.");
    }
    return {
      ...clone(input),
      title,
      organisationId: input.organisationId?.trim() || null,
      signerName: line("Người ký", input.signerName),
      signerTitle: line("Chức vụ người ký", input.signerTitle),
      signingPrefix: line("Quyền hạn ký", input.signingPrefix),
    };
  }

  /** Refuses a body that does not exist or was hidden (none chosen is fine). */
  private requireBody(id: string | null): void {
    if (id !== null) this.liveOrganisation(id);
  }

  /** Without a chosen body, a new meeting issues as the default one (the core's `create_meeting`). */
  async createMeeting(input: MeetingInput, isDemo = false): Promise<Meeting> {
    const valid = this.validateMeeting(input);
    valid.organisationId ??= this.defaultBody();
    this.requireBody(valid.organisationId);
    const stamp = this.stamp();
    const meeting: StoredMeeting = {
      ...valid,
      id: this.id("meeting"),
      // Its body's, as `publicMeeting` answers it.
      timeZone: "",
      isDemo,
      createdAt: stamp,
      updatedAt: stamp,
      deleted: false,
    };
    this.meetings.push(meeting);
    return this.publicMeeting(meeting);
  }

  async updateMeeting(id: string, seen: string, input: MeetingInput): Promise<Meeting> {
    const valid = this.validateMeeting(input);
    const meeting = this.meeting(id);
    this.touch(meeting, seen, "hội nghị", () => {
      this.openMeeting(id);
      this.requireBody(valid.organisationId);
    });
    if (valid.status === "closed") this.recordMeetingEvent(id, "closed", "");
    Object.assign(meeting, valid);
    return this.publicMeeting(meeting);
  }

  async deleteMeeting(id: string): Promise<null> {
    this.meeting(id).deleted = true;
    this.trashOrder.push(id);
    return null;
  }

  async deletedMeetings(): Promise<MeetingSummary[]> {
    return [...this.trashOrder]
      .reverse()
      .map((id) => this.meetings.find((m) => m.id === id && m.deleted))
      .filter((m): m is StoredMeeting => m !== undefined)
      .map((m) => this.summary(m));
  }

  async restoreMeeting(id: string): Promise<Meeting> {
    const found = this.meetings.find((m) => m.id === id && m.deleted);
    if (!found) notFound("Không tìm thấy hội nghị trong thùng rác.");
    found.deleted = false;
    this.trashOrder = this.trashOrder.filter((t) => t !== id);
    return this.publicMeeting(found);
  }

  async closeMeeting(id: string): Promise<Meeting> {
    const meeting = this.meeting(id);
    if (meeting.status !== "closed") {
      meeting.status = "closed";
      meeting.updatedAt = this.stamp(meeting.updatedAt);
      this.recordMeetingEvent(id, "closed", "");
    }
    return this.publicMeeting(meeting);
  }

  async reopenMeeting(id: string, reason: string): Promise<Meeting> {
    const why = required("Lý do mở lại", reason);
    const meeting = this.meeting(id);
    if (meeting.status !== "closed") invalid("Hội nghị này chưa kết thúc nên không cần mở lại.");
    meeting.status = "inSession";
    meeting.updatedAt = this.stamp(meeting.updatedAt);
    this.recordMeetingEvent(id, "reopened", why);
    return this.publicMeeting(meeting);
  }

  async meetingHistory(id: string): Promise<MeetingEvent[]> {
    this.meeting(id);
    return this.meetingEvents.filter((e) => e.meetingId === id).map(clone);
  }

  private recordMeetingEvent(meetingId: string, kind: MeetingEventKind, reason: string): void {
    this.meetingEvents.push({
      id: this.id("event"),
      meetingId,
      kind,
      reason,
      at: this.stamp(),
      deviceId: "fake",
    });
  }

  async emptyTrash(): Promise<BackupInfo | null> {
    const gone = new Set(this.meetings.filter((m) => m.deleted).map((m) => m.id));
    if (gone.size === 0) return null;
    const backup = this.backup("beforeEmptyTrash");
    const keep = <T extends { meetingId: string }>(rows: T[]) =>
      rows.filter((r) => !gone.has(r.meetingId));
    this.meetings = this.meetings.filter((m) => !gone.has(m.id));
    this.agenda = keep(this.agenda);
    this.invitations = keep(this.invitations);
    this.events = keep(this.events);
    this.minutes = keep(this.minutes);
    this.tasks = keep(this.tasks);
    this.votes = keep(this.votes);
    this.meetingEvents = keep(this.meetingEvents);
    for (const id of gone) {
      this.sharedSecrets.delete(id);
      this.pairingInvitations.delete(id);
    }
    this.trashOrder = [];
    return backup;
  }

  async exportMeeting(id: string): Promise<string | null> {
    const meeting = this.meetings.find((m) => m.id === id);
    if (!meeting) notFound("Không tìm thấy hội nghị.");
    const stem = fold(`${meeting.startsAt.slice(0, 10)} ${meeting.title}`)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    const path = this.savePathChoice(`${stem}.hoinghi`);
    if (path === null) return null;
    const mine = <T extends { meetingId: string }>(rows: T[]) =>
      rows.filter((r) => r.meetingId === id);
    const invitations = mine(this.invitations);
    const listed = new Set(invitations.map((i) => i.personId));
    this.meetingFiles.set(
      baseName(path),
      JSON.stringify({
        meeting,
        organisation: this.organisations.find((o) => o.id === meeting.organisationId) ?? null,
        agenda: mine(this.agenda),
        people: this.people.filter((p) => listed.has(p.id)),
        invitations,
        events: mine(this.events),
        minutes: mine(this.minutes),
        tasks: mine(this.tasks),
        votes: mine(this.votes),
        numbers: mine(this.numbers),
      }),
    );
    return baseName(path);
  }

  async importMeeting(): Promise<PortableImport | null> {
    const name = this.openChoice();
    if (name === null) return null;
    const data = this.meetingFiles.get(name);
    if (!data) fail("notHoiNghi", "Tệp không phải tệp hội nghị HoiNghi.");
    const file = JSON.parse(data);
    let added = 0;
    let updated = 0;
    const merge = <T extends { id: string }>(into: T[], rows: T[]) => {
      for (const row of rows) {
        if (!into.some((r) => r.id === row.id)) {
          into.push(row);
          added += 1;
        }
      }
    };
    // The meeting's body comes along when this machine lacks it; it is not
    // counted as one of the meeting's rows.
    const body: StoredOrganisation | null = file.organisation ?? null;
    const organisationAdded = body !== null && !this.organisations.some((o) => o.id === body.id);
    if (organisationAdded) this.organisations.push(body);
    const meeting: StoredMeeting = file.meeting;
    const local = this.meetings.find((m) => m.id === meeting.id);
    if (!local) {
      this.meetings.push(meeting);
      added += 1;
    } else if (meeting.updatedAt > local.updatedAt) {
      Object.assign(local, meeting);
      updated += 1;
    }
    merge(this.people, file.people);
    merge(this.agenda, file.agenda);
    for (const inv of file.invitations as Invitation[]) {
      if (
        !this.invitations.some((i) => i.meetingId === inv.meetingId && i.personId === inv.personId)
      ) {
        this.invitations.push(inv);
        added += 1;
      }
    }
    merge(this.events, file.events);
    merge(this.minutes, file.minutes);
    merge(this.tasks, file.tasks);
    merge(this.votes, file.votes ?? []);
    merge(this.numbers, file.numbers ?? []);
    const now = this.meetings.find((m) => m.id === meeting.id);
    return {
      meetingId: meeting.id,
      title: now?.title ?? meeting.title,
      added,
      updated,
      inTrash: now?.deleted ?? false,
      organisationAdded: organisationAdded ? body.fullName || body.name : null,
    };
  }

  async sharingState(meetingId: string): Promise<SharingState> {
    this.meeting(meetingId);
    const secret = this.sharedSecrets.get(meetingId);
    const invitation = this.invitationInto(meetingId);
    // The fake has no network: it listens nowhere and meets no other laptop.
    return {
      meetingId,
      shared: secret !== undefined,
      pairingCode: secret === undefined ? "" : groupSecret(secret),
      invitation: invitation?.words ?? "",
      invitationExpiresAt: invitation
        ? new Date(invitation.expiresAt).toISOString().replace(/\.\d{3}Z$/, "Z")
        : "",
      listening: "",
      label: this.syncLabel,
      peers: [],
    };
  }

  async shareMeeting(meetingId: string): Promise<SharingState> {
    this.meeting(meetingId);
    if (!this.sharedSecrets.has(meetingId)) this.sharedSecrets.set(meetingId, newSecret());
    return this.inviteToMeeting(meetingId);
  }

  async inviteToMeeting(meetingId: string): Promise<SharingState> {
    this.meeting(meetingId);
    if (!this.sharedSecrets.has(meetingId)) fail("conflict", NOT_SHARED);
    this.pairingInvitations.set(meetingId, {
      words: newInvitation(),
      expiresAt: this.now().getTime() + INVITATION_MS,
    });
    return this.sharingState(meetingId);
  }

  private invitationInto(meetingId: string) {
    const invitation = this.pairingInvitations.get(meetingId);
    return invitation && invitation.expiresAt > this.now().getTime() ? invitation : undefined;
  }

  /** Joins a meeting shared in this same fake, as if another laptop had shared it. */
  async joinMeeting(code: string): Promise<JoinedMeeting> {
    const secret = pairingSecret(code);
    const meeting = [...this.sharedSecrets]
      .filter(([id, s]) => s === secret || this.invitationInto(id)?.words === secret)
      .map(([id]) => this.meetings.find((m) => m.id === id && !m.deleted))
      .find((m) => m !== undefined);
    if (!meeting) fail("conflict", PAIRING_REFUSED);
    return { meetingId: meeting.id, title: meeting.title, received: 0 };
  }

  async setSyncLabel(meetingId: string, label: string): Promise<SharingState> {
    this.syncLabel = line("Việc của máy này", label);
    return this.sharingState(meetingId);
  }

  async syncNow(meetingId: string): Promise<SharingState> {
    return this.sharingState(meetingId);
  }

  /** Everything a backup holds, as one string (a deep copy). */
  private dump(): string {
    return JSON.stringify({
      organisations: this.organisations,
      meetings: this.meetings,
      agenda: this.agenda,
      people: this.people,
      deletedPeople: [...this.deletedPeople],
      invitations: this.invitations,
      events: this.events,
      minutes: this.minutes,
      tasks: this.tasks,
      votes: this.votes,
      trashOrder: this.trashOrder,
      documentTexts: [...this.documentTexts].map(([k, v]) => [k, [...v]]),
      numbers: this.numbers,
      sharedSecrets: [...this.sharedSecrets],
      syncLabel: this.syncLabel,
    });
  }

  private backup(reason: BackupReason): BackupInfo {
    this.backupCount += 1;
    const now = this.now();
    const stamp = now.toISOString().replace(/[-:]/g, "").replace("T", "-").slice(0, 15);
    const info: BackupInfo = {
      name: `hoinghi-${stamp}-${String(this.backupCount % 1000).padStart(3, "0")}-${reason}.db`,
      takenAt: now.toISOString(),
      reason,
      sizeKb: 1,
      meetings: this.meetings.filter((m) => !m.deleted).length,
    };
    this.backups.set(info.name, { info, data: this.dump() });
    return clone(info);
  }

  async listBackups(): Promise<BackupInfo[]> {
    return [...this.backups.values()].map((b) => clone(b.info)).reverse();
  }

  async backupNow(): Promise<BackupInfo> {
    return this.backup("manual");
  }

  async restoreBackup(name: string): Promise<BackupInfo | null> {
    if (!/^hoinghi-\d{8}-\d{6}-\d{3}-[a-zA-Z]+\.db$/.test(name)) {
      notFound("Không tìm thấy bản sao lưu.");
    }
    const found = this.backups.get(name);
    if (!found) fail("notHoiNghi", "Tệp không phải tệp dữ liệu HoiNghi.");
    const aside = this.backup("beforeRestore");
    const data = JSON.parse(found.data);
    this.organisations = data.organisations;
    this.meetings = data.meetings;
    this.agenda = data.agenda;
    this.people = data.people;
    this.deletedPeople = new Set(data.deletedPeople);
    this.invitations = data.invitations;
    this.events = data.events;
    this.minutes = data.minutes;
    this.tasks = data.tasks;
    this.votes = data.votes ?? [];
    this.trashOrder = data.trashOrder;
    this.numbers = data.numbers ?? [];
    this.sharedSecrets = new Map(data.sharedSecrets ?? []);
    this.syncLabel = data.syncLabel ?? "";
    this.documentTexts = new Map(
      (data.documentTexts as [string, [DocumentFieldKey, string][]][]).map(([k, v]) => [
        k,
        new Map(v),
      ]),
    );
    return aside;
  }

  /** The second backup folder; the fake only remembers it. */
  private extraBackupFolder: string | null = null;

  async backupSettings(): Promise<BackupSettings> {
    return { extraFolder: this.extraBackupFolder, extraError: null };
  }

  async chooseBackupFolder(): Promise<BackupSettings | null> {
    if (this.folderChoice === null) return null;
    this.extraBackupFolder = this.folderChoice;
    this.backup("manual");
    return this.backupSettings();
  }

  async clearBackupFolder(): Promise<BackupSettings> {
    this.extraBackupFolder = null;
    return this.backupSettings();
  }

  async saveRescueCopy(): Promise<string | null> {
    const path = this.savePathChoice("hoinghi-cuu-ho.db");
    return path === null ? null : baseName(path);
  }

  async duplicateMeeting(id: string): Promise<Meeting> {
    const source = this.meeting(id);
    const copy = await this.createMeeting({
      ...source,
      title: `${source.title} (bản sao)`,
      status: "draft",
    });
    for (const item of this.sortedAgenda(id)) {
      this.agenda.push({
        ...item,
        id: this.id("agenda"),
        meetingId: copy.id,
        startedAt: null,
        endedAt: null,
      });
    }
    for (const inv of this.invitations.filter((i) => i.meetingId === id)) {
      this.invitePerson(copy.id, inv.personId);
    }
    return copy;
  }

  private sortedAgenda(meetingId: string): StoredAgendaItem[] {
    return this.agenda
      .filter((a) => a.meetingId === meetingId)
      .sort((a, b) => a.position - b.position);
  }

  private computedAgenda(meetingId: string): AgendaItem[] {
    const meeting = this.meeting(meetingId);
    // Minutes from midnight of the meeting's first day; a pinned start is on
    // the day the item would otherwise begin. `expected` runs through the
    // times as the meeting actually goes (the core's `agenda::list`).
    const firstDay = Date.parse(`${meeting.startsAt.slice(0, 10)}T00:00Z`);
    const actual = (local: string | null | undefined) =>
      !local
        ? null
        : Math.round((Date.parse(`${local.slice(0, 10)}T00:00Z`) - firstDay) / 60_000) +
          minutesOf(local.slice(11, 16));
    let cursor = minutesOf(meeting.startsAt.slice(11));
    let expected = cursor;
    return this.sortedAgenda(meetingId).map((item, index) => {
      const pinned = (at: number) =>
        item.fixedStart ? Math.floor(at / 1440) * 1440 + minutesOf(item.fixedStart) : null;
      const start = pinned(cursor) ?? cursor;
      const end = start + item.durationMinutes;
      cursor = end;
      const pin = pinned(expected);
      const expectedStart =
        actual(item.startedAt) ?? (pin === null ? expected : Math.max(pin, expected));
      const expectedEnd = actual(item.endedAt) ?? expectedStart + item.durationMinutes;
      expected = expectedEnd;
      return {
        ...clone(item),
        position: index,
        startTime: clockOf(start),
        endTime: clockOf(end),
        pastMidnight: end >= 1440,
        expectedStart: clockOf(expectedStart),
        expectedEnd: clockOf(expectedEnd),
      };
    });
  }

  private validateAgenda(input: AgendaItemInput): void {
    if (!input.title.trim()) invalid("Tên nội dung không được để trống.");
    if (
      !Number.isInteger(input.durationMinutes) ||
      input.durationMinutes < 0 ||
      input.durationMinutes > 24 * 60
    ) {
      invalid("Thời lượng tối đa là 1440 phút.");
    }
    if (input.fixedStart !== null && !CLOCK_TIME.test(input.fixedStart)) {
      invalid("Giờ bắt đầu cố định phải có dạng HH:MM, ví dụ 13:30.");
    }
  }

  async listAgenda(meetingId: string): Promise<AgendaItem[]> {
    return this.computedAgenda(meetingId);
  }

  async addAgendaItem(meetingId: string, input: AgendaItemInput): Promise<AgendaItem[]> {
    this.meeting(meetingId);
    this.validateAgenda(input);
    this.openMeeting(meetingId);
    const last = this.sortedAgenda(meetingId).at(-1);
    this.agenda.push({
      ...clone(input),
      title: input.title.trim(),
      id: this.id("agenda"),
      meetingId,
      position: last ? last.position + 1 : 0,
      startedAt: null,
      endedAt: null,
      updatedAt: this.stamp(),
    });
    return this.computedAgenda(meetingId);
  }

  async startAgendaItem(id: string, at: string | null): Promise<AgendaItem[]> {
    const item = this.agendaItem(id);
    const time = attendanceTime(at) ?? toLocalDateTime(this.now());
    this.openMeeting(item.meetingId);
    for (const other of this.agenda) {
      if (
        other.meetingId === item.meetingId &&
        other.id !== id &&
        other.startedAt !== null &&
        other.endedAt === null
      ) {
        other.endedAt = time;
        other.updatedAt = this.stamp();
      }
    }
    item.startedAt = time;
    item.endedAt = null;
    item.updatedAt = this.stamp();
    return this.computedAgenda(item.meetingId);
  }

  async endAgendaItem(id: string, at: string | null): Promise<AgendaItem[]> {
    const item = this.agendaItem(id);
    const time = attendanceTime(at) ?? toLocalDateTime(this.now());
    this.openMeeting(item.meetingId);
    if (item.startedAt === null) {
      invalid("Mục này chưa bắt đầu; hãy bấm bắt đầu trước khi kết thúc.");
    }
    if (item.startedAt > time) {
      invalid(
        `Giờ kết thúc (${time.slice(11)}) sớm hơn giờ bắt đầu (${item.startedAt.slice(11)}).`,
      );
    }
    item.endedAt = time;
    item.updatedAt = this.stamp();
    return this.computedAgenda(item.meetingId);
  }

  private agendaItem(id: string): StoredAgendaItem {
    const item = this.agenda.find((a) => a.id === id);
    if (!item) notFound("Không tìm thấy nội dung này trong chương trình.");
    return item;
  }

  async updateAgendaItem(id: string, seen: string, input: AgendaItemInput): Promise<AgendaItem[]> {
    this.validateAgenda(input);
    const item = this.agendaItem(id);
    this.touch(item, seen, "mục chương trình", () => this.openMeeting(item.meetingId));
    Object.assign(item, clone(input), { title: input.title.trim() });
    return this.computedAgenda(item.meetingId);
  }

  async deleteAgendaItem(id: string): Promise<AgendaItem[]> {
    const item = this.agendaItem(id);
    this.openMeeting(item.meetingId);
    this.agenda = this.agenda.filter((a) => a.id !== id);
    for (const entry of this.minutes) {
      if (entry.agendaItemId === id) entry.agendaItemId = null;
    }
    return this.computedAgenda(item.meetingId);
  }

  async reorderAgenda(meetingId: string, orderedIds: string[]): Promise<AgendaItem[]> {
    this.openMeeting(meetingId);
    const items = this.sortedAgenda(meetingId);
    const same =
      orderedIds.length === items.length &&
      new Set(orderedIds).size === items.length &&
      items.every((i) => orderedIds.includes(i.id));
    if (!same) {
      invalid("Danh sách sắp xếp phải gồm đúng các mục hiện có của chương trình.");
    }
    orderedIds.forEach((id, index) => {
      this.agendaItem(id).position = index;
    });
    return this.computedAgenda(meetingId);
  }

  /** The core's `people::validate`: every field trimmed, the name required. */
  private validatePerson(input: PersonInput): PersonInput {
    const email = line("Thư điện tử", input.email);
    if (email && !email.includes("@")) {
      invalid(`Địa chỉ thư điện tử "${email}" không hợp lệ.`);
    }
    return {
      fullName: required("Họ và tên", input.fullName),
      positionTitle: line("Chức vụ", input.positionTitle),
      unit: line("Đơn vị", input.unit),
      section: line("Nhóm đại biểu", input.section),
      rank: input.rank,
      phone: line("Điện thoại", input.phone),
      email,
    };
  }

  async listPeople(query: string): Promise<Person[]> {
    const needle = fold(query);
    return this.people
      .filter((p) => !this.deletedPeople.has(p.id))
      .filter((p) => !needle || fold(`${p.fullName} ${p.positionTitle} ${p.unit}`).includes(needle))
      .sort(byListOrder(this.formatSettings.listOrder))
      .map(clone);
  }

  async createPerson(input: PersonInput, isDemo = false): Promise<Person> {
    const valid = this.validatePerson(input);
    const person: Person = {
      ...valid,
      id: this.id("person"),
      checkinCode: `HN${String(this.nextId).padStart(6, "0")}`,
      isDemo,
      updatedAt: this.stamp(),
    };
    this.people.push(person);
    return clone(person);
  }

  async updatePerson(id: string, seen: string, input: PersonInput): Promise<Person> {
    // Like the core: validate first, then find the person. The change shows in
    // every meeting the person is in, since participants point at the directory.
    const valid = this.validatePerson(input);
    const person = this.livePerson(id);
    this.touch(person, seen, "đại biểu");
    Object.assign(person, valid);
    return clone(person);
  }

  async deletePerson(id: string): Promise<null> {
    this.livePerson(id);
    this.deletedPeople.add(id);
    return null;
  }

  private participants(meetingId: string): Participant[] {
    const meeting = this.meeting(meetingId);
    return this.invitations
      .filter((i) => i.meetingId === meetingId)
      .map((i) => ({ person: this.person(i.personId), invitation: i }))
      .sort((a, b) => byListOrder(this.formatSettings.listOrder)(a.person, b.person))
      .map(({ person, invitation }) => {
        const participant: Participant = {
          person: clone(person),
          role: invitation.role,
          state: "invited",
          arrivedAt: null,
          leftAt: null,
          absenceReason: "",
          // Older backups and meeting files have no substitutes.
          substituteName: invitation.substituteName ?? "",
          substituteTitle: invitation.substituteTitle ?? "",
        };
        for (const event of this.events) {
          if (event.meetingId !== meetingId || event.personId !== person.id) continue;
          applyEvent(participant, event, meeting.startsAt);
        }
        return participant;
      });
  }

  private invitePerson(meetingId: string, personId: string): void {
    if (this.invitations.some((i) => i.meetingId === meetingId && i.personId === personId)) {
      const name = this.person(personId).fullName;
      throw ipcError("conflict", `Đại biểu ${name} đã có trong danh sách của hội nghị này.`);
    }
    this.invitations.push({
      meetingId,
      personId,
      role: this.defaultRole(meetingId, personId),
      substituteName: "",
      substituteTitle: "",
    });
    this.pushEvent(meetingId, personId, "invited", "", toLocalDateTime(this.now()));
  }

  /**
   * Like the core's `DEFAULT_ROLE`: the meeting's chair is the chair, its
   * minute-taker staff, someone of the host body itself (their unit is the
   * full name of the body the meeting issues as) the host, anyone else a guest.
   */
  private defaultRole(meetingId: string, personId: string): ParticipantRole {
    const meeting = this.meeting(meetingId);
    const person = this.person(personId);
    const host = this.organisations.find((o) => o.id === meeting.organisationId)?.fullName;
    if (person.fullName === meeting.chairName) return "chair";
    if (person.fullName === meeting.secretaryName) return "staff";
    if (person.unit !== "" && person.unit === host) return "host";
    return "guest";
  }

  private pushEvent(
    meetingId: string,
    personId: string,
    kind: AttendanceEventKind,
    reason: string,
    at: string,
  ): void {
    this.events.push({
      id: this.id("event"),
      meetingId,
      personId,
      kind,
      at,
      reason,
      createdAt: this.stamp(),
      deviceId: "fake",
    });
  }

  async listParticipants(meetingId: string): Promise<Participant[]> {
    return this.participants(meetingId);
  }

  async attendanceSummary(meetingId: string): Promise<AttendanceSummary> {
    return summarise(this.participants(meetingId));
  }

  async chooseImportFile(meetingId: string | null): Promise<ImportPreview | null> {
    const file = this.importChoice();
    if (file === null) return null;
    const { preview } = this.importPlan(meetingId, file, DETECTED_CHOICES);
    this.picked = file;
    return preview;
  }

  async previewImport(meetingId: string | null, choices: ImportChoices): Promise<ImportPreview> {
    return this.importPlan(meetingId, this.pickedFile(), choices).preview;
  }

  /**
   * The core's `plan::apply` and `Db::apply_import`: every added or updated
   * row, or none. With no meeting the rows go into the person directory only:
   * nobody is invited, and a closed meeting is no matter.
   */
  async applyImport(meetingId: string | null, choices: ImportChoices): Promise<ImportOutcome> {
    const file = this.pickedFile();
    const { preview: plan, matches } = this.importPlan(meetingId, file, choices);
    if (!plan.columns.some((c) => ["fullName", "familyName", "givenName"].includes(c.field))) {
      invalid(NO_NAME_COLUMN);
    }
    const rows = plan.rows
      .map((r, i) => ({ ...r, personId: matches[i] ?? null }))
      .filter((r) => r.action === "add" || r.action === "update");
    if (rows.length === 0 && plan.unchanged === 0) invalid("Không có dòng nào để nhập.");
    const valid: PersonInput[] = [];
    for (const r of rows) {
      try {
        valid.push(this.validatePerson(r.person));
      } catch (e) {
        invalid(`Dòng ${r.row}: ${toIpcError(e).message}`);
      }
    }
    if (meetingId !== null) this.openMeeting(meetingId);
    // One transaction: a person to update who has gone meanwhile refuses it all.
    for (const r of rows) {
      if (r.personId === null) continue;
      const stillThere =
        meetingId === null
          ? this.people.some((p) => p.id === r.personId) && !this.deletedPeople.has(r.personId)
          : this.invitations.some((i) => i.meetingId === meetingId && i.personId === r.personId);
      if (!stillThere) {
        fail(
          "conflict",
          `Dòng ${r.row}: người cần cập nhật không còn trong danh sách (có thể vừa bị bỏ ra ở nơi khác). Hãy xem trước lại rồi nhập lại.`,
        );
      }
    }
    for (const [i, r] of rows.entries()) {
      const person = valid[i] as PersonInput;
      if (r.personId !== null) {
        // Like the core's `people::update`: a deleted person is left as they are.
        if (!this.deletedPeople.has(r.personId)) {
          Object.assign(this.person(r.personId), person, { updatedAt: this.stamp() });
        }
      } else {
        const free = !this.people.some((p) => codeKey(p.checkinCode) === codeKey(r.code));
        const created = await this.createPerson(person);
        if (codeKey(r.code) !== "" && free) this.livePerson(created.id).checkinCode = r.code.trim();
        if (meetingId !== null) this.invitePerson(meetingId, created.id);
      }
    }
    // Imported: the file is forgotten (a refused import keeps it).
    this.picked = null;
    return {
      added: plan.added,
      updated: plan.updated,
      unchanged: plan.unchanged,
      skipped: plan.skipped,
    };
  }

  async cancelImport(): Promise<null> {
    this.picked = null;
    return null;
  }

  /** The list as .xlsx (the fake writes nothing; it answers the file's name). */
  async exportList(meetingId: string): Promise<string | null> {
    const meeting = this.meeting(meetingId);
    const stem = fold(`danh-sach-${meeting.startsAt.slice(0, 10)}-${meeting.title}`)
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-|-$/g, "");
    const path = this.savePathChoice(`${stem}.xlsx`);
    return path === null ? null : baseName(path);
  }

  /** The core's `Db::copy_participants`. */
  async copyParticipants(
    meetingId: string,
    from: string,
    sections: string[],
  ): Promise<ImportOutcome> {
    if (meetingId === from) invalid("Hãy chọn một hội nghị khác để chép danh sách.");
    const source = this.participants(from);
    const listed = this.participants(meetingId);
    this.openMeeting(meetingId);
    const outcome: ImportOutcome = { added: 0, updated: 0, unchanged: 0, skipped: 0 };
    for (const p of source) {
      const wanted =
        sections.length === 0 || sections.some((s) => s.trim() === p.person.section.trim());
      if (!wanted) continue;
      if (listed.some((l) => l.person.id === p.person.id)) {
        outcome.unchanged += 1;
        continue;
      }
      this.invitePerson(meetingId, p.person.id);
      const invitation = this.invitations.find(
        (i) => i.meetingId === meetingId && i.personId === p.person.id,
      );
      if (invitation) invitation.role = p.role;
      outcome.added += 1;
    }
    return outcome;
  }

  private pickedFile(): PickedFile {
    if (this.picked === null) {
      invalid("Chưa chọn tệp danh sách, hoặc tệp đã được nhập. Hãy chọn tệp lại.");
    }
    return this.picked;
  }

  /** The people a row may be: the meeting's list, or (no meeting) the whole directory. */
  private importPlan(
    meetingId: string | null,
    file: PickedFile,
    choices: ImportChoices,
  ): ImportPlan {
    const existing =
      meetingId === null
        ? this.people
            .filter((p) => !this.deletedPeople.has(p.id))
            .sort(byListOrder(this.formatSettings.listOrder))
        : this.participants(meetingId).map((p) => p.person);
    try {
      return planImport(file, existing, choices);
    } catch (e) {
      if (e instanceof ImportRefusal) invalid(e.message);
      throw e;
    }
  }

  /** The core's `Db::attendance_by_section`: groups in list order, staff-only groups left out. */
  async attendanceBySection(meetingId: string): Promise<SectionAttendance[]> {
    const list = this.participants(meetingId);
    const sections = [...new Set(list.map((p) => p.person.section.trim()))];
    return sections
      .map((section) => ({
        section,
        summary: summarise(list.filter((p) => p.person.section.trim() === section)),
      }))
      .filter((s) => s.summary.invited > 0);
  }

  /** Opens the hall screen's view in a browser tab (the shell opens a window). */
  async openProjector(meetingId: string): Promise<null> {
    this.meeting(meetingId);
    if (typeof window !== "undefined" && !import.meta.env.VITEST) {
      window.open(`?projector=${encodeURIComponent(meetingId)}`, "projector");
    }
    return null;
  }

  async invitePeople(meetingId: string, personIds: string[]): Promise<Participant[]> {
    this.openMeeting(meetingId);
    for (const id of personIds) this.livePerson(id);
    for (const id of personIds) this.invitePerson(meetingId, id);
    return this.participants(meetingId);
  }

  async addParticipant(meetingId: string, input: PersonInput): Promise<Participant[]> {
    this.openMeeting(meetingId);
    const person = await this.createPerson(input);
    this.invitePerson(meetingId, person.id);
    return this.participants(meetingId);
  }

  async removeParticipant(meetingId: string, personId: string): Promise<Participant[]> {
    this.openMeeting(meetingId);
    if (!this.invitations.some((i) => i.meetingId === meetingId && i.personId === personId)) {
      notFound("Người này không có trong danh sách đại biểu của cuộc họp.");
    }
    this.invitations = this.invitations.filter(
      (i) => !(i.meetingId === meetingId && i.personId === personId),
    );
    return this.participants(meetingId);
  }

  async setParticipantRole(
    meetingId: string,
    personId: string,
    role: ParticipantRole,
  ): Promise<Participant[]> {
    this.openMeeting(meetingId);
    const invitation = this.invitations.find(
      (i) => i.meetingId === meetingId && i.personId === personId,
    );
    if (!invitation) notFound("Người này không có trong danh sách đại biểu của cuộc họp.");
    invitation.role = role;
    return this.participants(meetingId);
  }

  async recordAttendance(
    meetingId: string,
    personId: string,
    kind: AttendanceEventKind,
    reason: string,
    at: string | null,
  ): Promise<Participant[]> {
    this.openMeeting(meetingId);
    if (!this.invitations.some((i) => i.meetingId === meetingId && i.personId === personId)) {
      notFound("Người này không có trong danh sách đại biểu của cuộc họp.");
    }
    if (kind === "invited") invalid("Hãy dùng chức năng mời để thêm đại biểu.");
    const cleaned = line("Lý do", reason);
    const when = attendanceTime(at) ?? toLocalDateTime(this.now());
    this.pushEvent(meetingId, personId, kind, cleaned, when);
    return this.participants(meetingId);
  }

  /** The core's `Db::set_substitute`: an empty name clears the title too. */
  async setSubstitute(
    meetingId: string,
    personId: string,
    name: string,
    title: string,
  ): Promise<Participant[]> {
    const substituteName = line("Người dự thay", name);
    const substituteTitle = substituteName ? line("Chức vụ người dự thay", title) : "";
    this.openMeeting(meetingId);
    const invitation = this.invitations.find(
      (i) => i.meetingId === meetingId && i.personId === personId,
    );
    if (!invitation) notFound("Người này không có trong danh sách đại biểu của cuộc họp.");
    invitation.substituteName = substituteName;
    invitation.substituteTitle = substituteTitle;
    return this.participants(meetingId);
  }

  /**
   * The core's `Db::mark_section_present`: everyone of the group not marked
   * yet arrives at `at` (or now); anyone already marked is left alone.
   */
  async markSectionPresent(
    meetingId: string,
    section: string,
    at: string | null,
  ): Promise<Participant[]> {
    const when = attendanceTime(at);
    this.openMeeting(meetingId);
    const time = when ?? toLocalDateTime(this.now());
    const group = section.trim();
    for (const p of this.participants(meetingId)) {
      if (p.state === "invited" && p.person.section.trim() === group) {
        this.pushEvent(meetingId, p.person.id, "arrived", "", time);
      }
    }
    return this.participants(meetingId);
  }

  async searchParticipants(
    meetingId: string,
    query: string,
    limit: number,
  ): Promise<Participant[]> {
    const list = this.participants(meetingId);
    const found = searchList(
      list.map((p) => ({
        name: p.person.fullName,
        title: p.person.positionTitle,
        unit: p.person.unit,
        code: p.person.checkinCode,
      })),
      query,
      limit,
    );
    return found.map((i) => list[i] as Participant);
  }

  /** The core's `Db::check_in`: someone already in keeps their arrival and nothing is recorded. */
  async checkIn(meetingId: string, personId: string): Promise<CheckIn> {
    const before = this.participants(meetingId).find((p) => p.person.id === personId);
    if (!before) {
      notFound(
        `Không tìm thấy đại biểu trong hội nghị này (mã ${personId}). Có thể bản ghi đã bị xoá.`,
      );
    }
    if (before.state === "present" || before.state === "late" || before.state === "left") {
      return {
        participant: before,
        already: true,
        summary: await this.attendanceSummary(meetingId),
      };
    }
    this.openMeeting(meetingId);
    this.pushEvent(meetingId, personId, "arrived", "", toLocalDateTime(this.now()));
    const participant = this.participants(meetingId).find((p) => p.person.id === personId);
    if (!participant) notFound("Người này không có trong danh sách đại biểu của cuộc họp.");
    return { participant, already: false, summary: await this.attendanceSummary(meetingId) };
  }

  /** The core's `Db::check_in_code`: "HN-0042", "hn0042" and "HN0042" are the same code. */
  async checkInCode(meetingId: string, code: string): Promise<CheckIn> {
    const wanted = codeKey(code);
    const person = this.participants(meetingId).find(
      (p) => wanted !== "" && codeKey(p.person.checkinCode) === wanted,
    );
    if (!person) invalid(`Mã "${code.trim()}" không có trong danh sách hội nghị này.`);
    return this.checkIn(meetingId, person.person.id);
  }

  async attendanceLog(meetingId: string, personId: string): Promise<AttendanceEvent[]> {
    this.meeting(meetingId);
    return this.events
      .filter((e) => e.meetingId === meetingId && e.personId === personId)
      .map(clone);
  }

  private validateMinutes(meetingId: string, input: MinutesInput): void {
    if (!input.text.trim()) invalid("Nội dung biên bản không được để trống.");
    if (input.spokenAt !== null && !CLOCK_TIME.test(input.spokenAt)) {
      invalid("Giờ phát biểu phải có dạng HH:MM.");
    }
    if (
      input.agendaItemId !== null &&
      !this.agenda.some((a) => a.id === input.agendaItemId && a.meetingId === meetingId)
    ) {
      notFound("Không tìm thấy nội dung chương trình đã chọn.");
    }
  }

  async listMinutes(meetingId: string): Promise<MinutesEntry[]> {
    this.meeting(meetingId);
    return this.minutes.filter((m) => m.meetingId === meetingId).map(clone);
  }

  async addMinutesEntry(meetingId: string, input: MinutesInput): Promise<MinutesEntry> {
    this.meeting(meetingId);
    this.validateMinutes(meetingId, input);
    this.openMeeting(meetingId);
    const stamp = this.stamp();
    const entry: MinutesEntry = {
      ...clone(input),
      id: this.id("minutes"),
      meetingId,
      createdAt: stamp,
      updatedAt: stamp,
    };
    this.minutes.push(entry);
    return clone(entry);
  }

  async updateMinutesEntry(id: string, seen: string, input: MinutesInput): Promise<MinutesEntry> {
    const entry = this.minutes.find((m) => m.id === id);
    if (!entry) notFound("Không tìm thấy ý kiến này trong biên bản.");
    this.validateMinutes(entry.meetingId, input);
    this.touch(entry, seen, "mục biên bản", () => this.openMeeting(entry.meetingId));
    Object.assign(entry, clone(input));
    return clone(entry);
  }

  async deleteMinutesEntry(id: string): Promise<null> {
    const entry = this.minutes.find((m) => m.id === id);
    if (!entry) notFound("Không tìm thấy ý kiến này trong biên bản.");
    this.openMeeting(entry.meetingId);
    this.minutes = this.minutes.filter((m) => m.id !== id);
    return null;
  }

  private validateTask(input: TaskInput): void {
    if (!input.text.trim()) invalid("Nội dung nhiệm vụ không được để trống.");
    if (input.deadline !== null && !DATE.test(input.deadline)) {
      invalid("Thời hạn phải là một ngày hợp lệ.");
    }
  }

  async listTasks(meetingId: string): Promise<Task[]> {
    this.meeting(meetingId);
    return this.tasks
      .filter((t) => t.meetingId === meetingId)
      .sort((a, b) => a.position - b.position)
      .map(clone);
  }

  async addTask(meetingId: string, input: TaskInput): Promise<Task> {
    this.meeting(meetingId);
    this.validateTask(input);
    this.openMeeting(meetingId);
    const position = this.tasks.filter((t) => t.meetingId === meetingId).length;
    const task: Task = {
      ...clone(input),
      id: this.id("task"),
      meetingId,
      position,
      updatedAt: this.stamp(),
    };
    this.tasks.push(task);
    return clone(task);
  }

  async updateTask(id: string, seen: string, input: TaskInput): Promise<Task> {
    this.validateTask(input);
    const task = this.tasks.find((t) => t.id === id);
    if (!task) notFound("Không tìm thấy nhiệm vụ này.");
    this.touch(task, seen, "nhiệm vụ", () => this.openMeeting(task.meetingId));
    Object.assign(task, clone(input));
    return clone(task);
  }

  async deleteTask(id: string): Promise<null> {
    const task = this.tasks.find((t) => t.id === id);
    if (!task) notFound("Không tìm thấy nhiệm vụ này.");
    this.openMeeting(task.meetingId);
    this.tasks = this.tasks.filter((t) => t.id !== id);
    return null;
  }

  /** The core's `votes::validate`, and the item check of `minutes::check_item`. */
  private validateVote(meetingId: string, input: VoteInput): VoteInput {
    const question = input.question.trim();
    if (!question) invalid("Hãy ghi nội dung được đưa ra biểu quyết.");
    if (input.present <= 0) invalid("Số đại biểu có mặt khi biểu quyết phải lớn hơn 0.");
    const sum = input.inFavour + input.against + input.abstained;
    if (sum !== input.present) {
      invalid(
        `Tán thành (${input.inFavour}), không tán thành (${input.against}) và không biểu quyết (${input.abstained}) cộng lại là ${sum}, phải bằng số đại biểu có mặt (${input.present}).`,
      );
    }
    const agendaItemId = input.agendaItemId || null;
    if (agendaItemId !== null) {
      const item = this.agendaItem(agendaItemId);
      if (item.meetingId !== meetingId) {
        invalid("Mục chương trình đã chọn thuộc một hội nghị khác.");
      }
    }
    return { ...clone(input), agendaItemId, question, result: input.result.trim() };
  }

  private publicVote(v: Vote & { createdAt: string }): Vote {
    const { createdAt: _createdAt, ...vote } = v;
    return clone(vote);
  }

  async listVotes(meetingId: string): Promise<Vote[]> {
    this.meeting(meetingId);
    return this.votes
      .filter((v) => v.meetingId === meetingId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
      .map((v) => this.publicVote(v));
  }

  async addVote(meetingId: string, input: VoteInput): Promise<Vote> {
    this.meeting(meetingId);
    const valid = this.validateVote(meetingId, input);
    this.openMeeting(meetingId);
    const stamp = this.stamp();
    const vote = { ...valid, id: this.id("vote"), meetingId, updatedAt: stamp, createdAt: stamp };
    this.votes.push(vote);
    return this.publicVote(vote);
  }

  async updateVote(id: string, seen: string, input: VoteInput): Promise<Vote> {
    const vote = this.votes.find((v) => v.id === id);
    if (!vote) notFound("Không tìm thấy biểu quyết này.");
    const valid = this.validateVote(vote.meetingId, input);
    this.touch(vote, seen, "biểu quyết", () => this.openMeeting(vote.meetingId));
    Object.assign(vote, valid);
    return this.publicVote(vote);
  }

  async deleteVote(id: string): Promise<null> {
    const vote = this.votes.find((v) => v.id === id);
    if (!vote) notFound("Không tìm thấy biểu quyết này.");
    this.openMeeting(vote.meetingId);
    this.votes = this.votes.filter((v) => v.id !== id);
    return null;
  }

  /**
   * What the core's `Snapshot::take` checks before a document is made: the
   * meeting has a body and the date is one. Answers the body the document is
   * issued by.
   */
  private snapshot(meeting: Meeting, kind: DocumentKind, options: DocumentOptions): Organisation {
    this.issuingBody(meeting);
    const body = this.issuer(meeting, kind, options);
    this.issuedOn(options);
    return body;
  }

  /** Like the core: the chosen date (blank is none), refused when it is not a real day. */
  private issuedOn(options: DocumentOptions): string | null {
    const day = options.issuedOn?.trim() ?? "";
    if (!day) return null;
    if (!isDate(day)) invalid("Ngày ban hành không hợp lệ.");
    return day;
  }

  /**
   * Like the core's `registered`: the options with the number and date the
   * register gives the document (a danh sách those of its giấy mời or biên
   * bản) when the options leave both out; without a number, the saved date.
   */
  private registered(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): DocumentOptions {
    if (options.number !== null || options.issuedOn?.trim()) return options;
    const numbered = numberedAs(kind, options);
    const entry = numbered ? this.liveNumber(meetingId, numbered) : undefined;
    if (entry) return { ...options, number: entry.number, issuedOn: entry.issuedOn };
    // No number yet: the date saved for the document, if any.
    const saved = this.textsOf(meetingId, numbered ?? kind).get("issued_on");
    return saved ? { ...options, issuedOn: saved } : options;
  }

  /** Like the core's `Snapshot::format`: the chosen profile, or the one in force on the document's date. */
  private format(meeting: Meeting, kind: DocumentKind, given: DocumentOptions): DocumentFormat {
    const body = this.issuer(meeting, kind, given);
    const options = this.registered(meeting.id, kind, given);
    const issuedOn =
      this.issuedOn(options) ?? addDays(meeting.startsAt.slice(0, 10), USUAL_ISSUE_DAYS[kind]);
    return {
      profile: options.profile ?? profileOn(body.kind, issuedOn),
      issuedOn,
      byDate: options.profile === null,
      dateKept: !given.issuedOn?.trim() && Boolean(options.issuedOn?.trim()),
    };
  }

  async documentFormat(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): Promise<DocumentFormat> {
    return this.format(this.meeting(meetingId), kind, options);
  }

  private textsOf(meetingId: string, kind: DocumentKind): Map<DocumentFieldKey, string> {
    const key = `${meetingId}\n${kind}`;
    let texts = this.documentTexts.get(key);
    if (!texts) {
      texts = new Map<DocumentFieldKey, string>();
      this.documentTexts.set(key, texts);
    }
    return texts;
  }

  /**
   * Like the core's giấy mời: "Đề nghị xác nhận tham dự với đồng chí …, số
   * điện thoại …, trước 16 giờ 00 ngày …" (the same in both forms), with the meeting's minute-taker (and
   * their phone, if they are on the list with one), two working days before the
   * meeting; none without a minute-taker.
   */
  private confirmation(meeting: Meeting): string | null {
    const name = meeting.secretaryName.trim();
    if (!name) return null;
    const title = meeting.secretaryTitle.trim();
    const contact = title ? `đồng chí ${name}, ${title}` : `đồng chí ${name}`;
    const phone = this.participants(meeting.id)
      .map((p) => p.person)
      .find((p) => p.fullName.trim() === name && p.phone.trim())
      ?.phone.trim();
    const [year, month, day] = workingDaysBefore(meeting.startsAt.slice(0, 10), 2).split("-");
    return `Đề nghị xác nhận tham dự với ${contact}${phone ? `, số điện thoại ${phone}` : ""}, trước 16 giờ 00 ngày ${day}/${month}/${year}.`;
  }

  /** A plausible, fixed set of editable fields per document, worded from the meeting. */
  private fieldSpecs(
    meeting: Meeting,
    issuer: Organisation,
    kind: DocumentKind,
    options: DocumentOptions,
  ): FieldSpec[] {
    const title = lowerFirst(meeting.title);
    const body = issuer.fullName || issuer.name;
    const [year, month, day] = meeting.startsAt.slice(0, 10).split("-");
    const subjects: Record<DocumentKind, string> = {
      "giay-moi": `V/v mời dự ${title}`,
      "chuong-trinh": `Chương trình ${title}`,
      "danh-sach": `Danh sách đại biểu dự ${title}`,
      "bien-ban": `Biên bản ${title}`,
      "thong-bao": `Kết luận tại ${title}`,
      "bao-cao": `Kết quả ${title}`,
    };
    const specs: FieldSpec[] = [{ key: "subject", generated: subjects[kind], multiline: false }];
    if (kind === "giay-moi") {
      // One generic invitation to everyone on the attached list, or one per
      // person: each form has its own sentence, so an edit of one stays there.
      specs.push(
        options.invitation === "generic"
          ? {
              key: "invitation_all",
              generated: `${body} trân trọng kính mời các đồng chí tới dự ${title}.`,
              multiline: false,
            }
          : { key: "invitation", generated: `${body} trân trọng kính mời:`, multiline: false },
      );
      const confirmation = this.confirmation(meeting);
      if (confirmation) {
        specs.push({ key: "confirmation", generated: confirmation, multiline: false });
      }
    }
    if (kind === "thong-bao") {
      specs.push({
        key: "opening",
        generated: `Ngày ${day}/${month}/${year}, ${body} tổ chức ${title}. Sau khi nghe báo cáo và ý kiến của các đại biểu, đồng chí chủ trì kết luận như sau:`,
        multiline: false,
      });
    }
    const closings: Record<DocumentKind, string> = {
      "giay-moi": "Rất mong đồng chí đến dự đúng giờ./.",
      "chuong-trinh": "Đề nghị các đại biểu dự đúng thời gian trên./.",
      "danh-sach": "Danh sách gồm các đại biểu nêu trên./.",
      "bien-ban": `Cuộc họp kết thúc lúc ${meeting.endsAt.slice(11)} cùng ngày./.`,
      "thong-bao": `${body} thông báo để các đơn vị, cá nhân liên quan biết, thực hiện./.`,
      "bao-cao": "Trên đây là báo cáo kết quả cuộc họp./.",
    };
    specs.push(
      { key: "closing", generated: closings[kind], multiline: false },
      {
        key: "recipients",
        generated: (kind === "giay-moi"
          ? ["- Như trên;", "- Lưu Văn phòng."]
          : ["- Các đại biểu dự họp;", "- Lãnh đạo cơ quan;", "- Lưu Văn phòng."]
        ).join("\n"),
        multiline: true,
      },
    );
    return specs;
  }

  async documentFields(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): Promise<DocumentField[]> {
    const meeting = this.meeting(meetingId);
    const issuer = this.snapshot(meeting, kind, options);
    const texts = this.textsOf(meetingId, kind);
    return this.fieldSpecs(meeting, issuer, kind, options).map((spec) => {
      const edit = texts.get(spec.key);
      return { ...spec, text: edit ?? spec.generated, edited: edit !== undefined };
    });
  }

  async setDocumentText(
    meetingId: string,
    kind: DocumentKind,
    field: DocumentFieldKey,
    text: string,
  ): Promise<void> {
    const body = longText(text);
    if (field === "issued_on" && !isDate(body)) invalid("Ngày ban hành phải là một ngày hợp lệ.");
    this.meeting(meetingId);
    this.textsOf(meetingId, kind).set(field, body);
  }

  async resetDocumentText(
    meetingId: string,
    kind: DocumentKind,
    field: DocumentFieldKey,
  ): Promise<void> {
    if (!this.textsOf(meetingId, kind).delete(field)) {
      notFound(`Không tìm thấy nội dung đã sửa (mã ${field}). Có thể bản ghi đã bị xoá.`);
    }
  }

  /** The live line of the register for a document of a meeting, if it has a number. */
  private liveNumber(meetingId: string, kind: DocumentKind): StoredNumber | undefined {
    return this.numbers.find((n) => n.meetingId === meetingId && n.kind === kind && !n.cancelled);
  }

  private numbersWhere(keep: (n: StoredNumber) => boolean): DocumentNumber[] {
    return this.numbers
      .filter((n) => !n.cancelled && keep(n))
      .sort(byIssue)
      .map(({ cancelled: _cancelled, issuer: _issuer, ...n }) => clone(n));
  }

  async documentNumbers(meetingId: string): Promise<DocumentNumber[]> {
    return this.numbersWhere((n) => n.meetingId === meetingId);
  }

  async documentRegister(organisationId: string): Promise<DocumentNumber[]> {
    return this.numbersWhere((n) => n.organisationId === organisationId);
  }

  /** Like the core's `issue_document_number`: the same checks, in the same order. */
  async issueDocumentNumber(
    meetingId: string,
    kind: DocumentKind,
    number: number | null,
    issuedOn: string,
  ): Promise<DocumentNumber> {
    if (kind === "danh-sach") {
      invalid(
        "Danh sách đại biểu không có số riêng: nó mang số của giấy mời hoặc biên bản đi kèm.",
      );
    }
    const day = issuedOn.trim();
    if (!isDate(day)) invalid("Ngày ban hành phải là một ngày hợp lệ.");
    if (number === 0) invalid("Số văn bản bắt đầu từ 01.");
    const meeting = this.meeting(meetingId);
    const organisation = this.issuingBody(meeting);
    const settings = this.formatSettings;
    const run = series(organisation, kind, day);
    const profile = profileOn(organisation.kind, day);
    const type =
      kind === "giay-moi" && profile !== "nd30"
        ? settings.partyInvitationAbbreviation
        : TYPE_ABBREVIATIONS[kind];
    const summary = `${DOCUMENT_TITLES[kind]} – ${meeting.title.trim()}`;
    const signer = kind === "bien-ban" ? meeting.chairName.trim() : organisation.signerName.trim();
    const existing = this.liveNumber(meetingId, kind);
    // Each body keeps its own register: a series is one body's.
    const inSeries = (n: StoredNumber) => n.organisationId === organisation.id && n.series === run;
    let chosen: number;
    if (number !== null) {
      const taken = this.numbers.find(
        (n) => !n.cancelled && inSeries(n) && n.number === number && n !== existing,
      );
      if (taken) {
        invalid(`Số ${pad(number)} đã cấp cho “${taken.summary}” (ngày ${taken.issuedOn}).`);
      }
      chosen = number;
    } else if (existing && inSeries(existing)) {
      chosen = existing.number;
    } else {
      const inRun = this.numbers.filter(inSeries).map((n) => n.number);
      chosen = Math.max(0, ...inRun) + 1;
    }
    const line = {
      series: run,
      number: chosen,
      issuedOn: day,
      symbol: symbol(profile, chosen, type, organisation.abbreviation.trim()),
      summary,
      signer,
      organisationId: organisation.id,
      issuer: organisation,
    };
    if (existing) {
      if (!inSeries(existing) || existing.number !== chosen) {
        // The old number may be on paper: it stays, cancelled, never given again.
        this.numbers.push({ ...clone(existing), id: this.id("number"), cancelled: true });
      }
      Object.assign(existing, line);
    } else {
      this.numbers.push({ id: this.id("number"), meetingId, kind, ...line, cancelled: false });
    }
    const issued = (await this.documentNumbers(meetingId)).find((n) => n.kind === kind);
    if (!issued) notFound(`Không tìm thấy số văn bản (mã ${kind}).`);
    return issued;
  }

  async cancelDocumentNumber(meetingId: string, kind: DocumentKind): Promise<null> {
    const entry = this.liveNumber(meetingId, kind);
    if (entry) entry.cancelled = true;
    return null;
  }

  /** Registers written by `saveRegister`: the file name and the lines it held. */
  readonly savedRegisters: { path: string; entries: DocumentNumber[] }[] = [];

  async saveRegister(organisationId: string): Promise<string | null> {
    const entries = await this.documentRegister(organisationId);
    const day = toLocalDateTime(this.now()).slice(0, 10);
    const path = this.savePathChoice(`so-van-ban-di-${day}.pdf`);
    if (path === null) return null;
    this.savedRegisters.push({ path, entries });
    return baseName(path);
  }

  async renderDocument(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): Promise<Uint8Array> {
    const meeting = this.meeting(meetingId);
    const { profile } = this.format(meeting, kind, options);
    const fields = await this.documentFields(meetingId, kind, options);
    const printed = this.registered(meetingId, kind, options);
    // Like the real renderer, refuse rather than print boxes where letters should be.
    const drawn = [meeting.title, ...fields.filter((f) => f.edited).map((f) => f.text)].join("\n");
    const missing = [...new Set(drawn.match(NO_GLYPH) ?? [])];
    if (missing.length > 0) {
      const named = missing
        .map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()})`)
        .join(", ");
      throw ipcError(
        "missingGlyphs",
        `Phông chữ không có các ký tự sau nên không thể xuất văn bản: ${named}. Hãy sửa hoặc xoá chúng rồi xuất lại.`,
      );
    }
    const subject = fields.find((f) => f.key === "subject")?.text ?? "";
    return samplePdf(
      [
        DOCUMENT_TITLES[kind],
        meeting.title,
        `Trich yeu: ${subject}`,
        `The thuc: ${profile.toUpperCase()}`,
        `So: ${printed.number ?? "..."}`,
        `Ngay ban hanh: ${printed.issuedOn || "(mac dinh)"}`,
        kind === "giay-moi" ? `Giay moi: ${options.invitation}` : "",
        kind === "danh-sach" ? `Danh sach: ${options.list}` : "",
        "(Ban xem thu - du lieu tam trong bo nho)",
      ].filter(Boolean),
    );
  }

  /** Writes one document to `path` (the fake's stand-in for a file). */
  private async write(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
    path: string,
  ): Promise<void> {
    await this.renderDocument(meetingId, kind, options);
    this.savedDocuments.push({ meetingId, kind, options: clone(options), path });
  }

  async saveDocument(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): Promise<string | null> {
    await this.renderDocument(meetingId, kind, options);
    const path = this.savePathChoice(await this.documentFileName(meetingId, kind));
    if (path === null) return null;
    await this.write(meetingId, kind, options, path);
    return baseName(path);
  }

  async documentFileName(meetingId: string, kind: DocumentKind): Promise<string> {
    return `${kind}-${this.meeting(meetingId).startsAt.slice(0, 10)}.pdf`;
  }

  async saveAllDocuments(
    meetingId: string,
    documents: [DocumentKind, DocumentOptions][],
  ): Promise<SavedFolder | null> {
    const meeting = this.meeting(meetingId);
    for (const [kind, options] of documents) this.snapshot(meeting, kind, options);
    const folder = this.folderChoice;
    if (folder === null) return null;
    const saved: SavedDocument[] = [];
    for (const [kind, options] of documents) {
      const path = `${folder}/${await this.documentFileName(meetingId, kind)}`;
      try {
        await this.write(meetingId, kind, options, path);
        saved.push({ kind, path, error: null });
      } catch (error) {
        saved.push({ kind, path, error: toIpcError(error) });
      }
    }
    return { folder, documents: saved };
  }

  async printDocument(
    meetingId: string,
    kind: DocumentKind,
    options: DocumentOptions,
  ): Promise<string> {
    await this.renderDocument(meetingId, kind, options);
    return FAKE_PRINT_PATH;
  }

  /**
   * A backend with a demo meeting issued by a demo body of its own, for
   * browser previews. Like the core's demo, its body is never a new meeting's
   * default.
   */
  static async withSampleData(peopleCount = 400): Promise<FakeBackend> {
    const backend = new FakeBackend();
    const body = await backend.saveOrganisation({
      id: "",
      headerLines: "",
      superior: "",
      contact: "",
      termStart: "",
      updatedAt: "",
      parentName: "THÀNH UỶ HÀ NỘI",
      name: "BAN TUYÊN GIÁO THÀNH UỶ",
      fullName: "Ban Tuyên giáo Thành uỷ Hà Nội",
      abbreviation: "BTGTU",
      placeName: "Hà Nội",
      kind: "party",
      headVacant: false,
      signerName: "Phạm Văn Cường",
      signerTitle: "PHÓ TRƯỞNG BAN",
      signingPrefix: "K/T TRƯỞNG BAN",
      timeZone: "Asia/Ho_Chi_Minh",
    });
    const today = toLocalDateTime(backend.now()).slice(0, 10);
    const meeting = await backend.createMeeting(
      {
        title: "Hội nghị giao ban công tác tuyên giáo quý III",
        kind: "giaoBan",
        startsAt: `${today}T08:00`,
        endsAt: `${today}T11:30`,
        venue: "Hội trường tầng 3",
        chairName: "Nguyễn Văn An",
        chairTitle: "Trưởng ban",
        secretaryName: "Trần Thị Bình",
        secretaryTitle: "Chuyên viên",
        organisationId: body.id,
        signerName: "",
        signerTitle: "",
        signingPrefix: "",
        notes: "",
        status: "draft",
      },
      true,
    );
    const items: [string, string, number][] = [
      ["Tuyên bố lý do, giới thiệu đại biểu", "Văn phòng", 10],
      ["Báo cáo kết quả công tác quý III", "Phó Trưởng ban", 30],
      ["Thảo luận", "Các đại biểu", 90],
      ["Kết luận hội nghị", "Trưởng ban", 20],
    ];
    for (const [title, presenter, durationMinutes] of items) {
      await backend.addAgendaItem(meeting.id, {
        title,
        presenter,
        durationMinutes,
        fixedStart: null,
        notes: "",
      });
    }
    const families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"];
    const given = ["Văn Hùng", "Thị Lan", "Minh Tuấn", "Thu Hà", "Quốc Bảo", "Thị Hương"];
    const sections = ["Lãnh đạo Ban", "Các phòng", "Quận, huyện uỷ", "Báo chí"];
    // Units and offices as long as real ones, so the preview shows how they wrap.
    const units = [
      "Ban Tuyên giáo và Dân vận Thành uỷ",
      "Phòng Lý luận chính trị và Lịch sử Đảng",
      "Quận uỷ Ba Đình",
      "Báo Hà Nội mới",
      "Uỷ ban Mặt trận Tổ quốc Việt Nam thành phố Hà Nội",
      "Văn phòng Thành uỷ",
      "Huyện uỷ Đông Anh",
      "Đài Phát thanh và Truyền hình Hà Nội",
      "Đảng uỷ Khối các cơ quan Thành phố",
      "Sở Văn hoá và Thể thao",
    ];
    const titles = [
      "Phó Trưởng ban Thường trực",
      "Chuyên viên",
      "Trưởng phòng Tuyên truyền, báo chí, xuất bản",
      "Chuyên viên chính",
      "Phó Bí thư Thường trực Quận uỷ",
      "Phóng viên",
      "Chánh Văn phòng",
    ];
    const ids: string[] = [];
    for (let i = 0; i < peopleCount; i += 1) {
      const person = await backend.createPerson(
        {
          fullName: `${families[i % families.length]} ${given[i % given.length]} ${i + 1}`,
          positionTitle: titles[i % titles.length] ?? "",
          unit: units[(i * 3) % units.length] ?? "",
          section: sections[i % sections.length] ?? "",
          rank: i,
          phone: "",
          email: "",
        },
        true,
      );
      ids.push(person.id);
    }
    await backend.invitePeople(meeting.id, ids);
    return backend;
  }
}

function applyEvent(p: Participant, event: AttendanceEvent, startsAt: string): void {
  switch (event.kind) {
    case "invited":
      break;
    case "arrived":
      // Like the core's `Derived::apply`: a second "arrived" (a repeated
      // click, a second scan) never moves the first arrival; after leaving,
      // it means they came back.
      if (p.arrivedAt !== null) {
        if (p.state === "left") {
          p.state = p.arrivedAt > startsAt ? "late" : "present";
          p.leftAt = null;
          p.absenceReason = "";
        }
        break;
      }
      p.state = event.at > startsAt ? "late" : "present";
      p.arrivedAt = event.at;
      p.leftAt = null;
      p.absenceReason = "";
      break;
    case "left":
      p.state = "left";
      p.leftAt = event.at;
      p.absenceReason = event.reason;
      break;
    case "absent":
      p.state = event.reason ? "absentExcused" : "absent";
      p.absenceReason = event.reason;
      p.arrivedAt = null;
      p.leftAt = null;
      break;
    case "cleared":
      p.state = "invited";
      p.arrivedAt = null;
      p.leftAt = null;
      p.absenceReason = "";
      break;
  }
}

/**
 * Like the core's `clock::parse_local` for an attendance time: a local
 * "YYYY-MM-DDTHH:MM" (seconds allowed, dropped) on a real day, in a plausible
 * year; null stays null (now).
 */
function attendanceTime(at: string | null): string | null {
  if (at === null) return null;
  const v = at.trim();
  const m = /^((\d{4})-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.exec(v);
  if (!m || !isDate(m[1] ?? ""))
    invalid(`Thời điểm không hợp lệ: "${v}" (cần dạng năm-tháng-ngàyTgiờ:phút).`);
  const year = Number(m[2]);
  if (year < MIN_YEAR || year > MAX_YEAR) {
    invalid(`Thời điểm "${v}" nằm ngoài khoảng năm ${MIN_YEAR}–${MAX_YEAR}; hãy kiểm tra lại năm.`);
  }
  return v.slice(0, 16);
}

function byPrecedence(a: Person, b: Person): number {
  return a.rank - b.rank || a.fullName.localeCompare(b.fullName, "vi");
}

/** The name as alphabetical lists sort it: tên first, then họ and đệm. */
function givenFirst(fullName: string): string {
  const words = fullName.split(/\s+/u).filter(Boolean);
  return words.length > 1 ? [words[words.length - 1], ...words.slice(0, -1)].join(" ") : fullName;
}

/** The order of the `listOrder` setting (the core's `people::order_by`). */
function byListOrder(order: ListOrder): (a: Person, b: Person) => number {
  switch (order) {
    case "givenName":
      return (a, b) =>
        givenFirst(a.fullName).localeCompare(givenFirst(b.fullName), "vi") || a.rank - b.rank;
    case "unit":
      return (a, b) => a.unit.localeCompare(b.unit, "vi") || byPrecedence(a, b);
    default:
      return byPrecedence;
  }
}

// The door's search: a port of `crates/core/src/search.rs` (and of the
// `text::fold` and `text::place_tone_marks` it uses), scanning person by
// person. The results and their order must be the core's.

/** Tone marks in the core's order (`text::TONES`): huyền, hỏi, ngã, sắc, nặng. */
const TONES = ["\u0300", "\u0309", "\u0303", "\u0301", "\u0323"];

const ALPHABETIC = /^\p{Alphabetic}$/u;

/** Non-alphanumerics at either end of a word (Rust's `trim_matches(!is_alphanumeric)`). */
const NOT_ALPHANUMERIC_ENDS = /^[^\p{Alphabetic}\p{N}]+|[^\p{Alphabetic}\p{N}]+$/gu;

/** Where search splits words: spaces and punctuation inside ("Hà Nội,", "(nhóm"). */
const SEARCH_SEPARATORS = /[\p{White_Space},;()/\-–]/u;

/** Words per person that search looks at (the core's `MAX_WORDS`). */
const MAX_SEARCH_WORDS = 64;

/** A letter as its base letter, whether it has a vowel mark (ˆ ˘ horn), and its tone mark. */
function letterParts(c: string): { base: string; marked: boolean; tone: string | null } {
  const [first = c, ...rest] = [...c.normalize("NFD")];
  const base = /^[A-Z]$/.test(first) ? first.toLowerCase() : first;
  let marked = false;
  let tone: string | null = null;
  for (const d of rest) {
    if (TONES.includes(d)) tone = d;
    else marked = true;
  }
  return { base, marked, tone };
}

/** The core's `text::retone`: one syllable with its tone mark where `style` puts it, if that moves it. */
function retone(word: string, style: ToneMarks): string | null {
  const letters = [...word];
  const n = letters.length;
  const lastLetter = letters[n - 1];
  if (lastLetter === undefined) return null;
  const last = [...lastLetter.toLowerCase()][0] ?? "";
  if (!"aàáảãạeèéẻẽẹyỳýỷỹỵ".includes(last)) return null;
  if (n < 2) return null;
  const first = letterParts(letters[n - 2] ?? "");
  const second = letterParts(letters[n - 1] ?? "");
  const before = n >= 3 ? letterParts(letters[n - 3] ?? "").base : null;
  const pair = first.base + second.base;
  const movable =
    !first.marked &&
    !second.marked &&
    (pair === "oa" || pair === "oe" || pair === "uy") &&
    // "quý": u belongs to the consonant; "khuya", "ngoeo": three vowels.
    !(before !== null && (before === "q" || "aeiouy".includes(before)));
  const [from, to] = style === "first-vowel" ? [n - 1, n - 2] : [n - 2, n - 1];
  const tone = from === n - 1 ? second.tone : first.tone;
  if (!movable || tone === null) return null;
  const bare = [...(letters[from] ?? "").normalize("NFD")]
    .filter((d) => d !== tone)
    .join("")
    .normalize("NFC");
  const marked = `${letters[to] ?? ""}${tone}`.normalize("NFC");
  letters[from] = [...bare][0] ?? "";
  letters[to] = [...marked][0] ?? "";
  return letters.join("");
}

/**
 * The core's `text::place_tone_marks`: the tone mark of every syllable ending
 * in "oa", "oe" or "uy" where `style` wants it ("Hòa" ↔ "Hoà", "Thủy" ↔ "Thuỷ").
 */
export function placeToneMarks(s: string, style: ToneMarks): string {
  let out = "";
  let word = "";
  for (const c of s) {
    if (ALPHABETIC.test(c)) {
      word += c;
      continue;
    }
    out += (retone(word, style) ?? word) + c;
    word = "";
  }
  return out + (retone(word, style) ?? word);
}

function trimWord(word: string): string {
  return word.replace(NOT_ALPHANUMERIC_ENDS, "");
}

/** Words as search sees them (the core's `search::split`). */
function searchWords(s: string): string[] {
  return s
    .split(SEARCH_SEPARATORS)
    .map(trimWord)
    .filter((w) => w !== "");
}

/** Lower case, NFC, tone marks on the first vowel ("hoà", "thuỷ"), without punctuation around. */
function markedWord(word: string): string {
  const lower = [...trimWord(word).normalize("NFC")].map((c) => c.toLowerCase()).join("");
  return placeToneMarks(lower, "first-vowel");
}

/** Letters and digits only, upper case: how codes are compared (the core's `code_key`). */
function codeKey(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
}

interface Searchable {
  name: string;
  title: string;
  unit: string;
  code: string;
}

interface SearchEntry {
  /** Every word folded, space-separated: name words, then title and unit words. */
  folded: string;
  /** Where each word of `folded` begins. */
  starts: number[];
  marked: string[];
  nameWords: number;
  initials: string;
  code: string;
}

interface QueryWord {
  folded: string;
  marked: string;
  hasMarks: boolean;
  initials: boolean;
  code: string;
}

type Hit = "whole" | "prefix" | "initials" | "code";

/** Higher is better, compared field by field: exact code, whole, in name, marks, −left over. */
type Score = [number, number, number, number, number];

function searchEntry(p: Searchable): SearchEntry {
  const nameWords = Math.min(searchWords(p.name).length, MAX_SEARCH_WORDS);
  const words = [...searchWords(p.name), ...searchWords(p.title), ...searchWords(p.unit)].slice(
    0,
    MAX_SEARCH_WORDS,
  );
  let folded = "";
  const starts: number[] = [];
  for (const w of words) {
    if (folded !== "") folded += " ";
    starts.push(folded.length);
    folded += fold(w);
  }
  let initials = "";
  for (const at of starts.slice(0, nameWords)) {
    const c = folded.codePointAt(at);
    if (c !== undefined) initials += String.fromCodePoint(c);
  }
  return {
    folded,
    starts,
    marked: words.map(markedWord),
    nameWords,
    initials,
    code: codeKey(p.code),
  };
}

/** The core's `Entry::best_word`: the best unused word for `q`, else the initials, else the code. */
function bestWord(
  e: SearchEntry,
  q: QueryWord,
  used: boolean[],
): { hit: Hit; k: number; marks: boolean } | null {
  let best: { rank: number; hit: Hit; k: number; marks: boolean } | null = null;
  for (const [k, at] of e.starts.entries()) {
    // Each word once; the query word has no space, so a match never runs into the next word.
    if (used[k] || !e.folded.startsWith(q.folded, at)) continue;
    const end = at + q.folded.length;
    const hit: Hit = end === e.folded.length || e.folded[end] === " " ? "whole" : "prefix";
    const marks = q.hasMarks && (e.marked[k] ?? "").startsWith(q.marked);
    // Lower is better.
    const rank =
      (hit === "prefix" ? 4 : 0) + (k >= e.nameWords ? 2 : 0) + (q.hasMarks && !marks ? 1 : 0);
    if (best === null || rank < best.rank) best = { rank, hit, k, marks };
  }
  if (best) {
    used[best.k] = true;
    return { hit: best.hit, k: best.k, marks: best.marks };
  }
  if (q.initials && e.initials.startsWith(q.folded)) return { hit: "initials", k: 0, marks: false };
  if (q.code !== "" && e.code.startsWith(q.code)) return { hit: "code", k: 0, marks: false };
  return null;
}

function scoreEntry(e: SearchEntry, query: QueryWord[], code: string): Score | null {
  if (code.length >= 3 && e.code === code) return [1, 0, 0, 0, 0];
  const used: boolean[] = [];
  let [inName, whole, marks] = [0, 0, 0];
  for (const q of query) {
    const found = bestWord(e, q, used);
    if (!found) return null;
    if (found.hit === "whole" || found.hit === "prefix") {
      if (found.k < e.nameWords) inName += 1;
      if (found.hit === "whole") whole += 1;
      if (found.marks) marks += 1;
    } else if (found.hit === "initials") {
      inName += 1;
    }
  }
  let nameUsed = 0;
  for (let k = 0; k < e.nameWords; k += 1) if (used[k]) nameUsed += 1;
  return [0, whole, inName, marks, -(e.nameWords - nameUsed)];
}

/**
 * The core's `SearchIndex::search`: positions in `people` of those `query`
 * finds, best first, at most `limit`.
 */
function searchList(people: Searchable[], query: string, limit: number): number[] {
  const words: QueryWord[] = searchWords(query)
    .map((w) => {
      const folded = fold(w);
      const marked = markedWord(w);
      const code = codeKey(folded);
      return {
        folded,
        marked,
        hasMarks: marked !== folded,
        initials: folded.length >= 2 && /^[a-z]+$/.test(folded),
        code: code.length >= 3 ? code : "",
      };
    })
    .filter((w) => w.folded !== "");
  const code = codeKey(fold(query));
  if (words.length === 0 && code === "") return [];
  const scored: { score: Score; at: number }[] = [];
  people.forEach((p, at) => {
    const score = scoreEntry(searchEntry(p), words, code);
    if (score) scored.push({ score, at });
  });
  scored.sort((a, b) => {
    for (let i = 0; i < a.score.length; i += 1) {
      const d = (b.score[i] ?? 0) - (a.score[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.at - b.at;
  });
  return scored.slice(0, Math.max(0, limit)).map((s) => s.at);
}
