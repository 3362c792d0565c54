//! `hooks sandbox` end to end: the sandbox runs as its own process on 127.0.0.1:0 and is
//! driven by the real `hooks callbacks` / `hooks echo` commands and by raw HTTP requests;
//! its deliveries go to a recording server.

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, ChildStdout, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

const BEARER: &str = "Bearer secret-token-value";

fn list_json(base: &str) -> Value {
    let output = against(base)
        .args(["--json", "callbacks", "list"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("list --json prints JSON")
}

/// One raw request; returns the status and the JSON body (Null when empty).
fn send(method: &str, url: &str, authorization: Option<&str>, body: &[u8]) -> (u16, Value) {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = reqwest::Client::new()
            .request(method, url)
            .body(body.to_vec());
        if let Some(value) = authorization {
            request = request.header("authorization", value);
        }
        let response = request.send().await.expect("the sandbox answers");
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        if text.is_empty() {
            return (status, Value::Null);
        }
        let body = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("the answer is not JSON ({e}): {text}"));
        (status, body)
    })
}

/// Asserts that `sandbox` printed a stderr line containing `words` (before its ready line).
fn assert_said(sandbox: &Running, words: &str) {
    assert!(
        sandbox.stderr_seen.iter().any(|line| line.contains(words)),
        "{words:?} not in {:#?}",
        sandbox.stderr_seen
    );
}

/// `hooks echo TYPE --process-id ID` against `sandbox`; returns its delivery log's next line.
fn echo_logged(sandbox: &mut Running, base: &str, notification_type: &str, id: &str) -> String {
    against(base)
        .args(["echo", notification_type, "--process-id", id])
        .assert()
        .success();
    sandbox.stdout_line()
}

fn echo_url(base: &str, notification_type: u32) -> String {
    format!("{base}/v1/callbacks/echo/{PARTNER}/{notification_type}")
}

fn error_text(body: &Value) -> &str {
    body["error"]
        .as_str()
        .unwrap_or_else(|| panic!("no error field: {body}"))
}

#[test]
fn callbacks_put_list_and_delete_work_against_the_sandbox() {
    let (mut sandbox, base) = sandbox(&[], &[]);
    assert!(
        sandbox
            .stderr_seen
            .iter()
            .any(|line| line == &format!("listening on {base}")),
        "{:?}",
        sandbox.stderr_seen
    );
    put_callback(&base, "7", "https://me.example/hooks/7");
    put_callback(&base, "5", "http://127.0.0.1:9/old");
    // The real API would refuse a loopback http:// URL; the sandbox says so and accepts it.
    sandbox.wait_stderr("the real Callback API requires a public HTTPS URL");
    against(&base)
        .args(["callbacks", "put", "5", "--url", "http://127.0.0.1:9/new"])
        .args(["--set", "secret=s3"])
        .assert()
        .success()
        .stdout(predicates::str::contains("200 OK"));

    let listed = list_json(&base);
    assert_eq!(listed["total"], 2);
    let items = listed["items"].as_array().unwrap();
    assert_eq!(items[0]["notificationType"], 5, "ordered by type");
    assert_eq!(items[0]["url"], "http://127.0.0.1:9/new");
    assert_eq!(items[0]["secret"], "s3", "extra PUT fields are kept");
    assert_eq!(items[1]["notificationType"], 7);
    assert!(items[0]["createdAt"].is_string() && items[0]["updatedAt"].is_string());

    let page = against(&base)
        .args([
            "--json",
            "callbacks",
            "list",
            "--offset",
            "1",
            "--limit",
            "1",
        ])
        .output()
        .unwrap();
    let page: Value = serde_json::from_slice(&page.stdout).unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 1);
    assert_eq!(page["items"][0]["notificationType"], 7);
    assert_eq!(
        (page["offset"].clone(), page["total"].clone()),
        (json!(1), json!(2))
    );

    against(&base)
        .args(["callbacks", "list"])
        .assert()
        .success()
        .stdout(predicates::str::contains("notificationType  url"))
        .stdout(predicates::str::contains("https://me.example/hooks/7"));

    against(&base)
        .args(["callbacks", "delete", "5", "--yes"])
        .assert()
        .success();
    against(&base)
        .args(["callbacks", "delete", "5", "--yes"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "no callback is registered for notification type 5",
        ));
    assert_eq!(list_json(&base)["total"], 1);
}

