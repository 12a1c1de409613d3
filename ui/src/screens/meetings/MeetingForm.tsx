import { useEffect, useState } from "react";
import { DateTimeInput } from "../../components/DateInput";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { registerPendingSave } from "../../components/pendingSaves";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { defaultMeetingTimes } from "../../dates";
import { useI18n } from "../../i18n";
import {
  AUTHORITY_PREFIXES,
  type IpcError,
  type Meeting,
  type MeetingInput,
  useBackend,
} from "../../ipc";
import { BodyOptions, signerLine } from "../settings/OrganisationForm";

export const MEETING_KINDS = ["giaoBan", "soKet", "tongKet", "chuyenDe", "other"] as const;
export const MEETING_STATUSES = ["draft", "inSession", "closed"] as const;

function blankMeeting(now: Date): MeetingInput {
  return {
    title: "",
    kind: "giaoBan",
    ...defaultMeetingTimes(now),
    venue: "",
    chairName: "",
    chairTitle: "",
    secretaryName: "",
    secretaryTitle: "",
    organisationId: null,
    signerName: "",
    signerTitle: "",
    signingPrefix: "",
    notes: "",
    status: "draft",
  };
}

/** A meeting's editable fields, as `updateMeeting` takes them. */
export function meetingInputOf(m: Meeting): MeetingInput {
  return {
    title: m.title,
    kind: m.kind,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    venue: m.venue,
    chairName: m.chairName,
    chairTitle: m.chairTitle,
    secretaryName: m.secretaryName,
    secretaryTitle: m.secretaryTitle,
    organisationId: m.organisationId,
    signerName: m.signerName,
    signerTitle: m.signerTitle,
    signingPrefix: m.signingPrefix,
    notes: m.notes,
    status: m.status,
  };
}

/**
 * The fields of a new meeting: blank, with the body a new meeting starts with
 * (`defaultOrganisation`) chosen once it is known, unless one was picked meanwhile.
 */
