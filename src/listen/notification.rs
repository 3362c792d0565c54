//! One request as `hooks listen` saw and answered it, and the two ways it is shown:
//! a human block (header line, what matters for its provider, the body) or one JSON line.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::time::Duration;

use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode, header};
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

use super::json;
use super::record::{Escaped, RecordLine, request_fields};
use crate::client::redacted;
use crate::output::{
    Output, Paint, credential_params, escape_controls, is_credential_name, is_secret_header, mask,
    mask_found, mask_header, mask_params, pretty_json, style,
};
use crate::providers::{self, Provider};
use crate::signature::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Auth {
    /// The presented key equals `--api-key`.
    Ok,
    Mismatch,
    Missing,
    /// No `--api-key`, or a provider whose documents define no key (with `--api-key`, a body
    /// no provider's is `Missing`).
    Unchecked,
}

impl Auth {
    pub fn as_str(self) -> &'static str {
        match self {
            Auth::Ok => "ok",
            Auth::Mismatch => "mismatch",
            Auth::Missing => "missing",
            Auth::Unchecked => "unchecked",
        }
    }
}

/// The first delivery of an event that arrived again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Earlier {
    pub sequence: u64,
    pub received_at: OffsetDateTime,
}

/// What the `--forward-to` app made of a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Forwarded {
    pub url: String,
    /// None when the app could not be reached.
    pub status: Option<u16>,
    pub latency: Duration,
    pub error: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Notification {
    /// 1 for the first request this listener received, counting every request.
    pub sequence: u64,
    pub received_at: OffsetDateTime,
    pub method: String,
    pub path: String,
    pub query: Option<String>,
    /// As received (moved from the request, not copied): lower-case names, duplicates
    /// kept; values unmasked. See [`header_text`].
    pub headers: HeaderMap,
    pub provider: Provider,
    /// The provider's kind (see `providers::Recognition`), "" when none.
    pub kind: String,
    pub auth: Auth,
    /// What `--verify` made of its signature, judged once, on the bytes received.
    pub signature: Verdict,
    pub duplicate_of: Option<Earlier>,
    /// The status we answered.
    pub status: u16,
    /// `raw` parsed, when it is a JSON document: parsed once, when it arrived (the `--json`
    /// line of a body with nothing to mask copies `raw` instead of writing this out).
    pub body: Option<Value>,
    /// The body as text; bytes that are not UTF-8 appear as `\xNN`.
    pub raw: String,
    /// Shape warnings and what was wrong with the request.
    pub warnings: Vec<String>,
    pub forward: Option<Forwarded>,
    /// Parsed, within the size limit, auth not failed: counts for `--count`, goes to `--record`.
    pub valid: bool,
    /// Credentials this request carries (see [`Notification::find_secrets`]): masked wherever
    /// they are shown, in the path, headers, body and raw text alike. Longest first.
    pub secrets: Vec<String>,
}

/// Shorter credentials are too common to find wherever they occur in text: they are
/// masked only where their name says what they are (a credential field or parameter).
const MIN_SECRET_LEN: usize = 4;

/// At most this many credentials of a request are looked for wherever they may be written
/// (a body can name any number, and each costs a pass over every field shown); the rest are
/// masked where their name says what they are.
const MAX_SECRETS: usize = 32;

/// `text` with every one of `secrets` long enough to be told apart masked, as it is written
/// or with any of its characters escaped (`%XX` in a URL or form body, `\uXXXX` or `\"` in
/// JSON text).
pub fn hide_secrets<'a>(text: &'a str, secrets: &[String]) -> Cow<'a, str> {
    let mut shown = Cow::Borrowed(text);
    if secrets.is_empty() {
        return shown;
    }
    let hunted = || {
        secrets
            .iter()
            .filter(|secret| secret.len() >= MIN_SECRET_LEN)
    };
    for secret in hunted() {
        if shown.contains(secret.as_str()) {
            shown = Cow::Owned(shown.replace(secret.as_str(), &mask(secret)));
        }
    }
    // Without an escape character, a secret can only be written as it is.
    if shown.contains(['%', '\\'])
        && let Some(hidden) = hide_escaped(&shown, hunted())
    {
        shown = Cow::Owned(hidden);
    }
    shown
}

