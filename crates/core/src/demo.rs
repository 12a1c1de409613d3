//! The demo conference a newcomer sees on first start: the Hội nghị giao ban of
//! Ban Tuyên giáo Thành uỷ Hà Nội on 06/10/2022 (from a news report of the conference), with its
//! agenda, ~40 delegates, attendance, minutes and the chair's four task groups.
//! Everything it writes is flagged `is_demo`.

use serde::Deserialize;

use crate::clock;
use crate::db::Db;
use crate::error::Result;
use crate::model::{
    AgendaItemInput, AttendanceEventKind, MeetingInput, MinutesInput, Organisation,
    ParticipantRole, PersonInput, TaskInput,
};
use crate::store::{agenda, attendance, meetings, minutes, people, tasks};

const DEMO_JSON: &str = include_str!("../../../assets/demo/hoi-nghi-giao-ban-2022.json");
/// When the invitations of the demo meeting were sent.
const INVITED_AT: &str = "2022-09-30T14:00";

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DemoData {
    organisation: Organisation,
    meeting: MeetingInput,
    people: Vec<DemoPerson>,
    agenda: Vec<AgendaItemInput>,
    minutes: Vec<DemoMinutes>,
    tasks: Vec<TaskInput>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct DemoPerson {
    #[serde(flatten)]
    person: PersonInput,
    /// When the default (see `attendance::DEFAULT_ROLE`) is not right.
    #[serde(default)]
    role: Option<ParticipantRole>,
    attendance: DemoAttendance,
}

#[derive(Deserialize)]
struct DemoAttendance {
    kind: AttendanceEventKind,
    at: String,
    reason: String,
}

#[derive(Deserialize)]
struct DemoMinutes {
    /// Index into `agenda`.
    item: Option<usize>,
    #[serde(flatten)]
    entry: MinutesInput,
}

impl Db {
    /// Writes the demo conference on the very first start (no meeting ever
    /// created, demo never written before). Returns whether it did.
    pub fn seed_demo_if_first_start(&mut self) -> Result<bool> {
        let any_meeting: bool =
            self.conn
                .query_row("SELECT EXISTS(SELECT 1 FROM meeting)", [], |r| r.get(0))?;
        if any_meeting || self.meta("demo_seeded")?.is_some() {
            return Ok(false);
        }
        self.write_demo()?;
        Ok(true)
    }

    /// Writes the demo conference (organisation profile included) and returns its meeting id.
    pub fn write_demo(&mut self) -> Result<String> {
        self.write_demo_with_extra(0)
    }

    /// The demo conference plus `extra` synthetic delegates (deterministic
    /// Vietnamese names, titles and units), for benchmarks and large-list tests.
    pub fn write_demo_with_extra(&mut self, extra: usize) -> Result<String> {
        let data: DemoData =
            serde_json::from_str(DEMO_JSON).expect("the bundled demo data is valid JSON");
        // The demo's body is its own, added beside the office's (once).
        let demo_body = &data.organisation;
        let body = match self.organisations()?.into_iter().find(|o| {
            (&o.name, &o.parent_name, &o.abbreviation)
                == (
                    &demo_body.name,
                    &demo_body.parent_name,
                    &demo_body.abbreviation,
                )
        }) {
            Some(found) => found,
            None => self.save_organisation(demo_body)?,
        };
        let meeting_id = clock::new_id();
        self.write(|tx, device| {
            let meeting = meetings::validate(&MeetingInput {
                organisation_id: Some(body.id.clone()),
                ..data.meeting.clone()
            })?;
            meetings::insert(tx, &meeting_id, &meeting, true, device)?;
            for p in &data.people {
                let person_id = clock::new_id();
                people::insert(tx, &person_id, &people::validate(&p.person)?, true, device)?;
                attendance::invite(tx, &meeting_id, &person_id, INVITED_AT, device)?;
                if let Some(role) = p.role {
                    attendance::set_role(tx, &meeting_id, &person_id, role, device)?;
                }
                let a = &p.attendance;
                attendance::append(
                    tx,
                    &meeting_id,
                    &person_id,
                    a.kind,
                    &a.at,
                    &a.reason,
                    device,
                )?;
            }
            let last_rank = data.people.iter().map(|p| p.person.rank).max().unwrap_or(0);
            for (i, person) in synthetic_delegates(extra, last_rank)
                .into_iter()
                .enumerate()
            {
                let person_id = clock::new_id();
                people::insert(tx, &person_id, &person, true, device)?;
                attendance::invite(tx, &meeting_id, &person_id, INVITED_AT, device)?;
                let minute = 40 + (i % 20);
                let at = format!("2022-10-06T07:{minute:02}");
                attendance::append(
                    tx,
                    &meeting_id,
                    &person_id,
                    AttendanceEventKind::Arrived,
                    &at,
                    "",
                    device,
                )?;
            }
            let mut item_ids = Vec::new();
            for (position, item) in data.agenda.iter().enumerate() {
                let id = clock::new_id();
                agenda::insert(
                    tx,
                    &id,
                    &meeting_id,
                    position as u32,
                    &agenda::validate(item)?,
                    device,
                )?;
                item_ids.push(id);
            }
            for m in &data.minutes {
                let mut entry = minutes::validate(&m.entry)?;
                entry.agenda_item_id = m.item.map(|i| item_ids[i].clone());
                minutes::insert(tx, &clock::new_id(), &meeting_id, &entry, device)?;
            }
            for t in &data.tasks {
                tasks::insert(
                    tx,
                    &clock::new_id(),
                    &meeting_id,
                    &tasks::validate(t)?,
                    device,
                )?;
            }
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ('demo_seeded', ?1)
                 ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [&meeting_id],
            )?;
            Ok(())
        })?;
        Ok(meeting_id)
    }
}

