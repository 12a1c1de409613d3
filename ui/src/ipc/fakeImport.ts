// The fake backend's delegate-list import, held to hoinghi-import by the
// contract replay: the "picked file" is tests/contract/picked-list.csv, a
// UTF-8 CSV, so only what such a file needs is modelled here (no spreadsheets,
// no legacy encodings).

import { fold } from "../text";
import type {
  ImportAction,
  ImportChoices,
  ImportField,
  ImportPreview,
  ImportProblem,
  ImportRowPlan,
  Person,
  PersonInput,
} from "./bindings";

/** The longest line the core keeps (`hoinghi_core::MAX_LINE`). */
const MAX_LINE = 500;
const FIRST_ROWS = 12;

/** Folded header words for each field (crates/import/src/columns.rs). */
const HEADERS: [ImportField, string[]][] = [
  ["ordinal", ["stt", "tt", "so tt", "so thu tu", "thu tu", "no"]],
  [
    "fullName",
    [
      "ho va ten",
      "ho ten",
      "ho va ten dai bieu",
      "ho ten dai bieu",
      "ten dai bieu",
      "dai bieu",
      "ho, ten",
      "ho & ten",
      "full name",
      "name",
    ],
  ],
  ["familyName", ["ho", "ho va dem", "ho dem", "ho va ten dem", "ho, dem"]],
  ["givenName", ["ten", "ten goi"]],
  [
    "title",
    ["chuc vu", "chuc danh", "chuc vu, chuc danh", "chuc vu/chuc danh", "chuc vu chuc danh"],
  ],
  [
    "unit",
    [
      "don vi",
      "co quan",
      "don vi cong tac",
      "co quan cong tac",
      "noi cong tac",
      "co quan, don vi",
      "co quan/don vi",
      "don vi/co quan",
    ],
  ],
  ["code", ["ma", "ma dai bieu", "ma so", "ma dd", "code"]],
  ["phone", ["sdt", "so dien thoai", "dien thoai", "dt", "dtdd", "di dong", "so dt"]],
  ["email", ["email", "e-mail", "thu dien tu", "mail", "dia chi email"]],
  ["section", ["thanh phan", "nhom", "nhom dai bieu", "doan", "khoi"]],
  ["ignore", ["ghi chu", "ky ten", "chu ky", "ky nhan"]],
];

/** The fields a wizard fix (`ImportChoices.fixes`) may set; fixes of any other field are ignored. */
const FIXABLE_FIELDS = [
  "fullName",
  "title",
  "unit",
  "code",
  "phone",
  "email",
  "section",
] as const satisfies readonly ImportField[];
type FixableField = (typeof FIXABLE_FIELDS)[number];

/** A picked file as the core reads a UTF-8 CSV. */
export interface PickedFile {
  sheet: string;
  rows: string[][];
}

export function readCsv(text: string, sheet: string): PickedFile {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const rows = lines.map((line) => {
    const cells = line === "" ? [] : line.split(",");
    while (cells.length > 0 && cells.at(-1) === "") cells.pop();
    return cells;
  });
  while (rows.length > 0 && rows.at(-1)?.length === 0) rows.pop();
  return { sheet, rows };
}

/** The core's `columns::field_of`. */
export function fieldOf(header: string): ImportField | null {
  const key = fold(header)
    .replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "")
    .replace(/[.:*]/g, "")
    .split(/\s+/)
    .filter(Boolean)
    .join(" ");
  return HEADERS.find(([, names]) => names.includes(key))?.[0] ?? null;
}

function fieldsOf(row: string[]): ImportField[] {
  const seen: ImportField[] = [];
  return row.map((cell) => {
    const f = fieldOf(cell);
    if (f === null) return "ignore";
    if (f !== "ignore" && seen.includes(f)) return "ignore";
    seen.push(f);
    return f;
  });
}

/** The core's `columns::detect`: the header row (0-based) and its fields. */
function detect(rows: string[][]): [number, ImportField[]] | null {
  let best: [number, number] | null = null;
  for (const [i, row] of rows.slice(0, 30).entries()) {
    const fields = row.map(fieldOf).filter((f): f is ImportField => f !== null);
    const named = fields.some((f) => f === "fullName" || f === "familyName" || f === "givenName");
    const score = fields.filter((f) => f !== "ignore").length;
    if (named && score >= 2 && (best === null || score > best[1])) best = [i, score];
  }
  if (best === null) return null;
  const [header] = best;
  const fields = fieldsOf(rows[header] ?? []);
  const below = rows[header + 1];
  if (below) {
    const sub = fieldsOf(below);
    if (sub.includes("familyName") && sub.includes("givenName")) {
      sub.forEach((f, i) => {
        if (f === "ignore") return;
        while (fields.length <= i) fields.push("ignore");
        fields[i] = f;
      });
      return [header + 1, fields];
    }
  }
  return [header, fields];
}

