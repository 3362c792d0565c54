//! `hooks listen` driven over real HTTP: a spawned listener on 127.0.0.1:0 and a real client.

mod common;

use std::io::{Read, Write};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use common::*;
use serde_json::{Value, json};

const KEY: &str = "7742c368f2dce09b78ddcaf50c61cd238b8e99cb";
const HEX_A: &str = "5ed8b53b56de52e69e946930f233b07db6ee4fbb";
const HEX_B: &str = "34a8e3d65c50d50ac0b8a187dca8301a08266c83";
const IMPORT: &str = "92bce68ef0e4cc29e9e214f8380316820e081c50";
const USER: &str = "7350515d-0f15-4663-8430-cf4d7f4057a1";
const RECEIPT: &str = "93d22d66-f4bd-11e8-8eb2-f2801f1b9fd1";
const EVENT: &str = "f47ac10b-58cc-4372-a567-0e02b2c3d479";

fn clubcollect(key: &str, invoices: &[&str], imports: &[&str]) -> Value {
    json!({"api_key": key, "invoice_ids": invoices, "import_ids": imports})
}

fn receipt(kind: &str) -> Value {
    json!({
        "notification_type": kind,
        "receipthero_id": USER,
        "receipt_id": RECEIPT,
        "data": {"merchant_name": "ReceiptHero Oy"},
        "partner_metadata": {"key1": "value1"}
    })
}

fn document(event_id: &str) -> Value {
    json!({
        "eventId": event_id,
        "eventType": "DOCUMENT_STATUS_CHANGED",
        "occurredAt": "2025-03-30T10:15:00Z",
        "documentId": "INV-2025-00123",
        "externalStatus": "APPROVED",
        "currentStatus": "OK",
        "flowDetail": "VERIFACTU"
    })
}

/// A blocking HTTP client over a private tokio runtime.
struct Http {
    runtime: tokio::runtime::Runtime,
    client: reqwest::Client,
}

struct Answer {
    status: u16,
    headers: reqwest::header::HeaderMap,
    body: String,
}

impl Http {
    fn new() -> Http {
        Http::with(reqwest::Client::builder())
    }

    fn with(builder: reqwest::ClientBuilder) -> Http {
        Http {
            runtime: tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap(),
            client: builder.timeout(PATIENCE).build().unwrap(),
        }
    }

    fn send(&self, method: &str, url: &str, headers: &[(&str, &str)], body: Vec<u8>) -> Answer {
        self.runtime.block_on(async {
            let mut request = self.client.request(method.parse().unwrap(), url).body(body);
            for (name, value) in headers {
                request = request.header(*name, *value);
            }
            let response = request.send().await.expect("request answered");
            let status = response.status().as_u16();
            Answer {
                status,
                headers: response.headers().clone(),
                body: response.text().await.unwrap(),
            }
        })
    }

    fn post(&self, url: &str, body: &Value) -> Answer {
        self.send(
            "POST",
            url,
            &[("content-type", "application/json")],
            body.to_string().into_bytes(),
        )
    }

    fn post_with(&self, url: &str, headers: &[(&str, &str)], body: &Value) -> Answer {
        self.send("POST", url, headers, body.to_string().into_bytes())
    }
}

/// `hooks [--json] listen --port 0 EXTRA...`, ready.
fn listen(json: bool, extra: &[&str]) -> (Running, String) {
    let mut args = vec![];
    if json {
        args.push("--json");
    }
    args.extend(["listen", "--port", "0"]);
    args.extend(extra);
    let mut running = Running::start(&args, &[]);
    let url = running.listen_url();
    (running, url)
}

/// One human notification block: the lines up to the blank line that ends it.
fn human_block(running: &mut Running) -> String {
    let mut lines = Vec::new();
    loop {
        let line = running.stdout_line();
        if line.is_empty() {
            return lines.join("\n");
        }
        lines.push(line);
    }
}

#[test]
fn recognizes_every_provider_in_json() {
    let (mut running, url) = listen(true, &[]);
    let http = Http::new();
    let cases = [
        (
            clubcollect(KEY, &[HEX_A, HEX_B], &[IMPORT]),
            "clubcollect",
            "batch",
        ),
        (clubcollect(KEY, &[HEX_A], &[]), "clubcollect", "realtime"),
        (
            receipt("receipt_notification"),
            "receipthero",
            "receipt_notification",
        ),
        (
            receipt("transaction_notification"),
            "receipthero",
            "transaction_notification",
        ),
        (
            json!({"notification_type": "oauth_authorization_revoke", "receipthero_id": USER}),
            "receipthero",
            "oauth_authorization_revoke",
        ),
        (
            document(EVENT),
            "document-status",
            "DOCUMENT_STATUS_CHANGED",
        ),
        (
            json!({"eventId": "0b6f2a54-34e5-4c1e-9d6a-3a0f1f2b9c11", "eventType": "INVOICE_STATUS_CHANGED",
                   "occurredAt": "2025-03-30T10:15:00Z", "documentId": "INV-1", "externalStatus": "PAID"}),
            "document-status",
            "INVOICE_STATUS_CHANGED",
        ),
        (
            json!({"processUniqueId": "3f2c8d8e-1111-2222-3333-444455556666"}),
            "partner-callbacks",
            "echo",
        ),
        (
            json!({"simulationUniqueId": "3f2c8d8e-1111-2222-3333-444455556666"}),
            "partner-callbacks",
            "echo",
        ),
        (json!({"hello": "world"}), "unknown", ""),
    ];
    for (body, provider, kind) in cases {
        assert_eq!(
            http.post(&format!("{url}/hooks?source=test"), &body).status,
            200
        );
        let line = running.stdout_json();
        assert_eq!(line["provider"], provider, "{line}");
        assert_eq!(line["kind"], kind, "{line}");
        assert_eq!(line["warnings"], json!([]), "{line}");
        assert_eq!(line["method"], "POST");
        assert_eq!(line["path"], "/hooks");
        assert_eq!(line["query"], "source=test");
        assert_eq!(line["status"], 200);
        assert_eq!(line["auth"], "unchecked");
        assert_eq!(line["duplicate"], false);
        assert!(line["received_at"].as_str().unwrap().ends_with('Z'));
        assert!(
            line["headers"]
                .as_array()
                .unwrap()
                .contains(&json!(["content-type", "application/json"]))
        );
        let mut shown = body.clone();
        if provider == "clubcollect" {
            shown["api_key"] = json!("7742****");
        }
        assert_eq!(line["body"], shown);
        let raw: Value = serde_json::from_str(line["raw"].as_str().unwrap()).unwrap();
        assert_eq!(raw, shown);
    }
}

/// Where each of `keys` is in `text`, which must hold them in that order.
fn assert_in_order(text: &str, keys: &[&str]) {
    let positions: Vec<usize> = keys
        .iter()
        .map(|key| {
            text.find(&format!("\"{key}\""))
                .unwrap_or_else(|| panic!("{key}: {text}"))
        })
        .collect();
    assert!(positions.is_sorted(), "{keys:?} out of order:\n{text}");
}

