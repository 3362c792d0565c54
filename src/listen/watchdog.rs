//! Drops connections whose client goes quiet: one timer per connection, re-armed only when
//! it fires, instead of hyper's `header_read_timeout` (a fresh timer and an extra socket
//! read for every request).

use std::future::{Future, Ready, ready};
use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::time::{Instant, Sleep};

/// Wraps each accepted stream in a [`Watched`] one.
#[derive(Clone, Copy)]
pub struct Watchdog {
    /// How long a read may wait for the client before the connection is dropped.
    pub timeout: Duration,
}

impl<I, S> axum_server::accept::Accept<I, S> for Watchdog {
    type Stream = Watched<I>;
    type Service = S;
    type Future = Ready<io::Result<(Watched<I>, S)>>;

    fn accept(&self, stream: I, service: S) -> Self::Future {
        ready(Ok((
            Watched {
                inner: stream,
                timeout: self.timeout,
                waiting_since: None,
                alarm: Box::pin(tokio::time::sleep(self.timeout)),
            },
            service,
        )))
    }
}

/// A stream whose reads fail once the client has sent nothing for `timeout` while we
/// waited for it (a stalled request head, or an idle keep-alive connection). Time spent
/// answering is not counted: only reads that wait.
pub struct Watched<I> {
    inner: I,
    timeout: Duration,
    /// When the current run of waiting reads began.
    waiting_since: Option<Instant>,
    /// Fires at the earliest moment the wait could have lasted `timeout`.
    alarm: Pin<Box<Sleep>>,
}

impl<I: AsyncRead + Unpin> AsyncRead for Watched<I> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = &mut *self;
        let read = Pin::new(&mut this.inner).poll_read(cx, buf);
        if read.is_ready() {
            this.waiting_since = None;
            return read;
        }
        let since = *this.waiting_since.get_or_insert_with(Instant::now);
        // Polling the armed alarm only refreshes its waker; it is re-armed (a timer
        // registration) only after it fired, at most once per `timeout`.
        while this.alarm.as_mut().poll(cx).is_ready() {
            let deadline = since + this.timeout;
            if deadline <= Instant::now() {
                return Poll::Ready(Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "the client sent nothing in time",
                )));
            }
            this.alarm.as_mut().reset(deadline);
        }
        Poll::Pending
    }
}

impl<I: AsyncWrite + Unpin> AsyncWrite for Watched<I> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
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
