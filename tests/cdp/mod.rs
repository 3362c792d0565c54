//! A headless Chromium driven over its DevTools protocol: JSON messages on a websocket,
//! one page attached in flat mode. Only what the inspector's tests use: open a URL,
//! evaluate script (awaiting its promise), take a screenshot.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use base64::Engine as _;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;

/// How long the browser may take to start, or to answer one command.
const PATIENCE: Duration = Duration::from_secs(30);

type Socket =
    tokio_tungstenite::WebSocketStream<tokio_tungstenite::MaybeTlsStream<tokio::net::TcpStream>>;

pub struct Browser {
    child: Child,
    socket: Socket,
    session: String,
    next_id: u64,
    _profile: tempfile::TempDir,
}

/// The browser named by HOOKS_CHROMIUM, else the Chromium on PATH (Debian's is
/// `chromium`), if any. `.ci/run` sets HOOKS_CHROMIUM, so that in CI a browser that went
/// missing fails the browser tests instead of letting them skip.
pub fn find() -> Option<PathBuf> {
    if let Some(named) = std::env::var_os("HOOKS_CHROMIUM").filter(|p| !p.is_empty()) {
        let named = PathBuf::from(named);
        assert!(
            named.is_file(),
            "HOOKS_CHROMIUM names {}, which is not a file",
            named.display()
        );
        return Some(named);
    }
    let path = std::env::var_os("PATH")?;
    [
        "chromium",
        "chromium-browser",
        "google-chrome",
        "google-chrome-stable",
    ]
    .iter()
    .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
    .find(|candidate| candidate.is_file())
}

impl Browser {
    /// Starts `binary` headless with a fresh profile and nothing that reaches the network
    /// on its own (without those flags it waits on the closed network), and attaches to a
    /// blank page of `width` × `height`.
    pub async fn launch(binary: &std::path::Path, width: u32, height: u32) -> Browser {
        let profile = tempfile::tempdir().unwrap();
        let mut child = Command::new(binary)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-extensions",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                &format!("--window-size={width},{height}"),
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start chromium");
        // Its address is on stderr, which is read to the end so the pipe never fills.
        let (found, address) = std::sync::mpsc::channel();
        let stderr = child.stderr.take().unwrap();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("ws://") {
                    let _ = found.send(line[at..].trim().to_string());
                }
            }
        });
        let Ok(url) = address.recv_timeout(PATIENCE) else {
            let _ = child.kill();
            panic!("chromium printed no DevTools address within {PATIENCE:?}");
        };
        let (socket, _) = tokio_tungstenite::connect_async(url.as_str())
            .await
            .expect("connect to chromium's DevTools");
        let mut browser = Browser {
            child,
            socket,
            session: String::new(),
            next_id: 0,
            _profile: profile,
        };
        let target = browser
            .call("Target.createTarget", json!({"url": "about:blank"}))
            .await;
        let attached = browser
            .call(
                "Target.attachToTarget",
                json!({"targetId": target["targetId"], "flatten": true}),
            )
            .await;
        browser.session = attached["sessionId"].as_str().unwrap().to_string();
        browser
            .call(
                "Emulation.setDeviceMetricsOverride",
                json!({"width": width, "height": height, "deviceScaleFactor": 1, "mobile": false}),
            )
            .await;
        browser
    }

    /// Sends one command (to the page once attached) and returns its result.
    pub async fn call(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut message = json!({"id": id, "method": method, "params": params});
        if !self.session.is_empty() {
            message["sessionId"] = self.session.clone().into();
        }
        self.socket
            .send(Message::text(message.to_string()))
            .await
            .expect("send to chromium");
        let answer = async {
            while let Some(frame) = self.socket.next().await {
                let Ok(Message::Text(text)) = frame else {
                    continue;
                };
                let reply: Value = serde_json::from_str(&text).unwrap();
                // Events and other replies are not waited for.
                if reply["id"] == id {
                    return reply;
                }
            }
            panic!("chromium closed the DevTools connection");
        };
        let reply = tokio::time::timeout(PATIENCE, answer)
            .await
            .unwrap_or_else(|_| panic!("chromium did not answer {method} within {PATIENCE:?}"));
        assert!(reply["error"].is_null(), "{method}: {}", reply["error"]);
        reply["result"].clone()
    }

    /// Opens `url` and waits until its scripts have run.
    pub async fn open(&mut self, url: &str) {
        self.call("Page.enable", json!({})).await;
        let navigated = self.call("Page.navigate", json!({"url": url})).await;
        assert!(navigated["errorText"].is_null(), "{url}: {navigated}");
        self.wait("document.readyState === 'complete'", 10_000)
            .await;
    }

    /// The value of `expression` (a promise is awaited); panics with the page's error.
    pub async fn eval(&mut self, expression: &str) -> Value {
        let result = self
            .call(
                "Runtime.evaluate",
                json!({"expression": expression, "awaitPromise": true, "returnByValue": true}),
            )
            .await;
        if let Some(exception) = result.get("exceptionDetails") {
            panic!(
                "{expression}: {}",
                exception["exception"]["description"]
                    .as_str()
                    .unwrap_or(&exception.to_string())
            );
        }
        result["result"]["value"].clone()
    }

    /// Waits, in the page, until `condition` holds, for at most `ms` milliseconds.
    pub async fn wait(&mut self, condition: &str, ms: u64) {
        let script = format!(
            "new Promise((resolve, reject) => {{
                const started = performance.now();
                (function check() {{
                    let holds = false;
                    try {{ holds = Boolean({condition}); }} catch (e) {{}}
                    if (holds) resolve(performance.now() - started);
                    else if (performance.now() - started > {ms}) reject(new Error('not within {ms} ms: ' + {quoted}));
                    else setTimeout(check, 5);
                }})();
            }})",
            quoted = serde_json::to_string(condition).unwrap()
        );
        self.eval(&script).await;
    }

    /// A PNG of the page as it is shown.
    pub async fn screenshot(&mut self) -> Vec<u8> {
        let shot = self
            .call("Page.captureScreenshot", json!({"format": "png"}))
            .await;
        base64::engine::general_purpose::STANDARD
            .decode(shot["data"].as_str().unwrap())
            .unwrap()
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
