use hoinghi_core::{Db, SCHEMA_VERSION};
use rusqlite::Connection;

use crate::support::*;

#[test]
fn a_new_file_is_migrated_to_the_current_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sub/dir/hoinghi.db");
    let db = Db::open(&path).expect("opening creates missing folders and the file");
    assert_eq!(
        db.schema_version().unwrap(),
        SCHEMA_VERSION,
        "a fresh file is at the current schema"
    );
    let mode: String = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "the file uses write-ahead logging");
}

#[test]
fn data_survives_closing_and_reopening_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hoinghi.db");
    let (meeting_id, device) = {
        let mut db = Db::open(&path).unwrap();
        let m = meeting(&mut db);
        db.add_agenda_item(&m.id, &item("Khai mạc", 10)).unwrap();
        (m.id, db.device_id().to_string())
    };
    let db = Db::open(&path).unwrap();
    assert_eq!(
        db.agenda(&meeting_id).unwrap().len(),
        1,
        "the agenda item is still there"
    );
    assert_eq!(
        db.device_id(),
        device,
        "the device id is stable across restarts"
    );
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future_table (x); PRAGMA user_version = 99;")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let err = Db::open(&path)
        .err()
        .expect("a newer schema must be refused");
    assert_eq!(err.kind().as_str(), "newerDatabase");
    assert!(
        err.to_string().contains("mới hơn"),
        "the message tells the user to update: {err}"
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the file is byte-for-byte unchanged"
    );
    assert!(
        !dir.path().join("future.db-wal").exists(),
        "no WAL file was created beside it"
    );
}

#[test]
fn every_meeting_key_is_a_uuid_v7() {
    let mut db = db();
    let m = meeting(&mut db);
    assert_eq!(m.id.len(), 36, "a hyphenated UUID");
    assert_eq!(&m.id[14..15], "7", "the version nibble says v7");
}

#[test]
fn a_version_1_database_is_upgraded_in_place_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch(include_str!("../../src/migrations/0001_initial.sql"))
            .unwrap();
        conn.execute_batch(
            "INSERT INTO organisation VALUES ('o1', 'THÀNH UỶ HÀ NỘI', 'BAN TUYÊN GIÁO', 'BTGTU',
                'Hà Nội', 'hd36', 'A', 'TRƯỞNG BAN', '', 'Asia/Ho_Chi_Minh', 't', 't', 'd');
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let db = Db::open(&path).unwrap();
    assert_eq!(
        db.schema_version().unwrap(),
        SCHEMA_VERSION,
        "the file is migrated"
    );
    let backups = db.list_backups().unwrap();
    assert_eq!(
        backups.len(),
        1,
        "the old file was backed up before migrating"
    );
    assert_eq!(backups[0].reason.as_str(), "migration");
    let old = Connection::open(db.backup_dir().unwrap().join(&backups[0].name)).unwrap();
    let v: i64 = old
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(v, 1, "the backup is the file as it was before the upgrade");
    let org = db.organisation("o1").unwrap();
    assert_eq!(
        org.abbreviation, "BTGTU",
        "existing data survives the migration"
    );
    assert_eq!(org.full_name, "", "the new column starts empty");
    assert_eq!(
        (org.kind, org.head_vacant),
        (hoinghi_core::model::OrganisationKind::Party, false),
        "an HD36 organisation becomes a Party body, its documents formatted by date"
    );
}

#[test]
fn the_one_term_start_setting_becomes_each_party_body_s_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v15.db");
    {
        let conn = file_at_version(&path, 15);
        conn.execute_batch(
            r#"INSERT INTO organisation (id, parent_name, name, abbreviation, place_name, kind,
                   signer_name, signer_title, signing_prefix, time_zone, created_at, updated_at,
                   device_id)
               VALUES ('party', 'THÀNH UỶ HÀ NỘI', 'BAN TUYÊN GIÁO', 'BTGTU', 'Hà Nội', 'party',
                   'A', 'TRƯỞNG BAN', '', 'Asia/Ho_Chi_Minh', 't', 't', 'd'),
                      ('state', '', 'UBND PHƯỜNG BA ĐÌNH', 'UBND', 'Hà Nội', 'state',
                   'B', 'CHỦ TỊCH', '', 'Asia/Ho_Chi_Minh', 't', 't', 'd');
               INSERT INTO meta (key, value)
               VALUES ('format_settings', '{"partyEnding":"./.","partyTermStart":"2025-10-18"}');
               PRAGMA user_version = 15;"#,
        )
        .unwrap();
    }
    let db = Db::open(&path).unwrap();
    assert_eq!(db.organisation("party").unwrap().term_start, "2025-10-18");
    assert_eq!(db.organisation("state").unwrap().term_start, "");
}

