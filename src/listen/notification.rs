//! One request as `hooks listen` saw and answered it, and the two ways it is shown:
//! a human block (header line, what matters for its provider, the body) or one JSON line.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::time::Duration;

use axum::http::StatusCode;
use colored::Colorize;
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

use crate::output::{Output, escape_controls, mask, mask_authorization, pretty_json};
use crate::providers::{self, Provider};

/// Headers whose values are credentials, masked wherever a notification is shown.
const SECRET_HEADERS: [&str; 4] = [
    "authorization",
    "proxy-authorization",
    "cookie",
    "x-api-key",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Auth {
    /// The presented key equals `--api-key`.
    Ok,
    Mismatch,
    Missing,
    /// No `--api-key`, or a provider whose documents define no key.
    Unchecked,
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
    /// Lower-case names in arrival order, duplicates kept; values unmasked.
    pub headers: Vec<(String, String)>,
    pub provider: Provider,
    /// The provider's kind (see `providers::Recognition`), "" when none.
    pub kind: String,
    pub auth: Auth,
    pub duplicate_of: Option<Earlier>,
    /// The status we answered.
    pub status: u16,
    /// The parsed body (unmasked), None when it was not JSON.
    pub body: Option<Value>,
    /// The body as text; bytes that are not UTF-8 appear as `\xNN`.
    pub raw: String,
    /// Shape warnings and what was wrong with the request.
    pub warnings: Vec<String>,
    pub forward: Option<Forwarded>,
    /// Parsed, within the size limit, auth not failed: counts for `--count`, goes to `--record`.
    pub valid: bool,
}

#[derive(Serialize)]
struct JsonLine<'a> {
    received_at: String,
    method: &'a str,
    path: &'a str,
    query: Option<&'a str>,
    headers: Vec<(&'a str, Cow<'a, str>)>,
    provider: &'static str,
    kind: &'a str,
    auth: Auth,
    duplicate: bool,
    status: u16,
    body: Option<Cow<'a, Value>>,
    raw: Cow<'a, str>,
    warnings: &'a [String],
    forward: Option<JsonForward<'a>>,
}

#[derive(Serialize)]
struct JsonForward<'a> {
    url: &'a str,
    status: Option<u16>,
    latency_ms: u64,
    error: Option<&'a str>,
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

