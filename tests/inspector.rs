//! `hooks listen --ui`: the inspector's API over real HTTP, and its page in a real headless
//! Chromium (skipped, saying so, only where no Chromium is installed; `.ci/run` installs it).

mod cdp;
mod common;

use std::time::Instant;

use common::*;
use serde_json::{Value, json};

const KEY: &str = "7742c368f2dce09b78ddcaf50c61cd238b8e99cb";
const MASKED_KEY: &str = "7742****";

/// `hooks listen --port 0 --ui --ui-port 0 EXTRA...`, ready: the listener's URL and the
/// inspector's (ending in `/`).
fn listen_ui(extra: &[&str]) -> (Running, String, String) {
    let mut args = vec!["listen", "--port", "0", "--ui", "--ui-port", "0"];
    args.extend(extra);
    let mut running = Running::start(&args, &[]);
    let listener = running.listen_url();
    let inspector = running.wait_stderr("inspector on ");
    (running, listener, inspector)
}

/// `hooks replay SOURCE --to URL EXTRA...`; it must succeed.
fn replay(source: &str, to: &str, extra: &[&str]) {
    hooks()
        .args(["replay", source, "--to", to])
        .args(extra)
        .assert()
        .success();
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(PATIENCE)
        .build()
        .unwrap()
}

/// The inspector's page, loaded in a headless Chromium of WIDTH×HEIGHT; `None`, saying so,
/// where no Chromium is installed.
async fn open_page(ui: &str, width: u32, height: u32) -> Option<cdp::Browser> {
    let Some(chromium) = cdp::find() else {
        eprintln!(
            "note: no chromium on PATH and no HOOKS_CHROMIUM, so this browser test is skipped (.ci/run installs it)"
        );
        return None;
    };
    let mut browser = cdp::Browser::launch(&chromium, width, height).await;
    browser.open(ui).await;
    browser
        .wait("document.body.dataset.ready === '1'", 10_000)
        .await;
    Some(browser)
}

async fn answer(request: reqwest::RequestBuilder) -> (u16, Value) {
    let response = request.send().await.expect("the inspector answers");
    let status = response.status().as_u16();
    (status, response.json().await.expect("a JSON answer"))
}

#[tokio::test]
async fn the_api_shows_notifications_masked_and_replays_them() {
    let app = Recorder::ok();
    // With --json too: the terminal has no summary lines then, the page still does.
    let (_running, listener, ui) =
        listen_ui(&["--forward-to", &app.url, "--api-key", KEY, "--json"]);
    replay(
        "clubcollect/batch",
        &format!("{listener}/hooks/5"),
        &["--api-key", KEY],
    );
    let forwarded = app.wait_for(1);
    let http = client();

    let (status, list) = answer(http.get(format!("{ui}api/notifications"))).await;
    assert_eq!(status, 200);
    let text = list.to_string();
    assert!(!text.contains(KEY) && text.contains(MASKED_KEY), "{text}");
    assert_eq!(list[0]["n"], 1);
    assert_eq!(list[0]["provider"], "clubcollect");
    assert_eq!(list[0]["auth"], "ok");
    assert_eq!(list[0]["path"], "/hooks/5");
    assert!(
        list[0].get("json").is_none(),
        "the list leaves the parsed body out"
    );

    let (status, one) = answer(http.get(format!("{ui}api/notifications/1"))).await;
    assert_eq!(status, 200);
    assert_eq!(one["json"]["api_key"], MASKED_KEY);
    let summary = one["summary"].as_str().unwrap();
    assert!(
        summary.starts_with("#1 ") && summary.contains("invoices (3): "),
        "{summary}"
    );
    assert_eq!(
        answer(http.get(format!("{ui}api/notifications/99")))
            .await
            .0,
        404
    );

    // As it arrived, to --forward-to: the exact body, the real key, no hop header.
    let (status, outcome) = answer(
        http.post(format!("{ui}api/notifications/1/replay"))
            .body("{}"),
    )
    .await;
    assert_eq!(
        (status, &outcome["status"]),
        (200, &json!(200)),
        "{outcome}"
    );
    let replayed = &app.wait_for(2)[1];
    assert_eq!(replayed.body, forwarded[0].body);
    assert_eq!(replayed.json()["api_key"], KEY);
    assert!(replayed.header("x-hooks-forwarded").is_none());

    // Edited in the page: the masks it shows are sent as the secrets they hide.
    let edited = one["body"]
        .as_str()
        .unwrap()
        .replace("import_ids\":[", "import_ids\":[\"edited\",");
    let (status, outcome) = answer(http.post(format!("{ui}api/notifications/1/replay")).json(
        &json!({
            "body": edited,
            "headers": [["content-type", "application/json"], ["x-edited", "yes"]],
        }),
    ))
    .await;
    assert_eq!(status, 200, "{outcome}");
    let replayed = &app.wait_for(3)[2];
    assert_eq!(replayed.json()["api_key"], KEY);
    assert_eq!(replayed.json()["import_ids"][0], "edited");
    assert_eq!(replayed.header("x-edited"), Some("yes"));

    let (status, refused) = answer(
        http.post(format!("{ui}api/notifications/1/replay"))
            .json(&json!({"to": "ftp://127.0.0.1/"})),
    )
    .await;
    assert_eq!(status, 400, "{refused}");
}

