//! The `--record` file: one [`RecordLine`] per valid notification, on disk (in the page
//! cache) before the notification is answered.
//!
//! Lines are committed in groups: a handler queues its line, yields once so that the other
//! handlers ready on its worker queue theirs, and then the first of them to come back
//! writes everything queued with one `write(2)`; the others find their lines already
//! written. Under load that is one system call per burst instead of one per request. The
//! writer holds the lock for the write, so lines never interleave, and a failed write is
//! cut back off the file, so a line on disk is never torn.

use std::borrow::Cow;
use std::fs::File;
use std::io::Write as _;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use serde::{Deserialize, Serialize};

use super::json;

/// One notification exactly as it arrived: what `hooks listen --record` writes, one JSON
/// object a line, and `hooks replay` reads back.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordLine<'a> {
    /// When it arrived (RFC 3339).
    #[serde(default, borrow)]
    pub received_at: Cow<'a, str>,
    #[serde(borrow)]
    pub method: Cow<'a, str>,
    #[serde(default, borrow)]
    pub path: Cow<'a, str>,
    #[serde(default, borrow)]
    pub query: Option<Cow<'a, str>>,
    /// Names lower-case, in arrival order, repeats kept; bytes that are not UTF-8 as `\xNN`.
    #[serde(borrow)]
    pub headers: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    /// The exact body: a recorded notification is always UTF-8 JSON.
    #[serde(borrow)]
    pub body: Cow<'a, str>,
}

impl RecordLine<'_> {
    /// The line as `serde_json` writes it (a test holds them equal), by the listener's
    /// faster escaper, in pieces the `--json` line reuses where nothing in them is masked.
    pub fn escape(&self) -> Escaped {
        Escaped::new(
            &self.received_at,
            &self.method,
            &self.path,
            self.query.as_deref(),
            self.headers
                .iter()
                .map(|(name, value)| (name.clone(), value)),
            &self.body,
        )
    }
}

/// A record line escaped: its request fields (`{"received_at":…,"query":…`), headers
/// (`[["name","value"],…]`) and body (a string), all unmasked, for the two lines that carry
/// them: the `--record` line, and the `--json` line where nothing in them is masked.
pub struct Escaped {
    bytes: Vec<u8>,
    headers_at: usize,
    raw_at: usize,
}

impl Escaped {
    /// The pieces of a record line with these fields, written as `serde_json` writes them.
    pub fn new<N: json::Name, V: AsRef<str>>(
        received_at: &str,
        method: &str,
        path: &str,
        query: Option<&str>,
        headers: impl Iterator<Item = (N, V)>,
        body: &str,
    ) -> Escaped {
        // The body is escaped last, into what the fields and headers left.
        let mut bytes =
            Vec::with_capacity(160 + headers.size_hint().0 * 48 + json::string_room(body.len()));
        request_fields(&mut bytes, received_at, method, path, query);
        let headers_at = bytes.len();
        json::header_pairs(&mut bytes, headers);
        let raw_at = bytes.len();
        json::string(&mut bytes, body);
        Escaped {
            bytes,
            headers_at,
            raw_at,
        }
    }

    pub fn request(&self) -> &[u8] {
        &self.bytes[..self.headers_at]
    }

    pub fn headers(&self) -> &[u8] {
        &self.bytes[self.headers_at..self.raw_at]
    }

    pub fn raw(&self) -> &[u8] {
        &self.bytes[self.raw_at..]
    }
}

/// Opens a JSON line with the fields both the record line and the `--json` line begin with:
/// `{"received_at":…,"method":…,"path":…,"query":…`.
pub fn request_fields(
    out: &mut Vec<u8>,
    received_at: &str,
    method: &str,
    path: &str,
    query: Option<&str>,
) {
    out.push(b'{');
    json::key(out, "received_at", true);
    json::string(out, received_at);
    json::key(out, "method", false);
    json::string(out, method);
    json::key(out, "path", false);
    json::string(out, path);
    json::key(out, "query", false);
    json::optional(out, query);
}

/// Appends the line, newline included.
fn line(out: &mut Vec<u8>, escaped: &Escaped) {
    out.extend_from_slice(escaped.request());
    json::key(out, "headers", false);
    out.extend_from_slice(escaped.headers());
    json::key(out, "body", false);
    out.extend_from_slice(escaped.raw());
    out.extend_from_slice(b"}\n");
}

pub struct RecordFile {
    pub path: PathBuf,
    file: File,
    queue: Mutex<Queue>,
}

