//! `hooks replay`: delivers fixtures, JSON files and `listen --record` recordings to a URL
//! the way the providers deliver them (provider auth, fresh ids, retries with the same body,
//! rounds carrying unconfirmed ids), singly or under load.
//!
//! Deliveries are produced by the workers as they are sent, never built up front, so memory
//! stays flat whatever `--repeat` is; a body that does not change per delivery is serialized
//! once and shared.

mod deliver;
mod direct;
mod report;
pub mod source;

use std::collections::BTreeSet;
use std::io::IsTerminal;
use std::time::Duration;

use bytes::Bytes;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderMap, HeaderName, HeaderValue};
use serde_json::Value;
use tokio::signal::unix::{Signal, SignalKind, signal};

use crate::cli::ReplayArgs;
use crate::client::{parse_header_flags, split_credentials};
use crate::config::parse_http_url;
use crate::error::{Error, Result};
use crate::fixtures;
use crate::output::Output;
use crate::payload::apply_assignment;
use crate::providers::Provider;
use crate::providers::generate::{KeyPlacement, carried_fields, key_placement};
use crate::providers::pointer::Pointer;
use crate::signature::{Key, signing_key};
use crate::timefmt;
use source::{Reading, Source};

/// At most this many deliveries get one line each in human output; more get a progress bar.
const FEW: u64 = 20;

/// One source, ready to send: headers and body with every per-run flag applied.
#[derive(Debug)]
pub struct Template {
    pub label: String,
    pub provider: Provider,
    pub kind: String,
    pub method: reqwest::Method,
    pub headers: HeaderMap,
    /// What every delivery sends when nothing changes per delivery.
    pub body: Bytes,
    /// The JSON to rebuild each delivery's body from, when something may change per
    /// delivery (fresh ids, ids carried between rounds).
    pub json: Option<Value>,
    /// Signs each attempt (`--sign`, or the provider's definition with a secret).
    pub signing: Option<Key>,
}

/// The run's settings, validated before anything is sent.
#[derive(Debug)]
pub struct Plan {
    pub url: reqwest::Url,
    pub templates: Vec<Template>,
    /// `--set` assignments, re-applied after fresh ids so that the user's values win.
    pub assignments: Vec<String>,
    pub fresh_ids: bool,
    /// Deliveries in one round, before any carried id: sources × `--repeat`, checked to
    /// fit (times `--rounds` too).
    pub per_round: u64,
    pub concurrency: u64,
    pub rate: Option<f64>,
    pub retries: u32,
    pub rounds: u64,
    pub interval: Duration,
    pub timeout: Duration,
    /// `--insecure`: accept any certificate from an https:// target.
    pub insecure: bool,
}

