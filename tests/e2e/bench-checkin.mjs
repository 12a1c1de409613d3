// The door's round trip in the real app at 20,000 delegates: what a check-in
// and a search cost from the page, through IPC, to the store and back (goal:
// a check-in under 50 ms). Not a test (node --test skips this file); run it
// after `cargo xtask test` has built the end-to-end app and the CLI:
//
//   HOINGHI_APP=$CARGO_TARGET_DIR/e2e/hoinghi HOINGHI_CLI=$CARGO_TARGET_DIR/debug/hoinghi-cli \
//   TAURI_DRIVER=$(which tauri-driver) xvfb-run -a node tests/e2e/bench-checkin.mjs

import { execFileSync } from "node:child_process";
import path from "node:path";

import { freshDataDir, launch } from "./support.mjs";

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 20_000);
const ROUNDS = 60;

const dataDir = freshDataDir();
execFileSync(process.env.HOINGHI_CLI ?? "hoinghi-cli", [
  "demo",
  "--db",
  path.join(dataDir, "hoinghi.db"),
  "--extra-delegates",
  String(PEOPLE),
]);
const { browser, close } = await launch(dataDir);
try {
  await browser.setTimeout({ script: 55_000 });
  // Each call stays well under the driver's 60 s request limit.
  const run = (script, ...args) => browser.executeAsync(script, ...args);
  const setUp = await run(async (rounds, done) => {
    const invoke = window.__TAURI_INTERNALS__.invoke;
    const [{ meeting }] = await invoke("list_meetings");
    // The demo is a closed meeting: reopened, as a secretary would.
    if (meeting.status === "closed") {
      await invoke("reopen_meeting", { id: meeting.id, reason: "Đo thời gian điểm danh" });
    }
    const list = await invoke("list_participants", { meetingId: meeting.id });
    const ids = list
      .filter((p) => p.role !== "staff")
      .slice(-rounds)
      .map((p) => p.person.id);
    done({ meetingId: meeting.id, listed: list.length, ids });
  }, ROUNDS);
  // The demo's people have their attendance: those to check in are cleared
  // first (not timed), as "Xoá điểm danh" does; each clear answers the whole
  // list, so a few at a time.
  for (let i = 0; i < setUp.ids.length; i += 10) {
    await run(
      async (meetingId, ids, done) => {
        for (const personId of ids) {
          await window.__TAURI_INTERNALS__.invoke("record_attendance", {
            meetingId,
            personId,
            kind: "cleared",
            reason: "",
            at: null,
          });
        }
        done(null);
      },
      setUp.meetingId,
      setUp.ids.slice(i, i + 10),
    );
  }
  const result = await run(
    async (meetingId, ids, done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      const time = async (f) => {
        const t = performance.now();
        await f();
        return performance.now() - t;
      };
      // The first call reads the list and builds the search index.
      const first = await time(() =>
        invoke("search_participants", { meetingId, query: "nguyen", limit: 8 }),
      );
      const checkIn = [];
      for (const personId of ids) {
        checkIn.push(await time(() => invoke("check_in", { meetingId, personId })));
      }
      const search = [];
      for (const q of ["nguyen van", "tvb", "ng v tu", "hoang thi", "le minh", "pham"]) {
        for (let i = 0; i < 5; i++) {
          search.push(
            await time(() => invoke("search_participants", { meetingId, query: q, limit: 8 })),
          );
        }
      }
      done({ first, checkIn, search });
    },
    setUp.meetingId,
    setUp.ids,
  );
  result.listed = setUp.listed;
  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))].toFixed(1);
    return `median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${at(1)} ms (n=${s.length})`;
  };
  console.log(`people on the list: ${result.listed}`);
  console.log(`first search (reads the list, builds the index): ${result.first.toFixed(1)} ms`);
  console.log(`check-in round trip: ${stats(result.checkIn)}`);
  console.log(`search round trip: ${stats(result.search)}`);
} finally {
  await close();
}
