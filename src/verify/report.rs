//! What `hooks verify` reports: a table and a summary line, one JSON document (`--json`), or
//! JUnit XML (`--junit FILE`), all from the same results.

use std::time::Duration;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use serde_json::{Value, json};

use super::checks::{Check, Level};
use super::send::{Exchange, Sender};
use super::{Outcome, Subject, Verdict};
use crate::client::redacted;
use crate::output::{Output, counted, style, table};

pub struct Report<'a> {
    provider: &'a str,
    /// The receiver's URL, its password masked.
    url: String,
    results: Vec<Row<'a>>,
    /// Checks not run because the user pressed Ctrl-C.
    not_run: usize,
}

/// One check's result, as every form of the report shows it.
struct Row<'a> {
    check: &'a Check,
    outcome: &'a Outcome,
    status: Option<u16>,
    latency: Option<Duration>,
}

impl<'a> Report<'a> {
    /// The report of `results`; `not_run` checks were left when the user pressed Ctrl-C.
    pub fn new(
        subject: &Subject,
        sender: &Sender,
        results: &'a [(Check, Outcome)],
        not_run: usize,
    ) -> Report<'a> {
        Report {
            not_run,
            provider: subject.provider.as_str(),
            url: sender.hide(redacted(&sender.url).as_str()).into_owned(),
            results: results
                .iter()
                .map(|(check, outcome)| Row {
                    check,
                    outcome,
                    status: outcome.status,
                    latency: outcome.latency(),
                })
                .collect(),
        }
    }

    fn count(&self, verdict: Verdict) -> usize {
        self.results
            .iter()
            .filter(|row| row.outcome.verdict == verdict)
            .count()
    }

    pub fn failed_required(&self) -> usize {
        self.results
            .iter()
            .filter(|row| {
                row.outcome.verdict == Verdict::Failed && row.check.level == Level::Required
            })
            .count()
    }

    /// `9 checks: 7 passed, 1 failed (1 required), 1 skipped`.
    fn summary(&self) -> String {
        let failed = self.count(Verdict::Failed);
        let mut summary = format!(
            "{}: {} passed, {failed} failed",
            counted(self.results.len(), "check", "checks"),
            self.count(Verdict::Passed)
        );
        if failed > 0 {
            summary.push_str(&format!(" ({} required)", self.failed_required()));
        }
        let skipped = self.count(Verdict::Skipped);
        if skipped > 0 {
            summary.push_str(&format!(", {skipped} skipped"));
        }
        if self.not_run > 0 {
            summary.push_str(&format!("; {} not run (Ctrl-C)", self.not_run));
        }
        summary
    }

    pub fn print(&self, out: Output) {
        if out.json {
            out.json_line(&self.json());
            return;
        }
        let header: Vec<String> = ["CHECK", "LEVEL", "VERDICT", "STATUS", "LATENCY", "WHY"]
            .map(String::from)
            .to_vec();
        let rows: Vec<Vec<String>> = self
            .results
            .iter()
            .map(|row| {
                vec![
                    row.check.id.clone(),
                    row.check.level.as_str().to_string(),
                    row.outcome.verdict.as_str().to_string(),
                    row.status
                        .map_or("-".to_string(), |status| status.to_string()),
                    row.latency.map_or("-".to_string(), |latency| {
                        format!("{} ms", latency.as_millis())
                    }),
                    row.outcome.message.clone(),
                ]
            })
            .collect();
        let paint = out.stdout();
        out.line(table(&header, &rows, paint));
        let verdict = if self.failed_required() > 0 {
            paint.paint("failed", style::FAILED)
        } else if self.not_run > 0 {
            paint.paint("interrupted", style::WARNING)
        } else {
            paint.paint("passed", style::PASSED)
        };
        out.line(format!(
            "{verdict}: {} at {}, {}",
            self.provider,
            self.url,
            self.summary()
        ));
    }

    fn json(&self) -> Value {
        json!({
            "url": self.url,
            "provider": self.provider,
            "passed": self.failed_required() == 0 && self.not_run == 0,
            "interrupted": self.not_run > 0,
            "summary": {
                "checks": self.results.len(),
                "not_run": self.not_run,
                "passed": self.count(Verdict::Passed),
                "failed": self.count(Verdict::Failed),
                "failed_required": self.failed_required(),
                "skipped": self.count(Verdict::Skipped),
            },
            "checks": self.results.iter().map(|row| json!({
                "id": row.check.id,
                "level": row.check.level,
                "description": row.check.description,
                "rule": row.check.rule,
                "documented": row.check.documented,
                "verdict": row.outcome.verdict.as_str(),
                "status": row.status,
                "latency_ms": row.latency.map(|latency| latency.as_millis() as u64),
                "message": row.outcome.message,
                "exchanges": row.outcome.exchanges.iter().map(|exchange| json!({
                    "request": exchange.request,
                    "answer": exchange.answer_line(),
                    "latency_ms": exchange.latency.as_millis() as u64,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        })
    }

    /// JUnit XML as CI systems read it: one testsuite for the provider, one testcase per
    /// check; a failure carries the requests and the answers, a skipped check its reason.
    pub fn junit(&self) -> Vec<u8> {
        let seconds = |duration: Duration| format!("{:.3}", duration.as_secs_f64());
        let total: Duration = self.results.iter().map(|row| row.outcome.elapsed).sum();
        let tests = self.results.len().to_string();
        let failures = self.count(Verdict::Failed).to_string();
        let skipped = self.count(Verdict::Skipped).to_string();
        let classname = format!("hooks.verify.{}", self.provider);
        let mut xml = Writer::new_with_indent(Vec::new(), b' ', 2);
        let mut write = |event: Event<'_>| {
            xml.write_event(event)
                .expect("writing XML into memory cannot fail")
        };
        write(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        let counts = [
            ("tests", tests.as_str()),
            ("failures", failures.as_str()),
            ("errors", "0"),
            ("skipped", skipped.as_str()),
        ];
        let total = seconds(total);
        write(Event::Start(
            BytesStart::new("testsuites")
                .with_attributes([("name", "hooks verify")])
                .with_attributes(counts)
                .with_attributes([("time", total.as_str())]),
        ));
        write(Event::Start(
            BytesStart::new("testsuite")
                .with_attributes([("name", self.provider)])
                .with_attributes(counts)
                .with_attributes([("time", total.as_str())]),
        ));
        write(Event::Start(BytesStart::new("properties")));
        for (name, value) in [("url", self.url.as_str()), ("provider", self.provider)] {
            write(Event::Empty(
                BytesStart::new("property").with_attributes([("name", name), ("value", value)]),
            ));
        }
        write(Event::End(BytesEnd::new("properties")));
        for row in &self.results {
            let time = seconds(row.outcome.elapsed);
            let testcase = BytesStart::new("testcase").with_attributes([
                ("name", row.check.id.as_str()),
                ("classname", classname.as_str()),
                ("time", time.as_str()),
            ]);
            match row.outcome.verdict {
                Verdict::Passed => write(Event::Empty(testcase)),
                Verdict::Failed => {
                    write(Event::Start(testcase));
                    write(Event::Start(BytesStart::new("failure").with_attributes([
                        ("message", row.outcome.message.as_str()),
                        ("type", row.check.level.as_str()),
                    ])));
                    write(Event::Text(BytesText::new(&failure_text(row))));
                    write(Event::End(BytesEnd::new("failure")));
                    write(Event::End(BytesEnd::new("testcase")));
                }
                Verdict::Skipped => {
                    write(Event::Start(testcase));
                    write(Event::Empty(
                        BytesStart::new("skipped")
                            .with_attributes([("message", row.outcome.message.as_str())]),
                    ));
                    write(Event::End(BytesEnd::new("testcase")));
                }
            }
        }
        write(Event::End(BytesEnd::new("testsuite")));
        write(Event::End(BytesEnd::new("testsuites")));
        let mut bytes = xml.into_inner();
        bytes.push(b'\n');
        bytes
    }
}

/// A failed check for a CI log: what it checks and why, then each request and its answer.
fn failure_text(row: &Row<'_>) -> String {
    let mut text = format!(
        "{} ({}): {}\nrule: {}\n",
        row.check.id,
        row.check.level.as_str(),
        row.check.description,
        row.check.rule
    );
    for exchange in &row.outcome.exchanges {
        text.push_str(&exchange_text(exchange));
    }
    text
}

fn exchange_text(exchange: &Exchange) -> String {
    format!(
        "\n{}\n\n=> {} ({} ms)\n",
        exchange.request,
        exchange.answer_line(),
        exchange.latency.as_millis()
    )
}

/// `--list-checks`: each check's id, level, description and rule.
pub fn print_checks(checks: &[Check], out: Output) {
    if out.json {
        out.json_line(&Value::Array(
            checks
                .iter()
                .map(|check| {
                    json!({
                        "id": check.id,
                        "level": check.level,
                        "description": check.description,
                        "rule": check.rule,
                        "documented": check.documented,
                    })
                })
                .collect(),
        ));
        return;
    }
    let paint = out.stdout();
    for check in checks {
        out.line(format!(
            "{}  {}\n    {}\n    rule: {}",
            paint.paint(&check.id, style::LABEL),
            check.level.as_str(),
            check.description,
            check.rule
        ));
    }
}
