//! What `hooks replay` can send: fixtures (by name or by provider), JSON files, directories
//! of them, and `hooks listen --record` recordings (JSONL), each turned into [`Source`]s
//! that keep the exact body bytes.

use std::fs::File;
use std::io::{BufRead, BufReader, ErrorKind, Read};
use std::path::{Path, PathBuf};

use bytes::Bytes;
use reqwest::Method;
use serde::Deserialize;
use serde_json::Value;

use crate::error::{Error, Result};
use crate::fixtures;
use crate::listen::record::RecordLine;
use crate::output::Output;
use crate::providers::{Provider, fixture_headers, header_in, recognize_request};

/// Headers that describe one hop or one body, not the notification: never replayed.
const NOT_REPLAYED: [&str; 10] = [
    "host",
    "content-length",
    "connection",
    "keep-alive",
    "proxy-connection",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
    "expect",
];

/// One notification to deliver, as loaded.
#[derive(Debug, Clone)]
pub struct Source {
    /// What the user will recognise: a fixture name, a file path, `file.jsonl:LINE`.
    pub label: String,
    pub method: Method,
    /// Headers from a recording (hop-by-hop ones dropped); empty for JSON sources.
    pub headers: Vec<(String, String)>,
    /// The exact bytes, sent as they are unless a flag changes the body.
    pub body: Bytes,
    /// The body parsed, when it is JSON.
    pub json: Option<Value>,
    pub provider: Provider,
    pub kind: String,
}

impl Source {
    fn json(label: String, body: Bytes, json: Value, headers: Vec<(String, String)>) -> Source {
        let recognition = recognize_request(&json, |name| header_in(&headers, name));
        Source {
            label,
            method: Method::POST,
            headers,
            body,
            json: Some(json),
            provider: recognition.provider,
            kind: recognition.kind,
        }
    }
}

/// How sources are read: the largest file (or recording line) read, and where to say
/// what was skipped.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    pub max_body: usize,
    pub out: Output,
}

/// Every source a SOURCE argument names: an existing path wins over a fixture name.
pub fn load(spec: &str, reading: Reading) -> Result<Vec<Source>> {
    let path = Path::new(spec);
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => return load_dir(path, reading),
        Ok(meta) if meta.is_file() => return load_file(path, reading.max_body),
        // Opening a FIFO blocks until someone writes, and a device may never end.
        Ok(_) => {
            return Err(Error::usage(format!(
                "SOURCE {spec} is not a regular file or a directory (a FIFO, socket or \
                 device); replay reads files"
            )));
        }
        Err(e) if e.kind() != ErrorKind::NotFound => {
            return Err(Error::usage(format!("cannot read {spec}: {e}")));
        }
        Err(_) => {}
    }
    let selected = fixtures::select(spec);
    if selected.is_empty() {
        let near = fixtures::did_you_mean(spec).map_or(String::new(), |near| format!(" ({near})"));
        return Err(Error::usage(if looks_like_path(spec) {
            format!("SOURCE {spec}: no such file or directory{near}")
        } else {
            format!(
                "SOURCE '{spec}' is neither a file, a directory, a fixture nor a provider \
                 name{near}; `hooks fixtures list` shows the fixtures"
            )
        }));
    }
    Ok(selected
        .into_iter()
        .map(|f| {
            Source::json(
                f.name.to_string(),
                Bytes::from_static(f.text.as_bytes()),
                f.json(),
                fixture_headers(f.provider, &f.name[f.provider.len() + 1..]),
            )
        })
        .collect())
}

/// A name meant as a file: `.json`/`.jsonl`, or a `/` not after a provider's name (fixture
/// names are `provider/kind`).
fn looks_like_path(spec: &str) -> bool {
    is_json_name(Path::new(spec))
        || spec
            .split_once('/')
            .is_some_and(|(first, _)| !fixtures::is_provider(first))
}

fn is_json_name(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext == "json" || ext == "jsonl")
}

