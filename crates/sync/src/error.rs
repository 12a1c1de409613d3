use hoinghi_core::CoreError;
use thiserror::Error;

/// Why an exchange with another laptop failed. The messages are for the
/// secretary: what happened, and that nothing was changed.
#[derive(Debug, Error)]
pub enum SyncError {
    /// The other side does not share a meeting under this pairing code.
    #[error(
        "Máy kia không nhận mã ghép nối này: mã sai, mã mời 6 chữ đã hết hạn, hoặc hội nghị chưa \
         được chia sẻ trên máy đó. Không có gì được gửi hay nhận. Hãy kiểm tra lại mã trên máy \
         chủ trì."
    )]
    NotPaired,

    /// The other side speaks another version (or refused for a reason it gave).
    #[error("Máy kia từ chối trao đổi: {0} Không có gì thay đổi trên hai máy.")]
    Refused(String),

    /// A message failed to decrypt: changed on the way, replayed or out of order.
    #[error(
        "Một gói tin nhận được đã bị sửa, gửi lại hoặc sai thứ tự nên phiên trao đổi bị huỷ; \
         những gì chưa trao đổi xong không được ghi."
    )]
    Tampered,

    #[error("Không kết nối được với máy kia hoặc kết nối bị ngắt.\nChi tiết: {0}")]
    Network(#[from] std::io::Error),

    #[error("Máy kia gửi dữ liệu không đúng giao thức của HoiNghi.\nChi tiết: {0}")]
    Protocol(String),

    #[error(transparent)]
    Store(#[from] CoreError),
}

/// A failed exchange as the window shows it.
impl From<SyncError> for hoinghi_core::model::IpcError {
    fn from(e: SyncError) -> Self {
        use hoinghi_core::model::{ErrorKind, IpcError};
        match e {
            SyncError::Store(e) => e.into(),
            SyncError::Network(_) => IpcError::new(ErrorKind::Io, e.to_string()),
            other => IpcError::new(ErrorKind::Conflict, other.to_string()),
        }
    }
}

impl SyncError {
    pub(crate) fn noise(e: snow::Error) -> Self {
        SyncError::Protocol(e.to_string())
    }
}

pub type Result<T, E = SyncError> = std::result::Result<T, E>;
