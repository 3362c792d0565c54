//! Delivering an echo: the exact request body, POSTed to the registered URL, retried on a
//! non-2xx answer (a redirect included: it is never followed) or a network failure after each
//! delay of the retry schedule, then given up. Every attempt is one line on stdout (the
//! sandbox's delivery log), human or JSON.
//!
//! Memory is bounded: at most `max_in_flight` attempts are under way at once (the others
//! wait for a slot), at most `HELD_PER_SLOT` times as many deliveries are held at all, each
//! with a body of at most the API's body limit, and of an answer only its status and
//! `Location` are kept.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::Url;
use reqwest::header::{HeaderMap, HeaderValue};
use serde_json::json;
use tokio::sync::{Notify, Semaphore, SemaphorePermit, watch};

use crate::client::{http_client, redacted, send_error_cause};
use crate::error::{Error, Result};
use crate::output::{Output, Paint, counted, escape_controls, style};
use crate::signature::{Key, insert_signature, unix_now};
use crate::timefmt;

/// How long one delivery attempt may take, like a real provider's receiver timeout.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);
/// Deliveries held (queued, in flight or waiting to retry) per attempt slot; an echo past
/// that is refused, so a flood of echoes cannot grow the queue without end.
pub const HELD_PER_SLOT: usize = 16;

/// One echo to deliver.
pub struct Delivery {
    pub id: String,
    pub partner: String,
    pub notification_type: u32,
    pub url: Url,
    /// `url` fit to print: its password masked.
    pub shown_url: String,
    pub body: Bytes,
}

impl Delivery {
    pub fn new(partner: String, notification_type: u32, url: Url, body: Bytes) -> Delivery {
        Delivery {
            id: uuid::Uuid::new_v4().to_string(),
            partner,
            notification_type,
            shown_url: redacted(&url).to_string(),
            url,
            body,
        }
    }
}

/// Why an echo's delivery was not taken on.
#[derive(Debug, PartialEq)]
pub enum Refused {
    /// As many deliveries as may be held are held already.
    Full(usize),
    /// The sandbox is stopping.
    Stopping,
}

pub struct Deliverer {
    http: reqwest::Client,
    /// The delays before the 2nd, 3rd, … attempt.
    schedule: Vec<Duration>,
    /// `--sign`: signs each attempt.
    signing: Option<Key>,
    out: Output,
    /// One permit per attempt that may be under way at once.
    slots: Semaphore,
    max_in_flight: usize,
    /// Deliveries started and not yet delivered or given up.
    unfinished: AtomicUsize,
    /// Deliveries waiting for a slot.
    queued: AtomicUsize,
    /// Deliveries given up because the sandbox stopped before they were done.
    abandoned: AtomicUsize,
    /// True once the sandbox stops: waits for a retry or a slot end at once.
    stopping: watch::Sender<bool>,
    /// Signalled whenever a delivery ends.
    ended: Notify,
    /// Signalled when a line of the delivery log could not be written because stdout is
    /// closed (EPIPE): nobody reads the log any more.
    stdout_closed: Notify,
}

/// What one attempt led to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Delivered,
    RetryingIn(Duration),
    GaveUp,
}

impl Deliverer {
    pub fn new(
        schedule: Vec<Duration>,
        max_in_flight: usize,
        signing: Option<Key>,
        out: Output,
    ) -> Self {
        Deliverer {
            http: http_client(ATTEMPT_TIMEOUT, false),
            schedule,
            signing,
            out,
            slots: Semaphore::new(max_in_flight),
            max_in_flight,
            unfinished: AtomicUsize::new(0),
            queued: AtomicUsize::new(0),
            abandoned: AtomicUsize::new(0),
            stopping: watch::Sender::new(false),
            ended: Notify::new(),
            stdout_closed: Notify::new(),
        }
    }

    /// Attempts per delivery: the first one, then one after each delay.
    pub fn attempts(&self) -> usize {
        self.schedule.len() + 1
    }

    /// The most deliveries held at once.
    fn max_held(&self) -> usize {
        self.max_in_flight * HELD_PER_SLOT
    }