fn load_dir(dir: &Path, reading: Reading) -> Result<Vec<Source>> {
    let mut files = Vec::new();
    collect_json_files(dir, reading.out, &mut files)?;
    if files.is_empty() {
        return Err(Error::usage(format!(
            "directory {} holds no .json or .jsonl files",
            dir.display()
        )));
    }
    files.sort();
    let mut sources = Vec::new();
    for file in files {
        sources.extend(load_file(&file, reading.max_body)?);
    }
    Ok(sources)
}

/// The regular `.json`/`.jsonl` files under `dir`. Links to directories are not followed
/// (a link to `.` or to a parent would send files again and again, or forever), and
/// FIFOs and devices are skipped (reading one may block, or never end).
fn collect_json_files(dir: &Path, out: Output, files: &mut Vec<PathBuf>) -> Result<()> {
    let unreadable =
        |e: std::io::Error| Error::usage(format!("cannot read directory {}: {e}", dir.display()));
    for entry in std::fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let path = entry.path();
        // Hidden files and folders (.git, editor and build state) are never payloads.
        if path
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let own_type = entry.file_type().map_err(unreadable)?;
        if own_type.is_dir() {
            collect_json_files(&path, out, files)?;
            continue;
        }
        // What a link points to; a broken link is nothing.
        let target = if own_type.is_symlink() {
            std::fs::metadata(&path).ok().map(|meta| meta.file_type())
        } else {
            Some(own_type)
        };
        match target {
            Some(kind) if kind.is_dir() => out.warn(format!(
                "skipping {}: a link to a directory (not followed)",
                path.display()
            )),
            _ if !is_json_name(&path) => {}
            Some(kind) if kind.is_file() => files.push(path),
            Some(_) => out.warn(format!(
                "skipping {}: not a regular file (a FIFO, socket or device)",
                path.display()
            )),
            None => out.warn(format!("skipping {}: a broken link", path.display())),
        }
    }
    Ok(())
}

/// The whole file, refused when longer than `max_body`.
fn read_capped(path: &Path, max_body: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    open(path)?
        .take(max_body as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| cannot_read(path, e))?;
    if bytes.len() > max_body {
        return Err(Error::usage(format!(
            "{} is larger than --max-body ({max_body} bytes); pass a larger --max-body to \
             send it",
            path.display()
        )));
    }
    Ok(bytes)
}

/// A recording, each line refused when longer than `max_body`: a recording may hold many
/// notifications, each of which is one line.
fn read_lines_capped(path: &Path, max_body: usize) -> Result<Vec<u8>> {
    let mut reader = BufReader::new(open(path)?);
    let mut bytes = Vec::new();
    for number in 1.. {
        let start = bytes.len();
        let read = (&mut reader)
            .take(max_body as u64 + 2)
            .read_until(b'\n', &mut bytes)
            .map_err(|e| cannot_read(path, e))?;
        if read == 0 {
            break;
        }
        let line = &bytes[start..];
        if line.strip_suffix(b"\n").unwrap_or(line).len() > max_body {
            return Err(Error::usage(format!(
                "{} line {number} is longer than --max-body ({max_body} bytes); pass a \
                 larger --max-body to send it",
                path.display()
            )));
        }
    }
    Ok(bytes)
}

fn open(path: &Path) -> Result<File> {
    File::open(path).map_err(|e| cannot_read(path, e))
}

fn cannot_read(path: &Path, error: std::io::Error) -> Error {
    Error::usage(format!("cannot read {}: {error}", path.display()))
}

