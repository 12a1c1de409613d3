//! Tauri's build step. The config lives at the repository root; capabilities
//! and permissions live under src-tauri/.

use tauri_build::{AppManifest, Attributes};

// Reads the list that lib.rs also registers, so the two cannot drift apart.
include!("src/command_names.rs");

fn main() {
    println!("cargo:rerun-if-changed=src-tauri/capabilities");
    println!("cargo:rerun-if-changed=src-tauri/src/command_names.rs");
    let attributes = Attributes::new()
        .capabilities_path_pattern("./src-tauri/capabilities/**/*")
        .app_manifest(AppManifest::new().commands(COMMANDS));
    if let Err(e) = tauri_build::try_build(attributes) {
        panic!("tauri build step failed: {e:#}");
    }
}
