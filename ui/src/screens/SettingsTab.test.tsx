import { screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../ipc/fake";
import { meetingInput, renderApp } from "../test/render";
import { convertPrefix } from "./SettingsTab";

describe("settings", () => {
  it("saves the organisation, converting the signing line when the format changes", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/settings`);

    expect(await screen.findByTestId("app-version")).toHaveTextContent("0.0.0-fake");
    await user.type(screen.getByTestId("org-name"), "BAN TUYÊN GIÁO THÀNH UỶ");
    await user.type(screen.getByTestId("org-signing-prefix"), "KT. TRƯỞNG BAN");
    await user.click(screen.getByTestId("org-save"));
    expect(
      await screen.findByRole("alert"),
      "the backend refuses a missing abbreviation",
    ).toHaveTextContent("Chữ viết tắt không được để trống.");

    await user.type(screen.getByLabelText(/^Chữ viết tắt/), "BTGTU");
    await user.type(screen.getByLabelText(/^Địa danh/), "Hà Nội");
    const fullName = screen.getByTestId("org-full-name");
    expect(fullName).toHaveAccessibleName(/^Tên cơ quan \(dùng trong nội dung văn bản\)/);
    expect(fullName).toHaveAttribute("placeholder", "Ban Tuyên giáo Thành uỷ Hà Nội");
    await user.type(fullName, "  Ban Tuyên giáo Thành uỷ Hà Nội ");

    await user.selectOptions(screen.getByTestId("org-profile"), "hd36");
    expect(
      screen.getByTestId("org-signing-prefix"),
      "only the leading prefix is rewritten",
    ).toHaveValue("K/T TRƯỞNG BAN");
    await user.click(screen.getByTestId("org-save"));
    expect(await screen.findByText("Đã lưu.")).toBeInTheDocument();
    expect(await backend.getOrganisation()).toMatchObject({
      name: "BAN TUYÊN GIÁO THÀNH UỶ",
      fullName: "Ban Tuyên giáo Thành uỷ Hà Nội",
      profile: "hd36",
      signingPrefix: "K/T TRƯỞNG BAN",
    });
    expect(fullName, "the form shows what was saved, trimmed").toHaveValue(
      "Ban Tuyên giáo Thành uỷ Hà Nội",
    );

    await user.selectOptions(screen.getByTestId("org-profile"), "nd30");
    expect(screen.getByTestId("org-signing-prefix"), "K/T is written KT. under ND30").toHaveValue(
      "KT. TRƯỞNG BAN",
    );
  });

  it("shows the saved full name when the screen opens again", async () => {
    const backend = await FakeBackend.withSampleData(3);
    const [summary] = await backend.listMeetings();
    renderApp(backend, `/meetings/${summary?.meeting.id}/settings`);
    expect(await screen.findByTestId("org-full-name")).toHaveValue(
      "Ban Tuyên giáo Thành uỷ Hà Nội",
    );
  });
});

describe("convertPrefix", () => {
  it("rewrites only the leading authority prefix of the line", () => {
    expect(convertPrefix("TM. ỦY BAN NHÂN DÂN", "hd36")).toBe("T/M ỦY BAN NHÂN DÂN");
    expect(convertPrefix("T/M BAN THƯỜNG VỤ", "nd30")).toBe("TM. BAN THƯỜNG VỤ");
    expect(convertPrefix("KT. TRƯỞNG BAN", "hd36")).toBe("K/T TRƯỞNG BAN");
    expect(convertPrefix("T/L TRƯỞNG BAN", "nd30")).toBe("TL. TRƯỞNG BAN");
    expect(convertPrefix("TL.CHÁNH VĂN PHÒNG", "hd36"), "a missing space is added").toBe(
      "T/L CHÁNH VĂN PHÒNG",
    );
    expect(convertPrefix("kt. trưởng ban", "hd36"), "typed in lower case").toBe("K/T trưởng ban");
    expect(convertPrefix("TM.", "hd36")).toBe("T/M");
    expect(convertPrefix("K/T", "nd30")).toBe("KT.");
  });

  it("leaves lines without a prefix, or already in the target's spelling, alone", () => {
    expect(convertPrefix("", "hd36")).toBe("");
    expect(convertPrefix("TRƯỞNG BAN", "hd36")).toBe("TRƯỞNG BAN");
    expect(convertPrefix("T/M BAN THƯỜNG VỤ", "hd36")).toBe("T/M BAN THƯỜNG VỤ");
    expect(convertPrefix("KT. TRƯỞNG BAN", "nd30")).toBe("KT. TRƯỞNG BAN");
    expect(convertPrefix("TMXYZ", "hd36")).toBe("TMXYZ");
    expect(convertPrefix("T/MX", "nd30"), "not a prefix followed by a letter").toBe("T/MX");
  });
});

describe("document typeface", () => {
  it("offers Times New Roman only when it is installed, and saves the choice", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const first = renderApp(backend, `/meetings/${meeting.id}/settings`);
    const times = await screen.findByTestId("document-font-timesNewRoman");
    expect(times, "not installed here").toBeDisabled();
    expect(screen.getByTestId("document-font-liberationSerif")).toBeChecked();
    first.unmount();

    backend.fontSettings = { font: "liberationSerif", timesNewRomanAvailable: true };
    const { user } = renderApp(backend, `/meetings/${meeting.id}/settings`);
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
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/settings`);
    const ending = await screen.findByTestId("format-party-ending");
    expect(ending).toHaveValue("./.");
    expect(screen.getByTestId("format-party-invitation")).toHaveValue("GM");

    await user.selectOptions(ending, ".");
    await user.selectOptions(screen.getByTestId("format-table-size"), "14");
    await user.click(screen.getByTestId("format-save"));
    await waitFor(async () =>
      expect(await backend.getFormatSettings()).toEqual({
        partyEnding: ".",
        partyInvitationAbbreviation: "GM",
        tableFontSize: 14,
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
});
