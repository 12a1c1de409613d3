import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../../i18n";
import { BackendProvider } from "../../ipc";
import type { Meeting, Participant } from "../../ipc/bindings";
import { FakeBackend } from "../../ipc/fake";
import { meetingInput, renderApp } from "../../test/render";
import { CheckInMode } from "./CheckInMode";

const PEOPLE: [string, string, string][] = [
  ["Nguyễn Văn Tuấn", "Phó Trưởng ban", "Quận uỷ Ba Đình"],
  ["Nguyễn Văn Tuân", "Chuyên viên", "Văn phòng"],
  ["Trần Thị Bình", "Chánh Văn phòng", "Văn phòng"],
  ["Lê Minh Châu", "Trưởng phòng", "Phòng Tuyên truyền"],
  ["Nguyễn Thị Hoa", "Bí thư", "Quận uỷ Đống Đa"],
];

/** A meeting at 08:00 with five delegates; the wall clock stands at 07:55 until a test moves it. */
async function setUp() {
  const wall = { now: new Date(2030, 2, 4, 7, 55) };
  const backend = new FakeBackend({ now: () => wall.now });
  const meeting = await backend.createMeeting(meetingInput());
  for (const [rank, [fullName, positionTitle, unit]] of PEOPLE.entries()) {
    await backend.addParticipant(meeting.id, {
      fullName,
      positionTitle,
      unit,
      section: "",
      rank,
      phone: "",
      email: "",
    });
  }
  const people = await backend.listParticipants(meeting.id);
  const byName = (name: string) => {
    const found = people.find((p) => p.person.fullName === name);
    if (!found) throw new Error(`no ${name}`);
    return found;
  };
  return { backend, meeting, wall, byName };
}

/**
 * Renders the mode on its own, keystrokes timed by a clock the test sets:
 * 200 ms a key is a person typing, 5 ms a scanner.
 */
function renderMode(backend: FakeBackend, meeting: Meeting) {
  const keys = { gap: 200 };
  let time = 0;
  const clock = () => {
    time += keys.gap;
    return time;
  };
  const onClose = vi.fn();
  const user = userEvent.setup();
  render(
    <BackendProvider backend={backend}>
      <I18nProvider>
        <CheckInMode meeting={meeting} onClose={onClose} clock={clock} />
      </I18nProvider>
    </BackendProvider>,
  );
  const box = screen.getByTestId("checkin-search");
  return { user, onClose, keys, box };
}

const counts = () => screen.getByTestId("checkin-counts");
const confirmation = () => screen.getByTestId("checkin-confirm");
const results = () => screen.getAllByTestId("checkin-result");

async function findResults(first: string) {
  await waitFor(() => expect(results()[0]).toHaveTextContent(first));
  return results();
}

async function stateOf(backend: FakeBackend, meeting: Meeting, person: Participant) {
  const list = await backend.listParticipants(meeting.id);
  return list.find((p) => p.person.id === person.person.id);
}

