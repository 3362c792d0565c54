//! The four providers' notification formats, in one place: which provider and kind a
//! payload is, where it breaks its provider's documented shape, where its credential
//! lives, and what a developer wants to see of it.

use colored::Colorize;
use serde_json::Value;

use crate::output::escape_controls;

pub mod generate;

/// Read access to a JSON document, for recognition, shape warnings, credentials and
/// idempotency keys: a `serde_json::Value`, or the listener's request body parsed into a
/// `serde_json_borrow::Value`, which borrows its strings from the body instead of copying
/// each into a map (half the parsing time, on the path every notification takes).
pub trait Json: Sized {
    /// An object's member; the last one where a key repeats, as serde_json keeps it.
    fn get(&self, key: &str) -> Option<&Self>;
    fn as_str(&self) -> Option<&str>;
    fn as_array(&self) -> Option<&[Self]>;
    fn is_object(&self) -> bool;
    fn is_null(&self) -> bool;
    /// Compact JSON text, for messages.
    fn to_text(&self) -> String;
}

impl Json for Value {
    fn get(&self, key: &str) -> Option<&Value> {
        Value::get(self, key)
    }
    fn as_str(&self) -> Option<&str> {
        Value::as_str(self)
    }
    fn as_array(&self) -> Option<&[Value]> {
        Value::as_array(self).map(Vec::as_slice)
    }
    fn is_object(&self) -> bool {
        Value::is_object(self)
    }
    fn is_null(&self) -> bool {
        Value::is_null(self)
    }
    fn to_text(&self) -> String {
        self.to_string()
    }
}

impl Json for serde_json_borrow::Value<'_> {
    fn get(&self, key: &str) -> Option<&Self> {
        let members = self.as_object()?.as_vec();
        members
            .iter()
            .rev()
            .find(|(name, _)| &**name == key)
            .map(|(_, value)| value)
    }
    fn as_str(&self) -> Option<&str> {
        serde_json_borrow::Value::as_str(self)
    }
    fn as_array(&self) -> Option<&[Self]> {
        serde_json_borrow::Value::as_array(self)
    }
    fn is_object(&self) -> bool {
        serde_json_borrow::Value::is_object(self)
    }
    fn is_null(&self) -> bool {
        serde_json_borrow::Value::is_null(self)
    }
    fn to_text(&self) -> String {
        // Writing a parsed document into a String cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Provider {
    /// Batched and real-time invoice/import notifications; `api_key` in the body.
    ClubCollect,
    /// Receipt, transaction and revoke notifications; `Authorization: Token KEY`.
    ReceiptHero,
    /// Document/invoice status events with `eventId` idempotency.
    DocumentStatus,
    /// The Callback API's echo payloads (`processUniqueId` / `simulationUniqueId`).
    PartnerCallbacks,
    Unknown,
}

impl Provider {
    pub fn as_str(self) -> &'static str {
        match self {
            Provider::ClubCollect => "clubcollect",
            Provider::ReceiptHero => "receipthero",
            Provider::DocumentStatus => "document-status",
            Provider::PartnerCallbacks => "partner-callbacks",
            Provider::Unknown => "unknown",
        }
    }
}

pub const RECEIPTHERO_TYPES: [&str; 3] = [
    "receipt_notification",
    "transaction_notification",
    "oauth_authorization_revoke",
];

pub const DOCUMENT_EVENT_TYPES: [&str; 2] = ["DOCUMENT_STATUS_CHANGED", "INVOICE_STATUS_CHANGED"];

/// The document statuses the document-status provider documents for `currentStatus`.
pub const DOCUMENT_STATUSES: [&str; 6] = [
    "CREATED",
    "PROCESSING",
    "OK",
    "ERROR",
    "DUPLICATED",
    "PENDING_ACTION",
];

