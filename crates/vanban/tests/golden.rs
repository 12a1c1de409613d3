//! Golden page images: page 1 of each of the six documents in each of the
//! three profiles, made from the demo conference, rendered by pdftoppm
//! (poppler-utils) and compared with the PNGs in `tests/golden/`. A change
//! of layout, intended or not, shows up here and in review as a changed
//! picture. After an intended change, rewrite them with
//! `cargo xtask goldens` and look at the new pictures before committing.

use std::path::Path;
use std::process::Command;

use chrono::NaiveDate;
use hoinghi_core::model::{DocumentKind, FormatProfile};
use hoinghi_core::Db;
use hoinghi_vanban::docs::{build, Conference, Options};
use hoinghi_vanban::font::Fonts;

/// Black and white at 50 dpi: files of about 13 KB that still show a line
/// move and read well enough to review.
const DPI: &str = "50";
/// A page differs when more than this share of its pixels do (rasterising
/// varies a little between poppler versions).
const TOLERANCE: f64 = 0.004;

struct Grey {
    width: u32,
    height: u32,
    pixels: Vec<u8>,
}

fn read_png(path: &Path) -> Grey {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let channels = info.color_type.samples();
    let pixels = buf[..info.buffer_size()]
        .chunks(channels)
        .map(|px| px[0])
        .collect();
    Grey {
        width: info.width,
        height: info.height,
        pixels,
    }
}

/// Page 1 of `pdf` as a black and white PNG at `DPI`, written to `png`.
fn render(pdf: &Path, png: &Path) {
    let stem = png.with_extension("");
    let status = Command::new("pdftoppm")
        .args([
            "-r",
            DPI,
            "-mono",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
        ])
        .arg(pdf)
        .arg(&stem)
        .status()
        .expect("pdftoppm runs (install poppler-utils: cargo xtask setup --test)");
    assert!(status.success(), "pdftoppm failed on {}", pdf.display());
}

#[test]
fn first_pages_look_like_the_goldens() {
    let update = std::env::var_os("UPDATE_GOLDENS").is_some();
    let goldens = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let scratch = tempfile::tempdir().unwrap();
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    let conf = Conference::load(&db, &id).unwrap();
    let fonts = Fonts::bundled();
    let created = NaiveDate::from_ymd_opt(2026, 12, 1)
        .unwrap()
        .and_hms_opt(8, 0, 0)
        .unwrap();
    let mut differ = Vec::new();
    for &profile in FormatProfile::ALL {
        for &kind in DocumentKind::ALL {
            let name = format!("{}-{}.png", profile.as_str(), kind.as_str());
            let pdf = scratch.path().join(name.replace(".png", ".pdf"));
            let opts = Options::new(profile, created);
            let bytes = build(kind, &conf, &opts, &fonts).to_pdf(&fonts).unwrap();
            std::fs::write(&pdf, bytes).unwrap();
            let rendered = scratch.path().join(&name);
            render(&pdf, &rendered);
            let golden = goldens.join(&name);
            if update {
                std::fs::copy(&rendered, &golden).unwrap();
                continue;
            }
            assert!(
                golden.exists(),
                "no golden {}; make it with `cargo xtask goldens`",
                golden.display()
            );
            let (now, then) = (read_png(&rendered), read_png(&golden));
            if (now.width, now.height) != (then.width, then.height) {
                differ.push(format!("{name}: the page size changed"));
                continue;
            }
            let changed = now
                .pixels
                .iter()
                .zip(&then.pixels)
                .filter(|(a, b)| a != b)
                .count();
            let share = changed as f64 / now.pixels.len() as f64;
            if share > TOLERANCE {
                let keep = Path::new(env!("CARGO_TARGET_TMPDIR")).join(&name);
                std::fs::copy(&rendered, &keep).unwrap();
                differ.push(format!(
                    "{name}: {:.2} % of the pixels changed (new page: {})",
                    share * 100.0,
                    keep.display()
                ));
            }
        }
    }
    assert!(
        differ.is_empty(),
        "page 1 no longer looks like its golden image; if the change is intended, run \
         `cargo xtask goldens` and review the pictures:\n{}",
        differ.join("\n")
    );
}
