//! Where `hooks listen` puts what it prints. Each handler renders its own notification and
//! appends the bytes to one shared buffer, holding the lock only for that copy; the
//! printing task ([`write_printed`]) writes the buffer out. Under load that is one
//! `write(2)` per burst, and no notification waits in a queue to be rendered.

use std::sync::{Arc, Mutex};

use tokio::io::AsyncWriteExt as _;
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
#[derive(Default)]
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
    async fn ready(&self) {
        self.ready.notified().await;
    }

    /// Swaps the queued bytes into `into` (emptied first) and returns the counts so far.
    fn take(&self, into: &mut Vec<u8>) -> Taken {
        into.clear();
        let mut pending = self.pending.lock().unwrap_or_else(|e| e.into_inner());
        std::mem::swap(&mut pending.bytes, into);
        Taken {
            valid: pending.valid,
            total: pending.total,
        }
    }
}

/// Where the printed notifications go.
enum Stdout {
    /// A file or /dev/null: written from the runtime thread, since such a write never waits.
    Direct,
    /// A pipe, terminal or socket, where a write can wait for the reader (a paused pager):
    /// written by tokio on a blocking thread, so that the answers do not wait with it.
    Blocking(tokio::io::Stdout),
}

impl Stdout {
    fn new() -> Stdout {
        use std::io::IsTerminal as _;
        use std::os::fd::AsFd as _;
        use std::os::unix::fs::FileTypeExt as _;
        let stdout = std::io::stdout();
        let kind = stdout
            .as_fd()
            .try_clone_to_owned()
            .map(std::fs::File::from)
            .and_then(|file| file.metadata())
            .map(|metadata| metadata.file_type());
        match kind {
            Ok(kind) if !stdout.is_terminal() && (kind.is_file() || kind.is_char_device()) => {
                Stdout::Direct
            }
            _ => Stdout::Blocking(tokio::io::stdout()),
        }
    }

    async fn write(&mut self, bytes: &[u8]) -> std::io::Result<()> {
        match self {
            Stdout::Direct => {
                use std::io::Write as _;
                let mut stdout = std::io::stdout().lock();
                stdout.write_all(bytes)?;
                stdout.flush()
            }
            Stdout::Blocking(stdout) => {
                stdout.write_all(bytes).await?;
                stdout.flush().await
            }
        }
    }
}

/// Writes what the handlers printed to stdout, one write per burst, until told to
/// `finish`; then writes the rest and returns the counts. On its own task, so that a
/// stdout that blocks holds back neither the answers nor Ctrl-C. Tells `reached` once
/// `count` valid notifications are out.
pub async fn write_printed(
    printed: Arc<Printed>,
    count: Option<u64>,
    reached: Arc<Notify>,
    finish: Arc<Notify>,
) -> Taken {
    let mut stdout = Stdout::new();
    let mut buffer = Vec::new();
    let mut taken = Taken::default();
    loop {
        if count.is_some_and(|count| taken.valid >= count) {
            reached.notify_one();
        }
        let finishing = tokio::select! {
            () = printed.ready() => {
                // Let the handlers that are ready finish too, so a burst is one write.
                tokio::task::yield_now().await;
                false
            }
            () = finish.notified() => true,
        };
        taken = printed.take(&mut buffer);
        // A closed stdout (`| head`) must not stop the listener answering.
        let _ = stdout.write(&buffer).await;
        if finishing {
            return taken;
        }
    }
}
