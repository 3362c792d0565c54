//! `hooks sandbox`: a local emulator of the partner Callback API that really delivers echo
//! notifications, so `callbacks put` → `echo` → `listen` works with no account and no
//! public endpoint. Stdout is the delivery log; everything else goes to stderr.

mod api;
mod delivery;
mod store;

use std::sync::Arc;

use crate::cli::{GlobalArgs, SandboxArgs};
use crate::error::{Error, Result};
use crate::listen::watchdog::{Limits, serve};
use crate::output::{Output, mask};
use crate::signals::StopSignals;

use delivery::parse_schedule;

/// How long requests in flight may take to finish once the sandbox is stopped.
const SHUTDOWN_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

pub async fn run(args: SandboxArgs, global: &GlobalArgs, out: Output) -> Result<()> {
    let schedule = parse_schedule(&args.retry_schedule)?;
    let store = store::Store::open(args.state.clone())?;
    let token = global.token.clone().filter(|t| !t.is_empty());
    let listener = std::net::TcpListener::bind((args.host.as_str(), args.port)).map_err(|e| {
        Error::usage(format!(
            "cannot listen on {}:{}: {e}; pick another --host/--port (--port 0 picks a free one)",
            args.host, args.port
        ))
    })?;
    let address = listener
        .local_addr()
        .map_err(|e| Error::failure(format!("cannot read the bound address: {e}")))?;
    let base = format!("http://{address}");

    match store.path() {
        Some(path) => out.note(format!(
            "state: {} ({} registrations)",
            path.display(),
            store.len()
        )),
        None => out.note("state: in memory (pass --state FILE to keep registrations)"),
    }
    match &token {
        Some(token) => out.note(format!("token: only Bearer {} is accepted", mask(token))),
        None => out.note("token: any non-empty bearer token is accepted"),
    }
    let delays: Vec<String> = schedule
        .iter()
        .copied()
        .map(crate::timefmt::format_duration)
        .collect();
    out.note(format!(
        "deliveries: {} attempts (retry after {})",
        schedule.len() + 1,
        if delays.is_empty() {
            "never".to_string()
        } else {
            delays.join(", ")
        }
    ));
    out.note(format!(
        "any GUID is a partner id, e.g. export HOOKS_PARTNER={}",
        uuid::Uuid::new_v4()
    ));

    let deliverer = Arc::new(delivery::Deliverer::new(schedule, out));
    let sandbox = Arc::new(api::Sandbox {
        store,
        token,
        deliverer: deliverer.clone(),
        out,
    });
    // A supervisor or a test stopping the sandbox is a normal end (exit 0).
    let mut signals = StopSignals::new()?;
    let handle = axum_server::Handle::new();
    let limits = Limits::from(&args.limits).fitted();
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
    match deliverer.unfinished() {
        0 => out.note("sandbox stopped"),
        n => out.note(format!(
            "sandbox stopped; dropped {n} unfinished deliveries"
        )),
    }
    Ok(())
}
