//! Documents as files: their names, and writing them so that a crash or a full
//! disk never leaves a half-written PDF where a good one was. The desktop shell
//! and the CLI both save through here.

use std::io::Write;
use std::path::Path;

use hoinghi_core::model::{DocumentKind, IpcError, Meeting, SavedDocument};

use super::Snapshot;
use crate::error::Result;

/// Longest file name we make, in bytes: well under the 255 that Windows and
/// Linux allow, so that a copy suffix ("… (2).pdf") still fits.
const MAX_NAME: usize = 120;

/// "bien-ban-2022-10-06.pdf": the document and the day of the meeting.
pub fn document_name(kind: DocumentKind, meeting: &Meeting) -> String {
    let day = meeting.starts_at.get(..10).unwrap_or_default();
    format!("{}.pdf", safe_stem(&format!("{}-{day}", kind.as_str())))
}

/// "giay-moi-001-bui-huyen-mai.pdf": numbered in list order, the name without
/// diacritics (some mail and file-sharing tools still mangle them).
pub fn invitation_name(number: usize, full_name: &str) -> String {
    format!(
        "{}.pdf",
        safe_stem(&format!("giay-moi-{number:03}-{full_name}"))
    )
}

/// A file name stem any system accepts: lower-case ASCII letters, digits and
/// single hyphens ("Đỗ Văn: A?" → "do-van-a"), never empty, never too long.
/// Reserved Windows names (CON, NUL, COM1…) cannot come out, because every
/// name we make starts with the document's kind.
pub fn safe_stem(text: &str) -> String {
    let mut stem = String::new();
    for c in hoinghi_core::fold(text).chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c);
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    while stem.len() > MAX_NAME - ".pdf".len() || stem.ends_with('-') {
        stem.pop();
    }
    if stem.is_empty() {
        stem.push_str("van-ban");
    }
    stem
}

/// Writes `bytes` to `path` atomically: to a temporary file in the same folder,
/// flushed to disk, then renamed over the target. On any failure the target
/// is as it was and the temporary file is gone.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".hoinghi-")
        .suffix(".part")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Renders and writes each snapshot into `dir` under its usual name. One
/// document failing (a character the font lacks, say) does not stop the others.
pub fn save_all(snapshots: &[Snapshot], dir: &Path) -> Vec<SavedDocument> {
    snapshots
        .iter()
        .map(|snapshot| {
            let path = dir.join(snapshot.file_name());
            SavedDocument {
                kind: snapshot.kind,
                path: path.display().to_string(),
                error: save(snapshot, &path).err().map(IpcError::from),
            }
        })
        .collect()
}

/// Renders one snapshot and writes it to `path`.
pub fn save(snapshot: &Snapshot, path: &Path) -> Result<()> {
    let pdf = snapshot.render()?;
    write_atomic(path, &pdf).map_err(|e| crate::Error::Write {
        path: path.to_path_buf(),
        source: e,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_safe_on_every_system() {
        assert_eq!(safe_stem("Đỗ Văn: A?*"), "do-van-a");
        assert_eq!(safe_stem("  "), "van-ban");
        assert_eq!(
            invitation_name(7, "Nguyễn Thị Thuỷ"),
            "giay-moi-007-nguyen-thi-thuy.pdf"
        );
        let long = invitation_name(1, &"Nguyễn ".repeat(100));
        assert!(long.len() <= MAX_NAME, "{} bytes", long.len());
        assert!(!long.trim_end_matches(".pdf").ends_with('-'));
    }

    #[test]
    fn an_atomic_write_replaces_the_file_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        std::fs::write(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "only the document is left in the folder");
        let missing = dir.path().join("no-such-folder").join("b.pdf");
        assert!(write_atomic(&missing, b"x").is_err());
    }
}
