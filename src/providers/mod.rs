//! Providers' notification formats, read from their definitions (`definition.rs`): which
//! provider and kind a payload is, where it breaks its kind's JSON Schema, where its
//! credential lives, and what a developer wants to see of it.

use std::sync::OnceLock;

use std::borrow::Cow;

use serde_json::Value;

use crate::output::{Paint, escape_controls, style};

pub mod command;
pub mod definition;
pub mod folder;
pub mod generate;
pub mod import;
pub mod pointer;

use definition::{CredentialRule, Definition, KindFrom, Rule};

pub(crate) mod embedded {
    include!(concat!(env!("OUT_DIR"), "/fixtures.rs"));
}

/// A provider: an index into the loaded definitions, or `UNKNOWN`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Provider(pub(crate) u16);

impl Provider {
    pub const UNKNOWN: Provider = Provider(u16::MAX);

    /// The provider's definition, none for `UNKNOWN`.
    pub fn definition(self) -> Option<&'static Definition> {
        registry().definitions.get(usize::from(self.0))
    }

    pub fn as_str(self) -> &'static str {
        self.definition()
            .map_or("unknown", |definition| definition.manifest.name.as_str())
    }

    /// Every loaded provider, in the order recognition tries them.
    pub fn all() -> impl Iterator<Item = Provider> {
        (0..registry().definitions.len())
            .filter_map(|index| u16::try_from(index).ok())
            .map(Provider)
    }

    /// The provider called `name`.
    pub fn named(name: &str) -> Option<Provider> {
        registry()
            .definitions
            .iter()
            .position(|definition| definition.manifest.name == name)
            .and_then(|index| u16::try_from(index).ok())
            .map(Provider)
    }
}

/// Every loaded definition, in descending priority (the order recognition tries them).
pub struct Registry {
    pub definitions: Vec<Definition>,
}

static REGISTRY: OnceLock<Registry> = OnceLock::new();

/// The loaded definitions: the built-in ones unless `install` gave others first.
pub fn registry() -> &'static Registry {
    REGISTRY.get_or_init(|| {
        // The built-in definitions are loaded by the tests; they cannot fail here.
        Registry::new(builtin().unwrap_or_default()).unwrap_or(Registry {
            definitions: Vec::new(),
        })
    })
}

/// The definitions embedded in the binary (`fixtures/<name>/`).
pub fn builtin() -> Result<Vec<Definition>, String> {
    embedded::DEFINITIONS
        .iter()
        .map(|&(folder, manifest, schemas)| {
            definition::load(&format!("fixtures/{folder}"), manifest, |path| {
                schemas
                    .iter()
                    .find(|(name, _)| *name == path)
                    .map(|(_, text)| text.to_string())
                    .ok_or_else(|| "no such schema file".to_string())
            })
            .map(|definition| Definition {
                builtin: true,
                ..definition
            })
        })
        .collect()
}

impl Registry {
    /// Orders `definitions` for recognition; two of one name are an error.
    pub fn new(mut definitions: Vec<Definition>) -> Result<Registry, String> {
        definitions.sort_by_key(|definition| std::cmp::Reverse(definition.manifest.priority));
        for (index, definition) in definitions.iter().enumerate() {
            if let Some(earlier) = definitions[..index]
                .iter()
                .find(|earlier| earlier.manifest.name == definition.manifest.name)
            {
                return Err(format!(
                    "{}: provider {:?} is already defined by {}",
                    definition.origin, definition.manifest.name, earlier.origin
                ));
            }
        }
        if definitions.len() >= usize::from(u16::MAX) {
            return Err("too many provider definitions".to_string());
        }
        Ok(Registry { definitions })
    }

