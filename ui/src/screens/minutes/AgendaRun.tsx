import { useEffect, useState } from "react";
import { ErrorText } from "../../components/ErrorText";
import { formatTime, nowIn } from "../../dates";
import { useI18n } from "../../i18n";
import type { AgendaItem, IpcError } from "../../ipc";

/** How often the elapsed minutes of the running item are worked out again. */
export const ELAPSED_REFRESH_MS = 30_000;

/** A local "YYYY-MM-DDTHH:MM" as a Date in this computer's time zone. */
function localDateTime(value: string): Date {
  const [date = "", time = ""] = value.split("T");
  const [y = 0, m = 1, d = 1] = date.split("-").map(Number);
  const [h = 0, min = 0] = time.split(":").map(Number);
  return new Date(y, m - 1, d, h, min);
}

/** The item under way: begun and not ended. */
export function runningItem(items: AgendaItem[]): AgendaItem | null {
  return items.find((i) => i.startedAt !== null && i.endedAt === null) ?? null;
}

/**
 * The item "Chuyển mục tiếp" starts: the first not begun after the last one
 * begun, else the first not begun at all.
 */
export function nextItem(items: AgendaItem[]): AgendaItem | null {
  let last = -1;
  items.forEach((item, index) => {
    if (item.startedAt !== null) last = index;
  });
  return (
    items.find((item, index) => index > last && item.startedAt === null) ??
    items.find((item) => item.startedAt === null) ??
    null
  );
}

/** The meeting's wall clock (`nowIn`), refreshed every `everyMs` while `active`. */
function useNow(timeZone: string, active: boolean, everyMs: number): Date {
  const [now, setNow] = useState(() => nowIn(timeZone));
  useEffect(() => {
    if (!active) return;
    setNow(nowIn(timeZone));
    const timer = setInterval(() => setNow(nowIn(timeZone)), everyMs);
    return () => clearInterval(timer);
  }, [timeZone, active, everyMs]);
  return now;
}

interface AgendaRunProps {
  /** The meeting's time zone: elapsed times are counted on its clock. */
  timeZone: string;
  items: AgendaItem[];
  busy: boolean;
  error: IpcError | null;
  onStart(item: AgendaItem): void;
  onEnd(item: AgendaItem): void;
  onNext(): void;
  onVote(): void;
}

/**
 * The agenda as the meeting goes: planned and real times, the item under way
 * with its minutes so far, and the buttons to start, move on and end.
 */
export function AgendaRun({
  timeZone,
  items,
  busy,
  error,
  onStart,
  onEnd,
  onNext,
  onVote,
}: AgendaRunProps) {
  const { t } = useI18n();
  const running = runningItem(items);
  const now = useNow(timeZone, running !== null, ELAPSED_REFRESH_MS);
  const next = nextItem(items);

  return (
    <section
      className="agenda-run panel"
      aria-labelledby="agenda-run-heading"
      data-testid="agenda-run"
    >
      <div className="section-head">
        <h3 id="agenda-run-heading">{t("run.heading")}</h3>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button primary"
          data-testid="agenda-next"
          aria-keyshortcuts="Alt+N"
          disabled={busy || next === null}
          onClick={onNext}
        >
          {t("run.next")}
        </button>
        <button type="button" className="button" data-testid="vote-add" onClick={onVote}>
          {t("vote.add")}
        </button>
      </div>
      <ErrorText error={error} />
      {items.length === 0 ? <p className="muted small">{t("run.empty")}</p> : null}
      {items.length > 0 ? (
        <ol className="agenda-run-list">
          {items.map((item, index) => {
            const isRunning = item.id === running?.id;
            const marks = [
              item.startedAt ? t("run.started", { time: formatTime(item.startedAt) }) : null,
              item.endedAt ? t("run.ended", { time: formatTime(item.endedAt) }) : null,
            ].filter((m) => m !== null);
            const elapsed =
              isRunning && item.startedAt
                ? Math.max(
                    0,
                    Math.floor((now.getTime() - localDateTime(item.startedAt).getTime()) / 60_000),
                  )
                : null;
            const title = `${index + 1}. ${item.title}`;
            return (
              <li
                key={item.id}
                className={isRunning ? "agenda-run-item running" : "agenda-run-item"}
                data-testid="agenda-run-item"
                aria-current={isRunning ? "step" : undefined}
              >
                <span className="nowrap muted">
                  {item.startTime}–{item.endTime}
                </span>
                <span className="cell-title">{title}</span>
                {isRunning ? <span className="tag running-tag">{t("run.running")}</span> : null}
                {marks.length > 0 ? <span className="small">{marks.join(", ")}</span> : null}
                {elapsed !== null ? (
                  <span
                    className={
                      elapsed > item.durationMinutes ? "small elapsed over" : "small elapsed"
                    }
                    data-testid="agenda-elapsed"
                  >
                    {t("run.elapsed", { elapsed, planned: item.durationMinutes })}
                  </span>
                ) : null}
                {item.startedAt === null && item.expectedStart !== item.startTime ? (
                  <span className="small expected" data-testid="agenda-expected">
                    {t("run.expected", { time: item.expectedStart })}
                  </span>
                ) : null}
                <span className="toolbar-spacer" />
                {item.startedAt === null ? (
                  <button
                    type="button"
                    className="button small"
                    data-testid="agenda-start"
                    aria-label={t("run.startLabel", { title: item.title })}
                    disabled={busy}
                    onClick={() => onStart(item)}
                  >
                    {t("run.start")}
                  </button>
                ) : null}
                {isRunning ? (
                  <button
                    type="button"
                    className="button small"
                    data-testid="agenda-end"
                    aria-label={t("run.endLabel", { title: item.title })}
                    disabled={busy}
                    onClick={() => onEnd(item)}
                  >
                    {t("run.end")}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
      ) : null}
    </section>
  );
}
