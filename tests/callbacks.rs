//! `hooks callbacks put|list|delete` against a fake Callback API on 127.0.0.1:0.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::json;

#[test]
fn put_sends_the_url_body_with_bearer_token_and_user_agent() {
    let api = Recorder::ok();
    against(&api.url)
        .args([
            "callbacks",
            "put",
            "5",
            "--url",
            "https://me.example/hooks/5",
        ])
        .assert()
        .success()
        .stdout(predicate::str::contains("notification type 5"));
    let requests = api.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].method, "PUT");
    assert_eq!(requests[0].uri, format!("/{PARTNER}/callbacks/5"));
    assert_eq!(
        requests[0].header("authorization"),
        Some("Bearer secret-token-value")
    );
    assert_eq!(
        requests[0].header("user-agent"),
        Some(concat!("hooks/", env!("CARGO_PKG_VERSION")))
    );
    assert_eq!(
        requests[0].json(),
        json!({"url": "https://me.example/hooks/5"})
    );
}

#[test]
fn put_set_adds_fields_parsed_as_json_where_they_parse() {
    let api = Recorder::ok();
    against(&api.url)
        .args(["callbacks", "put", "6", "--url", "https://me.example/6"])
        .args([
            "--set",
            "active=true",
            "--set",
            "secret=abc",
            "--set",
            "retries=3",
        ])
        .assert()
        .success();
    assert_eq!(
        api.requests()[0].json(),
        json!({"url": "https://me.example/6", "active": true, "secret": "abc", "retries": 3})
    );
}

#[test]
fn put_body_sends_the_given_object_from_a_file_or_stdin() {
    let api = Recorder::ok();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("body.json");
    std::fs::write(
        &file,
        r#"{"callbackUrl": "https://me.example/x", "headers": {"X": "1"}}"#,
    )
    .unwrap();
    against(&api.url)
        .args(["callbacks", "put", "7", "--body"])
        .arg(&file)
        .assert()
        .success();
    against(&api.url)
        .args(["callbacks", "put", "7", "--body", "-", "--set", "extra=1"])
        .write_stdin(r#"{"callbackUrl": "https://me.example/y"}"#)
        .assert()
        .success();
    let requests = api.requests();
    assert_eq!(
        requests[0].json(),
        json!({"callbackUrl": "https://me.example/x", "headers": {"X": "1"}})
    );
    assert_eq!(
        requests[1].json(),
        json!({"callbackUrl": "https://me.example/y", "extra": 1})
    );
}

#[test]
fn put_rejects_a_body_that_is_not_an_object_and_sends_nothing() {
    let api = Recorder::ok();
    against(&api.url)
        .args(["callbacks", "put", "7", "--body", "-"])
        .write_stdin("[1, 2]")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("JSON object"));
    assert!(api.requests().is_empty());
}

