import { useState } from "react";
import { useNavigate } from "react-router";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { formatSpan } from "../../dates";
import { useI18n } from "../../i18n";
import {
  type JoinedMeeting,
  type Meeting,
  type MeetingInput,
  type MeetingSummary,
  type PortableImport,
  useBackend,
} from "../../ipc";
import { MeetingFields, useNewMeetingInput } from "./MeetingForm";

/** The start screen: every meeting, newest first, and the way into each one. */
export function MeetingsList() {
  const backend = useBackend();
  const { t } = useI18n();
  const navigate = useNavigate();
  const meetings = useLoad(() => backend.listMeetings(), [backend]);
  const [creating, setCreating] = useState(false);
  const [joining, setJoining] = useState(false);
  const [deleting, setDeleting] = useState<MeetingSummary | null>(null);
  const [imported, setImported] = useState<PortableImport | null>(null);
  const action = useSubmit();

  const open = (id: string) => navigate(`/meetings/${id}/info`);

  function duplicate(id: string) {
    void action.submit(
      () => backend.duplicateMeeting(id),
      (copy) => open(copy.id),
    );
  }

  function importFile() {
    void action.submit(
      () => backend.importMeeting(),
      (done) => {
        if (!done) return;
        setImported(done);
        meetings.reload();
      },
    );
  }

  function confirmDelete() {
    if (!deleting) return;
    const id = deleting.meeting.id;
    setDeleting(null);
    void action.submit(() => backend.deleteMeeting(id), meetings.reload);
  }

  return (
    <section className="page" aria-labelledby="meetings-heading">
      <div className="page-head">
        <h1 id="meetings-heading">{t("meetings.title")}</h1>
        <div className="row-actions">
          <button
            type="button"
            className="button"
            data-testid="join-open"
            onClick={() => setJoining(true)}
          >
            {t("meetings.join")}
          </button>
          <button
            type="button"
            className="button"
            data-testid="import-meeting"
            disabled={action.busy}
            onClick={importFile}
          >
            {t("meetings.import")}
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="new-meeting"
            onClick={() => setCreating(true)}
          >
            {t("meetings.new")}
          </button>
        </div>
      </div>
      <ErrorText error={meetings.error ?? action.error} />
      {imported ? (
        <p className="status-text" role="status" data-testid="import-result">
          {t("meetings.imported", {
            title: imported.title,
            added: imported.added,
            updated: imported.updated,
          })}
          {imported.organisationAdded
            ? ` ${t("meetings.importedBody", { name: imported.organisationAdded })}`
            : ""}
          {imported.inTrash ? ` ${t("meetings.importedInTrash")}` : ""}
        </p>
      ) : null}
      {meetings.value === null ? (
        meetings.error ? null : (
          <p className="muted">{t("app.loading")}</p>
        )
      ) : meetings.value.length === 0 ? (
        <p className="empty">{t("meetings.empty")}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th className="col-grow">{t("meetings.col.title")}</th>
              <th style={{ width: "14.5rem" }}>{t("meetings.col.when")}</th>
              <th style={{ width: "12%" }}>{t("meetings.col.venue")}</th>
              <th style={{ width: "8.5rem" }}>{t("meetings.col.status")}</th>
              <th style={{ width: "10rem" }}>{t("meetings.col.counts")}</th>
              <th style={{ width: "17rem" }}>
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {meetings.value.map((summary) => {
              const m = summary.meeting;
              return (
                <tr key={m.id} data-testid="meeting-row">
                  <td>
                    <button type="button" className="link-button" onClick={() => open(m.id)}>
                      {m.title}
                    </button>
                    {m.isDemo ? (
                      <span className="badge badge-demo">{t("meetings.demo")}</span>
                    ) : null}
                  </td>
                  <td className="nowrap">{formatSpan(m.startsAt, m.endsAt)}</td>
                  <td>{m.venue || t("common.none")}</td>
                  <td>
                    <span className={`badge status-${m.status}`}>{t(`status.${m.status}`)}</span>
                  </td>
                  <td className="muted">
                    {t("meetings.counts", {
                      agenda: summary.agendaCount,
                      people: summary.participantCount,
                    })}
                  </td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button small"
                        data-testid="meeting-open"
                        aria-label={t("meetings.openLabel", { title: m.title })}
                        onClick={() => open(m.id)}
                      >
                        {t("meetings.open")}
                      </button>
                      <button
                        type="button"
                        className="button small"
                        data-testid="meeting-duplicate"
                        title={t("meetings.duplicateLabel", { title: m.title })}
                        onClick={() => duplicate(m.id)}
                      >
                        {t("meetings.duplicate")}
                      </button>
                      <button
                        type="button"
                        className="button small danger-ghost"
                        data-testid="meeting-delete"
                        aria-label={t("meetings.deleteLabel", { title: m.title })}
                        onClick={() => setDeleting(summary)}
                      >
                        {t("common.delete")}
                      </button>
                    </div>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {creating ? (
        <NewMeetingDialog
          onClose={() => setCreating(false)}
          onCreate={(input) => backend.createMeeting(input)}
          onCreated={(meeting) => {
            setCreating(false);
            open(meeting.id);
          }}
        />
      ) : null}
      {joining ? (
        <JoinMeetingDialog
          onClose={() => setJoining(false)}
          onJoined={(joined) => {
            setJoining(false);
            meetings.reload();
            navigate(`/meetings/${joined.meetingId}/team`);
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          message={t("meetings.deleteConfirm", { title: deleting.meeting.title })}
          onConfirm={confirmDelete}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}

function NewMeetingDialog({
  onClose,
  onCreate,
  onCreated,
}: {
  onClose(): void;
  onCreate(input: MeetingInput): Promise<Meeting>;
  onCreated(meeting: Meeting): void;
}) {
  const { t } = useI18n();
  const [input, setInput] = useNewMeetingInput();
  const { submit, busy, error } = useSubmit();
  return (
    <FormDialog
      title={t("meetings.newTitle")}
      onClose={onClose}
      onSubmit={() => submit(() => onCreate(input), onCreated)}
      busy={busy}
      error={error}
      saveTestId="meeting-save"
      saveLabel={t("meeting.create")}
      wide
    >
      <MeetingFields
        input={input}
        onChange={(patch) => setInput((current) => ({ ...current, ...patch }))}
        error={error}
      />
    </FormDialog>
  );
}

/**
 * Joins a meeting another laptop shares ("Làm việc nhóm"): the secretary
 * types the pairing code shown there, and the meeting comes over the network.
 */
function JoinMeetingDialog({
  onClose,
  onJoined,
}: {
  onClose(): void;
  onJoined(joined: JoinedMeeting): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const [code, setCode] = useState("");
  const { submit, busy, error } = useSubmit();
  return (
    <FormDialog
      title={t("join.title")}
      onClose={onClose}
      onSubmit={() => submit(() => backend.joinMeeting(code), onJoined)}
      busy={busy}
      error={error}
      saveTestId="join-submit"
      saveLabel={t("join.submit")}
      saveDisabled={!code.trim()}
      testId="join-dialog"
    >
      <Field label={t("join.code")} hint={t("join.codeHint")}>
        <input
          data-testid="join-code"
          data-autofocus
          value={code}
          autoComplete="off"
          spellCheck={false}
          placeholder="hoa mai song sao vang tre"
          aria-invalid={error?.kind === "invalid" ? true : undefined}
          onChange={(e) => setCode(e.target.value)}
        />
      </Field>
    </FormDialog>
  );
}
