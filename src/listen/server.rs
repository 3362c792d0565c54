//! The request handler: every request becomes a [`Notification`], answered as the
//! response flags say, recorded before it is answered, and handed to whoever prints it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::{FutureExt, StreamExt};
use subtle::ConstantTimeEq;
use time::OffsetDateTime;
use tokio::sync::mpsc;

use super::forward::Forwarder;
use super::inspector::Feed;
use super::json;
use super::notification::{Auth, Earlier, Notification, escape_invalid_utf8};
use super::printed::Printed;
use super::record::{Escaped, RecordFile};
use super::seen::Seen;
use super::trace;
use crate::providers::{self, Credential, Provider};
use crate::signature::{DefinitionVerifiers, Verdict, Verifier};

/// How to answer, fixed at start.
pub struct Settings {
    pub api_key: Option<String>,
    /// `--verify`: checks each request's signature.
    pub verifier: Option<Verifier>,
    /// Without `--verify`: the signing definitions' secrets.
    pub definition_verifiers: Option<DefinitionVerifiers>,
    /// `--api-key` and the signing secrets: masked wherever a request shows them.
    pub secrets: Vec<String>,
    pub status: StatusCode,
    pub delay: Duration,
    pub fail_first: u64,
    pub max_body: usize,
    /// How long a client may take to send its body.
    pub client_timeout: Duration,
    /// How many idempotency keys are remembered to mark redeliveries.
    pub dedupe_window: usize,
    /// `-v`: each exchange traced on stderr.
    pub verbose: bool,
}

pub struct Shared {
    pub settings: Settings,
    pub record: Option<RecordFile>,
    pub forward: Option<Forwarder>,
    /// Idempotency keys seen lately, with their first delivery.
    seen: Seen,
    requests: AtomicU64,
    /// Valid notifications so far, for `--fail-first`.
    valid: AtomicU64,
    /// Where answered notifications go, unless the handler prints them itself. Also
    /// held when printing: the receiver sees the channel close once the server stopped.
    notifications: mpsc::Sender<Notification>,
    printed: Option<Arc<Printed>>,
    /// `--ui`: the inspector's feed, which takes each printed notification after printing.
    feed: Option<Arc<Feed>>,
}

impl Shared {
    pub fn new(
        settings: Settings,
        record: Option<RecordFile>,
        forward: Option<Forwarder>,
        notifications: mpsc::Sender<Notification>,
        printed: Option<Arc<Printed>>,
        feed: Option<Arc<Feed>>,
    ) -> Shared {
        Shared {
            seen: Seen::new(settings.dedupe_window),
            settings,
            record,
            forward,
            requests: AtomicU64::new(0),
            valid: AtomicU64::new(0),
            notifications,
            printed,
            feed,
        }
    }
}

pub struct Reply {
    pub status: StatusCode,
    pub content_type: Option<header::HeaderValue>,
    /// A forwarded answer's own: its body goes back encoded as the app encoded it.
    pub content_encoding: Option<header::HeaderValue>,
    pub body: Body,
}

impl Reply {
    fn ok(status: StatusCode) -> Reply {
        Reply {
            status,
            content_type: Some(header::HeaderValue::from_static("application/json")),
            content_encoding: None,
            body: Body::from(Bytes::from_static(b"{}")),
        }
    }

    pub fn error(status: StatusCode, message: &str) -> Reply {
        Reply {
            body: Body::from(serde_json::json!({ "error": message }).to_string()),
            ..Reply::ok(status)
        }
    }
}

impl IntoResponse for Reply {
    fn into_response(self) -> Response {
        let mut response = (self.status, self.body).into_response();
        if let Some(content_type) = self.content_type {
            response
                .headers_mut()
                .insert(header::CONTENT_TYPE, content_type);
        }
        if let Some(encoding) = self.content_encoding {
            response
                .headers_mut()
                .insert(header::CONTENT_ENCODING, encoding);
        }
        if self.status == StatusCode::METHOD_NOT_ALLOWED {
            response
                .headers_mut()
                .insert(header::ALLOW, header::HeaderValue::from_static("POST"));
        }
        response
    }
}

enum BodyError {
    TooLarge,
    TooSlow,
    Broken(String),
}

