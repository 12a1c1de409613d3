import { useCallback, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import { keepTabInside } from "../../components/Dialog";
import { ErrorText } from "../../components/ErrorText";
import { formatTime } from "../../dates";
import { useI18n } from "../../i18n";
import {
  type AttendanceEvent,
  type AttendanceSummary,
  type CheckIn,
  type IpcError,
  type Meeting,
  type Participant,
  type SectionAttendance,
  toIpcError,
  useBackend,
} from "../../ipc";
import { codeKey, isScan, type Keystrokes, keystroke, NO_KEYSTROKES } from "./scanner";

/** Results shown for a query: enough to pick from, few enough to read at a glance. */
const LIMIT = 8;
/** The search waits this long after the last keystroke. */
const DEBOUNCE_MS = 80;
/** Check-ins kept in "Vừa điểm danh". */
const RECENT = 5;

/** What the last action came to, shown large under the search box. */
type Outcome =
  | { kind: "done" | "already" | "undone"; participant: Participant }
  | { kind: "error"; error: IpcError };

interface RecentCheckIn {
  /** The order the check-in was started in; newest is highest. */
  seq: number;
  participant: Participant;
  already: boolean;
  undone: boolean;
  undoing: boolean;
}

const here = (p: Participant) => p.state === "present" || p.state === "late" || p.state === "left";

/**
 * What undoing a check-in records, from the person's log (oldest first): the
 * absence they had before the arrival, with its reason, if they had one;
 * otherwise "cleared", back to not yet arrived. The log keeps every event.
 */
function undoEvent(log: AttendanceEvent[]): { kind: "absent" | "cleared"; reason: string } {
  const arrival = log.map((e) => e.kind).lastIndexOf("arrived");
  const before = log.slice(0, arrival < 0 ? log.length : arrival).at(-1);
  return before?.kind === "absent"
    ? { kind: "absent", reason: before.reason }
    : { kind: "cleared", reason: "" };
}

interface CheckInModeProps {
  meeting: Meeting;
  onClose(): void;
  /**
   * The clock keystrokes are timed by, in milliseconds; by default each
   * event's own `timeStamp`. Tests pass their own to type like a person or a scanner.
   */
  clock?: () => number;
}

/**
 * The door: one search box, always focused, for 300 delegates arriving at
 * 08:00. Type part of a name (or scan a code) and press Enter; the result
 * shows large, the counts follow, and the last few can be undone.
 */
export function CheckInMode({ meeting, onClose, clock }: CheckInModeProps) {
  const backend = useBackend();
  const { t } = useI18n();
  const titleId = useId();
  const listId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const keys = useRef<Keystrokes>(NO_KEYSTROKES);

  const [query, setQuery] = useState("");
  const [results, setResults] = useState<{ query: string; items: Participant[] } | null>(null);
  const [highlight, setHighlight] = useState(0);
  const [searchError, setSearchError] = useState<IpcError | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [recent, setRecent] = useState<RecentCheckIn[]>([]);
  const [summary, setSummary] = useState<AttendanceSummary | null>(null);
  const [summaryError, setSummaryError] = useState<IpcError | null>(null);

  // Every action takes the next number; what it answers is shown only if no
  // later action has been shown already, so a slow answer never hides a newer one.
  const seq = useRef(0);
  const shownSummary = useRef(0);
  const shownOutcome = useRef(0);
  const meetingId = meeting.id;

  const focusBox = useCallback(() => input.current?.focus(), []);

  const [sections, setSections] = useState<SectionAttendance[]>([]);

  // The counts per group follow the meeting's; they are asked for after it.
  const showSummary = useCallback(
    (value: AttendanceSummary, n: number) => {
      if (n < shownSummary.current) return;
      shownSummary.current = n;
      setSummary(value);
      setSummaryError(null);
      backend.attendanceBySection(meetingId).then(
        (list) => {
          if (n === shownSummary.current) setSections(list);
        },
        () => setSections([]),
      );
    },
    [backend, meetingId],
  );

  function show(value: Outcome, n: number) {
    if (n < shownOutcome.current) return;
    shownOutcome.current = n;
    setOutcome(value);
  }

  // The mode has the whole window: the page under it does not scroll, and
  // coming back to the window (from another program) comes back to the box.
  useEffect(() => {
    focusBox();
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    window.addEventListener("focus", focusBox);
    return () => {
      document.body.style.overflow = overflow;
      window.removeEventListener("focus", focusBox);
    };
  }, [focusBox]);

  useEffect(() => {
    seq.current += 1;
    const n = seq.current;
    backend.attendanceSummary(meetingId).then(
      (value) => showSummary(value, n),
      (e: unknown) => setSummaryError(toIpcError(e)),
    );
  }, [backend, meetingId, showSummary]);

  // The search follows the box; an answer for anything but the latest query is dropped.
  useEffect(() => {
    if (!query.trim()) {
      setResults(null);
      setSearchError(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      backend.searchParticipants(meetingId, query, LIMIT).then(
        (items) => {
          if (!live) return;
          setResults({ query, items });
          setHighlight(0);
          setSearchError(null);
        },
        (e: unknown) => live && setSearchError(toIpcError(e)),
      );
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend, meetingId, query]);

  useEffect(() => {
    document.getElementById(`${listId}-${highlight}`)?.scrollIntoView?.({ block: "nearest" });
  }, [listId, highlight]);

  function clearBox() {
    keys.current = NO_KEYSTROKES;
    setQuery("");
    setResults(null);
    setHighlight(0);
  }

  /** Clears the box at once (the next delegate may already be typed or scanned), then checks in. */
  async function checkIn(call: () => Promise<CheckIn>) {
    clearBox();
    seq.current += 1;
    const n = seq.current;
    try {
      const result = await call();
      showSummary(result.summary, n);
      show({ kind: result.already ? "already" : "done", participant: result.participant }, n);
      setRecent((list) =>
        [
          {
            seq: n,
            participant: result.participant,
            already: result.already,
            undone: false,
            undoing: false,
          },
          ...list,
        ]
          .sort((a, b) => b.seq - a.seq)
          .slice(0, RECENT),
      );
    } catch (e) {
      show({ kind: "error", error: toIpcError(e) }, n);
    }
    focusBox();
  }

  function checkInPerson(p: Participant) {
    return checkIn(() => backend.checkIn(meetingId, p.person.id));
  }

  /**
   * `value` is what the box holds as Enter is pressed, read from the box
   * itself: a scanner's Enter can come before the last character's render.
   */
  async function submit(value: string, enterAt: number) {
    const trimmed = value.trim();
    if (!trimmed) return;
    if (isScan(keys.current, value, enterAt)) {
      await checkIn(() => backend.checkInCode(meetingId, trimmed));
      return;
    }
    // Enter may come before the search has answered for what is in the box: ask now.
    let items = results?.query === value ? results.items : null;
    let index = items ? highlight : 0;
    if (!items) {
      try {
        items = await backend.searchParticipants(meetingId, value, LIMIT);
      } catch (e) {
        setSearchError(toIpcError(e));
        return;
      }
      index = 0;
      setResults({ query: value, items });
      setHighlight(0);
    }
    const first = items[0];
    if (!first) return;
    // A code typed in full (or scanned slowly) is that person, whatever is highlighted.
    const typedCode = codeKey(trimmed);
    const chosen =
      typedCode !== "" && typedCode === codeKey(first.person.checkinCode)
        ? first
        : (items[index] ?? first);
    await checkInPerson(chosen);
  }

  async function undo(entry: RecentCheckIn) {
    const personId = entry.participant.person.id;
    const update = (change: Partial<RecentCheckIn>) =>
      setRecent((list) => list.map((r) => (r.seq === entry.seq ? { ...r, ...change } : r)));
    update({ undoing: true });
    seq.current += 1;
    const n = seq.current;
    try {
      const { kind, reason } = undoEvent(await backend.attendanceLog(meetingId, personId));
      await backend.recordAttendance(meetingId, personId, kind, reason, null);
      update({ undone: true, undoing: false });
      show({ kind: "undone", participant: entry.participant }, n);
      showSummary(await backend.attendanceSummary(meetingId), n);
    } catch (e) {
      update({ undoing: false });
      show({ kind: "error", error: toIpcError(e) }, n);
    }
    focusBox();
  }

  function onBoxChange(event: React.ChangeEvent<HTMLInputElement>) {
    const value = event.target.value;
    keys.current = keystroke(keys.current, value, clock ? clock() : event.timeStamp);
    setQuery(value);
  }

  function onBoxKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    const count = results?.items.length ?? 0;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      setHighlight((h) => Math.min(Math.max(h + step, 0), Math.max(count - 1, 0)));
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (event.nativeEvent.isComposing) return;
      void submit(event.currentTarget.value, clock ? clock() : event.timeStamp);
    }
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      if (query) {
        clearBox();
        focusBox();
      } else {
        onClose();
      }
      return;
    }
    // Tab stays inside, as in a dialog.
    keepTabInside(event, panel.current);
  }

  /** A click anywhere but on a button goes back to the box. */
  function onMouseUp(event: React.MouseEvent) {
    if (!(event.target as HTMLElement).closest("button, input")) focusBox();
  }

  const items = results?.items ?? [];
  const noMatch = results !== null && results.query === query && items.length === 0;
  const active = items.length > 0 ? `${listId}-${Math.min(highlight, items.length - 1)}` : "";

  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: keys and clicks are forwarded to the search box
    <div className="checkin-backdrop" onKeyDown={onKeyDown} onMouseUp={onMouseUp}>
      <div
        ref={panel}
        className="checkin"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="checkin-mode"
      >
        <header className="checkin-head">
          <div className="checkin-title">
            <h2 id={titleId}>{t("checkin.title")}</h2>
            <p className="muted ellipsis" title={meeting.title}>
              {meeting.title}
            </p>
          </div>
          <Counts summary={summary} sections={sections} error={summaryError} />
          <button
            type="button"
            className="button checkin-close"
            data-testid="checkin-close"
            onClick={onClose}
          >
            {t("checkin.close")}
          </button>
        </header>
        <div className="checkin-body">
          <div className="checkin-main">
            <label className="checkin-search">
              <span className="visually-hidden">{t("checkin.searchLabel")}</span>
              <input
                ref={input}
                type="text"
                role="combobox"
                aria-expanded={items.length > 0}
                aria-controls={listId}
                aria-autocomplete="list"
                aria-activedescendant={active || undefined}
                autoComplete="off"
                spellCheck={false}
                data-testid="checkin-search"
                placeholder={t("checkin.placeholder")}
                value={query}
                onChange={onBoxChange}
                onKeyDown={onBoxKeyDown}
              />
            </label>
            <p className="muted small">{t("checkin.keys")}</p>
            <OutcomePanel outcome={outcome} />
            <ErrorText error={searchError} />
            {noMatch ? (
              <div className="checkin-nomatch">
                <p>{t("checkin.noMatch", { q: query.trim() })}</p>
                <p className="muted small">{t("checkin.noMatchHint")}</p>
              </div>
            ) : null}
            <div
              id={listId}
              className="checkin-results"
              role="listbox"
              aria-label={t("checkin.results")}
            >
              {items.map((p, i) => (
                <ResultRow
                  key={p.person.id}
                  id={`${listId}-${i}`}
                  p={p}
                  selected={i === highlight}
                  onPick={() => void checkInPerson(p)}
                />
              ))}
            </div>
          </div>
          <aside className="checkin-side" aria-labelledby={`${titleId}-recent`}>
            <h3 id={`${titleId}-recent`}>{t("checkin.recent")}</h3>
            {recent.length === 0 ? (
              <p className="muted small">{t("checkin.recentEmpty")}</p>
            ) : (
              <ol className="checkin-recent">
                {recent.map((entry) => (
                  <RecentRow key={entry.seq} entry={entry} onUndo={() => void undo(entry)} />
                ))}
              </ol>
            )}
          </aside>
        </div>
      </div>
    </div>,
    document.body,
  );
}

