//! `hooks echo` against a fake Callback API on 127.0.0.1:0: exactly one id field, checked
//! before anything is sent; never retried.

mod common;

use std::io::Read;

use common::*;
use predicates::prelude::*;
use serde_json::json;

#[test]
fn process_id_is_posted_to_the_echo_endpoint_and_the_answer_printed() {
    let api = Recorder::always(200, r#"{"delivered":true}"#);
    against(&api.url)
        .args([
            "echo",
            "5",
            "--process-id",
            "6c1b0f1e-aaaa-4bbb-8ccc-123456789abc",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("200 OK"))
        .stdout(predicate::str::contains("delivered"));
    let requests = api.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method, "POST");
    assert_eq!(requests[0].uri, format!("/v1/callbacks/echo/{PARTNER}/5"));
    assert_eq!(
        requests[0].json(),
        json!({"processUniqueId": "6c1b0f1e-aaaa-4bbb-8ccc-123456789abc"})
    );
}

#[test]
fn simulation_id_and_body_documents_are_sent_as_given() {
    let api = Recorder::ok();
    against(&api.url)
        .args(["echo", "6", "--simulation-id", "sim-1"])
        .assert()
        .success();
    against(&api.url)
        .args(["echo", "7", "--body", "-"])
        .write_stdin(r#"{"simulationUniqueId": "sim-2", "amount": 12}"#)
        .assert()
        .success();
    let requests = api.requests();
    assert_eq!(requests[0].json(), json!({"simulationUniqueId": "sim-1"}));
    assert_eq!(requests[1].uri, format!("/v1/callbacks/echo/{PARTNER}/7"));
    assert_eq!(
        requests[1].json(),
        json!({"simulationUniqueId": "sim-2", "amount": 12})
    );
}

#[test]
fn both_or_neither_id_is_a_usage_error_naming_both_fields_and_nothing_is_sent() {
    let api = Recorder::ok();
    let both_flags = ["echo", "5", "--process-id", "p", "--simulation-id", "s"];
    let neither: [&str; 2] = ["echo", "5"];
    for args in [&both_flags[..], &neither[..]] {
        against(&api.url)
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("processUniqueId"))
            .stderr(predicate::str::contains("simulationUniqueId"));
    }
    for body in [
        r#"{"processUniqueId": "p", "simulationUniqueId": "s"}"#,
        r#"{"other": 1}"#,
        r#"{"processUniqueId": null}"#,
    ] {
        against(&api.url)
            .args(["echo", "5", "--body", "-"])
            .write_stdin(body)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("processUniqueId"))
            .stderr(predicate::str::contains("simulationUniqueId"));
    }
    // A flag on top of a body that already holds the other field is "both" too.
    against(&api.url)
        .args(["echo", "5", "--process-id", "p", "--body", "-"])
        .write_stdin(r#"{"simulationUniqueId": "s"}"#)
        .assert()
        .code(2);
    assert!(api.requests().is_empty(), "nothing may be sent");
}

#[test]
fn only_types_5_6_7_have_an_echo() {
    let api = Recorder::ok();
    against(&api.url)
        .args(["echo", "4", "--process-id", "p"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("5, 6 or 7"));
    assert!(api.requests().is_empty());
}

#[test]
fn the_echo_post_is_never_retried() {
    let api = Recorder::always(503, r#"{"message":"try later"}"#);
    against(&api.url)
        .args(["echo", "5", "--process-id", "p"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("503"))
        .stderr(predicate::str::contains("try later"));
    assert_eq!(api.requests().len(), 1);
}

#[test]
fn json_output_carries_status_request_and_response() {
    let api = Recorder::always(200, r#"{"ok":true}"#);
    let output = against(&api.url)
        .args(["echo", "5", "--process-id", "p", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        doc,
        json!({"status": 200, "notification_type": 5, "request": {"processUniqueId": "p"}, "response": {"ok": true}})
    );
}

#[test]
fn a_server_that_never_answers_times_out_with_exit_1() {
    // Accepts connections and reads, but never answers.
    let silent = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = silent.local_addr().unwrap();
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for mut stream in silent.incoming().flatten() {
            let mut buf = [0u8; 1024];
            let _ = stream.read(&mut buf);
            held.push(stream);
        }
    });
    hooks()
        .args(["echo", "5", "--process-id", "p", "--timeout", "1"])
        .env("HOOKS_BASE_URL", format!("http://{addr}"))
        .env("HOOKS_PARTNER", PARTNER)
        .env("HOOKS_TOKEN", "t")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("timed out"));
}
