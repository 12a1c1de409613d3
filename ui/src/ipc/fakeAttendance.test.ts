// @vitest-environment node
import { describe, expect, it } from "vitest";
import { meetingInput } from "../test/render";
import type { Participant } from "./bindings";
import { FakeBackend } from "./fake";

/** A meeting at 08:00 on 1 Dec 2026 with `people` ([name, section]), the clock at `now`. */
async function meetingWith(people: [string, string][], now = "2026-12-01T08:20") {
  const backend = new FakeBackend({ now: () => new Date(now) });
  const meeting = await backend.createMeeting(
    meetingInput({ startsAt: "2026-12-01T08:00", endsAt: "2026-12-01T11:30" }),
  );
  const ids: Record<string, string> = {};
  for (const [rank, [fullName, section]] of people.entries()) {
    const list = await backend.addParticipant(meeting.id, {
      fullName,
      positionTitle: "Chuyên viên",
      unit: "Sở Tài chính",
      section,
      rank,
      phone: "",
      email: "",
    });
    const added = list.find((p) => p.person.fullName === fullName);
    if (!added) throw new Error(`${fullName} was not added`);
    ids[fullName] = added.person.id;
  }
  const of = (list: Participant[], name: string) => {
    const found = list.find((p) => p.person.fullName === name);
    if (!found) throw new Error(`${name} is not listed`);
    return found;
  };
  return { backend, meeting, ids, of };
}

async function kind(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (e) {
    return (e as { kind: string }).kind;
  }
}

describe("the fake's substitutes (Db::set_substitute)", () => {
  it("records who attends in a delegate's place, cleaned, and clears both with an empty name", async () => {
    const { backend, meeting, ids, of } = await meetingWith([["Phạm Văn D", ""]]);
    const id = ids["Phạm Văn D"] as string;
    expect(of(await backend.listParticipants(meeting.id), "Phạm Văn D")).toMatchObject({
      substituteName: "",
      substituteTitle: "",
    });

    let list = await backend.setSubstitute(meeting.id, id, "  Lê Thị E ", " Phó Giám đốc ");
    expect(of(list, "Phạm Văn D")).toMatchObject({
      substituteName: "Lê Thị E",
      substituteTitle: "Phó Giám đốc",
      state: "invited",
    });

    // The seat is taken when the deputy arrives: the invitee's own event.
    list = await backend.recordAttendance(meeting.id, id, "arrived", "", "2026-12-01T07:58");
    expect(of(list, "Phạm Văn D")).toMatchObject({ state: "present", substituteName: "Lê Thị E" });

    list = await backend.setSubstitute(meeting.id, id, " ", "Phó Giám đốc");
    expect(of(list, "Phạm Văn D")).toMatchObject({
      substituteName: "",
      substituteTitle: "",
      state: "present",
    });
  });

  it("refuses a name or title too long, an unknown meeting and someone not on the list", async () => {
    const { backend, meeting, ids } = await meetingWith([["Phạm Văn D", ""]]);
    const id = ids["Phạm Văn D"] as string;
    expect(await kind(backend.setSubstitute(meeting.id, id, "x".repeat(10_000), ""))).toBe(
      "invalid",
    );
    expect(await kind(backend.setSubstitute(meeting.id, id, "Lê Thị E", "x".repeat(10_000)))).toBe(
      "invalid",
    );
    // Without a name the title is not looked at: it is dropped.
    expect(await kind(backend.setSubstitute(meeting.id, id, "", "x".repeat(10_000)))).toBe("ok");
    expect(await kind(backend.setSubstitute("no-such-meeting", id, "X", ""))).toBe("notFound");
    expect(await kind(backend.setSubstitute(meeting.id, "nobody", "X", ""))).toBe("notFound");
  });
});

describe("the fake's whole-group check-in (Db::mark_section_present)", () => {
  it("marks the group's unmarked people at the typed time and leaves everyone else alone", async () => {
    const { backend, meeting, ids, of } = await meetingWith([
      ["Nguyễn Văn A", "Báo chí"],
      ["Trần Văn B", "Báo chí"],
      ["Lê Văn C", " Báo chí "],
      ["Phạm Văn D", "Đại biểu cơ sở"],
      ["Hoàng Văn E", ""],
    ]);
    await backend.recordAttendance(meeting.id, ids["Trần Văn B"] as string, "absent", "Ốm", null);
    await backend.recordAttendance(
      meeting.id,
      ids["Lê Văn C"] as string,
      "arrived",
      "",
      "2026-12-01T07:40",
    );

    // Typed from the paper sheet after the meeting: on time, not late.
    const list = await backend.markSectionPresent(meeting.id, " Báo chí", "2026-12-01T07:55");
    expect(of(list, "Nguyễn Văn A")).toMatchObject({
      state: "present",
      arrivedAt: "2026-12-01T07:55",
    });
    expect(of(list, "Trần Văn B").state, "an absence stands").toBe("absentExcused");
    expect(of(list, "Lê Văn C").arrivedAt, "an earlier arrival stands").toBe("2026-12-01T07:40");
    expect(of(list, "Phạm Văn D").state, "another group is untouched").toBe("invited");
    expect(of(list, "Hoàng Văn E").state, "so are those without a group").toBe("invited");
    const log = await backend.attendanceLog(meeting.id, ids["Lê Văn C"] as string);
    expect(
      log.map((e) => e.kind),
      "nothing is recorded for someone marked",
    ).toEqual(["invited", "arrived"]);
  });

  it("marks those without a group with an empty section, now when no time is given", async () => {
    const { backend, meeting, of } = await meetingWith([
      ["Nguyễn Văn A", "Báo chí"],
      ["Hoàng Văn E", ""],
    ]);
    const list = await backend.markSectionPresent(meeting.id, "", null);
    expect(of(list, "Hoàng Văn E")).toMatchObject({
      state: "late",
      arrivedAt: "2026-12-01T08:20",
    });
    expect(of(list, "Nguyễn Văn A").state).toBe("invited");
  });

  it("refuses a time that is not a real local date-time, and an unknown meeting", async () => {
    const { backend, meeting } = await meetingWith([["Nguyễn Văn A", "Báo chí"]]);
    for (const at of ["sáng nay", "2026-02-30T08:00", "2026-12-01T24:00", "2026-12-01 08:00"]) {
      expect(await kind(backend.markSectionPresent(meeting.id, "Báo chí", at)), at).toBe("invalid");
    }
    expect(await kind(backend.markSectionPresent(meeting.id, "Báo chí", "1800-12-01T08:00"))).toBe(
      "invalid",
    );
    expect(await kind(backend.markSectionPresent("no-such-meeting", "", null))).toBe("notFound");
    const [a] = await backend.listParticipants(meeting.id);
    expect(a?.state, "a refused call marks nobody").toBe("invited");
  });
});