/// Lines are numbered from 1 in the order they were queued.
struct Queue {
    /// Lines queued and not yet written.
    pending: Vec<u8>,
    /// How many lines were queued so far.
    queued: u64,
    /// How many of those were written, or failed.
    settled: u64,
    /// The file's size as far as our writes took it: a failed write is cut back to it.
    len: u64,
    /// Groups that could not be written, kept until every one of their handlers heard.
    failures: Vec<Failure>,
}

struct Failure {
    first: u64,
    last: u64,
    kind: std::io::ErrorKind,
    message: String,
    unheard: u64,
}

impl RecordFile {
    /// Opens (creating with mode 0600, appending).
    pub fn open(path: PathBuf) -> std::io::Result<RecordFile> {
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .mode(0o600)
            .open(&path)?;
        let len = file.metadata()?.len();
        Ok(RecordFile {
            path,
            file,
            queue: Mutex::new(Queue {
                pending: Vec::new(),
                queued: 0,
                settled: 0,
                len,
                failures: Vec::new(),
            }),
        })
    }

    /// [`RecordFile::open`] for a `--record` flag: a file that cannot be opened is a usage
    /// error naming it, before anything starts.
    pub fn for_flag(path: Option<&PathBuf>) -> crate::error::Result<Option<RecordFile>> {
        path.map(|path| {
            RecordFile::open(path.clone()).map_err(|e| {
                crate::error::Error::usage(format!(
                    "cannot open the record file {}: {e}",
                    path.display()
                ))
            })
        })
        .transpose()
    }

    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Appends the line of the notification `escaped` comes from; returns once
    /// it is written. Dropped before that (the client went away), the line is still
    /// written.
    pub async fn append(&self, escaped: &Escaped) -> std::io::Result<()> {
        let mut ticket = {
            let mut queue = self.lock();
            line(&mut queue.pending, escaped);
            queue.queued += 1;
            Ticket {
                file: self,
                number: queue.queued,
                heard: false,
            }
        };
        // Deferred until this worker has run everything else that is ready.
        tokio::task::yield_now().await;
        ticket.settle()
    }

    /// Writes every queued line, holding the queue's lock.
    fn write_pending(&self, queue: &mut Queue) {
        let written = (&self.file).write_all(&queue.pending);
        match written {
            Ok(()) => queue.len += queue.pending.len() as u64,
            Err(e) => {
                // Whatever part of the group reached the file goes: no torn line.
                let _ = self.file.set_len(queue.len);
                queue.failures.push(Failure {
                    first: queue.settled + 1,
                    last: queue.queued,
                    kind: e.kind(),
                    message: e.to_string(),
                    unheard: queue.queued - queue.settled,
                });
            }
        }
        queue.pending.clear();
        queue.settled = queue.queued;
    }
}

/// A queued line, until its handler has heard whether it was written.
struct Ticket<'a> {
    file: &'a RecordFile,
    number: u64,
    heard: bool,
}

impl Ticket<'_> {
    /// Writes the queued lines unless another handler already wrote this one; whether it
    /// reached the file.
    fn settle(&mut self) -> std::io::Result<()> {
        let mut queue = self.file.lock();
        if queue.settled < self.number {
            self.file.write_pending(&mut queue);
        }
        self.heard = true;
        let Some(at) = queue
            .failures
            .iter()
            .position(|f| (f.first..=f.last).contains(&self.number))
        else {
            return Ok(());
        };
        let failure = &mut queue.failures[at];
        let error = std::io::Error::new(failure.kind, failure.message.clone());
        failure.unheard -= 1;
        if failure.unheard == 0 {
            queue.failures.swap_remove(at);
        }
        Err(error)
    }
}

