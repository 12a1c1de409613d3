// The sha of the commit that this version of crsqlite was built from.
pub const SHA: &'static str = core::env!("CRSQLITE_COMMIT_SHA");
