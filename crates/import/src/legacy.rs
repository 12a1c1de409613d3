//! Text typed with the legacy Vietnamese fonts, and how to bring it back to
//! Unicode.
//!
//! Before Unicode, Vietnamese offices typed with fonts that drew Vietnamese
//! letters in place of Western ones: the ABC fonts (".VnTime", encoding
//! TCVN 5712:1993, "TCVN3") and the VNI fonts ("VNI-Times"). A file made with
//! them holds either those bytes (a CSV) or, in a spreadsheet, the Western
//! characters Windows read them as: "NguyÔn V¨n A" for "Nguyễn Văn A". Both
//! come here as text whose characters are the Windows-1252 reading of the
//! bytes; [`Legacy::decode`] turns such text into Unicode NFC.
//!
//! Which encoding a column uses is guessed ([`detect`]) by decoding it every
//! way and keeping the reading whose words look most like Vietnamese.

use unicode_normalization::UnicodeNormalization;

/// How a column's text was typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Legacy {
    /// ABC fonts, TCVN 5712:1993 (".VnTime", ".VnArial").
    Tcvn3,
    /// VNI fonts ("VNI-Times"): a Western letter followed by mark bytes.
    Vni,
    /// Windows code page 1258: letters with combining tone marks.
    Cp1258,
}

impl Legacy {
    pub fn name(self) -> &'static str {
        match self {
            Legacy::Tcvn3 => "TCVN3 (ABC, .VnTime)",
            Legacy::Vni => "VNI (VNI-Times)",
            Legacy::Cp1258 => "Windows-1258",
        }
    }

    /// The Unicode (NFC) text `text` stands for, when `text` is the
    /// Windows-1252 reading of bytes in this encoding. Characters that are
    /// not in Windows-1252 (so were never such bytes) are kept as they are.
    pub fn decode(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut run = Vec::new();
        for c in text.chars() {
            match cp1252_byte(c) {
                Some(b) => run.push(b),
                None => {
                    self.decode_bytes(&run, &mut out);
                    run.clear();
                    out.push(c);
                }
            }
        }
        self.decode_bytes(&run, &mut out);
        out.nfc().collect()
    }

    fn decode_bytes(self, bytes: &[u8], out: &mut String) {
        match self {
            Legacy::Tcvn3 => out.extend(bytes.iter().map(|&b| tcvn3_char(b))),
            Legacy::Vni => decode_vni(bytes, out),
            Legacy::Cp1258 => {
                let (text, _) = encoding_rs::WINDOWS_1258.decode_without_bom_handling(bytes);
                out.push_str(&text);
            }
        }
    }

    /// The bytes of `text` in this encoding, read as Windows-1252 (what a
    /// spreadsheet shows when the legacy font is gone), or `None` when a
    /// character has no code. Used by the tests to round-trip every letter.
    pub fn encode(self, text: &str) -> Option<String> {
        let mut bytes = Vec::new();
        for c in text.nfc() {
            match self {
                Legacy::Tcvn3 => bytes.push(tcvn3_byte(c)?),
                Legacy::Vni => bytes.extend_from_slice(&vni_bytes(c)?),
                Legacy::Cp1258 => {
                    let s = c.to_string();
                    let decomposed: String = s.nfd().collect();
                    // Windows-1258 has precomposed base letters and combining tones.
                    let base = recompose_base(&decomposed);
                    let (b, _, bad) = encoding_rs::WINDOWS_1258.encode(&base);
                    if bad {
                        return None;
                    }
                    bytes.extend_from_slice(&b);
                }
            }
        }
        Some(bytes.iter().map(|&b| cp1252_char(b)).collect())
    }
}

/// The base letter with its shape marks (breve, circumflex, horn) composed
/// and the tone mark left combining, as Windows-1258 writes Vietnamese.
fn recompose_base(decomposed: &str) -> String {
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let base: String = decomposed.chars().filter(|c| !TONES.contains(c)).collect();
    let tones: String = decomposed.chars().filter(|c| TONES.contains(c)).collect();
    let mut out: String = base.nfc().collect();
    out.push_str(&tones);
    out
}