    /// Takes the delivery on and starts it in its own task, or says why not.
    pub fn start(self: &std::sync::Arc<Self>, delivery: Delivery) -> Result<(), Refused> {
        if *self.stopping.borrow() {
            return Err(Refused::Stopping);
        }
        let max = self.max_held();
        self.unfinished
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| {
                (n < max).then_some(n + 1)
            })
            .map_err(|_| Refused::Full(max))?;
        let deliverer = self.clone();
        tokio::spawn(async move {
            deliverer.attempt_until_done(&delivery).await;
            deliverer.unfinished.fetch_sub(1, Ordering::SeqCst);
            deliverer.ended.notify_one();
        });
        Ok(())
    }

    /// Resolves once a line of the delivery log met a closed stdout.
    pub async fn stdout_closed(&self) {
        self.stdout_closed.notified().await;
    }

    /// Ends the deliveries: attempts under way finish (each within the attempt timeout);
    /// deliveries waiting for a retry or a slot are given up. Returns how many were not done.
    pub async fn stop(&self) -> usize {
        self.stopping.send_replace(true);
        let all_ended = async {
            while self.unfinished.load(Ordering::SeqCst) > 0 {
                self.ended.notified().await;
            }
        };
        // Only a log line blocked on a stdout nobody reads (but still open) can take longer:
        // such a delivery is left, not waited for.
        let _ = tokio::time::timeout(ATTEMPT_TIMEOUT + Duration::from_secs(1), all_ended).await;
        self.abandoned.load(Ordering::SeqCst) + self.unfinished.load(Ordering::SeqCst)
    }

    /// Resolves when the sandbox starts stopping.
    async fn stopped(&self, stopping: &mut watch::Receiver<bool>) {
        // The sender lives as long as `self`, so this only returns once it is true.
        let _ = stopping.wait_for(|stopping| *stopping).await;
    }

    /// A slot for one attempt, waiting in the queue when all are taken; None when the
    /// sandbox stops first.
    async fn slot(&self, stopping: &mut watch::Receiver<bool>) -> Option<SemaphorePermit<'_>> {
        if let Ok(slot) = self.slots.try_acquire() {
            return Some(slot);
        }
        if self.queued.fetch_add(1, Ordering::SeqCst) == 0 {
            self.out.note(format!(
                "deliveries are queued: {} under way (--max-in-flight {})",
                counted(self.max_in_flight, "attempt is", "attempts are"),
                self.max_in_flight
            ));
        }
        let slot = tokio::select! {
            slot = self.slots.acquire() => slot.ok(),
            () = self.stopped(stopping) => None,
        };
        self.queued.fetch_sub(1, Ordering::SeqCst);
        slot
    }

    async fn attempt_until_done(&self, delivery: &Delivery) {
        let attempts = self.attempts();
        let mut stopping = self.stopping.subscribe();
        for attempt in 1..=attempts {
            if *stopping.borrow() {
                break;
            }
            let Some(slot) = self.slot(&mut stopping).await else {
                break;
            };
            let mut headers = HeaderMap::new();
            headers.insert(
                reqwest::header::CONTENT_TYPE,
                HeaderValue::from_static("application/json"),
            );
            // Signed anew for each attempt: the delivery's id, a fresh timestamp.
            if let Some(key) = &self.signing {
                insert_signature(&mut headers, key, &delivery.id, unix_now(), &delivery.body);
            }
            let started = Instant::now();
            let answer = self
                .http
                .post(delivery.url.clone())
                .headers(headers)
                .body(delivery.body.clone())
                .send()
                .await;
            drop(slot);
            let latency = started.elapsed();
            let (status, location, error) = match &answer {
                Ok(response) => (
                    Some(response.status()),
                    redirect_target(&delivery.url, response),
                    None,
                ),
                Err(e) => (None, None, Some(send_error_cause(e))),
            };
            // Only the status and the Location are kept: the answer's body is never read.
            drop(answer);
            let outcome = match (status, self.schedule.get(attempt - 1)) {
                (Some(status), _) if status.is_success() => Outcome::Delivered,
                (_, Some(delay)) => Outcome::RetryingIn(*delay),
                (_, None) => Outcome::GaveUp,
            };
            let attempt_log = Attempt {
                delivery,
                attempt,
                attempts,
                status,
                location: location.as_deref(),
                error: error.as_deref(),
                latency,
                outcome,
            };
            let written = if self.out.json {
                self.out.try_line(attempt_log.json().to_string())
            } else {
                self.out.try_line(attempt_log.human(self.out.stdout()))
            };
            if written.is_err_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe) {
                self.stdout_closed.notify_one();
            }
            match outcome {
                Outcome::RetryingIn(delay) => tokio::select! {
                    () = tokio::time::sleep(delay) => {}
                    () = self.stopped(&mut stopping) => break,
                },
                Outcome::Delivered | Outcome::GaveUp => return,
            }
        }
        self.abandoned.fetch_add(1, Ordering::SeqCst);
    }
}

