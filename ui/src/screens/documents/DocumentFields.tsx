import {
  type Ref,
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useDataChanged } from "../../components/dataChanged";
import { ErrorText } from "../../components/ErrorText";
import { type AutosaveStatus, useAutosave } from "../../components/useAutosave";
import { useI18n } from "../../i18n";
import {
  type DocumentField,
  type DocumentFieldKey,
  type DocumentKind,
  type DocumentOptions,
  type IpcError,
  toIpcError,
  useBackend,
} from "../../ipc";

/** How long typing must pause before a field is saved. */
export const TEXT_SAVE_DELAY_MS = 800;

/** What the tab may ask of the editor: save whatever is still waiting, before a document is written. */
export interface DocumentFieldsHandle {
  flush(): Promise<void>;
}

interface Props {
  meetingId: string;
  kind: DocumentKind;
  /** The document's options, as JSON; null while they are not known or not valid. */
  optionsKey: string | null;
  /** Called after a field was saved or restored, so the preview is drawn again. */
  onChanged(): void;
  ref?: Ref<DocumentFieldsHandle>;
}

/** A change to one field of one document: new text, or (`text` null) back to the generated text. */
interface Edit {
  kind: DocumentKind;
  key: DocumentFieldKey;
  text: string | null;
}

const draftId = (kind: DocumentKind, key: DocumentFieldKey) => `${kind}\n${key}`;

/** The backend trims and normalises what it keeps; compare texts the same way. */
const same = (a: string, b: string) => a.trim().normalize("NFC") === b.trim().normalize("NFC");

/**
 * The wording of the selected document that the secretary may change. A field
 * is saved once typing pauses or it loses focus; typing the generated text back
 * (or "Khôi phục") drops the edit. Saves run one after another, across
 * documents, and each one redraws the preview.
 *
 * When another laptop's changes to the meeting arrive (`useDataChanged`, as
 * `useLoad` does), the shown document's fields are read again quietly: the
 * fields keep their place and the list stays on screen until the new one
 * replaces it. This cannot overwrite what the secretary types: a field shows
 * `drafts[id] ?? field.text`, and a reload only replaces `field`. What is typed
 * is a draft from the first keystroke until its save has been read back (and,
 * in the field being typed in, until it is left if the stored form differs),
 * so a field being typed in, or whose save is waiting, under way or failed,
 * keeps its text, and the save then writes it over the other laptop's (it was
 * typed later). The field with the cursor but nothing typed yet keeps the text
 * it showed until it is left (`withHeld`), so nothing changes under the cursor.
 */
