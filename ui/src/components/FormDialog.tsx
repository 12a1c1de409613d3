import {
  type FormEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from "react";
import { useI18n } from "../i18n";
import type { IpcError } from "../ipc";
import { Dialog } from "./Dialog";
import { ErrorText } from "./ErrorText";
import { registerPendingSave } from "./pendingSaves";

interface FormDialogProps {
  title: string;
  onClose(): void;
  /**
   * Called when the form is submitted (Save, Enter in a field, or the window
   * closing after the user changed something), unless a save is under way.
   * Return the save's promise, as `useSubmit`'s `submit` gives it: resolving to
   * `false` (or rejecting) means the save failed; return `false` at once when
   * the form refuses its own fields. Anything else counts as saved.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that returns nothing still fits
  onSubmit(): void | boolean | Promise<unknown>;
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
  /** The dialog's `data-testid`. */
  testId?: string;
  children: ReactNode;
}

/**
 * A dialog around a form: the fields, then the error of the last save, then
 * Cancel and Save. Pair it with `useSubmit`, which supplies `busy` and `error`.
 *
 * Once the user has changed something in it, closing the window saves the form
 * first, as Save would; if that fails the window stays open and the dialog
 * shows why. An untouched dialog is left alone.
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
  testId,
  children,
}: FormDialogProps) {
  const { t } = useI18n();
  const latest = useRef({ onSubmit, busy, saveDisabled });
  useLayoutEffect(() => {
    latest.current = { onSubmit, busy, saveDisabled };
  });
  // Whether something typed is not saved yet; `edits` counts the changes.
  const [touched, setTouched] = useState(false);
  const edits = useRef(0);
  // The save under way (started here), whose outcome a close request waits for.
  const saving = useRef<Promise<boolean> | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const markTouched = useCallback(() => {
    edits.current += 1;
    setTouched(true);
  }, []);

  /** Submits the form; resolves to whether it was saved. */
  const save = useCallback((): Promise<boolean> => {
    if (saving.current) return saving.current;
    // A date or time typed wrong (`DateInput`) is put right first, never saved
    // as the last good value.
    if (form.current?.querySelector("[data-wrong]")) return Promise.resolve(false);
    const editsAtStart = edits.current;
    const run = (async () => {
      try {
        return (await latest.current.onSubmit()) !== false;
      } catch {
        return false;
      }
    })();
    saving.current = run;
    void run.then((saved) => {
      if (saving.current === run) saving.current = null;
      // Nothing left to save, unless the user typed on while it was saving.
      if (saved && edits.current === editsAtStart) setTouched(false);
    });
    return run;
  }, []);

  useEffect(() => {
    if (!touched) return;
    return registerPendingSave(async () => {
      if (saving.current) return saving.current;
      // Save cannot be pressed because the form has nothing to save yet.
      if (latest.current.saveDisabled) return true;
      // A save this dialog does not know the outcome of: keep the window open.
      if (latest.current.busy) return false;
      return save();
    });
  }, [touched, save]);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!busy) void save();
  }

  return (
    <Dialog title={title} onClose={onClose} wide={wide} testId={testId}>
      <form
        ref={form}
        className="form"
        onSubmit={submit}
        onInput={markTouched}
        onChange={markTouched}
        noValidate
      >
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
