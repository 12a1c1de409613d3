//! Writes laid-out pages as a PDF with printpdf. Each face used is subset to
//! the glyphs the document draws (with allsorts) and embedded under a proper
//! "ABCDEF+Name" subset name; text stays extractable through ToUnicode maps.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDateTime, Timelike};
use printpdf::date::{Date, DateTime, Offset, Time};
use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rgb, TextItem, TextMatrix,
};

use crate::error::{Error, Result};
use crate::font::{FaceKind, Fonts};
use crate::layout::{Laid, Piece, RuleLine, TextRun};

/// What the PDF's document information says.
#[derive(Debug, Clone, PartialEq)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// UTC.
    pub created: NaiveDateTime,
}

/// The characters each face draws, in one pass over the runs.
fn used_chars(laid: &Laid) -> BTreeMap<FaceKind, BTreeSet<char>> {
    let mut used: BTreeMap<FaceKind, BTreeSet<char>> = BTreeMap::new();
    for run in laid.pages.iter().flat_map(|p| p.runs()) {
        let set = used.entry(run.face).or_default();
        for piece in &run.pieces {
            if let Piece::Text(t) = piece {
                set.extend(t.chars());
            }
        }
    }
    used
}

/// Refuses, naming them, any characters the fonts cannot draw.
pub fn check_glyphs(fonts: &Fonts, laid: &Laid) -> Result<()> {
    check(fonts, &used_chars(laid))
}

fn check(fonts: &Fonts, used: &BTreeMap<FaceKind, BTreeSet<char>>) -> Result<()> {
    let mut missing: Vec<char> = Vec::new();
    for (kind, chars) in used {
        let face = fonts.face(*kind);
        for &c in chars {
            if !c.is_whitespace() && !c.is_control() && !face.has(c) && !missing.contains(&c) {
                missing.push(c);
            }
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::MissingGlyphs { chars: missing })
    }
}

