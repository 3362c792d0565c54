//! What the inspector keeps: the latest notifications, as the listener's handlers made
//! them (moved in after printing, never copied or inspected again), and a broadcast of
//! each new one to the pages open. Rendering them for the page waits until a page asks,
//! so a listener with `--ui` and no page open does a push and a send per request.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use time::OffsetDateTime;
use tokio::sync::broadcast;

use crate::listen::Notification;

/// Bodies kept at most, in bytes, whatever `--ui-keep` says: with `--max-body` at 1 MiB,
/// a thousand large notifications would otherwise hold a gigabyte.
pub const KEPT_BYTES: usize = 64 * 1024 * 1024;

/// Notifications a page may fall behind by before it is told to reload the list.
const EVENTS: usize = 1024;

/// A notification as answered, and how long answering it took.
pub struct Entry {
    pub notification: Notification,
    pub latency: Duration,
}

pub struct Feed {
    keep: usize,
    kept: Mutex<Kept>,
    events: broadcast::Sender<Arc<Entry>>,
}

#[derive(Default)]
struct Kept {
    entries: VecDeque<Arc<Entry>>,
    /// The length of the bodies in `entries`.
    bytes: usize,
}

impl Feed {
    /// Keeps the latest `keep` notifications (fewer when their bodies pass [`KEPT_BYTES`]).
    pub fn new(keep: usize) -> Feed {
        Feed {
            keep: keep.max(1),
            kept: Mutex::new(Kept::default()),
            events: broadcast::channel(EVENTS).0,
        }
    }

    fn kept(&self) -> MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes an answered notification; the oldest ones go when there are too many. The
    /// newest is always kept, however large.
    pub fn add(&self, notification: Notification) {
        let latency = Duration::try_from(OffsetDateTime::now_utc() - notification.received_at)
            .unwrap_or_default();
        let entry = Arc::new(Entry {
            notification,
            latency,
        });
        // Usually one, dropped once the lock is released: freeing a notification takes
        // longer than the rest of what the lock guards, and every handler waits for it.
        let mut evicted = Vec::new();
        {
            let mut kept = self.kept();
            kept.bytes += entry.notification.raw.len();
            kept.entries.push_back(entry.clone());
            while kept.entries.len() > 1
                && (kept.entries.len() > self.keep || kept.bytes > KEPT_BYTES)
            {
                if let Some(old) = kept.entries.pop_front() {
                    kept.bytes -= old.notification.raw.len();
                    evicted.push(old);
                }
            }
        }
        drop(evicted);
        // With no page open there is no receiver, and the send keeps nothing.
        let _ = self.events.send(entry);
    }

    /// The notifications kept, oldest first.
    pub fn all(&self) -> Vec<Arc<Entry>> {
        self.kept().entries.iter().cloned().collect()
    }

    /// Notification number `n` (its `#n`), while it is kept.
    pub fn find(&self, n: u64) -> Option<Arc<Entry>> {
        self.kept()
            .entries
            .iter()
            .rev()
            .find(|entry| entry.notification.sequence == n)
            .cloned()
    }

    /// Each notification added from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Entry>> {
        self.events.subscribe()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbered(sequence: u64, raw: &str) -> Notification {
        Notification {
            sequence,
            ..Notification::example_with(raw)
        }
    }

    #[test]
    fn only_the_latest_are_kept() {
        let feed = Feed::new(3);
        for n in 1..=5 {
            feed.add(numbered(n, "{}"));
        }
        let kept: Vec<u64> = feed.all().iter().map(|e| e.notification.sequence).collect();
        assert_eq!(kept, [3, 4, 5]);
        assert!(feed.find(2).is_none());
        assert_eq!(feed.find(4).unwrap().notification.sequence, 4);
    }

    #[test]
    fn large_bodies_are_bounded_in_bytes_but_the_newest_stays() {
        let feed = Feed::new(1000);
        let large = format!("\"{}\"", "x".repeat(KEPT_BYTES / 2));
        for n in 1..=3 {
            feed.add(numbered(n, &large));
        }
        let kept: Vec<u64> = feed.all().iter().map(|e| e.notification.sequence).collect();
        assert_eq!(kept, [3]);
        let huge = format!("\"{}\"", "x".repeat(KEPT_BYTES + 1));
        feed.add(numbered(4, &huge));
        assert_eq!(feed.all().len(), 1);
        assert_eq!(feed.kept().bytes, huge.len());
    }

    #[tokio::test]
    async fn a_page_open_hears_of_each_new_one() {
        let feed = Feed::new(10);
        feed.add(numbered(1, "{}"));
        let mut events = feed.subscribe();
        feed.add(numbered(2, "{}"));
        assert_eq!(events.recv().await.unwrap().notification.sequence, 2);
    }
}