/// ReceiptHero's authentication scheme: `Authorization: Token <API_KEY>`.
const RECEIPTHERO_SCHEME: &str = "Token";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognition {
    pub provider: Provider,
    /// `batch`/`realtime`, the ReceiptHero type, the document event type, `echo`, or "".
    pub kind: String,
    /// Where the payload breaks its provider's documented format (shown, never rejected).
    pub warnings: Vec<String>,
}

/// Which provider sent `body`, judged by its shape alone.
pub fn recognize(body: &impl Json) -> Recognition {
    recognize_request(body, None)
}

/// Which provider sent `body`, judged by its shape and the request's `Authorization`
/// header: a `Token` credential marks ReceiptHero even when its type is not a documented one.
pub fn recognize_request(body: &impl Json, authorization: Option<&str>) -> Recognition {
    let field = |name: &str| body.get(name);
    let token_header = authorization.is_some_and(|value| token_credential(value).is_some());
    let (provider, kind) = if field("api_key").is_some()
        && (field("invoice_ids").is_some() || field("import_ids").is_some())
    {
        let invoices = field("invoice_ids")
            .and_then(Json::as_array)
            .map_or(0, <[_]>::len);
        let imports = field("import_ids")
            .and_then(Json::as_array)
            .map_or(0, <[_]>::len);
        let kind = if invoices == 1 && imports == 0 {
            "realtime"
        } else {
            "batch"
        };
        (Provider::ClubCollect, kind.to_string())
    } else if let Some(kind) = field("notification_type")
        .and_then(Json::as_str)
        .filter(|t| {
            RECEIPTHERO_TYPES.contains(t) || token_header || field("receipthero_id").is_some()
        })
    {
        (Provider::ReceiptHero, kind.to_string())
    } else if let (Some(_), Some(kind)) = (
        field("eventId"),
        field("eventType").and_then(Json::as_str).filter(|t| {
            DOCUMENT_EVENT_TYPES.contains(t)
                || field("documentId").is_some()
                || field("currentStatus").is_some()
        }),
    ) {
        (Provider::DocumentStatus, kind.to_string())
    } else if field("processUniqueId").is_some() || field("simulationUniqueId").is_some() {
        (Provider::PartnerCallbacks, "echo".to_string())
    } else {
        (Provider::Unknown, String::new())
    };
    let warnings = match provider {
        Provider::ClubCollect => clubcollect_warnings(body),
        Provider::ReceiptHero => receipthero_warnings(body),
        Provider::DocumentStatus => document_status_warnings(body),
        Provider::PartnerCallbacks => partner_callbacks_warnings(body),
        Provider::Unknown => Vec::new(),
    };
    Recognition {
        provider,
        kind,
        warnings,
    }
}

fn clubcollect_warnings(body: &impl Json) -> Vec<String> {
    let mut warnings = Vec::new();
    if body.get("api_key").and_then(Json::as_str).is_none() {
        warnings.push("api_key is not a string".to_string());
    }
    for (field, what) in [("invoice_ids", "invoice"), ("import_ids", "import")] {
        let Some(ids) = body.get(field) else {
            continue;
        };
        let Some(ids) = ids.as_array() else {
            warnings.push(format!("{field} is not an array"));
            continue;
        };
        for id in ids {
            match id.as_str() {
                Some(text) if is_clubcollect_id(text) => {}
                Some(text) => warnings.push(format!(
                    "{what} id {text:?} is not 40 lowercase hexadecimal characters"
                )),
                None => warnings.push(format!("{what} id {} is not a string", id.to_text())),
            }
        }
    }
    warnings
}

