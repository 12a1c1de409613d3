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
import { ErrorText } from "../components/ErrorText";
import { type MessageKey, useI18n } from "../i18n";
import {
  type DocumentField,
  type DocumentKind,
  type DocumentOptions,
  type IpcError,
  toIpcError,
  useBackend,
} from "../ipc";

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

/** Text typed into a field and not yet saved. */
interface Draft {
  kind: DocumentKind;
  key: string;
  text: string;
}

type Status = { state: "idle" } | { state: "saving" } | { state: "saved" } | { state: "failed" };

const draftId = (kind: DocumentKind, key: string) => `${kind}\n${key}`;

/** The backend trims and normalises what it keeps; compare texts the same way. */
const same = (a: string, b: string) => a.trim().normalize("NFC") === b.trim().normalize("NFC");

/**
 * The wording of the selected document that the secretary may change. A field
 * is saved once typing pauses or it loses focus; typing the generated text back
 * (or "Khôi phục") drops the edit. Saves run one after another, across
 * documents, and each one redraws the preview.
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
  const [drafts, setDraftsState] = useState<Record<string, Draft>>({});
  const draftsRef = useRef(drafts);
  const [errors, setErrors] = useState<Record<string, IpcError>>({});
  const [status, setStatus] = useState<Status>({ state: "idle" });

  const kindRef = useRef(kind);
  const optionsRef = useRef(optionsKey);
  const requests = useRef(new Map<DocumentKind, number>());
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const failed = useRef(new Set<string>());
  /** The field being typed in, whose text is not replaced by the stored form under the cursor. */
  const focused = useRef<string | null>(null);
  const onChangedRef = useRef(onChanged);

  useEffect(() => {
    onChangedRef.current = onChanged;
  }, [onChanged]);

  const setDrafts = useCallback((update: (all: Record<string, Draft>) => Record<string, Draft>) => {
    draftsRef.current = update(draftsRef.current);
    setDraftsState(draftsRef.current);
  }, []);

  const setError = useCallback((id: string, error: IpcError | null) => {
    if (error) failed.current.add(id);
    else failed.current.delete(id);
    setErrors((all) => {
      if (!error && !(id in all)) return all;
      const { [id]: _dropped, ...rest } = all;
      return error ? { ...rest, [id]: error } : rest;
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
          setFields({ kind: of, list });
          setLoadError(null);
        }
        return true;
      } catch (e) {
        if (latest() && kindRef.current === of) setLoadError(toIpcError(e));
        return false;
      }
    },
    [backend, meetingId],
  );

  useEffect(() => {
    kindRef.current = kind;
    optionsRef.current = optionsKey;
    const cached = known.current.get(kind);
    setFields((shown) => (cached && shown?.kind !== kind ? { kind, list: cached } : shown));
    setLoadError(null);
    void load(kind);
  }, [kind, optionsKey, load]);

  /**
   * One save, or one restore, at a time, each deciding what to do once the ones
   * before it are done; `begin` marks that it talks to the backend.
   */
  const enqueue = useCallback((work: (begin: () => void) => Promise<void>): Promise<void> => {
    chain.current = chain.current
      .then(async () => {
        let begun = false;
        const begin = () => {
          begun = true;
          setStatus({ state: "saving" });
        };
        try {
          await work(begin);
        } finally {
          if (begun) setStatus({ state: failed.current.size > 0 ? "failed" : "saved" });
        }
      })
      .catch(() => {});
    return chain.current;
  }, []);

  const save = useCallback(
    (draft: Draft) => {
      const id = draftId(draft.kind, draft.key);
      const dropDraft = () =>
        setDrafts((all) => {
          if (all[id]?.text !== draft.text) return all;
          const { [id]: _saved, ...rest } = all;
          return rest;
        });
      return enqueue(async (begin) => {
        // Compared only now, after the saves before it changed what is known.
        const field = known.current.get(draft.kind)?.find((f) => f.key === draft.key);
        if (field && same(draft.text, field.text)) {
          dropDraft();
          setError(id, null);
          return;
        }
        begin();
        try {
          if (field?.edited && same(draft.text, field.generated)) {
            await backend.resetDocumentText(meetingId, draft.kind, draft.key);
          } else {
            await backend.setDocumentText(meetingId, draft.kind, draft.key, draft.text);
          }
          setError(id, null);
        } catch (e) {
          setError(id, toIpcError(e));
          return;
        }
        // What was typed stays on screen until the saved text can be shown instead;
        // in the field being typed in, only when it is exactly that (so a space
        // typed at the end before a pause is not trimmed away under the cursor).
        if (await load(draft.kind)) {
          const saved = known.current.get(draft.kind)?.find((f) => f.key === draft.key);
          if (focused.current !== id || saved?.text === draft.text) dropDraft();
        }
        onChangedRef.current();
      });
    },
    [backend, meetingId, enqueue, load, setDrafts, setError],
  );

  /** Saves one field's draft now (after any save under way). */
  const flushOne = useCallback(
    (id: string): Promise<void> => {
      const timer = timers.current.get(id);
      if (timer) clearTimeout(timer);
      timers.current.delete(id);
      const draft = draftsRef.current[id];
      return draft ? save(draft) : chain.current;
    },
    [save],
  );

  /** Saves every field still waiting for its pause. */
  const flushAll = useCallback(async () => {
    const waiting = [...timers.current.keys()];
    await Promise.all(waiting.map(flushOne));
    await chain.current;
  }, [flushOne]);

  useImperativeHandle(ref, () => ({ flush: flushAll }), [flushAll]);

  // Leaving a document, or the tab, saves what was typed there.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the document changes
  useEffect(() => () => void flushAll(), [kind, flushAll]);

  function change(field: DocumentField, text: string) {
    const id = draftId(kind, field.key);
    setDrafts((all) => ({ ...all, [id]: { kind, key: field.key, text } }));
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.set(
      id,
      setTimeout(() => void flushOne(id), TEXT_SAVE_DELAY_MS),
    );
  }

  function restore(field: DocumentField) {
    const id = draftId(kind, field.key);
    const timer = timers.current.get(id);
    if (timer) clearTimeout(timer);
    timers.current.delete(id);
    setDrafts((all) => {
      const { [id]: _dropped, ...rest } = all;
      return rest;
    });
    const of = kind;
    void enqueue(async (begin) => {
      begin();
      try {
        await backend.resetDocumentText(meetingId, of, field.key);
        setError(id, null);
      } catch (e) {
        // "Not found": the edit is already gone (restored elsewhere), which is what was asked.
        const error = toIpcError(e);
        setError(id, error.kind === "notFound" ? null : error);
      }
      await load(of);
      onChangedRef.current();
    });
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
        <SaveStatus status={status} />
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
              value={drafts[id]?.text ?? field.text}
              shown={open}
              error={errors[id] ?? null}
              describe={describeError}
              onChange={(text) => change(field, text)}
              onFocus={() => {
                focused.current = id;
              }}
              onBlur={() => {
                focused.current = null;
                void flushOne(id);
              }}
              onRestore={() => restore(field)}
            />
          );
        })}
      </div>
    </section>
  );
}

function SaveStatus({ status }: { status: Status }) {
  const { t } = useI18n();
  return (
    <span
      className={status.state === "failed" ? "save-status error-text" : "save-status muted"}
      role="status"
      data-testid="doc-fields-status"
    >
      {status.state === "saving" ? t("docs.fields.saving") : null}
      {status.state === "saved" ? t("docs.fields.saved") : null}
      {status.state === "failed" ? t("docs.fields.failed") : null}
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
  const label = fieldLabel(field, t);
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

const KNOWN_FIELDS = [
  "subject",
  "recipients",
  "signer_authority",
  "signer_title",
  "signer_name",
  "invitation",
  "closing",
  "title",
  "basis",
  "attendance",
  "opening",
  "lead",
  "discussion",
] as const;

/** The field's name in the UI language; the backend's (Vietnamese) label for keys we do not know. */
function fieldLabel(field: DocumentField, t: (key: MessageKey) => string): string {
  const known = KNOWN_FIELDS.find((k) => k === field.key);
  return known ? t(`docs.field.${known}`) : field.label;
}
