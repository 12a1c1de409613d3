//! Writes laid-out pages as a PDF with printpdf. Each face used is subset to
//! the glyphs the document draws (with allsorts) and embedded under a proper
//! "ABCDEF+Name" subset name; text stays extractable through ToUnicode maps.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDateTime, Timelike};
use printpdf::date::{Date, DateTime, Offset, Time};
use printpdf::{
    FontId, Mm, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Pt,
    TextItem,
};

use crate::error::{Error, MissingGlyph, Result};
use crate::font::{FaceKind, Fonts};
use crate::layout::{Laid, LaidPage, Piece, PlacedBitmap, RuleLine, TextRun};

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

/// Refuses, naming each once with the text around it, any characters the
/// fonts cannot draw.
fn check(fonts: &Fonts, laid: &Laid, used: &BTreeMap<FaceKind, BTreeSet<char>>) -> Result<()> {
    let drawable =
        |face: FaceKind, c: char| c.is_whitespace() || c.is_control() || fonts.face(face).has(c);
    if used
        .iter()
        .all(|(face, chars)| chars.iter().all(|c| drawable(*face, *c)))
    {
        return Ok(());
    }
    let mut missing: Vec<MissingGlyph> = Vec::new();
    for (page, run) in laid
        .pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.runs().map(move |r| (i + 1, r)))
    {
        let text: String = run
            .pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text(t) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        for (at, c) in text.char_indices() {
            if drawable(run.face, c) || missing.iter().any(|m| m.ch == c) {
                continue;
            }
            missing.push(MissingGlyph {
                ch: c,
                context: around(&text, at),
                page,
                field: None,
            });
        }
    }
    Err(Error::MissingGlyphs(missing))
}

/// Up to 20 characters either side of byte `at` in `text`, with "…" where cut.
pub(crate) fn around(text: &str, at: usize) -> String {
    const SIDE: usize = 20;
    let before: Vec<char> = text[..at].chars().collect();
    let after: Vec<char> = text[at..].chars().collect();
    let start = before.len().saturating_sub(SIDE);
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&before[start..]);
    out.extend(after.iter().take(SIDE + 1));
    if after.len() > SIDE + 1 {
        out.push('…');
    }
    out.trim().to_string()
}

