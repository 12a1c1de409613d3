import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Dialog } from "../../components/Dialog";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { formatDateTime } from "../../dates";
import { useI18n } from "../../i18n";
import {
  type AttendanceEvent,
  type AttendanceEventKind,
  type IpcError,
  type Meeting,
  type Participant,
  type ParticipantRole,
  type Person,
  type PersonInput,
  toIpcError,
  useBackend,
} from "../../ipc";
import { fold } from "../../text";
import { CheckInMode } from "./CheckInMode";

const ROW_HEIGHT = 52;

/** Why a person is on the list, in the order the select offers them. */
const ROLES: readonly ParticipantRole[] = ["chair", "host", "guest", "press", "staff"];

/** Only guests and the press are sent a giấy mời (the core's `ParticipantRole::is_invited`). */
const isInvitee = (p: Participant) => p.role === "guest" || p.role === "press";

/** The meeting's participants and their attendance; the list may hold tens of thousands. */
export function PeopleTab({ meeting }: { meeting: Meeting }) {
  const backend = useBackend();
  const { t } = useI18n();
  const list = useLoad(() => backend.listParticipants(meeting.id), [backend, meeting.id]);
  const participants = list.value ?? [];
  const [filter, setFilter] = useState("");
  const deferredFilter = useDeferredValue(filter);
  const action = useSubmit();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Person | null>(null);
  const [inviting, setInviting] = useState(false);
  const [reasonFor, setReasonFor] = useState<Participant | null>(null);
  const [historyFor, setHistoryFor] = useState<Participant | null>(null);
  const [removing, setRemoving] = useState<Participant | null>(null);
  const [checkingIn, setCheckingIn] = useState(false);
  const checkInButton = useRef<HTMLButtonElement>(null);

  const haystacks = useMemo(
    () =>
      participants.map((p) =>
        fold(`${p.person.fullName} ${p.person.positionTitle} ${p.person.unit} ${p.person.section}`),
      ),
    [participants],
  );
  const shown = useMemo(() => {
    const needle = fold(deferredFilter);
    if (!needle) return participants;
    return participants.filter((_, i) => haystacks[i]?.includes(needle));
  }, [participants, haystacks, deferredFilter]);
  // Counted by the core, as every document counts them; again after each change to the list.
  const summary = useLoad(
    () => backend.attendanceSummary(meeting.id),
    [backend, meeting.id, list.value],
  );
  const counts = summary.value;

  function run(change: () => Promise<Participant[]>) {
    return action.submit(change, list.setValue);
  }

  function mark(p: Participant, kind: AttendanceEventKind, reason = "") {
    return run(() => backend.recordAttendance(meeting.id, p.person.id, kind, reason, null));
  }

  function setRole(p: Participant, role: ParticipantRole) {
    return run(() => backend.setParticipantRole(meeting.id, p.person.id, role));
  }

  const invitees = useMemo(() => participants.filter(isInvitee).length, [participants]);

  const sections = useMemo(
    () => [...new Set(participants.map((p) => p.person.section).filter(Boolean))],
    [participants],
  );

  return (
    <div className="stack">
      {counts ? (
        <dl className="counts" aria-live="polite">
          <Count testId="count-total" label={t("people.count.total")} value={counts.invited} />
          <Count
            testId="count-present"
            label={t("people.count.present")}
            value={counts.attended}
            tone="present"
          />
          <Count
            testId="count-late"
            label={t("people.count.late")}
            value={counts.late}
            tone="late"
          />
          <Count
            testId="count-left"
            label={t("people.count.left")}
            value={counts.left}
            tone="left"
          />
          <Count
            testId="count-absent"
            label={t("people.count.absent")}
            value={counts.absent + counts.absentExcused}
            tone="absent"
          />
          <Count testId="count-pending" label={t("people.count.pending")} value={counts.pending} />
        </dl>
      ) : (
        <ErrorText error={summary.error} />
      )}
      <div className="toolbar">
        <label className="toolbar-search">
          <span className="visually-hidden">{t("people.filter")}</span>
          <input
            type="search"
            data-testid="participant-filter"
            placeholder={t("people.filterPlaceholder")}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </label>
        <span className="muted">
          {t("people.shown", { shown: shown.length, total: participants.length })}
        </span>
        <span className="toolbar-spacer" />
        <button
          ref={checkInButton}
          type="button"
          className="button checkin-open"
          data-testid="checkin-open"
          title={t("checkin.openHint")}
          onClick={() => setCheckingIn(true)}
        >
          {t("checkin.open")}
        </button>
        <button type="button" className="button" onClick={() => setInviting(true)}>
          {t("people.invite")}
        </button>
        <button
          type="button"
          className="button primary"
          data-testid="person-add"
          onClick={() => setAdding(true)}
        >
          {t("people.add")}
        </button>
      </div>
      {participants.length > 0 ? (
        <p className="muted small" data-testid="invitee-count" aria-live="polite">
          {t("people.invitees", { n: invitees })}
        </p>
      ) : null}
      <ErrorText error={list.error ?? action.error} />
      {list.value && participants.length === 0 ? (
        <p className="empty">{t("people.empty")}</p>
      ) : null}
      {participants.length > 0 && shown.length === 0 ? (
        <p className="empty">{t("people.noMatch", { q: filter })}</p>
      ) : null}
      {shown.length > 0 ? (
        <ParticipantTable
          rows={shown}
          onMark={mark}
          onRole={setRole}
          onReason={setReasonFor}
          onHistory={setHistoryFor}
          onEdit={(p) => setEditing(p.person)}
          onRemove={setRemoving}
        />
      ) : null}
      {adding ? (
        <PersonDialog
          title={t("people.addTitle")}
          sections={sections}
          onClose={() => setAdding(false)}
          onSave={async (input) => list.setValue(await backend.addParticipant(meeting.id, input))}
        />
      ) : null}
      {editing ? (
        <PersonDialog
          title={t("people.editTitle")}
          note={t("people.editNote")}
          initial={editing}
          sections={sections}
          onClose={() => setEditing(null)}
          onSave={async (input) => {
            await backend.updatePerson(editing.id, editing.updatedAt, input);
            list.setValue(await backend.listParticipants(meeting.id));
          }}
        />
      ) : null}
      {inviting ? (
        <InviteDialog
          invited={new Set(participants.map((p) => p.person.id))}
          onClose={() => setInviting(false)}
          onInvite={async (ids) => list.setValue(await backend.invitePeople(meeting.id, ids))}
        />
      ) : null}
      {reasonFor ? (
        <ReasonDialog
          name={reasonFor.person.fullName}
          initial={reasonFor.absenceReason}
          onClose={() => setReasonFor(null)}
          onSave={(reason) => {
            const saved = mark(reasonFor, "absent", reason);
            setReasonFor(null);
            return saved;
          }}
        />
      ) : null}
      {historyFor ? (
        <HistoryDialog
          meetingId={meeting.id}
          participant={historyFor}
          onClose={() => setHistoryFor(null)}
        />
      ) : null}
      {checkingIn ? (
        <CheckInMode
          meeting={meeting}
          onClose={() => {
            setCheckingIn(false);
            // The door changed the attendance: the list and its counts are read again.
            list.reload();
            checkInButton.current?.focus();
          }}
        />
      ) : null}
      {removing ? (
        <ConfirmDialog
          message={t("people.removeConfirm", { name: removing.person.fullName })}
          confirmLabel={t("people.remove")}
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            const personId = removing.person.id;
            setRemoving(null);
            run(() => backend.removeParticipant(meeting.id, personId));
          }}
        />
      ) : null}
    </div>
  );
}

