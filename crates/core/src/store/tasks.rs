//! Conclusions and assigned tasks (kết luận, nhiệm vụ) of a meeting.

use rusqlite::{params, Row, Transaction};

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{Task, TaskInput};
use crate::store::{open_meeting_of, require_current, require_live, require_open, soft_delete};
use crate::text;

impl Db {
    pub fn tasks(&self, meeting_id: &str) -> Result<Vec<Task>> {
        require_live(&self.conn, "meeting", "hội nghị", meeting_id)?;
        let mut stmt = self.conn.prepare(
            "SELECT id, meeting_id, position, body, assignee, deadline, updated_at FROM task
             WHERE meeting_id = ?1 AND deleted_at IS NULL ORDER BY position, id",
        )?;
        let rows = stmt.query_map([meeting_id], from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_task(&mut self, meeting_id: &str, input: &TaskInput) -> Result<Task> {
        let t = validate(input)?;
        let id = clock::new_id();
        self.write(|tx, device| {
            require_open(tx, meeting_id)?;
            insert(tx, &id, meeting_id, &t, device)
        })?;
        self.task(&id)
    }

    /// Saves a task; `seen` is the `updated_at` the editor started from.
    pub fn update_task(&mut self, id: &str, seen: &str, input: &TaskInput) -> Result<Task> {
        let t = validate(input)?;
        self.write(|tx, device| {
            let stamp = require_current(tx, "task", "nhiệm vụ", id, seen)?;
            open_meeting_of(tx, "task", "nhiệm vụ", id)?;
            tx.execute(
                "UPDATE task SET body = ?2, assignee = ?3, deadline = ?4, updated_at = ?5, device_id = ?6
                 WHERE id = ?1 AND deleted_at IS NULL",
                params![id, t.text, t.assignee, t.deadline, stamp, device],
            )?;
            Ok(())
        })?;
        self.task(id)
    }

    pub fn delete_task(&mut self, id: &str) -> Result<()> {
        self.write(|tx, device| {
            open_meeting_of(tx, "task", "nhiệm vụ", id)?;
            soft_delete(tx, "task", "nhiệm vụ", id, device)
        })
    }

    fn task(&self, id: &str) -> Result<Task> {
        self.conn
            .query_row(
                "SELECT id, meeting_id, position, body, assignee, deadline, updated_at FROM task
                 WHERE id = ?1 AND deleted_at IS NULL",
                [id],
                from_row,
            )
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound {
                    what: "nhiệm vụ",
                    id: id.to_string(),
                },
                e => e.into(),
            })
    }
}

pub(crate) fn insert(
    tx: &Transaction,
    id: &str,
    meeting_id: &str,
    t: &TaskInput,
    device: &str,
) -> Result<()> {
    let now = clock::utc_now();
    tx.execute(
        "INSERT INTO task (id, meeting_id, position, body, assignee, deadline, created_at,
            updated_at, device_id)
         VALUES (?1, ?2, (SELECT COALESCE(MAX(position) + 1, 0) FROM task
                          WHERE meeting_id = ?2 AND deleted_at IS NULL),
                 ?3, ?4, ?5, ?6, ?6, ?7)",
        params![id, meeting_id, t.text, t.assignee, t.deadline, now, device],
    )?;
    Ok(())
}

pub(crate) fn validate(input: &TaskInput) -> Result<TaskInput> {
    let deadline = match input.deadline.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(s) => Some(
            clock::parse_date("deadline", "Thời hạn", s)?
                .format("%Y-%m-%d")
                .to_string(),
        ),
    };
    let text = text::long_text("text", "Nội dung nhiệm vụ", &input.text)?;
    if text.is_empty() {
        return Err(CoreError::invalid(
            "text",
            "Nội dung nhiệm vụ không được để trống.",
        ));
    }
    Ok(TaskInput {
        text,
        assignee: text::line("assignee", "Đơn vị/người thực hiện", &input.assignee)?,
        deadline,
    })
}

fn from_row(r: &Row) -> rusqlite::Result<Task> {
    Ok(Task {
        id: r.get(0)?,
        meeting_id: r.get(1)?,
        position: r.get(2)?,
        text: r.get(3)?,
        assignee: r.get(4)?,
        deadline: r.get(5)?,
        updated_at: r.get(6)?,
    })
}
