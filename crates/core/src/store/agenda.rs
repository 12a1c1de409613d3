//! The agenda (chương trình): ordered items whose times are computed, never
//! stored, so reordering or changing a duration can never leave stale times.

use chrono::{Duration, NaiveDateTime, NaiveTime};
use rusqlite::{params, Connection, Transaction};

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{AgendaItem, AgendaItemInput};
use crate::store::{meetings, require_current, require_open, soft_delete};
use crate::text;

/// Longest single agenda item: a whole day.
const MAX_DURATION: u32 = 24 * 60;

impl Db {
    pub fn agenda(&self, meeting_id: &str) -> Result<Vec<AgendaItem>> {
        list(&self.conn, meeting_id)
    }

    pub fn add_agenda_item(
        &mut self,
        meeting_id: &str,
        input: &AgendaItemInput,
    ) -> Result<Vec<AgendaItem>> {
        let item = validate(input)?;
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            let next: u32 = tx.query_row(
                "SELECT COALESCE(MAX(position) + 1, 0) FROM agenda_item
                 WHERE meeting_id = ?1 AND deleted_at IS NULL",
                [meeting_id],
                |r| r.get(0),
            )?;
            insert(tx, &clock::new_id(), meeting_id, next, &item, device)
        })?;
        self.agenda(meeting_id)
    }

    /// Marks an item as begun, now or at `at` (local "YYYY-MM-DDTHH:MM"). An
    /// item still running ends at that moment: the meeting moves on to this
    /// one. Starting an item again moves its start and reopens it.
    pub fn start_agenda_item(&mut self, id: &str, at: Option<&str>) -> Result<Vec<AgendaItem>> {
        let meeting_id = live_item_meeting(&self.conn, id)?;
        let at = self.moment(&meeting_id, at)?;
        self.write(|tx, device| {
            require_open(tx, &meeting_id)?;
            let now = clock::utc_now();
            tx.execute(
                "UPDATE agenda_item SET ended_at = ?2, updated_at = ?3, device_id = ?4
                 WHERE meeting_id = ?1 AND deleted_at IS NULL AND id <> ?5
                   AND started_at IS NOT NULL AND ended_at IS NULL",
                params![meeting_id, at, now, device, id],
            )?;
            tx.execute(
                "UPDATE agenda_item SET started_at = ?2, ended_at = NULL, updated_at = ?3,
                    device_id = ?4 WHERE id = ?1",
                params![id, at, now, device],
            )?;
            Ok(())
        })?;
        self.agenda(&meeting_id)
    }

    /// Marks a begun item as ended, now or at `at`; never before it began.
    pub fn end_agenda_item(&mut self, id: &str, at: Option<&str>) -> Result<Vec<AgendaItem>> {
        let meeting_id = live_item_meeting(&self.conn, id)?;
        let at = self.moment(&meeting_id, at)?;
        self.write(|tx, device| {
            require_open(tx, &meeting_id)?;
            let started: Option<String> = tx.query_row(
                "SELECT started_at FROM agenda_item WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            match started {
                None => Err(CoreError::invalid(
                    "endedAt",
                    "Mục này chưa bắt đầu; hãy bấm bắt đầu trước khi kết thúc.",
                )),
                Some(s) if s.as_str() > at.as_str() => Err(CoreError::invalid(
                    "endedAt",
                    format!(
                        "Giờ kết thúc ({}) sớm hơn giờ bắt đầu ({}).",
                        &at[11..],
                        s.get(11..).unwrap_or(&s)
                    ),
                )),
                Some(_) => {
                    tx.execute(
                        "UPDATE agenda_item SET ended_at = ?2, updated_at = ?3, device_id = ?4
                         WHERE id = ?1",
                        params![id, at, clock::utc_now(), device],
                    )?;
                    Ok(())
                }
            }
        })?;
        self.agenda(&meeting_id)
    }

    /// Saves an item; `seen` is the `updated_at` the editor started from.
    pub fn update_agenda_item(
        &mut self,
        id: &str,
        seen: &str,
        input: &AgendaItemInput,
    ) -> Result<Vec<AgendaItem>> {
        let item = validate(input)?;
        let meeting_id = self.write(|tx, device| {
            let meeting_id = live_item_meeting(tx, id)?;
            require_open(tx, &meeting_id)?;
            let stamp = require_current(tx, "agenda_item", "mục chương trình", id, seen)?;
            tx.execute(
                "UPDATE agenda_item SET title = ?2, presenter = ?3, duration_minutes = ?4,
                    fixed_start = ?5, notes = ?6, updated_at = ?7, device_id = ?8
                 WHERE id = ?1",
                params![
                    id,
                    item.title,
                    item.presenter,
                    item.duration_minutes,
                    item.fixed_start,
                    item.notes,
                    stamp,
                    device
                ],
            )?;
            Ok(meeting_id)
        })?;
        self.agenda(&meeting_id)
    }

    /// Removes an item from the agenda. Minutes recorded under it are kept and
    /// move to the meeting's general section, so nothing said is lost.
    pub fn delete_agenda_item(&mut self, id: &str) -> Result<Vec<AgendaItem>> {
        let meeting_id = self.write(|tx, device| {
            let meeting_id = live_item_meeting(tx, id)?;
            require_open(tx, &meeting_id)?;
            soft_delete(tx, "agenda_item", "mục chương trình", id, device)?;
            tx.execute(
                "UPDATE minutes_entry SET agenda_item_id = NULL, updated_at = ?2, device_id = ?3
                 WHERE agenda_item_id = ?1",
                params![id, clock::utc_now(), device],
            )?;
            renumber(tx, &meeting_id, &current_order(tx, &meeting_id)?, device)?;
            Ok(meeting_id)
        })?;
        self.agenda(&meeting_id)
    }

    /// Puts the items in the given order. `ordered_ids` must name every live
    /// item of the meeting exactly once.
    pub fn reorder_agenda(
        &mut self,
        meeting_id: &str,
        ordered_ids: &[String],
    ) -> Result<Vec<AgendaItem>> {
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            let mut current = current_order(tx, meeting_id)?;
            let mut wanted = ordered_ids.to_vec();
            current.sort();
            wanted.sort();
            if current != wanted {
                return Err(CoreError::invalid(
                    "orderedIds",
                    "Thứ tự mới không khớp với chương trình hiện có (có thể đã được sửa ở nơi khác). \
                     Hãy tải lại rồi sắp xếp lại.",
                ));
            }
            renumber(tx, meeting_id, ordered_ids, device)
        })?;
        self.agenda(meeting_id)
    }
}

