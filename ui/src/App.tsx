import { Navigate, Route, Routes, useLocation, useNavigate } from "react-router";
import { useI18n } from "./i18n";
import { MeetingsList } from "./screens/meetings/MeetingsList";
import { Workspace } from "./screens/meetings/Workspace";
import { SettingsScreen } from "./screens/settings/SettingsScreen";

export function App({ preview = false }: { preview?: boolean }) {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  const inSettings = useLocation().pathname === "/settings";
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