export function useNewMeetingInput() {
  const backend = useBackend();
  const [input, setInput] = useState(() => blankMeeting(new Date()));
  useEffect(() => {
    let live = true;
    backend.defaultOrganisation().then(
      (id) => {
        if (!live || !id) return;
        setInput((current) =>
          current.organisationId === null ? { ...current, organisationId: id } : current,
        );
      },
      // Nothing is lost: a meeting created without a body gets the default from the core.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [backend]);
  return [input, setInput] as const;
}

interface MeetingFieldsProps {
  input: MeetingInput;
  onChange(patch: Partial<MeetingInput>): void;
  /** The last save's error: a refused save with no title marks the title field. */
  error: IpcError | null;
}

/** The meeting's editable fields, shared by the new-meeting dialog and the Info tab. */
export function MeetingFields({ input, onChange, error }: MeetingFieldsProps) {
  const backend = useBackend();
  const { t } = useI18n();
  const bodies = useLoad(() => backend.listOrganisations(), [backend]);
  function set<K extends keyof MeetingInput>(key: K, value: MeetingInput[K]) {
    onChange({ [key]: value });
  }
  const body = bodies.value?.find((b) => b.id === input.organisationId) ?? null;
  // Who signs: the meeting's own signer when it names one, else the body's.
  const signer = body ? signerLine(input.signerName.trim() ? input : body) : "";

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
        <DateTimeInput
          data-testid="meeting-starts-at"
          dateLabel={t("meeting.startsAt")}
          timeLabel={t("meeting.startsAtTime")}
          value={input.startsAt}
          onChange={(value) => set("startsAt", value)}
        />
      </Field>
      <Field label={t("meeting.endsAt")}>
        <DateTimeInput
          data-testid="meeting-ends-at"
          dateLabel={t("meeting.endsAt")}
          timeLabel={t("meeting.endsAtTime")}
          value={input.endsAt}
          onChange={(value) => set("endsAt", value)}
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
      <Field label={t("meeting.organisation")} hint={t("meeting.organisationHint")} wide>
        <select
          data-testid="meeting-organisation"
          value={input.organisationId ?? ""}
          onChange={(e) => set("organisationId", e.target.value || null)}
        >
          {input.organisationId === null ? (
            <option value="">{t("meeting.organisationNone")}</option>
          ) : null}
          {input.organisationId !== null && !body ? (
            // Still loading, or a body hidden since it was chosen.
            <option value={input.organisationId}>
              {bodies.value ? t("meeting.organisationHidden") : t("app.loading")}
            </option>
          ) : null}
          <BodyOptions bodies={bodies.value ?? []} />
        </select>
      </Field>
      {body ? (
        <p className="field-hint field-wide" data-testid="meeting-signed-by">
          {t("meeting.signedBy", { signer: signer || t("meeting.signerUnknown") })}
        </p>
      ) : null}
      <ErrorText error={bodies.error} />
      <fieldset className="field-group field-wide">
        <legend className="field-label">{t("meeting.signer")}</legend>
        <p className="field-hint">{t("meeting.signerHint")}</p>
        <div className="form-grid">
          <Field label={t("meeting.signerName")}>
            <input
              data-testid="meeting-signer-name"
              placeholder={body?.signerName}
              value={input.signerName}
              onChange={(e) => set("signerName", e.target.value)}
            />
          </Field>
          <Field label={t("meeting.signerTitle")}>
            <input
              data-testid="meeting-signer-title"
              placeholder={body?.signerTitle}
              value={input.signerTitle}
              onChange={(e) => set("signerTitle", e.target.value)}
            />
          </Field>
          <Field label={t("meeting.signingPrefix")} wide>
            <input
              data-testid="meeting-signing-prefix"
              list="meeting-signing-prefixes"
              placeholder={body?.signingPrefix}
              value={input.signingPrefix}
              onChange={(e) => set("signingPrefix", e.target.value)}
            />
            <datalist id="meeting-signing-prefixes">
              {AUTHORITY_PREFIXES[body?.kind ?? "state"].map((p) => (
                <option key={p} value={p} />
              ))}
            </datalist>
          </Field>
        </div>
      </fieldset>
      <Field label={t("meeting.notes")} wide>
        <textarea rows={3} value={input.notes} onChange={(e) => set("notes", e.target.value)} />
      </Field>
    </div>
  );
}

interface MeetingFormProps {
  /** The meeting as stored; a newer version shows as soon as nothing typed here is unsaved. */
  meeting: Meeting;
  /**
   * Saves the meeting over version `seen` (the `updatedAt` the fields started
   * from) and answers it as stored; "saved" shows once it has.
   */
  onSubmit(input: MeetingInput, seen: string): Promise<Meeting>;
  savedMessage: string;
}

function sameInput(a: MeetingInput, b: MeetingInput): boolean {
  return (Object.keys(a) as (keyof MeetingInput)[]).every((key) => a[key] === b[key]);
}

/** The meeting's fields on a page of their own, saved with one button. */
export function MeetingForm({ meeting, onSubmit, savedMessage }: MeetingFormProps) {
  const { t } = useI18n();
  const [input, setInput] = useState(() => meetingInputOf(meeting));
  /** The stored version the fields started from (or were last saved as), and what they held then. */
  const [base, setBase] = useState(() => ({ seen: meeting.updatedAt, input }));
  const [saved, setSaved] = useState(false);
  const [dirty, setDirty] = useState(false);
  const { submit, busy, error } = useSubmit();

  // A newer version came in (another laptop's change, merged here): shown at
  // once when nothing was typed since the fields were filled. Otherwise what is
  // typed stays, and saving it over the older version is refused as a
  // conflict rather than undoing the other change unseen.
  if (meeting.updatedAt !== base.seen && !busy && sameInput(input, base.input)) {
    const next = meetingInputOf(meeting);
    setBase({ seen: meeting.updatedAt, input: next });
    setInput(next);
  }

  function change(patch: Partial<MeetingInput>) {
    setInput((current) => ({ ...current, ...patch }));
    setSaved(false);
    setDirty(true);
  }

  function save(): Promise<boolean> {
    const sent = input;
    return submit(
      () => onSubmit(sent, base.seen),
      (stored) => {
        setBase({ seen: stored.updatedAt, input: sent });
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
