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

const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");

const { backend, preview } = await createBackend();

createRoot(root).render(
  <StrictMode>
    <BackendProvider backend={backend}>
      <I18nProvider>
        <HashRouter>
          <App preview={preview} />
        </HashRouter>
      </I18nProvider>
    </BackendProvider>
  </StrictMode>,
);
