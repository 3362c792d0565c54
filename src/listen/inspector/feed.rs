//! What the inspector keeps: the latest notifications, as the listener's handlers made
//! them (moved in after printing, never inspected again), and a broadcast of each new one
//! to the pages open. Handlers only queue them (see [`Inbox`]); rendering them for the page
//! waits until a page asks.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::http::{HeaderMap, HeaderValue};
use bytes::BytesMut;
use time::OffsetDateTime;
use tokio::sync::{Notify, broadcast, mpsc};

use crate::listen::Notification;

/// What the notifications kept may hold at most, in bytes (headers and body text), whatever
/// `--ui-keep` says: with `--max-body` at 1 MiB and header sections of up to
/// 400 KiB, a thousand large notifications would otherwise hold gigabytes.
pub const KEPT_BYTES: usize = 64 * 1024 * 1024;

/// Notifications handed over and not yet kept, at most (see [`Inbox`]).
const QUEUED: usize = 1024;

/// Notifications a page may fall behind by before it is told to reload the list.
const EVENTS: usize = 1024;

/// A notification as answered, and how long answering it took.
pub struct Entry {
    pub notification: Notification,
    pub latency: Duration,
}

pub struct Feed {
    keep: usize,
    max_bytes: usize,
    kept: Mutex<Kept>,
    events: broadcast::Sender<Arc<Entry>>,
    /// Notifications handed to the [`Inbox`], and of those, the ones kept: what the
    /// listener has answered, the API lists (see [`Feed::settled`]).
    handed: AtomicU64,
    taken: AtomicU64,
    caught_up: Notify,
}

#[derive(Default)]
struct Kept {
    /// Each with what it holds, in bytes (see [`size`]).
    entries: VecDeque<(Arc<Entry>, usize)>,
    /// What `entries` hold in all.
    bytes: usize,
}

impl Feed {
    /// Keeps the latest `keep` notifications (fewer when they hold more than [`KEPT_BYTES`]).
    pub fn new(keep: usize) -> Feed {
        Feed::bounded(keep, KEPT_BYTES)
    }

    fn bounded(keep: usize, max_bytes: usize) -> Feed {
        Feed {
            keep: keep.max(1),
            max_bytes,
            kept: Mutex::new(Kept::default()),
            events: broadcast::channel(EVENTS).0,
            handed: AtomicU64::new(0),
            taken: AtomicU64::new(0),
            caught_up: Notify::new(),
        }
    }

    /// Returns once every notification handed over until now is kept.
    pub async fn settled(&self) {
        let handed = self.handed.load(Ordering::Acquire);
        loop {
            // Made before the check, so that a wake-up between the two is not missed.
            let caught_up = self.caught_up.notified();
            if self.taken.load(Ordering::Acquire) >= handed {
                return;
            }
            caught_up.await;
        }
    }

    fn kept(&self) -> MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Starts the task that keeps each notification the returned inbox is given; it ends
    /// once the inbox and its clones are dropped.
    pub fn inbox(self: &Arc<Self>) -> Inbox {
        let (sender, mut receiver) = mpsc::channel(QUEUED);
        let feed = self.clone();
        tokio::spawn(async move {
            while let Some((notification, latency)) = receiver.recv().await {
                feed.add(notification, latency);
                feed.taken.fetch_add(1, Ordering::Release);
                feed.caught_up.notify_waiters();
            }
        });
        Inbox {
            sender,
            feed: self.clone(),
        }
    }

