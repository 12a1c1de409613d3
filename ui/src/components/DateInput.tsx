import { type RefObject, useEffect, useId, useLayoutEffect, useRef, useState } from "react";
import { formatDate, parseClockTime, parseDate } from "../dates";
import { useI18n } from "../i18n";
import { registerPendingSave } from "./pendingSaves";

// Native date and time inputs follow the webview's locale ("10 / 06 / 2022",
// "08:05 AM" on an English system). These are plain text boxes that read what
// a Vietnamese secretary types and always show dd/mm/yyyy and a 24-hour hh:mm.

interface BoxOptions {
  /** The value as the app keeps it ("YYYY-MM-DD", "HH:MM"), or "". */
  value: string;
  onValue(value: string): void;
  parse(typed: string): string | null;
  show(value: string): string;
  required: boolean;
}

/**
 * One typed box. A valid entry is passed up at once; an empty one as "" (when
 * the field may be empty); anything else stays in the box, passes nothing up,
 * and is marked wrong once the box is left.
 */
function useTypedBox({ value, onValue, parse, show, required }: BoxOptions) {
  const [text, setText] = useState(() => show(value));
  // The value the text stands for: the last one passed down or up.
  const [basis, setBasis] = useState(value);
  const [shown, setShown] = useState(false);
  const ref = useRef<HTMLInputElement>(null);

  // Another value from outside (a different record, a reset) replaces the text.
  if (value !== basis) {
    setBasis(value);
    setText(show(value));
    setShown(false);
  }

  const blank = !text.trim();
  const parsed = blank ? "" : parse(text);
  const wrong = parsed === null || (blank && required);

  return {
    ref,
    wrong,
    blank,
    shown: shown && wrong,
    show: () => setShown(true),
    inputProps: {
      ref,
      type: "text",
      inputMode: "numeric" as const,
      autoComplete: "off",
      spellCheck: false,
      value: text,
      "aria-invalid": shown && wrong ? true : undefined,
      // Marks the box for `FormDialog`, which then saves nothing (the window
      // closing included) until it is put right.
      "data-wrong": wrong ? "" : undefined,
      onChange(event: React.ChangeEvent<HTMLInputElement>) {
        const typed = event.target.value;
        setText(typed);
        setShown(false);
        const next = typed.trim() ? parse(typed) : "";
        if (next === null || (next === "" && required) || next === basis) return;
        setBasis(next);
        onValue(next);
      },
      onBlur() {
        if (parsed) setText(show(parsed));
        else if (blank) setText("");
        if (wrong) setShown(true);
      },
    },
  };
}

/**
 * While a box holds something that is not a date or time, its form is not
 * submitted (the first such box takes the focus and says why) and the window
 * does not close: what was typed is neither saved wrong nor lost.
 */
