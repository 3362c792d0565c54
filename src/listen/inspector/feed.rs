//! What the inspector keeps: the latest notifications, as the listener's handlers made
//! them (moved in after printing, never inspected again), and a broadcast of each new one
//! to the pages open. Rendering them for a page waits until a page asks.
//!
//! Notification `n` is kept in slot `n % --ui-keep` until the one `--ui-keep` later takes
//! the slot: so exactly the latest are kept, and a handler keeping one locks only its slot.
//! Handlers share nothing else on the way (no lock, no queue, no task to wake): on a busy
//! two-core machine, a lock or a queue shared by all of them stalled every handler whenever
//! the thread holding it lost its core, and each one handed to another thread is freed
//! there, away from its allocator's thread.

use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use tokio::sync::broadcast::{self, error::RecvError};

use crate::listen::Notification;

/// What the notifications kept may hold at most, in bytes (headers and body text), whatever
/// `--ui-keep` says: with `--max-body` at 1 MiB and header sections of up to
/// 400 KiB, a thousand large notifications would otherwise hold gigabytes.
pub const KEPT_BYTES: usize = 64 * 1024 * 1024;

/// Notifications a page may fall behind by before it is told to reload the list.
const EVENTS: usize = 1024;

/// A notification as answered, and how long answering it took. Kept lean, since it is freed
/// a thousand notifications later, usually by the other thread: its headers in one buffer
/// (see [`Headers`]), its body as text only (a parsed body is a tree of small allocations,
/// many times the text for `[0,0,…]`). A page asking for it gets both back whole.
pub struct Entry {
    /// Without its headers and parsed body.
    notification: Notification,
    headers: Headers,
    pub latency: Duration,
}

impl Entry {
    pub fn new(mut notification: Notification, latency: Duration) -> Entry {
        let headers = Headers::new(&std::mem::take(&mut notification.headers));
        notification.body = None;
        Entry {
            notification,
            headers,
            latency,
        }
    }

    /// The notification's `#n`.
    pub fn sequence(&self) -> u64 {
        self.notification.sequence
    }

    /// The notification as it was answered: headers and parsed body back in.
    pub fn notification(&self) -> Notification {
        Notification {
            headers: self.headers.map(),
            body: serde_json::from_str(&self.notification.raw).ok(),
            ..self.notification.clone()
        }
    }

    /// Roughly what it holds, in bytes: its headers and its body text.
    fn size(&self) -> usize {
        self.headers.0.len() + self.notification.raw.len()
    }
}

/// A notification's headers in one buffer: each name and value as it arrived, after its
/// length. As parsed, the values are slices of the connection's read buffer, and one kept
/// would keep that whole buffer (up to hundreds of KiB, however short the value) alive; a
/// header map also takes several allocations, each one freed cold when the entry goes.
struct Headers(Box<[u8]>);

impl Headers {
    fn new(map: &HeaderMap) -> Headers {
        let parts = || {
            map.iter()
                .flat_map(|(name, value)| [name.as_str().as_bytes(), value.as_bytes()])
        };
        let mut bytes = Vec::with_capacity(parts().map(|part| 4 + part.len()).sum());
        for part in parts() {
            // A header section is far smaller than 4 GiB (hyper bounds it).
            bytes.extend_from_slice(&(part.len() as u32).to_le_bytes());
            bytes.extend_from_slice(part);
        }
        Headers(bytes.into_boxed_slice())
    }

    /// The headers again, in their order, repeats kept.
    fn map(&self) -> HeaderMap {
        let mut map = HeaderMap::new();
        let mut rest = &self.0[..];
        while let (Some(name), Some(value)) = (next_part(&mut rest), next_part(&mut rest)) {
            // Both were a valid name and value when they were taken apart.
            if let (Ok(name), Ok(value)) =
                (HeaderName::from_bytes(name), HeaderValue::from_bytes(value))
            {
                map.append(name, value);
            }
        }
        map
    }
}

