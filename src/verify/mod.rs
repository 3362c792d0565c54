//! `hooks verify URL --provider NAME`: sends a receiver what its provider would (and what an
//! attacker or a broken network would), grades each answer by the provider's rules, and
//! reports a table, one JSON document, or JUnit XML for CI.

mod checks;
mod report;
mod send;

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use bytes::Bytes;
use futures_util::future::join_all;
use serde_json::Value;

use crate::cli::VerifyArgs;
use crate::client::parse_header_flags;
use crate::config::parse_http_url;
use crate::error::{Error, Result};
use crate::fixtures::{self, Fixture};
use crate::listen::record::RecordFile;
use crate::output::{Output, counted};
use crate::providers::definition::{Definition, KindFrom};
use crate::providers::generate::{KeyPlacement, confirms, freshen, key_placement};
use crate::providers::pointer::Pointer;
use crate::providers::{Provider, credential_place, fixture_headers};
use crate::signals;
use crate::signature::{Key, Scheme, signing_key};
use crate::timefmt;
use checks::{Check, Probe};
use send::{Answer, Exchange, Request, Sender, Sending, Signing};

/// The field `tolerates-unknown-fields` adds, and the kind `tolerates-unknown-kind` sends.
const UNKNOWN_FIELD: &str = "hooks_verify_unknown_field";
const UNKNOWN_KIND: &str = "hooks_verify_unknown_kind";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Passed,
    Failed,
    Skipped,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Passed => "passed",
            Verdict::Failed => "failed",
            Verdict::Skipped => "skipped",
        }
    }
}

/// How one check went: the verdict, why (what the receiver should do instead, or why it
/// was skipped), and every exchange it made.
pub struct Outcome {
    pub verdict: Verdict,
    pub message: String,
    pub exchanges: Vec<Exchange>,
    /// The status that decided the verdict: the first failing exchange's, else the last's.
    pub status: Option<u16>,
    /// How long the check took, all its exchanges together.
    pub elapsed: Duration,
}

impl Outcome {
    fn skipped(why: impl Into<String>) -> Outcome {
        Outcome {
            verdict: Verdict::Skipped,
            message: why.into(),
            exchanges: Vec::new(),
            status: None,
            elapsed: Duration::ZERO,
        }
    }

    /// Passed when `grade` finds nothing wrong with any exchange, else failed with its word.
    fn graded(
        exchanges: Vec<Exchange>,
        grade: impl Fn(usize, &Exchange) -> Option<String>,
    ) -> Outcome {
        let failure = exchanges
            .iter()
            .enumerate()
            .find_map(|(at, exchange)| Some((at, grade(at, exchange)?)));
        let (verdict, deciding, message) = match failure {
            Some((at, message)) => (Verdict::Failed, exchanges.get(at), message),
            None => (Verdict::Passed, exchanges.last(), String::new()),
        };
        Outcome {
            verdict,
            message,
            status: deciding.and_then(Exchange::status),
            exchanges,
            elapsed: Duration::ZERO,
        }
    }

    pub fn latency(&self) -> Option<Duration> {
        self.exchanges.iter().map(|exchange| exchange.latency).max()
    }
}

/// The provider and the notifications verify makes from its definition.
pub struct Subject {
    pub provider: Provider,
    definition: &'static Definition,
    /// Each kind with the fixture its notifications are made from (None: it has none).
    kinds: Vec<(String, Option<&'static Fixture>)>,
    api_key: Option<String>,
    burst: u64,
    deadline: Duration,
}

/// Which credential a notification carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presented {
    Right,
    Wrong,
    Missing,
}

