//! Shared by the import tests and the benchmark.

use hoinghi_core::model::{MeetingInput, MeetingKind, MeetingStatus};
use hoinghi_core::Db;

/// A new open meeting with an empty list; its id.
pub fn meeting(db: &mut Db) -> String {
    db.create_meeting(&MeetingInput {
        title: "Hội nghị giao ban quý IV".into(),
        kind: MeetingKind::GiaoBan,
        starts_at: "2026-12-10T08:00".into(),
        ends_at: "2026-12-10T11:30".into(),
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
    .id
}
