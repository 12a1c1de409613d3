import { screen, waitFor, within } from "@testing-library/react";
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

describe("participants", () => {
  it("marks attendance and keeps the counts in step", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    expect(await screen.findAllByTestId("participant-row")).toHaveLength(3);
    expect(screen.getByTestId("count-pending")).toHaveTextContent("3");
    expect(screen.getByTestId("count-present")).toHaveTextContent("0");

    await user.click(within(row("Nguyễn Văn An")).getByRole("button", { name: /^Có mặt: / }));
    await waitFor(() => expect(screen.getByTestId("count-present")).toHaveTextContent("1"));
    expect(
      screen.getByTestId("count-late"),
      "arriving after 08:00 counts as late",
    ).toHaveTextContent("1");
    expect(screen.getByTestId("count-pending")).toHaveTextContent("2");
    expect(within(row("Nguyễn Văn An")).getByTestId("participant-state")).toHaveTextContent(
      "Đến muộn",
    );

    await user.click(
      within(row("Trần Thị Bình")).getByRole("button", { name: /^Vắng có lý do: / }),
    );
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByTestId("absence-save"));
    expect(within(dialog).getByRole("alert"), "a reason is required").toBeInTheDocument();
    await user.type(within(dialog).getByTestId("absence-reason"), "Đi công tác{Enter}");
    await waitFor(() => expect(screen.getByTestId("count-absent")).toHaveTextContent("1"));
    expect(within(row("Trần Thị Bình")).getByTestId("participant-state")).toHaveTextContent(
      "Vắng có lý do",
    );
    expect(row("Trần Thị Bình")).toHaveTextContent("Đi công tác");

    await user.click(within(row("Lê Minh Châu")).getByRole("button", { name: /^Vắng: / }));
    await waitFor(() => expect(screen.getByTestId("count-absent")).toHaveTextContent("2"));
    expect(screen.getByTestId("count-pending")).toHaveTextContent("0");

    await user.click(
      within(row("Lê Minh Châu")).getByRole("button", { name: /^Xoá trạng thái: / }),
    );
    await waitFor(() => expect(screen.getByTestId("count-absent")).toHaveTextContent("1"));
    expect(screen.getByTestId("count-pending")).toHaveTextContent("1");

    await user.click(within(row("Nguyễn Văn An")).getByTestId("participant-state"));
    const history = screen.getByRole("dialog");
    expect(await within(history).findByText("Có mặt")).toBeInTheDocument();
    expect(within(history).getByText("Được mời")).toBeInTheDocument();
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

    const edit = within(row("Trần Thị Bình")).getByTestId("participant-edit");
    expect(edit).toHaveAccessibleName("Sửa thông tin của Trần Thị Bình");
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

    await user.click(within(row("Lê Minh Châu")).getByTestId("participant-remove"));
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
