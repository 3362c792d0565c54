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

use tokio::sync::{mpsc, oneshot};

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

    /// Appends `line` (newline included) and returns once it is written.
    pub async fn append(&self, line: Vec<u8>) -> Result<(), String> {
        let (written, done) = oneshot::channel();
        self.lines
            .send((line, written))
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
