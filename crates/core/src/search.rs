//! Finding a person the way a secretary at the door types them.
//!
//! Every word of the query must match a word of the person's name, chức vụ,
//! đơn vị or check-in code, in any order, as a whole word or its beginning
//! ("ng v tu" finds Nguyễn Văn Tuấn). Marks are optional: "nguyen van tuan"
//! finds Tuấn and Tuân, "đ" is "d", and both tone placements ("Thuỷ",
//! "Thủy") are the same word. A word may also be the name's initials ("nvt")
//! and a code matches without its hyphens ("hn0042" = "HN-0042").
//!
//! Best first: an exact code; then the most query words matching whole words
//! ("dong da" is Đống Đa before Đặng); then the most found in the name (a name
//! beats a unit or title); then the marks typed matching exactly ("Tuấn"
//! before "Tuân"); then the name with the fewest words left over ("Vũ Thị
//! Thu" before "Vũ Thị Thu Hà"); then the list's own order.
//!
//! The index is built once per list and searched in memory: the store keeps
//! it until a person or the list changes (see `Db::search_participants`).

use std::cmp::Reverse;

use unicode_normalization::UnicodeNormalization;

use crate::model::ToneMarks;
use crate::text::{fold, place_tone_marks};

/// What is searched of one person.
pub struct Searchable<'a> {
    pub name: &'a str,
    pub title: &'a str,
    pub unit: &'a str,
    pub code: &'a str,
}

/// A list of people, ready to search. Results are positions in the list the
/// index was built from.
pub struct SearchIndex {
    entries: Vec<Entry>,
}

struct Entry {
    /// Every word folded, space-separated: name words, then title and unit words.
    folded: String,
    /// Where each word of `folded` begins (at most `MAX_WORDS`).
    starts: Vec<u32>,
    /// The same words in lower case with their marks (see `marked`).
    marked: Vec<String>,
    name_words: usize,
    initials: String,
    code: String,
    /// The beginnings of its words (see `beginning`): most people are ruled
    /// out by one AND.
    beginnings: u128,
}

/// A bit for how a word begins: its first byte (for a query of one letter)
/// or its first two (for longer ones), folded.
fn beginning(word: &[u8], len: usize) -> u128 {
    match (len, word) {
        (1, [a, ..]) => 1 << (a % 64),
        (_, [a, b, ..]) => 1 << (64 + (usize::from(*a) * 31 + usize::from(*b)) % 64),
        _ => 0,
    }
}

/// Words per person that search looks at: a name, a title and a unit fit
/// many times over; the rest of a very long unit is not searched.
const MAX_WORDS: usize = 64;

/// Lower case, NFC, tone marks on the first vowel ("hòa", "thủy"), without
/// the punctuation around the word.
fn marked(word: &str) -> String {
    let lower: String = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .nfc()
        .flat_map(char::to_lowercase)
        .collect();
    place_tone_marks(&lower, ToneMarks::FirstVowel).into_owned()
}

/// Letters and digits only, upper case: how codes are compared.
pub fn code_key(s: &str) -> String {
    s.chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// Words as search sees them: split at spaces and at punctuation inside
/// ("Hà Nội,", "(nhóm"), folded once.
fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')' | '/' | '-' | '–'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

struct QueryWord {
    folded: String,
    marked: String,
    /// The word was typed with marks (or "đ"): they must then match to rank first.
    has_marks: bool,
    /// It could be the name's initials ("nvt").
    initials: bool,
    /// It as the beginning of a code ("hn00"), if long enough.
    code: String,
    /// Its bit in `Entry::beginnings`.
    beginning: u128,
}

/// How one query word matched.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hit {
    Whole,
    Prefix,
    Initials,
    Code,
}

