import { useEffect, useRef, useState } from "react";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { useSubmit } from "../../components/useSubmit";
import { type Lang, translate, useI18n } from "../../i18n";
import { type AgendaItem, useBackend, type Vote, type VoteInput } from "../../ipc";

/** `n` of `total` as a percentage with at most one decimal: "95%", "2,5%" (Vietnamese comma). */
export function formatPercent(n: number, total: number, lang: Lang): string {
  const value = total > 0 ? Math.round((n * 1000) / total) / 10 : 0;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return `${lang === "vi" ? text.replace(".", ",") : text}%`;
}

/**
 * The result sentence as the minutes record it. The minutes are a Vietnamese
 * document, so it is Vietnamese whatever the UI language.
 */
export function resultSentence(inFavour: number, present: number): string {
  const passed = inFavour * 2 > present;
  return translate("vi", passed ? "vote.resultPassed" : "vote.resultFailed", {
    n: inFavour,
    present,
    percent: formatPercent(inFavour, present, "vi"),
  });
}

/** A count as typed: blank is 0, anything else its whole number (NaN stays for the backend to refuse). */
function count(value: string): number {
  return value.trim() === "" ? 0 : Number(value);
}

/** One vote in the minutes: the question, the numbers with their shares, the result. */
export function VoteRow({
  vote,
  onEdit,
  onDelete,
}: {
  vote: Vote;
  onEdit(): void;
  onDelete(): void;
}) {
  const { t, lang } = useI18n();
  const share = (label: string, n: number) =>
    t("vote.rowCount", { label, n, percent: formatPercent(n, vote.present, lang) });
  return (
    <li className="entry vote" data-testid="vote-row">
      <div className="entry-head">
        <span className="tag vote-tag">{t("vote.add")}</span>
        <span className="cell-title">{vote.question}</span>
        <span className="toolbar-spacer" />
        <button
          type="button"
          className="button small"
          data-testid="vote-edit"
          aria-label={t("vote.editLabel", { question: vote.question })}
          onClick={onEdit}
        >
          {t("common.edit")}
        </button>
        <button
          type="button"
          className="button small danger-ghost"
          data-testid="vote-delete"
          aria-label={t("vote.deleteLabel", { question: vote.question })}
          onClick={onDelete}
        >
          {t("common.delete")}
        </button>
      </div>
      <p className="vote-numbers small">
        {[
          t("vote.rowPresent", { n: vote.present }),
          share(t("vote.inFavour"), vote.inFavour),
          share(t("vote.against"), vote.against),
          share(t("vote.abstained"), vote.abstained),
        ].join(" · ")}
      </p>
      {vote.result ? <p className="entry-text">{vote.result}</p> : null}
    </li>
  );
}

/**
 * The form for a vote, new or saved. A new one starts under `defaultItemId`
 * with the number present taken from the attendance (until the secretary
 * types one). The backend checks the numbers add up; its message shows here.
 */
export function VoteDialog({
  meetingId,
  vote,
  items,
  defaultItemId,
  onClose,
  onSave,
}: {
  meetingId: string;
  vote: Vote | null;
  items: AgendaItem[];
  defaultItemId: string | null;
  onClose(): void;
  /** Saves the vote; the dialog closes once it has. */
  onSave(input: VoteInput): Promise<void>;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const [agendaItemId, setAgendaItemId] = useState(vote ? vote.agendaItemId : defaultItemId);
  const [question, setQuestion] = useState(vote?.question ?? "");
  const [present, setPresent] = useState(vote ? String(vote.present) : "");
  const [inFavour, setInFavour] = useState(vote ? String(vote.inFavour) : "");
  const [against, setAgainst] = useState(vote ? String(vote.against) : "");
  const [abstained, setAbstained] = useState(vote ? String(vote.abstained) : "");
  const [result, setResult] = useState(vote?.result ?? "");
  const presentTyped = useRef(vote !== null);
  const { submit, busy, error } = useSubmit();

  useEffect(() => {
    if (vote) return;
    let live = true;
    backend.attendanceSummary(meetingId).then(
      (summary) => {
        if (live && !presentTyped.current) setPresent(String(summary.attended));
      },
      () => {
        // Without the attendance the secretary types the number.
      },
    );
    return () => {
      live = false;
    };
  }, [backend, meetingId, vote]);

  const numbers = {
    present: count(present),
    inFavour: count(inFavour),
    against: count(against),
    abstained: count(abstained),
  };
  const sum = numbers.inFavour + numbers.against + numbers.abstained;
  const diff = numbers.present - sum;
  const sumLine =
    diff === 0
      ? t("vote.sumOk")
      : t(diff > 0 ? "vote.sumShort" : "vote.sumOver", {
          sum,
          present: numbers.present,
          diff: Math.abs(diff),
        });

  const input = (): VoteInput => ({ agendaItemId, question, result, ...numbers });

  const numberField = (
    label: string,
    testId: string,
    value: string,
    set: (value: string) => void,
  ) => (
    <Field label={label}>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        data-testid={testId}
        value={value}
        onChange={(e) => set(e.target.value)}
      />
    </Field>
  );

  return (
    <FormDialog
      title={vote ? t("vote.editTitle") : t("vote.addTitle")}
      onClose={onClose}
      onSubmit={() => submit(() => onSave(input()), onClose)}
      busy={busy}
      error={error}
      saveTestId="vote-save"
      wide
    >
      <div className="form-grid">
        <Field label={t("minutes.agendaItem")} wide>
          <select
            data-testid="vote-agenda-item"
            value={agendaItemId ?? ""}
            onChange={(e) => setAgendaItemId(e.target.value || null)}
          >
            <option value="">{t("minutes.general")}</option>
            {items.map((item, index) => (
              <option key={item.id} value={item.id}>
                {index + 1}. {item.title}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("vote.question")} wide>
          <textarea
            data-testid="vote-question"
            data-autofocus
            rows={2}
            placeholder={t("vote.questionPlaceholder")}
            value={question}
            onChange={(e) => setQuestion(e.target.value)}
          />
        </Field>
        {numberField(t("vote.present"), "vote-present", present, (value) => {
          presentTyped.current = true;
          setPresent(value);
        })}
        {numberField(t("vote.inFavour"), "vote-for", inFavour, setInFavour)}
        {numberField(t("vote.against"), "vote-against", against, setAgainst)}
        {numberField(t("vote.abstained"), "vote-abstain", abstained, setAbstained)}
        <p
          className={diff === 0 ? "field-wide small vote-sum ok" : "field-wide small vote-sum"}
          data-testid="vote-sum"
          aria-live="polite"
        >
          {sumLine}
        </p>
        <Field label={t("vote.result")} wide>
          <textarea
            data-testid="vote-result"
            rows={2}
            value={result}
            onChange={(e) => setResult(e.target.value)}
          />
        </Field>
        <div className="field-wide">
          <button
            type="button"
            className="button small"
            data-testid="vote-fill-result"
            disabled={numbers.present <= 0}
            onClick={() => setResult(resultSentence(numbers.inFavour, numbers.present))}
          >
            {t("vote.fillResult")}
          </button>
        </div>
      </div>
    </FormDialog>
  );
}
