// @vitest-environment node
import { describe, expect, it } from "vitest";
import { blankOrganisation } from "../screens/settings/OrganisationForm";
import { meetingInput } from "../test/render";
import type { Organisation } from "./bindings";
import { FakeBackend } from "./fake";

const PARTY: Organisation = {
  ...blankOrganisation(),
  parentName: "THÀNH UỶ HÀ NỘI",
  name: "BAN TUYÊN GIÁO",
  fullName: "Ban Tuyên giáo Thành uỷ Hà Nội",
  abbreviation: "BTGTU",
  placeName: "Hà Nội",
  kind: "party",
  headVacant: false,
  signerName: "Bùi Huyền Mai",
  signerTitle: "TRƯỞNG BAN",
  signingPrefix: "",
  timeZone: "Asia/Ho_Chi_Minh",
};

const STATE: Organisation = {
  ...PARTY,
  parentName: "UỶ BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI",
  name: "SỞ NỘI VỤ",
  fullName: "Sở Nội vụ Hà Nội",
  abbreviation: "SNV",
  kind: "state",
  signerName: "Lê Văn Dũng",
};

/** A backend of `organisation` (its only body) with two meetings in December 2026. */
async function setup(organisation: Organisation) {
  const backend = new FakeBackend();
  const body = await backend.saveOrganisation(organisation);
  const first = await backend.createMeeting(
    meetingInput({
      title: " Hội nghị giao ban quý IV ",
      startsAt: "2026-12-10T08:00",
      endsAt: "2026-12-10T11:30",
      chairName: "Nguyễn Văn An",
      organisationId: body.id,
    }),
  );
  const second = await backend.createMeeting(
    meetingInput({
      title: "Hội nghị sơ kết",
      startsAt: "2026-12-20T08:00",
      endsAt: "2026-12-20T11:30",
    }),
  );
  return { backend, body, first, second };
}

