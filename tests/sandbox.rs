//! `hooks sandbox` end to end: the sandbox runs as its own process on 127.0.0.1:0 and is
//! driven by the real `hooks callbacks` / `hooks echo` commands and by raw HTTP requests;
//! its deliveries go to a recording server.

mod common;

use std::path::Path;

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
    assert!(
        second
            .stderr_seen
            .iter()
            .any(|line| line.contains("(2 registrations)")),
        "{:?}",
        second.stderr_seen
    );
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
    assert!(error_text(&body).contains("supported types are 5, 6 and 7"));
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