#[test]
fn a_body_is_shown_in_the_senders_key_order() {
    let body = r#"{"zeta":1,"api_key":"7742-not-the-key","alpha":{"y":2,"b":[3]},"mid":"x"}"#;
    let order = ["zeta", "api_key", "alpha", "y", "b", "mid"];
    for color in ["never", "always"] {
        let (mut running, url) = listen(false, &["--color", color]);
        assert_eq!(send_raw(&url, "/hook", &[], body.as_bytes()), 200);
        assert_in_order(&human_block(&mut running), &order);
    }
    // Masked, the --json body is the parsed document: still in the sender's order.
    let (mut running, url) = listen(true, &[]);
    assert_eq!(send_raw(&url, "/hook", &[], body.as_bytes()), 200);
    let line = running.stdout_line();
    assert!(line.contains(r#""api_key":"7742****""#), "{line}");
    let shown_body = &line[line.find("\"body\":").unwrap()..line.find("\"raw\":").unwrap()];
    assert_in_order(shown_body, &order);
}

#[test]
fn human_output_shows_what_matters_per_provider() {
    let (mut running, url) = listen(false, &["--color", "always"]);
    let http = Http::new();

    http.post(
        &format!("{url}/cc"),
        &clubcollect(KEY, &[HEX_A, HEX_B], &[IMPORT]),
    );
    let block = human_block(&mut running);
    let header = block.lines().next().unwrap();
    for part in ["POST", "/cc", "clubcollect", "batch", "200"] {
        assert!(header.contains(part), "{header}");
    }
    assert!(block.contains("invoices\u{1b}[0m (2)"), "{block}");
    assert!(
        block.contains(&format!("GET /v2/invoices/{HEX_A}")),
        "{block}"
    );
    assert!(
        block.contains(&format!("GET /v2/invoices/{HEX_B}")),
        "{block}"
    );
    assert!(
        block.contains(&format!("GET /v2/imports/{IMPORT}")),
        "{block}"
    );

    http.post(&format!("{url}/rh"), &receipt("transaction_notification"));
    let block = human_block(&mut running);
    assert!(block.contains("transaction_notification"), "{block}");
    assert!(block.contains(RECEIPT), "{block}");
    assert!(block.contains("ReceiptHero Oy"), "{block}");
    assert!(block.contains(r#"{"key1":"value1"}"#), "{block}");

    let mut failed = document(EVENT);
    failed["currentStatus"] = json!("ERROR");
    http.post(
        &format!("{url}/ds"),
        &document("11111111-2222-4333-8444-555555555555"),
    );
    let ok = human_block(&mut running);
    http.post(&format!("{url}/ds"), &failed);
    let error = human_block(&mut running);
    assert!(
        ok.contains("\u{1b}[1m\u{1b}[32mOK"),
        "OK is bold green: {ok}"
    );
    assert!(
        error.contains("\u{1b}[1m\u{1b}[31mERROR"),
        "ERROR is bold red: {error}"
    );
    for part in [
        "INV-2025-00123",
        "APPROVED",
        "VERIFACTU",
        "2025-03-30T10:15:00Z",
        EVENT,
    ] {
        assert!(error.contains(part), "{part} in {error}");
    }
    // The pretty-printed, syntax-coloured body closes the block.
    assert!(error.ends_with('}'), "{error}");
    assert!(
        error.contains("\u{1b}[1m\u{1b}[34m\"documentId\""),
        "{error}"
    );
}

#[test]
fn shape_warnings_are_shown_but_not_rejected() {
    let (mut running, url) = listen(true, &[]);
    let http = Http::new();
    let sample_id = "912ebbcef7c775b0d00dc098cd7e213c6dbf8ci3";
    let mut bad_receipt = receipt("receipt_notification");
    bad_receipt["receipt_id"] = json!("12345");
    let mut bad_document = document(EVENT);
    bad_document["occurredAt"] = json!("30/03/2025 10:15");
    bad_document["currentStatus"] = json!("FINISHED");
    let not_a_string = json!({"api_key": KEY, "invoice_ids": [HEX_A, 7], "import_ids": []});
    let cases = [
        // The document's own sample id is not hexadecimal, and the document never says so.
        (clubcollect(KEY, &[sample_id], &[]), vec![]),
        (not_a_string, vec!["invoice_ids/1"]),
        (bad_receipt, vec!["receipt_id"]),
        (bad_document, vec!["occurredAt", "currentStatus"]),
    ];
    for (body, expected) in cases {
        assert_eq!(http.post(&url, &body).status, 200);
        let line = running.stdout_json();
        let warnings = line["warnings"].as_array().unwrap();
        assert_eq!(warnings.len(), expected.len(), "{line}");
        for (warning, word) in warnings.iter().zip(expected) {
            assert!(warning.as_str().unwrap().contains(word), "{warning}");
        }
    }
    let mut unknown = receipt("refund_notification");
    unknown["receipt_id"] = json!(RECEIPT);
    http.post(&url, &unknown);
    let line = running.stdout_json();
    assert_eq!(
        (line["provider"].as_str(), line["kind"].as_str()),
        (Some("receipthero"), Some("refund_notification"))
    );
    assert!(
        line["warnings"][0]
            .as_str()
            .unwrap()
            .contains("notification_type"),
        "{line}"
    );
}

#[test]
fn api_key_is_checked_per_provider_and_never_shown() {
    let (mut running, url) = listen(true, &["--api-key", KEY]);
    let http = Http::new();
    let token = format!("Token {KEY}");
    let json_type = ("content-type", "application/json");
    type Case<'a> = (Vec<(&'a str, &'a str)>, Value, u16, &'a str);
    let cases: Vec<Case> = vec![
        (vec![json_type], clubcollect(KEY, &[HEX_A], &[]), 200, "ok"),
        (
            vec![json_type],
            clubcollect("7742c368f2dce09b78ddcaf50c61cd238b8e99cc", &[HEX_A], &[]),
            401,
            "mismatch",
        ),
        (
            vec![json_type],
            clubcollect("", &[HEX_A], &[]),
            401,
            "missing",
        ),
        (
            vec![json_type, ("authorization", &token)],
            receipt("receipt_notification"),
            200,
            "ok",
        ),
        (
            vec![("authorization", "Token 7742-not-the-key")],
            receipt("receipt_notification"),
            401,
            "mismatch",
        ),
        (
            vec![(
                "authorization",
                "Bearer 7742c368f2dce09b78ddcaf50c61cd238b8e99cb",
            )],
            receipt("receipt_notification"),
            401,
            "mismatch",
        ),
        (vec![], receipt("receipt_notification"), 401, "missing"),
        (vec![], document(EVENT), 200, "unchecked"),
        // Without its key a ClubCollect body is no known provider's: still refused.
        (
            vec![json_type],
            json!({"invoice_ids": [HEX_A], "import_ids": []}),
            401,
            "missing",
        ),
    ];
    let mut stdout = Vec::new();
    for (headers, body, status, auth) in cases {
        assert_eq!(
            http.post_with(&url, &headers, &body).status,
            status,
            "{body}"
        );
        let line = running.stdout_json();
        assert_eq!(line["auth"], auth, "{line}");
        assert_eq!(line["status"], status);
        stdout.push(line.to_string());
    }
    assert!(stdout[0].contains("7742****"), "{}", stdout[0]);
    assert!(stdout[3].contains("Token 7742****"), "{}", stdout[3]);
    // Human output masks too, headers (-v) included.
    let (mut human, human_url) = listen(false, &["-v", "--api-key", KEY]);
    http.post(&human_url, &clubcollect(KEY, &[HEX_A], &[]));
    stdout.push(human_block(&mut human));
    http.post_with(
        &human_url,
        &[("authorization", &token)],
        &receipt("receipt_notification"),
    );
    let block = human_block(&mut human);
    assert!(block.contains("authorization: Token 7742****"), "{block}");
    stdout.push(block);
    http.post_with(
        &human_url,
        &[("authorization", "Token wrong")],
        &receipt("receipt_notification"),
    );
    let block = human_block(&mut human);
    assert!(
        block.contains("mismatch: the Authorization: Token header differs"),
        "{block}"
    );
    running.terminate();
    human.terminate();
    assert_eq!(running.wait_exit(), Some(0));
    assert_eq!(human.wait_exit(), Some(0));
    let stderr = [running.rest_of_stderr(), human.rest_of_stderr()].concat();
    for text in stdout.iter().chain(&stderr) {
        assert!(!text.contains(KEY), "the key leaked: {text}");
        assert!(
            !text.contains("c368f2dce09b78ddcaf50c61cd238b8e99c"),
            "a key leaked: {text}"
        );
    }
}

#[test]
fn a_redelivered_event_id_is_marked_duplicate() {
    let (mut running, url) = listen(true, &[]);
    let http = Http::new();
    http.post(&url, &document(EVENT));
    http.post(&url, &document("0b6f2a54-34e5-4c1e-9d6a-3a0f1f2b9c11"));
    http.post(&url, &document(EVENT));
    let flags: Vec<Value> = (0..3)
        .map(|_| running.stdout_json()["duplicate"].clone())
        .collect();
    assert_eq!(flags, [json!(false), json!(false), json!(true)]);

    let (mut human, human_url) = listen(false, &[]);
    http.post(&human_url, &document(EVENT));
    http.post(&human_url, &document(EVENT));
    human_block(&mut human);
    let block = human_block(&mut human);
    assert!(block.contains("redelivery of #1"), "{block}");
}

#[test]
fn bad_input_is_answered_and_the_listener_keeps_serving() {
    let (mut running, url) = listen(true, &["--max-body", "1000"]);
    let http = Http::new();

    let answer = http.send("POST", &url, &[], b"{\"not\": json".to_vec());
    assert_eq!(answer.status, 400);
    let line = running.stdout_json();
    assert_eq!(line["raw"], "{\"not\": json");
    assert_eq!(line["body"], Value::Null);
    assert!(
        line["warnings"][0]
            .as_str()
            .unwrap()
            .contains("not valid JSON"),
        "{line}"
    );

    assert_eq!(
        http.send("POST", &url, &[], b"{\"a\":\"\xff\xfe\"}".to_vec())
            .status,
        400
    );
    let line = running.stdout_json();
    assert_eq!(line["raw"], r#"{"a":"\xff\xfe"}"#);

    // Nested past the parser's depth limit: refused, not followed down until the stack ends.
    let deep = "[".repeat(500);
    assert_eq!(http.send("POST", &url, &[], deep.into_bytes()).status, 400);
    let line = running.stdout_json();
    assert!(
        line["warnings"][0]
            .as_str()
            .unwrap()
            .contains("recursion limit exceeded"),
        "{line}"
    );

    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(2000));
    assert_eq!(http.send("POST", &url, &[], big.into_bytes()).status, 413);
    let line = running.stdout_json();
    assert_eq!(line["status"], 413);
    assert_eq!(
        line["warnings"][0],
        "body is 2010 bytes, over --max-body 1000 bytes"
    );

    let answer = http.send("GET", &url, &[], Vec::new());
    assert_eq!(answer.status, 405);
    assert_eq!(running.stdout_json()["method"], "GET");

    assert_eq!(http.post(&url, &document(EVENT)).status, 200);
    assert_eq!(running.stdout_json()["provider"], "document-status");

    // Human output shows the undecodable bytes escaped.
    let (mut human, human_url) = listen(false, &[]);
    http.send("POST", &human_url, &[], b"caf\xe9 \x1b[31m".to_vec());
    let block = human_block(&mut human);
    assert!(block.contains(r"caf\xe9 \u{1b}[31m"), "{block}");
}

/// Sends `body` in HTTP/1.1 chunks of `chunk` bytes (no Content-Length) and returns the reply.
fn send_chunked(url: &str, body: &[u8], chunk: usize) -> String {
    let addr = url.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    let mut request = b"POST /chunked HTTP/1.1\r\nhost: x\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n".to_vec();
    for piece in body.chunks(chunk) {
        request.extend_from_slice(format!("{:x}\r\n", piece.len()).as_bytes());
        request.extend_from_slice(piece);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    stream.write_all(&request).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    reply
}

#[test]
fn chunked_bodies_are_joined_and_limited() {
    let (mut running, url) = listen(true, &["--max-body", "1000"]);
    let body = document(EVENT).to_string();
    assert!(send_chunked(&url, body.as_bytes(), 16).starts_with("HTTP/1.1 200"));
    let line = running.stdout_json();
    assert_eq!(line["raw"], body);
    assert_eq!(line["provider"], "document-status");
    let big = format!("{{\"pad\":\"{}\"}}", "x".repeat(1500));
    let reply = send_chunked(&url, big.as_bytes(), 400);
    assert!(reply.starts_with("HTTP/1.1 413"), "{reply}");
    assert!(
        reply.contains("body is larger than --max-body 1000 bytes"),
        "{reply}"
    );
    assert_eq!(running.stdout_json()["status"], 413);
}

#[test]
fn a_stalled_client_times_out() {
    // In-process through the public API, with a short client timeout.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let mut options = hooks::listen::ListenOptions::for_address("127.0.0.1:0").unwrap();
        options.client_timeout = Duration::from_millis(300);
        options.limits.header_timeout = Duration::from_millis(300);
        let mut listener = hooks::listen::Listener::bind(options).await.unwrap();
        let addr = listener.addr;
        let reply = tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(addr).unwrap();
            stream
                .write_all(b"POST /slow HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{\"a\":")
                .unwrap();
            let mut reply = String::new();
            stream.set_read_timeout(Some(PATIENCE)).unwrap();
            let _ = stream.read_to_string(&mut reply);
            reply
        })
        .await
        .unwrap();
        assert!(reply.starts_with("HTTP/1.1 408"), "{reply}");
        let notification = listener.next().await.unwrap();
        assert_eq!(notification.status, 408);
        assert!(!notification.valid);
        // A client that never finishes its request head is dropped as well.
        let closed = tokio::task::spawn_blocking(move || {
            let mut stream = std::net::TcpStream::connect(addr).unwrap();
            stream.write_all(b"POST /slow HTTP/1.1\r\nhost:").unwrap();
            stream.set_read_timeout(Some(PATIENCE)).unwrap();
            let mut rest = Vec::new();
            stream.read_to_end(&mut rest).map(|_| rest)
        })
        .await
        .unwrap();
        assert!(closed.is_ok(), "the connection stayed open: {closed:?}");
        listener.shutdown().await.unwrap();
    });
}