function codeKey(s: string): string {
  return s.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
}

function clean(s: string): string {
  return s.split(/\s+/).filter(Boolean).join(" ");
}

function phoneOf(cell: string): string {
  return /^[0-9]{9}$/.test(cell) && !cell.startsWith("0") ? `0${cell}` : cell;
}

function isPhone(s: string): boolean {
  const digits = (s.match(/[0-9]/g) ?? []).length;
  return /^[0-9 +.\-()/]*$/.test(s) && digits >= 8 && digits <= 15;
}

function isEmail(s: string): boolean {
  const at = s.indexOf("@");
  if (at < 0) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  return (
    local.length > 0 &&
    domain.includes(".") &&
    !domain.startsWith(".") &&
    !domain.endsWith(".") &&
    !/\s/.test(s)
  );
}

function changes(before: Person, after: PersonInput): string[] {
  const pairs: [string, string, string][] = [
    ["Họ và tên", before.fullName, after.fullName],
    ["Chức vụ", before.positionTitle, after.positionTitle],
    ["Đơn vị", before.unit, after.unit],
    ["Thành phần", before.section, after.section],
    ["Điện thoại", before.phone, after.phone],
    ["Email", before.email, after.email],
  ];
  const show = (s: string) => s || "(trống)";
  return pairs.filter(([, a, b]) => a !== b).map(([l, a, b]) => `${l}: ${show(a)} → ${show(b)}`);
}

export const NO_NAME_COLUMN =
  'Không tìm thấy cột họ và tên. Hãy chọn cột nào là "Họ và tên" (hoặc "Họ" và "Tên").';

/** Thrown as the core's `ImportError` messages. */
export class ImportRefusal extends Error {}

/** A plan and, for each of its rows, the id of the person it matched (the one an update changes). */
export interface ImportPlan {
  preview: ImportPreview;
  matches: (string | null)[];
}

/**
 * The core's `plan::plan` for a picked CSV. `existing` are the people a row
 * may be: a meeting's participants, or (importing into the person directory)
 * every live person of the directory.
 */
