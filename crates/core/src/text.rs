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

/// Characters the bundled document font draws in all four faces, as ranges of
/// code points. Text outside them is refused when it is typed, with the same
/// message export would give, rather than failing weeks later at export.
/// `hoinghi-vanban`'s tests check every range against the font files.
pub const DRAWABLE: &[(char, char)] = &[
    (' ', '~'),
    ('\u{A0}', '\u{24F}'),  // Latin-1, Latin Extended-A and B (Ơ ơ Ư ư)
    ('\u{300}', '\u{36F}'), // combining marks left after NFC
    ('\u{391}', '\u{3A1}'), // Greek capitals
    ('\u{3A3}', '\u{3A9}'),
    ('\u{3B1}', '\u{3C9}'),   // Greek small letters (α, β, … in reports)
    ('\u{400}', '\u{45F}'),   // Cyrillic (Russian names and units)
    ('\u{1E00}', '\u{1E9B}'), // Latin Extended Additional
    ('\u{1EA0}', '\u{1EF9}'), // every precomposed Vietnamese letter
    ('\u{2010}', '\u{2010}'),
    ('\u{2012}', '\u{2022}'), // dashes, quotation marks, bullets
    ('\u{2026}', '\u{2026}'), // …
    ('\u{2030}', '\u{2030}'), // ‰
    ('\u{2032}', '\u{2033}'), // ′ ″
    ('\u{2039}', '\u{203A}'),
    ('\u{20AB}', '\u{20AC}'), // ₫ €
    ('\u{2116}', '\u{2116}'), // №
    ('\u{2122}', '\u{2122}'), // ™
    ('\u{2190}', '\u{2195}'), // arrows
    ('\u{2212}', '\u{2212}'), // minus
    ('\u{2264}', '\u{2265}'), // ≤ ≥
];

/// Characters that never belong in a record, whatever the font: they are
/// invisible or reorder text, so a name made of them looks filled in but is not,
/// and a bidi override can make a printed line read differently from what was typed.
fn forbidden(c: char, multiline: bool) -> Option<&'static str> {
    match c {
        '\t' | '\n' if multiline => None,
        '\0' => Some("ký tự rỗng (NUL)"),
        c if c.is_control() => Some("ký tự điều khiển"),
        '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{180E}' => {
            Some("ký tự vô hình (độ rộng bằng 0)")
        }
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{206A}'..='\u{206F}' => {
            Some("ký tự đổi chiều viết")
        }
        _ => None,
    }
}

pub fn drawable(c: char) -> bool {
    c == '\t' || c == '\n' || DRAWABLE.iter().any(|(lo, hi)| (*lo..=*hi).contains(&c))
}

/// The message export gives for the same characters, so the user meets one wording.
pub fn undrawable_message(label: &str, chars: &[char]) -> String {
    let list = chars
        .iter()
        .map(|c| format!("\"{c}\" (U+{:04X})", u32::from(*c)))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "{label}: phông chữ văn bản không có các ký tự sau nên không thể in ra: {list}. \
         Hãy sửa hoặc xoá chúng."
    )
}

/// The one text policy: NFC, trimmed, no control, invisible or bidi characters
/// (tab and line breaks only in multi-line text), only what the document font
/// can draw, and at most `max` characters.
fn clean(field: &'static str, label: &str, s: &str, max: usize, multiline: bool) -> Result<String> {
    let v: String = s.replace("\r\n", "\n").trim().nfc().collect();
    if let Some((c, what)) = v
        .chars()
        .find_map(|c| forbidden(c, multiline).map(|w| (c, w)))
    {
        return Err(CoreError::invalid(
            field,
            format!(
                "{label} chứa {what} (U+{:04X}), thường do dán từ nơi khác. Hãy xoá rồi gõ lại.",
                u32::from(c)
            ),
        ));
    }
    let mut missing: Vec<char> = Vec::new();
    for c in v.chars().filter(|c| !drawable(*c)) {
        if !missing.contains(&c) && missing.len() < 5 {
            missing.push(c);
        }
    }
    if !missing.is_empty() {
        return Err(CoreError::invalid(
            field,
            undrawable_message(label, &missing),
        ));
    }
    let n = v.chars().count();
    if n > max {
        return Err(CoreError::invalid(
            field,
            format!("{label} quá dài ({n} ký tự); tối đa {max} ký tự."),
        ));
    }
    Ok(v)
}

