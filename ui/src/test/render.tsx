import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter } from "react-router";
import { App } from "../App";
import { I18nProvider } from "../i18n";
import { BackendProvider } from "../ipc";
import type { MeetingInput } from "../ipc/bindings";
import { FakeBackend } from "../ipc/fake";

/** Renders the whole app over a fake backend, starting at `path`. */
export function renderApp(backend = new FakeBackend(), path = "/", userOptions = {}) {
  const user = userEvent.setup(userOptions);
  const result = render(
    <BackendProvider backend={backend}>
      <I18nProvider>
        <MemoryRouter initialEntries={[path]}>
          <App />
        </MemoryRouter>
      </I18nProvider>
    </BackendProvider>,
  );
  return { user, backend, ...result };
}

export function meetingInput(overrides: Partial<MeetingInput> = {}): MeetingInput {
  return {
    title: "Giao ban tháng 3",
    kind: "giaoBan",
    startsAt: "2030-03-04T08:00",
    endsAt: "2030-03-04T11:30",
    venue: "Phòng họp số 1",
    chairName: "",
    chairTitle: "",
    secretaryName: "",
    secretaryTitle: "",
    organisationId: null,
    signerName: "",
    signerTitle: "",
    signingPrefix: "",
    notes: "",
    status: "draft",
    ...overrides,
  };
}
