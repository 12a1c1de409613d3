//! From a file's bytes to sheets of text cells: spreadsheets with calamine,
//! text files with the csv crate after finding their encoding and delimiter.

use std::io::Cursor;

use calamine::{open_workbook_auto_from_rs, Cell, Data, DataRef, Range, Reader, Sheets, XlsxError};

use crate::error::ImportError;

/// Larger files are refused before they are read.
pub const MAX_BYTES: usize = 50 * 1024 * 1024;

/// A file's sheets as text, each cell as the spreadsheet shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    /// "xlsx", "xls", "ods" or "csv".
    pub format: &'static str,
    /// The text encoding of a CSV file ("" for spreadsheets).
    pub encoding: String,
    pub sheets: Vec<Sheet>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// Row 0 is the sheet's row 1, column 0 its column A.
    pub rows: Vec<Vec<String>>,
}

/// Reads a delegate list file. `name` (the file's name) only names the
/// single sheet of a CSV file.
pub fn read(bytes: &[u8], name: &str) -> Result<Source, ImportError> {
    read_with(bytes, name, &|_| true)
}

/// `read`, telling `go_on` now and then how far it has got (0–1) and
/// stopping with `ImportError::Cancelled` when it answers false. Only an
/// .xlsx sheet is read in steps; other formats report each sheet done.
pub fn read_with(
    bytes: &[u8],
    name: &str,
    go_on: &dyn Fn(f32) -> bool,
) -> Result<Source, ImportError> {
    if bytes.is_empty() {
        return Err(ImportError::Empty);
    }
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            megabytes: bytes.len().div_ceil(1024 * 1024),
        });
    }
    const ZIP: &[u8] = b"PK\x03\x04";
    const OLE: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
    if bytes.starts_with(OLE) {
        // A password-protected .xlsx is an OLE container holding the
        // encrypted package.
        if contains_utf16(bytes, "EncryptionInfo") || contains_utf16(bytes, "EncryptedPackage") {
            return Err(ImportError::Encrypted);
        }
        return spreadsheet(bytes, "xls", go_on);
    }
    if bytes.starts_with(ZIP) {
        // An OpenDocument file names its type first, uncompressed.
        let head = &bytes[..bytes.len().min(256)];
        let format = if contains(
            head,
            b"mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
        ) {
            "ods"
        } else {
            "xlsx"
        };
        return spreadsheet(bytes, format, go_on);
    }
    text(bytes, name)
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn contains_utf16(hay: &[u8], needle: &str) -> bool {
    let wide: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    contains(hay, &wide)
}

fn spreadsheet(
    bytes: &[u8],
    format: &'static str,
    go_on: &dyn Fn(f32) -> bool,
) -> Result<Source, ImportError> {
    let unreadable = |e: &dyn std::fmt::Display| ImportError::Unreadable {
        format,
        detail: e.to_string(),
    };
    let mut book = open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let names = book.sheet_names();
    let count = names.len().max(1) as f32;
    let mut sheets = Vec::with_capacity(names.len());
    for (i, name) in names.into_iter().enumerate() {
        let share = |within: f32| go_on((i as f32 + within) / count);
        if !share(0.0) {
            return Err(ImportError::Cancelled);
        }
        let range = match &mut book {
            Sheets::Xlsx(xlsx) => xlsx_range(xlsx, &name, &share).map_err(|e| match e {
                Stepped::Cancelled => ImportError::Cancelled,
                Stepped::Failed(e) => unreadable(&e),
            })?,
            other => other.worksheet_range(&name).map_err(|e| unreadable(&e))?,
        };
        let mut rows = grid(&range);
        for region in merged(&mut book, &name) {
            fill(&mut rows, region);
        }
        sheets.push(Sheet { name, rows });
    }
    go_on(1.0);
    Ok(Source {
        format,
        encoding: String::new(),
        sheets,
    })
}

enum Stepped {
    Cancelled,
    Failed(XlsxError),
}

/// An .xlsx sheet read cell by cell, as calamine's `worksheet_range` does,
/// telling `share` every few thousand cells how far down the sheet it is.
fn xlsx_range(
    xlsx: &mut calamine::Xlsx<Cursor<&[u8]>>,
    name: &str,
    share: &dyn Fn(f32) -> bool,
) -> Result<Range<Data>, Stepped> {
    let mut reader = match xlsx.worksheet_cells_reader(name) {
        Ok(reader) => reader,
        // A chart sheet: no cells.
        Err(XlsxError::NotAWorksheet(_)) => return Ok(Range::default()),
        Err(e) => return Err(Stepped::Failed(e)),
    };
    let dimensions = reader.dimensions();
    let last_row = dimensions.end.0.max(1) as f32;
    let mut cells = Vec::with_capacity(dimensions.len().min(1 << 20) as usize);
    let mut seen = 0_u32;
    while let Some(cell) = reader.next_cell().map_err(Stepped::Failed)? {
        seen += 1;
        if seen.is_multiple_of(4096) && !share(cell.get_position().0 as f32 / last_row) {
            return Err(Stepped::Cancelled);
        }
        if !matches!(cell.get_value(), DataRef::Empty) {
            cells.push(Cell::new(
                cell.get_position(),
                Data::from(cell.get_value().clone()),
            ));
        }
    }
    Ok(Range::from_sparse(cells))
}

