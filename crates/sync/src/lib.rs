//! Shared meetings between laptops on the office LAN.
//!
//! A laptop that shares a meeting serves it (`serve`); another exchanges
//! changes with it (`exchange`), pulling what it has not seen and pushing
//! back what the other has not, each batch merged all or nothing by the
//! store (`hoinghi_core`'s `sync_changes` and `sync_merge`, on cr-sqlite).
//! Everything after the first 24 bytes goes through the Noise channel of
//! `channel.rs`, keyed by the meeting's pairing secret.
//!
//! One exchange, connecting side C and listening side S:
//!
//! 1. C → S: magic and key id (clear); Noise handshake with C's `Hello`.
//! 2. S → C: `Welcome`: S's `Hello` and the meeting, or why S refuses
//!    (another protocol, schema or engine version).
//! 3. C → S: `Pull` with how far C has pulled S before.
//! 4. S → C: `Changes`: S's changes since then, and how far S has pulled C.
//!    C merges them.
//! 5. C → S: `Push`: C's changes since then. S merges.
//! 6. S → C: `Done`, or `Failed` with the reason.
//!
//! A laptop with no copy of the meeting joins it by step 4: the meeting
//! becomes shared there, with the same secret.
//!
//! A laptop given a six-word invitation (`invite.rs`) instead of the secret
//! first opens a session keyed by the invitation; S answers step 2 with
//! `Invited` and the meeting's secret, and the session ends. C then
//! exchanges with the secret as above.

mod channel;
pub mod discovery;
mod error;
mod invite;
mod pairing;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::Mutex;
use std::time::Duration;

use hoinghi_core::{Batch, Db, Peer, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};

use channel::{key_id, Channel, MAGIC};
pub use channel::{key_id_hex, normalise_secret};
pub use error::{Result, SyncError};
pub use invite::{invite, parse_invitation, stretch, Invitation, Invitations};
pub use pairing::{pairing_code, parse_pairing_code, sharing_state, PeerNews};

/// The version of the exchange described above.
pub const PROTOCOL: u32 = 1;

/// Who a side is and what it speaks.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Hello {
    protocol: u32,
    schema: i64,
    engine: String,
    replica: String,
    /// What the laptop does in the team.
    label: String,
    /// The port it listens on for its team (0: it does not), so that the
    /// other side can connect back later.
    port: u16,
}

#[derive(Debug, Serialize, Deserialize)]
enum Welcome {
    Accepted {
        hello: Hello,
        meeting_id: String,
        title: String,
    },
    Refused {
        reason: String,
    },
    /// The answer to an invitation: the meeting's secret, to exchange with.
    Invited {
        hello: Hello,
        secret: String,
    },
}

#[derive(Debug, Serialize, Deserialize)]
enum Message {
    Pull { since: i64 },
    Changes { batch: Batch, want_since: i64 },
    Push { batch: Batch },
    Done,
    Failed { reason: String },
}

/// What one exchange did.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchanged {
    pub meeting_id: String,
    pub title: String,
    /// The meeting was new on this laptop: it joined it.
    pub joined: bool,
    /// The other laptop's copy, and what it does in the team.
    pub peer_replica: String,
    pub peer_label: String,
    /// Changes merged here, and merged on the other laptop.
    pub received: usize,
    pub sent: usize,
}

/// Runs `f` on the store under its lock, which is held for one step of an
/// exchange at a time, never while waiting for the network.
fn with<T>(store: &Mutex<Db>, f: impl FnOnce(&mut Db) -> hoinghi_core::Result<T>) -> Result<T> {
    let mut db = store
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    Ok(f(&mut db)?)
}

fn hello_of(store: &Mutex<Db>, port: u16) -> Result<Hello> {
    with(store, |db| {
        let replica = db.sync_replica()?;
        Ok(Hello {
            protocol: PROTOCOL,
            schema: SCHEMA_VERSION,
            engine: db.sync_engine().to_string(),
            replica,
            label: db.sync_label()?,
            port,
        })
    })
}