impl Subject {
    fn new(name: &str, api_key: Option<String>, burst: u64, deadline: Duration) -> Result<Subject> {
        let provider = Provider::named(name).ok_or_else(|| {
            let names: Vec<&str> = crate::providers::registry()
                .definitions
                .iter()
                .map(|d| d.manifest.name.as_str())
                .collect();
            Error::usage(format!(
                "--provider {name}: no such provider; known: {}",
                names.join(", ")
            ))
        })?;
        let definition = provider
            .definition()
            .ok_or_else(|| Error::usage(format!("--provider {name}: it has no definition")))?;
        let fixtures: Vec<&'static Fixture> = fixtures::select(name);
        let mut kinds: Vec<String> = definition.kinds.iter().map(|k| k.name.clone()).collect();
        for fixture in &fixtures {
            let kind = fixture.kind();
            if !kind.is_empty() && !kinds.contains(&kind) {
                kinds.push(kind);
            }
        }
        let kinds = kinds
            .into_iter()
            .map(|kind| {
                let fixture = fixtures.iter().copied().find(|f| f.kind() == kind);
                (kind, fixture)
            })
            .collect();
        Ok(Subject {
            provider,
            definition,
            kinds,
            api_key,
            burst,
            deadline,
        })
    }

    fn kind_names(&self) -> Vec<String> {
        self.kinds.iter().map(|(kind, _)| kind.clone()).collect()
    }

    /// The fixture most checks send: the first kind's that has one.
    fn primary(&self) -> Option<&'static Fixture> {
        self.kinds.iter().find_map(|(_, fixture)| *fixture)
    }

    /// A new notification made from `fixture`: fresh ids, the fixture's headers, and the
    /// credential `presented`. The request has no body yet: checks change the JSON first.
    fn notification(&self, fixture: &Fixture, presented: Presented) -> (Value, Request) {
        let mut body = fixture.json();
        freshen(self.provider, &mut body);
        let mut request = Request::new();
        let short = fixture.name.rsplit('/').next().unwrap_or(fixture.name);
        for (name, value) in fixture_headers(fixture.provider, short) {
            request.set_header(&name, &value);
        }
        let key = match presented {
            Presented::Right => self.api_key.clone(),
            Presented::Wrong => self.api_key.as_deref().map(wrong_key),
            Presented::Missing => None,
        };
        match key_placement(self.provider) {
            Some(KeyPlacement::BodyField(field)) => match key {
                Some(key) => set_field(&mut body, field, Value::String(key)),
                None if presented == Presented::Missing => remove_field(&mut body, field),
                // No --api-key: the fixture's own key stays.
                None => {}
            },
            Some(KeyPlacement::Authorization(scheme)) => {
                if let Some(key) = key {
                    request.set_header("authorization", &format!("{scheme} {key}"));
                }
            }
            None => {}
        }
        (body, request)
    }

    /// Whether `exchange` fails what `probe` expects, and if so, in words that say what the
    /// receiver should do instead.
    fn grade(&self, probe: Probe, exchange: &Exchange) -> Option<String> {
        match probe {
            Probe::RejectsWrongCredential
            | Probe::RejectsMissingCredential
            | Probe::RejectsBadSignature
            | Probe::RejectsStaleSignature
            | Probe::RejectsMissingSignature
            | Probe::RejectsMalformedJson
            | Probe::RejectsEmptyBody => self.refused(probe, exchange),
            Probe::NoRedirect => None,
            _ => self.confirmed(exchange),
        }
    }

    /// The exchange confirmed a notification, as the provider counts it.
    fn confirmed(&self, exchange: &Exchange) -> Option<String> {
        let wanted = match self.definition.confirm {
            Some(status) => status.to_string(),
            None => "a 2xx".to_string(),
        };
        match &exchange.answer {
            Answer::Status { status, .. } if confirms(self.provider, *status) => None,
            _ if exchange.is_redirect() => Some(redirected(exchange)),
            Answer::Status { status, .. } if (200..300).contains(status) => Some(format!(
                "answered {status}, but {} confirms a delivery only with exactly {wanted} and \
                 counts anything else as failed: answer {wanted}",
                self.title()
            )),
            Answer::Status { status, body, .. } => Some(format!(
                "answered {status}{} to a valid notification, which {} counts as failed: \
                 answer {wanted}",
                said(body),
                self.title()
            )),
            Answer::Failed {
                timed_out: true, ..
            } => Some(format!(
                "no answer within the deadline ({}): answer first, then do the work (queue it)",
                timefmt::format_duration(self.deadline)
            )),
            Answer::Failed { cause, .. } => Some(format!(
                "the connection ended without an answer ({cause}): answer {wanted}"
            )),
        }
    }

    /// The exchange refused what `probe` sent with a 4xx, without crashing.
    fn refused(&self, probe: Probe, exchange: &Exchange) -> Option<String> {
        let (what, instead) = match probe {
            Probe::RejectsWrongCredential => (
                "a wrong credential",
                format!(
                    "anyone can post to this receiver: compare the {} with the key you were \
                     given and answer 401",
                    credential_place(self.provider)
                ),
            ),
            Probe::RejectsMissingCredential => (
                "no credential",
                format!(
                    "anyone can post to this receiver: require the {} and answer 401",
                    credential_place(self.provider)
                ),
            ),
            Probe::RejectsBadSignature => (
                "a signature made with another secret",
                "anyone can sign with their own secret: verify the signature with yours and \
                 answer 401"
                    .to_string(),
            ),
            Probe::RejectsStaleSignature => (
                "a signature made an hour ago",
                "a captured request can be replayed for ever: refuse a signed timestamp more \
                 than 5 minutes from now (401)"
                    .to_string(),
            ),
            Probe::RejectsMissingSignature => (
                "a request without signature headers",
                "anyone can post to this receiver: require the signature and answer 401"
                    .to_string(),
            ),
            Probe::RejectsMalformedJson => (
                "malformed JSON",
                "answer 400 to a body that does not parse".to_string(),
            ),
            _ => ("an empty body", "answer 400 to an empty body".to_string()),
        };
        match &exchange.answer {
            Answer::Status { status, .. } if (400..500).contains(status) => None,
            _ if exchange.is_redirect() => Some(redirected(exchange)),
            Answer::Status { status, .. } if (200..300).contains(status) => {
                Some(format!("answered {status} to {what}: {instead}"))
            }
            Answer::Status { status, body, .. } => Some(format!(
                "answered {status}{} to {what}: bad input must not fail the receiver; {instead}",
                said(body)
            )),
            Answer::Failed {
                timed_out: true, ..
            } => Some(format!(
                "no answer to {what} within the deadline: {instead}"
            )),
            Answer::Failed { cause, .. } => Some(format!(
                "the connection was dropped on {what} ({cause}), as if the receiver crashed: \
                 {instead}"
            )),
        }
    }

    fn title(&self) -> &str {
        let title = &self.definition.manifest.title;
        if title.is_empty() {
            &self.definition.manifest.name
        } else {
            title
        }
    }
}

