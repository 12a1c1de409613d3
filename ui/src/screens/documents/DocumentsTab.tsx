import { useCallback, useEffect, useRef, useState } from "react";
import { useNavigate } from "react-router";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { DateInput } from "../../components/DateInput";
import { useDataChanged } from "../../components/dataChanged";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { PdfPreview } from "../../components/PdfPreview";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { formatDate } from "../../dates";
import { useI18n } from "../../i18n";
import {
  DOCUMENT_KINDS,
  type DocumentFormat,
  type DocumentKind,
  type DocumentNumber,
  type DocumentOptions,
  type FormatProfile,
  type InvitationForm,
  type IpcError,
  type ListForm,
  type Meeting,
  type Organisation,
  toIpcError,
  useBackend,
} from "../../ipc";
import { meetingInputOf } from "../meetings/MeetingForm";
import { BodyOptions, OrganisationDialog } from "../settings/OrganisationForm";
import { DocumentFields, type DocumentFieldsHandle } from "./DocumentFields";

/** How long the options must stay unchanged before the preview is drawn again. */
export const PREVIEW_DELAY_MS = 300;

/** The formats the secretary may pick instead of the one the date decides. */
const PROFILES: readonly FormatProfile[] = ["nd30", "hd36", "hd05"];

/** The two forms of a giấy mời: one for all with the list attached (the default), or one each. */
const INVITATION_FORMS: readonly InvitationForm[] = ["generic", "per-person"];

/**
 * The three forms of a danh sách: sent with the giấy mời (the default), the
 * sign-in sheet for the door, and the attendance list kept with the biên bản.
 */
const LIST_FORMS: readonly ListForm[] = ["delegates", "sign-in", "attendance"];

/** What the secretary typed for one document; the number stays text until it is valid. */
interface PerDocument {
  number: string;
  issuedOn: string;
}

type Perhaps<T> = { ok: true; value: T } | { ok: false; error: IpcError };

type Preview =
  | { state: "idle" }
  | { state: "loading"; bytes: Uint8Array | null }
  | { state: "ready"; bytes: Uint8Array }
  | { state: "error"; error: IpcError };

/** The outcome of Save as, Save each or Print. */
type Notice =
  | { kind: "saved"; path: string }
  | { kind: "savedEach"; count: number; folder: string; failed: IpcError[] }
  | { kind: "printed"; path: string };

/** One document of "export all": where it went (empty if nowhere), or why not. */
interface ExportResult {
  kind: DocumentKind;
  path: string;
  error: IpcError | null;
}

type Export = { state: "running" } | { state: "done"; folder: string; results: ExportResult[] };

/** Empty is "no number"; anything else must be a whole number from 1. */
function parseNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (!trimmed) return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= 1 ? value : undefined;
}

const EMPTY: PerDocument = { number: "", issuedOn: "" };

/** The inputs as the register has them for a document. */
function fromRegister(entry: DocumentNumber): PerDocument {
  return { number: String(entry.number), issuedOn: entry.issuedOn };
}

/**
 * Whose number and date a document's inputs hold. A danh sách has none of its
 * own: the list sent with the giấy mời shows the giấy mời's, the attendance
 * list the biên bản's (so both documents say the same), and the sign-in sheet
 * shows neither.
 */
function numberedAs(kind: DocumentKind, list: ListForm): DocumentKind | null {
  if (kind !== "danh-sach") return kind;
  if (list === "delegates") return "giay-moi";
  if (list === "attendance") return "bien-ban";
  return null;
}

interface DocumentsTabProps {
  meeting: Meeting;
  /** The meeting as saved, after its issuing body was chosen here. */
  onMeetingSaved(meeting: Meeting): void;
}

/**
 * The meeting's documents. A meeting without an issuing body first asks
 * which body issues them (the core makes no document without one).
 */
