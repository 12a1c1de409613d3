//! What importing a sheet would do, row by row, and doing it.

use std::collections::HashMap;

use hoinghi_core::model::{
    ImportAction, ImportChoices, ImportColumn, ImportField, ImportOutcome, ImportPreview,
    ImportProblem, ImportRow, ImportRowPlan, Person, PersonInput,
};
use hoinghi_core::search::code_key;
use hoinghi_core::{drawable, fold, Db, MAX_LINE};
use unicode_normalization::UnicodeNormalization;

use crate::columns;
use crate::error::ImportError;
use crate::legacy::{self, capitalise_names, Legacy};
use crate::read::{Sheet, Source};

/// The first rows of the sheet shown as they are.
const FIRST_ROWS: usize = 12;

/// Reads the chosen sheet with the chosen (or detected) columns and says
/// what importing it into the meeting's list (or, with no meeting, into the
/// person directory) would do. Nothing is written.
pub fn preview(
    db: &Db,
    meeting_id: Option<&str>,
    source: &Source,
    choices: &ImportChoices,
) -> Result<ImportPreview, ImportError> {
    preview_with(db, meeting_id, source, choices, &|_| true)
}

/// `preview`, asking `go_on` (with the share done, 0–1) now and then
/// whether to go on: a long import can be cancelled.
pub fn preview_with(
    db: &Db,
    meeting_id: Option<&str>,
    source: &Source,
    choices: &ImportChoices,
    go_on: &dyn Fn(f32) -> bool,
) -> Result<ImportPreview, ImportError> {
    plan(db, meeting_id, source, choices, go_on).map(|(preview, _)| preview)
}

/// The preview, and for each of its rows the person already listed it
/// matches (the one an update changes).
fn plan(
    db: &Db,
    meeting_id: Option<&str>,
    source: &Source,
    choices: &ImportChoices,
    go_on: &dyn Fn(f32) -> bool,
) -> Result<(ImportPreview, Vec<Option<String>>), ImportError> {
    let sheet = match &choices.sheet {
        Some(name) => source
            .sheets
            .iter()
            .find(|s| &s.name == name)
            .ok_or_else(|| ImportError::NoSuchSheet(name.clone()))?,
        // The first sheet that looks like a list, else the first.
        None => source
            .sheets
            .iter()
            .find(|s| columns::detect(&s.rows).is_some())
            .or(source.sheets.first())
            .ok_or(ImportError::NothingToImport)?,
    };
    let detected = columns::detect(&sheet.rows);
    let header = match choices.header_row {
        Some(0) => None,
        Some(n) => Some(n as usize - 1),
        None => detected.as_ref().map(|(h, _)| *h),
    };
    let width = sheet.rows.iter().map(Vec::len).max().unwrap_or(0);
    let mut fields = match (&choices.fields, &detected) {
        (Some(f), _) => f.clone(),
        (None, Some((h, f))) if Some(*h) == header => f.clone(),
        _ => header
            .and_then(|h| sheet.rows.get(h))
            .map(|r| {
                r.iter()
                    .map(|c| columns::field_of(c).unwrap_or(ImportField::Ignore))
                    .collect()
            })
            .unwrap_or_default(),
    };
    fields.resize(width, ImportField::Ignore);
    let first_data = header.map_or(0, |h| h + 1);
    let data = sheet.rows.get(first_data..).unwrap_or(&[]);

    let legacies: Vec<Option<Legacy>> = (0..width)
        .map(|c| legacy::detect(data.iter().filter_map(|r| r.get(c)).map(String::as_str)))
        .collect();
    let columns = describe_columns(sheet, header, &fields, &legacies, data);

    let mut preview = ImportPreview {
        format: source.format.to_string(),
        encoding: encoding_name(source, &fields, &legacies),
        sheets: source.sheets.iter().map(|s| s.name.clone()).collect(),
        sheet: sheet.name.clone(),
        header_row: header.map_or(0, |h| h as u32 + 1),
        columns,
        // Shown as they read once converted ("Họ và tên", not "Hä vµ tªn").
        first_rows: sheet
            .rows
            .iter()
            .take(FIRST_ROWS)
            .map(|row| {
                row.iter()
                    .enumerate()
                    .map(|(c, cell)| match legacies.get(c).copied().flatten() {
                        Some(l) if !cell.is_ascii() => l.decode(cell),
                        _ => cell.clone(),
                    })
                    .collect()
            })
            .collect(),
        rows: Vec::new(),
        problems: Vec::new(),
        added: 0,
        updated: 0,
        unchanged: 0,
        skipped: 0,
    };
    // Without a name nothing can be read: the wizard shows the columns to map.
    if !has_name_column(&fields) {
        preview.problems.push(ImportProblem {
            row: preview.header_row,
            field: ImportField::FullName,
            message: ImportError::NoNameColumn.to_string(),
            blocking: true,
        });
        return Ok((preview, Vec::new()));
    }

    // The people a row may be: the meeting's list, or the whole directory.
    let existing: Vec<Person> = match meeting_id {
        Some(id) => db.participants(id)?.into_iter().map(|p| p.person).collect(),
        None => db.list_people("")?,
    };
    let matcher = Matcher::new(&existing);
    let mut plan = Planner {
        rows: Vec::new(),
        matches: Vec::new(),
        problems: Vec::new(),
        seen: HashMap::new(),
        next_rank: existing.iter().map(|p| p.rank).max().unwrap_or(0) + 1,
    };
    for (i, cells) in data.iter().enumerate() {
        if i % 2048 == 0 && !go_on(i as f32 / data.len().max(1) as f32) {
            return Err(ImportError::Cancelled);
        }
        let row = (first_data + i + 1) as u32;
        let read = |field: ImportField| -> String {
            let mut parts = Vec::new();
            for (c, f) in fields.iter().enumerate() {
                if *f == field {
                    if let Some(text) = cells.get(c).filter(|t| !t.trim().is_empty()) {
                        parts.push(match legacies[c] {
                            Some(l) => l.decode(text),
                            None => text.nfc().collect(),
                        });
                    }
                }
            }
            parts.join(" ")
        };
        plan.add(row, &read, &fields, &legacies, choices, &matcher);
    }
    preview.rows = plan.rows;
    preview.problems = plan.problems;
    for r in &preview.rows {
        match r.action {
            ImportAction::Add => preview.added += 1,
            ImportAction::Update => preview.updated += 1,
            ImportAction::Unchanged => preview.unchanged += 1,
            ImportAction::Skip => preview.skipped += 1,
        }
    }
    Ok((preview, plan.matches))
}

