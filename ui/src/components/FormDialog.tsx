import type { FormEvent, ReactNode } from "react";
import { useI18n } from "../i18n";
import type { IpcError } from "../ipc";
import { Dialog } from "./Dialog";
import { ErrorText } from "./ErrorText";

interface FormDialogProps {
  title: string;
  onClose(): void;
  /** Called when the form is submitted (Save, or Enter in a field), unless a save is under way. */
  onSubmit(): void;
  /** Whether a save is under way: the save button says so and is disabled meanwhile. */
  busy: boolean;
  error: IpcError | null;
  /** The save button's `data-testid`. */
  saveTestId: string;
  /** The save button's label; "Lưu" by default. */
  saveLabel?: string;
  /** Disables the save button for a reason of the form's own (nothing chosen yet). */
  saveDisabled?: boolean;
  wide?: boolean;
  children: ReactNode;
}

/**
 * A dialog around a form: the fields, then the error of the last save, then
 * Cancel and Save. Pair it with `useSubmit`, which supplies `busy` and `error`.
 */
export function FormDialog({
  title,
  onClose,
  onSubmit,
  busy,
  error,
  saveTestId,
  saveLabel,
  saveDisabled,
  wide,
  children,
}: FormDialogProps) {
  const { t } = useI18n();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) onSubmit();
  }

  return (
    <Dialog title={title} onClose={onClose} wide={wide}>
      <form className="form" onSubmit={submit} noValidate>
        {children}
        <ErrorText error={error} />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            {t("common.cancel")}
          </button>
          <button
            type="submit"
            className="button primary"
            data-testid={saveTestId}
            disabled={busy || saveDisabled}
          >
            {busy ? t("common.saving") : (saveLabel ?? t("common.save"))}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
