import { useEffect, useState } from "react";
import { formatDate } from "../../dates";
import { useI18n } from "../../i18n";
import {
  type AgendaItem,
  type AttendanceSummary,
  closeThisWindow,
  type IpcError,
  type Meeting,
  toIpcError,
  useBackend,
} from "../../ipc";

/** How often the hall screen reads the meeting again. */
export const PROJECTOR_REFRESH_MS = 1000;

interface View {
  meeting: Meeting;
  agenda: AgendaItem[];
  summary: AttendanceSummary;
}

/**
 * The hall screen: the meeting's title, its agenda with the item under way,
 * and how many delegates are present. It has no controls; it reads the store
 * every second, so it follows whatever the secretaries record in the main
 * window (the running item, check-ins) without being told. Esc closes it.
 */
export function ProjectorScreen({ meetingId }: { meetingId: string }) {
  const backend = useBackend();
  const { t } = useI18n();
  const [view, setView] = useState<View | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  useEffect(() => {
    let live = true;
    async function read() {
      try {
        const [meeting, agenda, summary] = await Promise.all([
          backend.getMeeting(meetingId),
          backend.listAgenda(meetingId),
          backend.attendanceSummary(meetingId),
        ]);
        if (live) {
          setView({ meeting, agenda, summary });
          setError(null);
        }
      } catch (e) {
        // The last good view stays up; a hall screen should not flash errors.
        if (live) setError(toIpcError(e));
      }
    }
    void read();
    const timer = setInterval(() => void read(), PROJECTOR_REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [backend, meetingId]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") closeThisWindow();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  if (!view) {
    return (
      <main className="projector" data-testid="projector">
        <p className="projector-note">{error ? error.message : t("app.loading")}</p>
      </main>
    );
  }
  const { meeting, agenda, summary } = view;
  const current = agenda.find((a) => a.startedAt !== null && a.endedAt === null) ?? null;
  const started = agenda.some((a) => a.startedAt !== null);
  const allDone = started && agenda.every((a) => a.endedAt !== null);
  return (
    <main className="projector" data-testid="projector">
      <header className="projector-head">
        <h1 data-testid="projector-title">{meeting.title}</h1>
        <p>
          {formatDate(meeting.startsAt)}
          {meeting.venue ? ` · ${meeting.venue}` : ""}
        </p>
      </header>
      <p className="projector-current" data-testid="projector-current">
        {current ? (
          <>
            <span className="projector-label">{t("projector.current")}</span>
            <strong>{current.title}</strong>
            {current.presenter ? <span> — {current.presenter}</span> : null}
          </>
        ) : (
          <span className="projector-label">
            {meeting.status === "closed" || allDone ? t("projector.ended") : t("projector.none")}
          </span>
        )}
      </p>
      <ol className="projector-agenda" data-testid="projector-agenda">
        {agenda.map((item) => (
          <li
            key={item.id}
            className={
              item === current ? "is-current" : item.endedAt !== null ? "is-done" : undefined
            }
            aria-current={item === current ? "step" : undefined}
          >
            <span className="projector-time">{item.expectedStart}</span>
            <span className="projector-item">
              {item.title}
              {item.presenter ? (
                <span className="projector-presenter"> — {item.presenter}</span>
              ) : null}
            </span>
          </li>
        ))}
      </ol>
      <footer className="projector-foot" data-testid="projector-count">
        {t("projector.attended", { attended: summary.attended, invited: summary.invited })}
      </footer>
    </main>
  );
}