#[test]
fn the_document_font_choice_is_remembered() {
    use hoinghi_core::model::DocumentFont;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("h.db");
    {
        let mut db = Db::open(&path).unwrap();
        assert_eq!(
            db.document_font().unwrap(),
            DocumentFont::LiberationSerif,
            "the bundled font by default"
        );
        db.set_document_font(DocumentFont::TimesNewRoman).unwrap();
    }
    assert_eq!(
        Db::open(&path).unwrap().document_font().unwrap(),
        DocumentFont::TimesNewRoman
    );
}

#[test]
fn uncertain_format_rules_are_settings_with_the_likeliest_defaults() {
    use hoinghi_core::model::{FormatSettings, ListOrder, ToneMarks};
    let mut db = crate::support::db();
    let defaults = db.format_settings().unwrap();
    assert_eq!(
        (
            defaults.party_ending.as_str(),
            defaults.party_invitation_abbreviation.as_str(),
            defaults.state_table_font_size,
            defaults.party_table_font_size
        ),
        ("./.", "GM", 13, 14)
    );
    assert_eq!(
        (defaults.state_tone_marks, defaults.party_tone_marks),
        (ToneMarks::FirstVowel, ToneMarks::MainVowel),
        "ỦY BAN in state documents, THÀNH UỶ in Party ones"
    );
    let chosen = FormatSettings {
        party_ending: ".".into(),
        party_invitation_abbreviation: "GMi".into(),
        state_table_font_size: 14,
        party_table_font_size: 15,
        state_tone_marks: ToneMarks::MainVowel,
        party_tone_marks: ToneMarks::FirstVowel,
        list_order: ListOrder::GivenName,
    };
    assert_eq!(db.update_format_settings(&chosen).unwrap(), chosen);
    assert_eq!(
        db.format_settings().unwrap(),
        chosen,
        "the choice is stored"
    );
    for bad in [
        FormatSettings {
            party_ending: "/".into(),
            ..chosen.clone()
        },
        FormatSettings {
            party_invitation_abbreviation: "G M".into(),
            ..chosen.clone()
        },
        FormatSettings {
            party_invitation_abbreviation: " ".into(),
            ..chosen.clone()
        },
        FormatSettings {
            state_table_font_size: 30,
            ..chosen.clone()
        },
        FormatSettings {
            state_table_font_size: 15,
            ..chosen.clone()
        },
        FormatSettings {
            party_table_font_size: 12,
            ..chosen.clone()
        },
    ] {
        assert_eq!(
            crate::support::kind(db.update_format_settings(&bad)),
            "invalid",
            "{bad:?} is refused"
        );
    }
    assert_eq!(
        db.format_settings().unwrap(),
        chosen,
        "a refused change leaves the settings as they were"
    );
}

