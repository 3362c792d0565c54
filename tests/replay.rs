//! `hooks replay` against real HTTP servers on 127.0.0.1:0.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

fn fixture_text(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures")
        .join(format!("{name}.json"));
    std::fs::read_to_string(path).unwrap()
}

fn fixture(name: &str) -> Value {
    serde_json::from_str(&fixture_text(name)).unwrap()
}

/// `hooks replay ARGS --to URL` with stdin not a terminal.
fn replay(url: &str, args: &[&str]) -> Output {
    hooks()
        .arg("replay")
        .args(args)
        .args(["--to", url])
        .write_stdin("")
        .output()
        .unwrap()
}

fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).unwrap()
}

fn json_lines(output: &Output) -> Vec<Value> {
    stdout(output)
        .lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}")))
        .collect()
}

/// Answers `status` with `body` to the `failing`-th request (from 0), 200 `{}` to the others.
fn failing_once(failing: usize, status: u16, body: &str) -> Recorder {
    let body = body.to_string();
    Recorder::start(move |_, index| {
        if index == failing {
            (status, body.clone())
        } else {
            (200, "{}".into())
        }
    })
}

fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn a_fixture_is_posted_as_json_byte_for_byte() {
    let server = Recorder::ok();
    let output = replay(
        &format!("{}/webhooks/in?partner=7", server.url),
        &["receipthero/transaction_notification"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].uri, "/webhooks/in?partner=7");
    assert_eq!(requests[0].header("content-type"), Some("application/json"));
    assert_eq!(
        requests[0].body,
        fixture_text("receipthero/transaction_notification").as_bytes()
    );
    assert!(stdout(&output).contains("200"), "{}", stdout(&output));
}

