import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { type IpcError, toIpcError } from "../ipc";
import { registerPendingSave } from "./pendingSaves";

/** What the autosave last did, for a status line next to the editor. */
export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; error: IpcError };

/**
 * Writes one key's value. Returns null when there is nothing to write (the
 * value is empty, or already what is stored): the value then counts as saved
 * without the status changing.
 */
export type SaveOne<V> = (key: string, value: V) => Promise<unknown> | null;

/**
 * Saves what the user types without a Save button. Each key (an entry, a
 * field) is saved once its changes pause for `delayMs`, or at once on `flush`
 * (when the field loses focus, before a document is written); whatever is
 * still waiting is saved when the component goes away.
 *
 * Saves run one after another, never overlapping, and each takes the key's
 * latest value when its turn comes, so the last thing typed is what stays.
 * A value whose save failed waits for the next flush (nothing typed is dropped),
 * and its error is kept in `errors` until a later save of that key succeeds.
 */
export function useAutosave<V>(save: SaveOne<V>, delayMs: number) {
  const saveRef = useRef(save);
  useLayoutEffect(() => {
    saveRef.current = save;
  });

  const waiting = useRef(new Map<string, V>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const failures = useRef(new Map<string, IpcError>());
  const [errors, setErrors] = useState<Record<string, IpcError>>({});
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });

  const setFailure = useCallback((key: string, error: IpcError | null) => {
    failures.current.delete(key);
    if (error) failures.current.set(key, error);
    setErrors((all) => {
      if (!error && !(key in all)) return all;
      const { [key]: _dropped, ...rest } = all;
      return error ? { ...rest, [key]: error } : rest;
    });
  }, []);

  const stopTimer = useCallback((key: string) => {
    const timer = timers.current.get(key);
    if (timer !== undefined) clearTimeout(timer);
    timers.current.delete(key);
  }, []);

  /** Queues a save of `key`, which writes whatever value the key has when its turn comes. */
  const enqueue = useCallback(
    (key: string) => {
      chain.current = chain.current
        .then(async () => {
          if (!waiting.current.has(key)) return;
          const value = waiting.current.get(key) as V;
          const saved = () => {
            // A value typed while this one was being written waits for its own turn.
            if (waiting.current.get(key) === value) waiting.current.delete(key);
            setFailure(key, null);
          };
          const write = saveRef.current(key, value);
          if (!write) {
            saved();
            return;
          }
          setStatus({ kind: "saving" });
          try {
            await write;
            saved();
          } catch (e) {
            setFailure(key, toIpcError(e));
          }
          const failed = [...failures.current.values()].at(-1);
          setStatus(failed ? { kind: "error", error: failed } : { kind: "saved", at: new Date() });
        })
        .catch(() => {
          // The saver itself threw: nothing more to report, and the chain must go on.
        });
    },
    [setFailure],
  );

  /** Records the latest value of `key` and saves it once changes pause. */
  const change = useCallback(
    (key: string, value: V) => {
      waiting.current.set(key, value);
      stopTimer(key);
      timers.current.set(
        key,
        setTimeout(() => {
          timers.current.delete(key);
          enqueue(key);
        }, delayMs),
      );
    },
    [delayMs, enqueue, stopTimer],
  );

  /**
   * Saves `key` now, or every key still waiting; resolves once those saves
   * (and any already under way) are done.
   */
  const flush = useCallback(
    (key?: string): Promise<void> => {
      const keys = key === undefined ? [...waiting.current.keys()] : [key];
      for (const each of keys) {
        stopTimer(each);
        if (waiting.current.has(each)) enqueue(each);
      }
      return chain.current;
    },
    [enqueue, stopTimer],
  );

  /** Forgets the value waiting for `key` (its record was deleted, say): nothing is saved. */
  const discard = useCallback(
    (key: string) => {
      stopTimer(key);
      waiting.current.delete(key);
      setFailure(key, null);
    },
    [setFailure, stopTimer],
  );

  // Whatever is still waiting when the editor closes is saved on the way out.
  useEffect(() => () => void flush(), [flush]);
  // And when the window closes: it stays open if something could not be saved.
  useEffect(
    () =>
      registerPendingSave(async () => {
        await flush();
        return failures.current.size === 0;
      }),
    [flush],
  );

  return { change, flush, discard, status, errors };
}
