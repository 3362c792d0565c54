//! The eventIds seen lately, to mark redeliveries. Memory is bounded: only the last
//! `window` distinct ids are kept, each as a 128-bit keyed hash rather than the id itself
//! (an id can be as long as the body), so an entry costs the same whatever was sent.

use std::collections::VecDeque;
use std::collections::hash_map::{HashMap, RandomState};
use std::hash::{BuildHasher as _, BuildHasherDefault, Hasher};
use std::sync::Mutex;

use super::notification::Earlier;

/// How many eventIds `hooks listen` remembers by default.
pub const DEDUPE_WINDOW: usize = 100_000;

pub struct Seen {
    window: usize,
    /// Two independently keyed hashers make the 128-bit digest; the keys are random per
    /// run, so a sender cannot pick ids that collide.
    keys: [RandomState; 2],
    /// Taken only after hashing, for the map update.
    kept: Mutex<Kept>,
}

#[derive(Default)]
struct Kept {
    first: HashMap<u128, Earlier, BuildHasherDefault<Digested>>,
    /// Digests in the order they were first seen: the oldest is forgotten first.
    order: VecDeque<u128>,
}

impl Seen {
    pub fn new(window: usize) -> Seen {
        Seen {
            window,
            keys: [RandomState::new(), RandomState::new()],
            kept: Mutex::default(),
        }
    }

    /// The first delivery of `id` while it is among the last `window` ids seen; otherwise
    /// None, and `this` is remembered as its first delivery.
    pub fn check(&self, id: &str, this: Earlier) -> Option<Earlier> {
        let digest =
            u128::from(self.keys[0].hash_one(id)) << 64 | u128::from(self.keys[1].hash_one(id));
        let mut kept = self.kept.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(earlier) = kept.first.get(&digest) {
            return Some(*earlier);
        }
        if kept.order.len() >= self.window
            && let Some(oldest) = kept.order.pop_front()
        {
            kept.first.remove(&oldest);
        }
        if self.window > 0 {
            kept.first.insert(digest, this);
            kept.order.push_back(digest);
        }
        None
    }

    #[cfg(test)]
    fn len(&self) -> (usize, usize) {
        let kept = self.kept.lock().unwrap();
        (kept.first.len(), kept.order.len())
    }
}

/// The map's hasher: its keys are keyed digests already, so their low bits are used as
/// they are instead of hashing them again.
#[derive(Default)]
struct Digested(u64);

impl Hasher for Digested {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u128(&mut self, digest: u128) {
        self.0 = digest as u64;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(sequence: u64) -> Earlier {
        Earlier {
            sequence,
            received_at: time::OffsetDateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn only_the_last_ids_are_remembered() {
        let seen = Seen::new(2);
        assert_eq!(seen.check("A", at(1)), None);
        assert_eq!(seen.check("B", at(2)), None);
        assert_eq!(seen.check("A", at(3)), Some(at(1)));
        assert_eq!(seen.check("C", at(4)), None);
        // A, the oldest, made room for C.
        assert_eq!(seen.check("A", at(5)), None);
        assert_eq!(seen.check("C", at(6)), Some(at(4)));
    }

    #[test]
    fn memory_stays_within_the_window() {
        let seen = Seen::new(1000);
        let long = "x".repeat(10_000);
        for n in 0..10_000 {
            seen.check(&format!("{long}{n}"), at(n));
            let (map, order) = seen.len();
            assert!(map <= 1000 && order <= 1000);
        }
        assert_eq!(seen.len(), (1000, 1000));
        assert_eq!(seen.check(&format!("{long}9999"), at(0)), Some(at(9999)));
    }
}
