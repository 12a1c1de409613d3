//! The Windows build, run: hoinghi-cli.exe under Wine loads crsqlite.dll and
//! exchanges a shared meeting with the Linux hoinghi-cli over loopback, both
//! ways (each side joins the other by the six words it printed). This is as
//! close to a Windows PC as CI gets: it proves the DLL loads, makes the
//! tables replicated, serves and merges, and that the two builds speak one
//! protocol.
//!
//! Debian's Wine 8 lacks `bcryptprimitives.dll`, which Rust's standard
//! library imports for random numbers (every Windows since 10 has it), so
//! the Wine prefix gets a one-function stand-in built with MinGW from
//! `xtask/wine/bcryptprimitives.c`. Nothing of it ships.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::{cargo, deb_installed, install_debs, root, target_dir, Result, WINDOWS_TARGET};

const WINE: &str = "/usr/lib/wine/wine64";
/// Each process gets this long; a Wine prefix is made on the first run (~10 s).
const PATIENCE: Duration = Duration::from_secs(120);

pub fn exchange_with_linux() -> Result {
    if !cfg!(target_os = "linux") {
        return Ok(());
    }
    if !deb_installed("wine64") {
        install_debs(&["wine64"])?;
    }
    cargo(&[
        "build",
        "--target",
        WINDOWS_TARGET,
        "--package",
        "hoinghi-cli",
        "--locked",
    ])?;
    cargo(&["build", "--package", "hoinghi-cli", "--locked"])?;
    let windows_cli = target_dir()
        .join(WINDOWS_TARGET)
        .join("debug/hoinghi-cli.exe");
    let linux_cli = target_dir().join("debug/hoinghi-cli");
    let prefix = target_dir().join("wine");
    shim(&prefix)?;

    let scratch = target_dir().join("wine-trial");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;
    let linux_db = scratch.join("linux.db");
    let windows_db = scratch.join("windows.db");
    let again_db = scratch.join("linux-again.db");
    let path = |p: &Path| p.display().to_string();
    // Wine sees the Linux root as drive Z:.
    let on_z = |p: &Path| format!("Z:{}", p.display()).replace('/', "\\");

    let linux = |args: &[&str]| {
        let mut cmd = Command::new(&linux_cli);
        cmd.args(args);
        cmd
    };
    let windows = |args: &[&str]| {
        let mut cmd = Command::new(WINE);
        cmd.arg(&windows_cli)
            .args(args)
            .env("WINEPREFIX", &prefix)
            .env("WINEDEBUG", "-all");
        cmd
    };

    run(&mut linux(&["demo", "--db", &path(&linux_db)]))?;
    run(&mut linux(&["meeting", "share", "--db", &path(&linux_db)]))?;
    // Windows joins Linux: crsqlite.dll merges the whole meeting.
    let received_on_windows = join(&mut linux(&serving(&path(&linux_db))), |peer, words| {
        windows(&[
            "sync",
            "once",
            "--db",
            &on_z(&windows_db),
            "--peer",
            peer,
            "--secret",
            words,
        ])
    })?;
    // Linux joins Windows: crsqlite.dll serves the meeting it merged.
    let received_on_linux = join(&mut windows(&serving(&on_z(&windows_db))), |peer, words| {
        linux(&[
            "sync",
            "once",
            "--db",
            &path(&again_db),
            "--peer",
            peer,
            "--secret",
            words,
        ])
    })?;
    if received_on_windows < 1000 || received_on_linux != received_on_windows {
        return Err(format!(
            "the meeting did not go round whole: Windows received {received_on_windows} \
             changes, Linux then received {received_on_linux} from Windows"
        ));
    }
    println!(
        "xtask: hoinghi-cli.exe under Wine joined a Linux laptop's meeting \
         ({received_on_windows} changes through crsqlite.dll) and served it back whole"
    );
    Ok(())
}

