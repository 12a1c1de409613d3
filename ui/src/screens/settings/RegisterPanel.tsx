import { useState } from "react";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { formatDate } from "../../dates";
import { useI18n } from "../../i18n";
import { type Organisation, useBackend } from "../../ipc";
import { BodyOptions } from "./OrganisationForm";

/**
 * The register of outgoing documents (sổ đăng ký văn bản đi) of one issuing
 * body, chosen here (the default body of a new meeting at first, else the
 * first): every number given on a meeting's Văn bản tab, in the core's order
 * (by date, then series and number), and a button that saves it as a PDF.
 * A hidden body keeps its register: those with numbers are offered too.
 */
export function RegisterPanel({ bodies }: { bodies: Organisation[] }) {
  const backend = useBackend();
  const { t } = useI18n();
  const fallback = useLoad(() => backend.defaultOrganisation(), [backend]);
  const [chosen, setChosen] = useState<string | null>(null);
  const hidden = useLoad(() => backend.hiddenRegisterBodies(), [backend]);
  const hiddenBodies = hidden.value ?? [];
  const ids = [...bodies, ...hiddenBodies].map((b) => b.id);
  const shown = [chosen, fallback.value].find((id) => id && ids.includes(id)) ?? ids[0] ?? null;
  const register = useLoad(
    () => (shown ? backend.documentRegister(shown) : Promise.resolve([])),
    [backend, shown],
  );
  const { submit, busy, error } = useSubmit();
  const [saved, setSaved] = useState<string | null>(null);

  function save() {
    if (!shown) return;
    setSaved(null);
    // Rust asks where to save; the page names no path.
    void submit(() => backend.saveRegister(shown), setSaved);
  }

  const entries = register.value ?? [];
  return (
    <section className="panel" aria-labelledby="register-heading" data-testid="register">
      <h2 id="register-heading">{t("settings.register")}</h2>
      <p className="muted">{t("settings.register.intro")}</p>
      {ids.length ? (
        <Field label={t("settings.register.body")}>
          <select
            data-testid="register-body"
            value={shown ?? ""}
            onChange={(e) => {
              setChosen(e.target.value);
              setSaved(null);
            }}
          >
            <BodyOptions bodies={bodies} />
            {hiddenBodies.length ? (
              <optgroup label={t("settings.register.hidden")} data-testid="register-hidden">
                <BodyOptions bodies={hiddenBodies} />
              </optgroup>
            ) : null}
          </select>
        </Field>
      ) : null}
      <ErrorText error={register.error ?? hidden.error} />
      {register.value && entries.length === 0 ? (
        <p className="muted" data-testid="register-empty">
          {t("settings.register.empty")}
        </p>
      ) : null}
      {entries.length ? (
        <table className="table" data-testid="register-list">
          <thead>
            <tr>
              <th>{t("settings.register.symbol")}</th>
              <th>{t("settings.register.date")}</th>
              <th>{t("settings.register.summary")}</th>
              <th>{t("settings.register.signer")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <tr key={entry.id}>
                <td className="cell-title">{entry.symbol}</td>
                <td>{formatDate(entry.issuedOn)}</td>
                <td>{entry.summary}</td>
                <td>{entry.signer}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <div className="form-actions">
        {saved ? (
          <span className="status-text break" role="status" data-testid="register-saved">
            {t("settings.register.saved", { name: saved })}
          </span>
        ) : null}
        <button
          type="button"
          className="button"
          data-testid="register-save"
          disabled={busy || !shown}
          onClick={save}
        >
          {t("settings.register.save")}
        </button>
      </div>
      <ErrorText error={error} />
    </section>
  );
}