/// Valid UTF-8 as is, every other byte as `\xNN`.
pub fn escape_invalid_utf8(bytes: &[u8]) -> String {
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
    /// Header values with credentials masked.
    pub fn shown_headers(&self) -> Vec<(&str, Cow<'_, str>)> {
        self.headers
            .iter()
            .map(|(name, value)| {
                let shown = if SECRET_HEADERS.contains(&name.as_str()) {
                    Cow::Owned(mask_authorization(value))
                } else {
                    Cow::Borrowed(value.as_str())
                };
                (name.as_str(), shown)
            })
            .collect()
    }

    /// The body with its provider's secret masked.
    pub fn shown_body(&self) -> Option<Cow<'_, Value>> {
        self.body
            .as_ref()
            .map(|body| providers::masked_body(self.provider, body))
    }

    /// The raw text with the provider's secret masked; where the secret is written with JSON
    /// escapes it cannot be found in the text, so the masked body is shown instead.
    pub fn shown_raw(&self) -> Cow<'_, str> {
        let secret = self
            .body
            .as_ref()
            .and_then(|body| providers::body_secret(self.provider, body));
        match (secret, self.shown_body()) {
            (Some(secret), _) if self.raw.contains(secret) => {
                Cow::Owned(self.raw.replace(secret, &mask(secret)))
            }
            (Some(_), Some(masked)) => Cow::Owned(masked.to_string()),
            _ => Cow::Borrowed(&self.raw),
        }
    }

    /// The `--json` line: one object, no newline.
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(&self.json_line()).unwrap_or_default()
    }

    fn json_line(&self) -> JsonLine<'_> {
        JsonLine {
            received_at: rfc3339(self.received_at),
            method: &self.method,
            path: &self.path,
            query: self.query.as_deref(),
            headers: self.shown_headers(),
            provider: self.provider.as_str(),
            kind: &self.kind,
            auth: self.auth,
            duplicate: self.duplicate_of.is_some(),
            status: self.status,
            body: self.shown_body(),
            raw: self.shown_raw(),
            warnings: &self.warnings,
            forward: self.forward.as_ref().map(|f| JsonForward {
                url: &f.url,
                status: f.status,
                latency_ms: u64::try_from(f.latency.as_millis()).unwrap_or(u64::MAX),
                error: f.error.as_deref(),
            }),
        }
    }

    /// The human block: a header line, then indented details (the headers too when
    /// `with_headers`), the body, and a blank line.
    pub fn to_human(&self, color: bool, with_headers: bool) -> String {
        let status = StatusCode::from_u16(self.status).ok();
        let answered = format!(
            "{} {}",
            self.status,
            status
                .and_then(|s| s.canonical_reason())
                .unwrap_or_default()
        );
        let answered = match self.status {
            200..=299 => answered.green().bold(),
            400..=499 => answered.yellow().bold(),
            _ => answered.red().bold(),
        };
        let target = match &self.query {
            Some(query) => format!("{}?{query}", self.path),
            None => self.path.clone(),
        };
        let mut text = format!(
            "{} {} {} {} {}{} → {answered}",
            format!("#{}", self.sequence).dimmed(),
            clock(self.received_at).dimmed(),
            self.method.bold(),
            escape_controls(&target),
            self.provider.as_str().cyan().bold(),
            if self.kind.is_empty() {
                String::new()
            } else {
                format!(" {}", self.kind.cyan())
            },
        );
        let mut line = |content: String| {
            text.push_str("\n  ");
            text.push_str(&content);
        };
        if with_headers {
            for (name, value) in self.shown_headers() {
                line(format!("{}: {}", name.dimmed(), escape_controls(&value)));
            }
        }
        if self.auth != Auth::Unchecked {
            let place = providers::credential_place(self.provider);
            let auth = match self.auth {
                Auth::Ok => "ok".green().bold(),
                Auth::Mismatch => format!("mismatch: the {place} differs from --api-key")
                    .red()
                    .bold(),
                _ => format!("missing: no {place}").red().bold(),
            };
            line(format!("{} {auth}", "auth:".bold()));
        }
        if let Some(earlier) = &self.duplicate_of {
            line(format!(
                "{} redelivery of #{} (first received at {})",
                "duplicate:".magenta().bold(),
                earlier.sequence,
                clock(earlier.received_at)
            ));
        }
        if let Some(forward) = &self.forward {
            let outcome = match (forward.status, &forward.error) {
                (Some(status), _) => format!("answered {status}"),
                (None, Some(error)) => format!("failed: {error}"),
                (None, None) => "failed".to_string(),
            };
            line(format!(
                "{} {} {outcome} in {} ms",
                "forward:".bold(),
                forward.url,
                forward.latency.as_millis()
            ));
        }
        for warning in &self.warnings {
            line(format!(
                "{} {}",
                "warning:".yellow().bold(),
                escape_controls(warning)
            ));
        }
        if let Some(body) = self.shown_body() {
            for detail in providers::details(self.provider, &self.kind, &body) {
                line(detail);
            }
            text.push('\n');
            text.push_str(&pretty_json(&body, color));
        } else if !self.raw.is_empty() {
            text.push('\n');
            text.push_str(&escape_controls(&self.shown_raw()));
        }
        text.push('\n');
        text
    }

    /// The notification as `hooks listen` prints it (human or `--json` per `out`).
    pub fn render(&self, out: &Output) -> String {
        if out.json {
            self.to_json_line()
        } else {
            self.to_human(out.color, out.verbose)
        }
    }

    /// Writes the notification and a newline as [`Notification::render`] would, straight
    /// into `writer` (no intermediate string on the `--json` hot path).
    pub fn write_rendered(
        &self,
        out: &Output,
        mut writer: impl std::io::Write,
    ) -> std::io::Result<()> {
        if out.json {
            serde_json::to_writer(&mut writer, &self.json_line())?;
        } else {
            writer.write_all(self.to_human(out.color, out.verbose).as_bytes())?;
        }
        writer.write_all(b"\n")
    }

    /// Prints the notification on stdout exactly as `hooks listen` does.
    pub fn print(&self, out: &Output) {
        out.line(self.render(out));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_is_utc_with_milliseconds() {
        let at = time::macros::datetime!(2025-03-30 12:15:00.045 +02:00);
        assert_eq!(rfc3339(at), "2025-03-30T10:15:00.045Z");
        assert_eq!(clock(at), "12:15:00.045");
    }
}