/// ClubCollect ids are SHA-1 style: 40 lowercase hexadecimal characters.
fn is_clubcollect_id(text: &str) -> bool {
    text.len() == 40
        && text
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// A warning unless `value` is one of the documented `allowed` strings (`null` when absent).
fn not_one_of(field: &str, value: Option<&impl Json>, allowed: &[&str]) -> Option<String> {
    match value.and_then(Json::as_str) {
        Some(text) if allowed.contains(&text) => None,
        _ => Some(format!(
            "{field} {} is not one of {}",
            value.map_or_else(|| "null".to_string(), Json::to_text),
            allowed.join(", ")
        )),
    }
}

/// A hyphenated UUID, the form every documented sample uses.
fn is_uuid(text: &str) -> bool {
    text.len() == 36 && uuid::Uuid::try_parse(text).is_ok()
}

fn receipthero_warnings(body: &impl Json) -> Vec<String> {
    let mut warnings = Vec::new();
    let notification_type = body.get("notification_type");
    let kind = notification_type.and_then(Json::as_str).unwrap_or_default();
    warnings.extend(not_one_of(
        "notification_type",
        notification_type,
        &RECEIPTHERO_TYPES,
    ));
    let mut required = vec!["receipthero_id"];
    if kind != "oauth_authorization_revoke" {
        required.push("receipt_id");
    }
    for field in required {
        if body.get(field).is_none() {
            warnings.push(format!("{field} is missing"));
        }
    }
    for field in ["receipthero_id", "receipt_id"] {
        match body.get(field) {
            None => {}
            Some(id) if id.as_str().is_some_and(is_uuid) => {}
            Some(other) => warnings.push(format!("{field} {} is not a UUID", other.to_text())),
        }
    }
    for field in ["data", "partner_metadata"] {
        if body.get(field).is_some_and(|v| !v.is_object()) {
            warnings.push(format!("{field} is not an object"));
        }
    }
    warnings
}

fn document_status_warnings(body: &impl Json) -> Vec<String> {
    let mut warnings = Vec::new();
    warnings.extend(not_one_of(
        "eventType",
        body.get("eventType"),
        &DOCUMENT_EVENT_TYPES,
    ));
    match body.get("eventId") {
        Some(id) if id.as_str().is_some_and(is_uuid) => {}
        other => warnings.push(format!(
            "eventId {} is not a UUID",
            other.map_or_else(|| "null".to_string(), Json::to_text)
        )),
    }
    match body.get("occurredAt") {
        None => warnings.push("occurredAt is missing".to_string()),
        Some(at) if at.as_str().is_some_and(is_iso8601) => {}
        Some(other) => warnings.push(format!(
            "occurredAt {} is not an ISO 8601 timestamp",
            other.to_text()
        )),
    }
    if let Some(status) = body.get("currentStatus") {
        warnings.extend(not_one_of(
            "currentStatus",
            Some(status),
            &DOCUMENT_STATUSES,
        ));
    }
    warnings
}

fn is_iso8601(text: &str) -> bool {
    use time::format_description::well_known::{Iso8601, Rfc3339};
    time::OffsetDateTime::parse(text, &Rfc3339).is_ok()
        || time::OffsetDateTime::parse(text, &Iso8601::DEFAULT).is_ok()
        || time::PrimitiveDateTime::parse(text, &Iso8601::DEFAULT).is_ok()
}

fn partner_callbacks_warnings(body: &impl Json) -> Vec<String> {
    let present = |field: &str| body.get(field).is_some_and(|v| !v.is_null());
    if present("processUniqueId") && present("simulationUniqueId") {
        vec![
            "holds both processUniqueId and simulationUniqueId; the API allows exactly one"
                .to_string(),
        ]
    } else {
        Vec::new()
    }
}

/// The `Token` credential of an `Authorization` header value, if it uses that scheme.
fn token_credential(authorization: &str) -> Option<&str> {
    let (scheme, credential) = authorization.trim().split_once(' ')?;
    scheme
        .eq_ignore_ascii_case(RECEIPTHERO_SCHEME)
        .then(|| credential.trim())
}

/// What a notification presents as its provider's shared secret.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential<'a> {
    /// The provider's documents define no secret.
    Undefined,
    /// The provider defines one, and the request carries none.
    Missing,
    /// The request carries something other than the documented form (e.g. `Bearer x`).
    Malformed,
    Presented(&'a str),
}

/// ClubCollect's body `api_key`, ReceiptHero's `Authorization: Token KEY`.
pub fn credential<'a>(
    provider: Provider,
    body: &'a impl Json,
    authorization: Option<&'a str>,
) -> Credential<'a> {
    match provider {
        Provider::ClubCollect => match body.get("api_key") {
            None => Credential::Missing,
            Some(key) if key.is_null() => Credential::Missing,
            Some(key) => match key.as_str() {
                Some("") => Credential::Missing,
                Some(key) => Credential::Presented(key),
                None => Credential::Malformed,
            },
        },
        Provider::ReceiptHero => match authorization {
            None => Credential::Missing,
            Some(value) => {
                token_credential(value).map_or(Credential::Malformed, Credential::Presented)
            }
        },
        Provider::DocumentStatus | Provider::PartnerCallbacks | Provider::Unknown => {
            Credential::Undefined
        }
    }
}

