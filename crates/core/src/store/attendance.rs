//! Invitations and attendance. Attendance is an append-only log of events
//! (invited, arrived, left, absent, cleared); a participant's current state is
//! derived from it. The log is what makes attendance defensible ("who marked
//! this, when?") and lets records from two laptops merge by union.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{
    AttendanceEvent, AttendanceEventKind, AttendanceState, Participant, ParticipantRole, Person,
    PersonInput,
};
use crate::store::{meetings, people, require_open};
use crate::text;

impl Db {
    /// The meeting's participants in precedence order, each with its derived state.
    pub fn participants(&self, meeting_id: &str) -> Result<Vec<Participant>> {
        participants(&self.conn, meeting_id)
    }

    /// Invites people from the directory. Refuses, naming them, anyone already invited.
    pub fn invite_people(
        &mut self,
        meeting_id: &str,
        person_ids: &[String],
    ) -> Result<Vec<Participant>> {
        let tz = self.time_zone_of(meeting_id)?;
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            for person_id in person_ids {
                if !people::exists_live(tx, person_id)? {
                    return Err(CoreError::NotFound {
                        what: "đại biểu",
                        id: person_id.clone(),
                    });
                }
                invite(tx, meeting_id, person_id, &clock::local_now(&tz), device)?;
            }
            Ok(())
        })?;
        self.participants(meeting_id)
    }

    /// Creates a person and invites them, in one step (the common case at the door).
    pub fn add_participant(
        &mut self,
        meeting_id: &str,
        input: &PersonInput,
    ) -> Result<Vec<Participant>> {
        let p = people::validate(input)?;
        let tz = self.time_zone_of(meeting_id)?;
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            let twin: Option<String> = tx
                .query_row(
                    "SELECT p.full_name FROM participant x JOIN person p ON p.id = x.person_id
                     WHERE x.meeting_id = ?1 AND x.deleted_at IS NULL
                       AND p.full_name = ?2 AND p.unit = ?3",
                    params![meeting_id, p.full_name, p.unit],
                    |r| r.get(0),
                )
                .optional()?;
            if let Some(name) = twin {
                return Err(already_invited(&name));
            }
            let person_id = clock::new_id();
            people::insert(tx, &person_id, &p, false, device)?;
            invite(tx, meeting_id, &person_id, &clock::local_now(&tz), device)
        })?;
        self.participants(meeting_id)
    }

    /// Says why a person is on this meeting's list (chủ trì, the host body,
    /// guest, press, staff); only guests and the press get a giấy mời.
    pub fn set_participant_role(
        &mut self,
        meeting_id: &str,
        person_id: &str,
        role: ParticipantRole,
    ) -> Result<Vec<Participant>> {
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            set_role(tx, meeting_id, person_id, role, device)
        })?;
        self.participants(meeting_id)
    }

    /// Takes a person off this meeting's list; their attendance log is kept.
    pub fn remove_participant(
        &mut self,
        meeting_id: &str,
        person_id: &str,
    ) -> Result<Vec<Participant>> {
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            let n = tx.execute(
                "UPDATE participant SET deleted_at = ?3, deleted_by = ?4, updated_at = ?3
                 WHERE meeting_id = ?1 AND person_id = ?2 AND deleted_at IS NULL",
                params![meeting_id, person_id, clock::utc_now(), device],
            )?;
            if n == 0 {
                return Err(not_participant(person_id));
            }
            Ok(())
        })?;
        self.participants(meeting_id)
    }

    /// Appends an attendance event. `at` is a local time ("YYYY-MM-DDTHH:MM");
    /// `None` means now in the organisation's time zone.
    pub fn record_attendance(
        &mut self,
        meeting_id: &str,
        person_id: &str,
        kind: AttendanceEventKind,
        reason: &str,
        at: Option<&str>,
    ) -> Result<Vec<Participant>> {
        if kind == AttendanceEventKind::Invited {
            return Err(CoreError::invalid(
                "kind",
                "Dùng chức năng mời để thêm đại biểu.",
            ));
        }
        let reason = text::line("reason", "Lý do", reason)?;
        let at = self.moment(meeting_id, at)?;
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            if !is_participant(tx, meeting_id, person_id)? {
                return Err(not_participant(person_id));
            }
            append(tx, meeting_id, person_id, kind, &at, &reason, device)
        })?;
        self.participants(meeting_id)
    }

    /// Records that someone attends in this person's place ("dự thay"):
    /// their name and office; an empty name says nobody does. The seat's
    /// arrival is recorded as the invitee's (`record_attendance`).
    pub fn set_substitute(
        &mut self,
        meeting_id: &str,
        person_id: &str,
        name: &str,
        title: &str,
    ) -> Result<Vec<Participant>> {
        let name = text::line("substituteName", "Người dự thay", name)?;
        let title = if name.is_empty() {
            String::new()
        } else {
            text::line("substituteTitle", "Chức vụ người dự thay", title)?
        };
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            let n = tx.execute(
                "UPDATE participant SET substitute_name = ?3, substitute_title = ?4,
                    updated_at = ?5, device_id = ?6
                 WHERE meeting_id = ?1 AND person_id = ?2 AND deleted_at IS NULL",
                params![meeting_id, person_id, name, title, clock::utc_now(), device],
            )?;
            if n == 0 {
                return Err(not_participant(person_id));
            }
            Ok(())
        })?;
        self.participants(meeting_id)
    }

    /// Marks everyone of one group (`person.section`; empty: those without a
    /// group) who has not been marked yet as arrived, at `at` (a local
    /// "YYYY-MM-DDTHH:MM", as typed from a paper sheet) or now. People
    /// already marked (present, late, absent…) are left as they are.
    pub fn mark_section_present(
        &mut self,
        meeting_id: &str,
        section: &str,
        at: Option<&str>,
    ) -> Result<Vec<Participant>> {
        let at = self.moment(meeting_id, at)?;
        let pending: Vec<String> = self
            .participants(meeting_id)?
            .into_iter()
            .filter(|p| {
                p.state == AttendanceState::Invited && p.person.section.trim() == section.trim()
            })
            .map(|p| p.person.id)
            .collect();
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            for person_id in &pending {
                append(
                    tx,
                    meeting_id,
                    person_id,
                    AttendanceEventKind::Arrived,
                    &at,
                    "",
                    device,
                )?;
            }
            Ok(())
        })?;
        self.participants(meeting_id)
    }

    /// The full log for one participant, oldest first.
    pub fn attendance_log(
        &self,
        meeting_id: &str,
        person_id: &str,
    ) -> Result<Vec<AttendanceEvent>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, meeting_id, person_id, kind, at, reason, created_at, device_id
             FROM attendance_event WHERE meeting_id = ?1 AND person_id = ?2
             ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([meeting_id, person_id], event_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

pub(crate) fn invite(
    tx: &Transaction,
    meeting_id: &str,
    person_id: &str,
    at: &str,
    device: &str,
) -> Result<()> {
    // Cached statements: an imported list invites thousands in one go.
    let existing: Option<(String, Option<String>)> = tx
        .prepare_cached(
            "SELECT id, deleted_at FROM participant WHERE meeting_id = ?1 AND person_id = ?2",
        )?
        .query_row([meeting_id, person_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let now = clock::utc_now();
    match existing {
        Some((_, None)) => {
            let name: String = tx.query_row(
                "SELECT full_name FROM person WHERE id = ?1",
                [person_id],
                |r| r.get(0),
            )?;
            return Err(already_invited(&name));
        }
        Some((id, Some(_))) => {
            tx.execute(
                "UPDATE participant SET deleted_at = NULL, deleted_by = NULL, updated_at = ?2,
                    device_id = ?3 WHERE id = ?1",
                params![id, now, device],
            )?;
        }
        None => {
            // The same person invited on two laptops of a shared meeting is one row.
            let id = participant_id(meeting_id, person_id);
            // The default role is computed in the same statement.
            tx.prepare_cached(&format!(
                "INSERT INTO participant (id, meeting_id, person_id, created_at, updated_at,
                    device_id, role)
                 SELECT ?1, ?2, ?3, ?4, ?4, ?5, {ROLE_CASE}
                 FROM person p, meeting m WHERE p.id = ?3 AND m.id = ?2"
            ))?
            .execute(params![id, meeting_id, person_id, now, device])?;
        }
    }
    append(
        tx,
        meeting_id,
        person_id,
        AttendanceEventKind::Invited,
        at,
        "",
        device,
    )
}

/// A participant's id: its meeting and person, so that it is the same on every laptop.
pub(crate) fn participant_id(meeting_id: &str, person_id: &str) -> String {
    format!("{meeting_id}/{person_id}")
}

pub(crate) fn append(
    tx: &Transaction,
    meeting_id: &str,
    person_id: &str,
    kind: AttendanceEventKind,
    at: &str,
    reason: &str,
    device: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO attendance_event (id, meeting_id, person_id, kind, at, reason, created_at, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![clock::new_id(), meeting_id, person_id, kind.as_str(), at, reason, clock::utc_now(), device])?;
    Ok(())
}

/// The role a newly listed person starts with: the meeting's chair is the
/// chair, its minute-taker staff, and someone of the host body itself (their
/// unit is the organisation's name) attends as the host, not as a guest.
/// The default role of person `p` in meeting `m` (see `DEFAULT_ROLE`).
macro_rules! role_case {
    () => {
        "CASE
        WHEN p.full_name = m.chair_name THEN 'chair'
        WHEN p.full_name = m.secretary_name THEN 'staff'
        WHEN p.unit <> '' AND p.unit IN
            (SELECT full_name FROM organisation WHERE id = m.organisation_id) THEN 'host'
        ELSE 'guest' END"
    };
}

const DEFAULT_ROLE: &str = concat!(
    "(SELECT ",
    role_case!(),
    " FROM person p, meeting m
    WHERE p.id = participant.person_id AND m.id = participant.meeting_id)"
);

/// `role_case!` for an insert that names `p` and `m` itself.
const ROLE_CASE: &str = role_case!();

pub(crate) fn set_role(
    tx: &Transaction,
    meeting_id: &str,
    person_id: &str,
    role: ParticipantRole,
    device: &str,
) -> Result<()> {
    let n = tx.execute(
        "UPDATE participant SET role = ?3, updated_at = ?4, device_id = ?5
         WHERE meeting_id = ?1 AND person_id = ?2 AND deleted_at IS NULL",
        params![
            meeting_id,
            person_id,
            role.as_str(),
            clock::utc_now(),
            device
        ],
    )?;
    if n == 0 {
        return Err(not_participant(person_id));
    }
    Ok(())
}

/// Gives every listed person the default role (migration 7 added roles).
pub(crate) fn fill_default_roles(tx: &Transaction) -> Result<()> {
    tx.execute(&format!("UPDATE participant SET role = {DEFAULT_ROLE}"), [])?;
    Ok(())
}

/// Invites the live participants of one meeting to another (used by "duplicate").
pub(crate) fn copy_invitations(tx: &Transaction, from: &str, to: &str, device: &str) -> Result<()> {
    let ids: Vec<String> = {
        let mut stmt = tx.prepare(
            "SELECT person_id FROM participant WHERE meeting_id = ?1 AND deleted_at IS NULL",
        )?;
        let rows = stmt.query_map([from], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let at = meetings::load(tx, to)?.starts_at;
    for id in ids {
        invite(tx, to, &id, &at, device)?;
    }
    Ok(())
}

pub(crate) fn is_participant(conn: &Connection, meeting_id: &str, person_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM participant
                       WHERE meeting_id = ?1 AND person_id = ?2 AND deleted_at IS NULL)",
        [meeting_id, person_id],
        |r| r.get(0),
    )?)
}

