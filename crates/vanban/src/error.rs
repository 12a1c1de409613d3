use hoinghi_core::model::{ErrorKind, IpcError};
use thiserror::Error;

#[derive(Debug, Error)]
pub enum Error {
    #[error("Không đọc được phông chữ: {0}")]
    Font(String),

    /// Some text has characters the font cannot draw; nothing is exported.
    #[error(
        "Phông chữ không có ký tự nên không thể xuất văn bản: {}. Hãy sửa hoặc xoá ký tự đó rồi xuất lại.",
        .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ")
    )]
    MissingGlyphs(Vec<MissingGlyph>),

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

/// A character the font cannot draw, once, where it first appears.
#[derive(Debug, Clone, PartialEq)]
pub struct MissingGlyph {
    pub ch: char,
    /// The text around it, as the document prints it.
    pub context: String,
    pub page: usize,
    /// What the text is ("Đại biểu – họ tên"), when the document can tell.
    pub field: Option<String>,
}

impl std::fmt::Display for MissingGlyph {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "\"{}\" (U+{:04X}) trong “{}” ({}trang {})",
            self.ch,
            u32::from(self.ch),
            self.context,
            self.field
                .as_deref()
                .map(|field| format!("{field}, "))
                .unwrap_or_default(),
            self.page
        )
    }
}

impl Error {
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Font(_) => ErrorKind::Font,
            Error::MissingGlyphs(_) => ErrorKind::MissingGlyphs,
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
