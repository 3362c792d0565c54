//! Sending what a check sends, the way its provider would, and keeping what came back: each
//! request is traced with `-v` (secrets masked), written to `--record`, and kept with its
//! answer for the report, all from the one [`Exchange`].

use std::borrow::Cow;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue, LOCATION};
use reqwest::{Method, Url};
use serde_json::Value;

use crate::client::{failure_cause, http_client, redacted};
use crate::listen::hide_secrets;
use crate::listen::record::{RecordFile, RecordLine};
use crate::output::{Output, escape_controls, mask_header};
use crate::signature::{self, Key};
use crate::timefmt;

/// How much of an answer's body is kept: enough for the receiver's error message.
const KEPT_ANSWER: usize = 1024;

/// One request a check sends.
#[derive(Debug, Clone)]
pub struct Request {
    pub headers: HeaderMap,
    pub body: Bytes,
    /// How it is signed, when the run signs (as the last step, over the exact body).
    pub signing: Signing,
}

/// How a request is signed, when the run signs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signing {
    /// With the secret, now.
    Right,
    /// Not at all.
    Unsigned,
    /// With a secret that is not the receiver's.
    Forged,
    /// With the secret, an hour ago.
    Stale,
    /// With an old secret and the current one, in one header.
    Rotated,
}

/// How long ago a stale signature was made: far past any receiver's tolerance.
const STALE_SECS: i64 = 3600;

impl Request {
    /// No body yet, declared as JSON (as the malformed ones are too, as a broken sender would).
    pub fn new() -> Request {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        Request {
            headers,
            body: Bytes::new(),
            signing: Signing::Right,
        }
    }

    pub fn with_json(self, body: &Value) -> Request {
        Request {
            body: Bytes::from(serde_json::to_vec(body).unwrap_or_default()),
            ..self
        }
    }

    /// Sets a header; a name or value no header can hold is left out.
    pub fn set_header(&mut self, name: &str, value: &str) {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            self.headers.insert(name, value);
        }
    }
}

/// What came back.
#[derive(Debug, Clone)]
pub enum Answer {
    Status {
        status: u16,
        /// Where a 3xx points.
        location: Option<String>,
        /// The start of the body, as text.
        body: String,
    },
    Failed {
        /// No connection was made at all: the receiver is not there.
        unreachable: bool,
        timed_out: bool,
        cause: String,
    },
}

/// A request and its answer, as shown: secrets masked.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// `POST URL` and the headers, one per line, then the body.
    pub request: String,
    pub answer: Answer,
    pub latency: Duration,
}

impl Exchange {
    pub fn status(&self) -> Option<u16> {
        match self.answer {
            Answer::Status { status, .. } => Some(status),
            Answer::Failed { .. } => None,
        }
    }

    pub fn is_redirect(&self) -> bool {
        self.status()
            .is_some_and(|status| (300..400).contains(&status))
    }

    /// The answer in a line: `200`, `302 to https://…`, `no answer: timed out`.
    pub fn answer_line(&self) -> String {
        match &self.answer {
            Answer::Status {
                status,
                location: Some(location),
                ..
            } => format!("{status} to {location}"),
            Answer::Status { status, body, .. } if body.is_empty() => status.to_string(),
            Answer::Status { status, body, .. } => format!("{status} {body}"),
            Answer::Failed { cause, .. } => format!("no answer: {cause}"),
        }
    }
}

/// Everything a request of this run shares: the client, the target, the extra headers, the
/// secrets to mask, where requests are recorded.
pub struct Sender {
    client: reqwest::Client,
    pub url: Url,
    extra_headers: Vec<(HeaderName, HeaderValue)>,
    /// What deliveries are signed with, and a forger's key of the same scheme.
    keys: Option<(Key, Key)>,
    secrets: Vec<String>,
    record: Option<RecordFile>,
    out: Output,
}

/// How the run sends: a certificate check or not, the extra headers, the signing key, and
/// where requests are recorded.
pub struct Sending {
    pub insecure: bool,
    pub extra_headers: Vec<(HeaderName, HeaderValue)>,
    pub key: Option<Key>,
    pub record: Option<RecordFile>,
}

impl Sender {
    /// `secrets` are masked wherever a request or an answer is shown, with the signing key's.
    pub fn new(
        url: Url,
        deadline: Duration,
        sending: Sending,
        mut secrets: Vec<String>,
        out: Output,
    ) -> Sender {
        let keys = sending.key.map(|key| {
            let forger = Key::random(key.scheme());
            secrets.extend(key.secret_forms().map(str::to_string));
            (key, forger)
        });
        Sender {
            client: http_client(deadline, sending.insecure),
            url,
            extra_headers: sending.extra_headers,
            keys,
            secrets,
            record: sending.record,
            out,
        }
    }

    /// Whether the run signs its deliveries.
    pub fn signs(&self) -> bool {
        self.keys.is_some()
    }

