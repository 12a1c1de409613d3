import type { vi } from "./vi";

export type Lang = "vi" | "en";
export type MessageKey = keyof typeof vi;
/** Every language must translate every key; TypeScript rejects a missing or extra one. */
export type Dictionary = { readonly [K in MessageKey]: string };
