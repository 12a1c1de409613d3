//! Backups: complete copies of the database made with SQLite's online backup
//! API while the app runs, kept in `backups/` beside the database file.
//!
//! A backup is written to a temporary name, checked (`integrity_check`),
//! synced and only then renamed, so a listed backup is always a whole, valid
//! file. Restoring first backs up the current data, so a restore can itself be
//! undone.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};

use crate::db::Db;
use crate::error::{CoreError, Result};
use crate::model::{BackupInfo, BackupReason, BackupSettings};

/// The folder, beside the database file, that holds the backups.
pub const BACKUP_DIR: &str = "backups";
/// The newest backups kept whatever their age.
const KEEP_LATEST: usize = 10;
/// Beyond those, the newest backup of each of the last this many days.
const KEEP_DAYS: i64 = 30;

const PREFIX: &str = "hoinghi-";
/// The `meta` key of the second backup folder (a USB stick, a network share).
const EXTRA_FOLDER_KEY: &str = "backup_extra_folder";

/// The backup folder of the database at `db_path` (also when it cannot be opened).
pub fn folder_for(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR)
}
const STAMP: &str = "%Y%m%d-%H%M%S-%3f";

impl Db {
    /// Where this store's backups go; `None` for an in-memory store.
    pub fn backup_dir(&self) -> Option<PathBuf> {
        self.path().map(folder_for)
    }

    /// True when something was written since the last backup.
    pub fn changed_since_backup(&self) -> bool {
        self.changed_since_backup
    }

    /// Makes a backup now, then thins out old ones.
    pub fn backup(&mut self, reason: BackupReason) -> Result<BackupInfo> {
        let dir = self.backup_dir().ok_or_else(|| {
            CoreError::invalid("backup", "Dữ liệu trong bộ nhớ không sao lưu được.")
        })?;
        std::fs::create_dir_all(&dir).map_err(|e| CoreError::folder(&dir, e))?;
        let now = Utc::now();
        let name = format!("{PREFIX}{}-{}.db", now.format(STAMP), reason.as_str());
        self.save_copy(&dir.join(&name))?;
        self.changed_since_backup = false;
        // Thinning is housekeeping: a failure must not turn a good backup into an error.
        let _ = prune(&dir, now);
        // Nor may a missing USB stick: the copy's outcome is shown in Settings.
        if let Some(extra) = self.extra_backup_folder()? {
            self.extra_backup_error = copy_checked(&dir.join(&name), &extra.join(&name))
                .map(|()| {
                    let _ = prune(&extra, now);
                })
                .err()
                .map(|e| e.to_string());
        }
        describe(&dir, &name)
    }

    fn extra_backup_folder(&self) -> Result<Option<PathBuf>> {
        Ok(self
            .meta(EXTRA_FOLDER_KEY)?
            .filter(|f| !f.is_empty())
            .map(PathBuf::from))
    }

    /// The second backup folder and how the last copy into it went.
    pub fn backup_settings(&self) -> Result<BackupSettings> {
        Ok(BackupSettings {
            extra_folder: self.extra_backup_folder()?.map(|f| f.display().to_string()),
            extra_error: self.extra_backup_error.clone(),
        })
    }

    /// Sets (or with `None` clears) a second folder that receives a checked
    /// copy of every backup, and makes one at once so the choice is proven.
    /// The data folder itself is refused: a copy there protects nothing.
    pub fn set_extra_backup_folder(&mut self, folder: Option<&Path>) -> Result<BackupSettings> {
        if let (Some(folder), Some(data)) = (folder, self.path().and_then(Path::parent)) {
            if lies_within(folder, data) {
                return Err(CoreError::invalid(
                    "folder",
                    "Thư mục sao lưu phụ phải ở nơi khác thư mục dữ liệu (ví dụ một USB).",
                ));
            }
        }
        let value = folder.map(|f| f.display().to_string()).unwrap_or_default();
        self.set_meta(EXTRA_FOLDER_KEY, &value)?;
        self.extra_backup_error = None;
        if folder.is_some() {
            self.backup(BackupReason::Manual)?;
        }
        self.backup_settings()
    }

    /// The backups on disk, newest first.
    pub fn list_backups(&self) -> Result<Vec<BackupInfo>> {
        match self.backup_dir() {
            Some(dir) => list(&dir),
            None => Ok(Vec::new()),
        }
    }

    /// Writes a complete, checked copy of the store to `target`, atomically: a
    /// temporary file in the same folder, `integrity_check`, fsync, rename. It
    /// reads through the open connection, so it also rescues the data of a
    /// database file that was deleted while open.
    pub fn save_copy(&self, target: &Path) -> Result<()> {
        if self.file.as_ref().is_some_and(|f| f.is_named_by(target)) {
            return Err(CoreError::invalid(
                "path",
                "Không thể ghi bản sao đè lên chính tệp dữ liệu đang mở.",
            ));
        }
        replace_atomically(target, |tmp| self.copy_into(tmp))
    }

