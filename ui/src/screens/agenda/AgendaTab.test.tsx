import { screen, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";

async function addItem(user: UserEvent, title: string, minutes: number) {
  await user.click(screen.getByTestId("agenda-add"));
  const dialog = screen.getByRole("dialog");
  await user.type(within(dialog).getByTestId("agenda-title"), title);
  const duration = within(dialog).getByTestId("agenda-duration");
  await user.clear(duration);
  await user.type(duration, `${minutes}{Enter}`);
  await screen.findByText(new RegExp(title));
}

function rowTexts() {
  return screen.getAllByTestId("agenda-row").map((row) => ({
    time: within(row).getByTestId("agenda-time").textContent,
    text: row.textContent ?? "",
  }));
}

describe("agenda", () => {
  it("shows the times the backend computes and reorders with the move buttons", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/agenda`);
    expect(await screen.findByText("Chương trình chưa có nội dung nào.")).toBeInTheDocument();

    await addItem(user, "Khai mạc", 15);
    await addItem(user, "Báo cáo tình hình", 45);
    await addItem(user, "Thảo luận", 60);

    expect(rowTexts().map((r) => r.time)).toEqual(["08:00–08:15", "08:15–09:00", "09:00–10:00"]);
    expect(screen.getByTestId("agenda-total")).toHaveTextContent("120 phút");

    const first = screen.getAllByTestId("agenda-row")[0];
    if (!first) throw new Error("a first row exists");
    const down = within(first).getByTestId("agenda-move-down");
    await user.click(down);

    const after = rowTexts();
    expect(after[0]?.text, "the second item is now first").toContain("Báo cáo tình hình");
    expect(after[1]?.text).toContain("Khai mạc");
    expect(
      after.map((r) => r.time),
      "times are recomputed for the new order",
    ).toEqual(["08:00–08:45", "08:45–09:00", "09:00–10:00"]);
    expect(
      (await backend.listAgenda(meeting.id)).map((i) => i.title),
      "the new order is stored",
    ).toEqual(["Báo cáo tình hình", "Khai mạc", "Thảo luận"]);
    expect(
      document.activeElement,
      "focus stays with the moved item so it can be moved again by keyboard",
    ).toHaveAttribute("data-focus-key", expect.stringMatching(/-down$/));

    await user.keyboard("{Enter}");
    expect(rowTexts().map((r) => r.text.includes("Khai mạc"))).toEqual([false, false, true]);
  });

  it("rejects an invalid duration without calling the backend and shows backend errors", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/agenda`);
    await user.click(await screen.findByTestId("agenda-add"));
    const dialog = screen.getByRole("dialog");
    await user.click(within(dialog).getByTestId("agenda-save"));
    expect(await within(dialog).findByRole("alert")).toHaveTextContent(
      "Tên nội dung không được để trống.",
    );
    await user.type(within(dialog).getByTestId("agenda-title"), "Bế mạc");
    await user.clear(within(dialog).getByTestId("agenda-duration"));
    await user.click(within(dialog).getByTestId("agenda-save"));
    expect(within(dialog).getByRole("alert")).toHaveTextContent("số phút nguyên dương");
    expect(await backend.listAgenda(meeting.id)).toHaveLength(0);
  });

  it("takes a fixed start typed as 24-hour giờ:phút and refuses one that is not", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    const { user } = renderApp(backend, `/meetings/${meeting.id}/agenda`);
    await user.click(await screen.findByTestId("agenda-add"));
    const dialog = screen.getByRole("dialog");
    await user.type(within(dialog).getByTestId("agenda-title"), "Thảo luận buổi chiều");
    const fixed = within(dialog).getByTestId("agenda-fixed-start");
    expect(fixed).toHaveAttribute("type", "text");
    expect(fixed).toHaveAttribute("placeholder", "hh:mm");

    await user.type(fixed, "25:00");
    await user.click(within(dialog).getByTestId("agenda-save"));
    expect(within(dialog).getByRole("alert")).toHaveTextContent(
      "Giờ không hợp lệ, nhập dạng giờ:phút (24 giờ), ví dụ 08:05 hoặc 14:30.",
    );
    expect(fixed).toHaveValue("25:00");
    expect(await backend.listAgenda(meeting.id), "nothing saved without the time").toHaveLength(0);

    await user.clear(fixed);
    await user.type(fixed, "13h30");
    await user.click(within(dialog).getByTestId("agenda-save"));
    await screen.findByText(/Thảo luận buổi chiều/);
    const [item] = await backend.listAgenda(meeting.id);
    expect(item?.fixedStart).toBe("13:30");
  });

  it("warns when the agenda runs past midnight", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(
      meetingInput({ startsAt: "2030-03-04T22:30", endsAt: "2030-03-04T23:59" }),
    );
    const { user } = renderApp(backend, `/meetings/${meeting.id}/agenda`);
    await screen.findByText("Chương trình chưa có nội dung nào.");
    await addItem(user, "Tổng kết", 60);
    expect(screen.queryByTestId("agenda-past-midnight")).not.toBeInTheDocument();

    await user.click(screen.getByTestId("agenda-add"));
    const dialog = screen.getByRole("dialog");
    await user.type(within(dialog).getByTestId("agenda-title"), "Bế mạc");
    await user.clear(within(dialog).getByTestId("agenda-duration"));
    await user.type(within(dialog).getByTestId("agenda-duration"), "45{Enter}");
    expect(await screen.findByTestId("agenda-past-midnight")).toHaveTextContent(
      "mục “Bế mạc” kết thúc lúc 00:15 ngày hôm sau",
    );
    expect(rowTexts()[1]?.time).toBe("23:30–00:15+1 ngày");
  });
});
