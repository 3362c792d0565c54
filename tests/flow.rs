//! The whole Callback API flow offline, across processes: `hooks sandbox` delivers,
//! `hooks listen` (or `hooks echo --wait-on`) receives, `hooks callbacks` and `hooks echo`
//! drive it, exactly as the README's snippets do.

mod common;

use common::*;
use predicates::prelude::*;
use serde_json::Value;

/// The README's "Try the whole flow offline" snippets, pasted in order (ports discovered
/// instead of fixed): sandbox, listen, put, echo; then the CI snippet, while that listener
/// still runs.
#[test]
fn the_readme_offline_flow_works_pasted_in_order() {
    let (_sandbox, base) = sandbox(&[], &[]);
    let mut listen = Running::start(&["listen", "--port", "0", "--json"], &[]);
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

    let ci = format!("http://127.0.0.1:{}/hooks/5", free_port());
    put_callback(&base, "5", &ci);
    let output = against(&base)
        .args(["echo", "5", "--process-id", "run-42", "--json"])
        .args(["--wait-on", &ci, "--timeout", "20"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let echoed: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(echoed["body"]["processUniqueId"], "run-42");
    assert_eq!(
        listen.child.try_wait().unwrap(),
        None,
        "the listener still runs"
    );
}

/// The port in `text` after `marker` (`--port 8080`, `:8081/`).
fn port_after(text: &str, marker: &str) -> u16 {
    let at = text
        .find(marker)
        .unwrap_or_else(|| panic!("{marker:?} in {text}"))
        + marker.len();
    let digits: String = text[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("a port after {marker:?} in {text}"))
}

/// The README's CI snippet must not collide with the listener its previous snippet left
/// running, and its callback must point where `--wait-on` listens.
#[test]
fn the_readme_ci_snippet_uses_a_port_of_its_own() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("## Try the whole flow offline").unwrap()..];
    let section = &section[..section[3..]
        .find("\n## ")
        .map_or(section.len(), |end| end + 3)];
    let blocks: Vec<&str> = section.split("```sh").skip(1).collect();
    assert_eq!(blocks.len(), 2, "{section}");
    let listener = port_after(blocks[0], "hooks listen --port ");
    let registered = port_after(blocks[1], "--url http://127.0.0.1:");
    let waited = port_after(blocks[1], "--wait-on http://127.0.0.1:");
    assert_ne!(
        listener, waited,
        "the CI snippet collides with the running listener"
    );
    assert_eq!(
        registered, waited,
        "the callback points where --wait-on listens"
    );
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
