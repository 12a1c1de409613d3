//! Why a file could not be imported, in words a secretary can act on.

use hoinghi_core::model::{ErrorKind, IpcError};
use hoinghi_core::CoreError;
use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("Tệp rỗng, không có gì để nhập.")]
    Empty,

    #[error(
        "Tệp quá lớn ({megabytes} MB). HoiNghi nhận tệp danh sách đến 50 MB; hãy bỏ các trang \
         tính không cần rồi lưu lại."
    )]
    TooLarge { megabytes: usize },

    #[error(
        "Tệp này được đặt mật khẩu nên không đọc được. Hãy mở nó bằng Excel, bỏ mật khẩu \
         (Tệp → Thông tin → Bảo vệ sổ làm việc), lưu lại rồi nhập."
    )]
    Encrypted,

    #[error(
        "Tệp này không phải bảng tính (.xlsx, .xls, .ods) hay tệp văn bản (.csv, .txt) nên không \
         nhập được."
    )]
    NotAList,

    #[error(
        "Không đọc được tệp {format}: có thể tệp bị hỏng hoặc chưa tải về hết. Hãy mở thử bằng \
         Excel, lưu lại rồi nhập.\nChi tiết: {detail}"
    )]
    Unreadable {
        format: &'static str,
        detail: String,
    },

    #[error("Tệp không có trang tính \"{0}\".")]
    NoSuchSheet(String),

    #[error(
        "Không tìm thấy cột họ và tên. Hãy chọn cột nào là \"Họ và tên\" (hoặc \"Họ\" và \"Tên\")."
    )]
    NoNameColumn,

    #[error("Không có dòng nào để nhập.")]
    NothingToImport,

    #[error("Đã huỷ; danh sách không thay đổi.")]
    Cancelled,

    /// The .xlsx of a list could not be made (nothing was written).
    #[error("Không tạo được tệp Excel của danh sách; chưa ghi gì.\nChi tiết: {0}")]
    Export(String),

    #[error(transparent)]
    Core(#[from] CoreError),
}

impl From<ImportError> for IpcError {
    fn from(e: ImportError) -> Self {
        match e {
            ImportError::Core(e) => e.into(),
            e => IpcError::new(ErrorKind::Invalid, e.to_string()),
        }
    }
}
