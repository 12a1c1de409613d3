//! The PDFs handed to the system viewer for printing live in a private folder
//! of the user's cache (not the shared temp folder): emptied and made again
//! (owner-only) at each start, each file created new under a random name,
//! never through a link someone planted.

use std::fs::{DirBuilder, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use hoinghi_core::CoreError;

/// Empties and recreates `dir` (mode 0700 on Unix). Old print files go with it.
pub fn prepare(dir: &Path) -> std::io::Result<()> {
    match std::fs::symlink_metadata(dir) {
        // remove_dir_all removes a link itself, never what it points to.
        Ok(m) if m.is_dir() => std::fs::remove_dir_all(dir)?,
        Ok(_) => std::fs::remove_file(dir)?,
        Err(_) => {}
    }
    if let Some(parent) = dir.parent() {
        std::fs::create_dir_all(parent)?;
    }
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir)
}

/// Writes `pdf` to a new file in `dir`; fails rather than reuse any existing
/// name (O_EXCL: a planted file or link there is never followed).
pub fn write_private(dir: &Path, stem: &str, pdf: &[u8]) -> Result<PathBuf, CoreError> {
    // 74 random bits in the name: nobody can prepare a file under it in advance.
    let path = dir.join(format!("{stem}-{}.pdf", uuid::Uuid::now_v7().simple()));
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options
        .open(&path)
        .and_then(|mut f| f.write_all(pdf).and_then(|()| f.sync_all()));
    written.map_err(|source| CoreError::File {
        path: path.clone(),
        source,
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_files_are_private_new_and_cleared_at_start() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("print");
        prepare(&dir).unwrap();
        let a = write_private(&dir, "bien-ban", b"%PDF-1.7 a").unwrap();
        let b = write_private(&dir, "bien-ban", b"%PDF-1.7 b").unwrap();
        assert_ne!(a, b, "every print gets its own file");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode(&dir), 0o700);
            assert_eq!(mode(&a), 0o600);
        }
        prepare(&dir).unwrap();
        assert_eq!(
            std::fs::read_dir(&dir).unwrap().count(),
            0,
            "old files are removed at start"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_link_is_never_followed() {
        let root = tempfile::tempdir().unwrap();
        let victim = root.path().join("victim.txt");
        std::fs::write(&victim, b"precious").unwrap();
        let dir = root.path().join("print");
        std::os::unix::fs::symlink(root.path(), &dir).unwrap();
        prepare(&dir).unwrap();
        assert!(
            victim.exists(),
            "removing the planted link left its target alone"
        );
        assert!(!std::fs::symlink_metadata(&dir)
            .unwrap()
            .file_type()
            .is_symlink());
        write_private(&dir, "x", b"pdf").unwrap();
        assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    }
}
