//! Whatever bytes arrive, the importer answers with a list or a message,
//! never a panic.

use hoinghi_core::model::{ImportChoices, MeetingInput, MeetingKind, MeetingStatus};
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
    let meeting = db
        .create_meeting(&MeetingInput {
            title: "Thử".into(),
            kind: MeetingKind::Other,
            starts_at: "2026-12-10T08:00".into(),
            ends_at: "2026-12-10T09:00".into(),
            venue: String::new(),
            chair_name: String::new(),
            chair_title: String::new(),
            secretary_name: String::new(),
            secretary_title: String::new(),
            notes: String::new(),
            status: MeetingStatus::Draft,
            organisation_id: None,
            signer_name: String::new(),
            signer_title: String::new(),
            signing_prefix: String::new(),
        })
        .unwrap()
        .id;
    let _ = preview(&db, &meeting, &source, &ImportChoices::default());
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