/** "Có mặt 38/42 (trong đó đến muộn 2) · Vắng có lý do 3 · Vắng 0 · Chưa đến 1": they add up to the total. */
function Counts({
  summary,
  sections,
  error,
}: {
  summary: AttendanceSummary | null;
  sections: SectionAttendance[];
  error: IpcError | null;
}) {
  const { t } = useI18n();
  if (!summary) return <ErrorText error={error} />;
  const s = summary;
  const ofWhich =
    s.left > 0
      ? t("checkin.count.lateLeft", { late: s.late, left: s.left })
      : t("checkin.count.late", { late: s.late });
  return (
    <section className="checkin-counts-box" aria-label={t("checkin.countsLabel")}>
      <p className="checkin-counts" data-testid="checkin-counts" aria-live="polite">
        <strong className="checkin-count-present">
          {t("checkin.count.attended", { attended: s.attended, invited: s.invited })}
        </strong>{" "}
        <span>({ofWhich})</span>
        <span className="checkin-count-sep"> · </span>
        <span>{t("checkin.count.absentExcused", { n: s.absentExcused })}</span>
        <span className="checkin-count-sep"> · </span>
        <span>{t("checkin.count.absent", { n: s.absent })}</span>
        <span className="checkin-count-sep"> · </span>
        <span>{t("checkin.count.pending", { n: s.pending })}</span>
      </p>
      <p className="muted small">{t("checkin.count.scope", { invited: s.invited })}</p>
      {sections.length > 1 ? (
        <ul className="checkin-sections" data-testid="checkin-sections">
          {sections.map(({ section, summary: n }) => (
            <li key={section}>
              {t("checkin.count.section", {
                section: section || t("checkin.count.noSection"),
                attended: n.attended,
                invited: n.invited,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Chức vụ and đơn vị, as one line. */
function roleLine(p: Participant): string {
  return [p.person.positionTitle, p.person.unit].filter(Boolean).join(", ");
}

function OutcomePanel({ outcome }: { outcome: Outcome | null }) {
  const { t, describeError } = useI18n();
  if (!outcome) return null;
  if (outcome.kind === "error") {
    return (
      <div
        className="checkin-confirm checkin-confirm-error"
        data-testid="checkin-confirm"
        data-kind="error"
        role="alert"
      >
        <p className="checkin-confirm-main">{describeError(outcome.error)}</p>
      </div>
    );
  }
  const p = outcome.participant;
  const name = p.person.fullName;
  const time = p.arrivedAt ? formatTime(p.arrivedAt) : "";
  if (outcome.kind === "already") {
    return (
      <div
        className="checkin-confirm checkin-confirm-already"
        data-testid="checkin-confirm"
        data-kind="already"
        role="status"
      >
        <p className="checkin-confirm-main">
          {time ? t("checkin.already", { name, time }) : t("checkin.alreadyNoTime", { name })}
        </p>
        {roleLine(p) ? <p className="checkin-confirm-sub">{roleLine(p)}</p> : null}
      </div>
    );
  }
  if (outcome.kind === "undone") {
    return (
      <div
        className="checkin-confirm checkin-confirm-undone"
        data-testid="checkin-confirm"
        data-kind="undone"
        role="status"
      >
        <p className="checkin-confirm-main">{t("checkin.undone", { name })}</p>
      </div>
    );
  }
  const when = t(p.state === "late" ? "checkin.late" : "checkin.present", { time });
  return (
    <div
      className="checkin-confirm checkin-confirm-done"
      data-testid="checkin-confirm"
      data-kind="done"
      role="status"
    >
      <p className="checkin-confirm-main">
        <span aria-hidden="true">✓ </span>
        {name}
      </p>
      <p className="checkin-confirm-sub">
        {roleLine(p) ? `${roleLine(p)} — ` : ""}
        <strong>{when}</strong>
      </p>
    </div>
  );
}

function ResultRow({
  id,
  p,
  selected,
  onPick,
}: {
  id: string;
  p: Participant;
  selected: boolean;
  onPick(): void;
}) {
  const { t } = useI18n();
  const checkedIn = here(p);
  return (
    // The box keeps the focus (and the keyboard); a click on a row checks that person in.
    // biome-ignore lint/a11y/useKeyWithClickEvents: ↑ ↓ and Enter in the combobox do the same
    <div
      id={id}
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      className={`checkin-result${selected ? " selected" : ""}${checkedIn ? " checked-in" : ""}`}
      data-testid="checkin-result"
      onMouseDown={(e) => e.preventDefault()}
      onClick={onPick}
    >
      <span className="checkin-result-name">{p.person.fullName}</span>
      <span className={`badge state state-${p.state}`}>{t(`state.${p.state}`)}</span>
      <span className="checkin-result-detail">
        {roleLine(p)}
        {p.person.checkinCode ? (
          <span className="checkin-code">{t("checkin.code", { code: p.person.checkinCode })}</span>
        ) : null}
      </span>
      {checkedIn && p.arrivedAt ? (
        <span className="checkin-result-when">
          {t("checkin.checkedInAt", { time: formatTime(p.arrivedAt) })}
        </span>
      ) : (
        <span />
      )}
    </div>
  );
}

function RecentRow({ entry, onUndo }: { entry: RecentCheckIn; onUndo(): void }) {
  const { t } = useI18n();
  const p = entry.participant;
  const name = p.person.fullName;
  const note = entry.already
    ? t("checkin.recentAlready")
    : entry.undone
      ? t("checkin.recentUndone")
      : "";
  return (
    <li className={entry.undone ? "undone" : undefined} data-testid="checkin-recent">
      <span className="checkin-recent-name">{name}</span>
      <span className="checkin-recent-meta">
        <span className="checkin-recent-time">{p.arrivedAt ? formatTime(p.arrivedAt) : ""}</span>
        {note ? <span className="muted"> · {note}</span> : null}
      </span>
      {entry.already || entry.undone ? null : (
        <button
          type="button"
          className="button small"
          data-testid="checkin-undo"
          aria-label={t("checkin.undoLabel", { name })}
          disabled={entry.undoing}
          onClick={onUndo}
        >
          {t("checkin.undo")}
        </button>
      )}
    </li>
  );
}
