//! `hooks listen`: a local server that shows every notification the way its
//! provider means it. [`Listener`] is the reusable part (`hooks echo --wait-on` uses it
//! too): bind, then take each answered [`Notification`] in turn and print it.

mod forward;
mod inspector;
mod json;
mod notification;
mod printed;
pub mod record;
mod seen;
mod server;
mod tls;
mod trace;
pub(crate) mod watchdog;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::http::StatusCode;
use tokio::sync::{Notify, mpsc};
use tokio::task::JoinHandle;

pub use notification::{Auth, Earlier, Forwarded, Notification, hide_secrets};
pub use tls::{TlsSource, fingerprint, sha256};

use crate::cli::ListenArgs;
use crate::config::parse_http_url;
use crate::error::{Error, Result};
use crate::output::{Output, counted};
use crate::providers::Provider;
use crate::providers::definition::SignatureRule;
use crate::signals::StopSignals;
use crate::signature::{DefinitionVerifiers, Key, Unchecked, Verifier, definition_verifiers};
use forward::Forwarder;
use inspector::{Feed, Inspector};
use printed::{Printed, write_printed};
use record::RecordFile;
use server::{Settings, Shared};
pub use watchdog::Limits;

/// How long a client may take to send a request's body before it is answered 408.
pub const CLIENT_TIMEOUT: Duration = Duration::from_secs(30);

/// Notifications answered but not yet taken; a slow reader holds the senders back.
const QUEUE: usize = 4096;

/// Everything `hooks listen` can be told; [`ListenOptions::new`] gives the defaults.
#[derive(Debug, Clone)]
pub struct ListenOptions {
    pub host: String,
    pub port: u16,
    pub api_key: Option<String>,
    /// `--verify`: the signing secrets every request is checked with.
    pub verifier: Option<Verifier>,
    /// Without `--verify`: a signing provider's requests are checked with the secret its
    /// definition's variable holds.
    pub definition_verifiers: Option<DefinitionVerifiers>,
    /// Signing providers whose variable holds no secret: their requests go unchecked.
    pub unchecked_signers: Unchecked,
    /// What valid notifications are answered with (unless forwarded or failed on purpose).
    pub status: u16,
    pub delay: Duration,
    /// Answer 503 to this many valid notifications first.
    pub fail_first: u64,
    pub record: Option<PathBuf>,
    pub forward_to: Option<reqwest::Url>,
    pub max_body: usize,
    pub tls: Option<TlsSource>,
    pub client_timeout: Duration,
    /// How many idempotency keys are remembered to mark redeliveries.
    pub dedupe_window: usize,
    /// Request-head time and connections served at once.
    pub limits: Limits,
    /// `-v`: trace each exchange on stderr.
    pub verbose: bool,
}

impl ListenOptions {
    /// Plain HTTP on `host:port`, answering 200 to everything valid, nothing recorded.
    pub fn new(host: impl Into<String>, port: u16) -> ListenOptions {
        ListenOptions {
            host: host.into(),
            port,
            api_key: None,
            verifier: None,
            definition_verifiers: None,
            unchecked_signers: Vec::new(),
            status: 200,
            delay: Duration::ZERO,
            fail_first: 0,
            record: None,
            forward_to: None,
            max_body: 1024 * 1024,
            tls: None,
            client_timeout: CLIENT_TIMEOUT,
            dedupe_window: seen::DEDUPE_WINDOW,
            limits: Limits::default(),
            verbose: false,
        }
    }

    /// Defaults on ADDR: a port (on 127.0.0.1), or host:port.
    pub fn for_address(address: &str) -> Result<ListenOptions> {
        let address = address.trim();
        let (host, port) = match address.rsplit_once(':') {
            Some((host, port)) => (host.trim_start_matches('[').trim_end_matches(']'), port),
            None => ("127.0.0.1", address),
        };
        let port = port.parse::<u16>().map_err(|_| {
            Error::usage(format!(
                "'{address}' is not a listen address; give a port (8080) or host:port (127.0.0.1:8080)"
            ))
        })?;
        Ok(ListenOptions::new(host, port))
    }

