//! Delegate lists in and out: the import wizard (a file picked in the native
//! dialog, read once and kept in the state until it is imported or
//! dropped), the list as .xlsx, and copying a list from an earlier meeting.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use hoinghi_core::model::{ErrorKind, ImportChoices, ImportOutcome, ImportPreview, IpcError};
use hoinghi_import::{read_with, Source};
use hoinghi_vanban::docs::files;
use tauri::{AppHandle, Emitter, State};

use crate::dialogs::{self, Pick};
use crate::state::{off_the_store, AppState};

const LISTS: (&str, &[&str]) = (
    "Danh sách (Excel, OpenDocument, CSV)",
    &["xlsx", "xls", "xlsm", "ods", "csv", "txt"],
);
const XLSX: (&str, &[&str]) = ("Excel", &["xlsx"]);
/// The event that says how far a preview has got (ui/src/ipc/window.ts listens).
const IMPORT_PROGRESS: &str = "hoinghi:import-progress";

/// How far a long list file has got: reading the workbook, then checking
/// its rows (`stage`), each from 0 to 1 (`share`).
#[derive(Clone, serde::Serialize)]
struct Progress {
    stage: &'static str,
    share: f32,
}

/// Tells the window how far `stage` has got, and answers whether to go on
/// (`cancel_import` says stop).
fn report(app: &AppHandle, cancelled: &AtomicBool, stage: &'static str, share: f32) -> bool {
    let _ = app.emit(IMPORT_PROGRESS, Progress { stage, share });
    !cancelled.load(Ordering::Relaxed)
}
/// Rows and problems sent to the wizard (the counts cover them all).
const SHOWN: usize = 500;

/// Asks for a list file, reads it, and answers what importing it into the
/// meeting would do with the columns as detected; `None` when cancelled.
/// While a long workbook is read, the window hears how far it has got
/// (`IMPORT_PROGRESS`), and `cancel_import` stops the reading.
#[tauri::command]
pub async fn choose_import_file(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: Option<String>,
) -> Result<Option<ImportPreview>, IpcError> {
    let open = Pick::Open {
        title: "Chọn tệp danh sách đại biểu",
        filter: LISTS,
    };
    let Some(path) = dialogs::pick(&app, &state, open).await? else {
        return Ok(None);
    };
    let cancelled = state.import_cancelled.clone();
    cancelled.store(false, Ordering::Relaxed);
    let reading = app.clone();
    let source = off_the_store(move || {
        let size = std::fs::metadata(&path).map_or(0, |m| m.len());
        if size > hoinghi_import::read::MAX_BYTES as u64 {
            return Err(hoinghi_import::ImportError::TooLarge {
                megabytes: size.div_ceil(1024 * 1024) as usize,
            }
            .into());
        }
        let bytes = std::fs::read(&path).map_err(|e| {
            IpcError::new(
                ErrorKind::Io,
                format!("Không đọc được tệp {}.\nChi tiết: {e}", path.display()),
            )
        })?;
        let name = path
            .file_name()
            .map_or(String::new(), |n| n.to_string_lossy().into_owned());
        let go_on = |share: f32| report(&reading, &cancelled, "reading", share);
        read_with(&bytes, &name, &go_on)
            .map(Arc::new)
            .map_err(IpcError::from)
    })
    .await?;
    if state.import_cancelled.load(Ordering::Relaxed) {
        return Err(hoinghi_import::ImportError::Cancelled.into());
    }
    *state
        .pending_import
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = Some(source);
    preview_import(app, state, meeting_id, ImportChoices::default())
        .await
        .map(Some)
}

/// What importing the picked file would do with these choices. While a long
/// file's rows are checked, the window hears how far it has got
/// (`IMPORT_PROGRESS`, stage "checking").
#[tauri::command]
pub async fn preview_import(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: Option<String>,
    choices: ImportChoices,
) -> Result<ImportPreview, IpcError> {
    let source = pending(&state)?;
    let cancelled = state.import_cancelled.clone();
    cancelled.store(false, Ordering::Relaxed);
    state
        .run(move |db| {
            let go_on = |share: f32| report(&app, &cancelled, "checking", share);
            hoinghi_import::preview_with(db, meeting_id.as_deref(), &source, &choices, &go_on)
                .map(shown)
        })
        .await
}

/// Imports the picked file with these choices: every row the preview showed
/// as added or updated, or none. The file is then forgotten.
#[tauri::command]
pub async fn apply_import(
    state: State<'_, AppState>,
    meeting_id: Option<String>,
    choices: ImportChoices,
) -> Result<ImportOutcome, IpcError> {
    let source = pending(&state)?;
    let outcome = state
        .run(move |db| hoinghi_import::apply(db, meeting_id.as_deref(), &source, &choices))
        .await?
        .1;
    *state
        .pending_import
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = None;
    Ok(outcome)
}

/// Stops a preview under way and forgets the picked file.
#[tauri::command]
pub async fn cancel_import(state: State<'_, AppState>) -> Result<(), IpcError> {
    state.import_cancelled.store(true, Ordering::Relaxed);
    *state
        .pending_import
        .lock()
        .unwrap_or_else(|p| p.into_inner()) = None;
    Ok(())
}

/// Writes the meeting's list to an .xlsx file chosen in the save dialog;
/// its name, or `None` when cancelled.
#[tauri::command]
pub async fn export_list(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<Option<String>, IpcError> {
    let id = meeting_id;
    let (bytes, name) = state
        .run(move |db| {
            let name = files::list_file_name(&db.meeting(&id)?);
            hoinghi_import::export_list(db, &id).map(|b| (b, name))
        })
        .await?;
    let save = Pick::Save {
        title: "Lưu danh sách đại biểu",
        name,
        filter: XLSX,
    };
    let Some(path) = dialogs::pick(&app, &state, save).await? else {
        return Ok(None);
    };
    off_the_store(move || {
        files::write_atomic(&path, &bytes)?;
        Ok::<_, hoinghi_vanban::Error>(
            path.file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned()),
        )
    })
    .await
    .map(Some)
}

/// Lists in the meeting the people of an earlier one (chosen groups; none:
/// everyone), without their attendance.
#[tauri::command]
pub async fn copy_participants(
    state: State<'_, AppState>,
    meeting_id: String,
    from: String,
    sections: Vec<String>,
) -> Result<ImportOutcome, IpcError> {
    state
        .run(move |db| db.copy_participants(&meeting_id, &from, &sections))
        .await
}

fn pending(state: &AppState) -> Result<Arc<Source>, IpcError> {
    state
        .pending_import
        .lock()
        .unwrap_or_else(|p| p.into_inner())
        .clone()
        .ok_or_else(|| {
            IpcError::new(
                ErrorKind::Invalid,
                "Chưa chọn tệp danh sách, hoặc tệp đã được nhập. Hãy chọn tệp lại.",
            )
        })
}

/// The preview as the wizard shows it: every count, the first rows and problems.
fn shown(mut preview: ImportPreview) -> ImportPreview {
    preview.rows.truncate(SHOWN);
    preview.problems.truncate(SHOWN);
    preview
}
