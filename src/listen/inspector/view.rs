//! A notification as the inspector's API and page show it: the masked record line (what
//! `--record` holds, with the terminal's masks), and what the listener made of it. Built
//! from the notification the handler made, with the terminal's own masking methods.

use std::borrow::Cow;
use std::time::Duration;

use serde::Serialize;
use serde_json::Value;

use crate::listen::record::RecordLine;
use crate::listen::{Auth, Notification};
use crate::output::Paint;

#[derive(Serialize)]
pub struct View<'a> {
    /// The notification's number, `#n` on the terminal.
    pub n: u64,
    /// `received_at`, `method`, `path`, `query`, `headers` and `body` (the raw text).
    #[serde(flatten)]
    pub request: RecordLine<'a>,
    pub provider: &'a str,
    pub kind: Cow<'a, str>,
    pub auth: Auth,
    /// What `--verify` made of its signature, as the `--json` line says it.
    pub signature: &'static str,
    /// The number of the first delivery, for a redelivery.
    pub duplicate_of: Option<u64>,
    pub status: u16,
    pub valid: bool,
    /// From arrival to the answer, forwarding included.
    pub latency_ms: f64,
    pub warnings: Vec<Cow<'a, str>>,
    pub forward: Option<Forward<'a>>,
    /// The terminal's header line and details, uncoloured.
    pub summary: String,
    /// The parsed body, masked (only for one notification asked for by number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json: Option<Value>,
}

/// `forward` as the `--json` line has it.
#[derive(Serialize)]
pub struct Forward<'a> {
    pub url: Cow<'a, str>,
    pub status: Option<u16>,
    pub latency_ms: u64,
    pub error: Option<Cow<'a, str>>,
}

impl<'a> View<'a> {
    /// The view of a kept `notification` (see [`Entry::notification`]) that took `latency`
    /// to answer; with `full`, the parsed body too.
    pub fn of(notification: &'a Notification, latency: Duration, full: bool) -> View<'a> {
        View {
            n: notification.sequence,
            request: notification.shown_record_line(),
            provider: notification.provider.as_str(),
            kind: notification.hide(&notification.kind),
            auth: notification.auth,
            signature: notification.signature.as_str(),
            duplicate_of: notification.duplicate_of.map(|earlier| earlier.sequence),
            status: notification.status,
            valid: notification.valid,
            latency_ms: latency.as_secs_f64() * 1000.0,
            warnings: notification
                .warnings
                .iter()
                .map(|warning| notification.hide(warning))
                .collect(),
            forward: notification.forward.as_ref().map(|forward| Forward {
                url: notification.hide(&forward.url),
                status: forward.status,
                latency_ms: u64::try_from(forward.latency.as_millis()).unwrap_or(u64::MAX),
                error: forward
                    .error
                    .as_deref()
                    .map(|error| notification.hide(error)),
            }),
            summary: notification.human_head(Paint(false), false),
            json: if full {
                notification.shown_body()
            } else {
                None
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::feed::Entry;
    use super::*;
    use crate::output::mask;
    use crate::providers::Provider;

    #[test]
    fn secrets_are_masked_as_on_the_terminal() {
        let key = "7742c368f2dce09b78ddcaf50c61cd238b8e99cb";
        let body = serde_json::json!({"api_key": key, "invoice_ids": ["x"], "import_ids": []});
        let mut notification = Notification {
            headers: Notification::headers_of(&[("authorization", "Token abcdefgh")]),
            query: Some(format!("token={key}")),
            provider: Provider::named("clubcollect").unwrap(),
            ..Notification::example_with(&body.to_string())
        };
        notification.find_secrets(None);
        let kept = Entry::new(notification.clone(), Duration::from_millis(3)).notification();
        let text = serde_json::to_string(&View::of(&kept, Duration::from_millis(3), true)).unwrap();
        assert!(!text.contains(key) && !text.contains("abcdefgh"), "{text}");
        let view: Value = serde_json::from_str(&text).unwrap();
        let terminal: Value = serde_json::from_str(&notification.to_json_line()).unwrap();
        for field in ["received_at", "method", "path", "query", "headers"] {
            assert_eq!(view[field], terminal[field], "{field}");
        }
        assert_eq!(view["body"], terminal["raw"]);
        assert_eq!(view["json"], terminal["body"]);
        assert_eq!(view["json"]["api_key"], mask(key));
        assert!(view["summary"].as_str().unwrap().starts_with("#1 "));
    }
}
