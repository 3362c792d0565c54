//! Where `hooks listen` puts what it prints. Each handler renders its own notification and
//! appends the bytes to one shared buffer, holding the lock only for that copy; the
//! printing task ([`write_printed`]) writes the buffer out. Under load that is one
//! `write(2)` per burst, and no notification waits in a queue to be rendered.

use std::sync::{Arc, Mutex};

use tokio::io::AsyncWriteExt as _;
use tokio::sync::Notify;

use super::notification::Notification;
use super::record::Escaped;
use crate::output::{Output, counted};

/// How many bytes may wait for stdout besides the write under way. Past it, lines are
/// dropped and counted, so a stdout nobody reads costs at most this much memory and never
/// holds back an answer or the `--record` file.
pub const QUEUE_BYTES: usize = 8 * 1024 * 1024;

#[derive(Default)]
struct Pending {
    bytes: Vec<u8>,
    /// Lines in `bytes`.
    lines: u64,
    valid: u64,
    total: u64,
    /// Lines written out to stdout.
    printed: u64,
    /// Lines dropped because the queue was full.
    dropped: u64,
    /// How many of the lines not printed were told on stderr already.
    reported: u64,
}

/// Notifications answered so far, counted when they were queued (printed or not).
#[derive(Default)]
pub struct Taken {
    pub valid: u64,
    pub total: u64,
}

pub struct Printed {
    out: Output,
    limit: usize,
    pending: Mutex<Pending>,
    /// Signalled when the buffer stops being empty.
    ready: Notify,
}

impl Printed {
    pub fn new(out: Output) -> Printed {
        Printed::with_limit(out, QUEUE_BYTES)
    }

    fn with_limit(out: Output, limit: usize) -> Printed {
        Printed {
            out,
            limit,
            pending: Mutex::new(Pending::default()),
            ready: Notify::new(),
        }
    }

    fn pending(&self) -> std::sync::MutexGuard<'_, Pending> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
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
            self.queue(line, notification.valid);
        });
    }

    /// Queues one rendered line, or drops it when the queue is full. A line is always
    /// queued into an empty queue, however long, so every notification can be shown.
    fn queue(&self, line: &[u8], valid: bool) {
        let mut pending = self.pending();
        let was_empty = pending.bytes.is_empty();
        pending.total += 1;
        pending.valid += u64::from(valid);
        if !was_empty && pending.bytes.len() + line.len() > self.limit {
            pending.dropped += 1;
            return;
        }
        pending.bytes.extend_from_slice(line);
        pending.lines += 1;
        drop(pending);
        if was_empty {
            self.ready.notify_one();
        }
    }

    /// Waits until something is queued (at once if something already is).
    async fn ready(&self) {
        self.ready.notified().await;
    }

    /// Swaps the queued bytes into `into` (emptied first); returns how many lines they
    /// hold and the counts so far.
    fn take(&self, into: &mut Vec<u8>) -> (u64, Taken) {
        into.clear();
        let mut pending = self.pending();
        std::mem::swap(&mut pending.bytes, into);
        let lines = std::mem::take(&mut pending.lines);
        let taken = Taken {
            valid: pending.valid,
            total: pending.total,
        };
        (lines, taken)
    }

    /// Counts `lines` as written; returns how many lines were dropped since last told.
    fn written(&self, lines: u64) -> u64 {
        let mut pending = self.pending();
        pending.printed += lines;
        let untold = pending.dropped - pending.reported;
        pending.reported = pending.dropped;
        untold
    }

    /// The counts so far, and how many lines were never printed and not told yet.
    pub fn finish(&self) -> (Taken, u64) {
        let mut pending = self.pending();
        let untold = pending.total - pending.printed - pending.reported;
        pending.reported += untold;
        let taken = Taken {
            valid: pending.valid,
            total: pending.total,
        };
        (taken, untold)
    }
}

