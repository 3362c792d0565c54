//! The sending side of `hooks replay`: `--concurrency` workers pull delivery numbers from
//! a shared counter, build each body as they go, send it with retries, and record the
//! outcome. Rounds run one after another, carrying ids not confirmed (per the definition).

use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::StatusCode;
use reqwest::header::HeaderMap;
use serde_json::Value;
use tokio::signal::unix::Signal;
use tokio::sync::Notify;
use tokio::task::JoinSet;

use super::direct::{Connection, Target};
use super::report::Reporter;
use super::{Plan, Template};
use crate::client::{describe_failure, http_client, redacted, server_error_text};
use crate::error::{Error, Result};
use crate::output::{Output, mask, mask_header};
use crate::payload::apply_assignment;
use crate::providers::generate::{
    KeyPlacement, carried_fields, carried_ids, carry_into, confirms, freshen, key_placement,
};
use crate::signature::{insert_signature, message_id, unix_now};

/// The first pause before a retry; it doubles each time, up to MAX_BACKOFF.
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(10);

/// Why a run ended before its last delivery.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stopped {
    /// Ctrl-C: exit 130 after the summary.
    Interrupted = 1,
    /// Nobody reads stdout any more (`| head -1`): the exit code is the deliveries'.
    StdoutClosed = 2,
}

/// Ends a run early, on any thread: once set no delivery or retry starts, and those in
/// flight finish.
#[derive(Default)]
pub struct Stop {
    reason: AtomicU8,
    set: Notify,
}

impl Stop {
    /// A Ctrl-C wins over a closed stdout, so that it still exits 130.
    pub fn set(&self, why: Stopped) {
        match why {
            Stopped::Interrupted => self.reason.store(why as u8, Ordering::Relaxed),
            Stopped::StdoutClosed => {
                let _ = self.reason.compare_exchange(
                    0,
                    why as u8,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                );
            }
        }
        self.set.notify_waiters();
    }

    pub fn reason(&self) -> Option<Stopped> {
        match self.reason.load(Ordering::Relaxed) {
            1 => Some(Stopped::Interrupted),
            2 => Some(Stopped::StdoutClosed),
            _ => None,
        }
    }

    /// Resolves once the run is stopped.
    async fn wait(&self) {
        let notified = self.set.notified();
        tokio::pin!(notified);
        // Registered before the check, so a `set` in between is not missed.
        notified.as_mut().enable();
        if self.reason().is_none() {
            notified.await;
        }
    }
}

/// The ids of each field a provider's rounds carry (`delivery.carry_unconfirmed`).
pub type Ids = Vec<Vec<String>>;

/// One delivery and how it ended.
#[derive(Debug)]
pub struct Outcome {
    /// 1-based, across rounds.
    pub number: u64,
    pub round: u64,
    pub template: usize,
    /// Each attempt's status; None when no answer came (connection error, timeout).
    pub statuses: Vec<Option<u16>>,
    /// The last attempt's.
    pub latency: Duration,
    /// Why the last attempt failed.
    pub error: Option<String>,
    /// The carried-field ids this delivery held, when rounds are tracked.
    pub ids: Option<Ids>,
    /// How many of them were carried from an earlier round.
    pub carried: usize,
}

impl Outcome {
    pub fn status(&self) -> Option<u16> {
        self.statuses.last().copied().flatten()
    }

    pub fn ok(&self) -> bool {
        self.error.is_none()
    }
}

struct Shared {
    plan: Plan,
    /// Set for http:// targets.
    direct: Option<Arc<Target>>,
    out: Output,
    stop: Arc<Stop>,
    pace: Option<Pace>,
    /// Per template: ids not confirmed in the previous round, taken by the first delivery
    /// of that source in this one.
    carried: Vec<Mutex<Ids>>,
    /// Per template: ids not confirmed so far in this round.
    unconfirmed: Vec<Mutex<Ids>>,
    /// Workers record each outcome here themselves: handing outcomes to another task
    /// would cost a cross-thread wake-up per delivery, more than the request itself.
    reporter: Mutex<Reporter>,
}

/// `--rate`: each start takes the slot one period after the previous one, and never one in
/// the past, so a slow response is not followed by a burst. Lock-free, and free of any one
/// runtime's timer, since workers run on several runtimes.
struct Pace {
    origin: Instant,
    period: Duration,
    /// The next free slot, in nanoseconds after `origin`.
    next: AtomicU64,
}

