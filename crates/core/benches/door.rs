//! The door with 20,000 people on the list: the median time of a search
//! (over queries as secretaries type them) and of a check-in, in the core.
//! Goals: ≤ 5 ms per query; a check-in that costs one person, not the list.
//!
//! Run: cargo bench -p hoinghi-core --bench door

use std::time::{Duration, Instant};

use hoinghi_core::Db;

const PEOPLE: usize = 20_000;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn percentile(mut times: Vec<Duration>, p: f64) -> Duration {
    times.sort();
    times[((times.len() - 1) as f64 * p) as usize]
}

fn main() {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let mut db = Db::open(dir.path().join("door.db")).expect("a store");
    let started = Instant::now();
    let meeting = db
        .write_demo_with_extra(PEOPLE - 40)
        .expect("the demo with extra delegates");
    let list = db.participants(&meeting).expect("the list");
    println!(
        "{} people on the list (written in {:.1} s)",
        list.len(),
        started.elapsed().as_secs_f64()
    );

    let started = Instant::now();
    db.search_participants(&meeting, "a", 1).expect("a search");
    println!("first search, building the index: {:?}", started.elapsed());

    let queries = [
        "nguyen van tuan",
        "Nguyễn Văn",
        "tran thi",
        "ng v tu",
        "nvt",
        "le",
        "t",
        "hoa",
        "Thuỷ",
        "dang uy phuong",
        "quan uy ba dinh",
        "pho truong ban",
        "vu thi thu",
        "đặng",
        "xyz",
        list[PEOPLE / 2].person.checkin_code.as_str(),
        list[PEOPLE / 3].person.full_name.as_str(),
    ];
    let mut all = Vec::new();
    for q in queries {
        let times: Vec<Duration> = (0..30)
            .map(|_| {
                let t = Instant::now();
                let found = db.search_participants(&meeting, q, 10).expect("a search");
                std::hint::black_box(found);
                t.elapsed()
            })
            .collect();
        let found = db.search_participants(&meeting, q, 10).expect("a search");
        println!(
            "  {:<28} median {:>8.3} ms  ({} shown)",
            format!("{q:?}"),
            median(times.clone()).as_secs_f64() * 1e3,
            found.len()
        );
        all.extend(times);
    }
    println!(
        "search, all queries: median {:.3} ms, 95th percentile {:.3} ms",
        median(all.clone()).as_secs_f64() * 1e3,
        percentile(all, 0.95).as_secs_f64() * 1e3
    );

    let ids: Vec<String> = list.iter().map(|p| p.person.id.clone()).collect();
    let times: Vec<Duration> = ids
        .iter()
        .step_by(10)
        .map(|id| {
            let t = Instant::now();
            let done = db.check_in(&meeting, id).expect("a check-in");
            std::hint::black_box(done);
            t.elapsed()
        })
        .collect();
    println!(
        "check-in ({} people, each a new arrival): median {:.3} ms, 95th percentile {:.3} ms",
        times.len(),
        median(times.clone()).as_secs_f64() * 1e3,
        percentile(times, 0.95).as_secs_f64() * 1e3
    );
}
