//! HoiNghi's core: the domain model and the SQLite store.
//!
//! This crate must never depend on Tauri: the desktop shell, the CLI and the
//! tests all drive the same `Db` API, and its tests stay fast.

pub mod backup;
mod clock;
mod db;
pub mod demo;
mod error;
pub mod model;
pub mod portable;
pub mod search;
mod store;
mod text;

pub mod bindings;

pub use clock::{local_now, DEFAULT_TIME_ZONE};
pub use db::{Db, APPLICATION_ID, SCHEMA_VERSION};
pub use error::{CoreError, Result};
pub use store::sharing::{
    Batch, Change, ChangeFeed, ChangeValue, CrSqlite, Peer, PeerRecord, SharedMeeting,
};
pub use text::{drawable, fold, place_tone_marks, sort_key, DRAWABLE, MAX_LINE, MAX_TEXT};
