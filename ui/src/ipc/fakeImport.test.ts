/**
 * The fake's delegate-list import into the person directory (no meeting), as
 * the core does it (crates/import/tests/import.rs, `--directory`). The picked
 * file is tests/contract/picked-list.csv: Nguyễn Văn Tuấn (row 3) and Hoàng
 * Thị Em (row 4) are read; rows 5 (no name), 6 (Em again) and 7 (a bad email)
 * are left out.
 */
import { describe, expect, it } from "vitest";
import { meetingInput } from "../test/render";
import type { ImportChoices, ImportField, PersonInput } from "./bindings";
import { FakeBackend } from "./fake";
import { DETECTED_CHOICES as DETECTED } from "./importChoices";

/** The file's columns with the phone numbers read as check-in codes. */
const PHONE_AS_CODE: ImportField[] = [
  "ordinal",
  "fullName",
  "title",
  "unit",
  "section",
  "code",
  "email",
];

const EM: PersonInput = {
  fullName: "Hoàng Thị Em",
  positionTitle: "Chuyên viên chính",
  unit: "Sở Nội vụ",
  section: "",
  rank: 7,
  phone: "",
  email: "",
};

async function importInto(backend: FakeBackend, meetingId: string | null, choices = DETECTED) {
  if ((await backend.chooseImportFile(meetingId)) === null) throw new Error("no file picked");
  const preview = await backend.previewImport(meetingId, choices);
  return { preview, outcome: await backend.applyImport(meetingId, choices) };
}

describe("importing a list file into the person directory", () => {
  it("adds the people to the directory and invites nobody; a second time keeps them", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());

    const first = await importInto(backend, null);
    expect(first.preview.rows.map((r) => r.action)).toEqual(["add", "add", "skip", "skip", "skip"]);
    expect(first.outcome).toEqual({ added: 2, updated: 0, unchanged: 0, skipped: 3 });
    const people = await backend.listPeople("");
    expect(people.map((p) => [p.fullName, p.positionTitle, p.rank]).sort()).toEqual([
      ["Hoàng Thị Em", "Chuyên viên", 2],
      ["Nguyễn Văn Tuấn", "Phó Trưởng phòng", 1],
    ]);
    expect(await backend.listParticipants(meeting.id), "nobody is invited").toEqual([]);
    expect((await backend.attendanceSummary(meeting.id)).invited).toBe(0);

    const again = await importInto(backend, null);
    expect(again.preview.rows.map((r) => r.action)).toEqual([
      "unchanged",
      "unchanged",
      "skip",
      "skip",
      "skip",
    ]);
    expect(again.outcome).toEqual({ added: 0, updated: 0, unchanged: 2, skipped: 3 });
    expect(await backend.listPeople(""), "not doubled").toHaveLength(2);
    expect(await backend.listParticipants(meeting.id)).toEqual([]);
  });

  it("matches every person of the directory, not only a meeting's, and ranks new people after them", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const em = await backend.createPerson(EM);

    const plan = await backend.chooseImportFile(null);
    expect(plan?.rows.map((r) => [r.action, r.person.rank])).toEqual([
      ["add", 8],
      ["update", 7],
      ["skip", 9],
      ["skip", 7],
      ["skip", 9],
    ]);
    expect(plan?.rows[1]?.changes).toEqual([
      "Chức vụ: Chuyên viên chính → Chuyên viên",
      "Điện thoại: (trống) → 0987 654 321",
    ]);
    const outcome = await backend.applyImport(null, DETECTED);
    expect(outcome).toEqual({ added: 1, updated: 1, unchanged: 0, skipped: 3 });
    const people = await backend.listPeople("");
    expect(people).toHaveLength(2);
    expect(people.find((p) => p.id === em.id)?.positionTitle).toBe("Chuyên viên");
    expect(await backend.listParticipants(meeting.id)).toEqual([]);

    // Into the meeting, only its own list is matched: Em is added to it, as before.
    const into = await backend.chooseImportFile(meeting.id);
    expect(into?.rows.map((r) => r.action)).toEqual(["add", "add", "skip", "skip", "skip"]);
    await backend.cancelImport();
  });

  it("matches by check-in code first, and gives a new person the file's code", async () => {
    const backend = new FakeBackend();
    const choices = { ...DETECTED, fields: PHONE_AS_CODE };
    await importInto(backend, null, choices);
    const tuan = (await backend.listPeople("")).find((p) => p.fullName === "Nguyễn Văn Tuấn");
    if (!tuan) throw new Error("Tuấn is added");
    expect(tuan.checkinCode).toBe("912345678");

    // Renamed in the directory: the code still finds him, and the file's name comes back.
    await backend.updatePerson(tuan.id, tuan.updatedAt, { ...tuan, fullName: "Nguyễn Văn Tuân" });
    const { preview, outcome } = await importInto(backend, null, choices);
    expect(preview.rows[0]?.action).toBe("update");
    expect(preview.rows[0]?.changes).toEqual(["Họ và tên: Nguyễn Văn Tuân → Nguyễn Văn Tuấn"]);
    expect(outcome).toEqual({ added: 0, updated: 1, unchanged: 1, skipped: 3 });
    const people = await backend.listPeople("");
    expect(people.map((p) => p.fullName).sort()).toEqual(["Hoàng Thị Em", "Nguyễn Văn Tuấn"]);
  });

  it("is not blocked by a closed meeting, which still locks an import into its list", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    await backend.closeMeeting(meeting.id);

    await backend.chooseImportFile(meeting.id);
    await expect(backend.applyImport(meeting.id, DETECTED)).rejects.toMatchObject({
      kind: "meetingClosed",
    });
    expect(await backend.listPeople(""), "a refused import writes nothing").toEqual([]);

    // The refused import kept the picked file; into the directory it goes.
    expect(await backend.applyImport(null, DETECTED)).toEqual({
      added: 2,
      updated: 0,
      unchanged: 0,
      skipped: 3,
    });
    expect(await backend.listPeople("")).toHaveLength(2);
    expect(await backend.listParticipants(meeting.id)).toEqual([]);
  });
});

