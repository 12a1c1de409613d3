//! The directory of people (đại biểu), shared by all meetings.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::clock;
use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{FormatSettings, ListOrder, Person, PersonInput};
use crate::store::{require_current, soft_delete};
use crate::text::{self, fold};

pub(crate) const COLUMNS: &str =
    "p.id, p.full_name, p.position_title, p.unit, p.section, p.rank, p.phone, p.email, p.checkin_code, p.is_demo, p.updated_at";
/// How many columns `COLUMNS` names (`person_from_row` reads them in order).
pub(crate) const COLUMN_COUNT: usize = 11;

impl Db {
    /// Live people in precedence order. `query` matches name, title or unit,
    /// ignoring case and Vietnamese diacritics ("nguyen van" finds "Nguyễn Văn").
    pub fn list_people(&self, query: &str) -> Result<Vec<Person>> {
        let sql = format!(
            "SELECT {COLUMNS} FROM person p WHERE p.deleted_at IS NULL ORDER BY {}",
            order_by(&self.conn)?
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let people = stmt
            .query_map([], person_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let needle = fold(query);
        if needle.is_empty() {
            return Ok(people);
        }
        Ok(people
            .into_iter()
            .filter(|p| {
                fold(&format!("{} {} {}", p.full_name, p.position_title, p.unit)).contains(&needle)
            })
            .collect())
    }

    pub fn person(&self, id: &str) -> Result<Person> {
        let sql =
            format!("SELECT {COLUMNS} FROM person p WHERE p.id = ?1 AND p.deleted_at IS NULL");
        self.conn
            .query_row(&sql, [id], person_from_row)
            .map_err(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => CoreError::NotFound {
                    what: "đại biểu",
                    id: id.to_string(),
                },
                e => e.into(),
            })
    }

    pub fn create_person(&mut self, input: &PersonInput) -> Result<Person> {
        let p = validate(input)?;
        let id = clock::new_id();
        self.write(|tx, device| insert(tx, &id, &p, false, device))?;
        self.person(&id)
    }

    /// Saves a person; `seen` is the `updated_at` the editor started from.
    pub fn update_person(&mut self, id: &str, seen: &str, input: &PersonInput) -> Result<Person> {
        let p = validate(input)?;
        self.write(|tx, device| {
            let stamp = require_current(tx, "person", "đại biểu", id, seen)?;
            update(tx, id, &p, &stamp, device)
        })?;
        self.person(id)
    }

    /// Removes a person from the directory. Past meetings keep them in their
    /// lists and attendance records.
    pub fn delete_person(&mut self, id: &str) -> Result<()> {
        self.write(|tx, device| soft_delete(tx, "person", "đại biểu", id, device))
    }
}

pub(crate) fn validate(input: &PersonInput) -> Result<PersonInput> {
    let email = text::line("email", "Thư điện tử", &input.email)?;
    if !email.is_empty() && !email.contains('@') {
        return Err(CoreError::invalid(
            "email",
            format!("Địa chỉ thư điện tử \"{email}\" không hợp lệ."),
        ));
    }
    Ok(PersonInput {
        full_name: text::required("fullName", "Họ và tên", &input.full_name)?,
        position_title: text::line("positionTitle", "Chức vụ", &input.position_title)?,
        unit: text::line("unit", "Đơn vị", &input.unit)?,
        section: text::line("section", "Nhóm đại biểu", &input.section)?,
        rank: input.rank,
        phone: text::line("phone", "Điện thoại", &input.phone)?,
        email,
    })
}

pub(crate) fn insert(
    tx: &Transaction,
    id: &str,
    p: &PersonInput,
    is_demo: bool,
    device: &str,
) -> Result<()> {
    let now = clock::utc_now();
    tx.prepare_cached(
        "INSERT INTO person (id, full_name, position_title, unit, section, rank, phone, email,
            checkin_code, is_demo, created_at, updated_at, device_id, sort_key, given_key, unit_key)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        id,
        p.full_name,
        p.position_title,
        p.unit,
        p.section,
        p.rank,
        p.phone,
        p.email,
        checkin_code(id),
        is_demo,
        now,
        device,
        text::sort_key(&p.full_name),
        text::given_name_key(&p.full_name),
        text::sort_key(&p.unit)
    ])?;
    Ok(())
}

/// Writes a person's details (already validated), stamped `stamp`.
pub(crate) fn update(
    tx: &Transaction,
    id: &str,
    p: &PersonInput,
    stamp: &str,
    device: &str,
) -> Result<()> {
    tx.execute(
        "UPDATE person SET full_name = ?2, position_title = ?3, unit = ?4, section = ?5,
            rank = ?6, phone = ?7, email = ?8, updated_at = ?9, device_id = ?10,
            sort_key = ?11, given_key = ?12, unit_key = ?13
         WHERE id = ?1 AND deleted_at IS NULL",
        params![
            id,
            p.full_name,
            p.position_title,
            p.unit,
            p.section,
            p.rank,
            p.phone,
            p.email,
            stamp,
            device,
            text::sort_key(&p.full_name),
            text::given_name_key(&p.full_name),
            text::sort_key(&p.unit)
        ],
    )?;
    Ok(())
}

/// Computes the sort keys of every stored person (after the migrations that
/// added them).
pub(crate) fn fill_sort_keys(tx: &Transaction) -> Result<()> {
    let people: Vec<(String, String, String)> = tx
        .prepare("SELECT id, full_name, unit FROM person")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update =
        tx.prepare("UPDATE person SET sort_key = ?2, given_key = ?3, unit_key = ?4 WHERE id = ?1")?;
    for (id, name, unit) in people {
        update.execute(params![
            id,
            text::sort_key(&name),
            text::given_name_key(&name),
            text::sort_key(&unit)
        ])?;
    }
    Ok(())
}

/// `ORDER BY` for people (`p`) in the order the settings ask for.
pub(crate) fn order_by(conn: &Connection) -> Result<&'static str> {
    let json: Option<String> = conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'format_settings'",
            [],
            |r| r.get(0),
        )
        .optional()?;
    let order = json.map_or(ListOrder::Rank, |j| {
        FormatSettings::from_json(&j).list_order
    });
    Ok(match order {
        ListOrder::Rank => "p.rank, p.sort_key",
        ListOrder::GivenName => "p.given_key, p.rank",
        ListOrder::Unit => "p.unit_key, p.rank, p.sort_key",
    })
}

/// A short code to find a person by at the door, from the random tail of their UUIDv7
/// (40 bits in Crockford base32: 8 characters, no I/L/O/U to misread).
fn checkin_code(id: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let hex: String = id.chars().filter(char::is_ascii_hexdigit).collect();
    let tail = u64::from_str_radix(&hex[hex.len() - 10..], 16).unwrap_or(0);
    (0..8)
        .rev()
        .map(|i| ALPHABET[((tail >> (i * 5)) & 31) as usize] as char)
        .collect()
}

pub(crate) fn person_from_row(r: &Row) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        full_name: r.get(1)?,
        position_title: r.get(2)?,
        unit: r.get(3)?,
        section: r.get(4)?,
        rank: r.get(5)?,
        phone: r.get(6)?,
        email: r.get(7)?,
        checkin_code: r.get(8)?,
        is_demo: r.get(9)?,
        updated_at: r.get(10)?,
    })
}

pub(crate) fn exists_live(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS(SELECT 1 FROM person WHERE id = ?1 AND deleted_at IS NULL)",
        [id],
        |r| r.get(0),
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_column_count_matches_the_columns() {
        assert_eq!(COLUMNS.split(',').count(), COLUMN_COUNT);
    }
}
