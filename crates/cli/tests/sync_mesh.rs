//! Several laptops, one meeting, as separate `hoinghi-cli` processes on
//! loopback: a hub that serves, three doors checking people in at random, a
//! fourth laptop writing minutes, one door cut off for a stretch that then
//! syncs with one other door only, and a laptop killed while it merges. At
//! the end every copy of the meeting is the same, row for row.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use hoinghi_core::model::{MinutesInput, MinutesKind};
use hoinghi_core::Db;

const CLI: &str = env!("CARGO_BIN_EXE_hoinghi-cli");

/// A `sync serve` process, killed when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(db: &Path, connections: Option<usize>) -> Server {
        Self::start_with(db, connections, &[])
    }

    fn start_with(db: &Path, connections: Option<usize>, args: &[&str]) -> Server {
        let mut cmd = Command::new(CLI);
        cmd.args(["sync", "serve", "--db"])
            .arg(db)
            .args(["--listen", "127.0.0.1:0"])
            .args(args);
        if let Some(n) = connections {
            cmd.args(["--connections", &n.to_string()]);
        }
        let mut child = cmd
            .stderr(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
        let first = lines.next().unwrap().unwrap();
        let addr = first
            .rsplit(' ')
            .next()
            .unwrap()
            .trim_end_matches('.')
            .parse()
            .unwrap_or_else(|e| panic!("{first}: {e}"));
        // Keep reading so the server never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Server { child, addr }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn sync_once(db: &Path, peer: SocketAddr, secret: &str) {
    let out = Command::new(CLI)
        .args(["sync", "once", "--db"])
        .arg(db)
        .args(["--peer", &peer.to_string(), "--secret", secret])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "sync once {} ({}): {}{}",
        db.display(),
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The meeting's rows in every shared table, read from the file.
fn dump(path: &Path, meeting: &str) -> Vec<String> {
    Db::open_read_only(path)
        .unwrap()
        .shared_rows(meeting)
        .unwrap()
}

fn minutes(text: String) -> MinutesInput {
    MinutesInput {
        agenda_item_id: None,
        speaker_name: "Nguyễn Văn A".into(),
        speaker_title: "Trưởng Ban".into(),
        spoken_at: Some("09:15".into()),
        kind: MinutesKind::Opinion,
        text,
    }
}

/// Who has arrived, by person id, as a copy derives it from its events.
fn arrived(db: &Path, meeting: &str) -> Vec<(String, bool)> {
    let db = Db::open_read_only(db).unwrap();
    db.participants(meeting)
        .unwrap()
        .into_iter()
        .map(|p| (p.person.id, p.arrived_at.is_some()))
        .collect()
}

#[test]
fn a_laptop_joins_with_the_six_words_a_serving_laptop_printed() {
    let dir = tempfile::tempdir().unwrap();
    let hub = dir.path().join("hub.db");
    let meeting = {
        let mut db = Db::open(&hub).unwrap();
        let meeting = db.write_demo().unwrap();
        db.share_meeting(&meeting).unwrap();
        meeting
    };
    let mut server = Server::start_with(&hub, Some(2), &["--invite"]);
    let mut printed = String::new();
    BufReader::new(server.child.stdout.take().unwrap())
        .read_line(&mut printed)
        .unwrap();
    let (words, title) = printed.trim_end().split_once('\t').unwrap();
    assert_eq!(words.split(' ').count(), 6, "{printed}");
    assert!(title.starts_with("Hội nghị giao ban"), "{printed}");

    let laptop = dir.path().join("laptop.db");
    sync_once(&laptop, server.addr, words);
    assert_eq!(dump(&laptop, &meeting), dump(&hub, &meeting));
    assert!(dump(&laptop, &meeting).len() > 100);
}

#[test]
fn five_laptops_converge_with_a_door_cut_off_and_a_laptop_killed_mid_merge() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| -> PathBuf { dir.path().join(name) };
    let hub = path("hub.db");
    let (meeting, secret, people) = {
        let mut db = Db::open(&hub).unwrap();
        let meeting = db.write_demo_with_extra(1460).unwrap();
        db.reopen_meeting(&meeting, "Đại hội: làm việc nhóm")
            .unwrap();
        let secret = db.share_meeting(&meeting).unwrap().secret;
        let people: Vec<String> = db
            .participants(&meeting)
            .unwrap()
            .into_iter()
            .map(|p| p.person.id)
            .collect();
        (meeting, secret, people)
    };
    assert!(people.len() >= 1500, "{} delegates", people.len());
    let server = Server::start(&hub, None);
    let doors = [path("door1.db"), path("door2.db"), path("door3.db")];
    let scribe = path("scribe.db");
    for db in doors.iter().chain([&scribe]) {
        sync_once(db, server.addr, &secret);
    }

    // Seeded, so a failure can be replayed.
    let mut rng = fastrand::Rng::with_seed(20_221_006);
    let mut checked_in = std::collections::BTreeSet::new();
    for round in 0..6 {
        for (d, door) in doors.iter().enumerate() {
            let mut db = Db::open(door).unwrap();
            for _ in 0..15 {
                let person = &people[rng.usize(..people.len())];
                // Kept when this door recorded the arrival (someone already
                // there, or gone home, is not checked in again).
                if !db.check_in(&meeting, person).unwrap().already {
                    checked_in.insert(person.clone());
                }
            }
            // The same person at two doors.
            if d < 2 && !db.check_in(&meeting, &people[round]).unwrap().already {
                checked_in.insert(people[round].clone());
            }
        }
        {
            let mut db = Db::open(&scribe).unwrap();
            db.add_minutes_entry(&meeting, &minutes(format!("Ý kiến thứ {round}.")))
                .unwrap();
        }
        // Door 3 is cut off for rounds 2 to 4 and keeps working.
        for (d, door) in doors.iter().enumerate() {
            if d != 2 || !(2..=4).contains(&round) {
                sync_once(door, server.addr, &secret);
            }
        }
        sync_once(&scribe, server.addr, &secret);
        if round == 4 {
            // Door 3 comes back and meets door 1 only.
            let door1 = Server::start(&doors[0], Some(1));
            sync_once(&doors[2], door1.addr, &secret);
        }
    }

    // A delete racing an update: the scribe deletes an entry door 1 edits.
    let entry = {
        let db = Db::open_read_only(&scribe).unwrap();
        let all = db.minutes(&meeting).unwrap();
        all.iter()
            .find(|m| m.text == "Ý kiến thứ 0.")
            .unwrap()
            .id
            .clone()
    };
    Db::open(&scribe)
        .unwrap()
        .delete_minutes_entry(&entry)
        .unwrap();
    {
        let mut db = Db::open(&doors[0]).unwrap();
        let current = db.minutes_entry(&entry).unwrap();
        let mut input = minutes("Đã sửa ở cửa 1.".into());
        input.agenda_item_id = current.agenda_item_id.clone();
        db.update_minutes_entry(&entry, &current.updated_at, &input)
            .unwrap();
    }

    // A new laptop killed while it joins, then joining again.
    let late = path("late.db");
    for delay in [30, 120, 400] {
        let mut child = Command::new(CLI)
            .args(["sync", "once", "--db"])
            .arg(&late)
            .args(["--peer", &server.addr.to_string(), "--secret", &secret])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay));
        let _ = child.kill();
        let _ = child.wait();
        // The server finishes with the dead peer before the next one.
        std::thread::sleep(std::time::Duration::from_millis(50));
    }

    // Merging is all or nothing: the killed laptop has the whole list or none of it.
    if late.exists() {
        let conn = rusqlite::Connection::open(&late).unwrap();
        let listed: i64 = conn
            .query_row(
                "SELECT count(*) FROM participant WHERE meeting_id = ?1",
                [&meeting],
                |r| r.get(0),
            )
            .unwrap_or(0);
        assert!(
            listed == 0 || listed == people.len() as i64,
            "{listed} half merged"
        );
    }

    // Two rounds of everyone with the hub.
    for _ in 0..2 {
        for db in doors.iter().chain([&scribe, &late]) {
            sync_once(db, server.addr, &secret);
        }
    }
    drop(server);

    let reference = dump(&hub, &meeting);
    for db in doors.iter().chain([&scribe, &late]) {
        assert!(
            reference == dump(db, &meeting),
            "{} differs from the hub",
            db.display()
        );
    }
    let states = arrived(&hub, &meeting);
    for id in &checked_in {
        assert!(
            states.contains(&(id.clone(), true)),
            "check-in of {id} lost"
        );
    }
    for db in doors.iter().chain([&scribe, &late]) {
        assert_eq!(arrived(db, &meeting), states);
    }
    let hub_db = Db::open_read_only(&hub).unwrap();
    assert!(
        hub_db
            .minutes(&meeting)
            .unwrap()
            .iter()
            .all(|m| m.id != entry),
        "the delete wins over the concurrent edit"
    );
    assert_eq!(
        hub_db
            .minutes(&meeting)
            .unwrap()
            .iter()
            .filter(|m| m.text.starts_with("Ý kiến thứ"))
            .count(),
        5
    );
}
