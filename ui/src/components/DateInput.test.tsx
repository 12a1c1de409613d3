import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider, LANG_STORAGE_KEY } from "../i18n";
import { DateInput, TimeInput } from "./DateInput";
import { Field } from "./Field";
import { flushPendingSaves } from "./pendingSaves";

/** A form holding one date and one time, reporting every value passed up. */
function Form({
  initialDate = "",
  onDate,
  onTime,
  onSubmit,
}: {
  initialDate?: string;
  onDate(value: string): void;
  onTime(value: string): void;
  onSubmit(): void;
}) {
  const [date, setDate] = useState(initialDate);
  const [time, setTime] = useState("");
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <Field label="Ngày">
        <DateInput
          data-testid="date"
          value={date}
          onChange={(v) => {
            setDate(v);
            onDate(v);
          }}
        />
      </Field>
      <Field label="Giờ">
        <TimeInput
          data-testid="time"
          value={time}
          onChange={(v) => {
            setTime(v);
            onTime(v);
          }}
        />
      </Field>
      <button type="button" onClick={() => setDate("2031-01-02")}>
        Đổi từ ngoài
      </button>
      <button type="submit">Lưu</button>
    </form>
  );
}

function setup(initialDate = "") {
  const onDate = vi.fn();
  const onTime = vi.fn();
  const onSubmit = vi.fn();
  const user = userEvent.setup();
  render(
    <I18nProvider>
      <Form initialDate={initialDate} onDate={onDate} onTime={onTime} onSubmit={onSubmit} />
    </I18nProvider>,
  );
  return {
    user,
    onDate,
    onTime,
    onSubmit,
    date: screen.getByTestId("date"),
    time: screen.getByTestId("time"),
  };
}

async function closeWindow(): Promise<boolean> {
  let closed = false;
  await act(async () => {
    closed = await flushPendingSaves();
  });
  return closed;
}

describe("dates and times typed as text", () => {
  it("shows a stored date as dd/mm/yyyy and passes up what is typed, day first", async () => {
    const { user, onDate, date } = setup("2022-10-06");
    expect(date).toHaveValue("06/10/2022");
    expect(date).toHaveAttribute("inputmode", "numeric");
    expect(date).toHaveAttribute("placeholder", "dd/mm/yyyy");

    for (const typed of ["6/10/2030", "6-10-2030", "06102030"]) {
      onDate.mockClear();
      await user.clear(date);
      await user.type(date, typed);
      expect(onDate, typed).toHaveBeenLastCalledWith("2030-10-06");
      await user.tab();
      expect(date, "normalised once left").toHaveValue("06/10/2030");
      await user.click(date);
    }
    expect(onDate, "only whole dates go up, never the ones half typed").not.toHaveBeenCalledWith(
      expect.not.stringMatching(/^(\d{4}-\d\d-\d\d)?$/),
    );

    await user.clear(date);
    expect(onDate, "an emptied box means no date").toHaveBeenLastCalledWith("");
    await user.tab();
    expect(date).not.toHaveAttribute("aria-invalid");
  });

  it("takes a new value from outside, and keeps the text while it is typed", async () => {
    const { user, date } = setup("2022-10-06");
    await user.click(screen.getByRole("button", { name: "Đổi từ ngoài" }));
    expect(date).toHaveValue("02/01/2031");
    await user.clear(date);
    await user.type(date, "9/3/2031");
    expect(date, "not rewritten under the caret").toHaveValue("9/3/2031");
  });

  it("keeps a day that does not exist, says why, and holds the form and the window", async () => {
    const { user, onDate, onSubmit, date } = setup("2026-02-01");
    await user.clear(date);
    onDate.mockClear();
    await user.type(date, "31/02/2026");
    expect(date, "no complaint while typing").not.toHaveAttribute("aria-invalid");
    await user.tab();
    expect(date).toHaveValue("31/02/2026");
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Ngày không hợp lệ, nhập dạng ngày/tháng/năm, ví dụ 06/10/2022.",
    );
    expect(onDate).not.toHaveBeenCalled();

    await user.click(screen.getByRole("button", { name: "Lưu" }));
    expect(onSubmit, "the form is not submitted").not.toHaveBeenCalled();
    expect(date).toHaveFocus();
    expect(await closeWindow(), "the window stays open").toBe(false);

    await user.clear(date);
    await user.type(date, "28/02/2026");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(onDate).toHaveBeenLastCalledWith("2026-02-28");
    expect(await closeWindow()).toBe(true);
    await user.click(screen.getByRole("button", { name: "Lưu" }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });

  it("reads a 24-hour time however it is typed, and refuses 25:00", async () => {
    const { user, onTime, onSubmit, time } = setup();
    expect(time).toHaveAttribute("placeholder", "hh:mm");
    for (const [typed, value] of [
      ["8:05", "08:05"],
      ["0805", "08:05"],
      ["8h05", "08:05"],
      ["8h", "08:00"],
      ["14h30", "14:30"],
    ]) {
      await user.clear(time);
      await user.type(time, typed as string);
      expect(onTime, typed).toHaveBeenLastCalledWith(value);
      await user.tab();
      expect(time).toHaveValue(value);
    }
    onTime.mockClear();
    await user.clear(time);
    await user.type(time, "25:00{Enter}");
    expect(onSubmit).not.toHaveBeenCalled();
    expect(time).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Giờ không hợp lệ, nhập dạng giờ:phút (24 giờ), ví dụ 08:05 hoặc 14:30.",
    );
    expect(onTime, "an empty box was passed up, 25:00 never").toHaveBeenCalledWith("");
    expect(onTime).not.toHaveBeenCalledWith(expect.stringMatching(/^25/));
  });

  it("says it in English in the English interface", async () => {
    localStorage.setItem(LANG_STORAGE_KEY, "en");
    const { user, date } = setup();
    await user.type(date, "30/02/2030");
    await user.tab();
    expect(screen.getByRole("alert")).toHaveTextContent(
      "Not a valid date: type day/month/year, e.g. 06/10/2022.",
    );
  });
});
