/**
 * The fake backend held to the core: replays every request that
 * tests/contract/main.rs recorded against the real core and expects the same
 * (masked) responses from `FakeBackend`. When this fails, the fake and the core
 * disagree on a rule: fix the fake (or, if the core changed, rerun
 * `cargo xtask bindings` and read the diff of tests/contract/recorded.json).
 */
import { describe, expect, it, vi } from "vitest";
import recorded from "../../../tests/contract/recorded.json";
import type { Backend } from "./backend";
import { COMMANDS, type Command } from "./commands";
import { isIpcError } from "./errors";
import { FakeBackend } from "./fake";

const invoke = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke, isTauri: () => true }));
const { TauriBackend } = await import("./tauri");

interface Step {
  call: string;
  args?: Record<string, unknown>;
  keep?: Record<string, string>;
  mask?: string[];
  compare?: "all" | "ok" | "length" | "editedFields";
  response: unknown;
}

/** Keys whose values depend on the clock or the machine (as in main.rs). */
const ALWAYS_MASKED = ["createdAt", "updatedAt", "deviceId", "checkinCode"];

/**
 * Which `Backend` method sends which command, and where each argument goes:
 * learnt by calling every method of the real `TauriBackend` with markers, so
 * the replay uses exactly the mapping the app uses.
 */
async function commandTable(): Promise<Map<string, { method: keyof Backend; keys: string[] }>> {
  const table = new Map<string, { method: keyof Backend; keys: string[] }>();
  const backend = new TauriBackend();
  for (const method of Object.keys(backend) as (keyof Backend)[]) {
    invoke.mockReset();
    invoke.mockResolvedValue(null);
    const markers = Array.from({ length: 6 }, (_, i) => `#${i}`);
    const call = backend[method] as (...args: unknown[]) => Promise<unknown>;
    await call(...markers).catch(() => undefined);
    const sent = invoke.mock.calls[0];
    if (!sent) continue; // A native dialog, not a command.
    const [command, args = {}] = sent as [string, Record<string, unknown>];
    const keys: string[] = [];
    for (const [key, value] of Object.entries(args)) {
      keys[Number(String(value).slice(1))] = key;
    }
    table.set(command, { method, keys });
  }
  return table;
}

function mask(value: unknown, kept: Map<string, string>, masked: string[]): unknown {
  if (typeof value === "string") {
    const name = kept.get(value);
    return name ? `$${name}` : value;
  }
  if (Array.isArray(value)) return value.map((v) => mask(v, kept, masked));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => {
        if (ALWAYS_MASKED.includes(key) || masked.includes(key)) return [key, "<masked>"];
        if ((key === "id" || key.endsWith("Id")) && typeof v === "string" && !kept.has(v)) {
          return [key, "<id>"];
        }
        return [key, mask(v, kept, masked)];
      }),
    );
  }
  return value;
}

function record(step: Step, value: unknown, kept: Map<string, string>): unknown {
  let shown = value === undefined ? null : value;
  switch (step.compare ?? "all") {
    case "ok":
      shown = "ok";
      break;
    case "length":
      shown = Array.isArray(value) ? value.length : 0;
      break;
    case "editedFields":
      shown = (value as { key: string; text: string; edited: boolean }[])
        .filter((f) => f.edited)
        .map((f) => ({ key: f.key, text: f.text }));
      break;
  }
  return mask(shown, kept, step.mask ?? []);
}

function resolve(value: unknown, kept: Map<string, string>): unknown {
  if (typeof value === "string" && value.startsWith("$") && !value.startsWith("$tmp")) {
    const name = value.slice(1);
    const found = [...kept].find(([, n]) => n === name);
    if (!found) throw new Error(`$${name} is used before it is kept`);
    return found[0];
  }
  if (Array.isArray(value)) return value.map((v) => resolve(v, kept));
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, kept)]));
  }
  return value;
}

/** A dot path: a number picks a list element, "#name" the element whose id is the kept `$name`. */
function lookup(value: unknown, path: string, kept: Map<string, string>): string {
  let at: unknown = value;
  for (const part of path.split(".")) {
    if (part.startsWith("#")) {
      const id = [...kept].find(([, n]) => n === part.slice(1))?.[0];
      at = (at as { id: string }[]).find((e) => e.id === id);
    } else {
      at = (at as Record<string, unknown>)[part];
    }
  }
  if (typeof at !== "string") throw new Error(`no ${path} in the response`);
  return at;
}

const table = await commandTable();

describe("the contract between the core and the fake backend", () => {
  it("has a Backend method for every command, and no command the shell lacks", () => {
    expect([...table.keys()].sort()).toEqual([...COMMANDS].sort());
  });

  for (const scenario of recorded.scenarios as { name: string; steps: Step[] }[]) {
    it(scenario.name, async () => {
      const fake = new FakeBackend();
      const kept = new Map<string, string>();
      for (const [index, step] of scenario.steps.entries()) {
        const entry = table.get(step.call as Command);
        if (!entry) throw new Error(`no Backend method sends ${step.call}`);
        const args = resolve(step.args ?? {}, kept) as Record<string, unknown>;
        const call = fake[entry.method] as (...a: unknown[]) => Promise<unknown>;
        let got: unknown;
        try {
          const value = await call.apply(
            fake,
            entry.keys.map((k) => args[k]),
          );
          for (const [name, path] of Object.entries(step.keep ?? {})) {
            kept.set(lookup(value, path, kept), name);
          }
          got = record(step, value, kept);
        } catch (error) {
          if (!isIpcError(error)) throw error;
          got = { error: error.kind };
        }
        expect(
          { step: index + 1, call: step.call, response: got },
          `step ${index + 1} (${step.call}) of "${scenario.name}"`,
        ).toEqual({ step: index + 1, call: step.call, response: step.response });
      }
    });
  }
});
