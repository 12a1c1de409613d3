//! The desktop shell: a thin Tauri adapter over `hoinghi-core`. Commands are
//! grouped by area in `commands/`; each is a few lines that call the core.

mod commands;
mod dialogs;
mod print;
mod state;
mod team;

pub use commands::{typescript as commands_typescript, COMMANDS};

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use hoinghi_core::model::{BackupReason, ErrorKind, IpcError};
use hoinghi_core::{CoreError, Db};
use tauri::{Manager, RunEvent};

use crate::state::{with_store, AppState};

/// Tests (and anyone who wants a scratch copy) point the app at another folder
/// with this variable, so they never touch the user's real data.
const DATA_DIR_ENV: &str = "HOINGHI_DATA_DIR";
/// Written beside the database once the app has been set up on this machine:
/// from then on a missing database is reported, never silently replaced by a
/// fresh demo.
const SETUP_MARKER: &str = "hoinghi.setup";
/// How often the store is backed up while something changes.
const BACKUP_EVERY: Duration = Duration::from_secs(5 * 60);

pub fn run() {
    let app = tauri::Builder::default()
        // First, so a second start hands over to the first window and exits.
        .plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            // The Linux packages install cr-sqlite's library here (xtask's
            // linux_bundles); elsewhere it sits beside the program.
            if cfg!(target_os = "linux") {
                hoinghi_crsqlite::look_also_in(Path::new("/usr/lib/hoinghi"));
            }
            let dir = data_dir(app.handle())?;
            let path = dir.join("hoinghi.db");
            let db = open_store(&dir, &path);
            if let Err(e) = &db {
                eprintln!("hoinghi: cannot open {}: {}", path.display(), e.message);
            }
            let print_dir = app.path().app_cache_dir()?.join("print");
            if let Err(e) = print::prepare(&print_dir) {
                eprintln!("hoinghi: cannot prepare {}: {e}", print_dir.display());
            }
            let shares = db
                .as_ref()
                .is_ok_and(|db| db.shared_meetings().is_ok_and(|s| !s.is_empty()));
            app.manage(AppState::new(db, path, print_dir));
            app.manage(team::Team::default());
            // A laptop that shares a meeting rejoins its team at start.
            if shares {
                if let Err(e) = team::Team::start(app.handle()) {
                    eprintln!("hoinghi: team work: {}", e.message);
                }
            }
            let handle = app.handle().clone();
            std::thread::spawn(move || back_up_while_running(&handle));
            Ok(())
        })
        // The projector shows the secretary's meeting: it goes with the main window.
        .on_window_event(|window, event| {
            if window.label() == "main" && matches!(event, tauri::WindowEvent::Destroyed) {
                if let Some(projector) = window.app_handle().get_webview_window(commands::PROJECTOR)
                {
                    let _ = projector.destroy();
                }
            }
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("the HoiNghi window could not be started");
    app.run(|handle, event| {
        if let RunEvent::Exit = event {
            back_up_if_changed(&handle.state::<AppState>(), BackupReason::Close);
        }
    });
}

/// Opens the database; on the very first start on this machine, creates it
/// with the demo conference. A database that was set up and is now missing is
/// an error the window shows (with the backups to restore), not a new file.
fn open_store(dir: &Path, path: &Path) -> Result<Db, IpcError> {
    let marker = dir.join(SETUP_MARKER);
    if marker.exists() && !path.exists() {
        return Err(IpcError::new(
            ErrorKind::DatabaseLost,
            format!(
                "Không tìm thấy tệp dữ liệu {}. HoiNghi đã được dùng trên máy này nên không tự tạo \
                 tệp trống thay thế. Hãy khôi phục một bản sao lưu (Cài đặt → Sao lưu), hoặc chép \
                 tệp về chỗ cũ rồi mở lại HoiNghi.",
                path.display()
            ),
        ));
    }
    let mut db = Db::open(path)?;
    db.seed_demo_if_first_start()?;
    if !marker.exists() {
        let stamp = chrono::Utc::now().to_rfc3339();
        std::fs::write(&marker, format!("HoiNghi set up {stamp}\n")).map_err(|source| {
            CoreError::File {
                path: marker,
                source,
            }
        })?;
    }
    Ok(db)
}

/// Every minute, backs up if something changed and the last backup is older
/// than `BACKUP_EVERY`. Runs for the life of the app.
fn back_up_while_running(app: &tauri::AppHandle) {
    let mut last = Instant::now();
    loop {
        std::thread::sleep(Duration::from_secs(60));
        if last.elapsed() >= BACKUP_EVERY
            && back_up_if_changed(&app.state::<AppState>(), BackupReason::Auto)
        {
            last = Instant::now();
        }
    }
}

/// Returns whether a backup was made. Failures are logged: a backup that
/// cannot be written must not stop the secretary's work.
fn back_up_if_changed(state: &AppState, reason: BackupReason) -> bool {
    let Ok(store) = state.store() else {
        return false;
    };
    let made = with_store(&store, |db: &mut Db| {
        if !db.changed_since_backup() || db.is_lost() {
            return Ok::<_, IpcError>(false);
        }
        db.backup(reason)?;
        Ok(true)
    });
    made.unwrap_or_else(|e: IpcError| {
        eprintln!("hoinghi: backup failed: {}", e.message);
        false
    })
}

/// The user's local app-data folder (Windows: %LOCALAPPDATA%, never the
/// roaming profile, which may be copied to a server at logoff; Linux:
/// ~/.local/share). Debug builds use a sibling "<identifier>.dev" folder so a
/// developer never opens a secretary's real database.
fn data_dir(app: &tauri::AppHandle) -> Result<PathBuf, Box<dyn std::error::Error>> {
    if let Some(dir) = std::env::var_os(DATA_DIR_ENV) {
        return Ok(PathBuf::from(dir));
    }
    let dir = app.path().app_local_data_dir()?;
    if cfg!(debug_assertions) {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        return Ok(dir.with_file_name(format!("{name}.dev")));
    }
    Ok(dir)
}