/// The part at the start of `rest` (its length first), and `rest` moved past it.
fn next_part<'b>(rest: &mut &'b [u8]) -> Option<&'b [u8]> {
    let (len, after) = rest.split_first_chunk::<4>()?;
    let len = u32::from_le_bytes(*len) as usize;
    let part = after.get(..len)?;
    *rest = &after[len..];
    Some(part)
}

/// A kept notification, with what it holds in bytes (see [`size`]).
type Slot = Option<(Arc<Entry>, usize)>;

pub struct Feed {
    slots: Box<[Mutex<Slot>]>,
    max_bytes: usize,
    /// What the slots hold in all, in bytes.
    bytes: AtomicUsize,
    /// Notifications numbered below this were let go to keep under `max_bytes`; one
    /// arriving late, numbered below it, is not kept.
    floor: AtomicU64,
    /// Held by the one handler letting old notifications go for space.
    making_room: Mutex<()>,
    events: broadcast::Sender<Arc<Entry>>,
    /// Pages listening: with none, a new notification is not broadcast (the broadcast's
    /// lock is shared by all handlers).
    pages: AtomicUsize,
}

fn locked<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Feed {
    /// Keeps the latest `keep` notifications (fewer when they hold more than [`KEPT_BYTES`]).
    pub fn new(keep: usize) -> Feed {
        Feed::bounded(keep, KEPT_BYTES)
    }

    fn bounded(keep: usize, max_bytes: usize) -> Feed {
        Feed {
            slots: (0..keep.max(1)).map(|_| Mutex::new(None)).collect(),
            max_bytes,
            bytes: AtomicUsize::new(0),
            floor: AtomicU64::new(0),
            making_room: Mutex::new(()),
            events: broadcast::channel(EVENTS).0,
            pages: AtomicUsize::new(0),
        }
    }

    fn slot(&self, sequence: u64) -> MutexGuard<'_, Slot> {
        // `slots` is never empty, and the index is below its length.
        locked(&self.slots[(sequence % self.slots.len() as u64) as usize])
    }

    /// Takes a notification just answered, and how long answering it took, on the handler's
    /// thread; what it let go (usually the one `--ui-keep` before it) is freed here too. The
    /// newest is always kept, however large.
    pub fn add(&self, notification: Notification, latency: Duration) {
        let sequence = notification.sequence;
        let entry = Arc::new(Entry::new(notification, latency));
        let size = entry.size();
        // What the slots hold changes under the slot's lock, in one step: whoever takes
        // the notification out later finds it counted, and room is never made for bytes
        // about to be freed.
        let let_go = {
            let mut slot = self.slot(sequence);
            match slot.as_ref() {
                // Answered so late that a later one has its slot: no longer among the latest.
                Some((kept, _)) if kept.sequence() > sequence => None,
                // Among the ones let go for room while it was on its way, and so is any
                // older one still in its slot.
                _ if sequence < self.floor.load(Ordering::Acquire) => {
                    let older = slot.take();
                    if let Some((_, older_size)) = &older {
                        self.bytes.fetch_sub(*older_size, Ordering::AcqRel);
                    }
                    older
                }
                _ => {
                    let older = slot.replace((entry.clone(), size));
                    let older_size = older.as_ref().map_or(0, |(_, size)| *size);
                    if size >= older_size {
                        self.bytes.fetch_add(size - older_size, Ordering::AcqRel);
                    } else {
                        self.bytes.fetch_sub(older_size - size, Ordering::AcqRel);
                    }
                    older
                }
            }
        };
        drop(let_go);
        if self.bytes.load(Ordering::Acquire) > self.max_bytes {
            self.make_room(sequence);
        }
        // Ordered with `subscribe`: a page that starts listening after this check lists
        // the notification instead (see `subscribe`).
        if self.pages.load(Ordering::SeqCst) > 0 {
            let _ = self.events.send(entry);
        }
    }

    /// Lets the oldest notifications go until the rest fit in `max_bytes`, `newest` and
    /// any after it excepted.
    fn make_room(&self, newest: u64) {
        let mut let_go = Vec::new();
        {
            let _only_one = locked(&self.making_room);
            // Older than the latest `--ui-keep`, a notification is out of its slot already
            // (or will be when the one that takes the slot arrives).
            let oldest_kept = newest.saturating_sub(self.slots.len() as u64 - 1);
            let mut floor = self.floor.load(Ordering::Acquire).max(oldest_kept);
            while floor < newest && self.bytes.load(Ordering::Acquire) > self.max_bytes {
                let mut slot = self.slot(floor);
                if slot
                    .as_ref()
                    .is_some_and(|(kept, _)| kept.sequence() == floor)
                    && let Some((entry, size)) = slot.take()
                {
                    self.bytes.fetch_sub(size, Ordering::AcqRel);
                    let_go.push(entry);
                }
                floor += 1;
            }
            self.floor.store(floor, Ordering::Release);
        }
        drop(let_go);
    }

    /// The notifications kept, oldest first: the latest `--ui-keep` (one whose slot's next
    /// notification never came is out of that window, and out of the list).
    pub fn all(&self) -> Vec<Arc<Entry>> {
        let mut all: Vec<Arc<Entry>> = self
            .slots
            .iter()
            .filter_map(|slot| locked(slot).as_ref().map(|(entry, _)| entry.clone()))
            .collect();
        all.sort_unstable_by_key(|entry| entry.sequence());
        let newest = all.last().map_or(0, |entry| entry.sequence());
        let oldest = newest.saturating_sub(self.slots.len() as u64 - 1);
        all.retain(|entry| entry.sequence() >= oldest);
        all
    }

    /// Notification number `n` (its `#n`), while it is kept.
    pub fn find(&self, n: u64) -> Option<Arc<Entry>> {
        self.slot(n)
            .as_ref()
            .filter(|(entry, _)| entry.sequence() == n)
            .map(|(entry, _)| entry.clone())
    }

    /// Each notification added from now on, until the subscription is dropped.
    pub fn subscribe(self: &Arc<Self>) -> Subscription {
        // Counted before subscribing: a notification added in between is broadcast to
        // nobody, but it is in its slot already, so the page's listing has it.
        self.pages.fetch_add(1, Ordering::SeqCst);
        Subscription {
            events: self.events.subscribe(),
            feed: self.clone(),
        }
    }
}

