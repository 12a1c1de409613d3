use std::path::PathBuf;

/// The committed TypeScript bindings must be exactly what the model generates.
/// Set UPDATE_BINDINGS=1 (or run `cargo xtask bindings`) to rewrite them.
#[test]
fn typescript_bindings_are_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/bindings.ts");
    let generated = hoinghi_core::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &generated).expect("bindings.ts is writable");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "ui/src/ipc/bindings.ts is out of date with crates/core/src/model.rs; run `cargo xtask bindings`"
    );
}