function Count({
  label,
  value,
  tone,
  testId,
}: {
  label: string;
  value: number;
  tone?: string;
  testId: string;
}) {
  return (
    <div className={tone ? `count count-${tone}` : "count"}>
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

interface ParticipantTableProps {
  rows: Participant[];
  onMark(p: Participant, kind: AttendanceEventKind): void;
  onRole(p: Participant, role: ParticipantRole): void;
  onReason(p: Participant): void;
  onHistory(p: Participant): void;
  onEdit(p: Participant): void;
  onRemove(p: Participant): void;
}

function ParticipantTable({
  rows,
  onMark,
  onRole,
  onReason,
  onHistory,
  onEdit,
  onRemove,
}: ParticipantTableProps) {
  const { t } = useI18n();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    getItemKey: (index) => rows[index]?.person.id ?? index,
  });

  // A real table whose body scrolls on its own; only the rows in view are rendered,
  // each placed where it would be, and aria-rowindex tells assistive tech where.
  return (
    <div className="vtable-body" ref={scroller}>
      <table className="vtable" aria-rowcount={rows.length + 1}>
        <thead>
          <tr className="vrow" aria-rowindex={1}>
            <th>{t("people.col.name")}</th>
            <th>{t("people.col.position")}</th>
            <th>{t("people.col.unit")}</th>
            <th>{t("people.col.section")}</th>
            <th title={t("people.roleHint")}>{t("people.col.role")}</th>
            <th>{t("people.col.state")}</th>
            <th>
              <span className="visually-hidden">{t("common.actions")}</span>
            </th>
          </tr>
        </thead>
        <tbody style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const p = rows[virtual.index];
            if (!p) return null;
            return (
              <tr
                key={virtual.key}
                className="vrow"
                aria-rowindex={virtual.index + 2}
                data-testid="participant-row"
                style={{ height: ROW_HEIGHT, transform: `translateY(${virtual.start}px)` }}
              >
                <ParticipantCells
                  p={p}
                  onMark={onMark}
                  onRole={onRole}
                  onReason={onReason}
                  onHistory={onHistory}
                  onEdit={onEdit}
                  onRemove={onRemove}
                />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function ParticipantCells({
  p,
  onMark,
  onRole,
  onReason,
  onHistory,
  onEdit,
  onRemove,
}: { p: Participant } & Omit<ParticipantTableProps, "rows">) {
  const { t } = useI18n();
  const name = p.person.fullName;
  const detail =
    p.state === "absentExcused"
      ? p.absenceReason
      : p.leftAt
        ? t("people.leftAt", { time: p.leftAt.slice(11, 16) })
        : p.arrivedAt
          ? t("people.arrivedAt", { time: p.arrivedAt.slice(11, 16) })
          : "";
  const here = p.state === "present" || p.state === "late";
  const action = (
    kind: AttendanceEventKind,
    short: string,
    full: string,
    onClick: () => void,
    disabled = false,
  ) => (
    <button
      type="button"
      className={`button small att att-${kind}`}
      aria-label={t("attendance.actionLabel", { action: full, name })}
      title={full}
      disabled={disabled}
      onClick={onClick}
    >
      {short}
    </button>
  );
  return (
    <>
      <td className="cell-title ellipsis" title={name}>
        {name}
      </td>
      <td className="ellipsis" title={p.person.positionTitle}>
        {p.person.positionTitle}
      </td>
      <td className="ellipsis" title={p.person.unit}>
        {p.person.unit}
      </td>
      <td className="ellipsis muted" title={p.person.section}>
        {p.person.section}
      </td>
      <td>
        <select
          className="compact"
          data-testid="participant-role"
          aria-label={t("people.roleLabel", { name })}
          title={t("people.roleHint")}
          value={p.role}
          onChange={(e) => onRole(p, e.target.value as ParticipantRole)}
        >
          {ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`role.${role}`)}
            </option>
          ))}
        </select>
      </td>
      <td className="state-cell">
        <button
          type="button"
          className={`badge state state-${p.state}`}
          data-testid="participant-state"
          aria-label={`${t(`state.${p.state}`)}. ${t("people.historyLabel", { name })}`}
          onClick={() => onHistory(p)}
        >
          {t(`state.${p.state}`)}
        </button>
        {detail ? (
          <span className="cell-sub ellipsis" title={detail}>
            {detail}
          </span>
        ) : null}
      </td>
      <td className="row-actions">
        {action("arrived", t("attendance.arrived"), t("attendance.arrived"), () =>
          onMark(p, "arrived"),
        )}
        {action(
          "left",
          t("attendance.leftShort"),
          t("attendance.left"),
          () => onMark(p, "left"),
          !here,
        )}
        {action("absent", t("attendance.absentExcusedShort"), t("attendance.absentExcused"), () =>
          onReason(p),
        )}
        {action("absent", t("attendance.absent"), t("attendance.absent"), () =>
          onMark(p, "absent"),
        )}
        {action(
          "cleared",
          t("attendance.clearedShort"),
          t("attendance.cleared"),
          () => onMark(p, "cleared"),
          p.state === "invited",
        )}
        <button
          type="button"
          className="button small"
          data-testid="participant-edit"
          aria-label={t("people.editLabel", { name })}
          title={t("people.editLabel", { name })}
          onClick={() => onEdit(p)}
        >
          {t("people.edit")}
        </button>
        <button
          type="button"
          className="button small icon danger-ghost"
          data-testid="participant-remove"
          aria-label={t("people.removeLabel", { name })}
          title={t("people.remove")}
          onClick={() => onRemove(p)}
        >
          ×
        </button>
      </td>
    </>
  );
}

