//! The door: a meeting's list searched as people arrive, and one person
//! checked in at a time, fast with 20,000 on the list.
//!
//! The list, its attendance and its search index are kept in memory between
//! calls and rebuilt only when the change counters that triggers bump
//! (migration 10) say that someone else changed them. A check-in made here
//! updates the kept list in place, so it costs one insert and one person's
//! events, not the whole list.

use std::collections::HashMap;

use rusqlite::Connection;

use super::attendance::{self, append};
use super::require_open;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{
    AttendanceEventKind, AttendanceState, AttendanceSummary, CheckIn, Participant,
    SectionAttendance,
};
use crate::search::{code_key, SearchIndex, Searchable};

/// One meeting's list as last read, with what it was read at.
pub(crate) struct ListCache {
    meeting_id: String,
    counters: Counters,
    participants: Vec<Participant>,
    by_person: HashMap<String, usize>,
    index: SearchIndex,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Counters {
    lists: i64,
    attendance: i64,
}

fn counters(conn: &Connection) -> Result<Counters> {
    Ok(conn.query_row(
        "SELECT (SELECT n FROM change_counter WHERE name = 'lists'),
                (SELECT n FROM change_counter WHERE name = 'attendance')",
        [],
        |r| {
            Ok(Counters {
                lists: r.get(0)?,
                attendance: r.get(1)?,
            })
        },
    )?)
}

impl ListCache {
    fn read(conn: &Connection, meeting_id: &str) -> Result<ListCache> {
        let counters = counters(conn)?;
        let participants = attendance::participants(conn, meeting_id)?;
        let by_person = participants
            .iter()
            .enumerate()
            .map(|(i, p)| (p.person.id.clone(), i))
            .collect();
        let index = SearchIndex::new(participants.iter().map(|p| Searchable {
            name: &p.person.full_name,
            title: &p.person.position_title,
            unit: &p.person.unit,
            code: &p.person.checkin_code,
        }));
        Ok(ListCache {
            meeting_id: meeting_id.to_string(),
            counters,
            participants,
            by_person,
            index,
        })
    }

    fn summary(&self) -> AttendanceSummary {
        AttendanceSummary::of(&self.participants)
    }
}

impl Db {
    /// The meeting's list as kept in memory, read again if anything changed.
    /// When only attendance changed (a click in the Đại biểu table), the
    /// people and their order are the same: the states are read again and
    /// the search index is kept.
    fn list_cache(&self, meeting_id: &str) -> Result<std::cell::RefMut<'_, ListCache>> {
        let now = counters(&self.conn)?;
        let mut slot = self.list_cache.borrow_mut();
        match slot.as_mut() {
            Some(c) if c.meeting_id == meeting_id && c.counters == now => {}
            Some(c) if c.meeting_id == meeting_id && c.counters.lists == now.lists => {
                c.participants = attendance::participants(&self.conn, meeting_id)?;
                c.counters = now;
            }
            _ => *slot = Some(ListCache::read(&self.conn, meeting_id)?),
        }
        Ok(std::cell::RefMut::map(slot, |c| {
            c.as_mut().expect("filled just above")
        }))
    }

    /// The people on the meeting's list that `query` finds, best first, at
    /// most `limit` (see `crate::search` for the rules). People already
    /// checked in are found too; their state says so.
    pub fn search_participants(
        &self,
        meeting_id: &str,
        query: &str,
        limit: usize,
    ) -> Result<Vec<Participant>> {
        let list = self.list_cache(meeting_id)?;
        Ok(list
            .index
            .search(query, limit)
            .into_iter()
            .map(|i| list.participants[i].clone())
            .collect())
    }

    /// The meeting's attendance in numbers (see `AttendanceSummary`), from
    /// the kept list.
    pub fn attendance_summary(&self, meeting_id: &str) -> Result<AttendanceSummary> {
        Ok(self.list_cache(meeting_id)?.summary())
    }

    /// The attendance of each group of the list (`Person::section`), in the
    /// order the groups first appear in it; groups of staff alone are left
    /// out, as they are not counted.
    pub fn attendance_by_section(&self, meeting_id: &str) -> Result<Vec<SectionAttendance>> {
        let list = self.list_cache(meeting_id)?;
        let mut sections: Vec<&str> = Vec::new();
        for p in &list.participants {
            let s = p.person.section.trim();
            if !sections.contains(&s) {
                sections.push(s);
            }
        }
        Ok(sections
            .into_iter()
            .map(|section| SectionAttendance {
                section: section.to_string(),
                summary: AttendanceSummary::of(
                    list.participants
                        .iter()
                        .filter(|p| p.person.section.trim() == section),
                ),
            })
            .filter(|s| s.summary.invited > 0)
            .collect())
    }

    /// Checks a person in now. Someone who has checked in already keeps
    /// their arrival time and nothing is recorded (`already` says so).
    pub fn check_in(&mut self, meeting_id: &str, person_id: &str) -> Result<CheckIn> {
        let (state, before) = {
            let list = self.list_cache(meeting_id)?;
            let at = *list
                .by_person
                .get(person_id)
                .ok_or_else(|| attendance::not_participant(person_id))?;
            (list.participants[at].clone(), list.counters)
        };
        if matches!(
            state.state,
            AttendanceState::Present | AttendanceState::Late | AttendanceState::Left
        ) {
            return Ok(CheckIn {
                participant: state,
                already: true,
                summary: self.list_cache(meeting_id)?.summary(),
            });
        }
        let at = self.moment(meeting_id, None)?;
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            append(
                tx,
                meeting_id,
                person_id,
                AttendanceEventKind::Arrived,
                &at,
                "",
                device,
            )
        })?;
        let updated = attendance::participant(&self.conn, meeting_id, person_id)?;
        let now = counters(&self.conn)?;
        let mut slot = self.list_cache.borrow_mut();
        match slot.as_mut() {
            // Only our own insert happened since: patch the kept list.
            Some(list)
                if list.meeting_id == meeting_id
                    && list.counters == before
                    && now.lists == before.lists
                    && now.attendance == before.attendance + 1 =>
            {
                let i = list.by_person[person_id];
                list.participants[i] = updated.clone();
                list.counters = now;
            }
            _ => *slot = None,
        }
        drop(slot);
        Ok(CheckIn {
            participant: updated,
            already: false,
            summary: self.attendance_summary(meeting_id)?,
        })
    }

    /// Checks in the person whose code was typed or scanned ("HN-0042",
    /// "hn0042" and "HN0042" are the same code).
    pub fn check_in_code(&mut self, meeting_id: &str, code: &str) -> Result<CheckIn> {
        let wanted = code_key(code);
        let person_id = {
            let list = self.list_cache(meeting_id)?;
            list.participants
                .iter()
                .find(|p| !wanted.is_empty() && code_key(&p.person.checkin_code) == wanted)
                .map(|p| p.person.id.clone())
        };
        match person_id {
            Some(id) => self.check_in(meeting_id, &id),
            None => Err(CoreError::invalid(
                "code",
                format!(
                    "Mã \"{}\" không có trong danh sách hội nghị này.",
                    code.trim()
                ),
            )),
        }
    }
}
