import { type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "../components/ConfirmDialog";
import { ErrorText } from "../components/ErrorText";
import { Field } from "../components/Field";
import { useLoad } from "../components/useAsync";
import { clockTime, clockTimeWithSeconds } from "../format";
import { useI18n } from "../i18n";
import {
  type AgendaItem,
  type IpcError,
  type Meeting,
  type MinutesEntry,
  type MinutesInput,
  type MinutesKind,
  toIpcError,
  useBackend,
} from "../ipc";
import { TasksSection } from "./TasksSection";

export const AUTOSAVE_DELAY_MS = 800;
const MINUTES_KINDS: MinutesKind[] = ["speech", "opinion", "report", "conclusion", "note"];

/** What the editor holds: one entry being written, new (`id` null) or already saved. */
interface Draft {
  session: number;
  id: string | null;
  version: number;
  input: MinutesInput;
}

type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "error"; error: IpcError };

function newInput(agendaItemId: string | null, now: Date): MinutesInput {
  return {
    agendaItemId,
    speakerName: "",
    speakerTitle: "",
    spokenAt: clockTime(now),
    kind: "speech",
    text: "",
  };
}

/**
 * The minutes, grouped under the agenda items, with an editor that saves by
 * itself once the secretary pauses: the first save creates the entry, later
 * ones update it, and saves never overlap.
 */
