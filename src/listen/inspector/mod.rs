//! `hooks listen --ui`: a web inspector on a port of its own. The page
//! (`page.html`, built into the binary) uses only the JSON API served beside it: the
//! notifications kept by the [`Feed`], each new one as a server-sent event, and replay.
//! The API answers only requests that name it by address and come from its own page, so
//! another site open in the browser can neither read nor replay notifications.

mod feed;
mod replay;
mod view;

use std::convert::Infallible;
use std::net::{IpAddr, Ipv6Addr, SocketAddr};
use std::sync::Arc;

use axum::Json;
use axum::extract::{DefaultBodyLimit, Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::{get, post};
use futures_util::Stream;
use reqwest::Url;
use tokio::sync::broadcast::error::RecvError;

pub use feed::Feed;
use view::View;

use super::watchdog::{self, Limits};
use crate::error::{Error, Result};

const PAGE: &str = include_str!("page.html");

/// Connections the inspector serves at once: a page holds a few (its event stream, a
/// request or two), so this is room for many tabs, and no more.
const CONNECTIONS: usize = 64;

/// What the inspector needs to know of its listener.
pub struct Settings {
    pub host: String,
    pub port: u16,
    /// The listener's own URL (`http://HOST:PORT`), where a replay goes by default when
    /// there is no `--forward-to`.
    pub listener: String,
    pub forward_to: Option<Url>,
    /// The listener's `--max-body`: an edited body may be that long.
    pub max_body: usize,
    pub keep: usize,
}

/// The inspector's server; it stops when dropped.
pub struct Inspector {
    /// `http://HOST:PORT/`
    pub url: String,
    handle: axum_server::Handle<SocketAddr>,
}

struct Ui {
    feed: Arc<Feed>,
    port: u16,
    replay: replay::Replayer,
    listener: String,
    forward_to: Option<String>,
    /// `--ui-keep`: a page keeps no more either.
    keep: usize,
}

impl Inspector {
    /// Binds and starts serving; returns once the socket is bound.
    pub fn start(feed: Arc<Feed>, settings: Settings) -> Result<Inspector> {
        let (socket, addr) = watchdog::bind(
            &settings.host,
            settings.port,
            "serve the inspector",
            "pick another --ui-port (0 picks a free one)",
        )?;
        let ui = Arc::new(Ui {
            feed,
            port: addr.port(),
            replay: replay::Replayer::new(&settings.listener, settings.forward_to.clone()),
            forward_to: settings
                .forward_to
                .as_ref()
                .map(|url| crate::client::redacted(url).to_string()),
            listener: settings.listener,
            keep: settings.keep,
        });
        let app = axum::Router::new()
            .route("/", get(page))
            .route("/api/info", get(info))
            .route("/api/notifications", get(list))
            .route("/api/notifications/{n}", get(one))
            .route("/api/notifications/{n}/replay", post(replay::replay))
            .route("/api/events", get(events))
            .fallback(|| async { error(StatusCode::NOT_FOUND, "no such page") })
            // An edited body is at most --max-body, and escaping can make it six times longer.
            .layer(DefaultBodyLimit::max(
                settings.max_body.saturating_mul(6) + 64 * 1024,
            ))
            .layer(axum::middleware::from_fn_with_state(ui.clone(), guard))
            .with_state(ui);
        let handle = axum_server::Handle::new();
        let limits = Limits {
            max_connections: CONNECTIONS,
            ..Limits::default()
        };
        watchdog::serve(socket, app, limits, None, handle.clone())
            .map_err(|e| Error::failure(format!("cannot serve the inspector on {addr}: {e}")))?;
        let shown = match addr.ip() {
            IpAddr::V6(ip) => format!("[{ip}]"),
            ip => ip.to_string(),
        };
        Ok(Inspector {
            url: format!("http://{shown}:{}/", addr.port()),
            handle,
        })
    }
}

impl Drop for Inspector {
    /// Open pages hold their event streams for good: the inspector stops at once.
    fn drop(&mut self) {
        self.handle.shutdown();
    }
}

/// `{"error": message}` with `status`.
fn error(status: StatusCode, message: &str) -> Response {
    (status, Json(serde_json::json!({ "error": message }))).into_response()
}

/// Whether `host` (a Host header) names the inspector on `port` by address: an IP address
/// or `localhost`. A DNS name is refused, since that is how a site reaches a local server
/// through the browser (DNS rebinding: its own name, re-pointed at 127.0.0.1).
fn names_us(host: &str, port: u16) -> bool {
    let Some((name, their_port)) = host.rsplit_once(':') else {
        return false;
    };
    if their_port.parse::<u16>() != Ok(port) {
        return false;
    }
    match name
        .strip_prefix('[')
        .and_then(|name| name.strip_suffix(']'))
    {
        Some(v6) => v6.parse::<Ipv6Addr>().is_ok(),
        None => {
            name.eq_ignore_ascii_case("localhost") || name.parse::<std::net::Ipv4Addr>().is_ok()
        }
    }
}

/// Why a request is refused, if it is: its Host does not name the inspector, or it comes
/// from a page of another origin (its `Origin`, which browsers send with every POST and
/// every script request to another origin; `Sec-Fetch-Site` for the API's other requests).
fn refusal(headers: &axum::http::HeaderMap, path: &str, port: u16) -> Option<&'static str> {
    let text = |name: &str| headers.get(name).and_then(|value| value.to_str().ok());
    let Some(host) = text(header::HOST.as_str()).filter(|host| names_us(host, port)) else {
        return Some("the Host header does not name the inspector (use its address, as printed)");
    };
    if let Some(origin) = headers.get(header::ORIGIN) {
        let same = origin
            .to_str()
            .ok()
            .and_then(|origin| origin.strip_prefix("http://"))
            .is_some_and(|origin| origin.eq_ignore_ascii_case(host));
        if !same {
            return Some("a request from another origin than the inspector's page");
        }
    }
    let cross_site = matches!(text("sec-fetch-site"), Some("cross-site" | "same-site"));
    if cross_site && path.starts_with("/api/") {
        return Some("a request from another origin than the inspector's page");
    }
    None
}

