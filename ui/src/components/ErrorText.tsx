import { useI18n } from "../i18n";
import type { IpcError } from "../ipc";

/** Shows a backend error where it happened; renders nothing when there is none. */
export function ErrorText({ error }: { error: IpcError | null }) {
  const { describeError } = useI18n();
  if (!error) return null;
  return (
    <p className="error-text" role="alert">
      {describeError(error)}
    </p>
  );
}