export function planImport(
  file: PickedFile,
  existing: Person[],
  choices: ImportChoices,
): ImportPlan {
  if (choices.sheet !== null && choices.sheet !== file.sheet) {
    throw new ImportRefusal(`Tệp không có trang tính "${choices.sheet}".`);
  }
  const rows = file.rows;
  const detected = detect(rows);
  const header =
    choices.headerRow === 0
      ? null
      : choices.headerRow !== null
        ? choices.headerRow - 1
        : (detected?.[0] ?? null);
  const width = Math.max(0, ...rows.map((r) => r.length));
  let fields: ImportField[] =
    choices.fields !== null
      ? [...choices.fields]
      : detected && detected[0] === header
        ? [...detected[1]]
        : header !== null
          ? (rows[header] ?? []).map((c) => fieldOf(c) ?? "ignore")
          : [];
  fields = fields.slice(0, width);
  while (fields.length < width) fields.push("ignore");
  const firstData = header === null ? 0 : header + 1;
  const data = rows.slice(firstData);
  const columns = fields.map((field, c) => ({
    header: header === null ? "" : (rows[header]?.[c] ?? ""),
    field,
    convertedFrom: "",
    examples: [] as [string, string][],
  }));
  const preview: ImportPreview = {
    format: "csv",
    encoding: "UTF-8",
    sheets: [file.sheet],
    sheet: file.sheet,
    headerRow: header === null ? 0 : header + 1,
    columns,
    firstRows: rows.slice(0, FIRST_ROWS),
    rows: [],
    problems: [],
    added: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
  };
  // Without a name nothing can be read: the wizard shows the columns to map.
  if (!fields.some((f) => f === "fullName" || f === "familyName" || f === "givenName")) {
    preview.problems.push({
      row: preview.headerRow,
      field: "fullName",
      message: NO_NAME_COLUMN,
      blocking: true,
    });
    return { preview, matches: [] };
  }
  const byCode = new Map(existing.map((p) => [codeKey(p.checkinCode), p]));
  const byName = new Map(existing.map((p) => [`${fold(p.fullName)}|${fold(p.unit)}`, p]));
  const find = (code: string, name: string, unit: string) => {
    const key = codeKey(code);
    return (key && byCode.get(key)) || byName.get(`${fold(name)}|${fold(unit)}`);
  };
  const planned: ImportRowPlan[] = [];
  const matches: (string | null)[] = [];
  const problems: ImportProblem[] = [];
  const seen = new Map<string, number>();
  let nextRank = Math.max(0, ...existing.map((p) => p.rank)) + 1;
  data.forEach((cells, i) => {
    const row = firstData + i + 1;
    const read = (field: ImportField) =>
      fields
        .map((f, c) => (f === field ? (cells[c] ?? "") : ""))
        .filter((t) => t.trim() !== "")
        .map((t) => t.normalize("NFC"))
        .join(" ");
    // What the secretary typed in the wizard wins over the file (the last fix of a cell).
    const fixed = (field: FixableField, fromFile: string) => {
      // Missing in what an older shell sends: the core reads it as none (`#[serde(default)]`).
      const fix = (choices.fixes ?? []).findLast((f) => f.row === row && f.field === field);
      return fix ? clean(fix.value.normalize("NFC")) : fromFile;
    };
    let fromFile = clean(read("fullName"));
    if (!fromFile) fromFile = clean(`${read("familyName")} ${read("givenName")}`);
    const name = fixed("fullName", fromFile);
    const title = fixed("title", clean(read("title")));
    const unit = fixed("unit", clean(read("unit")));
    const code = fixed("code", clean(read("code")));
    const phone = phoneOf(fixed("phone", clean(read("phone"))));
    const email = fixed("email", clean(read("email")));
    const sectionCell = fixed("section", clean(read("section")));
    const ordinal = clean(read("ordinal"));
    if ([name, title, unit, code, phone, email, sectionCell].every((s) => !s)) return;
    if (!name && ordinal && !/^[0-9]+$/.test(ordinal)) return;
    const found = find(code, name, unit);
    const section = sectionCell || choices.section?.trim() || found?.section || "";
    const person: PersonInput = {
      fullName: name,
      positionTitle: title,
      unit,
      section,
      rank: found ? found.rank : nextRank,
      phone,
      email,
    };
    const mine: ImportProblem[] = [];
    const problem = (field: ImportField, message: string, blocking: boolean) =>
      mine.push({ row, field, message, blocking });
    if (!name) problem("fullName", "Thiếu họ và tên.", true);
    const lengths: [ImportField, string, string][] = [
      ["fullName", "Họ và tên", person.fullName],
      ["title", "Chức vụ", person.positionTitle],
      ["unit", "Đơn vị", person.unit],
      ["section", "Thành phần", person.section],
      ["phone", "Điện thoại", person.phone],
      ["email", "Email", person.email],
    ];
    for (const [field, label, value] of lengths) {
      const length = [...value].length;
      if (length > MAX_LINE) {
        problem(field, `${label} dài ${length} ký tự, quá ${MAX_LINE} ký tự cho phép.`, true);
      }
    }
    if (person.email && !isEmail(person.email)) {
      problem("email", `Email "${person.email}" không hợp lệ.`, true);
    }
    if (person.phone && !isPhone(person.phone)) {
      problem(
        "phone",
        `Số điện thoại "${person.phone}" có vẻ không đúng (vẫn nhập như đã ghi).`,
        false,
      );
    }
    const key = `${fold(name)}|${fold(unit)}`;
    const chosenOut = choices.skipRows.includes(row);
    if (name && !chosenOut) {
      const first = seen.get(key);
      if (first !== undefined) {
        problem("fullName", `Trùng với dòng ${first} (cùng họ tên và đơn vị).`, true);
      } else {
        seen.set(key, row);
      }
    }
    let action: ImportAction;
    let changed: string[] = [];
    if (mine.some((p) => p.blocking) || chosenOut) {
      action = "skip";
    } else if (found) {
      changed = changes(found, person);
      action = changed.length === 0 ? "unchanged" : "update";
    } else {
      nextRank += 1;
      action = "add";
    }
    problems.push(...mine);
    planned.push({ row, person, code, action, changes: changed });
    matches.push(found?.id ?? null);
  });
  const count = (a: ImportAction) => planned.filter((r) => r.action === a).length;
  return {
    preview: {
      ...preview,
      rows: planned,
      problems,
      added: count("add"),
      updated: count("update"),
      unchanged: count("unchanged"),
      skipped: count("skip"),
    },
    matches,
  };
}
