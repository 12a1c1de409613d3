//! Project tasks, so that a newcomer (and CI) needs exactly two commands:
//!
//!   cargo xtask run    set up what is missing, then open the app (with the demo conference)
//!   cargo xtask test   set up what is missing, then run every check and test
//!
//! Also: `cargo xtask setup [--test]`, `cargo xtask bindings`,
//! `cargo xtask package` (the .deb, the .rpm and, when the target is
//! installed, the Windows program, into target/package/) and
//! `cargo xtask icons` (the icon set, from assets/icons/hoinghi.svg).

use std::env;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

/// Debian/Ubuntu packages needed to build the app.
const BUILD_PACKAGES: &[&str] = &[
    "build-essential",
    "pkg-config",
    "libwebkit2gtk-4.1-dev",
    "libssl-dev",
    "libxdo-dev",
    "libayatana-appindicator3-dev",
    "librsvg2-dev",
];
/// And to test: the end-to-end tests in a virtual display (xdotool answers the native file
/// dialog there), the golden page images (pdftoppm), the LAN discovery test in a network
/// namespace of its own (unshare, ip).
const TEST_PACKAGES: &[&str] = &[
    "xvfb",
    "xauth",
    "webkit2gtk-driver",
    "xdotool",
    "poppler-utils",
    "util-linux",
    "iproute2",
];

mod wine;

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("run") => run(),
        Some("test") => test(),
        Some("setup") => setup(args.iter().any(|a| a == "--test")),
        Some("bindings") => bindings(),
        Some("package") => package(),
        Some("icons") => icons(),
        Some("goldens") => goldens(),
        Some("windows") => windows(),
        _ => {
            eprintln!(
                "usage: cargo xtask <run | test | setup [--test] | bindings | goldens | package | \
                 icons | windows>"
            );
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the repository")
        .to_path_buf()
}

fn run() -> Result {
    setup(false)?;
    println!("xtask: starting HoiNghi (Vite dev server + Tauri window)…");
    npx(&["tauri", "dev"])
}

fn test() -> Result {
    setup(true)?;
    let mut steps: Vec<(&str, &dyn Fn() -> Result)> = vec![
        ("rustfmt", &|| cargo(&["fmt", "--all", "--check"])),
        ("clippy", &|| {
            cargo(&[
                "clippy",
                "--workspace",
                "--all-targets",
                "--locked",
                "--",
                "-D",
                "warnings",
            ])
        }),
        ("rust tests", &|| {
            cargo(&["test", "--workspace", "--locked"])
        }),
        ("typescript", &|| npm(&["run", "typecheck"])),
        ("ui lint", &|| npm(&["run", "lint"])),
        ("ui tests", &|| npm(&["run", "test:ui"])),
        ("end-to-end", &e2e),
        ("linux packages", &linux_packages),
    ];
    if windows_build_ready() {
        steps.push(("windows build", &windows));
    } else {
        println!(
            "xtask: the Windows build is skipped: `rustup target add {WINDOWS_TARGET}` enables it \
             (.ci/run does)"
        );
    }
    let mut failed = Vec::new();
    for (name, step) in &steps {
        println!("\n==> {name}");
        if let Err(e) = step() {
            eprintln!("xtask: {name} failed: {e}");
            failed.push(*name);
        }
    }
    println!(
        "\nsteps: {} passed, {} failed",
        steps.len() - failed.len(),
        failed.len()
    );
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!("failed: {}", failed.join(", ")))
    }
}

/// Builds the .deb and .rpm (release, UI bundled in) with Tauri's bundler;
/// returns their paths.
fn linux_bundles() -> Result<Vec<PathBuf>> {
    // cr-sqlite's library (built beside the program by crates/crsqlite) goes
    // where the app looks for it on Linux (src-tauri/src/lib.rs).
    let library = target_dir().join("release").join("crsqlite.so");
    let files = format!(
        "{{{CRSQLITE_INSTALLED:?}: {:?}}}",
        library.to_string_lossy()
    );
    let config = format!(
        r#"{{"bundle": {{"linux": {{"deb": {{"files": {files}}}, "rpm": {{"files": {files}}}}}}}}}"#
    );
    npx(&[
        "tauri",
        "build",
        "--bundles",
        "deb",
        "rpm",
        "--config",
        &config,
    ])?;
    let bundle = target_dir().join("release").join("bundle");
    let mut found = Vec::new();
    for (dir, ext) in [("deb", "deb"), ("rpm", "rpm")] {
        let entries = std::fs::read_dir(bundle.join(dir)).map_err(|e| format!("{dir}: {e}"))?;
        found.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == ext)),
        );
    }
    Ok(found)
}

