//! Font faces: glyph lookup and advance widths for measuring, and the bytes to
//! embed. Times New Roman is the official font; we bundle Liberation Serif 2.x,
//! which has its metrics and every Vietnamese letter (SIL OFL, see assets/fonts).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

use hoinghi_core::model::{DocumentFont, FontSettings};
use std::sync::{Arc, OnceLock};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FaceKind {
    Regular,
    Bold,
    Italic,
    BoldItalic,
}

impl FaceKind {
    pub const ALL: [FaceKind; 4] = [
        FaceKind::Regular,
        FaceKind::Bold,
        FaceKind::Italic,
        FaceKind::BoldItalic,
    ];

    pub fn of(bold: bool, italic: bool) -> FaceKind {
        match (bold, italic) {
            (false, false) => FaceKind::Regular,
            (true, false) => FaceKind::Bold,
            (false, true) => FaceKind::Italic,
            (true, true) => FaceKind::BoldItalic,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One face, parsed once: a char → (glyph id, advance) table, so measuring is a
/// hash lookup and never re-parses the font.
pub struct Face {
    /// The bundled fonts are borrowed from the program, never copied.
    bytes: Cow<'static, [u8]>,
    postscript_name: String,
    units_per_em: u16,
    /// Direct table for U+0000–U+1FFF (Latin and all Vietnamese letters).
    common: Vec<Option<(u16, u16)>>,
    /// The characters above it.
    glyphs: HashMap<char, (u16, u16)>,
    notdef_advance: u16,
}

/// Characters below this are looked up in a flat table, not a hash map.
const COMMON: usize = 0x2000;

impl Face {
    pub fn parse(bytes: Cow<'static, [u8]>, label: &str) -> Result<Face> {
        let face =
            ttf_parser::Face::parse(&bytes, 0).map_err(|e| Error::Font(format!("{label}: {e}")))?;
        // The first subtable that maps a character wins.
        let mut common: Vec<Option<(u16, u16)>> = vec![None; COMMON];
        let mut glyphs = HashMap::new();
        if let Some(cmap) = face.tables().cmap {
            for sub in cmap.subtables.into_iter().filter(|s| s.is_unicode()) {
                sub.codepoints(|cp| {
                    let (Some(c), Some(gid)) = (char::from_u32(cp), sub.glyph_index(cp)) else {
                        return;
                    };
                    let slot = match common.get_mut(c as usize) {
                        Some(slot) => slot,
                        None => glyphs.entry(c).or_insert(None),
                    };
                    if slot.is_none() {
                        *slot = Some((gid.0, face.glyph_hor_advance(gid).unwrap_or(0)));
                    }
                });
            }
        }
        let glyphs: HashMap<char, (u16, u16)> = glyphs
            .into_iter()
            .filter_map(|(c, g)| Some((c, g?)))
            .collect();
        if glyphs.is_empty() && common.iter().all(Option::is_none) {
            return Err(Error::Font(format!(
                "{label}: the font has no Unicode character map"
            )));
        }
        let postscript_name = face
            .names()
            .into_iter()
            .filter(|n| n.name_id == ttf_parser::name_id::POST_SCRIPT_NAME)
            .find_map(|n| n.to_string())
            .unwrap_or_else(|| label.replace(' ', ""));
        Ok(Face {
            common,
            units_per_em: face.units_per_em(),
            notdef_advance: face.glyph_hor_advance(ttf_parser::GlyphId(0)).unwrap_or(0),
            postscript_name,
            glyphs,
            bytes,
        })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    pub fn postscript_name(&self) -> &str {
        &self.postscript_name
    }

    fn glyph(&self, c: char) -> Option<(u16, u16)> {
        match self.common.get(c as usize) {
            Some(g) => *g,
            None => self.glyphs.get(&c).copied(),
        }
    }

    pub fn glyph_id(&self, c: char) -> Option<u16> {
        self.glyph(c).map(|g| g.0)
    }

    pub fn has(&self, c: char) -> bool {
        self.glyph(c).is_some()
    }

    /// Advance of `c` in thousandths of an em, truncated exactly as the PDF's
    /// /W array stores it, so measured and drawn widths agree.
    pub fn advance(&self, c: char) -> f32 {
        let adv = self.glyph(c).map_or(self.notdef_advance, |g| g.1);
        (u32::from(adv) * 1000 / u32::from(self.units_per_em.max(1))) as f32
    }

    /// Width of `s` at `size` pt, in pt.
    pub fn width(&self, s: &str, size: f32) -> f32 {
        s.chars().map(|c| self.advance(c)).sum::<f32>() * size / 1000.0
    }
}

/// The four faces of one family.
pub struct Fonts {
    faces: [Lazy; 4],
}

/// A face parsed already, or bundled bytes parsed on first use.
enum Lazy {
    Parsed(Face),
    Bundled(&'static [u8], &'static str, OnceLock<Face>),
}

const BUNDLED: [(&[u8], &str); 4] = [
    (
        include_bytes!("../../../assets/fonts/LiberationSerif-Regular.ttf"),
        "Liberation Serif",
    ),
    (
        include_bytes!("../../../assets/fonts/LiberationSerif-Bold.ttf"),
        "Liberation Serif Bold",
    ),
    (
        include_bytes!("../../../assets/fonts/LiberationSerif-Italic.ttf"),
        "Liberation Serif Italic",
    ),
    (
        include_bytes!("../../../assets/fonts/LiberationSerif-BoldItalic.ttf"),
        "Liberation Serif Bold Italic",
    ),
];

impl Fonts {
    /// The bundled Liberation Serif (Times New Roman metrics). Each face is
    /// parsed once per process, when first used: most documents draw two or
    /// three of the four.
    pub fn bundled() -> Arc<Fonts> {
        static FONTS: OnceLock<Arc<Fonts>> = OnceLock::new();
        FONTS
            .get_or_init(|| {
                Arc::new(Fonts {
                    faces: BUNDLED
                        .map(|(bytes, label)| Lazy::Bundled(bytes, label, OnceLock::new())),
                })
            })
            .clone()
    }

    /// Loads a family from four files (regular, bold, italic, bold italic), e.g.
    /// a real Times New Roman installed on the machine.
    pub fn from_files(paths: [&Path; 4]) -> Result<Fonts> {
        let mut faces = Vec::with_capacity(4);
        for path in paths {
            let bytes =
                std::fs::read(path).map_err(|e| Error::Font(format!("{}: {e}", path.display())))?;
            faces.push(Face::parse(Cow::Owned(bytes), &path.display().to_string())?);
        }
        let faces: [Face; 4] = faces
            .try_into()
            .map_err(|_| Error::Font("four faces".into()))?;
        Ok(Fonts {
            faces: faces.map(Lazy::Parsed),
        })
    }

    pub fn face(&self, kind: FaceKind) -> &Face {
        match &self.faces[kind.index()] {
            Lazy::Parsed(face) => face,
            Lazy::Bundled(bytes, label, face) => face.get_or_init(|| {
                Face::parse(Cow::Borrowed(bytes), label).expect("the bundled fonts are valid")
            }),
        }
    }
}

/// The four faces of an installed Times New Roman (regular, bold, italic,
/// bold italic), if all of them are in one of the `font_dirs`.
pub fn find_times_new_roman() -> Option<[PathBuf; 4]> {
    let dirs = font_dirs(|name| std::env::var_os(name).map(PathBuf::from));
    find_times_new_roman_in(dirs.iter().map(PathBuf::as_path))
}

/// Where fonts are installed, given the environment: on Windows the system
/// folder (`%WINDIR%\Fonts`) and the per-user one
/// (`%LOCALAPPDATA%\Microsoft\Windows\Fonts`, where a user without
/// administrator rights installs fonts); on Linux and macOS the usual folders.
pub fn font_dirs(env: impl Fn(&str) -> Option<PathBuf>) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(windows) = env("WINDIR").or_else(|| env("SystemRoot")) {
        dirs.push(windows.join("Fonts"));
    }
    if let Some(local) = env("LOCALAPPDATA") {
        dirs.push(local.join("Microsoft").join("Windows").join("Fonts"));
    }
    if let Some(home) = env("HOME") {
        dirs.push(home.join(".local/share/fonts"));
        dirs.push(home.join(".fonts"));
    }
    for dir in [
        "/usr/share/fonts/truetype/msttcorefonts",
        "/usr/local/share/fonts",
        "/Library/Fonts",
        "/System/Library/Fonts/Supplemental",
    ] {
        dirs.push(PathBuf::from(dir));
    }
    dirs
}

pub fn find_times_new_roman_in<'a>(
    dirs: impl IntoIterator<Item = &'a Path>,
) -> Option<[PathBuf; 4]> {
    // File names differ: Windows (times.ttf), msttcorefonts (Times_New_Roman.ttf), macOS.
    const NAMES: [[&str; 3]; 4] = [
        ["times.ttf", "Times_New_Roman.ttf", "Times New Roman.ttf"],
        [
            "timesbd.ttf",
            "Times_New_Roman_Bold.ttf",
            "Times New Roman Bold.ttf",
        ],
        [
            "timesi.ttf",
            "Times_New_Roman_Italic.ttf",
            "Times New Roman Italic.ttf",
        ],
        [
            "timesbi.ttf",
            "Times_New_Roman_Bold_Italic.ttf",
            "Times New Roman Bold Italic.ttf",
        ],
    ];
    dirs.into_iter().find_map(|dir| {
        let found: Vec<PathBuf> = NAMES
            .iter()
            .filter_map(|alts| alts.iter().map(|n| dir.join(n)).find(|p| p.is_file()))
            .collect();
        <[PathBuf; 4]>::try_from(found).ok()
    })
}

impl Fonts {
    /// The installed Times New Roman, parsed once per process; `None` when
    /// it is not installed (or cannot be read).
    pub fn times_new_roman() -> Option<Arc<Fonts>> {
        static TIMES: OnceLock<Option<Arc<Fonts>>> = OnceLock::new();
        TIMES
            .get_or_init(|| {
                let paths = find_times_new_roman()?;
                Fonts::from_files(paths.each_ref().map(PathBuf::as_path))
                    .ok()
                    .map(Arc::new)
            })
            .clone()
    }

    /// The family the user chose, falling back to the bundled one when Times
    /// New Roman is not installed on this machine.
    pub fn for_choice(font: DocumentFont) -> Arc<Fonts> {
        match font {
            DocumentFont::TimesNewRoman => Fonts::times_new_roman().unwrap_or_else(Fonts::bundled),
            DocumentFont::LiberationSerif => Fonts::bundled(),
        }
    }

    /// Whether `font` may be chosen here: Times New Roman only where it is
    /// installed with all four styles; the bundled family always.
    pub fn check_choice(font: DocumentFont) -> Result<()> {
        if font == DocumentFont::TimesNewRoman && Fonts::times_new_roman().is_none() {
            return Err(Error::FontNotInstalled);
        }
        Ok(())
    }

    /// The stored choice, with what this machine offers.
    pub fn settings(font: DocumentFont) -> FontSettings {
        FontSettings {
            font,
            times_new_roman_available: Fonts::times_new_roman().is_some(),
        }
    }
}
