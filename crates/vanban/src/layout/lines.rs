//! Paragraphs into lines: words split at spaces (never inside a syllable),
//! greedy filling, justification by stretching spaces, and lines into slices
//! that keep widows and orphans away.

use unicode_normalization::UnicodeNormalization;

use super::breaks::{self, Token};
use super::*;

impl Ctx<'_> {
    /// One slice per line; a paragraph of two or more lines never leaves a
    /// single line alone at the bottom or top of a page.
    pub(super) fn para(&self, p: &Para, width: f32) -> Vec<Slice> {
        let lines = self.para_lines(p, width);
        let n = lines.len();
        lines
            .into_iter()
            .enumerate()
            .map(|(i, (height, items))| Slice {
                height,
                items,
                keep_with_next: (n >= 2 && (i == 0 || i + 2 == n))
                    || (i + 1 == n && p.keep_with_next),
                ..Slice::default()
            })
            .collect()
    }

    /// The lines of a paragraph as (height, items); space before and after is
    /// folded into the first and last line.
    pub(super) fn para_lines(&self, p: &Para, width: f32) -> Vec<LineBox> {
        let mut lines = match self.one_line(p, width) {
            Some(line) => line,
            None => match Key::of(p, width) {
                Some(key) => {
                    let known = self.broken.borrow().get(&key).cloned();
                    known.unwrap_or_else(|| {
                        let lines = self.broken_lines(p, width);
                        self.broken.borrow_mut().insert(key, lines.clone());
                        lines
                    })
                }
                None => self.broken_lines(p, width),
            },
        };
        if let Some(first) = lines.first_mut() {
            first.0 += p.space_before;
            first
                .1
                .iter_mut()
                .for_each(|i| i.shift(0.0, p.space_before));
        }
        if let Some(last) = lines.last_mut() {
            last.0 += p.space_after;
        }
        lines
    }

    /// The common case, most cells of a long list: one style, plain spaces,
    /// text already in NFC that fits the measure. The same line the general
    /// path makes, without splitting it into words first.
    fn one_line(&self, p: &Para, width: f32) -> Option<Vec<LineBox>> {
        let [span] = p.spans.as_slice() else {
            return None;
        };
        if span.style.underline
            || span
                .text
                .chars()
                .any(|c| c != ' ' && (c.is_whitespace() || c.is_control()))
            || !is_nfc(&span.text)
        {
            return None;
        }
        let mut text = String::with_capacity(span.text.len());
        for word in span.text.split(' ').filter(|w| !w.is_empty()) {
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(word);
        }
        let face = span.style.face();
        let natural = self.fonts.face(face).width(&text, p.size);
        let measure = |indent: f32| (width - p.indent_left - p.indent_right - indent).max(p.size);
        if text.is_empty() || natural > measure(p.first_indent).min(measure(0.0)) + 0.01 {
            return None;
        }
        let left = p.indent_left + p.first_indent;
        let slack = ((width - left - p.indent_right).max(0.0) - natural).max(0.0);
        let offset = match p.align {
            Align::Left | Align::Justify => 0.0,
            Align::Center => slack / 2.0,
            Align::Right => slack,
        };
        let run = TextRun {
            x: left + offset,
            baseline: baseline(p),
            face,
            size: p.size,
            pieces: vec![Piece::Text(text)],
            width: natural,
        };
        Some(vec![(p.leading, vec![Item::Text(run)])])
    }

    /// Lines of any paragraph. Hard line breaks cut it into runs of words,
    /// each broken into lines by `breaks::best`.
    fn broken_lines(&self, p: &Para, width: f32) -> Vec<LineBox> {
        let avail = |first: bool| {
            (width - p.indent_left - p.indent_right - if first { p.first_indent } else { 0.0 })
                .max(p.size)
        };
        // Runs of words between hard line breaks.
        let mut runs: Vec<Vec<Word>> = vec![Vec::new()];
        for word in words(p) {
            if word.hard_break {
                runs.push(Vec::new());
            } else if let Some(run) = runs.last_mut() {
                run.push(word);
            }
        }
        let count = runs.len();
        let mut lines: Vec<LineBox> = Vec::new();
        let mut first = true;
        for (r, run) in runs.into_iter().enumerate() {
            // A line break at the very end adds no empty line.
            if run.is_empty() && r + 1 == count && !lines.is_empty() {
                break;
            }
            let (run, widths) = self.split_long_words(run, avail(true).min(avail(false)), p.size);
            let spaces: Vec<f32> = run
                .iter()
                .map(|w| self.space_width(w.space_before, p.size))
                .collect();
            let natural: f32 = widths.iter().sum::<f32>() + spaces.iter().skip(1).sum::<f32>();
            let ends = if natural <= avail(first) + 0.01 {
                // Fits on one line: nothing to choose.
                vec![run.len()]
            } else {
                let texts: Vec<String> = run.iter().map(Word::text).collect();
                let tokens: Vec<Token> = texts
                    .iter()
                    .zip(widths.iter().zip(&spaces))
                    .map(|(text, (&width, &space))| Token { text, width, space })
                    .collect();
                breaks::best(&tokens, avail(first), avail(false), p.align)
            };
            let mut words = run.into_iter().zip(spaces);
            let mut start = 0;
            for (k, &end) in ends.iter().enumerate() {
                let mut current: Vec<Placed> = words
                    .by_ref()
                    .take(end - start)
                    .enumerate()
                    .map(|(i, (word, space))| Placed {
                        word,
                        space: if i == 0 { 0.0 } else { space },
                    })
                    .collect();
                self.flush(
                    p,
                    width,
                    first,
                    k + 1 == ends.len(),
                    &mut current,
                    &mut lines,
                );
                first = false;
                start = end;
            }
            if ends.is_empty() {
                // An empty line between two line breaks.
                self.flush(p, width, first, true, &mut Vec::new(), &mut lines);
                first = false;
            }
        }
        lines
    }

    /// The words of a run with their widths, any wider than `limit` cut
    /// between glyphs.
    fn split_long_words(&self, run: Vec<Word>, limit: f32, size: f32) -> (Vec<Word>, Vec<f32>) {
        let mut words = Vec::with_capacity(run.len());
        let mut widths = Vec::with_capacity(run.len());
        for word in run {
            let mut rest = Some(word);
            while let Some(word) = rest.take() {
                let width = self.word_width(&word, size);
                if width <= limit + 0.01 {
                    words.push(word);
                    widths.push(width);
                } else {
                    let (head, tail) = self.split_word(word, limit, size);
                    widths.push(self.word_width(&head, size));
                    words.push(head);
                    rest = tail;
                }
            }
        }
        (words, widths)
    }

    fn word_width(&self, word: &Word, size: f32) -> f32 {
        word.frags
            .iter()
            .map(|f| self.fonts.face(f.style.face()).width(&f.text, size))
            .sum()
    }

    fn space_width(&self, style: Style, size: f32) -> f32 {
        self.fonts.face(style.face()).advance(' ') * size / 1000.0
    }

    /// Splits a word so that the head fits in `limit` (at least one glyph).
    fn split_word(&self, word: Word, limit: f32, size: f32) -> (Word, Option<Word>) {
        let mut head = Word {
            frags: Vec::new(),
            ..word.clone()
        };
        let mut used = 0.0;
        let mut rest: Vec<Frag> = Vec::new();
        let mut full = false;
        for frag in word.frags {
            if full {
                rest.push(frag);
                continue;
            }
            let face = self.fonts.face(frag.style.face());
            let mut taken = String::new();
            let mut left = String::new();
            for c in frag.text.chars() {
                let w = face.advance(c) * size / 1000.0;
                if !full && (used + w <= limit || (used == 0.0 && taken.is_empty())) {
                    taken.push(c);
                    used += w;
                } else {
                    full = true;
                    left.push(c);
                }
            }
            if !taken.is_empty() {
                head.frags.push(Frag {
                    text: taken,
                    style: frag.style,
                });
            }
            if !left.is_empty() {
                rest.push(Frag {
                    text: left,
                    style: frag.style,
                });
            }
        }
        let tail = (!rest.is_empty()).then_some(Word {
            frags: rest,
            space_before: word.space_before,
            hard_break: false,
        });
        (head, tail)
    }

    /// Turns the words of one line into positioned runs.
    fn flush(
        &self,
        p: &Para,
        width: f32,
        first: bool,
        last: bool,
        current: &mut Vec<Placed>,
        lines: &mut Vec<LineBox>,
    ) {
        let left = p.indent_left + if first { p.first_indent } else { 0.0 };
        let avail = (width - left - p.indent_right).max(0.0);
        let natural: f32 = current
            .iter()
            .map(|pl| pl.space + self.word_width(&pl.word, p.size))
            .sum();
        let gaps = current.len().saturating_sub(1);
        let slack = (avail - natural).max(0.0);
        let (offset, extra) = match p.align {
            Align::Left => (0.0, 0.0),
            Align::Center => (slack / 2.0, 0.0),
            Align::Right => (slack, 0.0),
            Align::Justify if !last && gaps > 0 => (0.0, slack / gaps as f32),
            Align::Justify => (0.0, 0.0),
        };
        let baseline = baseline(p);
        let mut items = Vec::new();
        let mut runs: Vec<TextRun> = Vec::new();
        let mut x = left + offset;
        // The underline being drawn, extended across spaces between underlined words.
        let mut underline: Option<usize> = None;
        for (i, pl) in current.drain(..).enumerate() {
            if i > 0 {
                // The space belongs to the run before it; justification widens it.
                let w = pl.space + extra;
                let run = runs.last_mut().expect("a word precedes every space");
                push_text(&mut run.pieces, " ".into());
                if extra > 0.0 {
                    run.pieces.push(Piece::Gap(extra));
                }
                run.width += w;
                x += w;
            }
            for frag in pl.word.frags {
                let face = frag.style.face();
                let w = self.fonts.face(face).width(&frag.text, p.size);
                match (
                    frag.style.underline,
                    underline.and_then(|u| items.get_mut(u)),
                ) {
                    (true, Some(Item::Line(line))) => line.x2 = x + w,
                    (true, _) => {
                        let y = baseline + 0.12 * p.size;
                        underline = Some(items.len());
                        items.push(Item::Line(RuleLine {
                            x1: x,
                            y1: y,
                            x2: x + w,
                            y2: y,
                            thickness: 0.05 * p.size,
                        }));
                    }
                    (false, _) => underline = None,
                }
                match runs.last_mut() {
                    Some(run) if run.face == face && (run.x + run.width - x).abs() < 0.001 => {
                        push_text(&mut run.pieces, frag.text);
                        run.width += w;
                    }
                    _ => runs.push(TextRun {
                        x,
                        baseline,
                        face,
                        size: p.size,
                        pieces: vec![Piece::Text(frag.text)],
                        width: w,
                    }),
                }
                x += w;
            }
        }
        items.extend(runs.into_iter().map(Item::Text));
        lines.push((p.leading, items));
    }
}

