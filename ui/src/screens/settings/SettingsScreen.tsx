import { type FormEvent, useState } from "react";
import { BackToMeetings } from "../../components/BackToMeetings";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { useI18n } from "../../i18n";
import {
  AUTHORITY_PREFIXES,
  type DocumentFont,
  type FormatSettings,
  type Organisation,
  type OrganisationKind,
  TABLE_FONT_SIZES,
  type ToneMarks,
  useBackend,
} from "../../ipc";
import { RegisterPanel } from "./RegisterPanel";
import { BackupPanel, TrashPanel } from "./SafetyPanels";

/**
 * What holds for every meeting: the organisation that issues the documents,
 * their typeface and format options, and facts about this installation.
 */
export function SettingsScreen() {
  const backend = useBackend();
  const { t } = useI18n();
  const organisation = useLoad(() => backend.getOrganisation(), [backend]);
  const info = useLoad(() => backend.appInfo(), [backend]);
  return (
    <section className="page" aria-labelledby="settings-title">
      <div className="settings-head">
        <BackToMeetings />
        <h1 id="settings-title">{t("settings.title")}</h1>
      </div>
      <div className="settings-layout">
        <section className="panel" aria-labelledby="settings-heading">
          <h2 id="settings-heading">{t("settings.heading")}</h2>
          <p className="muted">{t("settings.intro")}</p>
          <ErrorText error={organisation.error} />
          {organisation.value ? (
            <OrganisationForm initial={organisation.value} onSaved={organisation.setValue} />
          ) : null}
        </section>
        <FontPanel />
        <FormatPanel />
        <RegisterPanel />
        <BackupPanel folder={info.value?.backupPath ?? null} />
        <TrashPanel />
        <section className="panel" aria-labelledby="about-heading">
          <h2 id="about-heading">{t("settings.about")}</h2>
          <ErrorText error={info.error} />
          {info.value ? (
            <dl className="facts">
              <dt>{t("settings.version")}</dt>
              <dd data-testid="app-version">{info.value.version}</dd>
              <dt>{t("settings.databasePath")}</dt>
              <dd className="break" data-testid="app-database-path">
                {info.value.databasePath}
              </dd>
              <dt>{t("settings.schemaVersion")}</dt>
              <dd>{info.value.schemaVersion}</dd>
              <dt>{t("settings.licence")}</dt>
              <dd data-testid="app-licence">{t("settings.licenceText")}</dd>
            </dl>
          ) : null}
        </section>
      </div>
    </section>
  );
}

/** The organisation's fields typed as text. */
type TextKey = {
  [K in keyof Organisation]: Organisation[K] extends string ? K : never;
}[keyof Organisation];

