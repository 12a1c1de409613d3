//! Two laptops on loopback: joining, exchanging both ways, and everything a
//! stranger or a broken peer might do.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

use hoinghi_core::Db;
use hoinghi_sync::{exchange, serve, Invitations, Served, SyncError};

/// The meeting's rows in every shared table, read from the file.
fn dump(path: &Path, meeting: &str) -> Vec<String> {
    Db::open_read_only(path)
        .unwrap()
        .shared_rows(meeting)
        .unwrap()
}

struct Host {
    path: PathBuf,
    meeting: String,
    secret: String,
}

fn host(dir: &Path) -> Host {
    let path = dir.join("host.db");
    let mut db = Db::open(&path).unwrap();
    let meeting = db.write_demo().unwrap();
    db.reopen_meeting(&meeting, "Làm việc nhóm").unwrap();
    let secret = db.share_meeting(&meeting).unwrap().secret;
    Host {
        path,
        meeting,
        secret,
    }
}

/// Checks in the first person on the list who has not arrived.
fn check_in_someone(db: &mut Db, meeting: &str) {
    let waiting = db
        .participants(meeting)
        .unwrap()
        .into_iter()
        .find(|p| p.arrived_at.is_none())
        .unwrap();
    db.check_in(meeting, &waiting.person.id).unwrap();
}

/// Serves `path` for `n` connections on a loopback port.
fn server(path: &Path, n: usize) -> (SocketAddr, JoinHandle<Vec<Served>>) {
    server_inviting(path, n, Arc::default())
}

/// Serves `path` for `n` connections, answering `invitations` too.
fn server_inviting(
    path: &Path,
    n: usize,
    invitations: Arc<Invitations>,
) -> (SocketAddr, JoinHandle<Vec<Served>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let path = path.to_path_buf();
    let handle = std::thread::spawn(move || {
        let db = Mutex::new(Db::open(&path).unwrap());
        let mut served = Vec::new();
        serve(&db, &listener, None, &invitations, Some(n), |s| {
            served.push(s)
        })
        .unwrap();
        served
    });
    (addr, handle)
}

#[test]
fn a_new_laptop_joins_then_both_exchange_what_they_wrote_apart() {
    let dir = tempfile::tempdir().unwrap();
    let h = host(dir.path());
    let guest_path = dir.path().join("guest.db");
    let (addr, server) = server(&h.path, 2);

    let guest = Mutex::new(Db::open(&guest_path).unwrap());
    let first = exchange(&guest, addr, &h.secret.to_lowercase(), 0).unwrap();
    assert!(first.joined);
    assert_eq!(first.meeting_id, h.meeting);
    assert!(first.received > 100, "{first:?}");
    assert_eq!(first.sent, 0, "a new laptop sends back nothing it was sent");
    let mut guest = guest.into_inner().unwrap();
    assert_eq!(guest.shared_meetings().unwrap()[0].secret, h.secret);

    assert_eq!(
        guest.sync_behind(&h.meeting, &first.peer_replica).unwrap(),
        0
    );
    check_in_someone(&mut guest, &h.meeting);
    let behind = guest.sync_behind(&h.meeting, &first.peer_replica).unwrap();
    assert!(behind > 0, "the host lacks the check-in");
    let guest = Mutex::new(guest);
    let second = exchange(&guest, addr, &h.secret, 0).unwrap();
    assert!(!second.joined);
    assert_eq!(second.sent, behind);
    let mut guest = guest.into_inner().unwrap();
    assert_eq!(
        guest.sync_behind(&h.meeting, &first.peer_replica).unwrap(),
        0
    );
    drop(guest);

    let served = server.join().unwrap();
    assert!(served.iter().all(|s| s.outcome.is_ok()), "{served:?}");
    assert_eq!(dump(&h.path, &h.meeting), dump(&guest_path, &h.meeting));
}

#[test]
fn a_wrong_secret_gets_nothing_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let h = host(dir.path());
    let before = dump(&h.path, &h.meeting);
    let (addr, server) = server(&h.path, 1);
    let guest_path = dir.path().join("guest.db");
    let guest = Mutex::new(Db::open(&guest_path).unwrap());
    let err = exchange(&guest, addr, "0000000000000000000000000A", 0).unwrap_err();
    assert!(matches!(err, SyncError::NotPaired), "{err:?}");
    assert!(err.to_string().contains("mã ghép nối"));
    drop(guest);
    assert!(matches!(
        server.join().unwrap()[0].outcome,
        Err(SyncError::NotPaired)
    ));
    assert_eq!(dump(&h.path, &h.meeting), before);
    assert!(dump(&guest_path, &h.meeting).is_empty());
}

