//! Shared meetings: a meeting shared on one laptop, joined on another, edited
//! on both while apart, and merged both ways until the copies are the same.

use std::path::Path;

use hoinghi_core::model::*;
use hoinghi_core::{CoreError, Db, Peer};

use crate::support::*;

/// The meeting's rows in every shared table, read from the file.
fn dump(path: &Path, meeting_id: &str) -> Vec<String> {
    Db::open_read_only(path)
        .unwrap()
        .shared_rows(meeting_id)
        .unwrap()
}

/// `to` pulls from `from` what it has not seen yet, as the sync layer does.
fn pull(from: &mut Db, to: &mut Db, meeting_id: &str, joining_with: Option<&str>) -> usize {
    let replica = from.sync_replica().unwrap();
    let since = to.sync_pulled(meeting_id, &replica).unwrap();
    let batch = from.sync_changes(meeting_id, since).unwrap();
    let peer = Peer {
        replica: &replica,
        label: "Cửa 1",
        address: "test",
    };
    to.sync_merge(meeting_id, peer, &batch, joining_with)
        .unwrap()
}

/// The demo conference, reopened so that the door and the minutes accept work.
fn open_demo(db: &mut Db) -> String {
    let id = db.write_demo().unwrap();
    db.reopen_meeting(&id, "Dùng thử làm việc nhóm").unwrap();
    id
}

/// A host (`a.db` in `dir`) sharing the demo meeting, reopened, and a guest
/// (`b.db`) that has joined it: (host, guest, meeting id, secret).
fn team(dir: &Path) -> (Db, Db, String, String) {
    let mut host = Db::open(dir.join("a.db")).unwrap();
    let id = open_demo(&mut host);
    let secret = host.share_meeting(&id).unwrap().secret;
    let mut guest = Db::open(dir.join("b.db")).unwrap();
    pull(&mut host, &mut guest, &id, Some(&secret));
    (host, guest, id, secret)
}

/// The people on the meeting's list who have not arrived.
fn waiting(db: &Db, meeting_id: &str) -> Vec<String> {
    db.participants(meeting_id)
        .unwrap()
        .into_iter()
        .filter(|p| p.arrived_at.is_none())
        .map(|p| p.person.id)
        .collect()
}

fn minutes(text: &str) -> MinutesInput {
    MinutesInput {
        agenda_item_id: None,
        speaker_name: "Nguyễn Văn A".into(),
        speaker_title: "Trưởng Ban".into(),
        spoken_at: Some("08:40".into()),
        kind: MinutesKind::Opinion,
        text: text.into(),
    }
}

