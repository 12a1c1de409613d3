import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";

describe("closing and reopening a meeting", () => {
  it("locks the records, says so on every tab, and reopens only with a reason that is kept", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput({ status: "inSession" }));
    const { user } = renderApp(backend, `/meetings/${meeting.id}/info`);

    await user.click(await screen.findByTestId("meeting-close"));
    const confirm = await screen.findByRole("dialog");
    await user.click(
      within(confirm).getByRole("button", { name: "Kết thúc hội nghị và khoá hồ sơ" }),
    );
    await waitFor(async () => expect((await backend.getMeeting(meeting.id)).status).toBe("closed"));
    expect(await screen.findByTestId("meeting-history")).toHaveTextContent(
      "kết thúc hội nghị, khoá hồ sơ",
    );
    // The details cannot be edited while closed.
    expect(screen.getByTestId("meeting-title")).toBeDisabled();
    // The store refuses changes; the other tabs say why.
    await expect(
      backend.addTask(meeting.id, { text: "Việc", assignee: "", deadline: null }),
    ).rejects.toMatchObject({ kind: "meetingClosed" });
    await user.click(screen.getByTestId("tab-minutes"));
    expect(await screen.findByTestId("locked-banner")).toHaveTextContent(
      "danh sách, điểm danh, chương trình và biên bản đã được khoá",
    );
    await user.click(within(screen.getByTestId("locked-banner")).getByRole("button"));

    await user.click(await screen.findByTestId("meeting-reopen"));
    const save = await screen.findByTestId("meeting-reopen-save");
    expect(save, "no reason, no reopening").toBeDisabled();
    await user.type(screen.getByTestId("meeting-reopen-reason"), "Bổ sung ý kiến");
    await user.click(save);
    await waitFor(async () =>
      expect((await backend.getMeeting(meeting.id)).status).toBe("inSession"),
    );
    await waitFor(() =>
      expect(screen.getByTestId("meeting-history")).toHaveTextContent("mở lại — Bổ sung ý kiến"),
    );
    expect(screen.queryByTestId("locked-banner")).toBeNull();
    expect(screen.getByTestId("meeting-title")).toBeEnabled();
    await backend.addTask(meeting.id, { text: "Việc", assignee: "", deadline: null });
  });
});
