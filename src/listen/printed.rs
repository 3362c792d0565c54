//! Where `hooks listen` puts what it prints. Each handler renders its own notification on
//! its worker and appends the bytes to one shared buffer, holding the lock only for that
//! copy; the printing task writes the buffer out. Under load that is one `write(2)` per
//! burst, and no notification crosses threads or waits in a queue to be rendered.

use std::sync::Mutex;

use tokio::sync::Notify;

use super::notification::{Escaped, Notification};
use crate::output::Output;

#[derive(Default)]
struct Pending {
    bytes: Vec<u8>,
    valid: u64,
    total: u64,
}

/// Notifications queued so far, counted when they were queued.
pub struct Taken {
    pub valid: u64,
    pub total: u64,
}

pub struct Printed {
    out: Output,
    pending: Mutex<Pending>,
    /// Signalled when the buffer stops being empty.
    ready: Notify,
}

impl Printed {
    pub fn new(out: Output) -> Printed {
        Printed {
            out,
            pending: Mutex::new(Pending::default()),
            ready: Notify::new(),
        }
    }

    /// Renders the notification (reusing its `escaped` headers and body, when the record
    /// line already escaped them) and queues it for printing.
    pub fn add(&self, notification: &Notification, escaped: Option<&Escaped>) {
        thread_local! {
            /// Reused per thread: rendering does not allocate the line.
            static LINE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        LINE.with_borrow_mut(|line| {
            line.clear();
            notification.render_into(&self.out, line, escaped);
            let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
            let was_empty = pending.bytes.is_empty();
            pending.bytes.extend_from_slice(line);
            pending.total += 1;
            pending.valid += u64::from(notification.valid);
            drop(pending);
            if was_empty {
                self.ready.notify_one();
            }
        });
    }

    /// Waits until something is queued (at once if something already is).
    pub async fn ready(&self) {
        self.ready.notified().await;
    }

    /// Swaps the queued bytes into `into` (emptied first) and returns the counts so far.
    pub fn take(&self, into: &mut Vec<u8>) -> Taken {
        into.clear();
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::swap(&mut pending.bytes, into);
        Taken {
            valid: pending.valid,
            total: pending.total,
        }
    }
}