#[test]
fn the_listener_api_yields_parsed_notifications() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        let options = hooks::listen::ListenOptions::for_address("127.0.0.1:0").unwrap();
        let mut listener = hooks::listen::Listener::bind(options).await.unwrap();
        assert!(listener.url.starts_with("http://127.0.0.1:"));
        let client = reqwest::Client::new();
        let body = json!({"processUniqueId": "p-1"});
        let status = client
            .post(&listener.url)
            .json(&body)
            .send()
            .await
            .unwrap()
            .status();
        assert_eq!(status, 200);
        let notification = listener.next().await.unwrap();
        assert_eq!(notification.body, Some(body));
        assert_eq!(notification.provider.as_str(), "partner-callbacks");
        let out = hooks::output::Output {
            json: true,
            color: false,
            color_stderr: false,
            verbose: false,
        };
        let line: Value = serde_json::from_str(&notification.render(&out)).unwrap();
        assert_eq!(line["kind"], "echo");
        listener.shutdown().await.unwrap();
    });
}

#[test]
fn count_exits_zero_after_n_valid_notifications() {
    let (mut running, url) = listen(true, &["--count", "2"]);
    let http = Http::new();
    assert_eq!(http.send("POST", &url, &[], b"nope".to_vec()).status, 400);
    assert_eq!(http.post(&url, &document(EVENT)).status, 200);
    assert_eq!(http.post(&url, &json!({"x": 1})).status, 200);
    assert_eq!(running.wait_exit(), Some(0));
    assert_eq!(running.stdout_json()["status"], 400);
    assert_eq!(running.stdout_json()["status"], 200);
    assert_eq!(running.stdout_json()["status"], 200);
}

#[test]
fn timeout_exits_one_saying_how_many_arrived() {
    let (mut running, url) = listen(true, &["--count", "3", "--timeout", "1"]);
    let http = Http::new();
    assert_eq!(http.post(&url, &document(EVENT)).status, 200);
    assert_eq!(running.wait_exit(), Some(1));
    let stderr = running.rest_of_stderr().join("\n");
    assert!(
        stderr.contains("waiting for 3 notifications: 1 valid notification"),
        "{stderr}"
    );
}

#[test]
fn status_delay_and_fail_first_control_the_answer() {
    let (_running, url) = listen(
        true,
        &["--status", "202", "--fail-first", "2", "--delay", "300"],
    );
    let http = Http::new();
    let mut statuses = Vec::new();
    for _ in 0..3 {
        let started = Instant::now();
        statuses.push(http.post(&url, &document(EVENT)).status);
        assert!(
            started.elapsed() >= Duration::from_millis(300),
            "--delay not applied"
        );
    }
    assert_eq!(statuses, [503, 503, 202]);
}

