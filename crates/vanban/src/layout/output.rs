//! What the engine gives out: pages of positioned glyph runs and rules, ready
//! for the PDF writer (and for tests, which read them as a secretary would).

use std::sync::Arc;

use super::input::{Bitmap, PageSpec, ASCENT, DESCENT};
use crate::font::FaceKind;

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

/// A bitmap at its place: top-left corner and size in pt.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedBitmap {
    pub x: f32,
    pub y: f32,
    pub width: f32,
    pub height: f32,
    pub bitmap: Arc<Bitmap>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text(TextRun),
    Line(RuleLine),
    Bitmap(PlacedBitmap),
}

impl Item {
    pub(super) fn shift(&mut self, dx: f32, dy: f32) {
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
            Item::Bitmap(b) => {
                b.x += dx;
                b.y += dy;
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
            _ => None,
        })
    }
    pub fn lines(&self) -> impl Iterator<Item = &RuleLine> {
        self.items.iter().filter_map(|i| match i {
            Item::Line(l) => Some(l),
            _ => None,
        })
    }
    pub fn bitmaps(&self) -> impl Iterator<Item = &PlacedBitmap> {
        self.items.iter().filter_map(|i| match i {
            Item::Bitmap(b) => Some(b),
            _ => None,
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
