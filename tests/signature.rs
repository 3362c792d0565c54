//! `hooks signature sign | verify` against the schemes' published vectors, and against an
//! independent implementation: the reference Python `standardwebhooks` package (and
//! Python's own `hmac` for the other schemes), when `.ci/run` provides it in HOOKS_PYTHON.

mod common;

use std::collections::BTreeSet;
use std::io::Write as _;
use std::path::Path;

use common::*;
use hooks::signature::{Key, Scheme, verify};
use predicates::prelude::*;
use serde_json::Value;

/// The Standard Webhooks reference libraries' shared vector (`test_sign_function`).
const SW_SECRET: &str = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const SW_ID: &str = "msg_p5jXN8AQM9LWM0D4loKWxJek";
const SW_TIMESTAMP: &str = "1614265330";
const SW_PAYLOAD: &str = r#"{"test": 2432232314}"#;
const SW_SIGNATURE: &str = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

fn body_file(dir: &Path, name: &str, body: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::File::create(&path)
        .and_then(|mut file| file.write_all(body))
        .unwrap();
    path.display().to_string()
}

#[test]
fn sign_prints_the_reference_vectors_headers() {
    let dir = tempfile::tempdir().unwrap();
    let body = body_file(dir.path(), "body.json", SW_PAYLOAD.as_bytes());
    let args = [
        "signature",
        "sign",
        "--scheme",
        "standard",
        "--secret",
        SW_SECRET,
        "--id",
        SW_ID,
        "--timestamp",
        SW_TIMESTAMP,
        &body,
    ];
    hooks().args(args).assert().success().stdout(format!(
        "webhook-id: {SW_ID}\nwebhook-timestamp: {SW_TIMESTAMP}\nwebhook-signature: {SW_SIGNATURE}\n"
    ));
    let output = hooks().arg("--json").args(args).output().unwrap();
    let object: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        object,
        serde_json::json!({"webhook-id": SW_ID, "webhook-timestamp": SW_TIMESTAMP, "webhook-signature": SW_SIGNATURE})
    );
}

#[test]
fn sign_reads_stdin_and_github_documents_its_example() {
    hooks()
        .args([
            "signature",
            "sign",
            "--scheme",
            "github",
            "--secret",
            "It's a Secret to Everybody",
            "-",
        ])
        .write_stdin("Hello, World!")
        .assert()
        .success()
        .stdout("X-Hub-Signature-256: sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17\n");
}

fn verify_reference(extra: &[&str], signature: &str) -> assert_cmd::assert::Assert {
    let dir = tempfile::tempdir().unwrap();
    let body = body_file(dir.path(), "body.json", SW_PAYLOAD.as_bytes());
    let id = format!("webhook-id: {SW_ID}");
    let timestamp = format!("webhook-timestamp: {SW_TIMESTAMP}");
    let signature = format!("webhook-signature: {signature}");
    let mut args = vec![
        "signature",
        "verify",
        "--scheme",
        "standard",
        "--secret",
        SW_SECRET,
        "-H",
        &id,
        "-H",
        &timestamp,
        "-H",
        &signature,
    ];
    args.extend_from_slice(extra);
    args.push(&body);
    hooks().args(&args).assert()
}

#[test]
fn verify_exits_0_for_the_reference_vector_of_a_captured_request() {
    verify_reference(&["--ignore-timestamp"], SW_SIGNATURE)
        .success()
        .stdout("valid (standard)\n");
}

#[test]
fn verify_exits_1_with_the_reason_on_stderr_and_in_json() {
    verify_reference(&[], SW_SIGNATURE)
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("stale-timestamp"));
    let assert = verify_reference(
        &["--ignore-timestamp", "--json"],
        "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OA=",
    )
    .code(1)
    .stderr(predicate::str::contains("signature-mismatch"));
    let line: Value = serde_json::from_slice(&assert.get_output().stdout).unwrap();
    assert_eq!(line["signature"], "signature-mismatch");
    assert_eq!(line["scheme"], "standard");
}

