//! `--forward-to`: each valid notification goes on to the user's app, and the app's answer
//! goes back to the sender as the app gave it (status, content type and encoding, body). One hop only:
//! what a hooks listener forwards carries [`HOP_HEADER`], which a forwarding listener
//! refuses, and a target that is the listener itself is refused at start.

use std::fmt::Write as _;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use futures_util::StreamExt as _;
use reqwest::Url;

use super::notification::{Forwarded, Notification, header_text};
use super::server::Reply;
use super::trace::with_reason;
use crate::client::{describe_send_error, http_client, redacted, send_error_cause};
use crate::error::{Error, Result};
use crate::output::escape_controls;

/// Marks a request a hooks listener forwarded.
pub const HOP_HEADER: HeaderName = HeaderName::from_static("x-hooks-forwarded");

/// Headers that describe one hop, not the notification: never forwarded.
const HOP_HEADERS: [&str; 8] = [
    "host",
    "content-length",
    "connection",
    "keep-alive",
    "transfer-encoding",
    "te",
    "trailer",
    "upgrade",
];

/// How long the app may take to answer, its whole body included.
pub const FORWARD_TIMEOUT: Duration = Duration::from_secs(30);

/// How much of the app's answer is read before the sender is answered: an answer this long
/// or shorter is read whole and sent on with its length; a longer one is passed through as
/// it arrives, never held whole.
const KEPT: usize = 64 * 1024;

pub struct Forwarder {
    /// Where notifications go, without the URL's user and password (see `basic`).
    target: Url,
    /// The URL as printed: its password masked.
    shown: String,
    /// `Authorization: Basic …` from the URL's user and password, sent only with a
    /// notification that carries no `Authorization` of its own (the provider's credential,
    /// which the app checks, goes on as received).
    basic: Option<HeaderValue>,
    client: reqwest::Client,
}

/// The app's answer, as far as it is read before we answer the sender.
struct Answer {
    status: StatusCode,
    content_type: Option<HeaderValue>,
    content_encoding: Option<HeaderValue>,
    location: Option<HeaderValue>,
    body: AnswerBody,
}

enum AnswerBody {
    Whole(Bytes),
    /// The chunks read so far, and the response the rest is still coming from.
    Streaming(Vec<Bytes>, reqwest::Response),
}

impl Answer {
    /// Reads the head and up to [`KEPT`] bytes of the body.
    async fn read(mut response: reqwest::Response) -> reqwest::Result<Answer> {
        let headers = response.headers();
        let mut answer = Answer {
            status: response.status(),
            content_type: headers.get(header::CONTENT_TYPE).cloned(),
            content_encoding: headers.get(header::CONTENT_ENCODING).cloned(),
            location: headers.get(header::LOCATION).cloned(),
            body: AnswerBody::Whole(Bytes::new()),
        };
        let mut chunks = Vec::new();
        let mut size = 0;
        while size < KEPT {
            let Some(chunk) = response.chunk().await? else {
                answer.body = AnswerBody::Whole(match <[Bytes; 1]>::try_from(chunks) {
                    Ok([chunk]) => chunk,
                    Err(chunks) => Bytes::from(chunks.concat()),
                });
                return Ok(answer);
            };
            size += chunk.len();
            chunks.push(chunk);
        }
        answer.body = AnswerBody::Streaming(chunks, response);
        Ok(answer)
    }

    /// The body for the sender: what was read, then the rest as the app sends it.
    fn into_reply(self) -> Reply {
        let body = match self.body {
            AnswerBody::Whole(bytes) => Body::from(bytes),
            AnswerBody::Streaming(chunks, response) => {
                let rest = futures_util::stream::unfold(response, |mut response| async move {
                    let chunk = response.chunk().await.transpose()?;
                    Some((chunk, response))
                });
                Body::from_stream(
                    futures_util::stream::iter(chunks.into_iter().map(Ok)).chain(rest),
                )
            }
        };
        Reply {
            status: self.status,
            content_type: self.content_type,
            content_encoding: self.content_encoding,
            body,
        }
    }
}

impl Forwarder {
    pub fn new(url: &Url) -> Forwarder {
        let client = http_client(FORWARD_TIMEOUT, false);
        // reqwest moves a URL's credentials into a Basic `Authorization` header as it builds
        // a request (percent-decoded): taken from there once, and the URL kept without them,
        // so that reqwest does not add them a second time to every notification.
        let (target, basic) = match client.post(url.clone()).build() {
            Ok(request) => (
                request.url().clone(),
                request.headers().get(header::AUTHORIZATION).cloned(),
            ),
            Err(_) => (url.clone(), None),
        };
        Forwarder {
            target,
            shown: redacted(url).to_string(),
            basic,
            client,
        }
    }

