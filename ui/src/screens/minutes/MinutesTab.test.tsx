import { act, fireEvent, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";

afterEach(() => {
  vi.useRealTimers();
});

describe("minutes", () => {
  it("autosaves a new entry once typing pauses: add first, then update", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    await backend.addAgendaItem(meeting.id, {
      title: "Báo cáo tình hình",
      presenter: "",
      durationMinutes: 30,
      fixedStart: null,
      notes: "",
    });
    const add = vi.spyOn(backend, "addMinutesEntry");
    const update = vi.spyOn(backend, "updateMinutesEntry");
    renderApp(backend, `/meetings/${meeting.id}/minutes`);
    expect(await screen.findByRole("heading", { name: /Báo cáo tình hình/ })).toBeInTheDocument();

    // Only the timers the autosave uses: React schedules its own work with setImmediate.
    // Typing goes through fireEvent, as user-event waits on real timeouts between keys.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const type = (testId: string, value: string) =>
      fireEvent.change(screen.getByTestId(testId), { target: { value } });

    type("minutes-speaker", "Đ/c Hùng");
    type("minutes-text", "Đồng ý");
    await act(() => vi.advanceTimersByTimeAsync(500));
    type("minutes-text", "Đồng ý với báo cáo");
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(add, "nothing is saved while typing goes on").not.toHaveBeenCalled();

    await act(() => vi.advanceTimersByTimeAsync(300));
    expect(add).toHaveBeenCalledTimes(1);
    expect(add.mock.calls[0]?.[1]).toMatchObject({
      speakerName: "Đ/c Hùng",
      text: "Đồng ý với báo cáo",
      agendaItemId: null,
      kind: "speech",
    });
    expect(screen.getByTestId("minutes-save-status")).toHaveTextContent(
      /Đã lưu lúc \d\d:\d\d:\d\d/,
    );
    const created = await add.mock.results[0]?.value;

    type("minutes-text", "Đồng ý với báo cáo, đề nghị bổ sung số liệu.");
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(update, "the idle delay restarts with each keystroke").not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(400));
    expect(add, "the entry is created only once").toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledTimes(1);
    expect(update.mock.calls[0]?.[0]).toBe(created.id);
    expect(update.mock.calls[0]?.[2].text).toBe("Đồng ý với báo cáo, đề nghị bổ sung số liệu.");

    const entries = await backend.listMinutes(meeting.id);
    expect(entries).toHaveLength(1);
    const general = screen.getByRole("region", { name: "Chung / không thuộc mục nào" });
    expect(within(general).getByTestId("minutes-entry")).toHaveTextContent("đề nghị bổ sung");
  });

  it("Ctrl+Enter saves at once and starts a fresh entry under the same agenda item", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const [item] = await backend.addAgendaItem(meeting.id, {
      title: "Thảo luận",
      presenter: "",
      durationMinutes: 60,
      fixedStart: null,
      notes: "",
    });
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    await screen.findByRole("heading", { name: /Thảo luận/ });

    await user.selectOptions(screen.getByTestId("minutes-agenda-item"), item?.id ?? "");
    await user.type(
      screen.getByTestId("minutes-text"),
      "Thống nhất kế hoạch{Control>}{Enter}{/Control}",
    );

    expect(
      screen.getByTestId("minutes-text"),
      "the editor is empty for the next entry",
    ).toHaveValue("");
    expect(screen.getByTestId("minutes-agenda-item")).toHaveValue(item?.id);
    const group = screen.getByRole("region", { name: /Thảo luận/ });
    expect(await within(group).findByTestId("minutes-entry")).toHaveTextContent(
      "Thống nhất kế hoạch",
    );
    expect(await backend.listMinutes(meeting.id)).toHaveLength(1);
  });

  it("adds a task with a deadline shown as dd/mm/yyyy", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    await user.click(await screen.findByTestId("task-add"));
    const dialog = screen.getByRole("dialog");
    await user.type(within(dialog).getByTestId("task-text"), "Hoàn thiện báo cáo");
    await user.type(within(dialog).getByLabelText("Thời hạn"), "2030-03-15");
    await user.click(within(dialog).getByTestId("task-save"));
    const taskRow = await screen.findByTestId("task-row");
    expect(taskRow).toHaveTextContent("Hoàn thiện báo cáo");
    expect(taskRow).toHaveTextContent("15/03/2030");
  });
});
