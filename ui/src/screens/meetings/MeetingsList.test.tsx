import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { flushPendingSaves } from "../../components/pendingSaves";
import type { Organisation } from "../../ipc/bindings";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";
import { blankOrganisation } from "../settings/OrganisationForm";

describe("meetings list", () => {
  it("creates a meeting from a title alone, opens it, and lists it afterwards", async () => {
    const { user, backend } = renderApp();
    expect(await screen.findByText(/Chưa có cuộc họp nào/)).toBeInTheDocument();

    await user.click(screen.getByTestId("new-meeting"));
    const dialog = screen.getByRole("dialog");
    const start = within(dialog).getByTestId<HTMLInputElement>("meeting-starts-at");
    expect(start.value, "the start day is shown as dd/mm/yyyy").toMatch(/^\d\d\/\d\d\/\d{4}$/);
    expect(
      within(dialog).getByTestId("meeting-starts-at-time"),
      "start time is pre-filled with 08:00",
    ).toHaveValue("08:00");
    const [d, m, y] = start.value.split("/");
    const day = new Date(Number(y), Number(m) - 1, Number(d)).getDay();
    expect([0, 6], "the default day is not a weekend").not.toContain(day);

    await user.type(within(dialog).getByTestId("meeting-title"), "Hội nghị sơ kết 6 tháng");
    await user.click(within(dialog).getByTestId("meeting-save"));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Hội nghị sơ kết 6 tháng" }),
      "the new meeting's workspace opens",
    ).toBeInTheDocument();
    expect(screen.getByTestId("tab-info")).toHaveAttribute("aria-selected", "true");
    expect(await backend.listMeetings()).toHaveLength(1);

    await user.click(screen.getByTestId("back-to-meetings"));
    const rows = await screen.findAllByTestId("meeting-row");
    expect(rows).toHaveLength(1);
    expect(rows[0]).toHaveTextContent("Hội nghị sơ kết 6 tháng");
    expect(rows[0], "dates are shown as dd/mm/yyyy").toHaveTextContent(
      `${d}/${m}/${y}, 08:00–11:30`,
    );
  });

  it("shows the backend's validation message inline and keeps the form open", async () => {
    const { user, backend } = renderApp();
    await user.click(await screen.findByTestId("new-meeting"));
    const dialog = screen.getByRole("dialog");
    await user.type(within(dialog).getByTestId("meeting-title"), "Họp chuyên đề");
    fireEvent.change(within(dialog).getByTestId("meeting-ends-at-time"), {
      target: { value: "07:00" },
    });
    await user.click(within(dialog).getByTestId("meeting-save"));

    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "Thời gian kết thúc phải sau thời gian bắt đầu.",
    );
    expect(screen.getByRole("dialog"), "the form stays open with what was typed").toBeVisible();
    expect(within(dialog).getByTestId("meeting-title")).toHaveValue("Họp chuyên đề");
    expect(await backend.listMeetings(), "nothing was created").toHaveLength(0);
  });

  it("reads the meeting's days and times as a secretary types them, whatever the locale", async () => {
    const { user, backend } = renderApp();
    await user.click(await screen.findByTestId("new-meeting"));
    const dialog = screen.getByRole("dialog");
    await user.type(within(dialog).getByTestId("meeting-title"), "Hội nghị tổng kết");
    const startDay = within(dialog).getByTestId("meeting-starts-at");
    const startTime = within(dialog).getByTestId("meeting-starts-at-time");
    const endDay = within(dialog).getByTestId("meeting-ends-at");
    const endTime = within(dialog).getByTestId("meeting-ends-at-time");
    for (const box of [startDay, endDay]) {
      expect(box).toHaveAttribute("type", "text");
      expect(box).toHaveAttribute("inputmode", "numeric");
      expect(box).toHaveAttribute("placeholder", "dd/mm/yyyy");
    }
    expect(startDay).toHaveAccessibleName("Bắt đầu");
    expect(startTime).toHaveAccessibleName("Giờ bắt đầu");
    expect(endTime).toHaveAttribute("placeholder", "hh:mm");

    await user.clear(startDay);
    await user.type(startDay, "6/10/2031");
    await user.clear(startTime);
    await user.type(startTime, "7h30");
    await user.clear(endDay);
    await user.type(endDay, "06102031");
    await user.clear(endTime);
    await user.type(endTime, "1130");
    await user.tab();
    expect(startDay, "left as dd/mm/yyyy").toHaveValue("06/10/2031");
    expect(startTime).toHaveValue("07:30");
    expect(endDay).toHaveValue("06/10/2031");
    expect(endTime).toHaveValue("11:30");
    await user.click(within(dialog).getByTestId("meeting-save"));

    expect(
      await screen.findByRole("heading", { level: 1, name: "Hội nghị tổng kết" }),
    ).toBeVisible();
    const [created] = await backend.listMeetings();
    expect(created?.meeting).toMatchObject({
      startsAt: "2031-10-06T07:30",
      endsAt: "2031-10-06T11:30",
    });
  });

  it("refuses a day that does not exist with a sentence, not a format, and keeps what was typed", async () => {
    const { user, backend } = renderApp();
    await user.click(await screen.findByTestId("new-meeting"));
    const dialog = screen.getByRole("dialog");
    await user.type(within(dialog).getByTestId("meeting-title"), "Họp chuyên đề");
    const startDay = within(dialog).getByTestId("meeting-starts-at");
    await user.clear(startDay);
    await user.type(startDay, "31/02/2031");
    await user.tab();
    expect(startDay).toHaveValue("31/02/2031");
    expect(startDay).toHaveAttribute("aria-invalid", "true");
    const message = "Ngày không hợp lệ, nhập dạng ngày/tháng/năm, ví dụ 06/10/2022.";
    expect(within(dialog).getByRole("alert")).toHaveTextContent(message);
    expect(startDay).toHaveAccessibleDescription(message);

    await user.click(within(dialog).getByTestId("meeting-save"));
    expect(await backend.listMeetings(), "nothing was created").toHaveLength(0);
    let closed = true;
    await act(async () => {
      closed = await flushPendingSaves();
    });
    expect(closed, "closing the window waits for the day to be put right").toBe(false);
    expect(await backend.listMeetings(), "nor with the last good day").toHaveLength(0);
    expect(screen.getByRole("dialog"), "the form stays open").toBeVisible();
    expect(startDay, "the box to correct gets the focus").toHaveFocus();
    expect(dialog).not.toHaveTextContent(/năm-tháng-ngày/);

    const startTime = within(dialog).getByTestId("meeting-starts-at-time");
    await user.clear(startTime);
    await user.type(startTime, "25:00{Enter}");
    expect(startTime).toHaveAttribute("aria-invalid", "true");
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "Giờ không hợp lệ, nhập dạng giờ:phút (24 giờ), ví dụ 08:05 hoặc 14:30.",
    );
    expect(await backend.listMeetings(), "Enter does not save it either").toHaveLength(0);

    await user.clear(startDay);
    await user.type(startDay, "28/02/2031");
    await user.clear(startTime);
    await user.type(startTime, "8:05");
    expect(startDay).not.toHaveAttribute("aria-invalid");
    expect(within(dialog).queryByRole("alert")).toBeNull();
    const endDay = within(dialog).getByTestId("meeting-ends-at");
    await user.clear(endDay);
    await user.type(endDay, "28/02/2031");
    await user.click(within(dialog).getByTestId("meeting-save"));
    expect(await screen.findByRole("heading", { level: 1, name: "Họp chuyên đề" })).toBeVisible();
    const [created] = await backend.listMeetings();
    expect(created?.meeting.startsAt).toBe("2031-02-28T08:05");
  });

  it("marks demo meetings, duplicates as a template and deletes after confirmation", async () => {
    const backend = new FakeBackend();
    await backend.createMeeting(meetingInput({ title: "Họp mẫu" }), true);
    const { user } = renderApp(backend);

    const row = await screen.findByTestId("meeting-row");
    expect(within(row).getByText("Dữ liệu mẫu")).toBeInTheDocument();

    await user.click(within(row).getByTestId("meeting-duplicate"));
    expect(
      await screen.findByRole("heading", { level: 1, name: "Họp mẫu (bản sao)" }),
    ).toBeInTheDocument();
    await user.click(screen.getByTestId("back-to-meetings"));
    expect(await screen.findAllByTestId("meeting-row")).toHaveLength(2);

    const copyRow = screen
      .getAllByTestId("meeting-row")
      .find((r) => r.textContent?.includes("(bản sao)"));
    if (!copyRow) throw new Error("the copy is listed");
    await user.click(within(copyRow).getByTestId("meeting-delete"));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Xoá" }));
    await waitFor(() => expect(screen.getAllByTestId("meeting-row")).toHaveLength(1));
    expect(screen.queryByText("Họp mẫu (bản sao)")).not.toBeInTheDocument();
  });

  it("closes the create dialog with Escape", async () => {
    const { user } = renderApp();
    await user.click(await screen.findByTestId("new-meeting"));
    expect(screen.getByTestId("meeting-title"), "focus starts in the title").toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    expect(screen.getByTestId("new-meeting"), "focus returns to the opener").toHaveFocus();
  });

  it("carries a meeting to another computer in its file; importing it twice adds nothing", async () => {
    const source = new FakeBackend();
    const meeting = await source.createMeeting(meetingInput({ title: "Giao ban quý I" }));
    const first = renderApp(source, `/meetings/${meeting.id}/info`);
    await first.user.click(await screen.findByTestId("meeting-export"));
    expect(await screen.findByText("Đã ghi 2030-03-04-giao-ban-quy-i.hoinghi.")).toBeVisible();
    first.unmount();

    const target = new FakeBackend();
    for (const [name, data] of source.meetingFiles) target.meetingFiles.set(name, data);
    const { user } = renderApp(target);
    await user.click(await screen.findByTestId("import-meeting"));
    expect(await screen.findByTestId("import-result")).toHaveTextContent(
      "Đã nhập “Giao ban quý I”: 1 mục mới, 0 mục được cập nhật.",
    );
    expect(await screen.findAllByTestId("meeting-row")).toHaveLength(1);
    await user.click(screen.getByTestId("import-meeting"));
    await waitFor(() =>
      expect(screen.getByTestId("import-result")).toHaveTextContent(
        "0 mục mới, 0 mục được cập nhật",
      ),
    );
    expect(screen.getAllByTestId("meeting-row")).toHaveLength(1);
  });

  it("saves the meeting details being typed when the window closes", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/info`);
    const title = await screen.findByTestId("meeting-title");
    await user.clear(title);
    await user.type(title, "Giao ban tháng 4");
    expect(await flushPendingSaves()).toBe(true);
    expect((await backend.getMeeting(meeting.id)).title).toBe("Giao ban tháng 4");

    await user.clear(title);
    expect(await flushPendingSaves(), "an empty title is refused: the window stays open").toBe(
      false,
    );
    expect(await screen.findByRole("alert")).toBeVisible();
  });
});

describe("the body that issues a meeting's documents", () => {
  /** A Party body and a state body, neither used yet. */
  async function twoBodies() {
    const backend = new FakeBackend();
    const body = (fields: Partial<Organisation>) =>
      backend.saveOrganisation({ ...blankOrganisation(), placeName: "Hà Nội", ...fields });
    const party = await body({
      name: "BAN TUYÊN GIÁO VÀ DÂN VẬN",
      abbreviation: "BTGDVTU",
      kind: "party",
      signerName: "Nguyễn Thị Hoa",
      signerTitle: "TRƯỞNG BAN",
    });
    const ward = await body({
      name: "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH",
      abbreviation: "UBND",
      signerName: "Lê Văn Nam",
      signerTitle: "CHỦ TỊCH",
      signingPrefix: "TM. ỦY BAN NHÂN DÂN",
    });
    return { backend, party, ward };
  }

  const optionsOf = (select: HTMLElement) =>
    [...(select as HTMLSelectElement).options].map((o) => o.text);

  it("starts a new meeting with the body the last meeting used, and saves the one chosen", async () => {
    const { backend, party, ward } = await twoBodies();
    await backend.createMeeting(meetingInput({ title: "Họp trước", organisationId: ward.id }));
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("new-meeting"));
    const dialog = screen.getByRole("dialog");
    const select = within(dialog).getByTestId("meeting-organisation");
    expect(select).toHaveAccessibleName(/^Cơ quan ban hành/);
    await waitFor(() => expect(select).toHaveValue(ward.id));
    expect(optionsOf(select), "nothing to leave unchosen").toEqual([party.name, ward.name]);
    expect(within(dialog).getByTestId("meeting-signed-by")).toHaveTextContent(
      "Người ký văn bản: Lê Văn Nam (TM. ỦY BAN NHÂN DÂN, CHỦ TỊCH)",
    );
    expect(within(dialog).getByTestId("meeting-signer-name")).toHaveAttribute(
      "placeholder",
      "Lê Văn Nam",
    );

    await user.type(within(dialog).getByTestId("meeting-title"), "Họp mới");
    await user.selectOptions(select, party.id);
    expect(within(dialog).getByTestId("meeting-signed-by")).toHaveTextContent(
      "Người ký văn bản: Nguyễn Thị Hoa (TRƯỞNG BAN)",
    );
    await user.click(within(dialog).getByTestId("meeting-save"));
    expect(await screen.findByRole("heading", { level: 1, name: "Họp mới" })).toBeVisible();
    const created = (await backend.listMeetings()).find((s) => s.meeting.title === "Họp mới");
    expect(created?.meeting.organisationId).toBe(party.id);
  });

  it("offers “— Chưa chọn —” only while no body is chosen", async () => {
    const backend = await FakeBackend.withSampleData(0);
    const { user } = renderApp(backend);
    await user.click(await screen.findByTestId("new-meeting"));
    const select = within(screen.getByRole("dialog")).getByTestId("meeting-organisation");
    await waitFor(() =>
      expect(optionsOf(select), "the demo's body is never chosen by itself").toEqual([
        "— Chưa chọn —",
        "BAN TUYÊN GIÁO THÀNH UỶ",
      ]),
    );
    expect(select).toHaveValue("");
    expect(screen.queryByTestId("meeting-signed-by")).toBeNull();
    await user.selectOptions(select, "BAN TUYÊN GIÁO THÀNH UỶ");
    expect(optionsOf(select)).toEqual(["BAN TUYÊN GIÁO THÀNH UỶ"]);
  });

  it("shows on the info tab who signs, and saves a signer of the meeting's own", async () => {
    const { backend, party } = await twoBodies();
    const meeting = await backend.createMeeting(meetingInput({ organisationId: party.id }));
    const { user } = renderApp(backend, `/meetings/${meeting.id}/info`);
    const select = await screen.findByTestId("meeting-organisation");
    await waitFor(() => expect(select).toHaveDisplayValue("BAN TUYÊN GIÁO VÀ DÂN VẬN"));
    expect(await screen.findByTestId("meeting-signed-by")).toHaveTextContent(
      "Người ký văn bản: Nguyễn Thị Hoa (TRƯỞNG BAN)",
    );
    const group = screen.getByRole("group", { name: "Người ký (nếu khác người ký của cơ quan)" });
    await user.type(within(group).getByTestId("meeting-signer-name"), "Đỗ Văn Quang");
    await user.type(within(group).getByTestId("meeting-signer-title"), "PHÓ TRƯỞNG BAN");
    await user.type(within(group).getByTestId("meeting-signing-prefix"), "K/T TRƯỞNG BAN");
    expect(screen.getByTestId("meeting-signed-by")).toHaveTextContent(
      "Người ký văn bản: Đỗ Văn Quang (K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN)",
    );
    await user.click(screen.getByTestId("meeting-save"));
    expect(await screen.findByText("Đã lưu thông tin cuộc họp.")).toBeVisible();
    expect(await backend.getMeeting(meeting.id)).toMatchObject({
      organisationId: party.id,
      signerName: "Đỗ Văn Quang",
      signerTitle: "PHÓ TRƯỞNG BAN",
      signingPrefix: "K/T TRƯỞNG BAN",
    });
  });

  describe("joining a shared meeting", () => {
    it("says how a pairing code is written when the one typed is malformed", async () => {
      const { user } = renderApp();
      await user.click(await screen.findByTestId("join-open"));
      const dialog = screen.getByRole("dialog");
      expect(dialog).toHaveTextContent("thẻ “Làm việc nhóm”");
      expect(within(dialog).getByTestId("join-submit"), "nothing typed yet").toBeDisabled();
      await user.type(within(dialog).getByTestId("join-code"), "ABCD-1234");
      await user.click(within(dialog).getByTestId("join-submit"));
      expect(await within(dialog).findByRole("alert")).toHaveTextContent(
        "Mã ghép nối không đúng dạng. Hãy nhập mã mời 6 chữ (ví dụ: hoa mai song sao vang tre) hoặc mã đầy đủ",
      );
      expect(within(dialog).getByTestId("join-code"), "the code stays to correct").toHaveValue(
        "ABCD-1234",
      );
    });

    it("says so when no laptop shares the meeting of a well-formed code", async () => {
      const { user } = renderApp();
      await user.click(await screen.findByTestId("join-open"));
      const dialog = screen.getByRole("dialog");
      await user.type(
        within(dialog).getByTestId("join-code"),
        "0000-0000-0000-0000-0000-0000-00@192.168.1.10:47470",
      );
      await user.click(within(dialog).getByTestId("join-submit"));
      expect(await within(dialog).findByRole("alert")).toHaveTextContent(
        "Máy kia không nhận mã ghép nối này",
      );
    });

    it("opens the joined meeting on its team tab", async () => {
      const backend = new FakeBackend();
      const meeting = await backend.createMeeting(meetingInput({ title: "Hội nghị dùng chung" }));
      const { pairingCode } = await backend.shareMeeting(meeting.id);
      const { user } = renderApp(backend);
      await user.click(await screen.findByTestId("join-open"));
      const dialog = screen.getByRole("dialog");
      // Typed in lower case, with spaces: both are forgiven.
      await user.type(
        within(dialog).getByTestId("join-code"),
        ` ${pairingCode.toLowerCase()} @192.168.1.10:47470{Enter}`,
      );
      expect(
        await screen.findByRole("heading", { level: 1, name: "Hội nghị dùng chung" }),
      ).toBeInTheDocument();
      expect(screen.getByTestId("tab-team")).toHaveAttribute("aria-selected", "true");
      expect(await screen.findByTestId("team-code")).toHaveTextContent(pairingCode);
      expect(screen.queryByRole("dialog")).not.toBeInTheDocument();
    });
  });
});
