// Telling a USB QR/barcode scanner from a person at the keyboard. A scanner
// "types" the code it read, every character within a few milliseconds of the
// last, then Enter; a person needs well over 50 ms a key. Times are in
// milliseconds on any one clock (an event's `timeStamp`, or a test's own).

/** A scanner's keystrokes come closer together than this. */
export const SCAN_GAP_MS = 50;
/** Shorter than this is not taken for a code, however fast it came. */
export const SCAN_MIN_LENGTH = 4;

/** How the search box's current value was typed. */
export interface Keystrokes {
  readonly value: string;
  /** When each character arrived, in order. */
  readonly times: readonly number[];
  /** Every change added one character at the end: nothing pasted, deleted or edited in place. */
  readonly typed: boolean;
}

export const NO_KEYSTROKES: Keystrokes = { value: "", times: [], typed: true };

/** The keystrokes once the box has changed to `value` at `at`. An empty box starts afresh. */
export function keystroke(before: Keystrokes, value: string, at: number): Keystrokes {
  if (value === "") return NO_KEYSTROKES;
  const appended = value.length === before.value.length + 1 && value.startsWith(before.value);
  return { value, times: [...before.times, at], typed: before.typed && appended };
}

/**
 * Whether `value`, submitted with Enter at `enterAt`, came from a scanner:
 * at least `SCAN_MIN_LENGTH` characters typed one after another, each (and the
 * Enter) less than `SCAN_GAP_MS` after the one before.
 */
export function isScan(keys: Keystrokes, value: string, enterAt: number): boolean {
  if (!keys.typed || keys.value !== value || value.trim().length < SCAN_MIN_LENGTH) return false;
  const times = [...keys.times, enterAt];
  return times.every((t, i) => i === 0 || t - (times[i - 1] ?? t) < SCAN_GAP_MS);
}

/** A check-in code as the core compares it: ASCII letters and digits only, upper case ("hn-0042" → "HN0042"). */
export function codeKey(text: string): string {
  return text.replace(/[^A-Za-z0-9]/g, "").toUpperCase();
}