pub fn write(fonts: &Fonts, laid: &Laid, meta: &Metadata) -> Result<Vec<u8>> {
    let used = used_chars(laid);
    check(fonts, laid, &used)?;
    let mut doc = PdfDocument::new(&meta.title);

    // Each face is subset to the glyphs it draws; allsorts numbers the subset's
    // glyphs in the order given, so a character's glyph id in the subset is the
    // position of its original glyph in `glyph_ids`.
    let mut faces: BTreeMap<FaceKind, FaceOut> = BTreeMap::new();
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
        let resource = format!("F{}", *kind as u8 + 1);
        doc.resources
            .fonts
            .map
            .insert(FontId(resource.clone()), PdfFont::new(parsed));
        let gids = chars
            .iter()
            .map(|&c| {
                let original = face.glyph_id(c).unwrap_or(0);
                let new = glyph_ids.binary_search(&original).unwrap_or(0);
                (c, new as u16)
            })
            .collect();
        faces.insert(*kind, FaceOut { resource, gids });
    }

    // printpdf writes the document: page tree, fonts with their /W widths and
    // /ToUnicode maps, metadata. For the widths and maps it only needs to see
    // each character once, so page 1 gets one text operation per face; every
    // page's content stream is then replaced by ours (see `content`), which is
    // several times faster than building printpdf operations for every run.
    let mut register = vec![Op::StartTextSection];
    for (kind, chars) in &used {
        register.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(faces[kind].resource.clone())),
            size: Pt(10.0),
        });
        register.push(Op::ShowText {
            items: vec![TextItem::Text(chars.iter().collect())],
        });
    }
    register.push(Op::EndTextSection);
    let (width, height) = (
        Mm(laid.spec.width / crate::layout::MM),
        Mm(laid.spec.height / crate::layout::MM),
    );
    for (i, _) in laid.pages.iter().enumerate() {
        let ops = if i == 0 {
            std::mem::take(&mut register)
        } else {
            Vec::new()
        };
        doc.pages.push(PdfPage::new(width, height, ops));
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
    tidy_catalog_and_info(&mut pdf)?;
    let pages = pdf.get_pages();
    for (page, (_, id)) in laid.pages.iter().zip(pages) {
        let stream = pdf
            .get_page_contents(id)
            .first()
            .copied()
            .ok_or_else(|| Error::Pdf("a page without a content stream".into()))?;
        let bytes = content(page, laid.spec.height, &faces);
        match pdf.get_object_mut(stream) {
            Ok(lopdf::Object::Stream(s)) => s.set_plain_content(bytes),
            _ => return Err(Error::Pdf("a page's content is not a stream".into())),
        }
    }
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

/// The document's language is Vietnamese (screen readers and search use it),
/// and the information dictionary keeps only what is filled in: printpdf
/// writes an empty `/GTS_PDFXVersion` and `/Identifier`, which makes readers
/// take the file for PDF/X, which it is not.
fn tidy_catalog_and_info(pdf: &mut lopdf::Document) -> Result<()> {
    let info = pdf
        .trailer
        .get(b"Info")
        .and_then(lopdf::Object::as_reference)
        .ok();
    if let Some(id) = info {
        if let Ok(lopdf::Object::Dictionary(dict)) = pdf.get_object_mut(id) {
            let empty: Vec<Vec<u8>> = dict
                .iter()
                .filter(|(key, value)| {
                    key.starts_with(b"GTS_")
                        || matches!(value, lopdf::Object::String(s, _) if s.is_empty())
                })
                .map(|(key, _)| key.clone())
                .collect();
            for key in empty {
                dict.remove(&key);
            }
        }
    }
    let catalog = pdf
        .catalog_mut()
        .map_err(|e| Error::Pdf(format!("no catalog: {e}")))?;
    catalog.set(
        "Lang",
        lopdf::Object::String(b"vi-VN".to_vec(), lopdf::StringFormat::Literal),
    );
    Ok(())
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

/// What the content writer needs of an embedded face.
struct FaceOut {
    /// Its name in the page resources ("F1").
    resource: String,
    /// Character → glyph id in the subset font.
    gids: std::collections::HashMap<char, u16>,
}

/// The content stream of one page: rules first, then the text. Runs that share
/// a baseline, face and size (the cells of a table row) go into one TJ with
/// offsets for the gaps; each line is placed relative to the previous one (Td).
/// A bitmap as filled rectangles, one per run of dark modules in a row.
fn squares(c: &mut String, b: &PlacedBitmap, page_height: f32) {
    use std::fmt::Write;
    let bitmap = &b.bitmap;
    if bitmap.columns == 0 || bitmap.rows == 0 {
        return;
    }
    let (mw, mh) = (
        b.width / bitmap.columns as f32,
        b.height / bitmap.rows as f32,
    );
    let mut any = false;
    for row in 0..bitmap.rows {
        let mut col = 0;
        while col < bitmap.columns {
            if !bitmap.is_dark(col, row) {
                col += 1;
                continue;
            }
            let start = col;
            while col < bitmap.columns && bitmap.is_dark(col, row) {
                col += 1;
            }
            let _ = writeln!(
                c,
                "{} {} {} {} re",
                num(b.x + start as f32 * mw),
                num(page_height - b.y - (row + 1) as f32 * mh),
                num((col - start) as f32 * mw),
                num(mh)
            );
            any = true;
        }
    }
    if any {
        c.push_str("f\n");
    }
}

fn content(page: &LaidPage, height: f32, faces: &BTreeMap<FaceKind, FaceOut>) -> Vec<u8> {
    use std::fmt::Write;
    let mut c = String::with_capacity(8 * 1024);
    c.push_str("0 0 0 rg\n0 0 0 RG\n");
    let mut thickness = -1.0;
    for l in merge_lines(page.lines()) {
        if (l.thickness - thickness).abs() > f32::EPSILON {
            let _ = writeln!(c, "{} w", num(l.thickness));
            thickness = l.thickness;
        }
        let _ = writeln!(
            c,
            "{} {} m {} {} l S",
            num(l.x1),
            num(height - l.y1),
            num(l.x2),
            num(height - l.y2)
        );
    }
    for b in page.bitmaps() {
        squares(&mut c, b, height);
    }
    c.push_str("BT\n");
    let mut runs: Vec<&TextRun> = page.runs().collect();
    runs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
    let mut font: Option<(FaceKind, f32)> = None;
    let mut origin: Option<(f32, f32)> = None;
    let mut k = 0;
    while k < runs.len() {
        let first = runs[k];
        let face = &faces[&first.face];
        if font != Some((first.face, first.size)) {
            let _ = writeln!(c, "/{} {} Tf", face.resource, num(first.size));
            font = Some((first.face, first.size));
        }
        let at = (round(first.x), round(height - first.baseline));
        match origin {
            None => {
                let _ = writeln!(c, "1 0 0 1 {} {} Tm", num(at.0), num(at.1));
            }
            Some((x, y)) => {
                let _ = writeln!(c, "{} {} Td", num(at.0 - x), num(at.1 - y));
            }
        }
        origin = Some(at);
        c.push('[');
        push_run(&mut c, first, face);
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
            let _ = write!(c, " {} ", num(-(next.x - end) * 1000.0 / first.size));
            push_run(&mut c, next, face);
            end = next.x + next.width;
            k += 1;
        }
        c.push_str("] TJ\n");
    }
    c.push_str("ET\n");
    c.into_bytes()
}

/// A run's pieces inside a TJ array: glyph ids as hex strings, gaps as
/// offsets in thousandths of an em (positive moves left).
fn push_run(c: &mut String, run: &TextRun, face: &FaceOut) {
    use std::fmt::Write;
    for piece in &run.pieces {
        match piece {
            Piece::Text(t) => {
                c.push('<');
                for ch in t.chars() {
                    let _ = write!(c, "{:04X}", face.gids.get(&ch).copied().unwrap_or(0));
                }
                c.push('>');
            }
            Piece::Gap(pt) => {
                let _ = write!(c, " {} ", num(-pt * 1000.0 / run.size));
            }
        }
    }
}

/// A number as PDF content wants it: at most two decimals, no trailing zeros.
fn num(v: f32) -> String {
    let s = format!("{:.2}", round(v));
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" {
        "0".into()
    } else {
        s.to_string()
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