const FAMILY: [&str; 16] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: [&str; 14] = [
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Quốc", "Ngọc", "Thu", "Hồng", "Xuân", "Thế",
    "Kim", "Anh",
];
const GIVEN: [&str; 30] = [
    "An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương",
    "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Nghĩa", "Phúc", "Phương", "Quân", "Sơn",
    "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Yến",
];
const TITLES: [&str; 8] = [
    "Bí thư Đảng uỷ",
    "Phó Bí thư Thường trực Đảng uỷ",
    "Trưởng Ban Tuyên giáo",
    "Phó Trưởng Ban Tuyên giáo",
    "Chủ tịch Uỷ ban Mặt trận Tổ quốc",
    "Chuyên viên",
    "Báo cáo viên",
    "Cộng tác viên dư luận xã hội",
];
const PLACES: [&str; 12] = [
    "phường Phúc Xá",
    "phường Hàng Bạc",
    "phường Quảng An",
    "phường Bồ Đề",
    "phường Dịch Vọng",
    "phường Văn Miếu",
    "xã Kim Chung",
    "xã Bát Tràng",
    "xã Vân Hoà",
    "xã Phù Linh",
    "thị trấn Tây Đằng",
    "thị trấn Chúc Sơn",
];

/// `n` delegates from a fixed pseudo-random sequence: the same `n` always
/// gives the same people, in sections of about 50.
fn synthetic_delegates(n: usize, after_rank: i32) -> Vec<PersonInput> {
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = |modulo: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((seed >> 33) as usize) % modulo
    };
    (0..n)
        .map(|i| {
            let place = PLACES[next(PLACES.len())];
            PersonInput {
                full_name: format!(
                    "{} {} {}",
                    FAMILY[next(FAMILY.len())],
                    MIDDLE[next(MIDDLE.len())],
                    GIVEN[next(GIVEN.len())]
                ),
                position_title: TITLES[next(TITLES.len())].to_string(),
                unit: format!("Đảng uỷ {place}"),
                section: format!("Đại biểu cơ sở (nhóm {})", i / 50 + 1),
                rank: after_rank + 10 * (i as i32 + 1),
                phone: format!("09{:08}", next(100_000_000)),
                email: String::new(),
            }
        })
        .collect()
}