/// Test step: builds the packages, unpacks the .deb as dpkg would install it
/// and checks what a secretary's PC gets: the program, its menu entry (in
/// Vietnamese and English) with its icon, the fonts and their licence; then
/// starts the installed program on a fresh data folder until it has created
/// its database.
fn linux_packages() -> Result {
    let bundles = linux_bundles()?;
    let deb = bundles
        .iter()
        .find(|p| p.extension().is_some_and(|x| x == "deb"))
        .ok_or("no .deb was built")?;
    let scratch = env::temp_dir().join(format!("hoinghi-deb-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let unpacked = scratch.join("root");
    status(Command::new("dpkg").arg("-x").arg(deb).arg(&unpacked))?;
    let result = check_unpacked(&unpacked, &scratch.join("data"));
    let _ = std::fs::remove_dir_all(&scratch);
    result?;
    println!("xtask: {} installs and starts", deb.display());
    Ok(())
}

fn check_unpacked(root: &Path, data: &Path) -> Result {
    let need = |rel: &str| -> Result<PathBuf> {
        let path = root.join(rel);
        if path.exists() {
            Ok(path)
        } else {
            Err(format!("the .deb lacks /{rel}"))
        }
    };
    let binary = need("usr/bin/hoinghi")?;
    let desktop = std::fs::read_to_string(need("usr/share/applications/HoiNghi.desktop")?)
        .map_err(|e| e.to_string())?;
    for line in [
        "Name=HoiNghi",
        "GenericName[vi]=Thư ký hội nghị",
        "Exec=hoinghi",
        "Icon=hoinghi",
    ] {
        if !desktop.lines().any(|l| l == line) {
            return Err(format!("the menu entry lacks \"{line}\":\n{desktop}"));
        }
    }
    need("usr/share/icons/hicolor/128x128/apps/hoinghi.png")?;
    let library = std::fs::read(need(CRSQLITE_INSTALLED.trim_start_matches('/'))?)
        .map_err(|e| e.to_string())?;
    check_library(&library, b"\x7fELF")?;
    let licence = std::fs::read_to_string(need("usr/share/doc/hoinghi/LICENSE-OFL.txt")?)
        .map_err(|e| e.to_string())?;
    if !licence.contains("SIL OPEN FONT LICENSE") {
        return Err("LICENSE-OFL.txt is not the font's licence".into());
    }
    let program = std::fs::read(&binary).map_err(|e| e.to_string())?;
    let font = b"Liberation Serif";
    if !program.windows(font.len()).any(|w| w == font) {
        return Err("the program does not carry its fonts".into());
    }
    start_once(&binary, data)
}

/// Starts `binary` in its own virtual display with `HOINGHI_DATA_DIR=data`
/// and waits (at most a minute) until it has written its database.
fn start_once(binary: &Path, data: &Path) -> Result {
    let display = format!(":{}", 90 + std::process::id() % 100);
    let mut xvfb = Command::new("Xvfb")
        .args([
            display.as_str(),
            "-screen",
            "0",
            "1366x768x24",
            "-nolisten",
            "tcp",
        ])
        .spawn()
        .map_err(|e| format!("cannot start Xvfb: {e}"))?;
    std::thread::sleep(std::time::Duration::from_secs(1));
    let app = Command::new(binary)
        .env("DISPLAY", &display)
        .env("HOINGHI_DATA_DIR", data)
        .spawn();
    let db = data.join("hoinghi.db");
    let outcome = match app {
        Err(e) => Err(format!("cannot start {}: {e}", binary.display())),
        Ok(mut app) => {
            let mut waited = 0;
            let outcome = loop {
                if db.is_file() {
                    break Ok(());
                }
                if let Ok(Some(code)) = app.try_wait() {
                    break Err(format!(
                        "{} exited with {code} before writing its data",
                        binary.display()
                    ));
                }
                if waited >= 600 {
                    break Err(format!(
                        "{} wrote no database within a minute",
                        binary.display()
                    ));
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
                waited += 1;
            };
            let _ = app.kill();
            let _ = app.wait();
            outcome
        }
    };
    let _ = xvfb.kill();
    let _ = xvfb.wait();
    outcome
}

/// The icon files the bundles use (tauri.conf.json), all made by `tauri icon`
/// from the one source drawing.
const ICON_SOURCE: &str = "assets/icons/hoinghi.svg";
const ICON_FILES: &[&str] = &[
    "32x32.png",
    "128x128.png",
    "128x128@2x.png",
    "icon.png",
    "icon.ico",
];

/// `cargo xtask icons`: redraws src-tauri/icons/ from assets/icons/hoinghi.svg.
fn icons() -> Result {
    setup(false)?;
    let scratch = env::temp_dir().join(format!("hoinghi-icons-{}", std::process::id()));
    let source = root().join(ICON_SOURCE);
    let out = scratch.to_string_lossy().into_owned();
    npx(&["tauri", "icon", &source.to_string_lossy(), "--output", &out])?;
    for name in ICON_FILES {
        let to = root().join("src-tauri/icons").join(name);
        std::fs::copy(scratch.join(name), &to).map_err(|e| format!("{}: {e}", to.display()))?;
        println!("xtask: wrote {}", to.display());
    }
    let _ = std::fs::remove_dir_all(&scratch);
    Ok(())
}

/// `cargo xtask package`: everything this machine can build, in one folder.
fn package() -> Result {
    setup(false)?;
    let out = target_dir().join("package");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).map_err(|e| e.to_string())?;
    let mut made = linux_bundles()?;
    if windows_build_ready() {
        let dir = windows_program("release")?;
        made.push(dir.join("hoinghi.exe"));
        made.push(dir.join("WebView2Loader.dll"));
        made.push(dir.join("crsqlite.dll"));
    } else {
        println!("xtask: no Windows program: `rustup target add {WINDOWS_TARGET}` enables it");
    }
    for file in &made {
        let name = file.file_name().ok_or("a bundle without a name")?;
        std::fs::copy(file, out.join(name)).map_err(|e| format!("{}: {e}", file.display()))?;
        println!("xtask: {}", out.join(name).display());
    }
    Ok(())
}

/// The Windows target we cross-build for on Linux (Debian's MinGW links it).
const WINDOWS_TARGET: &str = "x86_64-pc-windows-gnu";

fn target_dir() -> PathBuf {
    env::var_os("CARGO_TARGET_DIR").map_or_else(|| root().join("target"), PathBuf::from)
}

/// Whether this machine can cross-build for Windows: the Rust target is
/// installed (then the MinGW linker is installed here if it is missing).
fn windows_build_ready() -> bool {
    let installed = Command::new("rustc")
        .args(["--print", "target-libdir", "--target", WINDOWS_TARGET])
        .output()
        .map(|o| {
            o.status.success() && Path::new(String::from_utf8_lossy(&o.stdout).trim()).is_dir()
        })
        .unwrap_or(false);
    if installed && cfg!(target_os = "linux") && !deb_installed("gcc-mingw-w64-x86-64") {
        if let Err(e) = install_debs(&["gcc-mingw-w64-x86-64"]) {
            eprintln!("xtask: cannot install the MinGW linker: {e}");
            return false;
        }
    }
    installed
}

/// Cross-builds the app for Windows (UI bundled in) and checks what a
/// Windows PC would need: a 64-bit PE executable that loads WebView2 through
/// WebView2Loader.dll, with that DLL beside it. Then runs the Windows
/// hoinghi-cli under Wine against the Linux one (`wine.rs`).
fn windows() -> Result {
    windows_program("dev")?;
    wine::exchange_with_linux()
}

/// The Windows build in `profile` ("dev" or "release"), checked; returns the
/// folder that holds hoinghi.exe and WebView2Loader.dll.
fn windows_program(profile: &str) -> Result<PathBuf> {
    npm(&["run", "build"])?;
    cargo(&[
        "build",
        "--target",
        WINDOWS_TARGET,
        "--profile",
        profile,
        "--package",
        "hoinghi",
        "--bin",
        "hoinghi",
        "--features",
        "custom-protocol",
        "--locked",
    ])?;
    let folder = if profile == "dev" { "debug" } else { profile };
    let dir = target_dir().join(WINDOWS_TARGET).join(folder);
    let exe = dir.join("hoinghi.exe");
    let bytes = std::fs::read(&exe).map_err(|e| format!("{}: {e}", exe.display()))?;
    check_windows_exe(&bytes).map_err(|e| format!("{}: {e}", exe.display()))?;
    let library = dir.join("crsqlite.dll");
    let dll = std::fs::read(&library).map_err(|e| format!("{}: {e}", library.display()))?;
    check_library(&dll, b"MZ").map_err(|e| format!("{}: {e}", library.display()))?;
    if !dir.join("WebView2Loader.dll").is_file() {
        return Err(format!(
            "WebView2Loader.dll is missing beside {}",
            exe.display()
        ));
    }
    println!(
        "xtask: {} is a Windows x64 program ({} MB)",
        exe.display(),
        bytes.len() >> 20
    );
    Ok(dir)
}

/// Where the Linux packages install cr-sqlite's library.
const CRSQLITE_INSTALLED: &str = "/usr/lib/hoinghi/crsqlite.so";

/// cr-sqlite's library for shared meetings: a shared library of the expected
/// kind (`magic`) with its entry point.
fn check_library(bytes: &[u8], magic: &[u8]) -> Result {
    if !bytes.starts_with(magic) {
        return Err("cr-sqlite's library is not a library for this system".into());
    }
    let entry = b"sqlite3_crsqlite_init";
    if !bytes.windows(entry.len()).any(|w| w == entry) {
        return Err("cr-sqlite's library lacks sqlite3_crsqlite_init".into());
    }
    Ok(())
}

/// A PE32+ (64-bit Windows) executable that names WebView2Loader.dll.
fn check_windows_exe(bytes: &[u8]) -> Result {
    let u32_at = |at: usize| -> Option<usize> {
        Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?) as usize)
    };
    if !bytes.starts_with(b"MZ") {
        return Err("not a Windows executable (no MZ header)".into());
    }
    let pe = u32_at(0x3c).ok_or("truncated DOS header")?;
    if bytes.get(pe..pe + 4) != Some(b"PE\0\0".as_slice()) {
        return Err("no PE signature".into());
    }
    // The optional header follows the 4-byte signature and the 20-byte file header.
    if bytes.get(pe + 24..pe + 26) != Some([0x0b, 0x02].as_slice()) {
        return Err("not PE32+ (64-bit)".into());
    }
    let needle = b"WebView2Loader.dll";
    if !bytes.windows(needle.len()).any(|w| w == needle) {
        return Err("does not load WebView2Loader.dll".into());
    }
    Ok(())
}

