//! Whatever bytes arrive, the importer answers with a list or a message,
//! never a panic.

mod common;

use hoinghi_core::model::ImportChoices;
use hoinghi_core::Db;
use hoinghi_import::{export_list, preview, read};
use proptest::prelude::*;

fn valid_xlsx() -> Vec<u8> {
    let mut db = Db::open_in_memory().unwrap();
    let id = db.write_demo().unwrap();
    export_list(&db, &id).unwrap()
}

fn try_everything(bytes: &[u8]) {
    let Ok(source) = read(bytes, "fuzz.xlsx") else {
        return;
    };
    let mut db = Db::open_in_memory().unwrap();
    let meeting = common::meeting(&mut db);
    let _ = preview(&db, Some(&meeting), &source, &ImportChoices::default());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        try_everything(&bytes);
    }

    #[test]
    fn random_text_never_panics(text in "\\PC{0,400}") {
        try_everything(text.as_bytes());
    }

    #[test]
    fn a_damaged_xlsx_never_panics(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..16),
        cut in any::<prop::sample::Index>(),
    ) {
        let mut bytes = valid_xlsx();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        try_everything(&bytes);
        let keep = cut.index(bytes.len());
        try_everything(&bytes[..keep]);
    }
}
