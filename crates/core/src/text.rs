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

/// The Vietnamese alphabet in its own order: "ă" and "â" follow "a", "đ"
/// follows "d", and so on. Latin letters Vietnamese does not use (f, j, w, z)
/// sit where the Latin alphabet has them.
const ALPHABET: [&str; 33] = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o",
    "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
];

/// Tone marks in dictionary order: ngang (none), huyền, hỏi, ngã, sắc, nặng.
const TONES: [char; 5] = ['\u{300}', '\u{309}', '\u{303}', '\u{301}', '\u{323}'];

/// A key whose plain byte order is Vietnamese dictionary order, stored beside a
/// name so that SQLite sorts and indexes it without a custom collation:
/// "Bùi" < "Dương" < "Đặng" < "Vũ" (d comes before đ). Letters decide first,
/// word by word, then tones, then case.
pub fn sort_key(s: &str) -> String {
    let mut letters = String::new();
    let mut tones = String::new();
    let mut cases = String::new();
    for word in nfc(s).split_whitespace() {
        if !letters.is_empty() {
            letters.push('\u{2}');
        }
        for c in word.chars() {
            let lower: String = c.to_lowercase().collect();
            let mut base = String::new();
            let mut tone = 0;
            for d in lower.nfd() {
                match TONES.iter().position(|t| *t == d) {
                    Some(i) => tone = i + 1,
                    None => base.push(d),
                }
            }
            let base: String = base.nfc().collect();
            letters.push(match ALPHABET.iter().position(|a| *a == base) {
                // 'A'.. : above digits and the separators, below other scripts.
                Some(i) => char::from(b'A' + i as u8),
                None if base.len() == 1 && base.as_bytes()[0].is_ascii_digit() => {
                    base.chars().next().unwrap_or('0')
                }
                None if base.is_ascii() => '\u{3}',
                None => base.chars().next().unwrap_or('\u{3}'),
            });
            tones.push(char::from(b'0' + tone as u8));
            cases.push(if c.is_lowercase() { '0' } else { '1' });
        }
    }
    format!("{letters}\u{1}{tones}\u{1}{cases}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<&str> = names.to_vec();
        v.sort_by_key(|n| sort_key(n));
        v.into_iter().map(str::to_string).collect()
    }

    #[test]
    fn names_sort_in_vietnamese_dictionary_order() {
        assert_eq!(
            sorted(&[
                "Vũ Văn A",
                "Đặng Văn A",
                "Dương Văn A",
                "Bùi Văn A",
                "Ân Văn A",
                "An Văn A",
                "Ăn Văn A"
            ]),
            [
                "An Văn A",
                "Ăn Văn A",
                "Ân Văn A",
                "Bùi Văn A",
                "Dương Văn A",
                "Đặng Văn A",
                "Vũ Văn A"
            ]
            .map(str::to_string),
            "a, ă, â in that order; đ after d; all before v"
        );
        assert_eq!(
            sorted(&["ma", "mạ", "má", "mã", "mả", "mà"]),
            ["ma", "mà", "mả", "mã", "má", "mạ"].map(str::to_string),
            "tones in dictionary order: ngang, huyền, hỏi, ngã, sắc, nặng"
        );
        assert_eq!(
            sorted(&["Lê Anh", "Lê An", "Lê Ánh"]),
            ["Lê An", "Lê Anh", "Lê Ánh"].map(str::to_string),
            "a shorter word first; letters before tones"
        );
        assert_eq!(
            sort_key("Hoa\u{300}"),
            sort_key("Hoà"),
            "decomposed input sorts as its composed form"
        );
    }
}
