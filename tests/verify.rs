//! `hooks verify` against real receivers on 127.0.0.1:0, each with one defect, and a
//! well-behaved one: each gets exactly the verdicts it deserves.

mod common;

use std::collections::{BTreeMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use common::{Recorder, Running, hooks, serve};
use serde_json::Value;

/// The receiver's key: not the fixtures' example key, which a receiver must not take.
const KEY: &str = "c0ffee5e8d2f4b7a9e1d3c5b7a9f0e2d4c6b8a01";

/// What a receiver gets wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Defect {
    None,
    /// Answers 500 to an id it has seen.
    FailsDuplicates,
    /// Takes any api_key, as long as there is one.
    AcceptsWrongKey,
    /// Panics (the connection drops) on a body that is not JSON.
    CrashesOnMalformed,
    /// Does the work before answering, past the deadline.
    AnswersLate,
    /// Moved: 308 to another URL.
    Redirects,
    /// Confirms with 202 Accepted.
    Answers202,
}

#[derive(Clone)]
struct Receiver {
    defect: Defect,
    /// Ids of notifications confirmed so far.
    seen: Arc<Mutex<HashSet<String>>>,
}

/// A receiver for ClubCollect and the document-status platform: refuses a body that does
/// not parse (400) and a ClubCollect notification without the right api_key (401),
/// confirms with 200, and confirms a redelivery without doing its work again.
async fn receive(State(receiver): State<Receiver>, _headers: HeaderMap, body: Bytes) -> Response {
    let defect = receiver.defect;
    if defect == Defect::Redirects {
        return (
            StatusCode::PERMANENT_REDIRECT,
            [("location", "https://example.invalid/new-webhooks")],
        )
            .into_response();
    }
    let Ok(notification) = serde_json::from_slice::<Value>(&body) else {
        if defect == Defect::CrashesOnMalformed && !body.is_empty() {
            panic!("the receiver crashes on a body that does not parse");
        }
        return (StatusCode::BAD_REQUEST, "the body is not JSON").into_response();
    };
    if notification.get("invoice_ids").is_some() {
        match notification.get("api_key").and_then(Value::as_str) {
            Some(KEY) => {}
            Some(_) if defect == Defect::AcceptsWrongKey => {}
            _ => return (StatusCode::UNAUTHORIZED, "wrong api_key").into_response(),
        }
    }
    let ids: Vec<String> = ["/invoice_ids", "/import_ids"]
        .iter()
        .filter_map(|field| notification.pointer(field).and_then(Value::as_array))
        .flatten()
        .chain(notification.get("eventId"))
        .filter_map(|id| id.as_str().map(str::to_string))
        .collect();
    let repeated = {
        let mut seen = receiver.seen.lock().unwrap();
        let repeated = ids.iter().any(|id| seen.contains(id));
        seen.extend(ids);
        repeated
    };
    if repeated && defect == Defect::FailsDuplicates {
        return (StatusCode::INTERNAL_SERVER_ERROR, "duplicate key value").into_response();
    }
    if defect == Defect::AnswersLate {
        tokio::time::sleep(Duration::from_millis(1500)).await;
    }
    if defect == Defect::Answers202 {
        return StatusCode::ACCEPTED.into_response();
    }
    StatusCode::OK.into_response()
}

fn receiver(defect: Defect) -> String {
    serve(axum::Router::new().fallback(receive).with_state(Receiver {
        defect,
        seen: Arc::default(),
    }))
}

/// `hooks verify URL --provider PROVIDER --json ARGS`: the exit code and each check's verdict.
fn verify(url: &str, provider: &str, args: &[&str]) -> (i32, BTreeMap<String, String>, Value) {
    let output = hooks()
        .args(["verify", url, "--provider", provider, "--json"])
        .args(args)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is one JSON document ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        )
    });
    let verdicts = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .map(|check| {
            (
                check["id"].as_str().unwrap().to_string(),
                check["verdict"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    (output.status.code().unwrap(), verdicts, report)
}

/// Every ClubCollect check passed except `failed`.
fn clubcollect_verdicts(failed: &[&str]) -> BTreeMap<String, String> {
    [
        "accepts-realtime",
        "accepts-batch",
        "idempotent-redelivery",
        "rejects-wrong-credential",
        "rejects-missing-credential",
        "rejects-malformed-json",
        "rejects-empty-body",
        "tolerates-unknown-fields",
        "burst",
        "no-redirect",
    ]
    .iter()
    .map(|id| {
        let verdict = if failed.contains(id) {
            "failed"
        } else {
            "passed"
        };
        (id.to_string(), verdict.to_string())
    })
    .collect()
}

fn message<'a>(report: &'a Value, id: &str) -> &'a str {
    report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|check| check["id"] == id)
        .and_then(|check| check["message"].as_str())
        .unwrap()
}

