import { act, fireEvent, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { notifyDataChanged } from "../../components/dataChanged";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";

/** Another laptop's change, merged into this one: the shell then emits `hoinghi:synced`. */
function synced(meetingId: string) {
  act(() => notifyDataChanged(meetingId));
}

describe("another laptop's changes, as they arrive", () => {
  it("show in the details form when nothing is typed there; typed text stays and is not saved over them", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput({ title: "Giao ban tháng 3" }));
    const { user } = renderApp(backend, `/meetings/${meeting.id}/info`);
    const title = await screen.findByTestId("meeting-title");
    const form = title.closest("form");

    const v2 = await backend.updateMeeting(
      meeting.id,
      meeting.updatedAt,
      meetingInput({ title: "Giao ban tháng 3 (sửa ở máy khác)" }),
    );
    synced(meeting.id);
    await waitFor(() => expect(title).toHaveValue("Giao ban tháng 3 (sửa ở máy khác)"));
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("(sửa ở máy khác)");
    expect(title.closest("form"), "the form was not remounted").toBe(form);

    await user.clear(title);
    await user.type(title, "Tên đang gõ");
    await backend.updateMeeting(meeting.id, v2.updatedAt, meetingInput({ venue: "Hội trường B" }));
    synced(meeting.id);
    expect(await screen.findByText(/Hội trường B/), "the header shows it").toBeInTheDocument();
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent(/^Giao ban tháng 3$/);
    expect(title, "what is typed stays").toHaveValue("Tên đang gõ");

    await user.click(screen.getByTestId("meeting-save"));
    expect(await screen.findByRole("alert")).toHaveTextContent("vừa được sửa ở nơi khác");
    expect(title).toHaveValue("Tên đang gõ");
    expect(await backend.getMeeting(meeting.id), "the other laptop's change stands").toMatchObject({
      title: "Giao ban tháng 3",
      venue: "Hội trường B",
    });
  });

  it("show in the minutes while the editor keeps what is being written", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    renderApp(backend, `/meetings/${meeting.id}/minutes`);
    const text = await screen.findByTestId("minutes-text");
    fireEvent.change(text, { target: { value: "Ý kiến đang ghi" } });

    await backend.addMinutesEntry(meeting.id, {
      agendaItemId: null,
      speakerName: "Đ/c Lan",
      speakerTitle: "",
      spokenAt: null,
      kind: "speech",
      text: "Ghi ở máy khác",
    });
    synced(meeting.id);
    expect(await screen.findByText("Ghi ở máy khác")).toBeInTheDocument();
    expect(screen.getByTestId("minutes-text")).toBe(text);
    expect(text).toHaveValue("Ý kiến đang ghi");
  });
});
