import { act, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AttendanceSummary } from "../../ipc";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";
import { formatPercent, resultSentence } from "./Votes";

afterEach(() => {
  vi.useRealTimers();
});

/** A meeting from 08:00 with three 30-minute items: 08:00–08:30, 08:30–09:00, 09:00–09:30. */
async function meetingWithAgenda(backend: FakeBackend) {
  const meeting = await backend.createMeeting(meetingInput());
  for (const title of ["Khai mạc", "Báo cáo kết quả", "Thảo luận"]) {
    await backend.addAgendaItem(meeting.id, {
      title,
      presenter: "",
      durationMinutes: 30,
      fixedStart: null,
      notes: "",
    });
  }
  const items = await backend.listAgenda(meeting.id);
  return { meeting, items, ids: items.map((i) => i.id) };
}

function runItems() {
  return screen.getAllByTestId("agenda-run-item");
}

describe("running agenda", () => {
  it("starts an item, moves to the next, ends it, and Alt+N starts the one after", async () => {
    let wall = new Date(2030, 2, 4, 8, 5);
    const backend = new FakeBackend({ now: () => wall });
    const { meeting, ids } = await meetingWithAgenda(backend);
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    await screen.findByRole("heading", { name: /Khai mạc/ });

    expect(runItems()[0]).toHaveTextContent("08:00–08:30");
    expect(runItems()[1]).toHaveTextContent("08:30–09:00");
    expect(screen.getByTestId("agenda-next")).toHaveTextContent("Chuyển mục tiếp (Alt+N)");
    expect(screen.queryByTestId("agenda-end")).not.toBeInTheDocument();

    await user.click(within(runItems()[0] as HTMLElement).getByTestId("agenda-start"));
    expect(await screen.findByText("bắt đầu 08:05")).toBeInTheDocument();
    expect(runItems()[0]).toHaveAttribute("aria-current", "step");
    expect(runItems()[0]).toHaveClass("running");
    expect(screen.getByTestId("minutes-agenda-item"), "new entries go under it").toHaveValue(
      ids[0],
    );

    wall = new Date(2030, 2, 4, 8, 40);
    await user.click(screen.getByTestId("agenda-next"));
    expect(await screen.findByText("bắt đầu 08:05, kết thúc 08:40")).toBeInTheDocument();
    expect(runItems()[0]).not.toHaveClass("running");
    expect(runItems()[1]).toHaveAttribute("aria-current", "step");
    expect(runItems()[1]).toHaveTextContent("bắt đầu 08:40");
    expect(screen.getByTestId("minutes-agenda-item")).toHaveValue(ids[1]);
    // The first item ran 10 minutes late: the last one is now expected at 09:10.
    expect(runItems()[2]).toHaveTextContent("dự kiến 09:10");

    wall = new Date(2030, 2, 4, 9, 5);
    await user.click(within(runItems()[1] as HTMLElement).getByTestId("agenda-end"));
    expect(await screen.findByText("bắt đầu 08:40, kết thúc 09:05")).toBeInTheDocument();
    expect(screen.queryByTestId("agenda-end")).not.toBeInTheDocument();
    expect(runItems()[1]).not.toHaveClass("running");

    await user.keyboard("{Alt>}n{/Alt}");
    expect(await screen.findByText("bắt đầu 09:05")).toBeInTheDocument();
    expect(runItems()[2]).toHaveAttribute("aria-current", "step");
    expect(screen.getByTestId("minutes-agenda-item")).toHaveValue(ids[2]);
    const saved = await backend.listAgenda(meeting.id);
    expect(saved.map((i) => [i.startedAt, i.endedAt])).toEqual([
      ["2030-03-04T08:05", "2030-03-04T08:40"],
      ["2030-03-04T08:40", "2030-03-04T09:05"],
      ["2030-03-04T09:05", null],
    ]);
  });

  it("shows the running item's minutes against the plan and the later items' shifted start", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date(2030, 2, 4, 9, 10));
    const backend = new FakeBackend();
    const { meeting, ids } = await meetingWithAgenda(backend);
    await backend.startAgendaItem(ids[0] ?? "", "2030-03-04T08:00");
    // Starting the second item at 08:45 ends the first, a quarter of an hour late.
    await backend.startAgendaItem(ids[1] ?? "", "2030-03-04T08:45");
    renderApp(backend, `/meetings/${meeting.id}/minutes`);
    await screen.findByRole("heading", { name: /Khai mạc/ });

    expect(runItems()[0]).toHaveTextContent("bắt đầu 08:00, kết thúc 08:45");
    expect(runItems()[1]).toHaveClass("running");
    const elapsed = within(runItems()[1] as HTMLElement).getByTestId("agenda-elapsed");
    expect(elapsed).toHaveTextContent("đã 25/30 phút");
    expect(elapsed).not.toHaveClass("over");
    expect(runItems()[2]).toHaveTextContent("09:00–09:30");
    expect(runItems()[2]).toHaveTextContent("dự kiến 09:15");
    expect(runItems()[0], "a begun item shows no expected start").not.toHaveTextContent("dự kiến");
  });

  it("shows an overrun in red and counts on every 30 seconds", async () => {
    vi.useFakeTimers({ toFake: ["Date", "setInterval", "clearInterval"] });
    vi.setSystemTime(new Date(2030, 2, 4, 8, 42));
    const backend = new FakeBackend();
    const { meeting, ids } = await meetingWithAgenda(backend);
    await backend.startAgendaItem(ids[0] ?? "", "2030-03-04T08:00");
    renderApp(backend, `/meetings/${meeting.id}/minutes`);
    const elapsed = await screen.findByTestId("agenda-elapsed");
    expect(elapsed).toHaveTextContent("đã 42/30 phút");
    expect(elapsed).toHaveClass("over");

    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(screen.getByTestId("agenda-elapsed")).toHaveTextContent("đã 43/30 phút");
  });
});

