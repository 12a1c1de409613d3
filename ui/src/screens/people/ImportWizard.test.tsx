import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ImportChoices, ImportPreview, PersonInput } from "../../ipc/bindings";
import { FakeBackend } from "../../ipc/fake";
import { DETECTED_CHOICES as DETECTED } from "../../ipc/importChoices";
import { meetingInput, renderApp } from "../../test/render";
import { columnLetter } from "./ImportWizard";

// The fake's picked file is tests/contract/picked-list.csv: a title on row 1,
// the header on row 2, then Nguyễn Văn Tuấn (3), Hoàng Thị Em (4), a row with
// no name (5), Hoàng Thị Em again (6) and Vũ Văn Phúc with a bad email (7).

const EM: PersonInput = {
  fullName: "Hoàng Thị Em",
  positionTitle: "Chuyên viên chính",
  unit: "Sở Nội vụ",
  section: "",
  rank: 1,
  phone: "",
  email: "",
};

async function setUp(people: PersonInput[] = []) {
  const backend = new FakeBackend();
  const meeting = await backend.createMeeting(meetingInput());
  for (const person of people) await backend.addParticipant(meeting.id, person);
  const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
  return { backend, meeting, user };
}

async function openWizard(user: UserEvent) {
  await user.click(await screen.findByTestId("list-files"));
  await user.click(screen.getByTestId("import-list"));
  return screen.findByTestId("import-wizard");
}

/** The preview's line for a sheet row. */
function planned(row: number): HTMLElement {
  const box = screen.getByRole("checkbox", { name: `Nhập dòng ${row}` });
  const line = box.closest("tr");
  if (!line) throw new Error(`no line for row ${row}`);
  return line;
}

/** The problem lines of a sheet row. */
function problemsOf(row: number): HTMLElement[] {
  const list = within(screen.getByTestId("import-problems")).queryAllByRole("listitem");
  return list.filter((li) => li.textContent?.includes(`Dòng ${row}:`));
}

