// @vitest-environment node
import { describe, expect, it } from "vitest";
import { blankOrganisation } from "../screens/settings/OrganisationForm";
import { meetingInput } from "../test/render";
import type { DocumentOptions, Organisation } from "./bindings";
import { FAKE_PRINT_PATH, FakeBackend } from "./fake";
import { samplePdf } from "./fakePdf";

const OPTIONS = {
  profile: "nd30" as const,
  number: null,
  issuedOn: null,
  list: "delegates" as const,
  invitation: "generic" as const,
};

const STATE_BODY: Organisation = {
  ...blankOrganisation(),
  parentName: "UỶ BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
  name: "SỞ NỘI VỤ",
  fullName: "Sở Nội vụ Hà Nội",
  abbreviation: "SNV",
  placeName: "Hà Nội",
  kind: "state",
  headVacant: false,
  signerName: "Lê Văn Dũng",
  signerTitle: "GIÁM ĐỐC",
  signingPrefix: "",
  timeZone: "Asia/Ho_Chi_Minh",
};

/** A backend with one state body and a meeting it issues, on 2030-03-04. */
async function setup() {
  const backend = new FakeBackend();
  const body = await backend.saveOrganisation(STATE_BODY);
  const meeting = await backend.createMeeting(meetingInput({ organisationId: body.id }));
  return { backend, body, meeting };
}

async function textOf(bytes: Uint8Array): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    stopAtErrors: true,
    verbosity: 0,
  }).promise;
  const page = await doc.getPage(1);
  const content = await page.getTextContent();
  const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text };
}

describe("the fake's sample PDF", () => {
  it("opens in pdf.js as one A4 page with its text", async () => {
    const bytes = samplePdf(["Biên bản", "(Giao ban) \\ tháng 3"]);
    expect(new TextDecoder().decode(bytes.slice(0, 8))).toBe("%PDF-1.4");
    const { pages, text } = await textOf(bytes);
    expect(pages).toBe(1);
    expect(text).toContain("Bien ban");
    expect(text).toContain("(Giao ban) \\ thang 3");
  });
});

