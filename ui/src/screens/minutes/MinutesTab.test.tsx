import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
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

  async function meetingWithDelegates() {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const person = (fullName: string, positionTitle: string, unit: string) => ({
      fullName,
      positionTitle,
      unit,
      section: "",
      rank: 0,
      phone: "",
      email: "",
    });
    await backend.addParticipant(meeting.id, person("Nguyễn Văn Tùng", "Giám đốc", "Sở Tài chính"));
    const list = await backend.addParticipant(
      meeting.id,
      person("Nguyễn Văn Thành", "Phó Giám đốc", "Sở Xây dựng"),
    );
    await backend.addParticipant(meeting.id, person("Trần Thị Lan", "", ""));
    const tung = list.find((p) => p.person.fullName === "Nguyễn Văn Tùng");
    await backend.checkIn(meeting.id, tung?.person.id ?? "");
    return { backend, meeting };
  }

  it("picks the speaker from the delegates by a few letters and offers the usual wording", async () => {
    const { backend, meeting } = await meetingWithDelegates();
    const add = vi.spyOn(backend, "addMinutesEntry");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    const speaker = await screen.findByTestId("minutes-speaker");

    await user.type(speaker, "nvt");
    const options = await screen.findAllByTestId("speaker-suggestion");
    expect(screen.getByRole("listbox")).toBeInTheDocument();
    const names = options.map((o) => o.textContent ?? "");
    expect(names.some((n) => n.includes("Nguyễn Văn Tùng"))).toBe(true);
    const thanh = options.find((o) => o.textContent?.includes("Nguyễn Văn Thành"));
    expect(thanh).toHaveTextContent("Phó Giám đốc, Sở Xây dựng");
    expect(thanh, "not checked in yet").toHaveTextContent("Chưa điểm danh");
    const tung = options.find((o) => o.textContent?.includes("Nguyễn Văn Tùng"));
    expect(tung, "present: no mark").not.toHaveTextContent("Chưa điểm danh");

    // ↓ to Nguyễn Văn Thành, wherever the core ranks him, then Enter.
    const index = options.indexOf(thanh as HTMLElement);
    await user.keyboard(`${"{ArrowDown}".repeat(index)}{Enter}`);
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
    expect(speaker).toHaveValue("Nguyễn Văn Thành");
    expect(screen.getByLabelText("Chức vụ, đơn vị")).toHaveValue("Phó Giám đốc, Sở Xây dựng");
    const text = screen.getByTestId("minutes-text") as HTMLTextAreaElement;
    const lead = "Đồng chí Nguyễn Văn Thành, Phó Giám đốc Sở Xây dựng phát biểu: ";
    expect(text).toHaveValue(lead);
    expect(text).toHaveFocus();
    expect(text.selectionStart).toBe(lead.length);

    await user.keyboard("Nhất trí.");
    await waitFor(() => expect(add).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(add.mock.calls[0]?.[1]).toMatchObject({
      speakerName: "Nguyễn Văn Thành",
      speakerTitle: "Phó Giám đốc, Sở Xây dựng",
      text: `${lead}Nhất trí.`,
    });
  });

  it("a click picks too, and leaves text already written alone", async () => {
    const { backend, meeting } = await meetingWithDelegates();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    const speaker = await screen.findByTestId("minutes-speaker");
    await user.type(screen.getByTestId("minutes-text"), "Ý kiến đã ghi");
    await user.type(speaker, "lan");
    const [lan] = await screen.findAllByTestId("speaker-suggestion");
    expect(lan).toHaveTextContent("Trần Thị Lan");
    await user.click(lan as HTMLElement);
    expect(speaker).toHaveValue("Trần Thị Lan");
    expect(screen.getByLabelText("Chức vụ, đơn vị")).toHaveValue("");
    expect(screen.getByTestId("minutes-text")).toHaveValue("Ý kiến đã ghi");
    expect(screen.getByTestId("minutes-text")).toHaveFocus();
  });

  it("keeps a guest's name typed freely; Esc closes the suggestions", async () => {
    const { backend, meeting } = await meetingWithDelegates();
    const add = vi.spyOn(backend, "addMinutesEntry");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    const speaker = await screen.findByTestId("minutes-speaker");

    await user.type(speaker, "Nguyễn");
    expect(await screen.findByRole("listbox")).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("listbox")).not.toBeInTheDocument();
    await user.type(speaker, " Khách Mời");
    await user.tab();
    expect(speaker).toHaveValue("Nguyễn Khách Mời");
    await user.type(screen.getByTestId("minutes-text"), "Phát biểu của khách");
    await waitFor(() => expect(add).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(add.mock.calls[0]?.[1]).toMatchObject({
      speakerName: "Nguyễn Khách Mời",
      speakerTitle: "",
      text: "Phát biểu của khách",
    });
  });

  it("reads the time as 24-hour giờ:phút and never saves an invalid one", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const add = vi.spyOn(backend, "addMinutesEntry");
    const update = vi.spyOn(backend, "updateMinutesEntry");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    const time = await screen.findByTestId("minutes-time");
    expect(time).toHaveAttribute("type", "text");
    expect((time as HTMLInputElement).value).toMatch(/^\d\d:\d\d$/);

    await user.clear(time);
    await user.type(time, "7h5");
    await user.tab();
    expect(time).toHaveValue("07:05");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    await user.type(screen.getByTestId("minutes-text"), "Khai mạc");
    await waitFor(() => expect(add).toHaveBeenCalledTimes(1), { timeout: 2000 });
    expect(add.mock.calls[0]?.[1]).toMatchObject({ spokenAt: "07:05", text: "Khai mạc" });

    await user.clear(time);
    await user.type(time, "25:00");
    await user.tab();
    expect(screen.getByRole("alert")).toHaveTextContent("Giờ phải có dạng giờ:phút, ví dụ 08:15.");
    expect(time).toHaveValue("25:00");
    await user.type(screen.getByTestId("minutes-text"), ".");
    await waitFor(() => expect(update).toHaveBeenCalled(), { timeout: 2000 });
    for (const call of update.mock.calls) expect(call[2].spokenAt).not.toBe("25:00");
    const [saved] = await backend.listMinutes(meeting.id);
    expect(saved).toMatchObject({ spokenAt: "07:05", text: "Khai mạc." });

    await user.clear(time);
    await user.type(time, "0755");
    await user.tab();
    expect(time).toHaveValue("07:55");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
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
