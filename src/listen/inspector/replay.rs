//! `POST /api/notifications/{n}/replay`: sends a kept notification again, as it arrived
//! (method, headers but the hop-by-hop ones, exact body) or as edited in the page, to the
//! listener's `--forward-to` app, the listener itself, or any URL given.

use std::sync::Arc;
use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header};
use axum::response::{IntoResponse, Response};
use reqwest::Url;
use serde::Deserialize;

use super::{Ui, error, not_kept};
use crate::client::{http_client, redacted, send_error_cause, split_credentials};
use crate::config::parse_http_url;
use crate::listen::Notification;
use crate::listen::forward::{FORWARD_TIMEOUT, is_forwarded};
use crate::output::mask;

/// How much of the target's answer the page is shown.
const ANSWER_SHOWN: usize = 64 * 1024;

/// What the page may change; each field left out is as the notification arrived.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Edits {
    /// Where to send it (default: `--forward-to`, else the listener itself).
    to: Option<String>,
    body: Option<String>,
    /// Every header to send, replacing those received: `[["name", "value"], …]`.
    headers: Option<Vec<(String, String)>>,
}

pub struct Replayer {
    /// Verifies certificates and follows no redirect, as every hooks client.
    client: reqwest::Client,
    /// For the listener itself only: its `--tls` certificate is self-signed.
    own: reqwest::Client,
    listener: Option<Url>,
    forward_to: Option<Url>,
}

impl Replayer {
    pub fn new(listener: &str, forward_to: Option<Url>) -> Replayer {
        Replayer {
            client: http_client(FORWARD_TIMEOUT, false),
            own: http_client(FORWARD_TIMEOUT, true),
            listener: Url::parse(listener).ok(),
            forward_to,
        }
    }

    /// `--forward-to`, else the listener at the path the notification came to.
    fn default_target(&self, notification: &Notification) -> Option<Url> {
        if let Some(url) = &self.forward_to {
            return Some(url.clone());
        }
        let mut url = self.listener.clone()?;
        url.set_path(&notification.path);
        url.set_query(notification.query.as_deref());
        Some(url)
    }

    fn client_for(&self, target: &Url) -> &reqwest::Client {
        let own = self
            .listener
            .as_ref()
            .is_some_and(|listener| listener.origin() == target.origin());
        if own { &self.own } else { &self.client }
    }
}

/// `text` from the page with each masked secret of `notification` (as the page shows it)
/// put back as it arrived, so that a replay edited in the page still carries the
/// notification's credentials.
fn unmasked(notification: &Notification, text: &str) -> String {
    notification
        .secrets
        .iter()
        .fold(text.to_string(), |text, secret| {
            text.replace(&mask(secret), secret)
        })
}

/// The headers to send: as edited (masks put back), or as received; never the hop-by-hop ones.
fn headers_for(
    notification: &Notification,
    edited: Option<Vec<(String, String)>>,
) -> std::result::Result<HeaderMap, String> {
    let Some(edited) = edited else {
        return Ok(notification
            .headers
            .iter()
            .filter(|(name, _)| is_forwarded(name.as_str()))
            .map(|(name, value)| (name.clone(), value.clone()))
            .collect());
    };
    let mut headers = HeaderMap::new();
    for (name, value) in edited {
        let parsed = HeaderName::from_bytes(name.trim().as_bytes())
            .map_err(|_| format!("{name:?} is not a header name"))?;
        let value = HeaderValue::from_str(unmasked(notification, value.trim()).as_str())
            .map_err(|_| format!("the value of {name} is not a header value"))?;
        if is_forwarded(parsed.as_str()) {
            headers.append(parsed, value);
        }
    }
    Ok(headers)
}