/// "N notifications were not printed (WHY)".
pub fn not_printed(count: u64, why: &str) -> String {
    format!(
        "{} not printed ({why})",
        counted(count, "notification was", "notifications were")
    )
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
/// `finish`; then writes the rest. On its own task, so that a stdout that blocks holds
/// back neither the answers nor Ctrl-C. Tells `reached` once `count` valid notifications
/// are queued, and `closed` when stdout cannot be written any more (the reader went away);
/// from then on lines are only counted.
pub async fn write_printed(
    printed: Arc<Printed>,
    count: Option<u64>,
    reached: Arc<Notify>,
    finish: Arc<Notify>,
    closed: Arc<Notify>,
) {
    let mut stdout = Some(Stdout::new());
    let mut gone = std::pin::pin!(reader_gone());
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
            () = &mut gone, if stdout.is_some() => {
                stdout = None;
                closed.notify_one();
                false
            }
        };
        let lines;
        (lines, taken) = printed.take(&mut buffer);
        if let Some(out) = &mut stdout {
            if out.write(&buffer).await.is_ok() {
                let dropped = printed.written(lines);
                if dropped > 0 {
                    printed
                        .out
                        .warn(not_printed(dropped, "stdout was not being read"));
                }
            } else {
                stdout = None;
                closed.notify_one();
            }
        }
        if finishing {
            return;
        }
    }
}

/// Resolves once stdout is a pipe or socket whose reader went away (`| head -1` exited),
/// so that the listener stops even when nothing more comes to print; never for a file.
/// `poll(2)` asked for no event still reports the error a pipe's write end gets when its
/// reader closes; it waits on a blocking thread, left behind when the process exits.
async fn reader_gone() {
    use rustix::event::{PollFd, PollFlags, poll};
    use std::os::fd::AsFd as _;
    let Ok(fd) = std::io::stdout().as_fd().try_clone_to_owned() else {
        return std::future::pending().await;
    };
    let waited = tokio::task::spawn_blocking(move || {
        loop {
            let mut fds = [PollFd::new(&fd, PollFlags::empty())];
            match poll(&mut fds, None) {
                Ok(_) if fds[0].revents().is_empty() => {}
                Err(rustix::io::Errno::INTR) => {}
                Ok(_) => return true,
                Err(_) => return false,
            }
        }
    });
    if !matches!(waited.await, Ok(true)) {
        std::future::pending::<()>().await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn out() -> Output {
        Output {
            json: true,
            color: false,
            color_stderr: false,
            verbose: false,
        }
    }

    #[test]
    fn a_full_queue_drops_lines_and_counts_them() {
        let printed = Printed::with_limit(out(), 100);
        let line = [b'x'; 30];
        for _ in 0..10 {
            printed.queue(&line, true);
        }
        assert!(printed.pending().bytes.len() <= 100);
        let mut buffer = Vec::new();
        let (lines, taken) = printed.take(&mut buffer);
        assert_eq!((lines, buffer.len()), (3, 90));
        assert_eq!((taken.valid, taken.total), (10, 10));
        assert_eq!(printed.written(lines), 7, "the dropped lines are told once");
        assert_eq!(printed.written(0), 0);
        // Room again once written; a line longer than the limit still goes into an empty queue.
        printed.queue(&[b'y'; 500], false);
        printed.queue(&line, false);
        let (taken, _) = printed.finish();
        assert_eq!((taken.valid, taken.total), (10, 12));
        let mut buffer = Vec::new();
        assert_eq!(printed.take(&mut buffer).0, 1);
    }

    #[test]
    fn lines_never_written_are_told_at_the_end() {
        let printed = Printed::with_limit(out(), 100);
        for _ in 0..5 {
            printed.queue(&[b'x'; 30], true);
        }
        let mut buffer = Vec::new();
        let (lines, _) = printed.take(&mut buffer);
        printed.written(lines);
        printed.queue(&[b'x'; 30], true);
        // Two dropped (told already) and one still queued when stdout gave up.
        assert_eq!(printed.finish().1, 1);
        assert_eq!(printed.finish().1, 0);
    }
}
