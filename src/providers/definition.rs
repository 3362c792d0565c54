//! A provider definition: a folder holding `provider.toml` (the manifest), a JSON Schema per
//! notification kind in `schemas/`, and fixtures. The manifest's format is described in
//! README.md ("Writing a provider definition"); unknown keys are errors, so that a typo is
//! caught with the file named.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_json::Value;

use super::pointer::Pointer;
use crate::signature::Scheme;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    pub name: String,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    /// Providers are tried in descending priority.
    pub priority: i64,
    pub recognize: Rule,
    pub kind_from: Option<KindFrom>,
    #[serde(default)]
    pub kinds: Vec<KindManifest>,
    pub credential: Option<CredentialRule>,
    /// How the provider signs its deliveries (`replay` signs them so).
    pub signature: Option<SignatureRule>,
    pub idempotency_key: Option<Pointer>,
    #[serde(default)]
    pub summary: Vec<SummaryLine>,
    #[serde(default)]
    pub follow_up: Vec<FollowUp>,
    #[serde(default)]
    pub fresh_ids: BTreeMap<Pointer, Generator>,
    #[serde(default)]
    pub delivery: DeliveryRule,
    /// Fixture name (the file name without `.json`) → description for `fixtures list`.
    #[serde(default)]
    pub fixtures: BTreeMap<String, String>,
    /// Fixture name → the request headers it is sent with (a header-recognised provider's).
    #[serde(default)]
    pub fixture_headers: BTreeMap<String, BTreeMap<String, String>>,
    /// The provider document's own words for the rules `hooks verify` grades a receiver by.
    #[serde(default)]
    pub rules: Rules,
}

/// Quotes from the provider's document, one per rule it states. A rule quoted here is a
/// documented rule (`hooks verify` makes its check required); one left out is common
/// practice the document does not state.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    /// What confirms a delivery.
    pub confirm: Option<String>,
    /// That a delivery is sent again, and under which key.
    pub redelivery: Option<String>,
    /// Why the receiver checks the credential.
    pub credential: Option<String>,
    /// That deliveries may arrive out of order.
    pub order: Option<String>,
}