/// `text` with every place one of `secrets` is written with escapes in it (`%XX`,
/// `\uXXXX`, `\"`: see [`json::escape_at`]) masked; None when none is. The text is decoded
/// once, so this takes linear time whatever the text and the secrets.
fn hide_escaped<'s>(text: &str, secrets: impl Iterator<Item = &'s String>) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    // Where in `text` each decoded byte, and the end, is written.
    let mut starts = Vec::with_capacity(bytes.len() + 1);
    let mut at = 0;
    while at < bytes.len() {
        match json::escape_at(&bytes[at..]) {
            Some((unescaped, len)) => {
                decoded.extend_from_slice(unescaped.as_bytes());
                starts.resize(decoded.len(), at);
                at += len;
            }
            None => {
                decoded.push(bytes[at]);
                starts.push(at);
                at += 1;
            }
        }
    }
    starts.push(bytes.len());
    let mut found: Vec<(usize, usize, &str)> = Vec::new();
    for secret in secrets {
        for start in memchr::memmem::find_iter(&decoded, secret.as_bytes()) {
            found.push((starts[start], starts[start + secret.len()], secret));
        }
    }
    if found.is_empty() {
        return None;
    }
    // The longest of those starting at the same place wins.
    found.sort_unstable_by_key(|&(start, end, _)| (start, std::cmp::Reverse(end)));
    let mut hidden = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end, secret) in found {
        if start >= copied && text.is_char_boundary(start) && text.is_char_boundary(end) {
            hidden.push_str(&text[copied..start]);
            hidden.push_str(&mask(secret));
            copied = end;
        }
    }
    hidden.push_str(&text[copied..]);
    Some(hidden)
}

/// JSON text with the value of every credential field (see [`json::credential_values`])
/// masked, whatever its length; borrowed when it has none.
fn mask_fields(text: &str) -> Cow<'_, str> {
    mask_found(text, |found| json::credential_values(text, found))
}

/// `step` applied to `text`; still borrowed when neither changed it.
fn and_then<'a>(text: Cow<'a, str>, step: impl FnOnce(&str) -> Cow<'_, str>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(text) => step(text),
        Cow::Owned(text) => {
            let changed = match step(&text) {
                Cow::Owned(changed) => Some(changed),
                Cow::Borrowed(_) => None,
            };
            Cow::Owned(changed.unwrap_or(text))
        }
    }
}

/// A URL as shown: its password masked (see [`redacted`]).
pub fn shown_url(url: &str) -> Cow<'_, str> {
    // Only a URL with user information holds a password.
    if !url.contains('@') {
        return Cow::Borrowed(url);
    }
    match reqwest::Url::parse(url) {
        Ok(parsed) if parsed.password().is_some() => Cow::Owned(redacted(&parsed).to_string()),
        _ => Cow::Borrowed(url),
    }
}

/// RFC 3339 in UTC with milliseconds, e.g. `2026-03-30T10:15:00.123Z`. Digits are
/// written by hand: this runs twice per request, and `format!` costs ten times as much.
pub fn rfc3339(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    let mut text = String::with_capacity(24);
    push_digits(&mut text, u32::try_from(at.year()).unwrap_or(0), 4);
    text.push('-');
    push_digits(&mut text, u32::from(u8::from(at.month())), 2);
    text.push('-');
    push_digits(&mut text, u32::from(at.day()), 2);
    text.push('T');
    push_clock(&mut text, at);
    text.push('Z');
    text
}

fn clock(at: OffsetDateTime) -> String {
    let mut text = String::with_capacity(12);
    push_clock(&mut text, at);
    text
}

/// `HH:MM:SS.mmm`
fn push_clock(text: &mut String, at: OffsetDateTime) {
    push_digits(text, u32::from(at.hour()), 2);
    text.push(':');
    push_digits(text, u32::from(at.minute()), 2);
    text.push(':');
    push_digits(text, u32::from(at.second()), 2);
    text.push('.');
    push_digits(text, u32::from(at.millisecond()), 3);
}

/// The last `width` decimal digits of `value`, zero-padded.
fn push_digits(text: &mut String, value: u32, width: u32) {
    for power in (0..width).rev() {
        let digit = value / 10u32.pow(power) % 10;
        text.push(char::from(b'0' + digit as u8));
    }
}

/// Whether a request header carries a credential. The standard headers nearly every
/// request carries are known not to, without scanning their names (this runs for every
/// header of every notification).
fn carries_credential(name: &HeaderName) -> bool {
    const PLAIN: [HeaderName; 8] = [
        header::ACCEPT,
        header::ACCEPT_ENCODING,
        header::CONNECTION,
        header::CONTENT_LENGTH,
        header::CONTENT_TYPE,
        header::HOST,
        header::USER_AGENT,
        header::DATE,
    ];
    !PLAIN.contains(name) && is_secret_header(name.as_str())
}

/// A header value as text: valid UTF-8 as is, every other byte as `\xNN`.
pub fn header_text(value: &HeaderValue) -> Cow<'_, str> {
    // Nearly every value is visible ASCII, which `to_str` checks faster than UTF-8 is.
    if let Ok(text) = value.to_str() {
        return Cow::Borrowed(text);
    }
    match std::str::from_utf8(value.as_bytes()) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => Cow::Owned(escape_invalid_utf8(value.as_bytes())),
    }
}

