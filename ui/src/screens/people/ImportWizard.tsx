import { useEffect, useMemo, useRef, useState } from "react";
import { Dialog } from "../../components/Dialog";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { useSubmit } from "../../components/useSubmit";
import { type MessageKey, useI18n } from "../../i18n";
import {
  type ImportChoices,
  type ImportField,
  type ImportFix,
  type ImportOutcome,
  type ImportPreview,
  type ImportProblem,
  type ImportProgress,
  type ImportRowPlan,
  type IpcError,
  onImportProgress,
  toIpcError,
  useBackend,
} from "../../ipc";
import { DETECTED_CHOICES as DETECTED } from "../../ipc/importChoices";

/** Every field a column can hold, in the order the selects offer them (a new one fails the type-check). */
const FIELD_LABELS: Record<ImportField, MessageKey> = {
  ordinal: "import.field.ordinal",
  fullName: "import.field.fullName",
  familyName: "import.field.familyName",
  givenName: "import.field.givenName",
  title: "import.field.title",
  unit: "import.field.unit",
  code: "import.field.code",
  phone: "import.field.phone",
  email: "import.field.email",
  section: "import.field.section",
  ignore: "import.field.ignore",
};
const FIELDS = Object.keys(FIELD_LABELS) as ImportField[];

/** How long typing may pause before the file is read again with what was typed. */
const TYPING_PAUSE = 300;
/** A reading shorter than this shows no "reading" line (no flicker on a small file). */
const SLOW_READING = 250;

/** The spreadsheet's name for a column: A…Z, AA… */
export function columnLetter(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const NAME_FIELDS: readonly ImportField[] = ["fullName", "familyName", "givenName"];

/** The fields a problem can be fixed in, and where the row plan shows each one's value. */
const FIXABLE: Partial<Record<ImportField, Exclude<keyof ImportRowPlan["person"], "rank">>> = {
  fullName: "fullName",
  title: "positionTitle",
  unit: "unit",
  section: "section",
  phone: "phone",
  email: "email",
};

/** A cell of the sheet: its row (as the spreadsheet numbers it) and the field its column holds. */
type Cell = Pick<ImportFix, "row" | "field">;

/** How many cells the fixes change: a cell fixed twice counts once. */
function fixedCells(fixes: ImportFix[]): number {
  return new Set(fixes.map((f) => `${f.row}:${f.field}`)).size;
}

/** Spaces as the core keeps them: runs made one, ends trimmed. */
function clean(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(" ");
}

/** The typed header row as a number, or null when it is not a whole number from 0 up. */
function headerRowOf(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text.trim()) : null;
}

/** "Đang đọc tệp…", with how far the check of the rows has got once the shell says. */
export function ReadingNote() {
  const { t } = useI18n();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  useEffect(() => onImportProgress(setProgress), []);
  const percent = progress ? Math.round(progress.share * 100) : 0;
  return (
    <span className="muted" data-testid="import-reading">
      {progress === null
        ? t("import.reading")
        : t(progress.stage === "reading" ? "import.readingFile" : "import.readingShare", {
            percent,
          })}
    </span>
  );
}

/** True once `on` has stayed true for `ms`; false again as soon as it is false. */
function useSlow(on: boolean, ms: number): boolean {
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    setSlow(false);
    if (!on) return;
    const timer = setTimeout(() => setSlow(true), ms);
    return () => clearTimeout(timer);
  }, [on, ms]);
  return slow;
}

interface ImportWizardProps {
  /** The meeting whose list the file goes into; null: only the person directory. */
  meetingId: string | null;
  /** The picked file as `chooseImportFile` read it, everything detected. */
  initial: ImportPreview;
  /** Closed without importing; the picked file has been dropped. `stopped`: by "Dừng". */
  onClose(stopped: boolean): void;
  onImported(outcome: ImportOutcome): void;
}

/**
 * The delegate-list import: the file as read, its columns, the group for rows
 * naming none, the rows the core would add, update, keep or leave out, and the
 * import itself. Each choice asks the core for a new plan; only the answer to
 * the latest request is shown, and Import waits for it, so what is imported is
 * what the secretary saw.
 */
