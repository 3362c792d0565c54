//! The `--record` file: one JSON line per valid notification, on disk (in the page cache)
//! before the notification is answered.
//!
//! One task owns the file. Handlers hand it their line and wait for its word; it writes
//! every line waiting at that moment with one `write(2)` and then answers them all. Under
//! load that is one system call per burst instead of one per request, each line is whole
//! (a single writer), and nothing is answered before its line is written.

use std::fs::File;
use std::io::Write as _;
use std::path::PathBuf;

use serde::Serialize;
use tokio::sync::{mpsc, oneshot};

use super::notification::{Notification, rfc3339};

/// One line, in the field order `hooks replay` reads: the exact body as a string (valid
/// notifications are always UTF-8 JSON), header names lower-case in arrival order.
#[derive(Serialize)]
struct RecordLine<'a> {
    received_at: String,
    method: &'a str,
    path: &'a str,
    query: Option<&'a str>,
    headers: &'a [(String, String)],
    body: &'a str,
}

/// The notification's record line, newline included.
fn line(notification: &Notification) -> Vec<u8> {
    let line = RecordLine {
        received_at: rfc3339(notification.received_at),
        method: &notification.method,
        path: &notification.path,
        query: notification.query.as_deref(),
        headers: &notification.headers,
        body: &notification.raw,
    };
    // Sized once: growing past 1 KiB step by step costs more than the serialisation.
    let headers: usize = line
        .headers
        .iter()
        .map(|(n, v)| n.len() + v.len() + 8)
        .sum();
    let mut bytes = Vec::with_capacity(line.body.len() * 5 / 4 + headers + 200);
    // Writing into a Vec cannot fail, and these fields always serialise.
    let _ = serde_json::to_writer(&mut bytes, &line);
    bytes.push(b'\n');
    bytes
}

type Written = oneshot::Sender<Result<(), String>>;

pub struct RecordFile {
    pub path: PathBuf,
    lines: mpsc::UnboundedSender<(Vec<u8>, Written)>,
}

impl RecordFile {
    /// Opens (creating with mode 0600, appending) and starts the writer task.
    pub fn open(path: PathBuf) -> std::io::Result<RecordFile> {
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(&path)?;
        let (lines, waiting) = mpsc::unbounded_channel();
        tokio::spawn(write_lines(file, waiting));
        Ok(RecordFile { path, lines })
    }

    /// Appends the notification's line and returns once it is written.
    pub async fn append(&self, notification: &Notification) -> Result<(), String> {
        let (written, done) = oneshot::channel();
        self.lines
            .send((line(notification), written))
            .map_err(|_| "the record writer stopped".to_string())?;
        done.await
            .unwrap_or_else(|_| Err("the record writer stopped".to_string()))
    }
}

async fn write_lines(mut file: File, mut waiting: mpsc::UnboundedReceiver<(Vec<u8>, Written)>) {
    let mut buffer = Vec::new();
    let mut acks = Vec::new();
    while let Some((line, written)) = waiting.recv().await {
        buffer.extend_from_slice(&line);
        acks.push(written);
        // Woken by the first line, let the handlers that are ready to run add theirs
        // before writing: the batch, not the request, then pays for the system call.
        tokio::task::yield_now().await;
        while let Ok((line, written)) = waiting.try_recv() {
            buffer.extend_from_slice(&line);
            acks.push(written);
        }
        let outcome = file.write_all(&buffer).map_err(|e| e.to_string());
        buffer.clear();
        for written in acks.drain(..) {
            // A handler that gave up waiting (its client left) needs no answer.
            let _ = written.send(outcome.clone());
        }
    }
}
