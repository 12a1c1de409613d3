//! Small builders shared by the tests.

use hoinghi_core::model::*;
use hoinghi_core::Db;

pub fn db() -> Db {
    Db::open_in_memory().expect("an in-memory database opens")
}

pub fn meeting_input(title: &str) -> MeetingInput {
    MeetingInput {
        title: title.to_string(),
        kind: MeetingKind::GiaoBan,
        starts_at: "2026-12-01T08:00".into(),
        ends_at: "2026-12-01T11:30".into(),
        venue: "Hội trường A".into(),
        chair_name: "Nguyễn Văn A".into(),
        chair_title: "Trưởng Ban".into(),
        secretary_name: "Trần Thị B".into(),
        secretary_title: "Chuyên viên".into(),
        notes: String::new(),
        status: MeetingStatus::Draft,
        organisation_id: None,
        signer_name: String::new(),
        signer_title: String::new(),
        signing_prefix: String::new(),
    }
}

/// An issuing body as the Settings form sends a new one.
pub fn body_input(kind: OrganisationKind) -> Organisation {
    Organisation {
        id: String::new(),
        parent_name: "THÀNH UỶ HÀ NỘI".into(),
        name: "BAN TUYÊN GIÁO".into(),
        full_name: "Ban Tuyên giáo Thành uỷ Hà Nội".into(),
        abbreviation: "BTG".into(),
        place_name: "Hà Nội".into(),
        kind,
        head_vacant: false,
        signer_name: "Bùi Huyền Mai".into(),
        signer_title: "TRƯỞNG BAN".into(),
        signing_prefix: String::new(),
        time_zone: "Asia/Ho_Chi_Minh".into(),
        header_lines: String::new(),
        superior: String::new(),
        contact: String::new(),
        term_start: String::new(),
        updated_at: String::new(),
    }
}

pub fn meeting(db: &mut Db) -> Meeting {
    db.create_meeting(&meeting_input("Hội nghị giao ban quý IV"))
        .expect("a valid meeting is created")
}

pub fn item(title: &str, minutes: u32) -> AgendaItemInput {
    AgendaItemInput {
        title: title.to_string(),
        presenter: String::new(),
        duration_minutes: minutes,
        fixed_start: None,
        notes: String::new(),
    }
}

pub fn person(name: &str) -> PersonInput {
    PersonInput {
        full_name: name.to_string(),
        position_title: "Chuyên viên".into(),
        unit: "Văn phòng".into(),
        section: "Đại biểu".into(),
        rank: 100,
        phone: String::new(),
        email: String::new(),
    }
}

pub fn entry(text: &str, item: Option<&str>) -> MinutesInput {
    MinutesInput {
        agenda_item_id: item.map(str::to_string),
        speaker_name: "Nguyễn Văn A".into(),
        speaker_title: "Trưởng Ban".into(),
        spoken_at: Some("08:10".into()),
        kind: MinutesKind::Speech,
        text: text.to_string(),
    }
}

/// The `kind` of an error, for assertions.
pub fn kind<T: std::fmt::Debug>(r: hoinghi_core::Result<T>) -> &'static str {
    r.expect_err("the operation should have been refused")
        .kind()
        .as_str()
}