export function DocumentFields({ meetingId, kind, optionsKey, onChanged, ref }: Props) {
  const backend = useBackend();
  const { t, describeError } = useI18n();
  const [open, setOpen] = useState(true);
  const bodyId = useId();

  // The fields last read for each document; the shown document's are in state too.
  const known = useRef(new Map<DocumentKind, DocumentField[]>());
  const [fields, setFields] = useState<{ kind: DocumentKind; list: DocumentField[] } | null>(null);
  const [loadError, setLoadError] = useState<IpcError | null>(null);
  /** Text typed into a field and shown in place of the stored text, by draft id. */
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const draftsRef = useRef(drafts);
  useLayoutEffect(() => {
    draftsRef.current = drafts;
  }, [drafts]);

  const kindRef = useRef(kind);
  const optionsRef = useRef(optionsKey);
  const requests = useRef(new Map<DocumentKind, number>());
  /** The field being typed in, whose text is not replaced by the stored form under the cursor. */
  const focused = useRef<string | null>(null);
  const onChangedRef = useRef(onChanged);

  useEffect(() => {
    onChangedRef.current = onChanged;
  }, [onChanged]);

  /**
   * The fields of `of` to show, read as `list`: the field with the cursor and
   * nothing typed keeps what `shown` has for it until it is left.
   */
  const withHeld = useCallback(
    (
      of: DocumentKind,
      list: DocumentField[],
      shown: { kind: DocumentKind; list: DocumentField[] } | null,
    ): DocumentField[] => {
      const id = focused.current;
      if (id === null || shown?.kind !== of || id in draftsRef.current) return list;
      return list.map((field) =>
        draftId(of, field.key) === id
          ? (shown.list.find((kept) => kept.key === field.key) ?? field)
          : field,
      );
    },
    [],
  );

  /** Shows the stored text again in place of `text`, unless something else was typed since. */
  const dropDraft = useCallback((id: string, text: string) => {
    setDrafts((all) => {
      if (all[id] !== text) return all;
      const { [id]: _saved, ...rest } = all;
      return rest;
    });
  }, []);

  /**
   * Reads a document's fields; an answer for a document no longer shown is only
   * remembered. Resolves to whether they could be read.
   */
  const load = useCallback(
    async (of: DocumentKind): Promise<boolean> => {
      const key = optionsRef.current;
      if (!key) return false;
      const id = (requests.current.get(of) ?? 0) + 1;
      requests.current.set(of, id);
      const latest = () => requests.current.get(of) === id;
      try {
        const list = await backend.documentFields(
          meetingId,
          of,
          JSON.parse(key) as DocumentOptions,
        );
        if (!latest()) return true;
        known.current.set(of, list);
        if (kindRef.current === of) {
          setFields((shown) => ({ kind: of, list: withHeld(of, list, shown) }));
          setLoadError(null);
        }
        return true;
      } catch (e) {
        if (latest() && kindRef.current === of) setLoadError(toIpcError(e));
        return false;
      }
    },
    [backend, meetingId, withHeld],
  );

  useEffect(() => {
    // The field with the cursor was the other document's.
    if (kindRef.current !== kind) focused.current = null;
    kindRef.current = kind;
    optionsRef.current = optionsKey;
    const cached = known.current.get(kind);
    setFields((shown) => (cached && shown?.kind !== kind ? { kind, list: cached } : shown));
    setLoadError(null);
    void load(kind);
  }, [kind, optionsKey, load]);

  /**
   * Writes one edit, deciding only when its turn comes (after the saves before
   * it changed what is known) whether there is anything to write.
   */
  const save = useCallback(
    (id: string, edit: Edit) => {
      const { kind: of, key, text } = edit;
      if (text === null) {
        return (async () => {
          try {
            await backend.resetDocumentText(meetingId, of, key);
          } catch (e) {
            // "Not found": the edit is already gone (restored elsewhere), which is what was asked.
            if (toIpcError(e).kind !== "notFound") throw e;
          }
          await load(of);
          onChangedRef.current();
        })();
      }
      const field = known.current.get(of)?.find((f) => f.key === key);
      if (field && same(text, field.text)) {
        dropDraft(id, text);
        return null;
      }
      return (async () => {
        if (field?.edited && same(text, field.generated)) {
          await backend.resetDocumentText(meetingId, of, key);
        } else {
          await backend.setDocumentText(meetingId, of, key, text);
        }
        // What was typed stays on screen until the saved text can be shown instead;
        // in the field being typed in, only when it is exactly that (so a space
        // typed at the end before a pause is not trimmed away under the cursor).
        if (await load(of)) {
          const saved = known.current.get(of)?.find((f) => f.key === key);
          if (focused.current !== id || saved?.text === text) dropDraft(id, text);
        }
        onChangedRef.current();
      })();
    },
    [backend, meetingId, load, dropDraft],
  );

  // Another laptop's changes: the shown document's wording is read again, quietly.
  useDataChanged(() => void load(kindRef.current));

  const autosave = useAutosave(save, TEXT_SAVE_DELAY_MS);
  const { flush } = autosave;

  useImperativeHandle(ref, () => ({ flush: () => flush() }), [flush]);

  // Leaving a document saves what was typed there (and leaving the tab, through the hook).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the document changes
  useEffect(() => () => void flush(), [kind, flush]);

  function change(field: DocumentField, text: string) {
    const id = draftId(kind, field.key);
    setDrafts((all) => ({ ...all, [id]: text }));
    autosave.change(id, { kind, key: field.key, text });
  }

  /** Leaving a field saves it now; text saved while typing shows in its stored form. */
  function leave(field: DocumentField) {
    const id = draftId(kind, field.key);
    const of = kind;
    focused.current = null;
    void flush(id).then(() => {
      // A text held while the cursor was there gives way to the one last read.
      const read = known.current.get(of);
      if (read) {
        setFields((shown) =>
          shown?.kind === of ? { kind: of, list: withHeld(of, read, shown) } : shown,
        );
      }
      const stored = read?.find((f) => f.key === field.key);
      setDrafts((all) => {
        const text = all[id];
        if (text === undefined || !stored || !same(text, stored.text)) return all;
        const { [id]: _saved, ...rest } = all;
        return rest;
      });
    });
  }

  function restore(field: DocumentField) {
    const id = draftId(kind, field.key);
    setDrafts((all) => {
      const { [id]: _dropped, ...rest } = all;
      return rest;
    });
    autosave.change(id, { kind, key: field.key, text: null });
    void flush(id);
  }

  const list = fields?.kind === kind ? fields.list : null;

  return (
    <section
      className="documents-fields"
      data-testid="doc-fields"
      aria-labelledby={`${bodyId}-title`}
    >
      <div className="documents-fields-head">
        <h3 id={`${bodyId}-title`}>
          <button
            type="button"
            className="disclosure"
            aria-expanded={open}
            aria-controls={bodyId}
            data-testid="doc-fields-toggle"
            onClick={() => setOpen((o) => !o)}
          >
            <span className="disclosure-mark" aria-hidden="true">
              {open ? "▾" : "▸"}
            </span>
            {t("docs.fields")}
          </button>
        </h3>
        <SaveStatus status={autosave.status} />
      </div>
      <div id={bodyId} className="documents-fields-body" hidden={!open}>
        <p className="field-hint">{t("docs.fields.hint")}</p>
        <ErrorText error={loadError} />
        {list === null && !loadError ? (
          <p className="muted small">{t("docs.fields.loading")}</p>
        ) : null}
        {list?.length === 0 ? <p className="muted small">{t("docs.fields.none")}</p> : null}
        {list?.map((field) => {
          const id = draftId(kind, field.key);
          return (
            <FieldEditor
              key={id}
              field={field}
              value={drafts[id] ?? field.text}
              shown={open}
              error={autosave.errors[id] ?? null}
              describe={describeError}
              onChange={(text) => change(field, text)}
              onFocus={() => {
                focused.current = id;
              }}
              onBlur={() => leave(field)}
              onRestore={() => restore(field)}
            />
          );
        })}
      </div>
    </section>
  );
}

