//! `hooks signature sign | verify` against the schemes' published vectors, and against an
//! independent implementation: the reference Python `standardwebhooks` package (and
//! Python's own `hmac` for the other schemes), when `.ci/run` provides it in HOOKS_PYTHON.

mod common;

use std::io::Write as _;
use std::path::Path;

use common::hooks;
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
