import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../ipc/fake";
import { meetingInput, renderApp } from "../test/render";

describe("settings", () => {
  it("saves the organisation, converting the signing prefix when the format changes", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/settings`);

    expect(await screen.findByTestId("app-version")).toHaveTextContent("0.0.0-fake");
    await user.type(screen.getByTestId("org-name"), "BAN TUYÊN GIÁO THÀNH UỶ");
    await user.type(screen.getByTestId("org-signing-prefix"), "T/M");
    await user.click(screen.getByTestId("org-save"));
    expect(
      await screen.findByRole("alert"),
      "an HD36 prefix under the ND30 profile is refused by the backend",
    ).toHaveTextContent("không đúng thể thức");

    await user.selectOptions(screen.getByTestId("org-profile"), "hd36");
    expect(screen.getByTestId("org-signing-prefix")).toHaveValue("T/M");
    await user.click(screen.getByTestId("org-save"));
    expect(await screen.findByText("Đã lưu.")).toBeInTheDocument();
    expect(await backend.getOrganisation()).toMatchObject({
      name: "BAN TUYÊN GIÁO THÀNH UỶ",
      profile: "hd36",
      signingPrefix: "T/M",
    });

    await user.selectOptions(screen.getByTestId("org-profile"), "nd30");
    expect(screen.getByTestId("org-signing-prefix"), "T/M is written TM. under ND30").toHaveValue(
      "TM.",
    );
  });
});
