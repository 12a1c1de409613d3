import { useState } from "react";
import { DateInput } from "../../components/DateInput";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { useSubmit } from "../../components/useSubmit";
import { useI18n } from "../../i18n";
import { AUTHORITY_PREFIXES, type Organisation, useBackend } from "../../ipc";
import { BODY_PRESETS } from "./bodyPresets";

/** The time zones offered for a body, Việt Nam's first; the core accepts any IANA name. */
export const TIME_ZONES = [
  "Asia/Ho_Chi_Minh",
  "Asia/Bangkok",
  "Asia/Vientiane",
  "Asia/Phnom_Penh",
  "Asia/Singapore",
  "Asia/Shanghai",
  "Asia/Tokyo",
  "Asia/Seoul",
  "Australia/Sydney",
  "Europe/Moscow",
  "Europe/Berlin",
  "Europe/Paris",
  "Europe/London",
  "America/New_York",
  "America/Los_Angeles",
  "UTC",
] as const;
type TimeZone = (typeof TIME_ZONES)[number];

/** A body not saved yet (empty id): a state body in Việt Nam's time zone until told otherwise. */
export function blankOrganisation(): Organisation {
  return {
    id: "",
    parentName: "",
    name: "",
    fullName: "",
    abbreviation: "",
    placeName: "",
    kind: "state",
    headVacant: false,
    signerName: "",
    signerTitle: "",
    signingPrefix: "",
    timeZone: "Asia/Ho_Chi_Minh",
    headerLines: "",
    superior: "",
    contact: "",
    termStart: "",
    updatedAt: "",
  };
}

/**
 * Who signs, as a list shows it: "Phạm Văn Cường (K/T TRƯỞNG BAN, PHÓ TRƯỞNG
 * BAN)"; empty when nothing is given.
 */
export function signerLine(
  signer: Pick<Organisation, "signerName" | "signerTitle" | "signingPrefix">,
) {
  const name = signer.signerName.trim();
  const role = [signer.signingPrefix.trim(), signer.signerTitle.trim()].filter(Boolean).join(", ");
  if (!name) return role;
  return role ? `${name} (${role})` : name;
}

/** One `<option>` per body, named as its header names it, for the selects that choose one. */
export function BodyOptions({ bodies }: { bodies: readonly Organisation[] }) {
  return bodies.map((b) => (
    <option key={b.id} value={b.id}>
      {b.name}
    </option>
  ));
}

/** The body's fields typed as text. */
type TextKey = {
  [K in keyof Organisation]: Organisation[K] extends string ? K : never;
}[keyof Organisation];

interface OrganisationDialogProps {
  /** The body to edit; null adds a new one. */
  organisation: Organisation | null;
  onClose(): void;
  /**
   * Called with the body as saved, before the dialog closes; when it fails,
   * the dialog stays open and shows why.
   */
  onSaved(saved: Organisation): void | Promise<void>;
}

/**
 * An issuing body (cơ quan ban hành) in a dialog: added when it has no id
 * yet, otherwise edited from the version it was opened with. Used in
 * Settings and on the Văn bản tab of a meeting without a body.
 */
