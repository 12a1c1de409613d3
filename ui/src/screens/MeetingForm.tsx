import { type FormEvent, useState } from "react";
import { ErrorText } from "../components/ErrorText";
import { Field } from "../components/Field";
import { defaultMeetingTimes } from "../format";
import { useI18n } from "../i18n";
import { type IpcError, type MeetingInput, toIpcError } from "../ipc";

export const MEETING_KINDS = ["giaoBan", "soKet", "tongKet", "chuyenDe", "other"] as const;
export const MEETING_STATUSES = ["draft", "inSession", "closed"] as const;

export function blankMeeting(now: Date): MeetingInput {
  return {
    title: "",
    kind: "giaoBan",
    ...defaultMeetingTimes(now),
    venue: "",
    chairName: "",
    chairTitle: "",
    secretaryName: "",
    secretaryTitle: "",
    notes: "",
    status: "draft",
  };
}

interface MeetingFormProps {
  initial: MeetingInput;
  submitLabel: string;
  onSubmit(input: MeetingInput): Promise<void>;
  onCancel?(): void;
  savedMessage?: string;
}

/** The meeting's editable fields; shows the backend's validation message above the buttons. */
export function MeetingForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  savedMessage,
}: MeetingFormProps) {
  const { t } = useI18n();
  const [input, setInput] = useState(initial);
  const [error, setError] = useState<IpcError | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  function set<K extends keyof MeetingInput>(key: K, value: MeetingInput[K]) {
    setInput((current) => ({ ...current, [key]: value }));
    setSaved(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      await onSubmit(input);
      setSaved(true);
    } catch (e) {
      setError(toIpcError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <Field label={t("meeting.title")} wide>
          <input
            data-testid="meeting-title"
            data-autofocus
            value={input.title}
            aria-required="true"
            aria-invalid={error?.kind === "invalid" && !input.title.trim() ? true : undefined}
            onChange={(e) => set("title", e.target.value)}
          />
        </Field>
        <Field label={t("meeting.kind")}>
          <select
            value={input.kind}
            onChange={(e) => set("kind", e.target.value as MeetingInput["kind"])}
          >
            {MEETING_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("meeting.status")}>
          <select
            value={input.status}
            onChange={(e) => set("status", e.target.value as MeetingInput["status"])}
          >
            {MEETING_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("meeting.startsAt")}>
          <input
            type="datetime-local"
            data-testid="meeting-starts-at"
            value={input.startsAt}
            onChange={(e) => set("startsAt", e.target.value)}
          />
        </Field>
        <Field label={t("meeting.endsAt")}>
          <input
            type="datetime-local"
            data-testid="meeting-ends-at"
            value={input.endsAt}
            onChange={(e) => set("endsAt", e.target.value)}
          />
        </Field>
        <Field label={t("meeting.venue")} wide>
          <input value={input.venue} onChange={(e) => set("venue", e.target.value)} />
        </Field>
        <Field label={t("meeting.chairName")}>
          <input value={input.chairName} onChange={(e) => set("chairName", e.target.value)} />
        </Field>
        <Field label={t("meeting.chairTitle")}>
          <input value={input.chairTitle} onChange={(e) => set("chairTitle", e.target.value)} />
        </Field>
        <Field label={t("meeting.secretaryName")}>
          <input
            value={input.secretaryName}
            onChange={(e) => set("secretaryName", e.target.value)}
          />
        </Field>
        <Field label={t("meeting.secretaryTitle")}>
          <input
            value={input.secretaryTitle}
            onChange={(e) => set("secretaryTitle", e.target.value)}
          />
        </Field>
        <Field label={t("meeting.notes")} wide>
          <textarea rows={3} value={input.notes} onChange={(e) => set("notes", e.target.value)} />
        </Field>
      </div>
      <ErrorText error={error} />
      <div className="form-actions">
        {saved && savedMessage ? (
          <span className="status-text" role="status">
            {savedMessage}
          </span>
        ) : null}
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t("common.cancel")}
          </button>
        ) : null}
        <button type="submit" className="button primary" data-testid="meeting-save" disabled={busy}>
          {busy ? t("common.saving") : submitLabel}
        </button>
      </div>
    </form>
  );
}
