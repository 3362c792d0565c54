//! What every integration test needs: the `hooks` binary run hermetically, a spawned
//! long-running `hooks` (listen, sandbox) with its ready line awaited, and a real HTTP
//! server on 127.0.0.1:0 that records what it receives.

// Each test binary uses its own part of this module.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::process::{Child, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::extract::{OriginalUri, State};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::response::IntoResponse;

pub const BIN: &str = env!("CARGO_BIN_EXE_hooks");

/// The partner id and token every test's Callback API calls carry.
pub const PARTNER: &str = "3f2c8d8e-1111-2222-3333-444455556666";
pub const TOKEN: &str = "secret-token-value";

/// How long a test waits for something that should happen at once, before failing.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// `hooks` with an empty environment (no HOOKS_*, no NO_COLOR, no user config), like xh's tests.
pub fn hooks() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::new(BIN);
    cmd.env_clear()
        .env("XDG_CONFIG_HOME", "/nonexistent/hooks-test-config")
        .env("HOME", "/nonexistent/hooks-test-home");
    cmd
}

/// `hooks` configured for the Callback API at `base` through the HOOKS_* variables, as the
/// README tells users to.
pub fn against(base: &str) -> assert_cmd::Command {
    let mut cmd = hooks();
    cmd.env("HOOKS_BASE_URL", base)
        .env("HOOKS_PARTNER", PARTNER)
        .env("HOOKS_TOKEN", TOKEN);
    cmd
}

/// `hooks callbacks put TYPE --url URL` against `base`; it must succeed.
pub fn put_callback(base: &str, notification_type: &str, url: &str) {
    against(base)
        .args(["callbacks", "put", notification_type, "--url", url])
        .assert()
        .success();
}

/// `hooks sandbox --port 0 ARGS` with `envs` added, and its base URL from the
/// `export HOOKS_BASE_URL=` line.
pub fn sandbox(args: &[&str], envs: &[(&str, &str)]) -> (Running, String) {
    let mut all = vec!["sandbox", "--port", "0"];
    all.extend_from_slice(args);
    let mut running = Running::start(&all, envs);
    let base = running.wait_stderr("export HOOKS_BASE_URL=");
    (running, base)
}

/// The same, as a std Command for processes that keep running.
pub fn hooks_std() -> std::process::Command {
    let mut cmd = std::process::Command::new(BIN);
    cmd.env_clear()
        .env("XDG_CONFIG_HOME", "/nonexistent/hooks-test-config")
        .env("HOME", "/nonexistent/hooks-test-home");
    cmd
}

/// A running `hooks` process; killed when dropped.
pub struct Running {
    pub child: Child,
    stdout: Receiver<String>,
    stderr: Receiver<String>,
    /// Every stderr line read so far.
    pub stderr_seen: Vec<String>,
}