function SaveStatus({ status }: { status: AutosaveStatus }) {
  const { t } = useI18n();
  return (
    <span
      className={status.kind === "error" ? "save-status error-text" : "save-status muted"}
      role="status"
      data-testid="doc-fields-status"
    >
      {status.kind === "saving" ? t("docs.fields.saving") : null}
      {status.kind === "saved" ? t("docs.fields.saved") : null}
      {status.kind === "error" ? t("docs.fields.failed") : null}
    </span>
  );
}

interface FieldEditorProps {
  field: DocumentField;
  value: string;
  /** Whether the section is open: a hidden textarea has no height to measure. */
  shown: boolean;
  error: IpcError | null;
  describe(error: IpcError): string;
  onChange(text: string): void;
  onFocus(): void;
  onBlur(): void;
  onRestore(): void;
}

function FieldEditor({
  field,
  value,
  shown,
  error,
  describe,
  onChange,
  onFocus,
  onBlur,
  onRestore,
}: FieldEditorProps) {
  const { t } = useI18n();
  // Every field key the backend may send has a name in each UI language.
  const label = t(`docs.field.${field.key}`);
  const inputId = useId();
  const area = useRef<HTMLTextAreaElement>(null);

  // Grows with its text, so a long trích yếu or Nơi nhận is read without scrolling.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the height follows the value
  useLayoutEffect(() => {
    const el = area.current;
    if (!el || !shown) return;
    el.style.height = "auto";
    if (el.scrollHeight > 0) {
      el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
    }
  }, [value, shown]);

  const described = [
    field.multiline ? `${inputId}-hint` : null,
    error ? `${inputId}-error` : null,
  ].filter(Boolean);

  return (
    <div className="doc-field">
      <div className="doc-field-head">
        <label htmlFor={inputId} className="field-label">
          {label}
        </label>
        {field.edited ? (
          <>
            <span className="badge badge-edited" data-testid={`doc-field-edited-${field.key}`}>
              {t("docs.fields.edited")}
            </span>
            <button
              type="button"
              className="button ghost small doc-field-reset"
              data-testid={`doc-field-reset-${field.key}`}
              title={t("docs.fields.resetHint")}
              aria-label={t("docs.fields.resetLabel", { label })}
              onClick={onRestore}
            >
              {t("docs.fields.reset")}
            </button>
          </>
        ) : null}
      </div>
      <textarea
        ref={area}
        id={inputId}
        data-testid={`doc-field-${field.key}`}
        rows={field.multiline ? 3 : 2}
        value={value}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={described.length > 0 ? described.join(" ") : undefined}
        onChange={(e) => onChange(e.target.value)}
        onFocus={onFocus}
        onBlur={onBlur}
      />
      {field.multiline ? (
        <span id={`${inputId}-hint`} className="field-hint">
          {t("docs.fields.multiline")}
        </span>
      ) : null}
      {error ? (
        <p id={`${inputId}-error`} className="error-text small" role="alert">
          {describe(error)}
        </p>
      ) : null}
    </div>
  );
}
