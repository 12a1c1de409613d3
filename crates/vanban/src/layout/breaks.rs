//! Where a paragraph's lines end: a total-fit breaker in the manner of
//! Knuth and Plass. Every way of breaking a run of words into lines that fit
//! is scored, and the cheapest wins:
//! - a centred block (a title, a trích yếu) is balanced: every line, the last
//!   included, costs the square of its unused width, so two lines of a title
//!   come out about equally long instead of one full line and a stub;
//! - a justified paragraph costs the cube of how far its spaces stretch (TeX's
//!   badness), so no line is left widely spaced, and its last line is free
//!   unless it holds one word alone or is a stub of a fifth of the measure;
//! - a left or right aligned paragraph (a table cell, a Nơi nhận item) is
//!   ragged: its lines cost their unused width squared, the last line free.
//!
//! A break between two words that belong together costs extra: inside a
//! Vietnamese compound listed in `assets/text/compounds.txt` ("tuyên / giáo",
//! "Hà / Nội)"), between the capitalised words of a name, or between a number
//! and the word it counts ("năm / 2022"). In a centred block this costs more
//! than any amount of imbalance, so such a break is taken only when no other
//! break fits.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Align;

/// The compound list, folded (lower case, no marks), as "tuyen giao".
static COMPOUNDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    include_str!("../../../../assets/text/compounds.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(hoinghi_core::fold)
        .collect()
});

/// The longest compound in syllables that `penalties` looks for.
const LONGEST: usize = 4;

/// Words that a number next to them belongs with ("năm 2022", "9 tháng").
const COUNTED: [&str; 14] = [
    "ngay", "thang", "nam", "gio", "phut", "so", "quy", "khoa", "ky", "lan", "dot", "muc", "dieu",
    "khoan",
];

/// What a break costs, by how strictly the paragraph must avoid it.
#[derive(Debug, Clone, Copy)]
struct Costs {
    compound: f32,
    name: f32,
    number: f32,
}

/// Centred blocks: never break a compound, a name or a date if any other
/// break fits (imbalance costs at most 1,000 a line).
const TITLE: Costs = Costs {
    compound: 1.0e6,
    name: 1.0e5,
    number: 1.0e5,
};
/// Ragged text (table cells, Nơi nhận): a name or a date is kept whole at the
/// price of a shorter line; a compound only if that costs little.
const RAGGED: Costs = Costs {
    compound: 300.0,
    name: 1.0e4,
    number: 1.0e4,
};
/// Justified text: avoid such breaks, but not at the price of a loose line.
const JUSTIFIED: Costs = Costs {
    compound: 300.0,
    name: 1000.0,
    number: 1000.0,
};

/// Every line costs this much, so that a paragraph takes no more lines than
/// it needs to.
const PER_LINE: f32 = 50.0;
/// A justified paragraph's last line with one word alone…
const LONE_LAST_WORD: f32 = 3000.0;
/// …or shorter than `SHORT_LAST_LINE` of the measure ("thực hiện." under a
/// full line).
const STUB_LAST_LINE: f32 = 1000.0;
const SHORT_LAST_LINE: f32 = 0.2;
/// A justified line that is one word ("Người" over "ghi biên bản: …"): worse
/// than the loosest line, so only a word too long to share a line stands alone.
const LONE_JUSTIFIED_WORD: f32 = 5.0e4;

/// What the breaker needs of each word: its text, its width and the width
/// of the space before it.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub text: &'a str,
    pub width: f32,
    pub space: f32,
}

/// The cost of breaking after each word but the last, for a paragraph of
/// `align`.
pub fn penalties(words: &[&str], align: Align) -> Vec<f32> {
    let costs = match align {
        Align::Center => TITLE,
        Align::Left | Align::Right => RAGGED,
        Align::Justify => JUSTIFIED,
    };
    // Each word folded, all in one buffer: keys[i] is its range.
    let mut folded = String::new();
    let keys: Vec<std::ops::Range<usize>> = words
        .iter()
        .map(|w| {
            let start = folded.len();
            fold_into(w.trim_matches(|c: char| !c.is_alphanumeric()), &mut folded);
            start..folded.len()
        })
        .collect();
    let key = |i: usize| &folded[keys[i].clone()];
    let n = words.len();
    let mut after = vec![0.0f32; n.saturating_sub(1)];
    let mut probe = String::new();
    // Words that begin a listed compound ("Ban / Thường trực", "Ban / Tuyên giáo").
    let mut starts_compound = vec![false; n];
    for start in 0..n {
        probe.clear();
        probe.push_str(key(start));
        for len in 2..=LONGEST.min(n - start) {
            probe.push(' ');
            probe.push_str(key(start + len - 1));
            if COMPOUNDS.contains(probe.as_str()) {
                starts_compound[start] = true;
                for p in &mut after[start..start + len - 1] {
                    *p = p.max(costs.compound);
                }
            }
        }
    }
    let upper_text = words.iter().all(|w| !w.chars().any(char::is_lowercase));
    for i in 0..n.saturating_sub(1) {
        let (a, b) = (words[i], words[i + 1]);
        let number = |w: &str| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            !w.is_empty() && w.chars().all(|c| c.is_ascii_digit())
        };
        let counted = |k: &str| COUNTED.contains(&k);
        if (number(a) && counted(key(i + 1))) || (counted(key(i)) && number(b)) {
            after[i] = after[i].max(costs.number);
        }
        // Capitalised words in a row are a name ("Bùi Huyền Mai"), unless the
        // whole text is in capitals. A word ending a clause ("Hà Nội, Đà
        // Nẵng") does not join the next one, and a capitalised office ends
        // where a listed compound begins ("Phó Trưởng Ban / Thường trực").
        let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
        let ends_clause = a.ends_with([',', ';', ':', '.', ')']);
        if !upper_text && capital(a) && capital(b) && !ends_clause && !starts_compound[i + 1] {
            after[i] = after[i].max(costs.name);
        }
    }
    after
}

