/**
 * Everything on screen that holds typed text not yet written (autosaving
 * editors) registers here, so that closing the window can save it all first.
 */
type Flusher = () => Promise<boolean>;

const flushers = new Set<Flusher>();

/** Registers `flush` (resolving to false when something could not be saved); returns the unregister. */
export function registerPendingSave(flush: Flusher): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}

/** Saves everything still waiting; resolves to true only if all of it was saved. */
export async function flushPendingSaves(): Promise<boolean> {
  const results = await Promise.all([...flushers].map((flush) => flush().catch(() => false)));
  return results.every(Boolean);
}