    pub fn from_args(args: &ListenArgs) -> Result<ListenOptions> {
        let forward_to = args
            .forward_to
            .as_deref()
            .map(|url| parse_http_url(url, "--forward-to"))
            .transpose()?;
        let tls = match (&args.cert, &args.key) {
            (Some(cert), Some(key)) => Some(TlsSource::Files {
                cert: cert.clone(),
                key: key.clone(),
            }),
            _ if args.tls => Some(TlsSource::SelfSigned),
            _ => None,
        };
        let keys = args
            .verify
            .iter()
            .map(|text| Key::parse(text).map_err(|e| Error::usage(format!("--verify: {e}"))))
            .collect::<Result<Vec<_>>>()?;
        let (verifier, (definition_verifiers, unchecked_signers)) = if keys.is_empty() {
            (None, definition_verifiers(args.tolerance)?)
        } else {
            let verifier = Verifier {
                keys,
                tolerance: Some(args.tolerance),
            };
            (Some(verifier), (None, Vec::new()))
        };
        Ok(ListenOptions {
            api_key: args.api_key.clone(),
            verifier,
            definition_verifiers,
            unchecked_signers,
            status: args.status,
            delay: Duration::from_millis(args.delay),
            fail_first: args.fail_first,
            record: args.record.clone(),
            forward_to,
            max_body: args.max_body,
            tls,
            dedupe_window: args.dedupe_window,
            limits: Limits::from(&args.limits),
            ..ListenOptions::new(args.host.clone(), args.port)
        })
    }
}

/// Why a signing provider's requests go unchecked, and how to have them checked.
fn unchecked_signer(provider: Provider, rule: &SignatureRule) -> String {
    let missing = match &rule.secret_env {
        Some(name) => format!("{name} is not set: its signatures are not checked; set it, or"),
        None => "its definition names no secret_env: its signatures are not checked;".to_string(),
    };
    format!(
        "{} signs its deliveries ({}) but {missing} pass --verify {}:SECRET",
        provider.as_str(),
        rule.scheme,
        rule.scheme
    )
}

/// The secrets the listener was given, to be masked in everything it shows.
fn secrets_of(options: &ListenOptions) -> Vec<String> {
    let signing = options
        .verifier
        .iter()
        .flat_map(|verifier| &verifier.keys)
        .chain(options.definition_verifiers.iter().flat_map(|d| d.keys()))
        .flat_map(Key::secret_forms);
    options
        .api_key
        .as_deref()
        .into_iter()
        .chain(signing)
        .map(str::to_string)
        .collect()
}

/// A bound, serving listener. Each request it answers becomes a [`Notification`] that
/// [`Listener::next`] yields, in the order they were answered.
pub struct Listener {
    pub addr: SocketAddr,
    /// `http://HOST:PORT` or `https://HOST:PORT`.
    pub url: String,
    /// SHA-256 fingerprint of the certificate served, with TLS.
    pub certificate_sha256: Option<String>,
    /// The `--record` file, once opened.
    pub record: Option<PathBuf>,
    notifications: mpsc::Receiver<Notification>,
    handle: axum_server::Handle<SocketAddr>,
    server: JoinHandle<std::io::Result<()>>,
    grace: Duration,
}

impl Listener {
    /// Opens the record file, binds, and starts serving; returns once the socket is bound.
    /// Prints nothing: the caller announces [`Listener::url`].
    pub async fn bind(options: ListenOptions) -> Result<Listener> {
        Listener::start(options, None, None).await
    }

    /// As [`Listener::bind`]; with `printed`, each handler prints its own notification
    /// there instead of queueing it for [`Listener::next`] (which then only tells, by
    /// returning None, that the server stopped), and then hands it to `feed`, if any.
    async fn start(
        options: ListenOptions,
        printed: Option<Arc<Printed>>,
        feed: Option<Arc<Feed>>,
    ) -> Result<Listener> {
        let status = StatusCode::from_u16(options.status).map_err(|_| {
            Error::usage(format!("--status {} is not an HTTP status", options.status))
        })?;
        let tls = options.tls.as_ref().map(tls::Tls::load).transpose()?;
        let (socket, addr) = watchdog::bind(
            &options.host,
            options.port,
            "listen",
            watchdog::PICK_ANOTHER_PORT,
        )?;
        if let Some(target) = &options.forward_to {
            forward::refuse_own_address(target, addr)?;
        }
        // Made once the listener can start, so a refused start leaves no empty file behind.
        let record = RecordFile::for_flag(options.record.as_ref())?;
        let (sender, notifications) = mpsc::channel(QUEUE);
        let shared = Arc::new(Shared::new(
            Settings {
                secrets: secrets_of(&options),
                api_key: options.api_key.clone(),
                verifier: options.verifier.clone(),
                definition_verifiers: options.definition_verifiers.clone(),
                status,
                delay: options.delay,
                fail_first: options.fail_first,
                max_body: options.max_body,
                client_timeout: options.client_timeout,
                dedupe_window: options.dedupe_window,
                verbose: options.verbose,
            },
            record,
            options.forward_to.as_ref().map(Forwarder::new),
            sender,
            printed,
            feed,
        ));
        // Every method on every path goes to the one handler: no router to match against.
        let app = axum::handler::Handler::with_state(server::receive, shared);
        let handle = axum_server::Handle::new();
        let config = tls
            .as_ref()
            .map(|tls| axum_server::tls_rustls::RustlsConfig::from_config(tls.config.clone()));
        let server = watchdog::serve(socket, app, options.limits.fitted(), config, handle.clone())
            .map_err(|e| Error::failure(format!("cannot serve on {addr}: {e}")))?;
        let scheme = if tls.is_some() { "https" } else { "http" };
        Ok(Listener {
            addr,
            url: format!("{scheme}://{addr}"),
            certificate_sha256: tls.map(|tls| tls.fingerprint),
            record: options.record,
            notifications,
            handle,
            server,
            // In-flight requests may be waiting out --delay and a slow --forward-to app.
            grace: options.delay + options.client_timeout * 2,
        })
    }