/// Where a line's baseline sits in its box: the glyphs centred in the leading.
fn baseline(p: &Para) -> f32 {
    (p.leading - (ASCENT + DESCENT) * p.size) / 2.0 + ASCENT * p.size
}

fn push_text(pieces: &mut Vec<Piece>, text: String) {
    match pieces.last_mut() {
        Some(Piece::Text(t)) => t.push_str(&text),
        _ => pieces.push(Piece::Text(text)),
    }
}

/// What the lines of a one-style paragraph depend on: its text, style,
/// measure and spacing (floats by their bits).
#[derive(PartialEq, Eq, Hash)]
pub(super) struct Key {
    text: String,
    style: Style,
    align: Align,
    measures: [u32; 8],
}

impl Key {
    fn of(p: &Para, width: f32) -> Option<Key> {
        let [span] = p.spans.as_slice() else {
            return None;
        };
        Some(Key {
            text: span.text.clone(),
            style: span.style,
            align: p.align,
            measures: [
                width,
                p.size,
                p.first_indent,
                p.indent_left,
                p.indent_right,
                p.leading,
                p.space_before,
                p.space_after,
            ]
            .map(f32::to_bits),
        })
    }
}

/// A word: styled fragments between two spaces.
#[derive(Debug, Clone)]
struct Word {
    frags: Vec<Frag>,
    /// Style of the space before this word (it is measured in that face).
    space_before: Style,
    hard_break: bool,
}