#[test]
fn record_holds_exact_bytes_and_sigterm_exits_zero() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.jsonl");
    let (mut running, url) = listen(true, &["--record", record.to_str().unwrap()]);
    let http = Http::new();
    let exact = "{ \"eventId\" : \"f47ac10b-58cc-4372-a567-0e02b2c3d479\",\n\t\"eventType\":\"DOCUMENT_STATUS_CHANGED\", \"occurredAt\":\"2025-03-30T10:15:00Z\", \"documentId\":\"caf\\u00e9 é\"}\n";
    let answer = http.send(
        "POST",
        &format!("{url}/webhooks/ds?attempt=1&x=%20"),
        &[
            ("x-dup", "a"),
            ("content-type", "application/json"),
            ("x-dup", "b"),
        ],
        exact.as_bytes().to_vec(),
    );
    assert_eq!(answer.status, 200);
    assert_eq!(
        http.send("POST", &url, &[], b"invalid".to_vec()).status,
        400
    );
    assert_eq!(http.post(&url, &json!({"n": 2})).status, 200);
    for _ in 0..3 {
        running.stdout_json();
    }
    running.terminate();
    assert_eq!(running.wait_exit(), Some(0));

    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&record).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o600);
    let text = std::fs::read_to_string(&record).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "only valid notifications: {text}");
    let first = &lines[0];
    assert_eq!(first["method"], "POST");
    assert_eq!(first["path"], "/webhooks/ds");
    assert_eq!(first["query"], "attempt=1&x=%20");
    assert_eq!(first["body"].as_str().unwrap(), exact);
    let headers = first["headers"].as_array().unwrap();
    let dups: Vec<&Value> = headers.iter().filter(|h| h[0] == "x-dup").collect();
    assert_eq!(dups, [&json!(["x-dup", "a"]), &json!(["x-dup", "b"])]);
    let at = first["received_at"].as_str().unwrap();
    time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).unwrap();
    assert!(at.ends_with('Z'), "{at}");
    assert_eq!(lines[1]["query"], Value::Null);
    assert_eq!(lines[1]["body"], r#"{"n":2}"#);
    let keys: Vec<&String> = first.as_object().unwrap().keys().collect();
    assert_eq!(keys.len(), 6, "{keys:?}");
}

#[test]
fn sigterm_lets_a_request_in_flight_finish() {
    let (arrived, on_arrival) = std::sync::mpsc::channel();
    let (release, on_release) = std::sync::mpsc::channel::<()>();
    let (arrived, on_release) = (
        std::sync::Mutex::new(arrived),
        std::sync::Mutex::new(on_release),
    );
    let app = Recorder::start(move |_, _| {
        arrived.lock().unwrap().send(()).unwrap();
        let _ = on_release.lock().unwrap().recv_timeout(PATIENCE);
        (200, "{}".into())
    });
    let (mut running, url) = listen(true, &["--forward-to", &app.url]);
    let client = std::thread::spawn(move || Http::new().post(&url, &document(EVENT)).status);
    on_arrival.recv_timeout(PATIENCE).unwrap();
    running.terminate();
    running.wait_stderr("stopping");
    release.send(()).unwrap();
    assert_eq!(client.join().unwrap(), 200);
    assert_eq!(running.wait_exit(), Some(0));
    assert_eq!(running.stdout_json()["status"], 200);
}

#[test]
fn forward_to_relays_the_apps_status() {
    let app = Recorder::always(201, r#"{"handled":true}"#);
    let (mut running, url) = listen(true, &["--forward-to", &format!("{}/app/hook", app.url)]);
    let http = Http::new();
    let raw = r#"{"eventId":"f47ac10b-58cc-4372-a567-0e02b2c3d479","eventType":"DOCUMENT_STATUS_CHANGED"}"#;
    let answer = http.send(
        "POST",
        &url,
        &[("x-trace", "t1"), ("content-type", "application/json")],
        raw.as_bytes().to_vec(),
    );
    assert_eq!(answer.status, 201);
    assert_eq!(answer.body, r#"{"handled":true}"#);
    let received = app.wait_for(1);
    assert_eq!(received[0].method, "POST");
    assert_eq!(received[0].uri, "/app/hook");
    assert_eq!(received[0].body, raw.as_bytes());
    assert_eq!(received[0].header("x-trace"), Some("t1"));
    let line = running.stdout_json();
    assert_eq!(line["status"], 201);
    assert_eq!(line["forward"]["status"], 201);
    assert!(line["forward"]["latency_ms"].is_u64());

    // An app that is not there: 502.
    let (mut running, url) = listen(true, &["--forward-to", &gone_address()]);
    assert_eq!(http.post(&url, &json!({"x": 1})).status, 502);
    let line = running.stdout_json();
    assert_eq!(line["status"], 502);
    assert!(
        line["forward"]["error"]
            .as_str()
            .unwrap()
            .contains("Connection refused"),
        "{line}"
    );
}

/// An address nothing listens on any more.
fn gone_address() -> String {
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let gone = format!("http://{}/", free.local_addr().unwrap());
    drop(free);
    gone
}

#[test]
fn a_forward_failure_says_failed_once() {
    let gone = gone_address();
    let (mut running, url) = listen(false, &["--forward-to", &gone]);
    assert_eq!(Http::new().post(&url, &document(EVENT)).status, 502);
    let block = human_block(&mut running);
    let forward = block
        .lines()
        .find(|line| line.contains("forward:"))
        .unwrap_or_else(|| panic!("{block}"));
    assert!(
        forward.contains(&format!("forward: {gone} failed: Connection refused")),
        "{forward}"
    );
    assert_eq!(forward.matches("failed").count(), 1, "{forward}");
}

/// Two listeners forwarding to each other: the notification makes one extra hop, then the
/// second listener refuses it with 508, which goes back to the sender.
#[test]
fn forward_to_refuses_a_loop_after_one_hop() {
    let port_a = free_port().to_string();
    let (mut b, url_b) = listen(
        true,
        &["--forward-to", &format!("http://127.0.0.1:{port_a}/")],
    );
    let mut a = Running::start(
        &[
            "--json",
            "listen",
            "--port",
            &port_a,
            "--forward-to",
            &url_b,
        ],
        &[],
    );
    let url_a = a.listen_url();
    let answer = Http::new().post(&url_a, &document(EVENT));
    assert_eq!(answer.status, 508, "{}", answer.body);
    assert!(answer.body.contains("could loop"), "{}", answer.body);
    let at_b = b.stdout_json();
    assert_eq!(at_b["status"], 508);
    assert_eq!(at_b["forward"], Value::Null);
    assert!(
        at_b["warnings"][0]
            .as_str()
            .unwrap()
            .contains("a hooks listener forwarded this notification here"),
        "{at_b}"
    );
    let at_a = a.stdout_json();
    assert_eq!(at_a["status"], 508);
    assert_eq!(at_a["forward"]["status"], 508);
    for running in [&mut a, &mut b] {
        running.terminate();
        assert_eq!(running.wait_exit(), Some(0));
        let stderr = running.rest_of_stderr();
        assert!(
            stderr
                .iter()
                .any(|line| line.contains("(1 request in all)")),
            "{stderr:#?}"
        );
        // Without -v, nothing is traced.
        assert!(!stderr.iter().any(|line| line.starts_with("> ")));
    }
}

#[test]
fn forward_to_its_own_address_is_a_usage_error() {
    let port = free_port().to_string();
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("never.jsonl");
    for (host, target) in [
        ("127.0.0.1", format!("http://localhost:{port}/hook")),
        ("0.0.0.0", format!("http://127.0.0.1:{port}/")),
    ] {
        hooks()
            .args(["listen", "--host", host, "--port", &port])
            .args(["--forward-to", &target])
            .arg("--record")
            .arg(&record)
            .assert()
            .code(2)
            .stderr(predicates::str::contains("is this listener's own address"));
        assert!(
            !record.exists(),
            "a refused start left {}",
            record.display()
        );
    }
}

/// A 307 from the app goes back to the sender as the answer; nothing is re-posted to the
/// place it points to.
#[test]
fn forward_to_passes_a_redirect_back_instead_of_following_it() {
    let elsewhere = Recorder::ok();
    let location = format!("{}/elsewhere", elsewhere.url);
    let app = serve(axum::Router::new().fallback(move || {
        let location = location.clone();
        async move {
            (
                axum::http::StatusCode::TEMPORARY_REDIRECT,
                [("location", location)],
                "moved",
            )
        }
    }));
    let (mut running, url) = listen(true, &["--forward-to", &app]);
    let sender = Http::with(reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()));
    let answer = sender.post(&url, &document(EVENT));
    assert_eq!(answer.status, 307);
    assert_eq!(answer.body, "moved");
    let line = running.stdout_json();
    assert_eq!(line["status"], 307);
    assert_eq!(line["forward"]["status"], 307);
    let warning = line["warnings"][0].as_str().unwrap();
    assert!(
        warning.contains("redirects are not followed") && warning.contains("/elsewhere"),
        "{line}"
    );
    // The answer came back after the app's: a followed redirect would have arrived first.
    assert!(elsewhere.requests().is_empty());
}

/// An app that compresses its answer (the sender's Accept-Encoding goes on to it) is
/// answered for with the same bytes and the encoding that says how to read them.
#[test]
fn forward_to_passes_the_answers_encoding_back() {
    let app = serve(axum::Router::new().fallback(|| async {
        (
            [("content-encoding", "gzip"), ("content-type", "text/plain")],
            "bytes as the app encoded them",
        )
    }));
    let (mut running, url) = listen(true, &["--forward-to", &app]);
    let answer = Http::new().post_with(
        &url,
        &[
            ("content-type", "application/json"),
            ("accept-encoding", "gzip"),
        ],
        &document(EVENT),
    );
    assert_eq!(answer.status, 200);
    assert_eq!(answer.headers["content-encoding"], "gzip");
    assert_eq!(answer.headers["content-type"], "text/plain");
    assert_eq!(answer.body, "bytes as the app encoded them");
    assert_eq!(running.stdout_json()["forward"]["status"], 200);
}

/// The notification's own Authorization is forwarded as received; the URL's user and
/// password are sent as Basic auth only when it has none. Never both.
#[test]
fn forward_to_sends_one_authorization() {
    let app = serve(
        axum::Router::new().fallback(|headers: axum::http::HeaderMap| async move {
            let values: Vec<String> = headers
                .get_all("authorization")
                .iter()
                .map(|value| value.to_str().unwrap().to_string())
                .collect();
            axum::Json(values)
        }),
    );
    let target = app.replace("http://", "http://user:pw@");
    let (_running, url) = listen(true, &["--forward-to", &target]);
    let http = Http::new();
    let with_own = http.post_with(
        &url,
        &[("authorization", "Token abcd1234")],
        &document(EVENT),
    );
    assert_eq!(
        serde_json::from_str::<Value>(&with_own.body).unwrap(),
        json!(["Token abcd1234"])
    );
    let without = http.post(&url, &document("0b0c2b6e-8a8e-4f65-9a8e-3b8f3a2d5c11"));
    // base64("user:pw")
    assert_eq!(
        serde_json::from_str::<Value>(&without.body).unwrap(),
        json!(["Basic dXNlcjpwdw=="])
    );
}

/// The peak resident memory of a running process, in KiB.
fn peak_rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap()
}