/// Where a 3xx answer points, resolved against the URL it came from and fit to print.
fn redirect_target(from: &Url, response: &reqwest::Response) -> Option<String> {
    if !response.status().is_redirection() {
        return None;
    }
    let location = response.headers().get(reqwest::header::LOCATION)?;
    let location = String::from_utf8_lossy(location.as_bytes());
    Some(match from.join(&location) {
        Ok(url) => redacted(&url).to_string(),
        Err(_) => escape_controls(&location),
    })
}

/// One line of the delivery log.
struct Attempt<'a> {
    delivery: &'a Delivery,
    attempt: usize,
    attempts: usize,
    status: Option<reqwest::StatusCode>,
    /// A redirect's target: shown, never followed.
    location: Option<&'a str>,
    error: Option<&'a str>,
    latency: Duration,
    outcome: Outcome,
}

impl Attempt<'_> {
    fn json(&self) -> serde_json::Value {
        let (outcome, retry_in_ms) = match self.outcome {
            Outcome::Delivered => ("delivered", None),
            Outcome::RetryingIn(delay) => ("retrying", Some(delay.as_millis() as u64)),
            Outcome::GaveUp => ("gave_up", None),
        };
        json!({
            "time": timefmt::now(),
            "delivery_id": self.delivery.id,
            "partner": self.delivery.partner,
            "notification_type": self.delivery.notification_type,
            "url": self.delivery.shown_url,
            "attempt": self.attempt,
            "attempts": self.attempts,
            "status": self.status.map(|s| s.as_u16()),
            "location": self.location,
            "error": self.error,
            "latency_ms": self.latency.as_millis() as u64,
            "outcome": outcome,
            "retry_in_ms": retry_in_ms,
        })
    }

    fn human(&self, paint: Paint) -> String {
        let result = match (self.status, self.error) {
            (Some(status), _) if status.is_success() => paint.paint(status, style::PASSED),
            (Some(status), _) => paint.paint(
                match self.location {
                    Some(location) => format!("{status} to {location} (not followed)"),
                    None => status.to_string(),
                },
                style::FAILED,
            ),
            (None, error) => paint.paint(
                format_args!("error: {}", error.unwrap_or("unknown")),
                style::FAILED,
            ),
        };
        let outcome = match self.outcome {
            Outcome::Delivered => paint.paint("delivered", style::PASSED),
            Outcome::RetryingIn(delay) => {
                format!("retrying in {}", timefmt::format_duration(delay))
            }
            Outcome::GaveUp => paint.paint(
                format_args!(
                    "gave up after {}",
                    counted(self.attempts, "attempt", "attempts")
                ),
                style::BAD,
            ),
        };
        format!(
            "{}  type {}  POST {}  attempt {}/{}  {result}  {} ms  {outcome}",
            paint.paint(timefmt::now(), style::DIM),
            self.delivery.notification_type,
            self.delivery.shown_url,
            self.attempt,
            self.attempts,
            self.latency.as_millis(),
        )
    }
}

/// `--retry-schedule`: comma-separated delays such as `1s,5s,30s` or `50ms,200ms` (units ms,
/// s, m); an empty list means a single attempt.
pub fn parse_schedule(text: &str) -> Result<Vec<Duration>> {
    if text.trim().is_empty() {
        return Ok(Vec::new());
    }
    text.split(',')
        .map(|item| {
            timefmt::parse_duration(item).ok_or_else(|| {
                Error::usage(format!(
                    "--retry-schedule: '{}' is not a delay; give a comma-separated list such as \
                     1s,5s,30s or 50ms,200ms (units: ms, s, m, h)",
                    item.trim()
                ))
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_take_seconds_milliseconds_and_minutes() {
        assert_eq!(
            parse_schedule("1s, 5s,30s").unwrap(),
            [1, 5, 30].map(Duration::from_secs)
        );
        assert_eq!(
            parse_schedule("50ms,2m").unwrap(),
            [Duration::from_millis(50), Duration::from_secs(120)]
        );
        assert!(parse_schedule("").unwrap().is_empty());
    }

    #[test]
    fn schedules_without_units_or_numbers_are_refused() {
        for bad in ["s", "1s,,2s", "-1s", "soon"] {
            assert!(parse_schedule(bad).is_err(), "{bad} should be refused");
        }
    }
}