/// Valid UTF-8 as is, every other byte as `\xNN`.
pub fn escape_invalid_utf8(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_owned();
    }
    let mut text = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        for byte in chunk.invalid() {
            let _ = write!(text, "\\x{byte:02x}");
        }
    }
    text
}

impl Notification {
    /// Collects the credentials to mask, once per request: those already found (a body
    /// credential where the provider's definition puts it), the `configured` ones
    /// (`--api-key`, the `--verify` secrets), the credential of
    /// every credential header, and the value of every credential parameter (see
    /// [`is_credential_name`]) in the query, and in the body (a JSON field at any depth,
    /// its name escaped or not, even in text that is not JSON; a form parameter). A
    /// request with none costs a search for `:` in its body (and `=` in its query), and
    /// allocates nothing.
    pub fn find_secrets<'s>(&mut self, configured: impl IntoIterator<Item = &'s str>) {
        let mut secrets = std::mem::take(&mut self.secrets);
        secrets.extend(configured.into_iter().map(str::to_string));
        for (name, value) in &self.headers {
            if carries_credential(name) {
                let value = header_text(value);
                let credential = value.split_once(' ').map_or(&*value, |(_, c)| c);
                secrets.push(credential.trim().to_string());
            }
        }
        let mut add = |_, value: Cow<'_, str>| {
            if secrets.len() < MAX_SECRETS
                && !value.is_empty()
                && !secrets.iter().any(|secret| *secret == value)
            {
                secrets.push(value.into_owned());
            }
        };
        if let Some(query) = &self.query {
            credential_params(query, &mut add);
        }
        json::credential_values(&self.raw, &mut add);
        if self.body.is_none() {
            credential_params(&self.raw, &mut add);
        }
        secrets.retain(|secret| !secret.is_empty());
        secrets.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        secrets.dedup();
        self.secrets = secrets;
    }

    /// `text` with this request's secrets masked (see [`hide_secrets`]).
    pub fn hide<'a>(&self, text: &'a str) -> Cow<'a, str> {
        hide_secrets(text, &self.secrets)
    }

    /// `hide` on text that may already be masked.
    fn hide_cow<'a>(&self, text: Cow<'a, str>) -> Cow<'a, str> {
        and_then(text, |text| self.hide(text))
    }

    /// A header's name and value as text, credentials masked.
    fn shown_header<'a>(
        &self,
        name: &'a HeaderName,
        value: &'a HeaderValue,
    ) -> (Cow<'a, str>, Cow<'a, str>) {
        let text = header_text(value);
        let value = if carries_credential(name) {
            Cow::Owned(mask_header(name.as_str(), &text))
        } else {
            self.hide_cow(text)
        };
        (self.hide(name.as_str()), value)
    }

    /// Header names and values as text, credentials masked.
    pub fn shown_headers(&self) -> Vec<(Cow<'_, str>, Cow<'_, str>)> {
        self.headers
            .iter()
            .map(|(name, value)| self.shown_header(name, value))
            .collect()
    }

    /// Masks, in place, every secret of this request in the strings and keys of `value`,
    /// and the whole value of every credential field (a string, a number, each item of an
    /// array), whatever its length; whether anything changed.
    fn mask_value(&self, value: &mut Value, credential: bool) -> bool {
        match value {
            Value::String(text) if credential => {
                let changed = !text.is_empty();
                if changed {
                    *text = mask(text);
                }
                changed
            }
            Value::Number(number) if credential => {
                let masked = mask(&number.to_string());
                *value = Value::String(masked);
                true
            }
            Value::String(text) => match self.hide(text) {
                Cow::Owned(hidden) => {
                    *text = hidden;
                    true
                }
                Cow::Borrowed(_) => false,
            },
            Value::Array(items) => items.iter_mut().fold(false, |changed, item| {
                self.mask_value(item, credential) | changed
            }),
            Value::Object(map) => {
                let mut changed = false;
                let mut renamed = false;
                for (key, item) in map.iter_mut() {
                    changed |= self.mask_value(item, credential || is_credential_name(key));
                    renamed |= matches!(self.hide(key), Cow::Owned(_));
                }
                if renamed {
                    *map = std::mem::take(map)
                        .into_iter()
                        .map(|(key, item)| (self.hide(&key).into_owned(), item))
                        .collect();
                }
                changed || renamed
            }
            _ => false,
        }
    }

    /// The body with its secrets masked; None when it is not JSON or nothing in it is.
    /// Not even parsed when the request carries no secret (most notifications).
    fn masked_body(&self) -> Option<Value> {
        if self.secrets.is_empty() {
            return None;
        }
        let mut body = self.body.clone()?;
        self.mask_value(&mut body, false).then_some(body)
    }

    /// The body as shown, in the sender's key order: secrets masked; None when it is not JSON.
    pub fn shown_body(&self) -> Option<Value> {
        let mut body = self.body.clone()?;
        if !self.secrets.is_empty() {
            self.mask_value(&mut body, false);
        }
        Some(body)
    }

    /// The raw text as shown: every secret masked, and the value of every credential field
    /// and form parameter, whatever its length.
    pub fn shown_raw(&self) -> Cow<'_, str> {
        if self.secrets.is_empty() {
            return Cow::Borrowed(&self.raw);
        }
        let fields = mask_fields(&self.raw);
        let params = if self.body.is_some() {
            fields
        } else {
            and_then(fields, mask_params)
        };
        self.hide_cow(params)
    }

    /// The path and query as shown, secrets masked, and every credential parameter.
    pub fn shown_target(&self) -> (Cow<'_, str>, Option<Cow<'_, str>>) {
        let query = self.query.as_deref().map(|query| {
            if self.secrets.is_empty() {
                Cow::Borrowed(query)
            } else {
                self.hide_cow(mask_params(query))
            }
        });
        (self.hide(&self.path), query)
    }

    /// The `--forward-to` URL as shown (the forwarder masked its password when it was
    /// set up): every secret masked.
    fn shown_forward_url<'a>(&self, forward: &'a Forwarded) -> Cow<'a, str> {
        self.hide(&forward.url)
    }

    /// The `--json` line: one object, no newline.
    pub fn to_json_line(&self) -> String {
        let mut line = Vec::with_capacity(self.raw.len() * 3 + 512);
        self.write_json_line(&mut line, None);
        // Only valid UTF-8 goes in: every field is a `str` or a `Value`.
        String::from_utf8(line).unwrap_or_default()
    }

    /// The `--record` line: the request exactly as it arrived.
    pub fn record_line(&self) -> RecordLine<'_> {
        RecordLine {
            received_at: Cow::Owned(rfc3339(self.received_at)),
            method: Cow::Borrowed(&self.method),
            path: Cow::Borrowed(&self.path),
            query: self.query.as_deref().map(Cow::Borrowed),
            headers: self
                .headers
                .iter()
                .map(|(name, value)| (Cow::Borrowed(name.as_str()), header_text(value)))
                .collect(),
            body: Cow::Borrowed(&self.raw),
        }
    }

    /// The record line as shown: what [`Notification::record_line`] holds, with every
    /// secret masked as everywhere `hooks listen` shows a notification.
    pub fn shown_record_line(&self) -> RecordLine<'_> {
        let (path, query) = self.shown_target();
        RecordLine {
            received_at: Cow::Owned(rfc3339(self.received_at)),
            method: self.hide(&self.method),
            path,
            query,
            headers: self.shown_headers(),
            body: self.shown_raw(),
        }
    }

    /// Its record line, escaped once for the two lines that carry it (see [`Escaped`]).
    pub fn escaped(&self) -> Escaped {
        Escaped::new(
            &rfc3339(self.received_at),
            &self.method,
            &self.path,
            self.query.as_deref(),
            self.headers
                .iter()
                .map(|(name, value)| (name, header_text(value))),
            &self.raw,
        )
    }

    /// `{"received_at":…,"method":…,"path":…,"query":…` with secrets masked.
    fn write_shown_request_fields(&self, out: &mut Vec<u8>) {
        let (path, query) = self.shown_target();
        request_fields(
            out,
            &rfc3339(self.received_at),
            &self.hide(&self.method),
            &path,
            query.as_deref(),
        );
    }

    /// Appends the `--json` line (no newline) to `out`; with the request fields, headers
    /// and raw body already `escaped`, copies them where nothing in them is masked.
    pub fn write_json_line(&self, out: &mut Vec<u8>, escaped: Option<&Escaped>) {
        let unmasked = escaped.filter(|_| self.secrets.is_empty());
        match unmasked {
            Some(escaped) => out.extend_from_slice(escaped.request()),
            None => self.write_shown_request_fields(out),
        }
        json::key(out, "headers", false);
        match unmasked {
            Some(escaped) => out.extend_from_slice(escaped.headers()),
            None => json::header_pairs(
                out,
                self.headers
                    .iter()
                    .map(|(name, value)| self.shown_header(name, value)),
            ),
        }
        json::key(out, "provider", false);
        json::string(out, self.provider.as_str());
        json::key(out, "kind", false);
        json::string(out, &self.hide(&self.kind));
        json::key(out, "auth", false);
        json::string(out, self.auth.as_str());
        json::key(out, "signature", false);
        json::string(out, self.signature.as_str());
        json::key(out, "duplicate", false);
        json::value(out, &Value::Bool(self.duplicate_of.is_some()));
        json::key(out, "status", false);
        json::number(out, u64::from(self.status));
        json::key(out, "body", false);
        match self.masked_body() {
            Some(body) => json::value(out, &body),
            // Nothing masked: the body as sent, which is also cheaper than writing it out.
            None if self.body.is_some() => json::compact(out, &self.raw),
            None => out.extend_from_slice(b"null"),
        }
        json::key(out, "raw", false);
        match (self.shown_raw(), escaped) {
            (Cow::Borrowed(_), Some(escaped)) => out.extend_from_slice(escaped.raw()),
            (shown, _) => json::string(out, &shown),
        }
        json::key(out, "warnings", false);
        out.push(b'[');
        for (index, warning) in self.warnings.iter().enumerate() {
            if index > 0 {
                out.push(b',');
            }
            json::string(out, &self.hide(warning));
        }
        out.push(b']');
        json::key(out, "forward", false);
        match &self.forward {
            Some(forward) => {
                out.push(b'{');
                json::key(out, "url", true);
                json::string(out, &self.shown_forward_url(forward));
                json::key(out, "status", false);
                match forward.status {
                    Some(status) => json::number(out, u64::from(status)),
                    None => out.extend_from_slice(b"null"),
                }
                json::key(out, "latency_ms", false);
                json::number(
                    out,
                    u64::try_from(forward.latency.as_millis()).unwrap_or(u64::MAX),
                );
                json::key(out, "error", false);
                json::optional(
                    out,
                    forward.error.as_deref().map(|e| self.hide(e)).as_deref(),
                );
                out.push(b'}');
            }
            None => out.extend_from_slice(b"null"),
        }
        out.push(b'}');
    }

    /// The human block: a header line, then indented details (the headers too when
    /// `with_headers`), the body, and a blank line.
    pub fn to_human(&self, paint: Paint, with_headers: bool) -> String {
        let mut text = self.human_head(paint, with_headers);
        if let Some(body) = self.shown_body() {
            text.push('\n');
            text.push_str(&pretty_json(&body, paint));
        } else if !self.raw.is_empty() {
            text.push('\n');
            text.push_str(&escape_controls(&self.shown_raw()));
        }
        text.push('\n');
        text
    }

    /// The human block's header line and indented details, without the body: the lines
    /// the inspector shows as its summary, the same as the terminal's.
    pub fn human_head(&self, paint: Paint, with_headers: bool) -> String {
        let status = StatusCode::from_u16(self.status).ok();
        let answered = format!(
            "{} {}",
            self.status,
            status
                .and_then(|s| s.canonical_reason())
                .unwrap_or_default()
        );
        let answered = paint.paint(
            answered,
            match self.status {
                200..=299 => style::GOOD,
                400..=499 => style::WARNING,
                _ => style::BAD,
            },
        );
        let target = match self.shown_target() {
            (path, Some(query)) => format!("{path}?{query}"),
            (path, None) => path.into_owned(),
        };
        let kind = escape_controls(&self.hide(&self.kind));
        let mut text = format!(
            "{} {} {} {} {}{} → {answered}",
            paint.paint(format_args!("#{}", self.sequence), style::DIM),
            paint.paint(clock(self.received_at), style::DIM),
            paint.paint(escape_controls(&self.hide(&self.method)), style::LABEL),
            escape_controls(&target),
            paint.paint(self.provider.as_str(), style::PROVIDER),
            if kind.is_empty() {
                String::new()
            } else {
                format!(" {}", paint.paint(kind, style::KIND))
            },
        );
        let mut line = |content: String| {
            text.push_str("\n  ");
            text.push_str(&content);
        };
        if with_headers {
            for (name, value) in self.shown_headers() {
                line(format!(
                    "{}: {}",
                    paint.paint(escape_controls(&name), style::DIM),
                    escape_controls(&value)
                ));
            }
        }
        if self.auth != Auth::Unchecked {
            let place = providers::credential_place(self.provider);
            let auth = match self.auth {
                Auth::Ok => paint.paint("ok", style::GOOD),
                Auth::Mismatch => paint.paint(
                    format_args!("mismatch: the {place} differs from --api-key"),
                    style::BAD,
                ),
                _ => paint.paint(format_args!("missing: no {place}"), style::BAD),
            };
            line(format!("{} {auth}", paint.paint("auth:", style::LABEL)));
        }
        match &self.signature {
            Verdict::Unchecked => {}
            Verdict::Valid(scheme) => line(format!(
                "{} {}",
                paint.paint("signature:", style::LABEL),
                paint.paint(format_args!("valid ({scheme})"), style::GOOD)
            )),
            Verdict::Invalid(rejection) => line(format!(
                "{} {}",
                paint.paint("signature:", style::LABEL),
                paint.paint(
                    escape_controls(&self.hide(&rejection.to_string())),
                    style::BAD
                )
            )),
        }
        if let Some(earlier) = &self.duplicate_of {
            line(format!(
                "{} redelivery of #{} (first received at {})",
                paint.paint("duplicate:", style::DUPLICATE),
                earlier.sequence,
                clock(earlier.received_at)
            ));
        }
        if let Some(forward) = &self.forward {
            let outcome = match (forward.status, &forward.error) {
                (Some(status), _) => format!("answered {status}"),
                (None, Some(error)) => format!("failed: {}", self.hide(error)),
                (None, None) => "failed".to_string(),
            };
            line(format!(
                "{} {} {} in {} ms",
                paint.paint("forward:", style::LABEL),
                self.shown_forward_url(forward),
                escape_controls(&outcome),
                forward.latency.as_millis()
            ));
        }
        for warning in &self.warnings {
            line(format!(
                "{} {}",
                paint.paint("warning:", style::WARNING),
                escape_controls(&self.hide(warning))
            ));
        }
        if let Some(body) = &self.body {
            let summary = providers::summary(self.provider, body);
            for detail in providers::render_details(&summary, paint, |text| self.hide(text)) {
                line(detail);
            }
        }
        text
    }

    /// The notification as `hooks listen` prints it (human or `--json` per `out`).
    pub fn render(&self, out: &Output) -> String {
        if out.json {
            self.to_json_line()
        } else {
            self.to_human(out.stdout(), out.verbose)
        }
    }

    /// Appends the notification and a newline to `buffer`, as [`Notification::render`]
    /// renders it (no intermediate string on the `--json` hot path).
    pub fn render_into(&self, out: &Output, buffer: &mut Vec<u8>, escaped: Option<&Escaped>) {
        if out.json {
            self.write_json_line(buffer, escaped);
        } else {
            buffer.extend_from_slice(self.to_human(out.stdout(), out.verbose).as_bytes());
        }
        buffer.push(b'\n');
    }

    /// Prints the notification on stdout exactly as `hooks listen` does.
    pub fn print(&self, out: &Output) {
        out.line(self.render(out));
    }
}

