import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { notifyDataChanged } from "../../components/dataChanged";
import type { DocumentOptions, MeetingInput } from "../../ipc/bindings";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";
import { TEXT_SAVE_DELAY_MS } from "./DocumentFields";
import { PREVIEW_DELAY_MS } from "./DocumentsTab";

// jsdom has no canvas: pdf.js is replaced by a stand-in that reports two pages
// and remembers what it was asked to draw.
const pdf = vi.hoisted(() => ({
  opened: [] as Uint8Array[],
  drawn: [] as number[],
}));
vi.mock("../../pdfjs", () => ({
  openPdf: async (bytes: Uint8Array) => {
    pdf.opened.push(bytes);
    return {
      pageCount: 2,
      firstPageSize: { width: 595, height: 842 },
      renderPage: async (pageNumber: number) => {
        pdf.drawn.push(pageNumber);
        return { width: 595, height: 842 };
      },
      destroy: () => {},
    };
  },
}));

/** What the tab sends unless told otherwise: the format follows the organisation and the date. */
const DEFAULTS: DocumentOptions = {
  profile: null,
  number: null,
  issuedOn: null,
  list: "delegates",
  invitation: "generic",
};

beforeEach(() => {
  pdf.opened.length = 0;
  pdf.drawn.length = 0;
});

/** A meeting on 2030-03-04 issued by the sample data's body (a Party body). */
async function sampleMeeting(backend: FakeBackend, overrides: Partial<MeetingInput> = {}) {
  const [body] = await backend.listOrganisations();
  return backend.createMeeting(meetingInput({ organisationId: body?.id ?? null, ...overrides }));
}

/** A meeting on 2030-03-04 of a Party body (HD05 for documents dated from 27/5/2026). */
async function setup(title = "Giao ban tháng 3") {
  const backend = await FakeBackend.withSampleData(3);
  const meeting = await sampleMeeting(backend, { title });
  const render = vi.spyOn(backend, "renderDocument");
  const save = vi.spyOn(backend, "saveDocument");
  const app = renderApp(backend, `/meetings/${meeting.id}/documents`);
  return { ...app, backend, meeting, render, save };
}

/** The visible label of the field around a control, without its hint. */
function labelOf(testId: string): string | null | undefined {
  return screen.getByTestId(testId).closest("label")?.querySelector(".field-label")?.textContent;
}

function lastOptions(render: ReturnType<typeof vi.spyOn>): unknown[] | undefined {
  return render.mock.calls.at(-1);
}

