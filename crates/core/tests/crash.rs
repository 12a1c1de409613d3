//! Kill -9 at random moments: every write the store acknowledged is on disk
//! afterwards, and the file is intact. The writer is this same test binary,
//! started again with `HOINGHI_CRASH_WRITER` set (see `writer_child`), so the
//! crash is a real process death, not a dropped value.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use hoinghi_core::model::*;
use hoinghi_core::Db;

const WRITER_ENV: &str = "HOINGHI_CRASH_WRITER";

/// The writer process, started by `crash_cycles` (ignored in a normal run):
/// saves minutes entries and attendance events as fast as it can, printing
/// each one after its commit returned.
#[test]
#[ignore = "the writer process of the crash tests, which start it themselves"]
fn writer_child() {
    let spec = std::env::var(WRITER_ENV).expect("started by crash_cycles");
    let mut parts = spec.split('|');
    let (path, meeting, person) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let mut db = Db::open(path).unwrap();
    for i in 0.. {
        if i % 2 == 0 {
            let e = db
                .add_minutes_entry(meeting, &entry(&format!("Ý kiến số {i}")))
                .unwrap();
            println!("ACK minutes {}", e.id);
        } else {
            let kind = if i % 4 == 1 {
                AttendanceEventKind::Arrived
            } else {
                AttendanceEventKind::Left
            };
            db.record_attendance(meeting, person, kind, "", None)
                .unwrap();
            println!("ACK attendance");
        }
    }
}

fn entry(text: &str) -> MinutesInput {
    MinutesInput {
        agenda_item_id: None,
        speaker_name: "Nguyễn Văn A".into(),
        speaker_title: "Trưởng Ban".into(),
        spoken_at: None,
        kind: MinutesKind::Speech,
        text: text.into(),
    }
}

/// A cheap, varied delay without a random-number crate.
fn jitter(max_ms: u64) -> Duration {
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .subsec_nanos() as u64;
    Duration::from_millis(5 + nanos.wrapping_mul(2_654_435_761) % max_ms)
}

/// A database with one meeting in session and one person on its list.
fn prepare(path: &Path) -> (String, String) {
    {
        let mut db = Db::open(path).unwrap();
        let m = db
            .create_meeting(&MeetingInput {
                title: "Giao ban".into(),
                kind: MeetingKind::GiaoBan,
                starts_at: "2026-12-01T08:00".into(),
                ends_at: "2026-12-01T11:00".into(),
                venue: String::new(),
                chair_name: String::new(),
                chair_title: String::new(),
                secretary_name: String::new(),
                secretary_title: String::new(),
                notes: String::new(),
                status: MeetingStatus::InSession,
                organisation_id: None,
                signer_name: String::new(),
                signer_title: String::new(),
                signing_prefix: String::new(),
            })
            .unwrap();
        let p = db
            .create_person(&PersonInput {
                full_name: "Lê Thị Hà".into(),
                position_title: String::new(),
                unit: String::new(),
                section: String::new(),
                rank: 1,
                phone: String::new(),
                email: String::new(),
            })
            .unwrap();
        db.invite_people(&m.id, std::slice::from_ref(&p.id))
            .unwrap();
        (m.id, p.id)
    }
}

fn start_writer(path: &Path, meeting: &str, person: &str) -> std::process::Child {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "writer_child", "--ignored", "--nocapture"])
        .env(WRITER_ENV, format!("{}|{meeting}|{person}", path.display()))
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

fn crash_cycles(cycles: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hoinghi.db");
    let (meeting, person) = prepare(&path);
    let mut minutes_acked = Vec::new();
    let mut attendance_acked = 0;
    let mut kills_mid_write = 0;
    for cycle in 0..cycles {
        let mut child = start_writer(&path, &meeting, &person);
        let stdout = child.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<_>>()
        });
        std::thread::sleep(jitter(150));
        child.kill().unwrap(); // SIGKILL on Unix, TerminateProcess on Windows
        child.wait().unwrap();
        let lines = reader.join().unwrap();
        let before = minutes_acked.len() + attendance_acked;
        for line in lines {
            if let Some(id) = line.strip_prefix("ACK minutes ") {
                minutes_acked.push(id.to_string());
            } else if line == "ACK attendance" {
                attendance_acked += 1;
            }
        }
        kills_mid_write += usize::from(minutes_acked.len() + attendance_acked > before);
        check(
            &path,
            &meeting,
            &person,
            &minutes_acked,
            attendance_acked,
            cycle,
        );
    }
    assert!(
        kills_mid_write * 2 > cycles,
        "most kills must land while the writer is writing ({kills_mid_write} of {cycles})"
    );
    eprintln!(
        "{cycles} kills, {} acknowledged writes, 0 lost",
        minutes_acked.len() + attendance_acked
    );
}

fn check(
    path: &Path,
    meeting: &str,
    person: &str,
    minutes: &[String],
    attendance: usize,
    cycle: usize,
) {
    let db = Db::open_read_only(path).unwrap();
    let stored: std::collections::HashSet<String> = db
        .minutes(meeting)
        .unwrap()
        .into_iter()
        .map(|e| e.id)
        .collect();
    for id in minutes {
        assert!(
            stored.contains(id),
            "cycle {cycle}: acknowledged entry {id} was lost"
        );
    }
    let events = db.attendance_log(meeting, person).unwrap().len();
    assert!(
        events > attendance,
        "cycle {cycle}: {attendance} acknowledged events but only {} after the invitation",
        events - 1
    );
    drop(db);
    let conn =
        rusqlite::Connection::open_with_flags(path, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok", "cycle {cycle}");
}

#[test]
fn acknowledged_writes_survive_fifty_kills() {
    crash_cycles(50);
}

/// The long run: `cargo test -p hoinghi-core --test crash -- --ignored --exact
/// acknowledged_writes_survive_a_thousand_kills`.
#[test]
#[ignore]
fn acknowledged_writes_survive_a_thousand_kills() {
    crash_cycles(1000);
}

/// Two processes on one database: while one writes, a second one is told
/// plainly that the file is open elsewhere (never "database is locked"), can
/// still read it, and takes over once the first is gone.
#[test]
fn a_second_process_is_refused_plainly_while_the_first_writes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hoinghi.db");
    let (meeting, person) = prepare(&path);
    let mut child = start_writer(&path, &meeting, &person);
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    assert!(
        lines.any(|l| l.unwrap().starts_with("ACK")),
        "the writer is writing"
    );
    for _ in 0..20 {
        let err = Db::open(&path).err().expect("a second writer is refused");
        assert_eq!(err.kind(), ErrorKind::InUse, "{err}");
        assert!(
            err.to_string()
                .contains("đang được mở ở cửa sổ HoiNghi khác"),
            "{err}"
        );
        let reader = Db::open_read_only(&path).expect("reading is allowed meanwhile");
        reader.minutes(&meeting).unwrap();
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(
        child.try_wait().unwrap().is_none(),
        "the first process never failed meanwhile"
    );
    child.kill().unwrap();
    child.wait().unwrap();
    let mut db = Db::open(&path).expect("the file is free once the writer is gone");
    db.add_minutes_entry(&meeting, &entry("Tiếp quản")).unwrap();
}