    fn copy_into(&self, tmp: &Path) -> Result<()> {
        let mut dst = Connection::open_with_flags(
            tmp,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )
        .map_err(|e| CoreError::open(tmp, e))?;
        Backup::new(&self.conn, &mut dst)?.run_to_completion(256, Duration::ZERO, None)?;
        // A backup is a plain single file: readable from a USB stick or a
        // read-only folder, with no -wal or -shm beside it.
        dst.pragma_update(None, "journal_mode", "DELETE")?;
        check_integrity(&dst)?;
        dst.close().map_err(|(_, e)| CoreError::from(e))
    }

    /// Replaces the data with the backup `name` (as listed by `list_backups`).
    /// The current data is backed up first; that backup is returned, so the
    /// user can go back. A backup from an older HoiNghi is migrated.
    pub fn restore_backup(&mut self, name: &str) -> Result<BackupInfo> {
        let dir = self.backup_dir().ok_or_else(|| {
            CoreError::invalid("backup", "Dữ liệu trong bộ nhớ không khôi phục được.")
        })?;
        let source = backup_file(&dir, name)?;
        if let Some(file) = self.file.as_ref().filter(|f| f.lost) {
            return Err(CoreError::DatabaseLost {
                path: file.path.clone(),
            });
        }
        let version = crate::db::check_backup(&source)?;
        let aside = self.backup(BackupReason::BeforeRestore)?;
        let src = Connection::open_with_flags(&source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| CoreError::open(&source, e))?;
        Backup::new(&src, &mut self.conn)?.run_to_completion(256, Duration::ZERO, None)?;
        self.conn.pragma_update(None, "journal_mode", "WAL")?;
        self.migrate(version)?;
        crate::store::sharing::renew_replica(&self.conn)?;
        if self.is_replicated()? {
            self.load_engine()?;
        }
        self.changed_since_backup = false;
        Ok(aside)
    }
}

/// Puts the backup `name` from `dir` in place of a database file that is
/// missing (deleted while the app was closed), so the app can open it again.
/// Refuses to replace a file that exists: that one is restored through
/// `Db::restore_backup`, which keeps it aside first.
pub fn restore_missing(dir: &Path, name: &str, target: &Path) -> Result<()> {
    let source = backup_file(dir, name)?;
    if target.exists() {
        return Err(CoreError::invalid(
            "backup",
            "Tệp dữ liệu vẫn còn; hãy khôi phục từ trong ứng dụng để tệp hiện tại được giữ lại.",
        ));
    }
    crate::db::check_backup(&source)?;
    replace_atomically(target, |tmp| {
        std::fs::copy(&source, tmp).map_err(|e| CoreError::folder(target, e))?;
        let conn = Connection::open(tmp).map_err(|e| CoreError::open(tmp, e))?;
        crate::store::sharing::renew_replica(&conn)?;
        conn.close().map_err(|(_, e)| CoreError::from(e))
    })
}

/// The file of backup `name` in `dir`; only names HoiNghi gives its backups
/// are accepted (no paths, nothing else in the folder).
fn backup_file(dir: &Path, name: &str) -> Result<PathBuf> {
    match parse_name(name) {
        Some(_) => Ok(dir.join(name)),
        None => Err(CoreError::NotFound {
            what: "bản sao lưu",
            id: name.to_string(),
        }),
    }
}

/// Writes `target` through `fill`, which writes a temporary file in the same
/// folder; the file is then synced and renamed over `target`, so `target` is
/// either what it was or complete. The temporary file never stays behind.
pub(crate) fn replace_atomically(
    target: &Path,
    fill: impl FnOnce(&Path) -> Result<()>,
) -> Result<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let tmp = folder.join(format!(".{}.tmp", crate::clock::new_id()));
    let result = fill(&tmp).and_then(|()| {
        std::fs::File::open(&tmp)
            .and_then(|f| f.sync_all())
            .and_then(|()| std::fs::rename(&tmp, target))
            .map_err(|e| CoreError::folder(target, e))
    });
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    sync_dir(folder);
    result
}

/// Whether `target` (which may not exist yet) is `folder` or inside it, links
/// and other spellings resolved: the nearest part of it that exists decides.
pub fn lies_within(target: &Path, folder: &Path) -> bool {
    let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
    let mut probe = target.to_path_buf();
    let resolved = loop {
        if let Ok(p) = std::fs::canonicalize(&probe) {
            break p;
        }
        if !probe.pop() {
            break target.to_path_buf();
        }
    };
    resolved.starts_with(folder)
}

