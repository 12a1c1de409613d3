import type { Backend } from "./backend";
import { isTauri, TauriBackend } from "./tauri";

export type { Backend } from "./backend";
export type * from "./bindings";
export {
  AUTHORITY_PREFIXES,
  DOCUMENT_FIELD_KEYS,
  DOCUMENT_KINDS,
  ERROR_KINDS,
  LIST_ORDERS,
  TABLE_FONT_SIZES,
} from "./bindings";
export { BackendProvider, useBackend } from "./context";
export { isIpcError, toIpcError } from "./errors";
export {
  beforeClose,
  closeThisWindow,
  type ImportProgress,
  onDatabaseLost,
  onImportProgress,
  onSynced,
  SYNCED_EVENT,
  type Synced,
} from "./window";

/**
 * The real backend inside the Tauri window; in a plain browser (`npm run dev`
 * opened outside Tauri) an in-memory one with sample data, so the screens can
 * still be looked at. Nothing typed there is kept.
 */
export async function createBackend(): Promise<{ backend: Backend; preview: boolean }> {
  if (isTauri()) return { backend: new TauriBackend(), preview: false };
  const { FakeBackend } = await import("./fake");
  return { backend: await FakeBackend.withSampleData(), preview: true };
}