describe("documents tab", () => {
  it("comes after the minutes, before team work", async () => {
    await setup();
    const tabs = (await screen.findAllByRole("tab")).map((tab) => tab.dataset.testid);
    expect(tabs).toEqual([
      "tab-info",
      "tab-agenda",
      "tab-people",
      "tab-minutes",
      "tab-documents",
      "tab-team",
    ]);
    expect(screen.getByTestId("tab-documents")).toHaveTextContent("Văn bản");
    expect(screen.getByTestId("tab-documents")).toHaveAttribute("aria-selected", "true");
  });

  it("previews the chosen document, in the format its date decides by default", async () => {
    const { user, meeting, render } = await setup();
    await waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    expect(render).toHaveBeenLastCalledWith(meeting.id, "giay-moi", DEFAULTS);
    await waitFor(() => expect(screen.getByTestId("pdf-page-count")).toHaveTextContent("2 trang"));
    expect(screen.getAllByTestId("pdf-page")).toHaveLength(2);
    expect(screen.getByRole("img", { name: "Trang 2/2" })).toBeInTheDocument();
    await waitFor(() => expect(pdf.drawn).toEqual([1, 2]));
    expect(new TextDecoder().decode(pdf.opened[0]?.slice(0, 5))).toBe("%PDF-");

    await user.click(screen.getByTestId("doc-bien-ban"));
    expect(screen.getByTestId("doc-bien-ban")).toHaveAttribute("aria-pressed", "true");
    await waitFor(() => expect(render).toHaveBeenCalledTimes(2));
    expect(render).toHaveBeenLastCalledWith(meeting.id, "bien-ban", DEFAULTS);
    expect(screen.getByRole("heading", { name: "Xem trước: Biên bản" })).toBeInTheDocument();

    await user.click(screen.getByTestId("doc-danh-sach"));
    await user.selectOptions(screen.getByTestId("doc-list"), "attendance");
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([
        meeting.id,
        "danh-sach",
        { ...DEFAULTS, list: "attendance" },
      ]),
    );
    expect(
      render.mock.calls.filter(([, kind]) => kind === "danh-sach"),
      "choices in quick succession draw the preview once",
    ).toHaveLength(1);
  });

  it("by default lets the date decide the format, and says which one that gives", async () => {
    const { user, backend, meeting, render } = await setup();
    const format = vi.spyOn(backend, "documentFormat");
    const select = await screen.findByTestId("doc-profile");
    expect(select).toHaveValue("");
    expect(select).toHaveDisplayValue("Theo ngày ban hành");
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      "Theo ngày ban hành",
      "NĐ 30/2020 (cơ quan nhà nước)",
      "HD 36-HD/VPTW (văn bản của Đảng trước 27/5/2026)",
      "HD 05-HD/VPTW (văn bản của Đảng từ 27/5/2026)",
    ]);
    // The invitation's usual date is a week before the meeting.
    expect(await screen.findByTestId("doc-format")).toHaveTextContent(
      "Văn bản này theo HD 05-HD/VPTW (ngày ban hành 25/02/2030)",
    );
    expect(select).toHaveAccessibleDescription(
      "Văn bản này theo HD 05-HD/VPTW (ngày ban hành 25/02/2030)",
    );
    await waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    expect(render).toHaveBeenLastCalledWith(meeting.id, "giay-moi", DEFAULTS);

    await user.type(screen.getByTestId("doc-issued-on"), "26/5/2026");
    await waitFor(() =>
      expect(screen.getByTestId("doc-format")).toHaveTextContent(
        "Văn bản này theo HD 36-HD/VPTW (ngày ban hành 26/05/2026)",
      ),
    );
    expect(format).toHaveBeenLastCalledWith(meeting.id, "giay-moi", {
      ...DEFAULTS,
      issuedOn: "2026-05-26",
    });
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([
        meeting.id,
        "giay-moi",
        { ...DEFAULTS, issuedOn: "2026-05-26" },
      ]),
    );
    await waitFor(() =>
      expect(new TextDecoder().decode(pdf.opened.at(-1))).toContain("The thuc: HD36"),
    );

    await user.click(screen.getByTestId("doc-thong-bao"));
    expect(
      await screen.findByText("Văn bản này theo HD 05-HD/VPTW (ngày ban hành 08/03/2030)"),
      "each document has its own date",
    ).toBeInTheDocument();
  });

  it("sends the format the secretary picks, and says it was chosen", async () => {
    const { user, backend, meeting, render } = await setup();
    const format = vi.spyOn(backend, "documentFormat");
    await screen.findByTestId("doc-format");
    await user.selectOptions(screen.getByTestId("doc-profile"), "hd05");
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([
        meeting.id,
        "giay-moi",
        { ...DEFAULTS, profile: "hd05" },
      ]),
    );
    expect(format).toHaveBeenLastCalledWith(meeting.id, "giay-moi", {
      ...DEFAULTS,
      profile: "hd05",
    });
    await waitFor(() =>
      expect(screen.getByTestId("doc-format")).toHaveTextContent("Đã chọn HD 05-HD/VPTW"),
    );

    await user.selectOptions(screen.getByTestId("doc-profile"), "nd30");
    await waitFor(() =>
      expect(screen.getByTestId("doc-format")).toHaveTextContent("Đã chọn NĐ 30/2020"),
    );

    await user.selectOptions(screen.getByTestId("doc-profile"), "");
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "giay-moi", DEFAULTS]));
    await waitFor(() =>
      expect(screen.getByTestId("doc-format")).toHaveTextContent("Văn bản này theo HD 05-HD/VPTW"),
    );
  });

  it("drops the format line for a refused date, which the preview already reports", async () => {
    const { user, backend } = await setup();
    const format = vi.spyOn(backend, "documentFormat");
    await screen.findByTestId("doc-format");
    const refused = { kind: "invalid" as const, message: "Ngày ban hành không hợp lệ." };
    format.mockRejectedValue(refused);
    vi.spyOn(backend, "renderDocument").mockRejectedValue(refused);
    vi.spyOn(backend, "documentFields").mockRejectedValue(refused);
    await user.type(screen.getByTestId("doc-issued-on"), "10/3/2030");
    await waitFor(() => expect(screen.queryByTestId("doc-format")).not.toBeInTheDocument());
    await waitFor(() =>
      expect(within(screen.getByTestId("doc-preview")).getByRole("alert")).toHaveTextContent(
        "Ngày ban hành không hợp lệ.",
      ),
    );
  });

  it("follows numbers given or taken back on another laptop; a number typed here stays", async () => {
    const { user, backend, meeting, render } = await setup();
    await waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    expect(screen.getByTestId("doc-number")).toHaveValue(null);

    // The văn thư's laptop numbers the giấy mời; its changes arrive here.
    await backend.issueDocumentNumber(meeting.id, "giay-moi", 45, "2026-03-02");
    await backend.issueDocumentNumber(meeting.id, "thong-bao", 46, "2026-03-02");
    act(() => notifyDataChanged(meeting.id));
    await waitFor(() => expect(screen.getByTestId("doc-number")).toHaveValue(45));
    expect(screen.getByTestId("doc-number-status")).toHaveTextContent("02/03/2026");

    // Typed here and not given yet: a later change elsewhere does not overwrite it.
    await user.click(screen.getByTestId("doc-thong-bao"));
    expect(screen.getByTestId("doc-number")).toHaveValue(46);
    await user.clear(screen.getByTestId("doc-number"));
    await user.type(screen.getByTestId("doc-number"), "50");
    await backend.cancelDocumentNumber(meeting.id, "thong-bao");
    await backend.cancelDocumentNumber(meeting.id, "giay-moi");
    act(() => notifyDataChanged(meeting.id));
    await waitFor(() => expect(screen.queryByTestId("doc-number-status")).toBeNull());
    expect(screen.getByTestId("doc-number"), "what is typed stays").toHaveValue(50);

    // The giấy mời's number, taken back elsewhere, is gone here too.
    await user.click(screen.getByTestId("doc-giay-moi"));
    expect(screen.getByTestId("doc-number")).toHaveValue(null);
  });

  it("draws the preview again when the number, date or format changes", async () => {
    const { user, meeting, render } = await setup();
    await waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    await user.click(screen.getByTestId("doc-thong-bao"));
    await user.type(screen.getByTestId("doc-number"), "12");
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([meeting.id, "thong-bao", { ...DEFAULTS, number: 12 }]),
    );
    expect(
      render.mock.calls.some(([, , options]) => options.number === 1),
      "typing is waited out before drawing",
    ).toBe(false);

    await user.selectOptions(screen.getByTestId("doc-profile"), "nd30");
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([
        meeting.id,
        "thong-bao",
        { ...DEFAULTS, profile: "nd30", number: 12 },
      ]),
    );

    await user.type(screen.getByTestId("doc-issued-on"), "10/3/2030");
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([
        meeting.id,
        "thong-bao",
        { ...DEFAULTS, profile: "nd30", number: 12, issuedOn: "2030-03-10" },
      ]),
    );

    // Each document keeps its own number; the format is shared.
    await user.click(screen.getByTestId("doc-bao-cao"));
    expect(screen.getByTestId("doc-number")).toHaveValue(null);
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([
        meeting.id,
        "bao-cao",
        { ...DEFAULTS, profile: "nd30" },
      ]),
    );
  });

  it("refuses a number below 1 without asking the backend", async () => {
    const { user, render } = await setup();
    await waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    await user.type(screen.getByTestId("doc-number"), "0");
    expect(await screen.findByText("Số văn bản phải là số nguyên từ 1 trở lên.")).toBeVisible();
    expect(screen.getByTestId("doc-number")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("doc-save-as")).toBeDisabled();
    await new Promise((r) => setTimeout(r, 400));
    expect(render).toHaveBeenCalledTimes(1);
  });

  it("Save as lets the core ask where, then says which file was written; cancelling does nothing", async () => {
    const { user, backend, meeting, save } = await setup();
    const offered: string[] = [];
    await user.click(await screen.findByTestId("doc-bien-ban"));
    await user.type(screen.getByTestId("doc-number"), "5");

    backend.savePathChoice = (name) => {
      offered.push(name);
      return null;
    };
    await user.click(screen.getByTestId("doc-save-as"));
    await waitFor(() => expect(offered).toEqual(["bien-ban-2030-03-04.pdf"]));
    expect(screen.queryByTestId("doc-notice")).not.toBeInTheDocument();
    expect(backend.savedDocuments).toEqual([]);

    backend.savePathChoice = (name) => `/home/thuky/Văn bản/${name}`;
    await user.click(screen.getByTestId("doc-save-as"));
    expect(await screen.findByTestId("doc-notice")).toHaveTextContent(
      "Đã lưu: bien-ban-2030-03-04.pdf",
    );
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenCalledWith(meeting.id, "bien-ban", { ...DEFAULTS, number: 5 });
    expect(backend.savedDocuments.map((d) => d.path)).toEqual([
      "/home/thuky/Văn bản/bien-ban-2030-03-04.pdf",
    ]);
  });

  it("Print opens the document in the PDF viewer and says to print from there", async () => {
    const { user, backend, meeting } = await setup();
    const print = vi.spyOn(backend, "printDocument");
    await user.click(await screen.findByTestId("doc-chuong-trinh"));
    await user.click(screen.getByTestId("doc-print"));
    expect(await screen.findByTestId("doc-notice")).toHaveTextContent(
      /trình xem PDF.*Ctrl\+P.*\/tmp\/hoinghi-preview\.pdf/,
    );
    expect(print).toHaveBeenCalledWith(meeting.id, "chuong-trinh", DEFAULTS);
  });

  it("saves the invitations one file per person into the chosen folder", async () => {
    const { user, backend, meeting } = await setup();
    await backend.addParticipant(meeting.id, {
      fullName: "Lê Văn Dũng",
      positionTitle: "Trưởng Ban",
      unit: "Huyện uỷ Đông Anh",
      section: "",
      rank: 1,
      phone: "",
      email: "",
    });
    const each = vi.spyOn(backend, "saveInvitations");
    await user.click(await screen.findByTestId("doc-giay-moi"));
    await user.click(await screen.findByTestId("doc-save-each"));
    expect(await screen.findByTestId("doc-notice")).toHaveTextContent("Đã lưu 1 giấy mời");
    expect(each).toHaveBeenCalledWith(meeting.id, DEFAULTS);
    await user.click(screen.getByTestId("doc-bien-ban"));
    expect(screen.queryByTestId("doc-save-each"), "only invitations are per person").toBeNull();
  });

  it("sends the form of the giấy mời the secretary picks, generic by default, with every document", async () => {
    const { user, backend, meeting, render } = await setup();
    const each = vi.spyOn(backend, "saveInvitations");
    const all = vi.spyOn(backend, "saveAllDocuments");
    const select = await screen.findByTestId("doc-invitation");
    expect(screen.getByLabelText(/^Hình thức giấy mời/)).toBe(select);
    expect(select).toHaveValue("generic");
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      "Một giấy mời chung, kèm danh sách",
      "Mỗi đại biểu một giấy mời",
    ]);
    await waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    expect(render).toHaveBeenLastCalledWith(meeting.id, "giay-moi", DEFAULTS);

    await user.selectOptions(select, "per-person");
    const perPerson: DocumentOptions = { ...DEFAULTS, invitation: "per-person" };
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "giay-moi", perPerson]));
    await waitFor(() =>
      expect(new TextDecoder().decode(pdf.opened.at(-1))).toContain("Giay moi: per-person"),
    );

    await user.click(screen.getByTestId("doc-save-each"));
    expect(await screen.findByTestId("doc-notice")).toHaveTextContent("Đã lưu 0 giấy mời");
    expect(each).toHaveBeenCalledWith(meeting.id, perPerson);

    await user.click(screen.getByTestId("doc-bien-ban"));
    expect(screen.queryByTestId("doc-invitation"), "only the giấy mời has a form").toBeNull();
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "bien-ban", perPerson]));
    await user.click(screen.getByTestId("doc-export-all"));
    await screen.findByTestId("doc-export-summary");
    expect(all.mock.calls[0]?.[1].map(([, options]) => options.invitation)).toEqual(
      Array(6).fill("per-person"),
    );

    await user.click(screen.getByTestId("doc-giay-moi"));
    expect(screen.getByTestId("doc-invitation"), "the choice is kept").toHaveValue("per-person");
  });

  it("offers the danh sách's three forms, sent as `list` with every document", async () => {
    const { user, backend, meeting, render } = await setup();
    const all = vi.spyOn(backend, "saveAllDocuments");
    await waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    expect(screen.queryByTestId("doc-list"), "only the danh sách has forms").toBeNull();

    await user.click(screen.getByTestId("doc-danh-sach"));
    const select = screen.getByTestId("doc-list");
    expect(screen.getByLabelText(/^Loại danh sách/)).toBe(select);
    expect(select).toHaveValue("delegates");
    expect([...(select as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      "Danh sách gửi kèm giấy mời",
      "Bảng ký tên tại cửa (in trước hội nghị)",
      "Danh sách tham dự (kèm biên bản)",
    ]);
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "danh-sach", DEFAULTS]));

    await user.selectOptions(select, "sign-in");
    const signIn: DocumentOptions = { ...DEFAULTS, list: "sign-in" };
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "danh-sach", signIn]));
    await waitFor(() =>
      expect(new TextDecoder().decode(pdf.opened.at(-1))).toContain("Danh sach: sign-in"),
    );

    await user.click(screen.getByTestId("doc-thong-bao"));
    expect(screen.queryByTestId("doc-list")).toBeNull();
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "thong-bao", signIn]));
    await user.click(screen.getByTestId("doc-export-all"));
    await screen.findByTestId("doc-export-summary");
    expect(all.mock.calls[0]?.[1].map(([, options]) => options.list)).toEqual(
      Array(6).fill("sign-in"),
    );

    await user.click(screen.getByTestId("doc-danh-sach"));
    expect(screen.getByTestId("doc-list"), "the choice is kept").toHaveValue("sign-in");
  });

  it("gives the danh sách the number and date of the giấy mời or biên bản it goes with, and none to the sign-in sheet", async () => {
    const { user, backend, meeting, render } = await setup();
    const all = vi.spyOn(backend, "saveAllDocuments");
    await waitFor(() => expect(render).toHaveBeenCalledTimes(1));
    expect(labelOf("doc-number")).toBe("Số");
    expect(labelOf("doc-issued-on")).toBe("Ngày ban hành");
    await user.type(screen.getByTestId("doc-number"), "45");
    await user.type(screen.getByTestId("doc-issued-on"), "20/2/2030");

    // Sent with the giấy mời: the giấy mời's number and date, shared with it.
    await user.click(screen.getByTestId("doc-danh-sach"));
    expect(labelOf("doc-number")).toBe("Số giấy mời kèm theo");
    expect(labelOf("doc-issued-on")).toBe("Ngày giấy mời");
    expect(screen.getByTestId("doc-number")).toHaveValue(45);
    expect(screen.getByTestId("doc-issued-on")).toHaveValue("20/02/2030");
    expect(screen.getByTestId("doc-number"), "changed on the giấy mời only").toHaveAttribute(
      "readonly",
    );
    expect(screen.getByTestId("doc-issued-on")).toHaveAttribute("readonly");
    expect(screen.getByTestId("doc-number-source")).toHaveTextContent("Cấp số ở văn bản Giấy mời");
    expect(screen.queryByTestId("doc-issue-number")).toBeNull();
    const ofInvitation = { ...DEFAULTS, number: 45, issuedOn: "2030-02-20" };
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([meeting.id, "danh-sach", ofInvitation]),
    );

    // The sign-in sheet has neither, and sends neither.
    await user.selectOptions(screen.getByTestId("doc-list"), "sign-in");
    expect(screen.queryByTestId("doc-number")).toBeNull();
    expect(screen.queryByTestId("doc-issued-on")).toBeNull();
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([
        meeting.id,
        "danh-sach",
        { ...DEFAULTS, list: "sign-in" },
      ]),
    );

    // Kept with the biên bản: the biên bản's number and date.
    await user.selectOptions(screen.getByTestId("doc-list"), "attendance");
    expect(labelOf("doc-number")).toBe("Số biên bản");
    expect(labelOf("doc-issued-on")).toBe("Ngày biên bản");
    expect(screen.getByTestId("doc-number")).toHaveValue(null);
    expect(screen.getByTestId("doc-number")).toHaveAttribute("readonly");
    expect(screen.getByTestId("doc-number-source")).toHaveTextContent("Cấp số ở văn bản Biên bản");

    // Other documents keep their labels; the number typed on the biên bản goes to its list.
    await user.click(screen.getByTestId("doc-bien-ban"));
    expect(labelOf("doc-number")).toBe("Số");
    expect(labelOf("doc-issued-on")).toBe("Ngày ban hành");
    expect(screen.getByTestId("doc-number")).not.toHaveAttribute("readonly");
    await user.type(screen.getByTestId("doc-number"), "7");
    const ofMinutes = { ...DEFAULTS, list: "attendance" as const, number: 7 };
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "bien-ban", ofMinutes]));
    await user.click(screen.getByTestId("doc-danh-sach"));
    expect(screen.getByTestId("doc-number")).toHaveValue(7);
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "danh-sach", ofMinutes]));

    await user.click(screen.getByTestId("doc-export-all"));
    await screen.findByTestId("doc-export-summary");
    const saved = new Map(all.mock.calls[0]?.[1]);
    expect(saved.get("giay-moi")).toEqual({ ...ofInvitation, list: "attendance" });
    expect(saved.get("danh-sach")).toEqual(ofMinutes);
    expect(saved.get("bien-ban")).toEqual(ofMinutes);
    expect(saved.get("thong-bao")).toEqual({ ...DEFAULTS, list: "attendance" });
  });

  it("Export all saves the six documents into the chosen folder, going on after a failure", async () => {
    const { user, backend, meeting } = await setup();
    backend.folderChoice = "/home/thuky/Hội nghị";
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const real = FakeBackend.prototype.saveAllDocuments.bind(backend);
    const all = vi.spyOn(backend, "saveAllDocuments").mockImplementation(async (...args) => {
      await held;
      return real(...args);
    });
    await user.click(await screen.findByTestId("doc-thong-bao"));
    await user.type(screen.getByTestId("doc-number"), "9");
    await user.click(screen.getByTestId("doc-bien-ban"));
    await user.type(screen.getByTestId("doc-number"), "0");
    await user.click(screen.getByTestId("doc-bao-cao"));
    await user.type(screen.getByTestId("doc-issued-on"), "5/3/2030");

    await user.click(screen.getByTestId("doc-export-all"));
    const progress = await screen.findByTestId("doc-export-progress");
    expect(progress).toHaveTextContent("Đang lưu 6 văn bản…");
    expect(screen.getByTestId("doc-save-as"), "nothing else runs meanwhile").toBeDisabled();
    release();

    const summary = await screen.findByTestId("doc-export-summary");
    expect(summary).toHaveTextContent("Đã lưu 5/6 văn bản vào /home/thuky/Hội nghị");
    expect(summary).toHaveTextContent("/home/thuky/Hội nghị/bao-cao-2030-03-04.pdf");
    expect(summary, "the document with a bad number is named with why").toHaveTextContent(
      "Biên bản Số văn bản",
    );
    expect(all).toHaveBeenCalledTimes(1);
    const [id, documents] = all.mock.calls[0] ?? [];
    expect(id).toBe(meeting.id);
    expect(
      documents?.map(([kind]) => kind),
      "the valid ones, in order, in one request",
    ).toEqual(["giay-moi", "chuong-trinh", "danh-sach", "thong-bao", "bao-cao"]);
    expect(
      documents?.find(([kind]) => kind === "thong-bao")?.[1],
      "each document is saved with its own options",
    ).toEqual({ ...DEFAULTS, number: 9 });
    expect(documents?.find(([kind]) => kind === "bao-cao")?.[1]).toEqual({
      ...DEFAULTS,
      issuedOn: "2030-03-05",
    });
    expect(backend.savedDocuments).toHaveLength(5);
  });

  it("Export all does nothing when no folder is chosen", async () => {
    const { user, backend } = await setup();
    const all = vi.spyOn(backend, "saveAllDocuments");
    backend.folderChoice = null;
    await user.click(await screen.findByTestId("doc-export-all"));
    await waitFor(() => expect(screen.getByTestId("doc-export-all")).toBeEnabled());
    expect(all, "the folder is asked for by the core").toHaveBeenCalledTimes(1);
    expect(backend.savedDocuments).toEqual([]);
    expect(screen.queryByTestId("doc-export-summary")).not.toBeInTheDocument();
  });

  it("shows prominently which characters the font cannot draw", async () => {
    // Typed text is checked on entry; this happens with a chosen font that lacks a glyph.
    const missing = { kind: "missingGlyphs", message: "Phông chữ không có “🎉” (U+1F389)." };
    vi.spyOn(FakeBackend.prototype, "renderDocument").mockRejectedValue(missing);
    vi.spyOn(FakeBackend.prototype, "saveDocument").mockRejectedValue(missing);
    onTestFinished(() => {
      vi.restoreAllMocks();
    });
    const { user } = await setup();
    const alert = await screen.findByTestId("doc-missing-glyphs");
    expect(alert).toHaveAttribute("role", "alert");
    expect(alert).toHaveTextContent("Có ký tự phông chữ không vẽ được");
    expect(alert).toHaveTextContent("🎉");
    expect(screen.queryByTestId("pdf-page")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("doc-save-as"));
    await waitFor(() => expect(screen.getAllByTestId("doc-missing-glyphs")).toHaveLength(2));
  });

  it("speaks English when asked", async () => {
    localStorage.setItem("hoinghi.lang", "en");
    const { user } = await setup();
    expect(await screen.findByTestId("tab-documents")).toHaveTextContent("Documents");
    // The tabs show before the meeting is read; the documents only after.
    expect(await screen.findByTestId("doc-danh-sach")).toHaveTextContent("List of delegates");
    expect(screen.getByTestId("doc-save-as")).toHaveTextContent("Save as…");
    await waitFor(() =>
      expect(screen.getByTestId("pdf-page-count")).toHaveTextContent("2 page(s)"),
    );

    await user.click(screen.getByTestId("doc-danh-sach"));
    expect(
      [...(screen.getByTestId("doc-list") as HTMLSelectElement).options].map((o) => o.text),
    ).toEqual([
      "List sent with the invitation",
      "Sign-in sheet for the door (printed before)",
      "Attendance list (kept with the minutes)",
    ]);
    expect(labelOf("doc-number")).toBe("Number of the invitation it goes with");
    expect(labelOf("doc-issued-on")).toBe("Date of the invitation");
    await user.selectOptions(screen.getByTestId("doc-list"), "attendance");
    expect(labelOf("doc-number")).toBe("Number of the minutes");
    expect(labelOf("doc-issued-on")).toBe("Date of the minutes");
  });
});