/// A page listening (see [`Feed::subscribe`]).
pub struct Subscription {
    events: broadcast::Receiver<Arc<Entry>>,
    feed: Arc<Feed>,
}

impl Subscription {
    pub async fn recv(&mut self) -> Result<Arc<Entry>, RecvError> {
        self.events.recv().await
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.feed.pages.fetch_sub(1, Ordering::SeqCst);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bytes::Bytes;

    fn size(notification: Notification) -> usize {
        Entry::new(notification, Duration::ZERO).size()
    }

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
        let kept: Vec<u64> = feed.all().iter().map(|e| e.sequence()).collect();
        assert_eq!(kept, [3, 4, 5]);
        assert!(feed.find(2).is_none());
        assert_eq!(feed.find(4).unwrap().sequence(), 4);
    }

    fn sequences(feed: &Feed) -> Vec<u64> {
        feed.all().iter().map(|e| e.sequence()).collect()
    }

    #[test]
    fn what_is_kept_is_bounded_in_bytes_but_the_newest_stays() {
        let text = format!("\"{}\"", "x".repeat(400));
        let feed = Feed::bounded(1000, 2 * size(numbered(1, &text)));
        for n in 1..=3 {
            feed.add(numbered(n, &text), Duration::ZERO);
        }
        assert_eq!(sequences(&feed), [2, 3]);
        let huge = format!("\"{}\"", "x".repeat(2000));
        feed.add(numbered(4, &huge), Duration::ZERO);
        assert_eq!(sequences(&feed), [4]);
        assert_eq!(feed.bytes.load(Ordering::Acquire), size(numbered(4, &huge)));
    }

    #[test]
    fn headers_count_not_only_the_body() {
        let empty = size(numbered(1, "{}"));
        let mut long_header = numbered(1, "{}");
        let value = "a".repeat(10_000);
        long_header
            .headers
            .insert("x-long", HeaderValue::from_str(&value).unwrap());
        assert!(size(long_header) >= empty + value.len());
    }

