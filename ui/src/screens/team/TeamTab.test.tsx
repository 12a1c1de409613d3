import { act, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { notifyDataChanged } from "../../components/dataChanged";
import { clockTime } from "../../dates";
import type { SharingState, SyncPeer } from "../../ipc/bindings";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";
import { TEAM_REFRESH_MS } from "./TeamTab";

/** A grouped secret as the core gives it: 26 Crockford letters, by four. */
const GROUPED_SECRET = /^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/;

async function sharedMeeting() {
  const backend = new FakeBackend();
  const meeting = await backend.createMeeting(meetingInput());
  const shared = await backend.shareMeeting(meeting.id);
  return { backend, meeting, shared };
}

function peer(overrides: Partial<SyncPeer>): SyncPeer {
  return {
    replica: "r1",
    label: "",
    address: "192.168.1.21:47470",
    lastSeen: "",
    connected: false,
    lastError: "",
    received: 0,
    sent: 0,
    behind: 0,
    ...overrides,
  };
}

describe("team work", () => {
  it("explains sharing, then shows the pairing code to copy", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/team`);
    expect(screen.getByTestId("tab-team")).toHaveTextContent("Làm việc nhóm");
    expect(await screen.findByText(/không cần Internet/)).toBeInTheDocument();
    expect(screen.queryByTestId("team-code")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("team-share"));
    const code = await screen.findByTestId("team-code");
    expect(code.textContent).toMatch(GROUPED_SECRET);
    expect(screen.getByText(/Tham gia hội nghị dùng chung/)).toBeInTheDocument();
    expect(
      screen.getByTestId("team-not-listening"),
      "the fake listens nowhere: the secretary is told why",
    ).toHaveTextContent("chưa kết nối tới được");
    expect(screen.getByTestId("team-peers")).toHaveTextContent("Chưa có máy nào khác kết nối");

    await user.click(screen.getByTestId("team-copy"));
    expect(await navigator.clipboard.readText()).toBe(code.textContent);
    expect(screen.getByRole("status")).toHaveTextContent("Đã sao chép mã.");
    expect(
      (await backend.shareMeeting(meeting.id)).pairingCode,
      "sharing again keeps the code",
    ).toBe(code.textContent);
  });

  it("shows six words to read out, good for 30 minutes, and issues new ones", async () => {
    let now = new Date("2026-12-20T07:00:00Z");
    const backend = new FakeBackend({ now: () => now });
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/team`);
    await user.click(await screen.findByTestId("team-share"));
    const words = await screen.findByTestId("team-invitation");
    expect(words.textContent).toMatch(/^[a-z]+( [a-z]+){5}$/);
    expect(screen.getByTestId("team-invitation-until")).toHaveTextContent(
      `Dùng được đến ${clockTime(new Date("2026-12-20T07:30:00Z"))}`,
    );
    const first = words.textContent ?? "";
    expect(screen.getByText(/gõ 6 chữ này/)).toBeInTheDocument();

    await user.click(screen.getByTestId("team-invite"));
    await waitFor(() => expect(screen.getByTestId("team-invitation").textContent).not.toBe(first));
    await expect(backend.joinMeeting(first), "the old words stop working").rejects.toMatchObject({
      kind: "conflict",
    });

    now = new Date("2026-12-20T07:40:00Z");
    await user.click(screen.getByTestId("team-sync-now"));
    expect(await screen.findByTestId("team-invitation-none")).toHaveTextContent("30 phút");
    expect(screen.getByTestId("team-invite")).toHaveTextContent("Tạo mã mời");
    expect(screen.getByTestId("team-code"), "the full code does not lapse").toHaveTextContent(
      GROUPED_SECRET,
    );
  });

  it("shows where this laptop listens", async () => {
    const { backend, meeting, shared } = await sharedMeeting();
    backend.sharingState = async () => ({
      ...shared,
      pairingCode: `${shared.pairingCode}@192.168.1.10:47470`,
      listening: "192.168.1.10:47470",
    });
    renderApp(backend, `/meetings/${meeting.id}/team`);
    expect(await screen.findByTestId("team-listening")).toHaveTextContent("192.168.1.10:47470");
    expect(screen.getByTestId("team-code")).toHaveTextContent(/@192\.168\.1\.10:47470$/);
    expect(screen.queryByTestId("team-not-listening")).not.toBeInTheDocument();
  });

  it("saves this laptop's job, typed or picked, and refuses one too long", async () => {
    const { backend, meeting } = await sharedMeeting();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/team`);
    const input = await screen.findByTestId("team-label");
    await user.type(input, "  Cửa số 2 ");
    await user.click(screen.getByTestId("team-label-save"));
    await waitFor(() => expect(input).toHaveValue("Cửa số 2"));
    expect((await backend.sharingState(meeting.id)).label).toBe("Cửa số 2");

    const choice = screen
      .getAllByTestId("team-label-choice")
      .find((b) => b.textContent === "Ghi biên bản");
    if (!choice) throw new Error("a quick choice for the minutes");
    await user.click(choice);
    await waitFor(() => expect(input).toHaveValue("Ghi biên bản"));
    expect((await backend.sharingState(meeting.id)).label).toBe("Ghi biên bản");

    await user.clear(input);
    await user.click(input);
    await user.paste("x".repeat(501));
    await user.click(screen.getByTestId("team-label-save"));
    expect(await screen.findByRole("alert")).toHaveTextContent("quá dài");
    expect(input, "what was typed stays").toHaveValue("x".repeat(501));
    expect((await backend.sharingState(meeting.id)).label).toBe("Ghi biên bản");
  });

  it("lists the other laptops: connected, last seen, never reached, with their errors", async () => {
    const { backend, meeting, shared } = await sharedMeeting();
    const seen = "2026-03-04T01:05:00Z";
    backend.sharingState = async () => ({
      ...shared,
      peers: [
        peer({
          replica: "a",
          label: "Cửa số 1",
          connected: true,
          lastSeen: seen,
          received: 12,
          sent: 3,
        }),
        peer({
          replica: "b",
          label: "Ghi biên bản",
          lastSeen: new Date().toISOString(),
          behind: 42,
        }),
        peer({
          replica: "c",
          address: "192.168.1.30:47470",
          lastError: "Không kết nối được tới máy 192.168.1.30: máy tắt hoặc khác mạng.",
        }),
      ],
    });
    renderApp(backend, `/meetings/${meeting.id}/team`);
    const rows = await screen.findAllByTestId("team-peer");
    expect(rows).toHaveLength(3);
    const [connected, earlier, never] = rows as [HTMLElement, HTMLElement, HTMLElement];

    expect(connected).toHaveTextContent("Cửa số 1");
    expect(connected).toHaveTextContent("192.168.1.21:47470");
    expect(within(connected).getByTestId("team-peer-state")).toHaveTextContent("Đang kết nối");
    expect(connected).toHaveTextContent("nhận 12, gửi 3 thay đổi");
    expect(within(connected).queryByTestId("team-peer-error")).not.toBeInTheDocument();
    expect(within(connected).queryByTestId("team-peer-behind")).not.toBeInTheDocument();

    const at = clockTime(new Date());
    expect(within(earlier).getByTestId("team-peer-state").textContent).toMatch(
      new RegExp(`^Lần cuối: (${at}|\\d\\d:\\d\\d)$`),
    );
    expect(within(earlier).getByTestId("team-peer-behind")).toHaveTextContent(
      "Máy đó còn thiếu 42 thay đổi",
    );

    expect(never).toHaveTextContent("Máy chưa đặt tên");
    expect(within(never).getByTestId("team-peer-state")).toHaveTextContent("Chưa kết nối được");
    expect(within(never).getByTestId("team-peer-error")).toHaveTextContent(
      "Không kết nối được tới máy 192.168.1.30",
    );
    expect(within(never).getByTestId("team-peer-error")).toHaveClass("warning-text");
  });

  it("syncs on request, and refreshes by itself and when another laptop's changes arrive", async () => {
    const { backend, meeting, shared } = await sharedMeeting();
    let state: SharingState = shared;
    const read = vi.fn(async () => state);
    backend.sharingState = read;
    const syncNow = vi.spyOn(backend, "syncNow");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/team`);
    expect(await screen.findByTestId("team-peers")).toHaveTextContent("Chưa có máy nào");

    const calls = read.mock.calls.length;
    act(() => notifyDataChanged("another meeting"));
    await new Promise((r) => setTimeout(r, 50));
    expect(read, "another meeting's changes do not concern this tab").toHaveBeenCalledTimes(calls);

    await user.click(screen.getByTestId("team-sync-now"));
    expect(syncNow).toHaveBeenCalledWith(meeting.id);

    state = { ...shared, peers: [peer({ label: "Cửa số 3", connected: true })] };
    act(() => notifyDataChanged(meeting.id));
    expect(await screen.findByTestId("team-peer")).toHaveTextContent("Cửa số 3");

    state = { ...shared, peers: [] };
    await waitFor(
      () => expect(screen.getByTestId("team-peers")).toHaveTextContent("Chưa có máy nào"),
      { timeout: TEAM_REFRESH_MS * 2 },
    );
  });
});
