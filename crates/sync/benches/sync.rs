//! Team work on loopback, with the 1,500-delegate demo meeting shared by a
//! hub and joined by two laptops:
//!
//! - `one check-in to two laptops`: a check-in written on the hub, then
//!   each laptop's exchange with the hub (what its next round does). In the
//!   app a laptop starts a round every second, so a check-in shows on the
//!   others within that second plus this time.
//! - `idle round`: an exchange when nothing changed (the cost of each
//!   laptop's round, every second, per other laptop).
//! - `catch-up of 5,000 changes`: a laptop that was away while the hub wrote
//!   5,000 changes (check-ins) exchanges once.
//!
//! Run: cargo bench -p hoinghi-sync --bench sync

use std::net::{SocketAddr, TcpListener};
use std::path::Path;
use std::sync::{Arc, Mutex};

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use hoinghi_core::model::AttendanceEventKind::Arrived;
use hoinghi_core::Db;
use hoinghi_sync::{exchange, serve};

/// Serves `store` on a loopback port until the process ends.
fn serve_forever(store: Arc<Mutex<Db>>) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || serve(&store, &listener, None, &Default::default(), None, drop));
    addr
}

fn hub(dir: &Path) -> (Arc<Mutex<Db>>, String, String, Vec<String>) {
    let mut db = Db::open(dir.join("hub.db")).unwrap();
    let meeting = db.write_demo_with_extra(1460).unwrap();
    db.reopen_meeting(&meeting, "Đo tốc độ").unwrap();
    let secret = db.share_meeting(&meeting).unwrap().secret;
    let people = db
        .participants(&meeting)
        .unwrap()
        .into_iter()
        .map(|p| p.person.id)
        .collect();
    (Arc::new(Mutex::new(db)), meeting, secret, people)
}

fn sync(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let (hub, meeting, secret, people) = hub(dir.path());
    let addr = serve_forever(hub.clone());
    let laptops: Vec<Mutex<Db>> = (0..2)
        .map(|i| {
            let laptop = Mutex::new(Db::open(dir.path().join(format!("laptop{i}.db"))).unwrap());
            exchange(&laptop, addr, &secret, 0).unwrap();
            laptop
        })
        .collect();

    let mut group = c.benchmark_group("team");
    group.sample_size(20);
    let mut next = 0;
    group.bench_function("one check-in to two laptops", |b| {
        b.iter(|| {
            // An arrival recorded at the door: one new attendance event.
            hub.lock()
                .unwrap()
                .record_attendance(&meeting, &people[next % people.len()], Arrived, "", None)
                .unwrap();
            next += 1;
            for laptop in &laptops {
                exchange(laptop, addr, &secret, 0).unwrap();
            }
        })
    });
    group.bench_function("idle round", |b| {
        b.iter(|| exchange(&laptops[0], addr, &secret, 0).unwrap())
    });

    // The laptop that goes away, as a file copied before the hub writes on.
    let away = dir.path().join("away.db");
    drop(laptops);
    std::fs::copy(dir.path().join("laptop0.db"), &away).unwrap();
    let before = hub
        .lock()
        .unwrap()
        .sync_changes(&meeting, 0)
        .unwrap()
        .changes
        .len();
    let mut written = 0;
    while written < 5000 {
        let mut db = hub.lock().unwrap();
        for _ in 0..50 {
            let person = &people[next % people.len()];
            db.record_attendance(&meeting, person, Arrived, "", None)
                .unwrap();
            next += 1;
        }
        written = db.sync_changes(&meeting, 0).unwrap().changes.len() - before;
    }
    println!("catch-up: {written} changes to pull");
    group.sample_size(10);
    group.bench_function("catch-up of 5,000 changes", |b| {
        b.iter_batched(
            || {
                let copy = dir.path().join("away-copy.db");
                let _ = std::fs::remove_file(copy.with_extension("db-wal"));
                std::fs::copy(&away, &copy).unwrap();
                Mutex::new(Db::open(&copy).unwrap())
            },
            |laptop| {
                let done = exchange(&laptop, addr, &secret, 0).unwrap();
                assert!(done.received >= 5000, "{done:?}");
                laptop
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, sync);
criterion_main!(benches);
