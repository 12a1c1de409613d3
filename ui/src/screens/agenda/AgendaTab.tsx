import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useEffect, useRef, useState } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { TimeInput } from "../../components/DateInput";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { useI18n } from "../../i18n";
import { type AgendaItem, type AgendaItemInput, type Meeting, useBackend } from "../../ipc";

type Editing = { item: AgendaItem | null };

/** The programme: computed times come from the backend after every change. */
export function AgendaTab({ meeting }: { meeting: Meeting }) {
  const backend = useBackend();
  const { t } = useI18n();
  const agenda = useLoad(() => backend.listAgenda(meeting.id), [backend, meeting.id]);
  const items = agenda.value ?? [];
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<AgendaItem | null>(null);
  const action = useSubmit();
  const focusAfterMove = useRef<string | null>(null);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  useEffect(() => {
    if (!focusAfterMove.current) return;
    document.querySelector<HTMLElement>(`[data-focus-key="${focusAfterMove.current}"]`)?.focus();
    focusAfterMove.current = null;
  });

  function reorder(orderedIds: string[]) {
    const before = agenda.value;
    const byId = new Map(items.map((item) => [item.id, item]));
    // The new order shows at once, and goes back if the backend refuses it.
    agenda.setValue(orderedIds.flatMap((id) => byId.get(id) ?? []));
    void action
      .submit(() => backend.reorderAgenda(meeting.id, orderedIds), agenda.setValue)
      .then((saved) => {
        if (!saved) agenda.setValue(before);
      });
  }

  function move(index: number, step: -1 | 1) {
    const target = index + step;
    if (target < 0 || target >= items.length) return;
    const item = items[index];
    if (!item) return;
    // Keep focus on the same button as the row moves, or on its twin at the edge.
    const atEdge = target === 0 || target === items.length - 1;
    const direction = atEdge ? (step === -1 ? "down" : "up") : step === -1 ? "up" : "down";
    focusAfterMove.current = `${item.id}-${direction}`;
    reorder(arrayMove(items, index, target).map((i) => i.id));
  }

  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = items.findIndex((i) => i.id === active.id);
    const to = items.findIndex((i) => i.id === over.id);
    if (from < 0 || to < 0) return;
    reorder(arrayMove(items, from, to).map((i) => i.id));
  }

  function remove(item: AgendaItem) {
    setDeleting(null);
    void action.submit(() => backend.deleteAgendaItem(item.id), agenda.setValue);
  }

  const titleOf = (id: unknown) => items.find((i) => i.id === id)?.title ?? "";
  const positionOf = (id: unknown) => items.findIndex((i) => i.id === id) + 1;
  const total = items.reduce((sum, i) => sum + i.durationMinutes, 0);
  const first = items[0];
  const last = items.at(-1);
  const meetingEnd = meeting.endsAt.slice(11, 16);
  const sameDay = meeting.startsAt.slice(0, 10) === meeting.endsAt.slice(0, 10);
  const pastMidnight = items.find((item) => item.pastMidnight);

  return (
    <div className="stack">
      <div className="section-head">
        <p className="muted" data-testid="agenda-total">
          {first && last
            ? t("agenda.total", { n: total, start: first.startTime, end: last.endTime })
            : null}
        </p>
        <button
          type="button"
          className="button primary"
          data-testid="agenda-add"
          onClick={() => setEditing({ item: null })}
        >
          {t("agenda.add")}
        </button>
      </div>
      {pastMidnight ? (
        <p className="warning-text" role="status" data-testid="agenda-past-midnight">
          {t("agenda.pastMidnight", { title: pastMidnight.title, end: pastMidnight.endTime })}
        </p>
      ) : last && sameDay && last.endTime > meetingEnd ? (
        <p className="warning-text" role="status">
          {t("agenda.overrun", { end: last.endTime, meetingEnd })}
        </p>
      ) : null}
      <ErrorText error={agenda.error ?? action.error} />
      {agenda.value && items.length === 0 ? <p className="empty">{t("agenda.empty")}</p> : null}
      {items.length > 0 ? (
        <DndContext
          sensors={sensors}
          collisionDetection={closestCenter}
          onDragEnd={onDragEnd}
          accessibility={{
            screenReaderInstructions: { draggable: t("agenda.dragInstructions") },
            announcements: {
              onDragStart: ({ active }) => t("agenda.dragStart", { title: titleOf(active.id) }),
              onDragOver: ({ active, over }) =>
                over
                  ? t("agenda.dragOver", { title: titleOf(active.id), n: positionOf(over.id) })
                  : undefined,
              onDragEnd: ({ active, over }) =>
                t("agenda.dragEnd", {
                  title: titleOf(active.id),
                  n: positionOf(over?.id ?? active.id),
                }),
              onDragCancel: ({ active }) => t("agenda.dragCancel", { title: titleOf(active.id) }),
            },
          }}
        >
          <SortableContext items={items.map((i) => i.id)} strategy={verticalListSortingStrategy}>
            <table className="table agenda-table">
              <thead>
                <tr>
                  <th style={{ width: "2.5rem" }}>
                    <span className="visually-hidden">#</span>
                  </th>
                  <th style={{ width: "8rem" }}>{t("agenda.col.time")}</th>
                  <th className="col-grow">{t("agenda.col.title")}</th>
                  <th style={{ width: "22%" }}>{t("agenda.col.presenter")}</th>
                  <th style={{ width: "6.5rem" }}>{t("agenda.col.duration")}</th>
                  <th style={{ width: "15rem" }}>
                    <span className="visually-hidden">{t("common.actions")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item, index) => (
                  <AgendaRow
                    key={item.id}
                    item={item}
                    index={index}
                    count={items.length}
                    onMove={move}
                    onEdit={() => setEditing({ item })}
                    onDelete={() => setDeleting(item)}
                  />
                ))}
              </tbody>
            </table>
          </SortableContext>
        </DndContext>
      ) : null}
      {editing ? (
        <AgendaItemDialog
          item={editing.item}
          onClose={() => setEditing(null)}
          onSave={async (input) =>
            agenda.setValue(
              editing.item
                ? await backend.updateAgendaItem(editing.item.id, editing.item.updatedAt, input)
                : await backend.addAgendaItem(meeting.id, input),
            )
          }
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          message={t("agenda.deleteConfirm", { title: deleting.title })}
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </div>
  );
}