/// A required single-line field: something visible, not absurdly long.
pub fn required(field: &'static str, label: &str, s: &str) -> Result<String> {
    let v = optional(field, label, s, MAX_LINE)?;
    if !v.chars().any(|c| !c.is_whitespace()) {
        return Err(CoreError::invalid(
            field,
            format!("{label} không được để trống."),
        ));
    }
    Ok(v)
}

/// An optional single-line field with a length limit (in characters, not bytes).
pub fn optional(field: &'static str, label: &str, s: &str, max: usize) -> Result<String> {
    clean(field, label, s, max, false)
}

pub fn line(field: &'static str, label: &str, s: &str) -> Result<String> {
    optional(field, label, s, MAX_LINE)
}

/// Free text over several lines (minutes, notes, document wording).
pub fn long_text(field: &'static str, label: &str, s: &str) -> Result<String> {
    clean(field, label, s, MAX_TEXT, true)
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
            let (base, tone) = letter_and_tone(c.to_lowercase().next().unwrap_or(c));
            letters.push(
                match ALPHABET
                    .iter()
                    .position(|a| a.starts_with(base) && a.len() == base.len_utf8())
                {
                    // 'A'.. : above digits and the separators, below other scripts.
                    Some(i) => char::from(b'A' + i as u8),
                    None if base.is_ascii_digit() => base,
                    None if base.is_ascii() => '\u{3}',
                    None => base,
                },
            );
            tones.push(char::from(b'0' + tone as u8));
            cases.push(if c.is_lowercase() { '0' } else { '1' });
        }
    }
    format!("{letters}\u{1}{tones}\u{1}{cases}")
}

/// A lower-case letter without its tone mark ("ệ" → "ê") and the tone (0:
/// none, then `TONES`' order), without allocating: sort keys are made for
/// every name written, thousands at a time on an import.
fn letter_and_tone(c: char) -> (char, usize) {
    if c.is_ascii() {
        return (c, 0);
    }
    let mut base: Option<char> = None;
    let mut tone = 0;
    unicode_normalization::char::decompose_canonical(c, |d| {
        match TONES.iter().position(|t| *t == d) {
            Some(i) => tone = i + 1,
            None => {
                base = Some(match base {
                    None => d,
                    Some(b) => unicode_normalization::char::compose(b, d).unwrap_or(b),
                })
            }
        }
    });
    (base.unwrap_or(c), tone)
}

/// The key of a name in alphabetical Vietnamese lists: the given name (the
/// last word) first, then the family name and the middle names, so that
/// "Nguyễn Văn An" comes before "Trần Thị Bình" and "Lê Văn An" before
/// "Nguyễn Văn An".
pub fn given_name_key(full_name: &str) -> String {
    let words: Vec<&str> = full_name.split_whitespace().collect();
    match words.split_last() {
        Some((given, rest)) if !rest.is_empty() => sort_key(&format!("{given} {}", rest.join(" "))),
        _ => sort_key(full_name),
    }
}

/// Moves the tone mark of every syllable ending in "oa", "oe" or "uy" to the
/// vowel `style` wants: "Hòa Bình" ↔ "Hoà Bình", "ỦY BAN" ↔ "UỶ BAN". A
/// syllable with a final consonant ("hoàn", "khuyến") or "qu" ("quý") has one
/// spelling only and is left alone, as is everything else (and borrowed when
/// nothing moves).
pub fn place_tone_marks(s: &str, style: crate::model::ToneMarks) -> std::borrow::Cow<'_, str> {
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if is_letter(c) {
            start.get_or_insert(i);
            continue;
        }
        let Some(from) = start.take() else { continue };
        if let Some(respelt) = retone(&s[from..i], style) {
            let out = out.get_or_insert_with(|| String::with_capacity(s.len()));
            out.push_str(&s[copied..from]);
            out.push_str(&respelt);
            copied = i;
        }
    }
    match out {
        Some(mut out) => {
            out.push_str(&s[copied..]);
            std::borrow::Cow::Owned(out)
        }
        None => std::borrow::Cow::Borrowed(s),
    }
}

