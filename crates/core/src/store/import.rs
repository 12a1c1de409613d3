//! Writing an imported delegate list: every row or none.

use rusqlite::{params, Connection};

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{ImportOutcome, ImportRow};
use crate::search::code_key;
use crate::store::{attendance, people, require_open};

impl Db {
    /// Adds the new people of an imported list to the meeting (or, with no
    /// meeting, to the person directory only) and updates the ones it
    /// already has, in one transaction: a row the store refuses (its message
    /// names the row) leaves the list exactly as it was.
    pub fn apply_import(
        &mut self,
        meeting_id: Option<&str>,
        rows: &[ImportRow],
    ) -> Result<ImportOutcome> {
        let valid = rows
            .iter()
            .map(|r| {
                people::validate(&r.person).map_err(|e| match e {
                    CoreError::Invalid { field, message } => CoreError::Invalid {
                        field,
                        message: format!("Dòng {}: {message}", r.row),
                    },
                    e => e,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let tz = meeting_id.map(|id| self.time_zone_of(id)).transpose()?;
        let outcome = self.write(|tx, device| {
            if let Some(id) = meeting_id {
                require_open(tx, id)?;
            }
            let mut outcome = ImportOutcome::default();
            let mut codes = used_codes(tx)?;
            // When they are invited, in the meeting's clock.
            let invited_at = tz.as_deref().map(clock::local_now);
            for (row, person) in rows.iter().zip(&valid) {
                match &row.person_id {
                    Some(id) => {
                        let still_there = match meeting_id {
                            Some(m) => attendance::is_participant(tx, m, id)?,
                            None => people::exists_live(tx, id)?,
                        };
                        if !still_there {
                            return Err(CoreError::Conflict(format!(
                                "Dòng {}: người cần cập nhật không còn trong danh sách (có thể vừa bị \
                                 bỏ ra ở nơi khác). Hãy xem trước lại rồi nhập lại.",
                                row.row
                            )));
                        }
                        people::update(tx, id, person, &clock::utc_now(), device)?;
                        outcome.updated += 1;
                    }
                    None => {
                        let id = clock::new_id();
                        people::insert(tx, &id, person, false, device)?;
                        let key = code_key(&row.code);
                        if !key.is_empty() && !codes.contains(&key) {
                            tx.execute(
                                "UPDATE person SET checkin_code = ?2 WHERE id = ?1",
                                params![id, row.code.trim()],
                            )?;
                            codes.push(key);
                        }
                        if let (Some(m), Some(at)) = (meeting_id, &invited_at) {
                            attendance::invite(tx, m, &id, at, device)?;
                        }
                        outcome.added += 1;
                    }
                }
            }
            Ok(outcome)
        })?;
        Ok(outcome)
    }

    /// Lists in `meeting_id` the people of meeting `from` (the giao ban's list
    /// is mostly last quarter's): those of the chosen groups (`sections`,
    /// `Person::section`; none chosen: everyone), as the same people of the
    /// directory, with their role. People already listed are left as they
    /// are; attendance is not copied.
    pub fn copy_participants(
        &mut self,
        meeting_id: &str,
        from: &str,
        sections: &[String],
    ) -> Result<ImportOutcome> {
        if meeting_id == from {
            return Err(CoreError::invalid(
                "from",
                "Hãy chọn một hội nghị khác để chép danh sách.",
            ));
        }
        let source = self.participants(from)?;
        let listed = self.participants(meeting_id)?;
        let tz = self.time_zone_of(meeting_id)?;
        let wanted: Vec<_> = source
            .iter()
            .filter(|p| {
                sections.is_empty() || sections.iter().any(|s| s.trim() == p.person.section.trim())
            })
            .collect();
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            let now = clock::local_now(&tz);
            let mut outcome = ImportOutcome::default();
            for p in wanted {
                if listed.iter().any(|l| l.person.id == p.person.id) {
                    outcome.unchanged += 1;
                    continue;
                }
                attendance::invite(tx, meeting_id, &p.person.id, &now, device)?;
                attendance::set_role(tx, meeting_id, &p.person.id, p.role, device)?;
                outcome.added += 1;
            }
            Ok(outcome)
        })
    }
}

/// The check-in codes in use by anyone in the directory (their `code_key`).
fn used_codes(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT checkin_code FROM person WHERE deleted_at IS NULL")?;
    let codes = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .map(|c| c.map(|c| code_key(&c)))
        .collect::<rusqlite::Result<_>>()?;
    Ok(codes)
}
