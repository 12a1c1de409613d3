//! Official Vietnamese documents as PDF: a small typesetting engine (`layout`),
//! the ND30 / HD36 format profiles (`profile`), the conference documents
//! (`docs`) and the PDF writer (`pdf`). No Tauri here.

pub mod docs;
mod error;
pub mod font;
pub mod layout;
pub mod pdf;
pub mod profile;

pub use error::{Error, Result};