/// Why `theirs` cannot exchange with `ours`, in words for the secretary.
fn incompatible(ours: &Hello, theirs: &Hello) -> Option<String> {
    if ours.protocol != theirs.protocol || ours.schema != theirs.schema {
        Some(format!(
            "hai máy dùng hai phiên bản HoiNghi khác nhau (giao thức {}, dữ liệu {} ở một máy; \
             giao thức {}, dữ liệu {} ở máy kia). Hãy cài cùng một phiên bản HoiNghi trên mọi máy.",
            ours.protocol, ours.schema, theirs.protocol, theirs.schema
        ))
    } else if ours.engine != theirs.engine {
        Some(format!(
            "hai máy dùng hai bộ đồng bộ khác nhau ({} và {}). Hãy cài cùng một phiên bản \
             HoiNghi trên mọi máy.",
            ours.engine, theirs.engine
        ))
    } else {
        None
    }
}

/// Exchanges the changes of the meeting shared under `secret` with the laptop
/// at `peer`, both ways. Into a file without that meeting, brings it whole.
/// `secret` may be a six-word invitation that laptop issued instead.
/// `port` is where this laptop listens for its team (0: nowhere).
pub fn exchange(store: &Mutex<Db>, peer: SocketAddr, secret: &str, port: u16) -> Result<Exchanged> {
    let me = hello_of(store, port)?;
    match parse_invitation(secret) {
        Some(words) => {
            let secret = redeem(peer, &words, &me)?;
            exchange_as(store, peer, &secret, me)
        }
        None => exchange_as(store, peer, secret, me),
    }
}

/// The secret of the meeting the laptop at `peer` invited into with `words`.
fn redeem(peer: SocketAddr, words: &str, me: &Hello) -> Result<String> {
    let stream = TcpStream::connect_timeout(&peer, Duration::from_secs(2))?;
    let (_, welcome): (Channel, Welcome) = Channel::connect(stream, &stretch(words), me)?;
    match welcome {
        Welcome::Invited { hello, secret } => match incompatible(me, &hello) {
            Some(reason) => Err(SyncError::Refused(reason)),
            None => Ok(secret),
        },
        Welcome::Refused { reason } => Err(SyncError::Refused(reason)),
        Welcome::Accepted { .. } => Err(SyncError::Protocol(
            "máy kia không gửi mã của hội nghị".into(),
        )),
    }
}

fn exchange_as(store: &Mutex<Db>, peer: SocketAddr, secret: &str, me: Hello) -> Result<Exchanged> {
    // A laptop on the LAN answers at once; one that is off should not hold up the others.
    let stream = TcpStream::connect_timeout(&peer, Duration::from_secs(2))?;
    let (mut ch, welcome): (Channel, Welcome) = Channel::connect(stream, secret, &me)?;
    let (them, meeting_id, title) = match welcome {
        Welcome::Refused { reason } => return Err(SyncError::Refused(reason)),
        Welcome::Invited { .. } => {
            return Err(SyncError::Protocol(
                "tin nhắn Invited không đúng lúc".into(),
            ))
        }
        Welcome::Accepted {
            hello,
            meeting_id,
            title,
        } => (hello, meeting_id, title),
    };
    if let Some(reason) = incompatible(&me, &them) {
        return Err(SyncError::Refused(reason));
    }
    let joined = !with(store, |db| db.shared_meetings())?
        .iter()
        .any(|s| s.meeting_id == meeting_id);
    let since = with(store, |db| db.sync_pulled(&meeting_id, &them.replica))?;
    ch.send(&Message::Pull { since })?;
    let (batch, want_since) = match ch.receive()? {
        Message::Changes { batch, want_since } => (batch, want_since),
        Message::Failed { reason } => return Err(SyncError::Refused(reason)),
        other => return Err(unexpected(&other)),
    };
    let secret = normalise_secret(secret);
    let address = peer.to_string();
    let received = match with(store, |db| {
        let peer = Peer {
            replica: &them.replica,
            label: &them.label,
            address: &address,
        };
        db.sync_merge(&meeting_id, peer, &batch, joined.then_some(secret.as_str()))
    }) {
        Ok(n) => n,
        Err(e) => {
            let _ = ch.send(&Message::Failed {
                reason: e.to_string(),
            });
            return Err(e);
        }
    };
    let batch = with(store, |db| {
        if joined {
            db.sync_changes_made_here(&meeting_id, want_since)
        } else {
            db.sync_changes(&meeting_id, want_since)
        }
    })?;
    let (sent, version) = (batch.changes.len(), batch.version);
    ch.send(&Message::Push { batch })?;
    match ch.receive()? {
        Message::Done => {
            with(store, |db| {
                db.sync_pushed(&meeting_id, &them.replica, version)
            })?;
            Ok(Exchanged {
                meeting_id,
                title,
                joined,
                peer_replica: them.replica,
                peer_label: them.label,
                received,
                sent,
            })
        }
        Message::Failed { reason } => Err(SyncError::Refused(reason)),
        other => Err(unexpected(&other)),
    }
}

