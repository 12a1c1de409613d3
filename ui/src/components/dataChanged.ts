import { createContext, useContext, useEffect, useLayoutEffect, useRef } from "react";

/**
 * "The stored data of meeting X changed, and not by this window": another
 * laptop's changes were merged into it (`onSynced`, bridged in `App`).
 * `useLoad` listens, and loads again quietly.
 */
type Listener = (meetingId: string) => void;

const listeners = new Set<Listener>();

export function notifyDataChanged(meetingId: string): void {
  for (const listener of [...listeners]) listener(meetingId);
}

/** Calls `listener` with the meeting id at each change; returns the function that stops it. */
export function onDataChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/**
 * The meeting a part of the page shows (the workspace's): its loads follow
 * changes to that meeting only. Outside it (the list of meetings, settings)
 * they follow changes to any meeting.
 */
export const MeetingScope = createContext<string | null>(null);

/**
 * Calls `listener` whenever the meeting on screen (`MeetingScope`; any meeting
 * outside a workspace) changed underneath, the way `useLoad` loads again.
 */
export function useDataChanged(listener: () => void): void {
  const scope = useContext(MeetingScope);
  const latest = useRef(listener);
  useLayoutEffect(() => {
    latest.current = listener;
  });
  useEffect(
    () =>
      onDataChanged((meetingId) => {
        if (scope === null || scope === meetingId) latest.current();
      }),
    [scope],
  );
}
