import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke, isTauri: () => true }));

const { TauriBackend } = await import("./tauri");
const { toIpcError } = await import("./errors");

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
    expect(invoke.mock.calls).toEqual([
      ["add_agenda_item", { meetingId: "m1", input }],
      ["reorder_agenda", { meetingId: "m1", orderedIds: ["a", "b"] }],
      [
        "record_attendance",
        { meetingId: "m1", personId: "p1", kind: "absent", reason: "Ốm", at: null },
      ],
      ["list_people", { query: "" }],
    ]);
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

describe("the IPC seam", () => {
  it("is the only place that imports @tauri-apps/api", () => {
    const src = join(__dirname, "..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !relative(src, path).startsWith("ipc")) {
          if (readFileSync(path, "utf8").includes("@tauri-apps/api")) offenders.push(path);
        }
      }
    };
    walk(src);
    expect(offenders, "files outside ui/src/ipc that import @tauri-apps/api").toEqual([]);
  });
});