fn unexpected(message: &Message) -> SyncError {
    let name = match message {
        Message::Pull { .. } => "Pull",
        Message::Changes { .. } => "Changes",
        Message::Push { .. } => "Push",
        Message::Done => "Done",
        Message::Failed { .. } => "Failed",
    };
    SyncError::Protocol(format!("tin nhắn {name} không đúng lúc"))
}

/// What happened to one connection a server took.
#[derive(Debug)]
pub struct Served {
    pub peer: SocketAddr,
    pub outcome: Result<Exchanged>,
}

/// Serves the meetings this file shares (only the one shared under `secret`,
/// if given) on `listener`, and answers the `invitations` it issued: one
/// connection at a time, `limit` connections in all or until the process
/// ends. `report` hears how each went.
pub fn serve(
    store: &Mutex<Db>,
    listener: &TcpListener,
    secret: Option<&str>,
    invitations: &Invitations,
    limit: Option<usize>,
    mut report: impl FnMut(Served),
) -> Result<()> {
    let port = listener.local_addr()?.port();
    for (n, stream) in listener.incoming().enumerate() {
        let stream = stream?;
        report(answer(store, stream, secret, invitations, port));
        if limit.is_some_and(|l| n + 1 >= l) {
            break;
        }
    }
    Ok(())
}

/// Answers one connection from another laptop (see the module documentation)
/// on a listener at `port`, serving only the meeting shared under `only` if
/// given, or handing the secret to a laptop that holds one of `invitations`.
pub fn answer(
    store: &Mutex<Db>,
    stream: TcpStream,
    only: Option<&str>,
    invitations: &Invitations,
    port: u16,
) -> Served {
    let peer = stream
        .peer_addr()
        .unwrap_or_else(|_| SocketAddr::from(([0, 0, 0, 0], 0)));
    let outcome = answer_from(store, stream, peer, only, invitations, port);
    Served { peer, outcome }
}

fn answer_from(
    store: &Mutex<Db>,
    mut stream: TcpStream,
    peer: SocketAddr,
    only: Option<&str>,
    invitations: &Invitations,
    port: u16,
) -> Result<Exchanged> {
    use std::io::Read;
    stream.set_read_timeout(Some(channel::IDLE))?;
    stream.set_write_timeout(Some(channel::IDLE))?;
    stream.set_nodelay(true)?;
    let mut prelude = [0u8; 24];
    stream.read_exact(&mut prelude)?;
    if &prelude[..8] != MAGIC {
        return Err(SyncError::Protocol("không phải kết nối HoiNghi".into()));
    }
    let only = only.map(normalise_secret);
    let shared = with(store, |db| db.shared_meetings())?;
    let serving = |s: &&hoinghi_core::SharedMeeting| {
        only.as_ref()
            .is_none_or(|o| *o == normalise_secret(&s.secret))
    };
    let Some(shared) = shared
        .iter()
        .filter(serving)
        .find(|s| key_id(&s.secret)[..] == prelude[8..])
        .cloned()
    else {
        let invited = invitations.find(&prelude[8..]).and_then(|i| {
            shared
                .iter()
                .filter(serving)
                .find(|s| s.meeting_id == i.meeting_id)
                .map(|s| (i, s.clone()))
        });
        // Closing without a word: a stranger learns nothing.
        let (invitation, shared) = invited.ok_or(SyncError::NotPaired)?;
        return hand_over(store, stream, &invitation, shared, port);
    };
    let (mut ch, them) = accept_compatible(store, stream, &shared.secret, port, |me| {
        Welcome::Accepted {
            hello: me,
            meeting_id: shared.meeting_id.clone(),
            title: shared.title.clone(),
        }
    })?;
    let meeting = &shared.meeting_id;
    let since = match ch.receive()? {
        Message::Pull { since } => since,
        other => return Err(unexpected(&other)),
    };
    let (batch, want_since) = with(store, |db| {
        Ok((
            db.sync_changes(meeting, since)?,
            db.sync_pulled(meeting, &them.replica)?,
        ))
    })?;
    let (sent, version) = (batch.changes.len(), batch.version);
    ch.send(&Message::Changes { batch, want_since })?;
    let batch = match ch.receive()? {
        // A push comes only after the other laptop merged what it was sent.
        Message::Push { batch } => {
            with(store, |db| db.sync_pushed(meeting, &them.replica, version))?;
            batch
        }
        Message::Failed { reason } => return Err(SyncError::Refused(reason)),
        other => return Err(unexpected(&other)),
    };
    match with(store, |db| {
        // Where it listens, so that this laptop can connect back later.
        let address = if them.port == 0 {
            String::new()
        } else {
            SocketAddr::new(peer.ip(), them.port).to_string()
        };
        let peer = Peer {
            replica: &them.replica,
            label: &them.label,
            address: &address,
        };
        db.sync_merge(meeting, peer, &batch, None)
    }) {
        Ok(received) => {
            ch.send(&Message::Done)?;
            Ok(Exchanged {
                meeting_id: meeting.clone(),
                title: shared.title,
                joined: false,
                peer_replica: them.replica,
                peer_label: them.label,
                received,
                sent,
            })
        }
        Err(e) => {
            let _ = ch.send(&Message::Failed {
                reason: e.to_string(),
            });
            Err(e)
        }
    }
}

