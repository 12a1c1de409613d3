//! One error type for the whole core. Each variant has a stable `kind` the UI
//! branches on, and a Vietnamese message a secretary can act on.

use thiserror::Error;

use crate::model::ErrorKind;

#[derive(Debug, Error)]
pub enum CoreError {
    /// The user typed something the store will not accept; nothing was written.
    #[error("{message}")]
    Invalid {
        field: &'static str,
        message: String,
    },

    #[error("Không tìm thấy {what} (mã {id}). Có thể bản ghi đã bị xoá.")]
    NotFound { what: &'static str, id: String },

    #[error("{0}")]
    Conflict(String),

    /// The database was written by a newer HoiNghi; we refuse to touch it.
    #[error(
        "Tệp dữ liệu này được tạo bởi phiên bản HoiNghi mới hơn (lược đồ {found}, phiên bản này \
         chỉ hiểu đến {supported}). Hãy cập nhật HoiNghi; dữ liệu không bị thay đổi."
    )]
    NewerDatabase { found: i64, supported: i64 },

    #[error("Lỗi lưu trữ dữ liệu: {0}. Dữ liệu đã lưu trước đó không bị ảnh hưởng.")]
    Storage(#[from] rusqlite::Error),

    #[error("Lỗi đọc/ghi tệp: {0}")]
    Io(#[from] std::io::Error),
}

impl CoreError {
    /// A stable, machine-readable name for the UI (never match on messages).
    pub fn kind(&self) -> ErrorKind {
        match self {
            CoreError::Invalid { .. } => ErrorKind::Invalid,
            CoreError::NotFound { .. } => ErrorKind::NotFound,
            CoreError::Conflict(_) => ErrorKind::Conflict,
            CoreError::NewerDatabase { .. } => ErrorKind::NewerDatabase,
            CoreError::Storage(e) if is_disk_full(e) => ErrorKind::DiskFull,
            CoreError::Storage(_) => ErrorKind::Storage,
            CoreError::Io(_) => ErrorKind::Io,
        }
    }

    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        CoreError::Invalid {
            field,
            message: message.into(),
        }
    }
}

fn is_disk_full(e: &rusqlite::Error) -> bool {
    matches!(
        e,
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::DiskFull
    )
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