function OrganisationForm({
  initial,
  onSaved,
}: {
  initial: Organisation;
  onSaved(o: Organisation): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const [input, setInput] = useState(initial);
  const { submit, busy, error } = useSubmit();
  const [saved, setSaved] = useState(false);

  function set(key: TextKey, value: string) {
    setInput((current) => ({ ...current, [key]: value }));
    setSaved(false);
  }

  // The signing line is kept as typed: the core spells its TM./T/M prefix the
  // way the kind of body wants when it is saved.
  function setKind(kind: OrganisationKind) {
    setInput((current) => ({ ...current, kind }));
    setSaved(false);
  }

  function setHeadVacant(headVacant: boolean) {
    setInput((current) => ({ ...current, headVacant }));
    setSaved(false);
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    void submit(
      () => backend.updateOrganisation(input),
      (next) => {
        onSaved(next);
        setInput(next);
        setSaved(true);
      },
    );
  }

  return (
    <form className="form" onSubmit={save} noValidate>
      <div className="form-grid">
        <Field label={t("settings.parentName")} hint={t("settings.parentNameHint")} wide>
          <input value={input.parentName} onChange={(e) => set("parentName", e.target.value)} />
        </Field>
        <Field label={t("settings.name")} hint={t("settings.nameHint")} wide>
          <input
            data-testid="org-name"
            value={input.name}
            onChange={(e) => set("name", e.target.value)}
          />
        </Field>
        <Field label={t("settings.fullName")} hint={t("settings.fullNameHint")} wide>
          <input
            data-testid="org-full-name"
            placeholder={t("settings.fullNamePlaceholder")}
            value={input.fullName}
            onChange={(e) => set("fullName", e.target.value)}
          />
        </Field>
        <Field label={t("settings.abbreviation")} hint={t("settings.abbreviationHint")}>
          <input value={input.abbreviation} onChange={(e) => set("abbreviation", e.target.value)} />
        </Field>
        <Field label={t("settings.placeName")} hint={t("settings.placeNameHint")}>
          <input value={input.placeName} onChange={(e) => set("placeName", e.target.value)} />
        </Field>
        <Field label={t("settings.kind")} wide>
          <select
            data-testid="org-kind"
            value={input.kind}
            onChange={(e) => setKind(e.target.value as OrganisationKind)}
          >
            <option value="party">{t("settings.kind.party")}</option>
            <option value="state">{t("settings.kind.state")}</option>
          </select>
        </Field>
        <label className="check field-wide">
          <input
            type="checkbox"
            data-testid="org-head-vacant"
            checked={input.headVacant}
            onChange={(e) => setHeadVacant(e.target.checked)}
          />
          {t("settings.headVacant")}
        </label>
        <Field label={t("settings.signerName")}>
          <input value={input.signerName} onChange={(e) => set("signerName", e.target.value)} />
        </Field>
        <Field label={t("settings.signerTitle")}>
          <input value={input.signerTitle} onChange={(e) => set("signerTitle", e.target.value)} />
        </Field>
        <Field label={t("settings.signingPrefix")} hint={t("settings.signingPrefixHint")} wide>
          <input
            data-testid="org-signing-prefix"
            list="signing-prefixes"
            value={input.signingPrefix}
            onChange={(e) => set("signingPrefix", e.target.value)}
          />
          <datalist id="signing-prefixes">
            {AUTHORITY_PREFIXES[input.kind].map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
        </Field>
        <Field label={t("settings.timeZone")}>
          <input value={input.timeZone} onChange={(e) => set("timeZone", e.target.value)} />
        </Field>
      </div>
      <ErrorText error={error} />
      <div className="form-actions">
        {saved ? (
          <span className="status-text" role="status">
            {t("common.saved")}
          </span>
        ) : null}
        <button type="submit" className="button primary" data-testid="org-save" disabled={busy}>
          {busy ? t("common.saving") : t("common.save")}
        </button>
      </div>
    </form>
  );
}

const FONTS: readonly DocumentFont[] = ["liberationSerif", "timesNewRoman"];

/** Which typeface documents use; Times New Roman only where it is installed. */
function FontPanel() {
  const backend = useBackend();
  const { t } = useI18n();
  const settings = useLoad(() => backend.getFontSettings(), [backend]);
  const { submit, error } = useSubmit();
  const [saved, setSaved] = useState(false);

  function choose(font: DocumentFont) {
    setSaved(false);
    void submit(
      () => backend.setDocumentFont(font),
      (next) => {
        settings.setValue(next);
        setSaved(true);
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="font-heading">
      <h2 id="font-heading">{t("settings.font")}</h2>
      <ErrorText error={settings.error ?? error} />
      {settings.value ? (
        <fieldset className="font-choice" data-testid="document-font">
          <legend className="visually-hidden">{t("settings.font")}</legend>
          {FONTS.map((font) => {
            const unavailable = font === "timesNewRoman" && !settings.value?.timesNewRomanAvailable;
            return (
              <label key={font} className={unavailable ? "muted" : undefined}>
                <input
                  type="radio"
                  name="document-font"
                  value={font}
                  checked={settings.value?.font === font}
                  disabled={unavailable}
                  onChange={() => choose(font)}
                  data-testid={`document-font-${font}`}
                />{" "}
                {t(`settings.font.${font}`)}
              </label>
            );
          })}
          {settings.value.timesNewRomanAvailable ? null : (
            <p className="field-hint">{t("settings.font.timesMissing")}</p>
          )}
          {saved ? (
            <p className="status-text" role="status">
              {t("settings.font.saved")}
            </p>
          ) : null}
        </fieldset>
      ) : null}
    </section>
  );
}

/** Where the tone mark of "oa", "oe", "uy" goes: "Hòa, Thủy" or "Hoà, Thuỷ". */
const TONE_MARKS: readonly ToneMarks[] = ["first-vowel", "main-vowel"];

/** The format rules docs/format-rules.md leaves uncertain, with the likeliest defaults. */
function FormatPanel() {
  const backend = useBackend();
  const { t } = useI18n();
  const loaded = useLoad(() => backend.getFormatSettings(), [backend]);
  return (
    <section className="panel" aria-labelledby="format-heading">
      <h2 id="format-heading">{t("settings.format")}</h2>
      <p className="muted">{t("settings.format.intro")}</p>
      <ErrorText error={loaded.error} />
      {loaded.value ? <FormatForm initial={loaded.value} onSaved={loaded.setValue} /> : null}
    </section>
  );
}

function FormatForm({
  initial,
  onSaved,
}: {
  initial: FormatSettings;
  onSaved(s: FormatSettings): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const { submit, busy, error } = useSubmit();
  const [saved, setSaved] = useState(false);

  function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    void submit(
      () => backend.updateFormatSettings(form),
      (next) => {
        setForm(next);
        onSaved(next);
        setSaved(true);
      },
    );
  }

  return (
    <form className="form-grid" onSubmit={save} data-testid="format-settings">
      <Field label={t("settings.format.partyEnding")} hint={t("settings.format.partyEndingHint")}>
        <select
          value={form.partyEnding}
          onChange={(e) => setForm({ ...form, partyEnding: e.target.value })}
          data-testid="format-party-ending"
        >
          <option value="./.">./.</option>
          <option value=".">.</option>
        </select>
      </Field>
      <Field
        label={t("settings.format.partyInvitationAbbreviation")}
        hint={t("settings.format.partyInvitationAbbreviationHint")}
      >
        <input
          value={form.partyInvitationAbbreviation}
          onChange={(e) => setForm({ ...form, partyInvitationAbbreviation: e.target.value })}
          data-testid="format-party-invitation"
        />
      </Field>
      <Field label={t("settings.format.stateTableFontSize")}>
        <select
          value={form.stateTableFontSize}
          onChange={(e) => setForm({ ...form, stateTableFontSize: Number(e.target.value) })}
          data-testid="format-state-table-size"
        >
          {TABLE_FONT_SIZES.nd30.map((n) => (
            <option key={n} value={n}>
              {n} pt
            </option>
          ))}
        </select>
      </Field>
      <Field label={t("settings.format.partyTableFontSize")}>
        <select
          value={form.partyTableFontSize}
          onChange={(e) => setForm({ ...form, partyTableFontSize: Number(e.target.value) })}
          data-testid="format-party-table-size"
        >
          {TABLE_FONT_SIZES.hd05.map((n) => (
            <option key={n} value={n}>
              {n} pt
            </option>
          ))}
        </select>
      </Field>
      {(
        [
          ["stateToneMarks", "format-state-tone-marks"],
          ["partyToneMarks", "format-party-tone-marks"],
        ] as const
      ).map(([key, testId]) => (
        <Field key={key} label={t(`settings.format.${key}`)}>
          <select
            value={form[key]}
            onChange={(e) => setForm({ ...form, [key]: e.target.value as ToneMarks })}
            aria-describedby="format-tone-marks-hint"
            data-testid={testId}
          >
            {TONE_MARKS.map((marks) => (
              <option key={marks} value={marks}>
                {t(`settings.format.toneMarks.${marks}`)}
              </option>
            ))}
          </select>
        </Field>
      ))}
      <p id="format-tone-marks-hint" className="field-hint field-wide">
        {t("settings.format.toneMarksHint")}
      </p>
      <Field
        label={t("settings.format.partyTermStart")}
        hint={t("settings.format.partyTermStartHint")}
        wide
      >
        <input
          type="date"
          value={form.partyTermStart}
          onChange={(e) => setForm({ ...form, partyTermStart: e.target.value })}
          data-testid="format-party-term-start"
        />
      </Field>
      <ErrorText error={error} />
      <div className="form-actions">
        <button type="submit" className="button primary" data-testid="format-save" disabled={busy}>
          {t("settings.format.save")}
        </button>
        {saved ? (
          <span className="status-text" role="status">
            {t("settings.format.saved")}
          </span>
        ) : null}
      </div>
    </form>
  );
}