    /// Signs `request` as it asks, over its exact body.
    fn sign(&self, request: &mut Request) {
        let Some((key, forger)) = &self.keys else {
            return;
        };
        let id = signature::message_id();
        let now = signature::unix_now();
        let body = &request.body;
        let headers = match request.signing {
            Signing::Unsigned => return,
            Signing::Right => signature::sign(key, &id, now, body),
            Signing::Forged => signature::sign(forger, &id, now, body),
            Signing::Stale => signature::sign(key, &id, now - STALE_SECS, body),
            Signing::Rotated => signature::sign_rotated(forger, key, &id, now, body)
                .unwrap_or_else(|| signature::sign(key, &id, now, body)),
        };
        for (name, value) in headers {
            request.set_header(name, &value);
        }
    }

    /// Sends `request` for the check `check`, tracing and recording it.
    pub async fn send(&self, check: &str, mut request: Request) -> Exchange {
        // -H replaces a header of the same name; several -H of one name are all sent.
        for (name, _) in &self.extra_headers {
            request.headers.remove(name);
        }
        for (name, value) in &self.extra_headers {
            request.headers.append(name.clone(), value.clone());
        }
        self.sign(&mut request);
        let shown = self.shown_request(&request);
        let mut lines = shown.lines().map(|line| format!("> {line}"));
        let first = lines.next().unwrap_or_default();
        let rest: Vec<String> = lines.collect();
        self.out
            .trace(format!("{first} (check {check})\n{}", rest.join("\n")));
        if let Some(record) = &self.record {
            self.record(record, &request).await;
        }
        let started = Instant::now();
        let sent = self
            .client
            .post(self.url.clone())
            .headers(request.headers)
            .body(request.body)
            .send()
            .await;
        let answer = match sent {
            Ok(response) => kept_answer(response).await,
            Err(error) => failed(&error),
        };
        let exchange = Exchange {
            request: shown,
            answer,
            latency: started.elapsed(),
        };
        self.out.trace(format!(
            "< {} ({} ms, check {check})",
            self.hide(&exchange.answer_line()),
            exchange.latency.as_millis()
        ));
        exchange
    }

    /// Text with this run's secrets masked.
    pub fn hide<'a>(&self, text: &'a str) -> Cow<'a, str> {
        hide_secrets(text, &self.secrets)
    }

    fn shown_request(&self, request: &Request) -> String {
        let mut lines = vec![format!("POST {}", redacted(&self.url))];
        for (name, value) in &request.headers {
            let value = String::from_utf8_lossy(value.as_bytes());
            lines.push(format!(
                "{name}: {}",
                self.hide(&mask_header(name.as_str(), &value))
            ));
        }
        lines.push(String::new());
        lines.push(escape_controls(
            &self.hide(&String::from_utf8_lossy(&request.body)),
        ));
        lines.join("\n")
    }

    /// Appends the request to the `--record` file, as `hooks listen --record` would have
    /// written it on arrival; a failed write is said once per request and the run goes on.
    async fn record(&self, record: &RecordFile, request: &Request) {
        let headers: Vec<(Cow<'_, str>, Cow<'_, str>)> = request
            .headers
            .iter()
            .map(|(name, value)| {
                (
                    Cow::Borrowed(name.as_str()),
                    String::from_utf8_lossy(value.as_bytes()),
                )
            })
            .collect();
        let line = RecordLine {
            received_at: Cow::Owned(timefmt::now()),
            method: Cow::Borrowed(Method::POST.as_str()),
            path: Cow::Borrowed(self.url.path()),
            query: self.url.query().map(Cow::Borrowed),
            headers,
            body: String::from_utf8_lossy(&request.body),
        };
        if let Err(e) = record.append(&line.escape()).await {
            self.out
                .warn(format!("cannot write to {}: {e}", record.path.display()));
        }
    }
}

/// The status, where a redirect points, and the start of the body; the rest is not read.
async fn kept_answer(mut response: reqwest::Response) -> Answer {
    let status = response.status().as_u16();
    let location = response
        .headers()
        .get(LOCATION)
        .map(|value| String::from_utf8_lossy(value.as_bytes()).into_owned());
    let mut kept = Vec::new();
    while kept.len() < KEPT_ANSWER {
        match response.chunk().await {
            Ok(Some(chunk)) => kept.extend_from_slice(&chunk),
            Ok(None) | Err(_) => break,
        }
    }
    kept.truncate(KEPT_ANSWER);
    let body = escape_controls(String::from_utf8_lossy(&kept).trim());
    Answer::Status {
        status,
        location,
        body,
    }
}

fn failed(error: &reqwest::Error) -> Answer {
    Answer::Failed {
        unreachable: error.is_connect(),
        timed_out: error.is_timeout(),
        cause: if error.is_timeout() {
            "timed out".to_string()
        } else {
            failure_cause(error, true)
        },
    }
}
