//! What `hooks replay` tells: one line (or JSON object) per delivery, a progress bar on a
//! terminal when there are many, and the summary. Latencies are kept as microseconds in a
//! `Vec<u32>` (4 MB for a million deliveries); responses are never kept.

use std::collections::BTreeMap;
use std::io::{ErrorKind, IsTerminal, Write};
use std::sync::Arc;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::{Value, json};

use super::deliver::{Outcome, Stop, Stopped};
use super::{FEW, Plan};
use crate::error::{Error, Result};
use crate::output::{Output, counted, style};

/// How many failures the summary names one by one.
const NAMED_FAILURES: usize = 10;
/// Buffered stdout is written once it holds this much, or when the last write is this old,
/// so a fast run makes few writes and a slow one still shows each line as it happens.
const FLUSH_AT: usize = 64 * 1024;
const FLUSH_EVERY: Duration = Duration::from_millis(100);

pub struct Reporter {
    /// Each template's label, by index.
    labels: Vec<String>,
    rounds: u64,
    out: Output,
    /// At most FEW deliveries: every line is written at once.
    few: bool,
    /// One line per delivery (always with --json).
    lines: bool,
    bar: Option<ProgressBar>,
    /// Per template, its `"source","provider","kind"` members as JSON text.
    sources: Vec<String>,
    stdout: Vec<u8>,
    /// When `stdout` was last written out.
    flushed: Instant,
    /// Told when stdout turns out to be closed.
    stop: Arc<Stop>,
    stdout_closed: bool,
    /// The summary is printed: deliveries still finishing are not reported.
    finished: bool,
    sent: u64,
    requests: u64,
    ok: u64,
    /// Failed deliveries by their last status ("500", or "no answer").
    by_status: BTreeMap<String, u64>,
    failures: Vec<Value>,
    latencies: Vec<u32>,
    /// The run's start: its elapsed time includes the pauses between rounds.
    started: Instant,
}