/// Where a provider's credential travels, for messages.
pub fn credential_place(provider: Provider) -> &'static str {
    match provider {
        Provider::ClubCollect => "body's api_key",
        Provider::ReceiptHero => "Authorization: Token header",
        Provider::DocumentStatus | Provider::PartnerCallbacks | Provider::Unknown => "key",
    }
}

/// The id under which a provider redelivers the same event (document-status's `eventId`).
pub fn idempotency_key(provider: Provider, body: &impl Json) -> Option<String> {
    match provider {
        Provider::DocumentStatus => match body.get("eventId") {
            None => None,
            Some(id) if id.is_null() => None,
            Some(id) => Some(id.as_str().map_or_else(|| id.to_text(), str::to_string)),
        },
        _ => None,
    }
}

/// What matters in a notification, one human line each (coloured when colour is on):
/// the ids and the follow-up calls a partner makes, the receipt, the document status.
pub fn details(provider: Provider, kind: &str, body: &Value) -> Vec<String> {
    match provider {
        Provider::ClubCollect => clubcollect_details(body),
        Provider::ReceiptHero => receipthero_details(kind, body),
        Provider::DocumentStatus => document_status_details(body),
        Provider::PartnerCallbacks => ["processUniqueId", "simulationUniqueId"]
            .into_iter()
            .filter_map(|field| field_line(body, field))
            .collect(),
        Provider::Unknown => Vec::new(),
    }
}

/// A field's value for a human line: strings unquoted, control characters escaped.
fn text(value: &Value) -> String {
    match value {
        Value::String(text) => escape_controls(text),
        other => other.to_string(),
    }
}

fn field_line(body: &Value, field: &str) -> Option<String> {
    body.get(field)
        .map(|value| format!("{}: {}", field.bold(), text(value)))
}

fn clubcollect_details(body: &Value) -> Vec<String> {
    let ids = |field: &str| -> Vec<String> {
        body[field]
            .as_array()
            .map(|ids| ids.iter().map(text).collect())
            .unwrap_or_default()
    };
    let invoices = ids("invoice_ids");
    let imports = ids("import_ids");
    let mut lines = vec![
        format!(
            "{} ({}): {}",
            "invoices".bold(),
            invoices.len(),
            invoices.join(", ")
        ),
        format!(
            "{} ({}): {}",
            "imports".bold(),
            imports.len(),
            imports.join(", ")
        ),
    ];
    let calls = invoices.len() + imports.len();
    if calls > 0 {
        lines.push(format!(
            "{} {calls} call{} (spread them out, ClubCollect asks):",
            "follow-up:".bold(),
            if calls == 1 { "" } else { "s" }
        ));
        for id in &invoices {
            lines.push(format!("  GET /v2/invoices/{id}"));
        }
        for id in &imports {
            lines.push(format!("  GET /v2/imports/{id}"));
        }
    }
    lines
}

