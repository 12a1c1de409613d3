import "@fontsource/be-vietnam-pro/400.css";
import "@fontsource/be-vietnam-pro/500.css";
import "@fontsource/be-vietnam-pro/600.css";
import "@fontsource/be-vietnam-pro/700.css";
import "./styles.css";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { HashRouter } from "react-router";
import { App } from "./App";
import { I18nProvider } from "./i18n";
import { BackendProvider, createBackend } from "./ipc";
import { ProjectorScreen } from "./screens/projector/ProjectorScreen";

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const { backend, preview } = await createBackend();
// The hall screen's window opens this page with `?projector=<meeting id>`.
const projector = new URLSearchParams(window.location.search).get("projector");

createRoot(root).render(
  <StrictMode>
    <BackendProvider backend={backend}>
      <I18nProvider>
        {projector ? (
          <ProjectorScreen meetingId={projector} />
        ) : (
          <HashRouter>
            <App preview={preview} />
          </HashRouter>
        )}
      </I18nProvider>
    </BackendProvider>
  </StrictMode>,
);