#[test]
fn verify_refuses_bad_usage_with_2_and_never_prints_the_secret() {
    let dir = tempfile::tempdir().unwrap();
    let body = body_file(dir.path(), "body.json", b"{}");
    for (secret, header) in [
        ("whsec_hunter2*secret", "webhook-id: x"),
        ("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "no colon here"),
    ] {
        hooks()
            .args(["signature", "verify", "--scheme", "standard"])
            .args(["--secret", secret, "-H", header, &body])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("hunter2").not());
    }
    hooks()
        .args(["signature", "sign", "--scheme", "stripe", "--secret", "x"])
        .arg(dir.path().join("missing.json"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("missing.json"));
}

const SECRET: &str = "whsec_c2lnbmluZyBzZWNyZXQgb2YgdGhlIGVuZHBvaW50";
const OLD_SECRET: &str = "whsec_b2xkIHNlY3JldCBiZWZvcmUgdGhlIHJvdGF0aW9u";
const FIXTURE: &str = "document-status/document_status_changed";

fn fixture_path(name: &str) -> String {
    format!("{}/fixtures/{name}.json", env!("CARGO_MANIFEST_DIR"))
}

/// `hooks listen --json` checking signatures with each of `secrets` (standard scheme).
fn verifying_listener(secrets: &[&str]) -> (Running, String) {
    let flags: Vec<String> = secrets.iter().map(|s| format!("standard:{s}")).collect();
    let mut args = vec!["listen", "--port", "0", "--json", "-v"];
    for flag in &flags {
        args.extend(["--verify", flag.as_str()]);
    }
    let mut listener = Running::start(&args, &[]);
    let url = listener.listen_url();
    (listener, url)
}

/// `hooks replay FIXTURE --to URL ARGS`; its exit code.
fn replay_to(url: &str, args: &[&str]) -> Option<i32> {
    hooks()
        .args(["replay", FIXTURE, "--to", url])
        .args(args)
        .write_stdin("")
        .output()
        .unwrap()
        .status
        .code()
}

fn no_secret_in(listener: &Running, line: &Value, secrets: &[&str]) {
    let shown = line.to_string() + &listener.stderr_seen.join("\n");
    for secret in secrets {
        let bare = secret.trim_start_matches("whsec_");
        assert!(!shown.contains(bare), "{bare} shown: {shown}");
    }
}

#[test]
fn replay_sign_is_valid_in_listen_verify_and_a_wrong_secret_is_401() {
    let (mut listener, url) = verifying_listener(&[SECRET]);
    assert_eq!(
        replay_to(&url, &["--sign", &format!("standard:{SECRET}")]),
        Some(0)
    );
    let line = listener.stdout_json();
    assert_eq!(
        (line["signature"].as_str(), line["status"].as_u64()),
        (Some("valid"), Some(200))
    );
    assert!(line["headers"].to_string().contains("webhook-id"), "{line}");
    no_secret_in(&listener, &line, &[SECRET]);

    assert_eq!(
        replay_to(&url, &["--sign", &format!("standard:{OLD_SECRET}")]),
        Some(1)
    );
    let line = listener.stdout_json();
    assert_eq!(line["signature"], "signature-mismatch", "{line}");
    assert_eq!(line["status"], 401);

    assert_eq!(replay_to(&url, &[]), Some(1));
    let line = listener.stdout_json();
    assert_eq!(
        (line["signature"].as_str(), line["status"].as_u64()),
        (Some("missing-header"), Some(401))
    );
    // The -v traces of all three, read up to the last one's answer.
    for _ in 0..2 {
        listener.wait_stderr("< 401");
    }
    no_secret_in(&listener, &line, &[SECRET, OLD_SECRET]);
}

/// POSTs `body` to the listener at `url` over a plain socket; the status it answered.
fn post_raw(url: &str, body: &[u8]) -> u16 {
    use std::io::Read as _;
    let addr = url.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    let head = format!(
        "POST /hooks HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    answer.split(' ').nth(1).unwrap().parse().unwrap()
}

#[test]
fn a_body_without_a_valid_signature_is_refused_before_it_is_read() {
    let (mut listener, url) = verifying_listener(&[SECRET]);
    for body in [&b"{\"invoice_ids\": ["[..], b"\xff\xfe not text"] {
        assert_eq!(post_raw(&url, body), 401);
        let line = listener.stdout_json();
        assert_eq!(
            (line["signature"].as_str(), line["status"].as_u64()),
            (Some("missing-header"), Some(401))
        );
        // What is wrong with the body is still shown to whoever runs the listener.
        assert!(line["warnings"].to_string().contains("JSON"), "{line}");
    }
}

#[test]
fn a_stale_timestamp_is_401_and_the_human_output_says_why() {
    let mut listener = Running::start(
        &[
            "listen",
            "--port",
            "0",
            "--verify",
            &format!("standard:{SECRET}"),
            "--tolerance",
            "60",
        ],
        &[],
    );
    let url = listener.listen_url();
    let stale = (time::OffsetDateTime::now_utc().unix_timestamp() - 120).to_string();
    let output = hooks()
        .args([
            "signature",
            "sign",
            "--scheme",
            "standard",
            "--secret",
            SECRET,
        ])
        .args(["--timestamp", &stale, &fixture_path(FIXTURE)])
        .output()
        .unwrap();
    assert!(output.status.success());
    let headers = String::from_utf8(output.stdout).unwrap();
    let mut replay = hooks();
    replay.args(["replay", FIXTURE, "--to", &url]);
    for header in headers.lines() {
        replay.args(["-H", header]);
    }
    replay.write_stdin("").assert().code(1);
    let mut block = String::new();
    while !block.contains("signature:") {
        block += &listener.stdout_line();
        block.push('\n');
    }
    assert!(block.contains("401"), "{block}");
    // Two minutes old, give or take the second it took to send.
    assert!(
        block.contains("signature: stale-timestamp: webhook-timestamp is 12")
            && block.contains("s in the past, beyond the 60 s tolerance"),
        "{block}"
    );
}

#[test]
fn during_a_rotation_either_secret_is_valid() {
    let (mut listener, url) = verifying_listener(&[SECRET, OLD_SECRET]);
    for secret in [OLD_SECRET, SECRET] {
        assert_eq!(
            replay_to(&url, &["--sign", &format!("standard:{secret}")]),
            Some(0)
        );
        assert_eq!(listener.stdout_json()["signature"], "valid");
    }
    let other = "whsec_dGhpcmQgc2VjcmV0LCBub3QgcGFydCBvZiBpdA==";
    assert_eq!(
        replay_to(&url, &["--sign", &format!("standard:{other}")]),
        Some(1)
    );
    assert_eq!(listener.stdout_json()["signature"], "signature-mismatch");
}

fn signing_key(scheme: Scheme, secret: &str) -> Key {
    Key::new(scheme, secret).unwrap()
}

/// Checks a recorded request's signature with the library, at the time it was made.
fn check(key: &Key, request: &Recorded) -> Result<Scheme, hooks::signature::Rejection> {
    let headers: axum::http::HeaderMap = request
        .headers
        .iter()
        .map(|(name, value)| {
            (
                axum::http::HeaderName::from_bytes(name.as_bytes()).unwrap(),
                axum::http::HeaderValue::from_str(value).unwrap(),
            )
        })
        .collect();
    let now = time::OffsetDateTime::now_utc().unix_timestamp();
    verify(
        std::slice::from_ref(key),
        &headers,
        &request.body,
        Some(60),
        now,
    )
}

#[test]
fn every_retry_keeps_the_webhook_id_and_is_signed_anew() {
    let server = Recorder::start(|_, index| {
        if index < 2 {
            (503, "{}".into())
        } else {
            (200, "{}".into())
        }
    });
    assert_eq!(
        replay_to(
            &server.url,
            &[
                "--sign",
                &format!("standard:{SECRET}"),
                "--retries",
                "3",
                "--repeat",
                "2"
            ]
        ),
        Some(0)
    );
    let requests = server.wait_for(4);
    let key = signing_key(Scheme::Standard, SECRET);
    for request in &requests {
        assert_eq!(check(&key, request), Ok(Scheme::Standard));
    }
    // Two deliveries: the first tried three times with one id, the second once with another.
    let ids: BTreeSet<&str> = requests
        .iter()
        .map(|r| r.header("webhook-id").unwrap())
        .collect();
    assert_eq!(ids.len(), 2, "{ids:?}");
    let first = requests[0].header("webhook-id");
    assert_eq!(
        requests
            .iter()
            .filter(|r| r.header("webhook-id") == first)
            .count(),
        3
    );
}

#[test]
fn the_sandbox_signs_each_delivery_attempt() {
    let receiver = Recorder::start(|_, index| {
        if index == 0 {
            (500, "{}".into())
        } else {
            (200, "{}".into())
        }
    });
    let sign = format!("github:{SECRET}");
    let (mut sandbox, base) = sandbox(&["--sign", &sign, "--retry-schedule", "10ms"], &[]);
    put_callback(&base, "5", &format!("{}/hooks/5", receiver.url));
    against(&base)
        .args(["echo", "5", "--process-id", "p-1"])
        .assert()
        .success();
    let key = signing_key(Scheme::Github, SECRET);
    for request in receiver.wait_for(2) {
        assert_eq!(check(&key, &request), Ok(Scheme::Github));
    }
    sandbox.stdout_line();
    let said = sandbox.stderr_seen.join("\n");
    assert!(said.contains("deliveries are signed (github)"), "{said}");
    assert!(!said.contains(SECRET), "{said}");
}

#[test]
fn a_definitions_signature_signs_with_the_secret_from_its_variable() {
    let providers = format!("{}/tests/data/providers", env!("CARGO_MANIFEST_DIR"));
    let server = Recorder::ok();
    let secret = "It's a Secret to Everybody";
    let replay = |envs: &[(&str, &str)]| {
        hooks()
            .args([
                "--providers",
                &providers,
                "replay",
                "github/ping",
                "--to",
                &server.url,
            ])
            .envs(envs.iter().copied())
            .write_stdin("")
            .output()
            .unwrap()
    };
    let output = replay(&[("GITHUB_WEBHOOK_SECRET", secret)]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let signed = &server.wait_for(1)[0];
    assert_eq!(
        check(&signing_key(Scheme::Github, secret), signed),
        Ok(Scheme::Github)
    );

    let output = replay(&[]);
    assert!(output.status.success());
    let warning = String::from_utf8(output.stderr).unwrap();
    assert!(warning.contains("GITHUB_WEBHOOK_SECRET"), "{warning}");
    assert_eq!(server.wait_for(2)[1].header("x-hub-signature-256"), None);
}

#[test]
fn listen_checks_a_definitions_signature_with_the_secret_from_its_variable() {
    let providers = format!("{}/tests/data/providers", env!("CARGO_MANIFEST_DIR"));
    // With quotes, so that its JSON-escaped form differs from it.
    let secret = r#"It's a "Secret" to Everybody"#;
    let listen_with = |extra: &[&str], envs: &[(&str, &str)]| {
        let mut args = vec!["--providers", &providers, "listen", "--port", "0", "--json"];
        args.extend(extra);
        let mut listener = Running::start(&args, envs);
        let url = listener.listen_url();
        (listener, url)
    };
    let replay = |url: &str, envs: &[(&str, &str)]| {
        hooks()
            .args([
                "--providers",
                &providers,
                "replay",
                "github/push",
                "--to",
                url,
            ])
            .envs(envs.iter().copied())
            .write_stdin("")
            .output()
            .unwrap()
            .status
            .code()
    };
    let verdict = |listener: &mut Running| {
        let line = listener.stdout_json();
        (
            line["signature"].to_string(),
            line["status"].as_u64().unwrap(),
        )
    };

    let listen = |envs: &[(&str, &str)]| listen_with(&[], envs);

    let (mut listener, url) = listen(&[("GITHUB_WEBHOOK_SECRET", secret)]);
    assert_eq!(replay(&url, &[("GITHUB_WEBHOOK_SECRET", secret)]), Some(0));
    assert_eq!(verdict(&mut listener), (r#""valid""#.into(), 200));
    assert_eq!(
        replay(&url, &[("GITHUB_WEBHOOK_SECRET", "another")]),
        Some(1)
    );
    assert_eq!(
        verdict(&mut listener),
        (r#""signature-mismatch""#.into(), 401)
    );
    assert_eq!(replay(&url, &[]), Some(1));
    let line = listener.stdout_json();
    assert_eq!(line["signature"], "missing-header");
    // Without the header the definition recognises it by, or with a body that is not JSON,
    // a request is no provider's, and must still be signed with one of the secrets.
    let quoted = serde_json::to_string(secret).unwrap();
    for body in [format!(r#"{{"zen":{quoted}}}"#), "not json".to_string()] {
        assert_eq!(post_raw(&url, body.as_bytes()), 401);
        let line = listener.stdout_json();
        assert_eq!(
            (line["provider"].as_str(), line["signature"].as_str()),
            (Some("unknown"), Some("missing-header"))
        );
        // The secret the listener took from the variable is masked, escaped or not.
        let shown = line.to_string() + &listener.stderr_seen.join("\n");
        assert!(!shown.contains("Everybody"), "{shown}");
    }

    // --verify checks every request with its own secrets: the definition's is not used.
    let (mut listener, url) = listen_with(
        &["--verify", &format!("standard:{SW_SECRET}")],
        &[("GITHUB_WEBHOOK_SECRET", secret)],
    );
    assert_eq!(replay(&url, &[("GITHUB_WEBHOOK_SECRET", secret)]), Some(1));
    assert_eq!(verdict(&mut listener), (r#""missing-header""#.into(), 401));

    // Without the secret the listener says so at start, and lets them through unchecked.
    let (mut listener, url) = listen(&[]);
    let warning = listener.wait_stderr("github signs its deliveries");
    assert!(
        warning.contains("GITHUB_WEBHOOK_SECRET is not set"),
        "{warning}"
    );
    assert_eq!(replay(&url, &[("GITHUB_WEBHOOK_SECRET", secret)]), Some(0));
    assert_eq!(verdict(&mut listener), (r#""unchecked""#.into(), 200));
}

#[test]
fn a_signing_secret_variable_that_is_not_text_is_a_usage_error() {
    use std::os::unix::ffi::OsStringExt as _;
    let providers = format!("{}/tests/data/providers", env!("CARGO_MANIFEST_DIR"));
    hooks()
        .args(["--providers", &providers, "listen", "--port", "0"])
        .env(
            "GITHUB_WEBHOOK_SECRET",
            std::ffi::OsString::from_vec(b"secret-\xff".to_vec()),
        )
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "GITHUB_WEBHOOK_SECRET is not valid UTF-8",
        ))
        .stderr(predicate::str::contains("secret-").not());
}

#[test]
fn a_signing_secret_variable_that_is_not_its_schemes_form_is_a_usage_error_unprinted() {
    let github = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/providers/github");
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("github");
    std::fs::create_dir_all(copy.join("schemas")).unwrap();
    for entry in [
        "ping.json",
        "push.json",
        "schemas/ping.json",
        "schemas/push.json",
    ] {
        std::fs::copy(github.join(entry), copy.join(entry)).unwrap();
    }
    let manifest = std::fs::read_to_string(github.join("provider.toml")).unwrap();
    let standard = manifest.replace(r#"scheme = "github""#, r#"scheme = "standard""#);
    assert_ne!(standard, manifest);
    std::fs::write(copy.join("provider.toml"), standard).unwrap();
    hooks()
        .args([
            "--providers",
            dir.path().to_str().unwrap(),
            "listen",
            "--port",
            "0",
        ])
        .env("GITHUB_WEBHOOK_SECRET", "whsec_not*base64!")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "github's signing secret (in GITHUB_WEBHOOK_SECRET)",
        ))
        .stderr(predicate::str::contains("not*base64").not());
}

/// The reference Python implementation verifies what hooks signs and signs what hooks
/// verifies. `.ci/run` installs `standardwebhooks` in a virtual environment and names its
/// python in HOOKS_PYTHON; without it this test says so and checks nothing.
#[test]
fn cross_checks_with_the_python_reference_implementation() {
    let Some(python) = std::env::var_os("HOOKS_PYTHON").filter(|p| !p.is_empty()) else {
        eprintln!(
            "skipped: HOOKS_PYTHON is not set (.ci/run sets it to a python with standardwebhooks)"
        );
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // Not minified and not ASCII: the exact bytes must be what is signed.
    let body = "{\"type\": \"contact.created\",\n \"name\": \"Zoë ✓\", \"n\": 1.50}\n";
    let body_path = body_file(dir.path(), "body.json", body.as_bytes());
    let script = dir.path().join("check.py");
    std::fs::write(&script, PYTHON_CHECK).unwrap();
    let python = |args: &[&str]| {
        let output = std::process::Command::new(&python)
            .arg(&script)
            .args(args)
            .output()
            .expect("run HOOKS_PYTHON");
        assert!(
            output.status.success(),
            "python {args:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    };
    let secrets = [
        ("standard", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
        ("stripe", "whsec_test_secret"),
        ("github", "It's a Secret to Everybody"),
        ("shopify", "shpss_0123456789abcdef"),
    ];
    for (scheme, secret) in secrets {
        // hooks signs now; Python verifies (with its own clock and tolerance).
        let output = hooks()
            .args(["--json", "signature", "sign", "--scheme", scheme])
            .args(["--secret", secret, &body_path])
            .output()
            .unwrap();
        assert!(output.status.success(), "{scheme}");
        let headers = String::from_utf8(output.stdout).unwrap();
        assert_eq!(
            python(&["verify", scheme, secret, &body_path, headers.trim()]).trim(),
            "valid",
            "{scheme}: Python rejected {headers}"
        );
        // Python signs now; hooks verifies.
        let signed: serde_json::Map<String, Value> =
            serde_json::from_str(&python(&["sign", scheme, secret, &body_path])).unwrap();
        let flags: Vec<String> = signed
            .iter()
            .map(|(name, value)| format!("{name}: {}", value.as_str().unwrap()))
            .collect();
        let mut verify = hooks();
        verify.args([
            "signature",
            "verify",
            "--scheme",
            scheme,
            "--secret",
            secret,
        ]);
        for flag in &flags {
            verify.args(["-H", flag]);
        }
        verify
            .arg(&body_path)
            .assert()
            .success()
            .stdout(format!("valid ({scheme})\n"));
        // And a body changed by one byte fails on both sides.
        let tampered = body_file(
            dir.path(),
            "tampered.json",
            body.replace('1', "2").as_bytes(),
        );
        assert_eq!(
            python(&["verify", scheme, secret, &tampered, headers.trim()]).trim(),
            "invalid"
        );
    }
}

/// `check.py sign SCHEME SECRET FILE` prints the headers as a JSON object;
/// `check.py verify SCHEME SECRET FILE HEADERS_JSON` prints valid or invalid. The standard
/// scheme is the reference package's own code; the others are Python's `hmac`, following
/// each provider's documentation.
const PYTHON_CHECK: &str = r#"
import base64, hashlib, hmac, json, sys, time, uuid
from datetime import datetime, timezone
from standardwebhooks.webhooks import Webhook, WebhookVerificationError

action, scheme, secret, path = sys.argv[1:5]
body = open(path, "rb").read()
key = secret.encode()

def digest(data):
    return hmac.new(key, data, hashlib.sha256).digest()

if action == "sign":
    now = int(time.time())
    if scheme == "standard":
        msg_id = "msg_" + uuid.uuid4().hex
        signature = Webhook(secret).sign(msg_id, datetime.fromtimestamp(now, tz=timezone.utc), body.decode())
        headers = {"webhook-id": msg_id, "webhook-timestamp": str(now), "webhook-signature": signature}
    elif scheme == "stripe":
        headers = {"Stripe-Signature": "t=%d,v1=%s" % (now, digest(b"%d." % now + body).hex())}
    elif scheme == "github":
        headers = {"X-Hub-Signature-256": "sha256=" + digest(body).hex()}
    else:
        headers = {"X-Shopify-Hmac-Sha256": base64.b64encode(digest(body)).decode()}
    print(json.dumps(headers))
else:
    headers = {name.lower(): value for name, value in json.loads(sys.argv[5]).items()}
    if scheme == "standard":
        try:
            Webhook(secret).verify(body.decode(), headers, json_parse=False)
            valid = True
        except WebhookVerificationError:
            valid = False
    elif scheme == "stripe":
        items = dict(item.split("=", 1) for item in headers["stripe-signature"].split(","))
        fresh = abs(time.time() - int(items["t"])) <= 300
        valid = fresh and hmac.compare_digest(items["v1"], digest(items["t"].encode() + b"." + body).hex())
    elif scheme == "github":
        valid = hmac.compare_digest(headers["x-hub-signature-256"], "sha256=" + digest(body).hex())
    else:
        valid = hmac.compare_digest(headers["x-shopify-hmac-sha256"], base64.b64encode(digest(body)).decode())
    print("valid" if valid else "invalid")
"#;