#[test]
fn a_provider_name_sends_all_its_fixtures() {
    let server = Recorder::ok();
    let output = replay(&server.url, &["receipthero"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let types: BTreeSet<String> = server
        .requests()
        .iter()
        .map(|r| r.json()["notification_type"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        types,
        BTreeSet::from(
            [
                "receipt_notification",
                "transaction_notification",
                "oauth_authorization_revoke"
            ]
            .map(String::from)
        )
    );
}

#[test]
fn files_and_directories_are_sent_with_their_exact_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let a = "{ \"hello\" :  \"world\" }\n";
    let b = "{\"eventId\":\"5f0c0f3e-6a8e-4b8e-9d55-0d6a2b7e3c11\",\"eventType\":\"INVOICE_STATUS_CHANGED\"}";
    let single = "[1, 2,3]";
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("a.json"), a).unwrap();
    std::fs::write(dir.path().join("sub/b.json"), b).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not sent").unwrap();
    let file = tempfile::NamedTempFile::with_suffix(".json").unwrap();
    std::fs::write(file.path(), single).unwrap();
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &[dir.path().to_str().unwrap(), file.path().to_str().unwrap()],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let bodies: Vec<Vec<u8>> = server.requests().into_iter().map(|r| r.body).collect();
    assert_eq!(
        bodies,
        vec![
            a.as_bytes().to_vec(),
            b.as_bytes().to_vec(),
            single.as_bytes().to_vec()
        ]
    );
}

#[test]
fn a_recording_is_replayed_with_its_headers_and_exact_bytes() {
    let first = "{\"notification_type\" : \"receipt_notification\",\n  \"receipthero_id\":\"7350515d-0f15-4663-8430-cf4d7f4057a1\",\"receipt_id\":\"5c734daf-30ce-412c-8102-b267e313322f\"}";
    let second = "{\"api_key\":\"7742c368f2dce09b78ddcaf50c61cd238b8e99cb\",\"invoice_ids\":[\"e23aa2b33516fecce5158bdc5f048d0b1f9ca6c0\"],\"import_ids\":[ ]}";
    let line = |body: &str, headers: Value| {
        json!({
            "received_at": "2025-03-30T10:15:00Z",
            "method": "POST",
            "path": "/webhooks/receipts",
            "query": "a=1",
            "headers": headers,
            "body": body,
        })
        .to_string()
    };
    let recording = format!(
        "{}\n{}\n",
        line(
            first,
            json!([
                ["host", "partner.example"],
                ["content-length", "999"],
                ["connection", "close"],
                ["content-type", "application/json; charset=utf-8"],
                ["authorization", "Token recorded-key"],
                ["x-request-id", "req-1"]
            ])
        ),
        line(second, json!([["content-type", "application/json"]]))
    );
    let file = tempfile::NamedTempFile::with_suffix(".jsonl").unwrap();
    std::fs::write(file.path(), recording).unwrap();
    let server = Recorder::ok();
    let output = replay(&server.url, &[file.path().to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].body, first.as_bytes());
    assert_eq!(requests[1].body, second.as_bytes());
    let headers = &requests[0];
    assert_eq!(headers.method, "POST");
    assert_eq!(headers.header("authorization"), Some("Token recorded-key"));
    assert_eq!(headers.header("x-request-id"), Some("req-1"));
    assert_eq!(
        headers.header("content-type"),
        Some("application/json; charset=utf-8")
    );
    assert_eq!(
        headers.header("content-length"),
        Some(first.len().to_string().as_str())
    );
    assert_ne!(headers.header("host"), Some("partner.example"));
    assert_ne!(headers.header("connection"), Some("close"));
}

#[test]
fn flags_that_change_a_recorded_body_re_serialize_it() {
    let body = "{\"eventId\":\"f47ac10b-58cc-4372-a567-0e02b2c3d479\",  \"eventType\":\"DOCUMENT_STATUS_CHANGED\",\"currentStatus\":\"OK\"}";
    let line = json!({"received_at": "2025-03-30T10:15:00Z", "method": "POST", "path": "/",
        "query": null, "headers": [], "body": body});
    let file = tempfile::NamedTempFile::with_suffix(".jsonl").unwrap();
    std::fs::write(file.path(), format!("{line}\n")).unwrap();
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &[
            file.path().to_str().unwrap(),
            "--set",
            "currentStatus=ERROR",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let received = server.requests()[0].json();
    assert_eq!(received["currentStatus"], "ERROR");
    assert_eq!(received["eventId"], "f47ac10b-58cc-4372-a567-0e02b2c3d479");
}

#[test]
fn no_source_and_no_terminal_is_a_usage_error() {
    let server = Recorder::ok();
    let output = replay(&server.url, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("no SOURCE"), "{}", stderr(&output));
    assert!(server.requests().is_empty());
}

#[test]
fn bad_values_are_usage_errors_before_anything_is_sent() {
    let server = Recorder::ok();
    let cases: [&[&str]; 8] = [
        &["no/such-fixture"],
        &["clubcollect/batch", "-H", "X-Trace 1"],
        &["clubcollect/batch", "--set", "=1"],
        &["clubcollect/batch", "--set", "api_key.inner=1"],
        &["clubcollect/batch", "--interval", "soon", "--rounds", "2"],
        &["clubcollect/batch", "--rate", "0"],
        &["document-status/invoice_status_changed", "--rounds", "2"],
        &["clubcollect/batch", "--repeat", "0"],
    ];
    for args in cases {
        let output = replay(&server.url, args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert!(stdout(&output).is_empty(), "{args:?}");
    }
    let output = replay("ftp://127.0.0.1/", &["clubcollect/batch"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(server.requests().is_empty());
}

#[test]
fn api_key_goes_where_each_provider_puts_it() {
    let key = "sk_live_4f9a2b7c1d";
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &[
            "clubcollect/realtime",
            "receipthero/receipt_notification",
            "document-status/document_status_changed",
            "--api-key",
            key,
            "-v",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    let clubcollect = &requests[0];
    assert_eq!(clubcollect.json()["api_key"], key);
    assert_eq!(
        clubcollect.json()["invoice_ids"],
        fixture("clubcollect/realtime")["invoice_ids"]
    );
    assert_eq!(clubcollect.header("authorization"), None);
    let receipthero = &requests[1];
    assert_eq!(
        receipthero.header("authorization"),
        Some(format!("Token {key}").as_str())
    );
    assert_eq!(
        receipthero.body,
        fixture_text("receipthero/receipt_notification").as_bytes()
    );
    let document = &requests[2];
    assert_eq!(document.header("authorization"), None);
    assert_eq!(
        document.body,
        fixture_text("document-status/document_status_changed").as_bytes()
    );
    for request in &requests {
        assert_eq!(request.header("content-type"), Some("application/json"));
    }
    // The -v trace shows the key masked, and nothing shows it whole.
    let err = stderr(&output);
    assert!(err.contains("Token sk_l****"), "{err}");
    assert!(err.contains("\"api_key\":\"sk_l****\""), "{err}");
    assert!(!err.contains(key) && !stdout(&output).contains(key));
}

#[test]
fn headers_and_set_change_every_request() {
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &[
            "receipthero/transaction_notification",
            "-H",
            "X-Trace: abc 1",
            "-H",
            "Content-Type: application/vnd.partner+json",
            "--set",
            "data.merchant_name=Kahvila Oy",
            "--set",
            "partner_metadata.visits=3",
            "--repeat",
            "2",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    for request in requests {
        assert_eq!(request.header("x-trace"), Some("abc 1"));
        assert_eq!(
            request.header("content-type"),
            Some("application/vnd.partner+json")
        );
        let body = request.json();
        assert_eq!(body["data"]["merchant_name"], "Kahvila Oy");
        assert_eq!(body["partner_metadata"]["visits"], 3);
        assert_eq!(body["partner_metadata"]["customer_id"], "C-10442");
    }
}

#[test]
fn fresh_ids_differ_per_delivery_and_keep_each_providers_format() {
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &[
            "document-status/document_status_changed",
            "receipthero/receipt_notification",
            "clubcollect/batch",
            "partner-callbacks/type-6",
            "--fresh-ids",
            "--repeat",
            "3",
            "--concurrency",
            "4",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let bodies: Vec<Value> = server.requests().iter().map(|r| r.json()).collect();
    assert_eq!(bodies.len(), 12);
    let of = |field: &str| -> Vec<&Value> { bodies.iter().filter_map(|b| b.get(field)).collect() };
    let distinct = |values: &[&Value], original: &Value| {
        let set: BTreeSet<String> = values.iter().map(|v| v.to_string()).collect();
        assert_eq!(set.len(), values.len(), "all different: {values:?}");
        assert!(!values.contains(&original), "{original} was renewed");
    };

    let document = fixture("document-status/document_status_changed");
    let event_ids = of("eventId");
    assert_eq!(event_ids.len(), 3);
    assert!(event_ids.iter().all(|id| is_uuid_v4(id)));
    distinct(&event_ids, &document["eventId"]);
    for at in of("occurredAt") {
        let at = OffsetDateTime::parse(at.as_str().unwrap(), &Rfc3339).unwrap();
        assert!((OffsetDateTime::now_utc() - at).whole_seconds().abs() < 120);
    }
    assert!(
        of("documentId")
            .iter()
            .all(|d| **d == document["documentId"])
    );

    let receipt = fixture("receipthero/receipt_notification");
    for field in ["receipthero_id", "receipt_id"] {
        let ids = of(field);
        assert!(ids.iter().all(|id| is_uuid_v4(id)));
        distinct(&ids, &receipt[field]);
    }

    let batch = fixture("clubcollect/batch");
    let invoices: Vec<&Value> = of("invoice_ids");
    assert_eq!(invoices.len(), 3);
    let mut all = BTreeSet::new();
    for list in &invoices {
        let list = list.as_array().unwrap();
        assert_eq!(list.len(), 3);
        for id in list {
            assert!(is_clubcollect_id(id), "{id}");
            assert!(!batch["invoice_ids"].as_array().unwrap().contains(id));
            assert!(all.insert(id.to_string()), "{id} repeated");
        }
    }
    assert!(of("api_key").iter().all(|k| **k == batch["api_key"]));
    let simulations = of("simulationUniqueId");
    assert!(simulations.iter().all(|id| is_uuid_v4(id)));
    distinct(
        &simulations,
        &fixture("partner-callbacks/type-6")["simulationUniqueId"],
    );
}

#[test]
fn repeat_and_concurrency_send_every_delivery() {
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &[
            "clubcollect/realtime",
            "partner-callbacks/type-5",
            "--repeat",
            "25",
            "--concurrency",
            "8",
            "--json",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let requests = server.requests();
    assert_eq!(requests.len(), 50);
    let realtime = requests
        .iter()
        .filter(|r| r.body == fixture_text("clubcollect/realtime").as_bytes())
        .count();
    assert_eq!(realtime, 25);
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 51);
    let numbers: BTreeSet<u64> = lines[..50]
        .iter()
        .map(|l| l["delivery"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, (1..=50).collect());
    assert_eq!(lines[50]["sent"], 50);
}

/// A server that holds every request until `n` are in flight at once, so only a sender
/// with at least that much concurrency gets answers.
fn barrier_server(n: usize) -> String {
    let barrier = Arc::new(tokio::sync::Barrier::new(n));
    serve(axum::Router::new().fallback(move || {
        let barrier = barrier.clone();
        async move {
            barrier.wait().await;
            "{}"
        }
    }))
}

#[test]
fn concurrency_keeps_that_many_deliveries_in_flight() {
    let url = barrier_server(4);
    let args = ["clubcollect/batch", "--repeat", "8", "--timeout", "5"];
    let output = replay(&url, &[&args[..], &["--concurrency", "4"]].concat());
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("8 answered 2xx"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn rate_spreads_deliveries_out() {
    let server = Recorder::ok();
    let started = Instant::now();
    let output = replay(
        &server.url,
        &[
            "clubcollect/realtime",
            "--repeat",
            "6",
            "--rate",
            "20",
            "--concurrency",
            "6",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(server.requests().len(), 6);
    // Six starts at 20 per second are at least five gaps of 50 ms apart.
    assert!(
        started.elapsed() >= Duration::from_millis(250),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn retries_resend_the_same_body_and_event_id_after_a_503() {
    let server = failing_once(0, 503, r#"{"error":"try later"}"#);
    let output = replay(
        &server.url,
        &[
            "document-status/document_status_changed",
            "--fresh-ids",
            "--retries",
            "3",
            "--json",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].body, requests[1].body);
    let event_id = &requests[0].json()["eventId"];
    assert_ne!(
        *event_id,
        fixture("document-status/document_status_changed")["eventId"]
    );
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["statuses"], json!([503, 200]));
    assert_eq!(lines[0]["attempts"], 2);
    assert_eq!(lines[0]["ok"], true);
    assert_eq!(lines[1]["requests"], 2);
}

#[test]
fn retries_give_up_after_n_and_fail() {
    let server = Recorder::always(503, "{}");
    let output = replay(&server.url, &["partner-callbacks/type-7", "--retries", "2"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(server.requests().len(), 3);
    assert!(
        stdout(&output).contains("attempts: 503, 503, 503"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn clubcollect_rounds_carry_ids_not_answered_200() {
    // Round 1's batch is refused; rounds 2 and 3 are confirmed.
    let server = failing_once(0, 500, "{}");
    let output = replay(
        &server.url,
        &[
            "clubcollect/batch",
            "--fresh-ids",
            "--rounds",
            "3",
            "--interval",
            "10ms",
            "--json",
        ],
    );
    assert_eq!(output.status.code(), Some(1), "round 1 failed");
    let bodies: Vec<Value> = server.requests().iter().map(|r| r.json()).collect();
    assert_eq!(bodies.len(), 3);
    let ids = |b: &Value| (strings(&b["invoice_ids"]), strings(&b["import_ids"]));
    let (first, second, third) = (ids(&bodies[0]), ids(&bodies[1]), ids(&bodies[2]));
    // Round 2 = round 1's unconfirmed ids first, then its own fresh batch.
    assert_eq!(second.0.len(), 6);
    assert_eq!(second.0[..3], first.0[..]);
    assert_eq!(second.1.len(), 2);
    assert_eq!(second.1[..1], first.1[..]);
    // Round 2 was confirmed: round 3 carries nothing.
    assert_eq!(third.0.len(), 3);
    assert_eq!(third.1.len(), 1);
    for id in third.0.iter().chain(&third.1) {
        assert!(!second.0.contains(id) && !second.1.contains(id));
    }
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[1]["round"], 2);
    assert_eq!(lines[1]["carried_ids"], 4);
    assert_eq!(lines[3]["unconfirmed_ids"], 0);
    assert_eq!(lines[3]["failed"], 1);
}

#[test]
fn a_500_exits_1_and_the_summary_names_the_failure() {
    let server = Recorder::always(500, r#"{"error":"database down"}"#);
    let output = replay(&server.url, &["document-status/invoice_status_changed"]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("1 failed (500 ×1)"), "{out}");
    assert!(
        out.contains("failed: #1 document-status/invoice_status_changed: 500 Internal Server Error: database down"),
        "{out}"
    );
    assert!(
        stderr(&output).contains("did not end 2xx"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_unreachable_url_is_a_delivery_failure() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let output = replay(
        &format!("http://127.0.0.1:{port}/"),
        &["clubcollect/realtime", "--json"],
    );
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines[0]["status"], Value::Null);
    assert_eq!(lines[1]["failures_by_status"]["no answer"], 1);
}

#[test]
fn json_is_one_object_per_delivery_then_one_summary() {
    let server = failing_once(1, 422, r#"{"message":"bad receipt"}"#);
    let output = replay(
        &server.url,
        &[
            "receipthero/receipt_notification",
            "--repeat",
            "3",
            "--json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines.len(), 4, "{}", stdout(&output));
    for line in &lines[..3] {
        assert_eq!(line["type"], "delivery");
        assert_eq!(line["source"], "receipthero/receipt_notification");
        assert_eq!(line["provider"], "receipthero");
        assert_eq!(line["kind"], "receipt_notification");
        assert!(line["latency_ms"].is_number());
    }
    assert_eq!(lines[1]["status"], 422);
    assert_eq!(lines[1]["error"], "422 Unprocessable Entity: bad receipt");
    let summary = &lines[3];
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["sent"], 3);
    assert_eq!(summary["ok"], 2);
    assert_eq!(summary["failures_by_status"], json!({"422": 1}));
    assert_eq!(summary["failures"][0]["delivery"], 2);
    assert!(summary["latency_ms"]["p50"].is_number() && summary["latency_ms"]["p99"].is_number());
    assert!(summary["requests_per_sec"].is_number());
}

#[test]
fn many_deliveries_print_no_control_codes_when_not_on_a_terminal() {
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &["clubcollect/batch", "--repeat", "40", "--concurrency", "4"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    for text in [stderr(&output), stdout(&output)] {
        assert!(!text.contains('\x1b') && !text.contains('\r'), "{text:?}");
    }
    // Many deliveries: a summary, not a line each.
    let out = stdout(&output);
    assert!(out.contains("sent 40 deliveries"), "{out}");
    assert!(out.lines().count() < 5, "{out}");
}

#[test]
fn fresh_ids_leave_a_body_of_no_known_provider_byte_for_byte() {
    let file = tempfile::NamedTempFile::with_suffix(".json").unwrap();
    let body = "{\"id\" : \"abc\"}";
    std::fs::write(file.path(), body).unwrap();
    let server = Recorder::ok();
    let output = replay(&server.url, &[file.path().to_str().unwrap(), "--fresh-ids"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(server.requests()[0].body, body.as_bytes());
    assert!(
        stderr(&output).contains("ids are kept"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_response_slower_than_timeout_is_a_failure() {
    // Two requests must be in flight before this server answers; one never is.
    let url = barrier_server(2);
    let output = replay(&url, &["clubcollect/realtime", "--timeout", "1", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert!(
        lines[0]["error"].as_str().unwrap().contains("timed out"),
        "{}",
        lines[0]
    );
}

#[test]
fn a_server_that_closes_each_connection_still_gets_every_delivery() {
    let answered = Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let counter = answered.clone();
    let url = serve(axum::Router::new().fallback(move || {
        counter.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        async { ([("connection", "close")], "{}") }
    }));
    let output = replay(&url, &["clubcollect/realtime", "--repeat", "5"]);
    assert!(output.status.success(), "{}", stdout(&output));
    assert_eq!(answered.load(std::sync::atomic::Ordering::SeqCst), 5);
}

#[test]
fn https_targets_are_sent_over_tls() {
    // A plain-HTTP server behind an https:// URL: the TLS handshake fails, nothing is
    // delivered in clear text, and the failure says so.
    let server = Recorder::ok();
    let url = server.url.replace("http://", "https://");
    let output = replay(&url, &["clubcollect/realtime", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let lines = json_lines(&output);
    assert_eq!(lines[0]["status"], Value::Null);
    assert!(
        lines[0]["error"]
            .as_str()
            .unwrap()
            .starts_with("POST https://"),
        "{}",
        lines[0]
    );
    assert!(server.requests().is_empty());
}

#[test]
fn verbose_traces_mask_every_credential_header() {
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &[
            "-v",
            "clubcollect/realtime",
            "-H",
            "X-Api-Key: supersecretvalue",
            "-H",
            "Cookie: s=sessionsecret",
        ],
    );
    assert!(output.status.success(), "{output:?}");
    let err = stderr(&output);
    assert!(err.contains("supe****"), "{err}");
    assert!(!err.contains("supersecretvalue"), "{err}");
    assert!(!err.contains("sessionsecret"), "{err}");
    assert_eq!(
        server.requests()[0].header("x-api-key"),
        Some("supersecretvalue")
    );
}

#[test]
fn many_deliveries_draw_a_progress_bar_on_a_terminal() {
    let server = Recorder::ok();
    let shown = on_terminal(
        &format!(
            "replay clubcollect/realtime --repeat 50 --to {}",
            server.url
        ),
        &[("TERM", "xterm")],
        "",
    );
    assert!(shown.contains("/50 deliveries in"), "{shown:?}");
    assert!(
        shown.contains('\u{2591}') || shown.contains('\u{2588}'),
        "a bar: {shown:?}"
    );
    assert_eq!(server.requests().len(), 50);
}

#[test]
fn no_source_on_a_terminal_picks_fixtures_interactively() {
    let server = Recorder::ok();
    // Space selects the first fixture in the list, Enter confirms.
    let shown = on_terminal(
        &format!("replay --to {}", server.url),
        &[("TERM", "xterm")],
        " \r",
    );
    assert!(shown.contains("Fixtures to send"), "{shown:?}");
    let requests = server.wait_for(1);
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].json(), fixture("clubcollect/batch"));
}

/// Peak memory (KiB) of `hooks replay ARGS --to URL`, from the kernel's own accounting:
/// python3 (on every machine this runs on) reports its child's maximum resident set.
fn peak_kib(url: &str, args: &[&str]) -> u64 {
    let output = std::process::Command::new("python3")
        .args([
            "-c",
            "import resource, subprocess, sys\n\
             done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n\
             print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if done.returncode == 0 else -1)",
            BIN,
            "replay",
        ])
        .args(args)
        .args(["--to", url])
        .env("XDG_CONFIG_HOME", "/nonexistent/hooks-test-config")
        .env("HOME", "/nonexistent/hooks-test-home")
        .output()
        .expect("python3 runs");
    let text = String::from_utf8_lossy(&output.stdout);
    text.trim().parse().unwrap_or_else(|_| {
        panic!(
            "replay failed: {text} {}",
            String::from_utf8_lossy(&output.stderr)
        )
    })
}

#[test]
fn memory_stays_flat_as_repeat_grows() {
    let server = Recorder::start(|_, _| (200, String::new()));
    let args = |repeat: &'static str| {
        [
            "clubcollect/batch",
            "--fresh-ids",
            "--concurrency",
            "16",
            "--repeat",
            repeat,
        ]
    };
    let few = peak_kib(&server.url, &args("500"));
    let many = peak_kib(&server.url, &args("20000"));
    // Bodies built up front would cost well over a kilobyte each: 20 MB and more here.
    assert!(
        many < few + 8 * 1024,
        "500 deliveries peaked at {few} KiB, 20000 at {many} KiB"
    );
}

/// `hooks replay ARGS` spawned with piped stdio, for runs that are stopped from outside.
fn spawn_replay(args: &[&str]) -> std::process::Child {
    hooks_std()
        .arg("replay")
        .args(args)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits (polling) for `child` to exit within `limit`; panics if it does not.
fn exit_within(child: &mut std::process::Child, limit: Duration) -> Option<i32> {
    let deadline = Instant::now() + limit;
    while Instant::now() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return status.code();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("replay did not exit within {limit:?}");
}

#[test]
fn a_closed_stdout_stops_the_run() {
    use std::io::{BufRead, BufReader, Read};
    let server = Recorder::start(|_, _| (200, String::new()));
    let repeat = 1_000_000;
    let mut child = spawn_replay(&[
        "clubcollect/realtime",
        "--repeat",
        &repeat.to_string(),
        "--json",
        "--to",
        &server.url,
    ]);
    // `| head -1`: one line read, then the pipe closed.
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.contains("\"type\":\"delivery\""), "{first}");
    assert_eq!(exit_within(&mut child, Duration::from_secs(10)), Some(0));
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(err.contains("stdout was closed: stopped after"), "{err}");
    let received = server.requests().len();
    assert!(received < repeat / 10, "{received} deliveries");
}

/// Sends SIGINT, as Ctrl-C on a terminal does.
fn interrupt(child: &std::process::Child) {
    std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill -INT");
}

#[test]
fn ctrl_c_prints_the_summary_of_what_was_sent_and_exits_130() {
    for json in [true, false] {
        let server = Recorder::ok();
        let mut args = vec![
            "clubcollect/realtime",
            "--rate",
            "2",
            "--repeat",
            "1000",
            "--to",
            &server.url,
        ];
        if json {
            args.push("--json");
        }
        let mut child = spawn_replay(&args);
        server.wait_for(2);
        interrupt(&child);
        assert_eq!(exit_within(&mut child, Duration::from_secs(10)), Some(130));
        let output = child.wait_with_output().unwrap();
        let received = server.requests().len();
        assert!(received < 1000);
        assert!(!stderr(&output).contains("error:"), "{}", stderr(&output));
        if json {
            let lines = json_lines(&output);
            let summary = lines.last().unwrap();
            assert_eq!(summary["type"], "summary");
            assert_eq!(summary["interrupted"], true);
            assert_eq!(summary["sent"], received as u64);
            assert_eq!(lines.len(), received + 1);
        } else {
            let out = stdout(&output);
            assert!(
                out.contains(&format!("interrupted: sent {received} deliveries")),
                "{out}"
            );
        }
    }
}

/// Runs `hooks ARGS` on a pseudo-terminal, types `keys` once the terminal shows `prompt`
/// (not before: keys typed earlier would reach a terminal not yet in raw mode), and
/// returns what it showed and the exit code.
fn type_at_prompt(args: &str, prompt: &str, keys: &str) -> (String, Option<i32>) {
    use std::io::{Read, Write};
    let mut child = spawn_on_terminal(args, &[("TERM", "xterm")]);
    let mut terminal = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut chunk = [0; 4096];
        while let Ok(n @ 1..) = terminal.read(&mut chunk) {
            if tx.send(chunk[..n].to_vec()).is_err() {
                break;
            }
        }
    });
    let mut shown = Vec::new();
    let deadline = Instant::now() + PATIENCE;
    let mut stdin = child.stdin.take();
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(chunk) => shown.extend(chunk),
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => break,
            Err(e) => panic!("{e:?}: {}", String::from_utf8_lossy(&shown)),
        }
        if let Some(mut input) = stdin.take_if(|_| String::from_utf8_lossy(&shown).contains(prompt))
        {
            input.write_all(keys.as_bytes()).unwrap();
        }
    }
    let code = exit_within(&mut child, PATIENCE);
    (String::from_utf8_lossy(&shown).into_owned(), code)
}

#[test]
fn ctrl_c_or_esc_in_the_picker_exits_130_with_the_cursor_shown() {
    let server = Recorder::ok();
    for key in ["\x03", "\x1b"] {
        let (shown, code) = type_at_prompt(
            &format!("replay --to {}", server.url),
            "Fixtures to send",
            key,
        );
        assert_eq!(code, Some(130), "{key:?}: {shown:?}");
        let hidden = shown
            .rfind("\x1b[?25l")
            .expect("the picker hides the cursor");
        assert!(shown[hidden..].contains("\x1b[?25h"), "{key:?}: {shown:?}");
        assert!(!shown.contains("error:"), "{key:?}: {shown:?}");
    }
    assert!(server.requests().is_empty());
}

#[test]
fn enter_with_nothing_ticked_asks_again() {
    let server = Recorder::ok();
    let (shown, code) = type_at_prompt(
        &format!("replay --to {}", server.url),
        "Fixtures to send",
        "\r \r",
    );
    assert_eq!(code, Some(0), "{shown:?}");
    assert!(shown.contains("Nothing ticked"), "{shown:?}");
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].json(), fixture("clubcollect/batch"));
}

#[test]
fn rounds_elapsed_time_includes_the_interval() {
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &[
            "clubcollect/batch",
            "--rounds",
            "2",
            "--interval",
            "300ms",
            "--json",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let summary = json_lines(&output).pop().unwrap();
    let elapsed = summary["elapsed_s"].as_f64().unwrap();
    assert!(elapsed >= 0.3, "{summary}");
    // The rate is of the whole run, waits included (printed rounded).
    let rate = summary["requests_per_sec"].as_f64().unwrap();
    assert!((rate - 2.0 / elapsed).abs() <= 0.5, "{summary}");
}

#[test]
fn an_untrusted_certificate_suggests_insecure() {
    let mut listener = Running::start(&["listen", "--tls", "--port", "0"], &[]);
    let url = listener.listen_url();
    assert!(url.starts_with("https://"), "{url}");
    let output = replay(&url, &["clubcollect/realtime"]);
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("certificate is not trusted"), "{err}");
    assert!(err.contains("pass -k/--insecure"), "{err}");
    // http:// to the same TLS port.
    let output = replay(
        &url.replace("https://", "http://"),
        &["clubcollect/realtime"],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.contains("if the server speaks TLS (e.g. `hooks listen --tls`), use https://"),
        "{err}"
    );
}

#[test]
fn https_to_a_plain_server_says_to_use_http() {
    let server = Recorder::ok();
    let output = replay(
        &server.url.replace("http://", "https://"),
        &["clubcollect/realtime"],
    );
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(err.contains("the server does not speak TLS"), "{err}");
    assert!(err.contains("use http://"), "{err}");
}

#[test]
fn a_missing_file_and_a_mistyped_fixture_are_told_apart() {
    let server = Recorder::ok();
    for (source, expected) in [
        (
            "missing.json",
            "SOURCE missing.json: no such file or directory",
        ),
        (
            "calls.jsonl",
            "SOURCE calls.jsonl: no such file or directory",
        ),
        (
            "payloads/event",
            "SOURCE payloads/event: no such file or directory",
        ),
        (
            "receipthero/receipt_notificaton",
            "did you mean receipthero/receipt_notification?",
        ),
        ("recipthero", "did you mean receipthero?"),
    ] {
        let output = replay(&server.url, &[source]);
        assert_eq!(output.status.code(), Some(2), "{source}");
        assert!(stderr(&output).contains(expected), "{}", stderr(&output));
    }
    assert!(server.requests().is_empty());
}

#[test]
fn counts_are_singular_for_one() {
    let server = Recorder::always(500, "{}");
    let output = replay(&server.url, &["clubcollect/realtime"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout(&output).contains("sent 1 delivery (1 request)"));
    let err = stderr(&output);
    assert!(err.contains("1 of 1 delivery did not end 2xx"), "{err}");
}

#[test]
fn verbose_shows_each_request_and_its_answer() {
    let server = Recorder::ok();
    let output = hooks()
        .args([
            "-v",
            "replay",
            "receipthero/receipt_notification",
            "--api-key",
            "SECRETKEY123",
            "--to",
            &server.url,
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let err = stderr(&output);
    assert!(err.contains(&format!("> POST {}/", server.url)), "{err}");
    assert!(err.contains("> authorization: Token SECR****"), "{err}");
    let answer = err
        .lines()
        .find(|l| l.starts_with("< 200 OK in "))
        .expect(&err);
    assert!(answer.contains(" ms (delivery #1, attempt 1)"), "{answer}");
    assert!(!err.contains("SECRETKEY123") && !stdout(&output).contains("SECRETKEY123"));
}

#[test]
fn url_credentials_are_sent_as_basic_auth() {
    let server = Recorder::ok();
    let url = server.url.replace("http://", "http://user:pw@");
    let output = replay(&url, &["clubcollect/realtime"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // base64("user:pw")
    assert_eq!(
        server.requests()[0].header("authorization"),
        Some("Basic dXNlcjpwdw==")
    );
    // --api-key and -H set Authorization themselves.
    let output = replay(
        &url,
        &[
            "receipthero/receipt_notification",
            "clubcollect/realtime",
            "--api-key",
            "k3y",
            "-H",
            "Authorization: Bearer given",
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let requests = server.requests();
    assert_eq!(requests[1].header("authorization"), Some("Bearer given"));
    assert_eq!(requests[2].header("authorization"), Some("Bearer given"));
    let output = replay(
        &url,
        &["receipthero/receipt_notification", "--api-key", "k3y"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(
        server.requests()[3].header("authorization"),
        Some("Token k3y")
    );
}

#[test]
fn plain_http_goes_through_the_proxy_the_environment_names() {
    let target = Recorder::ok();
    let proxy = Recorder::ok();
    hooks()
        .args(["replay", "clubcollect/realtime", "--to", &target.url])
        .env("HTTP_PROXY", &proxy.url)
        .write_stdin("")
        .assert()
        .success();
    assert!(target.requests().is_empty(), "the proxy was bypassed");
    let through = proxy.requests();
    assert_eq!(through.len(), 1);
    // A proxy is asked for the whole URL.
    assert!(
        through[0].uri.starts_with(&target.url),
        "{}",
        through[0].uri
    );
}

#[test]
fn a_url_password_is_never_printed() {
    let (_refusing, port) = refusing_port();
    let url = format!("http://user:hunter2pass@127.0.0.1:{port}/");
    for args in [
        &["clubcollect/realtime"][..],
        &["clubcollect/realtime", "--json", "-v"],
    ] {
        let output = replay(&url, args);
        assert_eq!(output.status.code(), Some(1));
        let all = format!("{}{}", stdout(&output), stderr(&output));
        assert!(all.contains("Connection refused"), "{all}");
        assert!(!all.contains("hunter2pass"), "{all}");
    }
}

#[test]
fn a_repeat_that_overflows_is_a_usage_error() {
    let server = Recorder::ok();
    let output = replay(
        &server.url,
        &[
            "clubcollect/batch",
            "clubcollect/realtime",
            "receipthero/receipt_notification",
            "--repeat",
            "6148914691236517206",
        ],
    );
    assert_eq!(output.status.code(), Some(2), "{}", stdout(&output));
    assert!(stdout(&output).is_empty());
    assert!(
        stderr(&output).contains("more deliveries than can be counted"),
        "{}",
        stderr(&output)
    );
    assert!(server.requests().is_empty());
}

/// A directory holding `a.json` and whatever `add` puts beside it, replayed with a time
/// limit: only `a.json` may be sent, once.
fn replay_dir_with(add: impl FnOnce(&Path)) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.json"), "{\"a\":1}").unwrap();
    add(dir.path());
    let server = Recorder::ok();
    let output = hooks()
        .args(["replay", dir.path().to_str().unwrap(), "--to", &server.url])
        .timeout(Duration::from_secs(10))
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    let bodies: Vec<Vec<u8>> = server.requests().into_iter().map(|r| r.body).collect();
    assert_eq!(bodies, vec![b"{\"a\":1}".to_vec()]);
    stderr(&output)
}

fn mkfifo(path: &Path) {
    assert!(
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn the_walk_skips_a_fifo() {
    let err = replay_dir_with(|dir| mkfifo(&dir.join("pipe.json")));
    assert!(err.contains("pipe.json: not a regular file"), "{err}");
}

#[test]
fn the_walk_skips_a_link_to_a_device() {
    let err = replay_dir_with(|dir| {
        std::os::unix::fs::symlink("/dev/zero", dir.join("zero.json")).unwrap()
    });
    assert!(err.contains("zero.json: not a regular file"), "{err}");
}

#[test]
fn the_walk_follows_no_link_to_a_directory() {
    let err = replay_dir_with(|dir| {
        std::os::unix::fs::symlink(".", dir.join("self1")).unwrap();
        std::os::unix::fs::symlink(".", dir.join("self2")).unwrap();
        std::fs::create_dir(dir.join("sub")).unwrap();
        std::os::unix::fs::symlink("..", dir.join("sub/parent")).unwrap();
    });
    assert!(
        err.contains("self1: a link to a directory (not followed)"),
        "{err}"
    );
    assert!(err.contains("parent: a link to a directory"), "{err}");
}

#[test]
fn a_fifo_or_device_as_source_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.json");
    mkfifo(&fifo);
    let server = Recorder::ok();
    for source in [fifo.to_str().unwrap(), "/dev/zero"] {
        let output = hooks()
            .args(["replay", source, "--to", &server.url])
            .timeout(Duration::from_secs(10))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{source}");
        assert!(
            stderr(&output).contains("is not a regular file or a directory"),
            "{}",
            stderr(&output)
        );
    }
    assert!(server.requests().is_empty());
}

#[test]
fn max_body_caps_a_file_and_a_recording_line() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.json");
    std::fs::write(&big, format!("{{\"pad\":\"{}\"}}", "x".repeat(2000))).unwrap();
    let line = json!({"method": "POST", "headers": [], "body": "x".repeat(2000)});
    let recording = dir.path().join("calls.jsonl");
    std::fs::write(&recording, format!("{line}\n")).unwrap();
    let server = Recorder::ok();
    for (file, expected) in [
        (&big, "big.json is larger than --max-body (1024 bytes)"),
        (
            &recording,
            "calls.jsonl line 1 is longer than --max-body (1024 bytes)",
        ),
    ] {
        let output = replay(&server.url, &[file.to_str().unwrap(), "--max-body", "1024"]);
        assert_eq!(output.status.code(), Some(2));
        assert!(stderr(&output).contains(expected), "{}", stderr(&output));
        // The default (1 MiB) takes both.
        let output = replay(&server.url, &[file.to_str().unwrap()]);
        assert!(output.status.success(), "{}", stderr(&output));
    }
    assert_eq!(server.requests().len(), 2);
}

/// A one-request HTTP server on a raw socket: returns every header line of the request it
/// got, duplicates included (the Recorder keeps one value per name).
fn raw_head_server() -> (String, std::thread::JoinHandle<Vec<String>>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let head = std::thread::spawn(move || {
        let (stream, _) = listener.accept().unwrap();
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut lines = Vec::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).unwrap();
            if line.trim().is_empty() {
                break;
            }
            lines.push(line.trim().to_ascii_lowercase());
        }
        // Read the body too: closing with unread bytes would reset the connection.
        let length = lines
            .iter()
            .find_map(|l| l.strip_prefix("content-length:"))
            .map_or(0, |n| n.trim().parse().unwrap());
        std::io::Read::read_exact(&mut reader, &mut vec![0; length]).unwrap();
        (&stream)
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
            .unwrap();
        lines
    });
    (url, head)
}

#[test]
fn url_credentials_and_api_key_send_one_authorization_header() {
    let (url, head) = raw_head_server();
    let url = url.replace("http://", "http://user:pw@");
    let output = replay(
        &url,
        &["receipthero/receipt_notification", "--api-key", "k3y"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let authorizations: Vec<String> = head
        .join()
        .unwrap()
        .into_iter()
        .filter(|line| line.starts_with("authorization:"))
        .collect();
    assert_eq!(authorizations, ["authorization: token k3y"]);
}

#[test]
fn ctrl_c_on_a_terminal_clears_the_progress_bar_and_prints_the_summary() {
    let server = Recorder::ok();
    let (shown, code) = type_at_prompt(
        &format!(
            "replay clubcollect/realtime --rate 20 --repeat 1000 --to {}",
            server.url
        ),
        "/1000 deliveries in",
        "\x03",
    );
    assert_eq!(code, Some(130), "{shown:?}");
    let summary = shown.rfind("interrupted: sent ").expect(&shown);
    // The bar's line is cleared, and not drawn again, before the summary.
    assert!(shown[..summary].ends_with("\r\x1b[2K"), "{shown:?}");
    assert!(!shown[summary..].contains('\u{2591}'), "{shown:?}");
    assert!(!shown.contains("error:"), "{shown:?}");
    assert!(server.requests().len() < 1000);
}