/// Writes what `preview` showed, all or nothing. Rows with a blocking
/// problem or chosen to be skipped are left out.
pub fn apply(
    db: &mut Db,
    meeting_id: Option<&str>,
    source: &Source,
    choices: &ImportChoices,
) -> Result<(ImportPreview, ImportOutcome), ImportError> {
    let (preview, matches) = plan(db, meeting_id, source, choices, &|_| true)?;
    let fields: Vec<ImportField> = preview.columns.iter().map(|c| c.field).collect();
    if !has_name_column(&fields) {
        return Err(ImportError::NoNameColumn);
    }
    let rows: Vec<ImportRow> = preview
        .rows
        .iter()
        .zip(matches)
        .filter(|(r, _)| matches!(r.action, ImportAction::Add | ImportAction::Update))
        .map(|(r, person_id)| ImportRow {
            row: r.row,
            person: r.person.clone(),
            person_id,
            code: r.code.clone(),
        })
        .collect();
    if rows.is_empty() && preview.unchanged == 0 {
        return Err(ImportError::NothingToImport);
    }
    let mut outcome = db.apply_import(meeting_id, &rows)?;
    outcome.unchanged = preview.unchanged;
    outcome.skipped = preview.skipped;
    Ok((preview, outcome))
}

fn has_name_column(fields: &[ImportField]) -> bool {
    fields.iter().any(|f| {
        matches!(
            f,
            ImportField::FullName | ImportField::FamilyName | ImportField::GivenName
        )
    })
}

fn encoding_name(source: &Source, fields: &[ImportField], legacies: &[Option<Legacy>]) -> String {
    if source.format != "csv" {
        return String::new();
    }
    if source.encoding != "8-bit" {
        return source.encoding.clone();
    }
    // Bytes that are not UTF-8: name the encoding the names were read in.
    let name_column = fields
        .iter()
        .position(|f| matches!(f, ImportField::FullName | ImportField::FamilyName));
    match name_column.and_then(|c| legacies[c]) {
        Some(l) => l.name().to_string(),
        None => "Windows-1252".to_string(),
    }
}

