import { type SetStateAction, useCallback, useEffect, useRef, useState } from "react";
import { type IpcError, toIpcError } from "../ipc";
import { useDataChanged } from "./dataChanged";

/**
 * Loads something once (and again on `reload`), keeping the value, the error and whether it is loading.
 *
 * It also loads again quietly on `refresh` (a screen that polls) and whenever another laptop's
 * changes were merged into the meeting on screen (`onDataChanged`; any meeting outside a
 * workspace). Quietly: the value already shown stays until the new one replaces it (nothing
 * says "loading" meanwhile, nothing is remounted), and an error stays until a load works.
 *
 * This is safe for what the secretary is typing because a load only ever replaces `value`, the
 * record or list a screen displays. Editors and forms hold what is being typed in their own state,
 * taken from a value once (the minutes editor's draft and `useAutosave`'s queue, the documents'
 * wording, the dialogs' fields, `MeetingForm`), so a new `value` does not rewrite their text; and they
 * save with the version (`updatedAt`) they started from, so a save typed over an older version is
 * refused as a conflict instead of silently undoing the other laptop's change.
 *
 * A value the screen sets itself (`setValue`, with what a save answered) while a load is under way
 * may be newer than what that load read: the load's answer is then dropped and it loads again.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [value, setShown] = useState<T | null>(null);
  const [error, setError] = useState<IpcError | null>(null);
  const [run, setRun] = useState({ generation: 0, quiet: false });
  // How many times the screen set the value itself.
  const writes = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `load` depends on
  useEffect(() => {
    let live = true;
    if (!run.quiet) setError(null);
    const writesAtStart = writes.current;
    load().then(
      (result) => {
        if (!live) return;
        if (writes.current !== writesAtStart) {
          setRun((r) => ({ generation: r.generation + 1, quiet: true }));
          return;
        }
        setShown(result);
        if (run.quiet) setError(null);
      },
      (e: unknown) => live && setError(toIpcError(e)),
    );
    return () => {
      live = false;
    };
  }, [...deps, run]);

  const setValue = useCallback((next: SetStateAction<T | null>) => {
    writes.current += 1;
    setShown(next);
  }, []);
  const reload = useCallback(
    () => setRun((r) => ({ generation: r.generation + 1, quiet: false })),
    [],
  );
  const refresh = useCallback(
    () => setRun((r) => ({ generation: r.generation + 1, quiet: true })),
    [],
  );

  useDataChanged(refresh);

  return { value, setValue, error, setError, reload, refresh };
}