impl Pace {
    fn slot(&self) -> Instant {
        let now = self.origin.elapsed().as_nanos() as u64;
        let period = self.period.as_nanos() as u64;
        let mut next = self.next.load(Ordering::Relaxed);
        loop {
            let slot = next.max(now);
            match self.next.compare_exchange_weak(
                next,
                slot + period,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return self.origin + Duration::from_nanos(slot),
                Err(actual) => next = actual,
            }
        }
    }
}

/// How one worker sends: its own connection for http:// targets, the thread's reqwest
/// client (and its TLS) for https://.
enum Transport {
    Direct(Arc<Target>, Connection),
    Client(reqwest::Client),
}

struct Round {
    number: u64,
    /// Deliveries numbered in earlier rounds.
    offset: u64,
    next: AtomicU64,
}

struct Delivery {
    number: u64,
    round: u64,
    template: usize,
    /// The `webhook-id` every attempt of a signed delivery carries.
    id: Option<String>,
    body: Bytes,
    ids: Option<Ids>,
    carried: usize,
}

/// A poisoned lock only means another worker panicked; its data is still usable.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

pub async fn run(plan: Plan, mut interrupt: Signal, out: Output) -> Result<()> {
    let stop = Arc::new(Stop::default());
    let shared = Arc::new(Shared {
        pace: plan.rate.map(|rate| Pace {
            origin: Instant::now(),
            period: Duration::from_secs_f64(1.0 / rate),
            next: AtomicU64::new(0),
        }),
        carried: plan.templates.iter().map(|_| Mutex::default()).collect(),
        unconfirmed: plan.templates.iter().map(|_| Mutex::default()).collect(),
        reporter: Mutex::new(Reporter::new(&plan, stop.clone(), out)),
        direct: Target::for_url(&plan.url).map(Arc::new),
        stop,
        plan,
        out,
    });
    for number in 1..=shared.plan.rounds {
        if number > 1 {
            tokio::select! {
                _ = tokio::time::sleep(shared.plan.interval) => {}
                _ = shared.stop.wait() => {}
                _ = interrupt.recv() => shared.stop.set(Stopped::Interrupted),
            }
        }
        if shared.stop.reason().is_some() {
            break;
        }
        let round = Arc::new(Round {
            number,
            offset: (number - 1) * shared.plan.per_round,
            next: AtomicU64::new(0),
        });
        let sending = shared.clone();
        let mut sent = tokio::task::spawn_blocking(move || run_round(&sending, &round));
        loop {
            tokio::select! {
                joined = &mut sent => {
                    joined.map_err(|e| Error::failure(format!("the delivery threads failed: {e}")))??;
                    break;
                }
                _ = interrupt.recv() => {
                    if shared.stop.reason() == Some(Stopped::Interrupted) {
                        // The second Ctrl-C: deliveries still in flight are not waited for.
                        return shared.finish();
                    }
                    shared.stop.set(Stopped::Interrupted);
                    lock(&shared.reporter).note(
                        "interrupted: letting the deliveries in flight finish (Ctrl-C again to stop now)",
                    );
                }
            }
        }
        lock(&shared.reporter).round_done();
        for (carried, unconfirmed) in shared.carried.iter().zip(&shared.unconfirmed) {
            *lock(carried) = std::mem::take(&mut *lock(unconfirmed));
        }
    }
    shared.finish()
}

/// One round's deliveries on one thread per core, each with its own single-threaded runtime
/// and its own connections: a request and the task driving its connection then never wake
/// each other across threads, which on loopback costs more than the request itself. This
/// is how oha gets its speed too.
fn run_round(shared: &Arc<Shared>, round: &Arc<Round>) -> Result<()> {
    let plan = &shared.plan;
    let workers = plan.concurrency.min(plan.per_round);
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get() as u64)
        .min(workers);
    let spawned = (0..threads)
        .map(|thread| {
            let tasks = workers / threads + u64::from(thread < workers % threads);
            let (shared, round) = (shared.clone(), round.clone());
            std::thread::Builder::new()
                .name("hooks-replay".into())
                .spawn(move || deliver_on_this_thread(shared, round, tasks))
                .map_err(|e| Error::failure(format!("cannot start a delivery thread: {e}")))
        })
        .collect::<Result<Vec<_>>>()?;
    for thread in spawned {
        thread
            .join()
            .map_err(|_| Error::failure("a delivery thread panicked"))??;
    }
    Ok(())
}

