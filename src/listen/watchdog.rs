//! What a client may hold of a server (`hooks listen` and `hooks sandbox`), bounded: each
//! connection gets [`Limits::header_timeout`] to send a whole request head, counted from
//! when it was accepted or its previous answer was written, so a head sent a byte at a
//! time is dropped as surely as a silent one; and at most [`Limits::max_connections`] are
//! served at once, the rest waiting in the kernel's accept queue until a slot frees.
//!
//! One timer per connection, re-armed only when it fires, instead of hyper's
//! `header_read_timeout` (a fresh timer and an extra socket read for every request). The
//! time a request spends in its handler is ours, not the client's, and is not counted;
//! so a body is bounded by its handler (`hooks listen` answers 408), not here.

use std::future::{Future, Ready, ready};
use std::io;
use std::net::SocketAddr;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::task::{Context, Poll};
use std::time::Duration;

use axum_server::tls_rustls::{RustlsAcceptor, RustlsConfig};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::sync::{AcquireError, OwnedSemaphorePermit, Semaphore};
use tokio::task::JoinHandle;
use tokio::time::{Instant, Sleep};
use tower_service::Service;

/// How long a client may take to send a request head, by default.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// Connections served at once, by default (fewer when the file-handle limit is lower).
pub const MAX_CONNECTIONS: usize = 4096;

/// File handles kept free of connections: stdio, the record and state files, the
/// listening socket, the runtime's own.
const RESERVED_FILES: u64 = 64;

#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub header_timeout: Duration,
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_timeout: HEADER_TIMEOUT,
            max_connections: MAX_CONNECTIONS,
        }
    }
}

impl From<&crate::cli::ServerLimitArgs> for Limits {
    fn from(args: &crate::cli::ServerLimitArgs) -> Limits {
        Limits {
            header_timeout: Duration::from_secs_f64(args.header_timeout),
            max_connections: args.max_connections,
        }
    }
}

impl Limits {
    /// Raises the process's soft file-handle limit to its hard limit, and returns these
    /// limits with the connection cap lowered to fit: half of the handles left, since a
    /// forwarded notification takes a second handle for its outgoing connection.
    pub fn fitted(self) -> Limits {
        let files = raise_file_limit();
        let fits = usize::try_from(files.saturating_sub(RESERVED_FILES) / 2).unwrap_or(usize::MAX);
        Limits {
            max_connections: self.max_connections.min(fits).max(1),
            ..self
        }
    }
}

/// The soft RLIMIT_NOFILE after raising it as far as allowed (unlimited counts as u64::MAX).
fn raise_file_limit() -> u64 {
    use rustix::process::{Resource, getrlimit, setrlimit};
    let mut limit = getrlimit(Resource::Nofile);
    if limit.current != limit.maximum {
        let raised = rustix::process::Rlimit {
            current: limit.maximum,
            maximum: limit.maximum,
        };
        // Refused (e.g. above the kernel's own cap): the soft limit stays as it was.
        if setrlimit(Resource::Nofile, raised).is_ok() {
            limit = raised;
        }
    }
    limit.current.unwrap_or(u64::MAX)
}

/// The hint of a server bound by `--host`/`--port`.
pub const PICK_ANOTHER_PORT: &str = "pick another --host/--port (--port 0 picks a free one)";

/// Binds HOST:PORT for one of our servers. A refusal (in use, not an address of this
/// machine) is the user's to fix, so it is a usage error that names WHAT is served and,
/// in HINT, which flags to change.
pub fn bind(
    host: &str,
    port: u16,
    what: &str,
    hint: &str,
) -> crate::error::Result<(std::net::TcpListener, SocketAddr)> {
    use crate::error::Error;
    let socket = std::net::TcpListener::bind((host, port))
        .map_err(|e| Error::usage(format!("cannot {what} on {host}:{port}: {e}; {hint}")))?;
    let addr = socket
        .local_addr()
        .map_err(|e| Error::failure(format!("cannot read the bound address: {e}")))?;
    Ok((socket, addr))
}

/// Serves `app` on `socket` within `limits`, over TLS when `tls` is given, until `handle`
/// stops it.
pub fn serve<S, B>(
    socket: std::net::TcpListener,
    app: S,
    limits: Limits,
    tls: Option<RustlsConfig>,
    handle: axum_server::Handle<SocketAddr>,
) -> io::Result<JoinHandle<io::Result<()>>>
where
    S: Service<axum::http::Request<hyper::body::Incoming>, Response = axum::http::Response<B>>
        + Clone
        + Send
        + 'static,
    S::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
    S::Future: Send + 'static,
    B: axum::body::HttpBody + Send + 'static,
    B::Data: Send + 'static,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let server = axum_server::from_tcp(socket)?.handle(handle);
    let connections = Connections {
        app,
        slots: Arc::new(Semaphore::new(limits.max_connections)),
        slot: None,
        waiting: None,
    };
    let watchdog = Watchdog {
        timeout: limits.header_timeout,
    };
    Ok(match tls {
        Some(config) => {
            let acceptor = RustlsAcceptor::new(config).acceptor(watchdog);
            tokio::spawn(server.acceptor(acceptor).serve(connections))
        }
        None => tokio::spawn(server.acceptor(watchdog).serve(connections)),
    })
}

