//! One error type for the whole core. Each variant has a stable `kind` the UI
//! branches on, and a Vietnamese message a secretary can act on: what happened,
//! what to do, and the technical detail on its own "Chi tiết" line.

use std::path::{Path, PathBuf};

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

    /// An edit made on an out-of-date copy: someone saved the record in between.
    #[error(
        "Thông tin {what} vừa được sửa ở nơi khác sau khi bạn mở nó, nên thay đổi của bạn chưa \
         được lưu (để không ghi đè lên bản mới hơn). Hãy mở lại để xem bản mới nhất rồi sửa lại."
    )]
    Stale { what: &'static str },

    /// The database was written by a newer HoiNghi; we refuse to touch it.
    #[error(
        "Tệp dữ liệu này được tạo bởi phiên bản HoiNghi mới hơn (lược đồ {found}, phiên bản này \
         chỉ hiểu đến {supported}). Hãy cập nhật HoiNghi; dữ liệu không bị thay đổi."
    )]
    NewerDatabase { found: i64, supported: i64 },

    /// A read-only open found a file that must first be upgraded by the app.
    #[error(
        "Tệp dữ liệu {} thuộc phiên bản HoiNghi cũ hơn. Hãy mở nó bằng ứng dụng HoiNghi một lần \
         (ứng dụng sẽ sao lưu rồi nâng cấp), sau đó làm lại; tệp không bị thay đổi.",
        .path.display()
    )]
    OlderDatabase { path: PathBuf },

    #[error(
        "Tệp {} không phải tệp dữ liệu HoiNghi nên không được mở; tệp không bị thay đổi.\nChi tiết: {detail}",
        .path.display()
    )]
    NotHoiNghi { path: PathBuf, detail: String },

    /// Another HoiNghi (a window or the command line) holds the file.
    #[error(
        "Tệp dữ liệu {} đang được mở ở cửa sổ HoiNghi khác. Hãy dùng cửa sổ đó, hoặc đóng nó rồi \
         thử lại.",
        .path.display()
    )]
    InUse { path: PathBuf },

    /// The file was deleted or replaced while open; nothing more is written.
    #[error(
        "Tệp dữ liệu {} đã bị xoá hoặc bị thay thế trong khi HoiNghi đang chạy, nên thay đổi vừa \
         rồi CHƯA được lưu. HoiNghi ngừng nhận sửa đổi; hãy bấm \"Lưu bản cứu hộ\" để ghi toàn bộ \
         dữ liệu đang mở ra một tệp mới.",
        .path.display()
    )]
    DatabaseLost { path: PathBuf },

    #[error("Tệp dữ liệu đang được mở chỉ để đọc nên không thể ghi.")]
    ReadOnly,

    /// The meeting was closed: its list, attendance, agenda and minutes are
    /// kept as they were until someone reopens it (a recorded act).
    #[error(
        "Hội nghị đã kết thúc nên hồ sơ (danh sách, điểm danh, chương trình, biên bản) đã được \
         khoá; thay đổi vừa rồi chưa được lưu. Muốn sửa, hãy mở lại hội nghị ở thẻ Thông tin \
         (việc mở lại được ghi vào lịch sử)."
    )]
    MeetingClosed,

    /// The database could not be opened (a folder without write access, say).
    #[error(
        "Không mở được tệp dữ liệu {}. Hãy kiểm tra thư mục có tồn tại và cho phép ghi không \
         (hoặc chọn thư mục khác).\nChi tiết: {source}",
        .path.display()
    )]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },

    #[error("{}\nChi tiết: {}", storage_message(.0), .0)]
    Storage(#[from] rusqlite::Error),

    #[error(
        "Không đọc/ghi được {}. Hãy kiểm tra thư mục có tồn tại, cho phép ghi và còn chỗ trống.\nChi tiết: {source}",
        .path.display()
    )]
    File {
        path: PathBuf,
        source: std::io::Error,
    },

    /// The merging engine of shared meetings could not be loaded.
    #[error(
        "Không nạp được thành phần làm việc nhóm (cr-sqlite) nên tệp dữ liệu có hội nghị dùng \
         chung chưa ghi được; dữ liệu không bị thay đổi. Hãy cài lại HoiNghi.\nChi tiết: {detail}"
    )]
    Engine { detail: String },

    #[error("Lỗi đọc/ghi tệp.\nChi tiết: {0}")]
    Io(#[from] std::io::Error),
}

/// What a failed statement means for the user. Only where SQLite guarantees
/// it (the transaction was rolled back) do we say earlier data is intact.
fn storage_message(e: &rusqlite::Error) -> &'static str {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(DiskFull) => {
            "Ổ đĩa đã đầy nên thay đổi vừa rồi chưa được lưu; những gì đã lưu trước đó vẫn còn \
             nguyên. Hãy giải phóng dung lượng rồi thử lại."
        }
        Some(DatabaseCorrupt | NotADatabase) => {
            "Tệp dữ liệu bị hỏng nên thay đổi vừa rồi chưa được lưu. Hãy khôi phục từ một bản sao \
             lưu (Cài đặt → Sao lưu)."
        }
        Some(ReadOnly | CannotOpen | PermissionDenied) => {
            "Không ghi được vào tệp dữ liệu (thư mục chỉ đọc hoặc không có quyền), nên thay đổi \
             vừa rồi chưa được lưu. Hãy kiểm tra quyền của thư mục dữ liệu."
        }
        Some(DatabaseBusy | DatabaseLocked) => {
            "Tệp dữ liệu đang bận nên thay đổi vừa rồi chưa được lưu. Hãy thử lại sau giây lát."
        }
        _ => "Lỗi lưu trữ dữ liệu; thay đổi vừa rồi chưa được lưu.",
    }
}

impl CoreError {
    /// A stable, machine-readable name for the UI (never match on messages).
    pub fn kind(&self) -> ErrorKind {
        match self {
            CoreError::Invalid { .. } => ErrorKind::Invalid,
            CoreError::NotFound { .. } => ErrorKind::NotFound,
            CoreError::MeetingClosed => ErrorKind::MeetingClosed,
            CoreError::Conflict(_) | CoreError::Stale { .. } => ErrorKind::Conflict,
            CoreError::NewerDatabase { .. } => ErrorKind::NewerDatabase,
            CoreError::OlderDatabase { .. } | CoreError::NotHoiNghi { .. } => ErrorKind::NotHoiNghi,
            CoreError::InUse { .. } => ErrorKind::InUse,
            CoreError::DatabaseLost { .. } => ErrorKind::DatabaseLost,
            CoreError::ReadOnly | CoreError::Open { .. } | CoreError::Engine { .. } => {
                ErrorKind::Storage
            }
            CoreError::Storage(e) if is_disk_full(e) => ErrorKind::DiskFull,
            CoreError::Storage(_) => ErrorKind::Storage,
            CoreError::File { source, .. } | CoreError::Io(source)
                if source.kind() == std::io::ErrorKind::StorageFull =>
            {
                ErrorKind::DiskFull
            }
            CoreError::File { .. } | CoreError::Io(_) => ErrorKind::Io,
        }
    }

    pub(crate) fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        CoreError::Invalid {
            field,
            message: message.into(),
        }
    }

    pub(crate) fn open(path: &Path, source: rusqlite::Error) -> Self {
        CoreError::Open {
            path: path.to_path_buf(),
            source,
        }
    }

    pub(crate) fn folder(path: &Path, source: std::io::Error) -> Self {
        CoreError::File {
            path: path.to_path_buf(),
            source,
        }
    }
}

fn is_disk_full(e: &rusqlite::Error) -> bool {
    e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