    /// Makes `self` the definitions every command reads; false if they were read already.
    pub fn install(self) -> bool {
        REGISTRY.set(self).is_ok()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recognition {
    pub provider: Provider,
    /// The kind the definition decides, "" when unknown.
    pub kind: String,
    /// Where the payload breaks its kind's schema (shown, never rejected).
    pub warnings: Vec<String>,
}

/// Which provider sent `body`, judged by its shape alone.
pub fn recognize(body: &Value) -> Recognition {
    recognize_request(body, |_| None)
}

/// Which provider sent `body`, judged by its shape and the request's headers (`header`
/// gives a header's value by its lowercase name).
pub fn recognize_request<'h>(
    body: &Value,
    header: impl Fn(&str) -> Option<&'h str>,
) -> Recognition {
    registry().recognize(body, header)
}

impl Registry {
    /// The first definition, in descending priority, that claims `body`.
    pub fn recognize<'h>(
        &self,
        body: &Value,
        header: impl Fn(&str) -> Option<&'h str>,
    ) -> Recognition {
        for (index, definition) in self.definitions.iter().enumerate() {
            if let Some(kind) = recognized_kind(definition, body, &header) {
                return Recognition {
                    provider: Provider(index as u16),
                    warnings: warnings(definition, kind, body),
                    kind: kind.to_string(),
                };
            }
        }
        Recognition {
            provider: Provider::UNKNOWN,
            kind: String::new(),
            warnings: Vec::new(),
        }
    }
}

/// Whether `definition` claims `body` sent with `headers`.
pub fn claims(definition: &Definition, body: &Value, headers: &[(String, String)]) -> bool {
    recognized_kind(definition, body, &|name: &str| header_in(headers, name)).is_some()
}

/// The value of header `name` (any case) among `headers`.
pub fn header_in<'h>(headers: &'h [(String, String)], name: &str) -> Option<&'h str> {
    headers
        .iter()
        .find(|(given, _)| given.eq_ignore_ascii_case(name))
        .map(|(_, value)| value.as_str())
}

/// The headers a provider's fixture is sent with (`[fixture_headers]`).
pub fn fixture_headers(provider: &str, fixture: &str) -> Vec<(String, String)> {
    Provider::named(provider)
        .and_then(Provider::definition)
        .and_then(|definition| definition.manifest.fixture_headers.get(fixture))
        .map(|headers| {
            headers
                .iter()
                .map(|(name, value)| (name.clone(), value.clone()))
                .collect()
        })
        .unwrap_or_default()
}

fn holds<'h>(rule: &Rule, body: &Value, header: &impl Fn(&str) -> Option<&'h str>) -> bool {
    rule.fields.iter().all(|field| field.find(body).is_some())
        && (rule.any_fields.is_empty()
            || rule
                .any_fields
                .iter()
                .any(|field| field.find(body).is_some()))
        && rule
            .header
            .as_deref()
            .is_none_or(|name| header(name).is_some())
        && rule.values.iter().all(|(field, allowed)| {
            field
                .find(body)
                .and_then(Value::as_str)
                .is_some_and(|value| allowed.iter().any(|a| a == value))
        })
        && rule.authorization_scheme.as_deref().is_none_or(|scheme| {
            header("authorization").is_some_and(|value| scheme_credential(value, scheme).is_some())
        })
        && (rule.any.is_empty() || rule.any.iter().any(|rule| holds(rule, body, header)))
}

/// The payload's kind if it is `definition`'s.
fn recognized_kind<'b, 'h>(
    definition: &'b Definition,
    body: &'b Value,
    header: &impl Fn(&str) -> Option<&'h str>,
) -> Option<&'b str>
where
    'h: 'b,
{
    let manifest = &definition.manifest;
    if !holds(&manifest.recognize, body, header) {
        return None;
    }
    match &manifest.kind_from {
        Some(KindFrom::Field(field)) => field.find(body).and_then(Value::as_str),
        Some(KindFrom::Header(name)) => header(name),
        None => manifest
            .kinds
            .iter()
            .find(|kind| {
                kind.when.as_ref().is_none_or(|when| {
                    when.len.iter().all(|(field, len)| {
                        field
                            .find(body)
                            .and_then(Value::as_array)
                            .map_or(0, Vec::len)
                            == *len
                    })
                })
            })
            .map(|kind| kind.name.as_str()),
    }
}

