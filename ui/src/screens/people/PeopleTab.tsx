import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type FormEvent,
  Fragment,
  type ReactNode,
  useDeferredValue,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Dialog } from "../../components/Dialog";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { MenuButton, type MenuItem } from "../../components/MenuButton";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import {
  clockTime,
  formatDate,
  formatDateTime,
  formatTime,
  meetingDays,
  nowIn,
  parseClockTime,
  toLocalDate,
} from "../../dates";
import { useI18n } from "../../i18n";
import {
  type AttendanceEvent,
  type AttendanceEventKind,
  type AttendanceSummary,
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
import { ListFiles } from "./ListFiles";

/**
 * A row's fixed height (the list is virtualised): room for two lines of a
 * long name, position or unit, and the substitute's line under the name.
 */
const ROW_HEIGHT = 62;

/** Why a person is on the list, in the order the select offers them. */
const ROLES: readonly ParticipantRole[] = ["chair", "host", "guest", "press", "staff"];

/**
 * The group a walk-in joins when the list is grouped: the danh sách prints
 * it as a heading, so it is the documents' Vietnamese in either UI language.
 */
const WALK_IN_SECTION = "Đại biểu khác";

/** Only guests and the press are sent a giấy mời (the core's `ParticipantRole::is_invited`). */
const isInvitee = (p: Participant) => p.role === "guest" || p.role === "press";

/** Arrived and still there: the states whose arrival time is shown and may be corrected. */
const isHere = (p: Participant) => p.state === "present" || p.state === "late";

/** Marked as there at some point: present, late, or arrived and gone. */
const hasArrived = (p: Participant) => isHere(p) || p.state === "left";

/** The groups (sections) of the list, in its order; "" for those without one, if any. */
function groupsOf(participants: Participant[]): string[] {
  const groups = new Set<string>();
  for (const p of participants) groups.add(p.person.section.trim());
  return [...groups];
}

/** A translated sentence with React nodes (`{late}` → a counted span) for its placeholders. */
function fill(template: string, parts: Record<string, ReactNode>): ReactNode[] {
  return template
    .split(/\{(\w+)\}/)
    .map((piece, i) =>
      i % 2 === 1 ? <Fragment key={piece}>{parts[piece] ?? piece}</Fragment> : piece,
    );
}

/** Who attends in this person's place, and their office: "Lê Thị E, Phó Giám đốc"; "" if nobody. */
function substituteOf(p: Participant): string {
  return p.substituteName ? [p.substituteName, p.substituteTitle].filter(Boolean).join(", ") : "";
}

/** What the person time dialog is open for. */
type TimeFor = { p: Participant; kind: "arrived" | "left" };

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
  const [timeFor, setTimeFor] = useState<TimeFor | null>(null);
  const [substituteFor, setSubstituteFor] = useState<Participant | null>(null);
  const [sectionFor, setSectionFor] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Participant | null>(null);
  const [checkingIn, setCheckingIn] = useState(false);
  const checkInButton = useRef<HTMLButtonElement>(null);

  const haystacks = useMemo(
    () =>
      participants.map((p) =>
        fold(
          `${p.person.fullName} ${p.person.positionTitle} ${p.person.unit} ${p.person.section} ${p.substituteName}`,
        ),
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

  /**
   * Records an arrival or a departure at a typed time. A second arrival never
   * moves the first (the core keeps it), so correcting the arrival of someone
   * already there clears their mark first; the log keeps both.
   */
  async function markAt(p: Participant, kind: "arrived" | "left", at: string, reason: string) {
    if (kind === "arrived" && isHere(p)) {
      list.setValue(await backend.recordAttendance(meeting.id, p.person.id, "cleared", "", null));
    }
    list.setValue(await backend.recordAttendance(meeting.id, p.person.id, kind, reason, at));
  }

  async function saveSubstitute(p: Participant, name: string, title: string, present: boolean) {
    list.setValue(await backend.setSubstitute(meeting.id, p.person.id, name, title));
    if (present) {
      list.setValue(await backend.recordAttendance(meeting.id, p.person.id, "arrived", "", null));
    }
  }

  function setRole(p: Participant, role: ParticipantRole) {
    return run(() => backend.setParticipantRole(meeting.id, p.person.id, role));
  }

  /** The state control's menu: what can be recorded for this person now, each saying what it does. */
  function stateItems(p: Participant): MenuItem[] {
    const items: MenuItem[] = [];
    const at = (kind: "arrived" | "left") => () => setTimeFor({ p, kind });
    if (isHere(p)) {
      items.push(
        { key: "left", label: t("attendance.leftAt"), testId: "state-left", onSelect: at("left") },
        {
          key: "arrived",
          label: t("attendance.fixArrival"),
          testId: "state-arrived",
          onSelect: at("arrived"),
        },
      );
    } else if (p.state === "left") {
      items.push(
        {
          key: "now",
          label: t("attendance.backNow"),
          testId: "state-arrived-now",
          onSelect: () => mark(p, "arrived"),
        },
        { key: "left", label: t("attendance.fixLeft"), testId: "state-left", onSelect: at("left") },
      );
    } else {
      items.push(
        {
          key: "now",
          label: t("attendance.arrivedNow"),
          testId: "state-arrived-now",
          onSelect: () => mark(p, "arrived"),
        },
        {
          key: "arrived",
          label: t("attendance.arrivedAt"),
          testId: "state-arrived",
          onSelect: at("arrived"),
        },
      );
    }
    items.push({
      key: "excused",
      label: t(p.state === "absentExcused" ? "attendance.fixReason" : "attendance.absentExcused"),
      testId: "state-absent-excused",
      separated: true,
      onSelect: () => setReasonFor(p),
    });
    if (p.state !== "absent") {
      items.push({
        key: "absent",
        label: t("attendance.absent"),
        testId: "state-absent",
        onSelect: () => mark(p, "absent"),
      });
    }
    items.push(
      {
        key: "substitute",
        label: t(p.substituteName ? "attendance.fixSubstitute" : "attendance.substitute"),
        hint: substituteOf(p),
        testId: "state-substitute",
        separated: true,
        onSelect: () => setSubstituteFor(p),
      },
      {
        key: "history",
        label: t("attendance.history"),
        testId: "state-history",
        onSelect: () => setHistoryFor(p),
      },
    );
    if (p.state !== "invited") {
      items.push({
        key: "cleared",
        label: t("attendance.cleared"),
        hint: t("attendance.clearedHint"),
        testId: "state-cleared",
        separated: true,
        onSelect: () => mark(p, "cleared"),
      });
    }
    return items;
  }

  const invitees = useMemo(() => participants.filter(isInvitee).length, [participants]);

  const sections = useMemo(
    () => [...new Set(participants.map((p) => p.person.section).filter(Boolean))],
    [participants],
  );
  const groups = useMemo(() => groupsOf(participants), [participants]);
  const groupName = (section: string) =>
    section || (groups.length === 1 ? t("section.all") : t("section.none"));

  return (
    <div className="stack people-tab">
      <div className="counts-line">
        {counts ? <Counts counts={counts} /> : <ErrorText error={summary.error} />}
        {participants.length > 0 ? (
          <span className="muted small" data-testid="invitee-count" aria-live="polite">
            {t("people.invitees", { n: invitees })}
          </span>
        ) : null}
      </div>
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
        <span className="muted small">
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
        <ListFiles meeting={meeting} onChanged={list.reload} />
        <button
          type="button"
          className="button"
          data-testid="invite-open"
          onClick={() => setInviting(true)}
        >
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
      {list.value ? (
        <div className="door-tools">
          <WalkIn
            meetingId={meeting.id}
            participants={participants}
            section={sections.length > 0 ? WALK_IN_SECTION : ""}
            onChange={list.setValue}
          />
          {groups.length > 0 ? (
            <SectionPicker groups={groups} groupName={groupName} onMark={setSectionFor} />
          ) : null}
        </div>
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
          onRole={setRole}
          stateItems={stateItems}
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
      {timeFor ? (
        <TimeDialog
          meeting={meeting}
          title={t(
            timeFor.kind === "left"
              ? "time.leftTitle"
              : isHere(timeFor.p)
                ? "time.fixArrivalTitle"
                : "time.arrivedTitle",
            { name: timeFor.p.person.fullName },
          )}
          fieldLabel={t(timeFor.kind === "left" ? "time.left" : "time.arrived")}
          note={
            timeFor.kind === "arrived" && isHere(timeFor.p) && timeFor.p.arrivedAt
              ? t("time.fixNote", { time: formatTime(timeFor.p.arrivedAt) })
              : undefined
          }
          initialReason={timeFor.kind === "left" ? timeFor.p.absenceReason : undefined}
          lateHint={timeFor.kind === "arrived"}
          saveLabel={t(timeFor.kind === "left" ? "time.saveLeft" : "time.saveArrived")}
          onClose={() => setTimeFor(null)}
          onSave={(at, reason) => markAt(timeFor.p, timeFor.kind, at, reason)}
        />
      ) : null}
      {substituteFor ? (
        <SubstituteDialog
          participant={substituteFor}
          onClose={() => setSubstituteFor(null)}
          onSave={(name, title, present) => saveSubstitute(substituteFor, name, title, present)}
        />
      ) : null}
      {sectionFor !== null ? (
        <SectionDialog
          meeting={meeting}
          name={groupName(sectionFor)}
          pending={
            participants.filter(
              (p) => p.state === "invited" && p.person.section.trim() === sectionFor,
            ).length
          }
          onClose={() => setSectionFor(null)}
          onSave={async (at) =>
            list.setValue(await backend.markSectionPresent(meeting.id, sectionFor, at))
          }
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

/**
 * The core's counts, each saying what it includes: the present count takes
 * in those who came late and those who left early, the absent count those
 * with a reason. Staff are not delegates and are not counted.
 */
function Counts({ counts }: { counts: AttendanceSummary }) {
  const { t } = useI18n();
  return (
    <dl className="counts" aria-live="polite">
      <div className="count" title={t("people.count.scope")}>
        <dt>{t("people.count.total")}</dt>
        <dd data-testid="count-total">{counts.invited}</dd>
      </div>
      <div className="count count-present">
        <dt>{t("people.count.present")}</dt>
        <dd data-testid="count-present">{counts.attended}</dd>
        <dd className="count-detail">
          {fill(t("people.count.presentDetail"), {
            late: <span data-testid="count-late">{counts.late}</span>,
            left: <span data-testid="count-left">{counts.left}</span>,
          })}
        </dd>
      </div>
      <div className="count count-absent">
        <dt>{t("people.count.absent")}</dt>
        <dd data-testid="count-absent">{counts.absent + counts.absentExcused}</dd>
        <dd className="count-detail">
          {fill(t("people.count.absentDetail"), {
            excused: <span data-testid="count-absent-excused">{counts.absentExcused}</span>,
          })}
        </dd>
      </div>
      <div className="count count-pending">
        <dt>{t("people.count.pending")}</dt>
        <dd data-testid="count-pending">{counts.pending}</dd>
      </div>
    </dl>
  );
}

/**
 * Someone at the door who is not on the list: added to the meeting (and the
 * directory) and marked present in one step, ready for the next one.
 */
function WalkIn({
  meetingId,
  participants,
  section,
  onChange,
}: {
  meetingId: string;
  participants: Participant[];
  section: string;
  onChange(list: Participant[]): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const legendId = useId();
  const [input, setInput] = useState({ fullName: "", unit: "", positionTitle: "" });
  const [done, setDone] = useState<string | null>(null);
  const { submit, busy, error } = useSubmit();
  const nameInput = useRef<HTMLInputElement>(null);
  const set = (key: keyof typeof input, value: string) =>
    setInput((current) => ({ ...current, [key]: value }));

  function add(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setDone(null);
    const before = new Set(participants.map((p) => p.person.id));
    void submit(
      async () => {
        const added = await backend.addParticipant(meetingId, {
          ...BLANK_PERSON,
          ...input,
          section,
        });
        onChange(added);
        const person = added.find((p) => !before.has(p.person.id));
        if (!person) return input.fullName.trim();
        onChange(await backend.recordAttendance(meetingId, person.person.id, "arrived", "", null));
        return person.person.fullName;
      },
      (name) => {
        setDone(t("walkin.done", { name }));
        setInput({ fullName: "", unit: "", positionTitle: "" });
        nameInput.current?.focus();
      },
    );
  }

  return (
    <>
      <form className="walkin" aria-labelledby={legendId} onSubmit={add} noValidate>
        <span id={legendId} className="walkin-legend">
          {t("walkin.legend")}
        </span>
        {WALKIN_FIELDS.map(([key, name]) => (
          <input
            key={key}
            ref={key === "fullName" ? nameInput : undefined}
            className={`walkin-${name}`}
            data-testid={`walkin-${name}`}
            aria-label={t(`walkin.${name}`)}
            placeholder={t(`walkin.${name}`)}
            value={input[key]}
            onChange={(e) => set(key, e.target.value)}
          />
        ))}
        <button type="submit" className="button small" data-testid="walkin-add" disabled={busy}>
          {t("walkin.add")}
        </button>
      </form>
      <div className="walkin-outcome" aria-live="polite">
        {error ? <ErrorText error={error} /> : null}
        {done && !error ? (
          <span className="status-text small" data-testid="walkin-done">
            {done}
          </span>
        ) : null}
      </div>
    </>
  );
}

/** The walk-in line's fields: what they fill, and their name in test ids, classes and texts. */
const WALKIN_FIELDS = [
  ["fullName", "name"],
  ["unit", "unit"],
  ["positionTitle", "title"],
] as const;

/** A group chosen from the list's groups, and the button that marks its people present. */
function SectionPicker({
  groups,
  groupName,
  onMark,
}: {
  groups: string[];
  groupName(section: string): string;
  onMark(section: string): void;
}) {
  const { t } = useI18n();
  const [chosen, setChosen] = useState(groups[0] ?? "");
  const value = groups.includes(chosen) ? chosen : (groups[0] ?? "");
  return (
    <div className="section-present">
      <label>
        <span className="visually-hidden">{t("section.label")}</span>
        <select
          className="compact"
          data-testid="section-select"
          value={value}
          onChange={(e) => setChosen(e.target.value)}
        >
          {groups.map((g) => (
            <option key={g} value={g}>
              {groupName(g)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button small"
        data-testid="section-present"
        onClick={() => onMark(value)}
      >
        {t("section.present")}
      </button>
    </div>
  );
}

interface TimeDialogProps {
  meeting: Meeting;
  title: string;
  fieldLabel: string;
  note?: string;
  /** With a reason field (optional), first holding this. */
  initialReason?: string;
  /** Says, as the time is typed, whether it counts as on time or late. */
  lateHint?: boolean;
  /** A line about what saving will do, under the fields. */
  message?: ReactNode;
  saveLabel?: string;
  saveDisabled?: boolean;
  onClose(): void;
  /** Records at `at` ("YYYY-MM-DDTHH:MM", local); the dialog closes once it has. */
  onSave(at: string, reason: string): Promise<void>;
}

/**
 * Asks the time something happened: 24-hour HH:MM typed (whatever the
 * system's locale, unlike `<input type="time">`), on the meeting's day (or
 * one of its days). It starts at now on the meeting's day; on any other day,
 * as when the paper sign-in sheet is typed in afterwards, at the opening.
 */
function TimeDialog({
  meeting,
  title,
  fieldLabel,
  note,
  initialReason,
  lateHint,
  message,
  saveLabel,
  saveDisabled,
  onClose,
  onSave,
}: TimeDialogProps) {
  const { t } = useI18n();
  const days = useMemo(
    () => meetingDays(meeting.startsAt, meeting.endsAt),
    [meeting.startsAt, meeting.endsAt],
  );
  const [start] = useState(() => {
    const now = nowIn(meeting.timeZone);
    const today = toLocalDate(now);
    return days.includes(today)
      ? { day: today, time: clockTime(now) }
      : { day: days[0] ?? meeting.startsAt.slice(0, 10), time: formatTime(meeting.startsAt) };
  });
  const [day, setDay] = useState(start.day);
  const [time, setTime] = useState(start.time);
  const [reason, setReason] = useState(initialReason ?? "");
  const [invalid, setInvalid] = useState(false);
  const { submit, busy, error } = useSubmit();
  const clock = parseClockTime(time);
  const at = clock ? `${day}T${clock}` : null;

  function save() {
    if (!at) {
      setInvalid(true);
      return false;
    }
    return submit(() => onSave(at, reason.trim()), onClose);
  }

  return (
    <FormDialog
      title={title}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      saveTestId="time-save"
      saveLabel={saveLabel}
      saveDisabled={saveDisabled}
    >
      {note ? <p className="muted">{note}</p> : null}
      <div className="time-fields">
        {days.length > 1 ? (
          <Field label={t("time.day")}>
            <select data-testid="time-day" value={day} onChange={(e) => setDay(e.target.value)}>
              {days.map((d) => (
                <option key={d} value={d}>
                  {formatDate(d)}
                </option>
              ))}
            </select>
          </Field>
        ) : null}
        <Field
          label={
            days.length === 1
              ? t("time.labelOnDay", { label: fieldLabel, date: formatDate(day) })
              : fieldLabel
          }
          hint={t("time.hint")}
        >
          <input
            type="text"
            className="time-input"
            data-testid="time-input"
            data-autofocus
            inputMode="numeric"
            autoComplete="off"
            maxLength={5}
            pattern="([01]?[0-9]|2[0-3])[:.hH]?[0-5][0-9]"
            placeholder="07:55"
            value={time}
            aria-invalid={invalid || undefined}
            onFocus={(e) => e.target.select()}
            onChange={(e) => {
              setTime(e.target.value);
              setInvalid(false);
            }}
          />
        </Field>
        {initialReason !== undefined ? (
          <Field label={t("time.reason")} hint={t("common.optional")} wide>
            <input
              data-testid="time-reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Field>
        ) : null}
      </div>
      {invalid ? (
        <p className="error-text" role="alert">
          {t("time.invalid")}
        </p>
      ) : null}
      {lateHint && at ? (
        <p
          className={at > meeting.startsAt ? "warning-text" : "status-text"}
          data-testid="time-late-hint"
        >
          {t(at > meeting.startsAt ? "time.late" : "time.onTime", {
            start: formatTime(meeting.startsAt),
          })}
        </p>
      ) : null}
      {message}
    </FormDialog>
  );
}

/** Marks everyone of a group not yet marked as present, at a typed time. */
function SectionDialog({
  meeting,
  name,
  pending,
  onClose,
  onSave,
}: {
  meeting: Meeting;
  /** The group, as the select names it. */
  name: string;
  /** How many of its people are not marked yet: those this marks. */
  pending: number;
  onClose(): void;
  onSave(at: string): Promise<void>;
}) {
  const { t } = useI18n();
  return (
    <TimeDialog
      meeting={meeting}
      title={t("section.title", { section: name })}
      fieldLabel={t("time.arrived")}
      note={t("section.sheetHint")}
      lateHint
      message={
        <p className="cell-title" data-testid="section-confirm" aria-live="polite">
          {pending > 0
            ? t("section.confirm", { n: pending, section: name })
            : t("section.nobody", { section: name })}
        </p>
      }
      saveLabel={t("section.save", { n: pending })}
      saveDisabled={pending === 0}
      onClose={onClose}
      onSave={(at) => onSave(at)}
    />
  );
}

/**
 * Who attends in this person's place ("dự thay"). Someone not marked as
 * there yet is marked present with it, unless the box is cleared.
 */
function SubstituteDialog({
  participant,
  onClose,
  onSave,
}: {
  participant: Participant;
  onClose(): void;
  /** Saves the substitute, and the arrival with `present`; the dialog closes once it has. */
  onSave(name: string, title: string, present: boolean): Promise<void>;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(participant.substituteName);
  const [title, setTitle] = useState(participant.substituteTitle);
  const [present, setPresent] = useState(true);
  const { submit, busy, error } = useSubmit();
  const arrived = hasArrived(participant);
  const who = participant.person.fullName;
  return (
    <FormDialog
      title={t("substitute.title", { name: who })}
      onClose={onClose}
      onSubmit={() =>
        submit(() => onSave(name, title, !arrived && present && name.trim() !== ""), onClose)
      }
      busy={busy}
      error={error}
      saveTestId="substitute-save"
    >
      <p className="muted">{t("substitute.note", { name: who })}</p>
      <div className="form-grid">
        <Field label={t("substitute.name")}>
          <input
            data-testid="substitute-name"
            data-autofocus
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </Field>
        <Field label={t("substitute.position")}>
          <input
            data-testid="substitute-title"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Field>
        {arrived ? null : (
          <label className="check field-wide">
            <input
              type="checkbox"
              data-testid="substitute-present"
              checked={present}
              onChange={(e) => setPresent(e.target.checked)}
            />
            {t("substitute.present")}
          </label>
        )}
      </div>
    </FormDialog>
  );
}

interface ParticipantTableProps {
  rows: Participant[];
  onRole(p: Participant, role: ParticipantRole): void;
  /** The state control's menu for this person. */
  stateItems(p: Participant): MenuItem[];
  onEdit(p: Participant): void;
  onRemove(p: Participant): void;
}

function ParticipantTable({ rows, ...actions }: ParticipantTableProps) {
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
      <table className="vtable people-table" aria-rowcount={rows.length + 1}>
        <thead>
          <tr className="vrow" aria-rowindex={1}>
            <th>{t("people.col.name")}</th>
            <th>{t("people.col.position")}</th>
            <th>{t("people.col.unit")}</th>
            <th className="col-section">{t("people.col.section")}</th>
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
                <ParticipantCells p={p} {...actions} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The time (and reason) under the state: when they came, when they left, why they were away. */
function stateDetail(p: Participant, t: ReturnType<typeof useI18n>["t"]): string {
  if (p.state === "absentExcused") return p.absenceReason;
  if (p.leftAt) {
    const times = p.arrivedAt
      ? t("people.arrivedLeft", { arrived: formatTime(p.arrivedAt), left: formatTime(p.leftAt) })
      : t("people.leftAt", { time: formatTime(p.leftAt) });
    return p.absenceReason ? `${times} · ${p.absenceReason}` : times;
  }
  return p.arrivedAt ? t("people.arrivedAt", { time: formatTime(p.arrivedAt) }) : "";
}

function ParticipantCells({
  p,
  onRole,
  stateItems,
  onEdit,
  onRemove,
}: { p: Participant } & Omit<ParticipantTableProps, "rows">) {
  const { t } = useI18n();
  const name = p.person.fullName;
  const detail = stateDetail(p, t);
  const who = substituteOf(p);
  const substitute = who ? t("people.substituteShown", { who }) : "";
  const state = t(`state.${p.state}`);
  return (
    <>
      <td className="cell-person">
        <span className="cell-title clamp" title={name}>
          {name}
        </span>
        {substitute ? (
          <span
            className="cell-sub ellipsis"
            data-testid="participant-substitute"
            title={substitute}
          >
            {substitute}
          </span>
        ) : null}
      </td>
      <td>
        <span className="clamp" title={p.person.positionTitle}>
          {p.person.positionTitle}
        </span>
      </td>
      <td>
        <span className="clamp" title={p.person.unit}>
          {p.person.unit}
        </span>
      </td>
      <td className="col-section">
        <span className="clamp muted" title={p.person.section}>
          {p.person.section}
        </span>
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
        <MenuButton
          className={`badge state state-button state-${p.state}`}
          testId="participant-state"
          menuTestId="participant-state-menu"
          label={t("attendance.stateLabel", { name, state })}
          menuLabel={t("attendance.menuLabel", { name })}
          items={stateItems(p)}
        >
          {state}
          <span className="caret" aria-hidden="true">
            ▾
          </span>
        </MenuButton>
        {detail ? (
          <span className="cell-sub ellipsis" data-testid="participant-detail" title={detail}>
            {detail}
          </span>
        ) : null}
      </td>
      <td className="row-actions">
        <MenuButton
          className="button small icon ghost row-more"
          testId="participant-actions"
          menuTestId="participant-actions-menu"
          label={t("people.moreLabel", { name })}
          items={[
            {
              key: "edit",
              label: t("people.editItem"),
              testId: "participant-edit",
              onSelect: () => onEdit(p),
            },
            {
              key: "remove",
              label: t("people.removeItem"),
              testId: "participant-remove",
              danger: true,
              separated: true,
              onSelect: () => onRemove(p),
            },
          ]}
        >
          <span aria-hidden="true">⋯</span>
        </MenuButton>
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
