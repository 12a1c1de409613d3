//! The layout engine: blocks (paragraphs, rules, columns, tables) in, pages of
//! positioned glyph runs and rules out. printpdf draws what it is told and no
//! more, so measuring, line breaking, alignment and pagination all happen here.
//!
//! Coordinates are in pt, measured from the top-left of the page (y grows
//! downwards); the PDF writer flips them. Lines break only at spaces, never
//! inside a Vietnamese syllable; a single token wider than the line breaks
//! between glyphs as a last resort.

use std::sync::Arc;

use unicode_normalization::UnicodeNormalization;

use crate::font::{FaceKind, Fonts};

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// Ascender and descender of Times New Roman / Liberation Serif, in em.
pub const ASCENT: f32 = 0.891;
pub const DESCENT: f32 = 0.216;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Style {
    pub bold: bool,
    pub italic: bool,
    pub underline: bool,
}

impl Style {
    pub const PLAIN: Style = Style {
        bold: false,
        italic: false,
        underline: false,
    };
    pub const BOLD: Style = Style {
        bold: true,
        italic: false,
        underline: false,
    };
    pub const ITALIC: Style = Style {
        bold: false,
        italic: true,
        underline: false,
    };
    pub const BOLD_ITALIC: Style = Style {
        bold: true,
        italic: true,
        underline: false,
    };
    pub const UNDERLINE: Style = Style {
        bold: false,
        italic: false,
        underline: true,
    };

    pub fn face(self) -> FaceKind {
        FaceKind::of(self.bold, self.italic)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    pub text: String,
    pub style: Style,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    Justify,
}

/// A paragraph of styled runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub spans: Vec<Span>,
    pub size: f32,
    pub align: Align,
    pub first_indent: f32,
    pub indent_left: f32,
    pub indent_right: f32,
    /// Baseline-to-baseline distance.
    pub leading: f32,
    pub space_before: f32,
    pub space_after: f32,
    /// Never end a page after this paragraph (a heading, a "Nơi nhận" label).
    pub keep_with_next: bool,
}

impl Para {
    pub fn new(size: f32) -> Para {
        Para {
            spans: Vec::new(),
            size,
            align: Align::Left,
            first_indent: 0.0,
            indent_left: 0.0,
            indent_right: 0.0,
            leading: size * 1.15,
            space_before: 0.0,
            space_after: 0.0,
            keep_with_next: false,
        }
    }

    pub fn span(mut self, text: impl Into<String>, style: Style) -> Para {
        self.spans.push(Span {
            text: text.into(),
            style,
        });
        self
    }
    pub fn text(self, text: impl Into<String>) -> Para {
        self.span(text, Style::PLAIN)
    }
    pub fn bold(self, text: impl Into<String>) -> Para {
        self.span(text, Style::BOLD)
    }
    pub fn italic(self, text: impl Into<String>) -> Para {
        self.span(text, Style::ITALIC)
    }
    pub fn align(mut self, align: Align) -> Para {
        self.align = align;
        self
    }
    pub fn indent(mut self, first: f32) -> Para {
        self.first_indent = first;
        self
    }
    pub fn leading(mut self, leading: f32) -> Para {
        self.leading = leading;
        self
    }
    pub fn before(mut self, pt: f32) -> Para {
        self.space_before = pt;
        self
    }
    pub fn after(mut self, pt: f32) -> Para {
        self.space_after = pt;
        self
    }
    pub fn keep_with_next(mut self) -> Para {
        self.keep_with_next = true;
        self
    }
}

/// A horizontal rule (the lines under Tiêu ngữ, the issuing body, the trích yếu).
#[derive(Debug, Clone, PartialEq)]
pub struct Rule {
    pub width: f32,
    pub thickness: f32,
    pub align: Align,
    pub space_before: f32,
    pub space_after: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub width: f32,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cell {
    pub paras: Vec<Para>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    Cells(Vec<Cell>),
    /// A row spanning every column ("I. Lãnh đạo Ban").
    Section(Para),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub widths: Vec<f32>,
    /// Repeated at the top of every page the table runs onto.
    pub header: Vec<Cell>,
    pub rows: Vec<Row>,
    pub border: f32,
    pub pad_x: f32,
    pub pad_y: f32,
}

impl Table {
    /// Column widths for `total` pt shared in proportion to `weights`.
    pub fn proportional(total: f32, weights: &[f32]) -> Vec<f32> {
        let sum: f32 = weights.iter().sum::<f32>().max(f32::EPSILON);
        weights.iter().map(|w| total * w / sum).collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Rule(Rule),
    /// Side-by-side boxes, e.g. the two halves of a document header.
    Columns(Vec<Column>),
    Table(Table),
    Space(f32),
    PageBreak,
    /// A page break that also restarts page numbering: the next document of a
    /// mail merge (one invitation per person) in the same file.
    NewDocument,
    /// Never split across pages (the last paragraph with the signature block).
    KeepTogether(Vec<Block>),
}

/// Page size, margins and page numbering.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageSpec {
    pub width: f32,
    pub height: f32,
    pub margin_top: f32,
    pub margin_bottom: f32,
    pub margin_left: f32,
    pub margin_right: f32,
    /// Page numbers from page 2, centred in the top margin: (size, distance of
    /// the number's top from the top edge).
    pub page_numbers: Option<(f32, f32)>,
}

impl PageSpec {
    pub const A4_WIDTH: f32 = 595.28;
    pub const A4_HEIGHT: f32 = 841.89;

