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

/** What the shell emits while it reads a long list file and checks its rows (`commands/lists.rs`). */
export const IMPORT_PROGRESS_EVENT = "hoinghi:import-progress";

/** How far a long list file has got: the workbook read, then its rows checked, each 0–1. */
export interface ImportProgress {
  stage: "reading" | "checking";
  share: number;
}

/**
 * Calls `show` with how far the shell has got with a long list file.
 * Returns the function that stops listening. Outside Tauri (the fake
 * backend answers at once) it does nothing.
 */
export function onImportProgress(show: (progress: ImportProgress) => void): () => void {
  if (!isTauri()) return () => undefined;
  const unlisten = listen<ImportProgress>(IMPORT_PROGRESS_EVENT, (event) => show(event.payload));
  return () => {
    void unlisten.then((stop) => stop());
  };
}

/** What the shell emits whenever changes from another laptop were merged into this one. */
export const SYNCED_EVENT = "hoinghi:synced";

/** Which meeting another laptop's changes were merged into, and how many. */
export interface Synced {
  meetingId: string;
  received: number;
}

/**
 * Calls `show` whenever another laptop's changes to a shared meeting were
 * merged here. Returns the function that stops listening. Outside Tauri (the
 * fake backend has no other laptops) it does nothing.
 */
export function onSynced(show: (synced: Synced) => void): () => void {
  if (!isTauri()) return () => undefined;
  const unlisten = listen<Synced>(SYNCED_EVENT, (event) => show(event.payload));
  return () => {
    void unlisten.then((stop) => stop());
  };
}