    #[test]
    fn the_body_is_kept_as_text_only() {
        let entry = Entry::new(numbered(1, r#"{"a": [0, 0, 0]}"#), Duration::ZERO);
        assert!(entry.notification.body.is_none());
        assert_eq!(entry.notification.raw, r#"{"a": [0, 0, 0]}"#);
        assert_eq!(
            entry.notification().body,
            Some(serde_json::json!({"a": [0, 0, 0]}))
        );
    }

    #[test]
    fn a_kept_header_holds_no_read_buffer() {
        let buffer = Bytes::from(vec![b'a'; 64 * 1024]);
        let mut notification = numbered(1, "{}");
        notification.headers.insert(
            "x-short",
            HeaderValue::from_maybe_shared(buffer.slice(..8)).unwrap(),
        );
        let entry = Entry::new(notification, Duration::ZERO);
        assert!(buffer.is_unique(), "the kept headers hold the read buffer");
        assert_eq!(entry.notification().headers["x-short"], "aaaaaaaa");
    }

    #[test]
    fn kept_headers_come_back_as_they_arrived() {
        let headers = Notification::awkward_headers();
        let notification = Notification {
            headers: headers.clone(),
            ..numbered(1, "{}")
        };
        let back = Entry::new(notification, Duration::ZERO)
            .notification()
            .headers;
        let pairs = |map: &HeaderMap| -> Vec<(String, Vec<u8>)> {
            map.iter()
                .map(|(name, value)| (name.to_string(), value.as_bytes().to_vec()))
                .collect()
        };
        assert_eq!(pairs(&back), pairs(&headers));
    }

    #[tokio::test]
    async fn a_page_open_hears_of_each_new_one() {
        let feed = Arc::new(Feed::new(10));
        feed.add(numbered(1, "{}"), Duration::ZERO);
        let mut events = feed.subscribe();
        feed.add(numbered(2, "{}"), Duration::ZERO);
        assert_eq!(events.recv().await.unwrap().sequence(), 2);
        drop(events);
        assert_eq!(
            feed.pages.load(Ordering::SeqCst),
            0,
            "a page gone still counts"
        );
    }

    #[test]
    fn one_answered_late_does_not_push_out_a_later_one() {
        let feed = Feed::new(3);
        for n in [1, 2, 4, 5, 6] {
            feed.add(numbered(n, "{}"), Duration::ZERO);
        }
        // Number 3 took longer than 4, 5 and 6: no longer among the latest three.
        feed.add(numbered(3, "{}"), Duration::ZERO);
        assert_eq!(sequences(&feed), [4, 5, 6]);
        assert_eq!(
            feed.bytes.load(Ordering::Acquire),
            3 * size(numbered(1, "{}"))
        );
    }

    /// Adds 1..=1000 from four threads at once, each taking every fourth.
    fn add_from_threads(feed: &Feed) {
        std::thread::scope(|scope| {
            for thread in 0..4 {
                scope.spawn(move || {
                    for n in (1..=1000).filter(|n| n % 4 == thread) {
                        feed.add(numbered(n, "{}"), Duration::ZERO);
                    }
                });
            }
        });
    }

    #[test]
    fn handlers_keeping_at_once_keep_exactly_the_latest() {
        let feed = Feed::new(100);
        add_from_threads(&feed);
        assert_eq!(sequences(&feed), (901..=1000).collect::<Vec<u64>>());
    }

    #[test]
    fn handlers_keeping_at_once_stay_within_the_bytes() {
        let one = size(numbered(1, "{}"));
        let feed = Feed::bounded(100, 60 * one);
        add_from_threads(&feed);
        let kept = sequences(&feed);
        // Give or take the ones other threads were keeping while room was made.
        assert!((56..=64).contains(&kept.len()), "{}", kept.len());
        assert_eq!(kept.last(), Some(&1000));
        assert!(kept[0] > 900, "{kept:?}");
        assert_eq!(feed.bytes.load(Ordering::Acquire), kept.len() * one);
    }
}
