import { useEffect, useState } from "react";
import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { notifyDataChanged } from "./components/dataChanged";
import { ErrorText } from "./components/ErrorText";
import { flushPendingSaves } from "./components/pendingSaves";
import { useSubmit } from "./components/useSubmit";
import { useI18n } from "./i18n";
import { beforeClose, onDatabaseLost, onSynced, useBackend } from "./ipc";
import { MeetingsList } from "./screens/meetings/MeetingsList";
import { Workspace } from "./screens/meetings/Workspace";
import { SettingsScreen } from "./screens/settings/SettingsScreen";

export function App({ preview = false }: { preview?: boolean }) {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const inSettings = useLocation().pathname === "/settings";
  // Another laptop's changes were merged: the screens open load again (see `useLoad`).
  useEffect(() => onSynced(({ meetingId }) => notifyDataChanged(meetingId)), []);
  return (
    <div className="app">
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">{t("app.name")}</span>
          <span className="brand-tagline">{t("app.tagline")}</span>
        </div>
        <nav className="topbar-actions" aria-label={t("app.nav")}>
          <button
            type="button"
            className="button ghost on-dark"
            data-testid="open-settings"
            aria-current={inSettings ? "page" : undefined}
            onClick={() => navigate("/settings")}
          >
            {t("settings.title")}
          </button>
          <button
            type="button"
            className="button ghost on-dark"
            data-testid="lang-switch"
            aria-label={t("lang.switchLabel")}
            lang={lang === "vi" ? "en" : "vi"}
            onClick={() => setLang(lang === "vi" ? "en" : "vi")}
          >
            {t("lang.switch")}
          </button>
        </nav>
      </header>
      <SafetyBanners />
      {preview ? (
        <p className="preview-banner" role="note">
          {t("app.preview")}
        </p>
      ) : null}
      <main className="main">
        <Routes>
          <Route path="/" element={<MeetingsList />} />
          <Route path="/settings" element={<SettingsScreen />} />
          <Route path="/meetings/:meetingId" element={<Navigate to="info" replace />} />
          <Route path="/meetings/:meetingId/:tab" element={<Workspace />} />
          <Route path="*" element={<Navigate to="/" replace />} />
        </Routes>
      </main>
    </div>
  );
}

/**
 * What must not be missed: the database file vanished while open (edits are
 * refused; offer the rescue copy), or the window could not close because
 * something typed could not be saved.
 */
function SafetyBanners() {
  const { t } = useI18n();
  const backend = useBackend();
  const [lost, setLost] = useState<string | null>(null);
  const [closeBlocked, setCloseBlocked] = useState(false);
  const [rescued, setRescued] = useState<string | null>(null);
  const rescue = useSubmit();

  useEffect(() => onDatabaseLost(setLost), []);
  useEffect(
    () =>
      beforeClose(async () => {
        const saved = await flushPendingSaves();
        setCloseBlocked(!saved);
        return saved;
      }),
    [],
  );

  if (!lost && !closeBlocked) return null;
  return (
    <div className="alert-banner" role="alert" data-testid="safety-banner">
      {lost ? (
        <>
          <p>
            <strong>{t("app.lostTitle")}</strong>
          </p>
          <p className="break">{lost}</p>
          <button
            type="button"
            className="button"
            data-testid="rescue-copy"
            disabled={rescue.busy}
            onClick={() =>
              void rescue.submit(
                () => backend.saveRescueCopy(),
                (name) => {
                  if (name) setRescued(name);
                },
              )
            }
          >
            {t("app.lostRescue")}
          </button>
          {rescued ? <p role="status">{t("app.lostRescued", { name: rescued })}</p> : null}
          <ErrorText error={rescue.error} />
        </>
      ) : null}
      {closeBlocked ? <p>{t("app.closeBlocked")}</p> : null}
    </div>
  );
}
