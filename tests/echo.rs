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

/// A Callback API that lists `callback` as the callback of type 5 and accepts every echo
/// (202) without delivering it.
fn api_with_callback(callback: &str) -> Recorder {
    let listed =
        json!({"items": [{"notificationType": 5, "url": callback}], "total": 1}).to_string();
    Recorder::start(move |request, _| {
        if request.method == "GET" {
            (200, listed.clone())
        } else {
            (202, r#"{"accepted":true}"#.to_string())
        }
    })
}

/// `hooks echo 5 --process-id p --wait-on PORT --timeout SECS` against `api`.
fn echo_waiting(api: &Recorder, port: u16, timeout: &str) -> assert_cmd::Command {
    let mut cmd = hooks();
    cmd.envs(settings(api))
        .args(["echo", "5", "--process-id", "p", "--timeout", timeout])
        .args(["--wait-on", &port.to_string()]);
    cmd
}

fn settings(api: &Recorder) -> [(&'static str, &str); 3] {
    [
        ("HOOKS_BASE_URL", api.url.as_str()),
        ("HOOKS_PARTNER", PARTNER),
        ("HOOKS_TOKEN", "t"),
    ]
}

/// `hooks echo 5 --process-id p-expected --wait-on PORT EXTRA` running against `api`, with
/// its listener's URL; another notification (`p-other`) has arrived and been noted.
fn waiting_with_another_arrived(api: &Recorder, port: u16, extra: &[&str]) -> Running {
    let port = port.to_string();
    let mut args = vec![
        "echo",
        "5",
        "--process-id",
        "p-expected",
        "--wait-on",
        &port,
    ];
    args.extend_from_slice(extra);
    let mut echo = Running::start(&args, &settings(api));
    let url = echo.listen_url();
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.json");
    std::fs::write(&other, r#"{"processUniqueId":"p-other"}"#).unwrap();
    hooks()
        .arg("replay")
        .arg(&other)
        .args(["--to", &format!("{url}/hooks/5")])
        .assert()
        .success();
    echo.wait_stderr("not the echo, still waiting");
    echo
}

#[test]
fn echo_wait_on_times_out_with_exit_1_saying_what_arrived_instead() {
    let port = free_port();
    let api = api_with_callback(&format!("http://127.0.0.1:{port}/hooks/5"));
    // The window for the other request to land is the whole timeout: generous for slow CI.
    let mut echo = waiting_with_another_arrived(&api, port, &["--timeout", "8"]);
    assert_eq!(echo.wait_exit(), Some(1));
    let stderr = echo.rest_of_stderr().join("\n");
    assert!(
        stderr.contains("no notification with processUniqueId \"p-expected\""),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 other request arrived: POST /hooks/5"),
        "says what arrived instead: {stderr}"
    );
    assert!(stderr.contains("p-other"), "{stderr}");
    let methods: Vec<String> = api.requests().into_iter().map(|r| r.method).collect();
    assert_eq!(
        methods,
        ["GET", "POST"],
        "the list read, the echo requested once"
    );
}

#[test]
fn echo_wait_on_with_nothing_arriving_says_so() {
    let port = free_port();
    let api = api_with_callback(&format!("http://127.0.0.1:{port}/hooks/5"));
    echo_waiting(&api, port, "1")
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("nothing arrived"));
}

#[test]
fn echo_wait_on_a_bad_address_is_a_usage_error_and_nothing_is_sent() {
    let api = Recorder::ok();
    for address in ["not-a-port", "https://127.0.0.1:8080/hooks/5"] {
        hooks()
            .envs(settings(&api))
            .args(["echo", "5", "--process-id", "p", "--wait-on", address])
            .assert()
            .code(2);
    }
    assert!(api.requests().is_empty());
}

/// A callback on this machine but another port can never reach the listener: said at once,
/// naming both addresses, and no echo is fired.
#[test]
fn echo_wait_on_refuses_at_once_when_the_callback_points_elsewhere() {
    let (registered, waited) = (free_port(), free_port());
    let callback = format!("http://127.0.0.1:{registered}/hooks/5");
    let api = api_with_callback(&callback);
    let started = std::time::Instant::now();
    echo_waiting(&api, waited, "30")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(format!("points at {callback}")))
        .stderr(predicate::str::contains(format!(
            "--wait-on listens on http://127.0.0.1:{waited}"
        )));
    assert!(
        started.elapsed().as_secs() < 10,
        "not waiting out --timeout"
    );
    let methods: Vec<String> = api.requests().into_iter().map(|r| r.method).collect();
    assert_eq!(methods, ["GET"], "no echo fired");
}

#[test]
fn echo_wait_on_with_no_callback_registered_says_so_at_once() {
    let api = Recorder::start(|request, _| match request.method.as_str() {
        "GET" => (200, r#"{"items":[],"total":0}"#.into()),
        _ => (202, "{}".into()),
    });
    echo_waiting(&api, free_port(), "30")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "no callback is registered for notification type 5",
        ))
        .stderr(predicate::str::contains(
            "hooks callbacks put 5 --url http://127.0.0.1:",
        ));
    assert_eq!(api.requests().len(), 1, "only the list was read");
}