/// TCVN 5712:1993 (VN1) where it differs from ASCII and Latin-1: the table
/// glibc's iconv implements as TCVN5712-1. The ABC fonts use the lowercase
/// positions; capitals with tone marks are the control and 0x80–0x9F
/// positions, which the ".VnTimeH" fonts instead draw from the lowercase
/// codes (see `capitalise_names`).
const TCVN3: &[(u8, char)] = &[
    (0x01, '\u{00DA}'),
    (0x02, '\u{1EE4}'),
    (0x04, '\u{1EEA}'),
    (0x05, '\u{1EEC}'),
    (0x06, '\u{1EEE}'),
    (0x11, '\u{1EE8}'),
    (0x12, '\u{1EF0}'),
    (0x13, '\u{1EF2}'),
    (0x14, '\u{1EF6}'),
    (0x15, '\u{1EF8}'),
    (0x16, '\u{00DD}'),
    (0x17, '\u{1EF4}'),
    (0x80, '\u{00C0}'),
    (0x81, '\u{1EA2}'),
    (0x82, '\u{00C3}'),
    (0x83, '\u{00C1}'),
    (0x84, '\u{1EA0}'),
    (0x85, '\u{1EB6}'),
    (0x86, '\u{1EAC}'),
    (0x87, '\u{00C8}'),
    (0x88, '\u{1EBA}'),
    (0x89, '\u{1EBC}'),
    (0x8A, '\u{00C9}'),
    (0x8B, '\u{1EB8}'),
    (0x8C, '\u{1EC6}'),
    (0x8D, '\u{00CC}'),
    (0x8E, '\u{1EC8}'),
    (0x8F, '\u{0128}'),
    (0x90, '\u{00CD}'),
    (0x91, '\u{1ECA}'),
    (0x92, '\u{00D2}'),
    (0x93, '\u{1ECE}'),
    (0x94, '\u{00D5}'),
    (0x95, '\u{00D3}'),
    (0x96, '\u{1ECC}'),
    (0x97, '\u{1ED8}'),
    (0x98, '\u{1EDC}'),
    (0x99, '\u{1EDE}'),
    (0x9A, '\u{1EE0}'),
    (0x9B, '\u{1EDA}'),
    (0x9C, '\u{1EE2}'),
    (0x9D, '\u{00D9}'),
    (0x9E, '\u{1EE6}'),
    (0x9F, '\u{0168}'),
    (0xA1, '\u{0102}'),
    (0xA2, '\u{00C2}'),
    (0xA3, '\u{00CA}'),
    (0xA4, '\u{00D4}'),
    (0xA5, '\u{01A0}'),
    (0xA6, '\u{01AF}'),
    (0xA7, '\u{0110}'),
    (0xA8, '\u{0103}'),
    (0xA9, '\u{00E2}'),
    (0xAA, '\u{00EA}'),
    (0xAB, '\u{00F4}'),
    (0xAC, '\u{01A1}'),
    (0xAD, '\u{01B0}'),
    (0xAE, '\u{0111}'),
    (0xAF, '\u{1EB0}'),
    (0xB0, '\u{0300}'),
    (0xB1, '\u{0309}'),
    (0xB2, '\u{0303}'),
    (0xB3, '\u{0301}'),
    (0xB4, '\u{0323}'),
    (0xB5, '\u{00E0}'),
    (0xB6, '\u{1EA3}'),
    (0xB7, '\u{00E3}'),
    (0xB8, '\u{00E1}'),
    (0xB9, '\u{1EA1}'),
    (0xBA, '\u{1EB2}'),
    (0xBB, '\u{1EB1}'),
    (0xBC, '\u{1EB3}'),
    (0xBD, '\u{1EB5}'),
    (0xBE, '\u{1EAF}'),
    (0xBF, '\u{1EB4}'),
    (0xC0, '\u{1EAE}'),
    (0xC1, '\u{1EA6}'),
    (0xC2, '\u{1EA8}'),
    (0xC3, '\u{1EAA}'),
    (0xC4, '\u{1EA4}'),
    (0xC5, '\u{1EC0}'),
    (0xC6, '\u{1EB7}'),
    (0xC7, '\u{1EA7}'),
    (0xC8, '\u{1EA9}'),
    (0xC9, '\u{1EAB}'),
    (0xCA, '\u{1EA5}'),
    (0xCB, '\u{1EAD}'),
    (0xCC, '\u{00E8}'),
    (0xCD, '\u{1EC2}'),
    (0xCE, '\u{1EBB}'),
    (0xCF, '\u{1EBD}'),
    (0xD0, '\u{00E9}'),
    (0xD1, '\u{1EB9}'),
    (0xD2, '\u{1EC1}'),
    (0xD3, '\u{1EC3}'),
    (0xD4, '\u{1EC5}'),
    (0xD5, '\u{1EBF}'),
    (0xD6, '\u{1EC7}'),
    (0xD7, '\u{00EC}'),
    (0xD8, '\u{1EC9}'),
    (0xD9, '\u{1EC4}'),
    (0xDA, '\u{1EBE}'),
    (0xDB, '\u{1ED2}'),
    (0xDC, '\u{0129}'),
    (0xDD, '\u{00ED}'),
    (0xDE, '\u{1ECB}'),
    (0xDF, '\u{00F2}'),
    (0xE0, '\u{1ED4}'),
    (0xE1, '\u{1ECF}'),
    (0xE2, '\u{00F5}'),
    (0xE3, '\u{00F3}'),
    (0xE4, '\u{1ECD}'),
    (0xE5, '\u{1ED3}'),
    (0xE6, '\u{1ED5}'),
    (0xE7, '\u{1ED7}'),
    (0xE8, '\u{1ED1}'),
    (0xE9, '\u{1ED9}'),
    (0xEA, '\u{1EDD}'),
    (0xEB, '\u{1EDF}'),
    (0xEC, '\u{1EE1}'),
    (0xED, '\u{1EDB}'),
    (0xEE, '\u{1EE3}'),
    (0xEF, '\u{00F9}'),
    (0xF0, '\u{1ED6}'),
    (0xF1, '\u{1EE7}'),
    (0xF2, '\u{0169}'),
    (0xF3, '\u{00FA}'),
    (0xF4, '\u{1EE5}'),
    (0xF5, '\u{1EEB}'),
    (0xF6, '\u{1EED}'),
    (0xF7, '\u{1EEF}'),
    (0xF8, '\u{1EE9}'),
    (0xF9, '\u{1EF1}'),
    (0xFA, '\u{1EF3}'),
    (0xFB, '\u{1EF7}'),
    (0xFC, '\u{1EF9}'),
    (0xFE, '\u{1EF5}'),
    (0xFF, '\u{1ED0}'),
];

