//! Builds cr-sqlite from `third_party/cr-sqlite` as a loadable extension for
//! the target being built (`crsqlite.so` on Linux, `crsqlite.dll` on Windows):
//! its Rust part with the same Cargo (a static library, own target folder
//! under `OUT_DIR`), its C part with the target's C compiler, linked into one
//! shared library that exports only `sqlite3_crsqlite_init`.
//!
//! The library is copied beside the binaries of the profile being built
//! (`target/<profile>/`), where the app and `hoinghi-cli` look for it, and its
//! path is compiled in for the tests (`HOINGHI_CRSQLITE_BUILT`).

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let manifest = PathBuf::from(env("CARGO_MANIFEST_DIR"));
    let vendored = manifest.join("../../third_party/cr-sqlite");
    let out = PathBuf::from(env("OUT_DIR"));
    let target = env("TARGET");
    let windows = target.contains("windows");
    println!("cargo:rerun-if-changed={}", vendored.display());

    let rust_lib = build_rust_part(&vendored.join("rs/bundle"), &out, &target);
    let name = if windows {
        "crsqlite.dll"
    } else {
        "crsqlite.so"
    };
    let library = out.join(name);
    link(&vendored, &rust_lib, &library, windows);

    // OUT_DIR is target/[<triple>/]<profile>/build/<package>-<hash>/out.
    if let Some(profile_dir) = out.ancestors().nth(3) {
        copy_beside(&library, &profile_dir.join(name));
    }
    println!(
        "cargo:rustc-env=HOINGHI_CRSQLITE_BUILT={}",
        library.display()
    );
}

/// Puts the library at `beside` by renaming a complete copy over it: a
/// program (or test) running from that folder may have the old one mapped,
/// and rewriting a mapped library in place makes that program crash. An
/// identical library is left alone.
fn copy_beside(library: &Path, beside: &Path) {
    let built = std::fs::read(library).expect("reading the library just linked");
    if std::fs::read(beside).is_ok_and(|old| old == built) {
        return;
    }
    let partial = beside.with_extension("partial");
    std::fs::write(&partial, &built)
        .and_then(|()| std::fs::rename(&partial, beside))
        .unwrap_or_else(|e| panic!("copying {} to {}: {e}", library.display(), beside.display()));
}

fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("{name} is not set"))
}

/// `cargo rustc` of the vendored bundle crate as a static library. The outer
/// build's flags are not passed on: the vendored crates have their own
/// profile (panic = abort) and lock file.
fn build_rust_part(bundle: &Path, out: &Path, target: &str) -> PathBuf {
    let target_dir = out.join("rs");
    let mut cargo = Command::new(env("CARGO"));
    cargo
        .current_dir(bundle)
        .args(["rustc", "--release", "--locked", "--quiet"])
        .args([
            "--features",
            "loadable_extension",
            "--crate-type",
            "staticlib",
        ])
        .args(["--target", target])
        .arg("--target-dir")
        .arg(&target_dir)
        .env("CRSQLITE_COMMIT_SHA", "v0.16.3")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET")
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .env_remove("RUSTC_WORKSPACE_WRAPPER");
    for (key, _) in std::env::vars() {
        if key.starts_with("CARGO_PROFILE_") || key.starts_with("CARGO_FEATURE_") {
            cargo.env_remove(key);
        }
    }
    let status = cargo.status().expect("running cargo for cr-sqlite");
    assert!(status.success(), "building cr-sqlite's Rust part failed");
    target_dir.join(target).join("release/libcrsql_bundle.a")
}

fn link(vendored: &Path, rust_lib: &Path, library: &Path, windows: bool) {
    let compiler = cc::Build::new()
        .opt_level(2)
        .cargo_metadata(false)
        .get_compiler();
    let mut cmd = compiler.to_command();
    cmd.arg("-std=c99")
        .arg("-shared")
        .arg("-w")
        .arg("-I")
        .arg(vendored.join("src"))
        .arg("-I")
        .arg(vendored.join("sqlite"));
    for file in ["crsqlite.c", "changes-vtab.c", "ext-data.c"] {
        cmd.arg(vendored.join("src").join(file));
    }
    cmd.arg(rust_lib).arg("-o").arg(library).arg("-s");
    if windows {
        // No libgcc DLL to ship: the DLL must load on a PC without MinGW.
        cmd.arg("-static-libgcc");
    } else {
        // Only the entry point is exported; the Rust runtime inside stays private.
        let map = Path::new(&env("OUT_DIR")).join("exports.map");
        std::fs::write(&map, "{ global: sqlite3_crsqlite_init; local: *; };\n").unwrap();
        cmd.arg("-fPIC")
            .arg(format!("-Wl,--version-script={}", map.display()))
            .arg("-Wl,--gc-sections");
    }
    let status = cmd.status().expect("running the C compiler for cr-sqlite");
    assert!(
        status.success(),
        "building cr-sqlite's C part failed: {cmd:?}"
    );
}
