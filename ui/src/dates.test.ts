import { describe, expect, it } from "vitest";
import { meetingDays, parseClockTime } from "./dates";

describe("times typed at the door", () => {
  it("reads 24-hour hours and minutes however they are typed", () => {
    for (const [typed, time] of [
      ["07:55", "07:55"],
      ["7:55", "07:55"],
      [" 7h55 ", "07:55"],
      ["7.55", "07:55"],
      ["0755", "07:55"],
      ["13:30", "13:30"],
      ["00:00", "00:00"],
      ["23:59", "23:59"],
      ["7h5", "07:05"],
      ["13g0", "13:00"],
    ]) {
      expect(parseClockTime(typed as string), typed).toBe(time);
    }
    for (const typed of ["", "24:00", "7:60", "7:5", "755", "7 giờ", "7:55 PM", "12345"]) {
      expect(parseClockTime(typed), typed).toBeNull();
    }
  });

  it("lists the days a meeting runs over", () => {
    expect(meetingDays("2030-03-04T08:00", "2030-03-04T11:30")).toEqual(["2030-03-04"]);
    expect(meetingDays("2030-02-27T08:00", "2030-03-02T11:30")).toEqual([
      "2030-02-27",
      "2030-02-28",
      "2030-03-01",
      "2030-03-02",
    ]);
    expect(meetingDays("2030-01-01T08:00", "2031-01-01T08:00")).toHaveLength(31);
  });
});
