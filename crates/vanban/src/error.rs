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

    #[error(transparent)]
    Core(#[from] hoinghi_core::CoreError),
}

impl Error {
    pub fn kind(&self) -> &'static str {
        match self {
            Error::Font(_) => "font",
            Error::MissingGlyphs { .. } => "missingGlyphs",
            Error::Pdf(_) => "pdf",
            Error::InvalidDate(_) => "invalid",
            Error::Core(e) => e.kind(),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl From<Error> for hoinghi_core::model::IpcError {
    fn from(e: Error) -> Self {
        hoinghi_core::model::IpcError {
            kind: e.kind().to_string(),
            message: e.to_string(),
        }
    }
}