fn tcvn3_char(b: u8) -> char {
    match TCVN3.binary_search_by_key(&b, |&(k, _)| k) {
        Ok(i) => TCVN3[i].1,
        // The rest is Latin-1 ("ý" is 0xFD in both).
        Err(_) => char::from(b),
    }
}

fn tcvn3_byte(c: char) -> Option<u8> {
    if let Some(&(b, _)) = TCVN3.iter().find(|&&(_, v)| v == c) {
        return Some(b);
    }
    let b = u8::try_from(u32::from(c)).ok()?;
    TCVN3
        .binary_search_by_key(&b, |&(k, _)| k)
        .is_err()
        .then_some(b)
}

/// The VNI tone bytes, lowercase, in the order sắc, huyền, hỏi, ngã, nặng;
/// capitals use the same letters' capitals.
const VNI_TONES: [u8; 5] = [0xF9, 0xF8, 0xFB, 0xF5, 0xEF];
/// â, ê, ô: the letter then one byte for the circumflex with its tone
/// (none, sắc, huyền, hỏi, ngã, nặng).
const VNI_CIRCUMFLEX: [u8; 6] = [0xE2, 0xE1, 0xE0, 0xE5, 0xE3, 0xE4];
/// ă: the letter then one byte for the breve with its tone.
const VNI_BREVE: [u8; 6] = [0xEA, 0xE9, 0xE8, 0xFA, 0xFC, 0xEB];
/// i with a tone is a single byte.
const VNI_I: [u8; 5] = [0xED, 0xEC, 0xE6, 0xF3, 0xF2];
const TONE_MARKS: [char; 5] = ['\u{301}', '\u{300}', '\u{309}', '\u{303}', '\u{323}'];

/// The lowercase form of a VNI byte (its capital is 0x20 lower).
fn vni_lower(b: u8) -> u8 {
    if (0xC0..=0xDE).contains(&b) && b != 0xD7 {
        b + 0x20
    } else {
        b
    }
}

fn is_upper_byte(b: u8) -> bool {
    b.is_ascii_uppercase() || ((0xC0..=0xDE).contains(&b) && b != 0xD7)
}

fn with_case(c: char, upper: bool) -> char {
    if upper {
        c.to_uppercase().next().unwrap_or(c)
    } else {
        c
    }
}