export function ImportWizard({ meetingId, initial, onClose, onImported }: ImportWizardProps) {
  const backend = useBackend();
  const { t } = useI18n();
  const [shown, setShown] = useState(initial);
  const [choices, setChoices] = useState(DETECTED);
  const [headerText, setHeaderText] = useState(String(initial.headerRow));
  const [sectionText, setSectionText] = useState("");
  const [previewError, setPreviewError] = useState<IpcError | null>(null);
  // A new plan was asked for (or will be, once typing pauses) and has not come back.
  const [waiting, setWaiting] = useState(false);
  const [reading, setReading] = useState(false);
  const slow = useSlow(reading, SLOW_READING);
  const typed = useRef(false);
  const latest = useRef(0);
  // Where focus goes once a fix is saved or the fixes are undone (their buttons are gone).
  const checkStep = useRef<HTMLElement>(null);
  const apply = useSubmit();

  useEffect(() => {
    if (choices === DETECTED) return;
    const request = ++latest.current;
    setWaiting(true);
    const timer = setTimeout(
      () => {
        setReading(true);
        backend.previewImport(meetingId, choices).then(
          (preview) => {
            if (request !== latest.current) return;
            setShown(preview);
            setPreviewError(null);
            if (choices.headerRow === null) setHeaderText(String(preview.headerRow));
            setWaiting(false);
            setReading(false);
          },
          (e: unknown) => {
            if (request !== latest.current) return;
            setPreviewError(toIpcError(e));
            setWaiting(false);
            setReading(false);
          },
        );
      },
      typed.current ? TYPING_PAUSE : 0,
    );
    return () => clearTimeout(timer);
  }, [backend, meetingId, choices]);

  // Answers that come back after the wizard closed are dropped.
  useEffect(
    () => () => {
      latest.current += 1;
    },
    [],
  );

  function choose(change: (current: ImportChoices) => ImportChoices, typing = false) {
    typed.current = typing;
    setChoices(change);
  }

  const headerRow = headerRowOf(headerText);
  // After a refused plan with detected columns (a new header row or sheet),
  // what the core made of the columns is not known: the selects ask instead.
  const fields: (ImportField | null)[] =
    choices.fields ?? shown.columns.map((c) => (previewError ? null : c.field));
  const sameHeader = headerRow === shown.headerRow;

  function setField(index: number, field: ImportField) {
    const next = fields.map((f, i) => (i === index ? field : (f ?? "ignore")));
    choose((c) => ({ ...c, fields: next }));
  }

  function include(row: number, yes: boolean) {
    choose((c) => ({
      ...c,
      skipRows: yes ? c.skipRows.filter((r) => r !== row) : [...c.skipRows, row],
    }));
  }

  function fix({ row, field }: Cell, value: string) {
    choose((c) => ({ ...c, fixes: [...c.fixes, { row, field, value }] }));
    checkStep.current?.focus();
  }

  function clearFixes() {
    choose((c) => ({ ...c, fixes: [] }));
    checkStep.current?.focus();
  }

  function close(stopped: boolean) {
    // An import under way is not taken back halfway: it is one transaction.
    if (apply.busy) return;
    latest.current += 1;
    void backend.cancelImport().catch(() => null);
    onClose(stopped);
  }

  const people = shown.added + shown.updated;
  const total = shown.added + shown.updated + shown.unchanged + shown.skipped;
  // No name column among the fields: the plan names the problem, and the
  // secretary maps the columns by hand.
  const noName = shown.columns.every((c) => !NAME_FIELDS.includes(c.field));
  const refusal: IpcError | null =
    previewError ??
    (noName
      ? {
          kind: "invalid",
          message: shown.problems[0]?.message ?? t("import.noNameColumn"),
        }
      : null);
  const canImport = !waiting && !refusal && headerRow !== null && people > 0 && !apply.busy;
  const directory = meetingId === null;
  const fixed = fixedCells(choices.fixes);

  return (
    <Dialog
      title={t(directory ? "import.titleDirectory" : "import.title")}
      onClose={() => close(false)}
      className="import-dialog"
      testId="import-wizard"
    >
      <div className="import-body">
        <section className="import-step" aria-label={t("import.fileStep")}>
          <h3>{t("import.fileStep")}</h3>
          <p className="import-facts muted">
            {[
              t("import.format", { format: shown.format.toUpperCase() }),
              shown.encoding ? t("import.encoding", { encoding: shown.encoding }) : "",
              t("import.dataRows", { n: total }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
          <div className="import-file-choices">
            {shown.sheets.length > 1 ? (
              <Field label={t("import.sheet")}>
                <select
                  data-testid="import-sheet"
                  value={choices.sheet ?? shown.sheet}
                  onChange={(e) => {
                    const sheet = e.target.value;
                    // Another sheet has its own header and columns: detected again.
                    choose((c) => ({ ...DETECTED, sheet, section: c.section }));
                  }}
                >
                  {shown.sheets.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
            <Field label={t("import.headerRow")} hint={t("import.headerRowHint")}>
              <input
                type="number"
                min={0}
                step={1}
                inputMode="numeric"
                className="import-header-input"
                data-testid="import-header-row"
                value={headerText}
                aria-invalid={headerRow === null || undefined}
                onChange={(e) => {
                  setHeaderText(e.target.value);
                  const row = headerRowOf(e.target.value);
                  if (row !== null) choose((c) => ({ ...c, headerRow: row }), true);
                }}
              />
            </Field>
          </div>
          {headerRow === null ? (
            <p className="error-text" role="alert">
              {t("import.headerRowInvalid")}
            </p>
          ) : null}
          <FirstRows rows={shown.firstRows} headerRow={headerRow ?? shown.headerRow} />
        </section>

        <section className="import-step" aria-label={t("import.columnsStep")}>
          <h3>{t("import.columnsStep")}</h3>
          <p className="muted small">{t("import.columnsHint")}</p>
          <div className="import-columns">
            {shown.columns.map((column, i) => {
              const letter = columnLetter(i);
              const header = sameHeader ? column.header.trim() : "";
              const field = fields[i] ?? null;
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position in the file
                <div key={i} className="import-column">
                  <Field
                    label={
                      header
                        ? t("import.columnNamed", { letter, header })
                        : t("import.column", { letter })
                    }
                  >
                    <select
                      data-testid={`import-field-${i}`}
                      value={field ?? ""}
                      onChange={(e) => setField(i, e.target.value as ImportField)}
                    >
                      {field === null ? (
                        <option value="" disabled>
                          {t("import.fieldUnknown")}
                        </option>
                      ) : null}
                      {FIELDS.map((f) => (
                        <option key={f} value={f}>
                          {t(FIELD_LABELS[f])}
                        </option>
                      ))}
                    </select>
                  </Field>
                  {column.convertedFrom && sameHeader ? (
                    <p className="import-converted small" data-testid={`import-converted-${i}`}>
                      {column.examples[0]
                        ? t("import.converted", {
                            from: column.convertedFrom,
                            before: column.examples[0][0],
                            after: column.examples[0][1],
                          })
                        : t("import.convertedOnly", { from: column.convertedFrom })}
                    </p>
                  ) : null}
                </div>
              );
            })}
          </div>
          <ErrorText error={refusal} />
          <Field label={t("import.section")} hint={t("import.sectionHint")}>
            <input
              data-testid="import-section"
              value={sectionText}
              onChange={(e) => {
                setSectionText(e.target.value);
                const section = e.target.value.trim() || null;
                choose((c) => ({ ...c, section }), true);
              }}
            />
          </Field>
        </section>

        {refusal ? null : (
          <section
            ref={checkStep}
            tabIndex={-1}
            className={slow ? "import-step import-stale" : "import-step"}
            aria-label={t("import.checkStep")}
            aria-busy={slow || undefined}
          >
            <h3>{t("import.checkStep")}</h3>
            {directory ? (
              <p className="muted small" data-testid="import-directory-note">
                {t("import.directoryNote")}
              </p>
            ) : null}
            {fixed > 0 ? (
              <p className="import-fixed small">
                <span data-testid="import-fixed-count">{t("import.fixedCount", { n: fixed })}</span>
                <button
                  type="button"
                  className="button small"
                  data-testid="import-fixes-clear"
                  disabled={apply.busy}
                  onClick={clearFixes}
                >
                  {t("import.fixesClear")}
                </button>
              </p>
            ) : null}
            <Problems
              problems={shown.problems}
              rows={shown.rows}
              disabled={apply.busy}
              onFix={fix}
            />
            <PlannedRows
              rows={shown.rows}
              problems={shown.problems}
              skipRows={choices.skipRows}
              disabled={apply.busy}
              onInclude={include}
            />
            {shown.rows.length < total ? (
              <p className="muted small">
                {t("import.moreRows", { shown: shown.rows.length, total })}
              </p>
            ) : null}
          </section>
        )}
      </div>

      <div className="import-foot">
        <ErrorText error={apply.error} />
        <div className="form-actions">
          <div className="import-status" aria-live="polite">
            {slow ? (
              <>
                <ReadingNote />
                <button
                  type="button"
                  className="button small"
                  data-testid="import-stop"
                  onClick={() => close(true)}
                >
                  {t("import.stop")}
                </button>
              </>
            ) : refusal ? null : (
              <span className="import-counts" data-testid="import-counts">
                {t("import.counts", {
                  added: shown.added,
                  updated: shown.updated,
                  unchanged: shown.unchanged,
                  skipped: shown.skipped,
                })}
              </span>
            )}
          </div>
          <button
            type="button"
            className="button"
            disabled={apply.busy}
            onClick={() => close(false)}
          >
            {t("common.cancel")}
          </button>
          <button
            type="button"
            className="button primary"
            data-testid="import-apply"
            disabled={!canImport}
            onClick={() =>
              void apply.submit(() => backend.applyImport(meetingId, choices), onImported)
            }
          >
            {apply.busy
              ? t("import.applying")
              : t(directory ? "import.applyDirectory" : "import.apply", { n: people })}
          </button>
        </div>
      </div>
    </Dialog>
  );
}

/** The sheet's first rows as they are, numbered as the spreadsheet numbers them. */
function FirstRows({ rows, headerRow }: { rows: string[][]; headerRow: number }) {
  const { t } = useI18n();
  const width = Math.max(0, ...rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, i) => i);
  return (
    <div className="import-first-rows">
      <table className="import-sheet" data-testid="import-first-rows">
        <caption className="visually-hidden">{t("import.firstRows")}</caption>
        <thead>
          <tr>
            <th />
            {columns.map((c) => (
              <th key={c} scope="col">
                {columnLetter(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, r) => {
            const header = r + 1 === headerRow;
            return (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position in the sheet
                key={r}
                className={header ? "import-header" : undefined}
                data-header={header || undefined}
              >
                <th scope="row">{r + 1}</th>
                {columns.map((c) => (
                  <td key={c}>{cells[c] ?? ""}</td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface ProblemsProps {
  problems: ImportProblem[];
  /** The row plans, for the value a fix starts from. */
  rows: ImportRowPlan[];
  disabled: boolean;
  /** A value typed for a cell in place of the file's. */
  onFix(cell: Cell, value: string): void;
}

/**
 * One line per problem: those that leave the row out first marked so,
 * warnings as notes. A problem in a person's detail can be fixed in place.
 */
function Problems({ problems, rows, disabled, onFix }: ProblemsProps) {
  const { t, lang } = useI18n();
  const [editing, setEditing] = useState<Cell | null>(null);
  // The cell whose "Sửa" takes focus back once its editor is closed unsaved.
  const refocus = useRef<Cell | null>(null);
  // The problem the editor is open at: the first of its cell's.
  const at =
    editing && !disabled
      ? problems.findIndex((p) => p.row === editing.row && p.field === editing.field)
      : -1;
  // Its problem gone (fixed otherwise) or the import begun: the editor stays closed.
  useEffect(() => {
    if (at === -1) setEditing(null);
  }, [at]);

  function current(cell: Cell): string {
    const key = FIXABLE[cell.field];
    const plan = rows.find((r) => r.row === cell.row);
    return key && plan ? plan.person[key] : "";
  }

  function save(cell: Cell, value: string) {
    setEditing(null);
    if (clean(value) === current(cell)) {
      refocus.current = cell;
    } else {
      onFix(cell, value);
    }
  }

  function cancel(cell: Cell) {
    setEditing(null);
    refocus.current = cell;
  }

  return (
    <div data-testid="import-problems">
      {problems.length === 0 ? (
        <p className="muted">{t("import.noProblems")}</p>
      ) : (
        <ul className="import-problems">
          {problems.map((p, i) => {
            const label = FIXABLE[p.field] ? t(FIELD_LABELS[p.field]) : null;
            return (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: a row may have several problems of one field
                key={i}
                className={p.blocking ? "import-problem blocking" : "import-problem"}
              >
                <span className={p.blocking ? "tag import-tag-skip" : "tag warning"}>
                  {t(p.blocking ? "import.blocking" : "import.warning")}
                </span>
                <span>{t("import.problem", { row: p.row, message: p.message })}</span>
                {label === null ? null : i === at ? (
                  <FixEditor
                    label={t("import.fixValue", { field: label, row: p.row })}
                    initial={current(p)}
                    onSave={(value) => save(p, value)}
                    onCancel={() => cancel(p)}
                  />
                ) : (
                  <button
                    type="button"
                    className="button small import-fix"
                    data-testid="import-fix"
                    aria-label={t("import.fixLabel", {
                      field: label.toLocaleLowerCase(lang),
                      row: p.row,
                    })}
                    disabled={disabled}
                    ref={(button) => {
                      const back = refocus.current;
                      if (button && back?.row === p.row && back.field === p.field) {
                        refocus.current = null;
                        button.focus();
                      }
                    }}
                    onClick={() => setEditing({ row: p.row, field: p.field })}
                  >
                    {t("import.fix")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

interface FixEditorProps {
  label: string;
  initial: string;
  onSave(value: string): void;
  onCancel(): void;
}

/** A cell's new value typed in place: Enter (or Lưu) keeps it, Esc (or Huỷ) does not. */
function FixEditor({ label, initial, onSave, onCancel }: FixEditorProps) {
  const { t } = useI18n();
  const [value, setValue] = useState(initial);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  return (
    <span className="import-fix-editor">
      <input
        ref={input}
        className="import-fix-input"
        data-testid="import-fix-value"
        aria-label={label}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            onSave(value);
          } else if (e.key === "Escape") {
            // Only the editor closes, not the wizard.
            e.stopPropagation();
            onCancel();
          }
        }}
      />
      <button
        type="button"
        className="button small primary"
        data-testid="import-fix-save"
        onClick={() => onSave(value)}
      >
        {t("common.save")}
      </button>
      <button type="button" className="button small" onClick={onCancel}>
        {t("common.cancel")}
      </button>
    </span>
  );
}

interface PlannedRowsProps {
  rows: ImportRowPlan[];
  problems: ImportProblem[];
  skipRows: number[];
  disabled: boolean;
  onInclude(row: number, yes: boolean): void;
}

/** What the import does with each row, with a box to leave a row out. */
function PlannedRows({ rows, problems, skipRows, disabled, onInclude }: PlannedRowsProps) {
  const { t } = useI18n();
  const why = useMemo(() => {
    const byRow = new Map<number, string[]>();
    for (const p of problems) {
      if (!p.blocking) continue;
      byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.message]);
    }
    return byRow;
  }, [problems]);

  function action(r: ImportRowPlan, chosenOut: boolean): string {
    switch (r.action) {
      case "add":
        return t("import.action.add");
      case "update":
        return t("import.action.update", { changes: r.changes.join("; ") });
      case "unchanged":
        return t("import.action.unchanged");
      case "skip": {
        if (chosenOut) return t("import.action.skipChosen");
        const reasons = why.get(r.row);
        return reasons
          ? t("import.action.skipBecause", { why: reasons.join(" ") })
          : t("import.action.skip");
      }
    }
  }

  return (
    <table className="table import-rows">
      <caption className="visually-hidden">{t("import.checkStep")}</caption>
      <thead>
        <tr>
          <th className="import-col-include">{t("import.col.include")}</th>
          <th className="import-col-row">{t("import.col.row")}</th>
          <th>{t("import.col.name")}</th>
          <th>{t("import.col.position")}</th>
          <th>{t("import.col.unit")}</th>
          <th>{t("import.col.section")}</th>
          <th className="import-col-action">{t("import.col.action")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const chosenOut = skipRows.includes(r.row);
          // Left out by the core (a blocking problem), not by the secretary.
          const blocked = r.action === "skip" && !chosenOut;
          return (
            <tr
              key={r.row}
              data-testid="import-row"
              data-action={r.action}
              className={`import-${r.action}`}
            >
              <td>
                <input
                  type="checkbox"
                  data-testid="import-include"
                  aria-label={t("import.includeRow", { row: r.row })}
                  checked={!chosenOut && !blocked}
                  disabled={blocked || disabled}
                  onChange={(e) => onInclude(r.row, e.target.checked)}
                />
              </td>
              <td className="nowrap">{r.row}</td>
              <td className="cell-title">
                {r.person.fullName || <span className="muted">{t("import.noName")}</span>}
              </td>
              <td>{r.person.positionTitle}</td>
              <td>{r.person.unit}</td>
              <td>{r.person.section}</td>
              <td>{action(r, chosenOut)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
