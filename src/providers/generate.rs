//! Making payloads as a provider would send them: fresh identifiers in the formats its
//! definition names, its credential where the definition puts it, and the ids its delivery
//! rule carries from one round into the next.

use serde_json::Value;

use super::Provider;
use super::definition::{CredentialRule, Definition};
use super::pointer::Pointer;

/// Where a provider puts the partner's API key, per its definition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPlacement<'a> {
    /// A body field.
    BodyField(&'a Pointer),
    /// `Authorization: <scheme> KEY`.
    Authorization(&'a str),
}

pub fn key_placement(provider: Provider) -> Option<KeyPlacement<'static>> {
    match provider.definition()?.manifest.credential.as_ref()? {
        CredentialRule::Body { field } => Some(KeyPlacement::BodyField(field)),
        CredentialRule::Authorization { scheme } => Some(KeyPlacement::Authorization(scheme)),
    }
}

/// Gives `body` new identifiers as a new event would carry, per the definition's
/// `[fresh_ids]`: every item of an array renewed. Returns whether anything changed.
pub fn freshen(provider: Provider, body: &mut Value) -> bool {
    let Some(definition) = provider.definition() else {
        return false;
    };
    let mut changed = false;
    for (field, generator) in &definition.manifest.fresh_ids {
        match field.find_mut(body) {
            Some(Value::Array(items)) => items
                .iter_mut()
                .for_each(|item| *item = generator.make().into()),
            Some(slot) => *slot = generator.make().into(),
            None => continue,
        }
        changed = true;
    }
    changed
}

/// The fields whose unconfirmed ids the provider carries into its next round.
pub fn carried_fields(provider: Provider) -> &'static [Pointer] {
    provider
        .definition()
        .map_or(&[], |definition: &Definition| {
            definition.manifest.delivery.carry_unconfirmed.as_slice()
        })
}

/// Whether `status` confirms a delivery of `provider`'s (an exact status, or any 2xx).
pub fn confirms(provider: Provider, status: u16) -> bool {
    match provider
        .definition()
        .and_then(|definition| definition.confirm)
    {
        Some(exact) => status == exact,
        None => (200..300).contains(&status),
    }
}

/// The ids in each carried field of `body`, in the definition's order of fields.
pub fn carried_ids(provider: Provider, body: &Value) -> Vec<Vec<String>> {
    carried_fields(provider)
        .iter()
        .map(|field| {
            field
                .find(body)
                .and_then(Value::as_array)
                .map(|ids| {
                    ids.iter()
                        .filter_map(|id| id.as_str().map(String::from))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

/// Puts `carried` ids unconfirmed in an earlier round in front of the batch's own, once
/// each, as the provider includes them in its next round.
pub fn carry_into(provider: Provider, body: &mut Value, carried: &[Vec<String>]) {
    let own = carried_ids(provider, body);
    for ((field, carried), own) in carried_fields(provider).iter().zip(carried).zip(own) {
        if carried.is_empty() {
            continue;
        }
        let mut ids: Vec<String> = carried.clone();
        ids.extend(own.into_iter().filter(|id| !carried.contains(id)));
        if let Some(slot) = field.find_mut(body) {
            *slot = Value::Array(ids.into_iter().map(Value::String).collect());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn named(name: &str) -> Provider {
        Provider::named(name).unwrap()
    }

    #[test]
    fn hex40_ids_are_40_lowercase_hex() {
        let make = super::super::definition::Generator::Hex40;
        let id = make.make();
        assert_eq!(id.len(), 40);
        assert!(
            id.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        );
        assert_ne!(id, make.make());
    }

    #[test]
    fn freshen_replaces_only_identifiers() {
        let mut body = json!({"eventId": "x", "occurredAt": "y", "documentId": "INV-1"});
        assert!(freshen(named("document-status"), &mut body));
        assert_ne!(body["eventId"], "x");
        assert_ne!(body["occurredAt"], "y");
        assert_eq!(body["documentId"], "INV-1");
        let mut batch = json!({"api_key": "k", "invoice_ids": ["a", "b"], "import_ids": []});
        freshen(named("clubcollect"), &mut batch);
        assert_eq!(batch["api_key"], "k");
        assert_eq!(batch["invoice_ids"].as_array().unwrap().len(), 2);
        assert_eq!(batch["import_ids"], json!([]));
    }

    #[test]
    fn carried_ids_come_first_once() {
        let mut body = json!({"api_key": "k", "invoice_ids": ["b", "c"], "import_ids": []});
        carry_into(
            named("clubcollect"),
            &mut body,
            &[vec!["a".into(), "b".into()], vec!["i".into()]],
        );
        assert_eq!(body["invoice_ids"], json!(["a", "b", "c"]));
        assert_eq!(body["import_ids"], json!(["i"]));
    }
}
