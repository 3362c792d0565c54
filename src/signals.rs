//! Ctrl-C and SIGTERM as a normal end for the long-running commands (`listen`, `sandbox`):
//! registered before the ready line, so a signal right after it cannot kill the process
//! before requests in flight are finished and files flushed.

use tokio::signal::unix::{Signal, SignalKind, signal};

use crate::error::{Error, Result};

pub struct StopSignals {
    interrupt: Signal,
    terminate: Signal,
}

impl StopSignals {
    pub fn new() -> Result<StopSignals> {
        let register =
            |kind| signal(kind).map_err(|e| Error::failure(format!("cannot handle signals: {e}")));
        Ok(StopSignals {
            interrupt: register(SignalKind::interrupt())?,
            terminate: register(SignalKind::terminate())?,
        })
    }

    /// Resolves at the first Ctrl-C or SIGTERM.
    pub async fn recv(&mut self) {
        tokio::select! {
            _ = self.interrupt.recv() => {}
            _ = self.terminate.recv() => {}
        }
    }
}

/// Ctrl-C (SIGINT) alone, for commands that end it with a summary and exit 130. Once this
/// exists Ctrl-C no longer kills the process: the command must watch it wherever it waits.
pub fn interrupts() -> Result<Signal> {
    signal(SignalKind::interrupt())
        .map_err(|e| Error::failure(format!("cannot handle Ctrl-C: {e}")))
}
