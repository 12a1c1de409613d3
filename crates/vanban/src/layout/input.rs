//! What the engine takes in: blocks of styled text, rules, columns and
//! tables, and the page they go on.

use std::sync::Arc;

use crate::font::FaceKind;

/// Points per millimetre.
pub const MM: f32 = 72.0 / 25.4;
/// Ascender and descender of Times New Roman / Liberation Serif, in em.
pub const ASCENT: f32 = 0.891;
pub const DESCENT: f32 = 0.216;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
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
    /// Body rows are at least this tall (room to sign a sign-in sheet); 0 for none.
    pub min_row_height: f32,
}

impl Table {
    /// Column widths for `total` pt shared in proportion to `weights`.
    pub fn proportional(total: f32, weights: &[f32]) -> Vec<f32> {
        let sum: f32 = weights.iter().sum::<f32>().max(f32::EPSILON);
        weights.iter().map(|w| total * w / sum).collect()
    }
}

/// A two-colour picture made of square modules, such as a QR code: `dark`
/// holds `columns × rows` modules, row by row from the top. The PDF writer
/// draws it as filled squares, so it stays sharp at any size.
#[derive(Debug, Clone, PartialEq)]
pub struct Bitmap {
    pub columns: usize,
    pub rows: usize,
    pub dark: Vec<bool>,
}

impl Bitmap {
    pub fn is_dark(&self, column: usize, row: usize) -> bool {
        column < self.columns && self.dark.get(row * self.columns + column) == Some(&true)
    }
}

/// A bitmap placed in the flow: `width` pt wide (its height follows the
/// bitmap's proportions), aligned like a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct Picture {
    pub bitmap: Arc<Bitmap>,
    pub width: f32,
    pub align: Align,
}

impl Picture {
    pub fn height(&self) -> f32 {
        if self.bitmap.columns == 0 {
            return 0.0;
        }
        self.width * self.bitmap.rows as f32 / self.bitmap.columns as f32
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Para(Para),
    Rule(Rule),
    /// Side-by-side boxes, e.g. the two halves of a document header.
    Columns(Vec<Column>),
    Table(Table),
    Picture(Picture),
    Space(f32),
    PageBreak,
    /// A page break that also restarts page numbering: the next document of a
    /// mail merge (one invitation per person) in the same file.
    NewDocument,
    /// Never split across pages (the last paragraph with the signature block).
    KeepTogether(Vec<Block>),
    /// Set at the foot of the page it falls on, whose text then stops above
    /// it: the body's contact details at the bottom of page 1.
    Foot(Vec<Block>),
}

impl Block {
    /// Calls `f` on every piece of text in the block, tables and columns included.
    pub fn each_text_mut(&mut self, f: &mut impl FnMut(&mut String)) {
        fn para(p: &mut Para, f: &mut impl FnMut(&mut String)) {
            p.spans.iter_mut().for_each(|s| f(&mut s.text));
        }
        match self {
            Block::Para(p) => para(p, f),
            Block::Columns(columns) => columns
                .iter_mut()
                .flat_map(|c| &mut c.blocks)
                .for_each(|b| b.each_text_mut(f)),
            Block::Table(t) => {
                for cell in &mut t.header {
                    cell.paras.iter_mut().for_each(|p| para(p, f));
                }
                for row in &mut t.rows {
                    match row {
                        Row::Cells(cells) => cells
                            .iter_mut()
                            .flat_map(|c| &mut c.paras)
                            .for_each(|p| para(p, f)),
                        Row::Section(p) => para(p, f),
                    }
                }
            }
            Block::KeepTogether(blocks) | Block::Foot(blocks) => {
                blocks.iter_mut().for_each(|b| b.each_text_mut(f))
            }
            Block::Rule(_)
            | Block::Picture(_)
            | Block::Space(_)
            | Block::PageBreak
            | Block::NewDocument => {}
        }
    }
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
