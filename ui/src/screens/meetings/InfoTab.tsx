import { useState } from "react";
import { ErrorText } from "../../components/ErrorText";
import { useSubmit } from "../../components/useSubmit";
import { useI18n } from "../../i18n";
import { type Meeting, useBackend } from "../../ipc";
import { MeetingForm } from "./MeetingForm";
import { MeetingLock } from "./MeetingLock";

export function InfoTab({ meeting, onSaved }: { meeting: Meeting; onSaved(m: Meeting): void }) {
  const backend = useBackend();
  const { t } = useI18n();
  return (
    <>
      {/* A closed meeting's details are read-only until it is reopened (below). */}
      <fieldset
        key={meeting.status}
        className="plain-fieldset"
        disabled={meeting.status === "closed"}
      >
        <MeetingForm
          meeting={meeting}
          savedMessage={t("info.saved")}
          onSubmit={async (input, seen) => {
            const stored = await backend.updateMeeting(meeting.id, seen, input);
            onSaved(stored);
            return stored;
          }}
        />
      </fieldset>
      <MeetingLock meeting={meeting} onChanged={onSaved} />
      <ExportMeeting id={meeting.id} />
    </>
  );
}

/** The meeting as one file, for a colleague's machine or the archive. */
function ExportMeeting({ id }: { id: string }) {
  const backend = useBackend();
  const { t } = useI18n();
  const action = useSubmit();
  const [written, setWritten] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="export-meeting-heading">
      <h2 id="export-meeting-heading">{t("info.exportTitle")}</h2>
      <p className="muted">{t("info.exportHelp")}</p>
      <div className="row-actions">
        <button
          type="button"
          className="button"
          data-testid="meeting-export"
          disabled={action.busy}
          onClick={() => void action.submit(() => backend.exportMeeting(id), setWritten)}
        >
          {t("info.export")}
        </button>
        {written ? (
          <span className="status-text" role="status">
            {t("info.exported", { name: written })}
          </span>
        ) : null}
      </div>
      <ErrorText error={action.error} />
    </section>
  );
}
