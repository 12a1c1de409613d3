// Drives the real HoiNghi window: tauri-driver (WebDriver front) starts
// WebKitWebDriver, which starts the app binary with a data folder of our own.

import { execFileSync, spawn } from "node:child_process";
import { closeSync, mkdirSync, mkdtempSync, openSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { remote } from "webdriverio";

const APP = process.env.HOINGHI_APP;
const DRIVER = process.env.TAURI_DRIVER ?? "tauri-driver";
/**
 * tauri-driver's port, and WebKitWebDriver's (which it starts and passes the
 * session on to) one above it. Each launch takes the next pair: the
 * WebKitWebDriver of the launch before can hold its port for a moment after
 * it was told to stop, and a new one on that port fails to start.
 */
const FIRST_PORT = 4444;
let launches = 0;
const ARTIFACTS = path.join(import.meta.dirname, ".artifacts");

export function freshDataDir() {
  return mkdtempSync(path.join(tmpdir(), "hoinghi-e2e-"));
}

function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = net.connect(port, "127.0.0.1");
      socket.once("connect", () => {
        socket.end();
        resolve();
      });
      socket.once("error", () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listens on port ${port}`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });
}

/** Starts the app on `dataDir` (with extra environment variables for the app);
 * returns the WebDriver browser and a `close()`. */
export async function launch(dataDir, env = {}) {
  if (!APP)
    throw new Error("HOINGHI_APP must name the app binary (run through `cargo xtask test`)");
  // The driver, WebKitWebDriver and the app run in a process group of their
  // own, writing to a log file rather than to this process's pipes: if any of
  // them outlived a test, it could otherwise keep the test runner waiting.
  const port = FIRST_PORT + 2 * (launches++ % 100);
  const nativePort = port + 1;
  mkdirSync(ARTIFACTS, { recursive: true });
  const log = openSync(path.join(ARTIFACTS, "driver.log"), "a");
  const driver = spawn(DRIVER, ["--port", String(port), "--native-port", String(nativePort)], {
    env: { ...process.env, ...env, HOINGHI_DATA_DIR: dataDir },
    stdio: ["ignore", log, log],
    detached: true,
  });
  closeSync(log);
  const exited = new Promise((r) => driver.once("exit", r));
  // Both listening before a session is asked for: on a busy machine
  // WebKitWebDriver can take seconds to start, longer than wdio's retries.
  await waitForPort(port, 15_000);
  await waitForPort(nativePort, 15_000);
  const browser = await remote({
    hostname: "127.0.0.1",
    port,
    logLevel: "warn",
    connectionRetryTimeout: 60_000,
    capabilities: {
      "tauri:options": { application: APP },
      "wdio:enforceWebDriverClassic": true,
    },
  });
  const close = async () => {
    try {
      await browser.deleteSession();
    } finally {
      await stopGroup(driver.pid, exited);
    }
  };
  return { browser, close };
}

/** Ends a process group: politely, then for sure. */
async function stopGroup(pid, exited) {
  const signal = (sig) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // Already gone.
    }
  };
  signal("SIGTERM");
  const timeout = new Promise((r) => setTimeout(r, 5_000, "timeout"));
  if ((await Promise.race([exited, timeout])) === "timeout") signal("SIGKILL");
  signal("SIGKILL"); // WebKitWebDriver or the app may outlive the driver itself.
}

export const byTestId = (id) => `[data-testid="${id}"]`;

/** Waits until some element matching `selector` contains `text`. */
export async function waitForText(browser, selector, text, timeout = 15_000) {
  try {
    await waitUntilText(browser, selector, text, timeout);
  } catch (e) {
    await keepScreenshot(browser, `no-${text}`);
    throw e;
  }
}

/** Saves what the window shows, for a failing test, under tests/e2e/.artifacts/. */
async function keepScreenshot(browser, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name.replace(/[^\p{L}\p{N}]+/gu, "-")}.png`);
  await browser.saveScreenshot(file).catch(() => {});
  console.error(`screenshot: ${file}`);
}

async function waitUntilText(browser, selector, text, timeout) {
  await browser.waitUntil(
    async () => {
      for (const el of await browser.$$(selector)) {
        if ((await el.getProperty("textContent")).normalize("NFC").includes(text.normalize("NFC")))
          return true;
      }
      return false;
    },
    { timeout, timeoutMsg: `no ${selector} showed "${text}" within ${timeout} ms` },
  );
}

export async function click(browser, id) {
  const el = browser.$(byTestId(id));
  await el.waitForClickable({ timeout: 15_000 });
  await el.click();
}

/** From the meeting list (the demo shown), creates a meeting and opens it. */
export async function newMeeting(browser, title) {
  await waitForText(browser, byTestId("meeting-row"), "Hội nghị giao ban");
  await click(browser, "new-meeting");
  await type(browser, "meeting-title", title);
  await click(browser, "meeting-save");
}

/** Opens the meeting whose row shows `title` in the meeting list. */
export async function openMeeting(browser, title) {
  for (const row of await browser.$$(byTestId("meeting-row"))) {
    if ((await row.getProperty("textContent")).includes(title)) {
      await row.$(byTestId("meeting-open")).click();
      return;
    }
  }
  throw new Error(`no meeting "${title}" in the list`);
}

export async function type(browser, id, value) {
  const el = browser.$(byTestId(id));
  await el.waitForDisplayed({ timeout: 15_000 });
  await el.clearValue();
  await el.setValue(value);
}

/**
 * Answers the native GTK file dialog titled `title` with `file`, with the
 * keys a person would press (xdotool, in the tests' virtual display).
 */
export async function answerFileDialog(title, file) {
  const xdotool = (...args) => execFileSync("xdotool", args, { encoding: "utf8" }).trim();
  const deadline = Date.now() + 15_000;
  let window = "";
  while (!window) {
    try {
      // Only a dialog on screen: one answered before may linger unmapped.
      window = xdotool("search", "--onlyvisible", "--name", title).split("\n")[0];
    } catch {
      // Not open yet.
    }
    if (!window) {
      if (Date.now() > deadline) throw new Error(`no file dialog "${title}"`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  // Let it finish drawing and take the keyboard.
  await new Promise((r) => setTimeout(r, 700));
  // No window manager here: give the dialog the keyboard directly.
  xdotool("windowfocus", "--sync", window);
  xdotool("key", "--window", window, "ctrl+l");
  await new Promise((r) => setTimeout(r, 300));
  xdotool("type", "--window", window, "--delay", "15", file);
  await new Promise((r) => setTimeout(r, 300));
  xdotool("key", "--window", window, "Return");
}