/// Builds the standalone app (UI bundled in) and drives its real window with
/// WebDriver (tauri-driver + WebKitWebDriver) in a virtual X display.
fn e2e() -> Result {
    npm(&["run", "build"])?;
    // Its own profile (and so its own folder, target/e2e/): `cargo xtask run`
    // builds target/debug/hoinghi to load the Vite dev server, and the two
    // binaries must never overwrite each other.
    // hoinghi-cli plays the other laptop in the team-work test.
    cargo(&[
        "build",
        "--package",
        "hoinghi",
        "--package",
        "hoinghi-cli",
        "--profile",
        "e2e",
        "--features",
        "hoinghi/custom-protocol",
        "--locked",
    ])?;
    let app = root().join(target_dir()).join("e2e").join(exe("hoinghi"));
    let cli = root()
        .join(target_dir())
        .join("e2e")
        .join(exe("hoinghi-cli"));
    // A hard limit, so that a hung window can never eat CI's whole time budget.
    let mut cmd = Command::new("timeout");
    cmd.args([
        "--kill-after=10",
        "900",
        "xvfb-run",
        "-a",
        "--server-args=-screen 0 1366x768x24",
    ])
    .args([
        "node",
        "--test",
        "--test-concurrency=1",
        "--test-force-exit",
    ])
    .arg("tests/e2e/")
    .env("HOINGHI_APP", &app)
    .env("HOINGHI_CLI", &cli)
    .env(
        "TAURI_DRIVER",
        which("tauri-driver").ok_or("tauri-driver is not installed")?,
    );
    status(&mut cmd)
}