#[test]
fn echo_delivers_the_exact_body_and_logs_the_attempt() {
    let receiver = Recorder::ok();
    let (mut sandbox, base) = sandbox(&[], &[]);
    let target = format!("{}/hooks/6", receiver.url);
    put_callback(&base, "6", &target);

    against(&base)
        .args(["echo", "6", "--simulation-id", "sim-1"])
        .assert()
        .success()
        .stdout(predicates::str::contains("202"));
    let first = &receiver.wait_for(1)[0];
    assert_eq!(first.method, "POST");
    assert_eq!(first.uri, "/hooks/6");
    assert_eq!(first.json(), json!({"simulationUniqueId": "sim-1"}));
    let logged = sandbox.stdout_line();
    for part in [&target, "attempt 1/4", "200 OK", "delivered"] {
        assert!(logged.contains(part), "{part:?} missing from {logged:?}");
    }

    // Whitespace, key order and number spelling survive: the bytes are passed through.
    let raw = b"{ \"processUniqueId\" : \"p-1\",\n  \"amount\": 1.50, \"name\": \"Zo\xc3\xab\" }\n";
    let (status, answer) = send("POST", &echo_url(&base, 6), Some(BEARER), raw);
    assert_eq!(status, 202, "{answer}");
    assert_eq!(answer["url"], target);
    let second = &receiver.wait_for(2)[1];
    assert_eq!(second.body, raw);
    assert_eq!(second.header("content-type"), Some("application/json"));
}