describe("check-in mode", () => {
  it("counts each group as well as the whole meeting", async () => {
    const backend = new FakeBackend({ now: () => new Date(2030, 2, 4, 7, 55) });
    const meeting = await backend.createMeeting(meetingInput());
    const people: [string, string][] = [
      ["Nguyễn Văn Tuấn", "Quận, huyện uỷ"],
      ["Nguyễn Thị Hoa", "Quận, huyện uỷ"],
      ["Trần Thị Bình", "Các phòng"],
      ["Lê Minh Châu", ""],
    ];
    for (const [rank, [fullName, section]] of people.entries()) {
      const person = { fullName, positionTitle: "", unit: "", section, rank, phone: "", email: "" };
      await backend.addParticipant(meeting.id, person);
    }
    const { user } = renderMode(backend, meeting);
    const sections = () => screen.getByTestId("checkin-sections");
    await waitFor(() =>
      expect(sections()).toHaveTextContent("Quận, huyện uỷ: 0/2Các phòng: 0/1Chưa xếp nhóm: 0/1"),
    );
    await user.keyboard("hoa{Enter}");
    await waitFor(() =>
      expect(sections()).toHaveTextContent("Quận, huyện uỷ: 1/2Các phòng: 0/1Chưa xếp nhóm: 0/1"),
    );
  });

  it("finds people as they are typed and checks in the first with Enter", async () => {
    const { backend, meeting } = await setUp();
    const { user, box } = renderMode(backend, meeting);
    expect(box, "the box has the focus from the start").toHaveFocus();
    expect(box).toHaveAttribute("placeholder", "Gõ tên, mã hoặc đơn vị — Enter để điểm danh");
    await waitFor(() =>
      expect(counts()).toHaveTextContent(
        "Có mặt 0/5 (trong đó đến muộn 0) · Vắng có lý do 0 · Vắng 0 · Chưa đến 5",
      ),
    );

    await user.keyboard("nguyen van");
    const rows = await findResults("Nguyễn Văn Tuấn");
    expect(rows.map((r) => r.querySelector(".checkin-result-name")?.textContent)).toEqual([
      "Nguyễn Văn Tuấn",
      "Nguyễn Văn Tuân",
    ]);
    expect(rows[0]).toHaveTextContent("Phó Trưởng ban, Quận uỷ Ba Đình");
    expect(rows[0]).toHaveTextContent("Chưa điểm danh");
    expect(rows[0], "the first is highlighted").toHaveAttribute("aria-selected", "true");
    expect(rows[1]).toHaveAttribute("aria-selected", "false");

    await user.keyboard("{Enter}");
    await waitFor(() => expect(confirmation()).toHaveAttribute("data-kind", "done"));
    expect(confirmation()).toHaveTextContent(
      "✓ Nguyễn Văn Tuấn" + "Phó Trưởng ban, Quận uỷ Ba Đình — có mặt lúc 07:55",
    );
    expect(counts()).toHaveTextContent(
      "Có mặt 1/5 (trong đó đến muộn 0) · Vắng có lý do 0 · Vắng 0 · Chưa đến 4",
    );
    const recent = screen.getAllByTestId("checkin-recent");
    expect(recent).toHaveLength(1);
    expect(recent[0]).toHaveTextContent("07:55");
    expect(recent[0]).toHaveTextContent("Nguyễn Văn Tuấn");
    expect(box, "the box is cleared for the next delegate").toHaveValue("");
    expect(box).toHaveFocus();
    expect(screen.queryAllByTestId("checkin-result")).toHaveLength(0);
  });

  it("moves the highlight with the arrow keys and checks in the one highlighted", async () => {
    const { backend, meeting, wall, byName } = await setUp();
    // Ten minutes after the start: an arrival now is late.
    wall.now = new Date(2030, 2, 4, 8, 10);
    const checkIn = vi.spyOn(backend, "checkIn");
    const { user } = renderMode(backend, meeting);

    await user.keyboard("nguyen van");
    await findResults("Nguyễn Văn Tuấn");
    await user.keyboard("{ArrowDown}");
    expect(results()[1]).toHaveAttribute("aria-selected", "true");
    await user.keyboard("{ArrowDown}{ArrowDown}");
    expect(results()[1], "the highlight stops at the last").toHaveAttribute(
      "aria-selected",
      "true",
    );
    await user.keyboard("{ArrowUp}{ArrowUp}{ArrowDown}{Enter}");

    await waitFor(() => expect(confirmation()).toHaveTextContent("Nguyễn Văn Tuân"));
    expect(checkIn).toHaveBeenCalledWith(meeting.id, byName("Nguyễn Văn Tuân").person.id);
    expect(confirmation()).toHaveTextContent("có mặt lúc 08:10 (đến muộn)");
    expect(counts()).toHaveTextContent("Có mặt 1/5 (trong đó đến muộn 1)");
    expect((await stateOf(backend, meeting, byName("Nguyễn Văn Tuân")))?.state).toBe("late");
  });

  it("checks in with a click on a result too", async () => {
    const { backend, meeting } = await setUp();
    const { user, box } = renderMode(backend, meeting);
    await user.keyboard("binh");
    const [row] = await findResults("Trần Thị Bình");
    if (!row) throw new Error("no row");
    await user.click(row);
    await waitFor(() => expect(confirmation()).toHaveTextContent("✓ Trần Thị Bình"));
    expect(box).toHaveFocus();
  });

  it("says so when someone checks in twice, and records nothing", async () => {
    const { backend, meeting, wall, byName } = await setUp();
    const { user, box } = renderMode(backend, meeting);
    await user.keyboard("tuấn");
    await findResults("Nguyễn Văn Tuấn");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(confirmation()).toHaveAttribute("data-kind", "done"));

    wall.now = new Date(2030, 2, 4, 7, 58);
    await user.keyboard("tuấn");
    const [row] = await findResults("Nguyễn Văn Tuấn");
    expect(row, "found, and marked as in").toHaveTextContent("Đã điểm danh lúc 07:55");
    expect(row).toHaveTextContent("Có mặt");
    await user.keyboard("{Enter}");

    await waitFor(() => expect(confirmation()).toHaveAttribute("data-kind", "already"));
    expect(confirmation()).toHaveTextContent(
      "Nguyễn Văn Tuấn đã điểm danh lúc 07:55 — giữ nguyên giờ đến.",
    );
    expect(counts()).toHaveTextContent("Có mặt 1/5");
    expect(box).toHaveValue("");
    const log = await backend.attendanceLog(meeting.id, byName("Nguyễn Văn Tuấn").person.id);
    expect(
      log.map((e) => e.kind),
      "one arrival only",
    ).toEqual(["invited", "arrived"]);
    const recent = screen.getAllByTestId("checkin-recent");
    expect(recent).toHaveLength(2);
    expect(recent[0]).toHaveTextContent("đã điểm danh từ trước");
    expect(
      screen.getAllByTestId("checkin-undo"),
      "only the check-in that recorded something can be undone",
    ).toHaveLength(1);
    expect(within(recent[1] as HTMLElement).getByTestId("checkin-undo")).toBeInTheDocument();
  });

  it("undoes a check-in: the arrival is cleared and the counts go back", async () => {
    const { backend, meeting, byName } = await setUp();
    const record = vi.spyOn(backend, "recordAttendance");
    const { user, box } = renderMode(backend, meeting);
    await user.keyboard("chau");
    await findResults("Lê Minh Châu");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(counts()).toHaveTextContent("Có mặt 1/5"));

    await user.click(screen.getByTestId("checkin-undo"));
    await waitFor(() =>
      expect(counts()).toHaveTextContent(
        "Có mặt 0/5 (trong đó đến muộn 0) · Vắng có lý do 0 · Vắng 0 · Chưa đến 5",
      ),
    );
    const châu = byName("Lê Minh Châu").person.id;
    expect(record).toHaveBeenCalledWith(meeting.id, châu, "cleared", "", null);
    expect(confirmation()).toHaveTextContent("Đã hoàn tác điểm danh của Lê Minh Châu.");
    const log = await backend.attendanceLog(meeting.id, châu);
    expect(
      log.map((e) => e.kind),
      "the history keeps both",
    ).toEqual(["invited", "arrived", "cleared"]);
    expect(screen.getByTestId("checkin-recent")).toHaveTextContent("đã hoàn tác");
    expect(screen.queryByTestId("checkin-undo")).not.toBeInTheDocument();
    expect(box, "back in the box after the click").toHaveFocus();

    // Checked in again, the person is in once more.
    await user.keyboard("chau");
    await findResults("Lê Minh Châu");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(counts()).toHaveTextContent("Có mặt 1/5"));
    expect(confirmation()).toHaveAttribute("data-kind", "done");
  });

  it("gives back an excused absence when a wrong check-in is undone", async () => {
    const { backend, meeting, byName } = await setUp();
    const hoa = byName("Nguyễn Thị Hoa");
    await backend.recordAttendance(meeting.id, hoa.person.id, "absent", "Đi công tác", null);
    const { user } = renderMode(backend, meeting);
    await waitFor(() => expect(counts()).toHaveTextContent("Vắng có lý do 1"));

    await user.keyboard("nth");
    await findResults("Nguyễn Thị Hoa");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(counts()).toHaveTextContent("Có mặt 1/5"));
    expect(counts()).toHaveTextContent("Vắng có lý do 0");

    await user.click(screen.getByTestId("checkin-undo"));
    await waitFor(() =>
      expect(counts()).toHaveTextContent(
        "Có mặt 0/5 (trong đó đến muộn 0) · Vắng có lý do 1 · Vắng 0 · Chưa đến 4",
      ),
    );
    expect(await stateOf(backend, meeting, hoa)).toMatchObject({
      state: "absentExcused",
      absenceReason: "Đi công tác",
    });
  });

  it("checks in by code when a scanner types it, whatever is highlighted", async () => {
    const { backend, meeting, byName } = await setUp();
    const byCode = vi.spyOn(backend, "checkInCode");
    const { user, keys, box } = renderMode(backend, meeting);
    const hoa = byName("Nguyễn Thị Hoa");
    const code = hoa.person.checkinCode;

    keys.gap = 5;
    await user.keyboard(`${code.toLowerCase()}{Enter}`);
    await waitFor(() => expect(confirmation()).toHaveTextContent("✓ Nguyễn Thị Hoa"));
    expect(byCode).toHaveBeenCalledWith(meeting.id, code.toLowerCase());
    expect(box).toHaveValue("");
    expect(counts()).toHaveTextContent("Có mặt 1/5");

    // The next scan straight after.
    const châu = byName("Lê Minh Châu").person.checkinCode;
    await user.keyboard(`${châu}{Enter}`);
    await waitFor(() => expect(confirmation()).toHaveTextContent("✓ Lê Minh Châu"));
    expect(byCode).toHaveBeenLastCalledWith(meeting.id, châu);
    expect(screen.getAllByTestId("checkin-recent")).toHaveLength(2);
  });

  it("checks in the person whose code was typed in full, even slowly", async () => {
    const { backend, meeting, byName } = await setUp();
    const checkIn = vi.spyOn(backend, "checkIn");
    const byCode = vi.spyOn(backend, "checkInCode");
    const { user } = renderMode(backend, meeting);
    const bình = byName("Trần Thị Bình");

    await user.keyboard(bình.person.checkinCode.toLowerCase());
    await findResults("Trần Thị Bình");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(confirmation()).toHaveTextContent("✓ Trần Thị Bình"));
    expect(byCode, "typed slowly, it goes through the search").not.toHaveBeenCalled();
    expect(checkIn).toHaveBeenCalledWith(meeting.id, bình.person.id);
  });

  it("shows the core's message for a code no one has", async () => {
    const { backend, meeting } = await setUp();
    const { user, keys, box } = renderMode(backend, meeting);
    keys.gap = 5;
    await user.keyboard("HN999999{Enter}");

    await waitFor(() => expect(confirmation()).toHaveAttribute("data-kind", "error"));
    expect(confirmation()).toHaveAttribute("role", "alert");
    expect(confirmation()).toHaveTextContent(
      'Mã "HN999999" không có trong danh sách hội nghị này.',
    );
    expect(counts()).toHaveTextContent("Có mặt 0/5");
    expect(screen.queryByTestId("checkin-recent")).not.toBeInTheDocument();
    expect(box).toHaveValue("");
    expect(box).toHaveFocus();
  });

  it("says when nobody matches, and Enter then does nothing", async () => {
    const { backend, meeting } = await setUp();
    const checkIn = vi.spyOn(backend, "checkIn");
    const { user, box } = renderMode(backend, meeting);
    await user.keyboard("xyzzy");
    expect(
      await screen.findByText("Không có ai trong danh sách khớp với “xyzzy”."),
    ).toBeInTheDocument();
    await user.keyboard("{Enter}");
    expect(checkIn).not.toHaveBeenCalled();
    expect(box, "what was typed stays, to be corrected").toHaveValue("xyzzy");
  });

  it("shows only the answer to the latest query", async () => {
    const { backend, meeting } = await setUp();
    const search = backend.searchParticipants.bind(backend);
    let releaseFirst: () => void = () => {};
    vi.spyOn(backend, "searchParticipants").mockImplementation(async (id, query, limit) => {
      const found = await search(id, query, limit);
      if (query === "nguyen") {
        await new Promise<void>((resolve) => {
          releaseFirst = resolve;
        });
      }
      return found;
    });
    const { user } = renderMode(backend, meeting);

    await user.keyboard("nguyen");
    await waitFor(() => expect(backend.searchParticipants).toHaveBeenCalledTimes(1));
    await user.keyboard(" thi");
    await findResults("Nguyễn Thị Hoa");
    await act(async () => releaseFirst());
    expect(results(), "the slow answer for “nguyen” is dropped").toHaveLength(1);
    expect(results()[0]).toHaveTextContent("Nguyễn Thị Hoa");
  });

  it("checks in with Enter before the search has answered", async () => {
    const { backend, meeting } = await setUp();
    const { user } = renderMode(backend, meeting);
    await user.keyboard("le minh{Enter}");
    await waitFor(() => expect(confirmation()).toHaveTextContent("✓ Lê Minh Châu"));
  });

  it("clears the box with Esc, and leaves with a second Esc", async () => {
    const { backend, meeting } = await setUp();
    const { user, onClose, box } = renderMode(backend, meeting);
    await user.keyboard("ngu");
    await findResults("Nguyễn Văn Tuấn");
    await user.keyboard("{Escape}");
    expect(box).toHaveValue("");
    expect(screen.queryAllByTestId("checkin-result")).toHaveLength(0);
    expect(onClose).not.toHaveBeenCalled();
    await user.keyboard("{Escape}");
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it("takes the focus back when the window comes back", async () => {
    const { backend, meeting } = await setUp();
    const { box } = renderMode(backend, meeting);
    box.blur();
    expect(box).not.toHaveFocus();
    act(() => {
      window.dispatchEvent(new FocusEvent("focus"));
    });
    expect(box).toHaveFocus();
  });
});

