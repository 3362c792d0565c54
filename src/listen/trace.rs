//! `-v` for `hooks listen`: each exchange on stderr, in both directions, credentials masked
//! as the printed notification masks them. Only ever called with `-v`.

use std::fmt::Write as _;

use axum::http::StatusCode;
use time::OffsetDateTime;

use super::forward::Forwarder;
use super::notification::Notification;
use crate::output::escape_controls;

/// The request (`>` lines: request line and headers), the forwarded request and the app's
/// answer when there is one (`>>`, `<<`), and our answer with the time it took (`<`), as one
/// write so that concurrent exchanges do not interleave.
pub fn exchange(notification: &Notification, forwarder: Option<&Forwarder>) {
    let latency = OffsetDateTime::now_utc() - notification.received_at;
    let mut text = String::new();
    let target = match notification.shown_target() {
        (path, Some(query)) => format!("{path}?{query}"),
        (path, None) => path.into_owned(),
    };
    let _ = writeln!(
        text,
        "> {} {}",
        notification.method,
        escape_controls(&target)
    );
    for (name, value) in notification.shown_headers() {
        let _ = writeln!(text, "> {name}: {}", escape_controls(&value));
    }
    if let Some(forwarder) = forwarder {
        forwarder.trace(notification, &mut text);
    }
    let _ = writeln!(
        text,
        "< {} in {:.1} ms",
        with_reason(notification.status),
        latency.as_seconds_f64() * 1000.0
    );
    eprint!("{text}");
}

/// `201 Created`, or the bare number for a status without a reason phrase.
pub fn with_reason(status: u16) -> String {
    let reason = StatusCode::from_u16(status)
        .ok()
        .and_then(|status| status.canonical_reason());
    match reason {
        Some(reason) => format!("{status} {reason}"),
        None => status.to_string(),
    }
}
