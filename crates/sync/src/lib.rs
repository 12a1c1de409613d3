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
//! 4. S → C: `Changes`: S's changes since then (not those made on C), and
//!    how far S has pulled C. C merges them.
//! 5. C → S: `Push`: C's changes since then (not those made on S). S merges.
//! 6. S → C: `Done`, or `Failed` with the reason.
//!
//! A laptop with no copy of the meeting joins it by step 4: the meeting
//! becomes shared there, with the same secret.

mod channel;
mod error;

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::time::Duration;

use hoinghi_core::{Batch, Db, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};

pub use channel::normalise_secret;
use channel::{key_id, Channel, MAGIC};
pub use error::{Result, SyncError};

/// The version of the exchange described above.
pub const PROTOCOL: u32 = 1;

/// Who a side is and what it speaks.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Hello {
    protocol: u32,
    schema: i64,
    engine: String,
    replica: String,
    site_id: Vec<u8>,
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
}

#[derive(Debug, Serialize, Deserialize)]
enum Message {
    Pull { since: i64 },
    Changes { batch: Batch, want_since: i64 },
    Push { batch: Batch },
    Done { merged: usize },
    Failed { reason: String },
}

/// What one exchange did.
#[derive(Debug, Clone, PartialEq)]
pub struct Exchanged {
    pub meeting_id: String,
    pub title: String,
    /// The meeting was new on this laptop: it joined it.
    pub joined: bool,
    /// Changes merged here, and merged on the other laptop.
    pub received: usize,
    pub sent: usize,
}