impl Reporter {
    pub fn new(plan: &Plan, stop: Arc<Stop>, out: Output) -> Self {
        let total = plan.per_round * plan.rounds;
        let many = total > FEW;
        let bar = (many && std::io::stderr().is_terminal()).then(|| {
            let bar = ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::stderr());
            if let Ok(style) =
                ProgressStyle::with_template("{bar:40} {pos}/{len} deliveries in {elapsed} {msg}")
            {
                bar.set_style(style);
            }
            bar
        });
        Reporter {
            labels: plan.templates.iter().map(|t| t.label.clone()).collect(),
            rounds: plan.rounds,
            out,
            lines: out.json || !many,
            few: !many,
            bar,
            sources: plan
                .templates
                .iter()
                .map(|t| {
                    let members = json!({
                        "source": t.label,
                        "provider": t.provider.as_str(),
                        "kind": t.kind,
                    })
                    .to_string();
                    members[1..members.len() - 1].to_string()
                })
                .collect(),
            stdout: Vec::new(),
            flushed: Instant::now(),
            stop,
            stdout_closed: false,
            finished: false,
            sent: 0,
            requests: 0,
            ok: 0,
            by_status: BTreeMap::new(),
            failures: Vec::new(),
            latencies: Vec::with_capacity(total.min(1 << 20) as usize),
            started: Instant::now(),
        }
    }

    pub fn delivery(&mut self, outcome: &Outcome) {
        if self.finished {
            return;
        }
        self.sent += 1;
        self.requests += outcome.statuses.len() as u64;
        self.latencies
            .push(u32::try_from(outcome.latency.as_micros()).unwrap_or(u32::MAX));
        let label = &self.labels[outcome.template];
        let status = outcome.status();
        if outcome.ok() {
            self.ok += 1;
        } else {
            let key = status.map_or("no answer".to_string(), |s| s.to_string());
            *self.by_status.entry(key).or_default() += 1;
            if self.failures.len() < NAMED_FAILURES {
                self.failures.push(json!({
                    "delivery": outcome.number,
                    "source": label,
                    "status": status,
                    "error": outcome.error,
                }));
            }
            if let Some(bar) = &self.bar {
                let failed: u64 = self.by_status.values().sum();
                bar.set_message(format!("{failed} failed"));
            }
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
        }
        if !self.lines {
            return;
        }
        let latency_ms = round3(outcome.latency.as_secs_f64() * 1000.0);
        if self.out.json {
            self.json_line(outcome, latency_ms);
        } else {
            let line = self.human_line(outcome, latency_ms);
            self.stdout.extend_from_slice(line.as_bytes());
        }
        self.stdout.push(b'\n');
        if self.few || self.stdout.len() >= FLUSH_AT || self.flushed.elapsed() >= FLUSH_EVERY {
            self.flush();
        }
    }

    /// One delivery as a JSON object, written straight into the buffer: at tens of
    /// thousands of deliveries a second, building a `Value` per line would cost more than
    /// the request. The per-source fields are encoded once, in `sources`.
    fn json_line(&mut self, outcome: &Outcome, latency_ms: f64) {
        let statuses: Vec<String> = outcome
            .statuses
            .iter()
            .map(|s| s.map_or("null".into(), |s| s.to_string()))
            .collect();
        let _ = write!(
            self.stdout,
            r#"{{"type":"delivery","delivery":{},"round":{},{},"status":{},"ok":{},"attempts":{},"statuses":[{}],"latency_ms":{},"error":{}"#,
            outcome.number,
            outcome.round,
            self.sources[outcome.template],
            outcome.status().map_or("null".into(), |s| s.to_string()),
            outcome.ok(),
            outcome.statuses.len(),
            statuses.join(","),
            latency_ms,
            Value::from(outcome.error.clone()),
        );
        if outcome.ids.is_some() {
            let _ = write!(self.stdout, r#","carried_ids":{}"#, outcome.carried);
        }
        self.stdout.push(b'}');
    }

    fn human_line(&self, outcome: &Outcome, latency_ms: f64) -> String {
        let status = outcome
            .status()
            .map_or("---".to_string(), |s| s.to_string());
        let status = self.out.stdout().paint(
            status,
            if outcome.ok() {
                style::PASSED
            } else {
                style::BAD
            },
        );
        let mut notes = Vec::new();
        if self.rounds > 1 {
            notes.push(format!("round {}/{}", outcome.round, self.rounds));
        }
        if outcome.carried > 0 {
            notes.push(format!("{} carried", counted(outcome.carried, "id", "ids")));
        }
        if outcome.statuses.len() > 1 {
            let tries: Vec<String> = outcome
                .statuses
                .iter()
                .map(|s| s.map_or("no answer".into(), |s| s.to_string()))
                .collect();
            notes.push(format!("attempts: {}", tries.join(", ")));
        }
        if let Some(error) = &outcome.error {
            notes.push(error.clone());
        }
        let notes = if notes.is_empty() {
            String::new()
        } else {
            format!("  ({})", notes.join("; "))
        };
        format!(
            "#{:<4} {status} {:>9.1} ms  {}{notes}",
            outcome.number, latency_ms, self.labels[outcome.template]
        )
    }

    pub fn round_done(&mut self) {
        // The pause before the next round may be minutes long.
        self.flush();
    }

    /// A diagnostic on stderr, above the progress bar when there is one.
    pub fn note(&self, text: &str) {
        match &self.bar {
            Some(bar) => bar.suspend(|| self.out.note(text)),
            None => self.out.note(text),
        }
    }

    /// Writes buffered lines to stdout. A closed pipe (`| head -1`) stops the run: nobody
    /// reads what the deliveries would print.
    pub fn flush(&mut self) {
        self.flushed = Instant::now();
        if self.stdout.is_empty() {
            return;
        }
        if !self.stdout_closed {
            let mut stdout = std::io::stdout().lock();
            if let Err(e) = stdout.write_all(&self.stdout).and_then(|()| stdout.flush())
                && e.kind() == ErrorKind::BrokenPipe
            {
                self.stdout_closed = true;
                self.stop.set(Stopped::StdoutClosed);
            }
        }
        self.stdout.clear();
    }

    /// Prints the summary of what was sent (so far, when `stopped`). The outcome: exit
    /// 130 after a Ctrl-C; otherwise an error (exit 1) when any delivery did not end 2xx.
    /// `unconfirmed` counts carried ids still not confirmed after the last round.
    pub fn finish(&mut self, unconfirmed: usize, stopped: Option<Stopped>) -> Result<()> {
        self.flush();
        self.finished = true;
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
        let interrupted = stopped == Some(Stopped::Interrupted);
        if stopped == Some(Stopped::StdoutClosed) {
            self.out.note(format!(
                "stdout was closed: stopped after {}",
                counted(self.sent, "delivery", "deliveries")
            ));
        }
        self.latencies.sort_unstable();
        let percentile = |p| round3(f64::from(nearest_rank(&self.latencies, p)) / 1000.0);
        let (p50, p99) = (percentile(50), percentile(99));
        let seconds = self.started.elapsed().as_secs_f64();
        let per_sec = if seconds > 0.0 {
            (self.requests as f64 / seconds).round()
        } else {
            0.0
        };
        let failed = self.sent - self.ok;
        let by_status = self
            .by_status
            .iter()
            .map(|(status, n)| format!("{status} ×{n}"))
            .collect::<Vec<_>>()
            .join(", ");
        if self.out.json {
            let mut summary = json!({
                "type": "summary",
                "sent": self.sent,
                "requests": self.requests,
                "ok": self.ok,
                "failed": failed,
                "failures_by_status": self.by_status,
                "failures": self.failures,
                "latency_ms": {"p50": p50, "p99": p99},
                "elapsed_s": round3(seconds),
                "requests_per_sec": per_sec,
                "rounds": self.rounds,
                "interrupted": interrupted,
            });
            if self.rounds > 1 {
                summary["unconfirmed_ids"] = unconfirmed.into();
            }
            self.out.json_line(&summary);
        } else {
            let mut text = format!(
                "{}sent {} ({}) in {:.2} s: {} answered 2xx",
                if interrupted { "interrupted: " } else { "" },
                counted(self.sent, "delivery", "deliveries"),
                counted(self.requests, "request", "requests"),
                seconds,
                self.ok
            );
            if failed > 0 {
                text.push_str(&format!(", {failed} failed ({by_status})"));
            }
            text.push_str(&format!(
                "\nlatency p50 {p50} ms, p99 {p99} ms; {per_sec} requests/s"
            ));
            if self.rounds > 1 {
                text.push_str(&format!(
                    "\n{} still unconfirmed after round {}",
                    counted(unconfirmed, "carried id", "carried ids"),
                    self.rounds
                ));
            }
            for failure in &self.failures {
                text.push_str(&format!(
                    "\nfailed: #{} {}: {}",
                    failure["delivery"],
                    failure["source"].as_str().unwrap_or_default(),
                    failure["error"].as_str().unwrap_or_default()
                ));
            }
            let unnamed = failed - self.failures.len() as u64;
            if unnamed > 0 {
                text.push_str(&format!(
                    "\n… and {}",
                    counted(unnamed, "more failure", "more failures")
                ));
            }
            self.out.line(text);
        }
        if interrupted {
            Err(Error::Interrupted)
        } else if failed == 0 {
            Ok(())
        } else {
            let first = self.failures.first().map_or(String::new(), |f| {
                format!(
                    "; first: {}: {}",
                    f["source"].as_str().unwrap_or_default(),
                    f["error"].as_str().unwrap_or_default()
                )
            });
            Err(Error::failure(format!(
                "{failed} of {} did not end 2xx ({by_status}){first}",
                counted(self.sent, "delivery", "deliveries")
            )))
        }
    }
}

fn round3(value: f64) -> f64 {
    (value * 1000.0).round() / 1000.0
}

/// The `p`th percentile of sorted samples by the nearest-rank method: the smallest sample
/// that at least p% of them do not exceed (of two, p99 is the slower); 0 for none.
fn nearest_rank(sorted: &[u32], p: u64) -> u32 {
    let n = sorted.len() as u64;
    let rank = (p * n).div_ceil(100).max(1);
    sorted.get(rank as usize - 1).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_use_the_nearest_rank() {
        assert_eq!(nearest_rank(&[], 99), 0);
        assert_eq!((nearest_rank(&[7], 50), nearest_rank(&[7], 99)), (7, 7));
        assert_eq!(
            (nearest_rank(&[1, 9], 50), nearest_rank(&[1, 9], 99)),
            (1, 9)
        );
        assert_eq!(
            (nearest_rank(&[1, 2, 3], 50), nearest_rank(&[1, 2, 3], 99)),
            (2, 3)
        );
        let hundred: Vec<u32> = (1..=100).collect();
        assert_eq!(
            (nearest_rank(&hundred, 50), nearest_rank(&hundred, 99)),
            (50, 99)
        );
    }
}