pub fn write(fonts: &Fonts, laid: &Laid, meta: &Metadata) -> Result<Vec<u8>> {
    let used = used_chars(laid);
    check(fonts, &used)?;
    let mut doc = PdfDocument::new(&meta.title);

    let mut ids: BTreeMap<FaceKind, FontId> = BTreeMap::new();
    for (kind, chars) in &used {
        let face = fonts.face(*kind);
        let mut glyphs: BTreeSet<u16> = chars.iter().filter_map(|c| face.glyph_id(*c)).collect();
        glyphs.remove(&0);
        let glyph_ids: Vec<u16> = std::iter::once(0).chain(glyphs).collect();
        let bytes = subset(face.bytes(), &glyph_ids)?;
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| {
            Error::Pdf(format!(
                "subset of {} is unreadable",
                face.postscript_name()
            ))
        })?;
        parsed.font_name = Some(format!(
            "{}+{}",
            subset_tag(&glyph_ids, *kind),
            face.postscript_name()
        ));
        let id = FontId(format!("F{}", *kind as u8 + 1));
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(parsed));
        ids.insert(*kind, id);
    }

    let height = laid.spec.height;
    let black = Color::Rgb(Rgb::new(0.0, 0.0, 0.0, None));
    for page in &laid.pages {
        let mut ops = vec![
            Op::SetFillColor { col: black.clone() },
            Op::SetOutlineColor { col: black.clone() },
        ];
        let mut thickness = -1.0;
        for l in merge_lines(page.lines()) {
            if (l.thickness - thickness).abs() > f32::EPSILON {
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(l.thickness),
                });
                thickness = l.thickness;
            }
            let point = |x: f32, y: f32| LinePoint {
                p: Point {
                    x: Pt(round(x)),
                    y: Pt(round(height - y)),
                },
                bezier: false,
            };
            ops.push(Op::DrawLine {
                line: Line {
                    points: vec![point(l.x1, l.y1), point(l.x2, l.y2)],
                    is_closed: false,
                },
            });
        }
        ops.push(Op::StartTextSection);
        let mut font: Option<(FaceKind, f32)> = None;
        // Runs that share a baseline, face and size (the cells of a table row)
        // go into one TJ, with offsets for the gaps between them: fewer operators
        // to write and a smaller file, with the same glyph positions.
        let mut runs: Vec<&TextRun> = page.runs().collect();
        runs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
        let mut origin: Option<(f32, f32)> = None;
        let mut k = 0;
        while k < runs.len() {
            let first = runs[k];
            if font != Some((first.face, first.size)) {
                ops.push(Op::SetFont {
                    font: PdfFontHandle::External(ids[&first.face].clone()),
                    size: Pt(first.size),
                });
                font = Some((first.face, first.size));
            }
            // The first run of a page is placed absolutely, later ones relative
            // to the previous line start (Td is shorter than Tm).
            let at = (round(first.x), round(height - first.baseline));
            ops.push(match origin {
                None => Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(at.0), Pt(at.1)),
                },
                Some((x, y)) => Op::SetTextCursor {
                    pos: Point {
                        x: Pt(round(at.0 - x)),
                        y: Pt(round(at.1 - y)),
                    },
                },
            });
            origin = Some(at);
            let mut items = Vec::new();
            push_pieces(first, &mut items);
            let mut end = first.x + first.width;
            k += 1;
            while let Some(next) = runs.get(k).copied() {
                let same_line = (next.baseline - first.baseline).abs() < 0.001;
                if !same_line
                    || next.face != first.face
                    || next.size != first.size
                    || next.x < end - 0.01
                {
                    break;
                }
                items.push(TextItem::Offset(round(
                    -(next.x - end) * 1000.0 / first.size,
                )));
                push_pieces(next, &mut items);
                end = next.x + next.width;
                k += 1;
            }
            ops.push(Op::ShowText { items });
        }
        ops.push(Op::EndTextSection);
        doc.pages.push(PdfPage::new(
            Mm(laid.spec.width / crate::layout::MM),
            Mm(height / crate::layout::MM),
            ops,
        ));
    }

    let when = pdf_date(meta.created);
    let info = &mut doc.metadata.info;
    info.document_title = meta.title.clone();
    info.author = meta.author.clone();
    info.subject = meta.subject.clone();
    info.keywords = meta.keywords.clone();
    info.creator = format!("HoiNghi {}", env!("CARGO_PKG_VERSION"));
    info.producer = "HoiNghi (printpdf)".into();
    info.creation_date = when;
    info.modification_date = when;
    info.metadata_date = when;

    // printpdf compresses with zlib's "best" level, which took a quarter of the
    // export time for a 1,000-row list; level 3 costs 6% in size and halves it.
    let options = PdfSaveOptions {
        optimize: false,
        subset_fonts: false,
        secure: true,
        image_optimization: None,
    };
    let mut warnings = Vec::new();
    let mut pdf = doc.to_lopdf_document(&options, &mut warnings);
    pdf.version = "1.7".into();
    for object in pdf.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            compress(stream)?;
        }
    }
    let mut out = Vec::new();
    // Object streams (PDF 1.5) compress the page dictionaries and the cross-reference table too.
    pdf.save_modern(&mut out)
        .map_err(|e| Error::Pdf(e.to_string()))?;
    Ok(out)
}

fn compress(stream: &mut lopdf::Stream) -> Result<()> {
    use std::io::Write;
    if !stream.allows_compression || stream.dict.has(b"Filter") || stream.content.len() < 64 {
        return Ok(());
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(3));
    encoder
        .write_all(&stream.content)
        .map_err(|e| Error::Pdf(e.to_string()))?;
    let packed = encoder.finish().map_err(|e| Error::Pdf(e.to_string()))?;
    if packed.len() < stream.content.len() {
        stream
            .dict
            .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
        stream.set_content(packed);
    }
    Ok(())
}

fn push_pieces(run: &TextRun, items: &mut Vec<TextItem>) {
    for piece in &run.pieces {
        items.push(match piece {
            Piece::Text(t) => TextItem::Text(t.clone()),
            // TJ offsets are in thousandths of an em; positive moves left.
            Piece::Gap(pt) => TextItem::Offset(round(-pt * 1000.0 / run.size)),
        });
    }
}