/// `: "the server's words"` after a status, when it said something.
fn said(body: &str) -> String {
    if body.is_empty() {
        String::new()
    } else {
        let words: String = body.chars().take(120).collect();
        format!(" ({words})")
    }
}

fn redirected(exchange: &Exchange) -> String {
    let status = exchange.status().unwrap_or_default();
    let to = match &exchange.answer {
        Answer::Status {
            location: Some(location),
            ..
        } => format!(" to {location}"),
        _ => String::new(),
    };
    format!(
        "answered {status}{to}: providers do not follow redirects, so the delivery fails; \
         register the final URL, and answer there"
    )
}

/// A key that differs from `key` in its last character only, so that a receiver that
/// compares a prefix or the length is caught too.
fn wrong_key(key: &str) -> String {
    let mut wrong: String = key
        .chars()
        .take(key.chars().count().saturating_sub(1))
        .collect();
    wrong.push(if key.ends_with('0') { '1' } else { '0' });
    wrong
}

fn set_field(body: &mut Value, pointer: &Pointer, value: Value) {
    if let Some(slot) = pointer.find_mut(body) {
        *slot = value;
    }
}

fn remove_field(body: &mut Value, pointer: &Pointer) {
    if let Some((object, name)) = pointer.parent_mut(body) {
        object.shift_remove(name);
    }
}

