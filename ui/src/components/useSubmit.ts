import { useCallback, useRef, useState } from "react";
import { type IpcError, toIpcError } from "../ipc";

/**
 * Runs one backend call on the user's behalf: `busy` while it runs, its error
 * (converted with `toIpcError`) when it fails, and `onDone` with its result when
 * it succeeds. Each call clears the previous error; `setError` shows one found
 * before asking the backend (a field the form itself refuses).
 */
export function useSubmit() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<IpcError | null>(null);
  // Calls may overlap (quick clicks on different rows); busy lasts until the last one ends.
  const running = useRef(0);

  const submit = useCallback(
    async <T>(
      action: () => Promise<T>,
      onDone?: (result: T) => void | Promise<void>,
    ): Promise<boolean> => {
      running.current += 1;
      setBusy(true);
      setError(null);
      try {
        const result = await action();
        await onDone?.(result);
        return true;
      } catch (e) {
        setError(toIpcError(e));
        return false;
      } finally {
        running.current -= 1;
        setBusy(running.current > 0);
      }
    },
    [],
  );

  return { submit, busy, error, setError };
}