/// Appends `word` in lower case without marks, "đ" as "d" (as
/// `hoinghi_core::fold` does for a single word, without allocating).
fn fold_into(word: &str, out: &mut String) {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    for c in word.chars() {
        if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
            continue;
        }
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                for l in d.to_lowercase() {
                    out.push(if l == 'đ' { 'd' } else { l });
                }
            }
        });
    }
}

/// The best line ends for `tokens`: the index after the last word of each
/// line, in order (the last is `tokens.len()`). The first line may have a
/// different width (an indent). A word wider than its line goes on a line of
/// its own; every other line fits.
pub fn best(tokens: &[Token], first_width: f32, width: f32, align: Align) -> Vec<usize> {
    let n = tokens.len();
    if n == 0 {
        return Vec::new();
    }
    let texts: Vec<&str> = tokens.iter().map(|t| t.text).collect();
    let penalty = penalties(&texts, align);
    // cost[j]: the cheapest way to set words[..j] with a line ending at j.
    let mut cost = vec![f32::INFINITY; n + 1];
    let mut from = vec![0usize; n + 1];
    cost[0] = 0.0;
    for j in 1..=n {
        let mut natural = 0.0;
        let mut spaces = 0.0;
        for i in (0..j).rev() {
            natural += tokens[i].width;
            if i + 1 < j {
                natural += tokens[i + 1].space;
                spaces += tokens[i + 1].space;
            }
            let limit = if i == 0 { first_width } else { width };
            let alone = i + 1 == j;
            if natural > limit + 0.01 && !alone {
                break;
            }
            if !cost[i].is_finite() {
                continue;
            }
            let line = Line {
                slack: (limit - natural).max(0.0),
                limit,
                spaces,
                words: j - i,
                last: j == n,
                first: i == 0,
            };
            let here = cost[i] + line.cost(align) + if j < n { penalty[j - 1] } else { 0.0 };
            if here < cost[j] {
                cost[j] = here;
                from[j] = i;
            }
        }
    }
    let mut ends = Vec::new();
    let mut j = n;
    while j > 0 {
        ends.push(j);
        j = from[j];
    }
    ends.reverse();
    ends
}

/// One candidate line.
struct Line {
    /// Unused width, pt.
    slack: f32,
    limit: f32,
    /// Natural width of its spaces, pt.
    spaces: f32,
    words: usize,
    last: bool,
    first: bool,
}

impl Line {
    fn cost(&self, align: Align) -> f32 {
        let ragged = 1000.0 * (self.slack / self.limit.max(1.0)).powi(2);
        PER_LINE
            + match align {
                Align::Center => ragged,
                Align::Left | Align::Right if self.last => 0.0,
                Align::Left | Align::Right => ragged,
                Align::Justify if self.last => {
                    let short = self.limit - self.slack < SHORT_LAST_LINE * self.limit;
                    match (self.first, self.words, short) {
                        (true, _, _) => 0.0,
                        (false, 1, _) => LONE_LAST_WORD,
                        (false, _, true) => STUB_LAST_LINE,
                        (false, _, false) => 0.0,
                    }
                }
                Align::Justify if self.words == 1 => LONE_JUSTIFIED_WORD,
                Align::Justify => {
                    // How many times its natural width each space stretches.
                    let stretch = self.slack / self.spaces.max(0.01);
                    (100.0 * stretch.powi(3)).min(1.0e4)
                }
            }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Words of a title: plain ones, and the syllables of listed compounds.
    fn vocabulary() -> impl Strategy<Value = (String, f32)> {
        prop_oneof![
            Just(("công".to_string(), 30.0)),
            Just(("tác".to_string(), 22.0)),
            Just(("tuyên".to_string(), 34.0)),
            Just(("giáo".to_string(), 30.0)),
            Just(("giao".to_string(), 30.0)),
            Just(("ban".to_string(), 26.0)),
            Just(("về".to_string(), 18.0)),
            Just(("các".to_string(), 22.0)),
            ("[a-z]{1,9}", 8.0f32..90.0).prop_map(|(w, width)| (format!("x{w}"), width)),
        ]
    }

    fn tokens(words: &[(String, f32)]) -> Vec<Token<'_>> {
        words
            .iter()
            .map(|(text, width)| Token {
                text,
                width: *width,
                space: 3.5,
            })
            .collect()
    }

