//! Making payloads as a provider would send them: identifiers in each provider's own
//! format and provider authentication (issue 5, `hooks replay`).

use serde_json::Value;

use super::Provider;

/// The body field in which ClubCollect sends the partner's API key.
pub const CLUBCOLLECT_KEY_FIELD: &str = "api_key";
/// ClubCollect's id arrays: what the partner fetches with `GET /v2/invoices/{id}` and
/// `GET /v2/imports/{id}`.
pub const CLUBCOLLECT_ID_FIELDS: [&str; 2] = ["invoice_ids", "import_ids"];

/// Where a provider puts the partner's API key, per its documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyPlacement {
    /// ClubCollect: `api_key` in the JSON body.
    BodyField(&'static str),
    /// ReceiptHero: `Authorization: Token KEY`.
    AuthorizationToken,
}

pub fn key_placement(provider: Provider) -> Option<KeyPlacement> {
    match provider {
        Provider::ClubCollect => Some(KeyPlacement::BodyField(CLUBCOLLECT_KEY_FIELD)),
        Provider::ReceiptHero => Some(KeyPlacement::AuthorizationToken),
        _ => None,
    }
}

/// The `Authorization` header value ReceiptHero sends.
pub fn token_authorization(key: &str) -> String {
    format!("Token {key}")
}

/// A ClubCollect id: 40 lowercase hexadecimal characters (160 random bits).
pub fn clubcollect_id() -> String {
    let a = uuid::Uuid::new_v4();
    let b = uuid::Uuid::new_v4();
    let bytes = a.as_bytes().iter().chain(&b.as_bytes()[..4]);
    bytes.map(|byte| format!("{byte:02x}")).collect()
}

pub fn uuid_v4() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Gives `body` new identifiers in its provider's formats, as a new event would carry:
/// ClubCollect invoice/import ids, ReceiptHero `receipthero_id`/`receipt_id`, document-status
/// `eventId` and `occurredAt` = now, the Callback API's process/simulation id. Returns
/// whether anything changed.
pub fn freshen(provider: Provider, body: &mut Value) -> bool {
    type Make = fn() -> String;
    let fields: &[(&str, Make)] = match provider {
        Provider::ClubCollect => &[
            (CLUBCOLLECT_ID_FIELDS[0], clubcollect_id),
            (CLUBCOLLECT_ID_FIELDS[1], clubcollect_id),
        ],
        Provider::ReceiptHero => &[("receipthero_id", uuid_v4), ("receipt_id", uuid_v4)],
        Provider::DocumentStatus => &[("eventId", uuid_v4), ("occurredAt", crate::timefmt::now)],
        Provider::PartnerCallbacks => &[
            ("processUniqueId", uuid_v4),
            ("simulationUniqueId", uuid_v4),
        ],
        _ => &[],
    };
    let Some(map) = body.as_object_mut() else {
        return false;
    };
    let mut changed = false;
    for (field, make) in fields {
        match map.get_mut(*field) {
            // ClubCollect's arrays: every id renewed, as many as there were.
            Some(Value::Array(items)) => items.iter_mut().for_each(|item| *item = make().into()),
            Some(slot) => *slot = make().into(),
            None => continue,
        }
        changed = true;
    }
    changed
}

/// ClubCollect's invoice and import ids in `body`, in that order of fields.
pub fn clubcollect_ids(body: &Value) -> [Vec<String>; 2] {
    CLUBCOLLECT_ID_FIELDS.map(|field| {
        body.get(field)
            .and_then(Value::as_array)
            .map(|ids| {
                ids.iter()
                    .filter_map(|id| id.as_str().map(String::from))
                    .collect()
            })
            .unwrap_or_default()
    })
}

/// Puts `carried` ids (invoice, import) unconfirmed in an earlier round in front of the
/// batch's own, once each, as ClubCollect includes them in its next round.
pub fn carry_into(body: &mut Value, carried: &[Vec<String>; 2]) {
    let own = clubcollect_ids(body);
    let Some(map) = body.as_object_mut() else {
        return;
    };
    for ((field, carried), own) in CLUBCOLLECT_ID_FIELDS.iter().zip(carried).zip(own) {
        if carried.is_empty() {
            continue;
        }
        let mut ids: Vec<String> = carried.clone();
        ids.extend(own.into_iter().filter(|id| !carried.contains(id)));
        map.insert(
            field.to_string(),
            Value::Array(ids.into_iter().map(Value::String).collect()),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn clubcollect_ids_are_40_lowercase_hex() {
        let id = clubcollect_id();
        assert_eq!(id.len(), 40);
        assert!(
            id.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
        );
        assert_ne!(id, clubcollect_id());
    }

    #[test]
    fn freshen_replaces_only_identifiers() {
        let mut body = json!({"eventId": "x", "occurredAt": "y", "documentId": "INV-1"});
        assert!(freshen(Provider::DocumentStatus, &mut body));
        assert_ne!(body["eventId"], "x");
        assert_ne!(body["occurredAt"], "y");
        assert_eq!(body["documentId"], "INV-1");
        let mut batch = json!({"api_key": "k", "invoice_ids": ["a", "b"], "import_ids": []});
        freshen(Provider::ClubCollect, &mut batch);
        assert_eq!(batch["api_key"], "k");
        assert_eq!(batch["invoice_ids"].as_array().unwrap().len(), 2);
        assert_eq!(batch["import_ids"], json!([]));
    }

    #[test]
    fn carried_ids_come_first_once() {
        let mut body = json!({"api_key": "k", "invoice_ids": ["b", "c"], "import_ids": []});
        carry_into(&mut body, &[vec!["a".into(), "b".into()], vec!["i".into()]]);
        assert_eq!(body["invoice_ids"], json!(["a", "b", "c"]));
        assert_eq!(body["import_ids"], json!(["i"]));
    }
}