/// The arguments of a `sync serve` of `db` that invites, for two connections
/// (the invitation, then the exchange).
fn serving(db: &str) -> [&str; 9] {
    [
        "sync",
        "serve",
        "--db",
        db,
        "--listen",
        "127.0.0.1:0",
        "--invite",
        "--connections",
        "2",
    ]
}

/// Starts `server` (a `serving` command), has `joiner(address, words)` join
/// it, and returns how many changes the joining side received.
fn join(server: &mut Command, joiner: impl FnOnce(&str, &str) -> Command) -> Result<usize> {
    let (mut child, address, words) = serve(server)?;
    let said = run(&mut joiner(&address, &words));
    let _ = child.kill();
    received(&said?)
}

/// Puts the stand-in `bcryptprimitives.dll` in the Wine prefix's system folder.
fn shim(prefix: &Path) -> Result {
    let system = prefix.join("drive_c/windows/system32");
    let dll = system.join("bcryptprimitives.dll");
    if dll.is_file() {
        return Ok(());
    }
    // Makes the prefix (drive_c and all) on first use.
    let _ = Command::new(WINE)
        .arg("wineboot")
        .env("WINEPREFIX", prefix)
        .env("WINEDEBUG", "-all")
        .status();
    let source = root().join("xtask/wine/bcryptprimitives.c");
    run(Command::new("x86_64-w64-mingw32-gcc")
        .args(["-shared", "-O2", "-o"])
        .arg(&dll)
        .arg(&source)
        .arg("-lbcrypt"))
    .map(drop)
}

/// Starts `cmd` with its output piped here; returns it and how it reads.
fn spawn_piped(cmd: &mut Command) -> Result<(Child, String)> {
    let shown = format!("{cmd:?}");
    let child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    Ok((child, shown))
}

/// Runs `cmd` to the end within `PATIENCE`; returns what it printed.
fn run(cmd: &mut Command) -> Result<String> {
    // What these programs print is a few lines: the pipes never fill.
    let (mut child, shown) = spawn_piped(cmd)?;
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            let out = child.wait_with_output().map_err(|e| e.to_string())?;
            let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
            if !status.success() {
                return Err(format!(
                    "{shown} exited with {status}: {}",
                    text(&out.stderr)
                ));
            }
            return Ok(text(&out.stdout));
        }
        if started.elapsed() > PATIENCE {
            let _ = child.kill();
            return Err(format!("{shown} took more than {PATIENCE:?}"));
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Starts a `sync serve --invite`; returns it, the address it serves on and
/// the six words it printed.
fn serve(cmd: &mut Command) -> Result<(Child, String, String)> {
    let (mut child, shown) = spawn_piped(cmd)?;
    let stdout = child.stdout.take().expect("piped");
    let stderr = child.stderr.take().expect("piped");
    // Read on threads, so that a silent server cannot hang this one.
    let (tx, rx) = std::sync::mpsc::channel();
    let words = tx.clone();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = words.send(Ok(line));
    });
    std::thread::spawn(move || {
        // "Đang phục vụ các hội nghị dùng chung tại 127.0.0.1:PORT." among Wine's own lines.
        for line in BufReader::new(stderr).lines().map_while(|l| l.ok()) {
            if let Some(at) = line.strip_suffix('.').and_then(|l| l.rsplit(' ').next()) {
                if line.contains("Đang phục vụ") {
                    let _ = tx.send(Err(at.to_string()));
                }
            }
        }
    });
    let (mut address, mut words) = (None, None);
    while address.is_none() || words.is_none() {
        match rx.recv_timeout(PATIENCE) {
            Ok(Ok(line)) => words = line.split('\t').next().map(str::to_string),
            Ok(Err(at)) => address = Some(at),
            Err(_) => {
                let _ = child.kill();
                return Err(format!("{shown} did not start serving"));
            }
        }
    }
    Ok((
        child,
        address.unwrap_or_default(),
        words.unwrap_or_default(),
    ))
}

/// The count in "… nhận N thay đổi, gửi M thay đổi."
fn received(said: &str) -> Result<usize> {
    said.split("nhận ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("no count of changes in {said:?}"))
}