pub async fn run(args: ReplayArgs, out: Output) -> Result<()> {
    // `user:password@` in --to is sent as Basic auth, as curl does, and never shown.
    let (url, credentials) = split_credentials(&parse_http_url(&args.to, "--to URL")?);
    let headers = parse_header_flags(&args.headers)?;
    let interval = timefmt::parse_duration(&args.interval).ok_or_else(|| {
        Error::usage(format!(
            "--interval '{}' is not a duration; expected e.g. 500ms, 10s, 10m",
            args.interval
        ))
    })?;
    // Below one delivery every ~17 minutes the pacing period would overflow the clock.
    if let Some(rate) = args.rate
        && !(rate.is_finite() && rate >= 0.001)
    {
        return Err(Error::usage(format!(
            "--rate {rate} is not a number of deliveries per second of at least 0.001"
        )));
    }
    // From here a Ctrl-C ends the run with the summary of what was sent, rather than
    // killing the process; the picker's own Ctrl-C arrives here too.
    let mut interrupt = signal(SignalKind::interrupt())
        .map_err(|e| Error::failure(format!("cannot handle Ctrl-C: {e}")))?;
    let names = if args.sources.is_empty() {
        pick_fixtures(&mut interrupt).await?
    } else {
        args.sources.clone()
    };
    let reading = Reading {
        max_body: args.max_body,
        out,
    };
    let mut sources = Vec::new();
    for name in &names {
        sources.extend(source::load(name, reading)?);
    }
    let sign = args
        .sign
        .as_deref()
        .map(|text| Key::parse(text).map_err(|e| Error::usage(format!("--sign: {e}"))))
        .transpose()?;
    let mut warned = BTreeSet::new();
    let templates = sources
        .into_iter()
        .map(|source| {
            let signing = signing_key(
                source.provider,
                sign.as_ref(),
                args.signing_secret.as_deref(),
                &mut warned,
                out,
            )?;
            Ok(Template {
                signing,
                ..prepare(
                    source,
                    &args,
                    &headers,
                    credentials.as_ref(),
                    &mut warned,
                    out,
                )?
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let per_round = (templates.len() as u64)
        .checked_mul(args.repeat)
        .filter(|n| n.checked_mul(args.rounds).is_some())
        .ok_or_else(|| {
            Error::usage(format!(
                "--repeat {} × {} sources × --rounds {} is more deliveries than can be counted",
                args.repeat,
                templates.len(),
                args.rounds
            ))
        })?;
    if args.rounds > 1
        && !templates
            .iter()
            .any(|t| !carried_fields(t.provider).is_empty())
    {
        return Err(Error::usage(
            "--rounds replays rounds that carry unconfirmed ids, but no SOURCE's provider \
             delivers in rounds (its definition has no delivery.carry_unconfirmed; try \
             `hooks fixtures list` for a batch)",
        ));
    }
    let plan = Plan {
        url,
        templates,
        assignments: args.set.clone(),
        fresh_ids: args.fresh_ids,
        per_round,
        concurrency: args.concurrency,
        rate: args.rate,
        retries: args.retries,
        rounds: args.rounds,
        interval,
        timeout: Duration::from_secs(args.timeout),
        insecure: args.insecure,
    };
    deliver::run(plan, interrupt, out).await
}

/// No SOURCE: a person on a terminal picks fixtures; a script gets a usage error. Ctrl-C
/// or Esc ends the command (exit 130) with the cursor shown again.
async fn pick_fixtures(interrupt: &mut Signal) -> Result<Vec<String>> {
    if !std::io::stdin().is_terminal() {
        return Err(Error::usage(
            "no SOURCE given: name fixtures (see `hooks fixtures list`), JSON files, \
             directories or `hooks listen --record` files",
        ));
    }
    let picking = tokio::task::spawn_blocking(pick_on_terminal);
    let picked = tokio::select! {
        picked = picking => picked
            .map_err(|e| Error::failure(format!("the fixture picker failed: {e}")))?,
        // A Ctrl-C typed while the terminal was not in raw mode: the picker, still
        // waiting for a key, is left behind.
        _ = interrupt.recv() => Err(Error::Interrupted),
    };
    if picked.is_err() {
        // The picker hides the cursor while it runs, and shows it again only on Enter.
        let _ = dialoguer::console::Term::stderr().show_cursor();
    }
    picked
}

fn pick_on_terminal() -> Result<Vec<String>> {
    let all = fixtures::all();
    let width = all.iter().map(|f| f.name.len()).max().unwrap_or(0);
    let items: Vec<String> = all
        .iter()
        .map(|f| format!("{:<width$}  {}", f.name, f.description))
        .collect();
    let term = dialoguer::console::Term::stderr();
    loop {
        let chosen = dialoguer::MultiSelect::new()
            .with_prompt("Fixtures to send (space ticks, enter sends, esc cancels)")
            .items(&items)
            .interact_on_opt(&term);
        match chosen {
            Ok(Some(chosen)) if !chosen.is_empty() => {
                return Ok(chosen
                    .into_iter()
                    .map(|i| all[i].name.to_string())
                    .collect());
            }
            Ok(Some(_)) => {
                let _ = term.write_line("Nothing ticked: space ticks a fixture, esc cancels.");
            }
            // Esc, or Ctrl-C read from the raw terminal (which console re-raises as SIGINT).
            Ok(None) => return Err(Error::Interrupted),
            Err(dialoguer::Error::IO(e)) if e.kind() == std::io::ErrorKind::Interrupted => {
                return Err(Error::Interrupted);
            }
            Err(e) => return Err(Error::failure(format!("the fixture picker failed: {e}"))),
        }
    }
}

/// Applies the per-run flags to one source. A body is re-serialized only when a flag
/// changes it; otherwise its exact bytes are sent.
fn prepare(
    source: Source,
    args: &ReplayArgs,
    extra_headers: &[(HeaderName, HeaderValue)],
    credentials: Option<&HeaderValue>,
    warned: &mut BTreeSet<&'static str>,
    out: Output,
) -> Result<Template> {
    let Source {
        label,
        method,
        headers: recorded,
        body,
        json,
        provider,
        kind,
    } = source;
    let mut headers = HeaderMap::new();
    for (name, value) in &recorded {
        let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) else {
            out.warn(format!(
                "{label}: recorded header '{name}' is not valid; not sent"
            ));
            continue;
        };
        headers.append(name, value);
    }
    if !headers.contains_key(CONTENT_TYPE) {
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
    }
    let mut json = json;
    let mut changed = false;
    let mut key_authorizes = false;
    if let Some(key) = &args.api_key {
        match key_placement(provider) {
            Some(KeyPlacement::BodyField(field)) => {
                if let Some(slot) = json.as_mut().and_then(|json| pointer_slot(json, field)) {
                    *slot = Value::String(key.clone());
                    changed = true;
                }
            }
            Some(KeyPlacement::Authorization(scheme)) => {
                let value = HeaderValue::from_str(&format!("{scheme} {key}"))
                    .map_err(|_| Error::usage("--api-key holds characters a header cannot"))?;
                headers.insert(AUTHORIZATION, value);
                key_authorizes = true;
            }
            None => {
                if warned.insert(provider.as_str()) {
                    out.warn(format!(
                        "--api-key: {} notifications carry no key in their provider's documents; \
                         sent without one",
                        provider.as_str()
                    ));
                }
            }
        }
    }
    // URL credentials replace a recorded Authorization, but not one that --api-key or -H sets.
    if let Some(basic) = credentials
        && !key_authorizes
        && !extra_headers.iter().any(|(name, _)| name == AUTHORIZATION)
    {
        headers.insert(AUTHORIZATION, basic.clone());
    }
    // -H replaces a recorded header of the same name; several -H of one name are all sent.
    for (name, _) in extra_headers {
        headers.remove(name);
    }
    for (name, value) in extra_headers {
        headers.append(name.clone(), value.clone());
    }
    if !args.set.is_empty() {
        let document = json.as_mut().ok_or_else(|| {
            Error::usage(format!(
                "--set: the body of {label} is not JSON, so it has no fields"
            ))
        })?;
        for assignment in &args.set {
            apply_assignment(document, assignment)?;
        }
        changed = true;
    }
    if args.fresh_ids && provider == Provider::UNKNOWN && warned.insert("fresh-ids") {
        out.warn(format!(
            "--fresh-ids: {label} is no known provider's notification; its ids are kept"
        ));
    }
    let body = match (&json, changed) {
        (Some(document), true) => Bytes::from(
            serde_json::to_vec(document)
                .map_err(|e| Error::usage(format!("{label}: cannot serialize the body: {e}")))?,
        ),
        _ => body,
    };
    // A body no flag changes per delivery keeps its exact bytes, shared by every delivery.
    let rebuilt = (args.fresh_ids && provider != Provider::UNKNOWN)
        || (!carried_fields(provider).is_empty() && args.rounds > 1);
    Ok(Template {
        signing: None,
        json: if rebuilt { json } else { None },
        label,
        provider,
        kind,
        method,
        headers,
        body,
    })
}

/// The member at `pointer` in `document`, created (as a member of its parent object) when
/// absent: where `--api-key` goes in a body.
fn pointer_slot<'a>(document: &'a mut Value, pointer: &Pointer) -> Option<&'a mut Value> {
    let (object, name) = pointer.parent_mut(document)?;
    Some(object.entry(name).or_insert(Value::Null))
}