/// A `.jsonl` file, or any file whose lines are `listen --record` lines, is a recording;
/// any other file must be one JSON document.
fn load_file(path: &Path, max_body: usize) -> Result<Vec<Source>> {
    let is_jsonl = path.extension().is_some_and(|ext| ext == "jsonl");
    let bytes = if is_jsonl {
        read_lines_capped(path, max_body)?
    } else {
        read_capped(path, max_body)?
    };
    let label = path.display().to_string();
    let whole: Result<Value, _> = serde_json::from_slice(&bytes);
    match whole {
        Ok(json) if !is_jsonl && !is_record_line(&json) => Ok(vec![Source::json(
            label,
            Bytes::from(bytes),
            json,
            Vec::new(),
        )]),
        whole => {
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::usage(format!(
                    "{label} is neither JSON nor a recording: not UTF-8"
                ))
            })?;
            let sources = load_recording(&label, &text).map_err(|e| match whole {
                // Neither reading worked: the JSON error is the likelier story for a .json file.
                Err(json_error) if !is_jsonl && !looks_like_jsonl(&text) => {
                    Error::usage(format!("{label} is not valid JSON: {json_error}"))
                }
                _ => e,
            })?;
            if sources.is_empty() {
                return Err(Error::usage(format!("recording {label} holds no lines")));
            }
            Ok(sources)
        }
    }
}

fn looks_like_jsonl(text: &str) -> bool {
    text.lines()
        .find(|line| !line.trim().is_empty())
        .is_some_and(|line| serde_json::from_str::<RecordLine>(line).is_ok())
}

/// Whether a JSON document is a `hooks listen --record` line.
fn is_record_line(value: &Value) -> bool {
    RecordLine::deserialize(value).is_ok()
}

fn load_recording(label: &str, text: &str) -> Result<Vec<Source>> {
    let mut sources = Vec::new();
    for (number, line) in text.lines().enumerate().map(|(i, l)| (i + 1, l)) {
        if line.trim().is_empty() {
            continue;
        }
        let bad = |why: String| {
            Error::usage(format!(
                "{label} line {number} is not a `hooks listen --record` line: {why}"
            ))
        };
        let record: RecordLine = serde_json::from_str(line).map_err(|e| {
            bad(format!(
                "{e} (expected an object with method, headers as [name, value] pairs, and body)"
            ))
        })?;
        let method = Method::from_bytes(record.method.as_bytes())
            .map_err(|_| bad(format!("'{}' is not an HTTP method", record.method)))?;
        let headers: Vec<(String, String)> = record
            .headers
            .into_iter()
            .filter(|(name, _)| !NOT_REPLAYED.contains(&name.to_ascii_lowercase().as_str()))
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        let body = record.body.into_owned();
        let json: Option<Value> = serde_json::from_str(&body).ok();
        let recognition = json
            .as_ref()
            .map(|json| recognize_request(json, |name| header_in(&headers, name)));
        let path = record.path;
        sources.push(Source {
            label: format!("{label}:{number} {} {path}", method.as_str())
                .trim_end()
                .to_string(),
            method,
            headers,
            body: Bytes::from(body),
            json,
            provider: recognition
                .as_ref()
                .map_or(Provider::UNKNOWN, |r| r.provider),
            kind: recognition.map(|r| r.kind).unwrap_or_default(),
        });
    }
    Ok(sources)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_lines_keep_exact_bodies_and_drop_hop_headers() {
        let line = r#"{"received_at":"2025-03-30T10:15:00Z","method":"POST","path":"/h","query":null,"headers":[["host","x"],["content-length","9"],["x-sig","abc"]],"body":"{ \"a\" :1}"}"#;
        let sources = load_recording("r.jsonl", line).unwrap();
        assert_eq!(sources.len(), 1);
        assert_eq!(&sources[0].body[..], br#"{ "a" :1}"#);
        assert_eq!(
            sources[0].headers,
            vec![("x-sig".to_string(), "abc".to_string())]
        );
        assert_eq!(sources[0].label, "r.jsonl:1 POST /h");
    }

    #[test]
    fn bad_record_lines_name_the_line() {
        let error = load_recording("r.jsonl", "\n{\"method\":1}").unwrap_err();
        assert!(error.to_string().contains("line 2"), "{error}");
    }
}
