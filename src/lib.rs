//! `hooks`: register, trigger, receive and replay partner webhook notifications.
//! `main.rs` only calls [`run`], so tests can drive the whole program in-process too.

use std::ffi::OsString;
use std::process::ExitCode;

pub mod callback_api;
pub mod callbacks;
pub mod cli;
pub mod client;
pub mod completions;
pub mod config;
pub mod echo;
pub mod error;
pub mod fixtures;
pub mod listen;
pub mod man;
pub mod output;
pub mod payload;
pub mod providers;
pub mod replay;
pub mod sandbox;
pub mod signals;
pub mod signature;
pub mod timefmt;
pub mod verify;
pub mod version;

use cli::{Cli, Command};
use error::{Error, Result};
use output::Output;

/// Parses `args` (program name first), runs the command, and maps the outcome to an exit
/// code: 0 success, 1 a server/delivery failure or timeout, 2 a usage or validation error,
/// 130 interrupted.
pub fn run<I, T>(args: I) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_args(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            // --help and --version are not errors; everything else clap rejects is a usage error.
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let out = Output::from_args(&cli.global);
    let runtime = match runtime_for(&cli.command) {
        Ok(runtime) => runtime,
        Err(e) => {
            out.error(format!("cannot start the async runtime: {e}"));
            return ExitCode::from(1);
        }
    };
    let outcome = runtime.block_on(dispatch(cli, out));
    // A blocked stdin reader must not keep the process alive after the command is done.
    runtime.shutdown_background();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Error::Interrupted) => Error::Interrupted.exit_code(),
        Err(e) => {
            out.error(e.to_string());
            e.exit_code()
        }
    }
}

/// `hooks listen` leaves one core to whatever sends it notifications, which is nearly always
/// on the same machine (the app under test, `hooks replay`, a load tool): it answers on a
/// worker per core but one. On two cores, where it shares both with the sender, one worker
/// answered 10-15% more notifications a second than two (bench/listen.sh, same build, same
/// run), though its rounds vary more: a listener thread that shares a core with the
/// sender's busiest gets half of it for that round. The other commands, senders themselves
/// or idle, get a worker per core.
fn runtime_for(command: &Command) -> std::io::Result<tokio::runtime::Runtime> {
    match command {
        Command::Listen(_) => {
            let cores = std::thread::available_parallelism().map_or(1, usize::from);
            tokio::runtime::Builder::new_multi_thread()
                .worker_threads(cores.saturating_sub(1).max(1))
                .enable_all()
                .build()
        }
        _ => tokio::runtime::Runtime::new(),
    }
}

async fn dispatch(cli: Cli, out: Output) -> Result<()> {
    let global = cli.global;
    // Every command reads the same definitions; a broken one stops everything.
    let dirs = providers::folder::user_dirs(global.providers.as_deref());
    if !dirs.is_empty() {
        let (registry, _) = providers::folder::registry_with(&dirs).map_err(Error::usage)?;
        registry.install();
    }
    match cli.command {
        Command::Callbacks(command) => callbacks::run(command, &global, out).await,
        Command::Echo(args) => echo::run(args, &global, out).await,
        Command::Listen(args) => listen::run(args, out).await,
        Command::Replay(args) => replay::run(args, out).await,
        Command::Fixtures(command) => fixtures::run(command, out),
        Command::Providers(command) => providers::command::run(command, out),
        Command::Sandbox(args) => sandbox::run(args, &global, out).await,
        Command::Verify(args) => verify::run(args, out).await,
        Command::Signature(command) => signature::command::run(command, out),
        Command::Completions { shell } => completions::run(shell, &global),
        Command::Man { command, out: dir } => man::run(&command, dir.as_deref(), &global),
        Command::Version => {
            version::run(out);
            Ok(())
        }
    }
}
