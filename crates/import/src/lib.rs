//! Delegate lists from the files offices send: spreadsheets (.xlsx, .xls,
//! .ods) and CSV/text files, in any of the encodings Vietnamese offices have
//! used, read into rows a secretary can check before they join a meeting's
//! list; and the list back out as .xlsx.

mod columns;
mod error;
mod export;
pub mod legacy;
mod plan;
pub mod read;

pub use columns::field_of;
pub use error::ImportError;
pub use export::export_list;
pub use plan::{apply, preview, preview_with};
pub use read::{read, read_with, Source};