describe("FakeBackend documents", () => {
  it("renders each document, and saves and prints it", async () => {
    const { backend, meeting } = await setup();
    const bytes = await backend.renderDocument(meeting.id, "danh-sach", {
      ...OPTIONS,
      number: 7,
      list: "attendance",
    });
    const { text } = await textOf(bytes);
    expect(text).toContain("Danh sach dai bieu");
    expect(text).toContain("So: 7");
    expect(text).toContain("Danh sach: attendance");

    backend.savePathChoice = () => "/tmp/bien-ban.pdf";
    expect(await backend.saveDocument(meeting.id, "bien-ban", OPTIONS)).toBe("bien-ban.pdf");
    expect(backend.savedDocuments).toEqual([
      { meetingId: meeting.id, kind: "bien-ban", options: OPTIONS, path: "/tmp/bien-ban.pdf" },
    ]);
    expect(await backend.printDocument(meeting.id, "bien-ban", OPTIONS)).toBe(FAKE_PRINT_PATH);
  });

  it("prints the edited trích yếu, and refuses an edit the font cannot draw", async () => {
    const { backend, meeting } = await setup();
    expect(
      (await textOf(await backend.renderDocument(meeting.id, "bien-ban", OPTIONS))).text,
    ).toContain("Trich yeu: Bien ban giao ban thang 3");
    await backend.setDocumentText(meeting.id, "bien-ban", "subject", "Biên bản họp mở rộng");
    expect(
      (await textOf(await backend.renderDocument(meeting.id, "bien-ban", OPTIONS))).text,
    ).toContain("Trich yeu: Bien ban hop mo rong");
    await expect(
      backend.setDocumentText(meeting.id, "bien-ban", "closing", "Xong 🎉"),
      "refused when typed, like the core",
    ).rejects.toMatchObject({ kind: "invalid", message: expect.stringContaining("🎉") });
  });

  it("follows the issuing body's kind and the document's date when no format is chosen", async () => {
    const { backend, body, meeting } = await setup();
    const byDate = { ...OPTIONS, profile: null };
    expect(await backend.documentFormat(meeting.id, "bien-ban", byDate)).toEqual({
      profile: "nd30",
      issuedOn: "2030-03-04",
      byDate: true,
      dateKept: false,
    });
    expect(
      (await textOf(await backend.renderDocument(meeting.id, "bien-ban", byDate))).text,
    ).toContain("The thuc: ND30");

    await backend.saveOrganisation({
      ...body,
      name: "BAN TUYÊN GIÁO",
      abbreviation: "BTG",
      kind: "party",
    });
    expect(await backend.documentFormat(meeting.id, "giay-moi", byDate)).toEqual({
      profile: "hd05",
      issuedOn: "2030-02-25",
      byDate: true,
      dateKept: false,
    });
    const early = { ...byDate, issuedOn: "2026-05-26" };
    expect(await backend.documentFormat(meeting.id, "thong-bao", early)).toMatchObject({
      profile: "hd36",
      issuedOn: "2026-05-26",
    });
    expect(
      (await textOf(await backend.renderDocument(meeting.id, "thong-bao", early))).text,
    ).toContain("The thuc: HD36");
    expect(await backend.documentFormat(meeting.id, "bao-cao", OPTIONS)).toEqual({
      profile: "nd30",
      issuedOn: "2030-03-05",
      byDate: false,
      dateKept: false,
    });
    await expect(
      backend.documentFormat(meeting.id, "danh-sach", { ...byDate, issuedOn: "2026-02-30" }),
    ).rejects.toEqual({ kind: "invalid", message: "Ngày ban hành không hợp lệ." });
  });

  it("prints the registered number and date when the options leave both out", async () => {
    const { backend, meeting } = await setup();
    await backend.issueDocumentNumber(meeting.id, "giay-moi", 4, "2030-02-20");
    await backend.issueDocumentNumber(meeting.id, "bien-ban", 9, "2030-03-04");
    const byDate: DocumentOptions = { ...OPTIONS, profile: null };
    const text = async (kind: "giay-moi" | "danh-sach", options = byDate) =>
      (await textOf(await backend.renderDocument(meeting.id, kind, options))).text;

    expect(await text("giay-moi")).toContain("So: 4");
    expect(await text("giay-moi")).toContain("Ngay ban hanh: 2030-02-20");
    expect(await backend.documentFormat(meeting.id, "giay-moi", byDate)).toMatchObject({
      issuedOn: "2030-02-20",
    });
    expect(await text("danh-sach"), "the list sent with the giấy mời").toContain("So: 4");
    expect(await text("danh-sach", { ...byDate, list: "attendance" })).toContain("So: 9");
    expect(await text("danh-sach", { ...byDate, list: "sign-in" })).toContain("So: ...");
    expect(await text("giay-moi", { ...byDate, number: 12 }), "a chosen number wins").toContain(
      "So: 12",
    );
    expect(
      await backend.documentFormat(meeting.id, "giay-moi", { ...byDate, issuedOn: "2030-02-21" }),
    ).toMatchObject({ issuedOn: "2030-02-21" });
  });

  it("refuses to make a document of a meeting that has no issuing body", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    await expect(backend.renderDocument(meeting.id, "bien-ban", OPTIONS)).rejects.toEqual({
      kind: "invalid",
      message:
        "Hội nghị chưa có cơ quan ban hành: hãy chọn hoặc khai báo cơ quan ban hành trước khi làm văn bản.",
    });
    await expect(backend.saveDocument(meeting.id, "bien-ban", OPTIONS)).rejects.toMatchObject({
      kind: "invalid",
    });
    expect(backend.savedDocuments, "nothing is written").toEqual([]);
  });

  it("refuses a title with characters the font cannot draw, naming them", async () => {
    const backend = new FakeBackend();
    await expect(
      backend.createMeeting(meetingInput({ title: "Giao ban 🎉 tháng 3" })),
    ).rejects.toMatchObject({ kind: "invalid", message: expect.stringContaining("🎉") });
  });
});