pub(crate) fn validate(input: &AgendaItemInput) -> Result<AgendaItemInput> {
    if input.duration_minutes > MAX_DURATION {
        return Err(CoreError::invalid(
            "durationMinutes",
            format!("Thời lượng tối đa là {MAX_DURATION} phút."),
        ));
    }
    let fixed_start = match input.fixed_start.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(
            clock::parse_time("fixedStart", "Giờ bắt đầu cố định", s)?
                .format("%H:%M")
                .to_string(),
        ),
    };
    Ok(AgendaItemInput {
        title: text::required("title", "Nội dung mục chương trình", &input.title)?,
        presenter: text::line("presenter", "Người thực hiện", &input.presenter)?,
        duration_minutes: input.duration_minutes,
        fixed_start,
        notes: text::long_text("notes", "Ghi chú", &input.notes)?,
    })
}

pub(crate) fn insert(
    tx: &Transaction,
    id: &str,
    meeting_id: &str,
    position: u32,
    item: &AgendaItemInput,
    device: &str,
) -> Result<()> {
    let now = clock::utc_now();
    tx.execute(
        "INSERT INTO agenda_item (id, meeting_id, position, fixed_start, duration_minutes, title,
            presenter, notes, created_at, updated_at, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
        params![
            id,
            meeting_id,
            position,
            item.fixed_start,
            item.duration_minutes,
            item.title,
            item.presenter,
            item.notes,
            now,
            device
        ],
    )?;
    Ok(())
}

/// Copies the live items of one meeting into another (used by "duplicate").
pub(crate) fn copy_items(tx: &Transaction, from: &str, to: &str, device: &str) -> Result<()> {
    for item in list(tx, from)? {
        let input = AgendaItemInput {
            title: item.title,
            presenter: item.presenter,
            duration_minutes: item.duration_minutes,
            fixed_start: item.fixed_start,
            notes: item.notes,
        };
        insert(tx, &clock::new_id(), to, item.position, &input, device)?;
    }
    Ok(())
}