/// Reads the body, giving up past `limit` bytes or when the client stalls. A body that
/// arrives in one chunk (the usual case) is taken as is, without a copy.
async fn read_body(body: Body, limit: usize, timeout: Duration) -> Result<Bytes, BodyError> {
    let read = async {
        let mut stream = body.into_data_stream();
        let mut first = Bytes::new();
        let mut joined: Option<Vec<u8>> = None;
        while let Some(chunk) = stream.next().await {
            let chunk = chunk.map_err(|e| BodyError::Broken(e.to_string()))?;
            let size = joined.as_ref().map_or(first.len(), Vec::len);
            if size + chunk.len() > limit {
                return Err(BodyError::TooLarge);
            }
            match &mut joined {
                Some(joined) => joined.extend_from_slice(&chunk),
                None if first.is_empty() => first = chunk,
                None => joined = Some([first.as_ref(), chunk.as_ref()].concat()),
            }
        }
        Ok(joined.map_or(first, Bytes::from))
    };
    // A body that came in with the head (the usual case) is read without arming a timer:
    // only one still on its way can stall.
    let mut read = std::pin::pin!(read);
    if let Some(done) = read.as_mut().now_or_never() {
        return done;
    }
    tokio::time::timeout(timeout, read)
        .await
        .unwrap_or(Err(BodyError::TooSlow))
}

/// The one handler: every method, every path.
pub async fn receive(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let received_at = OffsetDateTime::now_utc();
    // The inspector's latency: a monotonic clock, and cheaper to read than a date.
    let started = Instant::now();
    let (parts, body) = request.into_parts();
    let mut notification = Notification {
        sequence: shared.requests.fetch_add(1, Ordering::Relaxed) + 1,
        received_at,
        method: parts.method.as_str().to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().map(str::to_string),
        headers: parts.headers,
        provider: Provider::UNKNOWN,
        kind: String::new(),
        auth: Auth::Unchecked,
        signature: Verdict::Unchecked,
        duplicate_of: None,
        status: 0,
        body: None,
        raw: String::new(),
        warnings: Vec::new(),
        forward: None,
        valid: false,
        secrets: Vec::new(),
    };
    let mut escaped = None;
    let reply = answer(
        &shared,
        &mut notification,
        &mut escaped,
        &parts.method,
        body,
    )
    .await;
    if parts.method == Method::POST && !shared.settings.delay.is_zero() {
        tokio::time::sleep(shared.settings.delay).await;
    }
    notification.status = reply.status.as_u16();
    notification.find_secrets(shared.settings.secrets.iter().map(String::as_str));
    if shared.settings.verbose {
        trace::exchange(&notification, shared.forward.as_ref());
    }
    match &shared.printed {
        Some(printed) => {
            printed.add(&notification, escaped.as_ref());
            if let Some(feed) = &shared.feed {
                feed.add(notification, started.elapsed());
            }
        }
        None => {
            // Nobody taking them (the listener was dropped) must not fail the sender.
            let _ = shared.notifications.send(notification).await;
        }
    }
    reply.into_response()
}