impl Drop for Ticket<'_> {
    fn drop(&mut self) {
        if !self.heard {
            let _ = self.settle();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::notification::{Notification, rfc3339};
    use super::*;

    #[test]
    fn a_line_is_what_serde_json_would_write() {
        let notification = Notification {
            query: Some("a=1".to_string()),
            headers: Notification::headers_of(&[
                ("content-type", "application/json"),
                ("x-odd", "tab\there \"quoted\""),
            ]),
            ..Notification::example_with("{\"a\": \"b\\n\"}\n")
        };
        let mut out = Vec::new();
        line(&mut out, &notification.escaped());
        let expected = serde_json::json!({
            "received_at": rfc3339(notification.received_at),
            "method": "POST",
            "path": "/hook",
            "query": "a=1",
            "headers": [["content-type", "application/json"], ["x-odd", "tab\there \"quoted\""]],
            "body": "{\"a\": \"b\\n\"}\n",
        });
        // Compare the documents, then the field order on its own.
        let written: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(written, expected);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("{\"received_at\":"), "{text}");
        assert!(text.ends_with("}\n") && text.matches('\n').count() == 1);
    }

    /// A notification's line, escaped straight from its header map, is its record line
    /// as serde writes it: repeated headers in order, bytes that are not UTF-8 as `\xNN`.
    #[test]
    fn a_notifications_line_is_its_record_line_as_serde_writes_it() {
        let notification = Notification {
            query: Some("q=\"1\"".to_string()),
            headers: Notification::awkward_headers(),
            ..Notification::example_with("{\"a\":\"\\u00e9\"}")
        };
        let mut written = Vec::new();
        line(&mut written, &notification.escaped());
        let mut expected = serde_json::to_vec(&notification.record_line()).unwrap();
        expected.push(b'\n');
        assert_eq!(
            String::from_utf8(written).unwrap(),
            String::from_utf8(expected).unwrap()
        );
    }

    /// The listener's escaper writes a record line byte for byte as serde writes the
    /// struct, and serde reads it back whole: one format, whoever writes or reads it.
    #[test]
    fn the_escaped_line_is_the_struct_as_serde_writes_it() {
        let lines = [
            RecordLine {
                received_at: "2025-03-30T10:15:00.045Z".into(),
                method: "POST".into(),
                path: "/h\u{7f}\u{e9}\"/\\".into(),
                query: Some("a=1&b=\u{1}".into()),
                headers: vec![
                    ("content-type".into(), "application/json".into()),
                    ("x-odd".into(), "tab\t\"q\" \\xe9 \u{2028}".into()),
                ],
                body: "{\"a\": \"b\\n\u{0}\"}\n".into(),
            },
            RecordLine {
                received_at: "".into(),
                method: "PUT".into(),
                path: "".into(),
                query: None,
                headers: Vec::new(),
                body: "".into(),
            },
        ];
        for record in lines {
            let mut written = Vec::new();
            line(&mut written, &record.escape());
            let mut expected = serde_json::to_vec(&record).unwrap();
            expected.push(b'\n');
            assert_eq!(
                String::from_utf8_lossy(&written),
                String::from_utf8_lossy(&expected)
            );
            let text = std::str::from_utf8(&written).unwrap();
            assert_eq!(serde_json::from_str::<RecordLine>(text).unwrap(), record);
        }
    }

    fn numbered(n: usize) -> (Notification, Escaped) {
        let notification = Notification {
            ..Notification::example_with(&format!("{{\"n\":{n}}}"))
        };
        let escaped = notification.escaped();
        (notification, escaped)
    }

    fn bodies(path: &std::path::Path) -> Vec<String> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|line| {
                let line: serde_json::Value = serde_json::from_str(line).unwrap();
                line["body"].as_str().unwrap().to_string()
            })
            .collect()
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn every_line_is_on_disk_whole_when_its_append_returns() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.jsonl");
        let record = std::sync::Arc::new(RecordFile::open(path.clone()).unwrap());
        let appends: Vec<_> = (0..200)
            .map(|n| {
                let (record, path) = (record.clone(), path.clone());
                tokio::spawn(async move {
                    let (notification, escaped) = numbered(n);
                    record.append(&escaped).await.unwrap();
                    // Answered from here on: the line must already be in the file.
                    assert!(bodies(&path).contains(&notification.raw), "line {n}");
                })
            })
            .collect();
        for append in appends {
            append.await.unwrap();
        }
        let mut written = bodies(&path);
        written.sort();
        let mut expected: Vec<String> = (0..200).map(|n| numbered(n).0.raw).collect();
        expected.sort();
        assert_eq!(written, expected);
    }

    #[tokio::test]
    async fn a_line_whose_client_went_away_is_still_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("record.jsonl");
        let record = RecordFile::open(path.clone()).unwrap();
        let (notification, escaped) = numbered(1);
        let mut append = Box::pin(record.append(&escaped));
        // Queued and yielded, not yet written; then dropped, as when hyper drops a handler.
        assert!(futures_util::poll!(append.as_mut()).is_pending());
        drop(append);
        assert_eq!(bodies(&path), [notification.raw]);
    }

    #[tokio::test]
    async fn a_failed_write_fails_every_append_in_its_group() {
        let record = RecordFile::open(PathBuf::from("/dev/full")).unwrap();
        let (_, first) = numbered(1);
        let (_, second) = numbered(2);
        let (a, b) = tokio::join!(record.append(&first), record.append(&second));
        for outcome in [a, b] {
            let error = outcome.unwrap_err();
            assert_eq!(error.kind(), std::io::ErrorKind::StorageFull, "{error}");
        }
        let queue = record.queue.lock().unwrap();
        assert!(queue.failures.is_empty(), "every failure was heard");
    }
}