/// Where `body` breaks its kind's schema, each warning naming the field path.
fn warnings(definition: &Definition, kind: &str, body: &Value) -> Vec<String> {
    let Some(index) = definition
        .manifest
        .kinds
        .iter()
        .position(|k| k.name == kind)
    else {
        let names: Vec<&str> = definition.kinds.iter().map(|k| k.name.as_str()).collect();
        let place = match &definition.manifest.kind_from {
            Some(KindFrom::Header(name)) => format!("header {name}"),
            Some(KindFrom::Field(field)) => field_name(field.as_str()).to_string(),
            None => "kind".to_string(),
        };
        return vec![format!(
            "{place} {} is not one of {}",
            Value::from(kind),
            names.join(", ")
        )];
    };
    let Some(validator) = &definition.kinds[index].validator else {
        return Vec::new();
    };
    if validator.is_valid(body) {
        return Vec::new();
    }
    validator.iter_errors(body).map(|e| warning(&e)).collect()
}

/// A pointer as a warning names it: `invoice_ids/0`, the whole body as `body`.
fn field_name(pointer: &str) -> &str {
    match pointer.trim_start_matches('/') {
        "" => "body",
        name => name,
    }
}

fn warning(error: &jsonschema::ValidationError) -> String {
    use jsonschema::error::ValidationErrorKind as Kind;
    let path = field_name(error.instance_path().as_str());
    let value = error.instance().to_string();
    let what = match error.kind() {
        Kind::Required { property } => {
            let property = property.as_str().unwrap_or_default();
            return match path {
                "body" => format!("{property} is missing"),
                _ => format!("{path}/{property} is missing"),
            };
        }
        Kind::Format { format } => match format.as_str() {
            "uuid" => "is not a UUID".to_string(),
            "date-time" => "is not an ISO 8601 (RFC 3339) timestamp".to_string(),
            other => format!("is not a {other}"),
        },
        Kind::Enum { options } => format!(
            "is not one of {}",
            options
                .as_array()
                .map(|options| options
                    .iter()
                    .map(|o| o.as_str().map_or_else(|| o.to_string(), str::to_string))
                    .collect::<Vec<_>>()
                    .join(", "))
                .unwrap_or_default()
        ),
        Kind::Constant { expected_value } => format!("is not {expected_value}"),
        // `not: {required: [a, b]}`: fields that must not come together.
        Kind::Not { schema } if schema.get("required").is_some_and(Value::is_array) => {
            let fields: Vec<&str> = schema["required"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
                .collect();
            return format!(
                "{path} holds {} together; the schema allows at most one",
                fields.join(" and ")
            );
        }
        _ => {
            let message = error.to_string();
            return format!(
                "{path} {value} {}",
                message.replacen(&value, "", 1).trim_start()
            );
        }
    };
    format!("{path} {value} {what}")
}

/// The credential of an `Authorization` header value, if it uses `scheme`.
fn scheme_credential<'a>(authorization: &'a str, scheme: &str) -> Option<&'a str> {
    let (given, credential) = authorization.trim().split_once(' ')?;
    given
        .eq_ignore_ascii_case(scheme)
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

/// The credential the definition places in a body field or the `Authorization` header.
pub fn credential<'a>(
    provider: Provider,
    body: &'a Value,
    authorization: Option<&'a str>,
) -> Credential<'a> {
    let rule = provider
        .definition()
        .and_then(|definition| definition.manifest.credential.as_ref());
    match rule {
        None => Credential::Undefined,
        Some(CredentialRule::Body { field }) => match field.find(body) {
            None => Credential::Missing,
            Some(key) if key.is_null() => Credential::Missing,
            Some(key) => match key.as_str() {
                Some("") => Credential::Missing,
                Some(key) => Credential::Presented(key),
                None => Credential::Malformed,
            },
        },
        Some(CredentialRule::Authorization { scheme }) => match authorization {
            None => Credential::Missing,
            Some(value) => scheme_credential(value, scheme)
                .map_or(Credential::Malformed, Credential::Presented),
        },
    }
}

/// Where a provider's credential travels, for messages.
pub fn credential_place(provider: Provider) -> String {
    let rule = provider
        .definition()
        .and_then(|definition| definition.manifest.credential.as_ref());
    match rule {
        Some(CredentialRule::Body { field }) => format!("body's {}", field_name(field.as_str())),
        Some(CredentialRule::Authorization { scheme }) => {
            format!("Authorization: {scheme} header")
        }
        None => "key".to_string(),
    }
}

/// The id under which a provider redelivers the same event (its `idempotency_key`).
pub fn idempotency_key(provider: Provider, body: &Value) -> Option<String> {
    let field = provider.definition()?.manifest.idempotency_key.as_ref()?;
    match field.find(body) {
        None => None,
        Some(id) if id.is_null() => None,
        Some(id) => Some(id.as_str().map_or_else(|| id.to_string(), str::to_string)),
    }
}

