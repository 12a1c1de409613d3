import { useState } from "react";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DateInput } from "../../components/DateInput";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { formatDate } from "../../dates";
import { useI18n } from "../../i18n";
import { type Task, type TaskInput, useBackend } from "../../ipc";

/** The conclusions the chair assigns: what, to whom, by when. */
export function TasksSection({ meetingId }: { meetingId: string }) {
  const backend = useBackend();
  const { t } = useI18n();
  const tasks = useLoad(() => backend.listTasks(meetingId), [backend, meetingId]);
  const [editing, setEditing] = useState<{ task: Task | null } | null>(null);
  const [deleting, setDeleting] = useState<Task | null>(null);
  const removal = useSubmit();

  function remove(task: Task) {
    setDeleting(null);
    void removal.submit(
      () => backend.deleteTask(task.id),
      () => tasks.setValue((current) => (current ?? []).filter((x) => x.id !== task.id)),
    );
  }

  const list = tasks.value ?? [];
  return (
    <section className="panel" aria-labelledby="tasks-heading">
      <div className="section-head">
        <h3 id="tasks-heading">{t("tasks.heading")}</h3>
        <button
          type="button"
          className="button"
          data-testid="task-add"
          onClick={() => setEditing({ task: null })}
        >
          {t("tasks.add")}
        </button>
      </div>
      <ErrorText error={tasks.error ?? removal.error} />
      {tasks.value && list.length === 0 ? <p className="muted">{t("tasks.empty")}</p> : null}
      {list.length > 0 ? (
        <table className="table">
          <thead>
            <tr>
              <th style={{ width: "2.5rem" }}>#</th>
              <th className="col-grow">{t("tasks.text")}</th>
              <th style={{ width: "25%" }}>{t("tasks.assignee")}</th>
              <th style={{ width: "8rem" }}>{t("tasks.deadline")}</th>
              <th style={{ width: "9rem" }}>
                <span className="visually-hidden">{t("common.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((task, index) => (
              <tr key={task.id} data-testid="task-row">
                <td>{index + 1}</td>
                <td className="pre-wrap">{task.text}</td>
                <td>{task.assignee || t("common.none")}</td>
                <td className="nowrap">
                  {task.deadline ? formatDate(task.deadline) : t("common.none")}
                </td>
                <td>
                  <div className="row-actions">
                    <button
                      type="button"
                      className="button small"
                      aria-label={t("tasks.editLabel", { text: task.text })}
                      onClick={() => setEditing({ task })}
                    >
                      {t("common.edit")}
                    </button>
                    <button
                      type="button"
                      className="button small danger-ghost"
                      aria-label={t("tasks.deleteLabel", { text: task.text })}
                      onClick={() => setDeleting(task)}
                    >
                      {t("common.delete")}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {editing ? (
        <TaskDialog
          task={editing.task}
          onClose={() => setEditing(null)}
          onSave={async (input) => {
            if (editing.task) {
              const saved = await backend.updateTask(
                editing.task.id,
                editing.task.updatedAt,
                input,
              );
              tasks.setValue((current) =>
                (current ?? []).map((x) => (x.id === saved.id ? saved : x)),
              );
            } else {
              const saved = await backend.addTask(meetingId, input);
              tasks.setValue((current) => [...(current ?? []), saved]);
            }
          }}
        />
      ) : null}
      {deleting ? (
        <ConfirmDialog
          message={t("tasks.deleteConfirm", { text: deleting.text })}
          onConfirm={() => remove(deleting)}
          onCancel={() => setDeleting(null)}
        />
      ) : null}
    </section>
  );
}

function TaskDialog({
  task,
  onClose,
  onSave,
}: {
  task: Task | null;
  onClose(): void;
  /** Saves the task; the dialog closes once it has. */
  onSave(input: TaskInput): Promise<void>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(task?.text ?? "");
  const [assignee, setAssignee] = useState(task?.assignee ?? "");
  const [deadline, setDeadline] = useState(task?.deadline ?? "");
  const { submit, busy, error } = useSubmit();

  return (
    <FormDialog
      title={task ? t("tasks.editTitle") : t("tasks.addTitle")}
      onClose={onClose}
      onSubmit={() => submit(() => onSave({ text, assignee, deadline: deadline || null }), onClose)}
      busy={busy}
      error={error}
      saveTestId="task-save"
    >
      <div className="form-grid">
        <Field label={t("tasks.text")} wide>
          <textarea
            data-testid="task-text"
            data-autofocus
            rows={3}
            value={text}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.currentTarget.form?.requestSubmit();
              }
            }}
          />
        </Field>
        <Field label={t("tasks.assignee")}>
          <input value={assignee} onChange={(e) => setAssignee(e.target.value)} />
        </Field>
        <Field label={t("tasks.deadline")}>
          <DateInput value={deadline} onChange={setDeadline} />
        </Field>
      </div>
    </FormDialog>
  );
}
