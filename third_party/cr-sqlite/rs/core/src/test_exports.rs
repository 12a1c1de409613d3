pub use crate::bootstrap;
pub use crate::c;
pub use crate::db_version;
pub use crate::pack_columns;
pub use crate::tableinfo;
