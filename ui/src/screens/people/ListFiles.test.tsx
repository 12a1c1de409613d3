import { act, screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ImportPreview, MeetingInput, PersonInput } from "../../ipc/bindings";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";

// The shell's progress events, raised by the test (outside Tauri there are none).
const progress = vi.hoisted(() => ({
  listeners: [] as ((p: { stage: "reading" | "checking"; share: number }) => void)[],
}));
vi.mock("../../ipc/window", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../ipc/window")>()),
  onImportProgress: (show: (p: { stage: "reading" | "checking"; share: number }) => void) => {
    progress.listeners.push(show);
    return () => undefined;
  },
}));

function person(fullName: string, section: string): PersonInput {
  return { fullName, positionTitle: "", unit: "Văn phòng", section, rank: 1, phone: "", email: "" };
}

async function setUp(overrides: Partial<MeetingInput> = {}) {
  const backend = new FakeBackend();
  const meeting = await backend.createMeeting(meetingInput(overrides));
  return { backend, meeting };
}

async function openMenu(user: UserEvent) {
  await user.click(await screen.findByTestId("list-files"));
  return screen.getByTestId("list-files-menu");
}

describe("the list's menu", () => {
  it("exports the list and says under which name", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await openMenu(user);
    await user.click(screen.getByTestId("export-list"));
    expect(await screen.findByTestId("export-result")).toHaveTextContent(
      "Đã lưu danh-sach-2030-03-04-giao-ban-thang-3.xlsx",
    );

    backend.savePathChoice = () => null;
    await openMenu(user);
    await user.click(screen.getByTestId("export-list"));
    await waitFor(() => expect(screen.queryByTestId("export-result")).not.toBeInTheDocument());
    expect(screen.queryByRole("alert"), "a cancelled save is no error").not.toBeInTheDocument();

    vi.spyOn(backend, "exportList").mockRejectedValue({
      kind: "io",
      message: "Không ghi được tệp vào thư mục này.",
    });
    await openMenu(user);
    await user.click(screen.getByTestId("export-list"));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Không ghi được tệp vào thư mục này.",
    );
  });

  it("copies the ticked groups of an earlier meeting", async () => {
    const { backend, meeting } = await setUp();
    const earlier = await backend.createMeeting(
      meetingInput({
        title: "Giao ban tháng 2",
        startsAt: "2030-02-04T08:00",
        endsAt: "2030-02-04T11:30",
      }),
    );
    await backend.createMeeting(
      meetingInput({
        title: "Giao ban tháng 1",
        startsAt: "2030-01-07T08:00",
        endsAt: "2030-01-07T11:30",
      }),
    );
    await backend.addParticipant(earlier.id, person("Nguyễn Văn An", "Lãnh đạo"));
    await backend.addParticipant(earlier.id, person("Trần Thị Bình", "Các phòng"));
    const listed = await backend.addParticipant(earlier.id, person("Lê Minh Châu", "Các phòng"));
    const chau = listed.find((p) => p.person.fullName === "Lê Minh Châu");
    if (!chau) throw new Error("Châu is listed");
    await backend.invitePeople(meeting.id, [chau.person.id]);

    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await openMenu(user);
    await user.click(screen.getByTestId("copy-list"));
    const dialog = await screen.findByTestId("copy-list-dialog");
    const from = within(dialog).getByTestId("copy-from");
    expect(
      within(from)
        .getAllByRole("option")
        .map((o) => o.textContent),
      "the other meetings, newest first",
    ).toEqual(["04/02/2030 · Giao ban tháng 2", "07/01/2030 · Giao ban tháng 1"]);

    await waitFor(() => expect(within(dialog).getAllByTestId("copy-section")).toHaveLength(2));
    const boxes = within(dialog).getAllByTestId("copy-section");
    expect(boxes.map((b) => b.closest("label")?.textContent).sort()).toEqual([
      "Các phòng (2 đại biểu)",
      "Lãnh đạo (1 đại biểu)",
    ]);
    for (const box of boxes) expect(box, "every group is ticked at first").toBeChecked();

    await user.selectOptions(from, "07/01/2030 · Giao ban tháng 1");
    expect(await within(dialog).findByText("Hội nghị này chưa có đại biểu nào.")).toBeVisible();
    expect(within(dialog).getByTestId("copy-apply")).toBeDisabled();
    await user.selectOptions(from, "04/02/2030 · Giao ban tháng 2");
    await waitFor(() => expect(within(dialog).getAllByTestId("copy-section")).toHaveLength(2));

    await user.click(within(dialog).getByLabelText("Lãnh đạo (1 đại biểu)"));
    await user.click(within(dialog).getByTestId("copy-apply"));
    expect(await screen.findByTestId("copy-result")).toHaveTextContent("Đã chép: thêm 1, đã có 1.");
    expect(screen.queryByTestId("copy-list-dialog")).not.toBeInTheDocument();
    const names = (await backend.listParticipants(meeting.id)).map((p) => p.person.fullName);
    expect(names.sort()).toEqual(["Lê Minh Châu", "Trần Thị Bình"]);
    await waitFor(() => expect(screen.getAllByTestId("participant-row")).toHaveLength(2));
  });

  it("cannot copy when every group is cleared", async () => {
    const { backend, meeting } = await setUp();
    const earlier = await backend.createMeeting(meetingInput({ title: "Giao ban tháng 2" }));
    await backend.addParticipant(earlier.id, person("Nguyễn Văn An", ""));
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await openMenu(user);
    await user.click(screen.getByTestId("copy-list"));
    const dialog = await screen.findByTestId("copy-list-dialog");
    const box = await within(dialog).findByLabelText("Cả danh sách (không chia nhóm) (1 đại biểu)");
    expect(within(dialog).getByTestId("copy-apply")).toBeEnabled();
    await user.click(box);
    expect(
      within(dialog).getByTestId("copy-apply"),
      "no group would mean everyone to the core",
    ).toBeDisabled();
  });

  it("offers only the export once the meeting is closed", async () => {
    const { backend, meeting } = await setUp();
    await backend.closeMeeting(meeting.id);
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await openMenu(user);
    for (const id of ["import-list", "copy-list"]) {
      const item = screen.getByTestId(id);
      expect(item, id).toBeDisabled();
      expect(item).toHaveAttribute("title", expect.stringContaining("đã được khoá"));
      expect(item).toHaveTextContent("Hồ sơ đã khoá");
    }
    expect(screen.getByTestId("export-list")).toBeEnabled();
    expect(
      screen.getByTestId("import-directory"),
      "the directory is not the meeting's records",
    ).toBeEnabled();
  });

  it("imports a file into the directory only, even once the meeting is closed", async () => {
    const { backend, meeting } = await setUp();
    await backend.closeMeeting(meeting.id);
    const choose = vi.spyOn(backend, "chooseImportFile");
    const apply = vi.spyOn(backend, "applyImport");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    const menu = await openMenu(user);
    const items = within(menu)
      .getAllByRole("menuitem")
      .map((i) => i.dataset.testid);
    expect(items.slice(0, 2), "right after the import into the list").toEqual([
      "import-list",
      "import-directory",
    ]);
    expect(screen.getByTestId("import-directory")).toHaveTextContent("Nhập tệp vào danh bạ…");
    await user.click(screen.getByTestId("import-directory"));

    const wizard = await screen.findByTestId("import-wizard");
    expect(choose).toHaveBeenCalledWith(null);
    expect(within(wizard).getByRole("heading", { name: "Nhập danh bạ từ tệp" })).toBeVisible();
    expect(within(wizard).getByTestId("import-directory-note")).toHaveTextContent(
      "Không ai được mời vào hội nghị.",
    );
    const button = within(wizard).getByTestId("import-apply");
    expect(button).toHaveTextContent("Nhập 2 người vào danh bạ");
    await user.click(button);
    await waitFor(() => expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument());
    expect(apply).toHaveBeenCalledWith(null, expect.anything());
    expect(screen.getByTestId("import-directory-result")).toHaveTextContent(
      "Đã thêm 2 người vào danh bạ, cập nhật 0, giữ nguyên 0, bỏ qua 3. Mời họ vào hội nghị bằng “Mời từ danh bạ”.",
    );
    const names = (await backend.listPeople("")).map((p) => p.fullName).sort();
    expect(names).toEqual(["Hoàng Thị Em", "Nguyễn Văn Tuấn"]);
    expect(await backend.listParticipants(meeting.id), "nobody is invited").toEqual([]);

    await openMenu(user);
    await user.click(screen.getByTestId("import-directory"));
    const again = await screen.findByTestId("import-wizard");
    expect(within(again).getByTestId("import-counts")).toHaveTextContent(
      "Sẽ thêm 0 · cập nhật 0 · giữ nguyên 2 · bỏ qua 3",
    );
    expect(within(again).getByTestId("import-apply"), "nothing to add or update").toBeDisabled();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument());
    expect(await backend.listPeople(""), "not doubled").toHaveLength(2);
    expect(await backend.listParticipants(meeting.id)).toEqual([]);
  });

  it("opens nothing when no file is chosen", async () => {
    const { backend, meeting } = await setUp();
    backend.importChoice = () => null;
    const choose = vi.spyOn(backend, "chooseImportFile");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await openMenu(user);
    await user.click(screen.getByTestId("import-list"));
    await waitFor(() => expect(choose).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByText("Đang đọc tệp…")).not.toBeInTheDocument());
    expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("stops reading a file with Dừng, and drops it if it comes anyway", async () => {
    const { backend, meeting } = await setUp();
    const choose = backend.chooseImportFile.bind(backend);
    let answer: (preview: ImportPreview | null) => void = () => undefined;
    vi.spyOn(backend, "chooseImportFile").mockReturnValue(
      new Promise((resolve) => {
        answer = resolve;
      }),
    );
    const cancel = vi.spyOn(backend, "cancelImport");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await openMenu(user);
    await user.click(screen.getByTestId("import-list"));
    expect(await screen.findByText("Đang đọc tệp…")).toBeInTheDocument();
    await user.click(screen.getByTestId("import-stop"));
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByText("Đang đọc tệp…")).not.toBeInTheDocument();
    expect(screen.getByTestId("import-stopped")).toHaveTextContent("Đã dừng");

    answer(await choose(meeting.id));
    await waitFor(() => expect(cancel, "the late file is dropped").toHaveBeenCalledTimes(2));
    expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument();
  });

  it("says why a file could not be read", async () => {
    const { backend, meeting } = await setUp();
    vi.spyOn(backend, "chooseImportFile").mockRejectedValue({
      kind: "invalid",
      message: "Tệp rỗng, không có gì để nhập.",
    });
    const cancel = vi.spyOn(backend, "cancelImport");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await openMenu(user);
    await user.click(screen.getByTestId("import-list"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Tệp rỗng, không có gì để nhập.");
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument();
  });
});

describe("reading a long list", () => {
  it("says how far the reading of the file, then the check of its rows, has got", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    let answer: (p: ImportPreview | null) => void = () => undefined;
    vi.spyOn(backend, "chooseImportFile").mockReturnValue(
      new Promise((resolve) => {
        answer = resolve;
      }),
    );
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await user.click(await screen.findByTestId("list-files"));
    await user.click(screen.getByTestId("import-list"));
    const note = await screen.findByTestId("import-reading");
    expect(note).toHaveTextContent("Đang đọc tệp…");
    act(() => progress.listeners.at(-1)?.({ stage: "reading", share: 0.3 }));
    expect(note).toHaveTextContent("Đang đọc tệp… đã đọc 30%");
    act(() => progress.listeners.at(-1)?.({ stage: "checking", share: 0.42 }));
    expect(note).toHaveTextContent("Đang đọc tệp… đã kiểm tra 42% số dòng");
    act(() => answer(null));
    await waitFor(() => expect(screen.queryByTestId("import-reading")).toBeNull());
  });
});