    /// The widths of the lines `ends` makes, and whether each is one word.
    fn lines(tokens: &[Token], ends: &[usize]) -> Vec<(f32, bool)> {
        let mut start = 0;
        ends.iter()
            .map(|&end| {
                let line = &tokens[start..end];
                let width = line.iter().map(|t| t.width).sum::<f32>()
                    + line.iter().skip(1).map(|t| t.space).sum::<f32>();
                start = end;
                (width, line.len() == 1)
            })
            .collect()
    }

    /// Whether the words can be set in lines of `width` without breaking
    /// after any word where `forbidden` is true (a plain search).
    fn possible_without(tokens: &[Token], width: f32, forbidden: &[bool]) -> bool {
        let n = tokens.len();
        let mut ok = vec![false; n + 1];
        ok[0] = true;
        for j in 1..=n {
            let mut natural = 0.0;
            for i in (0..j).rev() {
                natural += tokens[i].width + if i + 1 < j { tokens[i + 1].space } else { 0.0 };
                if natural > width + 0.01 && i + 1 < j {
                    break;
                }
                let allowed = j == n || !forbidden[j - 1];
                if ok[i] && allowed {
                    ok[j] = true;
                    break;
                }
            }
        }
        ok[n]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn lines_never_exceed_the_measure(
            words in prop::collection::vec(vocabulary(), 1..40),
            width in 60.0f32..400.0,
            align in prop_oneof![Just(Align::Center), Just(Align::Justify), Just(Align::Left)],
        ) {
            let tokens = tokens(&words);
            let ends = best(&tokens, width, width, align);
            prop_assert_eq!(ends.last().copied(), Some(tokens.len()));
            prop_assert!(ends.windows(2).all(|w| w[0] < w[1]));
            for (w, alone) in lines(&tokens, &ends) {
                prop_assert!(w <= width + 0.01 || alone, "{} > {}", w, width);
            }
        }

        #[test]
        fn a_title_breaks_inside_a_compound_only_when_nothing_else_fits(
            words in prop::collection::vec(vocabulary(), 2..30),
            width in 60.0f32..400.0,
        ) {
            let tokens = tokens(&words);
            let texts: Vec<&str> = tokens.iter().map(|t| t.text).collect();
            let bad: Vec<bool> = penalties(&texts, Align::Center)
                .iter()
                .map(|p| *p >= TITLE.compound)
                .collect();
            let ends = best(&tokens, width, width, Align::Center);
            let breaks_one = ends[..ends.len() - 1].iter().any(|&e| bad[e - 1]);
            if breaks_one {
                prop_assert!(!possible_without(&tokens, width, &bad), "{:?} {:?}", texts, ends);
            }
        }

        #[test]
        fn balanced_lines_differ_by_at_most_one_word(n in 2usize..40, per_line in 2usize..12) {
            let words: Vec<(String, f32)> = (0..n).map(|_| ("xy".to_string(), 30.0)).collect();
            let tokens = tokens(&words);
            let width = per_line as f32 * 30.0 + (per_line - 1) as f32 * 3.5;
            let ends = best(&tokens, width, width, Align::Center);
            let counts: Vec<usize> = std::iter::once(0)
                .chain(ends.iter().copied())
                .collect::<Vec<_>>()
                .windows(2)
                .map(|w| w[1] - w[0])
                .collect();
            let (lo, hi) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
            prop_assert!(hi - lo <= 1, "{:?}", counts);
            prop_assert_eq!(counts.len(), n.div_ceil(per_line), "no more lines than needed");
        }
    }

    #[test]
    fn compounds_names_and_dates_are_kept_together() {
        let words = [
            "Hội", "nghị", "giao", "ban", "công", "tác", "tuyên", "giáo", "Thành", "uỷ", "Hà",
            "Nội)", "năm", "2022",
        ];
        let p = penalties(&words, Align::Center);
        let at = |a: &str| p[words.iter().position(|w| *w == a).unwrap()];
        assert!(at("Hội") >= TITLE.compound, "hội / nghị");
        assert!(at("giao") >= TITLE.compound, "giao / ban");
        assert!(at("tuyên") >= TITLE.compound, "tuyên / giáo");
        assert!(at("Hà") >= TITLE.compound, "Hà / Nội)");
        assert!(at("năm") >= TITLE.number, "năm / 2022");
        assert_eq!(at("ban"), 0.0, "ban / công is a fine break");
        let upper: Vec<String> = words.iter().map(|w| w.to_uppercase()).collect();
        let upper: Vec<&str> = upper.iter().map(String::as_str).collect();
        let p = penalties(&upper, Align::Center);
        assert!(
            p[10] >= TITLE.compound,
            "folded: HÀ / NỘI) is listed as hà nội"
        );
        assert_eq!(p[7], 0.0, "in capitals, GIÁO / THÀNH is not a name");
    }
}