describe("check-in mode on the Đại biểu tab", () => {
  it("opens from the toolbar, and the list shows the check-ins once it is left", async () => {
    const { backend, meeting, byName } = await setUp();
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await screen.findAllByTestId("participant-row");
    expect(screen.getByTestId("count-present")).toHaveTextContent("0");

    await user.click(screen.getByTestId("checkin-open"));
    const box = screen.getByTestId("checkin-search");
    expect(box).toHaveFocus();
    expect(screen.getByRole("dialog", { name: "Điểm danh đại biểu" })).toBeInTheDocument();
    // A code typed in full checks its person in, scanned or typed.
    await user.keyboard(byName("Trần Thị Bình").person.checkinCode);
    await waitFor(() => expect(results()[0]).toHaveTextContent("Trần Thị Bình"));
    await user.keyboard("{Enter}");
    await waitFor(() => expect(confirmation()).toHaveTextContent("✓ Trần Thị Bình"));

    await user.click(screen.getByTestId("checkin-close"));
    expect(screen.queryByTestId("checkin-search")).not.toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId("count-present")).toHaveTextContent("1"));
    const row = screen
      .getAllByTestId("participant-row")
      .find((r) => r.textContent?.includes("Trần Thị Bình"));
    expect(row).toHaveTextContent("đến lúc 07:55");
    expect(screen.getByTestId("checkin-open")).toHaveFocus();

    await user.click(screen.getByTestId("checkin-open"));
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("checkin-search"), "Esc on an empty box leaves").toBeNull();
  });
});
