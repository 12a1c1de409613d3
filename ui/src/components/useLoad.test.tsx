import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { MeetingScope, notifyDataChanged } from "./dataChanged";
import { useLoad } from "./useLoad";

let mounts = 0;

/** A screen's part: what it loaded, and a field being typed in. */
function Probe({ load, shown }: { load: () => Promise<string>; shown: (string | null)[] }) {
  const [mount] = useState(() => {
    mounts += 1;
    return mounts;
  });
  const data = useLoad(load, []);
  const [typed, setTyped] = useState("");
  shown.push(data.value);
  return (
    <div>
      <span data-testid="value">{data.value ?? "Đang tải…"}</span>
      <span data-testid="mount">{mount}</span>
      {data.error ? <span role="alert">{data.error.message}</span> : null}
      <input data-testid="typed" value={typed} onChange={(e) => setTyped(e.target.value)} />
      <button type="button" onClick={() => data.setValue("set here")}>
        set
      </button>
    </div>
  );
}

describe("useLoad", () => {
  it("loads again quietly when another laptop's changes arrive, without remounting", async () => {
    let stored = "v1";
    const load = vi.fn(async () => stored);
    const shown: (string | null)[] = [];
    const user = userEvent.setup();
    render(<Probe load={load} shown={shown} />);
    expect(await screen.findByText("v1")).toBeInTheDocument();
    const mount = screen.getByTestId("mount").textContent;
    await user.type(screen.getByTestId("typed"), "đang gõ");

    stored = "v2";
    const before = shown.length;
    act(() => notifyDataChanged("any meeting"));
    expect(await screen.findByText("v2")).toBeInTheDocument();
    expect(load).toHaveBeenCalledTimes(2);
    expect(shown.slice(before), "the old value stays until the new one comes").not.toContain(null);
    expect(screen.getByTestId("mount").textContent, "not remounted").toBe(mount);
    expect(screen.getByTestId("typed"), "what is typed stays").toHaveValue("đang gõ");
  });

  it("inside a meeting, follows that meeting's changes only", async () => {
    const load = vi.fn(async () => "v");
    render(
      <MeetingScope.Provider value="m1">
        <Probe load={load} shown={[]} />
      </MeetingScope.Provider>,
    );
    await screen.findByText("v");
    act(() => notifyDataChanged("m2"));
    await new Promise((r) => setTimeout(r, 20));
    expect(load).toHaveBeenCalledTimes(1);
    act(() => notifyDataChanged("m1"));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
  });

  it("keeps the value shown when a quiet load fails, and shows why", async () => {
    let fail = false;
    const load = vi.fn(async () => {
      if (fail) throw { kind: "storage", message: "Ổ đĩa bận." };
      return "v1";
    });
    render(<Probe load={load} shown={[]} />);
    await screen.findByText("v1");
    fail = true;
    act(() => notifyDataChanged("m1"));
    expect(await screen.findByRole("alert")).toHaveTextContent("Ổ đĩa bận.");
    expect(screen.getByTestId("value")).toHaveTextContent("v1");
    fail = false;
    act(() => notifyDataChanged("m1"));
    await waitFor(() => expect(screen.queryByRole("alert")).not.toBeInTheDocument());
  });

  it("drops a load's answer when the screen set a newer value meanwhile, and loads again", async () => {
    const answers: ((value: string) => void)[] = [];
    const load = vi.fn(() => new Promise<string>((resolve) => answers.push(resolve)));
    const user = userEvent.setup();
    render(<Probe load={load} shown={[]} />);
    await waitFor(() => expect(answers).toHaveLength(1));
    answers[0]?.("v1");
    await screen.findByText("v1");

    act(() => notifyDataChanged("m1"));
    await waitFor(() => expect(answers).toHaveLength(2));
    await user.click(screen.getByText("set"));
    expect(screen.getByTestId("value")).toHaveTextContent("set here");
    await act(async () => answers[1]?.("read before the save"));
    expect(screen.getByTestId("value"), "the older answer is dropped").toHaveTextContent(
      "set here",
    );
    await waitFor(() => expect(answers).toHaveLength(3));
    await act(async () => answers[2]?.("read after the save"));
    expect(screen.getByTestId("value")).toHaveTextContent("read after the save");
  });
});