#[test]
fn a_joined_meeting_edited_on_two_laptops_converges_and_other_meetings_stay_home() {
    let dir = tempfile::tempdir().unwrap();
    let mut host = Db::open(dir.path().join("host.db")).unwrap();
    let id = open_demo(&mut host);
    let private = meeting(&mut host);
    let shared = host.share_meeting(&id).unwrap();
    assert_eq!(shared.secret.len(), 26);
    assert_eq!(
        host.share_meeting(&id).unwrap(),
        shared,
        "sharing twice keeps the secret"
    );

    let mut guest = Db::open(dir.path().join("guest.db")).unwrap();
    assert!(pull(&mut host, &mut guest, &id, Some(&shared.secret)) > 100);
    assert_eq!(guest.shared_meetings().unwrap()[0].secret, shared.secret);
    let met = guest.sync_peers(&id).unwrap();
    assert_eq!((met.len(), met[0].label.as_str()), (1, "Cửa 1"));
    assert!(
        guest.meeting(&private.id).is_err(),
        "only the shared meeting travels"
    );
    assert_eq!(
        dump(&dir.path().join("host.db"), &id),
        dump(&dir.path().join("guest.db"), &id)
    );

    // Apart: a check-in at each door (one person at both), minutes on the guest.
    let people = waiting(&host, &id);
    let (p1, p2) = (&people[0], &people[1]);
    host.check_in(&id, p1).unwrap();
    guest.check_in(&id, p2).unwrap();
    guest.check_in(&id, p1).unwrap();
    guest
        .add_minutes_entry(&id, &minutes("Đề nghị bổ sung số liệu quý IV."))
        .unwrap();

    pull(&mut host, &mut guest, &id, None);
    pull(&mut guest, &mut host, &id, None);
    assert_eq!(
        dump(&dir.path().join("host.db"), &id),
        dump(&dir.path().join("guest.db"), &id)
    );
    assert_eq!(
        host.attendance_summary(&id).unwrap(),
        guest.attendance_summary(&id).unwrap()
    );
    let arrived = |db: &Db| {
        db.participants(&id)
            .unwrap()
            .into_iter()
            .filter(|p| p.person.id == *p1 || p.person.id == *p2)
            .map(|p| (p.person.id, p.state))
            .collect::<Vec<_>>()
    };
    assert_eq!(arrived(&host), arrived(&guest));
    assert!(host
        .minutes(&id)
        .unwrap()
        .iter()
        .any(|m| m.text == "Đề nghị bổ sung số liệu quý IV."));

    // Nothing new: a second round moves nothing.
    assert_eq!(pull(&mut host, &mut guest, &id, None), 0);
    assert_eq!(pull(&mut guest, &mut host, &id, None), 0);
}

#[test]
fn a_reopened_shared_file_keeps_merging_what_it_writes() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let (host, mut guest, id, _) = team(dir.path());
    drop(host);

    let mut host = Db::open(&a).unwrap();
    let person = waiting(&host, &id).remove(0);
    host.check_in(&id, &person).unwrap();
    assert!(pull(&mut host, &mut guest, &id, None) > 0);
    assert_eq!(dump(&a, &id), dump(&b, &id));
}

#[test]
fn a_joined_laptop_tells_its_own_changes_from_those_it_was_sent() {
    let dir = tempfile::tempdir().unwrap();
    let (mut host, mut guest, id, _) = team(dir.path());
    let everything = host.sync_changes(&id, 0).unwrap().changes.len();
    assert_eq!(
        host.sync_changes_made_here(&id, 0).unwrap().changes.len(),
        everything,
        "the host wrote the whole meeting"
    );
    assert_eq!(
        guest.sync_changes(&id, 0).unwrap().changes.len(),
        everything
    );
    assert!(guest
        .sync_changes_made_here(&id, 0)
        .unwrap()
        .changes
        .is_empty());

    let person = waiting(&guest, &id).remove(0);
    guest.check_in(&id, &person).unwrap();
    let mine = guest.sync_changes_made_here(&id, 0).unwrap().changes;
    assert!(
        !mine.is_empty() && mine.len() < 10,
        "{} changes",
        mine.len()
    );
    assert!(mine
        .iter()
        .all(|c| c.table == "attendance_event" || c.table == "participant"));
}

#[test]
fn a_batch_that_touches_another_meeting_is_refused_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let (mut host, mut guest, id, _) = team(dir.path());

    // The guest also has a meeting of its own, which the host must not write into.
    let own = meeting(&mut guest);
    // A peer that knows the shared meeting's secret sends a change to the
    // title of the guest's own meeting.
    let mut batch = host.sync_changes(&id, 0).unwrap();
    let mut forged = batch
        .changes
        .iter()
        .find(|c| c.table == "meeting" && c.cid == "title")
        .unwrap()
        .clone();
    forged.pk = vec![1, 1 << 3 | 3, own.id.len() as u8];
    forged.pk.extend_from_slice(own.id.as_bytes());
    forged.val = hoinghi_core::ChangeValue::Text("Bị sửa".into());
    forged.col_version = 99;
    batch.changes.push(forged);
    let replica = host.sync_replica().unwrap();
    let before = dump(&dir.path().join("b.db"), &own.id);
    let peer = Peer {
        replica: &replica,
        label: "",
        address: "test",
    };
    let err = guest.sync_merge(&id, peer, &batch, None).unwrap_err();
    assert!(matches!(err, CoreError::Conflict(_)), "{err}");
    assert!(err.to_string().contains("không thuộc hội nghị dùng chung"));
    assert_eq!(dump(&dir.path().join("b.db"), &own.id), before);
    assert_eq!(guest.meeting(&own.id).unwrap().title, own.title);
}

