import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type SaveOne, useAutosave } from "./useAutosave";

const DELAY = 800;

beforeEach(() => {
  // Only the timers the autosave uses: React schedules its own work with setImmediate.
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});

afterEach(() => {
  vi.useRealTimers();
});

function setup(save: SaveOne<string>) {
  const saver = vi.fn(save);
  const hook = renderHook(() => useAutosave(saver, DELAY));
  return { saver, hook };
}

/** A save that waits until the test lets it finish. */
function held() {
  let finish = () => {};
  const promise = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return { promise, finish };
}

describe("useAutosave", () => {
  it("saves a key once its changes pause, with the latest value", async () => {
    const { saver, hook } = setup(async () => {});
    act(() => hook.result.current.change("a", "Đồng"));
    await act(() => vi.advanceTimersByTimeAsync(DELAY - 100));
    act(() => hook.result.current.change("a", "Đồng ý"));
    await act(() => vi.advanceTimersByTimeAsync(DELAY - 100));
    expect(saver, "each change restarts the pause").not.toHaveBeenCalled();

    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(saver).toHaveBeenCalledTimes(1);
    expect(saver).toHaveBeenCalledWith("a", "Đồng ý");
    expect(hook.result.current.status.kind).toBe("saved");
  });

  it("waits for each key on its own", async () => {
    const { saver, hook } = setup(async () => {});
    act(() => hook.result.current.change("a", "1"));
    await act(() => vi.advanceTimersByTimeAsync(DELAY / 2));
    act(() => hook.result.current.change("b", "2"));
    await act(() => vi.advanceTimersByTimeAsync(DELAY / 2));
    expect(saver.mock.calls, "a typed in b does not hold back a").toEqual([["a", "1"]]);
    await act(() => vi.advanceTimersByTimeAsync(DELAY / 2));
    expect(saver.mock.calls).toEqual([
      ["a", "1"],
      ["b", "2"],
    ]);
  });

  it("runs one save at a time; a value typed meanwhile is saved after it, once", async () => {
    const first = held();
    const { saver, hook } = setup((_key, value) =>
      value === "1" ? first.promise : Promise.resolve(),
    );
    act(() => hook.result.current.change("a", "1"));
    act(() => void hook.result.current.flush("a"));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(hook.result.current.status.kind).toBe("saving");

    act(() => hook.result.current.change("a", "2"));
    act(() => void hook.result.current.flush("a"));
    act(() => void hook.result.current.flush("a"));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(saver, "the second save waits for the first").toHaveBeenCalledTimes(1);

    first.finish();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(saver.mock.calls, "the latest value, saved once").toEqual([
      ["a", "1"],
      ["a", "2"],
    ]);
    expect(hook.result.current.status.kind).toBe("saved");
  });

  it("keeps a value whose save failed for the next flush, with its error", async () => {
    let fail = true;
    const { saver, hook } = setup(async () => {
      if (fail) throw { kind: "diskFull", message: "Ổ đĩa đã đầy." };
    });
    act(() => hook.result.current.change("a", "Đồng ý"));
    await act(() => vi.advanceTimersByTimeAsync(DELAY));
    expect(hook.result.current.status).toEqual({
      kind: "error",
      error: { kind: "diskFull", message: "Ổ đĩa đã đầy." },
    });
    expect(hook.result.current.errors.a?.kind).toBe("diskFull");

    fail = false;
    await act(() => hook.result.current.flush());
    expect(saver.mock.calls, "the same value, tried again").toEqual([
      ["a", "Đồng ý"],
      ["a", "Đồng ý"],
    ]);
    expect(hook.result.current.status.kind).toBe("saved");
    expect(hook.result.current.errors).toEqual({});

    await act(() => hook.result.current.flush());
    expect(saver, "nothing is left to save").toHaveBeenCalledTimes(2);
  });

  it("leaves the status alone when the saver has nothing to write", async () => {
    const { saver, hook } = setup(() => null);
    act(() => hook.result.current.change("a", ""));
    await act(() => hook.result.current.flush("a"));
    expect(saver).toHaveBeenCalledTimes(1);
    expect(hook.result.current.status.kind).toBe("idle");
  });

  it("forgets a discarded value, and saves what is still waiting when it goes away", async () => {
    const { saver, hook } = setup(async () => {});
    act(() => hook.result.current.change("gone", "1"));
    act(() => hook.result.current.discard("gone"));
    act(() => hook.result.current.change("kept", "2"));
    hook.unmount();
    await act(() => vi.advanceTimersByTimeAsync(DELAY));
    expect(saver.mock.calls).toEqual([["kept", "2"]]);
  });
});

describe("closing the window", () => {
  it("saves what is still waiting, and says so only if it all went through", async () => {
    const { flushPendingSaves } = await import("./pendingSaves");
    let fail = true;
    const { saver, hook } = setup(async () => {
      if (fail) throw { kind: "diskFull", message: "Ổ đĩa đã đầy." };
    });
    act(() => hook.result.current.change("a", "Kết luận của đồng chí Chủ trì"));
    let closed = true;
    await act(async () => {
      closed = await flushPendingSaves();
    });
    expect(saver, "typed less than the pause before closing: saved at once").toHaveBeenCalledTimes(
      1,
    );
    expect(closed, "a failed save keeps the window open").toBe(false);

    fail = false;
    await act(async () => {
      closed = await flushPendingSaves();
    });
    expect(saver).toHaveBeenLastCalledWith("a", "Kết luận của đồng chí Chủ trì");
    expect(closed).toBe(true);

    hook.unmount();
    await expect(flushPendingSaves(), "nothing left once the editor is gone").resolves.toBe(true);
  });
});