const BLANK_PERSON: PersonInput = {
  fullName: "",
  positionTitle: "",
  unit: "",
  section: "",
  rank: 100,
  phone: "",
  email: "",
};

/** The fields of a person that a form edits, taken from an existing person or blank. */
function personInput(person: Person | undefined): PersonInput {
  if (!person) return BLANK_PERSON;
  const { fullName, positionTitle, unit, section, rank, phone, email } = person;
  return { fullName, positionTitle, unit, section, rank, phone, email };
}

/** Adds a new person, or with `initial` corrects an existing one's details. */
function PersonDialog({
  title,
  note,
  initial,
  sections,
  onClose,
  onSave,
}: {
  title: string;
  note?: string;
  initial?: Person;
  sections: string[];
  onClose(): void;
  /** Saves the person; the dialog closes once it has. */
  onSave(input: PersonInput): Promise<void>;
}) {
  const { t } = useI18n();
  const [input, setInput] = useState(() => personInput(initial));
  const [rank, setRank] = useState(() => String(personInput(initial).rank));
  const { submit, busy, error, setError } = useSubmit();
  const set = (key: keyof PersonInput, value: string) =>
    setInput((current) => ({ ...current, [key]: value }));

  function save() {
    if (!/^-?\d+$/.test(rank.trim())) {
      setError({ kind: "invalid", message: t("people.rankInvalid") });
      return false;
    }
    return submit(() => onSave({ ...input, rank: Number(rank.trim()) }), onClose);
  }

  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      saveTestId="person-save"
      wide
    >
      {note ? <p className="muted">{note}</p> : null}
      <div className="form-grid">
        <Field label={t("people.fullName")} wide>
          <input
            data-testid="person-name"
            data-autofocus
            value={input.fullName}
            onChange={(e) => set("fullName", e.target.value)}
          />
        </Field>
        <Field label={t("people.positionTitle")}>
          <input
            data-testid="person-position"
            value={input.positionTitle}
            onChange={(e) => set("positionTitle", e.target.value)}
          />
        </Field>
        <Field label={t("people.unit")}>
          <input
            data-testid="person-unit"
            value={input.unit}
            onChange={(e) => set("unit", e.target.value)}
          />
        </Field>
        <Field label={t("people.section")}>
          <input
            data-testid="person-section"
            list="person-sections"
            value={input.section}
            onChange={(e) => set("section", e.target.value)}
          />
          <datalist id="person-sections">
            {sections.map((s) => (
              <option key={s} value={s} />
            ))}
          </datalist>
        </Field>
        <Field label={t("people.rank")} hint={t("people.rankHint")}>
          <input
            data-testid="person-rank"
            type="number"
            step={1}
            inputMode="numeric"
            value={rank}
            onChange={(e) => setRank(e.target.value)}
          />
        </Field>
        <Field label={t("people.phone")}>
          <input
            data-testid="person-phone"
            type="tel"
            value={input.phone}
            onChange={(e) => set("phone", e.target.value)}
          />
        </Field>
        <Field label={t("people.email")}>
          <input
            data-testid="person-email"
            type="email"
            value={input.email}
            onChange={(e) => set("email", e.target.value)}
          />
        </Field>
      </div>
    </FormDialog>
  );
}

