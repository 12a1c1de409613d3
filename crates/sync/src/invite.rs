//! Six-word invitations: what a secretary reads out or types to bring a
//! second laptop into a shared meeting ("hoa mai song sao vang tre").
//!
//! The meeting's own secret (128 bits, 26 characters) is too long to read
//! aloud, so the laptop that shares the meeting issues a short-lived
//! invitation: six words drawn at random from `assets/text/pairing-words.txt`
//! (457 words, about 53 bits). An invitation keys a Noise session exactly as
//! a secret does (its key id is announced on the LAN, so the words alone find
//! the host); in that session the host hands over the meeting's secret and
//! nothing else, and the new laptop then joins with the secret as usual.
//!
//! Why 53 bits are enough here: the words are first stretched (`stretch`,
//! PBKDF2-HMAC-SHA256, 200,000 rounds, about 25 ms), and only the stretched
//! key names or keys anything, so the key id heard on the LAN or a recorded
//! first message can be tried against guesses only at that cost: going
//! through the words before the invitation lapses (30 minutes) would take
//! millions of graphics cards. The Noise handshake also mixes in an ephemeral
//! Diffie-Hellman, so a recorded session cannot be read even by someone who
//! later guesses the words.

use std::sync::Mutex;
use std::time::{Duration, SystemTime};

use hoinghi_core::{CoreError, Db};
use sha2::Sha256;

use crate::channel::key_id;
use crate::error::Result;

const LIST: &str = include_str!("../../../assets/text/pairing-words.txt");
/// Words in an invitation.
pub const WORDS: usize = 6;
/// How long an invitation can be used.
pub const LIFETIME: Duration = Duration::from_secs(30 * 60);
/// PBKDF2 rounds: the cost of one guess at the words (see the module documentation).
const ROUNDS: u32 = 200_000;

fn words() -> impl Iterator<Item = &'static str> {
    LIST.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The six words of an invitation as typed (any case, with or without
/// marks, separated by spaces, hyphens or commas), in the form they were
/// issued in; `None` if `text` is not six words of the list.
pub fn parse_invitation(text: &str) -> Option<String> {
    // Without case or marks: "Hòa" and "hoa" are one word.
    let typed: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|w| !w.is_empty())
        .map(hoinghi_core::fold)
        .collect();
    if typed.len() != WORDS || !typed.iter().all(|w| words().any(|known| known == w)) {
        return None;
    }
    Some(typed.join(" "))
}

/// What six words (as `parse_invitation` gives them) key their session with
/// and are announced by, in place of a meeting's secret.
pub fn stretch(words: &str) -> String {
    let mut key = [0u8; 32];
    pbkdf2::pbkdf2_hmac::<Sha256>(words.as_bytes(), b"hoinghi invitation", ROUNDS, &mut key);
    key.iter().map(|b| format!("{b:02x}")).collect()
}

/// Issues a new invitation into `meeting_id` (the last one stops working):
/// `NotFound` for a meeting that is not there, `Conflict` if it is not shared.
pub fn invite(db: &Db, invitations: &Invitations, meeting_id: &str) -> Result<Invitation> {
    db.meeting(meeting_id)?;
    if !db
        .shared_meetings()?
        .iter()
        .any(|s| s.meeting_id == meeting_id)
    {
        return Err(CoreError::Conflict(
            "Hội nghị này chưa được dùng chung; hãy bấm “Dùng chung hội nghị này” trước.".into(),
        )
        .into());
    }
    invitations.issue(meeting_id)
}

/// An invitation into a meeting.
#[derive(Debug, Clone, PartialEq)]
pub struct Invitation {
    pub words: String,
    pub meeting_id: String,
    pub expires_at: SystemTime,
    /// `stretch(words)`, worked out once.
    pub(crate) key: String,
}

impl Invitation {
    fn live(&self) -> bool {
        SystemTime::now() < self.expires_at
    }
}

/// The invitations a laptop has issued and that are still good: one per
/// meeting, the latest.
#[derive(Debug, Default)]
pub struct Invitations(Mutex<Vec<Invitation>>);

impl Invitations {
    /// A new invitation into `meeting_id`, replacing any earlier one.
    pub fn issue(&self, meeting_id: &str) -> Result<Invitation> {
        self.issue_for(meeting_id, LIFETIME)
    }