    /// The next answered notification; None once the server has stopped.
    pub async fn next(&mut self) -> Option<Notification> {
        self.notifications.recv().await
    }

    /// An answered notification that is already waiting, without waiting for one.
    pub fn try_next(&mut self) -> Option<Notification> {
        self.notifications.try_recv().ok()
    }

    /// Stops accepting, lets in-flight requests finish, and returns the notifications
    /// answered but not yet taken.
    pub async fn shutdown(mut self) -> Result<Vec<Notification>> {
        self.handle.graceful_shutdown(Some(self.grace));
        let served = (&mut self.server).await;
        let mut rest = Vec::new();
        while let Some(notification) = self.try_next() {
            rest.push(notification);
        }
        match served {
            Ok(Ok(())) => Ok(rest),
            Ok(Err(e)) => Err(Error::failure(format!(
                "the server on {} failed: {e}",
                self.url
            ))),
            Err(e) => Err(Error::failure(format!(
                "the server on {} stopped: {e}",
                self.url
            ))),
        }
    }
}

impl Drop for Listener {
    /// A listener dropped without [`Listener::shutdown`] stops serving at once.
    fn drop(&mut self) {
        self.handle.shutdown();
    }
}

/// The inspector's port: `--ui-port`, else the one beside the listener's, else (the listener
/// took any free port, or the last) any free one. Never the listener's own: the page takes
/// no webhook path.
fn ui_port(ui_port: Option<u16>, listener_port: u16) -> u16 {
    ui_port.unwrap_or(match listener_port {
        0 | u16::MAX => 0,
        port => port + 1,
    })
}

enum Stop {
    Count,
    Timeout,
    Signal,
    StdoutClosed,
    ServerStopped,
}

/// How long the rest of the output may take to reach stdout at the end: a stdout nobody
/// reads must not keep the process alive.
const STDOUT_GRACE: Duration = Duration::from_secs(2);

