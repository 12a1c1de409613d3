//! The encrypted channel: a Noise `NNpsk0` session over TCP, keyed by the
//! meeting's pairing secret (snow does the cryptography). Without the secret
//! a machine can neither read nor write a message; a changed, replayed or
//! reordered message fails to decrypt and ends the session.
//!
//! Before the handshake the connecting side sends, in the clear, a magic
//! string and the secret's key id (a hash that does not reveal the secret),
//! so the listening side knows which meeting's secret to use.

use std::io::{ErrorKind, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::{Result, SyncError};

const PATTERN: &str = "Noise_NNpsk0_25519_ChaChaPoly_BLAKE2s";
/// What a HoiNghi sync connection starts with (and its framing version).
pub(crate) const MAGIC: &[u8; 8] = b"HNSYNC\x00\x01";
/// A Noise message is at most 65,535 bytes, 16 of them the tag.
const MAX_PLAIN: usize = 65_535 - 16;
/// The largest message accepted (a batch of about a million changes).
const MAX_MESSAGE: usize = 256 * 1024 * 1024;
/// A peer that says nothing for this long is given up.
pub(crate) const IDLE: Duration = Duration::from_secs(30);

/// A secret as typed: case, spaces and hyphens do not matter.
pub fn normalise_secret(secret: &str) -> String {
    secret
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

fn derive(label: &str, secret: &str) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(label.as_bytes());
    h.update([0]);
    h.update(normalise_secret(secret).as_bytes());
    h.finalize().into()
}

/// Names a secret without revealing it (in hex, as LAN announcements carry it).
pub fn key_id_hex(secret: &str) -> String {
    key_id(secret).iter().map(|b| format!("{b:02x}")).collect()
}

/// Names a secret without revealing it.
pub(crate) fn key_id(secret: &str) -> [u8; 16] {
    let mut id = [0; 16];
    id.copy_from_slice(&derive("hoinghi sync key id", secret)[..16]);
    id
}

pub(crate) struct Channel {
    stream: TcpStream,
    noise: snow::TransportState,
}

fn handshake(secret: &str, initiator: bool) -> Result<snow::HandshakeState> {
    let params = PATTERN.parse().map_err(SyncError::noise)?;
    let psk = derive("hoinghi sync psk", secret);
    let builder = snow::Builder::new(params)
        .psk(0, &psk)
        .map_err(SyncError::noise)?;
    if initiator {
        builder.build_initiator()
    } else {
        builder.build_responder()
    }
    .map_err(SyncError::noise)
}

impl Channel {
    /// The connecting side: sends the key id, then `hello` in the first
    /// handshake message; returns the channel and the listener's answer.
    pub(crate) fn connect<H: Serialize, W: DeserializeOwned>(
        mut stream: TcpStream,
        secret: &str,
        hello: &H,
    ) -> Result<(Self, W)> {
        stream.set_read_timeout(Some(IDLE))?;
        stream.set_write_timeout(Some(IDLE))?;
        stream.set_nodelay(true)?;
        let mut prelude = MAGIC.to_vec();
        prelude.extend_from_slice(&key_id(secret));
        stream.write_all(&prelude)?;
        let mut hs = handshake(secret, true)?;
        let mut buf = vec![0u8; 65_535];
        let n = hs
            .write_message(&encode(hello)?, &mut buf)
            .map_err(SyncError::noise)?;
        // A listener that does not know the secret closes without a word.
        let closed = |e: SyncError| match e {
            SyncError::Network(io)
                if matches!(
                    io.kind(),
                    ErrorKind::BrokenPipe
                        | ErrorKind::ConnectionReset
                        | ErrorKind::ConnectionAborted
                        | ErrorKind::UnexpectedEof
                ) =>
            {
                SyncError::NotPaired
            }
            e => e,
        };
        write_frame(&mut stream, &buf[..n]).map_err(closed)?;
        let frame = read_frame(&mut stream).map_err(closed)?;
        let n = hs
            .read_message(&frame, &mut buf)
            .map_err(|_| SyncError::NotPaired)?;
        let welcome = decode(&buf[..n])?;
        let noise = hs.into_transport_mode().map_err(SyncError::noise)?;
        Ok((Channel { stream, noise }, welcome))
    }

    /// The listening side, once it has read the prelude and found the secret:
    /// reads the first handshake message, asks `answer` what to reply to its
    /// hello, and sends that.
    pub(crate) fn accept<H: DeserializeOwned, W: Serialize>(
        mut stream: TcpStream,
        secret: &str,
        answer: impl FnOnce(&H) -> W,
    ) -> Result<(Self, H)> {
        let mut hs = handshake(secret, false)?;
        let mut buf = vec![0u8; 65_535];
        let frame = read_frame(&mut stream)?;
        let n = hs
            .read_message(&frame, &mut buf)
            .map_err(|_| SyncError::NotPaired)?;
        let hello: H = decode(&buf[..n])?;
        let reply = encode(&answer(&hello))?;
        let n = hs
            .write_message(&reply, &mut buf)
            .map_err(SyncError::noise)?;
        write_frame(&mut stream, &buf[..n])?;
        let noise = hs.into_transport_mode().map_err(SyncError::noise)?;
        Ok((Channel { stream, noise }, hello))
    }

    pub(crate) fn send<T: Serialize>(&mut self, message: &T) -> Result<()> {
        let body = encode(message)?;
        let mut plain = (body.len() as u32).to_be_bytes().to_vec();
        plain.extend_from_slice(&body);
        let mut buf = vec![0u8; 65_535];
        for chunk in plain.chunks(MAX_PLAIN) {
            let n = self
                .noise
                .write_message(chunk, &mut buf)
                .map_err(SyncError::noise)?;
            write_frame(&mut self.stream, &buf[..n])?;
        }
        self.stream.flush()?;
        Ok(())
    }

    pub(crate) fn receive<T: DeserializeOwned>(&mut self) -> Result<T> {
        let mut buf = vec![0u8; 65_535];
        let mut plain = Vec::new();
        let mut total = None;
        while total.is_none_or(|t| plain.len() < t + 4) {
            let frame = read_frame(&mut self.stream)?;
            let n = self
                .noise
                .read_message(&frame, &mut buf)
                .map_err(|_| SyncError::Tampered)?;
            plain.extend_from_slice(&buf[..n]);
            if total.is_none() && plain.len() >= 4 {
                let t = u32::from_be_bytes(plain[..4].try_into().unwrap()) as usize;
                if t > MAX_MESSAGE {
                    return Err(SyncError::Protocol(format!("tin nhắn quá lớn ({t} byte)")));
                }
                total = Some(t);
            }
        }
        decode(&plain[4..])
    }
}

fn encode<T: Serialize>(message: &T) -> Result<Vec<u8>> {
    postcard::to_allocvec(message).map_err(|e| SyncError::Protocol(e.to_string()))
}

fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    postcard::from_bytes(bytes).map_err(|e| SyncError::Protocol(e.to_string()))
}

fn write_frame(stream: &mut TcpStream, frame: &[u8]) -> Result<()> {
    stream.write_all(&(frame.len() as u16).to_be_bytes())?;
    stream.write_all(frame)?;
    Ok(())
}

fn read_frame(stream: &mut TcpStream) -> Result<Vec<u8>> {
    let mut len = [0u8; 2];
    stream.read_exact(&mut len)?;
    let mut frame = vec![0u8; u16::from_be_bytes(len) as usize];
    stream.read_exact(&mut frame)?;
    Ok(frame)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_secret_reads_the_same_however_it_is_typed() {
        assert_eq!(normalise_secret("abcd-efgh 12"), "ABCDEFGH12");
        assert_eq!(key_id("abcd-efgh"), key_id("ABCDEFGH"));
        assert_ne!(key_id("ABCDEFGH"), key_id("ABCDEFGJ"));
    }
}