fn describe_columns(
    sheet: &Sheet,
    header: Option<usize>,
    fields: &[ImportField],
    legacies: &[Option<Legacy>],
    data: &[Vec<String>],
) -> Vec<ImportColumn> {
    fields
        .iter()
        .enumerate()
        .map(|(c, field)| {
            let header_text = header
                .and_then(|h| sheet.rows.get(h))
                .and_then(|r| r.get(c))
                .map(|h| match legacies[c] {
                    Some(l) if !h.is_ascii() => l.decode(h),
                    _ => h.clone(),
                })
                .unwrap_or_default();
            let examples = match legacies[c] {
                Some(l) => data
                    .iter()
                    .filter_map(|r| r.get(c))
                    .filter(|t| !t.is_ascii())
                    .take(3)
                    .map(|t| (t.clone(), l.decode(t)))
                    .collect(),
                None => Vec::new(),
            };
            ImportColumn {
                header: header_text,
                field: *field,
                converted_from: legacies[c].map_or(String::new(), |l| l.name().to_string()),
                examples,
            }
        })
        .collect()
}

/// People already on the list, by code and by name and unit.
struct Matcher<'a> {
    by_code: HashMap<String, &'a Person>,
    by_name: HashMap<(String, String), &'a Person>,
}

impl<'a> Matcher<'a> {
    fn new(list: &'a [Person]) -> Self {
        Matcher {
            by_code: list
                .iter()
                .map(|p| (code_key(&p.checkin_code), p))
                .collect(),
            by_name: list
                .iter()
                .map(|p| ((fold(&p.full_name), fold(&p.unit)), p))
                .collect(),
        }
    }

    /// The person with this code, else with this name and unit.
    fn find(&self, code: &str, name: &str, unit: &str) -> Option<&'a Person> {
        let key = code_key(code);
        (!key.is_empty())
            .then(|| self.by_code.get(&key))
            .flatten()
            .or_else(|| self.by_name.get(&(fold(name), fold(unit))))
            .copied()
    }
}

struct Planner {
    rows: Vec<ImportRowPlan>,
    /// The listed person each row matches.
    matches: Vec<Option<String>>,
    problems: Vec<ImportProblem>,
    /// Name and unit → the row that had them first.
    seen: HashMap<(String, String), u32>,
    next_rank: i32,
}

