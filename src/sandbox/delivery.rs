//! Delivering an echo: the exact request body, POSTed to the registered URL, retried on a
//! non-2xx answer or a network failure after each delay of the retry schedule, then given up.
//! Every attempt is one line on stdout (the sandbox's delivery log), human or JSON.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use colored::Colorize;
use serde_json::json;

use crate::client::{http_client, send_error_cause};
use crate::error::{Error, Result};
use crate::output::Output;
use crate::timefmt;

/// How long one delivery attempt may take, like a real provider's receiver timeout.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);

/// One echo to deliver.
pub struct Delivery {
    pub id: String,
    pub partner: String,
    pub notification_type: u32,
    pub url: String,
    pub body: Bytes,
}

pub struct Deliverer {
    http: reqwest::Client,
    /// The delays before the 2nd, 3rd, … attempt.
    schedule: Vec<Duration>,
    out: Output,
    /// Deliveries started and not yet delivered or given up.
    unfinished: AtomicUsize,
}

/// What one attempt led to.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Delivered,
    RetryingIn(Duration),
    GaveUp,
}

impl Deliverer {
    pub fn new(schedule: Vec<Duration>, out: Output) -> Self {
        Deliverer {
            http: http_client(ATTEMPT_TIMEOUT, false),
            schedule,
            out,
            unfinished: AtomicUsize::new(0),
        }
    }

    /// Attempts per delivery: the first one, then one after each delay.
    pub fn attempts(&self) -> usize {
        self.schedule.len() + 1
    }

    /// Deliveries still under way (waiting to retry, most likely).
    pub fn unfinished(&self) -> usize {
        self.unfinished.load(Ordering::SeqCst)
    }

    pub async fn deliver(&self, delivery: Delivery) {
        self.unfinished.fetch_add(1, Ordering::SeqCst);
        self.attempt_until_done(delivery).await;
        self.unfinished.fetch_sub(1, Ordering::SeqCst);
    }

    async fn attempt_until_done(&self, delivery: Delivery) {
        let attempts = self.attempts();
        for attempt in 1..=attempts {
            let started = Instant::now();
            let answer = self
                .http
                .post(&delivery.url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(delivery.body.clone())
                .send()
                .await;
            let latency = started.elapsed();
            let (status, error) = match &answer {
                Ok(response) => (Some(response.status()), None),
                Err(e) => (None, Some(send_error_cause(e))),
            };
            let outcome = match (status, self.schedule.get(attempt - 1)) {
                (Some(status), _) if status.is_success() => Outcome::Delivered,
                (_, Some(delay)) => Outcome::RetryingIn(*delay),
                (_, None) => Outcome::GaveUp,
            };
            let attempt_log = Attempt {
                delivery: &delivery,
                attempt,
                attempts,
                status,
                error: error.as_deref(),
                latency,
                outcome,
            };
            if self.out.json {
                self.out.json_line(&attempt_log.json());
            } else {
                self.out.line(attempt_log.human());
            }
            match outcome {
                Outcome::RetryingIn(delay) => tokio::time::sleep(delay).await,
                Outcome::Delivered | Outcome::GaveUp => return,
            }
        }
    }
}

/// One line of the delivery log.
struct Attempt<'a> {
    delivery: &'a Delivery,
    attempt: usize,
    attempts: usize,
    status: Option<reqwest::StatusCode>,
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
            "url": self.delivery.url,
            "attempt": self.attempt,
            "attempts": self.attempts,
            "status": self.status.map(|s| s.as_u16()),
            "error": self.error,
            "latency_ms": self.latency.as_millis() as u64,
            "outcome": outcome,
            "retry_in_ms": retry_in_ms,
        })
    }

    fn human(&self) -> String {
        let result = match (self.status, self.error) {
            (Some(status), _) if status.is_success() => status.to_string().green().to_string(),
            (Some(status), _) => status.to_string().red().to_string(),
            (None, error) => format!("error: {}", error.unwrap_or("unknown"))
                .red()
                .to_string(),
        };
        let outcome = match self.outcome {
            Outcome::Delivered => "delivered".green().to_string(),
            Outcome::RetryingIn(delay) => {
                format!("retrying in {}", timefmt::format_duration(delay))
            }
            Outcome::GaveUp => format!("gave up after {} attempts", self.attempts)
                .red()
                .bold()
                .to_string(),
        };
        format!(
            "{}  type {}  POST {}  attempt {}/{}  {result}  {} ms  {outcome}",
            timefmt::now().dimmed(),
            self.delivery.notification_type,
            self.delivery.url,
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