/// The meeting an item belongs to, if both are live.
pub(crate) fn live_item_meeting(conn: &Connection, id: &str) -> Result<String> {
    conn.query_row(
        "SELECT a.meeting_id FROM agenda_item a JOIN meeting m ON m.id = a.meeting_id
         WHERE a.id = ?1 AND a.deleted_at IS NULL AND m.deleted_at IS NULL",
        [id],
        |r| r.get(0),
    )
    .map_err(|e| match e {
        rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound {
            what: "mục chương trình",
            id: id.to_string(),
        },
        e => e.into(),
    })
}

fn current_order(conn: &Connection, meeting_id: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT id FROM agenda_item WHERE meeting_id = ?1 AND deleted_at IS NULL
         ORDER BY position, id",
    )?;
    let ids = stmt.query_map([meeting_id], |r| r.get(0))?;
    Ok(ids.collect::<rusqlite::Result<_>>()?)
}

fn renumber(tx: &Transaction, meeting_id: &str, ids: &[String], device: &str) -> Result<()> {
    let now = clock::utc_now();
    let mut stmt = tx.prepare(
        "UPDATE agenda_item SET position = ?3, updated_at = ?4, device_id = ?5
         WHERE id = ?1 AND meeting_id = ?2 AND position <> ?3",
    )?;
    for (position, id) in ids.iter().enumerate() {
        stmt.execute(params![id, meeting_id, position as u32, now, device])?;
    }
    Ok(())
}

fn list(conn: &Connection, meeting_id: &str) -> Result<Vec<AgendaItem>> {
    let meeting = meetings::load(conn, meeting_id)?;
    let starts = clock::parse_local("startsAt", "Thời gian bắt đầu", &meeting.starts_at)?;
    // `cursor` runs through the planned times, `expected` through the times
    // as the meeting actually goes.
    let mut cursor = starts;
    let mut expected = starts;
    let mut stmt = conn.prepare(
        "SELECT id, position, fixed_start, duration_minutes, title, presenter, notes, updated_at,
                started_at, ended_at
         FROM agenda_item WHERE meeting_id = ?1 AND deleted_at IS NULL ORDER BY position, id",
    )?;
    let rows = stmt.query_map([meeting_id], |r| {
        Ok((
            (
                r.get::<_, String>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, Option<String>>(2)?,
                r.get::<_, u32>(3)?,
            ),
            (
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, String>(7)?,
            ),
            (
                r.get::<_, Option<String>>(8)?,
                r.get::<_, Option<String>>(9)?,
            ),
        ))
    })?;
    let actual = |s: &Option<String>| {
        s.as_deref()
            .and_then(|s| NaiveDateTime::parse_from_str(s, clock::LOCAL_FORMAT).ok())
    };
    let mut items = Vec::new();
    for row in rows {
        let (
            (id, position, fixed_start, duration_minutes),
            (title, presenter, notes, updated_at),
            (started_at, ended_at),
        ) = row?;
        let length = Duration::minutes(i64::from(duration_minutes));
        let pinned = |at: NaiveDateTime| {
            fixed_start
                .as_deref()
                .and_then(|s| NaiveTime::parse_from_str(s, "%H:%M").ok())
                .map(|t| at.date().and_time(t))
        };
        // A pinned start is on the day the item would otherwise begin.
        let start = pinned(cursor).unwrap_or(cursor);
        let end = start + length;
        cursor = end;
        // Not begun yet: after the previous item as it goes, never before its pin.
        let expected_start = actual(&started_at)
            .unwrap_or_else(|| pinned(expected).map_or(expected, |p| p.max(expected)));
        let expected_end = actual(&ended_at).unwrap_or(expected_start + length);
        expected = expected_end;
        items.push(AgendaItem {
            id,
            meeting_id: meeting_id.to_string(),
            position,
            fixed_start,
            duration_minutes,
            start_time: start.format("%H:%M").to_string(),
            end_time: end.format("%H:%M").to_string(),
            past_midnight: end.date() > starts.date(),
            started_at,
            ended_at,
            expected_start: expected_start.format("%H:%M").to_string(),
            expected_end: expected_end.format("%H:%M").to_string(),
            title,
            presenter,
            notes,
            updated_at,
        });
    }
    Ok(items)
}