#[test]
fn a_well_behaved_receiver_passes_every_check() {
    let url = receiver(Defect::None);
    let (code, verdicts, report) = verify(&url, "clubcollect", &["--api-key", KEY]);
    assert_eq!(verdicts, clubcollect_verdicts(&[]), "{report:#}");
    assert_eq!(code, 0);
    assert_eq!(report["passed"], true);
    assert_eq!(report["summary"]["failed"], 0);

    let (code, verdicts, report) = verify(&url, "document-status", &[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(verdicts.values().all(|verdict| verdict == "passed"));
    for id in [
        "accepts-DOCUMENT_STATUS_CHANGED",
        "accepts-INVOICE_STATUS_CHANGED",
        "idempotent-redelivery",
        "tolerates-unknown-kind",
        "out-of-order",
        "burst",
    ] {
        assert!(verdicts.contains_key(id), "{id} runs for document-status");
    }
    assert!(!verdicts.contains_key("rejects-wrong-credential"));
}

/// The listener this tool ships is a receiver too: it keeps every rule verify grades by.
#[test]
fn hooks_listen_with_the_key_passes_every_check() {
    let mut listener = Running::start(&["listen", "--port", "0", "--json", "--api-key", KEY], &[]);
    let url = format!("{}/hooks", listener.listen_url());
    let (code, verdicts, report) = verify(&url, "clubcollect", &["--api-key", KEY]);
    assert_eq!(verdicts, clubcollect_verdicts(&[]), "{report:#}");
    assert_eq!(code, 0);
    let (code, verdicts, report) = verify(&url, "document-status", &[]);
    assert_eq!(code, 0, "{report:#}");
    assert!(verdicts.values().all(|verdict| verdict == "passed"));
}

#[test]
fn a_receiver_that_fails_a_duplicate_fails_idempotent_redelivery_only() {
    let (code, verdicts, report) = verify(
        &receiver(Defect::FailsDuplicates),
        "clubcollect",
        &["--api-key", KEY],
    );
    assert_eq!(verdicts, clubcollect_verdicts(&["idempotent-redelivery"]));
    assert_eq!(code, 1, "a documented rule failed");
    let why = message(&report, "idempotent-redelivery");
    assert!(
        why.contains("the same one again was not") && why.contains("500"),
        "{why}"
    );
}

#[test]
fn a_receiver_that_takes_any_key_fails_rejects_wrong_credential_only() {
    let (code, verdicts, report) = verify(
        &receiver(Defect::AcceptsWrongKey),
        "clubcollect",
        &["--api-key", KEY],
    );
    assert_eq!(
        verdicts,
        clubcollect_verdicts(&["rejects-wrong-credential"])
    );
    assert_eq!(code, 1);
    let why = message(&report, "rejects-wrong-credential");
    assert!(why.contains("anyone can post to this receiver"), "{why}");
}

#[test]
fn a_receiver_that_crashes_on_malformed_json_fails_that_check_only() {
    let (code, verdicts, report) = verify(
        &receiver(Defect::CrashesOnMalformed),
        "clubcollect",
        &["--api-key", KEY],
    );
    assert_eq!(verdicts, clubcollect_verdicts(&["rejects-malformed-json"]));
    assert_eq!(code, 1);
    let why = message(&report, "rejects-malformed-json");
    assert!(why.contains("dropped"), "{why}");
}

#[test]
fn a_receiver_that_answers_after_the_deadline_fails_what_it_answers_late() {
    let (code, verdicts, report) = verify(
        &receiver(Defect::AnswersLate),
        "clubcollect",
        &["--api-key", KEY, "--deadline", "300ms", "--burst", "3"],
    );
    assert_eq!(
        verdicts,
        clubcollect_verdicts(&[
            "accepts-realtime",
            "accepts-batch",
            "idempotent-redelivery",
            "tolerates-unknown-fields",
            "burst",
        ])
    );
    assert_eq!(code, 1);
    assert!(message(&report, "accepts-batch").contains("no answer within the deadline (300ms)"));
}

#[test]
fn a_receiver_that_redirects_fails_every_check_it_redirects_in() {
    let (code, verdicts, report) = verify(
        &receiver(Defect::Redirects),
        "clubcollect",
        &["--api-key", KEY, "--burst", "2"],
    );
    assert!(
        verdicts.values().all(|verdict| verdict == "failed"),
        "{verdicts:?}"
    );
    assert_eq!(code, 1);
    assert!(
        message(&report, "accepts-batch").contains("308 to https://example.invalid/new-webhooks")
    );
    let why = message(&report, "no-redirect");
    assert!(
        why.contains("accepts-realtime") && why.contains("burst"),
        "{why}"
    );
}

#[test]
fn a_receiver_that_answers_202_to_clubcollect_fails_what_clubcollect_must_see_200_for() {
    let (code, verdicts, report) = verify(
        &receiver(Defect::Answers202),
        "clubcollect",
        &["--api-key", KEY, "--burst", "2"],
    );
    assert_eq!(
        verdicts,
        clubcollect_verdicts(&[
            "accepts-realtime",
            "accepts-batch",
            "idempotent-redelivery",
            "tolerates-unknown-fields",
            "burst",
        ])
    );
    assert_eq!(code, 1);
    let why = message(&report, "accepts-batch");
    assert!(why.contains("202") && why.contains("exactly 200"), "{why}");
    // 202 is a confirmation for a provider that takes any 2xx.
    let (code, _, report) = verify(&receiver(Defect::Answers202), "document-status", &[]);
    assert_eq!(code, 0, "{report:#}");
}

#[test]
fn without_api_key_the_credential_checks_are_skipped_and_said_why() {
    let (code, verdicts, report) = verify(&receiver(Defect::None), "clubcollect", &[]);
    assert_eq!(verdicts["rejects-wrong-credential"], "skipped");
    assert_eq!(verdicts["rejects-missing-credential"], "skipped");
    assert!(message(&report, "rejects-wrong-credential").contains("--api-key"));
    // The fixtures' example key is not the receiver's: everything it must accept fails.
    assert_eq!(verdicts["accepts-batch"], "failed");
    assert_eq!(code, 1);
}

#[test]
fn an_unreachable_receiver_fails_fast_with_one_message() {
    let closed = {
        let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        socket.local_addr().unwrap()
    };
    let output = hooks()
        .args([
            "verify",
            &format!("http://{closed}/hooks"),
            "--provider",
            "clubcollect",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr.lines().filter(|l| l.contains("error")).count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("cannot reach") && stderr.contains("Connection refused"),
        "{stderr}"
    );
}

#[test]
fn the_junit_file_has_one_testcase_per_check_and_the_failures_with_their_exchanges() {
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("verify.xml");
    let (code, verdicts, _) = verify(
        &receiver(Defect::FailsDuplicates),
        "clubcollect",
        &["--api-key", KEY, "--junit", junit.to_str().unwrap()],
    );
    assert_eq!(code, 1);
    let xml = std::fs::read_to_string(&junit).unwrap();
    // Read back by an XML parser that is not the one that wrote it.
    let document = roxmltree::Document::parse(&xml).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let suites: Vec<_> = root
        .children()
        .filter(|node| node.has_tag_name("testsuite"))
        .map(|suite| {
            let attribute = |name| suite.attribute(name).unwrap().to_string();
            (
                attribute("name"),
                attribute("tests"),
                attribute("failures"),
                attribute("skipped"),
            )
        })
        .collect();
    let cases: Vec<(String, Option<String>)> = document
        .descendants()
        .filter(|node| node.has_tag_name("testcase"))
        .map(|case| {
            let outcome = case
                .children()
                .find(|child| child.is_element())
                .map(|child| match child.tag_name().name() {
                    "failure" => "failed".to_string(),
                    other => other.to_string(),
                });
            (case.attribute("name").unwrap().to_string(), outcome)
        })
        .collect();
    let failure_text: String = document
        .descendants()
        .filter(|node| node.has_tag_name("failure"))
        .filter_map(|node| node.text())
        .collect();
    assert_eq!(suites.len(), 1, "one testsuite for the provider");
    let failed = verdicts.values().filter(|v| *v == "failed").count();
    let skipped = verdicts.values().filter(|v| *v == "skipped").count();
    assert_eq!(
        suites[0],
        (
            "clubcollect".to_string(),
            verdicts.len().to_string(),
            failed.to_string(),
            skipped.to_string()
        )
    );
    let from_xml: BTreeMap<String, String> = cases
        .into_iter()
        .map(|(name, outcome)| (name, outcome.unwrap_or_else(|| "passed".into())))
        .collect();
    assert_eq!(from_xml, verdicts);
    assert!(
        failure_text.contains("POST http://127.0.0.1:"),
        "{failure_text}"
    );
    assert!(
        failure_text.contains("=> 500 duplicate key value"),
        "{failure_text}"
    );
}

#[test]
fn verbose_shows_every_request_with_the_key_masked_and_record_writes_them_for_replay() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("sent.jsonl");
    let url = receiver(Defect::None);
    let output = hooks()
        .args([
            "verify",
            &url,
            "--provider",
            "clubcollect",
            "--api-key",
            KEY,
            "-v",
        ])
        .args(["--burst", "2", "--record", record.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    // Nor the wrong key, which is all but the key's last character.
    let most_of_key = &KEY[..KEY.len() - 1];
    assert!(
        !stderr.contains(most_of_key) && !stdout.contains(most_of_key),
        "{stderr}"
    );
    assert!(stderr.contains("c0ff****"), "{stderr}");
    assert!(stderr.contains("> POST http://127.0.0.1:"), "{stderr}");
    assert!(
        stderr.contains("(check rejects-wrong-credential)"),
        "{stderr}"
    );
    assert!(stderr.contains("< 401 wrong api_key"), "{stderr}");
    // accepts ×2, redelivery ×2, wrong, missing, malformed, empty, unknown fields, burst ×2.
    let lines = std::fs::read_to_string(&record).unwrap();
    assert_eq!(lines.lines().count(), 11);
    let sent: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(
        sent.iter()
            .all(|line| line["method"] == "POST" && line["body"].is_string())
    );

    let again = Recorder::ok();
    hooks()
        .args(["replay", record.to_str().unwrap(), "--to", &again.url])
        .assert()
        .code(0);
    assert_eq!(again.requests().len(), 11);
}

#[test]
fn list_checks_quotes_the_providers_document_and_grades_levels_by_it() {
    let output = hooks()
        .args([
            "verify",
            "--list-checks",
            "--provider",
            "clubcollect",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let checks: Value = serde_json::from_slice(&output.stdout).unwrap();
    let check = |id: &str| {
        checks
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == id)
            .unwrap_or_else(|| panic!("{id} listed"))
            .clone()
    };
    assert!(
        check("accepts-batch")["rule"]
            .as_str()
            .unwrap()
            .contains("ClubCollect expects a 200 OK")
    );
    assert_eq!(check("idempotent-redelivery")["level"], "required");
    assert_eq!(check("tolerates-unknown-fields")["level"], "recommended");
    // A provider whose document does not promise redelivery: recommended, in our words.
    let output = hooks()
        .args([
            "verify",
            "--list-checks",
            "--provider",
            "receipthero",
            "--json",
        ])
        .output()
        .unwrap();
    let checks: Value = serde_json::from_slice(&output.stdout).unwrap();
    let redelivery = checks
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "idempotent-redelivery")
        .unwrap();
    assert_eq!(redelivery["level"], "recommended");
    assert_eq!(redelivery["documented"], false);
}

#[test]
fn a_users_provider_gets_checks_from_its_definition() {
    let providers = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/providers");
    let output = hooks()
        .args([
            "--providers",
            providers,
            "verify",
            "--list-checks",
            "--provider",
            "github",
        ])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listed = String::from_utf8_lossy(&output.stdout);
    for id in [
        "accepts-ping",
        "accepts-push",
        "rejects-wrong-credential",
        "tolerates-unknown-kind",
    ] {
        assert!(listed.contains(id), "{id} in {listed}");
    }
    assert!(!listed.contains("out-of-order"));
}

#[test]
fn only_and_skip_take_check_ids_and_refuse_unknown_ones() {
    let url = receiver(Defect::None);
    let (code, verdicts, _) = verify(
        &url,
        "clubcollect",
        &["--api-key", KEY, "--only", "accepts,burst"],
    );
    assert_eq!(code, 0);
    assert_eq!(
        verdicts.keys().collect::<Vec<_>>(),
        ["accepts-batch", "accepts-realtime", "burst"]
    );
    let (_, verdicts, _) = verify(&url, "clubcollect", &["--api-key", KEY, "--skip", "burst"]);
    assert!(!verdicts.contains_key("burst") && verdicts.contains_key("no-redirect"));
    let output = hooks()
        .args([
            "verify",
            &url,
            "--provider",
            "clubcollect",
            "--only",
            "acept-batch",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no check 'acept-batch'") && stderr.contains("accepts-batch"),
        "{stderr}"
    );
    let output = hooks()
        .args(["verify", &url, "--provider", "nosuch"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}

const SIGNING: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

/// What a receiver of signed notifications gets wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SignatureDefect {
    None,
    /// Never looks at the signature.
    NoCheck,
    /// Checks the signature but not how old its timestamp is.
    IgnoresTimestamp,
    /// Checks only the first signature of the header, so a rotation breaks it.
    FirstSignatureOnly,
}

/// A document-status receiver that checks Standard Webhooks signatures (by the library's
/// verifier, which tests/signature.rs holds to the reference vectors), less its defect.
async fn receive_signed(
    State(defect): State<SignatureDefect>,
    mut headers: HeaderMap,
    body: Bytes,
) -> Response {
    let key = hooks::signature::Key::parse(&format!("standard:{SIGNING}")).unwrap();
    if defect == SignatureDefect::FirstSignatureOnly
        && let Some(first) = headers
            .get("webhook-signature")
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(' ').next())
            .map(str::to_string)
    {
        headers.insert("webhook-signature", first.parse().unwrap());
    }
    let tolerance = (defect != SignatureDefect::IgnoresTimestamp).then_some(300);
    let now = hooks::signature::unix_now();
    if defect != SignatureDefect::NoCheck
        && let Err(rejection) = hooks::signature::verify(&[key], &headers, &body, tolerance, now)
    {
        return (StatusCode::UNAUTHORIZED, rejection.to_string()).into_response();
    }
    match serde_json::from_slice::<Value>(&body) {
        Ok(_) => StatusCode::OK.into_response(),
        Err(_) => (StatusCode::BAD_REQUEST, "the body is not JSON").into_response(),
    }
}

fn signed_receiver(defect: SignatureDefect) -> String {
    serve(
        axum::Router::new()
            .fallback(receive_signed)
            .with_state(defect),
    )
}

/// The signature checks' verdicts for a receiver, and that everything else passed.
fn signature_verdicts(defect: SignatureDefect) -> (i32, BTreeMap<String, String>) {
    let sign = format!("standard:{SIGNING}");
    let (code, verdicts, report) = verify(
        &signed_receiver(defect),
        "document-status",
        &["--sign", &sign, "--burst", "2"],
    );
    let others_passed = verdicts
        .iter()
        .filter(|(id, _)| !id.contains("signature") && !id.contains("rotated"))
        .all(|(_, verdict)| verdict == "passed");
    assert!(others_passed, "{report:#}");
    assert!(
        !report.to_string().contains(&SIGNING[6..]),
        "the secret is never shown"
    );
    let signature_checks = verdicts
        .into_iter()
        .filter(|(id, _)| id.contains("signature") || id.contains("rotated"))
        .collect();
    (code, signature_checks)
}

fn verdicts_of(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(id, verdict)| (id.to_string(), verdict.to_string()))
        .collect()
}

#[test]
fn signed_deliveries_get_the_signature_checks_and_each_defect_fails_its_own() {
    let all_passed = verdicts_of(&[
        ("accepts-rotated-secret", "passed"),
        ("rejects-bad-signature", "passed"),
        ("rejects-missing-signature", "passed"),
        ("rejects-stale-signature", "passed"),
    ]);
    assert_eq!(signature_verdicts(SignatureDefect::None), (0, all_passed));
    assert_eq!(
        signature_verdicts(SignatureDefect::NoCheck),
        (
            1,
            verdicts_of(&[
                ("accepts-rotated-secret", "passed"),
                ("rejects-bad-signature", "failed"),
                ("rejects-missing-signature", "failed"),
                ("rejects-stale-signature", "failed"),
            ])
        )
    );
    assert_eq!(
        signature_verdicts(SignatureDefect::IgnoresTimestamp),
        (
            1,
            verdicts_of(&[
                ("accepts-rotated-secret", "passed"),
                ("rejects-bad-signature", "passed"),
                ("rejects-missing-signature", "passed"),
                ("rejects-stale-signature", "failed"),
            ])
        )
    );
    assert_eq!(
        signature_verdicts(SignatureDefect::FirstSignatureOnly),
        (
            1,
            verdicts_of(&[
                ("accepts-rotated-secret", "failed"),
                ("rejects-bad-signature", "passed"),
                ("rejects-missing-signature", "passed"),
                ("rejects-stale-signature", "passed"),
            ])
        )
    );
}

#[test]
fn a_scheme_without_a_timestamp_or_rotation_gets_only_the_checks_it_can_fail() {
    let output = hooks()
        .args(["verify", "--list-checks", "--provider", "document-status"])
        .args(["--sign", "github:secret"])
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&output.stdout);
    assert!(
        listed.contains("rejects-bad-signature") && listed.contains("rejects-missing-signature")
    );
    assert!(
        !listed.contains("rejects-stale-signature") && !listed.contains("accepts-rotated-secret")
    );
    let unsigned = hooks()
        .args(["verify", "--list-checks", "--provider", "document-status"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&unsigned.stdout).contains("signature"));
}

/// What junitparser, a JUnit reader CI tools are built on, makes of the `--junit` file.
const JUNIT_READ: &str = r#"
import json, sys
from junitparser import JUnitXml
suites = []
for suite in JUnitXml.fromfile(sys.argv[1]):
    cases = {}
    for case in suite:
        cases[case.name] = "passed" if case.is_passed else "skipped" if case.is_skipped else "failed"
    suites.append({"name": suite.name, "tests": suite.tests, "failures": suite.failures,
                   "skipped": suite.skipped, "cases": cases})
print(json.dumps(suites))
"#;

/// `.ci/run` installs junitparser in a virtual environment and names its python in
/// HOOKS_PYTHON; without it this test says so and checks nothing.
#[test]
fn a_junit_reader_ci_tools_use_reads_the_verdicts_back() {
    let Some(python) = std::env::var_os("HOOKS_PYTHON").filter(|p| !p.is_empty()) else {
        eprintln!(
            "skipped: HOOKS_PYTHON is not set (.ci/run sets it to a python with junitparser)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("verify.xml");
    let (_, verdicts, _) = verify(
        &receiver(Defect::None),
        "clubcollect",
        &["--junit", junit.to_str().unwrap()],
    );
    let output = std::process::Command::new(python)
        .args(["-c", JUNIT_READ, junit.to_str().unwrap()])
        .output()
        .expect("run HOOKS_PYTHON");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let suites: Value = serde_json::from_slice(&output.stdout).unwrap();
    let count = |verdict: &str| verdicts.values().filter(|v| *v == verdict).count();
    assert_eq!(
        suites,
        serde_json::json!([{
            "name": "clubcollect",
            "tests": verdicts.len(),
            "failures": count("failed"),
            "skipped": count("skipped"),
            "cases": verdicts,
        }])
    );
    assert!(
        count("failed") > 0 && count("skipped") > 0,
        "every kind of testcase is read"
    );
}

/// Ctrl-C during a run: the report grades the checks done, counts the rest as not run, the
/// JUnit file holds the checks done, and the exit code is 130.
#[test]
fn ctrl_c_reports_the_checks_done_and_exits_130() {
    // Answers the first request, then holds every other one unanswered, saying it has.
    let (arrived, arrivals) = std::sync::mpsc::channel::<()>();
    let answered = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let url = serve(axum::Router::new().fallback(move || {
        let arrived = arrived.clone();
        let first = !answered.swap(true, std::sync::atomic::Ordering::SeqCst);
        async move {
            let _ = arrived.send(());
            if !first {
                std::future::pending::<()>().await;
            }
            StatusCode::OK
        }
    }));
    let dir = tempfile::tempdir().unwrap();
    let junit = dir.path().join("verify.xml");
    let junit_arg = junit.to_str().unwrap();
    let args = [
        "--json",
        "verify",
        &url,
        "--provider",
        "document-status",
        "--deadline",
        "60s",
        "--junit",
        junit_arg,
    ];
    let mut running = Running::start(&args, &[]);
    for _ in 0..2 {
        arrivals
            .recv_timeout(Duration::from_secs(30))
            .expect("verify sends its checks");
    }
    std::process::Command::new("kill")
        .args(["-INT", &running.child.id().to_string()])
        .status()
        .expect("kill -INT");
    assert_eq!(running.wait_exit(), Some(130));
    let report = running.stdout_json();
    assert_eq!(report["interrupted"], true, "{report}");
    assert_eq!(report["passed"], false, "{report}");
    let done = report["checks"].as_array().unwrap().len();
    assert_eq!(report["summary"]["checks"], done);
    assert!(
        report["summary"]["not_run"].as_u64().unwrap() >= 1,
        "{report}"
    );
    let xml = std::fs::read_to_string(&junit).expect("the JUnit file is written");
    assert_eq!(xml.matches("<testcase").count(), done, "{xml}");
    let stderr = running.rest_of_stderr().join("\n");
    assert!(!stderr.contains("error:"), "{stderr}");
}