/// The listening side's handshake under `key`: a peer of another version is
/// told why and refused; any other gets `welcome(this laptop's hello)`.
fn accept_compatible(
    store: &Mutex<Db>,
    stream: TcpStream,
    key: &str,
    port: u16,
    welcome: impl FnOnce(Hello) -> Welcome,
) -> Result<(Channel, Hello)> {
    let me = hello_of(store, port)?;
    let mut refusal = None;
    let (ch, them) = Channel::accept(stream, key, |them| {
        refusal = incompatible(&me, them);
        match &refusal {
            Some(reason) => Welcome::Refused {
                reason: reason.clone(),
            },
            None => welcome(me.clone()),
        }
    })?;
    match refusal {
        Some(reason) => Err(SyncError::Refused(reason)),
        None => Ok((ch, them)),
    }
}

/// Answers a laptop that holds `invitation`: sends the meeting's secret (or
/// why it is refused) and ends the session. Nothing is exchanged yet, so the
/// outcome counts no changes.
fn hand_over(
    store: &Mutex<Db>,
    stream: TcpStream,
    invitation: &Invitation,
    shared: hoinghi_core::SharedMeeting,
    port: u16,
) -> Result<Exchanged> {
    let (_, them) = accept_compatible(store, stream, &invitation.key, port, |me| {
        Welcome::Invited {
            hello: me,
            secret: shared.secret.clone(),
        }
    })?;
    Ok(Exchanged {
        meeting_id: shared.meeting_id,
        title: shared.title,
        joined: false,
        peer_replica: them.replica,
        peer_label: them.label,
        received: 0,
        sent: 0,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_peer_of_another_version_is_refused_with_the_versions_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut db = Db::open(dir.path().join("host.db")).unwrap();
        let meeting = db.write_demo().unwrap();
        let secret = db.share_meeting(&meeting).unwrap().secret;
        let host = Mutex::new(db);
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            let mut outcomes = Vec::new();
            serve(
                &host,
                &listener,
                None,
                &Invitations::default(),
                Some(2),
                |s| outcomes.push(s.outcome),
            )
            .unwrap();
            outcomes
        });

        let guest = Mutex::new(Db::open(dir.path().join("guest.db")).unwrap());
        let mut newer = hello_of(&guest, 0).unwrap();
        newer.schema += 1;
        let err = exchange_as(&guest, addr, &secret, newer).unwrap_err();
        let SyncError::Refused(reason) = &err else {
            panic!("{err:?}")
        };
        assert!(
            reason.contains(&format!("dữ liệu {}", SCHEMA_VERSION + 1)),
            "{reason}"
        );
        let mut other_engine = hello_of(&guest, 0).unwrap();
        other_engine.engine = "cr-sqlite 0.17.0".into();
        let err = exchange_as(&guest, addr, &secret, other_engine).unwrap_err();
        assert!(err.to_string().contains("cr-sqlite 0.17.0"), "{err}");

        let outcomes = server.join().unwrap();
        assert!(outcomes
            .iter()
            .all(|o| matches!(o, Err(SyncError::Refused(_)))));
        let guest = guest.into_inner().unwrap();
        assert!(guest.shared_meetings().unwrap().is_empty());
        assert!(guest.list_meetings().unwrap().is_empty());
    }
}
