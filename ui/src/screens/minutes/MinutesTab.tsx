import {
  type KeyboardEvent,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { Select } from "../../components/Select";
import { type AutosaveStatus, useAutosave } from "../../components/useAutosave";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { clockTime, clockTimeWithSeconds, nowIn } from "../../dates";
import { useI18n } from "../../i18n";
import {
  type AgendaItem,
  type Meeting,
  type MinutesEntry,
  type MinutesInput,
  type MinutesKind,
  type Participant,
  useBackend,
  type Vote,
} from "../../ipc";
import { AgendaRun, nextItem, runningItem } from "./AgendaRun";
import { SpeakerField, SpokenAtField, speakerLead, speakerTitle } from "./EntryFields";
import { TasksSection } from "./TasksSection";
import { VoteDialog, VoteRow } from "./Votes";

/** How long typing must pause before the entry is saved. */
export const AUTOSAVE_DELAY_MS = 500;
const MINUTES_KINDS: MinutesKind[] = ["speech", "opinion", "report", "conclusion", "note"];

/** What the editor holds: one entry being written, new (`id` null) or already saved. */
interface Draft {
  /** Each entry opened in the editor is a session of its own, saved under its own key. */
  session: number;
  id: string | null;
  /** The saved entry's `updatedAt` the editor started from (null while new). */
  seen: string | null;
  input: MinutesInput;
}

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
  const votes = useLoad(() => backend.listVotes(meeting.id), [backend, meeting.id]);
  const [deleting, setDeleting] = useState<MinutesEntry | null>(null);
  const [votingOn, setVotingOn] = useState<{ vote: Vote | null } | null>(null);
  const [deletingVote, setDeletingVote] = useState<Vote | null>(null);
  const removal = useSubmit();
  const run = useSubmit();

  const sessionCounter = useRef(1);
  const [draft, setDraftState] = useState<Draft>(() => ({
    session: 1,
    id: null,
    seen: null,
    input: newInput(null, nowIn(meeting.timeZone)),
  }));
  const draftRef = useRef(draft);
  /**
   * What each session's last save returned (the entry's id and `updatedAt`),
   * so its next save updates that entry and passes the stamp it saw.
   */
  const savedAs = useRef(new Map<number, { id: string; seen: string }>());
  const textArea = useRef<HTMLTextAreaElement>(null);
  const speakerInput = useRef<HTMLInputElement>(null);
  /** Sessions whose last save failed. */
  const failed = useRef(new Set<number>());
  /** The session the editor last refused to leave because its text is not saved. */
  const heldOn = useRef<number | null>(null);
  /** The opening words offered to the entry being written, while its text is only them. */
  const offered = useRef<{ session: number; speaker: Participant; text: string } | null>(null);

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
    (_key: string, snapshot: Draft) => {
      if (!snapshot.input.text.trim()) {
        failed.current.delete(snapshot.session);
        return null;
      }
      const last = savedAs.current.get(snapshot.session);
      const id = last?.id ?? snapshot.id;
      const seen = last?.seen ?? snapshot.seen;
      return (async () => {
        let entry: MinutesEntry;
        try {
          entry =
            id && seen !== null
              ? await backend.updateMinutesEntry(id, seen, snapshot.input)
              : await backend.addMinutesEntry(meeting.id, snapshot.input);
        } catch (e) {
          failed.current.add(snapshot.session);
          throw e;
        }
        failed.current.delete(snapshot.session);
        savedAs.current.set(snapshot.session, { id: entry.id, seen: entry.updatedAt });
        if (draftRef.current.session === snapshot.session && draftRef.current.id !== entry.id) {
          setDraft({ ...draftRef.current, id: entry.id });
        }
        upsertEntry(entry);
      })();
    },
    [backend, meeting.id, setDraft, upsertEntry],
  );

  // Saving whatever is still unsaved when the tab closes is the hook's job.
  const autosave = useAutosave(save, AUTOSAVE_DELAY_MS);

  function change(patch: Partial<MinutesInput>) {
    const current = draftRef.current;
    const next = { ...current, input: { ...current.input, ...patch } };
    setDraft(next);
    autosave.change(String(next.session), next);
  }

  /** Whether the draft's text is still just the opening words offered to it. */
  function onlyOffered(draft: Draft): boolean {
    const lead = offered.current;
    return lead !== null && lead.session === draft.session && draft.input.text === lead.text;
  }

  /**
   * A speaker picked from the list: their name and "chức vụ, đơn vị", and the
   * usual opening words for the entry's kind when nothing is written yet (text
   * typed is never replaced); the caret goes to the text.
   */
  function pickSpeaker(p: Participant) {
    const current = draftRef.current;
    const patch: Partial<MinutesInput> = {
      speakerName: p.person.fullName,
      speakerTitle: speakerTitle(p),
    };
    if (!current.input.text.trim() || onlyOffered(current)) {
      const lead = speakerLead(t, current.input.kind, p);
      if (lead !== null) {
        patch.text = lead;
        offered.current = { session: current.session, speaker: p, text: lead };
      }
    }
    change(patch);
    caretToText.current = true;
  }

  /**
   * A new kind; the opening words offered are worded for it ("… kết luận: "),
   * whatever was typed after them (marking a conclusion once it is written).
   */
  function setKind(kind: MinutesKind) {
    const current = draftRef.current;
    const patch: Partial<MinutesInput> = { kind };
    const lead = offered.current;
    if (lead && lead.session === current.session && current.input.text.startsWith(lead.text)) {
      const text = speakerLead(t, kind, lead.speaker);
      if (text !== null) {
        patch.text = text + current.input.text.slice(lead.text.length);
        offered.current = { ...lead, text };
      }
    }
    change(patch);
  }

  /** Alt+S: to the speaker's name, selected, to type another. */
  function focusSpeaker() {
    speakerInput.current?.focus();
    speakerInput.current?.select();
  }

  // After a pick has rendered: the text area gets the focus, caret at the end.
  const caretToText = useRef(false);
  useLayoutEffect(() => {
    if (!caretToText.current) return;
    caretToText.current = false;
    const area = textArea.current;
    if (!area) return;
    area.focus();
    area.setSelectionRange(area.value.length, area.value.length);
  });

  /**
   * Leaves the entry being written for another. One whose text could not be
   * saved is not left at the first asking: the save is tried again, and the
   * editor stays on it if that fails too. Asking again leaves it; its text
   * still waits to be saved (and keeps the window from closing meanwhile).
   */
  async function startDraft(saved: MinutesEntry | null, input: MinutesInput) {
    const leaving = draftRef.current.session;
    const flushed = autosave.flush();
    if (failed.current.has(leaving) && heldOn.current !== leaving) {
      await flushed;
      if (draftRef.current.session !== leaving) return;
      if (failed.current.has(leaving)) {
        heldOn.current = leaving;
        textArea.current?.focus();
        return;
      }
    }
    sessionCounter.current += 1;
    setDraft({
      session: sessionCounter.current,
      id: saved?.id ?? null,
      seen: saved?.updatedAt ?? null,
      input,
    });
    textArea.current?.focus();
  }

  function startNew() {
    void startDraft(null, newInput(draftRef.current.input.agendaItemId, nowIn(meeting.timeZone)));
  }

  function edit(entry: MinutesEntry) {
    void startDraft(entry, {
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

  function remove(entry: MinutesEntry) {
    setDeleting(null);
    void removal.submit(
      () => backend.deleteMinutesEntry(entry.id),
      () => {
        minutes.setValue((current) => (current ?? []).filter((e) => e.id !== entry.id));
        if (draftRef.current.id === entry.id) {
          autosave.discard(String(draftRef.current.session));
          failed.current.delete(draftRef.current.session);
          startNew();
        }
      },
    );
  }

  /**
   * Makes `itemId` the editor's item for what is written next: an empty draft
   * simply moves there; one with text is saved and a new one starts.
   */
  function writeUnder(itemId: string) {
    const current = draftRef.current;
    if (current.input.agendaItemId === itemId) return;
    if (current.input.text.trim()) void startDraft(null, newInput(itemId, nowIn(meeting.timeZone)));
    else change({ agendaItemId: itemId });
  }

  function startItem(item: AgendaItem) {
    writeUnder(item.id);
    void run.submit(() => backend.startAgendaItem(item.id, null), agenda.setValue);
  }

  function endItem(item: AgendaItem) {
    void run.submit(() => backend.endAgendaItem(item.id, null), agenda.setValue);
  }

  // The latest state for the Alt shortcuts' listener, which is added once.
  const latest = useRef({
    goNext: () => {},
    shortcuts: {} as Record<string, () => void>,
    blocked: false,
  });
  useLayoutEffect(() => {
    latest.current = {
      goNext: () => {
        const next = nextItem(agenda.value ?? []);
        if (next && !run.busy) startItem(next);
      },
      // Alt+N next agenda item, Alt+M new entry, Alt+S speaker, Alt+K chair's conclusion.
      shortcuts: {
        n: () => latest.current.goNext(),
        m: startNew,
        s: focusSpeaker,
        k: () => setKind("conclusion"),
      },
      blocked: votingOn !== null || deleting !== null || deletingVote !== null,
    };
  });
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      // The key's place, not its letter: the same under a Telex or VNI input method.
      const key = /^Key([A-Z])$/.exec(event.code)?.[1]?.toLowerCase() ?? "";
      const action = latest.current.shortcuts[key];
      // Not behind a dialog, this tab's or another's (a task being edited).
      if (!action || latest.current.blocked || document.querySelector('[aria-modal="true"]')) {
        return;
      }
      event.preventDefault();
      action();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  function removeVote(vote: Vote) {
    setDeletingVote(null);
    void removal.submit(
      () => backend.deleteVote(vote.id),
      () => votes.setValue((current) => (current ?? []).filter((v) => v.id !== vote.id)),
    );
  }

  const items = agenda.value ?? [];
  const allVotes = votes.value ?? [];
  const entries = [...(minutes.value ?? [])].sort(
    (a, b) =>
      (a.spokenAt ?? "99:99").localeCompare(b.spokenAt ?? "99:99") ||
      a.createdAt.localeCompare(b.createdAt),
  );
  const known = new Set(items.map((i) => i.id));
  const unfiled = (agendaItemId: string | null) =>
    agendaItemId === null || !known.has(agendaItemId);
  const groups: {
    key: string;
    title: string;
    item: AgendaItem | null;
    list: MinutesEntry[];
    votes: Vote[];
  }[] = [
    ...items.map((item, index) => ({
      key: item.id,
      title: `${index + 1}. ${item.title}`,
      item,
      list: entries.filter((e) => e.agendaItemId === item.id),
      votes: allVotes.filter((v) => v.agendaItemId === item.id),
    })),
    {
      key: "general",
      title: t("minutes.general"),
      item: null,
      list: entries.filter((e) => unfiled(e.agendaItemId)),
      votes: allVotes.filter((v) => unfiled(v.agendaItemId)),
    },
  ];

  return (
    <div className="stack">
      <AgendaRun
        timeZone={meeting.timeZone}
        items={items}
        busy={run.busy}
        error={run.error}
        onStart={startItem}
        onEnd={endItem}
        onNext={() => latest.current.goNext()}
        onVote={() => setVotingOn({ vote: null })}
      />
      <div className="minutes-layout">
        <section className="minutes-groups" aria-label={t("minutes.heading")}>
          <ErrorText error={agenda.error ?? minutes.error ?? votes.error ?? removal.error} />
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
              {group.list.length === 0 && group.votes.length === 0 ? (
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
                  {group.votes.map((vote) => (
                    <VoteRow
                      key={vote.id}
                      vote={vote}
                      onEdit={() => setVotingOn({ vote })}
                      onDelete={() => setDeletingVote(vote)}
                    />
                  ))}
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
            <SaveStatus state={autosave.status} />
          </div>
          {/* Ctrl+Enter anywhere in the editor saves and starts the next entry. */}
          {/* biome-ignore lint/a11y/noStaticElementInteractions: keyboard shortcut container */}
          <div className="form" onKeyDown={onEditorKey}>
            <div className="form-grid">
              <Field label={t("minutes.agendaItem")} wide>
                <Select
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
                </Select>
              </Field>
              <SpeakerField
                key={`speaker-${draft.session}`}
                inputRef={speakerInput}
                meetingId={meeting.id}
                value={draft.input.speakerName}
                onChange={(speakerName) => change({ speakerName })}
                onPick={pickSpeaker}
              />
              <Field label={t("minutes.speakerTitle")}>
                <input
                  value={draft.input.speakerTitle}
                  onChange={(e) => change({ speakerTitle: e.target.value })}
                />
              </Field>
              <SpokenAtField
                key={`time-${draft.session}`}
                value={draft.input.spokenAt}
                onChange={(spokenAt) => change({ spokenAt })}
              />
              <Field label={t("minutes.kind")}>
                <Select
                  data-testid="minutes-kind"
                  value={draft.input.kind}
                  onChange={(e) => setKind(e.target.value as MinutesKind)}
                >
                  {MINUTES_KINDS.map((kind) => (
                    <option key={kind} value={kind}>
                      {t(`minutesKind.${kind}`)}
                    </option>
                  ))}
                </Select>
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
              <button
                type="button"
                className="button"
                data-testid="minutes-mark-conclusion"
                aria-keyshortcuts="Alt+K"
                onClick={() => setKind("conclusion")}
              >
                {t("minutes.markConclusion")}
              </button>
              <button
                type="button"
                className="button"
                data-testid="minutes-new"
                aria-keyshortcuts="Alt+M"
                onClick={startNew}
              >
                {t("minutes.newEntry")}
              </button>
              <button
                type="button"
                className="button primary"
                data-testid="minutes-save-next"
                aria-keyshortcuts="Control+Enter"
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
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
      {votingOn ? (
        <VoteDialog
          meetingId={meeting.id}
          vote={votingOn.vote}
          items={items}
          defaultItemId={runningItem(items)?.id ?? draft.input.agendaItemId}
          onClose={() => setVotingOn(null)}
          onSave={async (input) => {
            const editing = votingOn.vote;
            const saved = editing
              ? await backend.updateVote(editing.id, editing.updatedAt, input)
              : await backend.addVote(meeting.id, input);
            votes.setValue((current) => {
              const list = current ?? [];
              return editing ? list.map((v) => (v.id === saved.id ? saved : v)) : [...list, saved];
            });
          }}
        />
      ) : null}
      {deletingVote ? (
        <ConfirmDialog
          message={t("vote.deleteConfirm")}
          onConfirm={() => removeVote(deletingVote)}
          onCancel={() => setDeletingVote(null)}
        />
      ) : null}
    </div>
  );
}

function SaveStatus({ state }: { state: AutosaveStatus }) {
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
      {state.kind === "error"
        ? t("minutes.saveFailed", { error: describeError(state.error) })
        : null}
    </span>
  );
}
