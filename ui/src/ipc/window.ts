import { isTauri } from "@tauri-apps/api/core";
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