/// One line of what matters in a notification, as its definition's `[[summary]]` and
/// `[[follow_up]]` entries pick it out of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detail {
    /// `label: value`, in the colour the definition gives that value.
    Value {
        label: &'static str,
        value: String,
        color: Option<&'static str>,
    },
    /// `label (n): a, b, c`.
    List {
        label: &'static str,
        items: Vec<String>,
    },
    /// The calls a developer makes next, with the definition's note on them.
    FollowUps {
        calls: Vec<String>,
        note: &'static str,
    },
}

/// What `provider`'s definition says matters in `body`: its summary lines, then its
/// follow-up calls. Made when a notification is shown, not when it is answered: they are most
/// of the work a definition does on a body, and `--json` output has no place for them.
pub fn summary(provider: Provider, body: &Value) -> Vec<Detail> {
    let Some(definition) = provider.definition() else {
        return Vec::new();
    };
    let manifest = &definition.manifest;
    let mut details = Vec::new();
    for summary in &manifest.summary {
        let Some(value) = summary.field.find(body) else {
            continue;
        };
        details.push(match value {
            Value::Array(items) => Detail::List {
                label: &summary.label,
                items: items.iter().map(text).collect(),
            },
            other => {
                let value = text(other);
                Detail::Value {
                    label: &summary.label,
                    color: summary.colors.get(&value).map(String::as_str),
                    value,
                }
            }
        });
    }
    let mut calls = Vec::new();
    let mut note = "";
    for follow_up in &manifest.follow_up {
        let ids: Vec<String> = match follow_up.field.find(body) {
            Some(Value::Array(items)) => items.iter().map(text).collect(),
            Some(Value::Null) | None => Vec::new(),
            Some(other) => vec![text(other)],
        };
        if !ids.is_empty() && note.is_empty() {
            note = &follow_up.note;
        }
        calls.extend(ids.iter().map(|id| follow_up.call.replace("{id}", id)));
    }
    if !calls.is_empty() {
        details.push(Detail::FollowUps { calls, note });
    }
    details
}