#[test]
fn failed_deliveries_are_retried_with_the_same_body_and_logged_as_json() {
    let receiver = Recorder::start(|_, index| {
        if index < 2 {
            (503, r#"{"busy":true}"#.into())
        } else {
            (200, "{}".into())
        }
    });
    let (mut sandbox, base) = sandbox(&["--json", "--retry-schedule", "20ms,20ms,20ms"], &[]);
    put_callback(&base, "5", &format!("{}/hook", receiver.url));
    let body = br#"{"processUniqueId":"p-42","step":  "retry"}"#;
    let (status, _) = send("POST", &echo_url(&base, 5), Some(BEARER), body);
    assert_eq!(status, 202);

    let requests = receiver.wait_for(3);
    assert!(
        requests.iter().all(|r| r.body == body),
        "same body every time"
    );
    let attempts: Vec<Value> = (0..3).map(|_| sandbox.stdout_json()).collect();
    let seen: Vec<(Value, Value, Value)> = attempts
        .iter()
        .map(|a| {
            (
                a["attempt"].clone(),
                a["status"].clone(),
                a["outcome"].clone(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (json!(1), json!(503), json!("retrying")),
            (json!(2), json!(503), json!("retrying")),
            (json!(3), json!(200), json!("delivered")),
        ]
    );
    for attempt in &attempts {
        assert_eq!(attempt["attempts"], 4);
        assert_eq!(attempt["delivery_id"], attempts[0]["delivery_id"]);
        assert_eq!(attempt["url"], format!("{}/hook", receiver.url));
        assert!(attempt["latency_ms"].is_u64() && attempt["time"].is_string());
    }
    assert_eq!(attempts[0]["retry_in_ms"], 20);
    assert_eq!(receiver.requests().len(), 3, "no attempt after a 2xx");
}

#[test]
fn deliveries_give_up_after_the_schedule_and_log_every_attempt() {
    let receiver = Recorder::always(500, r#"{"error":"boom"}"#);
    // A port that was free a moment ago: connecting to it is refused.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed_url = format!("http://{}/gone", closed.local_addr().unwrap());
    drop(closed);
    let (mut sandbox, base) = sandbox(&["--retry-schedule", "20ms,20ms"], &[]);
    put_callback(&base, "5", &format!("{}/hook", receiver.url));
    put_callback(&base, "7", &closed_url);

    against(&base)
        .args(["echo", "5", "--process-id", "p-1"])
        .assert()
        .success();
    receiver.wait_for(3);
    let lines: Vec<String> = (0..3).map(|_| sandbox.stdout_line()).collect();
    assert!(lines[0].contains("attempt 1/3") && lines[0].contains("500 Internal Server Error"));
    assert!(lines[0].contains("retrying in 20ms"), "{}", lines[0]);
    assert!(lines[2].contains("attempt 3/3") && lines[2].contains("gave up after 3 attempts"));

    against(&base)
        .args(["echo", "7", "--process-id", "p-2"])
        .assert()
        .success();
    let lines: Vec<String> = (0..3).map(|_| sandbox.stdout_line()).collect();
    for (i, line) in lines.iter().enumerate() {
        assert!(
            line.contains(&closed_url) && line.contains("error:"),
            "{line}"
        );
        assert!(line.contains(&format!("attempt {}/3", i + 1)), "{line}");
    }
    assert!(lines[2].contains("gave up"), "{}", lines[2]);
    assert_eq!(
        receiver.requests().len(),
        3,
        "the first delivery stopped at 3"
    );
}

#[test]
fn registrations_survive_a_restart_with_state() {
    let receiver = Recorder::ok();
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("sandbox-state.json");
    let state_arg = state.to_str().unwrap();

    let (mut first, base) = sandbox(&["--state", state_arg], &[]);
    put_callback(&base, "5", &format!("{}/five", receiver.url));
    put_callback(&base, "6", "https://me.example/six");
    let before = list_json(&base);
    first.terminate();
    assert_eq!(first.wait_exit(), Some(0), "SIGTERM is a clean stop");
    let saved: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    assert_eq!(saved["partners"][PARTNER].as_object().unwrap().len(), 2);

    let (mut second, base) = sandbox(&["--state", state_arg], &[]);
    assert_said(&second, "(2 registrations)");
    assert_eq!(list_json(&base), before);
    against(&base)
        .args(["echo", "5", "--process-id", "after-restart"])
        .assert()
        .success();
    assert_eq!(
        receiver.wait_for(1)[0].json(),
        json!({"processUniqueId": "after-restart"})
    );
    second.terminate();
    assert_eq!(second.wait_exit(), Some(0));
}

#[test]
fn bad_state_files_ports_and_schedules_are_usage_errors() {
    let dir = tempfile::tempdir().unwrap();
    let corrupt = dir.path().join("corrupt.json");
    std::fs::write(&corrupt, "{\"partners\": [").unwrap();
    let missing_dir = dir.path().join("no/such/dir/state.json");
    for state in [corrupt.as_path(), dir.path(), missing_dir.as_path()] {
        hooks()
            .args(["sandbox", "--port", "0", "--state"])
            .arg(state)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("state file"));
    }
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    hooks()
        .args(["sandbox", "--port", &port])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot listen on 127.0.0.1"));
    hooks()
        .args(["sandbox", "--port", "0", "--retry-schedule", "1s,soon"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("'soon' is not a delay"));
    assert_eq!(
        std::fs::read_to_string(&corrupt).unwrap(),
        "{\"partners\": [",
        "a state file that cannot be read is left alone"
    );
}

#[test]
fn the_token_given_to_the_sandbox_is_required() {
    let (_sandbox, base) = sandbox(&[], &[("HOOKS_TOKEN", "right-token")]);
    let url = format!("{base}/{PARTNER}/callbacks");
    let (status, body) = send("GET", &url, None, b"");
    assert_eq!(status, 401);
    assert!(error_text(&body).contains("bearer token is required"));
    let (status, body) = send("GET", &url, Some("Bearer wrong-token"), b"");
    assert_eq!(status, 401);
    assert!(error_text(&body).contains("not the one this sandbox was started with"));
    assert_eq!(send("GET", &url, Some("Bearer right-token"), b"").0, 200);

    against(&base)
        .args(["callbacks", "list"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("401"))
        .stderr(predicates::str::contains(
            "not the one this sandbox was started with",
        ));
    against(&base)
        .env("HOOKS_TOKEN", "right-token")
        .args(["callbacks", "list"])
        .assert()
        .success();
}

#[test]
fn without_a_token_any_non_empty_bearer_token_is_accepted() {
    let (_sandbox, base) = sandbox(&[], &[]);
    let url = format!("{base}/{PARTNER}/callbacks");
    assert_eq!(send("GET", &url, Some("Bearer whatever"), b"").0, 200);
    for refused in ["Bearer ", "Basic dXNlcjpwdw==", "whatever"] {
        let (status, body) = send("GET", &url, Some(refused), b"");
        assert_eq!(status, 401, "{refused:?}");
        assert!(error_text(&body).contains("bearer token"));
    }
}

#[test]
fn partner_ids_must_be_guids_and_types_supported() {
    let (_sandbox, base) = sandbox(&[], &[]);
    // Raw: `hooks callbacks` itself refuses a partner id that is not a GUID.
    let (status, body) = send(
        "PUT",
        &format!("{base}/partner-1/callbacks/5"),
        Some(BEARER),
        br#"{"url":"https://me.example/5"}"#,
    );
    assert_eq!(status, 400);
    assert!(error_text(&body).contains("'partner-1' is not a GUID"));
    against(&base)
        .args(["callbacks", "put", "9", "--url", "https://me.example/9"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "notification type '9' is not supported",
        ));
    let (status, body) = send(
        "DELETE",
        &format!("{base}/{PARTNER}/callbacks/4"),
        Some(BEARER),
        b"",
    );
    assert_eq!(status, 400);
    assert!(error_text(&body).contains("notification type must be 5, 6 or 7"));
    let (status, _) = send(
        "POST",
        &format!("{base}/v1/callbacks/echo/not-a-guid/5"),
        Some(BEARER),
        br#"{"processUniqueId":"p"}"#,
    );
    assert_eq!(status, 400);
    assert_eq!(list_json(&base)["total"], 0, "nothing was registered");
}

#[test]
fn echo_needs_exactly_one_id_and_a_registered_callback() {
    let receiver = Recorder::ok();
    let (_sandbox, base) = sandbox(&[], &[]);
    put_callback(&base, "5", &receiver.url);
    let url = echo_url(&base, 5);

    let both = br#"{"processUniqueId":"p","simulationUniqueId":"s"}"#;
    let (status, body) = send("POST", &url, Some(BEARER), both);
    assert_eq!(status, 400);
    assert!(error_text(&body).contains("not both"));
    let neither = br#"{"processUniqueId":null,"other":1}"#;
    let (status, body) = send("POST", &url, Some(BEARER), neither);
    assert_eq!(status, 400);
    assert!(error_text(&body).contains("not neither"));

    against(&base)
        .args(["echo", "6", "--process-id", "p"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "no callback is registered for notification type 6",
        ));

    // Only the valid echo is delivered: the refused ones never started a delivery.
    let (status, _) = send("POST", &url, Some(BEARER), br#"{"processUniqueId":"ok"}"#);
    assert_eq!(status, 202);
    receiver.wait_for(1);
    let delivered = receiver.requests();
    assert_eq!(delivered.len(), 1);
    assert_eq!(delivered[0].json(), json!({"processUniqueId": "ok"}));
}

#[test]
fn bad_requests_get_json_errors_and_the_sandbox_keeps_serving() {
    let (mut sandbox, base) = sandbox(&[], &[]);
    let callback = format!("{base}/{PARTNER}/callbacks/5");
    let refused: [(&str, &str, Vec<u8>, u16, &str); 8] = [
        (
            "PUT",
            &callback,
            b"{\"url\": ".to_vec(),
            400,
            "not valid JSON",
        ),
        (
            "PUT",
            &callback,
            b"[1, 2]".to_vec(),
            400,
            "must be a JSON object",
        ),
        (
            "PUT",
            &callback,
            b"{\"uri\": \"x\"}".to_vec(),
            400,
            "\"url\"",
        ),
        (
            "PUT",
            &callback,
            b"{\"url\": \"me.example\"}".to_vec(),
            400,
            "not an absolute URL",
        ),
        ("PUT", &callback, huge_body(), 413, "larger than"),
        ("PATCH", &callback, Vec::new(), 405, "PATCH is not allowed"),
        (
            "GET",
            &format!("{base}/{PARTNER}/callbacks?limit=lots"),
            Vec::new(),
            400,
            "limit",
        ),
        (
            "GET",
            &format!("{base}/{PARTNER}/webhooks"),
            Vec::new(),
            404,
            "no such endpoint",
        ),
    ];
    for (method, url, body, expected, words) in refused {
        let (status, answer) = send(method, url, Some(BEARER), &body);
        assert_eq!(status, expected, "{method} {url}: {answer}");
        assert!(error_text(&answer).contains(words), "{answer}");
        assert_eq!(answer["status"], expected);
    }
    assert!(sandbox.child.try_wait().unwrap().is_none(), "still running");
    assert_eq!(list_json(&base)["total"], 0);
}

/// Twice the sandbox's 1 MiB body limit, as valid JSON.
fn huge_body() -> Vec<u8> {
    format!(
        r#"{{"url": "https://me.example", "pad": "{}"}}"#,
        "x".repeat(2 << 20)
    )
    .into_bytes()
}

#[test]
fn concurrent_puts_leave_a_consistent_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    let (mut sandbox, base) = sandbox(&["--state", state.to_str().unwrap()], &[]);
    let partners: Vec<String> = (0..20)
        .map(|i| format!("00000000-0000-4000-8000-{i:012}"))
        .collect();
    std::thread::scope(|scope| {
        for (i, partner) in partners.iter().enumerate() {
            let base = &base;
            scope.spawn(move || {
                let notification_type = (5 + i % 3).to_string();
                against(base)
                    .env("HOOKS_PARTNER", partner)
                    .args(["callbacks", "put", &notification_type])
                    .args(["--url", &format!("https://me.example/{i}")])
                    .assert()
                    .success();
            });
        }
    });
    let saved: Value = serde_json::from_slice(&std::fs::read(&state).unwrap()).unwrap();
    let saved = saved["partners"].as_object().unwrap();
    assert_eq!(saved.len(), 20);
    for (i, partner) in partners.iter().enumerate() {
        let registration = &saved[partner][(5 + i % 3).to_string()];
        assert_eq!(registration["url"], format!("https://me.example/{i}"));
    }
    assert_no_temporary_files(dir.path());
    sandbox.terminate();
    assert_eq!(sandbox.wait_exit(), Some(0));
}

fn assert_no_temporary_files(dir: &Path) {
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["state.json"]);
}

#[test]
fn slow_and_idle_clients_are_dropped_and_others_are_served() {
    let (_sandbox, base) = sandbox(&["--header-timeout", "1", "--max-connections", "2"], &[]);
    let addr = base.trim_start_matches("http://").to_string();
    let started = std::time::Instant::now();
    // Two idle connections hold both slots until they are dropped.
    let idle: Vec<std::net::TcpStream> = (0..2)
        .map(|_| std::net::TcpStream::connect(&addr).unwrap())
        .collect();
    let slow = {
        let addr = addr.clone();
        std::thread::spawn(move || dribble_head(&addr, std::time::Duration::from_millis(100)))
    };
    list_json(&base);
    let waited = started.elapsed();
    assert!(
        waited >= std::time::Duration::from_millis(900),
        "served after {waited:?}"
    );
    let dropped = slow
        .join()
        .unwrap()
        .expect("the slow client was never dropped");
    assert!(
        dropped < std::time::Duration::from_secs(4),
        "dropped after {dropped:?}"
    );
    drop(idle);
}

/// `hooks sandbox --port 0 ARGS` whose stdout the test reads and closes itself; returns the
/// process, its stdout, the base URL and its stderr lines.
fn sandbox_with_stdout(
    args: &[&str],
) -> (
    Child,
    ChildStdout,
    String,
    std::sync::mpsc::Receiver<String>,
) {
    let mut child = hooks_std()
        .args(["sandbox", "--port", "0"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn hooks sandbox");
    let stdout = child.stdout.take().unwrap();
    let (lines, stderr) = std::sync::mpsc::channel();
    let reader = BufReader::new(child.stderr.take().unwrap());
    std::thread::spawn(move || {
        for line in reader.lines().map_while(Result::ok) {
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let marker = "export HOOKS_BASE_URL=";
    let base = loop {
        let line = stderr
            .recv_timeout(PATIENCE)
            .expect("the sandbox prints its base URL");
        if let Some(base) = line.strip_prefix(marker) {
            break base.to_string();
        }
    };
    (child, stdout, base, stderr)
}

#[test]
fn a_closed_stdout_stops_the_sandbox_with_exit_0() {
    let receiver = Recorder::ok();
    let (mut child, stdout, base, stderr) = sandbox_with_stdout(&[]);
    put_callback(&base, "5", &receiver.url);
    against(&base)
        .args(["echo", "5", "--process-id", "first"])
        .assert()
        .success();
    let mut stdout = BufReader::new(stdout);
    let mut first = String::new();
    stdout.read_line(&mut first).unwrap();
    assert!(first.contains("delivered"), "{first}");
    // The reader goes away, as `head -1` does; the next delivery line meets a closed pipe.
    drop(stdout);
    against(&base)
        .args(["echo", "5", "--process-id", "second"])
        .assert()
        .success();
    receiver.wait_for(2);
    let deadline = Instant::now() + PATIENCE;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("the sandbox kept running after its stdout was closed");
        }
        // Polling the child's state, not waiting for it to get somewhere.
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(status.code(), Some(0));
    let said: Vec<String> = stderr.try_iter().collect();
    assert!(
        said.iter().any(|line| line.contains("stdout is closed")),
        "{said:#?}"
    );
    assert_eq!(said.last().map(String::as_str), Some("sandbox stopped"));
}

/// A server that answers every request with `status` and a `Location: location` header.
fn redirecting(status: u16, location: String) -> String {
    let status = axum::http::StatusCode::from_u16(status).unwrap();
    serve(axum::Router::new().fallback(move || {
        let location = location.clone();
        async move { (status, [("location", location)]) }
    }))
}

#[test]
fn redirects_are_not_followed_and_are_logged_as_failures() {
    let elsewhere = Recorder::ok();
    let (mut sandbox, base) = sandbox(&["--retry-schedule", ""], &[]);
    let moved = format!("{}/moved", elsewhere.url);
    put_callback(&base, "5", &redirecting(307, moved.clone()));
    put_callback(&base, "6", &redirecting(302, "/relative".into()));
    let line = echo_logged(&mut sandbox, &base, "5", "p-307");
    for part in [
        "307 Temporary Redirect",
        &moved,
        "(not followed)",
        "gave up",
    ] {
        assert!(line.contains(part), "{part:?} missing from {line:?}");
    }
    assert!(!line.contains("delivered"), "{line}");
    let line = echo_logged(&mut sandbox, &base, "6", "p-302");
    assert!(line.contains("302 Found to http://127.0.0.1:"), "{line}");
    assert!(line.contains("/relative (not followed)"), "{line}");
    // Each log line is written after its attempt ended, so a followed redirect would be here.
    assert!(elsewhere.requests().is_empty(), "the redirect was followed");
}

#[test]
fn callback_urls_no_delivery_can_reach_are_refused_and_private_ones_warned() {
    let (mut sandbox, base) = sandbox(&[], &[]);
    let callback = format!("{base}/{PARTNER}/callbacks/5");
    for (url, why) in [
        (
            "http://169.254.169.254/latest",
            "link-local address (169.254.0.0/16)",
        ),
        (
            "http://[fe80::1]:8080/hook",
            "link-local address (fe80::/10)",
        ),
        ("http://0:8080/hook", "the unspecified address 0.0.0.0"),
        (
            "http://0.0.0.0:8080/hook",
            "the unspecified address 0.0.0.0",
        ),
        ("http://[::]:8080/hook", "the unspecified address [::]"),
    ] {
        let body = json!({ "url": url }).to_string();
        let (status, answer) = send("PUT", &callback, Some(BEARER), body.as_bytes());
        assert_eq!(status, 400, "{url}: {answer}");
        assert!(error_text(&answer).contains(why), "{url}: {answer}");
    }
    assert_eq!(list_json(&base)["total"], 0, "nothing was registered");

    for (url, range) in [
        ("http://10.1.2.3/hook", "10.0.0.0/8"),
        ("http://172.20.0.1/hook", "172.16.0.0/12"),
        ("https://192.168.1.10/hook", "192.168.0.0/16"),
        ("http://[fd00::1]/hook", "fc00::/7"),
    ] {
        put_callback(&base, "6", url);
        let warning = sandbox.wait_stderr(&format!("is a private address ({range})"));
        assert!(warning.contains("could not reach it"), "{url}: {warning}");
    }
    put_callback(&base, "7", "http://127.0.0.1:9/hook");
    sandbox.wait_stderr("is a loopback address");
    assert_eq!(list_json(&base)["total"], 2);
}

#[test]
fn echo_bodies_over_64_kib_are_refused_with_413() {
    let receiver = Recorder::ok();
    let (_sandbox, base) = sandbox(&[], &[]);
    put_callback(&base, "5", &receiver.url);
    let big = json!({"processUniqueId": "p", "pad": "x".repeat(1_000_000)}).to_string();
    let (status, answer) = send("POST", &echo_url(&base, 5), Some(BEARER), big.as_bytes());
    assert_eq!(status, 413, "{answer}");
    assert!(
        error_text(&answer).contains("limit of 65536 bytes"),
        "{answer}"
    );
    let fits = json!({"processUniqueId": "p", "pad": "x".repeat(60_000)}).to_string();
    assert_eq!(
        send("POST", &echo_url(&base, 5), Some(BEARER), fits.as_bytes()).0,
        202
    );
    assert_eq!(receiver.wait_for(1)[0].body, fits.as_bytes());
}

/// A receiver that holds every request until released, counting how many it holds at once.
struct Holding {
    url: String,
    arrived: Arc<AtomicUsize>,
    most_at_once: Arc<AtomicUsize>,
    release: tokio::sync::watch::Sender<bool>,
}

impl Holding {
    fn start() -> Holding {
        let arrived = Arc::new(AtomicUsize::new(0));
        let most_at_once = Arc::new(AtomicUsize::new(0));
        let held = Arc::new(AtomicUsize::new(0));
        let (release, released) = tokio::sync::watch::channel(false);
        let url = {
            let (arrived, most_at_once) = (arrived.clone(), most_at_once.clone());
            serve(axum::Router::new().fallback(move || {
                let (arrived, most_at_once, held) =
                    (arrived.clone(), most_at_once.clone(), held.clone());
                let mut released = released.clone();
                async move {
                    let now = held.fetch_add(1, Ordering::SeqCst) + 1;
                    most_at_once.fetch_max(now, Ordering::SeqCst);
                    arrived.fetch_add(1, Ordering::SeqCst);
                    let _ = released.wait_for(|released| *released).await;
                    held.fetch_sub(1, Ordering::SeqCst);
                    "{}"
                }
            }))
        };
        Holding {
            url,
            arrived,
            most_at_once,
            release,
        }
    }

    /// Waits until `n` requests arrived in all (panics after PATIENCE).
    fn wait_for(&self, n: usize) {
        let deadline = Instant::now() + PATIENCE;
        while self.arrived.load(Ordering::SeqCst) < n {
            assert!(Instant::now() < deadline, "expected {n} requests");
            // Polling a counter, not waiting for it to get somewhere.
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

#[test]
fn deliveries_past_max_in_flight_wait_in_a_queue() {
    let receiver = Holding::start();
    let (mut sandbox, base) = sandbox(&["--max-in-flight", "2", "--json"], &[]);
    assert_said(&sandbox, "at most 2 delivery attempts at once");
    put_callback(&base, "5", &receiver.url);
    for i in 0..5 {
        let body = json!({ "processUniqueId": format!("p-{i}") }).to_string();
        assert_eq!(
            send("POST", &echo_url(&base, 5), Some(BEARER), body.as_bytes()).0,
            202
        );
    }
    sandbox.wait_stderr("deliveries are queued: 2 attempts are under way (--max-in-flight 2)");
    receiver.wait_for(2);
    receiver.release.send_replace(true);
    for _ in 0..5 {
        assert_eq!(sandbox.stdout_json()["outcome"], "delivered");
    }
    assert_eq!(receiver.arrived.load(Ordering::SeqCst), 5);
    assert_eq!(receiver.most_at_once.load(Ordering::SeqCst), 2);
}

#[test]
fn the_state_file_is_private_and_leftover_temporary_files_are_removed() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let state = dir.path().join("state.json");
    // A state file written by an older sandbox, and what one killed mid-write leaves behind.
    std::fs::write(&state, "{\"partners\": {}}\n").unwrap();
    std::fs::set_permissions(&state, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::write(dir.path().join(".state.json.4242.tmp"), "{\"partn").unwrap();
    let (mut sandbox, base) = sandbox(&["--state", state.to_str().unwrap()], &[]);
    assert_said(&sandbox, "removed 1 temporary file of an interrupted write");
    assert_said(&sandbox, "was readable by others; its mode is now 0600");
    assert_no_temporary_files(dir.path());
    let mode = || std::fs::metadata(&state).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(), 0o600, "at start");
    put_callback(&base, "5", "https://me.example/5");
    assert_eq!(mode(), 0o600, "after a write");
    sandbox.terminate();
    assert_eq!(sandbox.wait_exit(), Some(0));
}

#[test]
fn types_not_written_exactly_5_6_or_7_are_refused() {
    let receiver = Recorder::ok();
    let (_sandbox, base) = sandbox(&[], &[]);
    put_callback(&base, "5", &receiver.url);
    let body = br#"{"url": "https://me.example/5"}"#;
    for written in ["+5", "05", "%35", "5.0"] {
        for (method, url, body) in [
            (
                "PUT",
                format!("{base}/{PARTNER}/callbacks/{written}"),
                &body[..],
            ),
            (
                "DELETE",
                format!("{base}/{PARTNER}/callbacks/{written}"),
                b"",
            ),
            (
                "POST",
                format!("{base}/v1/callbacks/echo/{PARTNER}/{written}"),
                br#"{"processUniqueId":"p"}"#,
            ),
        ] {
            let (status, answer) = send(method, &url, Some(BEARER), body);
            assert_eq!(status, 400, "{method} {url}: {answer}");
            assert!(
                error_text(&answer).contains("notification type must be 5, 6 or 7"),
                "{answer}"
            );
        }
    }
    let listed = list_json(&base);
    assert_eq!(listed["total"], 1, "{listed}");
    assert_eq!(listed["items"][0]["url"], receiver.url.as_str());
    assert!(receiver.requests().is_empty(), "no echo was delivered");
}

#[test]
fn an_empty_retry_schedule_means_one_attempt() {
    let receiver = Recorder::always(500, "{}");
    let (mut sandbox, base) = sandbox(&["--retry-schedule", ""], &[]);
    assert_said(&sandbox, "deliveries: 1 attempt, no retries");
    put_callback(&base, "5", &receiver.url);
    let line = echo_logged(&mut sandbox, &base, "5", "once");
    assert!(line.contains("attempt 1/1"), "{line}");
    assert!(line.ends_with("gave up after 1 attempt"), "{line}");
    sandbox.terminate();
    assert_eq!(sandbox.wait_exit(), Some(0));
    assert_eq!(receiver.requests().len(), 1);
}

#[test]
fn url_passwords_never_appear_in_the_sandbox_output() {
    const PASSWORD: &str = "pw-s3cr3t";
    let receiver = Recorder::ok();
    let port = receiver.url.rsplit(':').next().unwrap();
    let url = format!("http://user:{PASSWORD}@127.0.0.1:{port}/x");
    for json_mode in [false, true] {
        let args: &[&str] = if json_mode { &["--json"] } else { &[] };
        let (mut sandbox, base) = sandbox(args, &[]);
        put_callback(&base, "5", &url);
        let (status, answer) = send(
            "POST",
            &echo_url(&base, 5),
            Some(BEARER),
            br#"{"processUniqueId":"p"}"#,
        );
        assert_eq!(status, 202);
        assert!(!answer.to_string().contains(PASSWORD), "{answer}");
        let line = sandbox.stdout_line();
        assert!(line.contains("user:pw-s****@127.0.0.1"), "{line}");
        sandbox.terminate();
        assert_eq!(sandbox.wait_exit(), Some(0));
        let stderr = sandbox.rest_of_stderr().join("\n");
        assert!(stderr.contains("user:pw-s****@"), "{stderr}");
        for text in [&line, &stderr] {
            assert!(!text.contains(PASSWORD), "{text}");
        }
    }
    assert_eq!(receiver.wait_for(2)[1].uri, "/x");
}

#[test]
fn stopping_gives_up_retries_at_once_and_says_so() {
    let receiver = Recorder::always(503, "{}");
    let (mut sandbox, base) = sandbox(&["--retry-schedule", "10m"], &[]);
    put_callback(&base, "5", &receiver.url);
    let line = echo_logged(&mut sandbox, &base, "5", "p-retry");
    assert!(line.contains("retrying in 600s"), "{line}");
    sandbox.terminate();
    assert_eq!(sandbox.wait_exit(), Some(0));
    let said = sandbox.rest_of_stderr();
    assert_eq!(
        said.last().map(String::as_str),
        Some("sandbox stopped; gave up 1 delivery not done (waiting for a retry or a free slot)"),
        "{said:#?}"
    );
    assert_eq!(receiver.requests().len(), 1);
}

#[test]
fn a_body_trickled_in_is_answered_408_within_the_header_timeout() {
    use std::io::{Read, Write};
    let (_sandbox, base) = sandbox(&["--header-timeout", "1"], &[]);
    let addr = base.trim_start_matches("http://").to_string();
    let mut stream = std::net::TcpStream::connect(&addr).unwrap();
    let started = std::time::Instant::now();
    write!(
        stream,
        "PUT /{PARTNER}/callbacks/5 HTTP/1.1\r\nhost: x\r\nauthorization: Bearer t\r\n\
         content-type: application/json\r\ncontent-length: 1000\r\n\r\n{{"
    )
    .unwrap();
    let sender = {
        let mut stream = stream.try_clone().unwrap();
        std::thread::spawn(move || {
            // Pacing the attack, not waiting for a condition; stops once the server closes.
            while started.elapsed() < PATIENCE && stream.write_all(b" ").is_ok() {
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
        })
    };
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut answer = Vec::new();
    let mut buffer = [0u8; 4096];
    while !String::from_utf8_lossy(&answer).contains("\r\n\r\n{") {
        match stream.read(&mut buffer) {
            Ok(0) | Err(_) => break,
            Ok(n) => answer.extend_from_slice(&buffer[..n]),
        }
    }
    let answer = String::from_utf8_lossy(&answer).into_owned();
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(4),
        "answered after {:?}",
        started.elapsed()
    );
    // The sandbox keeps serving.
    list_json(&base);
    drop(stream);
    sender.join().unwrap();
}