#[tokio::test]
async fn other_origins_and_host_names_are_refused() {
    let app = Recorder::ok();
    let (_running, listener, ui) = listen_ui(&[]);
    replay("document-status/document_status_changed", &listener, &[]);
    let http = client();
    let own = ui.trim_end_matches('/').to_string();
    let port = own.rsplit(':').next().unwrap().to_string();

    for (name, value) in [
        ("origin", "http://evil.example".to_string()),
        ("origin", listener.clone()),
        ("host", format!("evil.example:{port}")),
        ("sec-fetch-site", "cross-site".to_string()),
    ] {
        let (status, body) = answer(
            http.get(format!("{ui}api/notifications"))
                .header(name, &value),
        )
        .await;
        assert_eq!(status, 403, "{name}: {value}: {body}");
    }
    // Another site's form or script cannot make it replay either.
    let (status, _) = answer(
        http.post(format!("{ui}api/notifications/1/replay"))
            .header("origin", "http://evil.example")
            .json(&json!({"to": app.url})),
    )
    .await;
    assert_eq!(status, 403);
    // Its own page can.
    let (status, outcome) = answer(
        http.post(format!("{ui}api/notifications/1/replay"))
            .header("origin", &own)
            .json(&json!({"to": app.url})),
    )
    .await;
    assert_eq!(status, 200, "{outcome}");
    assert_eq!(
        app.wait_for(1).len(),
        1,
        "only the page's own replay arrived"
    );
}