export function MinutesTab({ meeting }: { meeting: Meeting }) {
  const backend = useBackend();
  const { t } = useI18n();
  const agenda = useLoad(() => backend.listAgenda(meeting.id), [backend, meeting.id]);
  const minutes = useLoad(() => backend.listMinutes(meeting.id), [backend, meeting.id]);
  const [deleting, setDeleting] = useState<MinutesEntry | null>(null);
  const [error, setError] = useState<IpcError | null>(null);

  const sessionCounter = useRef(1);
  const [draft, setDraftState] = useState<Draft>(() => ({
    session: 1,
    id: null,
    version: 0,
    input: newInput(null, new Date()),
  }));
  const draftRef = useRef(draft);
  const savedVersions = useRef(new Map<number, { id: string | null; version: number }>());
  const chain = useRef<Promise<void>>(Promise.resolve());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const textArea = useRef<HTMLTextAreaElement>(null);

  const setDraft = useCallback((next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
  }, []);

  const upsertEntry = useCallback(
    (entry: MinutesEntry) => {
      minutes.setValue((current) => {
        const list = current ?? [];
        return list.some((e) => e.id === entry.id)
          ? list.map((e) => (e.id === entry.id ? entry : e))
          : [...list, entry];
      });
    },
    [minutes.setValue],
  );

  const save = useCallback(
    async (snapshot: Draft) => {
      const known = savedVersions.current.get(snapshot.session) ?? {
        id: snapshot.id,
        version: 0,
      };
      if (snapshot.version <= known.version) return;
      if (!snapshot.input.text.trim()) return;
      setSaveState({ kind: "saving" });
      try {
        const entry = known.id
          ? await backend.updateMinutesEntry(known.id, snapshot.input)
          : await backend.addMinutesEntry(meeting.id, snapshot.input);
        savedVersions.current.set(snapshot.session, { id: entry.id, version: snapshot.version });
        if (draftRef.current.session === snapshot.session && draftRef.current.id !== entry.id) {
          setDraft({ ...draftRef.current, id: entry.id });
        }
        upsertEntry(entry);
        setSaveState({ kind: "saved", at: new Date() });
      } catch (e) {
        setSaveState({ kind: "error", error: toIpcError(e) });
      }
    },
    [backend, meeting.id, setDraft, upsertEntry],
  );

  /** Saves the editor's current text now, after any save already under way. */
  const flush = useCallback(() => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    const snapshot = draftRef.current;
    chain.current = chain.current.then(() => save(snapshot));
    return chain.current;
  }, [save]);

  // Whatever is still unsaved when the tab closes is saved on the way out.
  useEffect(() => () => void flush(), [flush]);

  function change(patch: Partial<MinutesInput>) {
    const current = draftRef.current;
    setDraft({ ...current, version: current.version + 1, input: { ...current.input, ...patch } });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_DELAY_MS);
  }

  function startDraft(id: string | null, input: MinutesInput) {
    void flush();
    sessionCounter.current += 1;
    setDraft({ session: sessionCounter.current, id, version: 0, input });
    setSaveState({ kind: "idle" });
    textArea.current?.focus();
  }

  function startNew() {
    startDraft(null, newInput(draftRef.current.input.agendaItemId, new Date()));
  }

  function edit(entry: MinutesEntry) {
    startDraft(entry.id, {
      agendaItemId: entry.agendaItemId,
      speakerName: entry.speakerName,
      speakerTitle: entry.speakerTitle,
      spokenAt: entry.spokenAt,
      kind: entry.kind,
      text: entry.text,
    });
  }

  function onEditorKey(event: KeyboardEvent) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      startNew();
    }
  }

  async function remove(entry: MinutesEntry) {
    setDeleting(null);
    setError(null);
    try {
      await backend.deleteMinutesEntry(entry.id);
      minutes.setValue((current) => (current ?? []).filter((e) => e.id !== entry.id));
      if (draftRef.current.id === entry.id) {
        savedVersions.current.set(draftRef.current.session, { id: entry.id, version: Infinity });
        startNew();
      }
    } catch (e) {
      setError(toIpcError(e));
    }
  }

  const items = agenda.value ?? [];
  const entries = [...(minutes.value ?? [])].sort(
    (a, b) =>
      (a.spokenAt ?? "99:99").localeCompare(b.spokenAt ?? "99:99") ||
      a.createdAt.localeCompare(b.createdAt),
  );
  const known = new Set(items.map((i) => i.id));
  const groups: { key: string; title: string; item: AgendaItem | null; list: MinutesEntry[] }[] = [
    ...items.map((item, index) => ({
      key: item.id,
      title: `${index + 1}. ${item.title}`,
      item,
      list: entries.filter((e) => e.agendaItemId === item.id),
    })),
    {
      key: "general",
      title: t("minutes.general"),
      item: null,
      list: entries.filter((e) => e.agendaItemId === null || !known.has(e.agendaItemId)),
    },
  ];

  return (
    <div className="stack">
      <div className="minutes-layout">
        <section className="minutes-groups" aria-label={t("minutes.heading")}>
          <ErrorText error={agenda.error ?? minutes.error ?? error} />
          {groups.map((group) => (
            <section
              key={group.key}
              className="minutes-group"
              aria-labelledby={`group-${group.key}`}
            >
              <h3 id={`group-${group.key}`} className="group-title">
                {group.item ? (
                  <span className="muted nowrap">
                    {group.item.startTime}–{group.item.endTime}{" "}
                  </span>
                ) : null}
                {group.title}
              </h3>
              {group.list.length === 0 ? (
                <p className="muted small">{t("minutes.groupEmpty")}</p>
              ) : (
                <ul className="entries">
                  {group.list.map((entry) => {
                    const who = entry.speakerName || t("minutes.noSpeaker");
                    return (
                      <li
                        key={entry.id}
                        className={entry.id === draft.id ? "entry editing" : "entry"}
                        data-testid="minutes-entry"
                      >
                        <div className="entry-head">
                          <span className="nowrap">{entry.spokenAt ?? ""}</span>
                          <span className="cell-title">{who}</span>
                          {entry.speakerTitle ? (
                            <span className="muted">{entry.speakerTitle}</span>
                          ) : null}
                          <span className="tag">{t(`minutesKind.${entry.kind}`)}</span>
                          <span className="toolbar-spacer" />
                          <button
                            type="button"
                            className="button small"
                            aria-label={t("minutes.editLabel", { name: who })}
                            onClick={() => edit(entry)}
                          >
                            {t("common.edit")}
                          </button>
                          <button
                            type="button"
                            className="button small danger-ghost"
                            aria-label={t("minutes.deleteLabel", { name: who })}
                            onClick={() => setDeleting(entry)}
                          >
                            {t("common.delete")}
                          </button>
                        </div>
                        <p className="entry-text">{entry.text}</p>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ))}
        </section>
        <section className="minutes-editor panel" aria-labelledby="minutes-editor-title">
          <div className="section-head">
            <h3 id="minutes-editor-title">
              {draft.id ? t("minutes.editorEdit") : t("minutes.editorNew")}
            </h3>
            <SaveStatus state={saveState} />
          </div>
          {/* Ctrl+Enter anywhere in the editor saves and starts the next entry. */}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: keyboard shortcut container */}
          <div className="form" onKeyDown={onEditorKey}>
            <div className="form-grid">
              <Field label={t("minutes.agendaItem")} wide>
                <select
                  data-testid="minutes-agenda-item"
                  value={draft.input.agendaItemId ?? ""}
                  onChange={(e) => change({ agendaItemId: e.target.value || null })}
                >
                  <option value="">{t("minutes.general")}</option>
                  {items.map((item, index) => (
                    <option key={item.id} value={item.id}>
                      {index + 1}. {item.title}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("minutes.speakerName")}>
                <input
                  data-testid="minutes-speaker"
                  value={draft.input.speakerName}
                  onChange={(e) => change({ speakerName: e.target.value })}
                />
              </Field>
              <Field label={t("minutes.speakerTitle")}>
                <input
                  value={draft.input.speakerTitle}
                  onChange={(e) => change({ speakerTitle: e.target.value })}
                />
              </Field>
              <Field label={t("minutes.spokenAt")}>
                <input
                  type="time"
                  value={draft.input.spokenAt ?? ""}
                  onChange={(e) => change({ spokenAt: e.target.value || null })}
                />
              </Field>
              <Field label={t("minutes.kind")}>
                <select
                  value={draft.input.kind}
                  onChange={(e) => change({ kind: e.target.value as MinutesKind })}
                >
                  {MINUTES_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`minutesKind.${kind}`)}
                    </option>
                  ))}
                </select>
              </Field>
              <Field label={t("minutes.text")} wide>
                <textarea
                  ref={textArea}
                  data-testid="minutes-text"
                  rows={8}
                  placeholder={t("minutes.textPlaceholder")}
                  value={draft.input.text}
                  onChange={(e) => change({ text: e.target.value })}
                />
              </Field>
            </div>
            <div className="form-actions">
              <button type="button" className="button" onClick={startNew}>
                {t("minutes.newEntry")}
              </button>
              <button
                type="button"
                className="button primary"
                data-testid="minutes-save-next"
                onClick={startNew}
              >
                {t("minutes.saveAndNew")}
              </button>
            </div>
          </div>
        </section>
      </div>
      <TasksSection meetingId={meeting.id} />
      {deleting ? (
        <ConfirmDialog
          message={t("minutes.deleteConfirm")}
          onConfirm={() => void remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const { t, describeError } = useI18n();
  return (
    <span
      className={state.kind === "error" ? "save-status error-text" : "save-status muted"}
      role="status"
      data-testid="minutes-save-status"
    >
      {state.kind === "saving" ? t("minutes.saving") : null}
      {state.kind === "saved"
        ? t("minutes.savedAt", { time: clockTimeWithSeconds(state.at) })
        : null}
      {state.kind === "error" ? describeError(state.error) : null}
    </span>
  );
}
