//! The desktop shell: a thin Tauri adapter over `hoinghi-core`. Commands are
//! grouped by area in `commands/`; each is a few lines that call the core.

mod commands;
mod state;

pub use commands::{typescript as commands_typescript, COMMANDS};

use std::path::PathBuf;

use hoinghi_core::Db;
use tauri::Manager;

use crate::state::AppState;

/// Tests (and anyone who wants a scratch copy) point the app at another folder
/// with this variable, so they never touch the user's real data.
const DATA_DIR_ENV: &str = "HOINGHI_DATA_DIR";

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            let dir = data_dir(app.handle())?;
            let path = dir.join("hoinghi.db");
            let db = Db::open(&path).and_then(|mut db| {
                db.seed_demo_if_first_start()?;
                Ok(db)
            });
            if let Err(e) = &db {
                eprintln!("hoinghi: cannot open {}: {e}", path.display());
            }
            app.manage(AppState::new(db, path));
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("the HoiNghi window could not be started");
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