/// An answer far larger than what the listener keeps reaches the sender whole, passed
/// through rather than held.
#[test]
fn forward_to_streams_a_large_answer_through() {
    const SIZE: usize = 64 * 1024 * 1024;
    let big = "x".repeat(SIZE);
    let answers = [String::from("{}"), big.clone()];
    let app = Recorder::start(move |_, index| (200, answers[index.min(1)].clone()));
    let (running, url) = listen(true, &["--forward-to", &app.url]);
    let http = Http::new();
    // The first exchange starts what every exchange needs (threads, the connection).
    assert_eq!(http.post(&url, &document(EVENT)).body, "{}");
    let before = peak_rss_kib(running.child.id());
    let answer = http.post(&url, &document(EVENT));
    assert_eq!(answer.status, 200);
    assert_eq!(answer.body.len(), SIZE);
    assert!(answer.body == big);
    let grown = peak_rss_kib(running.child.id()) - before;
    assert!(
        grown < (SIZE / 1024 / 2) as u64,
        "the listener's peak memory grew by {grown} KiB for a {} KiB answer",
        SIZE / 1024
    );
}

/// `-v` traces each exchange on stderr in both directions, credentials masked, and leaves
/// stdout as it was.
#[test]
fn verbose_traces_the_request_the_forward_and_the_answers() {
    let app = Recorder::always(201, "{}");
    let target = format!("{}/app", app.url);
    // The global flag before the subcommand (`listen -v` works too).
    let mut running = Running::start(
        &[
            "-v",
            "--json",
            "listen",
            "--port",
            "0",
            "--count",
            "1",
            "--forward-to",
            &target,
        ],
        &[],
    );
    let url = running.listen_url();
    let answer = Http::new().post_with(
        &format!("{url}/path?x=1"),
        &[
            ("content-type", "application/json"),
            ("authorization", "Token abcd1234efgh"),
        ],
        &document(EVENT),
    );
    assert_eq!(answer.status, 201);
    assert_eq!(running.wait_exit(), Some(0));
    let stderr = running.rest_of_stderr();
    let has = |start: &str| stderr.iter().any(|line| line.starts_with(start));
    for start in [
        "> POST /path?x=1",
        "> content-type: application/json",
        "> authorization: Token abcd****",
        &format!(">> POST {target}"),
        ">> authorization: Token abcd****",
        ">> x-hooks-forwarded: 1",
        "<< 201 Created in ",
        "< 201 Created in ",
    ] {
        assert!(has(start), "no {start:?} in {stderr:#?}");
    }
    assert!(!stderr.iter().any(|line| line.contains("abcd1234efgh")));
    let line = running.stdout_json();
    assert_eq!(line["status"], 201);
    assert_eq!(running.next_stdout(PATIENCE), None);
}

#[test]
fn a_forward_url_password_is_masked_in_the_start_line_and_every_forward() {
    let app = Recorder::ok();
    let password = "s3cr3t-pass";
    let target = app
        .url
        .replace("http://", &format!("http://hooks:{password}@"))
        + "/app";
    let http = Http::new();
    let mut printed = String::new();
    for json_output in [true, false] {
        let (mut running, url) = listen(json_output, &["--forward-to", &target]);
        assert_eq!(http.post(&url, &document(EVENT)).status, 200);
        if json_output {
            let line = running.stdout_json();
            let shown = line["forward"]["url"].as_str().unwrap();
            assert!(shown.contains("//hooks:s3cr****@127.0.0.1:"), "{line}");
            printed.push_str(&line.to_string());
        } else {
            let block = human_block(&mut running);
            assert!(
                block.contains("forward: http://hooks:s3cr****@127.0.0.1:"),
                "{block}"
            );
            printed.push_str(&block);
        }
        running.terminate();
        assert_eq!(running.wait_exit(), Some(0));
        let stderr = running.rest_of_stderr().join("\n");
        assert!(
            stderr.contains("forwarding valid notifications to http://hooks:s3cr****@127.0.0.1:"),
            "{stderr}"
        );
        printed.push_str(&stderr);
    }
    assert!(!printed.contains(password), "{printed}");
    assert_eq!(app.wait_for(2).len(), 2);
}

/// Fetches the listener's certificate with a client that accepts any, then checks it against
/// the printed fingerprint and uses it as the only root for a client that verifies for real.
fn check_tls(running: &mut Running, url: &str) {
    let printed = running
        .stderr_seen
        .iter()
        .find_map(|line| line.split("SHA-256 fingerprint ").nth(1))
        .expect("fingerprint on stderr")
        .trim()
        .to_string();
    assert!(url.starts_with("https://127.0.0.1:"), "{url}");
    let addr: SocketAddr = url.trim_start_matches("https://").parse().unwrap();
    let grabber = Http::with(
        reqwest::Client::builder()
            .danger_accept_invalid_certs(true)
            .tls_info(true),
    );
    let der = grabber.runtime.block_on(async {
        let response = grabber.client.get(url).send().await.unwrap();
        let info = response
            .extensions()
            .get::<reqwest::tls::TlsInfo>()
            .unwrap();
        info.peer_certificate().unwrap().to_vec()
    });
    let fingerprint = hooks::listen::fingerprint(&der.clone().into());
    assert_eq!(fingerprint, printed);

    let verifying = Http::with(
        reqwest::Client::builder()
            .tls_built_in_root_certs(false)
            .add_root_certificate(reqwest::Certificate::from_der(&der).unwrap())
            .resolve("localhost", addr),
    );
    let port = addr.port();
    for host in ["localhost", "127.0.0.1"] {
        let answer = verifying.post(&format!("https://{host}:{port}/tls"), &document(EVENT));
        assert_eq!(answer.status, 200, "{host}");
    }
}

#[test]
fn tls_serves_a_self_signed_certificate_with_its_fingerprint() {
    let (mut running, url) = listen(true, &["--tls"]);
    check_tls(&mut running, &url);
    assert_eq!(
        running.stdout_json()["status"],
        405,
        "the certificate fetch"
    );
    assert_eq!(running.stdout_json()["provider"], "document-status");
}

#[test]
fn tls_serves_given_cert_and_key_files() {
    let dir = tempfile::tempdir().unwrap();
    let certified =
        rcgen::generate_simple_self_signed(vec!["localhost".to_string(), "127.0.0.1".to_string()])
            .unwrap();
    let cert = dir.path().join("cert.pem");
    let key = dir.path().join("key.pem");
    std::fs::write(&cert, certified.cert.pem()).unwrap();
    std::fs::write(&key, certified.signing_key.serialize_pem()).unwrap();
    let (mut running, url) = listen(
        true,
        &[
            "--tls",
            "--cert",
            cert.to_str().unwrap(),
            "--key",
            key.to_str().unwrap(),
        ],
    );
    check_tls(&mut running, &url);
    let printed = hooks::listen::fingerprint(certified.cert.der());
    assert!(running.stderr_seen.iter().any(|l| l.contains(&printed)));
}

