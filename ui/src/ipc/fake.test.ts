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
