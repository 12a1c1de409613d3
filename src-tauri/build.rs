//! Tauri's build step. The config lives at the repository root; capabilities
//! and permissions live under src-tauri/.

use tauri_build::{AppManifest, Attributes};

// The same list that commands/mod.rs registers, so the two cannot drift apart.
include!("src/commands/list.rs");
const COMMANDS: &[&str] = with_commands!(command_names);

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/commands/list.rs");
    let attributes = Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