/// Conditions that must all hold for a payload to be this provider's.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// JSON pointers that must all be present.
    #[serde(default)]
    pub fields: Vec<Pointer>,
    /// JSON pointers of which at least one must be present.
    #[serde(default)]
    pub any_fields: Vec<Pointer>,
    /// A request header that must be present (any case).
    pub header: Option<String>,
    /// Fields whose string value must be one of the listed.
    #[serde(default)]
    pub values: BTreeMap<Pointer, Vec<String>>,
    /// The `Authorization` header uses this scheme.
    pub authorization_scheme: Option<String>,
    /// Alternatives: when given, at least one must hold as well.
    #[serde(default)]
    pub any: Vec<Rule>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum KindFrom {
    /// The string value of this JSON pointer.
    Field(Pointer),
    /// The value of this request header.
    Header(String),
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindManifest {
    pub name: String,
    /// Path of the kind's JSON Schema, below the definition's folder.
    pub schema: Option<String>,
    #[serde(default)]
    pub description: String,
    /// Without `kind_from`: the first kind whose `when` holds is the payload's.
    pub when: Option<When>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct When {
    /// Array lengths (a missing or non-array field counts 0).
    #[serde(default)]
    pub len: BTreeMap<Pointer, usize>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, tag = "place", rename_all = "lowercase")]
pub enum CredentialRule {
    /// A body field holds the key.
    Body { field: Pointer },
    /// `Authorization: <scheme> <key>`.
    Authorization { scheme: String },
}

/// The signing scheme a provider uses, and where its secret is found.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignatureRule {
    pub scheme: Scheme,
    /// The environment variable holding the secret, when `--signing-secret` is not given.
    pub secret_env: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SummaryLine {
    pub label: String,
    pub field: Pointer,
    /// A status value → its colour (green, red, yellow, magenta, blue, cyan).
    #[serde(default)]
    pub colors: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FollowUp {
    /// A string or an array of strings: one call per value.
    pub field: Pointer,
    /// The call, `{id}` standing for the value.
    pub call: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Generator {
    Uuid,
    Hex40,
    Now,
}

impl Generator {
    pub fn make(self) -> String {
        match self {
            Generator::Uuid => uuid::Uuid::new_v4().to_string(),
            Generator::Hex40 => hex40(),
            Generator::Now => crate::timefmt::now(),
        }
    }
}

/// 40 lowercase hexadecimal characters (160 random bits).
fn hex40() -> String {
    let a = uuid::Uuid::new_v4();
    let b = uuid::Uuid::new_v4();
    let bytes = a.as_bytes().iter().chain(&b.as_bytes()[..4]);
    bytes.map(|byte| format!("{byte:02x}")).collect()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DeliveryRule {
    /// "2xx" (the default) or one exact status such as "200".
    pub confirm: Option<String>,
    /// With `replay --rounds`: ids in these fields not confirmed go into the next round.
    #[serde(default)]
    pub carry_unconfirmed: Vec<Pointer>,
    /// Deliveries may arrive out of order: successive changes of one entity.
    pub order: Option<Order>,
}

/// Where a notification names what changed and when, so that two changes of one entity can
/// be made and sent newest first.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// The entity's id.
    pub entity: Pointer,
    /// When it changed, RFC 3339.
    pub time: Pointer,
}

/// A notification kind with its compiled schema (`manifest.kinds[i]` is `kinds[i]`).
pub struct Kind {
    pub name: String,
    pub description: String,
    pub validator: Option<jsonschema::Validator>,
}

/// A loaded definition: the manifest with every schema compiled once.
pub struct Definition {
    pub manifest: Manifest,
    pub kinds: Vec<Kind>,
    /// The exact status that confirms a delivery; `None`: any 2xx.
    pub confirm: Option<u16>,
    /// Where the definition came from, for messages.
    pub origin: String,
    /// A folder's fixtures as (name, JSON text); the built-in ones are embedded apart.
    pub fixtures: Vec<(String, String)>,
    /// Embedded in the binary (its fixtures are `fixtures::all()`'s).
    pub builtin: bool,
}

/// Reads a definition from its manifest text and a way to read its schema files.
pub fn load(
    origin: &str,
    manifest_text: &str,
    schema: impl Fn(&str) -> Result<String, String>,
) -> Result<Definition, String> {
    let manifest: Manifest = toml::from_str(manifest_text)
        .map_err(|e| format!("{origin}/provider.toml: {}", e.to_string().trim_end()))?;
    let file = format!("{origin}/provider.toml");
    let name_ok = !manifest.name.is_empty()
        && manifest
            .name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !name_ok {
        return Err(format!(
            "{file}: name {:?} is not lowercase letters, digits and hyphens",
            manifest.name
        ));
    }
    if let Some(rule) = &manifest.signature
        && rule
            .secret_env
            .as_deref()
            .is_some_and(|name| name.trim().is_empty())
    {
        return Err(format!(
            "{file}: signature.secret_env is empty; name a variable or leave it out"
        ));
    }
    if manifest.kinds.is_empty() && manifest.kind_from.is_none() {
        return Err(format!("{file}: no [[kinds]] and no kind_from"));
    }
    let confirm = match manifest.delivery.confirm.as_deref() {
        None | Some("2xx") => None,
        Some(text) => Some(
            text.parse::<u16>()
                .ok()
                .filter(|status| (100..600).contains(status))
                .ok_or_else(|| {
                    format!("{file}: delivery.confirm {text:?} is neither \"2xx\" nor a status")
                })?,
        ),
    };
    let mut kinds = Vec::new();
    for kind in &manifest.kinds {
        let validator = match &kind.schema {
            None => None,
            Some(path) => {
                let where_ = format!("{origin}/{path}");
                let text = schema(path).map_err(|e| format!("{where_}: {e}"))?;
                let value: Value =
                    serde_json::from_str(&text).map_err(|e| format!("{where_}: not JSON: {e}"))?;
                let validator = jsonschema::draft202012::options()
                    .should_validate_formats(true)
                    .build(&value)
                    .map_err(|e| format!("{where_}: the schema does not compile: {e}"))?;
                Some(validator)
            }
        };
        kinds.push(Kind {
            name: kind.name.clone(),
            description: kind.description.clone(),
            validator,
        });
    }
    Ok(Definition {
        manifest,
        kinds,
        confirm,
        origin: file,
        fixtures: Vec::new(),
        builtin: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A field named without its leading `/` would be a rule that never matches.
    #[test]
    fn a_field_that_is_not_a_pointer_is_refused_naming_the_file() {
        let manifest = r#"
            name = "partner"
            priority = 1
            kind_from = { header = "x-kind" }

            [recognize]
            fields = ["api_key"]
        "#;
        let error = load("providers/partner", manifest, |_| Err("no schemas".into()))
            .err()
            .unwrap();
        assert!(
            error.starts_with("providers/partner/provider.toml: "),
            "{error}"
        );
        assert!(
            error.contains("`api_key` is not a JSON pointer: it must be empty or start with `/`"),
            "{error}"
        );
        let fixed = manifest.replace("\"api_key\"", "\"/api_key\"");
        assert!(load("providers/partner", &fixed, |_| Err("no schemas".into())).is_ok());
    }
}