export function DocumentsTab({ meeting, onMeetingSaved }: DocumentsTabProps) {
  const backend = useBackend();
  const { t } = useI18n();
  const bodies = useLoad(() => backend.listOrganisations(), [backend]);
  if (meeting.organisationId === null) {
    return (
      <ChooseIssuer
        meeting={meeting}
        bodies={bodies.value}
        onBodyAdded={bodies.reload}
        onSaved={onMeetingSaved}
      />
    );
  }
  const body = bodies.value?.find((b) => b.id === meeting.organisationId);
  const issuer = body?.name ?? (bodies.value ? t("meeting.organisationHidden") : t("app.loading"));
  return <MeetingDocuments meeting={meeting} issuer={issuer} />;
}

/**
 * The first step for a meeting without an issuing body: choose one of the
 * office's bodies, or declare a new one; the meeting then issues as it.
 */
function ChooseIssuer({
  meeting,
  bodies,
  onBodyAdded,
  onSaved,
}: {
  meeting: Meeting;
  bodies: Organisation[] | null;
  onBodyAdded(): void;
  onSaved(meeting: Meeting): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const [chosen, setChosen] = useState("");
  const [declaring, setDeclaring] = useState(false);
  const action = useSubmit();
  const selected = chosen || bodies?.[0]?.id || "";

  /** The meeting as saved with body `id`. */
  const issueAs = (id: string) =>
    backend.updateMeeting(meeting.id, meeting.updatedAt, {
      ...meetingInputOf(meeting),
      organisationId: id,
    });

  return (
    <section
      className="panel documents-issuer-step"
      aria-labelledby="doc-issuer-title"
      data-testid="doc-choose-issuer"
    >
      <h3 id="doc-issuer-title">{t("docs.issuer.title")}</h3>
      <p className="muted">{t("docs.issuer.intro")}</p>
      {bodies?.length ? (
        <div className="documents-issuer-choice">
          <Field label={t("docs.issuer.choose")}>
            <select
              data-testid="doc-issuer-select"
              value={selected}
              onChange={(e) => setChosen(e.target.value)}
            >
              <BodyOptions bodies={bodies} />
            </select>
          </Field>
          <button
            type="button"
            className="button primary"
            data-testid="doc-issuer-use"
            disabled={action.busy}
            onClick={() => void action.submit(() => issueAs(selected), onSaved)}
          >
            {t("docs.issuer.use")}
          </button>
        </div>
      ) : bodies ? (
        <p data-testid="doc-issuer-none">{t("docs.issuer.none")}</p>
      ) : null}
      <div className="row-actions">
        <button
          type="button"
          className={bodies?.length ? "button" : "button primary"}
          data-testid="doc-issuer-new"
          onClick={() => setDeclaring(true)}
        >
          {t("docs.issuer.new")}
        </button>
      </div>
      <ErrorText error={action.error} />
      {declaring ? (
        <OrganisationDialog
          organisation={null}
          onClose={() => setDeclaring(false)}
          onSaved={async (body) => {
            onBodyAdded();
            onSaved(await issueAs(body.id));
          }}
        />
      ) : null}
    </section>
  );
}

/**
 * The documents of a meeting that has an issuing body: pick one, set its
 * options, see it as it will be printed, then save it, print it, or save all
 * six into a folder.
 */
function MeetingDocuments({ meeting, issuer }: { meeting: Meeting; issuer: string }) {
  const backend = useBackend();
  const { t } = useI18n();
  const navigate = useNavigate();

  const [kind, setKind] = useState<DocumentKind>("giay-moi");
  // Null until the secretary picks one: the core then follows the issuing
  // body's kind and the document's date (HD36 or HD05 for the Party).
  const [profile, setProfile] = useState<FormatProfile | null>(null);
  const [perDocument, setPerDocument] = useState<Partial<Record<DocumentKind, PerDocument>>>({});
  const [list, setList] = useState<ListForm>("delegates");
  const [invitation, setInvitation] = useState<InvitationForm>("generic");
  const [preview, setPreview] = useState<Preview>({ state: "idle" });
  // The format the current document comes out with, as the core says; null while unknown.
  const [format, setFormat] = useState<DocumentFormat | null>(null);
  const action = useSubmit();
  const busy = action.busy;
  const [notice, setNotice] = useState<Notice | null>(null);
  const [exported, setExported] = useState<Export | null>(null);
  // Goes up each time the secretary's text for a document is saved, so the preview is drawn again.
  const [textRevision, setTextRevision] = useState(0);
  const fields = useRef<DocumentFieldsHandle>(null);
  const textChanged = useCallback(() => setTextRevision((r) => r + 1), []);
  // Goes up each time another laptop's changes to the meeting arrive: the format and the
  // preview are asked for again, quietly (the wording follows by itself, in `DocumentFields`).
  const [dataRevision, setDataRevision] = useState(0);
  useDataChanged(() => setDataRevision((r) => r + 1));
  // The meeting's lines in the register of outgoing documents (sổ văn bản đi).
  const [numbers, setNumbers] = useState<DocumentNumber[]>([]);
  const numbering = useSubmit();
  const [numberNotice, setNumberNotice] = useState<string | null>(null);
  const [cancelling, setCancelling] = useState<DocumentNumber | null>(null);

  // The register as last shown, to tell the inputs the secretary changed from those she did not.
  const shownNumbers = useRef(numbers);
  shownNumbers.current = numbers;

  // The saved numbers and dates fill the inputs, so a document shows (and
  // prints) the number it was given whenever the tab is opened again. Loaded
  // again when another laptop's changes arrive (it may have numbered a
  // document, or taken a number back): inputs nobody here has changed follow.
  // biome-ignore lint/correctness/useExhaustiveDependencies: dataRevision is the signal to load again
  useEffect(() => {
    let live = true;
    backend.documentNumbers(meeting.id).then(
      (found) => {
        if (!live) return;
        const before = shownNumbers.current;
        setNumbers(found);
        setPerDocument((all) => {
          const next = { ...all };
          for (const kind of new Set([...before, ...found].map((n) => n.kind))) {
            const was = before.find((n) => n.kind === kind);
            const now = found.find((n) => n.kind === kind);
            const shown = next[kind];
            const untouched =
              shown === undefined ||
              (was !== undefined &&
                shown.number === String(was.number) &&
                shown.issuedOn === was.issuedOn);
            if (!untouched) continue;
            if (now) next[kind] = fromRegister(now);
            else delete next[kind];
          }
          return next;
        });
      },
      (e: unknown) => live && numbering.setError(toIpcError(e)),
    );
    return () => {
      live = false;
    };
  }, [backend, meeting.id, numbering.setError, dataRevision]);

  /** The options for one document, or why they are not valid. */
  const optionsFor = useCallback(
    (of: DocumentKind): Perhaps<DocumentOptions> => {
      const source = numberedAs(of, list);
      const typed = (source && perDocument[source]) || EMPTY;
      const number = parseNumber(typed.number);
      if (number === undefined) {
        return { ok: false, error: { kind: "invalid", message: t("docs.numberInvalid") } };
      }
      return {
        ok: true,
        value: {
          profile,
          number,
          issuedOn: typed.issuedOn || null,
          list,
          invitation,
        },
      };
    },
    [profile, perDocument, list, invitation, t],
  );

  const current = optionsFor(kind);
  const currentKey = current.ok ? JSON.stringify(current.value) : null;
  const numbered = numberedAs(kind, list);
  const typed = (numbered && perDocument[numbered]) || EMPTY;
  const numberInvalid = !current.ok;
  // The number does not change the format: with a wrong one, ask without it.
  const formatKey = JSON.stringify(
    current.ok
      ? current.value
      : {
          profile,
          number: null,
          issuedOn: typed.issuedOn || null,
          list,
          invitation,
        },
  );

  // Which format and date the document comes out with. A refused date is
  // shown by the preview and the wording already, so here the line just goes.
  const formatRequest = useRef(0);
  // The options `format` answers for; a date is taken from it only when they are the current ones.
  const [formatFor, setFormatFor] = useState<string | null>(null);
  const formatId = `${kind}\n${formatKey}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the usual date follows the meeting's start
  useEffect(() => {
    const options = JSON.parse(formatKey) as DocumentOptions;
    const id = ++formatRequest.current;
    backend.documentFormat(meeting.id, kind, options).then(
      (answer) => {
        if (formatRequest.current !== id) return;
        setFormat(answer);
        setFormatFor(formatId);
      },
      () => {
        if (formatRequest.current === id) setFormat(null);
      },
    );
  }, [backend, meeting.id, meeting.startsAt, kind, formatKey, textRevision, dataRevision]);

  // Draw the preview again once the choice has settled for a moment, or the
  // secretary's text was saved; an answer that arrives after a newer request is dropped.
  // When only the meeting's data changed (`dataRevision`), it is drawn again quietly: the
  // page on screen stays, with nothing saying "preparing", until the new one replaces it.
  const request = useRef(0);
  const previewed = useRef<string | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a saved text edit (`textRevision`) or another laptop's change (`dataRevision`) changes the document too
  useEffect(() => {
    if (!currentKey) return;
    const options = JSON.parse(currentKey) as DocumentOptions;
    const id = ++request.current;
    const asked = JSON.stringify([meeting.id, kind, currentKey, textRevision]);
    const quiet = previewed.current === asked;
    previewed.current = asked;
    if (!quiet) {
      setPreview((p) => ({
        state: "loading",
        bytes: p.state === "ready" || p.state === "loading" ? p.bytes : null,
      }));
    }
    const timer = setTimeout(() => {
      backend.renderDocument(meeting.id, kind, options).then(
        (bytes) => {
          if (request.current === id) setPreview({ state: "ready", bytes });
        },
        (e: unknown) => {
          if (request.current === id) setPreview({ state: "error", error: toIpcError(e) });
        },
      );
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [backend, meeting.id, kind, currentKey, textRevision, dataRevision]);

  function edit(patch: Partial<PerDocument>) {
    // A danh sách shows its giấy mời's or biên bản's number; it is changed there.
    if (!numbered || numbered !== kind) return;
    setPerDocument((all) => ({ ...all, [numbered]: { ...(all[numbered] ?? EMPTY), ...patch } }));
  }

  /** The saved line of the register for the number the current document shows. */
  const registered = numbered ? numbers.find((n) => n.kind === numbered) : undefined;

  /**
   * A date typed for a document without a number is saved at once, so the
   * document keeps it until the văn thư gives the number (which brings its own).
   */
  function editDate(value: string) {
    edit({ issuedOn: value });
    if (numbered !== kind || registered) return;
    const saved = value
      ? backend.setDocumentText(meeting.id, kind, "issued_on", value)
      : backend.resetDocumentText(meeting.id, kind, "issued_on");
    saved.then(textChanged, (e: unknown) => {
      const error = toIpcError(e);
      // Clearing a date that was never saved is nothing to report.
      if (error.kind !== "notFound") numbering.setError(error);
    });
  }
  /** The date a number is issued with: the one typed, or the one the document comes out with. */
  const issueDate = typed.issuedOn || (format && formatFor === formatId ? format.issuedOn : "");
  const changed =
    registered !== undefined &&
    (typed.number.trim() !== String(registered.number) || typed.issuedOn !== registered.issuedOn);

  /**
   * Gives the current document the typed number (or, left empty, the one it
   * has or the next in its series) and date in the register; the inputs then
   * show what was saved. A refusal is shown by the inputs and changes nothing.
   */
  function issueNumber() {
    if (!numbered || numbered !== kind || !current.ok || !issueDate) return;
    const number = current.value.number;
    setNumberNotice(null);
    void numbering.submit(
      () => backend.issueDocumentNumber(meeting.id, numbered, number, issueDate),
      (entry) => {
        // The answer is the saved line: the register needs no second read.
        setPerDocument((all) => ({ ...all, [entry.kind]: fromRegister(entry) }));
        setNumbers((all) => [...all.filter((n) => n.kind !== entry.kind), entry]);
      },
    );
  }

  /** Takes the number back (after the secretary confirmed); the inputs are emptied. */
  function cancelNumber(entry: DocumentNumber) {
    setCancelling(null);
    setNumberNotice(null);
    void numbering.submit(
      () => backend.cancelDocumentNumber(meeting.id, entry.kind),
      () => {
        setPerDocument((all) => ({ ...all, [entry.kind]: EMPTY }));
        setNumbers((all) => all.filter((n) => n.kind !== entry.kind));
        setNumberNotice(t("docs.numberCancelled", { symbol: entry.symbol }));
      },
    );
  }

  /** Saves what was typed in the fields, then does `work`; shows what it reports, or its error. */
  function act(work: () => Promise<Notice | null>) {
    setNotice(null);
    void action.submit(async () => {
      await fields.current?.flush();
      return work();
    }, setNotice);
  }

  function saveAs() {
    if (!current?.ok) return;
    const options = current.value;
    act(async () => {
      // Rust asks where to save; the page names no path.
      const name = await backend.saveDocument(meeting.id, kind, options);
      return name ? { kind: "saved", path: name } : null;
    });
  }

  function saveEach() {
    if (!current?.ok) return;
    const options = current.value;
    act(async () => {
      const saved = await backend.saveInvitations(meeting.id, options);
      if (!saved) return null;
      const failed = saved.documents.flatMap((d) => (d.error ? [d.error] : []));
      return {
        kind: "savedEach",
        count: saved.documents.length - failed.length,
        folder: saved.folder,
        failed,
      };
    });
  }

  function print() {
    if (!current?.ok) return;
    const options = current.value;
    act(async () => {
      const path = await backend.printDocument(meeting.id, kind, options);
      return { kind: "printed", path };
    });
  }

  function exportAll() {
    act(async () => {
      // Documents whose options are not valid are reported here; the core asks
      // for the folder and writes the others in one go, reporting each.
      const refused: ExportResult[] = [];
      const wanted: [DocumentKind, DocumentOptions][] = [];
      for (const each of DOCUMENT_KINDS) {
        const options = optionsFor(each);
        if (!options.ok) {
          refused.push({ kind: each, path: "", error: options.error });
        } else {
          wanted.push([each, options.value]);
        }
      }
      setExported({ state: "running" });
      try {
        const saved = wanted.length
          ? await backend.saveAllDocuments(meeting.id, wanted)
          : { folder: "", documents: [] };
        if (!saved) {
          setExported(null);
          return null;
        }
        const results = [...saved.documents, ...refused].sort(
          (x, y) => DOCUMENT_KINDS.indexOf(x.kind) - DOCUMENT_KINDS.indexOf(y.kind),
        );
        setExported({ state: "done", folder: saved.folder, results });
      } catch (e) {
        setExported(null);
        throw e;
      }
      return null;
    });
  }

  const name = (of: DocumentKind) => t(`docs.kind.${of}`);
  const ready = current.ok && !busy;
  const formatName = format ? t(`docs.format.${format.profile}`) : "";
  // A danh sách's number and date are those of the document it goes with.
  const listOf = kind === "danh-sach" && list !== "sign-in" ? list : null;

  return (
    <div className="documents-layout">
      <div className="panel documents-side">
        <p className="documents-issuer small" data-testid="doc-issuer">
          <span>{t("docs.issuer.current", { name: issuer })}</span>{" "}
          <button
            type="button"
            className="link-button"
            data-testid="doc-issuer-change"
            onClick={() => navigate(`/meetings/${meeting.id}/info`)}
          >
            {t("docs.issuer.change")}
          </button>
        </p>
        <section className="documents-list" aria-labelledby="documents-list-title">
          <h3 id="documents-list-title">{t("docs.list")}</h3>
          <ul className="doc-choices">
            {DOCUMENT_KINDS.map((each) => (
              <li key={each}>
                <button
                  type="button"
                  aria-pressed={each === kind}
                  aria-describedby={`doc-hint-${each}`}
                  className={each === kind ? "doc-choice selected" : "doc-choice"}
                  data-testid={`doc-${each}`}
                  onClick={() => {
                    setKind(each);
                    numbering.setError(null);
                    setNumberNotice(null);
                  }}
                >
                  <span className="doc-choice-name">{name(each)}</span>
                  <span id={`doc-hint-${each}`} className="doc-choice-hint">
                    {t(`docs.hint.${each}`)}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
        <section className="documents-options-box" aria-labelledby="documents-options-title">
          <h3 id="documents-options-title">{t("docs.options", { name: name(kind) })}</h3>
          <div className="form documents-options">
            <Field label={t("docs.profile")}>
              <select
                data-testid="doc-profile"
                value={profile ?? ""}
                aria-describedby={format ? "doc-format" : undefined}
                onChange={(e) => setProfile((e.target.value as FormatProfile) || null)}
              >
                <option value="">{t("docs.profile.byDate")}</option>
                {PROFILES.map((p) => (
                  <option key={p} value={p}>
                    {t(`docs.profile.${p}`)}
                  </option>
                ))}
              </select>
              {format ? (
                <span id="doc-format" className="field-hint" data-testid="doc-format">
                  {format.byDate
                    ? t("docs.format.byDate", {
                        profile: formatName,
                        date: formatDate(format.issuedOn),
                      })
                    : t("docs.format.chosen", { profile: formatName })}
                </span>
              ) : null}
            </Field>
            {kind === "danh-sach" ? (
              <Field label={t("docs.listForm")} hint={t(`docs.listFormHint.${list}`)}>
                <select
                  data-testid="doc-list"
                  value={list}
                  onChange={(e) => setList(e.target.value as ListForm)}
                >
                  {LIST_FORMS.map((form) => (
                    <option key={form} value={form}>
                      {t(`docs.listForm.${form}`)}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
            {numbered ? (
              <div className="documents-row">
                <Field
                  label={t(listOf ? `docs.number.${listOf}` : "docs.number")}
                  hint={listOf ? undefined : t("docs.numberHint")}
                >
                  <input
                    data-testid="doc-number"
                    type="number"
                    inputMode="numeric"
                    min={1}
                    step={1}
                    value={typed.number}
                    readOnly={listOf !== null}
                    aria-invalid={numberInvalid}
                    aria-describedby={
                      numberInvalid ? "doc-number-error" : listOf ? "doc-number-source" : undefined
                    }
                    onChange={(e) => edit({ number: e.target.value })}
                  />
                </Field>
                <Field
                  label={t(listOf ? `docs.issuedOn.${listOf}` : "docs.issuedOn")}
                  hint={listOf ? undefined : t("docs.issuedOnHint")}
                >
                  <DateInput
                    data-testid="doc-issued-on"
                    value={
                      typed.issuedOn ||
                      (format && formatFor === formatId && format.dateKept ? format.issuedOn : "")
                    }
                    readOnly={listOf !== null}
                    aria-describedby={listOf ? "doc-number-source" : undefined}
                    onChange={editDate}
                  />
                </Field>
              </div>
            ) : null}
            {numberInvalid ? (
              <p id="doc-number-error" className="error-text small" role="alert">
                {t("docs.numberInvalid")}
              </p>
            ) : null}
            {numbered ? (
              <div className="documents-number" data-testid="doc-register">
                {registered ? (
                  <p className="status-text small" role="status" data-testid="doc-number-status">
                    {t("docs.numberIssued", {
                      symbol: registered.symbol,
                      date: formatDate(registered.issuedOn),
                    })}
                  </p>
                ) : listOf ? null : (
                  <p className="muted small">{t("docs.numberNotIssued")}</p>
                )}
                {registered ? (
                  <p className="muted small" data-testid="doc-issuer-kept">
                    {t("docs.issuer.kept")}
                  </p>
                ) : null}
                {changed && !listOf ? (
                  <p className="warning-text small" data-testid="doc-number-changed">
                    {t("docs.numberChanged")}
                  </p>
                ) : null}
                {numberNotice ? (
                  <p className="status-text small" role="status" data-testid="doc-number-notice">
                    {numberNotice}
                  </p>
                ) : null}
                {listOf ? (
                  <p id="doc-number-source" className="field-hint" data-testid="doc-number-source">
                    {t(`docs.numberFrom.${listOf}`)}
                  </p>
                ) : (
                  <div className="documents-number-actions">
                    <button
                      type="button"
                      className="button small"
                      data-testid="doc-issue-number"
                      disabled={numbering.busy || numberInvalid || !issueDate}
                      onClick={() => issueNumber()}
                    >
                      {t(registered ? "docs.reissueNumber" : "docs.issueNumber")}
                    </button>
                    {registered ? (
                      <button
                        type="button"
                        className="button small ghost"
                        data-testid="doc-cancel-number"
                        disabled={numbering.busy}
                        onClick={() => setCancelling(registered)}
                      >
                        {t("docs.cancelNumber")}
                      </button>
                    ) : null}
                  </div>
                )}
                <ErrorText error={numbering.error} />
              </div>
            ) : null}
            {kind === "giay-moi" ? (
              <Field label={t("docs.invitation")} hint={t("docs.invitationHint")}>
                <select
                  data-testid="doc-invitation"
                  value={invitation}
                  onChange={(e) => setInvitation(e.target.value as InvitationForm)}
                >
                  {INVITATION_FORMS.map((form) => (
                    <option key={form} value={form}>
                      {t(`docs.invitation.${form}`)}
                    </option>
                  ))}
                </select>
              </Field>
            ) : null}
          </div>
        </section>
        <DocumentFields
          ref={fields}
          meetingId={meeting.id}
          kind={kind}
          optionsKey={currentKey}
          onChanged={textChanged}
        />
      </div>

      <section className="panel documents-main" aria-labelledby="documents-preview-title">
        <div className="section-head">
          <h3 id="documents-preview-title">
            {t("docs.preview")}: {name(kind)}
          </h3>
          <div className="row-actions">
            <button
              type="button"
              className="button primary"
              data-testid="doc-save-as"
              disabled={!ready}
              onClick={() => saveAs()}
            >
              {t("docs.saveAs")}
            </button>
            {kind === "giay-moi" ? (
              <button
                type="button"
                className="button"
                data-testid="doc-save-each"
                disabled={!ready}
                onClick={() => saveEach()}
              >
                {t("docs.saveEach")}
              </button>
            ) : null}
            <button
              type="button"
              className="button"
              data-testid="doc-print"
              disabled={!ready}
              onClick={() => print()}
            >
              {t("docs.print")}
            </button>
            <button
              type="button"
              className="button"
              data-testid="doc-export-all"
              disabled={busy}
              onClick={() => exportAll()}
            >
              {t("docs.exportAll")}
            </button>
          </div>
        </div>

        <Notices notice={notice} />
        {action.error ? <DocumentError error={action.error} /> : null}
        <ExportProgress exported={exported} name={name} onClose={() => setExported(null)} />
        {cancelling ? (
          <ConfirmDialog
            message={t("docs.cancelNumberConfirm", {
              symbol: cancelling.symbol,
              name: name(cancelling.kind),
            })}
            confirmLabel={t("docs.cancelNumber")}
            onConfirm={() => cancelNumber(cancelling)}
            onCancel={() => setCancelling(null)}
          />
        ) : null}

        <div
          className="documents-preview"
          data-testid="doc-preview"
          aria-busy={preview.state === "loading"}
        >
          {preview.state === "loading" ? (
            <p className="muted small" role="status">
              {t("docs.previewLoading")}
            </p>
          ) : null}
          {preview.state === "error" ? <DocumentError error={preview.error} /> : null}
          {(preview.state === "ready" || preview.state === "loading") && preview.bytes ? (
            <PdfPreview data={preview.bytes} label={t("docs.previewOf", { name: name(kind) })} />
          ) : null}
          {preview.state === "idle" && !numberInvalid ? (
            <p className="muted">{t("app.loading")}</p>
          ) : null}
        </div>
      </section>
    </div>
  );
}

function Notices({ notice }: { notice: Notice | null }) {
  const { t, describeError } = useI18n();
  if (!notice) return null;
  const failed = notice.kind === "savedEach" ? notice.failed : [];
  return (
    <>
      <p className="status-text break" role="status" data-testid="doc-notice">
        {notice.kind === "saved"
          ? t("docs.saved", { path: notice.path })
          : notice.kind === "savedEach"
            ? t("docs.savedEach", { count: String(notice.count), folder: notice.folder })
            : t("docs.printOpened", { path: notice.path })}
      </p>
      {failed[0] ? (
        <p className="error-text break" role="alert">
          {t("docs.savedEachFailed", {
            failed: String(failed.length),
            reason: describeError(failed[0]),
          })}
        </p>
      ) : null}
    </>
  );
}

/**
 * A backend error; "missing glyphs" (text the font cannot draw) gets a box of
 * its own, since the document cannot be made until the text is changed.
 */
export function DocumentError({ error }: { error: IpcError }) {
  const { t, describeError } = useI18n();
  if (error.kind !== "missingGlyphs") return <ErrorText error={error} />;
  return (
    <div className="glyph-alert" role="alert" data-testid="doc-missing-glyphs">
      <p className="glyph-alert-title">{t("docs.missingGlyphsTitle")}</p>
      <p className="break">{describeError(error)}</p>
      <p className="small">{t("docs.missingGlyphsHint")}</p>
    </div>
  );
}

function ExportProgress({
  exported,
  name,
  onClose,
}: {
  exported: Export | null;
  name: (kind: DocumentKind) => string;
  onClose(): void;
}) {
  const { t, describeError } = useI18n();
  if (!exported) return null;
  const total = DOCUMENT_KINDS.length;
  if (exported.state === "running") {
    return (
      <div className="export-progress" data-testid="doc-export-progress">
        <progress aria-label={t("docs.exportAll")} />
        <p className="small" role="status">
          {t("docs.exporting", { total })}
        </p>
      </div>
    );
  }
  const saved = exported.results.filter((r) => !r.error);
  return (
    <div className="export-summary" data-testid="doc-export-summary" role="status">
      <div className="section-head">
        <p className={saved.length === total ? "status-text break" : "warning-text break"}>
          {t("docs.exportDone", { saved: saved.length, total, folder: exported.folder })}
        </p>
        <button type="button" className="button small ghost" onClick={onClose}>
          {t("common.close")}
        </button>
      </div>
      <ul className="export-files">
        {exported.results.map((r) => (
          <li key={r.kind} className={r.error ? "export-failed" : "export-ok"}>
            <span className="cell-title">{name(r.kind)}</span>{" "}
            {r.error ? (
              r.error.kind === "missingGlyphs" ? (
                <DocumentError error={r.error} />
              ) : (
                <span className="error-text">{describeError(r.error)}</span>
              )
            ) : (
              <span className="muted break">{r.path}</span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