#[tokio::test]
async fn the_page_shows_filters_details_and_replays_in_a_real_browser() {
    let app = Recorder::ok();
    let (_running, listener, ui) = listen_ui(&["--api-key", KEY]);
    let Some(mut browser) = open_page(&ui, 1440, 860).await else {
        return;
    };

    // Live: in the list within a second of being answered, with no reload.
    replay(
        "clubcollect/batch",
        &format!("{listener}/hooks/5"),
        &["--api-key", KEY],
    );
    let answered = Instant::now();
    browser
        .wait("document.querySelector('#list tr[data-n=\"1\"]')", 1000)
        .await;
    assert!(answered.elapsed().as_secs_f64() < 1.0);
    let row = browser
        .eval("document.querySelector('#list tr[data-n=\"1\"]').innerText")
        .await;
    let row = row.as_str().unwrap();
    assert!(
        row.contains("clubcollect") && row.contains("batch") && row.contains("200"),
        "{row}"
    );

    // A filter hides it, and lives in the URL.
    browser
        .eval("(() => { const s = document.getElementById('f-provider'); s.append(new Option('receipthero')); s.value = 'receipthero'; s.dispatchEvent(new Event('change')); })()")
        .await;
    browser
        .wait(
            "document.querySelector('#list tr[data-n=\"1\"]').hidden",
            1000,
        )
        .await;
    assert_eq!(browser.eval("location.hash").await, "#provider=receipthero");
    browser
        .eval("document.getElementById('f-q').value = ''; location.hash = '#q=invoice_ids'; undefined")
        .await;
    browser
        .wait(
            "!document.querySelector('#list tr[data-n=\"1\"]').hidden",
            1000,
        )
        .await;

    // The detail view: the terminal's summary lines, the masked body.
    browser
        .eval("document.querySelector('#list tr[data-n=\"1\"]').click()")
        .await;
    browser
        .wait(
            "document.getElementById('d-summary').textContent.includes('invoices (3)')",
            5000,
        )
        .await;
    let body = browser
        .eval("document.getElementById('d-body').textContent")
        .await;
    let body = body.as_str().unwrap();
    assert!(body.contains(MASKED_KEY) && !body.contains(KEY), "{body}");

    // Replay: to the URL typed in, with the key as it arrived.
    browser
        .eval(&format!(
            "document.getElementById('r-to').value = {}; document.getElementById('r-send').click()",
            json!(app.url)
        ))
        .await;
    let replayed = &app.wait_for(1)[0];
    assert_eq!(replayed.json()["api_key"], KEY);
    browser
        .wait(
            "document.getElementById('r-result').textContent.includes('answered 200')",
            5000,
        )
        .await;

    // Copy as `hooks replay`: the command, run, delivers the masked record line there too.
    browser
        .eval("document.getElementById('copy-replay').click()")
        .await;
    let command = browser
        .eval("document.getElementById('copied').textContent")
        .await;
    let command = command.as_str().unwrap();
    assert!(
        command.contains("hooks replay hooks-1.jsonl --to "),
        "{command}"
    );
    let dir = tempfile::tempdir().unwrap();
    let bin = std::path::Path::new(BIN).parent().unwrap();
    let ran = std::process::Command::new("sh")
        .args(["-c", command])
        .current_dir(dir.path())
        .env("PATH", format!("{}:/usr/bin:/bin", bin.display()))
        .output()
        .unwrap();
    assert!(ran.status.success(), "{ran:?}");
    let copied = &app.wait_for(2)[1];
    assert_eq!(copied.json()["api_key"], MASKED_KEY);
    assert_eq!(copied.json()["invoice_ids"], replayed.json()["invoice_ids"]);
    browser
        .eval("document.getElementById('copy-curl').click()")
        .await;
    let curl = browser
        .eval("document.getElementById('copied').textContent")
        .await;
    assert!(
        curl.as_str()
            .unwrap()
            .starts_with(&format!("curl -X POST '{}'", app.url)),
        "{curl}"
    );

    // Edit…, then Replay: the body and headers typed in are what is sent.
    browser
        .eval(&format!(
            "document.getElementById('r-edit').click(); \
             const body = document.getElementById('e-body'); \
             body.value = body.value.replace('\"import_ids\":[', '\"import_ids\":[\"typed\",'); \
             document.getElementById('e-headers').value = 'content-type: application/json\\nx-edited: in the page'; \
             document.getElementById('r-to').value = {}; \
             document.getElementById('r-send').click()",
            json!(app.url)
        ))
        .await;
    let edited = &app.wait_for(3)[2];
    assert_eq!(edited.json()["import_ids"][0], "typed");
    assert_eq!(edited.json()["api_key"], KEY, "the mask is sent as the key");
    assert_eq!(edited.header("x-edited"), Some("in the page"));

    // Download .jsonl: a --record file that `hooks replay` takes as it is. Saving it is the
    // browser's part; the test takes the file the page hands over.
    let downloaded = browser
        .eval(
            "new Promise((resolve) => { \
               URL.createObjectURL = (blob) => { blob.text().then(resolve); return 'blob:kept'; }; \
               HTMLAnchorElement.prototype.click = () => {}; \
               document.getElementById('download').click(); })",
        )
        .await;
    let record = dir.path().join("downloaded.jsonl");
    std::fs::write(&record, downloaded.as_str().unwrap()).unwrap();
    hooks()
        .args(["replay", record.to_str().unwrap(), "--to", &app.url])
        .assert()
        .success();
    let from_file = &app.wait_for(4)[3];
    assert_eq!(
        from_file.json()["invoice_ids"],
        replayed.json()["invoice_ids"]
    );
    assert_eq!(from_file.json()["api_key"], MASKED_KEY);

    // The status filter: nothing answered 4xx yet.
    browser
        .eval("(() => { const s = document.getElementById('f-status'); s.value = '4xx'; s.dispatchEvent(new Event('change')); })()")
        .await;
    browser
        .wait(
            "document.querySelector('#list tr[data-n=\"1\"]').hidden",
            1000,
        )
        .await;
    assert!(
        browser
            .eval("location.hash")
            .await
            .as_str()
            .unwrap()
            .contains("status=4xx")
    );

    // A shape warning stands beside the field it names.
    replay(
        "document-status/document_status_changed",
        &listener,
        &["--set", "occurredAt=yesterday"],
    );
    browser.eval("location.hash = ''; undefined").await;
    browser
        .wait("[...document.querySelectorAll('#list tr')].some(tr => tr.innerText.includes('document-status'))", 1000)
        .await;
    browser
        .eval("[...document.querySelectorAll('#list tr')].find(tr => tr.innerText.includes('document-status')).click()")
        .await;
    browser
        .wait("[...document.querySelectorAll('#d-body .warn')].some(w => w.textContent.includes('occurredAt'))", 5000)
        .await;
    let field = browser
        .eval("document.querySelector('#d-body .warn').previousElementSibling.previousElementSibling.textContent")
        .await;
    assert_eq!(
        field, "\"occurredAt\"",
        "the warning follows the field's value"
    );

    // A page of another origin (the listener's) cannot read the API.
    browser.open(&listener).await;
    let read = browser
        .eval(&format!(
            "fetch({}).then(r => 'read ' + r.status, e => 'refused')",
            json!(format!("{ui}api/notifications"))
        ))
        .await;
    assert_eq!(read, "refused");

    // The README's picture: a few providers, a redelivery, one opened.
    replay(
        "receipthero/receipt_notification",
        &listener,
        &["--api-key", KEY],
    );
    replay("document-status/document_status_changed", &listener, &[]);
    replay("document-status/document_status_changed", &listener, &[]);
    browser.open(&ui).await;
    browser
        .wait("document.querySelector('#list td.dup:not(:empty)')", 5000)
        .await;
    browser
        .eval("document.querySelector('#list td.dup:not(:empty)').click()")
        .await;
    browser
        .wait(
            "document.getElementById('d-duplicate').textContent.includes('Redelivery of #')",
            5000,
        )
        .await;
    let png = browser.screenshot().await;
    assert!(png.starts_with(b"\x89PNG"));
    if std::env::var_os("HOOKS_UPDATE_SCREENSHOT").is_some() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/inspector.png");
        std::fs::write(path, png).unwrap();
    }
}