    pub fn content_width(&self) -> f32 {
        self.width - self.margin_left - self.margin_right
    }
    pub fn content_height(&self) -> f32 {
        self.height - self.margin_top - self.margin_bottom
    }
    pub fn landscape(mut self) -> PageSpec {
        std::mem::swap(&mut self.width, &mut self.height);
        self
    }
}

/// A piece of a glyph run: text, or extra space (pt) added after the text
/// before it (how justified lines stretch their spaces).
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Gap(f32),
}

#[derive(Debug, Clone, PartialEq)]
pub struct TextRun {
    pub x: f32,
    pub baseline: f32,
    pub face: FaceKind,
    pub size: f32,
    pub pieces: Vec<Piece>,
    /// Drawn width including gaps.
    pub width: f32,
}

impl TextRun {
    pub fn text(&self) -> String {
        self.pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text(t) => Some(t.as_str()),
                Piece::Gap(_) => None,
            })
            .collect()
    }
    pub fn top(&self) -> f32 {
        self.baseline - ASCENT * self.size
    }
    pub fn bottom(&self) -> f32 {
        self.baseline + DESCENT * self.size
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct RuleLine {
    pub x1: f32,
    pub y1: f32,
    pub x2: f32,
    pub y2: f32,
    pub thickness: f32,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Line(RuleLine),
}

impl Item {
    fn shift(&mut self, dx: f32, dy: f32) {
        match self {
            Item::Text(t) => {
                t.x += dx;
                t.baseline += dy;
            }
            Item::Line(l) => {
                l.x1 += dx;
                l.x2 += dx;
                l.y1 += dy;
                l.y2 += dy;
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LaidPage {
    /// The page's number within its document (1-based).
    pub number: u32,
    pub items: Vec<Item>,
}

impl LaidPage {
    pub fn runs(&self) -> impl Iterator<Item = &TextRun> {
        self.items.iter().filter_map(|i| match i {
            Item::Text(t) => Some(t),
            Item::Line(_) => None,
        })
    }
    pub fn lines(&self) -> impl Iterator<Item = &RuleLine> {
        self.items.iter().filter_map(|i| match i {
            Item::Line(l) => Some(l),
            Item::Text(_) => None,
        })
    }
    /// The page's text, one string per run, in drawing order.
    pub fn texts(&self) -> Vec<String> {
        self.runs().map(TextRun::text).collect()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Laid {
    pub spec: PageSpec,
    pub pages: Vec<LaidPage>,
}

/// Lays `blocks` out on pages of `spec`.
pub fn layout(fonts: &Fonts, spec: PageSpec, blocks: &[Block]) -> Laid {
    let ctx = Ctx {
        fonts,
        content_height: spec.content_height(),
    };
    let mut slices = Vec::new();
    for block in blocks {
        ctx.block(block, spec.content_width(), &mut slices);
    }
    let mut pages = paginate(&spec, slices);
    if let Some((size, top)) = spec.page_numbers {
        let face = fonts.face(FaceKind::Regular);
        for page in pages.iter_mut().filter(|p| p.number > 1) {
            let label = page.number.to_string();
            let width = face.width(&label, size);
            page.items.push(Item::Text(TextRun {
                x: spec.margin_left + (spec.content_width() - width) / 2.0,
                baseline: top + ASCENT * size,
                face: FaceKind::Regular,
                size,
                pieces: vec![Piece::Text(label)],
                width,
            }));
        }
    }
    Laid { spec, pages }
}

/// One laid-out line: its height and its items, relative to its top-left.
type LineBox = (f32, Vec<Item>);

/// A horizontal strip of laid-out content, placed on a page as a whole.
#[derive(Debug, Clone, Default)]
struct Slice {
    height: f32,
    /// Relative to the slice's top-left.
    items: Vec<Item>,
    keep_with_next: bool,
    /// Table header to repeat when this row starts a page.
    header: Option<Arc<Slice>>,
    /// Blank space: dropped at the top of a page.
    blank: bool,
    page_break: bool,
    new_document: bool,
}

struct Ctx<'a> {
    fonts: &'a Fonts,
    content_height: f32,
}

impl Ctx<'_> {
    fn block(&self, block: &Block, width: f32, out: &mut Vec<Slice>) {
        match block {
            Block::Para(p) => out.extend(self.para(p, width)),
            Block::Rule(r) => out.push(rule(r, width)),
            Block::Space(h) => out.push(Slice {
                height: *h,
                blank: true,
                ..Slice::default()
            }),
            Block::PageBreak => out.push(Slice {
                page_break: true,
                ..Slice::default()
            }),
            Block::NewDocument => out.push(Slice {
                page_break: true,
                new_document: true,
                ..Slice::default()
            }),
            Block::Columns(cols) => self.columns(cols, out),
            Block::Table(t) => self.table(t, out),
            Block::KeepTogether(blocks) => {
                let start = out.len();
                for b in blocks {
                    self.block(b, width, out);
                }
                if out.len() > start {
                    let last = out.len() - 1;
                    for s in &mut out[start..last] {
                        s.keep_with_next = true;
                    }
                }
            }
        }
    }

    /// Columns side by side as one slice; if that would not fit on a page, the
    /// columns are stacked instead so nothing runs off the page.
    fn columns(&self, cols: &[Column], out: &mut Vec<Slice>) {
        let mut per_column = Vec::new();
        let mut x = 0.0;
        for col in cols {
            let mut slices = Vec::new();
            for b in &col.blocks {
                self.block(b, col.width, &mut slices);
            }
            per_column.push((x, slices));
            x += col.width;
        }
        let tallest = per_column
            .iter()
            .map(|(_, s)| s.iter().map(|s| s.height).sum::<f32>())
            .fold(0.0, f32::max);
        if tallest <= self.content_height {
            let mut merged = Slice {
                height: tallest,
                ..Slice::default()
            };
            for (x, slices) in per_column {
                let mut y = 0.0;
                for s in slices {
                    merged.items.extend(s.items.into_iter().map(|mut i| {
                        i.shift(x, y);
                        i
                    }));
                    y += s.height;
                }
            }
            out.push(merged);
        } else {
            for (x, slices) in per_column {
                out.extend(slices.into_iter().map(|mut s| {
                    s.items.iter_mut().for_each(|i| i.shift(x, 0.0));
                    s
                }));
            }
        }
    }

    /// One slice per line; a paragraph of two or more lines never leaves a
    /// single line alone at the bottom or top of a page.
    fn para(&self, p: &Para, width: f32) -> Vec<Slice> {
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
    fn para_lines(&self, p: &Para, width: f32) -> Vec<LineBox> {
        let words = words(p);
        let mut lines: Vec<LineBox> = Vec::new();
        let mut current: Vec<Placed> = Vec::new();
        let mut current_width = 0.0;
        let avail = |first: bool| {
            (width - p.indent_left - p.indent_right - if first { p.first_indent } else { 0.0 })
                .max(p.size)
        };
        let mut first = true;
        let mut queue: std::collections::VecDeque<Word> = words.into();
        while let Some(word) = queue.pop_front() {
            if word.hard_break {
                self.flush(p, width, first, true, &mut current, &mut lines);
                first = false;
                current_width = 0.0;
                continue;
            }
            let w = self.word_width(&word, p.size);
            let space = if current.is_empty() {
                0.0
            } else {
                self.space_width(word.space_before, p.size)
            };
            let limit = avail(first);
            if current_width + space + w <= limit + 0.01 {
                current.push(Placed { word, space });
                current_width += space + w;
                continue;
            }
            if !current.is_empty() {
                self.flush(p, width, first, false, &mut current, &mut lines);
                first = false;
                current_width = 0.0;
                queue.push_front(word);
                continue;
            }
            // A token wider than a whole line: cut it between glyphs.
            let (head, tail) = self.split_word(word, limit, p.size);
            current.push(Placed {
                word: head,
                space: 0.0,
            });
            self.flush(p, width, first, false, &mut current, &mut lines);
            first = false;
            current_width = 0.0;
            if let Some(tail) = tail {
                queue.push_front(tail);
            }
        }
        if !current.is_empty() || lines.is_empty() {
            self.flush(p, width, first, true, &mut current, &mut lines);
        }
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
        let baseline = (p.leading - (ASCENT + DESCENT) * p.size) / 2.0 + ASCENT * p.size;
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

    fn table(&self, t: &Table, out: &mut Vec<Slice>) {
        let total: f32 = t.widths.iter().sum();
        let mut header = None;
        if !t.header.is_empty() {
            let parts = self.cell_row(t, &t.header, &t.widths, self.content_height);
            // A header is repeated on every page only if it is a header-sized row.
            if parts.len() == 1 && parts[0].height <= self.content_height / 3.0 {
                let mut h = parts.into_iter().next().expect("one part");
                h.keep_with_next = true;
                out.push(h.clone());
                header = Some(Arc::new(h));
            } else {
                out.extend(parts);
            }
        }
        let header_height = header.as_ref().map_or(0.0, |h| h.height);
        let room = self.content_height - header_height;
        for row in &t.rows {
            let mut slices = match row {
                Row::Cells(cells) => self.cell_row(t, cells, &t.widths, room),
                Row::Section(p) => {
                    let mut s = self.cell_row(
                        t,
                        &[Cell {
                            paras: vec![p.clone()],
                        }],
                        &[total],
                        room,
                    );
                    // A section heading never ends a page.
                    if let Some(last) = s.last_mut() {
                        last.keep_with_next = true;
                    }
                    s
                }
            };
            for s in &mut slices {
                s.header = header.clone();
            }
            out.extend(slices);
        }
    }

    /// Lays one row out; a row taller than `room` is cut into several slices
    /// (only a row that would not fit even on an empty page is ever split).
    fn cell_row(&self, t: &Table, cells: &[Cell], widths: &[f32], room: f32) -> Vec<Slice> {
        let columns: Vec<Vec<LineBox>> = widths
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let inner = (w - 2.0 * t.pad_x).max(1.0);
                cells
                    .get(i)
                    .map(|c| {
                        c.paras
                            .iter()
                            .flat_map(|p| self.para_lines(p, inner))
                            .collect()
                    })
                    .unwrap_or_default()
            })
            .collect();
        let content = |lines: &[LineBox]| lines.iter().map(|l| l.0).sum::<f32>();
        let height = columns.iter().map(|c| content(c)).fold(0.0, f32::max) + 2.0 * t.pad_y;
        let max_inner = (room - 2.0 * t.pad_y).max(1.0);
        // Cut each column's lines into chunks that fit, all columns in step.
        let mut chunks: Vec<Vec<Vec<LineBox>>> = if height <= room {
            columns.into_iter().map(|c| vec![c]).collect()
        } else {
            columns
                .into_iter()
                .map(|lines| {
                    let mut chunks = vec![Vec::new()];
                    let mut used = 0.0;
                    for line in lines {
                        if used + line.0 > max_inner && used > 0.0 {
                            chunks.push(Vec::new());
                            used = 0.0;
                        }
                        used += line.0;
                        chunks.last_mut().expect("at least one chunk").push(line);
                    }
                    chunks
                })
                .collect()
        };
        let parts = chunks.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let xs: Vec<f32> = widths
            .iter()
            .scan(0.0, |x, w| {
                let at = *x;
                *x += w;
                Some(at)
            })
            .collect();
        let total: f32 = widths.iter().sum();
        (0..parts)
            .map(|k| {
                let part_lines: Vec<Vec<LineBox>> = chunks
                    .iter_mut()
                    .map(|c| c.get_mut(k).map(std::mem::take).unwrap_or_default())
                    .collect();
                let h = part_lines.iter().map(|l| content(l)).fold(0.0, f32::max) + 2.0 * t.pad_y;
                let mut items = Vec::new();
                for (col, lines) in part_lines.into_iter().enumerate() {
                    // Cells are centred vertically, as in the format examples.
                    let slack = if parts == 1 {
                        h - 2.0 * t.pad_y - content(&lines)
                    } else {
                        0.0
                    };
                    let mut y = t.pad_y + slack / 2.0;
                    for (lh, line_items) in lines {
                        items.extend(line_items.into_iter().map(|mut i| {
                            i.shift(xs[col] + t.pad_x, y);
                            i
                        }));
                        y += lh;
                    }
                }
                if t.border > 0.0 {
                    let line = |x1, y1, x2, y2| {
                        Item::Line(RuleLine {
                            x1,
                            y1,
                            x2,
                            y2,
                            thickness: t.border,
                        })
                    };
                    items.push(line(0.0, 0.0, total, 0.0));
                    items.push(line(0.0, h, total, h));
                    for x in xs.iter().copied().chain(std::iter::once(total)) {
                        items.push(line(x, 0.0, x, h));
                    }
                }
                Slice {
                    height: h,
                    items,
                    keep_with_next: k + 1 < parts,
                    ..Slice::default()
                }
            })
            .collect()
    }
}

fn rule(r: &Rule, width: f32) -> Slice {
    let w = r.width.min(width);
    let x = match r.align {
        Align::Left | Align::Justify => 0.0,
        Align::Center => (width - w) / 2.0,
        Align::Right => width - w,
    };
    let y = r.space_before + r.thickness / 2.0;
    Slice {
        height: r.space_before + r.thickness + r.space_after,
        items: vec![Item::Line(RuleLine {
            x1: x,
            y1: y,
            x2: x + w,
            y2: y,
            thickness: r.thickness,
        })],
        ..Slice::default()
    }
}

fn push_text(pieces: &mut Vec<Piece>, text: String) {
    match pieces.last_mut() {
        Some(Piece::Text(t)) => t.push_str(&text),
        _ => pieces.push(Piece::Text(text)),
    }
}

fn paginate(spec: &PageSpec, slices: Vec<Slice>) -> Vec<LaidPage> {
    let room = spec.content_height();
    // Heights of the runs of slices that must stay together, by their first slice.
    let mut group_height = vec![None; slices.len()];
    let mut i = 0;
    while i < slices.len() {
        let mut j = i;
        let mut height = slices[i].height;
        while slices[j].keep_with_next && j + 1 < slices.len() && !slices[j + 1].page_break {
            j += 1;
            height += slices[j].height;
        }
        group_height[i] = Some(height);
        i = j + 1;
    }

    let mut pages = vec![LaidPage {
        number: 1,
        items: Vec::new(),
    }];
    let new_page = |pages: &mut Vec<LaidPage>, restart: bool| {
        let number = if restart {
            1
        } else {
            pages.last().map_or(1, |p| p.number + 1)
        };
        pages.push(LaidPage {
            number,
            items: Vec::new(),
        });
    };
    let place = |items: Vec<Item>, height: f32, y: &mut f32, pages: &mut Vec<LaidPage>| {
        let page = pages.last_mut().expect("there is always a page");
        page.items.extend(items.into_iter().map(|mut i| {
            i.shift(spec.margin_left, spec.margin_top + *y);
            i
        }));
        *y += height;
    };
    let mut y = 0.0_f32;
    for (k, s) in slices.into_iter().enumerate() {
        if let Some(group) = group_height[k] {
            if y > 0.0 && y + group > room + 0.01 && group <= room {
                new_page(&mut pages, false);
                y = 0.0;
            }
        }
        if s.page_break {
            if y > 0.0 || s.new_document {
                new_page(&mut pages, s.new_document);
                y = 0.0;
            }
            continue;
        }
        if y > 0.0 && y + s.height > room + 0.01 {
            new_page(&mut pages, false);
            y = 0.0;
        }
        if y == 0.0 && s.blank {
            continue;
        }
        if y == 0.0 && pages.last().is_some_and(|p| p.number > 1) {
            if let Some(h) = &s.header {
                place(h.items.clone(), h.height, &mut y, &mut pages);
            }
        }
        place(s.items, s.height, &mut y, &mut pages);
    }
    pages
}

/// A word: styled fragments between two spaces.
#[derive(Debug, Clone)]
struct Word {
    frags: Vec<Frag>,
    /// Style of the space before this word (it is measured in that face).
    space_before: Style,
    hard_break: bool,
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
    let mut current = Word {
        frags: Vec::new(),
        space_before: Style::PLAIN,
        hard_break: false,
    };
    for span in &p.spans {
        let text: std::borrow::Cow<str> = if unicode_normalization::is_nfc_quick(span.text.chars())
            == unicode_normalization::IsNormalized::Yes
        {
            std::borrow::Cow::Borrowed(&span.text)
        } else {
            std::borrow::Cow::Owned(span.text.nfc().collect())
        };
        for c in text.chars() {
            if c == '\n' {
                if !current.frags.is_empty() {
                    out.push(std::mem::replace(
                        &mut current,
                        Word {
                            frags: Vec::new(),
                            space_before: span.style,
                            hard_break: false,
                        },
                    ));
                }
                out.push(Word {
                    frags: Vec::new(),
                    space_before: span.style,
                    hard_break: true,
                });
            } else if c.is_whitespace() && c != '\u{a0}' && c != '\u{202f}' {
                if !current.frags.is_empty() {
                    out.push(std::mem::replace(
                        &mut current,
                        Word {
                            frags: Vec::new(),
                            space_before: span.style,
                            hard_break: false,
                        },
                    ));
                }
                current.space_before = span.style;
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