fn pipe_lines(reader: impl std::io::Read + Send + 'static) -> Receiver<String> {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(reader).lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

impl Running {
    /// Starts `hooks ARGS` with piped stdio; `envs` are added to the empty environment.
    pub fn start(args: &[&str], envs: &[(&str, &str)]) -> Running {
        let mut cmd = hooks_std();
        cmd.args(args)
            .envs(envs.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().expect("spawn hooks");
        let stdout = pipe_lines(child.stdout.take().unwrap());
        let stderr = pipe_lines(child.stderr.take().unwrap());
        Running {
            child,
            stdout,
            stderr,
            stderr_seen: Vec::new(),
        }
    }

    /// Waits for a stderr line containing `marker` and returns the rest of that line after it.
    pub fn wait_stderr(&mut self, marker: &str) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.stderr.recv_timeout(left) {
                Ok(line) => {
                    self.stderr_seen.push(line.clone());
                    if let Some(at) = line.find(marker) {
                        return line[at + marker.len()..].trim().to_string();
                    }
                }
                Err(e) => panic!(
                    "no stderr line with {marker:?} ({e:?}); stderr so far: {:#?}",
                    self.stderr_seen
                ),
            }
        }
    }

    /// `hooks listen`'s ready line: returns the URL it listens on.
    pub fn listen_url(&mut self) -> String {
        self.wait_stderr("listening on ")
    }

    /// The next stdout line, or None when stdout closed or `timeout` passed.
    pub fn next_stdout(&mut self, timeout: Duration) -> Option<String> {
        self.stdout.recv_timeout(timeout).ok()
    }

    /// The next stdout line; panics if none comes within PATIENCE.
    pub fn stdout_line(&mut self) -> String {
        self.next_stdout(PATIENCE)
            .unwrap_or_else(|| panic!("no stdout line; stderr so far: {:#?}", self.stderr_seen))
    }

    /// The next stdout line parsed as JSON.
    pub fn stdout_json(&mut self) -> serde_json::Value {
        let line = self.stdout_line();
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("not JSON ({e}): {line}"))
    }

    /// Waits for the process to exit by itself and returns its exit code.
    pub fn wait_exit(&mut self) -> Option<i32> {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.code();
            }
            // Polling the child's state, not waiting for it to get somewhere.
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("hooks did not exit; stderr so far: {:#?}", self.stderr_seen);
    }

    /// All remaining stderr lines (after the process exited).
    pub fn rest_of_stderr(&mut self) -> Vec<String> {
        while let Ok(line) = self.stderr.recv_timeout(PATIENCE) {
            self.stderr_seen.push(line);
        }
        self.stderr_seen.clone()
    }

    /// Sends SIGTERM, as a user's Ctrl-C or a supervisor would.
    pub fn terminate(&self) {
        std::process::Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill -TERM");
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One request as the recording server saw it.
#[derive(Debug, Clone)]
pub struct Recorded {
    pub method: String,
    /// Path and query, as sent.
    pub uri: String,
    pub headers: BTreeMap<String, String>,
    pub body: Vec<u8>,
}

impl Recorded {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("recorded body is JSON")
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .get(&name.to_ascii_lowercase())
            .map(String::as_str)
    }
}

type Responder = dyn Fn(&Recorded, usize) -> (u16, String) + Send + Sync;

struct Shared {
    requests: Mutex<Vec<Recorded>>,
    arrived: Condvar,
    respond: Box<Responder>,
}

/// A real HTTP server on 127.0.0.1:0, in its own thread, that records every request.
pub struct Recorder {
    /// `http://127.0.0.1:PORT`
    pub url: String,
    shared: Arc<Shared>,
}

impl Recorder {
    /// `respond(request, index)` gives the status and JSON body for the index-th request (from 0).
    pub fn start(
        respond: impl Fn(&Recorded, usize) -> (u16, String) + Send + Sync + 'static,
    ) -> Recorder {
        let shared = Arc::new(Shared {
            requests: Mutex::new(Vec::new()),
            arrived: Condvar::new(),
            respond: Box::new(respond),
        });
        let url = serve(
            axum::Router::new()
                .fallback(record)
                .with_state(shared.clone()),
        );
        Recorder { url, shared }
    }

    /// Answers 200 `{}` to everything.
    pub fn ok() -> Recorder {
        Recorder::start(|_, _| (200, "{}".into()))
    }

    /// Answers `status` with `body` to everything.
    pub fn always(status: u16, body: &str) -> Recorder {
        let body = body.to_string();
        Recorder::start(move |_, _| (status, body.clone()))
    }

    pub fn requests(&self) -> Vec<Recorded> {
        self.shared.requests.lock().unwrap().clone()
    }

    /// Blocks until at least `n` requests arrived (panics after PATIENCE).
    pub fn wait_for(&self, n: usize) -> Vec<Recorded> {
        let guard = self.shared.requests.lock().unwrap();
        let (guard, timeout) = self
            .shared
            .arrived
            .wait_timeout_while(guard, PATIENCE, |requests| requests.len() < n)
            .unwrap();
        assert!(
            !timeout.timed_out(),
            "expected {n} requests, got {}",
            guard.len()
        );
        guard.clone()
    }
}

async fn record(
    State(shared): State<Arc<Shared>>,
    method: Method,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> impl IntoResponse {
    let recorded = Recorded {
        method: method.to_string(),
        uri: uri.to_string(),
        headers: headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_string(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect(),
        body: body.to_vec(),
    };
    let (status, answer) = {
        let mut requests = shared.requests.lock().unwrap();
        let index = requests.len();
        let answer = (shared.respond)(&recorded, index);
        requests.push(recorded);
        shared.arrived.notify_all();
        answer
    };
    (
        StatusCode::from_u16(status).unwrap(),
        [("content-type", "application/json")],
        answer,
    )
}

/// Serves `app` on 127.0.0.1:0 in its own thread; returns `http://127.0.0.1:PORT`.
pub fn serve(app: axum::Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, app).await.unwrap();
        });
    });
    url
}

