//! Writes laid-out pages as a PDF with printpdf. Each face used is subset to
//! the glyphs the document draws (with subsetter) and embedded under a proper
//! "ABCDEF+Name" subset name; text stays extractable through ToUnicode maps.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDateTime, Timelike};
use printpdf::date::{Date, DateTime, Offset, Time};
use printpdf::{
    Codepoint, FontId, Mm, Op, ParsedFont, PdfDocument, PdfFont, PdfFontHandle, PdfPage,
    PdfSaveOptions, Pt, TextItem,
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

/// The characters each face draws. A long list draws a hundred thousand
/// characters from a few hundred distinct ones: a bit per code point below
/// U+2000 (every Vietnamese letter) finds them fastest, a set the rest.
fn used_chars(laid: &Laid) -> BTreeMap<FaceKind, BTreeSet<char>> {
    const BELOW: usize = 0x2000;
    let mut seen: BTreeMap<FaceKind, (Vec<u64>, BTreeSet<char>)> = BTreeMap::new();
    for run in laid.pages.iter().flat_map(|p| p.runs()) {
        let (bits, rest) = seen
            .entry(run.face)
            .or_insert_with(|| (vec![0; BELOW / 64], BTreeSet::new()));
        for piece in &run.pieces {
            if let Piece::Text(t) = piece {
                for c in t.chars() {
                    match bits.get_mut(c as usize / 64) {
                        Some(word) => *word |= 1 << (c as usize % 64),
                        None => {
                            rest.insert(c);
                        }
                    }
                }
            }
        }
    }
    seen.into_iter()
        .map(|(face, (bits, mut rest))| {
            let below = (0..BELOW as u32)
                .filter(|&c| bits[c as usize / 64] & (1 << (c % 64)) != 0)
                .filter_map(char::from_u32);
            rest.extend(below);
            (face, rest)
        })
        .collect()
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

    // Each face is subset to the glyphs it draws; subsetter numbers the subset's
    // glyphs in the order given, so a character's glyph id in the subset is the
    // position of its original glyph in `glyph_ids`. That numbering is all the
    // page contents need, so they are written before the subsets exist.
    let mut faces: BTreeMap<FaceKind, FaceOut> = BTreeMap::new();
    let mut subsets: Vec<(FaceKind, Vec<u16>)> = Vec::new();
    for (kind, chars) in &used {
        let face = fonts.face(*kind);
        let mut glyphs: BTreeSet<u16> = chars.iter().filter_map(|c| face.glyph_id(*c)).collect();
        glyphs.remove(&0);
        let glyph_ids: Vec<u16> = std::iter::once(0).chain(glyphs).collect();
        let mut out = FaceOut {
            resource: format!("F{}", *kind as u8 + 1),
            common: vec![0; 0x2000],
            other: Default::default(),
        };
        for &c in chars {
            let original = face.glyph_id(c).unwrap_or(0);
            let new = glyph_ids.binary_search(&original).unwrap_or(0) as u16;
            match out.common.get_mut(c as usize) {
                Some(slot) => *slot = new,
                None => {
                    out.other.insert(c, new);
                }
            }
        }
        faces.insert(*kind, out);
        subsets.push((*kind, glyph_ids));
    }

    // The pages' contents are most of the work (writing, then deflating):
    // a second thread starts on them now, and this one joins in once the
    // document around them is built.
    let pages = Pages::new(laid, &faces);
    let (pdf, contents) = std::thread::scope(|scope| {
        // Both compressors are made here: this thread's memory is warm, and a
        // compressor's half megabyte of tables costs more than a page.
        let theirs = zlib();
        let helper = scope.spawn(|| pages.work(theirs));
        let pdf = document(fonts, laid, meta, &used, &faces, subsets).map(|mut pdf| {
            let mut zlib = zlib();
            compress_all(&mut pdf, &mut zlib);
            pages.work(zlib);
            pdf
        });
        (pdf, helper.join())
    });
    let mut pdf = pdf?;
    contents.map_err(|_| Error::Pdf("writing the pages failed".into()))?;
    let ids = pdf.get_pages();
    for (content, (_, id)) in pages.into_contents()?.into_iter().zip(ids) {
        let stream = pdf
            .get_page_contents(id)
            .first()
            .copied()
            .ok_or_else(|| Error::Pdf("a page without a content stream".into()))?;
        match pdf.get_object_mut(stream) {
            Ok(lopdf::Object::Stream(s)) => {
                if content.deflated {
                    s.dict
                        .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
                }
                s.set_content(content.bytes);
            }
            _ => return Err(Error::Pdf("a page's content is not a stream".into())),
        }
    }
    let mut out = Vec::new();
    // Object streams (PDF 1.5) compress the page dictionaries and the cross-reference table too.
    pdf.save_modern(&mut out)
        .map_err(|e| Error::Pdf(e.to_string()))?;
    Ok(out)
}

/// The document around the pages' contents, its streams deflated: page tree,
/// fonts (subset here) with their widths and ToUnicode maps, metadata.
fn document(
    fonts: &Fonts,
    laid: &Laid,
    meta: &Metadata,
    used: &BTreeMap<FaceKind, BTreeSet<char>>,
    faces: &BTreeMap<FaceKind, FaceOut>,
    subsets: Vec<(FaceKind, Vec<u16>)>,
) -> Result<lopdf::Document> {
    let mut doc = PdfDocument::new(&meta.title);
    for (kind, glyph_ids) in subsets {
        let face = fonts.face(kind);
        let bytes = subset(face.bytes(), &glyph_ids)?;
        let mut parsed = ParsedFont::from_bytes(&bytes, 0, &mut Vec::new()).ok_or_else(|| {
            Error::Pdf(format!(
                "subset of {} is unreadable",
                face.postscript_name()
            ))
        })?;
        parsed.font_name = Some(format!(
            "{}+{}",
            subset_tag(&glyph_ids, kind),
            face.postscript_name()
        ));
        doc.resources
            .fonts
            .map
            .insert(FontId(faces[&kind].resource.clone()), PdfFont::new(parsed));
    }

    // printpdf writes the document: page tree, fonts with their /W widths and
    // /ToUnicode maps, metadata. For the widths and maps it only needs to see
    // each character once, so page 1 gets one text operation per face; every
    // page's content stream is then replaced by ours (see `content`), which is
    // several times faster than building printpdf operations for every run.
    let mut register = vec![Op::StartTextSection];
    for (kind, chars) in used {
        register.push(Op::SetFont {
            font: PdfFontHandle::External(FontId(faces[kind].resource.clone())),
            size: Pt(10.0),
        });
        // By glyph id, each with its character for the ToUnicode map: the
        // subset has no cmap for printpdf to look characters up in.
        let face = &faces[kind];
        let glyphs = chars
            .iter()
            .map(|c| Codepoint {
                gid: face.gid(*c),
                offset: 0.0,
                cid: Some(c.to_string()),
            })
            .filter(|g| g.gid != 0)
            .collect();
        register.push(Op::ShowText {
            items: vec![TextItem::GlyphIds(glyphs)],
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

    // The streams are deflated by `compress_all` and `Pages` (see `zlib`).
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
    Ok(pdf)
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

/// Deflates every stream of the document that is worth it.
fn compress_all(pdf: &mut lopdf::Document, zlib: &mut flate2::Compress) {
    for object in pdf.objects.values_mut() {
        if let lopdf::Object::Stream(stream) = object {
            if !stream.allows_compression || stream.dict.has(b"Filter") {
                continue;
            }
            if let Some(packed) = deflate(zlib, &stream.content) {
                stream
                    .dict
                    .set("Filter", lopdf::Object::Name(b"FlateDecode".to_vec()));
                stream.set_content(packed);
            }
        }
    }
}

/// A zlib-rs compressor at level 2. Deflating the pages is most of the work
/// of writing a long list: the 1,000-row list's export took 0.6 ms less of
/// about 15 ms than at level 4, for 6% more bytes (117 KiB instead of 110;
/// printpdf's "best" level took a quarter of the whole export). One is reused
/// from stream to stream: a fresh compressor clears half a megabyte of
/// tables, which costs more than compressing a page.
fn zlib() -> flate2::Compress {
    flate2::Compress::new(flate2::Compression::new(2), true)
}

/// `bytes` deflated, when that makes them smaller.
fn deflate(zlib: &mut flate2::Compress, bytes: &[u8]) -> Option<Vec<u8>> {
    if bytes.len() < 64 {
        return None;
    }
    zlib.reset();
    let mut packed = Vec::with_capacity(bytes.len() / 3 + 64);
    loop {
        let read = zlib.total_in() as usize;
        match zlib.compress_vec(&bytes[read..], &mut packed, flate2::FlushCompress::Finish) {
            Ok(flate2::Status::StreamEnd) => break,
            Ok(_) => packed.reserve(packed.capacity().max(1024)),
            Err(_) => return None,
        }
    }
    (packed.len() < bytes.len()).then_some(packed)
}

/// The pages' content streams, each written and deflated by whichever
/// thread takes it next.
struct Pages<'a> {
    laid: &'a Laid,
    faces: &'a BTreeMap<FaceKind, FaceOut>,
    next: std::sync::atomic::AtomicUsize,
    done: Vec<std::sync::OnceLock<Content>>,
}

/// One page's content stream, deflated or (when that is no smaller) plain.
struct Content {
    bytes: Vec<u8>,
    deflated: bool,
}

impl<'a> Pages<'a> {
    fn new(laid: &'a Laid, faces: &'a BTreeMap<FaceKind, FaceOut>) -> Self {
        Pages {
            laid,
            faces,
            next: Default::default(),
            done: laid.pages.iter().map(|_| Default::default()).collect(),
        }
    }

    /// Takes pages until none is left.
    fn work(&self, mut zlib: flate2::Compress) {
        loop {
            let i = self.next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(page) = self.laid.pages.get(i) else {
                return;
            };
            let plain = content(page, self.laid.spec.height, self.faces);
            let content = match deflate(&mut zlib, &plain) {
                Some(bytes) => Content {
                    bytes,
                    deflated: true,
                },
                None => Content {
                    bytes: plain,
                    deflated: false,
                },
            };
            // Each index is taken once, so the slot is empty.
            let _ = self.done[i].set(content);
        }
    }

    /// Every page's content, in order, once the work is done.
    fn into_contents(self) -> Result<Vec<Content>> {
        self.done
            .into_iter()
            .map(|c| {
                c.into_inner()
                    .ok_or_else(|| Error::Pdf("a page was left unwritten".into()))
            })
            .collect()
    }
}

/// What the content writer needs of an embedded face.
struct FaceOut {
    /// Its name in the page resources ("F1").
    resource: String,
    /// Character → glyph id in the subset font, by code point up to
    /// U+1FFF (every Vietnamese letter), else looked up.
    common: Vec<u16>,
    other: std::collections::HashMap<char, u16>,
}

impl FaceOut {
    fn gid(&self, c: char) -> u16 {
        match self.common.get(c as usize) {
            Some(&g) => g,
            None => self.other.get(&c).copied().unwrap_or(0),
        }
    }
}

/// A bitmap as filled rectangles, one per run of dark modules in a row.
fn squares(c: &mut Vec<u8>, b: &PlacedBitmap, page_height: f32) {
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
            put_op(
                c,
                &[
                    b.x + start as f32 * mw,
                    page_height - b.y - (row + 1) as f32 * mh,
                    (col - start) as f32 * mw,
                    mh,
                ],
                "re",
            );
            any = true;
        }
    }
    if any {
        c.extend_from_slice(b"f\n");
    }
}

/// The content stream of one page: rules first, then the text. Runs that share
/// a baseline, face and size (the cells of a table row) go into one TJ with
/// offsets for the gaps; each line is placed relative to the previous one (Td).
/// Everything is black, a page's initial colour, so no colour is set.
fn content(page: &LaidPage, height: f32, faces: &BTreeMap<FaceKind, FaceOut>) -> Vec<u8> {
    let mut c: Vec<u8> = Vec::with_capacity(8 * 1024);
    let mut thickness = -1.0;
    for l in merge_lines(page.lines()) {
        if (l.thickness - thickness).abs() > f32::EPSILON {
            put_op(&mut c, &[l.thickness], "w");
            thickness = l.thickness;
        }
        put_op(&mut c, &[l.x1, height - l.y1], "m");
        put_op(&mut c, &[l.x2, height - l.y2], "l S");
    }
    for b in page.bitmaps() {
        squares(&mut c, b, height);
    }
    c.extend_from_slice(b"BT\n");
    let mut runs: Vec<&TextRun> = page.runs().collect();
    runs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
    let mut font: Option<(FaceKind, f32)> = None;
    let mut origin: Option<(f32, f32)> = None;
    let mut k = 0;
    while k < runs.len() {
        let first = runs[k];
        let face = &faces[&first.face];
        if font != Some((first.face, first.size)) {
            c.push(b'/');
            c.extend_from_slice(face.resource.as_bytes());
            c.push(b' ');
            put_op(&mut c, &[first.size], "Tf");
            font = Some((first.face, first.size));
        }
        let at = (round(first.x), round(height - first.baseline));
        match origin {
            None => put_op(&mut c, &[1.0, 0.0, 0.0, 1.0, at.0, at.1], "Tm"),
            Some((x, y)) => put_op(&mut c, &[at.0 - x, at.1 - y], "Td"),
        }
        origin = Some(at);
        c.push(b'[');
        let mut carry = 0.0;
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
            put_offset(&mut c, next.x - end, first.size, &mut carry);
            push_run(&mut c, next, face);
            end = next.x + next.width;
            k += 1;
        }
        c.extend_from_slice(b"] TJ\n");
    }
    c.extend_from_slice(b"ET\n");
    c
}

/// A run's pieces inside a TJ array: glyph ids in literal strings, gaps as
/// offsets in thousandths of an em (positive moves left).
fn push_run(c: &mut Vec<u8>, run: &TextRun, face: &FaceOut) {
    for piece in &run.pieces {
        match piece {
            // Two bytes per glyph (Identity-H) in a literal string, half the
            // size of hex: less to compress and to store.
            Piece::Text(t) => {
                c.push(b'(');
                for ch in t.chars() {
                    for byte in face.gid(ch).to_be_bytes() {
                        match byte {
                            b'(' | b')' | b'\\' => c.extend_from_slice(&[b'\\', byte]),
                            // A bare CR in a literal string would be read as LF.
                            b'\r' => c.extend_from_slice(b"\\r"),
                            _ => c.push(byte),
                        }
                    }
                }
                c.push(b')');
            }
            // Written with decimals: text extractors such as lopdf's read a
            // whole number below -100 as a space between words.
            Piece::Gap(pt) => {
                c.push(b' ');
                put_num(c, -pt * 1000.0 / run.size);
                c.push(b' ');
            }
        }
    }
}

/// The move of `pt` to the right from one cell's text to the next inside a
/// TJ array, in whole thousandths of an em (positive moves left): a long list
/// has thousands, and their decimals made a twentieth of its content. The
/// rounding is carried to the next move, so no cell lands more than half a
/// thousandth of an em (0.007 pt at 13 pt) from its place. Being whole and
/// large, it reads as a space to text extractors, as a gap between cells should.
fn put_offset(c: &mut Vec<u8>, pt: f32, size: f32, carry: &mut f32) {
    let wanted = -pt * 1000.0 / size + *carry;
    let written = wanted.round();
    *carry = wanted - written;
    c.push(b' ');
    put_num(c, written);
    c.push(b' ');
}

/// A number as PDF content wants it: rounded to 1/100 pt (finer than any
/// printer, and shorter to write), at most two decimals, no trailing zeros.
/// Written with integer arithmetic: float formatting was a tenth of the
/// export time of a long list.
fn put_num(c: &mut Vec<u8>, v: f32) {
    let hundredths = (v * 100.0).round() as i64;
    if hundredths < 0 {
        c.push(b'-');
    }
    let n = hundredths.unsigned_abs();
    put_uint(c, n / 100);
    let frac = n % 100;
    if frac != 0 {
        c.push(b'.');
        c.push(b'0' + (frac / 10) as u8);
        if !frac.is_multiple_of(10) {
            c.push(b'0' + (frac % 10) as u8);
        }
    }
}

fn put_uint(c: &mut Vec<u8>, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    c.extend_from_slice(&digits[i..]);
}

/// Numbers separated by spaces, then an operator and a line end.
fn put_op(c: &mut Vec<u8>, numbers: &[f32], op: &str) {
    for &n in numbers {
        put_num(c, n);
        c.push(b' ');
    }
    c.extend_from_slice(op.as_bytes());
    c.push(b'\n');
}

/// Coordinates to 1/100 pt, as written.
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

/// The face cut down to `glyph_ids` (sorted, .notdef first), which become
/// glyphs 0, 1, 2… in that order. subsetter reads only the glyphs kept (and
/// their components), and keeps what a PDF reader needs: outlines, metrics
/// and hinting, without the cmap (the ToUnicode map replaces it). It also
/// keeps the name table (the font's copyright) and the glyph names in post.
fn subset(font: &[u8], glyph_ids: &[u16]) -> Result<Vec<u8>> {
    let remapper = subsetter::GlyphRemapper::new_from_glyphs(glyph_ids);
    subsetter::subset(font, 0, &remapper).map_err(|e| Error::Pdf(e.to_string()))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::Item;

    fn num(v: f32) -> String {
        let mut s = Vec::new();
        put_num(&mut s, v);
        String::from_utf8(s).unwrap()
    }

    #[test]
    fn glyphs_are_two_bytes_each_in_a_literal_string_with_its_delimiters_escaped() {
        let mut face = FaceOut {
            resource: "F1".into(),
            common: vec![0; 0x2000],
            other: Default::default(),
        };
        // Glyph ids whose bytes are "(", ")", "\\", CR and LF.
        for (ch, gid) in [
            ('a', 0x0028),
            ('b', 0x2900),
            ('c', 0x005C),
            ('d', 0x000D),
            ('e', 0x000A),
        ] {
            face.common[ch as usize] = gid;
        }
        let run = TextRun {
            x: 0.0,
            baseline: 0.0,
            face: FaceKind::Regular,
            size: 10.0,
            pieces: vec![Piece::Text("abcde".into())],
            width: 0.0,
        };
        let mut c = Vec::new();
        push_run(&mut c, &run, &face);
        assert_eq!(c, b"(\x00\\(\\)\x00\x00\\\\\x00\\r\x00\n)");
    }

    #[test]
    fn offsets_are_whole_thousandths_and_no_glyph_drifts_from_its_place() {
        let (size, gap) = (13.0, 0.1337);
        let mut c = Vec::new();
        let mut carry = 0.0;
        for _ in 0..40 {
            put_offset(&mut c, gap, size, &mut carry);
        }
        let written: Vec<f32> = std::str::from_utf8(&c)
            .unwrap()
            .split_whitespace()
            .map(|n| {
                assert!(!n.contains('.'), "{n} is not whole");
                n.parse().unwrap()
            })
            .collect();
        let exact = -gap * 1000.0 / size;
        let mut moved = 0.0;
        for (i, w) in written.iter().enumerate() {
            moved += w;
            let place = exact * (i + 1) as f32;
            assert!(
                (moved - place).abs() <= 0.5 + 1e-3,
                "after {i}: {moved} vs {place}"
            );
        }
    }

    #[test]
    fn the_characters_used_are_gathered_per_face_below_and_above_u2000() {
        let run = |face, text: &str| {
            Item::Text(TextRun {
                x: 0.0,
                baseline: 0.0,
                face,
                size: 13.0,
                pieces: vec![Piece::Text(text.into()), Piece::Gap(2.0)],
                width: 0.0,
            })
        };
        let page = |items| LaidPage { number: 1, items };
        let laid = Laid {
            spec: crate::layout::PageSpec {
                width: 595.28,
                height: 841.89,
                margin_top: 0.0,
                margin_bottom: 0.0,
                margin_left: 0.0,
                margin_right: 0.0,
                page_numbers: None,
            },
            pages: vec![
                page(vec![run(FaceKind::Regular, "Hà Nội – 2026")]),
                page(vec![
                    run(FaceKind::Bold, "ỵ\u{1FFF}"),
                    run(FaceKind::Regular, "…\u{2000}a"),
                ]),
            ],
        };
        let used = used_chars(&laid);
        let chars = |face| used[&face].iter().collect::<String>();
        assert_eq!(chars(FaceKind::Regular), " 026HNaiàộ\u{2000}–…");
        assert_eq!(chars(FaceKind::Bold), "ỵ\u{1FFF}");
        assert!(!used.contains_key(&FaceKind::Italic));
    }

    #[test]
    fn numbers_are_written_to_the_hundredth_without_trailing_zeros() {
        for (v, written) in [
            (0.0, "0"),
            (-0.0, "0"),
            (-0.004, "0"),
            (0.006, "0.01"),
            (1.5, "1.5"),
            (85.04, "85.04"),
            (-139.88, "-139.88"),
            (100.0, "100"),
            (841.89, "841.89"),
            (-1449.28, "-1449.28"),
            (12.999, "13"),
            (0.1, "0.1"),
        ] {
            assert_eq!(num(v), written, "{v}");
        }
    }

    #[test]
    fn numbers_agree_with_float_formatting() {
        // The old writer's rule: "{:.2}" of the value rounded to 1/100, trimmed.
        for i in -200_000..200_000 {
            let v = i as f32 * 0.0137;
            let old = format!("{:.2}", round(v));
            let old = old.trim_end_matches('0').trim_end_matches('.');
            let old = if old == "-0" { "0" } else { old };
            assert_eq!(num(v), old, "{v}");
        }
    }
}
