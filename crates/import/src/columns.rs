//! Which row holds the headers and what each column holds, from the
//! headers Vietnamese lists use ("STT", "Họ và tên", "Chức vụ", "Đơn vị"…).

use hoinghi_core::fold;
use hoinghi_core::model::ImportField;

use crate::legacy::Legacy;

/// Headers are looked for in this many first rows.
const HEADER_SEARCH: usize = 30;

/// Folded header words for each field, most specific first.
const HEADERS: &[(ImportField, &[&str])] = &[
    (
        ImportField::Ordinal,
        &["stt", "tt", "so tt", "so thu tu", "thu tu", "no"],
    ),
    (
        ImportField::FullName,
        &[
            "ho va ten",
            "ho ten",
            "ho va ten dai bieu",
            "ho ten dai bieu",
            "ten dai bieu",
            "dai bieu",
            "ho, ten",
            "ho & ten",
            "full name",
            "name",
        ],
    ),
    (
        ImportField::FamilyName,
        &["ho", "ho va dem", "ho dem", "ho va ten dem", "ho, dem"],
    ),
    (ImportField::GivenName, &["ten", "ten goi"]),
    (
        ImportField::Title,
        &[
            "chuc vu",
            "chuc danh",
            "chuc vu, chuc danh",
            "chuc vu/chuc danh",
            "chuc vu chuc danh",
        ],
    ),
    (
        ImportField::Unit,
        &[
            "don vi",
            "co quan",
            "don vi cong tac",
            "co quan cong tac",
            "noi cong tac",
            "co quan, don vi",
            "co quan/don vi",
            "don vi/co quan",
        ],
    ),
    (
        ImportField::Code,
        &["ma", "ma dai bieu", "ma so", "ma dd", "code"],
    ),
    (
        ImportField::Phone,
        &[
            "sdt",
            "so dien thoai",
            "dien thoai",
            "dt",
            "dtdd",
            "di dong",
            "so dt",
        ],
    ),
    (
        ImportField::Email,
        &["email", "e-mail", "thu dien tu", "mail", "dia chi email"],
    ),
    (
        ImportField::Section,
        &["thanh phan", "nhom", "nhom dai bieu", "doan", "khoi"],
    ),
    (
        ImportField::Ignore,
        &["ghi chu", "ky ten", "chu ky", "ky nhan"],
    ),
];

/// The field a header names, trying the header as it is and as each legacy
/// font would read it (".VnTimeH" headers look like "Hä vµ tªn").
pub fn field_of(header: &str) -> Option<ImportField> {
    let mut readings = vec![header.to_string()];
    if !header.is_ascii() {
        readings.extend([Legacy::Tcvn3, Legacy::Vni, Legacy::Cp1258].map(|l| l.decode(header)));
    }
    readings.iter().find_map(|h| {
        let key: String = fold(h)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .replace(['.', ':', '*'], "")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        HEADERS
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))
            .map(|(f, _)| *f)
    })
}

/// The header row (0-based) and the field of each column: the row among
/// the first ones with the most recognised headers (at least two, one of
/// them a name). A row under it with "Họ" and "Tên" under a merged "Họ và
/// tên" is taken as part of the header.
pub fn detect(rows: &[Vec<String>]) -> Option<(usize, Vec<ImportField>)> {
    let mut best: Option<(usize, usize)> = None;
    for (i, row) in rows.iter().take(HEADER_SEARCH).enumerate() {
        let fields: Vec<ImportField> = row.iter().filter_map(|c| field_of(c)).collect();
        let named = fields.iter().any(|f| {
            matches!(
                f,
                ImportField::FullName | ImportField::FamilyName | ImportField::GivenName
            )
        });
        let score = fields.iter().filter(|f| **f != ImportField::Ignore).count();
        if named && score >= 2 && best.is_none_or(|(_, s)| score > s) {
            best = Some((i, score));
        }
    }
    let (header, _) = best?;
    let mut fields = fields_of(&rows[header]);
    // "Họ và tên" merged over two columns, "Họ" | "Tên" under it.
    if let Some(below) = rows.get(header + 1) {
        let sub = fields_of(below);
        let splits_name =
            sub.contains(&ImportField::FamilyName) && sub.contains(&ImportField::GivenName);
        if splits_name {
            for (i, f) in sub.iter().enumerate() {
                if *f != ImportField::Ignore {
                    if i >= fields.len() {
                        fields.resize(i + 1, ImportField::Ignore);
                    }
                    fields[i] = *f;
                }
            }
            return Some((header + 1, fields));
        }
    }
    Some((header, fields))
}

fn fields_of(row: &[String]) -> Vec<ImportField> {
    let mut seen = Vec::new();
    row.iter()
        .map(|c| match field_of(c) {
            // A second column with the same header (a merged header filled
            // into both) keeps only the first.
            Some(f) if f != ImportField::Ignore && seen.contains(&f) => ImportField::Ignore,
            Some(f) => {
                seen.push(f);
                f
            }
            None => ImportField::Ignore,
        })
        .collect()
}