/// A callback on another host may reach us through a tunnel: a note, and it waits.
#[test]
fn echo_wait_on_a_callback_on_another_host_waits_with_a_note() {
    let api = api_with_callback("https://tunnel.example/hooks/5");
    echo_waiting(&api, free_port(), "1")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "points at https://tunnel.example/hooks/5",
        ))
        .stderr(predicate::str::contains("nothing arrived"));
    assert_eq!(api.requests().len(), 2, "the list, then the echo");
}

fn interrupt(running: &Running) {
    std::process::Command::new("kill")
        .args(["-INT", &running.child.id().to_string()])
        .status()
        .expect("kill -INT");
}

/// Ctrl-C while waiting: what arrived so far, then exit 130, no error line.
#[test]
fn ctrl_c_during_echo_wait_on_prints_what_arrived_and_exits_130() {
    let port = free_port();
    let api = api_with_callback(&format!("http://127.0.0.1:{port}/hooks/5"));
    let mut echo = waiting_with_another_arrived(&api, port, &["--timeout", "60"]);
    interrupt(&echo);
    assert_eq!(echo.wait_exit(), Some(130));
    assert_eq!(echo.next_stdout(std::time::Duration::ZERO), None);
    let stderr = echo.rest_of_stderr().join("\n");
    assert!(
        stderr.contains("interrupted: no notification with processUniqueId \"p-expected\""),
        "{stderr}"
    );
    assert!(stderr.contains("1 other request arrived"), "{stderr}");
    assert!(!stderr.contains("error:"), "{stderr}");
}

#[test]
fn ctrl_c_during_echo_wait_on_json_prints_a_summary_object() {
    let port = free_port();
    let api = api_with_callback(&format!("http://127.0.0.1:{port}/hooks/5"));
    let mut echo = waiting_with_another_arrived(&api, port, &["--timeout", "60", "--json"]);
    interrupt(&echo);
    assert_eq!(echo.wait_exit(), Some(130));
    let summary = echo.stdout_json();
    assert_eq!(summary["interrupted"], true, "{summary}");
    assert_eq!(summary["notification_type"], 5);
    assert_eq!(
        summary["waiting_for"],
        json!({"processUniqueId": "p-expected"})
    );
    assert_eq!(summary["listening_on"], format!("http://127.0.0.1:{port}"));
    assert_eq!(
        summary["arrived"],
        json!([{"method": "POST", "path": "/hooks/5", "provider": "partner-callbacks", "processUniqueId": "p-other"}])
    );
    assert_eq!(
        echo.next_stdout(std::time::Duration::from_millis(200)),
        None,
        "one document"
    );
}
