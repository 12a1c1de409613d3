import type { IpcError } from "./bindings";

/** The error kinds the backend is known to send; the UI may branch on these. */
export const KNOWN_ERROR_KINDS = [
  "invalid",
  "notFound",
  "conflict",
  "newerDatabase",
  "diskFull",
  "storage",
  "io",
  "missingGlyphs",
] as const;

export type KnownErrorKind = (typeof KNOWN_ERROR_KINDS)[number];

export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { kind?: unknown }).kind === "string" &&
    typeof (value as { message?: unknown }).message === "string"
  );
}

/**
 * Turns whatever a rejected call produced into `{ kind, message }`, so that the
 * screens only ever deal with one error shape. Tauri itself rejects with a bare
 * string when a command is missing or its arguments do not deserialise.
 */
export function toIpcError(value: unknown): IpcError {
  if (isIpcError(value)) {
    return { kind: value.kind, message: value.message };
  }
  if (typeof value === "string") {
    return { kind: "unknown", message: value };
  }
  if (value instanceof Error) {
    return { kind: "unknown", message: value.message };
  }
  return { kind: "unknown", message: String(value) };
}

export function ipcError(kind: string, message: string): IpcError {
  return { kind, message };
}