pub async fn run(args: VerifyArgs, out: Output) -> Result<()> {
    if args.list_checks {
        return list_checks(&args, out);
    }
    let (Some(url), Some(provider)) = (args.url.as_deref(), args.provider.as_deref()) else {
        return Err(Error::usage("give the receiver's URL and --provider NAME"));
    };
    let url = parse_http_url(url, "URL")?;
    let deadline = timefmt::parse_duration(&args.deadline)
        .filter(|deadline| !deadline.is_zero())
        .ok_or_else(|| {
            Error::usage(format!(
                "--deadline '{}' is not a duration; expected e.g. 500ms, 10s",
                args.deadline
            ))
        })?;
    let extra_headers = parse_header_flags(&args.headers)?;
    let subject = Subject::new(provider, args.api_key.clone(), args.burst, deadline)?;
    let sign = args
        .sign
        .as_deref()
        .map(|text| Key::parse(text).map_err(|e| Error::usage(format!("--sign: {e}"))))
        .transpose()?;
    let key = signing_key(
        subject.provider,
        sign.as_ref(),
        args.signing_secret.as_deref(),
        &mut BTreeSet::new(),
        out,
    )?;
    let all = checks::for_definition(
        subject.definition,
        &subject.kind_names(),
        signing_scheme(sign.as_ref(), subject.provider),
    );
    let checks = selected(all, &args.only, &args.skip)?;
    let record = RecordFile::for_flag(args.record.as_ref())?;
    if subject.definition.manifest.credential.is_some() && subject.api_key.is_none() {
        out.note(format!(
            "no --api-key: notifications carry the fixtures' example credential ({}), which a \
             receiver that checks it refuses; the credential checks are skipped",
            credential_place(subject.provider)
        ));
    }
    // The wrong key differs from the right one in one character: it is masked as well.
    let secrets = subject
        .api_key
        .iter()
        .flat_map(|key| [key.clone(), wrong_key(key)])
        .collect();
    let sending = Sending {
        insecure: args.insecure,
        extra_headers,
        key,
        record,
    };
    let sender = Sender::new(url, deadline, sending, secrets, out);
    // From here Ctrl-C ends the run with the report of the checks done.
    let mut interrupts = signals::interrupts()?;
    let total = checks.len();
    let mut results: Vec<(Check, Outcome)> = Vec::new();
    for check in checks {
        let started = Instant::now();
        let mut outcome = if check.family.probe == Probe::NoRedirect {
            no_redirect(&results)
        } else {
            tokio::select! {
                outcome = probe(&subject, &sender, &check) => outcome,
                _ = interrupts.recv() => break,
            }
        };
        outcome.elapsed = started.elapsed();
        let answered = |outcome: &Outcome| {
            outcome
                .exchanges
                .iter()
                .any(|exchange| matches!(exchange.answer, Answer::Status { .. }))
        };
        // Nothing answered yet and no connection made: one clear message, not a timeout per check.
        if !results.iter().any(|(_, outcome)| answered(outcome))
            && !answered(&outcome)
            && let Some(Answer::Failed { cause, .. }) = outcome
                .exchanges
                .iter()
                .map(|exchange| &exchange.answer)
                .find(|answer| {
                    matches!(
                        answer,
                        Answer::Failed {
                            unreachable: true,
                            ..
                        }
                    )
                })
        {
            return Err(Error::failure(format!(
                "cannot reach {}: {cause}; is the receiver running there? Nothing was graded",
                sender.hide(crate::client::redacted(&sender.url).as_str())
            )));
        }
        results.push((check, outcome));
    }
    let not_run = total - results.len();
    let report = report::Report::new(&subject, &sender, &results, not_run);
    if let Some(path) = &args.junit {
        std::fs::write(path, report.junit()).map_err(|e| {
            Error::failure(format!(
                "cannot write the JUnit file {}: {e}",
                path.display()
            ))
        })?;
    }
    report.print(out);
    if not_run > 0 {
        return Err(Error::Interrupted);
    }
    match report.failed_required() {
        0 => Ok(()),
        failed => Err(Error::failure(format!(
            "the receiver failed {}",
            counted(failed, "required check", "required checks")
        ))),
    }
}

/// The checks `--only` and `--skip` leave, in their order; an id that names none is a
/// usage error listing those there are.
fn selected(all: Vec<Check>, only: &[String], skip: &[String]) -> Result<Vec<Check>> {
    for pattern in only.iter().chain(skip) {
        if !all.iter().any(|check| checks::selects(pattern, check)) {
            let ids: BTreeSet<&str> = all.iter().map(|check| check.id.as_str()).collect();
            return Err(Error::usage(format!(
                "no check '{pattern}' for this provider; its checks: {}",
                ids.into_iter().collect::<Vec<_>>().join(", ")
            )));
        }
    }
    Ok(all
        .into_iter()
        .filter(|check| {
            (only.is_empty() || only.iter().any(|p| checks::selects(p, check)))
                && !skip.iter().any(|p| checks::selects(p, check))
        })
        .collect())
}

