import { screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ERROR_KINDS } from "../ipc/bindings";
import { renderApp } from "../test/render";
import { en } from "./en";
import { describeError, LANG_STORAGE_KEY } from "./index";
import { vi } from "./vi";

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? "").sort();
}

describe("dictionaries", () => {
  it("have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
  });

  it("translate every key, with the same placeholders", () => {
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) {
      expect(en[key].trim(), `English for ${key} is not empty`).not.toBe("");
      expect(placeholders(en[key]), `placeholders of ${key}`).toEqual(placeholders(vi[key]));
    }
  });
});

describe("errors", () => {
  it("show the backend's Vietnamese message as it is, and in English after a sentence", () => {
    const error = { kind: "diskFull" as const, message: "Ổ đĩa đã đầy." };
    expect(describeError("vi", error)).toBe("Ổ đĩa đã đầy.");
    expect(describeError("en", error)).toBe(
      "The disk is full; free some space and try again. (Ổ đĩa đã đầy.)",
    );
    expect(describeError("en", { kind: "unknown", message: "x" })).toBe(
      "Something went wrong. (x)",
    );
    for (const kind of ERROR_KINDS) {
      expect(describeError("en", { kind, message: "" }), `English for ${kind}`).not.toBe("");
    }
  });
});

describe("language switch", () => {
  it("changes visible strings and is remembered", async () => {
    const first = renderApp();
    expect(await screen.findByTestId("new-meeting")).toHaveTextContent("Tạo cuộc họp");
    expect(document.documentElement.lang).toBe("vi");

    await first.user.click(screen.getByTestId("lang-switch"));
    expect(screen.getByTestId("new-meeting")).toHaveTextContent("New meeting");
    expect(screen.getByRole("heading", { level: 1 })).toHaveTextContent("Meetings");
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe("en");

    first.unmount();
    renderApp();
    expect(
      await screen.findByTestId("new-meeting"),
      "a new window starts in the remembered language",
    ).toHaveTextContent("New meeting");
  });
});
