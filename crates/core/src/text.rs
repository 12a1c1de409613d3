//! Input hygiene. Every string that enters the store is trimmed and normalised
//! to Unicode NFC, so "Hà" typed with a combining mark and "Hà" typed
//! precomposed are the same name, sort together and print correctly.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use crate::error::{CoreError, Result};

/// Longest title or name we accept; longer input is almost always a paste accident.
pub const MAX_LINE: usize = 500;
/// Longest free text (a minutes entry, notes).
pub const MAX_TEXT: usize = 50_000;

pub fn nfc(s: &str) -> String {
    s.trim().nfc().collect()
}

/// A required single-line field: not empty, not absurdly long.
pub fn required(field: &'static str, label: &str, s: &str) -> Result<String> {
    let v = optional(field, label, s, MAX_LINE)?;
    if v.is_empty() {
        return Err(CoreError::invalid(
            field,
            format!("{label} không được để trống."),
        ));
    }
    Ok(v)
}

/// An optional field with a length limit (in characters, not bytes).
pub fn optional(field: &'static str, label: &str, s: &str, max: usize) -> Result<String> {
    let v = nfc(s);
    let n = v.chars().count();
    if n > max {
        return Err(CoreError::invalid(
            field,
            format!("{label} quá dài ({n} ký tự); tối đa {max} ký tự."),
        ));
    }
    Ok(v)
}

pub fn line(field: &'static str, label: &str, s: &str) -> Result<String> {
    optional(field, label, s, MAX_LINE)
}

pub fn long_text(field: &'static str, label: &str, s: &str) -> Result<String> {
    optional(field, label, s, MAX_TEXT)
}

/// Lower case without diacritics and with single spaces, for forgiving search
/// and file names: "Nguyễn  Văn Đức" → "nguyen van duc".
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