#[test]
fn a_restored_shared_meeting_is_still_shared_and_its_later_work_reaches_the_team() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let (mut host, mut guest, id, secret) = team(dir.path());
    let backup = host.backup(BackupReason::Manual).unwrap();
    let before = host.sync_replica().unwrap();

    // Work after the backup reaches the guest, then the host goes back to the backup.
    let waiting = waiting(&host, &id);
    for person in &waiting[..2] {
        host.check_in(&id, person).unwrap();
    }
    pull(&mut host, &mut guest, &id, None);
    host.restore_backup(&backup.name).unwrap();
    assert_eq!(host.shared_meetings().unwrap()[0].secret, secret);
    let after = host.sync_replica().unwrap();
    assert_ne!(before, after, "a restored copy has a new name");

    // What the host writes now still reaches the guest, and the guest gives
    // the host back what the restore took away.
    host.check_in(&id, &waiting[3]).unwrap();
    pull(&mut host, &mut guest, &id, None);
    pull(&mut guest, &mut host, &id, None);
    assert_eq!(dump(&a, &id), dump(&b, &id));
    let present = |db: &Db| {
        db.participants(&id)
            .unwrap()
            .into_iter()
            .filter(|p| p.arrived_at.is_some())
            .count()
    };
    assert_eq!(present(&host), present(&guest));
    assert!(guest
        .participants(&id)
        .unwrap()
        .iter()
        .any(|p| p.person.id == waiting[3] && p.arrived_at.is_some()));
}

#[test]
fn a_portable_file_seeds_a_new_laptop_that_then_joins_without_doubling_anything() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    let mut host = Db::open(&a).unwrap();
    let id = open_demo(&mut host);
    let secret = host.share_meeting(&id).unwrap().secret;
    let file = dir.path().join("giao-ban.hoinghi");
    host.export_meeting(&id, &file).unwrap();
    // The host works on after the file was made.
    host.add_minutes_entry(&id, &minutes("Ý kiến sau khi chép tệp."))
        .unwrap();

    let mut guest = Db::open(&b).unwrap();
    guest.import_meeting(&file).unwrap();
    pull(&mut host, &mut guest, &id, Some(&secret));
    pull(&mut guest, &mut host, &id, None);
    assert_eq!(dump(&a, &id), dump(&b, &id));
    assert_eq!(
        host.minutes(&id).unwrap().len(),
        guest.minutes(&id).unwrap().len()
    );
    assert_eq!(
        host.participants(&id).unwrap().len(),
        guest.participants(&id).unwrap().len()
    );
}

#[test]
fn a_meeting_deleted_on_one_laptop_goes_to_the_trash_on_all_and_emptying_it_leaves_the_team() {
    let dir = tempfile::tempdir().unwrap();
    let (mut host, mut guest, id, _) = team(dir.path());

    guest.delete_meeting(&id).unwrap();
    pull(&mut guest, &mut host, &id, None);
    assert!(host
        .deleted_meetings()
        .unwrap()
        .iter()
        .any(|m| m.meeting.id == id));

    guest.empty_trash().unwrap();
    assert!(guest.shared_meetings().unwrap().is_empty());
    assert!(guest.sync_peers(&id).unwrap().is_empty());
    // The host keeps its copy in its trash.
    assert!(host
        .deleted_meetings()
        .unwrap()
        .iter()
        .any(|m| m.meeting.id == id));
}
