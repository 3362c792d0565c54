//! The checks `hooks verify` runs, as one ordered table of families. A provider's checks are
//! the table expanded by its definition: one `accepts-<kind>` per kind, the credential
//! checks where it has a credential, `out-of-order` where it names what changed and when.
//! A user's definition gets them the same way.

use serde::Serialize;

use crate::providers::definition::{Definition, KindFrom, Rules};
use crate::signature::Scheme;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// A rule the provider's document states, or a security property: failing it fails the run.
    Required,
    /// Common practice the documents do not state: reported, never fails the run.
    Recommended,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Required => "required",
            Level::Recommended => "recommended",
        }
    }
}

/// What a family's checks send, and what they expect back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Probe {
    Accepts,
    IdempotentRedelivery,
    RejectsWrongCredential,
    RejectsMissingCredential,
    RejectsBadSignature,
    RejectsStaleSignature,
    RejectsMissingSignature,
    AcceptsRotatedSecret,
    RejectsMalformedJson,
    RejectsEmptyBody,
    ToleratesUnknownFields,
    ToleratesUnknownKind,
    OutOfOrder,
    Burst,
    NoRedirect,
}

/// Which definitions a family applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Applies {
    Always,
    /// One check per notification kind.
    PerKind,
    /// The definition says where the credential travels.
    WithCredential,
    /// The definition says how the kind is told (so an unknown one can be made).
    WithKindField,
    /// The definition names an entity and a time (`delivery.order`).
    WithOrder,
    /// Deliveries are signed (`--sign`, or the definition's `[signature]`).
    Signed,
    /// Signed by a scheme that signs a timestamp.
    SignedWithTimestamp,
    /// Signed by a scheme that carries several signatures in one header.
    SignedWithRotation,
}

/// How a family's level is decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grade {
    Always(Level),
    /// Required where the definition quotes the provider's document stating the rule.
    WhereDocumented,
}

/// One row of the table.
pub struct Family {
    /// The check's id; `<kind>` stands for each kind's name.
    pub id: &'static str,
    pub probe: Probe,
    pub description: &'static str,
    /// The rule in our words, for a provider whose document does not state it.
    pub rule: &'static str,
    /// The provider document's words for the rule, where the definition quotes them.
    quote: fn(&Rules) -> Option<&String>,
    grade: Grade,
    applies: Applies,
}

fn no_quote(_: &Rules) -> Option<&String> {
    None
}

/// Every check, in the order they run. `no-redirect` is last: it grades every answer before it.
pub const FAMILIES: &[Family] = &[
    Family {
        id: "accepts-<kind>",
        probe: Probe::Accepts,
        description: "a <kind> notification (its fixture with fresh ids and the right credential) is confirmed within the deadline",
        rule: "A delivery is confirmed by a 2xx answer; anything else is a failed delivery.",
        quote: |rules| rules.confirm.as_ref(),
        grade: Grade::Always(Level::Required),
        applies: Applies::PerKind,
    },
    Family {
        id: "idempotent-redelivery",
        probe: Probe::IdempotentRedelivery,
        description: "the same notification delivered twice (same body, same idempotency key) is confirmed both times",
        rule: "A provider sends a notification again when it is not sure it arrived; the repeat must be confirmed, not failed.",
        quote: |rules| rules.redelivery.as_ref(),
        grade: Grade::WhereDocumented,
        applies: Applies::Always,
    },
    Family {
        id: "rejects-wrong-credential",
        probe: Probe::RejectsWrongCredential,
        description: "a notification with a wrong credential is refused (4xx)",
        rule: "A receiver that does not check the credential accepts anyone's POST.",
        quote: |rules| rules.credential.as_ref(),
        grade: Grade::Always(Level::Required),
        applies: Applies::WithCredential,
    },
    Family {
        id: "rejects-missing-credential",
        probe: Probe::RejectsMissingCredential,
        description: "a notification without its credential is refused (4xx)",
        rule: "A receiver that does not check the credential accepts anyone's POST.",
        quote: |rules| rules.credential.as_ref(),
        grade: Grade::Always(Level::Required),
        applies: Applies::WithCredential,
    },
    Family {
        id: "rejects-bad-signature",
        probe: Probe::RejectsBadSignature,
        description: "a notification signed with another secret is refused (4xx)",
        rule: "A signature is only worth checking against the secret: anyone can sign with their own.",
        quote: no_quote,
        grade: Grade::Always(Level::Required),
        applies: Applies::Signed,
    },
    Family {
        id: "rejects-stale-signature",
        probe: Probe::RejectsStaleSignature,
        description: "a notification signed an hour ago is refused (4xx)",
        rule: "The signed timestamp is checked (Standard Webhooks: within 5 minutes), or a captured request can be replayed for ever.",
        quote: no_quote,
        grade: Grade::Always(Level::Required),
        applies: Applies::SignedWithTimestamp,
    },
    Family {
        id: "rejects-missing-signature",
        probe: Probe::RejectsMissingSignature,
        description: "a notification without its signature headers is refused (4xx)",
        rule: "A receiver that accepts an unsigned request does not check signatures at all.",
        quote: no_quote,
        grade: Grade::Always(Level::Required),
        applies: Applies::Signed,
    },
    Family {
        id: "accepts-rotated-secret",
        probe: Probe::AcceptsRotatedSecret,
        description: "a notification signed with an old secret and the current one, in one header, is confirmed",
        rule: "During a key rotation a sender signs with both secrets; any one signature that verifies is enough.",
        quote: no_quote,
        grade: Grade::Always(Level::Required),
        applies: Applies::SignedWithRotation,
    },
    Family {
        id: "rejects-malformed-json",
        probe: Probe::RejectsMalformedJson,
        description: "a truncated JSON body is refused (4xx), not answered 5xx or with a dropped connection",
        rule: "A receiver faces the network: bad input is answered 4xx, and never crashes it.",
        quote: no_quote,
        grade: Grade::Always(Level::Required),
        applies: Applies::Always,
    },
    Family {
        id: "rejects-empty-body",
        probe: Probe::RejectsEmptyBody,
        description: "an empty body is refused (4xx), not answered 5xx or with a dropped connection",
        rule: "A receiver faces the network: bad input is answered 4xx, and never crashes it.",
        quote: no_quote,
        grade: Grade::Always(Level::Required),
        applies: Applies::Always,
    },
    Family {
        id: "tolerates-unknown-fields",
        probe: Probe::ToleratesUnknownFields,
        description: "a notification with a field the receiver does not know is confirmed",
        rule: "Providers add fields without notice; a receiver ignores what it does not know.",
        quote: no_quote,
        grade: Grade::Always(Level::Recommended),
        applies: Applies::Always,
    },
    Family {
        id: "tolerates-unknown-kind",
        probe: Probe::ToleratesUnknownKind,
        description: "a notification of a kind the receiver does not know is confirmed",
        rule: "Providers add notification types; one the receiver refuses is sent again and again.",
        quote: no_quote,
        grade: Grade::Always(Level::Recommended),
        applies: Applies::WithKindField,
    },
    Family {
        id: "out-of-order",
        probe: Probe::OutOfOrder,
        description: "two changes of one entity delivered newest first are both confirmed",
        rule: "Deliveries and their retries arrive in any order; an older change after a newer one is confirmed (and may be ignored).",
        quote: |rules| rules.order.as_ref(),
        grade: Grade::WhereDocumented,
        applies: Applies::WithOrder,
    },
    Family {
        id: "burst",
        probe: Probe::Burst,
        description: "--burst notifications sent at once are all confirmed within the deadline",
        rule: "Providers deliver in bursts (a backlog after an outage, a round of notifications).",
        quote: no_quote,
        grade: Grade::Always(Level::Recommended),
        applies: Applies::Always,
    },
    Family {
        id: "no-redirect",
        probe: Probe::NoRedirect,
        description: "no answer is a redirect (3xx)",
        rule: "Providers do not follow redirects: a 3xx answer is a failed delivery.",
        quote: no_quote,
        grade: Grade::Always(Level::Required),
        applies: Applies::Always,
    },
];