fn hello_of(db: &mut Db) -> Result<Hello> {
    let (replica, site_id) = db.sync_identity()?;
    Ok(Hello {
        protocol: PROTOCOL,
        schema: SCHEMA_VERSION,
        engine: db.sync_engine().to_string(),
        replica,
        site_id,
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
pub fn exchange(db: &mut Db, peer: SocketAddr, secret: &str) -> Result<Exchanged> {
    let me = hello_of(db)?;
    exchange_as(db, peer, secret, me)
}

fn exchange_as(db: &mut Db, peer: SocketAddr, secret: &str, me: Hello) -> Result<Exchanged> {
    let stream = TcpStream::connect_timeout(&peer, Duration::from_secs(5))?;
    let (mut ch, welcome): (Channel, Welcome) = Channel::connect(stream, secret, &me)?;
    let (them, meeting_id, title) = match welcome {
        Welcome::Refused { reason } => return Err(SyncError::Refused(reason)),
        Welcome::Accepted {
            hello,
            meeting_id,
            title,
        } => (hello, meeting_id, title),
    };
    if let Some(reason) = incompatible(&me, &them) {
        return Err(SyncError::Refused(reason));
    }
    let joined = !db
        .shared_meetings()?
        .iter()
        .any(|s| s.meeting_id == meeting_id);
    let since = db.sync_pulled(&meeting_id, &them.replica)?;
    ch.send(&Message::Pull { since })?;
    let (batch, want_since) = match ch.receive()? {
        Message::Changes { batch, want_since } => (batch, want_since),
        Message::Failed { reason } => return Err(SyncError::Refused(reason)),
        other => return Err(unexpected(&other)),
    };
    let secret = normalise_secret(secret);
    let address = peer.to_string();
    let received = match db.sync_merge(
        &meeting_id,
        &them.replica,
        &address,
        &batch,
        joined.then_some(secret.as_str()),
    ) {
        Ok(n) => n,
        Err(e) => {
            let _ = ch.send(&Message::Failed {
                reason: e.to_string(),
            });
            return Err(e.into());
        }
    };
    let batch = db.sync_changes(&meeting_id, want_since, &them.site_id)?;
    let sent = batch.changes.len();
    ch.send(&Message::Push { batch })?;
    match ch.receive()? {
        Message::Done { .. } => Ok(Exchanged {
            meeting_id,
            title,
            joined,
            received,
            sent,
        }),
        Message::Failed { reason } => Err(SyncError::Refused(reason)),
        other => Err(unexpected(&other)),
    }
}

fn unexpected(message: &Message) -> SyncError {
    let name = match message {
        Message::Pull { .. } => "Pull",
        Message::Changes { .. } => "Changes",
        Message::Push { .. } => "Push",
        Message::Done { .. } => "Done",
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
/// if given) on `listener`: one connection at a time, `limit` connections in
/// all or until the process ends. `report` hears how each went.
pub fn serve(
    db: &mut Db,
    listener: &TcpListener,
    secret: Option<&str>,
    limit: Option<usize>,
    mut report: impl FnMut(Served),
) -> Result<()> {
    for (n, stream) in listener.incoming().enumerate() {
        let stream = stream?;
        let peer = stream.peer_addr()?;
        let outcome = serve_one(db, stream, peer, secret);
        report(Served { peer, outcome });
        if limit.is_some_and(|l| n + 1 >= l) {
            break;
        }
    }
    Ok(())
}

fn serve_one(
    db: &mut Db,
    mut stream: TcpStream,
    peer: SocketAddr,
    only: Option<&str>,
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
    let shared = db
        .shared_meetings()?
        .into_iter()
        .filter(|s| {
            only.as_ref()
                .is_none_or(|o| *o == normalise_secret(&s.secret))
        })
        .find(|s| key_id(&s.secret)[..] == prelude[8..])
        // Closing without a word: a stranger learns nothing.
        .ok_or(SyncError::NotPaired)?;
    let me = hello_of(db)?;
    let mut refusal = None;
    let (mut ch, them): (Channel, Hello) = Channel::accept(stream, &shared.secret, |them| {
        refusal = incompatible(&me, them);
        match &refusal {
            Some(reason) => Welcome::Refused {
                reason: reason.clone(),
            },
            None => Welcome::Accepted {
                hello: me.clone(),
                meeting_id: shared.meeting_id.clone(),
                title: shared.title.clone(),
            },
        }
    })?;
    if let Some(reason) = refusal {
        return Err(SyncError::Refused(reason));
    }
    let meeting = &shared.meeting_id;
    let since = match ch.receive()? {
        Message::Pull { since } => since,
        other => return Err(unexpected(&other)),
    };
    let batch = db.sync_changes(meeting, since, &them.site_id)?;
    let sent = batch.changes.len();
    let want_since = db.sync_pulled(meeting, &them.replica)?;
    ch.send(&Message::Changes { batch, want_since })?;
    let batch = match ch.receive()? {
        Message::Push { batch } => batch,
        Message::Failed { reason } => return Err(SyncError::Refused(reason)),
        other => return Err(unexpected(&other)),
    };
    match db.sync_merge(meeting, &them.replica, &peer.to_string(), &batch, None) {
        Ok(received) => {
            ch.send(&Message::Done { merged: received })?;
            Ok(Exchanged {
                meeting_id: meeting.clone(),
                title: shared.title,
                joined: false,
                received,
                sent,
            })
        }
        Err(e) => {
            let _ = ch.send(&Message::Failed {
                reason: e.to_string(),
            });
            Err(e.into())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_peer_of_another_version_is_refused_with_the_versions_named() {
        let dir = tempfile::tempdir().unwrap();
        let mut host = Db::open(dir.path().join("host.db")).unwrap();
        let meeting = host.write_demo().unwrap();
        let secret = host.share_meeting(&meeting).unwrap().secret;
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            let mut outcomes = Vec::new();
            serve(&mut host, &listener, None, Some(2), |s| {
                outcomes.push(s.outcome)
            })
            .unwrap();
            outcomes
        });

        let mut guest = Db::open(dir.path().join("guest.db")).unwrap();
        let mut newer = hello_of(&mut guest).unwrap();
        newer.schema += 1;
        let err = exchange_as(&mut guest, addr, &secret, newer).unwrap_err();
        let SyncError::Refused(reason) = &err else {
            panic!("{err:?}")
        };
        assert!(
            reason.contains(&format!("dữ liệu {}", SCHEMA_VERSION + 1)),
            "{reason}"
        );
        let mut other_engine = hello_of(&mut guest).unwrap();
        other_engine.engine = "cr-sqlite 0.17.0".into();
        let err = exchange_as(&mut guest, addr, &secret, other_engine).unwrap_err();
        assert!(err.to_string().contains("cr-sqlite 0.17.0"), "{err}");

        let outcomes = server.join().unwrap();
        assert!(outcomes
            .iter()
            .all(|o| matches!(o, Err(SyncError::Refused(_)))));
        assert!(guest.shared_meetings().unwrap().is_empty());
        assert!(guest.list_meetings().unwrap().is_empty());
    }
}