export function OrganisationDialog({ organisation, onClose, onSaved }: OrganisationDialogProps) {
  const backend = useBackend();
  const { t } = useI18n();
  const [input, setInput] = useState(() => organisation ?? blankOrganisation());
  const { submit, busy, error } = useSubmit();

  function set(key: TextKey, value: string) {
    setInput((current) => ({ ...current, [key]: value }));
  }

  function save() {
    return submit(async () => {
      const saved = await backend.saveOrganisation(input);
      // From here on the dialog edits the saved body: saving again adds no second one.
      setInput(saved);
      await onSaved(saved);
    }, onClose);
  }

  // The header as it is built when no lines are given, as the placeholder.
  const builtHeader = [input.parentName.trim(), input.name.trim()].filter(Boolean).join("\n");

  return (
    <FormDialog
      title={t(organisation ? "orgs.editTitle" : "orgs.addTitle")}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      saveTestId="org-save"
      wide
    >
      <div className="form-grid">
        {organisation ? null : (
          <Field label={t("orgs.preset")} hint={t("orgs.presetHint")} wide>
            <select
              data-testid="org-preset"
              defaultValue=""
              onChange={(e) => {
                const preset = BODY_PRESETS.find((p) => p.id === e.target.value);
                if (preset) setInput((current) => ({ ...current, ...preset.fields }));
              }}
            >
              <option value="">{t("orgs.presetNone")}</option>
              {BODY_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {t(`orgs.preset.${p.id}`)}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field label={t("settings.parentName")} hint={t("settings.parentNameHint")} wide>
          <input
            data-testid="org-parent-name"
            value={input.parentName}
            onChange={(e) => set("parentName", e.target.value)}
          />
        </Field>
        <Field label={t("settings.name")} hint={t("settings.nameHint")} wide>
          <input
            data-testid="org-name"
            data-autofocus
            value={input.name}
            onChange={(e) => set("name", e.target.value)}
          />
        </Field>
        <Field label={t("settings.headerLines")} hint={t("settings.headerLinesHint")} wide>
          <textarea
            data-testid="org-header-lines"
            rows={4}
            placeholder={builtHeader}
            value={input.headerLines}
            onChange={(e) => set("headerLines", e.target.value)}
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
          <input
            data-testid="org-abbreviation"
            value={input.abbreviation}
            onChange={(e) => set("abbreviation", e.target.value)}
          />
        </Field>
        <Field label={t("settings.placeName")} hint={t("settings.placeNameHint")}>
          <input
            data-testid="org-place-name"
            value={input.placeName}
            onChange={(e) => set("placeName", e.target.value)}
          />
        </Field>
        {/* The signing line is kept as typed: the core spells its TM./T/M
            prefix the way the kind of body wants when it is saved. */}
        <Field label={t("settings.kind")} wide>
          <select
            data-testid="org-kind"
            value={input.kind}
            onChange={(e) =>
              setInput((current) => ({ ...current, kind: e.target.value as Organisation["kind"] }))
            }
          >
            <option value="party">{t("settings.kind.party")}</option>
            <option value="state">{t("settings.kind.state")}</option>
          </select>
        </Field>
        {/* Only a Party body numbers by term; a state body numbers by calendar
            year, and the core stores no term for it. */}
        {input.kind === "party" ? (
          <Field label={t("settings.termStart")} hint={t("settings.termStartHint")} wide>
            <DateInput
              value={input.termStart}
              onChange={(termStart) => set("termStart", termStart)}
              data-testid="org-term-start"
            />
          </Field>
        ) : null}
        <label className="check field-wide">
          <input
            type="checkbox"
            data-testid="org-head-vacant"
            checked={input.headVacant}
            onChange={(e) => setInput((current) => ({ ...current, headVacant: e.target.checked }))}
          />
          {t("settings.headVacant")}
        </label>
        <Field label={t("settings.signerName")}>
          <input
            data-testid="org-signer-name"
            value={input.signerName}
            onChange={(e) => set("signerName", e.target.value)}
          />
        </Field>
        <Field label={t("settings.signerTitle")}>
          <input
            data-testid="org-signer-title"
            value={input.signerTitle}
            onChange={(e) => set("signerTitle", e.target.value)}
          />
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
        <Field label={t("settings.superior")} hint={t("settings.superiorHint")} wide>
          <input
            data-testid="org-superior"
            value={input.superior}
            onChange={(e) => set("superior", e.target.value)}
          />
        </Field>
        <Field label={t("settings.contact")} hint={t("settings.contactHint")} wide>
          <input
            data-testid="org-contact"
            value={input.contact}
            onChange={(e) => set("contact", e.target.value)}
          />
        </Field>
        <Field label={t("settings.timeZone")}>
          <select
            data-testid="org-time-zone"
            value={input.timeZone}
            onChange={(e) => set("timeZone", e.target.value)}
          >
            {TIME_ZONES.includes(input.timeZone as TimeZone) ? null : (
              // A zone saved before (or on another computer) that the list lacks stays as it is.
              <option value={input.timeZone}>{input.timeZone}</option>
            )}
            {TIME_ZONES.map((zone) => (
              <option key={zone} value={zone}>
                {t(`timeZone.${zone}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
    </FormDialog>
  );
}
