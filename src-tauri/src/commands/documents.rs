//! Official documents: render for the preview, save where the user chose, or
//! hand to the system's PDF viewer to print. Each command reads a snapshot
//! under the store's lock, then renders it without the lock.

use hoinghi_core::model::{
    DocumentField, DocumentFieldKey, DocumentFont, DocumentFormat, DocumentKind, DocumentNumber,
    DocumentOptions, ErrorKind, FontSettings, IpcError, SavedDocument, SavedFolder,
};
use hoinghi_vanban::docs::files;
use hoinghi_vanban::docs::Snapshot;
use hoinghi_vanban::font::Fonts;
use tauri::ipc::Response;
use tauri::{AppHandle, State};
use tauri_plugin_opener::OpenerExt;

use crate::dialogs::{self, Pick};
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

/// Asks where to save in the native dialog (offering the usual name), then
/// writes the PDF there. Returns the chosen file's name; `None` when cancelled.
#[tauri::command]
pub async fn save_document(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Result<Option<String>, IpcError> {
    let snapshot = snapshot(&state, meeting_id, kind, options).await?;
    let offered = snapshot.file_name();
    let save = Pick::Save {
        title: "Lưu văn bản",
        name: offered,
        filter: dialogs::PDF,
    };
    let Some(path) = dialogs::pick(&app, &state, save).await? else {
        return Ok(None);
    };
    off_the_store(move || {
        files::save(&snapshot, &path)?;
        Ok::<_, IpcError>(Some(dialogs::file_name(&path)))
    })
    .await
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
    let folder = Pick::Folder {
        title: "Chọn thư mục lưu các văn bản",
    };
    let Some(dir) = dialogs::pick(&app, &state, folder).await? else {
        return Ok(None);
    };
    off_the_store(move || {
        Ok::<_, IpcError>(Some(SavedFolder {
            folder: dir.display().to_string(),
            documents: files::save_all(&snapshots, &dir),
        }))
    })
    .await
}

/// One invitation per invited person ("one per invitee"), into a folder chosen
/// in the native dialog; each file's outcome is reported. `None` when cancelled.
#[tauri::command]
pub async fn save_invitations(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
    options: DocumentOptions,
) -> Result<Option<SavedFolder>, IpcError> {
    let snapshot = snapshot(&state, meeting_id, DocumentKind::GiayMoi, options).await?;
    let folder = Pick::Folder {
        title: "Chọn thư mục lưu giấy mời",
    };
    let Some(dir) = dialogs::pick(&app, &state, folder).await? else {
        return Ok(None);
    };
    off_the_store(move || {
        let documents = snapshot
            .invitations()?
            .into_iter()
            .map(|(name, pdf)| SavedDocument {
                kind: DocumentKind::GiayMoi,
                error: files::write_atomic(&dir.join(&name), &pdf)
                    .err()
                    .map(IpcError::from),
                path: name,
            })
            .collect();
        Ok::<_, IpcError>(Some(SavedFolder {
            folder: dir.display().to_string(),
            documents,
        }))
    })
    .await
}

/// Writes the PDF into the app's private print folder and opens it in the
/// system's viewer, from which the user prints. Returns the file's name.
#[tauri::command]
pub async fn print_document(
    app: AppHandle,
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Result<String, IpcError> {
    let snapshot = snapshot(&state, meeting_id, kind, options).await?;
    let dir = state.print_dir.clone();
    let path = off_the_store(move || {
        let pdf = snapshot.render()?;
        Ok::<_, IpcError>(crate::print::write_private(&dir, kind.as_str(), &pdf)?)
    })
    .await?;
    app.opener()
        .open_path(path.display().to_string(), None::<&str>)
        .map_err(|e| {
            IpcError::new(
                ErrorKind::Io,
                format!(
                    "Đã tạo tệp để in nhưng không mở được trình xem PDF. Hãy cài một trình xem \
                     PDF rồi thử lại.\nChi tiết: {e}"
                ),
            )
        })?;
    Ok(dialogs::file_name(&path))
}

/// The format and date the document comes out with for these options (a
/// Party body's format follows the date), for the Văn bản tab to show.
#[tauri::command]
pub async fn document_format(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    options: DocumentOptions,
) -> Result<DocumentFormat, IpcError> {
    state
        .run(move |db| hoinghi_vanban::docs::document_format(db, &meeting_id, kind, &options))
        .await
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

/// The số and ngày ban hành given to the documents of a meeting.
#[tauri::command]
pub async fn document_numbers(
    state: State<'_, AppState>,
    meeting_id: String,
) -> Result<Vec<DocumentNumber>, IpcError> {
    state.run(move |db| db.document_numbers(&meeting_id)).await
}

/// Gives a document its number and date: the chosen number, or the one it
/// has, or the next in its series.
#[tauri::command]
pub async fn issue_document_number(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
    number: Option<u32>,
    issued_on: String,
) -> Result<DocumentNumber, IpcError> {
    state
        .run(move |db| db.issue_document_number(&meeting_id, kind, number, &issued_on))
        .await
}

/// Takes a document's number back (it is not suggested again).
#[tauri::command]
pub async fn cancel_document_number(
    state: State<'_, AppState>,
    meeting_id: String,
    kind: DocumentKind,
) -> Result<(), IpcError> {
    state
        .run(move |db| db.cancel_document_number(&meeting_id, kind))
        .await
}

/// The register of outgoing documents of one body.
#[tauri::command]
pub async fn document_register(
    state: State<'_, AppState>,
    organisation_id: String,
) -> Result<Vec<DocumentNumber>, IpcError> {
    state
        .run(move |db| db.document_register(&organisation_id))
        .await
}

/// Saves the register as a PDF where the secretary chooses in the native
/// dialog. `None` when she cancels.
#[tauri::command]
pub async fn save_register(
    app: AppHandle,
    state: State<'_, AppState>,
    organisation_id: String,
) -> Result<Option<String>, IpcError> {
    let created = chrono::Utc::now().naive_utc();
    let bytes = state
        .run(move |db| {
            hoinghi_vanban::docs::so_van_ban::register_pdf(db, &organisation_id, created)
        })
        .await?;
    let save = Pick::Save {
        title: "Lưu sổ đăng ký văn bản đi",
        name: format!("so-van-ban-di-{}.pdf", created.format("%Y-%m-%d")),
        filter: dialogs::PDF,
    };
    let Some(path) = dialogs::pick(&app, &state, save).await? else {
        return Ok(None);
    };
    off_the_store(move || {
        files::write_atomic(&path, &bytes)?;
        Ok::<_, IpcError>(Some(dialogs::file_name(&path)))
    })
    .await
}
