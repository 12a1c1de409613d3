import { act, renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useSubmit } from "./useSubmit";

describe("useSubmit", () => {
  it("is busy while the call runs, then hands its result on", async () => {
    let finish = (_value: number) => {};
    const call = new Promise<number>((resolve) => {
      finish = resolve;
    });
    const onDone = vi.fn();
    const { result } = renderHook(() => useSubmit());
    let done: Promise<boolean> = Promise.resolve(false);
    act(() => {
      done = result.current.submit(() => call, onDone);
    });
    expect(result.current.busy).toBe(true);
    await act(async () => {
      finish(7);
      expect(await done).toBe(true);
    });
    expect(onDone).toHaveBeenCalledWith(7);
    expect(result.current.busy).toBe(false);
    expect(result.current.error).toBeNull();
  });

  it("keeps the backend's error, and clears it when the next call starts", async () => {
    const onDone = vi.fn();
    const { result } = renderHook(() => useSubmit());
    await act(async () => {
      const ok = await result.current.submit(async () => {
        throw { kind: "invalid", message: "Tên không được để trống." };
      }, onDone);
      expect(ok).toBe(false);
    });
    expect(onDone).not.toHaveBeenCalled();
    expect(result.current.error).toEqual({ kind: "invalid", message: "Tên không được để trống." });
    expect(result.current.busy).toBe(false);

    await act(() => result.current.submit(async () => "ok"));
    expect(result.current.error).toBeNull();
  });

  it("turns anything thrown into an IpcError", async () => {
    const { result } = renderHook(() => useSubmit());
    await act(() =>
      result.current.submit(async () => {
        throw new Error("mất kết nối");
      }),
    );
    expect(result.current.error?.message).toContain("mất kết nối");
  });
});