/// Coordinates to 1/100 pt: finer than any printer, and shorter to write.
fn round(v: f32) -> f32 {
    (v * 100.0).round() / 100.0
}

/// Joins collinear segments that touch or overlap (table borders are drawn per
/// row, so a column's edge is dozens of short segments) and drops duplicates:
/// the same picture with a fraction of the drawing operations.
fn merge_lines<'a>(lines: impl Iterator<Item = &'a RuleLine>) -> Vec<RuleLine> {
    const EPS: f32 = 0.01;
    // (vertical?, fixed coordinate, thickness, start, end)
    let mut segments = Vec::new();
    let mut out = Vec::new();
    for l in lines {
        if (l.x1 - l.x2).abs() < EPS {
            segments.push((true, l.x1, l.thickness, l.y1.min(l.y2), l.y1.max(l.y2)));
        } else if (l.y1 - l.y2).abs() < EPS {
            segments.push((false, l.y1, l.thickness, l.x1.min(l.x2), l.x1.max(l.x2)));
        } else {
            out.push(l.clone());
        }
    }
    segments.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    let mut current: Option<(bool, f32, f32, f32, f32)> = None;
    let line = |(vertical, at, thickness, start, end): (bool, f32, f32, f32, f32)| {
        if vertical {
            RuleLine {
                x1: at,
                y1: start,
                x2: at,
                y2: end,
                thickness,
            }
        } else {
            RuleLine {
                x1: start,
                y1: at,
                x2: end,
                y2: at,
                thickness,
            }
        }
    };
    for seg in segments {
        match current.as_mut() {
            Some(c)
                if c.0 == seg.0
                    && (c.1 - seg.1).abs() < EPS
                    && (c.2 - seg.2).abs() < EPS
                    && seg.3 <= c.4 + EPS =>
            {
                c.4 = c.4.max(seg.4);
            }
            _ => {
                out.extend(current.take().map(line));
                current = Some(seg);
            }
        }
    }
    out.extend(current.map(line));
    out
}

fn subset(font: &[u8], glyph_ids: &[u16]) -> Result<Vec<u8>> {
    use allsorts::binary::read::ReadScope;
    use allsorts::font_data::FontData;
    use allsorts::subset::{subset, CmapTarget, SubsetProfile};
    use allsorts::tag;
    // What a TrueType font embedded in a PDF needs (the glyphs, their metrics
    // and the hinting programs), without the name and post tables, which PDF
    // readers do not use and which cost about 1.5 KB per face.
    let tables = vec![
        tag::CMAP,
        tag::HEAD,
        tag::CVT,
        tag::FPGM,
        tag::HHEA,
        tag::HMTX,
        tag::MAXP,
        tag::PREP,
    ];
    let data = ReadScope::new(font)
        .read::<FontData<'_>>()
        .map_err(|e| Error::Pdf(e.to_string()))?;
    let provider = data
        .table_provider(0)
        .map_err(|e| Error::Pdf(e.to_string()))?;
    subset(
        &provider,
        glyph_ids,
        &SubsetProfile::Custom(tables),
        CmapTarget::Unicode,
    )
    .map_err(|e| Error::Pdf(e.to_string()))
}

/// Six capital letters derived from the glyph set, as PDF subset names need.
fn subset_tag(glyph_ids: &[u16], kind: FaceKind) -> String {
    let mut h: u32 = 2_166_136_261 ^ kind as u32;
    for g in glyph_ids {
        h = (h ^ u32::from(*g)).wrapping_mul(16_777_619);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect()
}

fn pdf_date(t: NaiveDateTime) -> DateTime {
    DateTime {
        date: Date {
            year: t.year(),
            month: t.month() as u8,
            day: t.day() as u8,
        },
        time: Time {
            hour: t.hour() as u8,
            minute: t.minute() as u8,
            second: t.second() as u8,
            millisecond: 0,
        },
        offset: Offset {
            hours: 0,
            minutes: 0,
            seconds: 0,
            milliseconds: 0,
        },
    }
}
