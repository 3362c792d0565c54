//! The sending side of `hooks replay`: `--concurrency` workers pull delivery numbers from
//! a shared counter, build each body as they go, send it with retries, and hand the outcome
//! to the reporter. ClubCollect rounds run one after another, carrying ids not answered 200.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use bytes::Bytes;
use serde_json::Value;
use tokio::sync::mpsc;
use tokio::sync::mpsc::error::TryRecvError;
use tokio::time::{Interval, MissedTickBehavior};

use super::Plan;
use super::report::Reporter;
use crate::client::{describe_send_error, http_client, server_error_text};
use crate::error::Result;
use crate::output::{Output, mask, mask_authorization};
use crate::payload::apply_assignment;
use crate::providers::Provider;
use crate::providers::generate::{CLUBCOLLECT_KEY_FIELD, carry_into, clubcollect_ids, freshen};

/// The first pause before a retry; it doubles each time, up to MAX_BACKOFF.
const FIRST_BACKOFF: Duration = Duration::from_millis(100);
const MAX_BACKOFF: Duration = Duration::from_secs(10);

/// ClubCollect invoice and import ids.
pub type Ids = [Vec<String>; 2];

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
    /// The ClubCollect ids this delivery carried, when rounds are tracked.
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
    client: reqwest::Client,
    out: Output,
    limiter: Option<tokio::sync::Mutex<Interval>>,
    /// Per template: ids not confirmed in the previous round, taken by the first delivery
    /// of that source in this one.
    carried: Vec<Mutex<Ids>>,
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
    body: Bytes,
    ids: Option<Ids>,
    carried: usize,
}

pub async fn run(plan: Plan, out: Output) -> Result<()> {
    let limiter = plan.rate.map(|rate| {
        let mut interval = tokio::time::interval(Duration::from_secs_f64(1.0 / rate));
        // A slow response must not be followed by a burst: the rate is a ceiling.
        interval.set_missed_tick_behavior(MissedTickBehavior::Delay);
        tokio::sync::Mutex::new(interval)
    });
    let shared = Arc::new(Shared {
        client: http_client(plan.timeout),
        carried: plan.templates.iter().map(|_| Mutex::default()).collect(),
        plan,
        out,
        limiter,
    });
    let plan = &shared.plan;
    let mut reporter = Reporter::new(plan, out);
    for number in 1..=plan.rounds {
        if number > 1 {
            tokio::time::sleep(plan.interval).await;
        }
        let started = Instant::now();
        let round = Arc::new(Round {
            number,
            offset: (number - 1) * plan.per_round(),
            next: AtomicU64::new(0),
        });
        let (tx, mut rx) = mpsc::channel(1024);
        for _ in 0..plan.concurrency.min(plan.per_round()) {
            tokio::spawn(worker(shared.clone(), round.clone(), tx.clone()));
        }
        drop(tx);
        let mut unconfirmed: Vec<Ids> = vec![Ids::default(); plan.templates.len()];
        loop {
            let outcome = match rx.try_recv() {
                Ok(outcome) => outcome,
                Err(TryRecvError::Disconnected) => break,
                Err(TryRecvError::Empty) => {
                    // Nothing waiting: a good moment to write what is buffered.
                    reporter.flush();
                    match rx.recv().await {
                        Some(outcome) => outcome,
                        None => break,
                    }
                }
            };
            // ClubCollect wants exactly 200 OK as the confirmation of a batch.
            if let Some(ids) = &outcome.ids
                && outcome.status() != Some(200)
            {
                for (pending, sent) in unconfirmed[outcome.template].iter_mut().zip(ids) {
                    for id in sent {
                        if !pending.contains(id) {
                            pending.push(id.clone());
                        }
                    }
                }
            }
            reporter.delivery(&outcome);
        }
        reporter.round_done(started.elapsed());
        for (slot, ids) in shared.carried.iter().zip(unconfirmed) {
            *slot.lock().unwrap_or_else(|e| e.into_inner()) = ids;
        }
    }
    let left = shared
        .carried
        .iter()
        .map(|slot| {
            let ids = slot.lock().unwrap_or_else(|e| e.into_inner());
            ids[0].len() + ids[1].len()
        })
        .sum();
    reporter.finish(left)
}