/// Copies a backup file to `target` atomically and checks the copy is whole.
fn copy_checked(source: &Path, target: &Path) -> Result<()> {
    if let Some(folder) = target.parent() {
        std::fs::create_dir_all(folder).map_err(|e| CoreError::folder(folder, e))?;
    }
    replace_atomically(target, |tmp| {
        std::fs::copy(source, tmp).map_err(|e| CoreError::folder(target, e))?;
        let copy = Connection::open_with_flags(tmp, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| CoreError::open(tmp, e))?;
        check_integrity(&copy)
    })
}

/// Opens a backup read-only and checks it is whole.
pub(crate) fn check_integrity(conn: &Connection) -> Result<()> {
    let result: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    if result == "ok" {
        Ok(())
    } else {
        Err(CoreError::invalid(
            "backup",
            format!("Bản sao lưu bị hỏng, không dùng được.\nChi tiết: {result}"),
        ))
    }
}

fn parse_name(name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(".db")?;
    let (stamp, reason) = rest.rsplit_once('-')?;
    let taken = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    Some((taken, BackupReason::parse(reason)?))
}

fn describe(dir: &Path, name: &str) -> Result<BackupInfo> {
    let (taken, reason) = parse_name(name).ok_or_else(|| CoreError::NotFound {
        what: "bản sao lưu",
        id: name.to_string(),
    })?;
    let path = dir.join(name);
    let size = std::fs::metadata(&path)
        .map_err(|e| CoreError::folder(&path, e))?
        .len();
    let meetings = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| {
            c.query_row(
                "SELECT COUNT(*) FROM meeting WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
        })
        .ok();
    Ok(BackupInfo {
        name: name.to_string(),
        taken_at: taken.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        reason,
        size_kb: u32::try_from(size.div_ceil(1024)).unwrap_or(u32::MAX),
        meetings,
    })
}

/// Backups in `dir`, newest first; files that are not ours are ignored.
pub fn list(dir: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(CoreError::folder(dir, e)),
    };
    let mut names: Vec<String> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| parse_name(n).is_some())
        .collect();
    names.sort_by(|a, b| b.cmp(a));
    names.iter().map(|n| describe(dir, n)).collect()
}

/// Keeps the newest `KEEP_LATEST` backups and the newest of each of the last
/// `KEEP_DAYS` days; removes the rest.
fn prune(dir: &Path, now: DateTime<Utc>) -> Result<()> {
    let mut names: Vec<(DateTime<Utc>, String)> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|n| Some((parse_name(&n)?.0, n)))
        .collect();
    names.sort_by(|a, b| b.cmp(a));
    let mut days_kept = Vec::new();
    for (i, (taken, name)) in names.iter().enumerate() {
        let day = taken.date_naive();
        let recent = (now - *taken).num_days() < KEEP_DAYS;
        let first_of_day = !days_kept.contains(&day);
        if i < KEEP_LATEST || (recent && first_of_day) {
            days_kept.push(day);
            continue;
        }
        std::fs::remove_file(dir.join(name))?;
    }
    Ok(())
}

/// Makes a rename durable on Unix (Windows has no directory handles to sync).
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pruning_keeps_the_latest_and_one_a_day_for_a_month() {
        let dir = tempfile::tempdir().unwrap();
        let now = Utc::now();
        // Four backups a day for 40 days.
        for day in 0..40 {
            for hour in 0..4 {
                let t = now - chrono::Duration::days(day) - chrono::Duration::hours(hour);
                let name = format!("{PREFIX}{}-auto.db", t.format(STAMP));
                std::fs::write(dir.path().join(name), b"x").unwrap();
            }
        }
        std::fs::write(dir.path().join("notes.txt"), b"not a backup").unwrap();
        prune(dir.path(), now).unwrap();
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .filter_map(|e| parse_name(&e.unwrap().file_name().into_string().unwrap()))
            .collect();
        let days: std::collections::BTreeSet<_> =
            left.iter().map(|(t, _)| t.date_naive()).collect();
        assert!(
            left.len() <= KEEP_LATEST + KEEP_DAYS as usize,
            "{}",
            left.len()
        );
        assert!(
            days.len() >= 30,
            "one backup for each of the last 30 days: {}",
            days.len()
        );
        assert!(
            left.iter().all(|(t, _)| (now - *t).num_days() <= KEEP_DAYS),
            "nothing older than a month"
        );
        assert!(
            dir.path().join("notes.txt").exists(),
            "other files are left alone"
        );
    }

    #[test]
    fn only_our_names_are_backups() {
        assert!(parse_name("hoinghi-20261201-231455-123-auto.db").is_some());
        assert!(parse_name("hoinghi-20261201-231455-123-beforeRestore.db").is_some());
        for bad in [
            "../hoinghi.db",
            "hoinghi.db",
            "hoinghi-2026-x-auto.db",
            "hoinghi-20261201-231455-123-evil.db",
        ] {
            assert!(parse_name(bad).is_none(), "{bad}");
        }
    }
}