/// Details as human lines, painted for their stream; `shown` masks what must not be shown.
pub fn render_details<'d>(
    details: &'d [Detail],
    paint: Paint,
    shown: impl Fn(&'d str) -> Cow<'d, str>,
) -> Vec<String> {
    let mut lines = Vec::new();
    for detail in details {
        match detail {
            Detail::Value {
                label,
                value,
                color,
            } => {
                let value = shown(value);
                let value = match color {
                    Some(color) => paint.paint(value, style::named(color)),
                    None => value.into_owned(),
                };
                lines.push(format!(
                    "{} {value}",
                    paint.paint(format_args!("{label}:"), style::LABEL)
                ));
            }
            Detail::List { label, items } => lines.push(format!(
                "{} ({}): {}",
                paint.paint(label, style::LABEL),
                items.len(),
                items
                    .iter()
                    .map(|item| shown(item))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            Detail::FollowUps { calls, note } => {
                lines.push(format!(
                    "{} {} call{}{}:",
                    paint.paint("follow-up:", style::LABEL),
                    calls.len(),
                    if calls.len() == 1 { "" } else { "s" },
                    if note.is_empty() {
                        String::new()
                    } else {
                        format!(" ({note})")
                    }
                ));
                lines.extend(calls.iter().map(|call| format!("  {}", shown(call))));
            }
        }
    }
    lines
}

/// A field's value for a human line: strings unquoted, control characters escaped.
fn text(value: &Value) -> String {
    match value {
        Value::String(text) => escape_controls(text),
        other => other.to_string(),
    }
}

/// Everything a request's provider definition says of it, found in one pass over the body:
/// what the listener answers, prints, records and marks as a redelivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inspection<'a> {
    pub provider: Provider,
    /// The kind the definition decides, "" when unknown.
    pub kind: String,
    /// Where the body breaks its kind's schema (shown, never rejected).
    pub warnings: Vec<String>,
    pub credential: Credential<'a>,
    /// The credential travels in a body field, so it is masked wherever the body shows it,
    /// whatever the field is called.
    pub credential_in_body: bool,
    /// The id under which the provider redelivers the same event.
    pub idempotency_key: Option<String>,
}

/// Inspects a request: `header` gives a header's value by its lowercase name.
pub fn inspect<'a>(body: &'a Value, header: impl Fn(&str) -> Option<&'a str>) -> Inspection<'a> {
    let Recognition {
        provider,
        kind,
        warnings,
    } = registry().recognize(body, &header);
    let Some(definition) = provider.definition() else {
        return Inspection {
            provider,
            kind,
            warnings,
            credential: Credential::Undefined,
            credential_in_body: false,
            idempotency_key: None,
        };
    };
    Inspection {
        credential: credential(provider, body, header("authorization")),
        credential_in_body: matches!(
            definition.manifest.credential,
            Some(CredentialRule::Body { .. })
        ),
        idempotency_key: idempotency_key(provider, body),
        provider,
        kind,
        warnings,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const HEX_ID: &str = "5ed8b53b56de52e69e946930f233b07db6ee4fbb";

    fn named(name: &str) -> Provider {
        Provider::named(name).unwrap()
    }

    fn with_authorization(body: &Value, authorization: Option<&'static str>) -> Recognition {
        recognize_request(body, |name| {
            authorization.filter(|_| name == "authorization")
        })
    }

    #[test]
    fn the_built_in_definitions_load() {
        let definitions = builtin().unwrap();
        assert_eq!(definitions.len(), 4);
        assert_eq!(registry().definitions.len(), 4);
    }

    #[test]
    fn batch_and_realtime_by_array_lengths() {
        let batch = recognize(
            &json!({"api_key": "k", "invoice_ids": [HEX_ID, HEX_ID], "import_ids": [HEX_ID]}),
        );
        assert_eq!(
            (batch.provider, batch.kind.as_str()),
            (named("clubcollect"), "batch")
        );
        assert!(batch.warnings.is_empty(), "{:?}", batch.warnings);
        let realtime =
            recognize(&json!({"api_key": "k", "invoice_ids": [HEX_ID], "import_ids": []}));
        assert_eq!(realtime.kind, "realtime");
        assert!(realtime.warnings.is_empty());
    }

    /// The document never says its ids are hexadecimal, and its own sample is not.
    #[test]
    fn the_documented_sample_id_with_a_non_hex_character_is_no_warning() {
        let r = recognize(
            &json!({"api_key": "k", "invoice_ids": ["912ebbcef7c775b0d00dc098cd7e213c6dbf8ci3"], "import_ids": []}),
        );
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    #[test]
    fn a_warning_names_the_field_path() {
        let r = recognize(&json!({"api_key": "k", "invoice_ids": [HEX_ID, 7], "import_ids": []}));
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
        assert!(
            r.warnings[0].starts_with("invoice_ids/1 7 "),
            "{:?}",
            r.warnings
        );
    }

    #[test]
    fn token_documented_samples_have_no_warnings() {
        for kind in [
            "receipt_notification",
            "transaction_notification",
            "oauth_authorization_revoke",
        ] {
            let mut body = json!({
                "notification_type": kind,
                "receipthero_id": "7350515d-0f15-4663-8430-cf4d7f4057a1",
                "partner_metadata": {"key1": "value1"}
            });
            if kind != "oauth_authorization_revoke" {
                body["receipt_id"] = json!("93d22d66-f4bd-11e8-8eb2-f2801f1b9fd1");
            }
            let r = recognize(&body);
            assert_eq!((r.provider, r.kind.as_str()), (named("receipthero"), kind));
            assert!(r.warnings.is_empty(), "{kind}: {:?}", r.warnings);
        }
    }

    #[test]
    fn a_bad_id_and_an_undocumented_type_warn() {
        let r = with_authorization(
            &json!({"notification_type": "refund_notification", "receipthero_id": "nope", "receipt_id": "93d22d66-f4bd-11e8-8eb2-f2801f1b9fd1"}),
            Some("Token abc"),
        );
        assert_eq!(r.provider, named("receipthero"));
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
        assert!(
            r.warnings[0].contains("notification_type"),
            "{:?}",
            r.warnings
        );
        let r = recognize(
            &json!({"notification_type": "receipt_notification", "receipthero_id": "nope", "receipt_id": "93d22d66-f4bd-11e8-8eb2-f2801f1b9fd1"}),
        );
        assert_eq!(r.warnings, ["receipthero_id \"nope\" is not a UUID"]);
    }

    #[test]
    fn event_sample_and_broken_one() {
        let sample = json!({
            "eventType": "INVOICE_STATUS_CHANGED", "eventId": "0b6f2a54-34e5-4c1e-9d6a-3a0f1f2b9c11",
            "occurredAt": "2025-04-01T08:00:00+02:00", "documentId": "A-7", "currentStatus": "PENDING_ACTION"
        });
        let r = recognize(&sample);
        assert_eq!(r.provider, named("document-status"));
        assert_eq!(r.kind, "INVOICE_STATUS_CHANGED");
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
        let mut broken = sample.clone();
        broken["occurredAt"] = json!("30/03/2025 10:15");
        broken["currentStatus"] = json!("DONE");
        assert_eq!(recognize(&broken).warnings.len(), 2);
    }

    #[test]
    fn both_echo_ids_warn() {
        let r = recognize(&json!({"processUniqueId": "p", "simulationUniqueId": "s"}));
        assert_eq!(r.provider, named("partner-callbacks"));
        assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
        assert_eq!(
            r.warnings[0],
            "body holds processUniqueId and simulationUniqueId together; the schema allows at \
             most one"
        );
        let r = recognize(&json!({"processUniqueId": "p", "simulationUniqueId": null}));
        assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    }

    /// One inspection answers every question the listener asks of a request.
    #[test]
    fn one_inspection_holds_provider_kind_credential_and_key() {
        let body = json!({"api_key": "secret", "invoice_ids": [HEX_ID], "import_ids": []});
        let inspection = inspect(&body, |_| None);
        assert_eq!(inspection.provider, named("clubcollect"));
        assert_eq!(inspection.kind, "realtime");
        assert_eq!(inspection.credential, Credential::Presented("secret"));
        assert!(inspection.credential_in_body);
        assert_eq!(
            summary(inspection.provider, &body),
            vec![
                Detail::List {
                    label: "invoices",
                    items: vec![HEX_ID.to_string()]
                },
                Detail::List {
                    label: "imports",
                    items: Vec::new()
                },
                Detail::FollowUps {
                    calls: vec![format!("GET /v2/invoices/{HEX_ID}")],
                    note: "spread them out, ClubCollect asks"
                },
            ]
        );
        let body = json!({"eventId": "f47ac10b-58cc-4372-a567-0e02b2c3d479",
            "eventType": "DOCUMENT_STATUS_CHANGED", "occurredAt": "2025-03-30T10:15:00Z",
            "documentId": "INV-1", "currentStatus": "OK"});
        let inspection = inspect(&body, |_| None);
        assert_eq!(inspection.provider, named("document-status"));
        assert_eq!(
            inspection.idempotency_key.as_deref(),
            Some("f47ac10b-58cc-4372-a567-0e02b2c3d479")
        );
        assert_eq!(inspection.credential, Credential::Undefined);
        let token = json!({"notification_type": "receipt_notification"});
        let inspection = inspect(&token, |name| {
            (name == "authorization").then_some("Token abc")
        });
        assert_eq!(inspection.credential, Credential::Presented("abc"));
        assert!(!inspection.credential_in_body);
        let body = json!({"x": 1});
        let unknown = inspect(&body, |_| None);
        assert_eq!(unknown.provider, Provider::UNKNOWN);
        assert!(summary(unknown.provider, &body).is_empty());
    }

    #[test]
    fn credentials_by_definition() {
        let body = json!({"api_key": "secret", "invoice_ids": []});
        assert_eq!(
            credential(named("clubcollect"), &body, None),
            Credential::Presented("secret")
        );
        let token = named("receipthero");
        assert_eq!(
            credential(token, &body, Some("token  abc ")),
            Credential::Presented("abc")
        );
        assert_eq!(
            credential(token, &body, Some("Bearer abc")),
            Credential::Malformed
        );
        assert_eq!(credential(token, &body, None), Credential::Missing);
        assert_eq!(
            credential(named("document-status"), &body, None),
            Credential::Undefined
        );
    }
}