/// Rewrites every generated file the tests compare against: the TypeScript
/// types, the UI's list of commands and the recorded contract scenarios.
fn bindings() -> Result {
    let generators: &[&[&str]] = &[
        &[
            "--package",
            "hoinghi-core",
            "--test",
            "store",
            "typescript_bindings",
        ],
        &["--package", "hoinghi", "--lib", "the_ui_list_of_commands"],
        &["--package", "hoinghi", "--test", "contract"],
    ];
    for args in generators {
        let mut cmd = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
        cmd.arg("test").args(*args).env("UPDATE_BINDINGS", "1");
        status(&mut cmd)?;
    }
    println!(
        "xtask: wrote ui/src/ipc/bindings.ts, ui/src/ipc/commands.ts and tests/contract/recorded.json"
    );
    Ok(())
}

/// Rewrites the golden page images (crates/vanban/tests/golden/) after an
/// intended layout change; review the new pictures before committing them.
fn goldens() -> Result {
    let mut cmd = Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(["test", "--package", "hoinghi-vanban", "--test", "golden"])
        .env("UPDATE_GOLDENS", "1");
    status(&mut cmd)?;
    println!("xtask: wrote crates/vanban/tests/golden/*.png; review them with git diff");
    Ok(())
}

/// Installs what is missing: system packages (Debian/Ubuntu, via apt-get),
/// npm packages, and for tests tauri-driver. Safe to run again.
fn setup(for_tests: bool) -> Result {
    if cfg!(target_os = "linux") {
        let mut wanted: Vec<&str> = BUILD_PACKAGES.to_vec();
        if for_tests {
            wanted.extend(TEST_PACKAGES);
        }
        let missing: Vec<&str> = wanted.into_iter().filter(|p| !deb_installed(p)).collect();
        if !missing.is_empty() {
            install_debs(&missing)?;
        }
    }
    let lock = root().join("package-lock.json");
    let stamp = root().join("node_modules/.package-lock.json");
    if !stamp.exists() || modified(&lock) > modified(&stamp) {
        npm(&["ci", "--ignore-scripts", "--no-audit", "--no-fund"])?;
    }
    if for_tests && which("tauri-driver").is_none() {
        println!("xtask: installing tauri-driver (once)…");
        cargo(&["install", "tauri-driver", "--version", "^2.1", "--locked"])?;
    }
    Ok(())
}