/// What a connection's stream and its service share.
struct Connection {
    /// Requests of this connection being answered now.
    answering: AtomicUsize,
    /// Held for as long as the connection lives.
    _slot: Option<OwnedSemaphorePermit>,
}

type Acquiring = Pin<Box<dyn Future<Output = Result<OwnedSemaphorePermit, AcquireError>> + Send>>;

/// Makes each connection's service once a slot is free: the accept loop waits in
/// `poll_ready` meanwhile, so connections past the cap are not taken from the kernel.
struct Connections<S> {
    app: S,
    slots: Arc<Semaphore>,
    slot: Option<OwnedSemaphorePermit>,
    waiting: Option<Acquiring>,
}

impl<S: Clone, T> Service<T> for Connections<S> {
    type Response = Counted<S>;
    type Error = AcquireError;
    type Future = Ready<Result<Counted<S>, AcquireError>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), AcquireError>> {
        if self.slot.is_some() {
            return Poll::Ready(Ok(()));
        }
        if let Ok(slot) = self.slots.clone().try_acquire_owned() {
            self.slot = Some(slot);
            return Poll::Ready(Ok(()));
        }
        let slots = &self.slots;
        let waiting = self
            .waiting
            .get_or_insert_with(|| Box::pin(slots.clone().acquire_owned()));
        let slot = std::task::ready!(waiting.as_mut().poll(cx));
        self.waiting = None;
        self.slot = Some(slot?);
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, _peer: T) -> Self::Future {
        ready(Ok(Counted {
            app: self.app.clone(),
            connection: Arc::new(Connection {
                answering: AtomicUsize::new(0),
                _slot: self.slot.take(),
            }),
        }))
    }
}

/// A connection's service: counts the requests being answered, for its [`Watched`] stream.
#[derive(Clone)]
pub struct Counted<S> {
    app: S,
    connection: Arc<Connection>,
}

impl<S, R, B> Service<R> for Counted<S>
where
    S: Service<R, Response = axum::http::Response<B>>,
{
    type Response = axum::http::Response<Answer<B>>;
    type Error = S::Error;
    type Future = Answering<S::Future>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), S::Error>> {
        self.app.poll_ready(cx)
    }

    fn call(&mut self, request: R) -> Self::Future {
        Answering {
            inner: self.app.call(request),
            turn: OurTurn::begin(&self.connection),
        }
    }
}

/// The server's turn on a connection, counted in [`Connection::answering`] while held.
struct OurTurn(Arc<Connection>);

impl OurTurn {
    fn begin(connection: &Arc<Connection>) -> OurTurn {
        connection.answering.fetch_add(1, Ordering::Relaxed);
        OurTurn(connection.clone())
    }
}

impl Drop for OurTurn {
    fn drop(&mut self) {
        self.0.answering.fetch_sub(1, Ordering::Relaxed);
    }
}

pin_project_lite::pin_project! {
    /// A request in its handler: the server's turn until the response is ready.
    pub struct Answering<F> {
        #[pin]
        inner: F,
        turn: OurTurn,
    }
}

impl<F, B, E> Future for Answering<F>
where
    F: Future<Output = Result<axum::http::Response<B>, E>>,
{
    type Output = Result<axum::http::Response<Answer<B>>, E>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let this = self.project();
        let response = std::task::ready!(this.inner.poll(cx))?;
        let connection = this.turn.0.clone();
        Poll::Ready(Ok(response.map(|inner| Answer {
            inner,
            connection,
            turn: None,
        })))
    }
}

pin_project_lite::pin_project! {
    /// A response body: the server's turn again while it waits for its next part (a
    /// streamed body from a slow `--forward-to` app), not while the client reads it.
    pub struct Answer<B> {
        #[pin]
        inner: B,
        connection: Arc<Connection>,
        turn: Option<OurTurn>,
    }
}

impl<B: hyper::body::Body> hyper::body::Body for Answer<B> {
    type Data = B::Data;
    type Error = B::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<hyper::body::Frame<B::Data>, B::Error>>> {
        let this = self.project();
        let frame = this.inner.poll_frame(cx);
        match (&frame, this.turn.is_some()) {
            (Poll::Pending, false) => *this.turn = Some(OurTurn::begin(this.connection)),
            (Poll::Ready(_), true) => *this.turn = None,
            _ => {}
        }
        frame
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        self.inner.size_hint()
    }
}

/// Wraps each accepted stream in a [`Watched`] one.
#[derive(Clone, Copy)]
struct Watchdog {
    timeout: Duration,
}

impl<I, S> axum_server::accept::Accept<I, Counted<S>> for Watchdog {
    type Stream = Watched<I>;
    type Service = Counted<S>;
    type Future = Ready<io::Result<(Watched<I>, Counted<S>)>>;

