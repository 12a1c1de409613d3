//! Votes (biểu quyết): the question, those present when it was taken, and
//! counts that must add up, so the biên bản never prints numbers that do not.

use rusqlite::{params, Row, Transaction};

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{Vote, VoteInput};
use crate::store::minutes::check_item;
use crate::store::{open_meeting_of, require_current, require_live, require_open, soft_delete};
use crate::text;

const COLUMNS: &str = "id, meeting_id, agenda_item_id, question, present, in_favour, against,
    abstained, result, updated_at";

impl Db {
    /// The meeting's votes in the order they were taken.
    pub fn votes(&self, meeting_id: &str) -> Result<Vec<Vote>> {
        require_live(&self.conn, "meeting", "hội nghị", meeting_id)?;
        let mut stmt = self.conn.prepare(&format!(
            "SELECT {COLUMNS} FROM vote WHERE meeting_id = ?1 AND deleted_at IS NULL
             ORDER BY created_at, id"
        ))?;
        let rows = stmt.query_map([meeting_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_vote(&mut self, meeting_id: &str, input: &VoteInput) -> Result<Vote> {
        let v = validate(input)?;
        let id = clock::new_id();
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            check_item(tx, meeting_id, v.agenda_item_id.as_deref())?;
            insert(tx, &id, meeting_id, &v, device)
        })?;
        self.vote(&id)
    }

    /// Saves a vote; `seen` is the `updated_at` the editor started from.
    pub fn update_vote(&mut self, id: &str, seen: &str, input: &VoteInput) -> Result<Vote> {
        let v = validate(input)?;
        self.write(|tx, device| {
            let stamp = require_current(tx, "vote", "biểu quyết", id, seen)?;
            let meeting_id = open_meeting_of(tx, "vote", "biểu quyết", id)?;
            check_item(tx, &meeting_id, v.agenda_item_id.as_deref())?;
            tx.execute(
                "UPDATE vote SET agenda_item_id = ?2, question = ?3, present = ?4, in_favour = ?5,
                    against = ?6, abstained = ?7, result = ?8, updated_at = ?9, device_id = ?10
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![
                    id,
                    v.agenda_item_id,
                    v.question,
                    v.present,
                    v.in_favour,
                    v.against,
                    v.abstained,
                    v.result,
                    stamp,
                    device
                ],
            )?;
            Ok(())
        })?;
        self.vote(id)
    }

    pub fn delete_vote(&mut self, id: &str) -> Result<()> {
        self.write(|tx, device| {
            open_meeting_of(tx, "vote", "biểu quyết", id)?;
            soft_delete(tx, "vote", "biểu quyết", id, device)
        })
    }

    fn vote(&self, id: &str) -> Result<Vote> {
        self.conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM vote WHERE id = ?1 AND deleted_at IS NULL"),
                [id],
                from_row,
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound {
                    what: "biểu quyết",
                    id: id.to_string(),
                },
                e => e.into(),
            })
    }
}

fn insert(tx: &Transaction, id: &str, meeting_id: &str, v: &VoteInput, device: &str) -> Result<()> {
    let now = clock::utc_now();
    tx.execute(
        "INSERT INTO vote (id, meeting_id, agenda_item_id, question, present, in_favour, against,
            abstained, result, created_at, updated_at, device_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
        params![
            id,
            meeting_id,
            v.agenda_item_id,
            v.question,
            v.present,
            v.in_favour,
            v.against,
            v.abstained,
            v.result,
            now,
            device
        ],
    )?;
    Ok(())
}

/// The question is required; the three counts add up to those present.
fn validate(input: &VoteInput) -> Result<VoteInput> {
    let question = text::long_text("question", "Nội dung biểu quyết", &input.question)?;
    if question.is_empty() {
        return Err(CoreError::invalid(
            "question",
            "Hãy ghi nội dung được đưa ra biểu quyết.",
        ));
    }
    if input.present == 0 {
        return Err(CoreError::invalid(
            "present",
            "Số đại biểu có mặt khi biểu quyết phải lớn hơn 0.",
        ));
    }
    let sum = u64::from(input.in_favour) + u64::from(input.against) + u64::from(input.abstained);
    if sum != u64::from(input.present) {
        return Err(CoreError::invalid(
            "inFavour",
            format!(
                "Tán thành ({}), không tán thành ({}) và không biểu quyết ({}) cộng lại là {sum}, \
                 phải bằng số đại biểu có mặt ({}).",
                input.in_favour, input.against, input.abstained, input.present
            ),
        ));
    }
    Ok(VoteInput {
        agenda_item_id: input.agenda_item_id.clone().filter(|s| !s.is_empty()),
        question,
        result: text::long_text("result", "Kết quả biểu quyết", &input.result)?,
        ..input.clone()
    })
}

fn from_row(r: &Row) -> rusqlite::Result<Vote> {
    Ok(Vote {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        agenda_item_id: r.get(2)?,
        question: r.get(3)?,
        present: r.get(4)?,
        in_favour: r.get(5)?,
        against: r.get(6)?,
        abstained: r.get(7)?,
        result: r.get(8)?,
        updated_at: r.get(9)?,
    })
}
