import { useEffect, useState } from "react";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { registerPendingSave } from "../../components/pendingSaves";
import { useSubmit } from "../../components/useSubmit";
import { defaultMeetingTimes } from "../../dates";
import { useI18n } from "../../i18n";
import type { IpcError, MeetingInput } from "../../ipc";

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

interface MeetingFieldsProps {
  input: MeetingInput;
  onChange(patch: Partial<MeetingInput>): void;
  /** The last save's error: a refused save with no title marks the title field. */
  error: IpcError | null;
}

/** The meeting's editable fields, shared by the new-meeting dialog and the Info tab. */
export function MeetingFields({ input, onChange, error }: MeetingFieldsProps) {
  const { t } = useI18n();
  function set<K extends keyof MeetingInput>(key: K, value: MeetingInput[K]) {
    onChange({ [key]: value });
  }

  return (
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
        <input value={input.secretaryName} onChange={(e) => set("secretaryName", e.target.value)} />
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
  );
}

interface MeetingFormProps {
  initial: MeetingInput;
  /** Saves the meeting; "saved" shows once it has. */
  onSubmit(input: MeetingInput): Promise<void>;
  savedMessage: string;
}

/** The meeting's fields on a page of their own, saved with one button. */
export function MeetingForm({ initial, onSubmit, savedMessage }: MeetingFormProps) {
  const { t } = useI18n();
  const [input, setInput] = useState(initial);
  const [saved, setSaved] = useState(false);
  const [dirty, setDirty] = useState(false);
  const { submit, busy, error } = useSubmit();

  function change(patch: Partial<MeetingInput>) {
    setInput((current) => ({ ...current, ...patch }));
    setSaved(false);
    setDirty(true);
  }

  function save(): Promise<boolean> {
    return submit(
      () => onSubmit(input),
      () => {
        setSaved(true);
        setDirty(false);
      },
    );
  }

  // Closing the window saves what was typed here, like pressing Save.
  useEffect(() => (dirty ? registerPendingSave(save) : undefined));

  return (
    <form
      className="form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (!busy) void save();
      }}
    >
      <MeetingFields input={input} onChange={change} error={error} />
      <ErrorText error={error} />
      <div className="form-actions">
        {saved ? (
          <span className="status-text" role="status">
            {savedMessage}
          </span>
        ) : null}
        <button type="submit" className="button primary" data-testid="meeting-save" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}
