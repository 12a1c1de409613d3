//! Official documents: render for the preview, save where the user chose, or
//! hand to the system's PDF viewer to print.

use std::path::PathBuf;

use hoinghi_core::model::{
    DocumentField, DocumentFont, DocumentKind, DocumentOptions, FontSettings, IpcError,
};
use hoinghi_core::CoreError;
use hoinghi_vanban::docs;
use hoinghi_vanban::font::Fonts;
use tauri::ipc::Response;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::state::AppState;

/// The PDF bytes, sent raw (an ArrayBuffer on the JS side, not a JSON array).
#[tauri::command]
pub async fn render_document(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Result<Response, IpcError> {
    let pdf = state
        .run(move |db| docs::export(db, &meeting_id, kind, &options))
        .await?;
    Ok(Response::new(pdf))
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
    let pdf = state
        .run(move |db| docs::export(db, &meeting_id, kind, &options))
        .await?;
    write(&PathBuf::from(path), &pdf)
}

/// Writes one invitation per invited person into `dir`; returns the paths.
#[tauri::command]
pub async fn save_invitations(
    state: State<'_, AppState>,
    meeting_id: String,
    options: DocumentOptions,
    dir: String,
) -> Result<Vec<String>, IpcError> {
    let files = state
        .run(move |db| docs::export_invitations(db, &meeting_id, &options))
        .await?;
    let mut written = Vec::with_capacity(files.len());
    for (name, pdf) in files {
        let path = PathBuf::from(&dir).join(name);
        write(&path, &pdf)?;
        written.push(path.display().to_string());
    }
    Ok(written)
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
    let pdf = state
        .run(move |db| docs::export(db, &meeting_id, kind, &options))
        .await?;
    let dir = std::env::temp_dir().join("hoinghi");
    std::fs::create_dir_all(&dir).map_err(|e| IpcError::from(CoreError::Io(e)))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let path = dir.join(format!("{}-{stamp}.pdf", kind.as_str()));
    write(&path, &pdf)?;
    let shown = path.display().to_string();
    app.opener()
        .open_path(shown.clone(), None::<&str>)
        .map_err(|e| IpcError {
            kind: "io".into(),
            message: format!("Đã lưu {shown} nhưng không mở được trình xem PDF: {e}"),
        })?;
    Ok(shown)
}

fn write(path: &PathBuf, pdf: &[u8]) -> Result<(), IpcError> {
    std::fs::write(path, pdf).map_err(|e| IpcError {
        kind: "io".into(),
        message: format!(
            "Không ghi được tệp {}: {e}. Hãy chọn thư mục khác hoặc kiểm tra dung lượng đĩa.",
            path.display()
        ),
    })
}

/// The editable text of a document: what is generated and what was edited.
#[tauri::command]
pub async fn document_fields(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Result<Vec<DocumentField>, IpcError> {
    state
        .run(move |db| docs::document_fields(db, &meeting_id, kind, &options))
        .await
}

#[tauri::command]
pub async fn set_document_text(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    field: String,
    text: String,
) -> Result<(), IpcError> {
    state
        .run(move |db| db.set_document_text(&meeting_id, kind, &field, &text))
        .await
}

/// Goes back to the generated text of one field.
#[tauri::command]
pub async fn reset_document_text(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    field: String,
) -> Result<(), IpcError> {
    state
        .run(move |db| db.reset_document_text(&meeting_id, kind, &field))
        .await
}

#[tauri::command]
pub async fn get_font_settings(state: State<'_, AppState>) -> Result<FontSettings, IpcError> {
    state.run(font_settings).await
}

/// Chooses the typeface of documents (Times New Roman only if installed).
#[tauri::command]
pub async fn set_document_font(
    state: State<'_, AppState>,
    font: DocumentFont,
) -> Result<FontSettings, IpcError> {
    state
        .run(move |db| {
            if font == DocumentFont::TimesNewRoman && Fonts::times_new_roman().is_none() {
                return Err(IpcError {
                    kind: "invalid".into(),
                    message: "Máy này chưa cài phông Times New Roman (đủ 4 kiểu chữ); văn bản vẫn dùng Liberation Serif, cùng kích thước chữ.".into(),
                });
            }
            db.set_document_font(font).map_err(IpcError::from)?;
            font_settings(db).map_err(IpcError::from)
        })
        .await
}

fn font_settings(db: &mut hoinghi_core::Db) -> Result<FontSettings, CoreError> {
    Ok(FontSettings {
        font: db.document_font()?,
        times_new_roman_available: Fonts::times_new_roman().is_some(),
    })
}
