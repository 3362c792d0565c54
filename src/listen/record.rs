//! The `--record` file: one JSON line per valid notification, on disk (in the page cache)
//! before the notification is answered.
//!
//! The handler writes its own line with one `write(2)` on the file opened for appending:
//! the kernel appends each write whole (it holds the file's lock for the whole write), so
//! lines never interleave and no lock of ours is needed. A page-cache append costs less
//! than handing the line to a writer task and waiting to be woken again.

use std::fs::File;
use std::io::Write as _;
use std::path::PathBuf;

use super::json::{self, Escaped};
use super::notification::Notification;

/// Appends the notification's line, newline included, in the field order `hooks replay`
/// reads: the exact body as a string (valid notifications are always UTF-8 JSON), header
/// names lower-case in arrival order.
fn line(out: &mut Vec<u8>, notification: &Notification, escaped: &Escaped) {
    notification.write_request_fields(out, false);
    json::key(out, "headers", false);
    out.extend_from_slice(&escaped.headers);
    json::key(out, "body", false);
    out.extend_from_slice(&escaped.raw);
    out.extend_from_slice(b"}\n");
}

pub struct RecordFile {
    pub path: PathBuf,
    file: File,
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
        Ok(RecordFile { path, file })
    }

    /// Appends the notification's line (its headers and body as `escaped`); returns once
    /// it is written. A short write (a full disk) is an error: the rest written later could
    /// land after another line.
    pub fn append(&self, notification: &Notification, escaped: &Escaped) -> std::io::Result<()> {
        thread_local! {
            /// Reused per thread: a line is built without allocating.
            static LINE: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
        }
        LINE.with_borrow_mut(|buffer| {
            buffer.clear();
            line(buffer, notification, escaped);
            let written = (&self.file).write(buffer)?;
            if written == buffer.len() {
                Ok(())
            } else {
                Err(std::io::Error::new(
                    std::io::ErrorKind::WriteZero,
                    format!("only {written} of {} bytes written", buffer.len()),
                ))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::notification::rfc3339;
    use super::*;

    #[test]
    fn a_line_is_what_serde_json_would_write() {
        let notification = Notification {
            query: Some("a=1".to_string()),
            headers: vec![
                ("content-type".to_string(), "application/json".to_string()),
                ("x-odd".to_string(), "tab\there \"quoted\"".to_string()),
            ],
            raw: "{\"a\": \"b\\n\"}\n".to_string(),
            ..Notification::example()
        };
        let mut out = Vec::new();
        let escaped = Escaped::new(&notification.headers, &notification.raw);
        line(&mut out, &notification, &escaped);
        let expected = serde_json::json!({
            "received_at": rfc3339(notification.received_at),
            "method": "POST",
            "path": "/hook",
            "query": "a=1",
            "headers": [["content-type", "application/json"], ["x-odd", "tab\there \"quoted\""]],
            "body": "{\"a\": \"b\\n\"}\n",
        });
        // serde_json's map keeps keys sorted, so compare documents, then the field order.
        let written: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(written, expected);
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("{\"received_at\":"), "{text}");
        assert!(text.ends_with("}\n") && text.matches('\n').count() == 1);
    }
}
