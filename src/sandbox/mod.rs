//! `hooks sandbox`: a local emulator of the partner Callback API that really delivers echo
//! notifications, so `callbacks put` → `echo` → `listen` works with no account and no
//! public endpoint. Stdout is the delivery log; everything else goes to stderr. The sandbox
//! stops on Ctrl-C, SIGTERM, or once stdout is closed (`hooks sandbox | head -1`).

mod api;
mod delivery;
mod store;

use std::sync::Arc;

use crate::cli::{GlobalArgs, SandboxArgs};
use crate::error::{Error, Result};
use crate::listen::watchdog::{Limits, PICK_ANOTHER_PORT, bind, serve};
use crate::output::{Output, counted, mask};
use crate::signals::StopSignals;
use crate::signature::Key;

use delivery::{Deliverer, parse_schedule};

/// What stops the sandbox: Ctrl-C, SIGTERM, or a delivery log nobody reads any more.
struct Stops {
    signals: StopSignals,
    deliverer: Arc<Deliverer>,
    out: Output,
}

impl Stops {
    async fn recv(&mut self) {
        tokio::select! {
            () = self.signals.recv() => {}
            () = self.deliverer.stdout_closed() => {
                self.out.note("stdout is closed: nobody reads the delivery log, stopping");
            }
        }
    }
}

/// How long requests in flight may take to finish once the sandbox is stopped.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

pub async fn run(args: SandboxArgs, global: &GlobalArgs, out: Output) -> Result<()> {
    let schedule = parse_schedule(&args.retry_schedule)?;
    let signing = args
        .sign
        .as_deref()
        .map(|text| Key::parse(text).map_err(|e| Error::usage(format!("--sign: {e}"))))
        .transpose()?;
    let store = store::Store::open(args.state.clone())?;
    let token = global.token.clone().filter(|t| !t.is_empty());
    let (listener, address) = bind(&args.host, args.port, "listen", PICK_ANOTHER_PORT)?;
    let base = format!("http://{address}");

    for repair in &store.repairs {
        out.note(repair);
    }
    match store.path() {
        Some(path) => out.note(format!(
            "state: {} ({})",
            path.display(),
            counted(store.len(), "registration", "registrations")
        )),
        None => out.note("state: in memory (pass --state FILE to keep registrations)"),
    }
    match &token {
        Some(token) => out.note(format!("token: only Bearer {} is accepted", mask(token))),
        None => out.note("token: any non-empty bearer token is accepted"),
    }
    out.note(describe_schedule(&schedule));
    if let Some(key) = &signing {
        out.note(format!(
            "deliveries are signed ({}), each attempt anew",
            key.scheme()
        ));
    }
    let max_in_flight = args.max_in_flight as usize;
    out.note(format!(
        "deliveries: at most {} at once (--max-in-flight), the others wait in a queue",
        counted(max_in_flight, "delivery attempt", "delivery attempts")
    ));
    out.note(format!(
        "any GUID is a partner id, e.g. export HOOKS_PARTNER={}",
        uuid::Uuid::new_v4()
    ));

    let deliverer = Arc::new(Deliverer::new(schedule, max_in_flight, signing, out));
    let limits = Limits::from(&args.limits).fitted();
    let sandbox = Arc::new(api::Sandbox {
        store,
        token,
        deliverer: deliverer.clone(),
        out,
        // A registration or an echo is a few hundred bytes: as long as its head may take.
        body_timeout: limits.header_timeout,
    });
    // A supervisor or a test stopping the sandbox is a normal end (exit 0).
    let mut signals = Stops {
        signals: StopSignals::new()?,
        deliverer: deliverer.clone(),
        out,
    };
    let handle = axum_server::Handle::new();
    let mut server = serve(listener, api::router(sandbox), limits, None, handle.clone())
        .map_err(|e| Error::failure(format!("cannot serve on {address}: {e}")))?;
    // The ready lines come last: once they are out, requests are served.
    out.note(format!("listening on {base}"));
    out.note(format!("export HOOKS_BASE_URL={base}"));
    let served = tokio::select! {
        served = &mut server => served,
        () = signals.recv() => {
            handle.graceful_shutdown(Some(SHUTDOWN_GRACE));
            server.await
        }
    };
    served
        .map_err(|e| Error::failure(format!("the sandbox stopped: {e}")))?
        .map_err(|e| Error::failure(format!("the sandbox stopped: {e}")))?;
    // Registrations need no saving here: every change was written when it was made.
    match deliverer.stop().await {
        0 => out.note("sandbox stopped"),
        n => out.note(format!(
            "sandbox stopped; gave up {} not done (waiting for a retry or a free slot)",
            counted(n, "delivery", "deliveries")
        )),
    }
    Ok(())
}

/// The start-up line about attempts: "4 attempts (retry after 1s, 5s, 30s)".
fn describe_schedule(schedule: &[std::time::Duration]) -> String {
    if schedule.is_empty() {
        return "deliveries: 1 attempt, no retries".to_string();
    }
    let delays: Vec<String> = schedule
        .iter()
        .copied()
        .map(crate::timefmt::format_duration)
        .collect();
    format!(
        "deliveries: {} attempts (retry after {})",
        schedule.len() + 1,
        delays.join(", ")
    )
}
