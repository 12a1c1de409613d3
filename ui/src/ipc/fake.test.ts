import { describe, expect, it } from "vitest";
import { meetingInput } from "../test/render";
import type { PersonInput } from "./bindings";
import { DEFAULT_ORGANISATION, FakeBackend } from "./fake";

function personInput(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    fullName: "Nguyễn Văn An",
    positionTitle: "Chuyên viên",
    unit: "Văn phòng",
    section: "Các phòng",
    rank: 1,
    phone: "",
    email: "",
    ...overrides,
  };
}

describe("FakeBackend.updatePerson", () => {
  it("refuses an empty name and leaves the person unchanged", async () => {
    const backend = new FakeBackend();
    const person = await backend.createPerson(personInput());
    await expect(backend.updatePerson(person.id, personInput({ fullName: "   " }))).rejects.toEqual(
      { kind: "invalid", message: "Họ và tên không được để trống." },
    );
    await expect(
      backend.updatePerson(person.id, personInput({ email: "an.vanphong" })),
    ).rejects.toMatchObject({ kind: "invalid" });
    expect(await backend.listPeople("")).toEqual([person]);
  });

  it("saves every field trimmed, keeps id and check-in code, and shows in every meeting", async () => {
    const backend = new FakeBackend();
    const first = await backend.createMeeting(meetingInput());
    const second = await backend.createMeeting(meetingInput({ title: "Sơ kết" }));
    const [invited] = await backend.addParticipant(first.id, personInput());
    if (!invited) throw new Error("no participant");
    const person = invited.person;
    await backend.invitePeople(second.id, [person.id]);

    const updated = await backend.updatePerson(
      person.id,
      personInput({
        fullName: " Nguyễn Văn Ân ",
        positionTitle: " Phó Trưởng ban ",
        unit: "Ban Tuyên giáo",
        section: "Lãnh đạo Ban",
        rank: 0,
        phone: " 0912 345 678 ",
        email: " an@example.vn ",
      }),
    );
    expect(updated).toEqual({
      id: person.id,
      checkinCode: person.checkinCode,
      isDemo: false,
      fullName: "Nguyễn Văn Ân",
      positionTitle: "Phó Trưởng ban",
      unit: "Ban Tuyên giáo",
      section: "Lãnh đạo Ban",
      rank: 0,
      phone: "0912 345 678",
      email: "an@example.vn",
    });
    for (const meeting of [first, second]) {
      const [participant] = await backend.listParticipants(meeting.id);
      expect(participant?.person).toEqual(updated);
    }
  });

  it("reports an unknown person as not found", async () => {
    const backend = new FakeBackend();
    await expect(backend.updatePerson("person-404", personInput())).rejects.toMatchObject({
      kind: "notFound",
    });
  });
});

describe("FakeBackend.updateOrganisation", () => {
  const valid = {
    ...DEFAULT_ORGANISATION,
    name: "BAN TUYÊN GIÁO THÀNH UỶ",
    abbreviation: "BTGTU",
    placeName: "Hà Nội",
  };

  it("accepts a whole authority line in either spelling and stores the full name", async () => {
    const backend = new FakeBackend();
    const saved = await backend.updateOrganisation({
      ...valid,
      fullName: " Ban Tuyên giáo Thành uỷ Hà Nội ",
      signingPrefix: "T/M BAN THƯỜNG VỤ",
    });
    expect(saved).toMatchObject({
      fullName: "Ban Tuyên giáo Thành uỷ Hà Nội",
      signingPrefix: "T/M BAN THƯỜNG VỤ",
    });
    expect(await backend.getOrganisation()).toEqual(saved);
  });

  it("refuses what the core refuses", async () => {
    const backend = new FakeBackend();
    await expect(backend.updateOrganisation({ ...valid, name: " " })).rejects.toEqual({
      kind: "invalid",
      message: "Tên cơ quan ban hành không được để trống.",
    });
    await expect(
      backend.updateOrganisation({ ...valid, abbreviation: "BTG TU" }),
    ).rejects.toMatchObject({ kind: "invalid" });
    await expect(
      backend.updateOrganisation({ ...valid, timeZone: "Sao Hoả/Không có" }),
    ).rejects.toMatchObject({ kind: "invalid" });
    await expect(
      backend.updateOrganisation({ ...valid, fullName: "x".repeat(501) }),
    ).rejects.toMatchObject({ kind: "invalid" });
  });
});

describe("FakeBackend document wording", () => {
  const options = {
    profile: "nd30" as const,
    number: null,
    issuedOn: null,
    listAttendance: false,
    listSignatures: false,
  };

  it("offers fields worded from the meeting, and keeps an edit per meeting and document", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput({ title: "Hội nghị sơ kết" }));
    const fields = await backend.documentFields(meeting.id, "giay-moi", options);
    expect(fields.map((f) => f.key)).toEqual(["subject", "invitation", "closing", "recipients"]);
    expect(fields[0]).toEqual({
      key: "subject",
      label: "Trích yếu",
      text: "V/v mời dự hội nghị sơ kết",
      generated: "V/v mời dự hội nghị sơ kết",
      edited: false,
      multiline: false,
    });
    expect(fields.find((f) => f.key === "recipients")?.multiline).toBe(true);

    await backend.setDocumentText(meeting.id, "giay-moi", "subject", "  V/v mời họp  ");
    const [subject] = await backend.documentFields(meeting.id, "giay-moi", options);
    expect(subject).toMatchObject({
      text: "V/v mời họp",
      generated: "V/v mời dự hội nghị sơ kết",
      edited: true,
    });
    const [other] = await backend.documentFields(meeting.id, "bien-ban", options);
    expect(other, "other documents keep their own wording").toMatchObject({ edited: false });

    await backend.resetDocumentText(meeting.id, "giay-moi", "subject");
    const [restored] = await backend.documentFields(meeting.id, "giay-moi", options);
    expect(restored).toMatchObject({ text: "V/v mời dự hội nghị sơ kết", edited: false });
    await expect(
      backend.resetDocumentText(meeting.id, "giay-moi", "subject"),
      "nothing left to restore",
    ).rejects.toMatchObject({ kind: "notFound" });
  });

  it("refuses what the core refuses", async () => {
    const backend = new FakeBackend();
    const meeting = await backend.createMeeting(meetingInput());
    await expect(backend.setDocumentText(meeting.id, "giay-moi", " ", "x")).rejects.toMatchObject({
      kind: "invalid",
    });
    await expect(
      backend.setDocumentText(meeting.id, "giay-moi", "subject", "x".repeat(50_001)),
    ).rejects.toMatchObject({ kind: "invalid" });
    await expect(
      backend.setDocumentText("meeting-404", "giay-moi", "subject", "x"),
    ).rejects.toMatchObject({ kind: "notFound" });
    await expect(
      backend.documentFields(meeting.id, "giay-moi", { ...options, number: 0 }),
    ).rejects.toMatchObject({ kind: "invalid" });
  });
});