/// `char::is_alphabetic`, answered without a table search for the letters
/// Vietnamese is written with (a long list has a hundred thousand of them).
fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '×' | '÷' => false,
        '\u{C0}'..='\u{24F}' | '\u{1EA0}'..='\u{1EF9}' => true,
        _ => c.is_alphabetic(),
    }
}

/// The vowels a tone mark moves between, unmarked and in each tone (`TONES`'
/// order: grave, hook, tilde, acute, dot below), lower case then upper case.
const VOWELS: [[char; 6]; 10] = [
    ['a', 'à', 'ả', 'ã', 'á', 'ạ'],
    ['e', 'è', 'ẻ', 'ẽ', 'é', 'ẹ'],
    ['o', 'ò', 'ỏ', 'õ', 'ó', 'ọ'],
    ['u', 'ù', 'ủ', 'ũ', 'ú', 'ụ'],
    ['y', 'ỳ', 'ỷ', 'ỹ', 'ý', 'ỵ'],
    ['A', 'À', 'Ả', 'Ã', 'Á', 'Ạ'],
    ['E', 'È', 'Ẻ', 'Ẽ', 'É', 'Ẹ'],
    ['O', 'Ò', 'Ỏ', 'Õ', 'Ó', 'Ọ'],
    ['U', 'Ù', 'Ủ', 'Ũ', 'Ú', 'Ụ'],
    ['Y', 'Ỳ', 'Ỷ', 'Ỹ', 'Ý', 'Ỵ'],
];

/// Where `c` is in `VOWELS`: (row, tone).
fn vowel(c: char) -> Option<(usize, usize)> {
    if c.is_ascii() && !matches!(c, 'a' | 'e' | 'o' | 'u' | 'y' | 'A' | 'E' | 'O' | 'U' | 'Y') {
        return None;
    }
    VOWELS
        .iter()
        .enumerate()
        .find_map(|(row, tones)| Some((row, tones.iter().position(|t| *t == c)?)))
}