describe("votes", () => {
  it("formats shares the Vietnamese way and words the result", () => {
    expect(formatPercent(38, 40, "vi")).toBe("95%");
    expect(formatPercent(1, 40, "vi")).toBe("2,5%");
    expect(formatPercent(1, 40, "en")).toBe("2.5%");
    expect(formatPercent(1, 3, "vi")).toBe("33,3%");
    expect(resultSentence(38, 40)).toBe(
      "Hội nghị thống nhất thông qua (tán thành 38/40 đồng chí, đạt 95%).",
    );
    expect(resultSentence(20, 40), "half is not a majority").toBe(
      "Hội nghị không thông qua (tán thành 20/40 đồng chí, đạt 50%).",
    );
  });

  it("refuses numbers that do not add up, then records, edits and deletes a vote", async () => {
    const backend = new FakeBackend({ now: () => new Date(2030, 2, 4, 8, 10) });
    const { meeting, ids } = await meetingWithAgenda(backend);
    await backend.startAgendaItem(ids[1] ?? "", "2030-03-04T08:05");
    vi.spyOn(backend, "attendanceSummary").mockResolvedValue({
      attended: 40,
    } as AttendanceSummary);
    const add = vi.spyOn(backend, "addVote");
    const update = vi.spyOn(backend, "updateVote");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    await screen.findByRole("heading", { name: /Khai mạc/ });

    await user.click(screen.getByTestId("vote-add"));
    const dialog = screen.getByRole("dialog");
    const field = (id: string) => within(dialog).getByTestId(id);
    expect(field("vote-agenda-item"), "the running item by default").toHaveValue(ids[1]);
    expect(await within(dialog).findByDisplayValue("40")).toBe(field("vote-present"));

    await user.type(field("vote-question"), "Thông qua báo cáo kết quả");
    await user.type(field("vote-for"), "38");
    await user.type(field("vote-against"), "1");
    expect(field("vote-sum")).toHaveTextContent("Cộng: 39/40 — còn thiếu 1");
    await user.click(field("vote-save"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "cộng lại là 39, phải bằng số đại biểu có mặt (40)",
    );
    expect(await backend.listVotes(meeting.id), "nothing saved").toHaveLength(0);

    await user.type(field("vote-abstain"), "1");
    expect(field("vote-sum")).toHaveTextContent("Khớp số có mặt");
    await user.click(within(dialog).getByRole("button", { name: "Điền kết quả" }));
    expect(field("vote-result")).toHaveValue(
      "Hội nghị thống nhất thông qua (tán thành 38/40 đồng chí, đạt 95%).",
    );
    await user.click(field("vote-save"));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(add).toHaveBeenCalledTimes(2);

    const group = screen.getByRole("region", { name: /Báo cáo kết quả/ });
    const row = within(group).getByTestId("vote-row");
    expect(row).toHaveTextContent("Thông qua báo cáo kết quả");
    expect(row).toHaveTextContent("Có mặt 40");
    expect(row).toHaveTextContent("Tán thành 38 (95%)");
    expect(row).toHaveTextContent("Không tán thành 1 (2,5%)");
    expect(row).toHaveTextContent("Không biểu quyết 1 (2,5%)");
    expect(row).toHaveTextContent("đạt 95%");

    const [saved] = await backend.listVotes(meeting.id);
    await user.click(within(row).getByTestId("vote-edit"));
    const editDialog = screen.getByRole("dialog");
    const editField = (id: string) => within(editDialog).getByTestId(id);
    expect(editField("vote-present")).toHaveValue(40);
    await user.clear(editField("vote-for"));
    await user.type(editField("vote-for"), "15");
    await user.clear(editField("vote-against"));
    await user.type(editField("vote-against"), "24");
    await user.click(within(editDialog).getByRole("button", { name: "Điền kết quả" }));
    await user.click(editField("vote-save"));
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(update).toHaveBeenCalledWith(
      saved?.id,
      saved?.updatedAt,
      expect.objectContaining({ inFavour: 15, against: 24, abstained: 1, present: 40 }),
    );
    const edited = within(group).getByTestId("vote-row");
    expect(edited).toHaveTextContent("Tán thành 15 (37,5%)");
    expect(edited).toHaveTextContent("Hội nghị không thông qua (tán thành 15/40 đồng chí");

    await user.click(within(edited).getByTestId("vote-delete"));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Xoá" }));
    expect(screen.queryByTestId("vote-row")).not.toBeInTheDocument();
    expect(await backend.listVotes(meeting.id)).toHaveLength(0);
  });
});
