import { useState } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { formatInstant } from "../../dates";
import { useI18n } from "../../i18n";
import { type Meeting, useBackend } from "../../ipc";

/**
 * Ending a meeting locks its records (the core refuses changes to the list,
 * attendance, agenda, minutes, votes and tasks); reopening asks why, and both
 * stay in the history shown here.
 */
export function MeetingLock({
  meeting,
  onChanged,
}: {
  meeting: Meeting;
  onChanged(m: Meeting): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const action = useSubmit();
  const [confirming, setConfirming] = useState(false);
  const [reopening, setReopening] = useState(false);
  const history = useLoad(
    () => backend.meetingHistory(meeting.id),
    [backend, meeting.id, meeting.status],
  );
  const closed = meeting.status === "closed";

  return (
    <section className="panel" aria-labelledby="meeting-lock-heading" data-testid="meeting-lock">
      <h2 id="meeting-lock-heading">{t("lock.title")}</h2>
      <p className="muted">{closed ? t("lock.banner") : t("lock.help")}</p>
      <div className="row-actions">
        {closed ? (
          <button
            type="button"
            className="button"
            data-testid="meeting-reopen"
            onClick={() => setReopening(true)}
          >
            {t("lock.reopen")}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="meeting-close"
            disabled={action.busy}
            onClick={() => setConfirming(true)}
          >
            {t("lock.close")}
          </button>
        )}
      </div>
      <ErrorText error={action.error ?? history.error} />
      {history.value && history.value.length > 0 ? (
        <>
          <h3>{t("lock.history")}</h3>
          <ul className="plain-list" data-testid="meeting-history">
            {history.value.map((e) => (
              <li key={e.id}>
                {t(`lock.event.${e.kind}`, { at: formatInstant(e.at), reason: e.reason })}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          message={t("lock.closeConfirm")}
          confirmLabel={t("lock.close")}
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void action.submit(() => backend.closeMeeting(meeting.id), onChanged);
          }}
        />
      ) : null}
      {reopening ? (
        <ReopenDialog
          meeting={meeting}
          onClose={() => setReopening(false)}
          onReopened={(m) => {
            setReopening(false);
            onChanged(m);
          }}
        />
      ) : null}
    </section>
  );
}

function ReopenDialog({
  meeting,
  onClose,
  onReopened,
}: {
  meeting: Meeting;
  onClose(): void;
  onReopened(m: Meeting): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const save = useSubmit();
  const [reason, setReason] = useState("");
  return (
    <FormDialog
      title={t("lock.reopen")}
      onClose={onClose}
      busy={save.busy}
      error={save.error}
      saveTestId="meeting-reopen-save"
      saveLabel={t("lock.reopen")}
      saveDisabled={!reason.trim()}
      onSubmit={() => save.submit(() => backend.reopenMeeting(meeting.id, reason), onReopened)}
    >
      <Field label={t("lock.reason")} hint={t("lock.reasonHint")} wide>
        <input
          data-testid="meeting-reopen-reason"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          data-autofocus
        />
      </Field>
    </FormDialog>
  );
}