interface AgendaRowProps {
  item: AgendaItem;
  index: number;
  count: number;
  onMove(index: number, step: -1 | 1): void;
  onEdit(): void;
  onDelete(): void;
}

function AgendaRow({ item, index, count, onMove, onEdit, onDelete }: AgendaRowProps) {
  const { t } = useI18n();
  const {
    attributes,
    listeners,
    setNodeRef,
    setActivatorNodeRef,
    transform,
    transition,
    isDragging,
  } = useSortable({ id: item.id, attributes: { roleDescription: t("agenda.sortable") } });
  const style = {
    transform: CSS.Translate.toString(transform),
    transition,
  };
  return (
    <tr
      ref={setNodeRef}
      style={style}
      className={isDragging ? "dragging" : undefined}
      data-testid="agenda-row"
    >
      <td>
        <button
          type="button"
          ref={setActivatorNodeRef}
          className="drag-handle"
          aria-label={t("agenda.dragLabel", { title: item.title })}
          {...attributes}
          {...listeners}
        >
          <span aria-hidden="true">⠿</span>
        </button>
      </td>
      <td className="nowrap" data-testid="agenda-time">
        {item.startTime}–{item.endTime}
        {item.pastMidnight ? (
          <span className="tag warning" title={t("agenda.nextDayLabel")}>
            {t("agenda.nextDay")}
          </span>
        ) : null}
        {item.fixedStart ? (
          <span className="tag" title={t("agenda.fixedStart")}>
            {t("agenda.fixed")}
          </span>
        ) : null}
      </td>
      <td>
        <span className="cell-title">
          {index + 1}. {item.title}
        </span>
        {item.notes ? <span className="cell-sub">{item.notes}</span> : null}
      </td>
      <td>{item.presenter || t("common.none")}</td>
      <td className="nowrap">{t("agenda.minutes", { n: item.durationMinutes })}</td>
      <td>
        <div className="row-actions">
          <button
            type="button"
            className="button small icon"
            data-focus-key={`${item.id}-up`}
            data-testid="agenda-move-up"
            aria-label={t("agenda.moveUpLabel", { title: item.title })}
            title={t("agenda.moveUp")}
            disabled={index === 0}
            onClick={() => onMove(index, -1)}
          >
            ↑
          </button>
          <button
            type="button"
            className="button small icon"
            data-focus-key={`${item.id}-down`}
            data-testid="agenda-move-down"
            aria-label={t("agenda.moveDownLabel", { title: item.title })}
            title={t("agenda.moveDown")}
            disabled={index === count - 1}
            onClick={() => onMove(index, 1)}
          >
            ↓
          </button>
          <button
            type="button"
            className="button small"
            aria-label={t("agenda.editLabel", { title: item.title })}
            onClick={onEdit}
          >
            {t("common.edit")}
          </button>
          <button
            type="button"
            className="button small danger-ghost"
            aria-label={t("agenda.deleteLabel", { title: item.title })}
            onClick={onDelete}
          >
            {t("common.delete")}
          </button>
        </div>
      </td>
    </tr>
  );
}

