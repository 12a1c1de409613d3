import { type KeyboardEvent, type Ref, useEffect, useId, useRef, useState } from "react";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { parseClockTime } from "../../dates";
import { type MessageKey, useI18n } from "../../i18n";
import {
  type AttendanceState,
  type IpcError,
  type MinutesKind,
  type Participant,
  toIpcError,
  useBackend,
} from "../../ipc";

export const SPEAKER_SEARCH_DELAY_MS = 120;
const SPEAKER_SUGGESTIONS = 6;
const HERE: AttendanceState[] = ["present", "late"];

/** "Chức vụ, đơn vị" for the speaker's title, skipping what is empty. */
export function speakerTitle(p: Participant): string {
  return [p.person.positionTitle.trim(), p.person.unit.trim()].filter(Boolean).join(", ");
}

/** The opening words of each kind of entry, with and without the speaker's role; none for a note. */
const LEADS: Record<MinutesKind, readonly [MessageKey, MessageKey] | null> = {
  speech: ["minutes.speechLead", "minutes.speechLeadNoRole"],
  opinion: ["minutes.speechLead", "minutes.speechLeadNoRole"],
  report: ["minutes.reportLead", "minutes.reportLeadNoRole"],
  conclusion: ["minutes.conclusionLead", "minutes.conclusionLeadNoRole"],
  note: null,
};

/**
 * How the minutes usually open an entry by `p`: "Đồng chí Nguyễn Văn A, Giám
 * đốc Sở Tài chính phát biểu: " (or "trình bày báo cáo", "kết luận"); null for
 * a note.
 */
export function speakerLead(
  t: (key: MessageKey, vars?: Record<string, string>) => string,
  kind: MinutesKind,
  p: Participant,
): string | null {
  const keys = LEADS[kind];
  if (!keys) return null;
  const name = p.person.fullName;
  const role = [p.person.positionTitle.trim(), p.person.unit.trim()].filter(Boolean).join(" ");
  return role ? t(keys[0], { name, role }) : t(keys[1], { name });
}

/**
 * The speaker's name, typed freely or picked from the meeting's list: a few
 * letters ("nvt", "hung") bring up the core's ranked matches; ↓ ↑ move, Enter
 * or a click picks, Esc closes the list.
 */
export function SpeakerField({
  meetingId,
  value,
  onChange,
  onPick,
  inputRef,
}: {
  meetingId: string;
  value: string;
  onChange(text: string): void;
  onPick(p: Participant): void;
  inputRef?: Ref<HTMLInputElement>;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const listId = useId();
  const [query, setQuery] = useState<string | null>(null);
  const [items, setItems] = useState<Participant[]>([]);
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  const [error, setError] = useState<IpcError | null>(null);
  const asked = useRef(0);

  // Searches once typing pauses; an answer to an older query is dropped.
  useEffect(() => {
    if (query === null) return;
    const text = query.trim();
    const ask = ++asked.current;
    if (!text) {
      setItems([]);
      setOpen(false);
      return;
    }
    const timer = setTimeout(() => {
      backend.searchParticipants(meetingId, text, SPEAKER_SUGGESTIONS).then(
        (found) => {
          if (ask !== asked.current) return;
          setError(null);
          setItems(found);
          setHighlight(0);
          setOpen(found.length > 0);
        },
        (e: unknown) => {
          if (ask === asked.current) setError(toIpcError(e));
        },
      );
    }, SPEAKER_SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [backend, meetingId, query]);

  function close() {
    asked.current += 1;
    setOpen(false);
  }

  function pick(p: Participant) {
    close();
    onPick(p);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (!open || items.length === 0) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlight((h) => (h + step + items.length) % items.length);
    } else if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      const p = items[highlight];
      if (p) pick(p);
    } else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  }

  const expanded = open && items.length > 0;
  return (
    <div className="combo">
      <Field label={t("minutes.speakerName")}>
        <input
          ref={inputRef}
          type="text"
          role="combobox"
          aria-keyshortcuts="Alt+S"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={expanded ? `${listId}-${highlight}` : undefined}
          autoComplete="off"
          spellCheck={false}
          data-testid="minutes-speaker"
          placeholder={t("minutes.speakerPlaceholder")}
          value={value}
          onChange={(e) => {
            onChange(e.target.value);
            setQuery(e.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
      </Field>
      <ErrorText error={error} />
      {expanded ? (
        <div
          id={listId}
          className="combo-list"
          role="listbox"
          aria-label={t("minutes.speakerSuggestions")}
        >
          {items.map((p, i) => {
            const title = speakerTitle(p);
            return (
              // The box keeps the focus; ↑ ↓ and Enter there do what a click does here.
              // biome-ignore lint/a11y/useKeyWithClickEvents: handled by the combobox
              <div
                key={p.person.id}
                id={`${listId}-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === highlight}
                className={i === highlight ? "combo-option selected" : "combo-option"}
                data-testid="speaker-suggestion"
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setHighlight(i)}
                onClick={() => pick(p)}
              >
                <span className="combo-option-name">{p.person.fullName}</span>
                {HERE.includes(p.state) ? null : (
                  <span className={`badge state state-${p.state}`}>{t(`state.${p.state}`)}</span>
                )}
                {title ? <span className="combo-option-detail muted small">{title}</span> : null}
              </div>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The time an entry was spoken, typed as a 24-hour "giờ:phút" whatever the
 * computer's locale ("7:55", "0755", "7h55"); shown as "HH:MM" once the field
 * is left. Only a valid time (or none) reaches the entry.
 */
export function SpokenAtField({
  value,
  onChange,
}: {
  value: string | null;
  onChange(time: string | null): void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(value ?? "");
  const [invalid, setInvalid] = useState(false);
  const errorId = useId();

  return (
    <Field label={t("minutes.spokenAt")}>
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        data-testid="minutes-time"
        placeholder="08:15"
        aria-invalid={invalid}
        aria-describedby={invalid ? errorId : undefined}
        value={text}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          setInvalid(false);
          // Clearing the box to type another time keeps the old one until the box is left empty.
          const time = parseClockTime(typed);
          if (time && time !== value) onChange(time);
        }}
        onBlur={() => {
          if (!text.trim()) {
            setText("");
            if (value !== null) onChange(null);
            return;
          }
          const time = parseClockTime(text);
          if (time) setText(time);
          else setInvalid(true);
        }}
      />
      {invalid ? (
        <span id={errorId} className="error-text small" role="alert">
          {t("minutes.spokenAtInvalid")}
        </span>
      ) : null}
    </Field>
  );
}
