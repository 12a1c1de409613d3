//! Doors that keep checking people in while their laptops exchange with the
//! hub at the same moment (each laptop's writes and its exchange steps
//! interleave under its store lock, as in the app), and a laptop writing
//! minutes meanwhile. Loopback only.

use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hoinghi_core::model::{MinutesInput, MinutesKind};
use hoinghi_core::Db;
use hoinghi_sync::{exchange, serve};

#[test]
fn doors_and_minutes_written_during_exchanges_end_identical_everywhere() {
    let dir = tempfile::tempdir().unwrap();
    let (meeting, secret, people) = {
        let mut db = Db::open(dir.path().join("hub.db")).unwrap();
        let meeting = db.write_demo_with_extra(1460).unwrap();
        db.reopen_meeting(&meeting, "Đại hội").unwrap();
        let secret = db.share_meeting(&meeting).unwrap().secret;
        let people: Vec<String> = db
            .participants(&meeting)
            .unwrap()
            .into_iter()
            .map(|p| p.person.id)
            .collect();
        (meeting, secret, people)
    };
    let hub = Arc::new(Mutex::new(Db::open(dir.path().join("hub.db")).unwrap()));
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let serving = hub.clone();
    std::thread::spawn(move || serve(&serving, &listener, None, &Default::default(), None, drop));

    let laptops: Vec<Arc<Mutex<Db>>> = (0..4)
        .map(|i| {
            let db = Db::open(dir.path().join(format!("laptop{i}.db"))).unwrap();
            let laptop = Arc::new(Mutex::new(db));
            exchange(&laptop, addr, &secret, 0).unwrap();
            laptop
        })
        .collect();

    let writing_done = Arc::new(AtomicBool::new(false));
    let mut syncers = Vec::new();
    for laptop in &laptops {
        let (laptop, secret, done) = (laptop.clone(), secret.clone(), writing_done.clone());
        syncers.push(std::thread::spawn(move || {
            let mut rounds = 0;
            // Bounded: at most 2,000 rounds, and over once the writers are.
            while !done.load(Ordering::SeqCst) && rounds < 2_000 {
                exchange(&laptop, addr, &secret, 0).unwrap();
                rounds += 1;
                std::thread::sleep(Duration::from_millis(10));
            }
            rounds
        }));
    }
    let mut writers = Vec::new();
    for (n, laptop) in laptops.iter().enumerate() {
        let (laptop, meeting, people) = (laptop.clone(), meeting.clone(), people.clone());
        writers.push(std::thread::spawn(move || {
            // Seeded, so a failure can be replayed.
            let mut rng = fastrand::Rng::with_seed(n as u64 + 1);
            let mut checked = Vec::new();
            for i in 0..40 {
                {
                    let mut db = laptop.lock().unwrap();
                    if n == 3 {
                        db.add_minutes_entry(
                            &meeting,
                            &MinutesInput {
                                agenda_item_id: None,
                                speaker_name: "Nguyễn Văn A".into(),
                                speaker_title: "Đại biểu".into(),
                                spoken_at: Some("09:00".into()),
                                kind: MinutesKind::Opinion,
                                text: format!("Ý kiến số {i}."),
                            },
                        )
                        .unwrap();
                    } else {
                        // The first few people come to every door.
                        let person = if i < 3 {
                            &people[i]
                        } else {
                            &people[rng.usize(..people.len())]
                        };
                        // Kept when this door recorded the arrival (someone
                        // already there, or gone home, is not checked in again).
                        if !db.check_in(&meeting, person).unwrap().already {
                            checked.push(person.clone());
                        }
                    }
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            checked
        }));
    }
    let checked: Vec<String> = writers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    writing_done.store(true, Ordering::SeqCst);
    let rounds: Vec<usize> = syncers.into_iter().map(|s| s.join().unwrap()).collect();
    assert!(
        rounds.iter().all(|&r| r >= 1),
        "every laptop exchanged while its door wrote ({rounds:?} rounds)"
    );
    for _ in 0..2 {
        for laptop in &laptops {
            exchange(laptop, addr, &secret, 0).unwrap();
        }
    }

    let reference = hub.lock().unwrap().shared_rows(&meeting).unwrap();
    for laptop in &laptops {
        assert!(laptop.lock().unwrap().shared_rows(&meeting).unwrap() == reference);
    }
    let hub = hub.lock().unwrap();
    let arrived: Vec<String> = hub
        .participants(&meeting)
        .unwrap()
        .into_iter()
        .filter(|p| p.arrived_at.is_some())
        .map(|p| p.person.id)
        .collect();
    for person in &checked {
        assert!(arrived.contains(person), "check-in of {person} lost");
    }
    let opinions = hub.minutes(&meeting).unwrap();
    assert_eq!(
        opinions
            .iter()
            .filter(|m| m.text.starts_with("Ý kiến số"))
            .count(),
        40
    );
}