impl Planner {
    fn add(
        &mut self,
        row: u32,
        read: &dyn Fn(ImportField) -> String,
        fields: &[ImportField],
        legacies: &[Option<Legacy>],
        choices: &ImportChoices,
        matcher: &Matcher,
    ) {
        let clean = |s: String| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut name = clean(read(ImportField::FullName));
        if name.is_empty() {
            name = clean(format!(
                "{} {}",
                read(ImportField::FamilyName),
                read(ImportField::GivenName)
            ));
        }
        let name_from_vntime = fields.iter().zip(legacies).any(|(f, l)| {
            matches!(
                f,
                ImportField::FullName | ImportField::FamilyName | ImportField::GivenName
            ) && *l == Some(Legacy::Tcvn3)
        });
        if name_from_vntime {
            name = capitalise_names(&name);
        }
        // What the secretary typed in the wizard wins over the file.
        let fixed = |field: ImportField, from_file: String| -> String {
            choices
                .fixes
                .iter()
                .rev()
                .find(|f| f.row == row && f.field == field)
                .map_or(from_file, |f| clean(f.value.nfc().collect()))
        };
        let name = fixed(ImportField::FullName, name);
        let title = fixed(ImportField::Title, clean(read(ImportField::Title)));
        let unit = fixed(ImportField::Unit, clean(read(ImportField::Unit)));
        let code = fixed(ImportField::Code, clean(read(ImportField::Code)));
        let phone = phone_of(&fixed(ImportField::Phone, clean(read(ImportField::Phone))));
        let email = fixed(ImportField::Email, clean(read(ImportField::Email)));
        let section_cell = fixed(ImportField::Section, clean(read(ImportField::Section)));
        let ordinal = clean(read(ImportField::Ordinal));

        // A blank row, or a line such as "Tổng cộng: 40 đại biểu", is not a person.
        let everything = [&name, &title, &unit, &code, &phone, &email, &section_cell];
        if everything.iter().all(|s| s.is_empty()) {
            return;
        }
        if name.is_empty() && !ordinal.is_empty() && ordinal.parse::<u32>().is_err() {
            return;
        }
        let found = matcher.find(&code, &name, &unit);
        let section = if !section_cell.is_empty() {
            section_cell
        } else if let Some(s) = choices.section.as_ref().filter(|s| !s.trim().is_empty()) {
            s.trim().to_string()
        } else {
            found.map_or(String::new(), |p| p.section.clone())
        };
        let person = PersonInput {
            full_name: name.clone(),
            position_title: title,
            unit,
            section,
            rank: found.map_or(self.next_rank, |p| p.rank),
            phone,
            email,
        };

        let mut problems = Vec::new();
        let mut problem = |field, message: String, blocking| {
            problems.push(ImportProblem {
                row,
                field,
                message,
                blocking,
            })
        };
        if name.is_empty() {
            problem(ImportField::FullName, "Thiếu họ và tên.".into(), true);
        }
        for (field, label, value) in [
            (ImportField::FullName, "Họ và tên", &person.full_name),
            (ImportField::Title, "Chức vụ", &person.position_title),
            (ImportField::Unit, "Đơn vị", &person.unit),
            (ImportField::Section, "Thành phần", &person.section),
            (ImportField::Phone, "Điện thoại", &person.phone),
            (ImportField::Email, "Email", &person.email),
        ] {
            let length = value.chars().count();
            if length > MAX_LINE {
                problem(
                    field,
                    format!("{label} dài {length} ký tự, quá {MAX_LINE} ký tự cho phép."),
                    true,
                );
            }
            let bad: Vec<char> = value.chars().filter(|c| !drawable(*c)).collect();
            if !bad.is_empty() {
                let shown: String = bad
                    .iter()
                    .take(5)
                    .map(|c| format!("\"{c}\" (U+{:04X}) ", *c as u32))
                    .collect();
                problem(
                    field,
                    format!(
                        "{label} có ký tự phông văn bản không in được: {}",
                        shown.trim_end()
                    ),
                    true,
                );
            }
        }
        if !person.email.is_empty() && !is_email(&person.email) {
            problem(
                ImportField::Email,
                format!("Email \"{}\" không hợp lệ.", person.email),
                true,
            );
        }
        if !person.phone.is_empty() && !is_phone(&person.phone) {
            problem(
                ImportField::Phone,
                format!(
                    "Số điện thoại \"{}\" có vẻ không đúng (vẫn nhập như đã ghi).",
                    person.phone
                ),
                false,
            );
        }
        let key = (fold(&name), fold(&person.unit));
        let chosen_out = choices.skip_rows.contains(&row);
        // A row the secretary left out does not make a later one a duplicate.
        if !name.is_empty() && !chosen_out {
            if let Some(first) = self.seen.get(&key) {
                problem(
                    ImportField::FullName,
                    format!("Trùng với dòng {first} (cùng họ tên và đơn vị)."),
                    true,
                );
            } else {
                self.seen.insert(key, row);
            }
        }

        let blocked = problems.iter().any(|p| p.blocking) || chosen_out;
        let (action, changes) = match (blocked, found) {
            (true, _) => (ImportAction::Skip, Vec::new()),
            (false, Some(p)) => {
                let changes = changes(p, &person);
                if changes.is_empty() {
                    (ImportAction::Unchanged, changes)
                } else {
                    (ImportAction::Update, changes)
                }
            }
            (false, None) => {
                self.next_rank += 1;
                (ImportAction::Add, Vec::new())
            }
        };
        self.problems.extend(problems);
        self.matches.push(found.map(|p| p.id.clone()));
        self.rows.push(ImportRowPlan {
            row,
            person,
            code,
            action,
            changes,
        });
    }
}

/// What an update changes, one line per field.
fn changes(before: &hoinghi_core::model::Person, after: &PersonInput) -> Vec<String> {
    [
        ("Họ và tên", &before.full_name, &after.full_name),
        ("Chức vụ", &before.position_title, &after.position_title),
        ("Đơn vị", &before.unit, &after.unit),
        ("Thành phần", &before.section, &after.section),
        ("Điện thoại", &before.phone, &after.phone),
        ("Email", &before.email, &after.email),
    ]
    .into_iter()
    .filter(|(_, a, b)| a != b)
    .map(|(label, a, b)| {
        let show = |s: &str| {
            if s.is_empty() {
                "(trống)".to_string()
            } else {
                s.to_string()
            }
        };
        format!("{label}: {} → {}", show(a), show(b))
    })
    .collect()
}

/// A phone number as offices write it; a number Excel stored as a number
/// lost its leading zero ("912345678" → "0912345678").
fn phone_of(cell: &str) -> String {
    let digits = cell.chars().all(|c| c.is_ascii_digit());
    if digits && cell.len() == 9 && !cell.starts_with('0') {
        format!("0{cell}")
    } else {
        cell.to_string()
    }
}

fn is_phone(s: &str) -> bool {
    let digits = s.chars().filter(char::is_ascii_digit).count();
    s.chars()
        .all(|c| c.is_ascii_digit() || " +.-()/".contains(c))
        && (8..=15).contains(&digits)
}

fn is_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.chars().any(char::is_whitespace)
        }
        None => false,
    }
}
