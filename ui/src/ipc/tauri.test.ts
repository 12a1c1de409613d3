import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke, isTauri: () => true }));

const { DATABASE_LOST_EVENT, TauriBackend, toBytes } = await import("./tauri");
const { toIpcError } = await import("./errors");
const { DETECTED_CHOICES } = await import("./importChoices");

beforeEach(() => {
  invoke.mockReset();
});

describe("TauriBackend", () => {
  it("calls snake_case commands with camelCase argument keys", async () => {
    invoke.mockResolvedValue([]);
    const backend = new TauriBackend();
    const input = {
      title: "Khai mạc",
      presenter: "",
      durationMinutes: 10,
      fixedStart: null,
      notes: "",
    };
    await backend.addAgendaItem("m1", input);
    await backend.reorderAgenda("m1", ["a", "b"]);
    await backend.recordAttendance("m1", "p1", "absent", "Ốm", null);
    await backend.listPeople("");
    await backend.setParticipantRole("m1", "p1", "press");
    expect(invoke.mock.calls).toEqual([
      ["add_agenda_item", { meetingId: "m1", input }],
      ["reorder_agenda", { meetingId: "m1", orderedIds: ["a", "b"] }],
      [
        "record_attendance",
        { meetingId: "m1", personId: "p1", kind: "absent", reason: "Ốm", at: null },
      ],
      ["list_people", { query: "" }],
      ["set_participant_role", { meetingId: "m1", personId: "p1", role: "press" }],
    ]);
  });

  it("sends a null meeting for an import into the person directory", async () => {
    invoke.mockResolvedValue(null);
    const backend = new TauriBackend();
    const choices = DETECTED_CHOICES;
    await backend.chooseImportFile(null);
    await backend.previewImport(null, choices);
    await backend.applyImport(null, choices);
    await backend.applyImport("m1", choices);
    expect(invoke.mock.calls).toEqual([
      ["choose_import_file", { meetingId: null }],
      ["preview_import", { meetingId: null, choices }],
      ["apply_import", { meetingId: null, choices }],
      ["apply_import", { meetingId: "m1", choices }],
    ]);
  });

  it("renders, saves and prints documents with the agreed commands and keys", async () => {
    const backend = new TauriBackend();
    const options = {
      profile: "hd36" as const,
      number: 12,
      issuedOn: "2022-10-06",
      list: "attendance" as const,
      invitation: "generic" as const,
    };
    const pdf = new TextEncoder().encode("%PDF-1.4");
    invoke.mockResolvedValueOnce(pdf.buffer);
    const bytes = await backend.renderDocument("m1", "bien-ban", options);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect([...bytes]).toEqual([...pdf]);

    invoke.mockResolvedValueOnce("giay-moi.pdf");
    await expect(backend.saveDocument("m1", "giay-moi", options)).resolves.toBe("giay-moi.pdf");
    invoke.mockResolvedValueOnce("/tmp/hoinghi/bien-ban.pdf");
    expect(await backend.printDocument("m1", "bien-ban", options)).toBe(
      "/tmp/hoinghi/bien-ban.pdf",
    );
    expect(invoke.mock.calls).toEqual([
      ["render_document", { meetingId: "m1", kind: "bien-ban", options }],
      ["save_document", { meetingId: "m1", kind: "giay-moi", options }],
      ["print_document", { meetingId: "m1", kind: "bien-ban", options }],
    ]);

    invoke.mockRejectedValueOnce({ kind: "missingGlyphs", message: "Thiếu “🎉”." });
    await expect(backend.renderDocument("m1", "bien-ban", options)).rejects.toEqual({
      kind: "missingGlyphs",
      message: "Thiếu “🎉”.",
    });
  });

  it("reads, edits and restores a document's wording with the agreed commands and keys", async () => {
    const backend = new TauriBackend();
    const options = {
      profile: "nd30" as const,
      number: null,
      issuedOn: null,
      list: "delegates" as const,
      invitation: "generic" as const,
    };
    const fields = [
      {
        key: "subject",
        label: "Trích yếu",
        text: "V/v mời dự hội nghị",
        generated: "V/v mời dự hội nghị",
        edited: false,
        multiline: false,
      },
    ];
    invoke.mockResolvedValueOnce(fields);
    expect(await backend.documentFields("m1", "giay-moi", options)).toEqual(fields);
    invoke.mockResolvedValueOnce(null);
    await expect(
      backend.setDocumentText("m1", "giay-moi", "recipients", "- Như trên;\n- Lưu VT."),
    ).resolves.toBeUndefined();
    invoke.mockResolvedValueOnce(null);
    await expect(backend.resetDocumentText("m1", "giay-moi", "subject")).resolves.toBeUndefined();
    expect(invoke.mock.calls).toEqual([
      ["document_fields", { meetingId: "m1", kind: "giay-moi", options }],
      [
        "set_document_text",
        { meetingId: "m1", kind: "giay-moi", field: "recipients", text: "- Như trên;\n- Lưu VT." },
      ],
      ["reset_document_text", { meetingId: "m1", kind: "giay-moi", field: "subject" }],
    ]);

    invoke.mockRejectedValueOnce({ kind: "notFound", message: "Không tìm thấy nội dung đã sửa." });
    await expect(backend.resetDocumentText("m1", "giay-moi", "subject")).rejects.toEqual({
      kind: "notFound",
      message: "Không tìm thấy nội dung đã sửa.",
    });
  });

  it("asks which format a document follows with the agreed command and keys", async () => {
    const backend = new TauriBackend();
    const options = {
      profile: null,
      number: null,
      issuedOn: null,
      list: "delegates" as const,
      invitation: "generic" as const,
    };
    const format = { profile: "hd05", issuedOn: "2026-12-07", byDate: true };
    invoke.mockResolvedValueOnce(format);
    expect(await backend.documentFormat("m1", "giay-moi", options)).toEqual(format);
    expect(invoke.mock.calls).toEqual([
      ["document_format", { meetingId: "m1", kind: "giay-moi", options }],
    ]);

    invoke.mockRejectedValueOnce({ kind: "invalid", message: "Ngày ban hành không hợp lệ." });
    await expect(
      backend.documentFormat("m1", "giay-moi", { ...options, issuedOn: "2026-13-01" }),
    ).rejects.toEqual({ kind: "invalid", message: "Ngày ban hành không hợp lệ." });
  });

  it("keeps the register of outgoing documents with the agreed commands and keys", async () => {
    const backend = new TauriBackend();
    const entry = {
      id: "n1",
      meetingId: "m1",
      kind: "giay-moi",
      series: "GM",
      number: 1,
      issuedOn: "2026-12-03",
      symbol: "01-GM/BTGTU",
      summary: "Giấy mời – Hội nghị giao ban quý IV",
      signer: "Bùi Huyền Mai",
      organisationId: "o1",
    };
    invoke.mockResolvedValueOnce([entry]);
    expect(await backend.documentNumbers("m1")).toEqual([entry]);
    invoke.mockResolvedValueOnce(entry);
    expect(await backend.issueDocumentNumber("m1", "giay-moi", null, "2026-12-03")).toEqual(entry);
    invoke.mockResolvedValueOnce({ ...entry, number: 7 });
    await backend.issueDocumentNumber("m1", "giay-moi", 7, "2026-12-04");
    invoke.mockResolvedValueOnce(null);
    await expect(backend.cancelDocumentNumber("m1", "giay-moi")).resolves.toBeNull();
    invoke.mockResolvedValueOnce([entry]);
    expect(await backend.documentRegister("o1")).toEqual([entry]);
    invoke.mockResolvedValueOnce("so-van-ban-di-2026-12-05.pdf");
    expect(await backend.saveRegister("o1")).toBe("so-van-ban-di-2026-12-05.pdf");
    expect(invoke.mock.calls).toEqual([
      ["document_numbers", { meetingId: "m1" }],
      [
        "issue_document_number",
        { meetingId: "m1", kind: "giay-moi", number: null, issuedOn: "2026-12-03" },
      ],
      [
        "issue_document_number",
        { meetingId: "m1", kind: "giay-moi", number: 7, issuedOn: "2026-12-04" },
      ],
      ["cancel_document_number", { meetingId: "m1", kind: "giay-moi" }],
      ["document_register", { organisationId: "o1" }],
      ["save_register", { organisationId: "o1" }],
    ]);

    const refused = { kind: "invalid", message: "Số văn bản bắt đầu từ 01." };
    invoke.mockRejectedValueOnce(refused);
    await expect(backend.issueDocumentNumber("m1", "bao-cao", 0, "2026-12-11")).rejects.toEqual(
      refused,
    );
  });

  it("keeps the issuing bodies with the agreed commands and keys", async () => {
    const backend = new TauriBackend();
    const body = {
      id: "",
      parentName: "THÀNH UỶ HÀ NỘI",
      name: "BAN TUYÊN GIÁO VÀ DÂN VẬN",
      fullName: "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội",
      abbreviation: "BTGDVTU",
      placeName: "Hà Nội",
      kind: "party" as const,
      headVacant: false,
      signerName: "Nguyễn Thị Hoa",
      signerTitle: "TRƯỞNG BAN",
      signingPrefix: "",
      timeZone: "Asia/Ho_Chi_Minh",
      headerLines: "THÀNH UỶ HÀ NỘI\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*",
      superior: "",
      contact: "",
      termStart: "",
      updatedAt: "",
    };
    const saved = { ...body, id: "o1", updatedAt: "2026-12-02T03:00:00Z" };
    invoke.mockResolvedValueOnce([saved]);
    expect(await backend.listOrganisations()).toEqual([saved]);
    invoke.mockResolvedValueOnce("o1");
    expect(await backend.defaultOrganisation()).toBe("o1");
    invoke.mockResolvedValueOnce(saved);
    expect(await backend.saveOrganisation(body)).toEqual(saved);
    invoke.mockResolvedValueOnce(null);
    expect(await backend.deleteOrganisation("o1")).toBeNull();
    expect(invoke.mock.calls).toEqual([
      ["list_organisations", undefined],
      ["default_organisation", undefined],
      ["save_organisation", { input: body }],
      ["delete_organisation", { id: "o1" }],
    ]);
  });

  it("shares and joins meetings with the agreed commands and keys", async () => {
    invoke.mockResolvedValue(null);
    const backend = new TauriBackend();
    await backend.sharingState("m1");
    await backend.shareMeeting("m1");
    await backend.joinMeeting("ABCD@192.168.1.10:47470");
    await backend.setSyncLabel("m1", "Cửa số 2");
    await backend.syncNow("m1");
    expect(invoke.mock.calls).toEqual([
      ["sharing_state", { meetingId: "m1" }],
      ["share_meeting", { meetingId: "m1" }],
      ["join_meeting", { code: "ABCD@192.168.1.10:47470" }],
      ["set_sync_label", { meetingId: "m1", label: "Cửa số 2" }],
      ["sync_now", { meetingId: "m1" }],
    ]);
  });

  it("accepts document bytes as a view or a plain array too", () => {
    expect([...toBytes(new Uint8Array([1, 2, 3]).subarray(1))]).toEqual([2, 3]);
    expect([...toBytes([37, 80])]).toEqual([37, 80]);
    expect(() => toBytes("%PDF")).toThrow();
  });

  it("announces a lost database file to the whole window", async () => {
    const backend = new TauriBackend();
    const heard: string[] = [];
    const listener = (e: Event) => heard.push(String((e as CustomEvent).detail));
    window.addEventListener(DATABASE_LOST_EVENT, listener);
    invoke.mockRejectedValueOnce({ kind: "databaseLost", message: "Tệp dữ liệu đã bị xoá." });
    await expect(backend.listMeetings()).rejects.toMatchObject({ kind: "databaseLost" });
    invoke.mockRejectedValueOnce({ kind: "invalid", message: "Sai" });
    await expect(backend.listMeetings()).rejects.toMatchObject({ kind: "invalid" });
    window.removeEventListener(DATABASE_LOST_EVENT, listener);
    expect(heard).toEqual(["Tệp dữ liệu đã bị xoá."]);
  });

  it("turns every rejection into { kind, message }", async () => {
    const backend = new TauriBackend();
    invoke.mockRejectedValueOnce({ kind: "diskFull", message: "Ổ đĩa đã đầy." });
    await expect(backend.listMeetings()).rejects.toEqual({
      kind: "diskFull",
      message: "Ổ đĩa đã đầy.",
    });
    invoke.mockRejectedValueOnce("command list_meetings not found");
    await expect(backend.listMeetings()).rejects.toEqual({
      kind: "unknown",
      message: "command list_meetings not found",
    });
  });
});

describe("toIpcError", () => {
  it("keeps IpcErrors and wraps anything else", () => {
    expect(toIpcError({ kind: "invalid", message: "Sai", extra: 1 })).toEqual({
      kind: "invalid",
      message: "Sai",
    });
    expect(toIpcError(new Error("boom"))).toEqual({ kind: "unknown", message: "boom" });
    expect(toIpcError(42)).toEqual({ kind: "unknown", message: "42" });
  });
});

/** The Tauri packages that only `ui/src/ipc` may import (any other plugin too). */
const TAURI_PACKAGES = ["@tauri-apps/api", "@tauri-apps/plugin-dialog", "@tauri-apps/plugin-"];

describe("the IPC seam", () => {
  it("is the only place that imports @tauri-apps/api or @tauri-apps/plugin-dialog", () => {
    const src = join(__dirname, "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !relative(src, path).startsWith("ipc")) {
          const text = readFileSync(path, "utf8");
          if (TAURI_PACKAGES.some((name) => text.includes(name))) offenders.push(path);
        }
      }
    };
    walk(src);
    expect(offenders, "files outside ui/src/ipc that import a @tauri-apps package").toEqual([]);
  });
});