/// One check as it runs for a provider.
pub struct Check {
    pub id: String,
    pub family: &'static Family,
    /// The kind an `accepts-<kind>` check sends.
    pub kind: Option<String>,
    pub level: Level,
    pub description: String,
    /// The provider document's words where the definition quotes them, else ours.
    pub rule: String,
    pub documented: bool,
}

impl Family {
    /// This family's level and rule for a definition's quotes (none: a user's bare definition).
    fn graded(&self, rules: Option<&Rules>) -> (Level, String, bool) {
        let quote = rules.and_then(|rules| (self.quote)(rules));
        let level = match self.grade {
            Grade::Always(level) => level,
            Grade::WhereDocumented if quote.is_some() => Level::Required,
            Grade::WhereDocumented => Level::Recommended,
        };
        let rule = quote.map_or_else(|| self.rule.to_string(), |quote| format!("\"{quote}\""));
        (level, rule, quote.is_some())
    }

    fn check(&'static self, rules: Option<&Rules>, kind: Option<&str>) -> Check {
        let (level, rule, documented) = self.graded(rules);
        let with_kind =
            |text: &str| kind.map_or_else(|| text.to_string(), |k| text.replace("<kind>", k));
        Check {
            id: with_kind(self.id),
            family: self,
            kind: kind.map(str::to_string),
            level,
            description: with_kind(self.description),
            rule,
            documented,
        }
    }
}

/// The checks for `definition`, in the order they run; `kinds` are its notification kinds,
/// `signed` the scheme deliveries are signed with.
pub fn for_definition(
    definition: &Definition,
    kinds: &[String],
    signed: Option<Scheme>,
) -> Vec<Check> {
    let manifest = &definition.manifest;
    let rules = Some(&manifest.rules);
    let mut checks = Vec::new();
    for family in FAMILIES {
        let applies = match family.applies {
            Applies::Always => true,
            Applies::PerKind => {
                checks.extend(kinds.iter().map(|kind| family.check(rules, Some(kind))));
                false
            }
            Applies::WithCredential => manifest.credential.is_some(),
            Applies::WithKindField => matches!(
                manifest.kind_from,
                Some(KindFrom::Field(_) | KindFrom::Header(_))
            ),
            Applies::WithOrder => manifest.delivery.order.is_some(),
            Applies::Signed => signed.is_some(),
            Applies::SignedWithTimestamp => signed.is_some_and(Scheme::is_timestamped),
            Applies::SignedWithRotation => {
                matches!(signed, Some(Scheme::Standard | Scheme::Stripe))
            }
        };
        if applies {
            checks.push(family.check(rules, None));
        }
    }
    checks
}

/// Every family as a check with no provider's quotes, for `--list-checks` alone.
pub fn generic() -> Vec<Check> {
    FAMILIES
        .iter()
        .map(|family| family.check(None, None))
        .collect()
}

/// Whether `pattern` (an id from `--only`/`--skip`) names `check`: its id, or `accepts`
/// (or `accepts-<kind>`) for every `accepts-<kind>`.
pub fn selects(pattern: &str, check: &Check) -> bool {
    pattern == check.id
        || (check.family.probe == Probe::Accepts
            && (pattern == "accepts" || pattern == check.family.id))
}