fn receipthero_details(kind: &str, body: &Value) -> Vec<String> {
    let meaning = match kind {
        "receipt_notification" => " (the receipt is ready to fetch)",
        "transaction_notification" => " (a receipt is on its way)",
        "oauth_authorization_revoke" => " (the user revoked the connection)",
        _ => "",
    };
    let mut lines = vec![format!(
        "{} {}{meaning}",
        "type:".bold(),
        escape_controls(kind)
    )];
    lines.extend(
        ["receipt_id", "receipthero_id"]
            .into_iter()
            .filter_map(|field| field_line(body, field)),
    );
    if let Some(merchant) = body.pointer("/data/merchant_name") {
        lines.push(format!("{} {}", "merchant:".bold(), text(merchant)));
    }
    if let Some(metadata) = body.get("partner_metadata") {
        lines.push(format!("{} {metadata}", "partner_metadata:".bold()));
    }
    lines
}

fn document_status_details(body: &Value) -> Vec<String> {
    let mut lines = Vec::new();
    for field in [
        "eventType",
        "documentId",
        "currentStatus",
        "externalStatus",
        "flowDetail",
        "occurredAt",
        "eventId",
    ] {
        let Some(value) = body.get(field) else {
            continue;
        };
        let shown = if field == "currentStatus" {
            colored_status(&text(value))
        } else {
            text(value)
        };
        lines.push(format!("{} {shown}", format!("{field}:").bold()));
    }
    lines
}

