import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";
import { AUTOSAVE_DELAY_MS } from "./MinutesTab";

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

    expect(AUTOSAVE_DELAY_MS, "saved half a second after typing stops").toBeLessThanOrEqual(500);
    type("minutes-speaker", "Đ/c Hùng");
    type("minutes-text", "Đồng ý");
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100));
    type("minutes-text", "Đồng ý với báo cáo");
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100));
    expect(add, "nothing is saved while typing goes on").not.toHaveBeenCalled();

    await act(() => vi.advanceTimersByTimeAsync(100));
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
    await act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 100));
    expect(update, "the idle delay restarts with each keystroke").not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(100));
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
    const deadline = within(dialog).getByLabelText("Thời hạn");
    expect(deadline).toHaveAttribute("placeholder", "dd/mm/yyyy");
    await user.type(deadline, "15/3/2030");
    await user.click(within(dialog).getByTestId("task-save"));
    const taskRow = await screen.findByTestId("task-row");
    expect(taskRow).toHaveTextContent("Hoàn thiện báo cáo");
    expect(taskRow).toHaveTextContent("15/03/2030");
    expect((await backend.listTasks(meeting.id))[0]?.deadline).toBe("2030-03-15");

    await user.click(screen.getByTestId("task-add"));
    const second = screen.getByRole("dialog");
    await user.type(within(second).getByTestId("task-text"), "Gửi biên bản");
    await user.click(within(second).getByTestId("task-save"));
    await waitFor(() => expect(screen.getAllByTestId("task-row")).toHaveLength(2));
    const tasks = await backend.listTasks(meeting.id);
    expect(tasks.find((x) => x.text === "Gửi biên bản")?.deadline, "no deadline").toBeNull();
  });

  /**
   * Picks an option as WebKit does when WebDriver (or a drop-down that kept the
   * focus) chooses it: `change` fires only when the option differs from the
   * one this element last reported, whatever a script set since.
   */
  const reported = new WeakMap<HTMLSelectElement, string>();
  function pickAsWebKit(select: HTMLElement, value: string) {
    const element = select as HTMLSelectElement;
    if (element.value === value) return;
    element.value = value;
    if (reported.get(element) === value) return;
    reported.set(element, value);
    fireEvent.change(element);
  }

  it("saves every entry with the kind chosen, the same kind twice in a row too", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const add = vi.spyOn(backend, "addMinutesEntry");
    const update = vi.spyOn(backend, "updateMinutesEntry");
    renderApp(backend, `/meetings/${meeting.id}/minutes`);
    await screen.findByTestId("minutes-text");
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const pause = () => act(() => vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS));
    const kinds = ["speech", "speech", "opinion", "report", "conclusion", "conclusion", "note"];

    for (const [index, kind] of kinds.entries()) {
      const typeText = () =>
        fireEvent.change(screen.getByTestId("minutes-text"), {
          target: { value: `Ghi chép số ${index + 1}` },
        });
      expect(screen.getByTestId("minutes-kind"), "each entry starts as a speech").toHaveValue(
        "speech",
      );
      if (index % 2 === 0) {
        // The kind first, then the text.
        pickAsWebKit(screen.getByTestId("minutes-kind"), kind);
        typeText();
        await pause();
      } else {
        // The text first, saved once; then the kind, which the next save carries.
        typeText();
        await pause();
        pickAsWebKit(screen.getByTestId("minutes-kind"), kind);
        await pause();
      }
      expect(add).toHaveBeenCalledTimes(index + 1);
      expect(screen.getByTestId("minutes-kind")).toHaveValue(kind);
      fireEvent.click(screen.getByTestId("minutes-save-next"));
      await act(() => vi.advanceTimersByTimeAsync(0));
    }

    const saved = await backend.listMinutes(meeting.id);
    const kindOf = new Map(saved.map((e) => [e.text, e.kind]));
    expect(kinds.map((_, i) => kindOf.get(`Ghi chép số ${i + 1}`))).toEqual(kinds);
    expect(saved).toHaveLength(kinds.length);
    expect(update, "a kind chosen after the first save is saved too").toHaveBeenCalled();
  });

  it("Alt+M starts a new entry, Alt+S goes to the speaker, Alt+K makes it the conclusion", async () => {
    const { backend, meeting } = await meetingWithDelegates();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    const speaker = await screen.findByTestId("minutes-speaker");
    const text = screen.getByTestId("minutes-text");
    expect(screen.getByTestId("minutes-new")).toHaveTextContent("Ý kiến mới (Alt+M)");
    expect(screen.getByTestId("minutes-new")).toHaveAttribute("aria-keyshortcuts", "Alt+M");
    expect(screen.getByTestId("minutes-mark-conclusion")).toHaveTextContent(
      "Kết luận của chủ trì (Alt+K)",
    );
    expect(speaker).toHaveAccessibleName(/^Người phát biểu \(Alt\+S\)/);
    expect(screen.getByTestId("minutes-save-next")).toHaveTextContent("(Ctrl+Enter)");

    await user.click(text);
    await user.keyboard("{Alt>}s{/Alt}");
    expect(speaker, "Alt+S: the speaker's box").toHaveFocus();
    await user.type(speaker, "lan");
    await user.click((await screen.findAllByTestId("speaker-suggestion"))[0] as HTMLElement);
    expect(text).toHaveValue("Đồng chí Trần Thị Lan phát biểu: ");

    await user.keyboard("{Alt>}k{/Alt}");
    expect(screen.getByTestId("minutes-kind"), "Alt+K: the chair's conclusion").toHaveValue(
      "conclusion",
    );
    expect(text, "the offered words follow the kind").toHaveValue(
      "Đồng chí Trần Thị Lan kết luận: ",
    );
    await user.type(text, "Thống nhất thông qua.");
    expect(text).toHaveValue("Đồng chí Trần Thị Lan kết luận: Thống nhất thông qua.");

    // From anywhere on the tab, not only the editor.
    await user.click(screen.getByRole("heading", { name: "Tiến trình hội nghị" }));
    await user.keyboard("{Alt>}m{/Alt}");
    expect(text, "Alt+M: a fresh entry").toHaveValue("");
    expect(screen.getByTestId("minutes-kind")).toHaveValue("speech");
    await waitFor(async () =>
      expect(await backend.listMinutes(meeting.id)).toEqual([
        expect.objectContaining({
          kind: "conclusion",
          speakerName: "Trần Thị Lan",
          text: "Đồng chí Trần Thị Lan kết luận: Thống nhất thông qua.",
        }),
      ]),
    );

    // The button does what Alt+K does; typed text is not reworded.
    await user.type(text, "Ý kiến khác");
    await user.click(screen.getByTestId("minutes-mark-conclusion"));
    expect(screen.getByTestId("minutes-kind")).toHaveValue("conclusion");
    expect(text).toHaveValue("Ý kiến khác");

    // Behind a dialog the shortcuts do nothing.
    await user.click(screen.getByTestId("task-add"));
    await user.keyboard("{Alt>}m{/Alt}");
    await user.keyboard("{Escape}");
    expect(text).toHaveValue("Ý kiến khác");
  }, 15_000);

  it("opens the text with the usual words for the kind, and never over what is typed", async () => {
    const { backend, meeting } = await meetingWithDelegates();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    const text = await screen.findByTestId("minutes-text");
    // Both are drawn afresh for each entry: found again each time.
    const kind = () => screen.getByTestId("minutes-kind");

    async function pick(query: string, name: string) {
      const speaker = screen.getByTestId("minutes-speaker");
      await user.clear(speaker);
      await user.type(speaker, query);
      const options = await screen.findAllByTestId("speaker-suggestion");
      const option = options.find((o) => o.textContent?.includes(name));
      await user.click(option as HTMLElement);
    }

    for (const [chosen, words] of [
      ["speech", "phát biểu"],
      ["opinion", "phát biểu"],
      ["report", "trình bày báo cáo"],
      ["conclusion", "kết luận"],
    ]) {
      await user.click(screen.getByTestId("minutes-new"));
      await user.selectOptions(kind(), chosen as string);
      await pick("thanh", "Nguyễn Văn Thành");
      expect(text, chosen).toHaveValue(
        `Đồng chí Nguyễn Văn Thành, Phó Giám đốc Sở Xây dựng ${words}: `,
      );
    }

    // Another speaker while only the offered words are there: worded for them.
    await pick("lan", "Trần Thị Lan");
    expect(text, "no title: no comma").toHaveValue("Đồng chí Trần Thị Lan kết luận: ");
    await user.selectOptions(kind(), "report");
    expect(text).toHaveValue("Đồng chí Trần Thị Lan trình bày báo cáo: ");

    // Typed on after them, a new kind still rewords the opening words (the
    // conclusion is often marked once it is written); the typed text stays,
    // and another speaker no longer replaces anything.
    await user.type(text, "Báo cáo kết quả quý I.");
    await user.selectOptions(kind(), "conclusion");
    expect(text).toHaveValue("Đồng chí Trần Thị Lan kết luận: Báo cáo kết quả quý I.");
    await pick("thanh", "Nguyễn Văn Thành");
    expect(text).toHaveValue("Đồng chí Trần Thị Lan kết luận: Báo cáo kết quả quý I.");

    // A note offers no words.
    await user.click(screen.getByTestId("minutes-new"));
    await user.selectOptions(kind(), "note");
    await pick("lan", "Trần Thị Lan");
    expect(text).toHaveValue("");
  }, 15_000);

  it("keeps the text and says so when a save fails, and saves it once it can", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const add = vi
      .spyOn(backend, "addMinutesEntry")
      .mockRejectedValue({ kind: "storage", message: "Không ghi được vào cơ sở dữ liệu." });
    const { user } = renderApp(backend, `/meetings/${meeting.id}/minutes`);
    const text = await screen.findByTestId("minutes-text");
    await user.type(text, "Ý kiến quan trọng");

    const status = screen.getByTestId("minutes-save-status");
    await waitFor(() => expect(status).toHaveTextContent("Chưa lưu được"), { timeout: 2000 });
    expect(status).toHaveTextContent(
      "Chưa lưu được: Không ghi được vào cơ sở dữ liệu. Nội dung đã gõ vẫn còn trong khung soạn",
    );
    expect(text).toHaveValue("Ý kiến quan trọng");

    await user.click(screen.getByTestId("minutes-save-next"));
    await waitFor(() => expect(add.mock.calls.length).toBeGreaterThan(1));
    expect(text, "a new entry waits until this one is saved").toHaveValue("Ý kiến quan trọng");
    expect(await backend.listMinutes(meeting.id)).toHaveLength(0);

    add.mockRestore();
    await user.type(text, ".");
    await waitFor(() => expect(status).toHaveTextContent(/Đã lưu lúc/), { timeout: 2000 });
    expect(await backend.listMinutes(meeting.id)).toEqual([
      expect.objectContaining({ text: "Ý kiến quan trọng." }),
    ]);
    await user.click(screen.getByTestId("minutes-save-next"));
    await waitFor(() => expect(text).toHaveValue(""));

    // Asked twice, the editor moves on; the text still waits and is saved later.
    const failing = vi
      .spyOn(backend, "addMinutesEntry")
      .mockRejectedValue({ kind: "storage", message: "Không ghi được vào cơ sở dữ liệu." });
    await user.type(text, "Ý kiến thứ hai");
    await waitFor(() => expect(status).toHaveTextContent("Chưa lưu được"), { timeout: 2000 });
    await user.click(screen.getByTestId("minutes-save-next"));
    await waitFor(() => expect(failing.mock.calls.length).toBeGreaterThan(1));
    expect(text).toHaveValue("Ý kiến thứ hai");
    await user.click(screen.getByTestId("minutes-save-next"));
    await waitFor(() => expect(text).toHaveValue(""));
    failing.mockRestore();
    await user.type(text, "Ý kiến thứ ba");
    await user.click(screen.getByTestId("minutes-save-next"));
    await waitFor(async () =>
      expect((await backend.listMinutes(meeting.id)).map((e) => e.text).sort()).toEqual([
        "Ý kiến quan trọng.",
        "Ý kiến thứ ba",
        "Ý kiến thứ hai",
      ]),
    );
  }, 15_000);
});
