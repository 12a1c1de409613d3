import { describe, expect, it } from "vitest";
import { meetingDays, nowIn, parseClockTime, parseDate } from "./dates";

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
      ["8:05", "08:05"],
      ["0805", "08:05"],
      ["8h05", "08:05"],
      ["8h", "08:00"],
      ["14H", "14:00"],
    ]) {
      expect(parseClockTime(typed as string), typed).toBe(time);
    }
    for (const typed of [
      "",
      "24:00",
      "25:00",
      "24h",
      "7:60",
      "7:5",
      "755",
      "7 giờ",
      "7:55 PM",
      "12345",
      "h",
    ]) {
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

describe("dates typed day first", () => {
  it("reads dd/mm/yyyy however it is typed", () => {
    for (const [typed, date] of [
      ["06/10/2022", "2022-10-06"],
      ["6/10/2022", "2022-10-06"],
      ["6-10-2022", "2022-10-06"],
      ["6.10.2022", "2022-10-06"],
      [" 6 / 10 / 2022 ", "2022-10-06"],
      ["06102022", "2022-10-06"],
      ["1/1/2030", "2030-01-01"],
      ["31/12/2099", "2099-12-31"],
      ["2022-10-06", "2022-10-06"],
    ]) {
      expect(parseDate(typed as string), typed).toBe(date);
    }
  });

  it("knows the length of each month, leap years included", () => {
    for (const [typed, date] of [
      ["29/02/2024", "2024-02-29"],
      ["29/02/2000", "2000-02-29"],
      ["29/02/2028", "2028-02-29"],
      ["28/02/2026", "2026-02-28"],
      ["31/01/2026", "2026-01-31"],
      ["30/04/2026", "2026-04-30"],
      ["29022024", "2024-02-29"],
    ]) {
      expect(parseDate(typed as string), typed).toBe(date);
    }
    for (const typed of [
      "29/02/2026",
      "29/02/1900",
      "29/02/2100",
      "30/02/2024",
      "31/02/2026",
      "31/04/2026",
      "31/06/2026",
      "31/09/2026",
      "31/11/2026",
      "32/01/2026",
    ]) {
      expect(parseDate(typed), typed).toBeNull();
    }
  });

  it("refuses what is not a whole date", () => {
    for (const typed of [
      "",
      "6/10",
      "6/10/22",
      "6/10/202",
      "0/10/2022",
      "6/0/2022",
      "6/13/2022",
      "6102022",
      "061020222",
      "6/10/0022",
      "6/10/1899",
      "6/10/2101",
      "2022/10/06",
      "2030-3-4",
      "2030-03-0",
      "10/06/2022 08:00",
      "ngày 6",
    ]) {
      expect(parseDate(typed), typed).toBeNull();
    }
  });
});

describe("nowIn", () => {
  it("reads the clock of the meeting's zone, whatever this computer's", () => {
    const instant = new Date(Date.UTC(2026, 11, 2, 7, 32, 5));
    const hanoi = nowIn("Asia/Ho_Chi_Minh", instant);
    expect([hanoi.getHours(), hanoi.getMinutes(), hanoi.getSeconds()]).toEqual([14, 32, 5]);
    const london = nowIn("Europe/London", instant);
    expect([london.getDate(), london.getHours()]).toEqual([2, 7]);
    // Past midnight there: the next day.
    const late = nowIn("Asia/Ho_Chi_Minh", new Date(Date.UTC(2026, 11, 2, 18, 0)));
    expect([late.getDate(), late.getHours()]).toEqual([3, 1]);
    expect(nowIn("Not/AZone", instant)).toBe(instant);
  });
});
