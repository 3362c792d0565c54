//! The whole Callback API flow offline, across processes: `hooks sandbox` delivers,
//! `hooks listen` (or `hooks echo --wait-on`) receives, `hooks callbacks` and `hooks echo`
//! drive it, exactly as the README's four commands do.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;

#[test]
fn sandbox_listen_put_echo_delivers_the_notification_to_listen() {
    let (_sandbox, base) = sandbox(&[], &[]);
    let mut listen = Running::start(&["listen", "--port", "0", "--json", "--count", "1"], &[]);
    let url = listen.listen_url();
    put_callback(&base, "5", &format!("{url}/hooks/5"));
    against(&base)
        .args([
            "echo",
            "5",
            "--process-id",
            "6c1b0f1e-0d5c-4c8e-9a51-2f4f0b6f3c21",
        ])
        .assert()
        .success();
    let seen = listen.stdout_json();
    assert_eq!(seen["path"], "/hooks/5");
    assert_eq!(seen["provider"], "partner-callbacks");
    assert_eq!(
        seen["body"]["processUniqueId"],
        "6c1b0f1e-0d5c-4c8e-9a51-2f4f0b6f3c21"
    );
    assert_eq!(listen.wait_exit(), Some(0), "--count 1 reached");
}

#[test]
fn the_sandbox_retries_until_listen_stops_failing() {
    let (mut sandbox, base) = sandbox(&["--json", "--retry-schedule", "20ms,20ms,20ms"], &[]);
    let mut listen = Running::start(
        &["listen", "--port", "0", "--json", "--fail-first", "2"],
        &[],
    );
    let url = listen.listen_url();
    put_callback(&base, "6", &format!("{url}/hooks/6"));
    against(&base)
        .args(["echo", "6", "--simulation-id", "sim-retry"])
        .assert()
        .success();
    let answered: Vec<Value> = (0..3).map(|_| listen.stdout_json()).collect();
    let statuses: Vec<&Value> = answered.iter().map(|n| &n["status"]).collect();
    assert_eq!(statuses, [503, 503, 200]);
    assert!(
        answered.iter().all(|n| n["raw"] == answered[0]["raw"]),
        "same body each time"
    );
    let outcomes: Vec<Value> = (0..3)
        .map(|_| sandbox.stdout_json()["outcome"].clone())
        .collect();
    assert_eq!(outcomes, ["retrying", "retrying", "delivered"]);
}

#[test]
fn echo_wait_on_prints_the_echoed_notification_and_exits_0() {
    let (_sandbox, base) = sandbox(&[], &[]);
    let port = free_port();
    put_callback(&base, "7", &format!("http://127.0.0.1:{port}/hooks/7"));
    let output = against(&base)
        .args(["echo", "7", "--simulation-id", "sim-wait", "--json"])
        .args(["--wait-on", &port.to_string(), "--timeout", "20"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 1, "one JSON document: {stdout}");
    let seen: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(seen["body"]["simulationUniqueId"], "sim-wait");
    assert_eq!(seen["path"], "/hooks/7");
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains(&format!("listening on http://127.0.0.1:{port}")),
        "{stderr}"
    );
}

#[test]
fn echo_wait_on_times_out_with_exit_1_saying_what_arrived_instead() {
    // A Callback API that accepts the echo but never delivers it.
    let api = Recorder::always(202, r#"{"accepted":true}"#);
    // The window for the other request to land is the whole timeout: generous for slow CI.
    let mut echo = Running::start(
        &[
            "echo",
            "5",
            "--process-id",
            "p-expected",
            "--wait-on",
            "0",
            "--timeout",
            "8",
        ],
        &[
            ("HOOKS_BASE_URL", &api.url),
            ("HOOKS_PARTNER", PARTNER),
            ("HOOKS_TOKEN", "t"),
        ],
    );
    let url = echo.listen_url();
    // Something else arrives while it waits: another echo's notification.
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.json");
    std::fs::write(&other, r#"{"processUniqueId":"p-other"}"#).unwrap();
    hooks()
        .arg("replay")
        .arg(&other)
        .args(["--to", &format!("{url}/hooks/5")])
        .assert()
        .success();
    assert_eq!(echo.wait_exit(), Some(1));
    let stderr = echo.rest_of_stderr().join("\n");
    assert!(
        stderr.contains("no notification with processUniqueId \"p-expected\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("p-other"),
        "says what arrived instead: {stderr}"
    );
    assert_eq!(api.requests().len(), 1, "the echo was requested once");
}

#[test]
fn echo_wait_on_with_nothing_arriving_says_so() {
    let api = Recorder::always(202, "{}");
    hooks()
        .env("HOOKS_BASE_URL", &api.url)
        .env("HOOKS_PARTNER", PARTNER)
        .env("HOOKS_TOKEN", "t")
        .args(["echo", "5", "--process-id", "p", "--timeout", "1"])
        .args(["--wait-on", &free_port().to_string()])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("nothing arrived"));
}

#[test]
fn echo_wait_on_a_bad_address_is_a_usage_error_and_nothing_is_sent() {
    let api = Recorder::ok();
    hooks()
        .env("HOOKS_BASE_URL", &api.url)
        .env("HOOKS_PARTNER", PARTNER)
        .env("HOOKS_TOKEN", "t")
        .args(["echo", "5", "--process-id", "p", "--wait-on", "not-a-port"])
        .assert()
        .code(2);
    assert!(api.requests().is_empty());
}

#[test]
fn replay_reaches_listen_tls_only_with_insecure() {
    let mut listen = Running::start(&["listen", "--port", "0", "--tls", "--json"], &[]);
    let url = listen.listen_url();
    assert!(url.starts_with("https://"), "{url}");
    hooks()
        .args(["replay", "clubcollect/realtime", "--to", &url])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("certificate"));
    hooks()
        .args(["replay", "clubcollect/realtime", "--insecure", "--to", &url])
        .assert()
        .success();
    let seen = listen.stdout_json();
    assert_eq!(seen["provider"], "clubcollect");
    assert_eq!(seen["kind"], "realtime");
}