describe("the body that issues the documents", () => {
  it("asks a meeting without one which body issues its documents, then shows them", async () => {
    const backend = await FakeBackend.withSampleData(3);
    const meeting = await backend.createMeeting(meetingInput());
    expect(meeting.organisationId, "the demo's body is not a default").toBeNull();
    const update = vi.spyOn(backend, "updateMeeting");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/documents`);

    const step = await screen.findByTestId("doc-choose-issuer");
    expect(
      within(step).getByRole("heading", {
        name: "Văn bản của hội nghị này do cơ quan nào ban hành?",
      }),
    ).toBeVisible();
    expect(screen.queryByTestId("doc-giay-moi"), "no document without a body").toBeNull();
    const select = await within(step).findByTestId("doc-issuer-select");
    expect(select).toHaveAccessibleName("Cơ quan ban hành");
    expect(select).toHaveDisplayValue("BAN TUYÊN GIÁO THÀNH UỶ");

    await user.click(within(step).getByTestId("doc-issuer-use"));
    expect(await screen.findByTestId("doc-giay-moi")).toBeVisible();
    expect(screen.queryByTestId("doc-choose-issuer")).toBeNull();
    expect(update).toHaveBeenCalledWith(
      meeting.id,
      meeting.updatedAt,
      expect.objectContaining({ title: meeting.title, organisationId: expect.any(String) }),
    );
    expect(screen.getByTestId("doc-issuer")).toHaveTextContent(
      "Cơ quan ban hành: BAN TUYÊN GIÁO THÀNH UỶ",
    );
    expect(await screen.findByTestId("doc-format")).toHaveTextContent("HD 05-HD/VPTW");

    await user.click(screen.getByTestId("doc-issuer-change"));
    expect(screen.getByTestId("tab-info")).toHaveAttribute("aria-selected", "true");
    await waitFor(() =>
      expect(screen.getByTestId("meeting-organisation")).toHaveDisplayValue(
        "BAN TUYÊN GIÁO THÀNH UỶ",
      ),
    );
  });

  it("declares a new body from there, and the meeting issues as it", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/documents`);
    const step = await screen.findByTestId("doc-choose-issuer");
    expect(await within(step).findByTestId("doc-issuer-none")).toHaveTextContent(
      "Chưa có cơ quan ban hành nào",
    );
    expect(within(step).queryByTestId("doc-issuer-select")).toBeNull();

    await user.click(within(step).getByTestId("doc-issuer-new"));
    const dialog = screen.getByRole("dialog", { name: "Thêm cơ quan ban hành" });
    await user.type(within(dialog).getByTestId("org-name"), "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH");
    await user.type(within(dialog).getByTestId("org-abbreviation"), "UBND");
    await user.type(within(dialog).getByTestId("org-place-name"), "Hà Nội");
    await user.click(within(dialog).getByTestId("org-save"));

    expect(await screen.findByTestId("doc-giay-moi")).toBeVisible();
    expect(screen.queryByRole("dialog")).toBeNull();
    await waitFor(() =>
      expect(screen.getByTestId("doc-issuer")).toHaveTextContent(
        "Cơ quan ban hành: ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH",
      ),
    );
    const [body] = await backend.listOrganisations();
    expect((await backend.getMeeting(meeting.id)).organisationId).toBe(body?.id);
    expect(await screen.findByTestId("doc-format")).toHaveTextContent("NĐ 30/2020");
  });

  it("says a numbered document keeps the body and signer it was numbered with", async () => {
    const { user, backend, meeting } = await setup();
    await screen.findByTestId("doc-format");
    expect(screen.queryByTestId("doc-issuer-kept"), "no number yet").toBeNull();
    await waitFor(() => expect(screen.getByTestId("doc-issue-number")).toBeEnabled());
    await user.click(screen.getByTestId("doc-issue-number"));
    expect(await screen.findByTestId("doc-issuer-kept")).toHaveTextContent(
      "Đã cấp số: văn bản giữ cơ quan ban hành và người ký như lúc cấp số.",
    );
    await user.click(screen.getByTestId("doc-danh-sach"));
    expect(screen.getByTestId("doc-issuer-kept"), "the list goes with its giấy mời").toBeVisible();
    await user.click(screen.getByTestId("doc-chuong-trinh"));
    expect(screen.queryByTestId("doc-issuer-kept")).toBeNull();
    expect(await backend.documentNumbers(meeting.id)).toHaveLength(1);
  });

  it("speaks English when asked", async () => {
    localStorage.setItem("hoinghi.lang", "en");
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    renderApp(backend, `/meetings/${meeting.id}/documents`);
    const step = await screen.findByTestId("doc-choose-issuer");
    expect(step).toHaveTextContent("Which body issues this meeting's documents?");
    expect(within(step).getByTestId("doc-issuer-new")).toHaveTextContent("Add a new body");
  });
});