fn decode_vni(bytes: &[u8], out: &mut String) {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let upper = is_upper_byte(b);
        let lower = vni_lower(b);
        let next = bytes.get(i + 1).map(|&n| vni_lower(n));
        // A single byte: đ, ơ, ư, i with a tone, ỵ.
        let single = match lower {
            0xF1 => Some("đ".to_string()),
            0xF4 => Some("ơ".to_string()),
            0xF6 => Some("ư".to_string()),
            0xEE => Some("ỵ".to_string()),
            _ => VNI_I
                .iter()
                .position(|&x| x == lower)
                .map(|t| format!("i{}", TONE_MARKS[t])),
        };
        if let Some(base) = single {
            let mut s: String = base.nfc().map(|c| with_case(c, upper)).collect();
            let mut used = 1;
            // ơ and ư take a tone byte after them.
            if matches!(lower, 0xF4 | 0xF6) {
                if let Some(t) = next.and_then(|n| VNI_TONES.iter().position(|&x| x == n)) {
                    s.push(TONE_MARKS[t]);
                    used = 2;
                }
            }
            out.push_str(&s);
            i += used;
            continue;
        }
        let letter = b.to_ascii_lowercase();
        if b.is_ascii_alphabetic() {
            if let Some(n) = next {
                let shaped = match letter {
                    b'a' | b'e' | b'o' => VNI_CIRCUMFLEX
                        .iter()
                        .position(|&x| x == n)
                        .map(|t| ('\u{302}', t)),
                    _ => None,
                }
                .or_else(|| {
                    (letter == b'a')
                        .then(|| {
                            VNI_BREVE
                                .iter()
                                .position(|&x| x == n)
                                .map(|t| ('\u{306}', t))
                        })
                        .flatten()
                });
                if let Some((shape, tone)) = shaped {
                    let mut s = String::from(b as char);
                    s.push(shape);
                    if tone > 0 {
                        s.push(TONE_MARKS[tone - 1]);
                    }
                    out.extend(s.nfc());
                    i += 2;
                    continue;
                }
                if matches!(letter, b'a' | b'e' | b'i' | b'o' | b'u' | b'y') {
                    if let Some(t) = VNI_TONES.iter().position(|&x| x == n) {
                        let mut s = String::from(b as char);
                        s.push(TONE_MARKS[t]);
                        out.extend(s.nfc());
                        i += 2;
                        continue;
                    }
                }
            }
        }
        out.push(cp1252_char(b));
        i += 1;
    }
}

fn vni_bytes(c: char) -> Option<Vec<u8>> {
    if c.is_ascii() {
        return Some(vec![c as u8]);
    }
    let upper = c.is_uppercase();
    let case = |b: u8| {
        if upper && b >= 0xE0 && b != 0xF7 {
            b - 0x20
        } else {
            b
        }
    };
    let lower = c.to_lowercase().next()?;
    let parts: Vec<char> = lower.to_string().nfd().collect();
    let tone = parts
        .iter()
        .find_map(|m| TONE_MARKS.iter().position(|t| t == m));
    let shape = parts
        .iter()
        .find(|m| matches!(m, '\u{302}' | '\u{306}' | '\u{31B}'));
    let base = *parts.first()?;
    let letter = |b: char| if upper { b.to_ascii_uppercase() } else { b } as u8;
    let mut out = Vec::new();
    match (base, shape) {
        ('d', None) if lower == 'đ' => out.push(case(0xF1)),
        (_, None) if lower == 'đ' => out.push(case(0xF1)),
        ('i', None) => out.push(case(VNI_I[tone?])),
        ('y', None) if tone == Some(4) => out.push(case(0xEE)),
        ('a' | 'e' | 'o' | 'u' | 'y', None) => {
            out.push(letter(base));
            out.push(case(VNI_TONES[tone?]));
        }
        ('a' | 'e' | 'o', Some('\u{302}')) => {
            out.push(letter(base));
            out.push(case(VNI_CIRCUMFLEX[tone.map_or(0, |t| t + 1)]));
        }
        ('a', Some('\u{306}')) => {
            out.push(letter(base));
            out.push(case(VNI_BREVE[tone.map_or(0, |t| t + 1)]));
        }
        ('o' | 'u', Some('\u{31B}')) => {
            out.push(case(if base == 'o' { 0xF4 } else { 0xF6 }));
            if let Some(t) = tone {
                out.push(case(VNI_TONES[t]));
            }
        }
        _ => return None,
    }
    Some(out)
}

/// The character Windows-1252 reads byte `b` as (the five bytes it leaves
/// undefined read as the C1 controls of the same number, as browsers do).
pub fn cp1252_char(b: u8) -> char {
    let byte = [b];
    let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
    s.chars().next().unwrap_or(char::from(b))
}

