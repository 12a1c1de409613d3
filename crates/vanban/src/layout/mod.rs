//! The layout engine: blocks (paragraphs, rules, columns, tables) in, pages of
//! positioned glyph runs and rules out. printpdf draws what it is told and no
//! more, so measuring, line breaking, alignment and pagination all happen here.
//!
//! Coordinates are in pt, measured from the top-left of the page (y grows
//! downwards); the PDF writer flips them. Lines break only at spaces, never
//! inside a Vietnamese syllable; a single token wider than the line breaks
//! between glyphs as a last resort.
//!
//! The engine is split by stage: `input` (blocks), `lines` (paragraphs into
//! lines), `tables`, `paginate` (slices onto pages) and `output` (what the PDF
//! writer draws). It knows nothing of meetings or documents.

mod breaks;
mod input;
mod lines;
mod output;
mod paginate;
mod tables;

use std::sync::Arc;

use crate::font::{FaceKind, Fonts};

pub use input::*;
pub use output::*;
use paginate::paginate;

/// Lays `blocks` out on pages of `spec`.
pub fn layout(fonts: &Fonts, spec: PageSpec, blocks: &[Block]) -> Laid {
    let ctx = Ctx {
        fonts,
        content_height: spec.content_height(),
        broken: Default::default(),
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
    /// Goes to the foot of the page (`Block::Foot`).
    foot: bool,
}

struct Ctx<'a> {
    fonts: &'a Fonts,
    content_height: f32,
    /// Paragraphs already broken into lines: a long list repeats the same
    /// chức vụ and đơn vị in cell after cell (see `Ctx::para_lines`). Hashed
    /// with FxHash: the keys are our own text, and SipHash's guard against
    /// chosen keys cost more than the lookups.
    broken: std::cell::RefCell<rustc_hash::FxHashMap<lines::Key, Vec<LineBox>>>,
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
            Block::Picture(p) => out.push(picture(p, width)),
            Block::Foot(blocks) => {
                let mut parts = Vec::new();
                for b in blocks {
                    self.block(b, width, &mut parts);
                }
                let mut foot = Slice {
                    foot: true,
                    ..Slice::default()
                };
                for part in parts {
                    let y = foot.height;
                    foot.items.extend(part.items.into_iter().map(|mut i| {
                        i.shift(0.0, y);
                        i
                    }));
                    foot.height += part.height;
                }
                out.push(foot);
            }
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

fn picture(p: &Picture, width: f32) -> Slice {
    let w = p.width.min(width);
    let h = p.height() * w / p.width.max(f32::EPSILON);
    let x = match p.align {
        Align::Left | Align::Justify => 0.0,
        Align::Center => (width - w) / 2.0,
        Align::Right => width - w,
    };
    Slice {
        height: h,
        items: vec![Item::Bitmap(PlacedBitmap {
            x,
            y: 0.0,
            width: w,
            height: h,
            bitmap: Arc::clone(&p.bitmap),
        })],
        ..Slice::default()
    }
}
