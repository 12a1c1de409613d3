//! Finding the team again on the office LAN (mDNS/DNS-SD, the `mdns-sd`
//! crate). A laptop's address changes (DHCP, another Wi-Fi), so each laptop
//! that listens announces `_hoinghi._tcp` with its port and the key ids of the
//! meetings it shares (hashes that do not reveal the secrets), and hears the
//! others' announcements; the app then tries a laptop that announces a
//! meeting it shares.

use std::collections::HashSet;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;

use mdns_sd::{IfKind, ServiceDaemon, ServiceEvent, ServiceInfo};

const SERVICE: &str = "_hoinghi._tcp.local.";
/// TXT keys: the protocol version, and the key ids of the shared meetings.
const VERSION_KEY: &str = "v";
const KEYS_KEY: &str = "k";

/// Where announcements go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Every network interface of the machine.
    Lan,
    /// Only the loopback interface (tests: nothing leaves the machine).
    Loopback,
}

/// This laptop's announcement, and its ear for the others'.
pub struct Announcer {
    daemon: ServiceDaemon,
    instance: String,
    port: u16,
    announced: Mutex<Option<String>>,
}

impl Announcer {
    /// Starts hearing announcements; `found` gets, for each other laptop
    /// heard, the key ids it announces and its addresses. Nothing is
    /// announced until `announce`.
    pub fn start(
        instance: &str,
        port: u16,
        reach: Reach,
        found: impl Fn(HashSet<String>, Vec<SocketAddr>) + Send + 'static,
    ) -> Result<Announcer, String> {
        let daemon = ServiceDaemon::new().map_err(|e| e.to_string())?;
        if reach == Reach::Loopback {
            daemon
                .disable_interface(IfKind::All)
                .and_then(|()| daemon.enable_interface(IfKind::LoopbackV4))
                .map_err(|e| e.to_string())?;
        }
        let events = daemon.browse(SERVICE).map_err(|e| e.to_string())?;
        let me = format!("{instance}.{SERVICE}");
        std::thread::spawn(move || {
            while let Ok(event) = events.recv() {
                if let ServiceEvent::ServiceResolved(heard) = event {
                    if heard.fullname == me {
                        continue;
                    }
                    let addresses = heard
                        .get_addresses_v4()
                        .into_iter()
                        .map(|ip| SocketAddr::new(IpAddr::V4(ip), heard.port))
                        .collect();
                    found(key_ids(heard.get_property_val_str(KEYS_KEY)), addresses);
                }
            }
        });
        Ok(Announcer {
            daemon,
            instance: instance.to_string(),
            port,
            announced: Mutex::new(None),
        })
    }

    /// Announces (again) this laptop with the key ids of the meetings it shares now.
    pub fn announce(&self, keys: &[String]) -> Result<(), String> {
        let mut announced = self.announced.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(old) = announced.take() {
            let _ = self.daemon.unregister(&old);
        }
        let properties = [
            (VERSION_KEY, crate::PROTOCOL.to_string()),
            (KEYS_KEY, keys.join(",")),
        ];
        let host = format!("{}.local.", self.instance);
        let info = ServiceInfo::new(
            SERVICE,
            &self.instance,
            &host,
            "",
            self.port,
            &properties[..],
        )
        .map_err(|e| e.to_string())?
        .enable_addr_auto();
        let fullname = info.get_fullname().to_string();
        self.daemon.register(info).map_err(|e| e.to_string())?;
        *announced = Some(fullname);
        Ok(())
    }
}

impl Drop for Announcer {
    fn drop(&mut self) {
        let _ = self.daemon.shutdown();
    }
}

/// The key ids in an announcement's TXT value.
fn key_ids(value: Option<&str>) -> HashSet<String> {
    value
        .unwrap_or_default()
        .split(',')
        .map(str::trim)
        .filter(|k| k.len() == 32 && k.chars().all(|c| c.is_ascii_hexdigit()))
        .map(str::to_ascii_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::time::Duration;

    #[test]
    fn an_announcement_names_the_meetings_by_key_id_only() {
        let a = crate::key_id_hex("55P15M4XM021HEWJ4QXTQQBBNN");
        assert_eq!(a.len(), 32);
        assert!(!a.contains("55P1"), "the secret does not show");
        let b = crate::key_id_hex("6W1JR5SVY5F96G1VWT92XG6E13");
        let found = key_ids(Some(&format!("{},{} ,junk,", a.to_uppercase(), b)));
        assert_eq!(found.len(), 2);
        assert!(found.contains(&a) && found.contains(&b));
        assert!(key_ids(None).is_empty());
    }

    /// Run in a network namespace of its own (only loopback, made by
    /// `unshare`, which needs root as in CI): even the multicast joins of the
    /// mDNS sockets never reach the machine's network.
    #[test]
    fn a_laptop_hears_another_announce_a_meeting_in_a_private_network() {
        const INSIDE: &str = "HOINGHI_TEST_NETNS";
        if std::env::var_os(INSIDE).is_none() {
            let isolated = std::process::Command::new("unshare")
                .args(["--net", "ip", "link", "set", "lo", "up"])
                .status()
                .is_ok_and(|s| s.success());
            if !isolated {
                eprintln!("skipped: a network namespace needs root, unshare and ip (as in CI)");
                return;
            }
            let exe = std::env::current_exe().unwrap();
            let status = std::process::Command::new("unshare")
                .args(["--net", "sh", "-c"])
                .arg(
                    "ip link set lo up && ip link set lo multicast on && exec \"$0\" --exact \
                     discovery::tests::a_laptop_hears_another_announce_a_meeting_in_a_private_network",
                )
                .arg(exe)
                .env(INSIDE, "1")
                .status()
                .unwrap();
            assert!(status.success(), "the test inside the namespace failed");
            return;
        }
        let key = crate::key_id_hex("55P15M4XM021HEWJ4QXTQQBBNN");
        let (tx, rx) = mpsc::channel();
        let tx = Mutex::new(tx);
        let ear = Announcer::start("hoinghi-test-ear", 1, Reach::Loopback, move |keys, at| {
            let _ = tx.lock().unwrap().send((keys, at));
        })
        .unwrap();
        let mouth =
            Announcer::start("hoinghi-test-mouth", 47_999, Reach::Loopback, |_, _| {}).unwrap();
        mouth.announce(std::slice::from_ref(&key)).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        let heard = loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match rx.recv_timeout(left) {
                Ok((keys, at)) if keys.contains(&key) => break Some(at),
                Ok(_) => continue,
                Err(_) => break None,
            }
        };
        let at = heard.expect("the announcement was heard within 20 s");
        assert!(
            at.iter()
                .all(|a| a.port() == 47_999 && a.ip().is_loopback()),
            "{at:?}"
        );
        drop((ear, mouth));
    }
}
