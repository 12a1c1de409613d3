import { useEffect, useMemo, useRef, useState } from "react";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/FormDialog";
import { MenuButton, type MenuItem } from "../../components/MenuButton";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { formatDate } from "../../dates";
import { useI18n } from "../../i18n";
import {
  type ImportOutcome,
  type ImportPreview,
  type Meeting,
  toIpcError,
  useBackend,
} from "../../ipc";
import { ImportWizard, ReadingNote } from "./ImportWizard";

/** The last thing done with the list, said under the toolbar. */
interface Done {
  testId: string;
  text: string;
}

/** Where a picked file goes: the meeting's list, or only the person directory. */
type Target = "list" | "directory";

/**
 * The toolbar's menu for the list as a whole: importing a file (the wizard)
 * into the list or only into the person directory, exporting it to Excel, and
 * copying it from an earlier meeting. A closed meeting's list is locked, so
 * only the export and the import into the directory are offered then.
 */
export function ListFiles({ meeting, onChanged }: { meeting: Meeting; onChanged(): void }) {
  const backend = useBackend();
  const { t } = useI18n();
  const action = useSubmit();
  const [reading, setReading] = useState(false);
  const [picked, setPicked] = useState<ImportPreview | null>(null);
  const [target, setTarget] = useState<Target>("list");
  const [copying, setCopying] = useState(false);
  const [done, setDone] = useState<Done | null>(null);
  // Which file choice counts: "Dừng" (or leaving the tab) makes the one under way stale.
  const attempt = useRef(0);
  const locked = meeting.status === "closed";

  useEffect(
    () => () => {
      attempt.current += 1;
    },
    [],
  );

  const forget = () => void backend.cancelImport().catch(() => null);

  async function chooseFile(into: Target) {
    const mine = ++attempt.current;
    setDone(null);
    action.setError(null);
    setTarget(into);
    setReading(true);
    try {
      const preview = await backend.chooseImportFile(into === "list" ? meeting.id : null);
      if (mine !== attempt.current) {
        // Stopped while the file was read: the core may still have kept it.
        if (preview) forget();
        return;
      }
      setPicked(preview);
    } catch (e) {
      // A file the wizard cannot show (or no longer wants) is not kept waiting in the core.
      forget();
      if (mine !== attempt.current) return;
      action.setError(toIpcError(e));
    } finally {
      if (mine === attempt.current) setReading(false);
    }
  }

  const stopped = (): Done => ({
    testId: "import-stopped",
    text: t(target === "list" ? "list.stopped" : "list.stoppedDirectory"),
  });

  function stopReading() {
    attempt.current += 1;
    setReading(false);
    forget();
    setDone(stopped());
  }

  function exportList() {
    setDone(null);
    void action.submit(
      () => backend.exportList(meeting.id),
      (name) => {
        if (name) setDone({ testId: "export-result", text: t("list.exported", { name }) });
      },
    );
  }

  function imported(outcome: ImportOutcome) {
    setPicked(null);
    setDone(
      target === "list"
        ? { testId: "import-result", text: t("import.done", { ...outcome }) }
        : {
            testId: "import-directory-result",
            text: t("list.importedDirectory", { ...outcome }),
          },
    );
    // Into the directory too: an updated person shows so in this list.
    onChanged();
  }

  const lockedHint = locked ? t("list.locked") : undefined;
  const lockedTitle = locked ? t("list.lockedTitle") : undefined;
  const items: MenuItem[] = [
    {
      key: "import",
      label: t("list.import"),
      hint: lockedHint,
      title: lockedTitle,
      testId: "import-list",
      disabled: locked || reading,
      onSelect: () => void chooseFile("list"),
    },
    {
      // The directory is not the meeting's records: a closed meeting does not lock it.
      key: "import-directory",
      label: t("list.importDirectory"),
      hint: t("list.importDirectoryHint"),
      testId: "import-directory",
      disabled: reading,
      onSelect: () => void chooseFile("directory"),
    },
    {
      key: "copy",
      label: t("list.copy"),
      hint: lockedHint,
      title: lockedTitle,
      testId: "copy-list",
      disabled: locked,
      onSelect: () => {
        setDone(null);
        setCopying(true);
      },
    },
    {
      key: "export",
      label: t("list.export"),
      testId: "export-list",
      separated: true,
      disabled: action.busy,
      onSelect: exportList,
    },
  ];

  const status = reading || done || action.error;
  return (
    <>
      <MenuButton
        className="button"
        testId="list-files"
        menuTestId="list-files-menu"
        label={t("list.menuLabel")}
        items={items}
      >
        {t("list.menu")}
        <span className="caret" aria-hidden="true">
          {" "}
          ▾
        </span>
      </MenuButton>
      {status ? (
        <div className="toolbar-note" aria-live="polite">
          {reading ? (
            <>
              <ReadingNote />
              <button
                type="button"
                className="button small"
                data-testid="import-stop"
                onClick={stopReading}
              >
                {t("import.stop")}
              </button>
            </>
          ) : null}
          {done ? (
            <span className="status-text" role="status" data-testid={done.testId}>
              {done.text}
            </span>
          ) : null}
          <ErrorText error={action.error} />
        </div>
      ) : null}
      {picked ? (
        <ImportWizard
          meetingId={target === "list" ? meeting.id : null}
          initial={picked}
          onClose={(byStop) => {
            setPicked(null);
            if (byStop) setDone(stopped());
          }}
          onImported={imported}
        />
      ) : null}
      {copying ? (
        <CopyListDialog
          meetingId={meeting.id}
          onClose={() => setCopying(false)}
          onCopied={(outcome) => {
            setDone({ testId: "copy-result", text: t("copy.done", { ...outcome }) });
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}

/**
 * Lists here the people of an earlier meeting, by group: every group is
 * ticked at first, and the secretary clears those not invited this time.
 */
function CopyListDialog({
  meetingId,
  onClose,
  onCopied,
}: {
  meetingId: string;
  onClose(): void;
  onCopied(outcome: ImportOutcome): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const meetings = useLoad(() => backend.listMeetings(), [backend]);
  const others = useMemo(
    () =>
      (meetings.value ?? [])
        .map((s) => s.meeting)
        .filter((m) => m.id !== meetingId)
        .sort((a, b) => b.startsAt.localeCompare(a.startsAt)),
    [meetings.value, meetingId],
  );
  const [picked, setPicked] = useState("");
  const from = picked || others[0]?.id || "";
  // Tagged with the meeting they belong to, so a slow answer for another is not shown.
  const groups = useLoad(
    async () => ({ from, list: from ? await backend.attendanceBySection(from) : [] }),
    [backend, from],
  );
  const sections = groups.value?.from === from ? groups.value.list : null;
  const [cleared, setCleared] = useState<Set<string>>(new Set());
  const ticked = (sections ?? []).filter((s) => !cleared.has(s.section)).map((s) => s.section);
  const { submit, busy, error } = useSubmit();

  function toggle(section: string) {
    setCleared((current) => {
      const next = new Set(current);
      if (next.has(section)) next.delete(section);
      else next.add(section);
      return next;
    });
  }

  function copy() {
    if (!from || !sections) return false;
    // Every group ticked: everyone, those of groups made only of staff too.
    const wanted = ticked.length === sections.length ? [] : ticked;
    return submit(
      () => backend.copyParticipants(meetingId, from, wanted),
      (outcome) => {
        onCopied(outcome);
        onClose();
      },
    );
  }

  const groupName = (section: string) =>
    section || (sections?.length === 1 ? t("section.all") : t("section.none"));

  return (
    <FormDialog
      title={t("copy.title")}
      onClose={onClose}
      onSubmit={copy}
      busy={busy}
      error={error ?? meetings.error ?? groups.error}
      saveTestId="copy-apply"
      saveLabel={t("copy.apply")}
      saveDisabled={!from || !sections || sections.length === 0 || ticked.length === 0}
      testId="copy-list-dialog"
    >
      {meetings.value && others.length === 0 ? (
        <p className="muted">{t("copy.noMeetings")}</p>
      ) : (
        <Field label={t("copy.from")}>
          <select
            data-testid="copy-from"
            data-autofocus
            value={from}
            onChange={(e) => {
              setPicked(e.target.value);
              setCleared(new Set());
            }}
          >
            {others.map((m) => (
              <option key={m.id} value={m.id}>
                {t("copy.meeting", { date: formatDate(m.startsAt), title: m.title })}
              </option>
            ))}
          </select>
        </Field>
      )}
      {sections && from ? (
        <fieldset className="checks">
          <legend className="field-label">{t("copy.sections")}</legend>
          {sections.length === 0 ? <p className="muted">{t("copy.noSections")}</p> : null}
          {sections.map((s) => (
            <label key={s.section} className="check">
              <input
                type="checkbox"
                data-testid="copy-section"
                checked={!cleared.has(s.section)}
                onChange={() => toggle(s.section)}
              />
              {t("copy.section", { section: groupName(s.section), n: s.summary.invited })}
            </label>
          ))}
        </fieldset>
      ) : null}
      <p className="muted small">{t("copy.note")}</p>
    </FormDialog>
  );
}
