use hoinghi_core::model::{ErrorKind, IpcError};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("Không đọc được phông chữ: {0}")]
    Font(String),

    /// Some text has characters the font cannot draw; nothing is exported.
    #[error(
        "Phông chữ không có các ký tự sau nên không thể xuất văn bản: {}. Hãy sửa hoặc xoá chúng rồi xuất lại.",
        .chars.iter().map(|c| format!("\"{c}\" (U+{:04X})", u32::from(*c))).collect::<Vec<_>>().join(", ")
    )]
    MissingGlyphs { chars: Vec<char> },

    #[error("Lỗi tạo PDF: {0}")]
    Pdf(String),

    #[error("Ngày ban hành \"{0}\" không hợp lệ (cần dạng năm-tháng-ngày).")]
    InvalidDate(String),

    #[error(
        "Không ghi được tệp {}: {source}. Hãy chọn thư mục khác hoặc kiểm tra dung lượng đĩa; tệp cũ (nếu có) vẫn còn nguyên.",
        .path.display()
    )]
    Write {
        path: std::path::PathBuf,
        source: std::io::Error,
    },

    /// Times New Roman was chosen on a machine that lacks it.
    #[error(
        "Máy này chưa cài phông Times New Roman (đủ 4 kiểu chữ); văn bản vẫn dùng Liberation Serif, cùng kích thước chữ."
    )]
    FontNotInstalled,

    #[error(transparent)]
    Core(#[from] hoinghi_core::CoreError),
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Font(_) => ErrorKind::Font,
            Error::MissingGlyphs { .. } => ErrorKind::MissingGlyphs,
            Error::Pdf(_) => ErrorKind::Pdf,
            Error::InvalidDate(_) | Error::FontNotInstalled => ErrorKind::Invalid,
            Error::Write { source, .. } if source.kind() == std::io::ErrorKind::StorageFull => {
                ErrorKind::DiskFull
            }
            Error::Write { .. } => ErrorKind::Io,
            Error::Core(e) => e.kind(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for IpcError {
    fn from(e: Error) -> Self {
        IpcError::new(e.kind(), e.to_string())
    }
}