/// Runs one check against the receiver.
async fn probe(subject: &Subject, sender: &Sender, check: &Check) -> Outcome {
    let probe = check.family.probe;
    let fixture = match &check.kind {
        Some(kind) => subject
            .kinds
            .iter()
            .find(|(name, _)| name == kind)
            .and_then(|(_, fixture)| *fixture),
        None => subject.primary(),
    };
    let Some(fixture) = fixture else {
        return Outcome::skipped("the provider's definition has no fixture to make it from");
    };
    let signature_check = matches!(
        probe,
        Probe::RejectsBadSignature
            | Probe::RejectsStaleSignature
            | Probe::RejectsMissingSignature
            | Probe::AcceptsRotatedSecret
    );
    if signature_check && !sender.signs() {
        return Outcome::skipped(
            "pass --sign SCHEME:SECRET or --signing-secret with the receiver's signing secret",
        );
    }
    let needs_key = matches!(
        probe,
        Probe::RejectsWrongCredential | Probe::RejectsMissingCredential
    );
    if needs_key && subject.api_key.is_none() {
        return Outcome::skipped(
            "pass --api-key with the receiver's key: without it a refused wrong key cannot be \
             told from a refused right one",
        );
    }
    let grade = |_, exchange: &Exchange| subject.grade(probe, exchange);
    let one = |presented| {
        let (body, request) = subject.notification(fixture, presented);
        request.with_json(&body)
    };
    match probe {
        Probe::Accepts | Probe::ToleratesUnknownFields | Probe::ToleratesUnknownKind => {
            let (mut body, mut request) = subject.notification(fixture, Presented::Right);
            if probe == Probe::ToleratesUnknownFields
                && let Value::Object(map) = &mut body
            {
                map.insert(
                    UNKNOWN_FIELD.to_string(),
                    serde_json::json!({"added": "by the provider, after you wrote your receiver"}),
                );
            }
            if probe == Probe::ToleratesUnknownKind {
                match &subject.definition.manifest.kind_from {
                    Some(KindFrom::Field(field)) => {
                        set_field(&mut body, field, Value::String(UNKNOWN_KIND.to_string()));
                    }
                    Some(KindFrom::Header(name)) => request.set_header(name, UNKNOWN_KIND),
                    None => {}
                }
            }
            let request = request.with_json(&body);
            Outcome::graded(vec![sender.send(&check.id, request).await], grade)
        }
        Probe::IdempotentRedelivery => {
            let request = one(Presented::Right);
            let first = sender.send(&check.id, request.clone()).await;
            let again = sender.send(&check.id, request).await;
            Outcome::graded(vec![first, again], |at, exchange| {
                let failure = subject.grade(probe, exchange)?;
                Some(if at == 0 {
                    format!("the first delivery: {failure}")
                } else {
                    let key = subject
                        .definition
                        .manifest
                        .idempotency_key
                        .as_ref()
                        .map_or(String::new(), |key| {
                            format!(" by {}", key.as_str().trim_start_matches('/'))
                        });
                    format!(
                        "the first delivery was confirmed, the same one again was not: {failure}; \
                         recognise a redelivery{key} and confirm it without doing the work twice"
                    )
                })
            })
        }
        Probe::RejectsBadSignature
        | Probe::RejectsStaleSignature
        | Probe::RejectsMissingSignature
        | Probe::AcceptsRotatedSecret => {
            let mut request = one(Presented::Right);
            request.signing = match probe {
                Probe::RejectsBadSignature => Signing::Forged,
                Probe::RejectsStaleSignature => Signing::Stale,
                Probe::RejectsMissingSignature => Signing::Unsigned,
                _ => Signing::Rotated,
            };
            Outcome::graded(vec![sender.send(&check.id, request).await], grade)
        }
        Probe::RejectsWrongCredential => Outcome::graded(
            vec![sender.send(&check.id, one(Presented::Wrong)).await],
            grade,
        ),
        Probe::RejectsMissingCredential => Outcome::graded(
            vec![sender.send(&check.id, one(Presented::Missing)).await],
            grade,
        ),
        Probe::RejectsMalformedJson | Probe::RejectsEmptyBody => {
            let mut request = one(Presented::Right);
            request.body = if probe == Probe::RejectsEmptyBody {
                Bytes::new()
            } else {
                // Cut in the middle, as a sender that died mid-write leaves it.
                request.body.slice(..request.body.len() / 2)
            };
            Outcome::graded(vec![sender.send(&check.id, request).await], grade)
        }
        Probe::OutOfOrder => {
            let Some(order) = &subject.definition.manifest.delivery.order else {
                return Outcome::skipped("the provider's definition has no delivery.order");
            };
            let (mut newer, newer_request) = subject.notification(fixture, Presented::Right);
            let (mut older, older_request) = subject.notification(fixture, Presented::Right);
            if let Some(entity) = order.entity.find(&newer).cloned() {
                set_field(&mut older, &order.entity, entity);
            }
            let now = time::OffsetDateTime::now_utc();
            set_field(
                &mut newer,
                &order.time,
                Value::String(timefmt::rfc3339(now)),
            );
            set_field(
                &mut older,
                &order.time,
                Value::String(timefmt::rfc3339(now - time::Duration::hours(1))),
            );
            let first = sender
                .send(&check.id, newer_request.with_json(&newer))
                .await;
            let second = sender
                .send(&check.id, older_request.with_json(&older))
                .await;
            Outcome::graded(vec![first, second], |at, exchange| {
                let failure = subject.grade(probe, exchange)?;
                Some(if at == 0 {
                    format!("the newer change: {failure}")
                } else {
                    format!(
                        "the older change, after the newer one: {failure}; confirm it (and \
                         keep the newer state)"
                    )
                })
            })
        }
        Probe::Burst => {
            let sends = (0..subject.burst).map(|_| sender.send(&check.id, one(Presented::Right)));
            let exchanges = join_all(sends).await;
            let failures = exchanges
                .iter()
                .filter(|exchange| subject.grade(probe, exchange).is_some())
                .count();
            let mut outcome = Outcome::graded(exchanges, grade);
            if failures > 0 {
                outcome.message = format!(
                    "{failures} of {} sent at once not confirmed; the first: {}",
                    subject.burst, outcome.message
                );
            }
            outcome
        }
        Probe::NoRedirect => no_redirect(&[]),
    }
}