impl Word {
    fn text(&self) -> String {
        self.frags.iter().map(|f| f.text.as_str()).collect()
    }

    fn empty(space_before: Style, hard_break: bool) -> Word {
        Word {
            frags: Vec::new(),
            space_before,
            hard_break,
        }
    }
}

#[derive(Debug, Clone)]
struct Frag {
    text: String,
    style: Style,
}

struct Placed {
    word: Word,
    space: f32,
}

/// Splits a paragraph into words at spaces. Text is normalised to NFC first
/// (so combining marks sit on the right letter), control characters other
/// than line breaks are dropped, and a no-break space never breaks.
fn words(p: &Para) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    let mut current = Word::empty(Style::PLAIN, false);
    for span in &p.spans {
        let text: std::borrow::Cow<str> = if is_nfc(&span.text) {
            std::borrow::Cow::Borrowed(&span.text)
        } else {
            std::borrow::Cow::Owned(span.text.nfc().collect())
        };
        for c in text.chars() {
            let breaks = c == '\n' || (c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}');
            if breaks {
                if !current.frags.is_empty() {
                    out.push(std::mem::replace(
                        &mut current,
                        Word::empty(span.style, false),
                    ));
                }
                if c == '\n' {
                    out.push(Word::empty(span.style, true));
                } else {
                    current.space_before = span.style;
                }
            } else if c.is_control() {
                continue;
            } else {
                match current.frags.last_mut() {
                    Some(f) if f.style == span.style => f.text.push(c),
                    _ => current.frags.push(Frag {
                        text: c.to_string(),
                        style: span.style,
                    }),
                }
            }
        }
    }
    if !current.frags.is_empty() {
        out.push(current);
    }
    out
}

