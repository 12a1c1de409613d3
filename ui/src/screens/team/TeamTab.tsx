import { useEffect, useRef, useState } from "react";
import { ErrorText } from "../../components/ErrorText";
import { Field } from "../../components/Field";
import { useLoad } from "../../components/useLoad";
import { useSubmit } from "../../components/useSubmit";
import { clockTime, formatInstant, toLocalDate } from "../../dates";
import { type MessageKey, useI18n } from "../../i18n";
import { type Meeting, type SharingState, type SyncPeer, useBackend } from "../../ipc";

/** How often the tab asks for the team's state while it is open. */
export const TEAM_REFRESH_MS = 2000;

/** What the secretary can pick as this laptop's job with one click. */
const ROLE_CHOICES: readonly MessageKey[] = [
  "team.role.door1",
  "team.role.door2",
  "team.role.door3",
  "team.role.minutes",
  "team.role.documents",
];

/**
 * "Làm việc nhóm": several laptops working on this meeting at once over the
 * office network. Sharing it gives six words (and a longer code that does
 * not lapse) to type on the others;
 * this laptop's job in the team; the other laptops and how their last
 * exchange went. Refreshed every two seconds, and at once when another
 * laptop's changes arrive (`useLoad`).
 */
export function TeamTab({ meeting }: { meeting: Meeting }) {
  const backend = useBackend();
  const { t } = useI18n();
  const state = useLoad(() => backend.sharingState(meeting.id), [backend, meeting.id]);
  const action = useSubmit();
  const { refresh } = state;

  useEffect(() => {
    const timer = setInterval(refresh, TEAM_REFRESH_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const s = state.value;
  if (!s) {
    return state.error ? (
      <ErrorText error={state.error} />
    ) : (
      <p className="muted">{t("app.loading")}</p>
    );
  }
  if (!s.shared) {
    return (
      <section className="panel team-intro" aria-labelledby="team-share-heading">
        <h2 id="team-share-heading">{t("team.shareTitle")}</h2>
        <p>{t("team.intro")}</p>
        <div>
          <button
            type="button"
            className="button primary"
            data-testid="team-share"
            disabled={action.busy}
            onClick={() =>
              void action.submit(() => backend.shareMeeting(meeting.id), state.setValue)
            }
          >
            {t("team.share")}
          </button>
        </div>
        <ErrorText error={action.error ?? state.error} />
      </section>
    );
  }
  return (
    <div className="stack">
      <Invitation state={s} onIssued={state.setValue} />
      <PairingCode state={s} />
      <RoleOfThisLaptop state={s} onSaved={state.setValue} />
      <section className="panel" aria-labelledby="team-peers-heading">
        <div className="section-head">
          <h2 id="team-peers-heading">{t("team.peersTitle")}</h2>
          <button
            type="button"
            className="button"
            data-testid="team-sync-now"
            disabled={action.busy}
            onClick={() => void action.submit(() => backend.syncNow(meeting.id), state.setValue)}
          >
            {action.busy ? t("team.syncing") : t("team.syncNow")}
          </button>
        </div>
        <ErrorText error={action.error ?? state.error} />
        <div data-testid="team-peers">
          {s.peers.length === 0 ? (
            <p className="muted">{t("team.peersEmpty")}</p>
          ) : (
            <ul className="team-peers">
              {s.peers.map((peer) => (
                <Peer key={peer.replica} peer={peer} />
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}

/**
 * The six words to read out to the secretary at the other laptop, good for
 * 30 minutes; a new invitation replaces the old one.
 */
function Invitation({
  state,
  onIssued,
}: {
  state: SharingState;
  onIssued(state: SharingState): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  const { submit, busy, error } = useSubmit();
  const until = new Date(state.invitationExpiresAt);
  return (
    <section className="panel" aria-labelledby="team-invitation-heading">
      <h2 id="team-invitation-heading">{t("team.invitationTitle")}</h2>
      <p>{t("team.invitationHelp")}</p>
      {state.invitation ? (
        <>
          <p className="team-invitation" data-testid="team-invitation" lang="vi">
            {state.invitation}
          </p>
          <p className="muted" data-testid="team-invitation-until">
            {t("team.invitationUntil", {
              time: Number.isNaN(until.getTime()) ? state.invitationExpiresAt : clockTime(until),
            })}
          </p>
        </>
      ) : (
        <p className="muted" data-testid="team-invitation-none">
          {t("team.invitationNone")}
        </p>
      )}
      <div>
        <button
          type="button"
          className="button"
          data-testid="team-invite"
          disabled={busy}
          onClick={() => void submit(() => backend.inviteToMeeting(state.meetingId), onIssued)}
        >
          {state.invitation ? t("team.inviteAgain") : t("team.invite")}
        </button>
      </div>
      <ErrorText error={error} />
    </section>
  );
}

/** The code to type on the other laptops, to copy, and where this laptop can be reached. */
function PairingCode({ state }: { state: SharingState }) {
  const { t } = useI18n();
  const code = useRef<HTMLParagraphElement>(null);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(state.pairingCode);
      setCopied("copied");
    } catch {
      // No clipboard here: the code is selected, for Ctrl+C.
      const range = document.createRange();
      if (code.current) range.selectNodeContents(code.current);
      window.getSelection()?.removeAllRanges();
      window.getSelection()?.addRange(range);
      setCopied("failed");
    }
  }

  return (
    <section className="panel" aria-labelledby="team-code-heading">
      <h2 id="team-code-heading">{t("team.codeTitle")}</h2>
      <p>{t("team.codeHelp")}</p>
      <div className="team-code-row">
        <p className="team-code" data-testid="team-code" ref={code}>
          {state.pairingCode}
        </p>
        <button
          type="button"
          className="button"
          data-testid="team-copy"
          onClick={() => void copy()}
        >
          {t("team.copy")}
        </button>
      </div>
      {copied === "copied" ? (
        <p className="status-text" role="status">
          {t("team.copied")}
        </p>
      ) : null}
      {copied === "failed" ? <p className="warning-text">{t("team.copyFailed")}</p> : null}
      {state.listening ? (
        <p className="muted break" data-testid="team-listening">
          {t("team.listening", { addresses: state.listening })}
        </p>
      ) : (
        <p className="warning-text" data-testid="team-not-listening">
          {t("team.notListening")}
        </p>
      )}
    </section>
  );
}

/**
 * The job this laptop does in the team, shown on the others. What is typed
 * stays while the state refreshes; it replaces the stored one when saved.
 */
function RoleOfThisLaptop({
  state,
  onSaved,
}: {
  state: SharingState;
  onSaved(state: SharingState): void;
}) {
  const backend = useBackend();
  const { t } = useI18n();
  // What is typed and not saved yet; null shows the stored label.
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const { submit, busy, error } = useSubmit();

  function save(label: string) {
    setSaved(false);
    void submit(
      () => backend.setSyncLabel(state.meetingId, label),
      (stored) => {
        setDraft(null);
        setSaved(true);
        onSaved(stored);
      },
    );
  }

  return (
    <section className="panel" aria-labelledby="team-role-heading">
      <h2 id="team-role-heading">{t("team.roleTitle")}</h2>
      <p className="muted">{t("team.roleHelp")}</p>
      <form
        className="team-role-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!busy) save(draft ?? state.label);
        }}
      >
        <Field label={t("team.roleLabel")}>
          <input
            data-testid="team-label"
            value={draft ?? state.label}
            placeholder={t("team.rolePlaceholder")}
            onChange={(e) => {
              setDraft(e.target.value);
              setSaved(false);
            }}
          />
        </Field>
        <button
          type="submit"
          className="button primary"
          data-testid="team-label-save"
          disabled={busy}
        >
          {busy ? t("common.saving") : t("common.save")}
        </button>
      </form>
      <div className="team-role-choices">
        <span className="muted">{t("team.roleChoices")}</span>
        {ROLE_CHOICES.map((key) => (
          <button
            key={key}
            type="button"
            className="button small"
            data-testid="team-label-choice"
            disabled={busy}
            onClick={() => save(t(key))}
          >
            {t(key)}
          </button>
        ))}
      </div>
      {saved ? (
        <p className="status-text" role="status">
          {t("common.saved")}
        </p>
      ) : null}
      <ErrorText error={error} />
    </section>
  );
}

/** "15:05" today, else the day too; in this computer's time. */
function lastSeenAt(instant: string): string {
  const d = new Date(instant);
  if (Number.isNaN(d.getTime())) return instant;
  return toLocalDate(d) === toLocalDate(new Date()) ? clockTime(d) : formatInstant(instant);
}

/** One other laptop: its job, its address, whether it is connected, its last exchange. */
function Peer({ peer }: { peer: SyncPeer }) {
  const { t } = useI18n();
  const status = peer.connected
    ? t("team.connected")
    : peer.lastSeen
      ? t("team.lastSeen", { time: lastSeenAt(peer.lastSeen) })
      : t("team.never");
  return (
    <li className="team-peer" data-testid="team-peer">
      <div className="team-peer-head">
        <strong>{peer.label || t("team.unnamed")}</strong>
        {peer.address ? <span className="muted">{peer.address}</span> : null}
        <span
          className={`badge ${peer.connected ? "status-inSession" : "status-closed"}`}
          data-testid="team-peer-state"
        >
          {status}
        </span>
      </div>
      {peer.lastSeen || peer.received || peer.sent ? (
        <p className="muted small">
          {t("team.counts", { received: peer.received, sent: peer.sent })}
        </p>
      ) : null}
      {peer.behind > 0 ? (
        <p className="small" data-testid="team-peer-behind">
          {t("team.behind", { n: peer.behind })}
        </p>
      ) : null}
      {peer.lastError ? (
        <p className="warning-text" data-testid="team-peer-error">
          {peer.lastError}
        </p>
      ) : null}
    </li>
  );
}
