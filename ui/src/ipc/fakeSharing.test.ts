// @vitest-environment node
import { describe, expect, it } from "vitest";
import { meetingInput } from "../test/render";
import { FakeBackend } from "./fake";

const MALFORMED =
  "Mã ghép nối không đúng dạng. Hãy nhập mã mời 6 chữ (ví dụ: hoa mai song sao vang tre) hoặc mã đầy đủ XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XX@địa-chỉ:cổng, như hiện trên máy chủ trì.";
const REFUSED =
  "Máy kia không nhận mã ghép nối này: mã sai, mã mời 6 chữ đã hết hạn, hoặc hội nghị chưa được chia sẻ trên máy đó. Không có gì được gửi hay nhận. Hãy kiểm tra lại mã trên máy chủ trì.";

async function meeting() {
  const backend = new FakeBackend();
  const m = await backend.createMeeting(meetingInput({ title: "Họp nhóm" }));
  return { backend, id: m.id };
}

describe("the fake's team work, as the core's", () => {
  it("answers a meeting not shared, and refuses one that does not exist", async () => {
    const { backend, id } = await meeting();
    expect(await backend.sharingState(id)).toEqual({
      meetingId: id,
      shared: false,
      pairingCode: "",
      invitation: "",
      invitationExpiresAt: "",
      listening: "",
      label: "",
      peers: [],
    });
    await expect(backend.sharingState("nope")).rejects.toMatchObject({ kind: "notFound" });
    await expect(backend.shareMeeting("nope")).rejects.toMatchObject({ kind: "notFound" });
    await backend.deleteMeeting(id);
    await expect(backend.sharingState(id)).rejects.toMatchObject({ kind: "notFound" });
  });

  it("shares with a grouped 26-letter secret, the same each time", async () => {
    const { backend, id } = await meeting();
    const shared = await backend.shareMeeting(id);
    expect(shared).toMatchObject({ meetingId: id, shared: true, listening: "", peers: [] });
    expect(shared.pairingCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/);
    expect((await backend.shareMeeting(id)).pairingCode).toBe(shared.pairingCode);
    expect((await backend.sharingState(id)).pairingCode).toBe(shared.pairingCode);
    const other = await backend.createMeeting(meetingInput());
    expect((await backend.shareMeeting(other.id)).pairingCode).not.toBe(shared.pairingCode);
  });

  it("keeps one label for the laptop, trimmed, at most one line's length", async () => {
    const { backend, id } = await meeting();
    const other = await backend.createMeeting(meetingInput());
    expect((await backend.setSyncLabel(id, "  Cửa số 2 ")).label).toBe("Cửa số 2");
    expect((await backend.sharingState(other.id)).label, "not per meeting").toBe("Cửa số 2");
    expect((await backend.setSyncLabel(id, "")).label).toBe("");
    await expect(backend.setSyncLabel(id, "x".repeat(501))).rejects.toMatchObject({
      kind: "invalid",
    });
    expect((await backend.setSyncLabel(id, "x".repeat(500))).label).toHaveLength(500);
    expect(await backend.syncNow(id)).toEqual(await backend.sharingState(id));
  });

  it("joins a meeting shared here from its code, typed loosely", async () => {
    const { backend, id } = await meeting();
    const { pairingCode } = await backend.shareMeeting(id);
    const secret = pairingCode.replace(/-/g, "");
    for (const code of [
      `${pairingCode}@192.168.1.10:47470`,
      ` ${secret.toLowerCase()} @ 192.168.1.10:47470,10.0.0.2:1 `,
      `${pairingCode}@[fe80::1]:47470`,
    ]) {
      expect(await backend.joinMeeting(code), code).toEqual({
        meetingId: id,
        title: "Họp nhóm",
        received: 0,
      });
    }
  });

  it("refuses a malformed code, and a code no meeting here is shared with", async () => {
    const { backend, id } = await meeting();
    const { pairingCode } = await backend.shareMeeting(id);
    for (const code of [
      `${pairingCode.slice(0, -1)}@192.168.1.10:47470`,
      `${pairingCode.slice(0, -1)}U@192.168.1.10:47470`,
      `${pairingCode}@192.168.1.10`,
      `${pairingCode}@192.168.1.10:0`,
      `${pairingCode}@192.168.1.10:65536`,
      `${pairingCode}@192.168.1.256:47470`,
      `${pairingCode}@192.168.1.10:47470,`,
      `${pairingCode}@`,
    ]) {
      await expect(backend.joinMeeting(code), code).rejects.toEqual({
        kind: "invalid",
        message: MALFORMED,
      });
    }
    await expect(
      backend.joinMeeting("0000-0000-0000-0000-0000-0000-00@192.168.1.10:47470"),
    ).rejects.toEqual({ kind: "conflict", message: REFUSED });
  });

  it("invites with six words that lapse after 30 minutes, the newest only", async () => {
    let now = new Date("2026-12-20T07:00:00Z");
    const backend = new FakeBackend({ now: () => now });
    const { id } = await backend.createMeeting(meetingInput({ title: "Đại hội" }));
    await expect(backend.inviteToMeeting(id)).rejects.toMatchObject({ kind: "conflict" });
    await expect(backend.inviteToMeeting("nope")).rejects.toMatchObject({ kind: "notFound" });
    const shared = await backend.shareMeeting(id);
    expect(shared.invitation).toMatch(/^[a-z]+( [a-z]+){5}$/);
    expect(shared.invitationExpiresAt).toBe("2026-12-20T07:30:00Z");
    const renewed = await backend.inviteToMeeting(id);
    expect(renewed.invitation).not.toBe(shared.invitation);
    await expect(backend.joinMeeting(shared.invitation)).rejects.toEqual({
      kind: "conflict",
      message: REFUSED,
    });
    // Typed with marks and capitals, with the host's address.
    const typed = `${renewed.invitation.toUpperCase().replace("A", "À")} @192.168.1.10:47470`;
    expect((await backend.joinMeeting(typed)).meetingId).toBe(id);
    now = new Date("2026-12-20T07:31:00Z");
    expect(await backend.sharingState(id)).toMatchObject({
      invitation: "",
      invitationExpiresAt: "",
    });
    await expect(backend.joinMeeting(renewed.invitation)).rejects.toMatchObject({
      kind: "conflict",
    });
    for (const code of ["hoa mai song sao vang", "hoa mai song sao vang qwerty"]) {
      await expect(backend.joinMeeting(code), code).rejects.toEqual({
        kind: "invalid",
        message: MALFORMED,
      });
    }
  });

  it("joins by the secret alone (the host is then looked for on the LAN)", async () => {
    const { backend, id } = await meeting();
    const { pairingCode } = await backend.shareMeeting(id);
    const joined = await backend.joinMeeting(pairingCode.toLowerCase());
    expect(joined.meetingId).toBe(id);
  });
});