/// Whether `text` is in NFC for sure ("maybe" counts as no). Text made only
/// of characters below U+0300 and the precomposed Vietnamese letters
/// (U+1EA0–U+1EF9) is, without looking anything up: every one of them is a
/// starter that nothing composes with. Only other text asks Unicode's tables.
fn is_nfc(text: &str) -> bool {
    text.chars()
        .all(|c| c < '\u{300}' || ('\u{1EA0}'..='\u{1EF9}').contains(&c))
        || unicode_normalization::is_nfc_quick(text.chars())
            == unicode_normalization::IsNormalized::Yes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(fonts: &Fonts) -> Ctx<'_> {
        Ctx {
            fonts,
            content_height: 700.0,
            broken: Default::default(),
        }
    }

    #[test]
    fn text_taken_for_nfc_without_lookups_is_nfc() {
        use unicode_normalization::UnicodeNormalization;
        let fast: Vec<char> = ('\0'..'\u{300}').chain('\u{1EA0}'..='\u{1EF9}').collect();
        for (i, &c) in fast.iter().enumerate() {
            // Each character alone, and next to every seventh other one.
            for &d in fast.iter().skip(i % 7).step_by(7).chain([c].iter()) {
                let pair: String = [c, d].iter().collect();
                // What the shortcut assumes, checked against Unicode itself.
                assert_eq!(
                    unicode_normalization::is_nfc_quick(pair.chars()),
                    unicode_normalization::IsNormalized::Yes,
                    "{c:?} {d:?}"
                );
                assert_eq!(pair.nfc().collect::<String>(), pair, "{c:?} {d:?}");
            }
        }
        assert!(!is_nfc("Ha\u{300}"), "a combining mark after a letter");
        assert!(is_nfc("Hà Nội, Đặng Thuỳ"));
    }

    /// The shortcut for one-line paragraphs places the text where the
    /// general path does, for every alignment and indent.
    #[test]
    fn one_line_matches_the_general_path() {
        let fonts = Fonts::bundled();
        let ctx = ctx(&fonts);
        for text in [
            "Ban Tuyên giáo",
            "  Nguyễn   Văn Tuấn ",
            "Đảng uỷ phường Ba Đình, Hà Nội",
        ] {
            for align in [Align::Left, Align::Center, Align::Right, Align::Justify] {
                let mut p = Para::new(13.0);
                p.spans.push(Span {
                    text: text.into(),
                    style: Style::BOLD,
                });
                p.align = align;
                p.first_indent = 7.0;
                p.indent_left = 3.0;
                let fast = ctx.one_line(&p, 300.0).expect("fits on one line");
                let slow = ctx.broken_lines(&p, 300.0);
                assert_eq!(fast.len(), 1);
                assert_eq!(slow.len(), 1);
                let (Item::Text(a), Item::Text(b)) = (&fast[0].1[0], &slow[0].1[0]) else {
                    panic!("text runs");
                };
                assert_eq!(a.pieces, b.pieces, "{text} {align:?}");
                assert!(
                    (a.x - b.x).abs() < 0.01,
                    "{text} {align:?}: {} vs {}",
                    a.x,
                    b.x
                );
                assert!((a.width - b.width).abs() < 0.01);
                assert_eq!(a.baseline, b.baseline);
                assert_eq!(fast[0].0, slow[0].0);
            }
        }
    }

    #[test]
    fn the_shortcut_leaves_other_paragraphs_to_the_breaker() {
        let fonts = Fonts::bundled();
        let ctx = ctx(&fonts);
        let para = |text: &str, style: Style| {
            let mut p = Para::new(13.0);
            p.spans.push(Span {
                text: text.into(),
                style,
            });
            p
        };
        let long = "Phó Trưởng Ban Thường trực Ban Tuyên giáo Thành uỷ Hà Nội";
        assert!(ctx.one_line(&para(long, Style::PLAIN), 100.0).is_none());
        assert!(ctx.one_line(&para("a\nb", Style::PLAIN), 300.0).is_none());
        assert!(ctx
            .one_line(&para("Nguye\u{302}n", Style::PLAIN), 300.0)
            .is_none());
        let underlined = Style {
            underline: true,
            ..Style::PLAIN
        };
        assert!(ctx.one_line(&para("Kính gửi", underlined), 300.0).is_none());
        // A repeated paragraph is broken once and comes out the same.
        let p = para(long, Style::PLAIN);
        let first = ctx.para_lines(&p, 100.0);
        assert_eq!(ctx.broken.borrow().len(), 1);
        assert_eq!(ctx.para_lines(&p, 100.0).len(), first.len());
        assert!(first.len() > 1);
    }
}
