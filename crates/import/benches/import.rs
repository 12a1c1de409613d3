//! Reading and importing a 10,000-row list (goal: under a second, whole):
//! `cargo bench -p hoinghi-import --bench import`.

use criterion::{criterion_group, criterion_main, Criterion};
#[path = "../tests/common/mod.rs"]
mod common;

use common::meeting;
use hoinghi_core::model::ImportChoices;
use hoinghi_core::Db;
use hoinghi_import::{apply, read};
use rust_xlsxwriter::Workbook;

const ROWS: u32 = 10_000;

fn list() -> Vec<u8> {
    let families = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
    let given = [
        "Văn An",
        "Thị Bình",
        "Quốc Cường",
        "Thu Hà",
        "Minh Tuấn",
        "Thị Thuỷ",
    ];
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "SĐT", "Email"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for i in 1..=ROWS {
        let name = format!(
            "{} {} {i}",
            families[i as usize % families.len()],
            given[i as usize % given.len()]
        );
        sheet.write_number(i, 0, f64::from(i)).unwrap();
        sheet.write_string(i, 1, &name).unwrap();
        sheet.write_string(i, 2, "Chuyên viên chính").unwrap();
        sheet
            .write_string(i, 3, format!("Phòng {} Sở Nội vụ", i % 40))
            .unwrap();
        sheet.write_string(i, 4, format!("09{:08}", i)).unwrap();
        sheet
            .write_string(i, 5, format!("nguoi{i}@hanoi.gov.vn"))
            .unwrap();
    }
    book.save_to_buffer().unwrap()
}

fn bench(c: &mut Criterion) {
    let bytes = list();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("read 10,000-row xlsx", |b| {
        b.iter(|| read(&bytes, "ds.xlsx").unwrap())
    });
    group.bench_function("read + check + write 10,000 rows (file database)", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let mut db = Db::open(dir.path().join("hoinghi.db")).unwrap();
                let m = meeting(&mut db);
                (dir, db, m)
            },
            |(_dir, mut db, m)| {
                let source = read(&bytes, "ds.xlsx").unwrap();
                let (_, outcome) =
                    apply(&mut db, Some(&m), &source, &ImportChoices::default()).unwrap();
                assert_eq!(outcome.added, ROWS);
            },
            criterion::BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