/// Passed when no answer so far was a redirect; else failed naming the checks that got one.
fn no_redirect(results: &[(Check, Outcome)]) -> Outcome {
    let redirected: Vec<&str> = results
        .iter()
        .filter(|(_, outcome)| outcome.exchanges.iter().any(Exchange::is_redirect))
        .map(|(check, _)| check.id.as_str())
        .collect();
    Outcome {
        verdict: if redirected.is_empty() {
            Verdict::Passed
        } else {
            Verdict::Failed
        },
        message: if redirected.is_empty() {
            String::new()
        } else {
            format!(
                "redirected in {}: providers do not follow redirects; register the final URL",
                redirected.join(", ")
            )
        },
        exchanges: Vec::new(),
        status: None,
        elapsed: Duration::ZERO,
    }
}

/// The scheme deliveries are signed with: `--sign`'s, else the definition's.
fn signing_scheme(sign: Option<&Key>, provider: Provider) -> Option<Scheme> {
    sign.map(Key::scheme).or_else(|| {
        provider
            .definition()?
            .manifest
            .signature
            .as_ref()
            .map(|rule| rule.scheme)
    })
}

/// `--list-checks`: the checks for `--provider` as they would run, or every family.
fn list_checks(args: &VerifyArgs, out: Output) -> Result<()> {
    let checks = match args.provider.as_deref() {
        Some(name) => {
            let subject = Subject::new(name, None, args.burst, Duration::from_secs(1))?;
            let sign = args.sign.as_deref().and_then(|text| Key::parse(text).ok());
            checks::for_definition(
                subject.definition,
                &subject.kind_names(),
                signing_scheme(sign.as_ref(), subject.provider),
            )
        }
        None => checks::generic(),
    };
    report::print_checks(&checks, out);
    Ok(())
}