interface AgendaItemDialogProps {
  item: AgendaItem | null;
  onClose(): void;
  /** Saves the item; the dialog closes once it has. */
  onSave(input: AgendaItemInput): Promise<void>;
}

function AgendaItemDialog({ item, onClose, onSave }: AgendaItemDialogProps) {
  const { t } = useI18n();
  const [title, setTitle] = useState(item?.title ?? "");
  const [presenter, setPresenter] = useState(item?.presenter ?? "");
  const [duration, setDuration] = useState(String(item?.durationMinutes ?? 30));
  const [fixedStart, setFixedStart] = useState(item?.fixedStart ?? "");
  const [notes, setNotes] = useState(item?.notes ?? "");
  const { submit, busy, error, setError } = useSubmit();

  function save() {
    const minutes = Number(duration.trim());
    if (!/^\d+$/.test(duration.trim()) || minutes < 1) {
      setError({ kind: "invalid", message: t("agenda.durationInvalid") });
      return false;
    }
    const input = {
      title,
      presenter,
      durationMinutes: minutes,
      fixedStart: fixedStart || null,
      notes,
    };
    return submit(() => onSave(input), onClose);
  }

  return (
    <FormDialog
      title={item ? t("agenda.editTitle") : t("agenda.addTitle")}
      onClose={onClose}
      onSubmit={save}
      busy={busy}
      error={error}
      saveTestId="agenda-save"
    >
      <div className="form-grid">
        <Field label={t("agenda.title")} wide>
          <input
            data-testid="agenda-title"
            data-autofocus
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
        </Field>
        <Field label={t("agenda.presenter")} wide>
          <input value={presenter} onChange={(e) => setPresenter(e.target.value)} />
        </Field>
        <Field label={t("agenda.duration")}>
          <input
            data-testid="agenda-duration"
            type="number"
            min={1}
            max={600}
            step={1}
            inputMode="numeric"
            value={duration}
            onChange={(e) => setDuration(e.target.value)}
          />
        </Field>
        <Field label={t("agenda.fixedStart")} hint={t("agenda.fixedStartHint")}>
          <TimeInput data-testid="agenda-fixed-start" value={fixedStart} onChange={setFixedStart} />
        </Field>
        <Field label={t("agenda.notes")} wide>
          <textarea rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </Field>
      </div>
    </FormDialog>
  );
}
