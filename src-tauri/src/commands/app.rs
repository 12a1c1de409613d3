use hoinghi_core::model::{AppInfo, ErrorKind, IpcError};
use tauri::{AppHandle, Manager, State, WebviewUrl, WebviewWindowBuilder};

use crate::state::AppState;

/// Facts for Settings; answers even when the database could not be opened.
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    Ok(AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        database_path: state.db_path.display().to_string(),
        backup_path: state.backup_dir().display().to_string(),
        schema_version: hoinghi_core::SCHEMA_VERSION as u32,
    })
}

/// The projector window's label; `capabilities/projector.json` lets it read,
/// never write.
pub const PROJECTOR: &str = "projector";

/// Opens (or moves to another meeting) the projector window: the hall
/// screen's view of the meeting, without controls, which follows the store
/// on its own. With a second screen attached it fills that screen; otherwise
/// it is an ordinary window the secretary can drag there.
#[tauri::command]
pub async fn open_projector(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<(), IpcError> {
    // Only a meeting that exists gets a window (the id goes into its address).
    let id = meeting_id.clone();
    state.run(move |db| db.meeting(&id)).await?;
    if let Some(old) = app.get_webview_window(PROJECTOR) {
        old.destroy().map_err(window_error)?;
    }
    let url = WebviewUrl::App(format!("index.html?projector={meeting_id}").into());
    let window = WebviewWindowBuilder::new(&app, PROJECTOR, url)
        .title("HoiNghi — Màn chiếu")
        .inner_size(1024.0, 640.0)
        .build()
        .map_err(window_error)?;
    let main = app.get_webview_window("main");
    let here = main
        .as_ref()
        .and_then(|m| m.current_monitor().ok().flatten());
    let other = window
        .available_monitors()
        .unwrap_or_default()
        .into_iter()
        .find(|m| {
            here.as_ref()
                .is_none_or(|h| h.position() != m.position() || h.size() != m.size())
        });
    if let (Some(_), Some(screen)) = (&here, other) {
        window
            .set_position(*screen.position())
            .map_err(window_error)?;
        window.set_fullscreen(true).map_err(window_error)?;
    }
    Ok(())
}

fn window_error(e: tauri::Error) -> IpcError {
    IpcError::new(
        ErrorKind::Internal,
        format!("Không mở được cửa sổ màn chiếu.\nChi tiết: {e}"),
    )
}
