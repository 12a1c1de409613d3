import { act, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { I18nProvider } from "../i18n";
import { FakeBackend } from "../ipc/fake";
import { meetingInput, renderApp } from "../test/render";
import { FormDialog } from "./FormDialog";
import { flushPendingSaves } from "./pendingSaves";
import { useSubmit } from "./useSubmit";

/** An "edit person" dialog as the screens build one: FormDialog with useSubmit. */
function PersonDialog({ save, onClose }: { save(name: string): Promise<void>; onClose(): void }) {
  const [name, setName] = useState("Trần Thị Bình");
  const { submit, busy, error, setError } = useSubmit();
  return (
    <FormDialog
      title="Sửa thông tin đại biểu"
      onClose={onClose}
      onSubmit={() => {
        if (!name.trim()) {
          setError({ kind: "invalid", message: "Nhập họ và tên." });
          return false;
        }
        return submit(() => save(name), onClose);
      }}
      busy={busy}
      error={error}
      saveTestId="person-save"
    >
      <input data-testid="person-name" value={name} onChange={(e) => setName(e.target.value)} />
    </FormDialog>
  );
}

/** The dialog, open until it closes itself. */
function Screen({ save }: { save(name: string): Promise<void> }) {
  const [open, setOpen] = useState(true);
  return open ? <PersonDialog save={save} onClose={() => setOpen(false)} /> : null;
}

function setup(save: (name: string) => Promise<void>) {
  const saver = vi.fn(save);
  const user = userEvent.setup();
  render(
    <I18nProvider>
      <Screen save={saver} />
    </I18nProvider>,
  );
  return { saver, user };
}

/** What closing the window would do: resolves to whether it may close. */
async function closeWindow(): Promise<boolean> {
  let closed = false;
  await act(async () => {
    closed = await flushPendingSaves();
  });
  return closed;
}

describe("FormDialog when the window closes", () => {
  it("leaves an untouched dialog alone", async () => {
    const { saver } = setup(async () => {});
    expect(await closeWindow(), "nothing typed: the window may close").toBe(true);
    expect(saver).not.toHaveBeenCalled();
    expect(screen.getByRole("dialog")).toBeInTheDocument();
  });

  it("saves what was typed, as Save would, then lets the window close", async () => {
    const { saver, user } = setup(async () => {});
    await user.type(screen.getByTestId("person-name"), " Bích");
    expect(await closeWindow()).toBe(true);
    expect(saver).toHaveBeenCalledExactlyOnceWith("Trần Thị Bình Bích");
    expect(screen.queryByRole("dialog"), "closed after the save, as with Save").toBeNull();

    expect(await closeWindow(), "nothing left once the dialog is gone").toBe(true);
    expect(saver).toHaveBeenCalledOnce();
  });

  it("keeps the window open when the save fails, with the error in the dialog", async () => {
    let fail = true;
    const { saver, user } = setup(async () => {
      if (fail) throw { kind: "diskFull", message: "Ổ đĩa đã đầy." };
    });
    await user.type(screen.getByTestId("person-name"), " Bích");
    expect(await closeWindow(), "a failed save keeps the window open").toBe(false);
    expect(saver).toHaveBeenCalledOnce();
    const dialog = screen.getByRole("dialog");
    expect(within(dialog).getByRole("alert")).toHaveTextContent("Ổ đĩa đã đầy.");
    expect(screen.getByTestId("person-name"), "what was typed is still there").toHaveValue(
      "Trần Thị Bình Bích",
    );

    fail = false;
    expect(await closeWindow(), "the next close tries again").toBe(true);
    expect(saver).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("keeps the window open when the form refuses its own fields", async () => {
    const { saver, user } = setup(async () => {});
    await user.clear(screen.getByTestId("person-name"));
    expect(await closeWindow()).toBe(false);
    expect(saver, "nothing sent to the backend").not.toHaveBeenCalled();
    expect(within(screen.getByRole("dialog")).getByRole("alert")).toHaveTextContent(
      "Nhập họ và tên.",
    );
  });

  it("waits for a save already under way instead of saving twice", async () => {
    let finish = () => {};
    const { saver, user } = setup(
      () =>
        new Promise<void>((resolve) => {
          finish = resolve;
        }),
    );
    await user.type(screen.getByTestId("person-name"), " Bích");
    await user.click(screen.getByTestId("person-save"));
    expect(saver).toHaveBeenCalledOnce();

    let closed: boolean | null = null;
    await act(async () => {
      void flushPendingSaves().then((result) => {
        closed = result;
      });
    });
    expect(closed, "the window waits for the save under way").toBeNull();
    await act(async () => finish());
    await waitFor(() => expect(closed).toBe(true));
    expect(saver, "not saved a second time").toHaveBeenCalledOnce();
  });

  it("forgets what was typed when the dialog is cancelled", async () => {
    const { saver, user } = setup(async () => {});
    await user.type(screen.getByTestId("person-name"), " Bích");
    await user.click(screen.getByRole("button", { name: "Huỷ" }));
    expect(await closeWindow()).toBe(true);
    expect(saver).not.toHaveBeenCalled();
  });
});

describe("an edit dialog of the app when the window closes", () => {
  it("saves the person being edited", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    await backend.addParticipant(meeting.id, {
      fullName: "Trần Thị Bình",
      positionTitle: "Chuyên viên",
      unit: "Văn phòng",
      section: "",
      rank: 1,
      phone: "",
      email: "",
    });
    const { user } = renderApp(backend, `/meetings/${meeting.id}/people`);
    await user.click(await screen.findByTestId("participant-actions"));
    await user.click(screen.getByTestId("participant-edit"));
    const dialog = screen.getByRole("dialog");

    await user.clear(within(dialog).getByTestId("person-rank"));
    expect(await closeWindow(), "an invalid rank keeps the window open").toBe(false);
    expect(within(dialog).getByRole("alert")).toBeInTheDocument();

    await user.type(within(dialog).getByTestId("person-rank"), "2");
    await user.type(within(dialog).getByTestId("person-phone"), "0912 345 678");
    expect(await closeWindow()).toBe(true);
    const [saved] = await backend.listPeople("Bình");
    expect(saved).toMatchObject({ rank: 2, phone: "0912 345 678" });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  });
});