async fn worker(shared: Arc<Shared>, round: Arc<Round>, tx: mpsc::Sender<Outcome>) {
    let plan = &shared.plan;
    let templates = plan.templates.len() as u64;
    loop {
        let index = round.next.fetch_add(1, Ordering::Relaxed);
        if index >= plan.per_round() {
            break;
        }
        if let Some(limiter) = &shared.limiter {
            limiter.lock().await.tick().await;
        }
        let delivery = shared.build(
            (index % templates) as usize,
            round.offset + index + 1,
            round.number,
        );
        let outcome = shared.send(delivery).await;
        if tx.send(outcome).await.is_err() {
            break;
        }
    }
}

impl Shared {
    /// The body for one delivery: the shared bytes, unless fresh ids or carried ids change it.
    fn build(&self, template: usize, number: u64, round: u64) -> Delivery {
        let plan = &self.plan;
        let source = &plan.templates[template];
        let tracked = source.provider == Provider::ClubCollect && plan.rounds > 1;
        let carried: Ids = if tracked {
            std::mem::take(
                &mut *self.carried[template]
                    .lock()
                    .unwrap_or_else(|e| e.into_inner()),
            )
        } else {
            Ids::default()
        };
        let carried_count = carried[0].len() + carried[1].len();
        let mut delivery = Delivery {
            number,
            round,
            template,
            body: source.body.clone(),
            ids: None,
            carried: carried_count,
        };
        let Some(json) = &source.json else {
            return delivery;
        };
        if !plan.fresh_ids && carried_count == 0 {
            delivery.ids = tracked.then(|| clubcollect_ids(json));
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
            carry_into(&mut document, &carried);
        }
        delivery.ids = tracked.then(|| clubcollect_ids(&document));
        delivery.body = Bytes::from(serde_json::to_vec(&document).unwrap_or_default());
        delivery
    }

    async fn send(&self, delivery: Delivery) -> Outcome {
        let plan = &self.plan;
        let source = &plan.templates[delivery.template];
        let mut statuses = Vec::with_capacity(1);
        let mut backoff = FIRST_BACKOFF;
        loop {
            let mut request = reqwest::Request::new(source.method.clone(), plan.url.clone());
            *request.headers_mut() = source.headers.clone();
            *request.body_mut() = Some(delivery.body.clone().into());
            if self.out.verbose {
                self.trace_request(&request, &delivery.body);
            }
            let started = Instant::now();
            let (status, error) = match self.client.execute(request).await {
                Ok(response) => {
                    let status = response.status();
                    // Reading the whole answer lets the connection be reused.
                    let answer = response.bytes().await.unwrap_or_default();
                    let error = (!status.is_success()).then(|| {
                        let text = server_error_text(&String::from_utf8_lossy(&answer));
                        if text.is_empty() {
                            status.to_string()
                        } else {
                            format!("{status}: {text}")
                        }
                    });
                    (Some(status.as_u16()), error)
                }
                Err(e) => (
                    None,
                    Some(describe_send_error(&source.method, &plan.url, &e)),
                ),
            };
            let latency = started.elapsed();
            self.out.trace(format!(
                "< #{} {} in {:.1} ms",
                delivery.number,
                error.as_deref().unwrap_or("2xx"),
                latency.as_secs_f64() * 1000.0
            ));
            statuses.push(status);
            if error.is_none() || statuses.len() > plan.retries as usize {
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
            self.out.trace(format!(
                "* #{} retrying in {} ms with the same body",
                delivery.number,
                backoff.as_millis()
            ));
            tokio::time::sleep(backoff).await;
            backoff = (backoff * 2).min(MAX_BACKOFF);
        }
    }

    /// `-v`: the request with its secrets (Authorization, ClubCollect's api_key) masked.
    fn trace_request(&self, request: &reqwest::Request, body: &Bytes) {
        let mut lines = vec![format!("> {} {}", request.method(), request.url())];
        for (name, value) in request.headers() {
            let value = String::from_utf8_lossy(value.as_bytes());
            let value = if name == reqwest::header::AUTHORIZATION {
                mask_authorization(&value)
            } else {
                value.into_owned()
            };
            lines.push(format!("> {name}: {value}"));
        }
        let text = match serde_json::from_slice::<Value>(body) {
            Ok(Value::Object(mut map)) => {
                if let Some(Value::String(key)) = map.get_mut(CLUBCOLLECT_KEY_FIELD) {
                    *key = mask(key);
                }
                Value::Object(map).to_string()
            }
            _ => String::from_utf8_lossy(body).into_owned(),
        };
        lines.push(format!("> {text}"));
        self.out.trace(lines.join("\n"));
    }
}
