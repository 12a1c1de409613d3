import { type FormEvent, useState } from "react";
import { BackToMeetings } from "../../components/BackToMeetings";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { useI18n } from "../../i18n";
import {
  type DocumentFont,
  type FormatSettings,
  type IpcError,
  LIST_ORDERS,
  type ListOrder,
  type Organisation,
  TABLE_FONT_SIZES,
  type ToneMarks,
  useBackend,
} from "../../ipc";
import { OrganisationDialog, signerLine } from "./OrganisationForm";
import { RegisterPanel } from "./RegisterPanel";
import { BackupPanel, TrashPanel } from "./SafetyPanels";

/**
 * What holds for every meeting: the bodies that issue the documents, their
 * typeface and format options, the registers, and facts about this installation.
 */
export function SettingsScreen() {
  const backend = useBackend();
  const { t } = useI18n();
  // Shared by the list of bodies and the register, which shows one body's.
  const bodies = useLoad(() => backend.listOrganisations(), [backend]);
  const info = useLoad(() => backend.appInfo(), [backend]);
  return (
    <section className="page" aria-labelledby="settings-title">
      <div className="settings-head">
        <BackToMeetings />
        <h1 id="settings-title">{t("settings.title")}</h1>
      </div>
      <div className="settings-layout">
        <OrganisationsPanel bodies={bodies.value} error={bodies.error} onChanged={bodies.reload} />
        <FontPanel />
        <FormatPanel />
        <RegisterPanel bodies={bodies.value ?? []} />
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

/**
 * The issuing bodies: each one's name, kind, abbreviation and signer, with
 * Add, Edit and Hide (refused, with the core's reason, while a meeting uses it).
 */
function OrganisationsPanel({
  bodies,
  error,
  onChanged,
}: {
  bodies: Organisation[] | null;
  error: IpcError | null;
  onChanged(): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  // The body being edited; `body: null` is a new one.
  const [editing, setEditing] = useState<{ body: Organisation | null } | null>(null);
  const [hiding, setHiding] = useState<Organisation | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useSubmit();

  function open(body: Organisation | null) {
    setNotice(null);
    setEditing({ body });
  }

  function hide(body: Organisation) {
    setHiding(null);
    setNotice(null);
    void action.submit(
      () => backend.deleteOrganisation(body.id),
      () => {
        setNotice(t("orgs.hidden", { name: body.name }));
        onChanged();
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="settings-heading" data-testid="organisations">
      <div className="section-head">
        <h2 id="settings-heading">{t("settings.heading")}</h2>
        <button
          type="button"
          className="button primary"
          data-testid="org-add"
          onClick={() => open(null)}
        >
          {t("orgs.add")}
        </button>
      </div>
      <p className="muted">{t("settings.intro")}</p>
      <ErrorText error={error} />
      {bodies && bodies.length === 0 ? (
        <p className="muted" data-testid="orgs-empty">
          {t("orgs.empty")}
        </p>
      ) : null}
      {bodies?.length ? (
        <table className="table" data-testid="org-list">
          <thead>
            <tr>
              <th>{t("orgs.col.name")}</th>
              <th>{t("orgs.col.kind")}</th>
              <th>{t("orgs.col.abbreviation")}</th>
              <th>{t("orgs.col.signer")}</th>
              <th>
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {bodies.map((body) => (
              <tr key={body.id} data-testid="org-row">
                <td>
                  <span className="cell-title">{body.name}</span>
                  {body.parentName ? <span className="cell-sub">{body.parentName}</span> : null}
                </td>
                <td>{t(`orgs.kind.${body.kind}`)}</td>
                <td>{body.abbreviation}</td>
                <td>{signerLine(body) || t("common.none")}</td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      data-testid="org-edit"
                      aria-label={t("orgs.editLabel", { name: body.name })}
                      onClick={() => open(body)}
                    >
                      {t("common.edit")}
                    </button>
                    <button
                      type="button"
                      className="button small danger-ghost"
                      data-testid="org-hide"
                      aria-label={t("orgs.hideLabel", { name: body.name })}
                      disabled={action.busy}
                      onClick={() => setHiding(body)}
                    >
                      {t("orgs.hide")}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {notice ? (
        <p className="status-text" role="status" data-testid="org-notice">
          {notice}
        </p>
      ) : null}
      <ErrorText error={action.error} />
      {editing ? (
        <OrganisationDialog
          organisation={editing.body}
          onClose={() => setEditing(null)}
          onSaved={onChanged}
        />
      ) : null}
      {hiding ? (
        <ConfirmDialog
          message={t("orgs.hideConfirm", { name: hiding.name })}
          confirmLabel={t("orgs.hide")}
          onConfirm={() => hide(hiding)}
          onCancel={() => setHiding(null)}
        />
      ) : null}
    </section>
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
      <Field label={t("settings.format.listOrder")} hint={t("settings.format.listOrderHint")} wide>
        <select
          value={form.listOrder}
          onChange={(e) => setForm({ ...form, listOrder: e.target.value as ListOrder })}
          data-testid="format-list-order"
        >
          {LIST_ORDERS.map((order) => (
            <option key={order} value={order}>
              {t(`settings.format.listOrder.${order}`)}
            </option>
          ))}
        </select>
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