/// A ClubCollect id: 40 lowercase hexadecimal characters.
pub fn is_clubcollect_id(id: &serde_json::Value) -> bool {
    id.as_str().is_some_and(|s| {
        s.len() == 40
            && s.chars()
                .all(|c| c.is_ascii_digit() || ('a'..='f').contains(&c))
    })
}

/// A version-4 UUID, as ReceiptHero, document-status and the Callback API use.
pub fn is_uuid_v4(id: &serde_json::Value) -> bool {
    id.as_str()
        .and_then(|s| uuid::Uuid::parse_str(s).ok())
        .is_some_and(|u| u.get_version_num() == 4)
}

/// A port that was free a moment ago, for an address that must be named before the command
/// that binds it runs (a callback URL for `echo --wait-on PORT`). Another bind to port 0
/// could take it in between; the kernel hands out ephemeral ports in a spread-out order, so
/// that is rare. Prefer `--port 0` and the ready line wherever the port need not be known.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("bind 127.0.0.1:0")
        .port()
}

/// A port on 127.0.0.1 that refuses every connection for as long as the returned socket
/// lives: bound, so no other test's server can take it meanwhile, but not listening.
pub fn refusing_port() -> (socket2::Socket, u16) {
    use socket2::{Domain, Socket, Type};
    let socket = Socket::new(Domain::IPV4, Type::STREAM, None).expect("a TCP socket");
    socket
        .bind(&std::net::SocketAddr::from(([127, 0, 0, 1], 0)).into())
        .expect("bind 127.0.0.1:0");
    let port = socket
        .local_addr()
        .ok()
        .and_then(|address| address.as_socket())
        .expect("a bound address")
        .port();
    (socket, port)
}

/// Runs `hooks ARGS` with a pseudo-terminal as its stdin, stdout and stderr (util-linux
/// `script`, on every Debian), `envs` added to an empty environment, typing `keys`; returns
/// what the terminal showed.
pub fn on_terminal(args: &str, envs: &[(&str, &str)], keys: &str) -> String {
    use std::io::Write;
    let mut child = spawn_on_terminal(args, envs);
    child
        .stdin
        .take()
        .unwrap()
        .write_all(keys.as_bytes())
        .unwrap();
    let output = child.wait_with_output().unwrap();
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A slowloris client: opens a connection to `addr` (host:port) and sends a request head
/// one byte per `pace`, never finishing it. Returns how long the server took to drop the
/// connection, or None if it still held it after PATIENCE.
pub fn dribble_head(addr: &str, pace: Duration) -> Option<Duration> {
    use std::io::Write;
    let started = Instant::now();
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .write_all(b"POST / HTTP/1.1\r\nhost: x\r\nx-slow: ")
        .expect("the first bytes are taken");
    while started.elapsed() < PATIENCE {
        // Once the server closed the connection, a write fails (the first one after the
        // close may still be taken by the kernel; the reset makes the next one fail).
        if stream.write_all(b"a").is_err() {
            return Some(started.elapsed());
        }
        // Pacing the attack, not waiting for a condition.
        std::thread::sleep(pace);
    }
    None
}

/// `hooks ARGS` under util-linux `script` (a pseudo-terminal as its stdin, stdout and
/// stderr, and `script` exits with its code), `envs` added to an empty environment; the
/// terminal's input and output piped.
pub fn terminal_command(args: &str, envs: &[(&str, &str)]) -> std::process::Command {
    let mut cmd = std::process::Command::new("script");
    cmd.args(["-qec", &format!("{BIN} {args}"), "/dev/null"])
        .env_clear()
        .env("PATH", "/usr/bin:/bin")
        .env("XDG_CONFIG_HOME", "/nonexistent/hooks-test-config")
        .env("HOME", "/nonexistent/hooks-test-home")
        .envs(envs.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped());
    cmd
}

/// [`terminal_command`], started.
pub fn spawn_on_terminal(args: &str, envs: &[(&str, &str)]) -> Child {
    terminal_command(args, envs).spawn().expect("run script")
}
