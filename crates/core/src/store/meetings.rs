//! Meetings: create, edit, list, duplicate as a template, soft delete.

use rusqlite::{params, OptionalExtension, Row, Transaction};

use crate::clock::{self, LOCAL_FORMAT};
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{
    Meeting, MeetingEvent, MeetingEventKind, MeetingInput, MeetingKind, MeetingStatus,
    MeetingSummary,
};
use crate::store::{require_current, require_live, require_open, soft_delete};
use crate::text;

const COLUMNS: &str = "id, title, kind, starts_at, ends_at, venue, chair_name, chair_title,
    secretary_name, secretary_title, notes, status, is_demo, created_at, updated_at,
    organisation_id, signer_name, signer_title, signing_prefix,
    (SELECT o.time_zone FROM organisation o WHERE o.id = organisation_id)";

/// The order meetings are listed in.
const NEWEST_FIRST: &str = "starts_at DESC, id DESC";

impl Db {
    pub fn list_meetings(&self) -> Result<Vec<MeetingSummary>> {
        self.summaries(&format!("deleted_at IS NULL ORDER BY {NEWEST_FIRST}"))
    }

    /// The meeting `list_meetings` shows first, without counting anything.
    pub fn latest_meeting_id(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                &format!("SELECT id FROM meeting WHERE deleted_at IS NULL ORDER BY {NEWEST_FIRST} LIMIT 1"),
                [],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Meetings with their counts, chosen and ordered by `filter` (SQL after WHERE).
    fn summaries(&self, filter: &str) -> Result<Vec<MeetingSummary>> {
        let sql = format!(
            "SELECT {COLUMNS},
                (SELECT COUNT(*) FROM agenda_item a WHERE a.meeting_id = m.id AND a.deleted_at IS NULL),
                (SELECT COUNT(*) FROM participant p WHERE p.meeting_id = m.id AND p.deleted_at IS NULL)
             FROM meeting m WHERE {filter}"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map([], |r| {
            Ok(MeetingSummary {
                meeting: meeting_from_row(r)?,
                agenda_count: r.get(20)?,
                participant_count: r.get(21)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn meeting(&self, id: &str) -> Result<Meeting> {
        load(&self.conn, id)
    }

    /// Creates a meeting; without a chosen body it issues its documents as
    /// the body the latest meeting used (`default_organisation_id`).
    pub fn create_meeting(&mut self, input: &MeetingInput) -> Result<Meeting> {
        let mut m = validate(input)?;
        if m.organisation_id.is_none() {
            m.organisation_id = self.default_organisation_id()?;
        }
        let id = clock::new_id();
        self.write(|tx, device| {
            require_body(tx, m.organisation_id.as_deref())?;
            insert(tx, &id, &m, false, device)?;
            if m.status == MeetingStatus::Closed {
                record_event(tx, &id, MeetingEventKind::Closed, "", device)?;
            }
            Ok(())
        })?;
        self.meeting(&id)
    }

    /// Saves the meeting's details; `seen` is the `updated_at` the editor
    /// started from (an edit of an out-of-date copy is refused).
    pub fn update_meeting(
        &mut self,
        id: &str,
        seen: &str,
        input: &MeetingInput,
    ) -> Result<Meeting> {
        let m = validate(input)?;
        self.write(|tx, device| {
            let stamp = require_current(tx, "meeting", "hội nghị", id, seen)?;
            // A closed meeting is changed only by reopening it.
            require_open(tx, id)?;
            require_body(tx, m.organisation_id.as_deref())?;
            if m.status == MeetingStatus::Closed {
                record_event(tx, id, MeetingEventKind::Closed, "", device)?;
            }
            tx.execute(
                "UPDATE meeting SET title = ?2, kind = ?3, starts_at = ?4, ends_at = ?5, venue = ?6,
                    chair_name = ?7, chair_title = ?8, secretary_name = ?9, secretary_title = ?10,
                    notes = ?11, status = ?12, updated_at = ?13, device_id = ?14,
                    organisation_id = ?15, signer_name = ?16, signer_title = ?17,
                    signing_prefix = ?18
                 WHERE id = ?1",
                params![
                    id,
                    m.title,
                    m.kind.as_str(),
                    m.starts_at,
                    m.ends_at,
                    m.venue,
                    m.chair_name,
                    m.chair_title,
                    m.secretary_name,
                    m.secretary_title,
                    m.notes,
                    m.status.as_str(),
                    stamp,
                    device,
                    m.organisation_id,
                    m.signer_name,
                    m.signer_title,
                    m.signing_prefix
                ],
            )?;
            Ok(())
        })?;
        self.meeting(id)
    }

    /// Ends the meeting: its list, attendance, agenda, minutes, votes and
    /// tasks are locked (`require_open` refuses changes) until it is
    /// reopened. Its documents can still be numbered and worded. Closing a
    /// closed meeting changes nothing.
    pub fn close_meeting(&mut self, id: &str) -> Result<Meeting> {
        self.write(|tx, device| {
            if status_of(tx, id)? == MeetingStatus::Closed {
                return Ok(());
            }
            set_status(tx, id, MeetingStatus::Closed, device)?;
            record_event(tx, id, MeetingEventKind::Closed, "", device)
        })?;
        self.meeting(id)
    }

    /// Reopens a closed meeting for changes, saying why; the reopening is
    /// kept in the meeting's history (`meeting_history`).
    pub fn reopen_meeting(&mut self, id: &str, reason: &str) -> Result<Meeting> {
        let reason = text::required("reason", "Lý do mở lại", reason)?;
        self.write(|tx, device| {
            if status_of(tx, id)? != MeetingStatus::Closed {
                return Err(CoreError::invalid(
                    "reason",
                    "Hội nghị này chưa kết thúc nên không cần mở lại.",
                ));
            }
            set_status(tx, id, MeetingStatus::InSession, device)?;
            record_event(tx, id, MeetingEventKind::Reopened, &reason, device)
        })?;
        self.meeting(id)
    }

    /// Every closing and reopening of the meeting, oldest first.
    pub fn meeting_history(&self, id: &str) -> Result<Vec<MeetingEvent>> {
        require_live(&self.conn, "meeting", "hội nghị", id)?;
        let mut stmt = self.conn.prepare(
            "SELECT id, meeting_id, kind, reason, created_at, device_id FROM meeting_event
             WHERE meeting_id = ?1 ORDER BY created_at, id",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(MeetingEvent {
                id: r.get(0)?,
                meeting_id: r.get(1)?,
                kind: MeetingEventKind::parse(&r.get::<_, String>(2)?)
                    .unwrap_or(MeetingEventKind::Reopened),
                reason: r.get(3)?,
                at: r.get(4)?,
                device_id: r.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Hides the meeting (and so everything in it); the rows stay for the record.
    pub fn delete_meeting(&mut self, id: &str) -> Result<()> {
        self.write(|tx, device| soft_delete(tx, "meeting", "hội nghị", id, device))
    }

    /// The trash ("Thùng rác"): deleted meetings, most recently deleted first.
    pub fn deleted_meetings(&self) -> Result<Vec<MeetingSummary>> {
        self.summaries("deleted_at IS NOT NULL ORDER BY deleted_at DESC, id DESC")
    }

    /// Takes a meeting out of the trash, with everything in it.
    pub fn restore_meeting(&mut self, id: &str) -> Result<Meeting> {
        self.write(|tx, device| {
            let n = tx.execute(
                "UPDATE meeting SET deleted_at = NULL, deleted_by = NULL, updated_at = ?2, device_id = ?3
                 WHERE id = ?1 AND deleted_at IS NOT NULL",
                params![id, clock::utc_now(), device],
            )?;
            if n == 0 {
                return Err(CoreError::NotFound {
                    what: "hội nghị trong thùng rác",
                    id: id.to_string(),
                });
            }
            Ok(())
        })?;
        self.meeting(id)
    }

    /// Removes the meetings in the trash for good, with everything recorded
    /// for them (people stay in the directory). A backup of the data as it was
    /// is made first; it is returned so the UI can say where the data went.
    /// Returns `None` when the trash was already empty.
    pub fn empty_trash(&mut self) -> Result<Option<crate::model::BackupInfo>> {
        if self.deleted_meetings()?.is_empty() {
            return Ok(None);
        }
        let backup = match self.path() {
            Some(_) => Some(self.backup(crate::model::BackupReason::BeforeEmptyTrash)?),
            None => None,
        };
        self.write(|tx, _| {
            for table in [
                "document_text",
                "meeting_event",
                "vote",
                "task",
                "minutes_entry",
                "attendance_event",
                "participant",
                "agenda_item",
            ] {
                tx.execute(
                    &format!(
                        "DELETE FROM {table} WHERE meeting_id IN
                         (SELECT id FROM meeting WHERE deleted_at IS NOT NULL)"
                    ),
                    [],
                )?;
            }
            tx.execute("DELETE FROM meeting WHERE deleted_at IS NOT NULL", [])?;
            // This laptop leaves the team of a meeting it no longer has.
            for table in ["shared_meeting", "sync_peer"] {
                tx.execute(
                    &format!(
                        "DELETE FROM {table} WHERE meeting_id NOT IN (SELECT id FROM meeting)"
                    ),
                    [],
                )?;
            }
            Ok(())
        })?;
        Ok(backup)
    }

    /// Starts the next meeting from this one: same details, agenda and invitation
    /// list, as a draft; no minutes, attendance or tasks are copied.
    pub fn duplicate_meeting(&mut self, id: &str) -> Result<Meeting> {
        let source = self.meeting(id)?;
        let new_id = clock::new_id();
        // The copy meets every rule a new meeting does (its longer title included).
        let copy = validate(&MeetingInput {
            title: format!("{} (bản sao)", source.title),
            kind: source.kind,
            starts_at: source.starts_at.clone(),
            ends_at: source.ends_at.clone(),
            venue: source.venue.clone(),
            chair_name: source.chair_name.clone(),
            chair_title: source.chair_title.clone(),
            secretary_name: source.secretary_name.clone(),
            secretary_title: source.secretary_title.clone(),
            notes: source.notes.clone(),
            status: MeetingStatus::Draft,
            organisation_id: source.organisation_id.clone(),
            signer_name: source.signer_name.clone(),
            signer_title: source.signer_title.clone(),
            signing_prefix: source.signing_prefix.clone(),
        })?;
        self.write(|tx, device| {
            insert(tx, &new_id, &copy, source.is_demo, device)?;
            crate::store::agenda::copy_items(tx, id, &new_id, device)?;
            crate::store::attendance::copy_invitations(tx, id, &new_id, device)?;
            Ok(())
        })?;
        self.meeting(&new_id)
    }
}

fn status_of(tx: &Transaction, id: &str) -> Result<MeetingStatus> {
    let status: String = tx
        .query_row(
            "SELECT status FROM meeting WHERE id = ?1 AND deleted_at IS NULL",
            [id],
            |r| r.get(0),
        )
        .optional()?
        .ok_or_else(|| CoreError::NotFound {
            what: "hội nghị",
            id: id.to_string(),
        })?;
    Ok(MeetingStatus::parse(&status).unwrap_or(MeetingStatus::Draft))
}

fn set_status(tx: &Transaction, id: &str, status: MeetingStatus, device: &str) -> Result<()> {
    tx.execute(
        "UPDATE meeting SET status = ?2, updated_at = ?3, device_id = ?4 WHERE id = ?1",
        params![id, status.as_str(), clock::utc_now(), device],
    )?;
    Ok(())
}

fn record_event(
    tx: &Transaction,
    meeting_id: &str,
    kind: MeetingEventKind,
    reason: &str,
    device: &str,
) -> Result<()> {
    let now = clock::utc_now();
    tx.execute(
        "INSERT INTO meeting_event (id, meeting_id, kind, reason, created_at, updated_at, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6)",
        params![clock::new_id(), meeting_id, kind.as_str(), reason, now, device],
    )?;
    Ok(())
}

pub(crate) fn insert(
    tx: &Transaction,
    id: &str,
    m: &MeetingInput,
    is_demo: bool,
    device: &str,
) -> Result<()> {
    let now = clock::utc_now();
    tx.execute(
        "INSERT INTO meeting (id, title, kind, starts_at, ends_at, venue, chair_name, chair_title,
            secretary_name, secretary_title, notes, status, is_demo, created_at, updated_at, device_id,
            organisation_id, signer_name, signer_title, signing_prefix)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?14, ?15,
            ?16, ?17, ?18, ?19)",
        params![
            id,
            m.title,
            m.kind.as_str(),
            m.starts_at,
            m.ends_at,
            m.venue,
            m.chair_name,
            m.chair_title,
            m.secretary_name,
            m.secretary_title,
            m.notes,
            m.status.as_str(),
            is_demo,
            now,
            device,
            m.organisation_id,
            m.signer_name,
            m.signer_title,
            m.signing_prefix
        ],
    )?;
    Ok(())
}

pub(crate) fn load(conn: &rusqlite::Connection, id: &str) -> Result<Meeting> {
    let sql = format!("SELECT {COLUMNS} FROM meeting WHERE id = ?1 AND deleted_at IS NULL");
    conn.query_row(&sql, [id], meeting_from_row)
        .map_err(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound {
                what: "hội nghị",
                id: id.to_string(),
            },
            e => e.into(),
        })
}

/// Normalises and checks what the user typed.
pub(crate) fn validate(input: &MeetingInput) -> Result<MeetingInput> {
    let starts = clock::parse_local("startsAt", "Thời gian bắt đầu", &input.starts_at)?;
    let ends = clock::parse_local("endsAt", "Thời gian kết thúc", &input.ends_at)?;
    if ends <= starts {
        return Err(CoreError::invalid(
            "endsAt",
            "Thời gian kết thúc phải sau thời gian bắt đầu.",
        ));
    }
    Ok(MeetingInput {
        title: text::required("title", "Tên hội nghị", &input.title)?,
        kind: input.kind,
        starts_at: starts.format(LOCAL_FORMAT).to_string(),
        ends_at: ends.format(LOCAL_FORMAT).to_string(),
        venue: text::line("venue", "Địa điểm", &input.venue)?,
        chair_name: text::line("chairName", "Người chủ trì", &input.chair_name)?,
        chair_title: text::line("chairTitle", "Chức vụ người chủ trì", &input.chair_title)?,
        secretary_name: text::line("secretaryName", "Thư ký", &input.secretary_name)?,
        secretary_title: text::line("secretaryTitle", "Chức vụ thư ký", &input.secretary_title)?,
        notes: text::long_text("notes", "Ghi chú", &input.notes)?,
        status: input.status,
        organisation_id: input
            .organisation_id
            .as_deref()
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .map(str::to_string),
        signer_name: text::line("signerName", "Người ký", &input.signer_name)?,
        signer_title: text::line("signerTitle", "Chức vụ người ký", &input.signer_title)?,
        signing_prefix: text::line("signingPrefix", "Quyền hạn ký", &input.signing_prefix)?,
    })
}

fn meeting_from_row(r: &Row) -> rusqlite::Result<Meeting> {
    Ok(Meeting {
        id: r.get(0)?,
        title: r.get(1)?,
        kind: MeetingKind::parse(&r.get::<_, String>(2)?).unwrap_or(MeetingKind::Other),
        starts_at: r.get(3)?,
        ends_at: r.get(4)?,
        venue: r.get(5)?,
        chair_name: r.get(6)?,
        chair_title: r.get(7)?,
        secretary_name: r.get(8)?,
        secretary_title: r.get(9)?,
        notes: r.get(10)?,
        status: MeetingStatus::parse(&r.get::<_, String>(11)?).unwrap_or(MeetingStatus::Draft),
        is_demo: r.get(12)?,
        created_at: r.get(13)?,
        updated_at: r.get(14)?,
        organisation_id: r.get(15)?,
        signer_name: r.get(16)?,
        signer_title: r.get(17)?,
        signing_prefix: r.get(18)?,
        time_zone: r
            .get::<_, Option<String>>(19)?
            .unwrap_or_else(|| crate::clock::DEFAULT_TIME_ZONE.to_string()),
    })
}

/// Refuses a body that does not exist or was hidden.
fn require_body(tx: &Transaction, id: Option<&str>) -> Result<()> {
    match id {
        None => Ok(()),
        Some(id) => require_live(tx, "organisation", "cơ quan ban hành", id),
    }
}
