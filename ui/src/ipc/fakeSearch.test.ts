// @vitest-environment node
import { describe, expect, it } from "vitest";
import { meetingInput } from "../test/render";
import { fold } from "../text";
import { FakeBackend, placeToneMarks } from "./fake";

/** A meeting at 08:00 on 12 Dec 2030, its list of `names` (rank in order), the clock at `now`. */
async function door(names: string[], now = "2030-12-12T07:30") {
  const backend = new FakeBackend({ now: () => new Date(now) });
  const meeting = await backend.createMeeting(
    meetingInput({ startsAt: "2030-12-12T08:00", endsAt: "2030-12-12T11:30" }),
  );
  for (const [i, fullName] of names.entries()) {
    await backend.addParticipant(meeting.id, {
      fullName,
      positionTitle: "Chuyên viên",
      unit: "Sở Tài chính",
      section: "",
      rank: i,
      phone: "",
      email: "",
    });
  }
  const search = async (query: string, limit = 10) =>
    (await backend.searchParticipants(meeting.id, query, limit)).map((p) => p.person.fullName);
  return { backend, meeting, search };
}

describe("the fake's text rules, as the core's", () => {
  it("moves tone marks within oa, oe, uy only (text::place_tone_marks)", () => {
    const main = "CỘNG HOÀ XÃ HỘI, THÀNH UỶ Hà Nội, hoá, Khoẻ, thuý, Thuỵ, loạ";
    const first = "CỘNG HÒA XÃ HỘI, THÀNH ỦY Hà Nội, hóa, Khỏe, thúy, Thụy, lọa";
    expect(placeToneMarks(main, "first-vowel")).toBe(first);
    expect(placeToneMarks(first, "main-vowel")).toBe(main);
    expect(placeToneMarks(main, "main-vowel")).toBe(main);
    for (const fixed of [
      "hoàn",
      "khuyến",
      "quý",
      "Quỳnh",
      "khoái",
      "ngoéo",
      "thuở",
      "tuổi",
      "Toyota",
      "à",
    ]) {
      expect(placeToneMarks(fixed, "first-vowel")).toBe(fixed);
      expect(placeToneMarks(fixed, "main-vowel")).toBe(fixed);
    }
    expect(placeToneMarks("hỏa", "main-vowel")).toBe("hoả");
  });

  it("folds marks, đ and spaces away (text::fold)", () => {
    expect(fold("  Nguyễn  Văn Đức ")).toBe("nguyen van duc");
    expect(fold("Thủy".normalize("NFD"))).toBe("thuy");
  });
});