/// The byte Windows-1252 writes `c` as, if any.
pub fn cp1252_byte(c: char) -> Option<u8> {
    let code = u32::from(c);
    if code < 0x80 || (0xA0..=0xFF).contains(&code) {
        return Some(code as u8);
    }
    if (0x80..0xA0).contains(&code) {
        // Only the C1 controls that stand for an undefined byte.
        let b = code as u8;
        return (cp1252_char(b) == c).then_some(b);
    }
    let mut buf = [0u8; 4];
    let (bytes, _, bad) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    (!bad && bytes.len() == 1).then(|| bytes[0])
}

/// Which reading of a column is Vietnamese: `None` when the text is best
/// read as it is (Unicode, or plain ASCII), else the legacy encoding whose
/// reading has the most Vietnamese words. Only words with a non-ASCII
/// character count, as ASCII reads the same in every encoding.
pub fn detect<'a>(cells: impl IntoIterator<Item = &'a str>) -> Option<Legacy> {
    const SAMPLE: usize = 300;
    let cells: Vec<&str> = cells
        .into_iter()
        .filter(|c| !c.is_ascii())
        .take(SAMPLE)
        .collect();
    if cells.is_empty() {
        return None;
    }
    // Text with characters outside Windows-1252 was never legacy bytes.
    if cells
        .iter()
        .any(|c| c.chars().any(|ch| cp1252_byte(ch).is_none()))
    {
        return None;
    }
    let as_is: i32 = cells.iter().map(|c| plausibility(c)).sum();
    let mut best = (as_is, None);
    for legacy in [Legacy::Tcvn3, Legacy::Vni, Legacy::Cp1258] {
        let score: i32 = cells.iter().map(|c| plausibility(&legacy.decode(c))).sum();
        if score > best.0 {
            best = (score, Some(legacy));
        }
    }
    best.1
}

/// +1 for each word with a non-ASCII letter that is a Vietnamese syllable,
/// −1 for each that is not.
pub fn plausibility(text: &str) -> i32 {
    text.split(|c: char| c.is_whitespace() || ",.;:()/\"'“”-–".contains(c))
        .filter(|w| !w.is_ascii())
        .map(|w| if is_syllable(w) { 1 } else { -1 })
        .sum()
}

/// Whether `word` is spelt as a Vietnamese syllable: an initial consonant,
/// a vowel group Vietnamese has, a final consonant, at most one tone mark,
/// and a capital only at its start (or everywhere).
fn is_syllable(word: &str) -> bool {
    let nfc: String = word.nfc().collect();
    let rest: String = nfc.chars().skip(1).collect();
    let lower = nfc.to_lowercase();
    if !(rest == rest.to_lowercase() || nfc == nfc.to_uppercase()) {
        return false;
    }
    let mut tones = 0;
    let mut plain = String::new();
    for c in lower.nfd() {
        match c {
            '\u{300}' | '\u{301}' | '\u{303}' | '\u{309}' | '\u{323}' => tones += 1,
            c => plain.push(c),
        }
    }
    if tones > 1 {
        return false;
    }
    let plain: String = plain.nfc().collect();
    if !plain
        .chars()
        .all(|c| c.is_ascii_lowercase() || "ăâêôơưđ".contains(c))
    {
        return false;
    }
    const INITIALS: [&str; 27] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
        "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
    ];
    const FINALS: [&str; 8] = ["ch", "ng", "nh", "c", "m", "n", "p", "t"];
    const VOWELS: [&str; 58] = [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu",
        "ây", "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oai", "oao", "oay", "oe", "oeo", "oi",
        "ôi", "ơi", "oo", "ua", "uâ", "uây", "ue", "uê", "ui", "uô", "uôi", "uơ", "uy", "uya",
        "uyê", "uyu", "ưa", "ưi", "ưu", "ươ", "ươi", "ươu", "yê", "yêu", "iêu", "uê", "ưo",
    ];
    let mut core = plain.as_str();
    if let Some(i) = INITIALS.iter().find(|i| core.starts_with(*i)) {
        // "gi" and "qu" are initials only before another vowel.
        if core.len() > i.len() {
            core = &core[i.len()..];
        }
    }
    if let Some(f) = FINALS
        .iter()
        .find(|f| core.ends_with(*f) && core.len() > f.len())
    {
        core = &core[..core.len() - f.len()];
    }
    VOWELS.contains(&core)
}

/// Names typed with the ABC fonts lose the capital of a word that starts
/// with a toned vowel (".VnTime" has no "Á"; offices wrote "¸nh" and read
/// "ánh"). In a name whose other words are capitalised, such a word is
/// given its capital back.
pub fn capitalise_names(name: &str) -> String {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let capitalised = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    if capitalised * 2 < words.len() {
        return name.to_string();
    }
    words
        .iter()
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
                _ => w.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