async fn guard(State(ui): State<Arc<Ui>>, request: Request, next: Next) -> Response {
    match refusal(request.headers(), request.uri().path(), ui.port) {
        Some(why) => error(StatusCode::FORBIDDEN, why),
        None => next.run(request).await,
    }
}

async fn page() -> Response {
    let mut response = Html(PAGE).into_response();
    let headers = response.headers_mut();
    // Inline script and style only, talking to this origin only; and never in a frame,
    // where another site could make a user click Replay.
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:; frame-ancestors 'none'",
        ),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    response
}

async fn info(State(ui): State<Arc<Ui>>) -> Response {
    Json(serde_json::json!({
        "listener": ui.listener,
        "forward_to": ui.forward_to,
        "keep": ui.keep,
        "version": env!("CARGO_PKG_VERSION"),
    }))
    .into_response()
}

async fn list(State(ui): State<Arc<Ui>>) -> Response {
    let kept: Vec<_> = ui
        .feed
        .all()
        .iter()
        .map(|entry| (entry.notification(), entry.latency))
        .collect();
    let views: Vec<View> = kept
        .iter()
        .map(|(notification, latency)| View::of(notification, *latency, false))
        .collect();
    Json(views).into_response()
}

async fn one(State(ui): State<Arc<Ui>>, Path(n): Path<u64>) -> Response {
    match ui.feed.find(n) {
        Some(entry) => Json(View::of(&entry.notification(), entry.latency, true)).into_response(),
        None => not_kept(n),
    }
}

fn not_kept(n: u64) -> Response {
    error(
        StatusCode::NOT_FOUND,
        &format!(
            "notification #{n} is not kept (never received, or older than the last --ui-keep)"
        ),
    )
}

/// Each new notification as a `notification` event (its view, as the list has it); a
/// `lagged` event when the page fell so far behind that some were skipped.
async fn events(
    State(ui): State<Arc<Ui>>,
) -> Sse<impl Stream<Item = std::result::Result<Event, Infallible>>> {
    let stream = futures_util::stream::unfold(ui.feed.subscribe(), |mut events| async move {
        let event = match events.recv().await {
            Ok(entry) => Event::default()
                .event("notification")
                .json_data(View::of(&entry.notification(), entry.latency, false))
                .unwrap_or_else(|e| Event::default().event("error").data(e.to_string())),
            Err(RecvError::Lagged(skipped)) => {
                Event::default().event("lagged").data(skipped.to_string())
            }
            Err(RecvError::Closed) => return None,
        };
        Some((Ok(event), events))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::listen::Notification;

    fn headers(pairs: &[(&'static str, &str)]) -> axum::http::HeaderMap {
        Notification::headers_of(pairs)
    }

    #[test]
    fn the_host_must_name_the_inspector_by_address() {
        for host in [
            "127.0.0.1:4041",
            "localhost:4041",
            "LOCALHOST:4041",
            "[::1]:4041",
            "10.0.0.2:4041",
        ] {
            assert!(names_us(host, 4041), "{host}");
        }
        for host in [
            "127.0.0.1:4040",
            "127.0.0.1",
            "evil.example:4041",
            "[::1:4041",
            "::1:4041",
            "127.0.0.1.nip.io:4041",
        ] {
            assert!(!names_us(host, 4041), "{host}");
        }
    }

    #[test]
    fn only_the_inspectors_own_page_may_call_the_api() {
        let own = [("host", "127.0.0.1:4041")];
        assert_eq!(refusal(&headers(&own), "/api/notifications", 4041), None);
        let page = [
            ("host", "127.0.0.1:4041"),
            ("origin", "http://127.0.0.1:4041"),
            ("sec-fetch-site", "same-origin"),
        ];
        assert_eq!(
            refusal(&headers(&page), "/api/notifications/1/replay", 4041),
            None
        );
        for refused in [
            vec![("host", "evil.example:4041")],
            vec![
                ("host", "127.0.0.1:4041"),
                ("origin", "http://evil.example"),
            ],
            vec![
                ("host", "127.0.0.1:4041"),
                ("origin", "http://127.0.0.1:8080"),
            ],
            vec![("host", "127.0.0.1:4041"), ("origin", "null")],
            vec![("host", "127.0.0.1:4041"), ("sec-fetch-site", "cross-site")],
        ] {
            assert!(
                refusal(&headers(&refused), "/api/notifications", 4041).is_some(),
                "{refused:?}"
            );
        }
        // A link from elsewhere may open the page itself, which then calls the API as its own.
        let linked = [("host", "127.0.0.1:4041"), ("sec-fetch-site", "cross-site")];
        assert_eq!(refusal(&headers(&linked), "/", 4041), None);
    }
}
