//! The demo conference a newcomer sees on first start: the Hội nghị giao ban of
//! Ban Tuyên giáo Thành uỷ Hà Nội on 06/10/2022 (from `shared/seed`), with its
//! agenda, ~40 delegates, attendance, minutes and the chair's four task groups.
//! Everything it writes is flagged `is_demo`.

use serde::Deserialize;

use crate::clock;
use crate::db::Db;
use crate::error::Result;
use crate::model::{
    AgendaItemInput, AttendanceEventKind, MeetingInput, MinutesInput, Organisation, PersonInput,
    TaskInput,
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
        let data: DemoData =
            serde_json::from_str(DEMO_JSON).expect("the bundled demo data is valid JSON");
        self.update_organisation(&data.organisation)?;
        let meeting_id = clock::new_id();
        self.write(|tx, device| {
            let meeting = meetings::validate(&data.meeting)?;
            meetings::insert(tx, &meeting_id, &meeting, true, device)?;
            for p in &data.people {
                let person_id = clock::new_id();
                people::insert(tx, &person_id, &people::validate(&p.person)?, true, device)?;
                attendance::invite(tx, &meeting_id, &person_id, INVITED_AT, device)?;
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