    /// Sends the notification on and answers with the app's answer, 502 when the app cannot
    /// be reached, or 508 when the notification was forwarded to us by a hooks listener.
    pub async fn forward(
        &self,
        notification: &mut Notification,
        method: &Method,
        body: Bytes,
    ) -> Reply {
        if notification.headers.contains_key(HOP_HEADER) {
            let message = format!(
                "not forwarded: a hooks listener forwarded this notification here ({HOP_HEADER} header), so forwarding it on could loop; check where each listener's --forward-to points"
            );
            notification.warnings.push(message.clone());
            return Reply::error(StatusCode::LOOP_DETECTED, &message);
        }
        let mut request = self.client.request(method.clone(), self.target.clone());
        for (name, value) in &notification.headers {
            if is_forwarded(name.as_str()) {
                request = request.header(name, value);
            }
        }
        request = request.header(HOP_HEADER, HeaderValue::from_static("1"));
        if let Some(basic) = self.basic_for(&notification.headers) {
            request = request.header(header::AUTHORIZATION, basic.clone());
        }
        let started = Instant::now();
        let answer = match request.body(body).send().await {
            Ok(response) => Answer::read(response).await,
            Err(e) => Err(e),
        };
        let latency = started.elapsed();
        let answer = match answer {
            Ok(answer) => answer,
            Err(e) => {
                notification.forward = Some(Forwarded {
                    url: self.shown.clone(),
                    status: None,
                    latency,
                    error: Some(send_error_cause(&e)),
                });
                let message = describe_send_error(method, &self.target, &e);
                return Reply::error(StatusCode::BAD_GATEWAY, &message);
            }
        };
        let status = answer.status;
        if status.is_redirection() {
            let to = answer
                .location
                .as_ref()
                .map(header_text)
                .and_then(|location| self.target.join(&location).ok())
                .map_or_else(
                    || "nowhere".to_string(),
                    |location| redacted(&location).to_string(),
                );
            notification.warnings.push(format!(
                "the app answered {status}, a redirect to {to}: redirects are not followed, so the sender gets the {}",
                status.as_u16()
            ));
        }
        notification.forward = Some(Forwarded {
            url: self.shown.clone(),
            status: Some(status.as_u16()),
            latency,
            error: None,
        });
        answer.into_reply()
    }

    /// The URL's credentials, unless the notification brings its own `Authorization`.
    fn basic_for(&self, headers: &HeaderMap) -> Option<&HeaderValue> {
        self.basic
            .as_ref()
            .filter(|_| !headers.contains_key(header::AUTHORIZATION))
    }

    /// `-v`: the request as forwarded (`>>` lines, credentials masked) and the app's answer
    /// (`<<`).
    pub fn trace(&self, notification: &Notification, text: &mut String) {
        let Some(forwarded) = &notification.forward else {
            return;
        };
        let _ = writeln!(text, ">> {} {}", notification.method, self.shown);
        for (name, value) in notification.shown_headers() {
            if is_forwarded(&name) {
                let _ = writeln!(text, ">> {name}: {}", escape_controls(&value));
            }
        }
        let _ = writeln!(text, ">> {HOP_HEADER}: 1");
        if self.basic_for(&notification.headers).is_some() {
            // Not even partly: the first characters of base64 would show the user and
            // the start of the password.
            let _ = writeln!(text, ">> authorization: Basic ****");
        }
        let latency = forwarded.latency.as_secs_f64() * 1000.0;
        let _ = match (forwarded.status, &forwarded.error) {
            (Some(status), _) => writeln!(text, "<< {} in {latency:.1} ms", with_reason(status)),
            (None, error) => writeln!(
                text,
                "<< failed: {} after {latency:.1} ms",
                error.as_deref().unwrap_or("no answer")
            ),
        };
    }
}

/// Whether a request header goes on with the notification (not one describing the hop).
pub fn is_forwarded(name: &str) -> bool {
    !HOP_HEADERS.contains(&name)
}

