import { isTauri } from "@tauri-apps/api/core";
import { listen } from "@tauri-apps/api/event";
import { getCurrentWindow } from "@tauri-apps/api/window";
import { DATABASE_LOST_EVENT } from "./tauri";

/**
 * Runs `flush` when the user closes the window, before it closes. If `flush`
 * resolves to false (something could not be saved), the window stays open.
 * Returns the function that stops listening. Outside Tauri it does nothing.
 */
export function beforeClose(flush: () => Promise<boolean>): () => void {
  if (!isTauri()) return () => undefined;
  const unlisten = getCurrentWindow().onCloseRequested(async (event) => {
    if (!(await flush())) event.preventDefault();
  });
  return () => {
    void unlisten.then((stop) => stop());
  };
}

/** Calls `show` with the message whenever a command reports the database file lost. */
export function onDatabaseLost(show: (message: string) => void): () => void {
  const listener = (event: Event) => show(String((event as CustomEvent).detail));
  window.addEventListener(DATABASE_LOST_EVENT, listener);
  return () => window.removeEventListener(DATABASE_LOST_EVENT, listener);
}

/** Closes this window (the projector's Esc); in a browser tab, closes the tab if it may. */
export function closeThisWindow(): void {
  if (isTauri()) void getCurrentWindow().close();
  else window.close();
}

/** What the shell emits while it checks a long list file's rows (`commands/lists.rs`). */
export const IMPORT_PROGRESS_EVENT = "hoinghi:import-progress";

/**
 * Calls `show` with the share (0–1) of a list file's rows checked so far,
 * while the shell reads a long one. Returns the function that stops
 * listening. Outside Tauri (the fake backend answers at once) it does nothing.
 */
export function onImportProgress(show: (share: number) => void): () => void {
  if (!isTauri()) return () => undefined;
  const unlisten = listen<number>(IMPORT_PROGRESS_EVENT, (event) => show(event.payload));
  return () => {
    void unlisten.then((stop) => stop());
  };
}