/// Decides the reply, filling in the notification; `escaped` gets its headers and body as
/// the record line escaped them, for the printed line to reuse.
async fn answer(
    shared: &Shared,
    notification: &mut Notification,
    escaped: &mut Option<Escaped>,
    method: &Method,
    body: Body,
) -> Reply {
    let settings = &shared.settings;
    if method != Method::POST {
        notification
            .warnings
            .push(format!("{method} is not a notification; only POST is"));
        return Reply::error(StatusCode::METHOD_NOT_ALLOWED, "only POST is accepted");
    }
    let too_large = |size: Option<usize>| match size {
        Some(size) => format!(
            "body is {size} bytes, over --max-body {} bytes",
            settings.max_body
        ),
        None => format!("body is larger than --max-body {} bytes", settings.max_body),
    };
    let declared = notification
        .headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<usize>().ok());
    if declared.is_some_and(|size| size > settings.max_body) {
        let message = too_large(declared);
        notification.warnings.push(message.clone());
        return Reply::error(StatusCode::PAYLOAD_TOO_LARGE, &message);
    }
    let bytes = match read_body(body, settings.max_body, settings.client_timeout).await {
        Ok(bytes) => bytes,
        Err(BodyError::TooLarge) => {
            let message = too_large(None);
            notification.warnings.push(message.clone());
            return Reply::error(StatusCode::PAYLOAD_TOO_LARGE, &message);
        }
        Err(BodyError::TooSlow) => {
            let message = format!(
                "the client did not send its body within {} s",
                settings.client_timeout.as_secs_f64()
            );
            notification.warnings.push(message.clone());
            return Reply::error(StatusCode::REQUEST_TIMEOUT, &message);
        }
        Err(BodyError::Broken(e)) => {
            let message = format!("cannot read the body: {e}");
            notification.warnings.push(message.clone());
            return Reply::error(StatusCode::BAD_REQUEST, &message);
        }
    };
    // Against the bytes exactly as they came, before anything reads them.
    if let Some(verifier) = &settings.verifier {
        let now = notification.received_at.unix_timestamp();
        notification.signature = verifier.check(&notification.headers, &bytes, now);
    }
    let text = match std::str::from_utf8(&bytes) {
        Ok(text) => text,
        Err(_) => {
            notification.raw = escape_invalid_utf8(&bytes);
            let message = "body is not UTF-8 (shown with \\xNN escapes), so not JSON";
            notification.warnings.push(message.to_string());
            check_definition_signature(settings, notification, &bytes);
            return signature_refusal(notification)
                .unwrap_or_else(|| Reply::error(StatusCode::BAD_REQUEST, message));
        }
    };
    notification.raw = text.to_string();
    let body = match json::parse(text) {
        Ok(body) => body,
        Err(e) => {
            let message = format!("body is not valid JSON: {e}");
            notification.warnings.push(message.clone());
            check_definition_signature(settings, notification, &bytes);
            return signature_refusal(notification)
                .unwrap_or_else(|| Reply::error(StatusCode::BAD_REQUEST, &message));
        }
    };
    let inspection = providers::inspect(&body, |name| {
        notification
            .headers
            .get(name)
            .and_then(|value| value.to_str().ok())
    });
    // A body credential is masked wherever it is, whatever its field is called.
    if let Credential::Presented(key) = inspection.credential
        && inspection.credential_in_body
    {
        notification.secrets.push(key.to_string());
    }
    notification.auth = check_auth(
        settings.api_key.as_deref(),
        inspection.provider,
        inspection.credential,
    );
    notification.provider = inspection.provider;
    notification.kind = inspection.kind;
    notification.warnings = inspection.warnings;
    let idempotency_key = inspection.idempotency_key;
    notification.body = Some(body);
    check_definition_signature(settings, notification, &bytes);
    if let Some(reply) = signature_refusal(notification) {
        return reply;
    }
    if matches!(notification.auth, Auth::Mismatch | Auth::Missing) {
        let message = match notification.auth {
            Auth::Mismatch => "the API key does not match",
            _ if notification.provider == Provider::UNKNOWN => {
                "no API key presented: the body is no known provider's, so no definition says where its key is"
            }
            _ => "no API key presented",
        };
        return Reply::error(StatusCode::UNAUTHORIZED, message);
    }
    notification.valid = true;
    if let Some(key) = idempotency_key {
        let this = Earlier {
            sequence: notification.sequence,
            received_at: notification.received_at,
        };
        notification.duplicate_of = shared.seen.check(&key, this);
    }
    if let Some(record) = &shared.record
        && let Err(e) = record.append(escaped.insert(notification.escaped())).await
    {
        let message = format!("cannot append to {}: {e}", record.path.display());
        notification.warnings.push(message.clone());
        return Reply::error(StatusCode::INTERNAL_SERVER_ERROR, &message);
    }
    if shared.valid.fetch_add(1, Ordering::Relaxed) < settings.fail_first {
        return Reply::error(
            StatusCode::SERVICE_UNAVAILABLE,
            "failing on purpose (--fail-first)",
        );
    }
    if let Some(forwarder) = &shared.forward {
        return forwarder.forward(notification, method, bytes).await;
    }
    Reply::ok(settings.status)
}

/// Without `--verify`, checks the request with its provider's definition's secret, once it is
/// known whose it is (a body that cannot be read, like one no definition recognises, is
/// checked with every signing definition's secret).
fn check_definition_signature(settings: &Settings, notification: &mut Notification, bytes: &[u8]) {
    let verifier = settings
        .definition_verifiers
        .as_ref()
        .and_then(|verifiers| verifiers.for_provider(notification.provider));
    if let Some(verifier) = verifier {
        let now = notification.received_at.unix_timestamp();
        notification.signature = verifier.check(&notification.headers, bytes, now);
    }
}

/// The 401 for a signature that is not accepted. A body's faults are told only to a
/// sender whose signature holds: one without learns no more than that it is refused.
fn signature_refusal(notification: &Notification) -> Option<Reply> {
    match &notification.signature {
        Verdict::Invalid(rejection) => Some(Reply::error(
            StatusCode::UNAUTHORIZED,
            &format!("the signature is not accepted: {rejection}"),
        )),
        _ => None,
    }
}

/// Compares in constant time, so the answer's timing does not reveal how much of a key matched.
/// With a key expected, a body that no definition recognises is refused as carrying none: a
/// definition may recognise its provider by the key's own field, so taking the key away is
/// enough to make a body unrecognisable, and a receiver that let it through would let anyone
/// post.
fn check_auth(expected: Option<&str>, provider: Provider, presented: Credential<'_>) -> Auth {
    let Some(expected) = expected else {
        return Auth::Unchecked;
    };
    if provider == Provider::UNKNOWN {
        return Auth::Missing;
    }
    match presented {
        Credential::Undefined => Auth::Unchecked,
        Credential::Missing => Auth::Missing,
        Credential::Malformed => Auth::Mismatch,
        Credential::Presented(key) => {
            if bool::from(key.as_bytes().ct_eq(expected.as_bytes())) {
                Auth::Ok
            } else {
                Auth::Mismatch
            }
        }
    }
}