/// Refuses a `--forward-to` that reaches the listener bound on `bound`: every notification
/// would be forwarded back to itself. Only addresses known without a lookup are compared
/// (IP literals and `localhost`); a name that resolves here is caught by [`HOP_HEADER`].
pub fn refuse_own_address(target: &Url, bound: SocketAddr) -> Result<()> {
    if target.port_or_known_default() != Some(bound.port()) {
        return Ok(());
    }
    let candidates = match target.host() {
        Some(url::Host::Ipv4(ip)) => vec![IpAddr::V4(ip)],
        Some(url::Host::Ipv6(ip)) => vec![IpAddr::V6(ip)],
        Some(url::Host::Domain(name)) if name.eq_ignore_ascii_case("localhost") => {
            vec![Ipv4Addr::LOCALHOST.into(), Ipv6Addr::LOCALHOST.into()]
        }
        _ => return Ok(()),
    };
    if candidates.into_iter().any(|ip| reaches(ip, bound.ip())) {
        return Err(Error::usage(format!(
            "--forward-to {} is this listener's own address ({bound}): every notification would be forwarded back to it; give your app's address",
            redacted(target)
        )));
    }
    Ok(())
}

/// Whether a connection to `target` arrives at a socket bound to `bound`.
fn reaches(target: IpAddr, bound: IpAddr) -> bool {
    let target = match target.to_canonical() {
        // Connecting to 0.0.0.0 or :: connects to the loopback address.
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    let bound = bound.to_canonical();
    if target == bound {
        return true;
    }
    let any_local = match bound {
        IpAddr::V4(ip) => ip.is_unspecified() && target.is_ipv4(),
        // A socket on :: takes IPv4 connections too (Linux's default, IPV6_V6ONLY off).
        IpAddr::V6(ip) => ip.is_unspecified(),
    };
    // An address this host can bind is one of its own.
    any_local
        && (target.is_loopback() || std::net::UdpSocket::bind(SocketAddr::new(target, 0)).is_ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(target: &str, bound: &str) -> bool {
        refuse_own_address(&target.parse().unwrap(), bound.parse().unwrap()).is_err()
    }

    #[test]
    fn a_target_that_reaches_the_listener_itself_is_refused() {
        assert!(refused("http://127.0.0.1:8080/hook", "127.0.0.1:8080"));
        assert!(refused("http://localhost:8080/", "127.0.0.1:8080"));
        assert!(refused("http://LOCALHOST:8080/", "[::1]:8080"));
        assert!(refused("http://[::1]:8080/", "[::1]:8080"));
        assert!(refused("http://127.0.0.1:8080/", "0.0.0.0:8080"));
        assert!(refused("http://127.0.0.2:8080/", "0.0.0.0:8080"));
        assert!(refused("http://0.0.0.0:8080/", "127.0.0.1:8080"));
        assert!(refused("http://[::ffff:127.0.0.1]:8080/", "127.0.0.1:8080"));
        assert!(refused("http://127.0.0.1:8080/", "[::]:8080"));
        assert!(refused("http://[::1]:80/", "[::]:80"));
        assert!(refused("http://localhost/", "0.0.0.0:80"));
    }

    #[test]
    fn another_port_or_address_is_forwarded_to() {
        assert!(!refused("http://127.0.0.1:3000/", "127.0.0.1:8080"));
        assert!(!refused("http://127.0.0.2:8080/", "127.0.0.1:8080"));
        assert!(!refused("http://[::1]:8080/", "0.0.0.0:8080"));
        assert!(!refused("http://localhost:8080/", "192.0.2.1:8080"));
        // Not a local address (TEST-NET-1), so not reached through 0.0.0.0.
        assert!(!refused("http://192.0.2.1:8080/", "0.0.0.0:8080"));
        // A name is not looked up at start.
        assert!(!refused("http://app.internal:8080/", "0.0.0.0:8080"));
    }

    #[test]
    fn url_credentials_become_basic_auth_only_without_a_notification_authorization() {
        let forwarder = Forwarder::new(&"http://user:p%40ss@127.0.0.1:9/hook".parse().unwrap());
        assert_eq!(forwarder.target.as_str(), "http://127.0.0.1:9/hook");
        assert!(!forwarder.shown.contains("p%40ss"), "{}", forwarder.shown);
        let basic = forwarder.basic_for(&HeaderMap::new()).unwrap();
        // base64("user:p@ss")
        assert_eq!(basic, "Basic dXNlcjpwQHNz");
        let mut headers = HeaderMap::new();
        headers.insert(header::AUTHORIZATION, HeaderValue::from_static("Token k"));
        assert!(forwarder.basic_for(&headers).is_none());
        let plain = Forwarder::new(&"http://127.0.0.1:9/".parse().unwrap());
        assert!(plain.basic_for(&HeaderMap::new()).is_none());
    }
}