#[test]
fn bad_options_are_usage_errors() {
    hooks()
        .args(["listen", "--port", "0", "--forward-to", "not a url"])
        .assert()
        .code(2);
    hooks()
        .args([
            "listen",
            "--port",
            "0",
            "--record",
            "/nonexistent-dir/x.jsonl",
        ])
        .assert()
        .code(2);
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    hooks()
        .args(["listen", "--port", &port])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot listen on 127.0.0.1:"));
}

/// Wherever a key travels (an unknown body, a nested field, the query, broken JSON, a
/// header of any name), neither the human nor the `--json` output shows it.
#[test]
fn a_key_is_masked_wherever_it_appears() {
    let other_secret = "f00dfeedcafebabe0123456789abcdef01234567";
    /// Path and query, headers, body.
    type Request<'a> = (String, Vec<(&'a str, String)>, Vec<u8>);
    let requests: Vec<Request> = vec![
        (
            "/u".into(),
            vec![],
            json!({"api_key": KEY}).to_string().into_bytes(),
        ),
        (
            "/n".into(),
            vec![],
            json!({"api_key": KEY, "invoice_ids": [HEX_A], "nested": {"api_key": KEY}})
                .to_string()
                .into_bytes(),
        ),
        (format!("/q?api_key={KEY}"), vec![], b"{}".to_vec()),
        (
            "/broken".into(),
            vec![],
            format!(r#"{{"api_key":"{other_secret}","invoice_ids":["#).into_bytes(),
        ),
        (
            "/h".into(),
            vec![("x-auth-token", other_secret.to_string())],
            b"{}".to_vec(),
        ),
    ];
    for json_output in [true, false] {
        let (mut running, url) = listen(json_output, &["--api-key", KEY, "-v"]);
        let http = Http::new();
        for (path, headers, body) in &requests {
            let headers: Vec<(&str, &str)> =
                headers.iter().map(|(n, v)| (*n, v.as_str())).collect();
            http.send("POST", &format!("{url}{path}"), &headers, body.clone());
        }
        let mut shown = String::new();
        for _ in 0..requests.len() {
            shown.push_str(&if json_output {
                running.stdout_line()
            } else {
                human_block(&mut running)
            });
            shown.push('\n');
        }
        running.terminate();
        running.wait_exit();
        shown.push_str(&running.rest_of_stderr().join("\n"));
        assert!(!shown.contains(KEY), "the key leaked:\n{shown}");
        assert!(!shown.contains(other_secret), "a secret leaked:\n{shown}");
        assert!(shown.contains("7742****"), "{shown}");
    }
}

