//! Team work in the shell: once this laptop shares or joins a meeting it
//! listens for the other laptops of its team and, every second, exchanges
//! changes with each laptop it knows (a full mesh: a team is 2–6 laptops).
//! Nothing listens before that. The laptops find each other by the addresses
//! the store has met, the pairing code's, and LAN announcements
//! (`hoinghi_sync::discovery`, mDNS; off when tests set `HOINGHI_SYNC_LISTEN`).
//! Changes that arrive are announced to the window (`hoinghi:synced`), which
//! reloads what it shows.
//!
//! The exchange itself is `hoinghi-sync`'s; the store's lock is taken for one
//! step of an exchange at a time, never while waiting for the network.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use hoinghi_core::model::{ErrorKind, IpcError};
use hoinghi_sync::discovery::{Announcer, Reach};
use hoinghi_sync::{Exchanged, Invitations, PeerNews, SyncError};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// The event that tells the window changes arrived from another laptop.
pub const SYNCED: &str = "hoinghi:synced";
/// The port a team listens on when it is free (else any free port).
const PORT: u16 = 47_470;
/// Tests point the listener elsewhere (e.g. `127.0.0.1:0`), off the real network.
const LISTEN_ENV: &str = "HOINGHI_SYNC_LISTEN";
/// A round of exchanges starts this often: a check-in at one door shows at the
/// others within about a second (an idle round costs ~4 ms per laptop, see
/// crates/sync/benches/sync.rs).
const EVERY: Duration = Duration::from_secs(1);
/// Connections answered at once; more wait for the next round of their sender.
const MAX_ANSWERING: usize = 8;

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Synced {
    meeting_id: String,
    received: usize,
}

#[derive(Default)]
pub struct Team {
    listening: OnceLock<Listening>,
    /// What happened lately with each laptop, by its copy's id.
    news: Mutex<HashMap<String, PeerNews>>,
    /// Addresses from a pairing code, tried until the laptop there is known.
    introduced: Mutex<Vec<(String, SocketAddr)>>,
    /// Where the LAN announcements heard put each key id (a meeting's secret,
    /// hashed): how a laptop given only a secret finds the host.
    heard: Mutex<HashMap<String, Vec<SocketAddr>>>,
    answering: Arc<AtomicUsize>,
    /// The six-word invitations this laptop issued (one per meeting).
    pub invitations: Arc<Invitations>,
    /// This laptop's announcement on the LAN, and its ear for the others'
    /// (none in tests, or without a multicast network).
    discovery: OnceLock<Option<Announcer>>,
}

struct Listening {
    bound: SocketAddr,
}

impl Team {
    /// The addresses other laptops reach this one at (those in the pairing
    /// code), read afresh each time: the laptop may have changed networks.
    /// Empty before it shares or joins.
    pub fn addresses(&self) -> Vec<SocketAddr> {
        self.listening
            .get()
            .map(|l| reachable(l.bound))
            .unwrap_or_default()
    }

    pub fn port(&self) -> u16 {
        self.listening.get().map_or(0, |l| l.bound.port())
    }

