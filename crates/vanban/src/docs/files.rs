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
    let name = format!("{}.pdf", safe_stem(&format!("{}-{day}", kind.as_str())));
    debug_assert!(is_portable_name(&name), "{name}");
    name
}

/// "2022-10-06-hoi-nghi-giao-ban.hoinghi": a meeting's portable file, named
/// by its day (which also keeps Windows' reserved names out) and title.
pub fn meeting_file_name(meeting: &Meeting) -> String {
    let day = meeting.starts_at.get(..10).unwrap_or("hoi-nghi");
    let name = format!(
        "{}.{}",
        safe_stem(&format!("{day}-{}", meeting.title)),
        hoinghi_core::portable::EXTENSION
    );
    debug_assert!(is_portable_name(&name), "{name}");
    name
}

/// "danh-sach-2022-10-06-hoi-nghi-giao-ban.xlsx": a meeting's delegate list
/// as a spreadsheet.
pub fn list_file_name(meeting: &Meeting) -> String {
    let day = meeting.starts_at.get(..10).unwrap_or_default();
    let name = format!(
        "{}.xlsx",
        safe_stem(&format!("danh-sach-{day}-{}", meeting.title))
    );
    debug_assert!(is_portable_name(&name), "{name}");
    name
}

/// "giay-moi-001-bui-huyen-mai.pdf": numbered in list order, the name without
/// diacritics (some mail and file-sharing tools still mangle them).
pub fn invitation_name(number: usize, full_name: &str) -> String {
    let name = format!(
        "{}.pdf",
        safe_stem(&format!("giay-moi-{number:03}-{full_name}"))
    );
    debug_assert!(is_portable_name(&name), "{name}");
    name
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

/// Whether Windows (and so every system we run on) accepts `name` as a file
/// name: not empty, at most 255 characters, none of `<>:"/\\|?*` or control
/// characters, no trailing dot or space, and not a reserved device name
/// (CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or without an extension).
pub fn is_portable_name(name: &str) -> bool {
    const RESERVED: [&str; 4] = ["CON", "PRN", "AUX", "NUL"];
    let stem = name
        .split('.')
        .next()
        .unwrap_or_default()
        .trim_end()
        .to_ascii_uppercase();
    let numbered = |prefix: &str| {
        stem.strip_prefix(prefix)
            .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit() && n != "0")
    };
    !name.is_empty()
        && name.chars().count() <= 255
        && !name
            .chars()
            .any(|c| c.is_control() || "<>:\"/\\|?*".contains(c))
        && !name.ends_with(['.', ' '])
        && !RESERVED.contains(&stem.as_str())
        && !numbered("COM")
        && !numbered("LPT")
}

/// Writes `bytes` to `path` atomically: to a temporary file in the same folder,
/// flushed to disk, then renamed over the target. On any failure the target
/// is as it was, the temporary file is gone, and the error names the file.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_through_temporary(path, |file| file.write_all(bytes)).map_err(|source| {
        crate::Error::Write {
            path: path.to_path_buf(),
            source,
        }
    })
}

/// `fill` writes the temporary file; the tests make it fail half-way, as a
/// full disk would.
fn write_through_temporary(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".hoinghi-").suffix(".part");
    // Readable as any file the secretary saves (0666 less the umask), not
    // only by her: a PDF often goes to a shared folder. Windows has no modes.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut file = builder.tempfile_in(dir)?;
    fill(file.as_file_mut())?;
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
    write_atomic(path, &snapshot.render()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn a_written_file_is_readable_as_any_file_saved_there() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.pdf");
        std::fs::write(&plain, b"%PDF").unwrap();
        let written = dir.path().join("written.pdf");
        write_atomic(&written, b"%PDF").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(
            mode(&written),
            mode(&plain),
            "not 0600 like a temporary file"
        );
    }

    #[test]
    fn windows_file_name_rules() {
        for good in [
            "bien-ban-2022-10-06.pdf",
            "Biên bản.pdf",
            "con-meo.pdf",
            "COM0.pdf",
        ] {
            assert!(is_portable_name(good), "{good} is allowed");
        }
        for bad in [
            "",
            "CON",
            "con.pdf",
            "Nul.txt",
            "COM1.pdf",
            "lpt9",
            "AUX .pdf",
            "a:b.pdf",
            "a?.pdf",
            "a*.pdf",
            "a/b.pdf",
            "a\\b.pdf",
            "bien-ban.",
            "bien-ban ",
            "tab\there.pdf",
        ] {
            assert!(!is_portable_name(bad), "{bad:?} is refused");
        }
        assert!(is_portable_name(&"a".repeat(255)));
        assert!(!is_portable_name(&"a".repeat(256)));
    }

    #[test]
    fn every_name_we_make_is_portable() {
        use hoinghi_core::model::{MeetingKind, MeetingStatus};
        let meeting = |starts_at: &str| Meeting {
            id: "m".into(),
            title: "CON".into(),
            kind: MeetingKind::GiaoBan,
            starts_at: starts_at.into(),
            ends_at: String::new(),
            venue: String::new(),
            chair_name: String::new(),
            chair_title: String::new(),
            secretary_name: String::new(),
            secretary_title: String::new(),
            notes: String::new(),
            status: MeetingStatus::Draft,
            time_zone: String::new(),
            is_demo: false,
            created_at: String::new(),
            updated_at: String::new(),
            organisation_id: None,
            signer_name: String::new(),
            signer_title: String::new(),
            signing_prefix: String::new(),
        };
        for kind in DocumentKind::ALL {
            assert!(is_portable_name(&document_name(
                *kind,
                &meeting("2022-10-06T08:00")
            )));
            assert!(is_portable_name(&document_name(*kind, &meeting(""))));
        }
        assert_eq!(
            meeting_file_name(&meeting("2022-10-06T08:00")),
            "2022-10-06-con.hoinghi"
        );
        assert!(is_portable_name(&meeting_file_name(&meeting(""))));
        for name in [
            "CON",
            "Nul",
            "LPT1",
            "a:b?*",
            "Đỗ Văn.",
            " ",
            "Nguyễn ".repeat(100).as_str(),
        ] {
            let file = invitation_name(1, name);
            assert!(is_portable_name(&file), "{file}");
        }
    }

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

    #[test]
    fn a_full_disk_half_way_through_leaves_the_old_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bien-ban.pdf");
        std::fs::write(&path, b"%PDF- the signed version").unwrap();
        let full = write_through_temporary(&path, |file| {
            file.write_all(b"%PDF- half of the new")?;
            Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
        })
        .unwrap_err();
        let error = crate::Error::Write {
            path: path.clone(),
            source: full,
        };
        assert_eq!(error.kind(), hoinghi_core::model::ErrorKind::DiskFull);
        assert_eq!(std::fs::read(&path).unwrap(), b"%PDF- the signed version");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "the partial temporary file is removed");
    }
}