/// Success green, failure red, waiting yellow: the status is what a developer looks for.
fn colored_status(status: &str) -> String {
    match status {
        "OK" => status.green().bold().to_string(),
        "ERROR" => status.red().bold().to_string(),
        "DUPLICATED" => status.magenta().to_string(),
        "PENDING_ACTION" | "PROCESSING" | "CREATED" => status.yellow().to_string(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const HEX_ID: &str = "5ed8b53b56de52e69e946930f233b07db6ee4fbb";

    #[test]
    fn clubcollect_batch_and_realtime() {
        let batch = recognize(
            &json!({"api_key": "k", "invoice_ids": [HEX_ID, HEX_ID], "import_ids": [HEX_ID]}),
        );
        assert_eq!(
            (batch.provider, batch.kind.as_str()),
            (Provider::ClubCollect, "batch")
        );
        assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
        let realtime =
            recognize(&json!({"api_key": "k", "invoice_ids": [HEX_ID], "import_ids": []}));
        assert_eq!(realtime.kind, "realtime");
        assert!(realtime.warnings.is_empty());
    }

    #[test]
    fn clubcollect_doc_sample_id_with_non_hex_character_warns() {
        let r = recognize(
            &json!({"api_key": "k", "invoice_ids": ["912ebbcef7c775b0d00dc098cd7e213c6dbf8ci3"], "import_ids": []}),
        );
        assert_eq!(r.warnings.len(), 1);
        assert!(r.warnings[0].contains("8ci3"), "{:?}", r.warnings);
    }

    #[test]
    fn receipthero_documented_samples_have_no_warnings() {
        for kind in RECEIPTHERO_TYPES {
            let mut body = json!({
                "notification_type": kind,
                "receipthero_id": "7350515d-0f15-4663-8430-cf4d7f4057a1",
                "partner_metadata": {"key1": "value1"}
            });
            if kind != "oauth_authorization_revoke" {
                body["receipt_id"] = json!("93d22d66-f4bd-11e8-8eb2-f2801f1b9fd1");
            }
            let r = recognize(&body);
            assert_eq!((r.provider, r.kind.as_str()), (Provider::ReceiptHero, kind));
            assert!(r.warnings.is_empty(), "{kind}: {:?}", r.warnings);
        }
    }

    #[test]
    fn receipthero_bad_id_and_unknown_type_warn() {
        let r = recognize_request(
            &json!({"notification_type": "refund_notification", "receipthero_id": "nope", "receipt_id": "93d22d66-f4bd-11e8-8eb2-f2801f1b9fd1"}),
            Some("Token abc"),
        );
        assert_eq!(r.provider, Provider::ReceiptHero);
        assert_eq!(r.warnings.len(), 2, "{:?}", r.warnings);
    }

    #[test]
    fn document_status_sample_and_broken_one() {
        let sample = json!({
            "eventType": "INVOICE_STATUS_CHANGED", "eventId": "0b6f2a54-34e5-4c1e-9d6a-3a0f1f2b9c11",
            "occurredAt": "2025-04-01T08:00:00+02:00", "documentId": "A-7", "currentStatus": "PENDING_ACTION"
        });
        let r = recognize(&sample);
        assert_eq!(r.provider, Provider::DocumentStatus);
        assert_eq!(r.kind, "INVOICE_STATUS_CHANGED");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let mut broken = sample.clone();
        broken["occurredAt"] = json!("30/03/2025 10:15");
        broken["currentStatus"] = json!("DONE");
        assert_eq!(recognize(&broken).warnings.len(), 2);
    }

    /// What the listener reads from its borrowed parse must be what a `serde_json::Value`
    /// of the same text gives: every fixture, and bodies that break their formats.
    #[test]
    fn a_borrowed_body_reads_as_the_parsed_value_does() {
        let broken = [
            r#"{"api_key": "first", "invoice_ids": [7, null, "abc"], "api_key": "last"}"#,
            r#"{"api_key": {"k": 1}, "import_ids": "x"}"#,
            r#"{"api_key": null, "invoice_ids": ["5ed8b53b56de52e69e946930f233b07db6ee4fbb"]}"#,
            r#"{"api_key": "", "invoice_ids": []}"#,
            r#"{"notification_type": "refund", "receipthero_id": 12, "data": [1]}"#,
            r#"{"eventId": 42, "eventType": "DOCUMENT_STATUS_CHANGED", "occurredAt": [1.5]}"#,
            r#"{"eventId": "e1", "eventType": "X", "currentStatus": "DONE"}"#,
            r#"{"processUniqueId": "p", "simulationUniqueId": "s"}"#,
            r#"[1, 2]"#,
            r#""text""#,
        ];
        let texts = crate::fixtures::all().iter().map(|f| f.text).chain(broken);
        for text in texts {
            let value: Value = serde_json::from_str(text).unwrap();
            let borrowed: serde_json_borrow::Value = serde_json::from_str(text).unwrap();
            for authorization in [None, Some("Token abc"), Some("Bearer abc")] {
                let recognition = recognize_request(&value, authorization);
                assert_eq!(
                    recognize_request(&borrowed, authorization),
                    recognition,
                    "{text}"
                );
                let provider = recognition.provider;
                for provider in [provider, Provider::ClubCollect, Provider::DocumentStatus] {
                    assert_eq!(
                        credential(provider, &borrowed, authorization),
                        credential(provider, &value, authorization),
                        "{text}"
                    );
                    assert_eq!(
                        idempotency_key(provider, &borrowed),
                        idempotency_key(provider, &value),
                        "{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn credentials_by_provider() {
        let cc = json!({"api_key": "secret", "invoice_ids": []});
        assert_eq!(
            credential(Provider::ClubCollect, &cc, None),
            Credential::Presented("secret")
        );
        assert_eq!(
            credential(Provider::ReceiptHero, &cc, Some("token  abc ")),
            Credential::Presented("abc")
        );
        assert_eq!(
            credential(Provider::ReceiptHero, &cc, Some("Bearer abc")),
            Credential::Malformed
        );
        assert_eq!(
            credential(Provider::ReceiptHero, &cc, None),
            Credential::Missing
        );
        assert_eq!(
            credential(Provider::DocumentStatus, &cc, None),
            Credential::Undefined
        );
    }
}