describe("register of outgoing documents", () => {
  it("issues the next number on the usual date, keeps it on coming back, and prints it", async () => {
    const { user, backend, meeting, render } = await setup();
    const issue = vi.spyOn(backend, "issueDocumentNumber");
    expect(await screen.findByText("Chưa cấp số trong sổ văn bản đi.")).toBeInTheDocument();
    const button = screen.getByTestId("doc-issue-number");
    expect(button).toHaveTextContent("Cấp số");
    expect(screen.queryByTestId("doc-cancel-number")).toBeNull();
    await waitFor(() => expect(button).toBeEnabled());
    await user.click(button);

    // Empty inputs: the next number in the series, on the date the document comes out with.
    expect(issue).toHaveBeenCalledWith(meeting.id, "giay-moi", null, "2030-02-25");
    expect(await screen.findByTestId("doc-number-status")).toHaveTextContent(
      "Đã cấp số 01-GM/BTGTU, ngày 25/02/2030",
    );
    expect(screen.getByTestId("doc-number")).toHaveValue(1);
    expect(screen.getByTestId("doc-issued-on")).toHaveValue("25/02/2030");
    expect(screen.getByTestId("doc-issue-number")).toHaveTextContent("Cập nhật số");
    expect(screen.getByTestId("doc-cancel-number")).toBeInTheDocument();
    const issued = { ...DEFAULTS, number: 1, issuedOn: "2030-02-25" };
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "giay-moi", issued]));
    await waitFor(() => expect(new TextDecoder().decode(pdf.opened.at(-1))).toContain("So: 1"));

    // The danh sách sent with it shows the same number, to be changed on the giấy mời.
    await user.click(screen.getByTestId("doc-danh-sach"));
    expect(screen.getByTestId("doc-number")).toHaveValue(1);
    expect(screen.getByTestId("doc-number-status")).toHaveTextContent("01-GM/BTGTU");
    expect(screen.queryByTestId("doc-issue-number")).toBeNull();

    // Leaving the tab and coming back: the saved number and date are shown again.
    await user.click(screen.getByTestId("tab-info"));
    await user.click(await screen.findByTestId("tab-documents"));
    await user.click(await screen.findByTestId("doc-giay-moi"));
    await waitFor(() => expect(screen.getByTestId("doc-number")).toHaveValue(1));
    expect(screen.getByTestId("doc-issued-on")).toHaveValue("25/02/2030");
    expect(screen.getByTestId("doc-number-status")).toHaveTextContent(
      "Đã cấp số 01-GM/BTGTU, ngày 25/02/2030",
    );
    await waitFor(() => expect(lastOptions(render)).toEqual([meeting.id, "giay-moi", issued]));
    expect(issue).toHaveBeenCalledTimes(1);
  });

  it("keeps a date typed without a number when the tab is left, until the number is given", async () => {
    const { user, backend, meeting } = await setup();
    const saveText = vi.spyOn(backend, "setDocumentText");
    expect(await screen.findByText("Chưa cấp số trong sổ văn bản đi.")).toBeInTheDocument();
    fireEvent.change(screen.getByTestId("doc-issued-on"), { target: { value: "20/02/2030" } });
    await waitFor(() =>
      expect(saveText).toHaveBeenCalledWith(meeting.id, "giay-moi", "issued_on", "2030-02-20"),
    );

    await user.click(screen.getByTestId("tab-info"));
    await user.click(await screen.findByTestId("tab-documents"));
    await user.click(await screen.findByTestId("doc-giay-moi"));
    await waitFor(() => expect(screen.getByTestId("doc-issued-on")).toHaveValue("20/02/2030"));
    expect(
      (await backend.documentFormat(meeting.id, "giay-moi", DEFAULTS)).issuedOn,
      "every later export uses it",
    ).toBe("2030-02-20");
  });

  it("issues the typed number and date, shows a refusal by the inputs, and re-issues a change", async () => {
    const { user, backend, meeting } = await setup();
    const other = await sampleMeeting(backend, { title: "Hội nghị sơ kết" });
    await backend.issueDocumentNumber(other.id, "giay-moi", 5, "2030-01-10");
    const issue = vi.spyOn(backend, "issueDocumentNumber");
    await user.type(await screen.findByTestId("doc-number"), "5");
    await user.type(screen.getByTestId("doc-issued-on"), "20/2/2030");
    await user.click(screen.getByTestId("doc-issue-number"));
    expect(issue).toHaveBeenLastCalledWith(meeting.id, "giay-moi", 5, "2030-02-20");
    const refusal = await screen.findByText(
      "Số 05 đã cấp cho “Giấy mời – Hội nghị sơ kết” (ngày 2030-01-10).",
    );
    expect(refusal).toHaveAttribute("role", "alert");
    expect(screen.getByTestId("doc-register")).toContainElement(refusal);
    expect(screen.queryByTestId("doc-number-status")).toBeNull();
    expect(screen.getByTestId("doc-number"), "what was typed stays").toHaveValue(5);
    expect(await backend.documentNumbers(meeting.id)).toEqual([]);

    await user.clear(screen.getByTestId("doc-number"));
    await user.type(screen.getByTestId("doc-number"), "6");
    await user.click(screen.getByTestId("doc-issue-number"));
    expect(await screen.findByTestId("doc-number-status")).toHaveTextContent(
      "Đã cấp số 06-GM/BTGTU, ngày 20/02/2030",
    );
    expect(screen.queryByRole("alert")).toBeNull();
    expect(screen.queryByTestId("doc-number-changed")).toBeNull();

    // A changed date is not in the register until the button is pressed again.
    fireEvent.change(screen.getByTestId("doc-issued-on"), { target: { value: "21/02/2030" } });
    expect(screen.getByTestId("doc-number-changed")).toHaveTextContent("chưa được ghi vào sổ");
    await user.click(screen.getByTestId("doc-issue-number"));
    expect(issue).toHaveBeenLastCalledWith(meeting.id, "giay-moi", 6, "2030-02-21");
    await waitFor(() =>
      expect(screen.getByTestId("doc-number-status")).toHaveTextContent(
        "Đã cấp số 06-GM/BTGTU, ngày 21/02/2030",
      ),
    );
    expect(screen.queryByTestId("doc-number-changed")).toBeNull();
    expect(
      (await backend.documentRegister(meeting.organisationId ?? "")).map((n) => n.symbol),
    ).toEqual(["05-GM/BTGTU", "06-GM/BTGTU"]);
  });

  it("cancels a number after asking; the next one given skips it", async () => {
    const backend = await FakeBackend.withSampleData(3);
    const meeting = await sampleMeeting(backend);
    await backend.issueDocumentNumber(meeting.id, "thong-bao", null, "2030-03-08");
    const cancel = vi.spyOn(backend, "cancelDocumentNumber");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/documents`);
    await user.click(await screen.findByTestId("doc-thong-bao"));
    await waitFor(() => expect(screen.getByTestId("doc-number")).toHaveValue(1));

    await user.click(screen.getByTestId("doc-cancel-number"));
    const dialog = screen.getByRole("dialog");
    expect(dialog).toHaveTextContent("Huỷ số 01-TB/BTGTU của Thông báo kết luận?");
    await user.click(within(dialog).getByRole("button", { name: "Huỷ" }));
    expect(cancel).not.toHaveBeenCalled();
    expect(screen.getByTestId("doc-number")).toHaveValue(1);

    await user.click(screen.getByTestId("doc-cancel-number"));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Huỷ số" }));
    expect(cancel).toHaveBeenCalledWith(meeting.id, "thong-bao");
    expect(await screen.findByTestId("doc-number-notice")).toHaveTextContent(
      "Đã huỷ số 01-TB/BTGTU.",
    );
    expect(screen.getByTestId("doc-number")).toHaveValue(null);
    expect(screen.getByTestId("doc-issued-on")).toHaveValue("");
    expect(screen.queryByTestId("doc-number-status")).toBeNull();
    expect(screen.queryByTestId("doc-cancel-number")).toBeNull();

    await waitFor(() => expect(screen.getByTestId("doc-issue-number")).toBeEnabled());
    await user.click(screen.getByTestId("doc-issue-number"));
    expect(await screen.findByTestId("doc-number-status")).toHaveTextContent(
      "Đã cấp số 02-TB/BTGTU, ngày 08/03/2030",
    );
  });

  it("shows the danh sách the biên bản's saved number, read-only, and the sign-in sheet none", async () => {
    const backend = await FakeBackend.withSampleData(3);
    const meeting = await sampleMeeting(backend);
    await backend.issueDocumentNumber(meeting.id, "bien-ban", 3, "2030-03-04");
    const render = vi.spyOn(backend, "renderDocument");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/documents`);
    await user.click(await screen.findByTestId("doc-danh-sach"));
    expect(screen.getByTestId("doc-number"), "the giấy mời has none").toHaveValue(null);
    expect(screen.queryByTestId("doc-number-status")).toBeNull();

    await user.selectOptions(screen.getByTestId("doc-list"), "attendance");
    expect(screen.getByTestId("doc-number")).toHaveValue(3);
    expect(screen.getByTestId("doc-number")).toHaveAttribute("readonly");
    expect(screen.getByTestId("doc-issued-on")).toHaveValue("04/03/2030");
    expect(screen.getByTestId("doc-number-status")).toHaveTextContent(
      "Đã cấp số 03-BB/BTGTU, ngày 04/03/2030",
    );
    expect(screen.getByTestId("doc-number-source")).toHaveTextContent("Cấp số ở văn bản Biên bản");
    expect(screen.queryByTestId("doc-issue-number")).toBeNull();
    expect(screen.queryByTestId("doc-cancel-number")).toBeNull();
    await waitFor(() =>
      expect(lastOptions(render)).toEqual([
        meeting.id,
        "danh-sach",
        { ...DEFAULTS, list: "attendance", number: 3, issuedOn: "2030-03-04" },
      ]),
    );

    await user.selectOptions(screen.getByTestId("doc-list"), "sign-in");
    expect(screen.queryByTestId("doc-number")).toBeNull();
    expect(screen.queryByTestId("doc-register")).toBeNull();
  });

  it("speaks English when asked", async () => {
    localStorage.setItem("hoinghi.lang", "en");
    const backend = await FakeBackend.withSampleData(3);
    const meeting = await sampleMeeting(backend);
    await backend.issueDocumentNumber(meeting.id, "giay-moi", 2, "2030-02-20");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/documents`);
    expect(await screen.findByTestId("doc-number-status")).toHaveTextContent(
      "Number 02-GM/BTGTU issued, dated 20/02/2030",
    );
    expect(screen.getByTestId("doc-issue-number")).toHaveTextContent("Update number");
    expect(screen.getByTestId("doc-cancel-number")).toHaveTextContent("Cancel number");
    await user.click(screen.getByTestId("doc-danh-sach"));
    expect(screen.getByTestId("doc-number-source")).toHaveTextContent(
      "Issue the number on the Invitation",
    );
  });
});

describe("document wording", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  /** The tab with the invitation's fields shown; spies on the wording commands. */
  async function setupFields(title?: string) {
    const app = await setup(title);
    const fields = vi.spyOn(app.backend, "documentFields");
    const set = vi.spyOn(app.backend, "setDocumentText");
    const reset = vi.spyOn(app.backend, "resetDocumentText");
    await waitFor(() => expect(app.render).toHaveBeenCalledTimes(1));
    await waitFor(() =>
      expect(screen.getByTestId("doc-field-subject")).toHaveValue("V/v mời dự giao ban tháng 3"),
    );
    return { ...app, fields, set, reset };
  }

  /** The text of the PDF last handed to the preview (the fake writes it in plain ASCII). */
  const lastPdfText = () => new TextDecoder().decode(pdf.opened.at(-1));

  it("shows the chosen document's fields, worded from the meeting", async () => {
    const { meeting, fields } = await setupFields();
    const section = screen.getByTestId("doc-fields");
    expect(within(section).getByRole("heading", { name: "Nội dung" })).toBeInTheDocument();
    expect(fields).toHaveBeenLastCalledWith(meeting.id, "giay-moi", DEFAULTS);
    expect(within(section).getByLabelText("Trích yếu")).toBe(
      screen.getByTestId("doc-field-subject"),
    );
    expect(screen.getByTestId("doc-field-invitation_all")).toHaveValue(
      "Ban Tuyên giáo Thành uỷ Hà Nội trân trọng kính mời các đồng chí tới dự giao ban tháng 3.",
    );
    const recipients = screen.getByLabelText("Nơi nhận (mỗi dòng một nơi)");
    expect(recipients).toHaveValue("- Như trên;\n- Lưu Văn phòng.");
    expect(recipients).toHaveAccessibleDescription("Mỗi dòng một mục.");
    expect(within(section).queryByText("Đã sửa")).not.toBeInTheDocument();
    expect(screen.queryByTestId("doc-field-reset-subject")).not.toBeInTheDocument();

    // The section folds away, and opens again.
    const toggle = screen.getByTestId("doc-fields-toggle");
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.getByTestId("doc-field-subject")).not.toBeVisible();
    fireEvent.click(toggle);
    expect(screen.getByTestId("doc-field-subject")).toBeVisible();
  });

  it("words the giấy mời's confirmation line from the minute-taker, each form its own sentence", async () => {
    const backend = await FakeBackend.withSampleData(0);
    const meeting = await sampleMeeting(backend, {
      secretaryName: "Trần Thị Bình",
      secretaryTitle: "chuyên viên Văn phòng",
    });
    await backend.addParticipant(meeting.id, {
      fullName: "Trần Thị Bình",
      positionTitle: "Chuyên viên",
      unit: "Văn phòng",
      section: "",
      rank: 1,
      phone: "0912 345 678",
      email: "",
    });
    const fields = vi.spyOn(backend, "documentFields");
    const { user } = renderApp(backend, `/meetings/${meeting.id}/documents`);
    // Two working days before Monday 4/3/2030.
    const confirmation = await screen.findByLabelText("Xác nhận tham dự");
    expect(confirmation).toBe(screen.getByTestId("doc-field-confirmation"));
    expect(confirmation).toHaveValue(
      "Đề nghị xác nhận tham dự với đồng chí Trần Thị Bình, chuyên viên Văn phòng, số điện thoại 0912 345 678, trước 16 giờ 00 ngày 28/02/2030.",
    );
    expect(screen.queryByTestId("doc-field-invitation")).toBeNull();

    await user.selectOptions(screen.getByTestId("doc-invitation"), "per-person");
    await waitFor(() => expect(screen.getByTestId("doc-field-invitation")).toBeInTheDocument());
    expect(screen.queryByTestId("doc-field-invitation_all"), "one sentence per form").toBeNull();
    expect(screen.getByTestId("doc-field-confirmation")).toHaveValue(
      "Đề nghị xác nhận tham dự với đồng chí Trần Thị Bình, chuyên viên Văn phòng, số điện thoại 0912 345 678, trước 16 giờ 00 ngày 28/02/2030.",
    );
    expect(fields).toHaveBeenLastCalledWith(meeting.id, "giay-moi", {
      ...DEFAULTS,
      invitation: "per-person",
    });
    expect(screen.getByTestId("doc-field-invitation")).toHaveValue(
      "Ban Tuyên giáo Thành uỷ Hà Nội trân trọng kính mời:",
    );
  });

  it("saves a field once typing pauses, marks it edited and draws the preview again", async () => {
    const { backend, meeting, set, render } = await setupFields();
    // Only the timers the autosave and preview use: React schedules its own work with setImmediate.
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const subject = screen.getByTestId("doc-field-subject");
    fireEvent.change(subject, { target: { value: "V/v mời dự giao ban" } });
    await act(() => vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS - 300));
    fireEvent.change(subject, { target: { value: "V/v mời dự giao ban mở rộng" } });
    await act(() => vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS - 100));
    expect(set, "nothing is saved while typing goes on").not.toHaveBeenCalled();

    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(set).toHaveBeenCalledTimes(1);
    expect(set).toHaveBeenCalledWith(
      meeting.id,
      "giay-moi",
      "subject",
      "V/v mời dự giao ban mở rộng",
    );
    expect(screen.getByTestId("doc-fields-status")).toHaveTextContent("Đã lưu");
    expect(screen.getByTestId("doc-field-edited-subject")).toHaveTextContent("Đã sửa");
    expect(screen.getByTestId("doc-field-reset-subject")).toBeInTheDocument();
    expect(subject).toHaveValue("V/v mời dự giao ban mở rộng");
    const [stored] = await backend.documentFields(meeting.id, "giay-moi", DEFAULTS);
    expect(stored).toMatchObject({ text: "V/v mời dự giao ban mở rộng", edited: true });

    await act(() => vi.advanceTimersByTimeAsync(PREVIEW_DELAY_MS));
    expect(render).toHaveBeenCalledTimes(2);
    expect(render).toHaveBeenLastCalledWith(meeting.id, "giay-moi", DEFAULTS);
    vi.useRealTimers();
    await waitFor(() => expect(lastPdfText()).toContain("Trich yeu: V/v moi du giao ban mo rong"));
  });

  it("does not trim what is being typed when a pause saves it", async () => {
    const { set } = await setupFields();
    const closing = screen.getByTestId("doc-field-closing");
    fireEvent.focus(closing);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    fireEvent.change(closing, { target: { value: "Trân trọng " } });
    await act(() => vi.advanceTimersByTimeAsync(TEXT_SAVE_DELAY_MS));
    expect(set).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("doc-field-edited-closing")).toBeInTheDocument();
    expect(closing, "the space stays while typing goes on").toHaveValue("Trân trọng ");
    fireEvent.blur(closing);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(closing, "leaving the field shows what was stored").toHaveValue("Trân trọng");
    expect(set, "the same text is not saved twice").toHaveBeenCalledTimes(1);
  });

  it("saves at once when the field loses focus, and keeps line breaks", async () => {
    const { meeting, set } = await setupFields();
    const recipients = screen.getByTestId("doc-field-recipients");
    fireEvent.change(recipients, {
      target: { value: "- Như trên;\n- Thường trực Thành uỷ;\n- Lưu VT." },
    });
    fireEvent.blur(recipients);
    await waitFor(() =>
      expect(set).toHaveBeenCalledWith(
        meeting.id,
        "giay-moi",
        "recipients",
        "- Như trên;\n- Thường trực Thành uỷ;\n- Lưu VT.",
      ),
    );
    expect(await screen.findByTestId("doc-field-edited-recipients")).toBeInTheDocument();
    fireEvent.blur(recipients);
    await new Promise((r) => setTimeout(r, 50));
    expect(set, "an unchanged field is not saved again").toHaveBeenCalledTimes(1);
  });

  it("Khôi phục goes back to the generated text", async () => {
    const backend = await FakeBackend.withSampleData(3);
    const meeting = await sampleMeeting(backend);
    await backend.setDocumentText(meeting.id, "giay-moi", "closing", "Kính mong đồng chí dự.");
    const reset = vi.spyOn(backend, "resetDocumentText");
    const render = vi.spyOn(backend, "renderDocument");
    renderApp(backend, `/meetings/${meeting.id}/documents`);
    const closing = await screen.findByTestId("doc-field-closing");
    expect(closing).toHaveValue("Kính mong đồng chí dự.");
    expect(screen.getByTestId("doc-field-edited-closing")).toHaveTextContent("Đã sửa");
    await waitFor(() => expect(render).toHaveBeenCalledTimes(1));

    const button = screen.getByTestId("doc-field-reset-closing");
    expect(button).toHaveAccessibleName("Khôi phục lời văn tạo tự động: Câu kết");
    fireEvent.click(button);
    await waitFor(() => expect(closing).toHaveValue("Rất mong đồng chí đến dự đúng giờ./."));
    expect(reset).toHaveBeenCalledWith(meeting.id, "giay-moi", "closing");
    expect(screen.queryByTestId("doc-field-edited-closing")).not.toBeInTheDocument();
    expect(screen.queryByTestId("doc-field-reset-closing")).not.toBeInTheDocument();
    await waitFor(() => expect(render).toHaveBeenCalledTimes(2));
  });

  it("typing the generated text back drops the edit instead of storing a copy", async () => {
    const { meeting, set, reset } = await setupFields();
    const subject = screen.getByTestId("doc-field-subject");
    fireEvent.change(subject, { target: { value: "V/v họp" } });
    fireEvent.blur(subject);
    expect(await screen.findByTestId("doc-field-edited-subject")).toBeInTheDocument();
    fireEvent.change(subject, { target: { value: "V/v mời dự giao ban tháng 3 " } });
    fireEvent.blur(subject);
    await waitFor(() =>
      expect(screen.queryByTestId("doc-field-edited-subject")).not.toBeInTheDocument(),
    );
    expect(set).toHaveBeenCalledTimes(1);
    expect(reset).toHaveBeenCalledWith(meeting.id, "giay-moi", "subject");
    expect(subject).toHaveValue("V/v mời dự giao ban tháng 3");
  });

  it("each document has its own fields; what was typed is saved on leaving it", async () => {
    const { user, meeting, fields, set } = await setupFields();
    fireEvent.change(screen.getByTestId("doc-field-subject"), {
      target: { value: "V/v mời họp" },
    });
    await user.click(screen.getByTestId("doc-thong-bao"));
    await waitFor(() => expect(fields).toHaveBeenLastCalledWith(meeting.id, "thong-bao", DEFAULTS));
    expect(set, "the invitation's edit is not lost").toHaveBeenCalledWith(
      meeting.id,
      "giay-moi",
      "subject",
      "V/v mời họp",
    );
    await waitFor(() =>
      expect(screen.getByTestId("doc-field-subject")).toHaveValue("Kết luận tại giao ban tháng 3"),
    );
    expect((screen.getByLabelText("Đoạn mở đầu") as HTMLTextAreaElement).value).toMatch(
      /^Ngày 04\/03\/2030, /,
    );
    expect(screen.queryByTestId("doc-field-edited-subject")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("doc-giay-moi"));
    await waitFor(() => expect(screen.getByTestId("doc-field-subject")).toHaveValue("V/v mời họp"));
    expect(screen.getByTestId("doc-field-edited-subject")).toBeInTheDocument();
    expect(screen.queryByLabelText("Đoạn mở đầu")).not.toBeInTheDocument();
  });

  it("shows why a field could not be saved and keeps what was typed", async () => {
    const { set } = await setupFields();
    set.mockRejectedValueOnce({ kind: "invalid", message: "Nội dung quá dài (50001 ký tự)." });
    const subject = screen.getByTestId("doc-field-subject");
    fireEvent.change(subject, { target: { value: "Quá dài" } });
    fireEvent.blur(subject);
    expect(await screen.findByText("Nội dung quá dài (50001 ký tự).")).toHaveAttribute(
      "role",
      "alert",
    );
    expect(subject).toHaveAttribute("aria-invalid", "true");
    expect(subject).toHaveValue("Quá dài");
    expect(screen.getByTestId("doc-fields-status")).toHaveTextContent("Chưa lưu được");

    fireEvent.change(subject, { target: { value: "Vừa đủ" } });
    fireEvent.blur(subject);
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
    expect(screen.getByTestId("doc-fields-status")).toHaveTextContent("Đã lưu");
    expect(subject).not.toHaveAttribute("aria-invalid");
  });

  it("Save as writes the text just typed, without waiting for the pause", async () => {
    const { user, meeting, set, save } = await setupFields();
    await user.click(screen.getByTestId("doc-field-closing"));
    await user.paste("Trân trọng./.");
    await user.click(screen.getByTestId("doc-save-as"));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    expect(set).toHaveBeenCalledWith(
      meeting.id,
      "giay-moi",
      "closing",
      "Rất mong đồng chí đến dự đúng giờ./.Trân trọng./.",
    );
    const [setOrder] = set.mock.invocationCallOrder;
    const [saveOrder] = save.mock.invocationCallOrder;
    expect(setOrder).toBeLessThan(saveOrder ?? 0);
  });

  it("follows another laptop's changes to the wording; a field being typed in keeps what is typed", async () => {
    const { backend, meeting, set } = await setupFields();
    const subject = screen.getByTestId("doc-field-subject");
    const closing = screen.getByTestId("doc-field-closing");
    const recipients = screen.getByTestId("doc-field-recipients");
    // Typed, its save still waiting for the pause.
    fireEvent.focus(closing);
    fireEvent.change(closing, { target: { value: "Kính mong đồng chí dự đầy đủ." } });

    // Another laptop's changes, merged into this one's data.
    await backend.setDocumentText(meeting.id, "giay-moi", "subject", "V/v mời dự (sửa ở máy khác)");
    await backend.setDocumentText(meeting.id, "giay-moi", "closing", "Câu kết của máy khác.");
    act(() => notifyDataChanged(meeting.id));
    expect(screen.queryByText("Đang tải nội dung…"), "the fields stay on screen").toBeNull();
    await waitFor(() => expect(subject).toHaveValue("V/v mời dự (sửa ở máy khác)"));
    expect(screen.getByTestId("doc-field-edited-subject")).toBeInTheDocument();
    expect(screen.getByTestId("doc-field-subject"), "not remounted").toBe(subject);
    expect(closing, "what is typed stays").toHaveValue("Kính mong đồng chí dự đầy đủ.");

    // Leaving it saves what was typed, over the other laptop's text.
    fireEvent.blur(closing);
    await waitFor(() =>
      expect(set).toHaveBeenLastCalledWith(
        meeting.id,
        "giay-moi",
        "closing",
        "Kính mong đồng chí dự đầy đủ.",
      ),
    );
    await waitFor(async () =>
      expect(
        (await backend.documentFields(meeting.id, "giay-moi", DEFAULTS)).find(
          (f) => f.key === "closing",
        )?.text,
      ).toBe("Kính mong đồng chí dự đầy đủ."),
    );
    expect(closing).toHaveValue("Kính mong đồng chí dự đầy đủ.");

    // The cursor in a field with nothing typed: its text does not change under it until it is left.
    fireEvent.focus(recipients);
    await backend.setDocumentText(meeting.id, "giay-moi", "recipients", "- Như trên;\n- Lưu VT.");
    await backend.setDocumentText(meeting.id, "giay-moi", "subject", "V/v lần hai");
    act(() => notifyDataChanged(meeting.id));
    await waitFor(() => expect(subject).toHaveValue("V/v lần hai"));
    expect(recipients).toHaveValue("- Như trên;\n- Lưu Văn phòng.");
    fireEvent.blur(recipients);
    await waitFor(() => expect(recipients).toHaveValue("- Như trên;\n- Lưu VT."));
    expect(
      set.mock.calls.filter(([, , key]) => key === "recipients"),
      "nothing saved",
    ).toHaveLength(1);
  });

  it("draws the preview again, quietly, when another laptop's changes arrive", async () => {
    const { backend, meeting, render } = await setupFields();
    const format = vi.spyOn(backend, "documentFormat");
    await waitFor(() => expect(screen.getByTestId("pdf-page-count")).toHaveTextContent("2 trang"));
    const preview = screen.getByTestId("doc-preview");
    const opened = pdf.opened.length;

    await backend.setDocumentText(meeting.id, "giay-moi", "subject", "V/v mời họp sửa ở máy khác");
    act(() => notifyDataChanged("another meeting"));
    await new Promise((r) => setTimeout(r, PREVIEW_DELAY_MS + 50));
    expect(render, "another meeting's changes do not concern it").toHaveBeenCalledTimes(1);

    act(() => notifyDataChanged(meeting.id));
    expect(preview, "nothing says it is being prepared").toHaveAttribute("aria-busy", "false");
    expect(within(preview).queryByText("Đang tạo bản xem trước…")).toBeNull();
    expect(screen.getAllByTestId("pdf-page"), "the pages shown stay").toHaveLength(2);
    await waitFor(() => expect(render).toHaveBeenCalledTimes(2));
    expect(render).toHaveBeenLastCalledWith(meeting.id, "giay-moi", DEFAULTS);
    expect(within(preview).queryByText("Đang tạo bản xem trước…")).toBeNull();
    await waitFor(() => expect(pdf.opened.length).toBeGreaterThan(opened));
    expect(lastPdfText()).toContain("Trich yeu: V/v moi hop sua o may khac");
    expect(format, "the format line is asked for again").toHaveBeenCalled();
    expect(screen.getByTestId("doc-preview")).toBe(preview);
  });

  it("speaks English when asked, naming the known fields in English", async () => {
    localStorage.setItem("hoinghi.lang", "en");
    await setupFields();
    const section = screen.getByTestId("doc-fields");
    expect(within(section).getByRole("heading", { name: "Wording" })).toBeInTheDocument();
    expect(screen.getByLabelText("Recipients (one per line)")).toHaveAccessibleDescription(
      "One item per line.",
    );
    expect(screen.getByLabelText("Subject line (trích yếu)")).toBeInTheDocument();
    expect(screen.getByLabelText(/^Form of the invitation/)).toHaveDisplayValue(
      "One invitation for all, with the list attached",
    );
  });
});
