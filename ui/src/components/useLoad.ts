import { useCallback, useEffect, useState } from "react";
import { type IpcError, toIpcError } from "../ipc";

/** Loads something once (and again on `reload`), keeping the value, the error and whether it is loading. */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [generation, setGeneration] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on
  useEffect(() => {
    let live = true;
    setError(null);
    load().then(
      (result) => live && setValue(result),
      (e: unknown) => live && setError(toIpcError(e)),
    );
    return () => {
      live = false;
    };
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { value, setValue, error, setError, reload };
}