pub async fn replay(State(ui): State<Arc<Ui>>, Path(n): Path<u64>, body: Bytes) -> Response {
    let Some(entry) = ui.feed.find(n) else {
        return not_kept(n);
    };
    let edits = if body.iter().all(u8::is_ascii_whitespace) {
        Edits::default()
    } else {
        match serde_json::from_slice::<Edits>(&body) {
            Ok(edits) => edits,
            Err(e) => {
                return error(
                    StatusCode::BAD_REQUEST,
                    &format!("the replay request is not {{\"to\", \"body\", \"headers\"}}: {e}"),
                );
            }
        }
    };
    let notification = &entry.notification();
    let replayer = &ui.replay;
    let target = match edits
        .to
        .as_deref()
        .map(str::trim)
        .filter(|to| !to.is_empty())
    {
        Some(to) => match parse_http_url(to, "the replay target") {
            Ok(url) => url,
            Err(e) => return error(StatusCode::BAD_REQUEST, &e.to_string()),
        },
        None => match replayer.default_target(notification) {
            Some(url) => url,
            None => return error(StatusCode::BAD_REQUEST, "give a URL to replay to"),
        },
    };
    let Ok(method) = Method::from_bytes(notification.method.as_bytes()) else {
        return error(
            StatusCode::BAD_REQUEST,
            "the notification's method cannot be sent",
        );
    };
    let mut headers = match headers_for(notification, edits.headers) {
        Ok(headers) => headers,
        Err(e) => return error(StatusCode::BAD_REQUEST, &e),
    };
    // `user:password@` in the target is sent as Basic auth, as `hooks replay` does.
    let (url, basic) = split_credentials(&target);
    if let Some(basic) = basic
        && !headers.contains_key(header::AUTHORIZATION)
    {
        headers.insert(header::AUTHORIZATION, basic);
    }
    let body = match edits.body {
        Some(text) => Bytes::from(unmasked(notification, &text)),
        None => Bytes::from(notification.raw.clone()),
    };
    let started = Instant::now();
    let sent = replayer
        .client_for(&url)
        .request(method, url.clone())
        .headers(headers)
        .body(body)
        .send()
        .await;
    let outcome = match sent {
        Ok(mut response) => {
            let status = response.status().as_u16();
            let mut answer = Vec::new();
            while answer.len() < ANSWER_SHOWN {
                match response.chunk().await {
                    Ok(Some(chunk)) => answer.extend_from_slice(&chunk),
                    _ => break,
                }
            }
            answer.truncate(ANSWER_SHOWN);
            serde_json::json!({
                "status": status,
                "answer": String::from_utf8_lossy(&answer),
                "error": null,
            })
        }
        Err(e) => serde_json::json!({
            "status": null,
            "answer": null,
            "error": send_error_cause(&e),
        }),
    };
    let mut outcome = outcome;
    outcome["url"] = redacted(&target).to_string().into();
    outcome["latency_ms"] = (started.elapsed().as_secs_f64() * 1000.0).into();
    Json(outcome).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_left_in_an_edit_are_sent_as_the_secret() {
        let mut notification = Notification {
            headers: Notification::headers_of(&[
                ("authorization", "Token abcdefgh"),
                ("host", "127.0.0.1:8080"),
            ]),
            ..Notification::example_with(r#"{"api_key":"7742c368f2dce09b"}"#)
        };
        notification.find_secrets(None);
        let edited = format!(r#"{{"api_key":"{}","more":1}}"#, mask("7742c368f2dce09b"));
        assert_eq!(
            unmasked(&notification, &edited),
            r#"{"api_key":"7742c368f2dce09b","more":1}"#
        );
        let headers = headers_for(
            &notification,
            Some(vec![
                (
                    "Authorization".into(),
                    format!("Token {}", mask("abcdefgh")),
                ),
                ("host".into(), "elsewhere".into()),
            ]),
        )
        .unwrap();
        assert_eq!(headers.len(), 1);
        assert_eq!(headers[header::AUTHORIZATION], "Token abcdefgh");
        let received = headers_for(&notification, None).unwrap();
        assert_eq!(received.len(), 1, "no Host: it is the hop's");
        assert!(headers_for(&notification, Some(vec![("bad name".into(), "x".into())])).is_err());
    }
}