/// One syllable with its tone mark where `style` puts it, if that moves it.
/// Only a syllable ending in "oa", "oe" or "uy" (any case, toned or not) can
/// change, and its last three letters decide; most are left as they are,
/// without copying.
fn retone(word: &str, style: crate::model::ToneMarks) -> Option<String> {
    use crate::model::ToneMarks;
    let mut from_end = word.char_indices().rev();
    let (_, last) = from_end.next()?;
    let (second, t2) = vowel(last)?;
    let (at, next_to_last) = from_end.next()?;
    let (first, t1) = vowel(next_to_last)?;
    if !matches!((first % 5, second % 5), (2, 0) | (2, 1) | (3, 4)) {
        return None;
    }
    // "quý": u belongs to the consonant; "khuya", "ngoeo": three vowels.
    if let Some((_, before)) = from_end.next() {
        let mut base = None;
        unicode_normalization::char::decompose_canonical(before, |d| {
            base.get_or_insert(d.to_ascii_lowercase());
        });
        if base.is_some_and(|b| b == 'q' || "aeiouy".contains(b)) {
            return None;
        }
    }
    // The tone mark leaves one letter for the other, which must be bare.
    let (first, second) = match style {
        ToneMarks::FirstVowel if t2 > 0 && t1 == 0 => (VOWELS[first][t2], VOWELS[second][0]),
        ToneMarks::MainVowel if t1 > 0 && t2 == 0 => (VOWELS[first][0], VOWELS[second][t1]),
        _ => return None,
    };
    let mut out = String::with_capacity(word.len());
    out.push_str(&word[..at]);
    out.push(first);
    out.push(second);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_are_told_apart_as_unicode_does() {
        for c in '\0'..='\u{2FFF}' {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
        }
    }

    #[test]
    fn the_vowel_table_is_unicode_s_composition_of_each_vowel_and_tone() {
        for tones in VOWELS {
            for (tone, mark) in TONES.iter().enumerate() {
                assert_eq!(
                    nfc(&format!("{}{mark}", tones[0])),
                    tones[tone + 1].to_string()
                );
            }
        }
    }

    #[test]
    fn tone_marks_move_within_oa_oe_uy_only() {
        use crate::model::ToneMarks::{FirstVowel, MainVowel};
        let main = "CỘNG HOÀ XÃ HỘI, THÀNH UỶ Hà Nội, hoá, Khoẻ, thuý, Thuỵ, loạ";
        let first = "CỘNG HÒA XÃ HỘI, THÀNH ỦY Hà Nội, hóa, Khỏe, thúy, Thụy, lọa";
        assert_eq!(place_tone_marks(main, FirstVowel), first);
        assert_eq!(place_tone_marks(first, MainVowel), main);
        assert_eq!(place_tone_marks(main, MainVowel), main, "already in style");
        // One spelling only: a final consonant, "qu", three vowels, marks on ô/ơ/ư.
        for fixed in [
            "hoàn", "khuyến", "quý", "Quỳnh", "khoái", "ngoéo", "thuở", "tuổi", "Toyota", "à",
        ] {
            for style in [FirstVowel, MainVowel] {
                assert_eq!(place_tone_marks(fixed, style), fixed);
            }
        }
        assert_eq!(place_tone_marks("hỏa", MainVowel), "hoả");
        // Two tone marks in one syllable is a typo the secretary must see.
        assert_eq!(place_tone_marks("hòá", MainVowel), "hòá");
        for s in [main, first] {
            for style in [FirstVowel, MainVowel] {
                let out = place_tone_marks(s, style);
                assert_eq!(fold(&out), fold(s), "only the mark's place changes");
                assert_eq!(out, nfc(&out), "NFC");
            }
        }
    }

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<&str> = names.to_vec();
        v.sort_by_key(|n| sort_key(n));
        v.into_iter().map(str::to_string).collect()
    }

    #[test]
    fn text_that_looks_filled_in_but_is_not_is_refused() {
        let refused = [
            ("\0\0", "NUL"),
            ("\u{200B}\u{200B}", "vô hình"),
            ("Đỗ\0Văn", "NUL"),
            ("Nguyễn \u{202E}nauT", "đổi chiều"),
            ("Bùi\u{7}Mai", "điều khiển"),
            ("Lê\u{85}An", "điều khiển"),
        ];
        for (input, what) in refused {
            let e = required("fullName", "Họ và tên", input).unwrap_err();
            assert!(e.to_string().contains(what), "{input:?}: {e}");
        }
        let e = required("fullName", "Họ và tên", " \u{A0} ").unwrap_err();
        assert!(e.to_string().contains("để trống"), "{e}");
        assert_eq!(
            required("fullName", "Họ và tên", " Đỗ Văn\u{A0}Hà ").unwrap(),
            "Đỗ Văn\u{A0}Hà"
        );
    }

    #[test]
    fn line_breaks_and_tabs_only_in_multi_line_text() {
        assert_eq!(
            long_text("text", "Nội dung", "Dòng 1\r\n\tDòng 2").unwrap(),
            "Dòng 1\n\tDòng 2"
        );
        assert!(line("venue", "Địa điểm", "Hội trường\nTầng 2").is_err());
        assert!(long_text("text", "Nội dung", "a\u{202E}b").is_err());
    }

    #[test]
    fn characters_the_document_font_lacks_are_refused_when_typed() {
        let e = long_text("text", "Nội dung", "Chúc mừng 🎉🎉 thành công ✓").unwrap_err();
        let m = e.to_string();
        assert!(m.contains("U+1F389") && m.contains("U+2713"), "{m}");
        assert_eq!(
            m.matches("U+1F389").count(),
            1,
            "each character named once: {m}"
        );
        for ok in [
            "Nguyễn Thị Thuỷ – 50 ₫ № 3 “trích” …",
            "Ơ ơ Ư ư Đ đ ỹ Ỹ",
            "Москва α ≤ β",
        ] {
            assert!(line("x", "X", ok).is_ok(), "{ok}");
        }
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