describe("values typed in the wizard in place of the file's", () => {
  async function preview(fixes: ImportChoices["fixes"]) {
    const backend = new FakeBackend();
    await backend.chooseImportFile(null);
    return backend.previewImport(null, { ...DETECTED, fixes });
  }

  it("clear the problem they fix: a missing name, a bad email", async () => {
    const before = await preview([]);
    expect(before.problems.map((p) => [p.row, p.field])).toEqual([
      [5, "fullName"],
      [6, "fullName"],
      [7, "email"],
    ]);

    const after = await preview([
      { row: 5, field: "fullName", value: "Đỗ Thị Mai" },
      { row: 7, field: "email", value: "phuc@hanoimoi.vn" },
    ]);
    expect(after.problems.map((p) => [p.row, p.field])).toEqual([[6, "fullName"]]);
    expect(after.rows.map((r) => [r.row, r.action])).toEqual([
      [3, "add"],
      [4, "add"],
      [5, "add"],
      [6, "skip"],
      [7, "add"],
    ]);
    expect(after.rows[2]?.person).toMatchObject({
      fullName: "Đỗ Thị Mai",
      positionTitle: "Chuyên viên",
      unit: "Văn phòng",
    });
    expect(after.rows[4]?.person.email).toBe("phuc@hanoimoi.vn");
    expect([after.added, after.skipped]).toEqual([4, 1]);
  });

  it("takes the last fix of a cell, cleaned of stray spaces and in NFC", async () => {
    const plan = await preview([
      { row: 5, field: "fullName", value: "Ai Đó" },
      // "Đỗ Thị Mai" typed decomposed, with tabs and runs of spaces.
      { row: 5, field: "fullName", value: "  Đỗ\tThị   Mai \n".normalize("NFD") },
      { row: 3, field: "phone", value: " 912 345 678 " },
      { row: 3, field: "phone", value: "912345679" },
    ]);
    expect(plan.rows[2]?.person.fullName).toBe("Đỗ Thị Mai");
    expect(plan.rows[0]?.person.phone, "a fixed phone is read as a file's is").toBe("0912345679");
  });

  it("ignores a fix of a field that is not a person's detail", async () => {
    const plan = await preview([
      { row: 7, field: "ordinal", value: "9" },
      { row: 4, field: "ignore", value: "x" },
      { row: 4, field: "givenName", value: "Mai" },
    ]);
    expect(plan).toEqual(await preview([]));
  });

  it("applies as previewed, and the file is read afresh without them", async () => {
    const backend = new FakeBackend();
    await backend.chooseImportFile(null);
    const fixes = [{ row: 5, field: "fullName" as const, value: "Đỗ Thị Mai" }];
    expect(await backend.applyImport(null, { ...DETECTED, fixes })).toEqual({
      added: 3,
      updated: 0,
      unchanged: 0,
      skipped: 2,
    });
    const people = await backend.listPeople("");
    expect(people.map((p) => p.fullName).sort()).toEqual([
      "Hoàng Thị Em",
      "Nguyễn Văn Tuấn",
      "Đỗ Thị Mai",
    ]);

    await backend.chooseImportFile(null);
    const again = await backend.previewImport(null, DETECTED);
    expect(again.problems[0], "the file still lacks the name").toMatchObject({
      row: 5,
      message: "Thiếu họ và tên.",
    });
  });
});
