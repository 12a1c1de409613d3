//! The pairing code a secretary types on a second laptop, and the team's
//! state as the "Làm việc nhóm" panel shows it.
//!
//! A code is the meeting's secret, grouped by four for reading aloud, then
//! `@` and the addresses the sharing laptop listens on:
//! `55P1-5M4X-M021-HEWJ-4QXT-QQBB-NN@192.168.1.10:47470`.
//! A six-word invitation (`invite.rs`) stands in for the secret, with or
//! without the addresses: `hoa mai song sao vang tre@192.168.1.10:47470`.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use hoinghi_core::model::{SharingState, SyncPeer};
use hoinghi_core::{CoreError, Db};

use crate::channel::normalise_secret;
use crate::invite::{parse_invitation, Invitation};

/// How long after its last good exchange a laptop still counts as connected.
const CONNECTED_FOR: Duration = Duration::from_secs(15);
const SECRET_LEN: usize = 26;
const ALPHABET: &str = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The code for `secret` reachable at `addresses` (the grouped secret alone
/// when there is no address).
pub fn pairing_code(secret: &str, addresses: &[SocketAddr]) -> String {
    let secret = normalise_secret(secret);
    let groups: Vec<String> = secret
        .as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    let mut code = groups.join("-");
    if !addresses.is_empty() {
        let list: Vec<String> = addresses.iter().map(SocketAddr::to_string).collect();
        code.push('@');
        code.push_str(&list.join(","));
    }
    code
}

/// The secret (or six-word invitation) and the addresses in a code as typed
/// (spaces, case and hyphens do not matter, nor marks on the words). A code
/// without `@…` has no address: the laptop that shares the meeting is then
/// looked for on the LAN.
pub fn parse_pairing_code(code: &str) -> Result<(String, Vec<SocketAddr>), CoreError> {
    let malformed = || CoreError::Invalid {
        field: "code",
        message: "Mã ghép nối không đúng dạng. Hãy nhập mã mời 6 chữ (ví dụ: hoa mai song sao \
                  vang tre) hoặc mã đầy đủ XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XX@địa-chỉ:cổng, như \
                  hiện trên máy chủ trì."
            .into(),
    };
    let (secret, addresses) = code.split_once('@').unwrap_or((code, ""));
    let secret = match parse_invitation(secret) {
        Some(words) => words,
        None => {
            let secret = normalise_secret(secret);
            if secret.len() != SECRET_LEN || !secret.chars().all(|c| ALPHABET.contains(c)) {
                return Err(malformed());
            }
            secret
        }
    };
    let addresses: String = addresses.chars().filter(|c| !c.is_whitespace()).collect();
    if !code.contains('@') {
        return Ok((secret, Vec::new()));
    }
    let addresses = addresses
        .split(',')
        .map(|a| a.parse::<SocketAddr>().ok().filter(|a| a.port() != 0))
        .collect::<Option<Vec<_>>>()
        .ok_or_else(malformed)?;
    Ok((secret, addresses))
}

/// What the shell knows of a laptop beyond the store: its last attempt.
#[derive(Debug, Clone, Default)]
pub struct PeerNews {
    /// When an exchange with it last worked.
    pub ok_at: Option<Instant>,
    /// Why the last attempt failed ("" when it worked).
    pub error: String,
    pub received: usize,
    pub sent: usize,
}

/// Meeting `meeting_id`'s team as its panel shows it: listening on
/// `listening`, with its good `invitation` if any, and `news(replica)` for
/// what happened lately with each peer.
pub fn sharing_state(
    db: &mut Db,
    meeting_id: &str,
    listening: &[SocketAddr],
    invitation: Option<Invitation>,
    news: impl Fn(&str) -> PeerNews,
) -> Result<SharingState, CoreError> {
    db.meeting(meeting_id)?;
    let shared = db
        .shared_meetings()?
        .into_iter()
        .find(|s| s.meeting_id == meeting_id);
    let mut peers = Vec::new();
    for p in db.sync_peers(meeting_id)? {
        let news = news(&p.replica);
        peers.push(SyncPeer {
            connected: news.ok_at.is_some_and(|t| t.elapsed() < CONNECTED_FOR),
            last_error: news.error,
            received: news.received as u32,
            sent: news.sent as u32,
            behind: db.sync_behind(meeting_id, &p.replica)? as u32,
            replica: p.replica,
            label: p.label,
            address: p.address,
            last_seen: p.last_seen,
        });
    }
    let listed: Vec<String> = listening.iter().map(SocketAddr::to_string).collect();
    let invitation = invitation.filter(|_| shared.is_some());
    Ok(SharingState {
        meeting_id: meeting_id.to_string(),
        pairing_code: shared
            .as_ref()
            .map(|s| pairing_code(&s.secret, listening))
            .unwrap_or_default(),
        listening: if shared.is_some() {
            listed.join(", ")
        } else {
            String::new()
        },
        invitation_expires_at: invitation
            .as_ref()
            .map(|i| {
                chrono::DateTime::<chrono::Utc>::from(i.expires_at)
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
            })
            .unwrap_or_default(),
        invitation: invitation.map(|i| i.words).unwrap_or_default(),
        shared: shared.is_some(),
        label: db.sync_label()?,
        peers,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_as_its_secret_and_addresses() {
        let secret = "55P15M4XM021HEWJ4QXTQQBBNN";
        let at: Vec<SocketAddr> = vec![
            "192.168.1.10:47470".parse().unwrap(),
            "10.0.0.5:47470".parse().unwrap(),
        ];
        let code = pairing_code(secret, &at);
        assert_eq!(
            code,
            "55P1-5M4X-M021-HEWJ-4QXT-QQBB-NN@192.168.1.10:47470,10.0.0.5:47470"
        );
        assert_eq!(
            parse_pairing_code(&code).unwrap(),
            (secret.into(), at.clone())
        );
        let typed = " 55p1 5m4x-m021-hewj-4qxt-qqbb-nn @192.168.1.10:47470 , 10.0.0.5:47470";
        assert_eq!(
            parse_pairing_code(typed).unwrap(),
            (secret.into(), at.clone())
        );
        assert_eq!(
            pairing_code(secret, &[]),
            "55P1-5M4X-M021-HEWJ-4QXT-QQBB-NN"
        );
        assert_eq!(
            parse_pairing_code("55p1-5m4x-m021-hewj-4qxt-qqbb-nn").unwrap(),
            (secret.into(), vec![]),
            "the secret alone: the host is looked for on the LAN"
        );
        assert_eq!(
            parse_pairing_code("Hòa mai sông sao vàng tre @ 192.168.1.10:47470").unwrap(),
            ("hoa mai song sao vang tre".into(), vec![at[0]]),
            "six words stand in for the secret"
        );
        assert_eq!(
            parse_pairing_code("hoa mai song sao vang tre").unwrap(),
            ("hoa mai song sao vang tre".into(), vec![])
        );
    }

    #[test]
    fn a_malformed_code_says_what_a_code_looks_like() {
        for bad in [
            "55P1-5M4X-M021-HEWJ-4QXT-QQBB-NN@",
            "55P1-5M4X-M021-HEWJ-4QXT-QQBB@192.168.1.10:47470",
            "55P1-5M4X-M021-HEWJ-4QXT-QQBB-NU@192.168.1.10:47470",
            "55P1-5M4X-M021-HEWJ-4QXT-QQBB-NN@may-chu:47470",
            "55P1-5M4X-M021-HEWJ-4QXT-QQBB-NN@192.168.1.10",
            "55P1-5M4X-M021-HEWJ-4QXT-QQBB-NN@192.168.1.10:0",
            "hoa mai song sao vang",
            "hoa mai song sao vang xyz@192.168.1.10:47470",
        ] {
            let err = parse_pairing_code(bad).unwrap_err();
            assert!(
                err.to_string().starts_with("Mã ghép nối không đúng dạng"),
                "{bad}"
            );
        }
    }
}