#[tokio::test]
async fn an_open_page_keeps_no_more_than_the_inspector() {
    let (_running, listener, ui) = listen_ui(&["--ui-keep", "2"]);
    let Some(mut browser) = open_page(&ui, 800, 600).await else {
        return;
    };
    for _ in 0..3 {
        replay("document-status/document_status_changed", &listener, &[]);
    }
    browser
        .wait("document.querySelector('#list tr[data-n=\"3\"]')", 5000)
        .await;
    let rows = browser
        .eval("[...document.querySelectorAll('#list tr')].map(tr => tr.dataset.n).join(' ')")
        .await;
    assert_eq!(rows.as_str().unwrap().split(' ').count(), 2, "{rows}");
    assert!(
        !rows.as_str().unwrap().split(' ').any(|n| n == "1"),
        "{rows}"
    );
}

#[tokio::test]
async fn what_is_kept_is_bounded_in_bytes_headers_included() {
    let (_running, listener, ui) = listen_ui(&[]);
    // 200 header sections of 350 KB: 70 MB, past the 64 MiB the inspector keeps at most.
    let long = "a".repeat(350_000);
    let client = client();
    for _ in 0..200 {
        let sent = client
            .post(&listener)
            .header("x-long", &long)
            .body("{}")
            .send()
            .await
            .expect("the listener answers");
        assert_eq!(sent.status(), 200);
    }
    // The oldest went; the last 150 (52 MB) are still there.
    for (n, kept) in [(1, false), (51, true), (200, true)] {
        let (status, _) = answer(client.get(format!("{ui}api/notifications/{n}"))).await;
        assert_eq!(status == 200, kept, "#{n}: {status}");
    }
}

#[tokio::test]
async fn bytes_that_are_not_utf8_are_shown_escaped() {
    let (_running, listener, ui) = listen_ui(&[]);
    let client = client();
    let sent = client
        .post(&listener)
        .body(b"caf\xe9 \xff".to_vec())
        .send()
        .await
        .expect("the listener answers");
    assert_eq!(sent.status(), 400);
    let (status, one) = answer(client.get(format!("{ui}api/notifications/1"))).await;
    assert_eq!(status, 200);
    assert_eq!(one["body"], "caf\\xe9 \\xff");
}

#[tokio::test]
async fn the_signature_verdict_is_in_the_list() {
    const SECRET: &str = "whsec_c2lnbmluZyBzZWNyZXQgb2YgdGhlIGVuZHBvaW50";
    let (_running, listener, ui) = listen_ui(&["--verify", &format!("standard:{SECRET}")]);
    let Some(mut browser) = open_page(&ui, 1200, 600).await else {
        return;
    };
    let fixture = "document-status/document_status_changed";
    replay(
        fixture,
        &listener,
        &["--sign", &format!("standard:{SECRET}")],
    );
    hooks()
        .args(["replay", fixture, "--to", &listener])
        .assert()
        .failure();
    let (_, listed) = answer(client().get(format!("{ui}api/notifications"))).await;
    let verdicts: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|one| one["signature"].as_str().unwrap())
        .collect();
    assert_eq!(verdicts, ["valid", "missing-header"]);
    browser
        .wait("document.querySelector('#list tr[data-n=\"2\"]')", 5000)
        .await;
    let cells = browser
        .eval("[1, 2].map(n => document.querySelector('#list tr[data-n=\"' + n + '\"] td[title^=\"signature\"]').textContent).join(' ')")
        .await;
    assert_eq!(cells, "valid missing-header");
}

#[tokio::test]
async fn the_latency_shown_is_how_long_the_answer_took() {
    let (_running, listener, ui) = listen_ui(&["--delay", "300"]);
    replay("document-status/document_status_changed", &listener, &[]);
    let (_, listed) = answer(client().get(format!("{ui}api/notifications"))).await;
    let latency = listed[0]["latency_ms"].as_f64().unwrap();
    // The delay is waited out before the answer is sent, so it is part of the latency.
    assert!((300.0..30_000.0).contains(&latency), "{listed}");
}
