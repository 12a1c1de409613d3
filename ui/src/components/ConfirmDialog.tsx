import { useI18n } from "../i18n";
import { Dialog } from "./Dialog";

interface ConfirmDialogProps {
  message: string;
  confirmLabel?: string;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ message, confirmLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const { t } = useI18n();
  return (
    <Dialog title={t("common.confirmTitle")} onClose={onCancel}>
      <p>{message}</p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onCancel} data-autofocus>
          {t("common.cancel")}
        </button>
        <button type="button" className="button danger" onClick={onConfirm}>
          {confirmLabel ?? t("common.delete")}
        </button>
      </div>
    </Dialog>
  );
}
