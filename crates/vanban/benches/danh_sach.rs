//! The 1,000-delegate danh sách (demo + 960 synthetic delegates): goal ≤ 25 ms
//! to build, lay out and write, and ≤ 120 KB on disk (release, 2-core machine).
//!
//! Run: cargo bench -p hoinghi-vanban --bench danh_sach

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion};
use hoinghi_core::model::DocumentKind;
use hoinghi_core::model::FormatProfile;
use hoinghi_core::Db;
use hoinghi_vanban::docs::{build, Conference, Options};
use hoinghi_vanban::font::Fonts;

fn danh_sach(c: &mut Criterion) {
    let mut db = Db::open_in_memory().expect("in-memory database");
    let id = db
        .write_demo_with_extra(960)
        .expect("demo with 960 extra delegates");
    let conf = Conference::load(&db, &id).expect("the demo meeting loads");
    assert_eq!(conf.participants.len(), 1000);
    let fonts = Fonts::bundled();
    let created = NaiveDate::from_ymd_opt(2026, 11, 27)
        .unwrap()
        .and_hms_opt(0, 0, 0)
        .unwrap();
    let opts = Options::new(FormatProfile::Nd30, created);

    let pdf = build(DocumentKind::DanhSach, &conf, &opts, &fonts)
        .to_pdf(&fonts)
        .expect("the list exports");
    let pages = build(DocumentKind::DanhSach, &conf, &opts, &fonts)
        .layout(&fonts)
        .pages
        .len();
    println!(
        "danh sách, 1,000 delegates: {} bytes ({:.1} KB), {pages} pages",
        pdf.len(),
        pdf.len() as f64 / 1024.0
    );

    c.bench_function("danh_sach_1000_build_layout_pdf", |b| {
        b.iter(|| {
            build(DocumentKind::DanhSach, black_box(&conf), &opts, &fonts)
                .to_pdf(&fonts)
                .unwrap()
        })
    });
}

criterion_group!(benches, danh_sach);
criterion_main!(benches);