function problemOf(row: number): HTMLElement {
  const [line] = problemsOf(row);
  if (!line) throw new Error(`no problem on row ${row}`);
  return line;
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

describe("import wizard", () => {
  it("shows the picked file as detected, its problems and plan, and imports it", async () => {
    const { backend, meeting, user } = await setUp([EM]);
    const wizard = await openWizard(user);

    expect(
      within(wizard).getByText("Định dạng: CSV · Bảng mã: UTF-8 · 5 dòng dữ liệu"),
    ).toBeInTheDocument();
    expect(within(wizard).getByTestId("import-header-row"), "the header is on row 2").toHaveValue(
      2,
    );
    const header = within(wizard).getByTestId("import-first-rows").querySelector("tr[data-header]");
    expect(header, "the header row is marked in the first rows").toHaveTextContent("2STTHọ và tên");
    expect(within(wizard).getByTestId("import-first-rows")).toHaveTextContent("DANH SÁCH ĐẠI BIỂU");
    const detected = ["ordinal", "fullName", "title", "unit", "section", "phone", "email"];
    detected.forEach((field, i) => {
      expect(within(wizard).getByTestId(`import-field-${i}`), `column ${i}`).toHaveValue(field);
    });
    expect(within(wizard).getByTestId("import-field-1")).toHaveDisplayValue("Họ và tên");
    expect(within(wizard).getByText("Cột B: Họ và tên")).toBeInTheDocument();

    const problems = within(wizard).getByTestId("import-problems");
    const lines = within(problems)
      .getAllByRole("listitem")
      .map((li) => li.textContent);
    expect(lines).toEqual([
      "bỏ quaDòng 5: Thiếu họ và tên.Sửa",
      "bỏ quaDòng 6: Trùng với dòng 4 (cùng họ tên và đơn vị).Sửa",
      'bỏ quaDòng 7: Email "phuc-at-hanoimoi" không hợp lệ.Sửa',
    ]);

    expect(
      within(wizard)
        .getAllByTestId("import-row")
        .map((r) => r.dataset.action),
    ).toEqual(["add", "update", "skip", "skip", "skip"]);
    expect(planned(3)).toHaveTextContent("Nguyễn Văn Tuấn");
    expect(planned(3)).toHaveTextContent("Thêm");
    expect(planned(4)).toHaveTextContent("Cập nhật: Chức vụ: Chuyên viên chính → Chuyên viên");
    expect(planned(5)).toHaveTextContent("Bỏ qua: Thiếu họ và tên.");
    expect(
      within(planned(5)).getByRole("checkbox"),
      "a row the core leaves out cannot be ticked",
    ).toBeDisabled();
    expect(within(planned(3)).getByRole("checkbox")).toBeChecked();
    expect(within(wizard).getByTestId("import-counts")).toHaveTextContent(
      "Sẽ thêm 1 · cập nhật 1 · giữ nguyên 0 · bỏ qua 3",
    );

    const apply = within(wizard).getByTestId("import-apply");
    expect(apply).toHaveTextContent("Nhập 2 người");
    await user.click(apply);
    await waitFor(() => expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument());
    expect(screen.getByTestId("import-result")).toHaveTextContent(
      "Đã nhập: thêm 1, cập nhật 1, giữ nguyên 0, bỏ qua 3.",
    );
    const list = await backend.listParticipants(meeting.id);
    expect(list.map((p) => [p.person.fullName, p.person.positionTitle])).toEqual([
      ["Hoàng Thị Em", "Chuyên viên"],
      ["Nguyễn Văn Tuấn", "Phó Trưởng phòng"],
    ]);
    await waitFor(() =>
      expect(
        screen.getAllByTestId("participant-row"),
        "the list on screen is read again",
      ).toHaveLength(2),
    );
  });

  it("fixes a cell in place, and imports what was typed", async () => {
    const { backend, meeting, user } = await setUp();
    const preview = vi.spyOn(backend, "previewImport");
    const wizard = await openWizard(user);
    expect(within(wizard).getByTestId("import-counts")).toHaveTextContent(
      "Sẽ thêm 2 · cập nhật 0 · giữ nguyên 0 · bỏ qua 3",
    );
    expect(within(wizard).queryByTestId("import-fixed-count")).not.toBeInTheDocument();

    const fix = within(problemOf(5)).getByTestId("import-fix");
    expect(fix).toHaveAccessibleName("Sửa họ và tên ở dòng 5");
    await user.click(fix);
    const input = within(problemOf(5)).getByTestId("import-fix-value");
    expect(input, "the row has no name to start from").toHaveValue("");
    expect(input).toHaveFocus();
    await user.type(input, "Đỗ Thị Mai");
    await user.click(within(problemOf(5)).getByTestId("import-fix-save"));

    await waitFor(() => expect(problemsOf(5)).toEqual([]));
    expect(within(wizard).getByTestId("import-counts")).toHaveTextContent(
      "Sẽ thêm 3 · cập nhật 0 · giữ nguyên 0 · bỏ qua 2",
    );
    expect(planned(5)).toHaveAttribute("data-action", "add");
    expect(planned(5)).toHaveTextContent("Đỗ Thị Mai");
    expect(within(wizard).getByTestId("import-fixed-count")).toHaveTextContent(
      "Đã sửa 1 ô trong trình nhập; tệp gốc không đổi.",
    );
    expect(preview.mock.lastCall?.[1]).toEqual({
      ...DETECTED,
      fixes: [{ row: 5, field: "fullName", value: "Đỗ Thị Mai" }],
    });

    await user.click(within(wizard).getByTestId("import-apply"));
    expect(await screen.findByTestId("import-result")).toHaveTextContent(
      "Đã nhập: thêm 3, cập nhật 0, giữ nguyên 0, bỏ qua 2.",
    );
    const list = await backend.listParticipants(meeting.id);
    expect(
      list.map((p) => [p.person.fullName, p.person.positionTitle, p.person.unit]),
    ).toContainEqual(["Đỗ Thị Mai", "Chuyên viên", "Văn phòng"]);
    expect(list).toHaveLength(3);
  });

  it("saves a fix with Enter, closes only the editor with Esc, and undoes the fixes", async () => {
    const { user } = await setUp();
    const wizard = await openWizard(user);

    await user.click(within(problemOf(7)).getByTestId("import-fix"));
    const email = within(problemOf(7)).getByTestId("import-fix-value");
    expect(email, "the value as read from the file").toHaveValue("phuc-at-hanoimoi");
    expect(email).toHaveAccessibleName("Email ở dòng 7");
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("import-wizard"), "the wizard stays open").toBeInTheDocument();
    expect(within(problemOf(7)).queryByTestId("import-fix-value")).not.toBeInTheDocument();
    expect(within(problemOf(7)).getByTestId("import-fix"), "focus is back on Sửa").toHaveFocus();
    expect(within(wizard).queryByTestId("import-fixed-count")).not.toBeInTheDocument();

    await user.keyboard("{Enter}");
    await user.clear(within(problemOf(7)).getByTestId("import-fix-value"));
    await user.keyboard("phuc@hanoimoi.vn{Enter}");
    await waitFor(() => expect(problemsOf(7)).toEqual([]));
    expect(planned(7)).toHaveAttribute("data-action", "add");

    await user.click(within(problemOf(5)).getByTestId("import-fix"));
    await user.keyboard("Đỗ Thị Mai{Enter}");
    await waitFor(() =>
      expect(within(wizard).getByTestId("import-counts")).toHaveTextContent(
        "Sẽ thêm 4 · cập nhật 0 · giữ nguyên 0 · bỏ qua 1",
      ),
    );
    expect(within(wizard).getByTestId("import-fixed-count")).toHaveTextContent(
      "Đã sửa 2 ô trong trình nhập; tệp gốc không đổi.",
    );

    await user.click(within(wizard).getByTestId("import-fixes-clear"));
    await waitFor(() =>
      expect(within(wizard).getByTestId("import-counts")).toHaveTextContent(
        "Sẽ thêm 2 · cập nhật 0 · giữ nguyên 0 · bỏ qua 3",
      ),
    );
    expect(problemOf(5)).toHaveTextContent("Dòng 5: Thiếu họ và tên.");
    expect(problemOf(7)).toHaveTextContent('Dòng 7: Email "phuc-at-hanoimoi" không hợp lệ.');
    expect(within(wizard).queryByTestId("import-fixed-count")).not.toBeInTheDocument();
  });

  it("refuses to import without a name column", async () => {
    const { user } = await setUp();
    const wizard = await openWizard(user);
    await user.selectOptions(within(wizard).getByTestId("import-field-1"), "ignore");
    expect(await within(wizard).findByRole("alert")).toHaveTextContent(
      "Không tìm thấy cột họ và tên.",
    );
    expect(within(wizard).getByTestId("import-apply")).toBeDisabled();
    expect(within(wizard).queryByTestId("import-counts")).not.toBeInTheDocument();
    expect(within(wizard).getByTestId("import-field-1")).toHaveValue("ignore");

    await user.selectOptions(within(wizard).getByTestId("import-field-1"), "fullName");
    await waitFor(() => expect(within(wizard).getByTestId("import-apply")).toBeEnabled());
    expect(within(wizard).queryByRole("alert")).not.toBeInTheDocument();
  });

  it("leaves out a row whose box is cleared, and imports nothing when nothing is left", async () => {
    const { backend, meeting, user } = await setUp();
    const wizard = await openWizard(user);
    expect(within(wizard).getByTestId("import-counts")).toHaveTextContent(
      "Sẽ thêm 2 · cập nhật 0 · giữ nguyên 0 · bỏ qua 3",
    );
    await user.click(within(planned(3)).getByRole("checkbox"));
    await waitFor(() =>
      expect(within(wizard).getByTestId("import-counts")).toHaveTextContent(
        "Sẽ thêm 1 · cập nhật 0 · giữ nguyên 0 · bỏ qua 4",
      ),
    );
    expect(planned(3)).toHaveTextContent("Bỏ qua (không chọn)");
    expect(within(planned(3)).getByRole("checkbox"), "it can be ticked again").toBeEnabled();

    await user.click(within(planned(4)).getByRole("checkbox"));
    await waitFor(() =>
      expect(
        planned(6),
        "row 6 no longer repeats a row that is imported, so it is added",
      ).toHaveAttribute("data-action", "add"),
    );
    await user.click(within(planned(6)).getByRole("checkbox"));
    await waitFor(() =>
      expect(within(wizard).getByTestId("import-counts")).toHaveTextContent("Sẽ thêm 0"),
    );
    expect(within(wizard).getByTestId("import-apply"), "nothing to import").toBeDisabled();

    await user.click(within(planned(4)).getByRole("checkbox"));
    await waitFor(() => expect(within(wizard).getByTestId("import-apply")).toBeEnabled());
    await user.click(within(wizard).getByTestId("import-apply"));
    expect(await screen.findByTestId("import-result")).toHaveTextContent(
      "Đã nhập: thêm 1, cập nhật 0, giữ nguyên 0, bỏ qua 4.",
    );
    const names = (await backend.listParticipants(meeting.id)).map((p) => p.person.fullName);
    expect(names).toEqual(["Hoàng Thị Em"]);
  });

  it("gives the typed group to rows that name none, asking once typing pauses", async () => {
    const { backend, meeting, user } = await setUp();
    const preview = vi.spyOn(backend, "previewImport");
    const wizard = await openWizard(user);
    await user.type(within(wizard).getByTestId("import-section"), "Khách mời");
    await waitFor(() => expect(planned(4)).toHaveTextContent("Khách mời"));
    expect(planned(3), "a row naming its group keeps it").toHaveTextContent("Đại biểu");
    expect(planned(3)).not.toHaveTextContent("Khách mời");
    expect(preview, "one new plan for the whole word").toHaveBeenCalledTimes(1);
    expect(preview.mock.calls[0]?.[1]).toMatchObject({ section: "Khách mời" });

    await user.click(within(wizard).getByTestId("import-apply"));
    await screen.findByTestId("import-result");
    const list = await backend.listParticipants(meeting.id);
    expect(list.map((p) => [p.person.fullName, p.person.section])).toEqual([
      ["Nguyễn Văn Tuấn", "Đại biểu"],
      ["Hoàng Thị Em", "Khách mời"],
    ]);
  });

  it("reads the file again from another header row, and says when it names no name column", async () => {
    const { user } = await setUp();
    const wizard = await openWizard(user);
    const input = within(wizard).getByTestId("import-header-row");
    await user.clear(input);
    expect(within(wizard).getByTestId("import-apply"), "no header row typed").toBeDisabled();
    await user.type(input, "1");
    expect(
      within(wizard).getByTestId("import-first-rows").querySelector("tr[data-header]"),
      "the marked row follows what is typed",
    ).toHaveTextContent("1DANH SÁCH");
    expect(await within(wizard).findByRole("alert")).toHaveTextContent(
      "Không tìm thấy cột họ và tên.",
    );
    expect(
      within(wizard).getByTestId("import-field-1"),
      "the title row names no column: each is to be chosen",
    ).toHaveValue("ignore");
    expect(within(wizard).getByTestId("import-apply")).toBeDisabled();

    await user.clear(input);
    await user.type(input, "2");
    await waitFor(() =>
      expect(within(wizard).getByTestId("import-counts")).toHaveTextContent("Sẽ thêm 2"),
    );
    expect(within(wizard).getByTestId("import-field-1")).toHaveValue("fullName");
    expect(within(wizard).getByTestId("import-apply")).toBeEnabled();
  });

  it("shows only the answer to the latest choice", async () => {
    const { backend, meeting, user } = await setUp();
    const real = backend.previewImport.bind(backend);
    const asked: { choices: ImportChoices; answer: ReturnType<typeof deferred<ImportPreview>> }[] =
      [];
    vi.spyOn(backend, "previewImport").mockImplementation((_, choices) => {
      const answer = deferred<ImportPreview>();
      asked.push({ choices, answer });
      return answer.promise;
    });
    const wizard = await openWizard(user);
    await user.click(within(planned(3)).getByRole("checkbox"));
    await user.click(within(planned(4)).getByRole("checkbox"));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(within(wizard).getByTestId("import-apply"), "waiting for the plan").toBeDisabled();

    const [first, second] = asked;
    if (!first || !second) throw new Error("two plans asked for");
    second.answer.resolve(await real(meeting.id, second.choices));
    await waitFor(() =>
      expect(within(wizard).getByTestId("import-counts")).toHaveTextContent("Sẽ thêm 1"),
    );
    first.answer.resolve(await real(meeting.id, first.choices));
    await new Promise((r) => setTimeout(r, 20));
    expect(
      within(wizard).getByTestId("import-counts"),
      "the older answer came last but is not shown",
    ).toHaveTextContent("Sẽ thêm 1 · cập nhật 0 · giữ nguyên 0 · bỏ qua 4");
    expect(planned(3)).toHaveTextContent("Bỏ qua (không chọn)");
    expect(planned(4)).toHaveTextContent("Bỏ qua (không chọn)");
    expect(planned(6), "as planned without rows 3 and 4").toHaveAttribute("data-action", "add");
  });

  it("shows a column converted from a legacy font, and a sheet choice when there are several", async () => {
    const { backend, user } = await setUp();
    const choose = backend.chooseImportFile.bind(backend);
    vi.spyOn(backend, "chooseImportFile").mockImplementation(async (id) => {
      const preview = await choose(id);
      if (!preview) return null;
      const columns = preview.columns.map((c, i) =>
        i === 1
          ? {
              ...c,
              convertedFrom: "TCVN3 (ABC, .VnTime)",
              examples: [["NguyÔn V¨n An", "Nguyễn Văn An"]] as [string, string][],
            }
          : c,
      );
      return { ...preview, sheets: ["picked-list", "Ghi chú"], columns };
    });
    const preview = vi.spyOn(backend, "previewImport");
    const wizard = await openWizard(user);
    expect(within(wizard).getByTestId("import-converted-1")).toHaveTextContent(
      "Chuyển từ TCVN3 (ABC, .VnTime): «NguyÔn V¨n An» → «Nguyễn Văn An»",
    );
    expect(within(wizard).queryByTestId("import-converted-2")).not.toBeInTheDocument();

    await user.type(within(wizard).getByTestId("import-section"), "Khách");
    await user.selectOptions(within(wizard).getByTestId("import-sheet"), "Ghi chú");
    await waitFor(() =>
      expect(preview.mock.lastCall?.[1], "another sheet is detected afresh").toEqual({
        ...DETECTED,
        sheet: "Ghi chú",
        section: "Khách",
      }),
    );
    expect(await within(wizard).findByRole("alert")).toHaveTextContent(
      'Tệp không có trang tính "Ghi chú".',
    );
    expect(within(wizard).getByTestId("import-apply")).toBeDisabled();
  });

  it("keeps the wizard open with the reason when the import is refused", async () => {
    const { backend, meeting, user } = await setUp();
    const wizard = await openWizard(user);
    await backend.closeMeeting(meeting.id);
    await user.click(within(wizard).getByTestId("import-apply"));
    expect(await within(wizard).findByRole("alert")).toHaveTextContent("Hội nghị đã kết thúc");
    expect(screen.getByTestId("import-wizard")).toBeInTheDocument();
    expect(screen.queryByTestId("import-result")).not.toBeInTheDocument();
    expect(await backend.listParticipants(meeting.id)).toEqual([]);
  });

  it("drops the picked file when cancelled, with Huỷ or Esc", async () => {
    const { backend, meeting, user } = await setUp([EM]);
    const cancel = vi.spyOn(backend, "cancelImport");
    let wizard = await openWizard(user);
    await user.click(within(wizard).getByRole("button", { name: "Huỷ" }));
    expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument();
    expect(cancel).toHaveBeenCalledTimes(1);
    await expect(
      backend.previewImport(meeting.id, DETECTED),
      "the core no longer holds the file",
    ).rejects.toMatchObject({ kind: "invalid" });
    const list = await backend.listParticipants(meeting.id);
    expect(list.map((p) => [p.person.fullName, p.person.positionTitle])).toEqual([
      ["Hoàng Thị Em", "Chuyên viên chính"],
    ]);

    wizard = await openWizard(user);
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument();
    expect(cancel).toHaveBeenCalledTimes(2);
    expect(wizard).not.toBeInTheDocument();
  });

  it("stops a slow reading with Dừng", async () => {
    const { backend, user } = await setUp();
    const cancel = vi.spyOn(backend, "cancelImport");
    const wizard = await openWizard(user);
    vi.spyOn(backend, "previewImport").mockReturnValue(new Promise(() => undefined));
    await user.click(within(planned(3)).getByRole("checkbox"));
    expect(await within(wizard).findByText("Đang đọc tệp…")).toBeInTheDocument();
    expect(within(wizard).getByTestId("import-apply")).toBeDisabled();
    await user.click(within(wizard).getByTestId("import-stop"));
    expect(screen.queryByTestId("import-wizard")).not.toBeInTheDocument();
    expect(cancel).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("import-stopped")).toHaveTextContent(
      "Đã dừng; danh sách không thay đổi.",
    );
  });
});

describe("columnLetter", () => {
  it("names columns as spreadsheets do", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnLetter)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});