    /// What happened lately with the laptop whose copy is `replica`.
    pub fn news(&self) -> impl Fn(&str) -> PeerNews + Send + 'static {
        let news = lock(&self.news).clone();
        move |replica| news.get(replica).cloned().unwrap_or_default()
    }

    /// Starts listening and exchanging, once; later calls do nothing.
    pub fn start(app: &AppHandle) -> Result<(), IpcError> {
        let team = app.state::<Team>();
        if team.listening.get().is_some() {
            return Ok(());
        }
        // First what can fail for want of the engine, before anything starts.
        let store = app.state::<AppState>().store()?;
        let replica = lock(&store).sync_replica()?;
        let wanted = std::env::var(LISTEN_ENV)
            .ok()
            .and_then(|a| a.parse::<SocketAddr>().ok())
            .unwrap_or_else(|| SocketAddr::from(([0, 0, 0, 0], PORT)));
        let listener = TcpListener::bind(wanted)
            .or_else(|_| TcpListener::bind(SocketAddr::new(wanted.ip(), 0)))
            .map_err(|e| {
                IpcError::new(
                    ErrorKind::Io,
                    format!("Không mở được cổng mạng để làm việc nhóm.\nChi tiết: {e}"),
                )
            })?;
        let bound = listener.local_addr().map_err(io)?;
        if team.listening.set(Listening { bound }).is_err() {
            return Ok(()); // Another call started it first.
        }
        let answering = app.clone();
        std::thread::spawn(move || answer_all(&answering, &listener));
        let discovery = if std::env::var_os(LISTEN_ENV).is_some() {
            None
        } else {
            let hearing = app.clone();
            Announcer::start(
                &replica,
                bound.port(),
                Reach::Lan,
                move |keys, addresses| heard_of(&hearing, &keys, &addresses),
            )
            .map_err(|e| eprintln!("hoinghi: no LAN discovery: {e}"))
            .ok()
        };
        let _ = team.discovery.set(discovery);
        team.announce(app);
        let pulling = app.clone();
        std::thread::spawn(move || loop {
            std::thread::sleep(EVERY);
            pull_all(&pulling, None);
        });
        Ok(())
    }

    /// Where a laptop sharing the meeting of `secret` (or that issued the six
    /// words `secret`) was heard, waiting up to
    /// `wait` for one; empty without LAN announcements.
    pub fn find(&self, secret: &str, wait: Duration) -> Vec<SocketAddr> {
        if !matches!(self.discovery.get(), Some(Some(_))) {
            return Vec::new();
        }
        // Six words are announced by their stretched key.
        let key = match hoinghi_sync::parse_invitation(secret) {
            Some(words) => hoinghi_sync::key_id_hex(&hoinghi_sync::stretch(&words)),
            None => hoinghi_sync::key_id_hex(secret),
        };
        let until = Instant::now() + wait;
        loop {
            if let Some(found) = lock(&self.heard).get(&key) {
                return found.clone();
            }
            if Instant::now() >= until {
                return Vec::new();
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// Announces on the LAN the meetings this laptop shares now, and its
    /// good invitations (so that six words alone find it).
    pub fn announce(&self, app: &AppHandle) {
        let Some(Some(discovery)) = self.discovery.get() else {
            return;
        };
        let Ok(store) = app.state::<AppState>().store() else {
            return;
        };
        let shared = lock(&store).shared_meetings().unwrap_or_default();
        let mut keys: Vec<String> = shared
            .iter()
            .map(|s| hoinghi_sync::key_id_hex(&s.secret))
            .collect();
        keys.extend(self.invitations.key_ids());
        if let Err(e) = discovery.announce(&keys) {
            eprintln!("hoinghi: cannot announce on the LAN: {e}");
        }
    }

    /// Remembers where a pairing code (or an announcement) said a meeting's laptop is.
    pub fn introduce(&self, meeting_id: &str, address: SocketAddr) {
        let mut introduced = lock(&self.introduced);
        if !introduced.contains(&(meeting_id.to_string(), address)) {
            introduced.push((meeting_id.to_string(), address));
        }
    }

    fn heard(&self, replica: &str, outcome: Result<&Exchanged, &SyncError>) {
        let mut news = lock(&self.news);
        let entry = news.entry(replica.to_string()).or_default();
        match outcome {
            Ok(done) => {
                entry.ok_at = Some(Instant::now());
                entry.error.clear();
                entry.received = done.received;
                entry.sent = done.sent;
            }
            Err(e) => entry.error = e.to_string(),
        }
    }
}

/// A laptop announced on the LAN: it is tried for the meetings it shares with this one.
fn heard_of(app: &AppHandle, keys: &std::collections::HashSet<String>, addresses: &[SocketAddr]) {
    let team = app.state::<Team>();
    {
        let mut heard = lock(&team.heard);
        for key in keys {
            heard.insert(key.clone(), addresses.to_vec());
        }
    }
    let Ok(store) = app.state::<AppState>().store() else {
        return;
    };
    let shared = lock(&store).shared_meetings().unwrap_or_default();
    for meeting in shared {
        if keys.contains(&hoinghi_sync::key_id_hex(&meeting.secret)) {
            for address in addresses {
                team.introduce(&meeting.meeting_id, *address);
            }
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn io(e: std::io::Error) -> IpcError {
    IpcError::new(ErrorKind::Io, e.to_string())
}

/// The addresses other laptops can reach a listener bound to `bound` at: its
/// own address, or every IPv4 address of this machine but loopback.
fn reachable(bound: SocketAddr) -> Vec<SocketAddr> {
    if !bound.ip().is_unspecified() {
        return vec![bound];
    }
    if_addrs::get_if_addrs()
        .unwrap_or_default()
        .into_iter()
        .filter(|i| !i.is_loopback())
        .filter_map(|i| match i.ip() {
            IpAddr::V4(ip) => Some(SocketAddr::new(IpAddr::V4(ip), bound.port())),
            IpAddr::V6(_) => None,
        })
        .collect()
}

/// Answers the team's connections, each on its own thread.
fn answer_all(app: &AppHandle, listener: &TcpListener) {
    let port = app.state::<Team>().port();
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        let team = app.state::<Team>();
        let (answering, invitations) = (team.answering.clone(), team.invitations.clone());
        if answering.fetch_add(1, Ordering::SeqCst) >= MAX_ANSWERING {
            answering.fetch_sub(1, Ordering::SeqCst);
            continue; // Dropped: the sender tries again on its next round.
        }
        let app = app.clone();
        std::thread::spawn(move || {
            if let Ok(store) = app.state::<AppState>().store() {
                let served = hoinghi_sync::answer(&store, stream, None, &invitations, port);
                match &served.outcome {
                    Ok(done) => {
                        app.state::<Team>().heard(&done.peer_replica, Ok(done));
                        announce(&app, done);
                    }
                    Err(e) => eprintln!("hoinghi: sync from {}: {e}", served.peer),
                }
            }
            answering.fetch_sub(1, Ordering::SeqCst);
        });
    }
}

/// Exchanges with every known laptop of every shared meeting (or of
/// `only_meeting`); how each went is kept for the panel (`Team::news`).
pub fn pull_all(app: &AppHandle, only_meeting: Option<&str>) {
    let team = app.state::<Team>();
    let Ok(store) = app.state::<AppState>().store() else {
        return;
    };
    let plan = {
        let db = lock(&store);
        let mut plan = Vec::new();
        for shared in db.shared_meetings().unwrap_or_default() {
            if only_meeting.is_some_and(|m| m != shared.meeting_id) {
                continue;
            }
            let mut seen = Vec::new();
            for peer in db.sync_peers(&shared.meeting_id).unwrap_or_default() {
                if let Ok(address) = peer.address.parse::<SocketAddr>() {
                    seen.push(address);
                    plan.push((shared.secret.clone(), address, Some(peer.replica)));
                }
            }
            for (meeting, address) in lock(&team.introduced).iter() {
                if *meeting == shared.meeting_id && !seen.contains(address) {
                    plan.push((shared.secret.clone(), *address, None));
                }
            }
        }
        plan
    };
    for (secret, address, replica) in plan {
        match hoinghi_sync::exchange(&store, address, &secret, team.port()) {
            Ok(done) => {
                team.heard(&done.peer_replica, Ok(&done));
                announce(app, &done);
                // The store now knows where that laptop is.
                lock(&team.introduced).retain(|(_, a)| *a != address);
            }
            Err(e) => {
                if let Some(replica) = &replica {
                    team.heard(replica, Err(&e));
                }
            }
        }
    }
}

fn announce(app: &AppHandle, done: &Exchanged) {
    if done.received > 0 {
        let _ = app.emit(
            SYNCED,
            Synced {
                meeting_id: done.meeting_id.clone(),
                received: done.received,
            },
        );
    }
}
