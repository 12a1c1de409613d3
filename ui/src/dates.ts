// Dates cross the IPC boundary as local wall-clock strings ("YYYY-MM-DDTHH:MM",
// "YYYY-MM-DD", "HH:MM") and are shown Vietnamese-style, whatever the UI language.

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** "2025-03-07" or "2025-03-07T08:00" → "07/03/2025". */
export function formatDate(value: string): string {
  const [y, m, d] = value.slice(0, 10).split("-");
  if (!y || !m || !d) return value;
  return `${d}/${m}/${y}`;
}

/** "2025-03-07T08:00" → "07/03/2025 08:00". */
export function formatDateTime(value: string): string {
  return `${formatDate(value)} ${value.slice(11, 16)}`.trim();
}

/** "2025-03-07T08:05" → "08:05", the 24-hour time of a local date-time. */
export function formatTime(value: string): string {
  return value.slice(11, 16);
}

/** A meeting's span: "07/03/2025, 08:00–11:30", or both dates when it runs over days. */
export function formatSpan(startsAt: string, endsAt: string): string {
  if (startsAt.slice(0, 10) === endsAt.slice(0, 10)) {
    return `${formatDate(startsAt)}, ${startsAt.slice(11, 16)}–${endsAt.slice(11, 16)}`;
  }
  return `${formatDateTime(startsAt)} – ${formatDateTime(endsAt)}`;
}

export function toLocalDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function clockTime(d: Date): string {
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function clockTimeWithSeconds(d: Date): string {
  return `${clockTime(d)}:${pad(d.getSeconds())}`;
}

/**
 * The wall clock where the meeting is (`timeZone`, its body's), whatever
 * this computer's own zone: a Date whose local fields read that clock, as
 * the core records times ("14:32" in Hà Nội on a laptop set to UTC).
 */
export function nowIn(timeZone: string, at: Date = new Date()): Date {
  try {
    const parts = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    }).formatToParts(at);
    const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    return new Date(n("year"), n("month") - 1, n("day"), n("hour"), n("minute"), n("second"));
  } catch {
    // An unknown zone (never saved by the core): this computer's clock.
    return at;
  }
}

/** The next Monday-to-Friday after `now`, 08:00 to 11:30: a usual morning meeting. */
export function defaultMeetingTimes(now: Date): { startsAt: string; endsAt: string } {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  while (day.getDay() === 0 || day.getDay() === 6) day.setDate(day.getDate() + 1);
  const date = toLocalDate(day);
  return { startsAt: `${date}T08:00`, endsAt: `${date}T11:30` };
}

/** An instant ("2026-12-01T08:05:00Z") → "01/12/2026 15:05" in this computer's time zone. */
export function formatInstant(value: string): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${formatDate(toLocalDate(d))} ${clockTime(d)}`;
}

/**
 * A 24-hour time as typed: "7:55", "07:55", "7h55", "7.55" or "0755" → "07:55",
 * "7h5" (bảy giờ năm phút) → "07:05" and "8h" (tám giờ) → "08:00"; anything
 * else (an hour past 23, a minute past 59, "7:5") → null.
 */
export function parseClockTime(typed: string): string | null {
  const text = typed.trim();
  const m =
    /^(\d{1,2})\s*[:.hHgG]\s*(\d{2})$/.exec(text) ??
    /^(\d{1,2})\s*[hHgG]\s*(\d?)$/.exec(text) ??
    /^(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const hours = Number(m[1]);
  const minutes = Number(m[2] || 0);
  if (hours > 23 || minutes > 59) return null;
  return `${pad(hours)}:${pad(minutes)}`;
}

/** Years a date may fall in, as the core allows; anything outside is a typo. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2100;

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one (leap years included).
  return new Date(year, month, 0).getDate();
}

/**
 * A date as typed, day first: "6/10/2022", "06/10/2022", "6-10-2022",
 * "6.10.2022" or "06102022" → "2022-10-06"; "2022-10-06" as it is (a pasted
 * value). Anything else (31/02, a thirteenth month, a two-digit year) → null.
 */
export function parseDate(typed: string): string | null {
  const text = typed.trim();
  let day: string | undefined;
  let month: string | undefined;
  let year: string | undefined;
  const dayFirst =
    /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(text) ??
    /^(\d{2})(\d{2})(\d{4})$/.exec(text);
  const yearFirst = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (dayFirst) [, day, month, year] = dayFirst;
  else if (yearFirst) [, year, month, day] = yearFirst;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  if (!year || y < FIRST_YEAR || y > LAST_YEAR || m < 1 || m > 12) return null;
  if (d < 1 || d > daysInMonth(y, m)) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** The days a meeting runs over, "YYYY-MM-DD", first to last (at most a month of them). */
export function meetingDays(startsAt: string, endsAt: string): string[] {
  const first = startsAt.slice(0, 10);
  const last = endsAt.slice(0, 10);
  const days = [first];
  const day = new Date(`${first}T12:00:00`);
  while (days.length < 31) {
    day.setDate(day.getDate() + 1);
    const next = toLocalDate(day);
    if (next > last) break;
    days.push(next);
  }
  return days;
}
