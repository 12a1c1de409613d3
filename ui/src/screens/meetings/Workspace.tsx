import { useNavigate, useParams } from "react-router";
import { BackToMeetings } from "../../components/BackToMeetings";
import { MeetingScope } from "../../components/dataChanged";
import { ErrorText } from "../../components/ErrorText";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { formatSpan } from "../../dates";
import { useI18n } from "../../i18n";
import { useBackend } from "../../ipc";
import { AgendaTab } from "../agenda/AgendaTab";
import { DocumentsTab } from "../documents/DocumentsTab";
import { MinutesTab } from "../minutes/MinutesTab";
import { PeopleTab } from "../people/PeopleTab";
import { TeamTab } from "../team/TeamTab";
import { InfoTab } from "./InfoTab";

const TABS = ["info", "agenda", "people", "minutes", "documents", "team"] as const;
type Tab = (typeof TABS)[number];

function isTab(value: string | undefined): value is Tab {
  return TABS.includes(value as Tab);
}

/**
 * One meeting: its header, and a tab for each part of the secretary's work.
 * What the tabs show loads again, quietly, when another laptop's changes to
 * this meeting are merged (`MeetingScope`, `useLoad`); the header too.
 */
export function Workspace() {
  const { meetingId = "", tab } = useParams();
  const backend = useBackend();
  const { t } = useI18n();
  const navigate = useNavigate();
  const meeting = useLoad(() => backend.getMeeting(meetingId), [backend, meetingId]);
  const current: Tab = isTab(tab) ? tab : "info";
  const projector = useSubmit();

  function go(next: Tab) {
    navigate(`/meetings/${meetingId}/${next}`);
  }

  function onTabKey(event: React.KeyboardEvent, index: number) {
    const step = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (!step) return;
    event.preventDefault();
    const next = TABS[(index + step + TABS.length) % TABS.length] ?? "info";
    go(next);
    document.getElementById(`tab-${next}`)?.focus();
  }

  const m = meeting.value;
  return (
    <section className="page workspace">
      <div className="workspace-head">
        <BackToMeetings />
        {m ? (
          <div className="workspace-title">
            <h1>{m.title}</h1>
            <p className="muted">
              {formatSpan(m.startsAt, m.endsAt)}
              {m.venue ? ` · ${m.venue}` : ""}{" "}
              <span className={`badge status-${m.status}`}>{t(`status.${m.status}`)}</span>
              {m.isDemo ? <span className="badge badge-demo">{t("meetings.demo")}</span> : null}
            </p>
          </div>
        ) : null}
        {m ? (
          <button
            type="button"
            className="button workspace-projector"
            data-testid="open-projector"
            title={t("projector.openHint")}
            disabled={projector.busy}
            onClick={() => void projector.submit(() => backend.openProjector(m.id))}
          >
            {t("projector.open")}
          </button>
        ) : null}
      </div>
      <ErrorText error={meeting.error ?? projector.error} />
      {m?.status === "closed" ? (
        <div className="locked-banner" role="note" data-testid="locked-banner">
          <span>{t("lock.banner")}</span>
          {current !== "info" ? (
            <button type="button" className="button ghost" onClick={() => go("info")}>
              {t("lock.toInfo")}
            </button>
          ) : null}
        </div>
      ) : null}
      <div className="tabs" role="tablist" aria-label={t("tab.label")}>
        {TABS.map((key, index) => (
          <button
            key={key}
            id={`tab-${key}`}
            type="button"
            role="tab"
            className="tab"
            data-testid={`tab-${key}`}
            aria-selected={current === key}
            aria-controls="tab-panel"
            tabIndex={current === key ? 0 : -1}
            onClick={() => go(key)}
            onKeyDown={(e) => onTabKey(e, index)}
          >
            {t(`tab.${key}`)}
          </button>
        ))}
      </div>
      <div id="tab-panel" className="tab-panel" role="tabpanel" aria-labelledby={`tab-${current}`}>
        {m ? (
          <MeetingScope.Provider value={m.id}>
            {current === "info" ? (
              <InfoTab key={m.id} meeting={m} onSaved={meeting.setValue} />
            ) : null}
            {current === "agenda" ? <AgendaTab meeting={m} /> : null}
            {current === "people" ? <PeopleTab meeting={m} /> : null}
            {current === "minutes" ? <MinutesTab meeting={m} /> : null}
            {current === "documents" ? (
              <DocumentsTab key={m.id} meeting={m} onMeetingSaved={meeting.setValue} />
            ) : null}
            {current === "team" ? <TeamTab meeting={m} /> : null}
          </MeetingScope.Provider>
        ) : meeting.error ? null : (
          <p className="muted">{t("app.loading")}</p>
        )}
      </div>
    </section>
  );
}
