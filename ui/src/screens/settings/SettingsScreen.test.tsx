import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import type { FormatSettings, Organisation, ToneMarks } from "../../ipc/bindings";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";
import { blankOrganisation } from "./OrganisationForm";

describe("settings", () => {
  it("opens from the top bar, away from any meeting, and leads back to the meetings", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/info`);
    await screen.findByRole("heading", { level: 1, name: "Giao ban tháng 3" });
    expect(
      screen.queryByTestId("tab-settings"),
      "a meeting has no settings tab of its own",
    ).not.toBeInTheDocument();

    const open = screen.getByTestId("open-settings");
    expect(open).toHaveTextContent("Cài đặt");
    await user.click(open);
    expect(await screen.findByRole("heading", { level: 1, name: "Cài đặt" })).toBeInTheDocument();
    expect(screen.getByTestId("open-settings")).toHaveAttribute("aria-current", "page");
    expect(await screen.findByTestId("organisations")).toBeInTheDocument();

    await user.click(screen.getByTestId("back-to-meetings"));
    expect(await screen.findByTestId("meeting-row")).toHaveTextContent("Giao ban tháng 3");
    expect(screen.getByTestId("open-settings")).not.toHaveAttribute("aria-current");
  });

  it("speaks English when asked", async () => {
    localStorage.setItem("hoinghi.lang", "en");
    renderApp(new FakeBackend(), "/settings");
    expect(screen.getByTestId("open-settings")).toHaveTextContent("Settings");
    expect(await screen.findByRole("heading", { level: 1, name: "Settings" })).toBeInTheDocument();
  });

  it("adds an issuing body, with the signing line in the kind of body's spelling, and edits it", async () => {
    const backend = new FakeBackend();
    const { user } = renderApp(backend, "/settings");
    const panel = await screen.findByTestId("organisations");
    expect(within(panel).getByRole("heading", { name: "Cơ quan ban hành" })).toBeInTheDocument();
    expect(await within(panel).findByTestId("orgs-empty")).toHaveTextContent(
      "Chưa khai báo cơ quan ban hành nào.",
    );

    await user.click(within(panel).getByTestId("org-add"));
    let dialog = screen.getByRole("dialog", { name: "Thêm cơ quan ban hành" });
    await user.type(within(dialog).getByTestId("org-parent-name"), "THÀNH UỶ HÀ NỘI");
    await user.type(within(dialog).getByTestId("org-name"), "BAN TUYÊN GIÁO VÀ DÂN VẬN");
    await user.type(within(dialog).getByTestId("org-signing-prefix"), "KT. TRƯỞNG BAN");
    await user.click(within(dialog).getByTestId("org-save"));
    expect(
      await within(dialog).findByRole("alert"),
      "the backend refuses a missing abbreviation",
    ).toHaveTextContent("Chữ viết tắt không được để trống.");

    const header = within(dialog).getByTestId("org-header-lines");
    expect(header).toHaveAccessibleName(/^Tiêu đề như ban hành/);
    expect(header).toHaveAccessibleName(/dòng cuối \(cơ quan ban hành\) in đậm/);
    expect(header, "the header as built from the two names").toHaveAttribute(
      "placeholder",
      "THÀNH UỶ HÀ NỘI\nBAN TUYÊN GIÁO VÀ DÂN VẬN",
    );
    await user.type(header, "THÀNH UỶ HÀ NỘI{Enter}{Enter}  BAN TUYÊN GIÁO VÀ DÂN VẬN {Enter}*");
    await user.type(within(dialog).getByLabelText(/^Chữ viết tắt/), "BTGDVTU");
    await user.type(within(dialog).getByLabelText(/^Địa danh/), "Hà Nội");
    const fullName = within(dialog).getByTestId("org-full-name");
    expect(fullName).toHaveAccessibleName(/^Tên cơ quan \(dùng trong nội dung văn bản\)/);
    expect(fullName).toHaveAttribute("placeholder", "Ban Tuyên giáo Thành uỷ Hà Nội");
    await user.type(fullName, "  Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội ");
    await user.type(within(dialog).getByTestId("org-signer-name"), "Nguyễn Thị Hoa");
    await user.type(within(dialog).getByTestId("org-signer-title"), "PHÓ TRƯỞNG BAN");
    expect(within(dialog).getByTestId("org-kind"), "a state body until told otherwise").toHaveValue(
      "state",
    );
    await user.selectOptions(within(dialog).getByTestId("org-kind"), "party");
    await user.click(within(dialog).getByTestId("org-save"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    const row = await within(panel).findByTestId("org-row");
    const cells = [...row.querySelectorAll("td")].map((cell) => cell.textContent);
    expect(cells.slice(0, 4)).toEqual([
      "BAN TUYÊN GIÁO VÀ DÂN VẬNTHÀNH UỶ HÀ NỘI",
      "Đảng",
      "BTGDVTU",
      "Nguyễn Thị Hoa (K/T TRƯỞNG BAN, PHÓ TRƯỞNG BAN)",
    ]);
    const [saved] = await backend.listOrganisations();
    expect(saved).toMatchObject({
      name: "BAN TUYÊN GIÁO VÀ DÂN VẬN",
      fullName: "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội",
      kind: "party",
      headVacant: false,
      signingPrefix: "K/T TRƯỞNG BAN",
      headerLines: "THÀNH UỶ HÀ NỘI\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*",
    });

    await user.click(within(row).getByRole("button", { name: "Sửa BAN TUYÊN GIÁO VÀ DÂN VẬN" }));
    dialog = screen.getByRole("dialog", { name: "Sửa cơ quan ban hành" });
    expect(within(dialog).getByTestId("org-full-name"), "what was saved, trimmed").toHaveValue(
      "Ban Tuyên giáo và Dân vận Thành uỷ Hà Nội",
    );
    expect(
      within(dialog).getByTestId("org-signing-prefix"),
      "only the leading prefix is rewritten",
    ).toHaveValue("K/T TRƯỞNG BAN");
    await user.selectOptions(within(dialog).getByTestId("org-kind"), "state");
    await user.click(within(dialog).getByTestId("org-save"));
    await waitFor(() => expect(within(panel).getByTestId("org-row")).toHaveTextContent("Nhà nước"));
    expect(
      (await backend.listOrganisations())[0]?.signingPrefix,
      "K/T is written KT. by a state body",
    ).toBe("KT. TRƯỞNG BAN");
    expect(await backend.listOrganisations(), "an edit adds no second body").toHaveLength(1);
  });

  it("chooses a body's time zone from a list named in Vietnamese, keeping one the list lacks", async () => {
    const backend = new FakeBackend();
    const body = {
      ...blankOrganisation(),
      name: "TỔNG LÃNH SỰ QUÁN",
      abbreviation: "TLSQ",
      placeName: "Hà Nội",
      timeZone: "Asia/Kolkata",
    };
    await backend.saveOrganisation(body);
    const { user } = renderApp(backend, "/settings");
    const panel = await screen.findByTestId("organisations");

    await user.click(within(panel).getByTestId("org-add"));
    let dialog = screen.getByRole("dialog", { name: "Thêm cơ quan ban hành" });
    let zone = within(dialog).getByTestId("org-time-zone");
    expect(zone.tagName).toBe("SELECT");
    expect(zone).toHaveValue("Asia/Ho_Chi_Minh");
    expect(zone).toHaveDisplayValue("Giờ Việt Nam (UTC+7)");
    const names = [...(zone as HTMLSelectElement).options].map((o) => o.value);
    expect(names).toHaveLength(16);
    expect(names).toEqual(expect.arrayContaining(["Asia/Bangkok", "Europe/London", "UTC"]));
    await user.click(within(dialog).getByRole("button", { name: "Huỷ" }));

    await user.click(within(panel).getByRole("button", { name: "Sửa TỔNG LÃNH SỰ QUÁN" }));
    dialog = screen.getByRole("dialog", { name: "Sửa cơ quan ban hành" });
    zone = within(dialog).getByTestId("org-time-zone");
    expect(zone, "a zone the list lacks is kept").toHaveValue("Asia/Kolkata");
    expect((zone as HTMLSelectElement).options).toHaveLength(17);
    await user.click(within(dialog).getByTestId("org-save"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect((await backend.listOrganisations())[0]?.timeZone).toBe("Asia/Kolkata");

    await user.click(within(panel).getByRole("button", { name: "Sửa TỔNG LÃNH SỰ QUÁN" }));
    dialog = screen.getByRole("dialog", { name: "Sửa cơ quan ban hành" });
    await user.selectOptions(
      within(dialog).getByTestId("org-time-zone"),
      "Bangkok, Thái Lan (UTC+7)",
    );
    await user.click(within(dialog).getByTestId("org-save"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect((await backend.listOrganisations())[0]?.timeZone).toBe("Asia/Bangkok");
  });

  it("starts a new body from a 2025 template, which only fills in the form", async () => {
    const backend = new FakeBackend();
    const { user } = renderApp(backend, "/settings");
    const panel = await screen.findByTestId("organisations");
    await user.click(within(panel).getByTestId("org-add"));
    const dialog = screen.getByRole("dialog", { name: "Thêm cơ quan ban hành" });
    await user.selectOptions(within(dialog).getByTestId("org-preset"), "party-department");
    expect(within(dialog).getByTestId("org-name")).toHaveValue("BAN TUYÊN GIÁO VÀ DÂN VẬN");
    expect(within(dialog).getByTestId("org-header-lines")).toHaveValue(
      "THÀNH UỶ HÀ NỘI\nBAN TUYÊN GIÁO VÀ DÂN VẬN\n*",
    );
    expect(within(dialog).getByTestId("org-kind")).toHaveValue("party");
    expect(await backend.listOrganisations(), "nothing saved yet").toHaveLength(0);
    await user.type(within(dialog).getByLabelText(/^Địa danh/), "Hà Nội");
    await user.click(within(dialog).getByTestId("org-save"));
    await waitFor(async () =>
      expect((await backend.listOrganisations())[0]?.abbreviation).toBe("BTGDVTU"),
    );
    // Editing a body offers no template: it would overwrite what was saved.
    await user.click(await within(panel).findByTestId("org-edit"));
    expect(screen.queryByTestId("org-preset")).toBeNull();
  });

  it("saves a Party body whose head is vacant, offering the Party's signing prefixes", async () => {
    const backend = await FakeBackend.withSampleData(0);
    const { user } = renderApp(backend, "/settings");
    await user.click(await screen.findByTestId("org-edit"));
    const dialog = screen.getByRole("dialog");
    const kind = within(dialog).getByTestId("org-kind");
    expect(kind).toHaveValue("party");
    expect(kind).toHaveDisplayValue(
      "Cơ quan Đảng (thể thức HD 36 trước 27/5/2026, HD 05 từ ngày đó)",
    );
    expect(within(dialog).getByTestId("org-full-name")).toHaveValue(
      "Ban Tuyên giáo Thành uỷ Hà Nội",
    );
    const offered = () =>
      [...document.querySelectorAll("#signing-prefixes option")].map((o) =>
        o.getAttribute("value"),
      );
    expect(offered()).toEqual(["T/M", "K/T", "T/L"]);

    const vacant = within(dialog).getByTestId("org-head-vacant");
    expect(vacant).not.toBeChecked();
    expect(vacant).toHaveAccessibleName(
      "Chưa có người đứng đầu, cấp phó được giao phụ trách ký (từ HD 05: ký không có K/T)",
    );
    await user.click(vacant);
    await user.selectOptions(kind, "state");
    expect(offered(), "a state body's prefixes").toEqual(["TM.", "KT.", "TL."]);
    await user.selectOptions(kind, "party");
    await user.click(within(dialog).getByTestId("org-save"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect((await backend.listOrganisations())[0]).toMatchObject({
      kind: "party",
      headVacant: true,
    });
  });

  it("saves when a Party body's committee term began, and lets it be emptied again", async () => {
    const backend = await FakeBackend.withSampleData(0);
    const { user } = renderApp(backend, "/settings");
    const panel = await screen.findByTestId("organisations");
    const edit = async () => {
      await user.click(await within(panel).findByTestId("org-edit"));
      return screen.getByRole("dialog", { name: "Sửa cơ quan ban hành" });
    };
    const saved = async () => (await backend.listOrganisations())[0]?.termStart;

    let dialog = await edit();
    let term = within(dialog).getByTestId("org-term-start");
    expect(term).toHaveValue("");
    expect(term).toHaveAccessibleName(/^Ngày bắt đầu nhiệm kỳ/);
    expect(term).toHaveAccessibleName(
      /Văn bản Đảng được đánh số theo từng loại, từ 01 trong mỗi nhiệm kỳ\. Để trống: đánh số liên tục\.$/,
    );
    expect(term).toHaveAttribute("placeholder", "dd/mm/yyyy");
    await user.type(term, "18/10/2025");
    await user.click(within(dialog).getByTestId("org-save"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(await saved()).toBe("2025-10-18");

    dialog = await edit();
    term = within(dialog).getByTestId("org-term-start");
    expect(term, "shown day first").toHaveValue("18/10/2025");
    await user.clear(term);
    await user.type(term, "29/02/2025");
    await user.click(within(dialog).getByTestId("org-save"));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Ngày không hợp lệ");
    expect(screen.getByRole("dialog"), "the dialog stays open").toBe(dialog);
    expect(await saved(), "2025 has no 29 February").toBe("2025-10-18");

    await user.clear(term);
    await user.click(within(dialog).getByTestId("org-save"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(await saved(), "empty: one run per type").toBe("");
  });

  it("asks no term start of a state body, which numbers by calendar year", async () => {
    const backend = new FakeBackend();
    const { user } = renderApp(backend, "/settings");
    const panel = await screen.findByTestId("organisations");
    await user.click(within(panel).getByTestId("org-add"));
    const dialog = screen.getByRole("dialog", { name: "Thêm cơ quan ban hành" });
    const kind = within(dialog).getByTestId("org-kind");
    expect(kind).toHaveValue("state");
    expect(within(dialog).queryByTestId("org-term-start")).toBeNull();
    await user.selectOptions(kind, "party");
    const term = within(dialog).getByTestId("org-term-start");
    expect(term).toHaveValue("");
    await user.type(term, "18/10/2025");
    await user.selectOptions(kind, "state");
    expect(within(dialog).queryByTestId("org-term-start")).toBeNull();
    expect(within(dialog).queryByText(/nhiệm kỳ/)).toBeNull();

    await user.type(within(dialog).getByTestId("org-name"), "SỞ NỘI VỤ");
    await user.type(within(dialog).getByTestId("org-abbreviation"), "SNV");
    await user.type(within(dialog).getByTestId("org-place-name"), "Hà Nội");
    await user.click(within(dialog).getByTestId("org-save"));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(
      (await backend.listOrganisations())[0],
      "the core keeps no term for a state body",
    ).toMatchObject({ kind: "state", termStart: "" });
  });

  it("hides a body no meeting uses, and says why one in use cannot be hidden", async () => {
    const backend = await FakeBackend.withSampleData(0);
    const [demo] = await backend.listOrganisations();
    await backend.saveOrganisation({
      ...(demo as Organisation),
      id: "",
      name: "ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH",
      abbreviation: "UBND",
      kind: "state",
    });
    const hide = vi.spyOn(backend, "deleteOrganisation");
    const { user } = renderApp(backend, "/settings");
    const panel = await screen.findByTestId("organisations");
    await waitFor(() => expect(within(panel).getAllByTestId("org-row")).toHaveLength(2));

    await user.click(within(panel).getByRole("button", { name: "Ẩn BAN TUYÊN GIÁO THÀNH UỶ" }));
    let dialog = screen.getByRole("dialog");
    expect(dialog).toHaveTextContent("Ẩn cơ quan “BAN TUYÊN GIÁO THÀNH UỶ”?");
    await user.click(within(dialog).getByRole("button", { name: "Huỷ" }));
    expect(hide, "cancelled: nothing asked").not.toHaveBeenCalled();

    await user.click(within(panel).getByRole("button", { name: "Ẩn BAN TUYÊN GIÁO THÀNH UỶ" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Ẩn" }));
    expect(await within(panel).findByRole("alert")).toHaveTextContent(
      "Cơ quan này đang là cơ quan ban hành của hội nghị “Hội nghị giao ban công tác tuyên giáo quý III”: hãy chọn cơ quan khác cho hội nghị đó trước.",
    );
    expect(within(panel).getAllByTestId("org-row"), "still listed").toHaveLength(2);

    await user.click(
      within(panel).getByRole("button", { name: "Ẩn ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH" }),
    );
    dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByRole("button", { name: "Ẩn" }));
    expect(await within(panel).findByTestId("org-notice")).toHaveTextContent(
      "Đã ẩn cơ quan “ỦY BAN NHÂN DÂN PHƯỜNG BA ĐÌNH”.",
    );
    await waitFor(() => expect(within(panel).getAllByTestId("org-row")).toHaveLength(1));
    expect(within(panel).queryByRole("alert")).toBeNull();
    expect((await backend.listOrganisations()).map((o) => o.name)).toEqual([
      "BAN TUYÊN GIÁO THÀNH UỶ",
    ]);
  });
});

describe("document typeface", () => {
  it("offers Times New Roman only when it is installed, and saves the choice", async () => {
    const backend = new FakeBackend();
    const first = renderApp(backend, "/settings");
    const times = await screen.findByTestId("document-font-timesNewRoman");
    expect(times, "not installed here").toBeDisabled();
    expect(screen.getByTestId("document-font-liberationSerif")).toBeChecked();
    first.unmount();

    backend.fontSettings = { font: "liberationSerif", timesNewRomanAvailable: true };
    const { user } = renderApp(backend, "/settings");
    const enabled = await screen.findByTestId("document-font-timesNewRoman");
    expect(enabled).toBeEnabled();
    await user.click(enabled);
    await waitFor(() => expect(enabled).toBeChecked());
    expect((await backend.getFontSettings()).font, "the choice is saved").toBe("timesNewRoman");
  });
});

describe("format options", () => {
  it("shows the likeliest defaults, saves a change and shows a refusal", async () => {
    const backend = new FakeBackend();
    const { user } = renderApp(backend, "/settings");
    const ending = await screen.findByTestId("format-party-ending");
    expect(ending).toHaveValue("./.");
    expect(screen.getByTestId("format-party-invitation")).toHaveValue("GM");

    expect(ending).toHaveAccessibleName(/^Dấu kết thúc văn bản của Đảng theo HD 36/);
    expect(ending).toHaveAccessibleName(/văn bản theo HD 05 luôn kết thúc bằng dấu chấm/);
    const stateSize = screen.getByTestId("format-state-table-size");
    const partySize = screen.getByTestId("format-party-table-size");
    expect(stateSize).toHaveValue("13");
    expect(partySize).toHaveValue("14");
    const sizes = (select: HTMLElement) =>
      [...(select as HTMLSelectElement).options].map((o) => o.value);
    expect(sizes(stateSize), "NĐ 30 allows 12 to 14").toEqual(["12", "13", "14"]);
    expect(sizes(partySize), "the Party allows 13 to 15").toEqual(["13", "14", "15"]);

    await user.selectOptions(ending, ".");
    await user.selectOptions(stateSize, "12");
    await user.selectOptions(partySize, "15");
    await user.click(screen.getByTestId("format-save"));
    await waitFor(async () =>
      expect(await backend.getFormatSettings()).toEqual({
        partyEnding: ".",
        partyInvitationAbbreviation: "GM",
        stateTableFontSize: 12,
        partyTableFontSize: 15,
        stateToneMarks: "first-vowel",
        partyToneMarks: "main-vowel",
        listOrder: "rank",
      }),
    );

    await user.clear(screen.getByTestId("format-party-invitation"));
    await user.type(screen.getByTestId("format-party-invitation"), "G M");
    await user.click(screen.getByTestId("format-save"));
    expect(await screen.findByText(/không có dấu cách/)).toBeInTheDocument();
    expect((await backend.getFormatSettings()).partyInvitationAbbreviation, "nothing saved").toBe(
      "GM",
    );
  });
  it("saves where each format puts the tone marks, Hòa for the state and Hoà for the Party by default", async () => {
    const backend = new FakeBackend();
    const { user } = renderApp(backend, "/settings");
    const state = await screen.findByTestId("format-state-tone-marks");
    const party = screen.getByTestId("format-party-tone-marks");
    expect(state).toHaveAccessibleName("Cách đặt dấu thanh (văn bản Nhà nước)");
    expect(party).toHaveAccessibleName("Cách đặt dấu thanh (văn bản Đảng)");
    expect(state).toHaveAccessibleDescription(
      "Áp dụng cho cả chữ do máy tạo và chữ đã nhập; cả văn bản theo một cách.",
    );
    expect(party).toHaveAccessibleDescription(
      "Áp dụng cho cả chữ do máy tạo và chữ đã nhập; cả văn bản theo một cách.",
    );
    const options = (select: HTMLElement) =>
      [...(select as HTMLSelectElement).options].map((o) => [o.value, o.text]);
    const both = [
      ["first-vowel", "Hòa, Thủy, Ủy ban (dấu ở nguyên âm đầu)"],
      ["main-vowel", "Hoà, Thuỷ, Uỷ ban (dấu ở nguyên âm chính)"],
    ];
    expect(options(state)).toEqual(both);
    expect(options(party)).toEqual(both);
    expect(state).toHaveValue("first-vowel");
    expect(party).toHaveValue("main-vowel");

    await user.selectOptions(state, "main-vowel");
    await user.selectOptions(party, "first-vowel");
    await user.click(screen.getByTestId("format-save"));
    expect(await screen.findByText("Đã lưu tuỳ chọn thể thức.")).toBeInTheDocument();
    expect(await backend.getFormatSettings()).toMatchObject({
      stateToneMarks: "main-vowel",
      partyToneMarks: "first-vowel",
      stateTableFontSize: 13,
      partyTableFontSize: 14,
    });
  });

  it("saves the order of people in lists, and the list on the People tab follows it", async () => {
    const backend = new FakeBackend();
    const { user } = renderApp(backend, "/settings");
    const order = await screen.findByTestId("format-list-order");
    expect(order).toHaveValue("rank");
    expect(order).toHaveAccessibleName(/^Thứ tự đại biểu trong danh sách/);
    await user.selectOptions(order, "givenName");
    await user.click(screen.getByTestId("format-save"));
    expect(await screen.findByText("Đã lưu tuỳ chọn thể thức.")).toBeInTheDocument();
    expect((await backend.getFormatSettings()).listOrder).toBe("givenName");
  });

  it("names the tone mark choices in English", async () => {
    localStorage.setItem("hoinghi.lang", "en");
    renderApp(new FakeBackend(), "/settings");
    const state = await screen.findByTestId("format-state-tone-marks");
    expect(state).toHaveAccessibleName("Tone mark placement (state documents)");
    expect(screen.getByTestId("format-party-tone-marks")).toHaveAccessibleName(
      "Tone mark placement (Party documents)",
    );
    expect([...(state as HTMLSelectElement).options].map((o) => o.text)).toEqual([
      "Hòa, Thủy, Ủy ban (mark on the first vowel)",
      "Hoà, Thuỷ, Uỷ ban (mark on the main vowel)",
    ]);
  });
});

describe("register of outgoing documents", () => {
  it("says when no number has been given yet", async () => {
    renderApp(new FakeBackend(), "/settings");
    const panel = await screen.findByTestId("register");
    expect(
      within(panel).getByRole("heading", { name: "Sổ đăng ký văn bản đi" }),
    ).toBeInTheDocument();
    expect(await within(panel).findByText("Chưa cấp số cho văn bản nào.")).toBeInTheDocument();
    expect(within(panel).queryByRole("table")).toBeNull();
  });

  it("lists every number a body gave, in the core's order, and saves its register as a PDF", async () => {
    const backend = await FakeBackend.withSampleData(0);
    const [demo] = await backend.listOrganisations();
    const state = await backend.saveOrganisation({
      ...(demo as Organisation),
      id: "",
      name: "SỞ NỘI VỤ",
      abbreviation: "SNV",
      kind: "state",
      signerName: "Lê Văn Dũng",
    });
    const elsewhere = await backend.createMeeting(
      meetingInput({ title: "Hội nghị cán bộ", organisationId: state.id }),
    );
    await backend.issueDocumentNumber(elsewhere.id, "giay-moi", null, "2030-01-05");
    // Created last, these make the sample body the one a new meeting starts with.
    const first = await backend.createMeeting(
      meetingInput({
        title: "Giao ban quý IV",
        chairName: "Nguyễn Văn An",
        organisationId: demo?.id ?? null,
      }),
    );
    const second = await backend.createMeeting(
      meetingInput({ title: "Hội nghị sơ kết", organisationId: demo?.id ?? null }),
    );
    await backend.issueDocumentNumber(second.id, "giay-moi", null, "2030-02-26");
    await backend.issueDocumentNumber(first.id, "giay-moi", null, "2030-02-25");
    await backend.issueDocumentNumber(first.id, "bien-ban", null, "2030-03-04");
    await backend.issueDocumentNumber(first.id, "thong-bao", null, "2030-03-08");
    await backend.cancelDocumentNumber(first.id, "thong-bao");
    const save = vi.spyOn(backend, "saveRegister");
    const { user } = renderApp(backend, "/settings");

    const panel = await screen.findByTestId("register");
    const rowsOf = () =>
      within(within(panel).getByRole("table"))
        .getAllByRole("row")
        .map((row) => [...row.querySelectorAll("th, td")].map((cell) => cell.textContent));
    const body = within(panel).getByTestId("register-body");
    expect(body).toHaveAccessibleName("Sổ của cơ quan");
    await waitFor(() => expect(body, "the default body's register").toHaveValue(demo?.id));
    await waitFor(() => expect(rowsOf()).toHaveLength(4));
    expect(rowsOf()).toEqual([
      ["Số, ký hiệu", "Ngày", "Tên loại và trích yếu", "Người ký"],
      ["02-GM/BTGTU", "25/02/2030", "Giấy mời – Giao ban quý IV", "Phạm Văn Cường"],
      ["01-GM/BTGTU", "26/02/2030", "Giấy mời – Hội nghị sơ kết", "Phạm Văn Cường"],
      ["01-BB/BTGTU", "04/03/2030", "Biên bản – Giao ban quý IV", "Nguyễn Văn An"],
    ]);
    expect(screen.queryByText("Chưa cấp số cho văn bản nào.")).toBeNull();

    await user.selectOptions(body, state.id);
    await waitFor(() =>
      expect(rowsOf().slice(1)).toEqual([
        ["01/GM-SNV", "05/01/2030", "Giấy mời – Hội nghị cán bộ", "Lê Văn Dũng"],
      ]),
    );
    await user.selectOptions(body, demo?.id ?? "");
    await waitFor(() => expect(rowsOf()).toHaveLength(4));

    backend.savePathChoice = () => null;
    await user.click(screen.getByTestId("register-save"));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.getByTestId("register-save")).toBeEnabled());
    expect(screen.queryByTestId("register-saved"), "cancelled: nothing to say").toBeNull();

    backend.savePathChoice = (name) => `/home/thuky/${name}`;
    await user.click(screen.getByTestId("register-save"));
    expect(await screen.findByTestId("register-saved")).toHaveTextContent(
      /^Đã lưu sổ: so-van-ban-di-\d{4}-\d{2}-\d{2}\.pdf$/,
    );
    expect(save).toHaveBeenLastCalledWith(demo?.id);
    expect(backend.savedRegisters[0]?.entries).toHaveLength(3);
  });

  it("still offers the register of a body that was hidden after numbering documents", async () => {
    const backend = await FakeBackend.withSampleData(0);
    const [demo] = await backend.listOrganisations();
    const gone = await backend.saveOrganisation({
      ...(demo as Organisation),
      id: "",
      name: "UBND PHƯỜNG CŨ",
      abbreviation: "UBND",
      kind: "state",
      signerName: "Lê Văn Dũng",
    });
    const meeting = await backend.createMeeting(
      meetingInput({ title: "Hội nghị cuối cùng", organisationId: gone.id }),
    );
    await backend.issueDocumentNumber(meeting.id, "giay-moi", null, "2025-06-20");
    await backend.deleteMeeting(meeting.id);
    await backend.deleteOrganisation(gone.id);
    const { user } = renderApp(backend, "/settings");

    const panel = await screen.findByTestId("register");
    const group = await within(panel).findByTestId("register-hidden");
    expect(group).toHaveAttribute("label", "Cơ quan đã ẩn (vẫn giữ sổ)");
    expect(within(group).getByRole("option")).toHaveTextContent("UBND PHƯỜNG CŨ");
    await user.selectOptions(within(panel).getByTestId("register-body"), gone.id);
    expect(await within(panel).findByText("01/GM-UBND")).toBeInTheDocument();
  });

  it("shows why the register could not be saved", async () => {
    const backend = await FakeBackend.withSampleData(0);
    vi.spyOn(backend, "saveRegister").mockRejectedValue({
      kind: "io",
      message: "Không ghi được tệp.",
    });
    const { user } = renderApp(backend, "/settings");
    await user.click(await screen.findByTestId("register-save"));
    expect(await within(screen.getByTestId("register")).findByRole("alert")).toHaveTextContent(
      "Không ghi được tệp.",
    );
  });

  it("speaks English when asked", async () => {
    localStorage.setItem("hoinghi.lang", "en");
    const backend = new FakeBackend();
    await backend.saveOrganisation({
      ...blankOrganisation(),
      name: "BAN TUYÊN GIÁO",
      abbreviation: "BTGTU",
      placeName: "Hà Nội",
      kind: "party",
    });
    const { user } = renderApp(backend, "/settings");
    const panel = await screen.findByTestId("register");
    expect(
      within(panel).getByRole("heading", { name: "Register of outgoing documents" }),
    ).toBeInTheDocument();
    expect(
      await within(panel).findByText("No document has been given a number yet."),
    ).toBeVisible();
    expect(screen.getByTestId("register-save")).toHaveTextContent("Save register as PDF…");
    await user.click(await screen.findByTestId("org-edit"));
    const term = within(screen.getByRole("dialog")).getByTestId("org-term-start");
    expect(term).toHaveAccessibleName(/^Start of the committee's term/);
    expect(term).toHaveAccessibleName(
      /Party documents are numbered per type from 01 within each term\. Empty: one run, never restarted\.$/,
    );
  });
});

describe("format options in the fake backend", () => {
  it("refuses table sizes outside each format's range, like the core", async () => {
    const backend = new FakeBackend();
    const settings = await backend.getFormatSettings();
    await expect(
      backend.updateFormatSettings({ ...settings, stateTableFontSize: 15 }),
    ).rejects.toEqual({ kind: "invalid", message: "Cỡ chữ trong bảng phải từ 12 đến 14." });
    await expect(
      backend.updateFormatSettings({ ...settings, partyTableFontSize: 12 }),
    ).rejects.toEqual({ kind: "invalid", message: "Cỡ chữ trong bảng phải từ 13 đến 15." });
    await expect(
      backend.updateFormatSettings({ ...settings, partyToneMarks: "last-vowel" as ToneMarks }),
    ).rejects.toMatchObject({ kind: "invalid" });
    expect(await backend.getFormatSettings(), "nothing saved").toEqual(settings);
  });

  it("gives a setting left out its default, like the core", async () => {
    const backend = new FakeBackend();
    const settings = await backend.getFormatSettings();
    await backend.updateFormatSettings({ ...settings, stateToneMarks: "main-vowel" });
    const { stateToneMarks: _, ...older } = settings;
    expect(await backend.updateFormatSettings(older as FormatSettings)).toEqual(settings);
  });
});

describe("backups and the trash", () => {
  it("backs up on request and restores a backup after a confirmation", async () => {
    const backend = new FakeBackend();
    await backend.createMeeting(meetingInput({ title: "Giao ban quý III" }));
    const { user } = renderApp(backend, "/settings");
    expect(await screen.findByText("Chưa có bản sao lưu nào.")).toBeInTheDocument();
    await user.click(screen.getByTestId("backup-now"));
    expect(await screen.findByTestId("backup-notice")).toHaveTextContent("Đã sao lưu: hoinghi-");
    const list = await screen.findByTestId("backup-list");
    expect(list).toHaveTextContent("Sao lưu thủ công");

    await backend.createMeeting(meetingInput({ title: "Giao ban quý IV" }));
    await user.click(screen.getByRole("button", { name: "Khôi phục" }));
    expect(await screen.findByText(/Thay toàn bộ dữ liệu hiện tại/)).toBeInTheDocument();
    await user.click(screen.getAllByRole("button", { name: "Khôi phục" }).at(-1) as HTMLElement);
    expect(await screen.findByTestId("backup-notice")).toHaveTextContent(
      "Đã khôi phục. Dữ liệu trước đó được giữ trong bản sao lưu",
    );
    expect((await backend.listMeetings()).map((m) => m.meeting.title)).toEqual([
      "Giao ban quý III",
    ]);
    await waitFor(() =>
      expect(screen.getByTestId("backup-list")).toHaveTextContent("Trước khi khôi phục"),
    );
  });

  it("copies every backup to a chosen second folder, and stops when asked", async () => {
    const backend = new FakeBackend();
    backend.folderChoice = "/media/usb/HoiNghi";
    const { user } = renderApp(backend, "/settings");
    expect(await screen.findByTestId("extra-backup-folder")).toHaveTextContent("chưa chọn");
    await user.click(screen.getByTestId("extra-backup-choose"));
    expect(await screen.findByText("/media/usb/HoiNghi")).toBeVisible();
    expect(
      await screen.findByTestId("backup-list"),
      "a backup is made at once, so the choice is proven",
    ).toHaveTextContent("Sao lưu thủ công");
    await user.click(screen.getByTestId("extra-backup-clear"));
    expect(await screen.findByTestId("extra-backup-folder")).toHaveTextContent("chưa chọn");
  });

  it("restores a deleted meeting, and empties the trash only after a confirmation", async () => {
    const backend = new FakeBackend();
    const kept = await backend.createMeeting(meetingInput({ title: "Giao ban quý III" }));
    const gone = await backend.createMeeting(meetingInput({ title: "Họp thử" }));
    await backend.deleteMeeting(kept.id);
    await backend.deleteMeeting(gone.id);
    const { user } = renderApp(backend, "/settings");
    const trash = await screen.findByTestId("trash-list");
    expect(trash).toHaveTextContent("Họp thử");
    const restoreButtons = () =>
      screen.getAllByRole("button", { name: "Khôi phục" }).filter((b) => trash.contains(b));
    await user.click(restoreButtons()[1] as HTMLElement);
    expect(await screen.findByTestId("trash-notice")).toHaveTextContent(
      'Đã khôi phục hội nghị "Giao ban quý III".',
    );

    await user.click(screen.getByTestId("trash-empty"));
    await user.click(await screen.findByRole("button", { name: "Xoá vĩnh viễn" }));
    expect(await screen.findByTestId("trash-notice")).toHaveTextContent("Đã dọn thùng rác.");
    expect(await screen.findByText("Thùng rác trống.")).toBeInTheDocument();
    expect((await backend.listMeetings()).map((m) => m.meeting.title)).toEqual([
      "Giao ban quý III",
    ]);
  });
});
