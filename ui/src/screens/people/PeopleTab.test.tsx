import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { MeetingInput } from "../../ipc/bindings";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";

async function setUp(overrides: Partial<MeetingInput> = {}) {
  // The clock stands ten minutes after the meeting's start, so an arrival now is late.
  const backend = new FakeBackend({ now: () => new Date(2030, 2, 4, 8, 10) });
  const meeting = await backend.createMeeting(meetingInput(overrides));
  const names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Châu"];
  for (const [rank, fullName] of names.entries()) {
    await backend.addParticipant(meeting.id, {
      fullName,
      positionTitle: "Chuyên viên",
      unit: "Văn phòng",
      section: "Các phòng",
      rank,
      phone: "",
      email: "",
    });
  }
  return { backend, meeting };
}

function row(name: string) {
  const found = screen.getAllByTestId("participant-row").find((r) => r.textContent?.includes(name));
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

/** Opens a row's state menu and chooses the item with `testId`. */
async function choose(user: UserEvent, name: string, testId: string) {
  await user.click(within(row(name)).getByTestId("participant-state"));
  const menu = screen.getByTestId("participant-state-menu");
  await user.click(within(menu).getByTestId(testId));
}

/** The state menu's items for a row, by test id, then closes it again. */
async function menuItems(user: UserEvent, name: string): Promise<string[]> {
  await user.click(within(row(name)).getByTestId("participant-state"));
  const items = within(screen.getByTestId("participant-state-menu"))
    .getAllByRole("menuitem")
    .map((item) => item.getAttribute("data-testid") ?? "");
  await user.keyboard("{Escape}");
  return items;
}

/** Types `time` into the open time dialog and saves it. */
async function typeTime(user: UserEvent, time: string) {
  const dialog = screen.getByRole("dialog");
  await user.clear(within(dialog).getByTestId("time-input"));
  await user.type(within(dialog).getByTestId("time-input"), time);
  await user.click(within(dialog).getByTestId("time-save"));
}

describe("participants", () => {
  it("marks attendance through each row's state menu and keeps the counts in step", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    expect(await screen.findAllByTestId("participant-row")).toHaveLength(3);
    expect(screen.getByTestId("count-pending")).toHaveTextContent("3");
    expect(screen.getByTestId("count-present")).toHaveTextContent("0");
    expect(
      await menuItems(user, "Nguyễn Văn An"),
      "nothing to clear or leave before anything is marked",
    ).toEqual([
      "state-arrived-now",
      "state-arrived",
      "state-absent-excused",
      "state-absent",
      "state-substitute",
      "state-history",
    ]);

    await choose(user, "Nguyễn Văn An", "state-arrived-now");
    await waitFor(() => expect(screen.getByTestId("count-present")).toHaveTextContent("1"));
    expect(
      screen.getByTestId("count-late"),
      "arriving after 08:00 counts as late",
    ).toHaveTextContent("1");
    expect(screen.getByTestId("count-pending")).toHaveTextContent("2");
    expect(within(row("Nguyễn Văn An")).getByTestId("participant-state")).toHaveTextContent(
      "Đến muộn",
    );
    expect(row("Nguyễn Văn An")).toHaveTextContent("đến lúc 08:10");
    expect(screen.getByText("Có mặt").closest(".count")).toHaveTextContent(
      "Có mặt1(trong đó đến muộn 1, về trước 0)",
    );
    expect(await menuItems(user, "Nguyễn Văn An")).toEqual([
      "state-left",
      "state-arrived",
      "state-absent-excused",
      "state-absent",
      "state-substitute",
      "state-history",
      "state-cleared",
    ]);

    await choose(user, "Trần Thị Bình", "state-absent-excused");
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByTestId("absence-save"));
    expect(within(dialog).getByRole("alert"), "a reason is required").toBeInTheDocument();
    await user.type(within(dialog).getByTestId("absence-reason"), "Đi công tác{Enter}");
    await waitFor(() => expect(screen.getByTestId("count-absent")).toHaveTextContent("1"));
    expect(screen.getByTestId("count-absent-excused")).toHaveTextContent("1");
    expect(within(row("Trần Thị Bình")).getByTestId("participant-state")).toHaveTextContent(
      "Vắng có lý do",
    );
    expect(row("Trần Thị Bình")).toHaveTextContent("Đi công tác");

    await choose(user, "Lê Minh Châu", "state-absent");
    await waitFor(() => expect(screen.getByTestId("count-absent")).toHaveTextContent("2"));
    expect(screen.getByTestId("count-absent-excused")).toHaveTextContent("1");
    expect(screen.getByTestId("count-pending")).toHaveTextContent("0");

    await choose(user, "Nguyễn Văn An", "state-history");
    const history = screen.getByRole("dialog");
    expect(await within(history).findByText("Có mặt")).toBeInTheDocument();
    expect(within(history).getByText("Được mời")).toBeInTheDocument();
    await user.click(within(history).getByRole("button", { name: "Đóng" }));
    expect(
      within(row("Nguyễn Văn An")).getByTestId("participant-state"),
      "focus goes back to the state control",
    ).toHaveFocus();
  });

  it("clears only the attendance mark, not the person", async () => {
    const { backend, meeting } = await setUp();
    const remove = vi.spyOn(backend, "removeParticipant");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");
    await choose(user, "Lê Minh Châu", "state-absent");
    await waitFor(() => expect(screen.getByTestId("count-absent")).toHaveTextContent("1"));

    await user.click(within(row("Lê Minh Châu")).getByTestId("participant-state"));
    const clear = screen.getByTestId("state-cleared");
    expect(clear).toHaveTextContent("Xoá điểm danh (về “Chưa điểm danh”)");
    expect(clear).toHaveTextContent("người này vẫn ở trong danh sách");
    await user.click(clear);
    await waitFor(() => expect(screen.getByTestId("count-absent")).toHaveTextContent("0"));
    expect(screen.getByTestId("count-pending")).toHaveTextContent("3");
    expect(screen.getAllByTestId("participant-row"), "the person stays listed").toHaveLength(3);
    expect(within(row("Lê Minh Châu")).getByTestId("participant-state")).toHaveTextContent(
      "Chưa điểm danh",
    );
    expect(screen.queryByRole("dialog"), "no confirmation: nobody is removed").toBeNull();
    expect(remove).not.toHaveBeenCalled();
    expect(
      screen.queryByTestId("participant-remove"),
      "removing is in another menu, not next to clearing",
    ).toBeNull();
  });

  it("opens, moves through and closes the state menu from the keyboard", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");
    const button = within(row("Nguyễn Văn An")).getByTestId("participant-state");
    expect(button).toHaveAccessibleName("Điểm danh Nguyễn Văn An: Chưa điểm danh");
    expect(button).toHaveAttribute("aria-haspopup", "menu");

    button.focus();
    await user.keyboard("{Enter}");
    const menu = screen.getByRole("menu", { name: "Điểm danh Nguyễn Văn An" });
    expect(button).toHaveAttribute("aria-expanded", "true");
    expect(within(menu).getByTestId("state-arrived-now")).toHaveFocus();
    await user.keyboard("{ArrowDown}");
    expect(within(menu).getByTestId("state-arrived")).toHaveFocus();
    await user.keyboard("{ArrowUp}{ArrowUp}");
    expect(within(menu).getByTestId("state-history"), "↑ wraps round").toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("menu")).toBeNull();
    expect(button).toHaveFocus();

    await user.keyboard(" ");
    expect(screen.getByTestId("state-arrived-now")).toHaveFocus();
    await user.keyboard("{Enter}");
    await waitFor(() => expect(screen.getByTestId("count-present")).toHaveTextContent("1"));
    expect(screen.queryByRole("menu")).toBeNull();
    expect(within(row("Nguyễn Văn An")).getByTestId("participant-state")).toHaveFocus();
  });

  it("marks someone present at a typed time: before the opening is on time, after it late", async () => {
    const { backend, meeting } = await setUp();
    const record = vi.spyOn(backend, "recordAttendance");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");

    await choose(user, "Nguyễn Văn An", "state-arrived");
    const dialog = screen.getByRole("dialog", { name: "Có mặt: Nguyễn Văn An" });
    const input = within(dialog).getByTestId("time-input");
    expect(input, "a 24-hour text field, not the locale's time picker").toHaveAttribute(
      "type",
      "text",
    );
    expect(within(dialog).getByLabelText(/^Giờ đến, ngày 04\/03\/2030/)).toBe(input);
    await user.clear(input);
    await user.type(input, "25:10");
    await user.click(within(dialog).getByTestId("time-save"));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("giờ:phút (24 giờ)");
    expect(record).not.toHaveBeenCalled();

    await user.clear(input);
    await user.type(input, "7:50");
    expect(within(dialog).getByTestId("time-late-hint")).toHaveTextContent(
      "tính là có mặt đúng giờ",
    );
    await user.click(within(dialog).getByTestId("time-save"));
    await waitFor(() => expect(row("Nguyễn Văn An")).toHaveTextContent("đến lúc 07:50"));
    expect(record).toHaveBeenCalledWith(
      meeting.id,
      expect.any(String),
      "arrived",
      "",
      "2030-03-04T07:50",
    );
    expect(within(row("Nguyễn Văn An")).getByTestId("participant-state")).toHaveTextContent(
      "Có mặt",
    );
    await waitFor(() => expect(screen.getByTestId("count-present")).toHaveTextContent("1"));
    expect(screen.getByTestId("count-late"), "07:50 is before the 08:00 opening").toHaveTextContent(
      "0",
    );

    // Typed wrong: corrected to after the opening, which makes it late.
    await choose(user, "Nguyễn Văn An", "state-arrived");
    const fix = screen.getByRole("dialog", { name: "Sửa giờ đến: Nguyễn Văn An" });
    expect(fix).toHaveTextContent("Giờ đến đã ghi (07:50) được thay");
    await user.clear(within(fix).getByTestId("time-input"));
    await user.type(within(fix).getByTestId("time-input"), "0820");
    expect(within(fix).getByTestId("time-late-hint")).toHaveTextContent("tính là đến muộn");
    await user.click(within(fix).getByTestId("time-save"));
    await waitFor(() => expect(row("Nguyễn Văn An")).toHaveTextContent("đến lúc 08:20"));
    expect(within(row("Nguyễn Văn An")).getByTestId("participant-state")).toHaveTextContent(
      "Đến muộn",
    );
    await waitFor(() => expect(screen.getByTestId("count-late")).toHaveTextContent("1"));
    expect(screen.getByTestId("count-present")).toHaveTextContent("1");
  });

  it("marks someone as leaving early at a typed time, with a reason", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");
    expect(await menuItems(user, "Trần Thị Bình"), "nobody leaves before arriving").not.toContain(
      "state-left",
    );

    await choose(user, "Trần Thị Bình", "state-arrived");
    await typeTime(user, "07:58");
    await waitFor(() => expect(row("Trần Thị Bình")).toHaveTextContent("đến lúc 07:58"));

    await choose(user, "Trần Thị Bình", "state-left");
    const dialog = screen.getByRole("dialog", { name: "Về trước: Trần Thị Bình" });
    await user.type(within(dialog).getByTestId("time-reason"), "Họp Ban Thường vụ");
    await typeTime(user, "10:15");
    await waitFor(() =>
      expect(within(row("Trần Thị Bình")).getByTestId("participant-state")).toHaveTextContent(
        "Đã về",
      ),
    );
    expect(row("Trần Thị Bình")).toHaveTextContent("đến 07:58 · về 10:15 · Họp Ban Thường vụ");
    await waitFor(() => expect(screen.getByTestId("count-left")).toHaveTextContent("1"));
    expect(screen.getByTestId("count-present"), "leaving early still attended").toHaveTextContent(
      "1",
    );
    const [bình] = (await backend.listParticipants(meeting.id)).filter(
      (p) => p.person.fullName === "Trần Thị Bình",
    );
    expect(bình).toMatchObject({
      state: "left",
      arrivedAt: "2030-03-04T07:58",
      leftAt: "2030-03-04T10:15",
      absenceReason: "Họp Ban Thường vụ",
    });
  });

  it("records who attends in someone's place, shows it in the row, and clears it", async () => {
    const { backend, meeting } = await setUp();
    const setSubstitute = vi.spyOn(backend, "setSubstitute");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");

    await choose(user, "Trần Thị Bình", "state-substitute");
    const dialog = screen.getByRole("dialog", { name: "Người dự thay: Trần Thị Bình" });
    expect(
      within(dialog).getByTestId("substitute-present"),
      "marked present by default",
    ).toBeChecked();
    await user.type(within(dialog).getByTestId("substitute-name"), "Lê Thị E");
    await user.type(within(dialog).getByTestId("substitute-title"), "Phó Giám đốc");
    await user.click(within(dialog).getByTestId("substitute-save"));
    await waitFor(() =>
      expect(within(row("Trần Thị Bình")).getByTestId("participant-substitute")).toHaveTextContent(
        "Dự thay: Lê Thị E, Phó Giám đốc",
      ),
    );
    expect(within(row("Trần Thị Bình")).getByTestId("participant-state")).toHaveTextContent(
      "Đến muộn",
    );
    await waitFor(() => expect(screen.getByTestId("count-present")).toHaveTextContent("1"));

    // Someone else's deputy, not marked present yet.
    await choose(user, "Lê Minh Châu", "state-substitute");
    const other = screen.getByRole("dialog");
    await user.type(within(other).getByTestId("substitute-name"), "Đỗ Văn G");
    await user.click(within(other).getByTestId("substitute-present"));
    await user.click(within(other).getByTestId("substitute-save"));
    await waitFor(() => expect(row("Lê Minh Châu")).toHaveTextContent("Dự thay: Đỗ Văn G"));
    expect(within(row("Lê Minh Châu")).getByTestId("participant-state")).toHaveTextContent(
      "Chưa điểm danh",
    );

    await choose(user, "Trần Thị Bình", "state-substitute");
    const again = screen.getByRole("dialog");
    expect(within(again).getByTestId("substitute-name")).toHaveValue("Lê Thị E");
    expect(within(again).getByTestId("substitute-title")).toHaveValue("Phó Giám đốc");
    expect(
      within(again).queryByTestId("substitute-present"),
      "already there: nothing to mark",
    ).toBeNull();
    await user.clear(within(again).getByTestId("substitute-name"));
    await user.click(within(again).getByTestId("substitute-save"));
    await waitFor(() =>
      expect(within(row("Trần Thị Bình")).queryByTestId("participant-substitute")).toBeNull(),
    );
    expect(setSubstitute).toHaveBeenLastCalledWith(
      meeting.id,
      expect.any(String),
      "",
      "Phó Giám đốc",
    );
    const [bình] = (await backend.listParticipants(meeting.id)).filter(
      (p) => p.person.fullName === "Trần Thị Bình",
    );
    expect(bình).toMatchObject({ substituteName: "", substituteTitle: "", state: "late" });
  });

  it("marks a whole group present at the sheet's time and leaves everyone else alone", async () => {
    const { backend, meeting } = await setUp();
    await backend.addParticipant(meeting.id, {
      fullName: "Phạm Văn Dũng",
      positionTitle: "Phóng viên",
      unit: "Báo Hà Nội mới",
      section: "Báo chí",
      rank: 10,
      phone: "",
      email: "",
    });
    const list = await backend.listParticipants(meeting.id);
    const id = (name: string) => list.find((p) => p.person.fullName === name)?.person.id ?? "";
    await backend.recordAttendance(meeting.id, id("Trần Thị Bình"), "absent", "Ốm", null);
    const mark = vi.spyOn(backend, "markSectionPresent");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");

    const select = screen.getByTestId("section-select");
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      "Các phòng",
      "Báo chí",
    ]);
    await user.selectOptions(select, "Các phòng");
    await user.click(screen.getByTestId("section-present"));
    const dialog = screen.getByRole("dialog", { name: "Đánh dấu cả nhóm có mặt: Các phòng" });
    expect(within(dialog).getByTestId("section-confirm")).toHaveTextContent(
      "Sẽ ghi nhận có mặt cho 2 người của nhóm “Các phòng” chưa được điểm danh.",
    );
    expect(within(dialog).getByTestId("time-save")).toHaveTextContent("Đánh dấu 2 người có mặt");
    await typeTime(user, "07:55");

    await waitFor(() => expect(screen.getByTestId("count-present")).toHaveTextContent("2"));
    expect(mark).toHaveBeenCalledWith(meeting.id, "Các phòng", "2030-03-04T07:55");
    expect(screen.getByTestId("count-late"), "typed from the sheet: nobody late").toHaveTextContent(
      "0",
    );
    for (const name of ["Nguyễn Văn An", "Lê Minh Châu"]) {
      expect(within(row(name)).getByTestId("participant-state")).toHaveTextContent("Có mặt");
      expect(row(name)).toHaveTextContent("đến lúc 07:55");
    }
    expect(
      within(row("Trần Thị Bình")).getByTestId("participant-state"),
      "an absence stands",
    ).toHaveTextContent("Vắng có lý do");
    expect(
      within(row("Phạm Văn Dũng")).getByTestId("participant-state"),
      "another group is untouched",
    ).toHaveTextContent("Chưa điểm danh");

    await user.click(screen.getByTestId("section-present"));
    expect(screen.getByTestId("section-confirm")).toHaveTextContent(
      "Nhóm “Các phòng” không còn ai chưa điểm danh.",
    );
    expect(screen.getByTestId("time-save")).toBeDisabled();
  });

  it("adds someone not on the list and marks them present in one step", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");

    await user.type(screen.getByTestId("walkin-name"), "Phạm Quốc Dũng");
    await user.type(screen.getByTestId("walkin-unit"), "Sở Tài chính");
    await user.type(screen.getByTestId("walkin-title"), "Phó Giám đốc");
    await user.click(screen.getByTestId("walkin-add"));

    expect(await screen.findByTestId("walkin-done")).toHaveTextContent(
      "Đã thêm Phạm Quốc Dũng vào danh sách và ghi nhận có mặt.",
    );
    expect(screen.getAllByTestId("participant-row")).toHaveLength(4);
    expect(row("Phạm Quốc Dũng")).toHaveTextContent("Sở Tài chính");
    expect(within(row("Phạm Quốc Dũng")).getByTestId("participant-state")).toHaveTextContent(
      "Đến muộn",
    );
    await waitFor(() => expect(screen.getByTestId("count-total")).toHaveTextContent("4"));
    expect(screen.getByTestId("count-present")).toHaveTextContent("1");
    expect(screen.getByTestId("walkin-name"), "ready for the next one").toHaveValue("");
    expect(screen.getByTestId("walkin-name")).toHaveFocus();
    const [dũng] = await backend.listPeople("Dũng");
    expect(dũng).toMatchObject({
      fullName: "Phạm Quốc Dũng",
      unit: "Sở Tài chính",
      positionTitle: "Phó Giám đốc",
      section: "Đại biểu khác",
      rank: 100,
    });

    await user.click(screen.getByTestId("walkin-add"));
    expect(await screen.findByRole("alert"), "a name is needed").toHaveTextContent(
      "Họ và tên không được để trống.",
    );
    expect(screen.getAllByTestId("participant-row")).toHaveLength(4);
  });

  it("adds a new person straight into the meeting and filters the list", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");

    await user.click(screen.getByTestId("person-add"));
    await user.type(screen.getByTestId("person-name"), "Phạm Quốc Dũng");
    await user.click(screen.getByTestId("person-save"));
    expect(await screen.findAllByTestId("participant-row")).toHaveLength(4);
    // The counts are asked for again once the list has changed.
    await waitFor(() => expect(screen.getByTestId("count-total")).toHaveTextContent("4"));

    await user.type(screen.getByTestId("participant-filter"), "dung");
    expect(
      await screen.findAllByTestId("participant-row"),
      "filtering ignores diacritics",
    ).toHaveLength(1);
    expect(screen.getByTestId("participant-row")).toHaveTextContent("Phạm Quốc Dũng");
  });

  it("edits a participant's details through the same form, pre-filled", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");

    const more = within(row("Trần Thị Bình")).getByTestId("participant-actions");
    expect(more).toHaveAccessibleName("Sửa thông tin hoặc bỏ Trần Thị Bình khỏi danh sách");
    await user.click(more);
    const edit = within(screen.getByTestId("participant-actions-menu")).getByTestId(
      "participant-edit",
    );
    expect(edit).toHaveAccessibleName("Sửa thông tin…");
    await user.click(edit);
    const dialog = screen.getByRole("dialog", { name: "Sửa thông tin đại biểu" });
    expect(within(dialog).getByTestId("person-name")).toHaveValue("Trần Thị Bình");
    expect(within(dialog).getByTestId("person-position")).toHaveValue("Chuyên viên");
    expect(within(dialog).getByTestId("person-unit")).toHaveValue("Văn phòng");
    expect(within(dialog).getByTestId("person-section")).toHaveValue("Các phòng");
    expect(within(dialog).getByTestId("person-rank")).toHaveValue(1);

    await user.clear(within(dialog).getByTestId("person-name"));
    await user.click(within(dialog).getByTestId("person-save"));
    expect(
      await within(dialog).findByRole("alert"),
      "the backend's refusal shows in the form",
    ).toHaveTextContent("Họ và tên không được để trống.");
    expect(screen.getByRole("dialog"), "the form stays open").toBe(dialog);

    await user.type(within(dialog).getByTestId("person-name"), "Trần Thị Bích");
    await user.clear(within(dialog).getByTestId("person-position"));
    await user.type(within(dialog).getByTestId("person-position"), "Phó Chánh Văn phòng");
    await user.type(within(dialog).getByTestId("person-phone"), "0912 345 678");
    await user.click(within(dialog).getByTestId("person-save"));

    expect(await screen.findByText("Trần Thị Bích")).toBeInTheDocument();
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.queryByText("Trần Thị Bình")).not.toBeInTheDocument();
    expect(row("Trần Thị Bích")).toHaveTextContent("Phó Chánh Văn phòng");
    expect(screen.getAllByTestId("participant-row")).toHaveLength(3);
    const [saved] = await backend.listPeople("Bích");
    expect(saved).toMatchObject({
      fullName: "Trần Thị Bích",
      positionTitle: "Phó Chánh Văn phòng",
      unit: "Văn phòng",
      rank: 1,
      phone: "0912 345 678",
    });
  });

  it("removes a participant from the meeting after confirmation", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");

    await user.click(within(row("Lê Minh Châu")).getByTestId("participant-actions"));
    await user.click(screen.getByTestId("participant-remove"));
    await user.click(
      within(screen.getByRole("dialog")).getByRole("button", { name: "Bỏ khỏi danh sách" }),
    );
    await waitFor(() => expect(screen.getByTestId("count-total")).toHaveTextContent("2"));
    expect(screen.getAllByTestId("participant-row")).toHaveLength(2);
    expect(screen.queryByText("Lê Minh Châu")).not.toBeInTheDocument();
    expect(await backend.listPeople("Châu"), "the directory keeps the person").toHaveLength(1);
  });

  it("shows each participant's role, changes it through the backend and counts the invitees", async () => {
    // The chair and the minute-taker are named on the meeting: they start as such, the rest as guests.
    const { backend, meeting } = await setUp({
      chairName: "Nguyễn Văn An",
      secretaryName: "Trần Thị Bình",
    });
    const setRole = vi.spyOn(backend, "setParticipantRole");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");

    const role = (name: string) => within(row(name)).getByTestId("participant-role");
    expect(role("Nguyễn Văn An")).toHaveDisplayValue("Chủ trì");
    expect(role("Trần Thị Bình")).toHaveDisplayValue("Phục vụ");
    expect(role("Lê Minh Châu")).toHaveDisplayValue("Đại biểu mời");
    expect(role("Lê Minh Châu")).toHaveAccessibleName("Vai trò của Lê Minh Châu");
    expect([...(role("Lê Minh Châu") as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      "Chủ trì",
      "Cơ quan tổ chức",
      "Đại biểu mời",
      "Báo chí",
      "Phục vụ",
    ]);
    expect(screen.getByTestId("invitee-count")).toHaveTextContent(
      "1 người nhận giấy mời (đại biểu mời và báo chí)",
    );

    await user.selectOptions(role("Trần Thị Bình"), "press");
    await waitFor(() => expect(role("Trần Thị Bình")).toHaveDisplayValue("Báo chí"));
    const [bình] = await backend.listPeople("Bình");
    expect(setRole).toHaveBeenCalledWith(meeting.id, bình?.id, "press");
    expect(screen.getByTestId("invitee-count")).toHaveTextContent("2 người nhận giấy mời");

    await user.selectOptions(role("Lê Minh Châu"), "host");
    await waitFor(() => expect(role("Lê Minh Châu")).toHaveDisplayValue("Cơ quan tổ chức"));
    expect(screen.getByTestId("invitee-count")).toHaveTextContent("1 người nhận giấy mời");
    const roles = (await backend.listParticipants(meeting.id)).map((p) => p.role);
    expect(roles, "the backend keeps the roles chosen").toEqual(["chair", "press", "host"]);

    setRole.mockRejectedValueOnce({
      kind: "notFound",
      message: "Người này không có trong danh sách đại biểu của cuộc họp.",
    });
    await user.selectOptions(role("Nguyễn Văn An"), "guest");
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Người này không có trong danh sách đại biểu của cuộc họp.",
    );
    expect(role("Nguyễn Văn An"), "a refused change is not shown as made").toHaveDisplayValue(
      "Chủ trì",
    );
    expect(screen.getByTestId("invitee-count")).toHaveTextContent("1 người nhận giấy mời");
  });

  it("renders only a window of a very long list", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const ids: string[] = [];
    for (let i = 0; i < 2000; i += 1) {
      const p = await backend.createPerson({
        fullName: `Đại biểu ${i}`,
        positionTitle: "",
        unit: "",
        section: "",
        rank: i,
        phone: "",
        email: "",
      });
      ids.push(p.id);
    }
    await backend.invitePeople(meeting.id, ids);
    renderApp(backend, `/meetings/${meeting.id}/people`);
    const rows = await screen.findAllByTestId("participant-row");
    expect(screen.getByTestId("count-total")).toHaveTextContent("2000");
    expect(rows.length, "only the visible rows are in the DOM").toBeLessThan(60);
  });
});