describe("the fake's door search", () => {
  it("finds both tone placements as the same word, typed either way", async () => {
    const { search } = await door(["Trần Thị Thuỷ", "Lê Thị Thủy", "Phạm Thu Hà"]);
    expect(await search("Thủy")).toEqual(["Trần Thị Thuỷ", "Lê Thị Thủy"]);
    expect(await search("thuỷ")).toEqual(["Trần Thị Thuỷ", "Lê Thị Thủy"]);
    expect(await search("thuy")).toEqual(["Trần Thị Thuỷ", "Lê Thị Thủy"]);
  });

  it("takes đ as d, ranking a typed đ first", async () => {
    const { search } = await door(["Dương Văn Bình", "Đặng Thị Hoa"]);
    expect(await search("d")).toEqual(["Dương Văn Bình", "Đặng Thị Hoa"]);
    expect(await search("đ")).toEqual(["Đặng Thị Hoa", "Dương Văn Bình"]);
    expect(await search("dang")).toEqual(["Đặng Thị Hoa"]);
  });

  it("ranks whole words, then the name, then marks, then fewer words left over", async () => {
    const { search } = await door(["Vũ Thị Thu Hà", "Vũ Thị Thu", "Thu Hương", "Đống Đa Hải"]);
    expect(await search("vu thi thu")).toEqual(["Vũ Thị Thu", "Vũ Thị Thu Hà"]);
    // "tai" is only in the unit (Sở Tài chính): the fewest name words left over
    // first, then the list's order.
    expect(await search("tai")).toEqual([
      "Thu Hương",
      "Vũ Thị Thu",
      "Đống Đa Hải",
      "Vũ Thị Thu Hà",
    ]);
    expect(await search("tai", 2)).toEqual(["Thu Hương", "Vũ Thị Thu"]);
    expect(await search("thu h")).toEqual(["Thu Hương", "Vũ Thị Thu Hà"]);
    // Initials leave every name word unmatched: the shorter name first.
    expect(await search("vtt")).toEqual(["Vũ Thị Thu", "Vũ Thị Thu Hà"]);
    expect(await search("(đống), đa")).toEqual(["Đống Đa Hải"]);
    expect(await search("")).toEqual([]);
    expect(await search(" - ")).toEqual([]);
    expect(await search("thu", 0)).toEqual([]);
  });

  it("finds a code with or without its hyphens, an exact code first", async () => {
    const { backend, meeting, search } = await door(["Nguyễn Văn An", "Nguyễn Văn Bình"]);
    const [, binh] = await backend.listParticipants(meeting.id);
    const code = binh?.person.checkinCode ?? "";
    const typed = `${code.slice(0, 2).toLowerCase()}-${code.slice(2)}`;
    expect(await search(typed)).toEqual(["Nguyễn Văn Bình"]);
    expect(await search(code.slice(0, 4))).toEqual(["Nguyễn Văn An", "Nguyễn Văn Bình"]);
  });

  it("answers notFound for a meeting that does not exist", async () => {
    const { backend } = await door([]);
    await expect(backend.searchParticipants("no-such-meeting", "a", 10)).rejects.toMatchObject({
      kind: "notFound",
    });
  });
});

describe("the fake's check-in", () => {
  it("checks in once; a second arrival never moves the first", async () => {
    const { backend, meeting } = await door(["Nguyễn Văn An", "Nguyễn Văn Bình"]);
    const [an] = await backend.listParticipants(meeting.id);
    const id = an?.person.id ?? "";
    const first = await backend.checkIn(meeting.id, id);
    expect(first).toMatchObject({
      already: false,
      participant: { state: "present", arrivedAt: "2030-12-12T07:30" },
      summary: { invited: 2, attended: 1, pending: 1 },
    });
    const again = await backend.checkInCode(
      meeting.id,
      ` ${an?.person.checkinCode.toLowerCase()} `,
    );
    expect(again).toMatchObject({ already: true, participant: { arrivedAt: "2030-12-12T07:30" } });
    const late = await backend.recordAttendance(meeting.id, id, "arrived", "", "2030-12-12T09:45");
    expect(late[0]).toMatchObject({ state: "present", arrivedAt: "2030-12-12T07:30" });
    expect(await backend.attendanceLog(meeting.id, id)).toHaveLength(3);
  });

  it("takes an arrival after leaving as coming back, judged by the first arrival", async () => {
    const { backend, meeting } = await door(["Nguyễn Văn An"], "2030-12-12T08:10");
    const [an] = await backend.listParticipants(meeting.id);
    const id = an?.person.id ?? "";
    await backend.checkIn(meeting.id, id);
    await backend.recordAttendance(meeting.id, id, "left", "Việc gia đình", "2030-12-12T09:00");
    const left = await backend.checkIn(meeting.id, id);
    expect(left).toMatchObject({ already: true, participant: { state: "left" } });
    const [back] = await backend.recordAttendance(meeting.id, id, "arrived", "", null);
    expect(back).toMatchObject({
      state: "late",
      arrivedAt: "2030-12-12T08:10",
      leftAt: null,
      absenceReason: "",
    });
  });

  it("refuses an unknown code or person", async () => {
    const { backend, meeting } = await door(["Nguyễn Văn An"]);
    await expect(backend.checkInCode(meeting.id, " ZZZ-999 ")).rejects.toMatchObject({
      kind: "invalid",
      message: 'Mã "ZZZ-999" không có trong danh sách hội nghị này.',
    });
    await expect(backend.checkInCode(meeting.id, "  ")).rejects.toMatchObject({ kind: "invalid" });
    await expect(backend.checkIn(meeting.id, "no-such-person")).rejects.toMatchObject({
      kind: "notFound",
    });
  });
});