#[test]
fn a_version_16_file_keeps_its_lists_under_natural_keys_and_can_be_shared() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v16.db");
    {
        let conn = file_at_version(&path, 16);
        conn.execute_batch(
            r#"INSERT INTO organisation (id, parent_name, name, abbreviation, place_name, kind,
                   signer_name, signer_title, signing_prefix, time_zone, created_at, updated_at,
                   device_id)
               VALUES ('org', 'THÀNH UỶ HÀ NỘI', 'BAN TUYÊN GIÁO', 'BTGTU', 'Hà Nội', 'party',
                   'A', 'TRƯỞNG BAN', '', 'Asia/Ho_Chi_Minh', 't', 't', 'd');
               INSERT INTO meeting (id, title, kind, starts_at, ends_at, venue, chair_name,
                   chair_title, secretary_name, secretary_title, notes, status, created_at,
                   updated_at, device_id, organisation_id)
               VALUES ('m', 'Giao ban quý IV', 'giaoBan', '2026-12-10T08:00', '2026-12-10T11:00',
                   'Hội trường', '', '', '', '', '', 'draft', 't', 't', 'd', 'org');
               INSERT INTO person (id, full_name, position_title, unit, section, rank, phone,
                   email, checkin_code, created_at, updated_at, device_id)
               VALUES ('p1', 'Nguyễn Văn An', '', '', '', 1, '', '', 'AAAA1111', 't', 't', 'd'),
                      ('p2', 'Trần Thị Bình', '', '', '', 2, '', '', 'BBBB2222', 't', 't', 'd');
               INSERT INTO participant (id, meeting_id, person_id, created_at, updated_at, device_id)
               VALUES ('0199-uuid-1', 'm', 'p1', 't', 't', 'd'), ('0199-uuid-2', 'm', 'p2', 't', 't', 'd');
               INSERT INTO attendance_event (id, meeting_id, person_id, kind, at, reason,
                   created_at, device_id)
               VALUES ('e1', 'm', 'p1', 'invited', '2026-12-01T08:00', '', 't', 'd'),
                      ('e2', 'm', 'p2', 'invited', '2026-12-01T08:00', '', 't', 'd'),
                      ('e3', 'm', 'p1', 'arrived', '2026-12-10T07:55', '', 't', 'd');
               INSERT INTO document_text (id, meeting_id, kind, field, body, created_at,
                   updated_at, device_id)
               VALUES ('0199-uuid-3', 'm', 'giayMoi', 'subject', 'Mời dự giao ban', 't', 't', 'd');
               PRAGMA user_version = 16;"#,
        )
        .unwrap();
    }
    let mut db = Db::open(&path).unwrap();
    let people = db.participants("m").unwrap();
    assert_eq!(people.len(), 2);
    assert!(people[0].arrived_at.is_some());
    let ids: Vec<String> = {
        let conn = Connection::open(&path).unwrap();
        let mut stmt = conn
            .prepare("SELECT id FROM participant ORDER BY id")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(ids, ["m/p1", "m/p2"]);
    let text_ids: Vec<String> = {
        let conn = Connection::open(&path).unwrap();
        let mut stmt = conn.prepare("SELECT id FROM document_text").unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    assert_eq!(text_ids, ["m/giayMoi/subject"]);
    // Every table under a meeting is now one cr-sqlite accepts.
    let shared = db.share_meeting("m").unwrap();
    assert_eq!(shared.title, "Giao ban quý IV");
    let batch = db.sync_changes("m", 0).unwrap();
    for table in [
        "organisation",
        "meeting",
        "person",
        "participant",
        "attendance_event",
        "document_text",
    ] {
        assert!(
            batch.changes.iter().any(|c| c.table == table),
            "{table} has no changes"
        );
    }
}

/// A database file as HoiNghi's schema version `version` left it (empty).
fn file_at_version(path: &std::path::Path, version: usize) -> Connection {
    const MIGRATIONS: [&str; 16] = [
        include_str!("../../src/migrations/0001_initial.sql"),
        include_str!("../../src/migrations/0002_organisation_full_name.sql"),
        include_str!("../../src/migrations/0003_document_text.sql"),
        include_str!("../../src/migrations/0004_person_sort_key.sql"),
        include_str!("../../src/migrations/0005_trash.sql"),
        include_str!("../../src/migrations/0006_organisation_kind.sql"),
        include_str!("../../src/migrations/0007_participant_role.sql"),
        include_str!("../../src/migrations/0008_document_number.sql"),
        include_str!("../../src/migrations/0009_issuing_bodies.sql"),
        include_str!("../../src/migrations/0010_change_counters.sql"),
        include_str!("../../src/migrations/0011_list_order.sql"),
        include_str!("../../src/migrations/0012_substitutes.sql"),
        include_str!("../../src/migrations/0013_agenda_running.sql"),
        include_str!("../../src/migrations/0014_votes.sql"),
        include_str!("../../src/migrations/0015_meeting_events.sql"),
        include_str!("../../src/migrations/0016_body_term_start.sql"),
    ];
    let conn = Connection::open(path).unwrap();
    for sql in &MIGRATIONS[..version] {
        conn.execute_batch(sql).unwrap();
    }
    conn
}
