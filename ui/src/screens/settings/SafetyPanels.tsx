import { useState } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorText } from "../../components/ErrorText";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { formatInstant, formatSpan } from "../../dates";
import { useI18n } from "../../i18n";
import { type BackupInfo, type MeetingSummary, useBackend } from "../../ipc";

/**
 * The backups HoiNghi makes by itself, a button for one more, and restoring
 * one (after a confirmation; the current data is backed up first).
 */
export function BackupPanel({ folder }: { folder: string | null }) {
  const backend = useBackend();
  const { t } = useI18n();
  const backups = useLoad(() => backend.listBackups(), [backend]);
  const { submit, busy, error } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  function backUp() {
    setNotice(null);
    void submit(
      () => backend.backupNow(),
      (made) => {
        setNotice(t("settings.backups.made", { name: made.name }));
        backups.reload();
      },
    );
  }

  function restore(backup: BackupInfo) {
    setRestoring(null);
    setNotice(null);
    void submit(
      () => backend.restoreBackup(backup.name),
      (aside) => {
        setNotice(
          aside
            ? t("settings.backups.restored", { name: aside.name })
            : t("settings.backups.restoredMissing"),
        );
        backups.reload();
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="backups-heading">
      <h2 id="backups-heading">{t("settings.backups")}</h2>
      <p className="muted">{t("settings.backups.intro")}</p>
      {folder ? (
        <p className="small break">
          {t("settings.backups.folder")}: <span data-testid="backup-folder">{folder}</span>
        </p>
      ) : null}
      <ExtraBackupFolder onCopied={backups.reload} />
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid="backup-now"
          disabled={busy}
          onClick={backUp}
        >
          {t("settings.backups.now")}
        </button>
      </div>
      {notice ? (
        <p className="status-text break" role="status" data-testid="backup-notice">
          {notice}
        </p>
      ) : null}
      <ErrorText error={error ?? backups.error} />
      {backups.value?.length === 0 ? <p className="muted">{t("settings.backups.none")}</p> : null}
      {backups.value?.length ? (
        <table className="table" data-testid="backup-list">
          <thead>
            <tr>
              <th>{t("settings.backups.takenAt")}</th>
              <th>{t("settings.backups.reason")}</th>
              <th>{t("settings.backups.meetings")}</th>
              <th>{t("settings.backups.size")}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {backups.value.map((b) => (
              <tr key={b.name} title={b.name}>
                <td>{formatInstant(b.takenAt)}</td>
                <td>{t(`settings.backups.reason.${b.reason}`)}</td>
                <td>{b.meetings ?? "—"}</td>
                <td>{b.sizeKb.toLocaleString()} KB</td>
                <td>
                  <button
                    type="button"
                    className="button ghost"
                    disabled={busy}
                    onClick={() => setRestoring(b)}
                  >
                    {t("settings.backups.restore")}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {restoring ? (
        <ConfirmDialog
          message={t("settings.backups.confirm", { when: formatInstant(restoring.takenAt) })}
          confirmLabel={t("settings.backups.restore")}
          onConfirm={() => restore(restoring)}
          onCancel={() => setRestoring(null)}
        />
      ) : null}
    </section>
  );
}

/** Deleted meetings, each restorable; emptying the trash is a separate, confirmed act. */
export function TrashPanel() {
  const backend = useBackend();
  const { t } = useI18n();
  const trash = useLoad(() => backend.deletedMeetings(), [backend]);
  const { submit, busy, error } = useSubmit();
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function restore(m: MeetingSummary) {
    setNotice(null);
    void submit(
      () => backend.restoreMeeting(m.meeting.id),
      (restored) => {
        setNotice(t("settings.trash.restored", { title: restored.title }));
        trash.reload();
      },
    );
  }

  function emptyAll() {
    setConfirming(false);
    setNotice(null);
    void submit(
      () => backend.emptyTrash(),
      (backup) => {
        if (backup) setNotice(t("settings.trash.emptied", { name: backup.name }));
        trash.reload();
      },
    );
  }

  const items = trash.value ?? [];
  return (
    <section className="panel" aria-labelledby="trash-heading">
      <h2 id="trash-heading">{t("settings.trash")}</h2>
      <p className="muted">{t("settings.trash.intro")}</p>
      {notice ? (
        <p className="status-text break" role="status" data-testid="trash-notice">
          {notice}
        </p>
      ) : null}
      <ErrorText error={error ?? trash.error} />
      {trash.value && items.length === 0 ? (
        <p className="muted">{t("settings.trash.empty")}</p>
      ) : null}
      {items.length ? (
        <>
          <ul className="plain-list" data-testid="trash-list">
            {items.map((m) => (
              <li key={m.meeting.id} className="row-between">
                <span>
                  {m.meeting.title}{" "}
                  <span className="muted small">
                    ({formatSpan(m.meeting.startsAt, m.meeting.endsAt)})
                  </span>
                </span>
                <button
                  type="button"
                  className="button ghost"
                  disabled={busy}
                  onClick={() => restore(m)}
                >
                  {t("settings.trash.restore")}
                </button>
              </li>
            ))}
          </ul>
          <div className="form-actions">
            <button
              type="button"
              className="button danger"
              data-testid="trash-empty"
              disabled={busy}
              onClick={() => setConfirming(true)}
            >
              {t("settings.trash.emptyAll")}
            </button>
          </div>
        </>
      ) : null}
      {confirming ? (
        <ConfirmDialog
          message={t("settings.trash.confirm", { count: String(items.length) })}
          confirmLabel={t("settings.trash.confirmLabel")}
          onConfirm={emptyAll}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </section>
  );
}

/** A second folder (a USB stick) that receives a checked copy of every backup. */
function ExtraBackupFolder({ onCopied }: { onCopied(): void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const settings = useLoad(() => backend.backupSettings(), [backend]);
  const action = useSubmit();
  const current = settings.value;
  return (
    <div className="stack small" data-testid="extra-backup">
      <p className="break">
        {t("settings.backups.extra")}:{" "}
        <span data-testid="extra-backup-folder">
          {current?.extraFolder ?? t("settings.backups.extraNone")}
        </span>
      </p>
      {current?.extraError ? (
        <p className="warning-text break" role="status" data-testid="extra-backup-error">
          {t("settings.backups.extraFailed", { detail: current.extraError })}
        </p>
      ) : null}
      <div className="row-actions">
        <button
          type="button"
          className="button small"
          data-testid="extra-backup-choose"
          disabled={action.busy}
          onClick={() =>
            void action.submit(
              () => backend.chooseBackupFolder(),
              (chosen) => {
                if (!chosen) return;
                settings.setValue(chosen);
                onCopied();
              },
            )
          }
        >
          {t("settings.backups.extraChoose")}
        </button>
        {current?.extraFolder ? (
          <button
            type="button"
            className="button small"
            data-testid="extra-backup-clear"
            disabled={action.busy}
            onClick={() => void action.submit(() => backend.clearBackupFolder(), settings.setValue)}
          >
            {t("settings.backups.extraClear")}
          </button>
        ) : null}
      </div>
      <ErrorText error={action.error ?? settings.error} />
    </div>
  );
}