/// Sends a POST over a plain socket exactly as given (no client to normalise the target or
/// the header names); the status answered.
fn send_raw(url: &str, target: &str, headers: &[(&str, &str)], body: &[u8]) -> u16 {
    let mut stream = std::net::TcpStream::connect(url.trim_start_matches("http://")).unwrap();
    let mut request = format!(
        "POST {target} HTTP/1.1\r\nhost: x\r\ncontent-length: {}\r\nconnection: close\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    let mut bytes = request.into_bytes();
    bytes.extend_from_slice(body);
    stream.write_all(&bytes).unwrap();
    stream.set_read_timeout(Some(PATIENCE)).unwrap();
    let mut reply = String::new();
    let _ = stream.read_to_string(&mut reply);
    reply
        .get(9..12)
        .and_then(|code| code.parse().ok())
        .unwrap_or(0)
}

/// What `hooks listen --api-key KEY` showed of one request: the `--json` line (that
/// listener also records), the whole of stdout and stderr of both output modes (human with
/// `-v`, so headers too), the status answered, and the record file's lines.
struct Shown {
    line: Value,
    printed: String,
    status: u16,
    record: Vec<Value>,
}

fn shown(target: &str, headers: &[(&str, &str)], body: &[u8]) -> Shown {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.jsonl");
    let (mut json_run, json_url) = listen(
        true,
        &["--api-key", KEY, "--record", record.to_str().unwrap()],
    );
    let (mut human_run, human_url) = listen(false, &["--api-key", KEY, "-v"]);
    let status = send_raw(&json_url, target, headers, body);
    assert_eq!(send_raw(&human_url, target, headers, body), status);
    let line = json_run.stdout_line();
    let mut printed = format!("{line}\n{}\n", human_block(&mut human_run));
    for running in [&mut json_run, &mut human_run] {
        running.terminate();
        assert_eq!(running.wait_exit(), Some(0));
        printed.push_str(&running.rest_of_stderr().join("\n"));
    }
    let record = std::fs::read_to_string(&record)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    Shown {
        line: serde_json::from_str(&line).unwrap(),
        printed,
        status,
        record,
    }
}

/// `text` with `%XX`, `\uXXXX` and `\x` escapes decoded once.
fn decoded(text: &str) -> String {
    let bytes = text.as_bytes();
    let hex = |digits: &[u8]| u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok();
    let mut out = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if let Some(byte) = bytes
            .get(at + 1..at + 3)
            .filter(|_| bytes[at] == b'%')
            .and_then(hex)
        {
            out.push(byte as u8);
            at += 3;
        } else if let Some(code) = bytes
            .get(at + 2..at + 6)
            .filter(|_| bytes[at..].starts_with(b"\\u"))
            .and_then(hex)
        {
            let decoded = char::from_u32(code).unwrap_or('?');
            out.extend_from_slice(decoded.to_string().as_bytes());
            at += 6;
        } else if bytes[at] == b'\\' && at + 1 < bytes.len() {
            out.push(bytes[at + 1]);
            at += 2;
        } else {
            out.push(bytes[at]);
            at += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Panics if `printed` shows `secret` in any form: as it is, percent-encoded or
/// JSON-escaped (once, or inside a JSON string that is escaped again), whole or any eight
/// characters of what its mask hides (all but the first four).
fn assert_hidden(printed: &str, secret: &str) {
    let once = decoded(printed);
    let twice = decoded(&once);
    let hidden: Vec<char> = secret.chars().skip(4).collect();
    for text in [printed, &once, &twice] {
        assert!(!text.contains(secret), "{secret} shown:\n{printed}");
        for piece in hidden.windows(8) {
            let piece: String = piece.iter().collect();
            assert!(
                !text.contains(&piece),
                "{piece} of {secret} shown:\n{printed}"
            );
        }
    }
}

/// Every other character of `text` as `%XX`.
fn percent_encoded(text: &str) -> String {
    text.bytes()
        .enumerate()
        .map(|(at, byte)| {
            if at % 2 == 0 {
                format!("%{byte:02X}")
            } else {
                char::from(byte).to_string()
            }
        })
        .collect()
}

/// Every other character of `text` as `\uXXXX`.
fn json_escaped(text: &str) -> String {
    text.chars()
        .enumerate()
        .map(|(at, c)| {
            if at % 2 == 0 {
                format!("\\u{:04x}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// A document-status notification, which `--api-key` lets through (its provider defines no
/// key), with `members` (JSON object members, if any) added at its end.
fn document_and(members: &str) -> String {
    let document = document(EVENT).to_string();
    let open = &document[..document.len() - 1];
    if members.is_empty() {
        document
    } else {
        format!("{open},{members}}}")
    }
}

/// A credential other than `--api-key` in the request, to be masked by its name.
const OTHER: &str = "f00dfeedcafebabe0123456789abcdef01234567";

#[test]
fn the_key_as_a_body_field_name_is_masked() {
    let body = document_and(&format!(r#""{KEY}":"x","n":1"#));
    let shown = shown("/hook", &[], body.as_bytes());
    assert_eq!(shown.status, 200);
    assert_hidden(&shown.printed, KEY);
    assert_eq!(shown.line["body"]["7742****"], "x");
    assert_eq!(shown.line["body"]["n"], 1);
    assert_eq!(shown.record[0]["body"], body);
}

#[test]
fn the_key_quoted_in_a_warning_is_masked() {
    let body = json!({
        "eventId": KEY,
        "eventType": "DOCUMENT_STATUS_CHANGED",
        "occurredAt": "2025-03-30T10:15:00Z",
        "documentId": "INV-1",
    })
    .to_string();
    let shown = shown("/hook", &[], body.as_bytes());
    assert_hidden(&shown.printed, KEY);
    assert_eq!(
        shown.line["warnings"],
        json!([r#"eventId "7742****" is not a UUID"#])
    );
    assert_eq!(shown.record[0]["body"], body);
}

#[test]
fn the_key_percent_encoded_in_the_path_and_query_is_masked() {
    let target = format!(
        "/hooks/{}?ref={}",
        percent_encoded(KEY),
        percent_encoded(KEY)
    );
    let shown = shown(&target, &[], document_and("").as_bytes());
    assert_hidden(&shown.printed, KEY);
    assert_eq!(shown.line["path"], "/hooks/7742****");
    assert_eq!(shown.line["query"], "ref=7742****");
    let (path, query) = target.split_once('?').unwrap();
    assert_eq!(shown.record[0]["path"], path);
    assert_eq!(shown.record[0]["query"], query);
}

#[test]
fn the_key_as_a_header_name_is_masked() {
    let name = format!("x-{KEY}");
    let shown = shown("/hook", &[(&name, "1")], document_and("").as_bytes());
    assert_hidden(&shown.printed, KEY);
    let headers = shown.line["headers"].as_array().unwrap();
    assert!(headers.contains(&json!(["x-7742****", "1"])), "{headers:?}");
    let recorded = shown.record[0]["headers"].as_array().unwrap();
    assert!(recorded.contains(&json!([name, "1"])), "{recorded:?}");
}

#[test]
fn the_key_json_escaped_in_the_body_is_masked() {
    let body = document_and(&format!(r#""note":"{}""#, json_escaped(KEY)));
    let shown = shown("/hook", &[], body.as_bytes());
    assert_hidden(&shown.printed, KEY);
    assert_eq!(shown.line["body"]["note"], "7742****");
    assert_eq!(shown.line["raw"], document_and(r#""note":"7742****""#));
    assert_eq!(shown.record[0]["body"], body);
}

#[test]
fn an_access_token_query_parameter_is_masked() {
    let target = format!("/hook?page=2&Access_Token={OTHER}&token=ab");
    let shown = shown(&target, &[], document_and("").as_bytes());
    assert_hidden(&shown.printed, OTHER);
    assert_eq!(
        shown.line["query"],
        "page=2&Access_Token=f00d****&token=a****"
    );
    assert_eq!(shown.record[0]["query"], target.split_once('?').unwrap().1);
}

#[test]
fn an_array_of_api_keys_and_a_numeric_secret_are_masked() {
    let body = format!(
        r#"{{"api_key": ["{OTHER}", 123456789012], "invoice_ids": ["{HEX_A}"], "data": {{"Secret": 987654321098}}}}"#
    );
    let shown = shown("/hook", &[], body.as_bytes());
    assert_eq!(
        shown.status, 401,
        "a key that is not a string is a mismatch"
    );
    for secret in [OTHER, "123456789012", "987654321098"] {
        assert_hidden(&shown.printed, secret);
    }
    assert_eq!(
        shown.line["body"]["api_key"],
        json!(["f00d****", "1234****"])
    );
    assert_eq!(shown.line["body"]["data"], json!({"Secret": "9876****"}));
}

#[test]
fn an_escaped_api_key_field_in_invalid_json_is_masked() {
    let body = format!(r#"{{"\u0061pi_key" : "{OTHER}", "invoice_ids": ["#);
    let shown = shown("/hook", &[], body.as_bytes());
    assert_eq!(shown.status, 400);
    assert_hidden(&shown.printed, OTHER);
    assert_eq!(
        shown.line["raw"],
        r#"{"\u0061pi_key" : "f00d****", "invoice_ids": ["#
    );
}

#[test]
fn a_wrong_key_quoted_in_a_warning_is_masked() {
    let wrong = "Wrong-Key-0123456789";
    let body = json!({"api_key": wrong, "invoice_ids": [wrong], "import_ids": wrong}).to_string();
    let shown = shown("/hook", &[], body.as_bytes());
    assert_eq!(shown.status, 401);
    assert_hidden(&shown.printed, wrong);
    assert_eq!(
        shown.line["warnings"],
        json!([r#"import_ids "Wron****" is not of type "array""#])
    );
}

#[test]
fn a_credential_in_a_form_body_is_masked() {
    let body = format!("amount=5&signature={}&key=xy", percent_encoded(OTHER));
    let shown = shown(
        "/hook",
        &[("content-type", "application/x-www-form-urlencoded")],
        body.as_bytes(),
    );
    assert_eq!(shown.status, 400);
    assert_hidden(&shown.printed, OTHER);
    assert_eq!(shown.line["raw"], "amount=5&signature=f00d****&key=x****");
}

/// `hooks --json listen --port 0 EXTRA...` with its stdout left to the test (piped, read
/// or not as the test likes), ready; its stderr lines are collected as they come.
fn listen_raw(
    extra: &[&str],
) -> (
    std::process::Child,
    String,
    std::sync::mpsc::Receiver<String>,
) {
    let mut child = hooks_std()
        .args(["--json", "listen", "--port", "0"])
        .args(extra)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let (lines, stderr) = std::sync::mpsc::channel();
    let pipe = child.stderr.take().unwrap();
    std::thread::spawn(move || {
        for line in std::io::BufRead::lines(std::io::BufReader::new(pipe)) {
            let Ok(line) = line else { break };
            if lines.send(line).is_err() {
                break;
            }
        }
    });
    let url = loop {
        let line = stderr.recv_timeout(PATIENCE).expect("a ready line");
        if let Some(at) = line.find("listening on ") {
            break line[at + "listening on ".len()..].trim().to_string();
        }
    };
    (child, url, stderr)
}

/// Waits for the child to exit by itself; its exit code and how long that took.
fn wait_exit(child: &mut std::process::Child) -> (Option<i32>, Duration) {
    let started = Instant::now();
    while started.elapsed() < PATIENCE {
        if let Some(status) = child.try_wait().unwrap() {
            return (status.code(), started.elapsed());
        }
        // Polling the child's state, not waiting for it to get somewhere.
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    panic!("hooks did not exit");
}

fn signal(pid: u32, name: &str) {
    std::process::Command::new("kill")
        .args([&format!("-{name}"), &pid.to_string()])
        .status()
        .unwrap();
}

/// Every stderr line the child printed, once it has exited.
fn all_lines(stderr: &std::sync::mpsc::Receiver<String>) -> String {
    stderr.iter().collect::<Vec<_>>().join("\n")
}

#[test]
fn a_stdout_nobody_reads_holds_back_neither_answers_nor_lines() {
    let (mut child, url, _stderr) = listen_raw(&[]);
    // About 5 KB of output each: far more than a pipe holds while nobody reads it.
    let padding = "x".repeat(2000);
    let http = Http::new();
    for n in 0..100 {
        let answer = http.post(&url, &json!({"n": n, "padding": padding}));
        assert_eq!(answer.status, 200, "notification {n}");
    }
    signal(child.id(), "TERM");
    let mut printed = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut printed)
        .unwrap();
    assert!(child.wait().unwrap().success());
    let numbers: Vec<u64> = printed
        .lines()
        .map(|line| {
            serde_json::from_str::<Value>(line).unwrap()["body"]["n"]
                .as_u64()
                .unwrap()
        })
        .collect();
    assert_eq!(numbers, (0..100).collect::<Vec<_>>());
}

#[test]
fn sigterm_ends_listen_at_once_when_nobody_reads_stdout() {
    let (mut child, url, stderr) = listen_raw(&[]);
    // 300 notifications of 20 KB: 6 MB of output into a pipe of 64 KB nobody reads.
    let padding = "x".repeat(20_000);
    let http = Http::new();
    for n in 0..300 {
        assert_eq!(
            http.post(&url, &json!({"n": n, "padding": padding})).status,
            200
        );
    }
    signal(child.id(), "TERM");
    let (code, took) = wait_exit(&mut child);
    assert_eq!(code, Some(0));
    assert!(took < Duration::from_secs(5), "took {took:?}");
    let text = all_lines(&stderr);
    assert!(
        text.contains("were not printed (stdout was not being read)"),
        "{text}"
    );
}

#[test]
fn a_closed_stdout_ends_listen() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.jsonl");
    let (mut child, url, stderr) = listen_raw(&["--record", record.to_str().unwrap()]);
    let http = Http::new();
    let mut stdout = std::io::BufReader::new(child.stdout.take().unwrap());
    assert_eq!(http.post(&url, &document(EVENT)).status, 200);
    let mut first = String::new();
    std::io::BufRead::read_line(&mut stdout, &mut first).unwrap();
    assert!(first.contains(EVENT), "{first}");
    // The reader goes away, as `head -1` does. A notification sent meanwhile is either
    // answered (and recorded) or refused: the listener stops accepting once it notices.
    drop(stdout);
    let answered = std::net::TcpStream::connect(url.trim_start_matches("http://"))
        .and_then(|mut stream| {
            let body = json!({"n": 2}).to_string();
            write!(
                stream,
                "POST / HTTP/1.1\r\nhost: x\r\nconnection: close\r\ncontent-length: {}\r\n\r\n{body}",
                body.len()
            )?;
            let mut reply = String::new();
            stream.set_read_timeout(Some(PATIENCE))?;
            stream.read_to_string(&mut reply)?;
            Ok(reply.starts_with("HTTP/1.1 200"))
        })
        .unwrap_or(false);
    let (code, _) = wait_exit(&mut child);
    assert_eq!(code, Some(0));
    let text = all_lines(&stderr);
    assert!(text.contains("stopped: stdout was closed"), "{text}");
    let recorded = std::fs::read_to_string(&record).unwrap();
    assert_eq!(
        recorded.lines().count(),
        1 + usize::from(answered),
        "{recorded}"
    );

    // Waiting for a --count that can no longer be shown is a failure, found out without
    // waiting for something to print.
    let (mut child, _, stderr) = listen_raw(&["--count", "5"]);
    drop(child.stdout.take());
    let (code, _) = wait_exit(&mut child);
    assert_eq!(code, Some(1));
    let text = all_lines(&stderr);
    assert!(
        text.contains("stdout was closed (its reader went away) while waiting for 5 notifications"),
        "{text}"
    );
}

#[test]
fn a_second_ctrl_c_stops_the_drain_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.jsonl");
    let (mut child, url, stderr) =
        listen_raw(&["--delay", "60000", "--record", record.to_str().unwrap()]);
    let body = document(EVENT).to_string();
    let mut client = std::net::TcpStream::connect(url.trim_start_matches("http://")).unwrap();
    write!(
        client,
        "POST / HTTP/1.1\r\nhost: x\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    // A valid notification is recorded before its --delay starts: then it is in flight.
    let deadline = Instant::now() + PATIENCE;
    while std::fs::read_to_string(&record)
        .unwrap_or_default()
        .is_empty()
    {
        assert!(Instant::now() < deadline, "the request never arrived");
        std::thread::sleep(Duration::from_millis(20));
    }
    signal(child.id(), "INT");
    let line = std::iter::from_fn(|| stderr.recv_timeout(PATIENCE).ok())
        .find(|line| line.starts_with("stopping"))
        .expect("a stopping line");
    assert_eq!(
        line,
        "stopping: finishing the requests in flight (press Ctrl-C again to stop now)"
    );
    signal(child.id(), "INT");
    let (code, took) = wait_exit(&mut child);
    assert_eq!(code, Some(130));
    assert!(took < Duration::from_secs(10), "took {took:?}");
}

#[test]
fn timeout_without_count_runs_for_that_long() {
    let started = Instant::now();
    let (mut running, url) = listen(true, &["--timeout", "1"]);
    assert_eq!(Http::new().post(&url, &document(EVENT)).status, 200);
    assert_eq!(running.wait_exit(), Some(0));
    assert!(started.elapsed() >= Duration::from_secs(1));
    assert_eq!(running.stdout_json()["status"], 200);
    let stderr = running.rest_of_stderr().join("\n");
    assert!(stderr.contains("stopped: 1 valid notification"), "{stderr}");
}

#[test]
fn a_head_sent_a_byte_at_a_time_is_dropped_and_others_are_served() {
    let (mut running, url) = listen(true, &["--header-timeout", "1"]);
    let addr = url.trim_start_matches("http://").to_string();
    let slow = {
        let addr = addr.clone();
        std::thread::spawn(move || dribble_head(&addr, Duration::from_millis(100)))
    };
    assert_eq!(Http::new().post(&url, &document(EVENT)).status, 200);
    assert_eq!(running.stdout_json()["status"], 200);
    let dropped = slow
        .join()
        .unwrap()
        .expect("the slow client was never dropped");
    assert!(
        dropped < Duration::from_secs(4),
        "dropped after {dropped:?}"
    );
}

#[test]
fn connections_past_the_cap_wait_until_a_slot_frees() {
    let (_running, url) = listen(true, &["--header-timeout", "1", "--max-connections", "2"]);
    let addr = url.trim_start_matches("http://").to_string();
    let started = Instant::now();
    let held: Vec<std::net::TcpStream> = (0..2)
        .map(|_| std::net::TcpStream::connect(&addr).unwrap())
        .collect();
    // Served only once the idle connections holding both slots were dropped.
    assert_eq!(Http::new().post(&url, &document(EVENT)).status, 200);
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_millis(900),
        "served after {waited:?}"
    );
    drop(held);
}

#[test]
fn a_delay_longer_than_the_header_timeout_gets_its_whole_reply() {
    let (_running, url) = listen(true, &["--header-timeout", "1", "--delay", "2500"]);
    let answer = Http::new().post(&url, &document(EVENT));
    assert_eq!((answer.status, answer.body.as_str()), (200, "{}"));
}

#[test]
fn redeliveries_are_found_among_the_last_dedupe_window_ids() {
    let ids = [
        "00000000-0000-4000-8000-00000000000a",
        "00000000-0000-4000-8000-00000000000b",
        "00000000-0000-4000-8000-00000000000c",
    ];
    let (mut running, url) = listen(true, &["--dedupe-window", "2"]);
    let http = Http::new();
    for id in [ids[0], ids[1], ids[0], ids[2], ids[0]] {
        http.post(&url, &document(id));
    }
    let flags: Vec<Value> = (0..5)
        .map(|_| running.stdout_json()["duplicate"].clone())
        .collect();
    // A B A: a redelivery; then C pushes A out of the window, so A is new again.
    assert_eq!(
        flags,
        [
            json!(false),
            json!(false),
            json!(true),
            json!(false),
            json!(false)
        ]
    );
}

#[test]
fn an_existing_record_file_others_can_read_is_warned_about() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let record = dir.path().join("record.jsonl");
    std::fs::write(&record, "").unwrap();
    std::fs::set_permissions(&record, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (mut running, _) = listen(false, &["--record", record.to_str().unwrap()]);
    let warning = running.wait_stderr("warning: ");
    assert!(warning.contains("has mode 0644"), "{warning}");
    assert!(warning.contains("chmod 600"), "{warning}");
}

#[test]
fn help_says_how_listen_ends_and_what_it_bounds() {
    let output = hooks().args(["listen", "--help"]).output().unwrap();
    // Words only: the help is wrapped to the terminal's width.
    let help = String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for needle in [
        "a second Ctrl-C",
        "until --timeout SECS passed (exit 0; exit 1 if --count was not reached)",
        "until stdout is closed",
        "--header-timeout <SECS>",
        "--max-connections <N>",
        "--dedupe-window <N>",
    ] {
        assert!(help.contains(needle), "no {needle:?} in:\n{help}");
    }
}

/// Every example the provider documents print, posted byte for byte as printed (with the
/// `Authorization: Token <API_KEY>` header the token provider documents), is recognised as
/// its provider and kind with no warning.
#[test]
fn every_documented_example_is_recognised_without_warnings() {
    let (mut running, url) = listen(true, &[]);
    let http = Http::new();
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/seed-examples");
    let mut files: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 6, "{files:?}");
    for file in files {
        let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
        let (provider, kind) = ["clubcollect", "receipthero", "document-status"]
            .into_iter()
            .find_map(|p| Some((p, stem.strip_prefix(p)?.strip_prefix('-')?)))
            .unwrap();
        let headers: &[(&str, &str)] = if provider == "receipthero" {
            &[
                ("content-type", "application/json"),
                ("authorization", "Token <API_KEY>"),
            ]
        } else {
            &[("content-type", "application/json")]
        };
        let answer = http.send("POST", &url, headers, std::fs::read(&file).unwrap());
        assert_eq!(answer.status, 200, "{stem}");
        let line = running.stdout_json();
        assert_eq!(
            (line["provider"].as_str(), line["kind"].as_str()),
            (Some(provider), Some(kind)),
            "{line}"
        );
        assert_eq!(line["warnings"], json!([]), "{stem}: {line}");
    }
}