const INVITE_LIMIT = 200;

function InviteDialog({
  invited,
  onClose,
  onInvite,
}: {
  invited: Set<string>;
  onClose(): void;
  /** Invites the chosen people; the dialog closes once it has. */
  onInvite(ids: string[]): Promise<void>;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Person[] | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [searchError, setSearchError] = useState<IpcError | null>(null);
  const { submit, busy, error } = useSubmit();

  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      backend.listPeople(query.trim()).then(
        (people) => live && setResults(people),
        (e: unknown) => live && setSearchError(toIpcError(e)),
      );
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [backend, query]);

  function toggle(id: string) {
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function invite() {
    if (chosen.size === 0) return;
    return submit(() => onInvite([...chosen]), onClose);
  }

  return (
    <FormDialog
      title={t("people.inviteTitle")}
      onClose={onClose}
      onSubmit={invite}
      busy={busy}
      error={error ?? searchError}
      saveTestId="invite-save"
      saveLabel={t("people.inviteSelected", { n: chosen.size })}
      saveDisabled={chosen.size === 0}
      wide
    >
      <label className="field">
        <span className="field-label">{t("people.search")}</span>
        <input
          type="search"
          data-testid="invite-search"
          data-autofocus
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      <div className="pick-list">
        {results === null ? <p className="muted">{t("app.loading")}</p> : null}
        {results?.length === 0 ? <p className="muted">{t("people.noResults")}</p> : null}
        {results?.slice(0, INVITE_LIMIT).map((person) => {
          const already = invited.has(person.id);
          return (
            <label key={person.id} className="pick" data-testid="invite-option">
              <input
                type="checkbox"
                checked={already || chosen.has(person.id)}
                disabled={already}
                onChange={() => toggle(person.id)}
              />
              <span className="cell-title">{person.fullName}</span>
              <span className="muted">
                {[person.positionTitle, person.unit].filter(Boolean).join(" · ")}
              </span>
              {already ? <span className="tag">{t("people.alreadyInvited")}</span> : null}
            </label>
          );
        })}
        {results && results.length > INVITE_LIMIT ? (
          <p className="muted">{t("people.moreResults", { n: INVITE_LIMIT })}</p>
        ) : null}
      </div>
    </FormDialog>
  );
}

function ReasonDialog({
  name,
  initial,
  onClose,
  onSave,
}: {
  name: string;
  initial: string;
  onClose(): void;
  /** Records the absence; resolves to false if that failed. */
  onSave(reason: string): Promise<boolean>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState(initial);
  const [missing, setMissing] = useState(false);
  return (
    <FormDialog
      title={t("people.reasonTitle", { name })}
      onClose={onClose}
      onSubmit={() => {
        if (!reason.trim()) {
          setMissing(true);
          return false;
        }
        return onSave(reason.trim());
      }}
      busy={false}
      error={null}
      saveTestId="absence-save"
    >
      <Field label={t("people.reason")} wide>
        <input
          data-testid="absence-reason"
          data-autofocus
          value={reason}
          aria-invalid={missing || undefined}
          onChange={(e) => setReason(e.target.value)}
        />
      </Field>
      {missing ? (
        <p className="error-text" role="alert">
          {t("people.reasonRequired")}
        </p>
      ) : null}
    </FormDialog>
  );
}

function HistoryDialog({
  meetingId,
  participant,
  onClose,
}: {
  meetingId: string;
  participant: Participant;
  onClose(): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const personId = participant.person.id;
  const log = useLoad<AttendanceEvent[]>(
    () => backend.attendanceLog(meetingId, personId),
    [backend, meetingId, personId],
  );
  return (
    <Dialog
      title={t("people.historyTitle", { name: participant.person.fullName })}
      onClose={onClose}
    >
      <ErrorText error={log.error} />
      {log.value?.length === 0 ? <p className="muted">{t("people.historyEmpty")}</p> : null}
      {log.value && log.value.length > 0 ? (
        <ol className="history">
          {log.value.map((event) => (
            <li key={event.id}>
              <span className="nowrap">{formatDateTime(event.at)}</span>
              <span className="cell-title">{t(`event.${event.kind}`)}</span>
              {event.reason ? <span className="muted">{event.reason}</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose} data-autofocus>
          {t("common.close")}
        </button>
      </div>
    </Dialog>
  );
}
