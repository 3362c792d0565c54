//! The one HTTP client type. `http_client` configures reqwest the same way for every
//! command that sends (timeouts, User-Agent); `ApiClient` adds what the Callback API needs:
//! bearer auth, `-v` traces with the token masked, retries for idempotent methods.

use std::time::Duration;

use reqwest::{Method, StatusCode, Url};
use serde_json::Value;

use crate::config::ApiSettings;
use crate::error::{Error, Result};
use crate::output::{Output, mask, mask_authorization, pretty_json};

pub const USER_AGENT: &str = concat!("hooks/", env!("CARGO_PKG_VERSION"));

/// Tries for GET/PUT/DELETE on a connection error or a 502/503/504; the echo POST gets one.
const IDEMPOTENT_TRIES: u32 = 3;
const FIRST_BACKOFF: Duration = Duration::from_millis(200);

/// A reqwest client with our User-Agent and `timeout` for connecting and for the whole
/// exchange. It never follows a redirect: a 3xx is the answer, as it is for the providers
/// (a followed 307 would re-post a notification to another host). `any_certificate` is for local HTTPS with a self-signed certificate
/// (`hooks listen --tls`), and only ever on the user's explicit `--insecure`.
pub fn http_client(timeout: Duration, any_certificate: bool) -> reqwest::Client {
    reqwest::Client::builder()
        .user_agent(USER_AGENT)
        .redirect(reqwest::redirect::Policy::none())
        .connect_timeout(timeout)
        .timeout(timeout)
        .redirect(reqwest::redirect::Policy::none())
        .danger_accept_invalid_certs(any_certificate)
        .build()
        .expect("a reqwest client with rustls and no custom roots always builds")
}

/// `-H 'Name: value'` flags, validated.
pub fn parse_headers(
    flags: &[String],
) -> Result<Vec<(reqwest::header::HeaderName, reqwest::header::HeaderValue)>> {
    use reqwest::header::{HeaderName, HeaderValue};
    flags
        .iter()
        .map(|flag| {
            let bad =
                |why: &str| Error::usage(format!("-H '{flag}': {why}; expected 'Name: value'"));
            let (name, value) = flag.split_once(':').ok_or_else(|| bad("no colon"))?;
            let name = HeaderName::from_bytes(name.trim().as_bytes())
                .map_err(|_| bad("not a valid header name"))?;
            let value =
                HeaderValue::from_str(value.trim()).map_err(|_| bad("not a valid header value"))?;
            Ok((name, value))
        })
        .collect()
}

/// `url` fit to print: a password in it is masked.
pub fn redacted(url: &Url) -> Url {
    let mut shown = url.clone();
    if let Some(password) = url.password() {
        let _ = shown.set_password(Some(&mask(password)));
    }
    shown
}

/// `value` fit to print: every string in it that is a URL with a password gets the
/// password masked (a callback registered as `https://user:pw@host/` comes back from the API
/// as it was sent).
pub fn redacted_json(value: &Value) -> std::borrow::Cow<'_, Value> {
    fn hide(value: &mut Value) {
        match value {
            Value::String(text) => {
                if let Ok(url) = Url::parse(text)
                    && url.password().is_some()
                {
                    *text = redacted(&url).to_string();
                }
            }
            Value::Array(items) => items.iter_mut().for_each(hide),
            Value::Object(map) => map.values_mut().for_each(hide),
            _ => {}
        }
    }
    fn has_password(value: &Value) -> bool {
        match value {
            Value::String(text) => {
                text.contains('@') && Url::parse(text).is_ok_and(|u| u.password().is_some())
            }
            Value::Array(items) => items.iter().any(has_password),
            Value::Object(map) => map.values().any(has_password),
            _ => false,
        }
    }
    if !has_password(value) {
        return std::borrow::Cow::Borrowed(value);
    }
    let mut shown = value.clone();
    hide(&mut shown);
    std::borrow::Cow::Owned(shown)
}

/// A URL's `user:password@` as curl sends it: the URL without them, and an
/// `Authorization: Basic` header (reqwest's own conversion, which percent-decodes both).
pub fn split_credentials(url: &Url) -> (Url, Option<reqwest::header::HeaderValue>) {
    if url.username().is_empty() && url.password().is_none() {
        return (url.clone(), None);
    }
    let mut bare = url.clone();
    let _ = bare.set_username("");
    let _ = bare.set_password(None);
    let basic = reqwest::Client::new()
        .post(url.clone())
        .build()
        .ok()
        .and_then(|request| {
            request
                .headers()
                .get(reqwest::header::AUTHORIZATION)
                .cloned()
        });
    (bare, basic)
}