/// The cells of a range as text, placed at their sheet positions.
fn grid(range: &Range<Data>) -> Vec<Vec<String>> {
    let Some((top, left)) = range.start() else {
        return Vec::new();
    };
    let mut rows = vec![Vec::new(); top as usize];
    for row in range.rows() {
        let mut cells = vec![String::new(); left as usize];
        cells.extend(row.iter().map(cell_text));
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    rows
}

/// A cell as the spreadsheet shows it: whole numbers without ".0", dates
/// as dd/mm/yyyy, formulas by their last computed value.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
        Data::DateTime(d) => match d.as_datetime() {
            Some(t) if t.time() == chrono::NaiveTime::MIN => t.format("%d/%m/%Y").to_string(),
            Some(t) => t.format("%d/%m/%Y %H:%M").to_string(),
            None => d.as_f64().to_string(),
        },
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
    }
}

/// Merged regions of a sheet, (first row, first column, last row, last
/// column), where the format tells them.
fn merged(book: &mut Sheets<Cursor<&[u8]>>, name: &str) -> Vec<(usize, usize, usize, usize)> {
    let dims = match book {
        Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
        _ => Vec::new(),
    };
    dims.into_iter()
        .map(|d| {
            (
                d.start.0 as usize,
                d.start.1 as usize,
                d.end.0 as usize,
                d.end.1 as usize,
            )
        })
        .collect()
}

/// Gives every cell of a merged region the text of its first cell: a header
/// merged over two columns, a unit merged over the rows of its delegates.
fn fill(rows: &mut [Vec<String>], (top, left, bottom, right): (usize, usize, usize, usize)) {
    let Some(value) = rows.get(top).and_then(|r| r.get(left)).cloned() else {
        return;
    };
    // A region of a whole column or more is formatting, not data.
    if bottom.saturating_sub(top) > 10_000 || right.saturating_sub(left) > 100 {
        return;
    }
    for row in rows.iter_mut().take(bottom + 1).skip(top) {
        if row.len() <= right {
            row.resize(right + 1, String::new());
        }
        for cell in row.iter_mut().take(right + 1).skip(left) {
            if cell.is_empty() {
                cell.clone_from(&value);
            }
        }
    }
}

/// A text file: its encoding found from its byte-order mark or its bytes,
/// its delimiter from its first lines.
fn text(bytes: &[u8], name: &str) -> Result<Source, ImportError> {
    let (text, encoding) = decode(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let delimiter = sniff_delimiter(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| ImportError::Unreadable {
            format: "csv",
            detail: e.to_string(),
        })?;
        let mut cells: Vec<String> = record.iter().map(str::to_string).collect();
        while cells.last().is_some_and(String::is_empty) {
            cells.pop();
        }
        rows.push(cells);
    }
    while rows.last().is_some_and(Vec::is_empty) {
        rows.pop();
    }
    let stem = std::path::Path::new(name)
        .file_stem()
        .map_or_else(|| "CSV".to_string(), |s| s.to_string_lossy().into_owned());
    Ok(Source {
        format: "csv",
        encoding,
        sheets: vec![Sheet { name: stem, rows }],
    })
}

/// The text of a file and the name of its encoding. Bytes that are not
/// UTF-8 are read as Windows-1252 for now: each column is then read as
/// Windows-1258, TCVN3 or VNI, whichever it turns out to be
/// (`crate::legacy::detect`).
fn decode(bytes: &[u8]) -> Result<(String, String), ImportError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if had_errors && encoding != encoding_rs::UTF_8 {
            return Err(ImportError::NotAList);
        }
        let name = match encoding.name() {
            "UTF-8" => "UTF-8 (có BOM)",
            "UTF-16LE" => "UTF-16 LE",
            _ => "UTF-16 BE",
        };
        return Ok((text.into_owned(), name.to_string()));
    }
    // Text has no NUL bytes (UTF-16 without a mark is not something Excel writes).
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    if sample.contains(&0) || looks_binary(sample) {
        return Err(ImportError::NotAList);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok((text.to_string(), "UTF-8".to_string())),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok((text.into_owned(), "8-bit".to_string()))
        }
    }
}

/// Many control characters (other than tab and line ends) mean the file is
/// not text.
fn looks_binary(sample: &[u8]) -> bool {
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
        .count();
    controls * 50 > sample.len()
}

/// The delimiter that splits the first lines most evenly: comma, semicolon
/// (Excel in Vietnamese settings) or tab.
fn sniff_delimiter(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(30)
        .collect();
    let mut best = (0usize, b',');
    for d in [b',', b';', b'\t'] {
        let counts: Vec<usize> = lines.iter().map(|l| count_outside_quotes(l, d)).collect();
        let mut sorted = counts.clone();
        sorted.sort_unstable();
        let typical = sorted.get(sorted.len() / 2).copied().unwrap_or(0);
        if typical == 0 {
            continue;
        }
        let agreeing = counts.iter().filter(|&&c| c == typical).count();
        let score = agreeing * 100 + typical;
        if score > best.0 {
            best = (score, d);
        }
    }
    best.1
}

fn count_outside_quotes(line: &str, delimiter: u8) -> usize {
    let mut quoted = false;
    let mut n = 0;
    for b in line.bytes() {
        if b == b'"' {
            quoted = !quoted;
        } else if b == delimiter && !quoted {
            n += 1;
        }
    }
    n
}
