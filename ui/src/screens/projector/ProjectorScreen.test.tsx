import { render, screen, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { I18nProvider } from "../../i18n";
import { BackendProvider } from "../../ipc";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput } from "../../test/render";
import { ProjectorScreen } from "./ProjectorScreen";

describe("the projector window", () => {
  it("shows the agenda and the item under way, and follows the main window's changes", async () => {
    const backend = new FakeBackend({ now: () => new Date(2030, 2, 4, 8, 5) });
    const meeting = await backend.createMeeting(meetingInput({ title: "Giao ban quý I" }));
    const item = (title: string, presenter: string) => ({
      title,
      presenter,
      durationMinutes: 15,
      fixedStart: null,
      notes: "",
    });
    await backend.addAgendaItem(meeting.id, item("Khai mạc", "Văn phòng"));
    const agenda = await backend.addAgendaItem(meeting.id, item("Báo cáo quý I", "Phó Trưởng ban"));
    const person = { positionTitle: "", unit: "", section: "", rank: 0, phone: "", email: "" };
    await backend.addParticipant(meeting.id, { ...person, fullName: "Nguyễn Văn An" });
    const list = await backend.addParticipant(meeting.id, { ...person, fullName: "Trần Thị Bình" });

    render(
      <BackendProvider backend={backend}>
        <I18nProvider>
          <ProjectorScreen meetingId={meeting.id} />
        </I18nProvider>
      </BackendProvider>,
    );
    expect(await screen.findByTestId("projector-title")).toHaveTextContent("Giao ban quý I");
    expect(screen.getByTestId("projector-current")).toHaveTextContent("Hội nghị chưa bắt đầu");
    expect(screen.getByTestId("projector-agenda")).toHaveTextContent(
      "08:00Khai mạc — Văn phòng08:15Báo cáo quý I — Phó Trưởng ban",
    );
    expect(screen.getByTestId("projector-count")).toHaveTextContent("Có mặt 0/2 đại biểu");
    // No controls: nothing on the hall screen can be clicked or typed into.
    expect(screen.queryAllByRole("button")).toHaveLength(0);
    expect(screen.queryAllByRole("textbox")).toHaveLength(0);

    // The secretary starts the second item and checks someone in.
    await backend.startAgendaItem(agenda[1]?.id ?? "", "2030-03-04T08:05");
    await backend.checkIn(meeting.id, list[0]?.person.id ?? "");
    await waitFor(
      () =>
        expect(screen.getByTestId("projector-current")).toHaveTextContent(
          "Đang diễn raBáo cáo quý I — Phó Trưởng ban",
        ),
      { timeout: 3000 },
    );
    expect(screen.getByTestId("projector-count")).toHaveTextContent("Có mặt 1/2 đại biểu");
    const current = screen.getByTestId("projector-agenda").querySelector("[aria-current]");
    expect(current).toHaveTextContent("Báo cáo quý I");
  });
});