/// Every event of a meeting that changes someone's state, grouped by person
/// and in order. The index `attendance_event_meeting` holds all it reads, in
/// this order (migration 0018), so SQLite neither visits the table nor sorts.
const EVENTS_BY_PERSON: &str = "SELECT person_id, kind, at, reason FROM attendance_event
     WHERE meeting_id = ?1 AND kind <> 'invited' ORDER BY person_id, created_at, id";

pub(crate) fn participants(conn: &Connection, meeting_id: &str) -> Result<Vec<Participant>> {
    let meeting = meetings::load(conn, meeting_id)?;
    // Each person's state, folded from their events in order: the index on
    // (meeting, person, time) hands them over grouped by person, so nothing
    // is sorted or hashed. Only what a state is derived from is read; an
    // invitation changes nothing, and a long list has one per person.
    let mut states: Vec<(String, Derived)> = Vec::new();
    {
        let mut stmt = conn.prepare(EVENTS_BY_PERSON)?;
        let mut rows = stmt.query([meeting_id])?;
        while let Some(r) = rows.next()? {
            let person: String = r.get(0)?;
            let step = Step::from_row(r, 1)?;
            match states.last_mut() {
                Some((last, state)) if *last == person => state.apply(&step, &meeting.starts_at),
                _ => {
                    let mut state = Derived::default();
                    state.apply(&step, &meeting.starts_at);
                    states.push((person, state));
                }
            }
        }
    }
    // In SQLite's order already; sorting keeps the search right whatever it is.
    states.sort_by(|a, b| a.0.cmp(&b.0));
    let sql = format!(
        "SELECT {}, x.role, x.substitute_name, x.substitute_title
         FROM participant x JOIN person p ON p.id = x.person_id
         WHERE x.meeting_id = ?1 AND x.deleted_at IS NULL ORDER BY {}",
        people::COLUMNS,
        people::order_by(conn)?
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map([meeting_id], listed_from_row)?;
    // Nearly everyone on a list that has started has an event.
    let mut out = Vec::with_capacity(states.len());
    for row in rows {
        let listed = row?;
        let state = match states.binary_search_by(|(p, _)| p.as_str().cmp(&listed.person.id)) {
            Ok(i) => std::mem::take(&mut states[i].1),
            Err(_) => Derived::default(),
        };
        out.push(state.participant(listed));
    }
    Ok(out)
}

/// One person of the meeting's list, with their attendance.
pub(crate) fn participant(
    conn: &Connection,
    meeting_id: &str,
    person_id: &str,
) -> Result<Participant> {
    let meeting = meetings::load(conn, meeting_id)?;
    let mut d = Derived::default();
    let mut stmt = conn.prepare(
        "SELECT kind, at, reason FROM attendance_event WHERE meeting_id = ?1 AND person_id = ?2
         ORDER BY created_at, id",
    )?;
    for step in stmt.query_map([meeting_id, person_id], |r| Step::from_row(r, 0))? {
        d.apply(&step?, &meeting.starts_at);
    }
    let sql = format!(
        "SELECT {}, x.role, x.substitute_name, x.substitute_title
         FROM participant x JOIN person p ON p.id = x.person_id
         WHERE x.meeting_id = ?1 AND x.person_id = ?2 AND x.deleted_at IS NULL",
        people::COLUMNS
    );
    let listed = conn
        .query_row(&sql, [meeting_id, person_id], listed_from_row)
        .optional()?
        .ok_or_else(|| not_participant(person_id))?;
    Ok(d.participant(listed))
}

/// A person as listed for a meeting: who they are, why they are on the
/// list, and who came in their place.
struct Listed {
    person: Person,
    role: String,
    substitute_name: String,
    substitute_title: String,
}

fn listed_from_row(r: &Row) -> rusqlite::Result<Listed> {
    Ok(Listed {
        person: people::person_from_row(r)?,
        // By position, after the person's columns: a name is looked up
        // among all the row's columns, for every row of a long list.
        role: r.get(people::COLUMN_COUNT)?,
        substitute_name: r.get(people::COLUMN_COUNT + 1)?,
        substitute_title: r.get(people::COLUMN_COUNT + 2)?,
    })
}

/// The state a participant is in after a sequence of events.
struct Derived {
    state: AttendanceState,
    arrived_at: Option<String>,
    left_at: Option<String>,
    reason: String,
}

impl Default for Derived {
    fn default() -> Self {
        Derived {
            state: AttendanceState::Invited,
            arrived_at: None,
            left_at: None,
            reason: String::new(),
        }
    }
}

/// What the state is derived from in one event: its kind, time and reason.
struct Step {
    kind: AttendanceEventKind,
    at: String,
    reason: String,
}

impl Step {
    /// From the columns kind, at and reason, starting at `first`.
    fn from_row(r: &Row, first: usize) -> rusqlite::Result<Step> {
        Ok(Step {
            kind: AttendanceEventKind::parse(&r.get::<_, String>(first)?)
                .unwrap_or(AttendanceEventKind::Cleared),
            at: r.get(first + 1)?,
            reason: r.get(first + 2)?,
        })
    }
}

impl Derived {
    fn participant(self, listed: Listed) -> Participant {
        Participant {
            person: listed.person,
            role: ParticipantRole::parse(&listed.role).unwrap_or(ParticipantRole::Guest),
            state: self.state,
            arrived_at: self.arrived_at,
            left_at: self.left_at,
            absence_reason: self.reason,
            substitute_name: listed.substitute_name,
            substitute_title: listed.substitute_title,
        }
    }

    fn apply(&mut self, e: &Step, meeting_starts_at: &str) {
        match e.kind {
            AttendanceEventKind::Invited => {}
            // A second "arrived" (a repeated click, a second scan) never moves
            // the arrival: an on-time delegate does not become late by it.
            // After leaving, it means they came back.
            AttendanceEventKind::Arrived if self.arrived_at.is_some() => {
                if self.state == AttendanceState::Left {
                    self.left_at = None;
                    self.reason.clear();
                    self.state = if self.arrived_at.as_deref() > Some(meeting_starts_at) {
                        AttendanceState::Late
                    } else {
                        AttendanceState::Present
                    };
                }
            }
            AttendanceEventKind::Arrived => {
                // Local times share one fixed format, so they compare as strings.
                self.state = if e.at.as_str() > meeting_starts_at {
                    AttendanceState::Late
                } else {
                    AttendanceState::Present
                };
                self.arrived_at = Some(e.at.clone());
                self.left_at = None;
                self.reason.clear();
            }
            AttendanceEventKind::Left => {
                self.state = AttendanceState::Left;
                self.left_at = Some(e.at.clone());
                self.reason = e.reason.clone();
            }
            AttendanceEventKind::Absent => {
                self.state = if e.reason.is_empty() {
                    AttendanceState::Absent
                } else {
                    AttendanceState::AbsentExcused
                };
                self.arrived_at = None;
                self.left_at = None;
                self.reason = e.reason.clone();
            }
            AttendanceEventKind::Cleared => *self = Derived::default(),
        }
    }
}

fn event_from_row(r: &Row) -> rusqlite::Result<AttendanceEvent> {
    Ok(AttendanceEvent {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        person_id: r.get(2)?,
        kind: AttendanceEventKind::parse(&r.get::<_, String>(3)?)
            .unwrap_or(AttendanceEventKind::Cleared),
        at: r.get(4)?,
        reason: r.get(5)?,
        created_at: r.get(6)?,
        device_id: r.get(7)?,
    })
}

fn already_invited(name: &str) -> CoreError {
    CoreError::Conflict(format!(
        "Đại biểu {name} đã có trong danh sách của hội nghị này."
    ))
}

pub(crate) fn not_participant(person_id: &str) -> CoreError {
    CoreError::NotFound {
        what: "đại biểu trong hội nghị này",
        id: person_id.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_s_events_are_read_from_the_index_alone_in_order() {
        let db = Db::open_in_memory().unwrap();
        let plan: Vec<String> = db
            .conn
            .prepare(&format!("EXPLAIN QUERY PLAN {EVENTS_BY_PERSON}"))
            .unwrap()
            .query_map(["m"], |r| r.get(3))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(
            plan,
            ["SEARCH attendance_event USING COVERING INDEX attendance_event_meeting (meeting_id=?)"],
            "no table lookups, no sort"
        );
    }
}
