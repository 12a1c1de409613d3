import { describe, expect, it } from "vitest";
import { codeKey, isScan, type Keystrokes, keystroke, NO_KEYSTROKES } from "./scanner";

/** Types `text` one character at a time, `gap` ms apart from `start`; returns the keystrokes and when the last came. */
function type(text: string, gap: number, start = 1000, from: Keystrokes = NO_KEYSTROKES) {
  let keys = from;
  let at = start;
  for (let i = 0; i < text.length; i += 1) {
    at = start + i * gap;
    keys = keystroke(keys, keys.value + text.slice(i, i + 1), at);
  }
  return { keys, last: at };
}

describe("scanner", () => {
  it("takes a code typed a few milliseconds a key, then Enter, for a scan", () => {
    const { keys, last } = type("HN000042", 8);
    expect(keys.value).toBe("HN000042");
    expect(isScan(keys, "HN000042", last + 8)).toBe(true);
    expect(isScan(keys, "HN000042", last + 49)).toBe(true);
  });

  it("does not take a person's typing for a scan", () => {
    const { keys, last } = type("nguyen", 120);
    expect(isScan(keys, "nguyen", last + 10)).toBe(false);
    // One slow key among fast ones is enough.
    let fast = type("HN00", 10);
    fast = type("0042", 10, fast.last + 300, fast.keys);
    expect(fast.keys.value).toBe("HN000042");
    expect(isScan(fast.keys, "HN000042", fast.last + 5)).toBe(false);
  });

  it("needs the Enter to come as fast as the keys", () => {
    const { keys, last } = type("tuan", 20);
    expect(isScan(keys, "tuan", last + 600), "a quick word, then a look, then Enter").toBe(false);
  });

  it("needs at least four characters", () => {
    const { keys, last } = type("HN4", 5);
    expect(isScan(keys, "HN4", last + 5)).toBe(false);
  });

  it("does not take a pasted or edited value for a scan", () => {
    const pasted = keystroke(NO_KEYSTROKES, "HN000042", 1000);
    expect(isScan(pasted, "HN000042", 1005)).toBe(false);

    const { keys, last } = type("HN000042", 5);
    const edited = keystroke(keys, "HN00004", last + 5);
    const retyped = keystroke(edited, "HN000043", last + 10);
    expect(isScan(retyped, "HN000043", last + 15), "a deletion taints the value").toBe(false);
    expect(isScan(keys, "HN000043", last + 5), "a different value than was tracked").toBe(false);
  });

  it("starts afresh when the box is emptied", () => {
    const slow = type("abc", 300);
    const cleared = keystroke(slow.keys, "", slow.last + 100);
    expect(cleared).toEqual(NO_KEYSTROKES);
    const { keys, last } = type("HN000042", 5, slow.last + 200, cleared);
    expect(isScan(keys, "HN000042", last + 5)).toBe(true);
  });

  it("compares codes as the core does: letters and digits only, any case", () => {
    expect(codeKey("hn-0042")).toBe("HN0042");
    expect(codeKey(" HN 0042 ")).toBe("HN0042");
    expect(codeKey("Tuấn")).toBe("TUN");
    expect(codeKey("—")).toBe("");
  });
});
