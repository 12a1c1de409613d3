// End-to-end: the secretary's first minutes with HoiNghi, in the real window.

import assert from "node:assert/strict";
import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";

import {
  answerFileDialog,
  byTestId,
  click,
  freshDataDir,
  launch,
  newMeeting,
  openMeeting,
  type,
  waitForText,
} from "./support.mjs";

const DEMO_TITLE = "Hội nghị giao ban công tác tuyên giáo thành phố 9 tháng năm 2022";

test("a fresh data folder opens on the demo conference", async () => {
  const { browser, close } = await launch(freshDataDir());
  try {
    await waitForText(browser, byTestId("meeting-row"), DEMO_TITLE);
    const title = await browser.getTitle();
    assert.ok(title.length > 0, "the window has a title");
  } finally {
    await close();
  }
});

test("a meeting, its agenda item and a delegate survive closing and reopening the app", async () => {
  const dataDir = freshDataDir();
  const meeting = "Hội nghị kiểm thử đầu cuối";
  const item = "Khai mạc hội nghị";
  const person = "Nguyễn Văn Kiểm";

  let app = await launch(dataDir);
  try {
    const { browser } = app;
    await newMeeting(browser, meeting);

    await click(browser, "tab-agenda");
    await click(browser, "agenda-add");
    await type(browser, "agenda-title", item);
    await type(browser, "agenda-duration", "20");
    await click(browser, "agenda-save");
    await waitForText(browser, byTestId("agenda-row"), item);

    await click(browser, "tab-people");
    await click(browser, "person-add");
    await type(browser, "person-name", person);
    await click(browser, "person-save");
    await waitForText(browser, byTestId("participant-row"), person);
  } finally {
    await app.close();
  }

  app = await launch(dataDir);
  try {
    const { browser } = app;
    await waitForText(browser, byTestId("meeting-row"), meeting);
    await openMeeting(browser, meeting);
    await click(browser, "tab-agenda");
    await waitForText(browser, byTestId("agenda-row"), item);
    await click(browser, "tab-people");
    await waitForText(browser, byTestId("participant-row"), person);
  } finally {
    await app.close();
  }
});

test("the documents tab previews an official PDF of the demo meeting", async () => {
  const { browser, close } = await launch(freshDataDir());
  try {
    await waitForText(browser, byTestId("meeting-row"), DEMO_TITLE);
    await click(browser, "meeting-open");
    await click(browser, "tab-documents");
    await click(browser, "doc-thong-bao");
    await waitForText(browser, byTestId("pdf-page-count"), "2");
    const pages = await browser.$$(byTestId("pdf-page"));
    assert.ok(pages.length >= 1, "the preview draws the pages of the real PDF");

    // The generated trích yếu can be edited, and the edit is kept.
    const subject = browser.$(byTestId("doc-field-subject"));
    await subject.waitForDisplayed({ timeout: 15_000 });
    assert.match(await subject.getValue(), /^kết luận của đồng chí Trưởng Ban/);
    await subject.addValue(" (đã sửa)");
    await browser.$(byTestId("doc-field-edited-subject")).waitForDisplayed({ timeout: 15_000 });
  } finally {
    await close();
  }
});

test("a new meeting asks which body issues its documents, then previews them", async () => {
  const { browser, close } = await launch(freshDataDir());
  try {
    await newMeeting(browser, "Hội nghị chọn cơ quan ban hành");
    await click(browser, "tab-documents");
    // The demo's body is never a new meeting's by itself: the tab asks first.
    await waitForText(browser, byTestId("doc-choose-issuer"), "do cơ quan nào ban hành");
    await waitForText(browser, byTestId("doc-issuer-select"), "BAN TUYÊN GIÁO");
    await click(browser, "doc-issuer-use");
    await waitForText(browser, byTestId("doc-issuer"), "Cơ quan ban hành: BAN TUYÊN GIÁO");
    await waitForText(browser, byTestId("pdf-page-count"), "trang");
  } finally {
    await close();
  }
});

test("Print hands a real PDF of the minutes to the system's viewer", async () => {
  // A stand-in for the desktop's "open with the default application" command,
  // which records what it was asked to open.
  const bin = freshDataDir();
  const opened = path.join(bin, "opened.txt");
  const opener = path.join(bin, "xdg-open");
  writeFileSync(opener, `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`);
  chmodSync(opener, 0o755);
  const { browser, close } = await launch(freshDataDir(), { PATH: `${bin}:${process.env.PATH}` });
  try {
    await waitForText(browser, byTestId("meeting-row"), DEMO_TITLE);
    await click(browser, "meeting-open");
    await click(browser, "tab-documents");
    await click(browser, "doc-bien-ban");
    await waitForText(browser, byTestId("pdf-page-count"), "3");
    await click(browser, "doc-print");
    await waitForText(browser, byTestId("doc-notice"), ".pdf");
    await browser.waitUntil(async () => existsSync(opened), {
      timeout: 10_000,
      timeoutMsg: "the system viewer was never asked to open anything",
    });
    const file = readFileSync(opened, "utf8");
    assert.match(file, /bien-ban-.*\.pdf$/, "the viewer gets the minutes' PDF");
    assert.equal(readFileSync(file).subarray(0, 5).toString(), "%PDF-", "and the file is a PDF");
  } finally {
    await close();
  }
});