fn deliver_on_this_thread(shared: Arc<Shared>, round: Arc<Round>, tasks: u64) -> Result<()> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::failure(format!("cannot start a delivery runtime: {e}")))?;
    runtime.block_on(async {
        let client = http_client(shared.plan.timeout, shared.plan.insecure);
        let mut workers = JoinSet::new();
        for _ in 0..tasks {
            let transport = match &shared.direct {
                Some(target) => Transport::Direct(target.clone(), Connection::default()),
                None => Transport::Client(client.clone()),
            };
            workers.spawn(worker(shared.clone(), round.clone(), transport));
        }
        while let Some(joined) = workers.join_next().await {
            joined.map_err(|e| Error::failure(format!("a delivery worker failed: {e}")))?;
        }
        Ok(())
    })
}

async fn worker(shared: Arc<Shared>, round: Arc<Round>, mut transport: Transport) {
    let plan = &shared.plan;
    let templates = plan.templates.len() as u64;
    while shared.stop.reason().is_none() {
        let index = round.next.fetch_add(1, Ordering::Relaxed);
        if index >= plan.per_round {
            break;
        }
        if let Some(pace) = &shared.pace {
            tokio::select! {
                _ = tokio::time::sleep_until(pace.slot().into()) => {}
                _ = shared.stop.wait() => break,
            }
        }
        let delivery = shared.build(
            (index % templates) as usize,
            round.offset + index + 1,
            round.number,
        );
        let outcome = shared.send(&mut transport, delivery).await;
        shared.record(&outcome);
    }
}

impl Shared {
    /// The summary, once the run has ended or been stopped.
    fn finish(&self) -> Result<()> {
        let unconfirmed = self
            .carried
            .iter()
            .map(|slot| {
                let ids = lock(slot);
                ids.iter().map(Vec::len).sum::<usize>()
            })
            .sum();
        lock(&self.reporter).finish(unconfirmed, self.stop.reason())
    }

    fn record(&self, outcome: &Outcome) {
        // The definition names what confirms a delivery (an exact status, or any 2xx).
        let provider = self.plan.templates[outcome.template].provider;
        if let Some(ids) = &outcome.ids
            && !outcome
                .status()
                .is_some_and(|status| confirms(provider, status))
        {
            let mut unconfirmed = lock(&self.unconfirmed[outcome.template]);
            if unconfirmed.len() < ids.len() {
                unconfirmed.resize(ids.len(), Vec::new());
            }
            for (pending, sent) in unconfirmed.iter_mut().zip(ids) {
                for id in sent {
                    if !pending.contains(id) {
                        pending.push(id.clone());
                    }
                }
            }
        }
        lock(&self.reporter).delivery(outcome);
    }

    /// The body for one delivery: the shared bytes, unless fresh ids or carried ids change it.
    fn build(&self, template: usize, number: u64, round: u64) -> Delivery {
        let plan = &self.plan;
        let source = &plan.templates[template];
        let tracked = !carried_fields(source.provider).is_empty() && plan.rounds > 1;
        let carried: Ids = if tracked {
            std::mem::take(&mut *lock(&self.carried[template]))
        } else {
            Ids::default()
        };
        let carried_count = carried.iter().map(Vec::len).sum();
        let mut delivery = Delivery {
            number,
            round,
            template,
            id: source.signing.as_ref().map(|_| message_id()),
            body: source.body.clone(),
            ids: None,
            carried: carried_count,
        };
        let Some(json) = &source.json else {
            return delivery;
        };
        if !plan.fresh_ids && carried_count == 0 {
            delivery.ids = tracked.then(|| carried_ids(source.provider, json));
            return delivery;
        }
        let mut document = json.clone();
        if plan.fresh_ids {
            freshen(source.provider, &mut document);
            for assignment in &plan.assignments {
                // Each applied cleanly to this document's shape in `prepare`; fresh ids
                // replace values, never shapes.
                apply_assignment(&mut document, assignment).ok();
            }
        }
        if carried_count > 0 {
            carry_into(source.provider, &mut document, &carried);
        }
        delivery.ids = tracked.then(|| carried_ids(source.provider, &document));
        delivery.body = Bytes::from(serde_json::to_vec(&document).unwrap_or_default());
        delivery
    }