/// A network failure as one line: what we tried, and why it failed (reqwest hides the cause).
pub fn describe_send_error(method: &Method, url: &Url, error: &reqwest::Error) -> String {
    describe_failure(method, url, error, false)
}

/// The same, for a command with `-k/--insecure`, which an untrusted certificate suggests.
pub fn describe_failure(
    method: &Method,
    url: &Url,
    error: &reqwest::Error,
    offers_insecure: bool,
) -> String {
    let url = redacted(url);
    if error.is_timeout() {
        return format!("{method} {url} timed out");
    }
    format!(
        "{method} {url} failed: {}",
        failure_cause(error, offers_insecure)
    )
}

/// Why a request failed, in the innermost error's words ("Connection refused", "timed out").
pub fn send_error_cause(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        return "timed out".to_string();
    }
    failure_cause(error, false)
}

/// The innermost cause of a failed exchange, with what to do about it where the cause
/// tells: an untrusted certificate, or TLS spoken to a plain-HTTP server or the other way
/// round (both of which only show as a garbled answer).
pub fn failure_cause(error: &(dyn std::error::Error + 'static), offers_insecure: bool) -> String {
    let cause = root_cause(error);
    let mut layer = Some(error);
    while let Some(current) = layer {
        match tls_mismatch(current, offers_insecure) {
            Some((what, Some(todo))) => return format!("{what} ({cause}); {todo}"),
            Some((what, None)) => return format!("{what} ({cause})"),
            None => layer = current.source(),
        }
    }
    cause
}

type Advice = (&'static str, Option<&'static str>);

fn tls_mismatch(
    error: &(dyn std::error::Error + 'static),
    offers_insecure: bool,
) -> Option<Advice> {
    // rustls errors reach us wrapped in io::Errors, whose source() skips what they wrap.
    let mut inner = error;
    while let Some(wrapped) = inner
        .downcast_ref::<std::io::Error>()
        .and_then(std::io::Error::get_ref)
    {
        inner = wrapped;
    }
    match inner.downcast_ref::<rustls::Error>() {
        Some(rustls::Error::InvalidCertificate(_)) => Some((
            "the server's TLS certificate is not trusted",
            offers_insecure.then_some(
                "for a self-signed local listener (`hooks listen --tls`) pass -k/--insecure",
            ),
        )),
        Some(rustls::Error::InvalidMessage(_)) => Some((
            "the server does not speak TLS",
            Some("use http:// for a plain-HTTP server"),
        )),
        _ => error
            .downcast_ref::<hyper::Error>()
            .filter(|e| e.is_parse() && !e.is_parse_status() && !e.is_parse_too_large())
            .map(|_| {
                (
                    "the answer is not HTTP",
                    Some("if the server speaks TLS (e.g. `hooks listen --tls`), use https://"),
                )
            }),
    }
}

/// The innermost cause of any error (the OS's "Connection refused"), which wrappers hide.
pub fn root_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = error.to_string();
    let mut source = error.source();
    while let Some(inner) = source {
        cause = inner.to_string();
        source = inner.source();
    }
    cause
}

/// The server's own words about an error: a JSON `error`/`message`/`detail`/`title`, else the text.
pub fn server_error_text(body: &str) -> String {
    if let Ok(Value::Object(map)) = serde_json::from_str::<Value>(body) {
        for key in ["error", "message", "detail", "title", "errors"] {
            match map.get(key) {
                Some(Value::String(text)) => return text.clone(),
                Some(other @ (Value::Object(_) | Value::Array(_))) => return other.to_string(),
                _ => {}
            }
        }
    }
    let text = body.trim();
    if text.chars().count() > 500 {
        format!("{}…", text.chars().take(500).collect::<String>())
    } else {
        text.to_string()
    }
}

#[derive(Debug)]
pub struct ApiResponse {
    pub method: Method,
    pub url: Url,
    pub status: StatusCode,
    pub body: String,
}

impl ApiResponse {
    /// The body as JSON, or as a JSON string when it is not JSON; URL passwords masked, as
    /// it is only ever printed.
    pub fn json(&self) -> Value {
        let value =
            serde_json::from_str(&self.body).unwrap_or_else(|_| Value::String(self.body.clone()));
        redacted_json(&value).into_owned()
    }

    pub fn failure_message(&self) -> String {
        let text = server_error_text(&self.body);
        let detail = if text.is_empty() {
            String::new()
        } else {
            format!(": {text}")
        };
        format!(
            "{} {} answered {}{detail}",
            self.method, self.url, self.status
        )
    }

    /// Prints a successful exchange: `--json` gets status, notification type, what we sent and
    /// what came back; a person gets `headline` and the pretty-printed answer.
    pub fn report(&self, out: &Output, notification_type: u32, request: &Value, headline: String) {
        let answered = !self.body.trim().is_empty();
        if out.json {
            out.json_line(&serde_json::json!({
                "status": self.status.as_u16(),
                "notification_type": notification_type,
                "request": redacted_json(request),
                "response": answered.then(|| self.json()),
            }));
        } else {
            out.line(headline);
            if answered {
                out.line(pretty_json(&self.json(), out.stdout()));
            }
        }
    }

    pub fn error_for_status(self) -> Result<Self> {
        if self.status.is_success() {
            Ok(self)
        } else {
            Err(Error::failure(self.failure_message()))
        }
    }
}

pub struct ApiClient {
    http: reqwest::Client,
    pub settings: ApiSettings,
    out: Output,
}

impl ApiClient {
    pub fn new(settings: ApiSettings, timeout_secs: u64, out: Output) -> Self {
        ApiClient {
            http: http_client(Duration::from_secs(timeout_secs), false),
            settings,
            out,
        }
    }

    /// Sends one request; any answer, 2xx or not, is an `Ok` for the caller to judge.
    pub async fn send(
        &self,
        method: Method,
        url: Url,
        body: Option<&Value>,
    ) -> Result<ApiResponse> {
        let tries = if method == Method::POST {
            1
        } else {
            IDEMPOTENT_TRIES
        };
        let mut backoff = FIRST_BACKOFF;
        let mut attempt = 1;
        loop {
            match self.send_once(&method, &url, body).await {
                Ok(response) if attempt < tries && is_retryable_status(response.status) => {
                    self.out.trace(format!(
                        "* {} answered {}; retrying in {} ms",
                        response.url,
                        response.status,
                        backoff.as_millis()
                    ));
                }
                // Not after a timeout: --timeout bounds the command, not each of several tries.
                Err(e) if attempt < tries && e.is_connect() => {
                    self.out.trace(format!(
                        "* {}; retrying in {} ms",
                        describe_send_error(&method, &url, &e),
                        backoff.as_millis()
                    ));
                }
                Ok(response) => return Ok(response),
                Err(e) => return Err(Error::failure(describe_send_error(&method, &url, &e))),
            }
            tokio::time::sleep(backoff).await;
            backoff *= 2;
            attempt += 1;
        }
    }

    async fn send_once(
        &self,
        method: &Method,
        url: &Url,
        body: Option<&Value>,
    ) -> Result<ApiResponse, reqwest::Error> {
        let authorization = format!("Bearer {}", self.settings.token);
        let mut request = self
            .http
            .request(method.clone(), url.clone())
            .header(reqwest::header::AUTHORIZATION, &authorization)
            .header(reqwest::header::ACCEPT, "application/json");
        self.out.trace(format!("> {method} {}", redacted(url)));
        self.out.trace(format!(
            "> authorization: {}",
            mask_authorization(&authorization)
        ));
        if let Some(body) = body {
            self.out.trace(format!("> {}", redacted_json(body)));
            request = request.json(body);
        }
        let response = request.send().await?;
        let status = response.status();
        let body = response.text().await?;
        self.out.trace(format!("< {status}"));
        if !body.is_empty() {
            match serde_json::from_str::<Value>(&body) {
                Ok(json) => self.out.trace(format!("< {}", redacted_json(&json))),
                Err(_) => self.out.trace(format!("< {body}")),
            }
        }
        Ok(ApiResponse {
            method: method.clone(),
            url: redacted(url),
            status,
            body,
        })
    }
}

fn is_retryable_status(status: StatusCode) -> bool {
    matches!(
        status,
        StatusCode::BAD_GATEWAY | StatusCode::SERVICE_UNAVAILABLE | StatusCode::GATEWAY_TIMEOUT
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_need_a_name_and_a_colon() {
        assert!(parse_headers(&["X-Trace: 1".into()]).is_ok());
        assert!(parse_headers(&["X-Trace 1".into()]).is_err());
        assert!(parse_headers(&["Bad Name: 1".into()]).is_err());
    }

    #[test]
    fn server_error_text_prefers_json_fields() {
        assert_eq!(
            server_error_text(r#"{"error":"bad partner"}"#),
            "bad partner"
        );
        assert_eq!(server_error_text(r#"{"message":"nope","code":4}"#), "nope");
        assert_eq!(server_error_text(" plain text \n"), "plain text");
    }
}