fn deb_installed(package: &str) -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", package])
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).contains("install ok installed"))
        .unwrap_or(true) // Not a dpkg system: the README lists what to install by hand.
}

fn install_debs(packages: &[&str]) -> Result {
    println!("xtask: installing system packages: {}", packages.join(" "));
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
        .unwrap_or(false);
    let apt = |args: &[&str]| -> Result {
        let mut cmd = if is_root {
            Command::new("apt-get")
        } else {
            Command::new("sudo")
        };
        if !is_root {
            cmd.arg("apt-get");
        }
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        status(&mut cmd)
    };
    apt(&["update", "-qq"])?;
    let mut args = vec!["install", "-y", "-qq", "--no-install-recommends"];
    args.extend(packages);
    apt(&args)
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    path.metadata().and_then(|m| m.modified()).ok()
}

fn which(program: &str) -> Option<PathBuf> {
    let cargo_bin = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|d| d.join("bin"));
    env::var_os("PATH")
        .map(|p| env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(cargo_bin)
        .map(|d| d.join(exe(program)))
        .find(|p| p.is_file())
}

fn exe(name: &str) -> String {
    format!("{name}{}", env::consts::EXE_SUFFIX)
}

fn cargo(args: &[&str]) -> Result {
    status(Command::new(env::var("CARGO").unwrap_or_else(|_| "cargo".into())).args(args))
}

fn npm(args: &[&str]) -> Result {
    status(Command::new(if cfg!(windows) { "npm.cmd" } else { "npm" }).args(args))
}

fn npx(args: &[&str]) -> Result {
    status(Command::new(if cfg!(windows) { "npx.cmd" } else { "npx" }).args(args))
}

fn status(cmd: &mut Command) -> Result {
    cmd.current_dir(root());
    let shown = format!("{cmd:?}");
    match cmd.status() {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(format!("{shown} exited with {s}")),
        Err(e) => Err(format!("could not start {shown}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::check_windows_exe;

    /// A minimal PE image: DOS header pointing at a PE32+ header, then `tail`.
    fn image(magic: [u8; 2], tail: &[u8]) -> Vec<u8> {
        let mut b = vec![0u8; 0x80];
        b[..2].copy_from_slice(b"MZ");
        b[0x3c..0x40].copy_from_slice(&0x40u32.to_le_bytes());
        b[0x40..0x44].copy_from_slice(b"PE\0\0");
        b[0x40 + 24..0x40 + 26].copy_from_slice(&magic);
        b.extend_from_slice(tail);
        b
    }

    #[test]
    fn the_library_check_wants_the_right_kind_with_its_entry_point() {
        use super::check_library;
        assert!(check_library(b"\x7fELF..sqlite3_crsqlite_init..", b"\x7fELF").is_ok());
        assert!(check_library(b"MZ..sqlite3_crsqlite_init..", b"\x7fELF").is_err());
        assert!(check_library(b"\x7fELF..nothing..", b"\x7fELF").is_err());
    }

    #[test]
    fn the_windows_check_wants_a_64_bit_program_that_loads_webview2() {
        assert!(check_windows_exe(&image([0x0b, 0x02], b"WebView2Loader.dll")).is_ok());
        assert!(
            check_windows_exe(&image([0x0b, 0x01], b"WebView2Loader.dll")).is_err(),
            "PE32"
        );
        assert!(check_windows_exe(&image([0x0b, 0x02], b"kernel32.dll")).is_err());
        assert!(check_windows_exe(b"\x7fELF").is_err());
        assert!(check_windows_exe(b"MZ").is_err(), "truncated");
    }
}