    /// Takes an answered notification; the oldest ones go when there are too many. The
    /// newest is always kept, however large.
    fn add(&self, notification: Notification, latency: Duration) {
        let size = size(&notification);
        let entry = Arc::new(Entry {
            notification,
            latency,
        });
        // Usually one, dropped once the lock is released: freeing a notification takes
        // longer than the rest of what the lock guards, and a page asking waits for it.
        let mut evicted = Vec::new();
        {
            let mut kept = self.kept();
            kept.bytes += size;
            kept.entries.push_back((entry.clone(), size));
            while kept.entries.len() > 1
                && (kept.entries.len() > self.keep || kept.bytes > self.max_bytes)
            {
                if let Some((old, old_size)) = kept.entries.pop_front() {
                    kept.bytes -= old_size;
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
        self.kept()
            .entries
            .iter()
            .map(|(entry, _)| entry.clone())
            .collect()
    }

    /// Notification number `n` (its `#n`), while it is kept.
    pub fn find(&self, n: u64) -> Option<Arc<Entry>> {
        self.kept()
            .entries
            .iter()
            .rev()
            .find(|(entry, _)| entry.notification.sequence == n)
            .map(|(entry, _)| entry.clone())
    }

    /// Each notification added from now on.
    pub fn subscribe(&self) -> broadcast::Receiver<Arc<Entry>> {
        self.events.subscribe()
    }
}

/// How handlers hand notifications to the feed: a queue emptied by one task. So handlers do
/// not contend for the feed's lock, which on a busy machine stalled them all whenever the one
/// holding it was put off its core. A handler waits only when [`QUEUED`] are waiting already.
#[derive(Clone)]
pub struct Inbox {
    sender: mpsc::Sender<(Notification, Duration)>,
    feed: Arc<Feed>,
}

impl Inbox {
    /// Hands over a notification just answered, as the feed keeps it. What it sheds is freed
    /// here, by the thread that made it, while it is still in that thread's cache.
    pub async fn send(&self, mut notification: Notification) {
        let latency = Duration::try_from(OffsetDateTime::now_utc() - notification.received_at)
            .unwrap_or_default();
        shed(&mut notification);
        self.feed.handed.fetch_add(1, Ordering::AcqRel);
        // The task ends only after the server, which holds this inbox, has stopped.
        let _ = self.sender.send((notification, latency)).await;
    }
}

/// Makes a notification what the feed keeps: its headers in a buffer of their own, its body
/// as text only. A parsed body is a tree of small allocations (many times the text for
/// `[0,0,…]`), and a thousand of them kept made every request slower to allocate for; a page
/// asking for one parses its text again.
fn shed(notification: &mut Notification) {
    own_headers(&mut notification.headers);
    notification.body = None;
}

/// Gives the header values a buffer of their own, one for all of them. As parsed, they are
/// slices of the connection's read buffer, and one kept would keep that whole buffer (up to
/// hundreds of KiB, however short the value) alive for as long as the notification is kept.
fn own_headers(headers: &mut HeaderMap) {
    let mut copy = BytesMut::with_capacity(headers.values().map(HeaderValue::len).sum());
    for value in headers.values() {
        copy.extend_from_slice(value.as_bytes());
    }
    let mut copy = copy.freeze();
    for value in headers.values_mut() {
        if let Ok(owned) = HeaderValue::from_maybe_shared(copy.split_to(value.len())) {
            *value = owned;
        }
    }
}

/// Roughly what a kept notification holds, in bytes: its headers and its body text.
fn size(notification: &Notification) -> usize {
    let headers: usize = notification
        .headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    headers + notification.raw.len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

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
            feed.add(numbered(n, "{}"), Duration::ZERO);
        }
        let kept: Vec<u64> = feed.all().iter().map(|e| e.notification.sequence).collect();
        assert_eq!(kept, [3, 4, 5]);
        assert!(feed.find(2).is_none());
        assert_eq!(feed.find(4).unwrap().notification.sequence, 4);
    }

    fn sequences(feed: &Feed) -> Vec<u64> {
        feed.all().iter().map(|e| e.notification.sequence).collect()
    }

    #[test]
    fn what_is_kept_is_bounded_in_bytes_but_the_newest_stays() {
        let text = format!("\"{}\"", "x".repeat(400));
        let feed = Feed::bounded(1000, 2 * size(&numbered(1, &text)));
        for n in 1..=3 {
            feed.add(numbered(n, &text), Duration::ZERO);
        }
        assert_eq!(sequences(&feed), [2, 3]);
        let huge = format!("\"{}\"", "x".repeat(2000));
        feed.add(numbered(4, &huge), Duration::ZERO);
        assert_eq!(sequences(&feed), [4]);
        assert_eq!(feed.kept().bytes, size(&numbered(4, &huge)));
    }

    #[test]
    fn headers_count_not_only_the_body() {
        let empty = size(&numbered(1, "{}"));
        let mut long_header = numbered(1, "{}");
        let value = "a".repeat(10_000);
        long_header
            .headers
            .insert("x-long", HeaderValue::from_str(&value).unwrap());
        assert!(size(&long_header) >= empty + value.len());
    }

    #[test]
    fn the_body_is_kept_as_text_only() {
        let mut notification = numbered(1, r#"{"a": [0, 0, 0]}"#);
        shed(&mut notification);
        assert!(notification.body.is_none());
        assert_eq!(notification.raw, r#"{"a": [0, 0, 0]}"#);
    }

    #[test]
    fn a_kept_header_holds_no_read_buffer() {
        let buffer = Bytes::from(vec![b'a'; 64 * 1024]);
        let mut notification = numbered(1, "{}");
        notification.headers.insert(
            "x-short",
            HeaderValue::from_maybe_shared(buffer.slice(..8)).unwrap(),
        );
        shed(&mut notification);
        assert_eq!(notification.headers["x-short"], "aaaaaaaa");
        assert!(buffer.is_unique(), "the kept headers hold the read buffer");
    }

    #[tokio::test]
    async fn a_page_open_hears_of_each_new_one() {
        let feed = Feed::new(10);
        feed.add(numbered(1, "{}"), Duration::ZERO);
        let mut events = feed.subscribe();
        feed.add(numbered(2, "{}"), Duration::ZERO);
        assert_eq!(events.recv().await.unwrap().notification.sequence, 2);
    }
}