#[test]
fn put_rejects_a_relative_url_and_sends_nothing() {
    let api = Recorder::ok();
    for bad in ["me.example/hooks", "/hooks/5", "ftp://me.example/x"] {
        against(&api.url)
            .args(["callbacks", "put", "5", "--url", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--url"));
    }
    assert!(api.requests().is_empty());
}

#[test]
fn put_warns_about_plain_http_and_loopback_but_sends() {
    let api = Recorder::ok();
    for url in ["http://me.example/hooks", "https://127.0.0.1:9000/hooks"] {
        against(&api.url)
            .args(["callbacks", "put", "5", "--url", url])
            .assert()
            .success()
            .stderr(predicate::str::contains("warning:"))
            .stderr(predicate::str::contains("public HTTPS"));
    }
    assert_eq!(api.requests().len(), 2);
    against(&api.url)
        .args(["callbacks", "put", "5", "--url", "https://me.example/hooks"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning:").not());
}

#[test]
fn put_json_output_is_one_document() {
    let api = Recorder::always(
        200,
        r#"{"notificationType":5,"url":"https://me.example/5"}"#,
    );
    let output = against(&api.url)
        .args([
            "--json",
            "callbacks",
            "put",
            "5",
            "--url",
            "https://me.example/5",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    let doc: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(doc["status"], 200);
    assert_eq!(doc["response"]["url"], "https://me.example/5");
}

const LISTED: &str = r#"{"total":2,"items":[
  {"createdAt":"2026-01-01T00:00:00Z","url":"https://me.example/hooks/5","notificationType":5},
  {"createdAt":"2026-01-02T00:00:00Z","url":"https://me.example/hooks/long/7","notificationType":7}
]}"#;

#[test]
fn list_prints_an_aligned_table_type_and_url_first() {
    let api = Recorder::always(200, LISTED);
    let output = against(&api.url)
        .args(["callbacks", "list"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("notificationType  url"), "{text}");
    // Every row's createdAt starts in the same column as the header's.
    let column = lines[0].find("createdAt").unwrap();
    assert_eq!(lines[1].find("2026-01-01").unwrap(), column, "{text}");
    assert_eq!(lines[2].find("2026-01-02").unwrap(), column, "{text}");
    assert!(
        !text.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    assert_eq!(api.requests()[0].uri, format!("/{PARTNER}/callbacks"));
}

#[test]
fn list_passes_offset_and_limit_and_json_is_the_servers_document_unchanged() {
    let api = Recorder::always(200, LISTED);
    let output = against(&api.url)
        .args([
            "callbacks",
            "list",
            "--offset",
            "10",
            "--limit",
            "5",
            "--json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8(output.stdout).unwrap(),
        format!("{LISTED}\n")
    );
    assert_eq!(
        api.requests()[0].uri,
        format!("/{PARTNER}/callbacks?offset=10&limit=5")
    );
}

#[test]
fn list_with_color_always_styles_the_header() {
    let api = Recorder::always(200, LISTED);
    against(&api.url)
        .args(["callbacks", "list", "--color", "always"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\u{1b}["));
}

#[test]
fn delete_with_yes_sends_delete() {
    let api = Recorder::always(204, "");
    against(&api.url)
        .args(["callbacks", "delete", "5", "--yes"])
        .assert()
        .success()
        .stdout(predicate::str::contains("deleted"));
    let requests = api.requests();
    assert_eq!(requests[0].method, "DELETE");
    assert_eq!(requests[0].uri, format!("/{PARTNER}/callbacks/5"));
}

#[test]
fn delete_of_an_unregistered_type_says_so_with_exit_1() {
    let api = Recorder::always(404, r#"{"error":"not found"}"#);
    against(&api.url)
        .args(["callbacks", "delete", "6", "--yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "no callback is registered for notification type 6",
        ));
}

#[test]
fn delete_without_yes_off_a_terminal_refuses_and_sends_nothing() {
    let api = Recorder::ok();
    against(&api.url)
        .args(["callbacks", "delete", "5"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--yes"));
    assert!(api.requests().is_empty());
}

#[test]
fn a_server_error_exits_1_naming_url_status_and_the_servers_text() {
    let api = Recorder::always(500, r#"{"error":"database is down"}"#);
    against(&api.url)
        .args(["callbacks", "put", "5", "--url", "https://me.example/5"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "{}/{PARTNER}/callbacks/5",
            api.url
        )))
        .stderr(predicate::str::contains("500"))
        .stderr(predicate::str::contains("database is down"))
        .stderr(predicate::str::contains("panicked").not());
    // 500 is not a transient gateway error: no retry.
    assert_eq!(api.requests().len(), 1);
}

#[test]
fn an_unreachable_server_exits_1_naming_the_url() {
    let (_refusing, port) = refusing_port();
    hooks()
        .args(["callbacks", "list"])
        .env("HOOKS_BASE_URL", format!("http://127.0.0.1:{port}"))
        .env("HOOKS_PARTNER", PARTNER)
        .env("HOOKS_TOKEN", TOKEN)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!("127.0.0.1:{port}")))
        .stderr(predicate::str::contains("panicked").not());
}

#[test]
fn idempotent_requests_are_retried_on_gateway_errors() {
    let api = Recorder::start(|_, index| match index {
        0 => (503, "{}".into()),
        1 => (502, "{}".into()),
        _ => (200, LISTED.into()),
    });
    against(&api.url)
        .args(["callbacks", "list"])
        .assert()
        .success();
    assert_eq!(api.requests().len(), 3);

    let failing = Recorder::always(503, r#"{"error":"busy"}"#);
    against(&failing.url)
        .args(["callbacks", "delete", "5", "--yes"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("503"));
    assert_eq!(failing.requests().len(), 3, "a few tries, then give up");
}

#[test]
fn verbose_traces_mask_the_token() {
    let api = Recorder::always(200, LISTED);
    against(&api.url)
        .args(["-v", "callbacks", "list"])
        .assert()
        .success()
        .stderr(predicate::str::contains("> GET"))
        .stderr(predicate::str::contains("Bearer secr****"))
        .stderr(predicate::str::contains("< 200"))
        .stderr(predicate::str::contains(TOKEN).not());
}

/// The provider validates the type itself: an undocumented one is warned about, not refused.
#[test]
fn put_of_an_undocumented_type_warns_and_is_sent() {
    let api = Recorder::ok();
    against(&api.url)
        .args(["callbacks", "put", "9", "--url", "https://me.example/9"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning: notification type 9"))
        .stderr(predicate::str::contains("5, 6, 7"));
    let requests = api.requests();
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].uri, format!("/{PARTNER}/callbacks/9"));
    against(&api.url)
        .args(["callbacks", "put", "6", "--url", "https://me.example/6"])
        .assert()
        .success()
        .stderr(predicate::str::contains("notification type 6").not());
}

#[test]
fn a_callback_urls_password_is_masked_in_every_line() {
    const WITH_PASSWORD: &str = r#"{"items":[{"url":"https://user:hunter2secret@me.example/hooks/5","notificationType":5}]}"#;
    let api = Recorder::always(200, WITH_PASSWORD);
    let url = "https://user:hunter2secret@me.example/hooks/5";
    let runs: [&[&str]; 4] = [
        &["callbacks", "put", "5", "--url", url],
        &["--json", "-v", "callbacks", "put", "5", "--url", url],
        &["callbacks", "list"],
        &["--json", "-v", "callbacks", "list"],
    ];
    for args in runs {
        let output = against(&api.url).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}");
        let printed = format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(!printed.contains("hunter2secret"), "{args:?}: {printed}");
        assert!(
            printed.contains("me.example/hooks/5"),
            "{args:?}: {printed}"
        );
    }
    // What is sent keeps the password: the provider needs it to deliver.
    assert_eq!(
        api.requests()[0].json()["url"],
        "https://user:hunter2secret@me.example/hooks/5"
    );
}