pub async fn run(args: ListenArgs, out: Output) -> Result<()> {
    let options = ListenOptions {
        verbose: out.verbose,
        ..ListenOptions::from_args(&args)?
    };
    let mut signals = StopSignals::new()?;
    let printed = Arc::new(Printed::new(out));
    let feed = args.ui.ui.then(|| Arc::new(Feed::new(args.ui.ui_keep)));
    let forward_to = options.forward_to.clone();
    let max_body = options.max_body;
    let unchecked_signers = options.unchecked_signers.clone();
    let mut listener = Listener::start(options, Some(printed.clone()), feed.clone()).await?;
    if let Some(fingerprint) = &listener.certificate_sha256 {
        let whose = if args.cert.is_some() {
            "certificate".to_string()
        } else {
            format!(
                "self-signed certificate for {}",
                tls::SELF_SIGNED_NAMES.join(", ")
            )
        };
        out.note(format!("{whose}, SHA-256 fingerprint {fingerprint}"));
    }
    out.note(format!("listening on {}", listener.url));
    // Kept until the listener stops: dropping it stops the inspector.
    let _inspector = match feed {
        Some(feed) => {
            let inspector = Inspector::start(
                feed,
                inspector::Settings {
                    host: args.ui.ui_host.clone(),
                    port: ui_port(args.ui.ui_port, args.port),
                    listener: listener.url.clone(),
                    forward_to,
                    max_body,
                    keep: args.ui.ui_keep,
                },
            )?;
            out.note(format!("inspector on {}", inspector.url));
            Some(inspector)
        }
        None => None,
    };
    for (provider, rule) in &unchecked_signers {
        out.warn(unchecked_signer(*provider, rule));
    }
    if let Some(path) = &listener.record {
        out.note(format!(
            "recording valid notifications to {}",
            path.display()
        ));
        if let Some(warning) = readable_by_others(path) {
            out.warn(warning);
        }
    }
    if let Some(url) = &args.forward_to {
        out.note(format!(
            "forwarding valid notifications to {}",
            notification::shown_url(url)
        ));
    }
    let reached = Arc::new(Notify::new());
    let finish = Arc::new(Notify::new());
    let closed = Arc::new(Notify::new());
    let mut writer = tokio::spawn(write_printed(
        printed.clone(),
        args.count,
        reached.clone(),
        finish.clone(),
        closed.clone(),
    ));
    let deadline = args
        .timeout
        .map(|secs| tokio::time::Instant::now() + Duration::from_secs(secs));
    let stop = loop {
        tokio::select! {
            () = reached.notified() => break Stop::Count,
            // Nothing is queued when the handlers print: this only says the server stopped.
            next = listener.next() => {
                let Some(notification) = next else { break Stop::ServerStopped };
                printed.add(&notification, None);
            }
            () = sleep_until(deadline), if deadline.is_some() => break Stop::Timeout,
            () = closed.notified() => break Stop::StdoutClosed,
            () = signals.recv() => {
                out.note("stopping: finishing the requests in flight (press Ctrl-C again to stop now)");
                break Stop::Signal;
            }
        }
    };
    let drain = async {
        let rest = listener.shutdown().await;
        for notification in rest.iter().flatten() {
            printed.add(notification, None);
        }
        finish.notify_one();
        let _ = tokio::time::timeout(STDOUT_GRACE, &mut writer).await;
        rest
    };
    let rest = tokio::select! {
        rest = drain => rest,
        () = signals.recv() => return Err(Error::Interrupted),
    };
    let (taken, untold) = printed.finish();
    if untold > 0 {
        let why = match stop {
            Stop::StdoutClosed => "stdout was closed",
            _ => "stdout was not being read",
        };
        out.warn(printed::not_printed(untold, why));
    }
    rest?;
    let summary = format!(
        "{} ({} in all)",
        counted(taken.valid, "valid notification", "valid notifications"),
        counted(taken.total, "request", "requests"),
    );
    match stop {
        Stop::Timeout if args.count.is_some() => Err(Error::failure(format!(
            "timed out after {} s waiting for {}: {summary} arrived",
            args.timeout.unwrap_or_default(),
            counted(
                args.count.unwrap_or_default(),
                "notification",
                "notifications"
            ),
        ))),
        Stop::StdoutClosed if args.count.is_some() => Err(Error::failure(format!(
            "stdout was closed (its reader went away) while waiting for {} notifications: {summary} arrived",
            args.count.unwrap_or_default(),
        ))),
        Stop::StdoutClosed => {
            out.note(format!("stopped: stdout was closed; {summary}"));
            Ok(())
        }
        Stop::ServerStopped => Err(Error::failure(format!("the server stopped: {summary}"))),
        Stop::Count | Stop::Timeout | Stop::Signal => {
            out.note(format!("stopped: {summary}"));
            Ok(())
        }
    }
}

/// A warning when an existing record file lets others read it: the file keeps the mode it
/// had (only a new one is created 0600), and it holds every notification with its keys.
fn readable_by_others(path: &std::path::Path) -> Option<String> {
    use std::os::unix::fs::PermissionsExt as _;
    let mode = std::fs::metadata(path).ok()?.permissions().mode() & 0o777;
    (mode & 0o077 != 0).then(|| {
        format!(
            "{} has mode {mode:04o}, so others may read what is recorded there; `chmod 600 {}` keeps it private",
            path.display(),
            path.display()
        )
    })
}

async fn sleep_until(deadline: Option<tokio::time::Instant>) {
    match deadline {
        Some(deadline) => tokio::time::sleep_until(deadline).await,
        None => std::future::pending().await,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_inspector_goes_beside_the_listener_unless_told() {
        assert_eq!(ui_port(None, 8080), 8081);
        assert_eq!(ui_port(None, 0), 0);
        assert_eq!(ui_port(None, u16::MAX), 0);
        assert_eq!(ui_port(Some(9000), 8080), 9000);
        assert_eq!(ui_port(Some(0), 8080), 0);
    }

    #[test]
    fn an_address_is_a_port_or_host_and_port() {
        let port = ListenOptions::for_address("8080").unwrap();
        assert_eq!((port.host.as_str(), port.port), ("127.0.0.1", 8080));
        let both = ListenOptions::for_address("0.0.0.0:9000").unwrap();
        assert_eq!((both.host.as_str(), both.port), ("0.0.0.0", 9000));
        let v6 = ListenOptions::for_address("[::1]:9000").unwrap();
        assert_eq!(v6.host, "::1");
        assert!(ListenOptions::for_address("localhost").is_err());
        assert!(ListenOptions::for_address("host:99999").is_err());
    }
}