function useHoldWhileWrong(
  box: { ref: RefObject<HTMLInputElement | null>; wrong: boolean; show(): void },
  readOnly: boolean | undefined,
) {
  const latest = useRef(box);
  useLayoutEffect(() => {
    latest.current = box;
  });
  const hold = box.wrong && !readOnly;

  useEffect(() => {
    const form = latest.current.ref.current?.form;
    if (!form || readOnly) return;
    function onSubmit(event: Event) {
      const current = latest.current;
      if (!current.wrong) return;
      // The app's own handler never sees this submit.
      if (!event.defaultPrevented) current.ref.current?.focus();
      event.preventDefault();
      event.stopPropagation();
      current.show();
    }
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, [readOnly]);

  useEffect(() => {
    if (!hold) return;
    return registerPendingSave(async () => {
      latest.current.show();
      return false;
    });
  }, [hold]);
}

interface CommonProps {
  required?: boolean;
  readOnly?: boolean;
  "data-testid"?: string;
  "aria-describedby"?: string;
  "aria-label"?: string;
}

function describedBy(...ids: (string | false | null | undefined)[]): string | undefined {
  return ids.filter(Boolean).join(" ") || undefined;
}

function Problem({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <span id={id} className="error-text small" role="alert">
      {message}
    </span>
  );
}

function problemOf(box: { shown: boolean; blank: boolean }): "missing" | "invalid" | null {
  if (!box.shown) return null;
  return box.blank ? "missing" : "invalid";
}

/** What differs between a date box and a time box. */
const KINDS = {
  date: {
    parse: parseDate,
    show: formatDate,
    className: "date-input",
    placeholder: "dd/mm/yyyy",
    missing: "dates.dateMissing",
    invalid: "dates.dateInvalid",
  },
  time: {
    parse: parseClockTime,
    show: (value: string) => value,
    className: "time-input",
    placeholder: "hh:mm",
    missing: "dates.timeMissing",
    invalid: "dates.timeInvalid",
  },
} as const;

type BoxProps = CommonProps & { value: string; onChange(value: string): void };

function TypedInput({
  kind,
  value,
  onChange,
  required = false,
  readOnly,
  ...aria
}: BoxProps & { kind: keyof typeof KINDS }) {
  const { t } = useI18n();
  const errorId = useId();
  const k = KINDS[kind];
  const box = useTypedBox({ value, onValue: onChange, parse: k.parse, show: k.show, required });
  useHoldWhileWrong(box, readOnly);
  const problem = problemOf(box);
  return (
    <>
      <input
        {...box.inputProps}
        className={k.className}
        placeholder={k.placeholder}
        readOnly={readOnly}
        data-testid={aria["data-testid"]}
        aria-label={aria["aria-label"]}
        aria-describedby={describedBy(aria["aria-describedby"], problem && errorId)}
      />
      <Problem id={errorId} message={problem ? t(k[problem]) : null} />
    </>
  );
}

/** A date typed day first ("6/10/2022", "06102022"); `value` is "YYYY-MM-DD", or "". */
export function DateInput(props: BoxProps) {
  return <TypedInput kind="date" {...props} />;
}

/** A 24-hour time ("8:05", "0805", "8h05", "8h"); `value` is "HH:MM", or "". */
export function TimeInput(props: BoxProps) {
  return <TypedInput kind="time" {...props} />;
}

/**
 * A date box and a time box for one "YYYY-MM-DDTHH:MM" value (always both).
 * The date box carries `data-testid`, the time box the same id plus "-time".
 */
export function DateTimeInput({
  value,
  onChange,
  dateLabel,
  timeLabel,
  readOnly,
  "data-testid": testId,
  "aria-describedby": describedByOuter,
}: Omit<CommonProps, "required" | "aria-label"> & {
  value: string;
  onChange(value: string): void;
  /** The boxes' names (a label around both would name the date box after the time too). */
  dateLabel: string;
  timeLabel: string;
}) {
  const { t } = useI18n();
  const errorId = useId();
  const day = value.slice(0, 10);
  const time = value.slice(11, 16);
  const dateBox = useTypedBox({
    value: day,
    onValue: (d) => onChange(`${d}T${time}`),
    parse: parseDate,
    show: formatDate,
    required: true,
  });
  const timeBox = useTypedBox({
    value: time,
    onValue: (h) => onChange(`${day}T${h}`),
    parse: parseClockTime,
    show: (v) => v,
    required: true,
  });
  useHoldWhileWrong(dateBox, readOnly);
  useHoldWhileWrong(timeBox, readOnly);
  const dateWrong = problemOf(dateBox);
  const timeWrong = problemOf(timeBox);
  const messages = [
    dateWrong && t(dateWrong === "missing" ? "dates.dateMissing" : "dates.dateInvalid"),
    timeWrong && t(timeWrong === "missing" ? "dates.timeMissing" : "dates.timeInvalid"),
  ].filter(Boolean);
  const describe = describedBy(describedByOuter, messages.length > 0 && errorId);
  return (
    <>
      <span className="date-time">
        <input
          {...dateBox.inputProps}
          className="date-input"
          placeholder="dd/mm/yyyy"
          readOnly={readOnly}
          data-testid={testId}
          aria-label={dateLabel}
          aria-describedby={describe}
        />
        <input
          {...timeBox.inputProps}
          className="time-input"
          placeholder="hh:mm"
          readOnly={readOnly}
          data-testid={testId ? `${testId}-time` : undefined}
          aria-label={timeLabel}
          aria-describedby={describe}
        />
      </span>
      <Problem id={errorId} message={messages.join(" ") || null} />
    </>
  );
}