test("the counts at the door and the settings page come from the real core", async () => {
  const dataDir = freshDataDir();
  const { browser, close } = await launch(dataDir);
  try {
    await waitForText(browser, byTestId("meeting-row"), DEMO_TITLE);
    await click(browser, "meeting-open");
    await click(browser, "tab-people");
    // The demo lists 40 people; the minute-taker is staff, not a delegate, so
    // 39 delegates: 36 came (one of them left early), 3 were absent.
    await waitForText(browser, byTestId("count-total"), "39");
    await waitForText(browser, byTestId("count-present"), "36");
    await waitForText(browser, byTestId("count-left"), "1");
    await waitForText(browser, byTestId("count-absent"), "3");

    await click(browser, "open-settings");
    await waitForText(browser, byTestId("app-database-path"), path.join(dataDir, "hoinghi.db"));
    await click(browser, "back-to-meetings");
    await waitForText(browser, byTestId("meeting-row"), DEMO_TITLE);
  } finally {
    await close();
  }
});

test("minutes typed just before the window closes are saved, and there after a restart", async () => {
  const dataDir = freshDataDir();
  const typed = `Kết luận ghi lúc đóng cửa sổ ${Date.now()}`;
  let app = await launch(dataDir);
  try {
    const { browser } = app;
    await waitForText(browser, byTestId("meeting-row"), DEMO_TITLE);
    await click(browser, "meeting-open");
    // The demo meeting is over and its records are locked: reopen it first.
    await click(browser, "meeting-reopen");
    await type(browser, "meeting-reopen-reason", "Bổ sung kết luận");
    await click(browser, "meeting-reopen-save");
    await waitForText(browser, byTestId("meeting-history"), "Bổ sung kết luận");
    await click(browser, "tab-minutes");
    await click(browser, "minutes-entry");
    await type(browser, "minutes-text", typed);
    // Close at once, well inside the 500 ms autosave pause, as the window's
    // close button does (a close request the page may answer).
    await browser.execute(() => {
      window.__TAURI_INTERNALS__.invoke("plugin:window|close", { label: "main" });
    });
    // The app exits after the flush; its exit backup shows it went all the way.
    const backups = path.join(dataDir, "backups");
    const deadline = Date.now() + 15_000;
    while (!(existsSync(backups) && readdirSync(backups).some((n) => n.endsWith("-close.db")))) {
      if (Date.now() > deadline) throw new Error("the app did not close and back up");
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await app.close().catch(() => {});
  }

  app = await launch(dataDir);
  try {
    const { browser } = app;
    await waitForText(browser, byTestId("meeting-row"), DEMO_TITLE);
    await click(browser, "meeting-open");
    await click(browser, "tab-minutes");
    await waitForText(browser, byTestId("minutes-entry"), typed);
  } finally {
    await app.close();
  }
});

test("at the door: people checked in by typing and by a scanner, one undone, all there after a restart", async () => {
  const dataDir = freshDataDir();
  const meeting = "Hội nghị điểm danh đầu cuối";
  const people = [
    ["Nguyễn Văn An", "Quận uỷ Ba Đình"],
    ["Trần Văn Bình", "Sở Tài chính"],
    ["Lê Thị Cúc", "Huyện uỷ Đông Anh"],
    ["Phạm Minh Đức", "Báo Hà Nội mới"],
  ];
  let app = await launch(dataDir);
  try {
    const { browser } = app;
    await newMeeting(browser, meeting);
    await click(browser, "tab-people");
    for (const [name, unit] of people) {
      await click(browser, "person-add");
      await type(browser, "person-name", name);
      await type(browser, "person-unit", unit);
      await click(browser, "person-save");
      await waitForText(browser, byTestId("participant-row"), name);
    }

    await click(browser, "checkin-open");
    const search = browser.$(byTestId("checkin-search"));
    await search.waitForDisplayed({ timeout: 15_000 });
    // Typed as secretaries type: without marks, by initials, by word beginnings.
    for (const [query, name] of [
      ["nguyen van an", "Nguyễn Văn An"],
      ["tvb", "Trần Văn Bình"],
      ["le c", "Lê Thị Cúc"],
    ]) {
      await search.setValue(query);
      await waitForText(browser, byTestId("checkin-result"), name);
      await browser.keys("Enter");
      await waitForText(browser, byTestId("checkin-confirm"), name);
    }

    // A scanner types the code fast and ends with Enter.
    await search.setValue("pham minh duc");
    await waitForText(browser, byTestId("checkin-result"), "Phạm Minh Đức");
    const row = await browser.$(byTestId("checkin-result")).getText();
    const code = row.match(/Mã\s+([0-9A-Z]{8})/)?.[1];
    assert.ok(code, `the result shows a code: ${row}`);
    // Typed in one burst, as a scanner does, then Enter. (Whether the mode
    // takes it as a scan depends on the timing here; the detector itself is
    // tested in scanner.test.ts. Either way an exact code is that person.)
    await search.clearValue();
    await search.addValue(code);
    await browser.keys("Enter");
    await waitForText(browser, byTestId("checkin-confirm"), "Phạm Minh Đức");

    // The same code again records nothing.
    await search.addValue(code);
    await browser.keys("Enter");
    await waitForText(browser, byTestId("checkin-confirm"), "giữ nguyên giờ đến");

    // Lê Thị Cúc was checked in by mistake: undone (the newest but one).
    const recent = await browser.$$(byTestId("checkin-recent"));
    let undone = false;
    for (const entry of recent) {
      if ((await entry.getText()).includes("Lê Thị Cúc")) {
        await entry.$(byTestId("checkin-undo")).click();
        undone = true;
        break;
      }
    }
    assert.ok(undone, "Lê Thị Cúc is among the recent check-ins");
    await waitForText(browser, byTestId("checkin-counts"), "Có mặt 3/4");
    await click(browser, "checkin-close");
  } finally {
    await app.close();
  }

  app = await launch(dataDir);
  try {
    const { browser } = app;
    await waitForText(browser, byTestId("meeting-row"), meeting);
    await openMeeting(browser, meeting);
    await click(browser, "tab-people");
    await waitForText(browser, byTestId("count-present"), "3");
    await waitForText(browser, byTestId("count-pending"), "1");
  } finally {
    await app.close();
  }
});

test("the meeting as it runs: an item started, entries with a speaker, a vote, a conclusion, the hall screen, all there after a restart, then locked", async () => {
  const dataDir = freshDataDir();
  const meeting = "Hội nghị ghi biên bản đầu cuối";
  let app = await launch(dataDir);
  try {
    const { browser } = app;
    await newMeeting(browser, meeting);
    await click(browser, "tab-people");
    for (const [name, title] of [
      ["Nguyễn Văn An", "Trưởng Ban"],
      ["Trần Thị Bình", "Chánh Văn phòng"],
    ]) {
      await click(browser, "person-add");
      await type(browser, "person-name", name);
      await type(browser, "person-position", title);
      await click(browser, "person-save");
      await waitForText(browser, byTestId("participant-row"), name);
    }
    await click(browser, "tab-agenda");
    for (const title of ["Báo cáo kết quả quý IV", "Thảo luận và kết luận"]) {
      await click(browser, "agenda-add");
      await type(browser, "agenda-title", title);
      await click(browser, "agenda-save");
      await waitForText(browser, byTestId("agenda-row"), title);
    }

    await click(browser, "tab-minutes");
    await waitForText(browser, byTestId("agenda-run-item"), "Báo cáo kết quả quý IV");
    await browser.$(byTestId("agenda-start")).click();
    await waitForText(
      browser,
      '[data-testid="agenda-run-item"][aria-current="step"]',
      "Báo cáo kết quả quý IV",
    );

    // Two entries, each with its speaker found by a few letters.
    for (const [query, name, said] of [
      ["tran b", "Trần Thị Bình", "trình bày kết quả công tác quý IV."],
      ["nguyen an", "Nguyễn Văn An", "đề nghị các phòng hoàn thành kế hoạch trước 31/12."],
    ]) {
      await click(browser, "minutes-new");
      await type(browser, "minutes-speaker", query);
      await waitForText(browser, byTestId("speaker-suggestion"), name);
      await browser.$(byTestId("speaker-suggestion")).click();
      // The usual opening words are offered; the secretary goes on typing.
      await waitForText(browser, byTestId("minutes-text"), `Đồng chí ${name}`);
      await browser.$(byTestId("minutes-text")).addValue(said);
      await waitForText(browser, byTestId("minutes-save-status"), "Đã lưu");
    }
    // The second is the chair's conclusion (Alt+K does the same).
    await click(browser, "minutes-mark-conclusion");
    await waitForText(browser, byTestId("minutes-save-status"), "Đã lưu");

    await click(browser, "vote-add");
    await type(browser, "vote-question", "Thông qua kế hoạch công tác quý I");
    await type(browser, "vote-present", "2");
    await type(browser, "vote-for", "2");
    await click(browser, "vote-save");
    await waitForText(browser, byTestId("vote-row"), "Thông qua kế hoạch công tác quý I");

    // The hall screen follows the running item.
    const main = await browser.getWindowHandle();
    await click(browser, "open-projector");
    let projector = null;
    await browser.waitUntil(
      async () => {
        projector = (await browser.getWindowHandles()).find((h) => h !== main) ?? null;
        return projector !== null;
      },
      { timeout: 15_000, timeoutMsg: "no projector window" },
    );
    await browser.switchToWindow(projector);
    await waitForText(browser, byTestId("projector-current"), "Báo cáo kết quả quý IV");
    await waitForText(browser, byTestId("projector-title"), meeting);
    assert.equal((await browser.$$("button")).length, 0, "the hall screen has no controls");
    await browser.switchToWindow(main);
  } finally {
    await app.close();
  }

  app = await launch(dataDir);
  try {
    const { browser } = app;
    await waitForText(browser, byTestId("meeting-row"), meeting);
    await openMeeting(browser, meeting);
    await click(browser, "tab-minutes");
    await waitForText(browser, byTestId("minutes-entry"), "trình bày kết quả công tác quý IV.");
    await waitForText(browser, byTestId("minutes-entry"), "hoàn thành kế hoạch trước 31/12.");
    await waitForText(browser, byTestId("minutes-entry"), "Kết luận");
    await waitForText(browser, byTestId("vote-row"), "Thông qua kế hoạch công tác quý I");
    await waitForText(
      browser,
      '[data-testid="agenda-run-item"][aria-current="step"]',
      "Báo cáo kết quả quý IV",
    );

    // The meeting ends: its records are locked, and every tab says so.
    await click(browser, "tab-info");
    await click(browser, "meeting-close");
    await browser.$('[role="dialog"] button.danger').click();
    await waitForText(browser, byTestId("meeting-history"), "kết thúc hội nghị, khoá hồ sơ");
    await click(browser, "tab-minutes");
    await waitForText(browser, byTestId("locked-banner"), "đã được khoá");
  } finally {
    await app.close();
  }
});

test("a delegate list typed years ago with .VnTime comes in through the wizard as Unicode; another, fixed in the wizard, goes into the directory", async () => {
  const dataDir = freshDataDir();
  const meeting = "Hội nghị nhập danh sách đầu cuối";
  const file = path.resolve("crates/import/tests/fixtures/tcvn3.csv");
  const app = await launch(dataDir);
  try {
    const { browser } = app;
    await newMeeting(browser, meeting);
    await click(browser, "tab-people");
    await click(browser, "list-files");
    await click(browser, "import-list");
    // The native file dialog: typed into as a secretary would (Ctrl+L, the path, Enter).
    await answerFileDialog("Chọn tệp danh sách đại biểu", file);

    const wizard = byTestId("import-wizard");
    await waitForText(browser, wizard, "TCVN3 (ABC, .VnTime)");
    await waitForText(browser, wizard, "«NguyÔn V¨n An» → «Nguyễn Văn An»");
    await waitForText(browser, byTestId("import-row"), "Đặng Quốc Việt");
    await waitForText(browser, byTestId("import-counts"), "Sẽ thêm 5");
    await click(browser, "import-apply");
    await waitForText(browser, byTestId("import-result"), "thêm 5");
    for (const name of ["Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Đặng Quốc Việt"]) {
      await waitForText(browser, byTestId("participant-row"), name);
    }
    await waitForText(browser, byTestId("participant-row"), "Quận uỷ Ba Đình");

    // A second list, into the directory only; its row 5 has no name, typed in the wizard.
    await click(browser, "list-files");
    await click(browser, "import-directory");
    await answerFileDialog(
      "Chọn tệp danh sách đại biểu",
      path.resolve("tests/contract/picked-list.csv"),
    );
    await waitForText(browser, wizard, "Nhập danh bạ từ tệp");
    await waitForText(browser, byTestId("import-problems"), "Dòng 5: Thiếu họ và tên.");
    const fixes = await browser.$$(byTestId("import-fix"));
    await fixes[0].click();
    await type(browser, "import-fix-value", "Đỗ Thị Mai");
    await click(browser, "import-fix-save");
    await waitForText(browser, byTestId("import-fixed-count"), "Đã sửa 1 ô");
    await waitForText(browser, byTestId("import-row"), "Đỗ Thị Mai");
    await click(browser, "import-apply");
    await waitForText(browser, byTestId("import-directory-result"), "vào danh bạ");
    const listed = await browser.$$(byTestId("participant-row"));
    assert.equal(listed.length, 5, "nobody from the directory file is invited");
    await click(browser, "invite-open");
    await waitForText(browser, byTestId("invite-option"), "Đỗ Thị Mai");
    await waitForText(browser, byTestId("invite-option"), "Nguyễn Văn Tuấn");
  } finally {
    await app.close();
  }
});