    fn accept(&self, stream: I, service: Counted<S>) -> Self::Future {
        ready(Ok((
            Watched {
                inner: stream,
                timeout: self.timeout,
                since: None,
                alarm: Box::pin(tokio::time::sleep(self.timeout)),
                connection: service.connection.clone(),
            },
            service,
        )))
    }
}

/// A stream that fails once the client has had `timeout` to send a request head (or read
/// an answer) and has not: the clock starts at the first wait after the connection opened
/// or after our last write, and bytes arriving do not restart it.
pub struct Watched<I> {
    inner: I,
    timeout: Duration,
    /// When the client's current turn began; None while it is ours.
    since: Option<Instant>,
    /// Fires at the earliest moment the turn could have lasted `timeout`.
    alarm: Pin<Box<Sleep>>,
    connection: Arc<Connection>,
}

impl<I> Watched<I> {
    /// Called when a read or write has to wait: whether the client's turn is over.
    fn expired(&mut self, cx: &mut Context<'_>) -> bool {
        if self.connection.answering.load(Ordering::Relaxed) > 0 {
            // Our turn: a request is in its handler.
            self.since = None;
            return false;
        }
        let since = *self.since.get_or_insert_with(Instant::now);
        // Polling the armed alarm only refreshes its waker; it is re-armed (a timer
        // registration) only after it fired, at most once per `timeout`.
        while self.alarm.as_mut().poll(cx).is_ready() {
            let deadline = since + self.timeout;
            if deadline <= Instant::now() {
                return true;
            }
            self.alarm.as_mut().reset(deadline);
        }
        false
    }
}

fn too_slow() -> io::Error {
    io::Error::new(
        io::ErrorKind::TimedOut,
        "the client did not send a request head, or read the answer, in time",
    )
}

impl<I: AsyncRead + Unpin> AsyncRead for Watched<I> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let read = Pin::new(&mut self.inner).poll_read(cx, buf);
        if read.is_pending() && self.expired(cx) {
            return Poll::Ready(Err(too_slow()));
        }
        read
    }
}

impl<I: AsyncWrite + Unpin> AsyncWrite for Watched<I> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write(cx, buf);
        self.after_write(cx, written)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let written = Pin::new(&mut self.inner).poll_write_vectored(cx, bufs);
        self.after_write(cx, written)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }
}

impl<I> Watched<I> {
    /// A write that went out ends the client's turn (the next one starts when we wait for
    /// it again); one that waits is the client not reading.
    fn after_write(
        &mut self,
        cx: &mut Context<'_>,
        written: Poll<io::Result<usize>>,
    ) -> Poll<io::Result<usize>> {
        match written {
            Poll::Ready(Ok(n)) if n > 0 => {
                self.since = None;
                Poll::Ready(Ok(n))
            }
            Poll::Pending if self.expired(cx) => Poll::Ready(Err(too_slow())),
            other => other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_body_still_being_produced_is_not_the_clients_time() {
        // The second part comes long after the client's whole allowance.
        let parts = || {
            futures_util::stream::unfold(0, |n| async move {
                if n == 1 {
                    tokio::time::sleep(Duration::from_millis(900)).await;
                }
                (n < 2).then(|| {
                    (
                        Ok::<_, io::Error>(bytes::Bytes::from(format!("part{n};"))),
                        n + 1,
                    )
                })
            })
        };
        let app = axum::Router::new().route(
            "/",
            axum::routing::get(move || async move { axum::body::Body::from_stream(parts()) }),
        );
        let socket = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = socket.local_addr().unwrap();
        let handle = axum_server::Handle::new();
        let limits = Limits {
            header_timeout: Duration::from_millis(300),
            max_connections: 4,
        };
        serve(socket, app, limits, None, handle.clone()).unwrap();
        let reply = tokio::task::spawn_blocking(move || {
            use std::io::{Read as _, Write as _};
            let mut stream = std::net::TcpStream::connect(addr).unwrap();
            stream
                .write_all(b"GET / HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n")
                .unwrap();
            let mut reply = String::new();
            let _ = stream.read_to_string(&mut reply);
            reply
        })
        .await
        .unwrap();
        handle.shutdown();
        assert!(
            reply.contains("part1;") && reply.ends_with("0\r\n\r\n"),
            "{reply:?}"
        );
    }

    #[test]
    fn the_connection_cap_fits_the_raised_file_limit() {
        let before = rustix::process::getrlimit(rustix::process::Resource::Nofile);
        let limits = Limits {
            max_connections: usize::MAX,
            ..Limits::default()
        }
        .fitted();
        let after = rustix::process::getrlimit(rustix::process::Resource::Nofile);
        let soft = |limit: rustix::process::Rlimit| limit.current.unwrap_or(u64::MAX);
        assert!(soft(after) >= soft(before));
        assert!(limits.max_connections as u64 <= soft(after) / 2);
    }
}
