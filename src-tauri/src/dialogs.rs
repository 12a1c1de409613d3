//! The native save and folder dialogs, opened from Rust: the page asks for "a
//! place to save this", never names a path, and learns only what was chosen.
//! Nothing is written into HoiNghi's own data folder, whatever is chosen.

use std::path::{Path, PathBuf};

use hoinghi_core::model::{ErrorKind, IpcError};
use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::state::{off_the_store, AppState};

pub enum Pick {
    /// A file to save, with the name offered and its type's filter.
    Save {
        title: &'static str,
        name: String,
        filter: (&'static str, &'static [&'static str]),
    },
    Folder {
        title: &'static str,
    },
    /// An existing file to read.
    Open {
        title: &'static str,
        filter: (&'static str, &'static [&'static str]),
    },
}

pub const PDF: (&str, &[&str]) = ("PDF", &["pdf"]);
pub const MEETING_FILE: (&str, &[&str]) =
    ("Tệp hội nghị HoiNghi", &[hoinghi_core::portable::EXTENSION]);

/// Shows the dialog; `None` when the user cancels. A place to write inside
/// the data folder is refused here, so no caller can forget the check.
pub async fn pick(
    app: &AppHandle,
    state: &AppState,
    what: Pick,
) -> Result<Option<PathBuf>, IpcError> {
    let app = app.clone();
    let writes = !matches!(what, Pick::Open { .. });
    let chosen = off_the_store(move || {
        let dialog = app.dialog().file();
        Ok::<_, IpcError>(match what {
            Pick::Save {
                title,
                name,
                filter,
            } => dialog
                .set_title(title)
                .set_file_name(name)
                .add_filter(filter.0, filter.1)
                .blocking_save_file(),
            Pick::Folder { title } => dialog.set_title(title).blocking_pick_folder(),
            Pick::Open { title, filter } => dialog
                .set_title(title)
                .add_filter(filter.0, filter.1)
                .blocking_pick_file(),
        })
    })
    .await?;
    let Some(chosen) = chosen else {
        return Ok(None);
    };
    let path = chosen.into_path().map_err(|e| {
        IpcError::new(
            ErrorKind::Io,
            format!("Không dùng được nơi đã chọn.\nChi tiết: {e}"),
        )
    })?;
    if writes {
        outside_data_folder(state, &path)?;
    }
    Ok(Some(path))
}

/// Refuses a target inside the data folder: a PDF saved over the database (or
/// its backups) would destroy the secretary's records.
fn outside_data_folder(state: &AppState, target: &Path) -> Result<(), IpcError> {
    if hoinghi_core::backup::lies_within(target, state.data_dir()) {
        return Err(IpcError::new(
            ErrorKind::Invalid,
            format!(
                "Không lưu vào thư mục dữ liệu của HoiNghi ({}); hãy chọn thư mục khác, ví dụ \
                 Tài liệu (Documents).",
                state.data_dir().display()
            ),
        ));
    }
    Ok(())
}

/// The last part of a path, which is all the page is told.
pub fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}