#[cfg(test)]
impl Notification {
    /// Request headers, in order.
    pub fn headers_of(pairs: &[(&'static str, &str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| {
                (
                    axum::http::HeaderName::from_static(name),
                    HeaderValue::from_str(value).unwrap(),
                )
            })
            .collect()
    }

    /// Headers that are easy to get wrong when copied: a name repeated around another,
    /// quotes and a tab, an empty value, bytes that are not UTF-8.
    pub fn awkward_headers() -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.append("x-b", HeaderValue::from_static("1"));
        headers.append("content-type", HeaderValue::from_static("application/json"));
        headers.append("x-b", HeaderValue::from_static("two \"quoted\"\t"));
        headers.append("x-empty", HeaderValue::from_static(""));
        headers.append("x-latin", HeaderValue::from_bytes(b"caf\xe9").unwrap());
        headers
    }

    /// A valid POST of `{}` to /hook, for tests to adjust.
    pub fn example() -> Notification {
        Notification {
            sequence: 1,
            received_at: time::macros::datetime!(2025-03-30 10:15:00.045 UTC),
            method: "POST".to_string(),
            path: "/hook".to_string(),
            query: None,
            headers: HeaderMap::new(),
            provider: Provider::UNKNOWN,
            kind: String::new(),
            auth: Auth::Unchecked,
            signature: Verdict::Unchecked,
            duplicate_of: None,
            status: 200,
            body: Some(Value::Object(serde_json::Map::new())),
            raw: "{}".to_string(),
            warnings: Vec::new(),
            forward: None,
            valid: true,
            secrets: Vec::new(),
        }
    }

    /// The example, carrying `raw` as its body.
    pub fn example_with(raw: &str) -> Notification {
        Notification {
            body: serde_json::from_str(raw).ok(),
            raw: raw.to_string(),
            ..Notification::example()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::mask_authorization;
    use crate::signature::{Reason, Rejection, Scheme};

    #[test]
    fn reusing_the_record_lines_escapes_changes_nothing() {
        let plain = serde_json::json!({"note": "a \"quoted\"\nvalue"});
        let secret = serde_json::json!({"api_key": "secret-key", "invoice_ids": ["x"]});
        for (name, value) in [("x-note", "tab\there"), ("authorization", "Token abcdefgh")] {
            for (provider, body) in [
                (Provider::UNKNOWN, &plain),
                (Provider::named("clubcollect").unwrap(), &secret),
            ] {
                let mut notification = Notification {
                    headers: Notification::headers_of(&[(name, value)]),
                    provider,
                    ..Notification::example_with(&body.to_string())
                };
                notification.find_secrets(None);
                let escaped = notification.escaped();
                let mut reused = Vec::new();
                notification.write_json_line(&mut reused, Some(&escaped));
                assert_eq!(
                    String::from_utf8(reused).unwrap(),
                    notification.to_json_line()
                );
            }
        }
    }

    #[test]
    fn an_unmasked_body_is_written_as_sent() {
        let raw = "{\"z\": 1,\n  \"amount\": 123456789012345678901234567890.10}\n";
        let notification = Notification {
            ..Notification::example_with(raw)
        };
        let line = notification.to_json_line();
        assert!(
            line.contains(r#""body":{"z":1,"amount":123456789012345678901234567890.10},"#),
            "{line}"
        );
    }

    #[test]
    fn the_json_line_holds_every_field_in_order() {
        let body = serde_json::json!({"api_key": "secret-key", "invoice_ids": ["x"]});
        let mut notification = Notification {
            headers: Notification::headers_of(&[
                ("authorization", "Token abcdefgh"),
                ("x-note", "a \"quoted\" value"),
            ]),
            provider: Provider::named("clubcollect").unwrap(),
            kind: "realtime".to_string(),
            auth: Auth::Mismatch,
            signature: Verdict::Invalid(Rejection {
                scheme: Scheme::Github,
                reason: Reason::SignatureMismatch,
                detail: "x-hub-signature-256 is not the signature of this body".to_string(),
            }),
            duplicate_of: Some(Earlier {
                sequence: 1,
                received_at: time::macros::datetime!(2025-03-30 10:14:00 UTC),
            }),
            status: 401,
            warnings: vec!["a warning".to_string()],
            forward: Some(Forwarded {
                url: "http://127.0.0.1:9/".to_string(),
                status: None,
                latency: Duration::from_millis(12),
                error: Some("refused".to_string()),
            }),
            ..Notification::example_with(&body.to_string())
        };
        notification.find_secrets(None);
        let line = notification.to_json_line();
        let parsed: Value = serde_json::from_str(&line).unwrap();
        assert_eq!(
            parsed,
            serde_json::json!({
                "received_at": "2025-03-30T10:15:00.045Z",
                "method": "POST",
                "path": "/hook",
                "query": null,
                "headers": [["authorization", mask_authorization("Token abcdefgh")], ["x-note", "a \"quoted\" value"]],
                "provider": "clubcollect",
                "kind": "realtime",
                "auth": "mismatch",
                "signature": "signature-mismatch",
                "duplicate": true,
                "status": 401,
                "body": {"api_key": mask("secret-key"), "invoice_ids": ["x"]},
                "raw": notification.shown_raw(),
                "warnings": ["a warning"],
                "forward": {"url": "http://127.0.0.1:9/", "status": null, "latency_ms": 12, "error": "refused"},
            })
        );
        let keys = [
            "received_at",
            "method",
            "path",
            "query",
            "headers",
            "provider",
            "kind",
            "auth",
            "signature",
            "duplicate",
            "status",
            "body",
            "raw",
            "warnings",
            "forward",
        ];
        let positions: Vec<usize> = keys
            .iter()
            .map(|key| line.find(&format!("\"{key}\":")).unwrap())
            .collect();
        assert!(positions.is_sorted(), "{line}");
        assert!(!line.contains("secret-key"));
    }

    #[test]
    fn the_signature_verdict_is_shown_and_its_secret_masked() {
        let secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let mut notification = Notification {
            headers: Notification::headers_of(&[("x-echo", secret)]),
            signature: Verdict::Valid(Scheme::Standard),
            ..Notification::example_with(&format!(r#"{{"note":"{secret}"}}"#))
        };
        notification.find_secrets([secret, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"]);
        let human = notification.to_human(Paint(false), true);
        assert!(
            human.contains("\n  signature: valid (standard)\n"),
            "{human}"
        );
        let line = notification.to_json_line();
        assert!(line.contains(r#""signature":"valid""#), "{line}");
        for shown in [&human, &line] {
            assert!(
                !shown.contains("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                "{shown}"
            );
        }
        notification.signature = Verdict::Invalid(Rejection {
            scheme: Scheme::Standard,
            reason: Reason::StaleTimestamp,
            detail: "webhook-timestamp is 400 s in the past, beyond the 300 s tolerance".into(),
        });
        assert!(
            notification
                .to_human(Paint(false), false)
                .contains("signature: stale-timestamp: webhook-timestamp is 400 s in the past")
        );
        let unchecked = Notification::example().to_json_line();
        assert!(
            unchecked.contains(r#""signature":"unchecked""#),
            "{unchecked}"
        );
    }

    #[test]
    fn credential_headers_are_found_and_the_plain_standard_ones_skipped() {
        for name in [
            "accept",
            "content-type",
            "host",
            "user-agent",
            "x-request-id",
        ] {
            assert!(
                !carries_credential(&HeaderName::from_static(name)),
                "{name}"
            );
        }
        for name in [
            "authorization",
            "cookie",
            "x-api-key",
            "x-webhook-signature",
        ] {
            assert!(carries_credential(&HeaderName::from_static(name)), "{name}");
        }
    }

    #[test]
    fn header_bytes_that_are_not_utf8_are_shown_escaped() {
        let mut headers = HeaderMap::new();
        headers.insert("x-name", HeaderValue::from_bytes(b"caf\xe9 \xff").unwrap());
        headers.insert(
            "x-plain",
            HeaderValue::from_bytes("caf\u{e9}".as_bytes()).unwrap(),
        );
        let notification = Notification {
            headers,
            ..Notification::example()
        };
        let line: Value = serde_json::from_str(&notification.to_json_line()).unwrap();
        assert_eq!(
            line["headers"],
            serde_json::json!([["x-name", "caf\\xe9 \\xff"], ["x-plain", "caf\u{e9}"]])
        );
    }

    #[test]
    fn a_request_without_credentials_finds_nothing_and_copies_nothing() {
        let bench = r#"{"eventId":"f47ac10b-58cc-4372-a567-0e02b2c3d479","eventType":"DOCUMENT_STATUS_CHANGED","occurredAt":"2025-03-30T10:15:00Z","documentId":"INV-2025-00123","externalStatus":"APPROVED","currentStatus":"OK","flowDetail":"VERIFACTU"}"#;
        let fixtures = crate::fixtures::all()
            .iter()
            .filter(|fixture| fixture.provider != "clubcollect")
            .map(|fixture| fixture.text);
        for raw in fixtures.chain([bench, "{}"]) {
            let mut notification = Notification {
                headers: Notification::headers_of(&[("content-type", "application/json")]),
                query: Some("attempt=1&next=a:b".to_string()),
                ..Notification::example_with(raw)
            };
            notification.find_secrets(None);
            assert_eq!(notification.secrets.capacity(), 0, "{raw}");
            assert!(notification.masked_body().is_none());
            assert!(matches!(notification.shown_raw(), Cow::Borrowed(_)));
            assert!(matches!(
                notification.shown_target(),
                (Cow::Borrowed(_), Some(Cow::Borrowed(_)))
            ));
        }
    }

    #[test]
    fn a_secret_is_hidden_however_it_is_written() {
        let secret = "s3/cr\"et é🎉";
        let notification = Notification {
            secrets: vec![secret.to_string()],
            ..Notification::example()
        };
        let masked = mask(secret);
        for written in [
            secret.to_string(),
            "%73%33%2f%63%72%22%65%74%20%C3%A9%F0%9F%8E%89".to_string(),
            r#"\u00733\/cr\"e\u0074 \u00E9\ud83c\udf89"#.to_string(),
            "s3%2Fcr%22et %c3%a9🎉".to_string(),
        ] {
            let text = format!("before {written} after {written}");
            assert_eq!(
                notification.hide(&text),
                format!("before {masked} after {masked}"),
                "{written}"
            );
        }
        assert!(matches!(
            notification.hide("s3/cr nothing %41 \\u0041"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn many_credentials_are_all_masked_but_only_some_looked_for_everywhere() {
        let values: Vec<String> = (0..100).map(|n| format!("value-{n:04}")).collect();
        let fields: Vec<String> = values
            .iter()
            .map(|v| format!(r#"{{"token":"{v}"}}"#))
            .collect();
        let mut notification = Notification {
            ..Notification::example_with(&format!("[{}]", fields.join(",")))
        };
        notification.find_secrets(Some("the-api-key"));
        assert_eq!(notification.secrets.len(), MAX_SECRETS);
        assert!(notification.secrets.contains(&"the-api-key".to_string()));
        let raw = notification.shown_raw();
        let body = notification.shown_body().unwrap().to_string();
        for value in &values {
            assert!(
                !raw.contains(value.as_str()) && !body.contains(value.as_str()),
                "{value}"
            );
        }
    }

    #[test]
    fn short_credentials_are_masked_only_where_named() {
        let mut notification = Notification {
            query: Some("token=ab&x=ab".to_string()),
            ..Notification::example_with(r#"{"key":"ab","other":"ab","list":["ab"]}"#)
        };
        notification.find_secrets(None);
        assert_eq!(notification.shown_target().1.unwrap(), "token=a****&x=ab");
        assert_eq!(
            notification.shown_raw(),
            r#"{"key":"a****","other":"ab","list":["ab"]}"#
        );
        assert_eq!(
            notification.shown_body().unwrap(),
            serde_json::json!({"key": "a****", "other": "ab", "list": ["ab"]})
        );
    }

    #[test]
    fn rfc3339_is_utc_with_milliseconds() {
        let at = time::macros::datetime!(2025-03-30 12:15:00.045 +02:00);
        assert_eq!(rfc3339(at), "2025-03-30T10:15:00.045Z");
        assert_eq!(clock(at), "12:15:00.045");
    }
}