    pub(crate) fn issue_for(&self, meeting_id: &str, lifetime: Duration) -> Result<Invitation> {
        let list: Vec<&str> = words().collect();
        let mut picked = Vec::with_capacity(WORDS);
        while picked.len() < WORDS {
            let mut bytes = [0u8; 2];
            getrandom::fill(&mut bytes)
                .map_err(|e| CoreError::Io(std::io::Error::other(e.to_string())))?;
            let n = usize::from(u16::from_le_bytes(bytes));
            // Rejecting the top of the range keeps every word equally likely.
            if n < 65_536 - 65_536 % list.len() {
                picked.push(list[n % list.len()]);
            }
        }
        let words = picked.join(" ");
        let invitation = Invitation {
            key: stretch(&words),
            words,
            meeting_id: meeting_id.to_string(),
            expires_at: SystemTime::now() + lifetime,
        };
        let mut all = self.lock();
        all.retain(|i| i.live() && i.meeting_id != meeting_id);
        all.push(invitation.clone());
        Ok(invitation)
    }

    /// The good invitation into `meeting_id`, if there is one.
    pub fn current(&self, meeting_id: &str) -> Option<Invitation> {
        self.lock()
            .iter()
            .find(|i| i.live() && i.meeting_id == meeting_id)
            .cloned()
    }

    /// The meeting a good invitation with these `words` (as typed) is into.
    pub fn meeting_of(&self, words: &str) -> Option<String> {
        let words = parse_invitation(words)?;
        self.find(&key_id(&stretch(&words))).map(|i| i.meeting_id)
    }

    /// The key ids of the good invitations, in hex, for LAN announcements.
    pub fn key_ids(&self) -> Vec<String> {
        self.lock()
            .iter()
            .filter(|i| i.live())
            .map(|i| crate::key_id_hex(&i.key))
            .collect()
    }

    /// The good invitation whose key id a connection named.
    pub(crate) fn find(&self, id: &[u8]) -> Option<Invitation> {
        self.lock()
            .iter()
            .find(|i| i.live() && key_id(&i.key)[..] == *id)
            .cloned()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Invitation>> {
        self.0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_has_457_distinct_plain_words() {
        let list: Vec<&str> = words().collect();
        assert_eq!(list.len(), 457);
        let mut sorted = list.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), list.len(), "no word twice");
        assert!(list
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())));
    }

    #[test]
    fn typed_words_read_back_with_or_without_marks() {
        assert_eq!(
            parse_invitation("Hòa  MAI-sông, sao vàng tre").as_deref(),
            Some("hoa mai song sao vang tre")
        );
        assert_eq!(
            parse_invitation("hoa mai song sao vang tre"),
            parse_invitation("hoa mai song sao vang tre ")
        );
        let decomposed = "ho\u{0300}a mai so\u{0302}ng sao va\u{0300}ng tre";
        assert!(parse_invitation(decomposed).is_some());
        assert_eq!(
            parse_invitation("hoa mai song sao vang"),
            None,
            "five words"
        );
        assert_eq!(parse_invitation("hoa mai song sao vang tre tre"), None);
        assert_eq!(parse_invitation("hoa mai song sao vang qwerty"), None);
        assert_eq!(parse_invitation("55P1-5M4X-M021-HEWJ-4QXT-QQBB"), None);
    }

    #[test]
    fn an_invitation_is_six_listed_words_and_lapses() {
        let invitations = Invitations::default();
        let first = invitations.issue("m1").unwrap();
        assert_eq!(
            parse_invitation(&first.words).as_deref(),
            Some(&*first.words)
        );
        let second = invitations.issue("m1").unwrap();
        assert_ne!(first.words, second.words, "53 bits do not repeat");
        assert_eq!(invitations.current("m1"), Some(second.clone()));
        assert_eq!(second.key, stretch(&second.words));
        assert_ne!(second.key, stretch(&first.words));
        assert_eq!(
            invitations.find(&key_id(&first.key)),
            None,
            "a new invitation replaces the old"
        );
        assert_eq!(invitations.find(&key_id(&second.key)), Some(second.clone()));
        assert_eq!(
            invitations
                .meeting_of(&second.words.to_uppercase())
                .as_deref(),
            Some("m1")
        );
        assert_eq!(
            invitations.find(&key_id(&second.words)),
            None,
            "the words themselves name nothing"
        );

        let lapsed = invitations.issue_for("m2", Duration::ZERO).unwrap();
        assert_eq!(invitations.find(&key_id(&lapsed.key)), None);
        assert_eq!(invitations.current("m2"), None);
        assert_eq!(invitations.key_ids().len(), 1);
    }
}