    async fn send(&self, transport: &mut Transport, delivery: Delivery) -> Outcome {
        let plan = &self.plan;
        let source = &plan.templates[delivery.template];
        let mut statuses = Vec::with_capacity(1);
        let mut backoff = FIRST_BACKOFF;
        loop {
            // Signed anew for each attempt: a fresh timestamp, as Standard Webhooks senders do.
            let signed = source.signing.as_ref().map(|key| {
                let mut headers = source.headers.clone();
                let id = delivery.id.as_deref().unwrap_or_default();
                insert_signature(&mut headers, key, id, unix_now(), &delivery.body);
                headers
            });
            let headers = signed.as_ref().unwrap_or(&source.headers);
            if self.out.verbose {
                self.trace_request(source, headers, &delivery, statuses.len() + 1);
            }
            let started = Instant::now();
            let exchange = self.exchange(transport, &source.method, headers, &delivery.body);
            let (status, error) = match exchange.await {
                Ok((status, answer)) => {
                    let error = (!status.is_success()).then(|| {
                        let text = server_error_text(&String::from_utf8_lossy(&answer));
                        if text.is_empty() {
                            status.to_string()
                        } else {
                            format!("{status}: {text}")
                        }
                    });
                    (Some(status), error)
                }
                Err(error) => (None, Some(error)),
            };
            let latency = started.elapsed();
            if self.out.verbose {
                let answer = match (status, &error) {
                    (Some(status), None) => status.to_string(),
                    (Some(_), Some(error)) => error.clone(),
                    (None, error) => format!("no answer: {}", error.as_deref().unwrap_or("")),
                };
                self.out.trace(format!(
                    "< {answer} in {:.1} ms (delivery #{}, attempt {})",
                    latency.as_secs_f64() * 1000.0,
                    delivery.number,
                    statuses.len() + 1
                ));
            }
            statuses.push(status.map(|s| s.as_u16()));
            let retry = error.is_some()
                && statuses.len() <= plan.retries as usize
                && self.stop.reason().is_none();
            if retry {
                self.out.trace(format!(
                    "* #{} retrying in {} ms with the same body",
                    delivery.number,
                    backoff.as_millis()
                ));
                let stopped = tokio::select! {
                    _ = tokio::time::sleep(backoff) => false,
                    _ = self.stop.wait() => true,
                };
                if !stopped {
                    backoff = (backoff * 2).min(MAX_BACKOFF);
                    continue;
                }
            }
            return Outcome {
                number: delivery.number,
                round: delivery.round,
                template: delivery.template,
                statuses,
                latency,
                error,
                ids: delivery.ids,
                carried: delivery.carried,
            };
        }
    }

    /// One attempt: the status and the whole answer (read so the connection can be
    /// reused), or why no answer came.
    async fn exchange(
        &self,
        transport: &mut Transport,
        method: &reqwest::Method,
        headers: &HeaderMap,
        body: &Bytes,
    ) -> Result<(StatusCode, Bytes), String> {
        let plan = &self.plan;
        match transport {
            Transport::Direct(target, connection) => {
                target
                    .send(connection, method, headers, body.clone(), plan.timeout)
                    .await
            }
            Transport::Client(client) => {
                let mut request = reqwest::Request::new(method.clone(), plan.url.clone());
                *request.headers_mut() = headers.clone();
                *request.body_mut() = Some(body.clone().into());
                let answer = async {
                    let response = client.execute(request).await?;
                    let status = response.status();
                    Ok((status, response.bytes().await?))
                };
                answer
                    .await
                    .map_err(|e| describe_failure(method, &plan.url, &e, true))
            }
        }
    }

    /// `-v`: the request with its secrets (Authorization, a signature, a body credential)
    /// masked.
    fn trace_request(
        &self,
        source: &Template,
        headers: &HeaderMap,
        delivery: &Delivery,
        attempt: usize,
    ) {
        let mut lines = vec![format!(
            "> {} {} (delivery #{}, attempt {attempt})",
            source.method,
            redacted(&self.plan.url),
            delivery.number
        )];
        for (name, value) in headers {
            let value = String::from_utf8_lossy(value.as_bytes());
            lines.push(format!("> {name}: {}", mask_header(name.as_str(), &value)));
        }
        let body = &delivery.body;
        let text = match serde_json::from_slice::<Value>(body) {
            Ok(mut document @ Value::Object(_)) => {
                if let Some(KeyPlacement::BodyField(field)) = key_placement(source.provider)
                    && let Some(Value::String(key)) = field.find_mut(&mut document)
                {
                    *key = mask(key);
                }
                document.to_string()
            }
            _ => String::from_utf8_lossy(body).into_owned(),
        };
        lines.push(format!("> {text}"));
        self.out.trace(lines.join("\n"));
    }
}