describe("the fake's register of outgoing documents", () => {
  it("numbers a state body's documents in one run per year, NĐ30 style", async () => {
    const { backend, first, second } = await setup(STATE);
    const invitation = await backend.issueDocumentNumber(first.id, "giay-moi", null, "2026-12-03");
    expect(invitation).toMatchObject({
      meetingId: first.id,
      kind: "giay-moi",
      series: "2026",
      number: 1,
      issuedOn: "2026-12-03",
      symbol: "01/GM-SNV",
      summary: "Giấy mời – Hội nghị giao ban quý IV",
      signer: "Lê Văn Dũng",
    });
    expect(
      await backend.issueDocumentNumber(first.id, "bien-ban", null, "2026-12-10"),
      "the minutes are signed by the chair",
    ).toMatchObject({ series: "2026", number: 2, symbol: "02/BB-SNV", signer: "Nguyễn Văn An" });
    expect(
      await backend.issueDocumentNumber(second.id, "thong-bao", null, "2027-01-04"),
      "a new year starts from 01",
    ).toMatchObject({ series: "2027", number: 1, symbol: "01/TB-SNV" });
  });

  it("keeps no term for a state body, like the core", async () => {
    const { backend, body, first } = await setup({ ...STATE, termStart: "2026-12-05" });
    expect(body.termStart).toBe("");
    expect(
      (await backend.saveOrganisation({ ...body, termStart: "15/12/2026" })).termStart,
      "not even checked: a state body's is dropped",
    ).toBe("");
    expect((await backend.listOrganisations())[0]?.termStart).toBe("");
    expect(
      await backend.issueDocumentNumber(first.id, "giay-moi", null, "2026-12-10"),
    ).toMatchObject({ series: "2026", number: 1 });
  });

  it("numbers a Party body's documents per type, from the term's start when one is set", async () => {
    const { backend, body, first, second } = await setup(PARTY);
    await backend.updateFormatSettings({
      ...(await backend.getFormatSettings()),
      partyInvitationAbbreviation: "GMời",
    });
    expect(
      await backend.issueDocumentNumber(first.id, "giay-moi", null, "2026-12-03"),
    ).toMatchObject({ series: "GM", number: 1, symbol: "01-GMời/BTGTU", signer: "Bùi Huyền Mai" });
    expect(
      await backend.issueDocumentNumber(first.id, "thong-bao", null, "2026-12-14"),
    ).toMatchObject({ series: "TB", number: 1, symbol: "01-TB/BTGTU" });
    expect(
      await backend.issueDocumentNumber(second.id, "giay-moi", null, "2026-12-13"),
    ).toMatchObject({ series: "GM", number: 2, symbol: "02-GMời/BTGTU" });

    const termed = await backend.saveOrganisation({ ...body, termStart: " 2026-12-15 " });
    expect(termed.termStart).toBe("2026-12-15");
    expect((await backend.listOrganisations())[0]?.termStart).toBe("2026-12-15");
    expect(
      await backend.issueDocumentNumber(second.id, "thong-bao", null, "2026-12-24"),
      "a new term starts from 01",
    ).toMatchObject({ series: "TB từ 2026-12-15", number: 1, symbol: "01-TB/BTGTU" });
    expect(
      await backend.issueDocumentNumber(second.id, "bao-cao", null, "2026-12-14"),
    ).toMatchObject({ series: "BC trước 2026-12-15", number: 1 });

    for (const wrong of ["15/12/2026", "2025-02-29"]) {
      await expect(backend.saveOrganisation({ ...termed, termStart: wrong })).rejects.toEqual({
        kind: "invalid",
        message: "Ngày bắt đầu nhiệm kỳ phải là một ngày hợp lệ hoặc để trống.",
      });
    }
    expect((await backend.listOrganisations())[0]?.termStart, "nothing saved").toBe("2026-12-15");
    const untermed = await backend.saveOrganisation({ ...termed, termStart: "" });
    expect(untermed.termStart, "empty: one run per type").toBe("");
    expect(
      await backend.issueDocumentNumber(second.id, "bien-ban", null, "2026-12-24"),
    ).toMatchObject({ series: "BB", number: 1 });
  });

  it("keeps a document's number when its date changes within the series", async () => {
    const { backend, body, first, second } = await setup(PARTY);
    await backend.issueDocumentNumber(first.id, "giay-moi", null, "2026-12-03");
    await backend.issueDocumentNumber(second.id, "giay-moi", null, "2026-12-13");
    const again = await backend.issueDocumentNumber(first.id, "giay-moi", null, "2026-12-04");
    expect(again).toMatchObject({ number: 1, issuedOn: "2026-12-04", symbol: "01-GM/BTGTU" });
    expect(await backend.documentNumbers(first.id)).toEqual([again]);
    expect((await backend.documentRegister(body.id)).map((n) => n.symbol)).toEqual([
      "01-GM/BTGTU",
      "02-GM/BTGTU",
    ]);
  });

  it("refuses a number another document of the series has, saying which", async () => {
    const { backend, first, second } = await setup(PARTY);
    await backend.issueDocumentNumber(first.id, "bao-cao", 7, "2026-12-11");
    await expect(
      backend.issueDocumentNumber(second.id, "bao-cao", 7, "2026-12-21"),
    ).rejects.toEqual({
      kind: "invalid",
      message: "Số 07 đã cấp cho “Báo cáo – Hội nghị giao ban quý IV” (ngày 2026-12-11).",
    });
    expect(await backend.documentNumbers(second.id), "nothing is given").toEqual([]);
    expect(
      await backend.issueDocumentNumber(second.id, "thong-bao", 7, "2026-12-21"),
      "another type is another series",
    ).toMatchObject({ number: 7 });
    expect(
      await backend.issueDocumentNumber(first.id, "bao-cao", 7, "2026-12-12"),
      "a document may keep its own number",
    ).toMatchObject({ number: 7, issuedOn: "2026-12-12" });
  });

  it("refuses the danh sách, a date that is not one, number 0 and an unknown meeting", async () => {
    const { backend, first } = await setup(PARTY);
    await expect(
      backend.issueDocumentNumber(first.id, "danh-sach", null, "2026-12-03"),
    ).rejects.toEqual({
      kind: "invalid",
      message:
        "Danh sách đại biểu không có số riêng: nó mang số của giấy mời hoặc biên bản đi kèm.",
    });
    await expect(
      backend.issueDocumentNumber(first.id, "giay-moi", null, "3/12/2026"),
    ).rejects.toEqual({ kind: "invalid", message: "Ngày ban hành phải là một ngày hợp lệ." });
    await expect(
      backend.issueDocumentNumber(first.id, "giay-moi", 0, "2026-12-03"),
    ).rejects.toEqual({ kind: "invalid", message: "Số văn bản bắt đầu từ 01." });
    await backend.deleteMeeting(first.id);
    await expect(
      backend.issueDocumentNumber(first.id, "giay-moi", null, "2026-12-03"),
    ).rejects.toMatchObject({ kind: "notFound" });
  });

  it("never gives a cancelled number again", async () => {
    const { backend, body, first, second } = await setup(PARTY);
    await backend.issueDocumentNumber(first.id, "bao-cao", null, "2026-12-11");
    expect(await backend.cancelDocumentNumber(first.id, "bao-cao")).toBeNull();
    expect(await backend.cancelDocumentNumber(first.id, "bao-cao"), "none left: no error").toBe(
      null,
    );
    expect(await backend.documentNumbers(first.id)).toEqual([]);
    expect(await backend.documentRegister(body.id)).toEqual([]);
    expect(
      await backend.issueDocumentNumber(second.id, "bao-cao", null, "2026-12-21"),
    ).toMatchObject({ number: 2, symbol: "02-BC/BTGTU" });
  });

  it("keeps a changed number in the register as cancelled, so it counts for the next", async () => {
    const { backend, body, first, second } = await setup({ ...PARTY, termStart: "2026-12-05" });
    const before = await backend.issueDocumentNumber(first.id, "giay-moi", null, "2026-12-03");
    expect(before).toMatchObject({ series: "GM trước 2026-12-05", number: 1 });
    const after = await backend.issueDocumentNumber(first.id, "giay-moi", null, "2026-12-06");
    expect(after, "the same line, in the new term's series").toMatchObject({
      id: before.id,
      series: "GM từ 2026-12-05",
      number: 1,
    });
    expect(await backend.documentRegister(body.id)).toEqual([after]);
    expect(
      await backend.issueDocumentNumber(second.id, "giay-moi", null, "2026-12-04"),
      "01 of the old series was given",
    ).toMatchObject({ series: "GM trước 2026-12-05", number: 2 });

    await backend.issueDocumentNumber(first.id, "giay-moi", 5, "2026-12-06");
    await backend.cancelDocumentNumber(second.id, "giay-moi");
    expect(
      await backend.issueDocumentNumber(second.id, "giay-moi", null, "2026-12-13"),
    ).toMatchObject({ series: "GM từ 2026-12-05", number: 6 });
  });

  it("lists the register by date, then series and number, and saves it where asked", async () => {
    const { backend, body, first, second } = await setup(STATE);
    await backend.issueDocumentNumber(second.id, "giay-moi", null, "2026-12-13");
    await backend.issueDocumentNumber(first.id, "bao-cao", null, "2026-12-11");
    await backend.issueDocumentNumber(first.id, "giay-moi", 9, "2026-12-03");
    const register = await backend.documentRegister(body.id);
    expect(register.map((n) => [n.issuedOn, n.symbol])).toEqual([
      ["2026-12-03", "09/GM-SNV"],
      ["2026-12-11", "02/BC-SNV"],
      ["2026-12-13", "01/GM-SNV"],
    ]);
    expect(await backend.documentNumbers(first.id)).toEqual(
      register.filter((n) => n.meetingId === first.id),
    );

    backend.savePathChoice = () => null;
    expect(await backend.saveRegister(body.id)).toBeNull();
    expect(backend.savedRegisters).toEqual([]);
    backend.savePathChoice = (name) => `/home/thuky/${name}`;
    expect(await backend.saveRegister(body.id)).toMatch(/^so-van-ban-di-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(backend.savedRegisters[0]?.entries).toEqual(register);
  });

  it("keeps one register per body, and a number keeps the body and signer it was issued with", async () => {
    const { backend, body: party, first, second } = await setup(PARTY);
    expect(second.organisationId, "a new meeting issues as the body last used").toBe(party.id);
    const state = await backend.saveOrganisation(STATE);
    await backend.updateMeeting(second.id, second.updatedAt, {
      ...meetingInput({
        title: "Hội nghị sơ kết",
        startsAt: "2026-12-20T08:00",
        endsAt: "2026-12-20T11:30",
      }),
      organisationId: state.id,
      signerName: "Đỗ Văn Quang",
      signerTitle: "PHÓ GIÁM ĐỐC",
      signingPrefix: "k/t giám đốc",
    });
    expect(
      await backend.issueDocumentNumber(first.id, "giay-moi", null, "2026-12-03"),
    ).toMatchObject({ organisationId: party.id, symbol: "01-GM/BTGTU", signer: "Bùi Huyền Mai" });
    expect(
      await backend.issueDocumentNumber(second.id, "giay-moi", null, "2026-12-13"),
      "each body numbers from 01, signed by the meeting's own signer",
    ).toMatchObject({ organisationId: state.id, symbol: "01/GM-SNV", signer: "Đỗ Văn Quang" });
    expect((await backend.documentRegister(party.id)).map((n) => n.symbol)).toEqual([
      "01-GM/BTGTU",
    ]);
    expect((await backend.documentRegister(state.id)).map((n) => n.symbol)).toEqual(["01/GM-SNV"]);

    await backend.saveOrganisation({ ...party, kind: "state" });
    const byDate = {
      profile: null,
      number: null,
      issuedOn: null,
      list: "delegates" as const,
      invitation: "generic" as const,
    };
    expect(
      (await backend.documentFormat(first.id, "giay-moi", byDate)).profile,
      "numbered while the body was a Party one",
    ).toBe("hd05");
    expect((await backend.documentFormat(first.id, "danh-sach", byDate)).profile).toBe("hd05");
    expect(
      (await backend.documentFormat(first.id, "chuong-trinh", byDate)).profile,
      "not numbered: the body as it is now",
    ).toBe("nd30");
  });

  it("refuses to number or make documents for a meeting without a body", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    expect(meeting.organisationId, "no body to default to").toBeNull();
    const refusal = {
      kind: "invalid",
      message:
        "Hội nghị chưa có cơ quan ban hành: hãy chọn hoặc khai báo cơ quan ban hành trước khi làm văn bản.",
    };
    await expect(
      backend.issueDocumentNumber(meeting.id, "giay-moi", null, "2030-02-25"),
    ).rejects.toEqual(refusal);
    await expect(
      backend.documentFields(meeting.id, "bien-ban", {
        profile: null,
        number: null,
        issuedOn: null,
        list: "delegates",
        invitation: "generic",
      }),
    ).rejects.toEqual(refusal);
  });
});
