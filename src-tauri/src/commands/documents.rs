//! Official documents: render for the preview, save where the user chose, or
//! hand to the system's PDF viewer to print. Each command reads a snapshot
//! under the store's lock, then renders it without the lock.

use std::path::{Path, PathBuf};

use hoinghi_core::model::{
    DocumentField, DocumentFieldKey, DocumentFont, DocumentKind, DocumentOptions, ErrorKind,
    FontSettings, IpcError, SavedFolder,
};
use hoinghi_vanban::docs::files;
use hoinghi_vanban::docs::Snapshot;
use hoinghi_vanban::font::Fonts;
use tauri::ipc::Response;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;
use tauri_plugin_opener::OpenerExt;

use crate::state::{off_the_store, AppState};

async fn snapshot(
    state: &AppState,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Result<Snapshot, IpcError> {
    state
        .run(move |db| Snapshot::take(db, &meeting_id, kind, &options))
        .await
}

/// The PDF bytes, sent raw (an ArrayBuffer on the JS side, not a JSON array).
#[tauri::command]
pub async fn render_document(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Result<Response, IpcError> {
    let snapshot = snapshot(&state, meeting_id, kind, options).await?;
    let pdf = off_the_store(move || snapshot.render()).await?;
    Ok(Response::new(pdf))
}

/// The name a document is saved under by default ("bien-ban-2022-10-06.pdf").
#[tauri::command]
pub async fn document_file_name(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
) -> Result<String, IpcError> {
    state
        .run(move |db| Ok::<_, IpcError>(files::document_name(kind, &db.meeting(&meeting_id)?)))
        .await
}

/// Writes the PDF to `path` (chosen in the native save dialog).
#[tauri::command]
pub async fn save_document(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
    path: String,
) -> Result<(), IpcError> {
    let snapshot = snapshot(&state, meeting_id, kind, options).await?;
    off_the_store(move || files::save(&snapshot, Path::new(&path))).await
}

/// Asks for a folder in the native dialog (the page names no path), then
/// writes each requested document into it under its usual name; one failing
/// does not stop the others. `None` when the secretary cancels.
#[tauri::command]
pub async fn save_all_documents(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
    documents: Vec<(DocumentKind, DocumentOptions)>,
) -> Result<Option<SavedFolder>, IpcError> {
    let snapshots = state
        .run(move |db| {
            documents
                .iter()
                .map(|(kind, options)| Snapshot::take(db, &meeting_id, *kind, options))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    let chosen = off_the_store(move || {
        Ok::<_, IpcError>(
            app.dialog()
                .file()
                .set_title("Chọn thư mục lưu các văn bản")
                .blocking_pick_folder(),
        )
    })
    .await?;
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let dir = chosen.into_path().map_err(|e| {
        IpcError::new(
            ErrorKind::Io,
            format!("Không dùng được thư mục đã chọn: {e}"),
        )
    })?;
    off_the_store(move || {
        Ok::<_, IpcError>(Some(SavedFolder {
            folder: dir.display().to_string(),
            documents: files::save_all(&snapshots, &dir),
        }))
    })
    .await
}

/// Writes one invitation per invited person into `dir`; returns the paths.
#[tauri::command]
pub async fn save_invitations(
    state: State<'_, AppState>,
    meeting_id: String,
    options: DocumentOptions,
    dir: String,
) -> Result<Vec<String>, IpcError> {
    let snapshot = snapshot(&state, meeting_id, DocumentKind::GiayMoi, options).await?;
    off_the_store(move || {
        let mut written = Vec::new();
        for (name, pdf) in snapshot.invitations()? {
            let path = PathBuf::from(&dir).join(name);
            files::write_atomic(&path, &pdf)?;
            written.push(path.display().to_string());
        }
        Ok::<_, IpcError>(written)
    })
    .await
}

/// Writes the PDF to a temporary file and opens it in the system's viewer,
/// from which the user prints. Returns the file's path.
#[tauri::command]
pub async fn print_document(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Result<String, IpcError> {
    let snapshot = snapshot(&state, meeting_id, kind, options).await?;
    let path = off_the_store(move || {
        let dir = std::env::temp_dir().join("hoinghi");
        std::fs::create_dir_all(&dir)
            .map_err(|e| IpcError::from(hoinghi_core::CoreError::Io(e)))?;
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let path = dir.join(format!("{}-{stamp}.pdf", kind.as_str()));
        files::write_atomic(&path, &snapshot.render()?)?;
        Ok::<_, IpcError>(path)
    })
    .await?;
    let shown = path.display().to_string();
    app.opener()
        .open_path(shown.clone(), None::<&str>)
        .map_err(|e| {
            IpcError::new(
                ErrorKind::Io,
                format!("Đã lưu {shown} nhưng không mở được trình xem PDF: {e}"),
            )
        })?;
    Ok(shown)
}

/// The editable text of a document: what is generated and what was edited.
#[tauri::command]
pub async fn document_fields(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Result<Vec<DocumentField>, IpcError> {
    let snapshot = snapshot(&state, meeting_id, kind, options).await?;
    off_the_store(move || Ok::<_, IpcError>(snapshot.fields())).await
}

#[tauri::command]
pub async fn set_document_text(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    field: DocumentFieldKey,
    text: String,
) -> Result<(), IpcError> {
    state
        .run(move |db| db.set_document_text(&meeting_id, kind, field, &text))
        .await
}

/// Goes back to the generated text of one field.
#[tauri::command]
pub async fn reset_document_text(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    field: DocumentFieldKey,
) -> Result<(), IpcError> {
    state
        .run(move |db| db.reset_document_text(&meeting_id, kind, field))
        .await
}

#[tauri::command]
pub async fn get_font_settings(state: State<'_, AppState>) -> Result<FontSettings, IpcError> {
    state
        .run(|db| db.document_font().map(Fonts::settings))
        .await
}

/// Chooses the typeface of documents (Times New Roman only if installed).
#[tauri::command]
pub async fn set_document_font(
    state: State<'_, AppState>,
    font: DocumentFont,
) -> Result<FontSettings, IpcError> {
    state
        .run(move |db| {
            Fonts::check_choice(font)?;
            db.set_document_font(font)?;
            Ok::<_, hoinghi_vanban::Error>(Fonts::settings(font))
        })
        .await
}
