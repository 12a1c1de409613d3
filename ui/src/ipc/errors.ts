import { ERROR_KINDS, type ErrorKind, type IpcError } from "./bindings";

function isErrorKind(value: unknown): value is ErrorKind {
  return ERROR_KINDS.includes(value as ErrorKind);
}

export function isIpcError(value: unknown): value is IpcError {
  return (
    typeof value === "object" &&
    value !== null &&
    isErrorKind((value as { kind?: unknown }).kind) &&
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

export function ipcError(kind: ErrorKind, message: string): IpcError {
  return { kind, message };
}
