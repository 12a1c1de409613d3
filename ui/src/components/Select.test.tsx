import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { Select } from "./Select";

let setFromOutside: (value: string) => void = () => {};

function Kind() {
  const [kind, setKind] = useState("speech");
  setFromOutside = setKind;
  return (
    <Select aria-label="Loại" value={kind} onChange={(e) => setKind(e.target.value)}>
      <option value="speech">Phát biểu</option>
      <option value="conclusion">Kết luận</option>
    </Select>
  );
}

describe("a drop-down the app also sets", () => {
  it("stays the same element while the user chooses, and is drawn afresh when the app chooses", async () => {
    const user = userEvent.setup();
    render(<Kind />);
    const first = screen.getByRole("combobox", { name: "Loại" });
    await user.selectOptions(first, "conclusion");
    expect(screen.getByRole("combobox", { name: "Loại" }), "the user's choice").toBe(first);
    expect(first).toHaveValue("conclusion");

    first.focus();
    act(() => setFromOutside("speech"));
    const second = screen.getByRole("combobox", { name: "Loại" });
    expect(second, "a fresh element, which WebKit has no old choice for").not.toBe(first);
    expect(second).toHaveValue("speech");
    expect(second, "and the focus stays on it").toHaveFocus();

    await user.selectOptions(second, "conclusion");
    expect(screen.getByRole("combobox", { name: "Loại" })).toHaveValue("conclusion");
  });
});