#[test]
fn six_words_bring_a_new_laptop_in_and_stale_or_wrong_words_get_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let h = host(dir.path());
    let invitations = Arc::new(Invitations::default());
    let stale = invitations.issue(&h.meeting).unwrap().words;
    let words = invitations.issue(&h.meeting).unwrap().words;
    let wrong = if words.starts_with("hoa ") {
        "mai mai mai mai mai mai"
    } else {
        "hoa hoa hoa hoa hoa hoa"
    };
    let before = dump(&h.path, &h.meeting);
    // Stale words, wrong words, then the invitation and the exchange it leads to.
    let (addr, server) = server_inviting(&h.path, 4, invitations);
    let guest_path = dir.path().join("guest.db");
    let guest = Mutex::new(Db::open(&guest_path).unwrap());
    for refused in [stale.as_str(), wrong] {
        let err = exchange(&guest, addr, refused, 0).unwrap_err();
        assert!(matches!(err, SyncError::NotPaired), "{refused}: {err:?}");
    }
    assert!(dump(&guest_path, &h.meeting).is_empty());

    // Typed in capitals, with marks on the first word, as a secretary might.
    let typed = words.to_uppercase().replacen("A", "À", 1);
    let joined = exchange(&guest, addr, &typed, 0).unwrap();
    assert!(joined.joined && joined.received > 100, "{joined:?}");
    let guest = guest.into_inner().unwrap();
    assert_eq!(
        guest.shared_meetings().unwrap()[0].secret,
        h.secret,
        "the guest keeps the meeting's secret, not the words"
    );
    drop(guest);
    assert_eq!(dump(&guest_path, &h.meeting), before);
    let served = server.join().unwrap();
    assert!(matches!(served[0].outcome, Err(SyncError::NotPaired)));
    assert!(matches!(served[1].outcome, Err(SyncError::NotPaired)));
    let handed = served[2].outcome.as_ref().unwrap();
    assert_eq!(
        (handed.sent, handed.received),
        (0, 0),
        "words carry no changes"
    );
    assert!(served[3].outcome.is_ok());
}

/// Relays one connection to `to`, passing client frames through `tamper`
/// (its index among the frames after the prelude, and the frame); returns
/// what the client sent.
fn relay(
    to: SocketAddr,
    mut tamper: impl FnMut(usize, &mut Vec<u8>) + Send + 'static,
) -> (SocketAddr, JoinHandle<Vec<Vec<u8>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    let handle = std::thread::spawn(move || {
        let (mut client, _) = listener.accept().unwrap();
        let mut server = TcpStream::connect(to).unwrap();
        let mut back_client = client.try_clone().unwrap();
        let mut back_server = server.try_clone().unwrap();
        let back = std::thread::spawn(move || {
            let _ = std::io::copy(&mut back_server, &mut back_client);
            let _ = back_client.shutdown(std::net::Shutdown::Both);
        });
        let mut prelude = [0u8; 24];
        client.read_exact(&mut prelude).unwrap();
        server.write_all(&prelude).unwrap();
        let mut sent = vec![prelude.to_vec()];
        for i in 0..64 {
            let mut len = [0u8; 2];
            if client.read_exact(&mut len).is_err() {
                break;
            }
            let mut frame = vec![0u8; u16::from_be_bytes(len) as usize];
            client.read_exact(&mut frame).unwrap();
            sent.push([len.as_slice(), &frame].concat());
            tamper(i, &mut frame);
            if server
                .write_all(&(frame.len() as u16).to_be_bytes())
                .is_err()
                || server.write_all(&frame).is_err()
            {
                break;
            }
        }
        let _ = server.shutdown(std::net::Shutdown::Both);
        back.join().unwrap();
        sent
    });
    (addr, handle)
}

#[test]
fn a_changed_message_ends_the_session_and_a_replayed_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let h = host(dir.path());
    let guest_path = dir.path().join("guest.db");
    let (addr, server) = server(&h.path, 3);
    let guest = Mutex::new(Db::open(&guest_path).unwrap());
    exchange(&guest, addr, &h.secret, 0).unwrap();
    check_in_someone(&mut guest.lock().unwrap(), &h.meeting);
    let host_before = dump(&h.path, &h.meeting);

    // Frame 0 is the handshake, 1 the Pull, 2 the Push with the check-in.
    let (via, recorded) = relay(addr, |i, frame| {
        if i == 2 {
            let last = frame.len() - 1;
            frame[last] ^= 1;
        }
    });
    let err = exchange(&guest, via, &h.secret, 0).unwrap_err();
    assert!(matches!(err, SyncError::Network(_)), "{err:?}");
    let recorded = recorded.join().unwrap();
    assert_eq!(
        dump(&h.path, &h.meeting),
        host_before,
        "the changed push merged nothing"
    );

    // The untouched frames of that session, sent again on a new connection.
    let mut stream = TcpStream::connect(addr).unwrap();
    for frame in &recorded {
        let _ = stream.write_all(frame);
    }
    let _ = stream.shutdown(std::net::Shutdown::Write);
    let _ = stream.read_to_end(&mut Vec::new());
    let served = server.join().unwrap();
    assert!(
        matches!(served[1].outcome, Err(SyncError::Tampered)),
        "{:?}",
        served[1]
    );
    assert!(
        matches!(served[2].outcome, Err(SyncError::Tampered)),
        "{:?}",
        served[2]
    );
    assert_eq!(
        dump(&h.path, &h.meeting),
        host_before,
        "the replay merged nothing"
    );
}