impl SearchIndex {
    pub fn new<'a>(people: impl IntoIterator<Item = Searchable<'a>>) -> SearchIndex {
        let entries = people
            .into_iter()
            .map(|p| {
                let name_words = split(p.name).count().min(MAX_WORDS);
                let words: Vec<&str> = split(p.name)
                    .chain(split(p.title))
                    .chain(split(p.unit))
                    .take(MAX_WORDS)
                    .collect();
                let mut folded = String::new();
                let mut starts = Vec::with_capacity(words.len());
                for w in &words {
                    if !folded.is_empty() {
                        folded.push(' ');
                    }
                    starts.push(folded.len() as u32);
                    folded.push_str(&fold(w));
                }
                let initials = starts[..name_words]
                    .iter()
                    .filter_map(|&at| folded[at as usize..].chars().next())
                    .collect();
                let beginnings = starts.iter().fold(0, |bits, &at| {
                    let word = &folded.as_bytes()[at as usize..];
                    bits | beginning(word, 1) | beginning(word, 2)
                });
                Entry {
                    beginnings,
                    marked: words.iter().map(|w| marked(w)).collect(),
                    folded,
                    starts,
                    name_words,
                    initials,
                    code: code_key(p.code),
                }
            })
            .collect();
        SearchIndex { entries }
    }

    /// Positions of the people matching `query`, best first, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Vec<usize> {
        let words: Vec<QueryWord> = split(query)
            .map(|w| {
                let folded = fold(w);
                let marked = marked(w);
                QueryWord {
                    has_marks: marked != folded,
                    initials: folded.len() >= 2 && folded.chars().all(|c| c.is_ascii_lowercase()),
                    code: Some(code_key(&folded))
                        .filter(|c| c.len() >= 3)
                        .unwrap_or_default(),
                    beginning: beginning(folded.as_bytes(), folded.len().min(2)),
                    folded,
                    marked,
                }
            })
            .filter(|w| !w.folded.is_empty())
            .collect();
        let code = code_key(&fold(query));
        if words.is_empty() && code.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(Reverse<Score>, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| e.score(&words, &code).map(|s| (Reverse(s), i)))
            .collect();
        // Only the best `limit` are shown: select them, then sort them.
        if scored.len() > limit && limit > 0 {
            scored.select_nth_unstable(limit - 1);
        }
        scored.truncate(limit);
        scored.sort_unstable();
        scored.into_iter().map(|(_, i)| i).collect()
    }
}

/// Higher is better, compared field by field.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Score {
    exact_code: bool,
    whole: usize,
    in_name: usize,
    marks: usize,
    /// Fewer name words left unmatched is better.
    left_over: Reverse<usize>,
}

impl Entry {
    fn score(&self, query: &[QueryWord], code: &str) -> Option<Score> {
        let exact_code = code.len() >= 3 && self.code == code;
        if exact_code {
            return Some(Score {
                exact_code,
                in_name: 0,
                whole: 0,
                marks: 0,
                left_over: Reverse(0),
            });
        }
        let possible = |q: &QueryWord| {
            self.beginnings & q.beginning != 0
                || (q.initials && self.initials.starts_with(q.folded.as_str()))
                || (!q.code.is_empty() && self.code.starts_with(&q.code))
        };
        if !query.iter().all(possible) {
            return None;
        }
        let mut used = 0u64;
        let (mut in_name, mut whole, mut marks) = (0, 0, 0);
        for q in query {
            match self.best_word(q, &mut used)? {
                (hit @ (Hit::Whole | Hit::Prefix), k, marks_match) => {
                    in_name += usize::from(k < self.name_words);
                    whole += usize::from(hit == Hit::Whole);
                    marks += usize::from(marks_match);
                }
                (Hit::Initials, ..) => in_name += 1,
                (Hit::Code, ..) => {}
            }
        }
        let name_mask = if self.name_words == 64 {
            u64::MAX
        } else {
            (1u64 << self.name_words) - 1
        };
        let name_used = (used & name_mask).count_ones() as usize;
        Some(Score {
            exact_code,
            in_name,
            whole,
            marks,
            left_over: Reverse(self.name_words - name_used),
        })
    }

    /// The best unused word for `q`, in the order `Score` ranks: whole
    /// before prefix, name words before title and unit words, marks
    /// matching before not. Falls back to
    /// the name's initials and the beginning of the code.
    fn best_word(&self, q: &QueryWord, used: &mut u64) -> Option<(Hit, usize, bool)> {
        let mut best: Option<(u8, Hit, usize, bool)> = None;
        let text = self.folded.as_bytes();
        let wanted = q.folded.as_bytes();
        for (k, &at) in self.starts.iter().enumerate() {
            // Each word once; the query word has no space, so a match never
            // runs into the next word.
            let at = at as usize;
            if *used & (1 << k) != 0 || !text[at..].starts_with(wanted) {
                continue;
            }
            let end = at + wanted.len();
            let hit = if end == text.len() || text[end] == b' ' {
                Hit::Whole
            } else {
                Hit::Prefix
            };
            let marks = q.has_marks && self.marked[k].starts_with(q.marked.as_str());
            // Lower is better.
            let rank = u8::from(hit == Hit::Prefix) * 4
                + u8::from(k >= self.name_words) * 2
                + u8::from(q.has_marks && !marks);
            if best.is_none_or(|b| rank < b.0) {
                best = Some((rank, hit, k, marks));
            }
        }
        if let Some((_, hit, k, marks)) = best {
            *used |= 1 << k;
            return Some((hit, k, marks));
        }
        if q.initials && self.initials.starts_with(q.folded.as_str()) {
            return Some((Hit::Initials, 0, false));
        }
        if !q.code.is_empty() && self.code.starts_with(&q.code) {
            return Some((Hit::Code, 0, false));
        }
        None
    }
}
