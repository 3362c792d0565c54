//! The command line, as clap sees it. Every subcommand's options live here so that
//! `hooks --help`, the completions and the README describe one and the same surface.

use std::path::PathBuf;

use clap::{ArgMatches, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "hooks",
    version,
    about = "Register, trigger, receive and replay partner webhook notifications",
    long_about = "Register, trigger, receive and replay partner webhook notifications.\n\n\
        Exit codes: 0 success; 1 a server or delivery failure, or a timeout; 2 a usage or validation error; \
        130 interrupted (Ctrl-C).",
    propagate_version = true
)]
pub struct Cli {
    #[command(flatten)]
    pub global: GlobalArgs,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// Parses `args` (program name first). A variable that is set but empty counts as unset,
    /// as NO_COLOR's convention has it (`HOOKS_TOKEN= hooks …` clears it for one command);
    /// an empty secret given as a flag is refused by [`non_empty_secret`].
    pub fn try_parse_args<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let mut command = without_empty_variables(Cli::command());
        let matches: ArgMatches = command.try_get_matches_from_mut(args)?;
        Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command))
    }
}

/// `command` with every argument whose environment variable is set to "" read as if the
/// variable were not set, in every subcommand.
fn without_empty_variables(mut command: clap::Command) -> clap::Command {
    let empty: Vec<clap::Id> = command
        .get_arguments()
        .filter(|arg| {
            arg.get_env()
                .and_then(std::env::var_os)
                .is_some_and(|value| value.is_empty())
        })
        .map(|arg| arg.get_id().clone())
        .collect();
    for id in empty {
        command = command.mut_arg(id, |arg| arg.env(None::<&'static str>));
    }
    let names: Vec<String> = command
        .get_subcommands()
        .map(|sub| sub.get_name().to_string())
        .collect();
    for name in names {
        command = command.mut_subcommand(name, without_empty_variables);
    }
    command
}

/// A secret given as a flag must hold something: `--token "$TOKEN"` with TOKEN unset would
/// otherwise send no credential, or check none.
fn non_empty_secret(value: &str) -> Result<String, String> {
    if value.trim().is_empty() {
        Err(
            "it is empty (an unset shell variable?); give the value, or leave the option out"
                .into(),
        )
    } else {
        Ok(value.to_string())
    }
}

/// The heading every `--help` lists the global options under, after the command's own.
const GLOBAL_OPTIONS: &str = "Global options";

#[derive(Debug, Args)]
#[command(next_help_heading = GLOBAL_OPTIONS)]
pub struct GlobalArgs {
    /// Base URL of the Callback API, e.g. https://api.partner.example
    // Help never shows a variable's value: this one may carry a password.
    #[arg(
        long,
        global = true,
        env = "HOOKS_BASE_URL",
        value_name = "URL",
        hide_env_values = true
    )]
    pub base_url: Option<String>,

    /// Your partnerUniqueID (a GUID)
    #[arg(
        long,
        global = true,
        env = "HOOKS_PARTNER",
        value_name = "ID",
        hide_env_values = true
    )]
    pub partner: Option<String>,

    /// API token, sent as `Authorization: Bearer <token>`
    #[arg(
        long,
        global = true,
        env = "HOOKS_TOKEN",
        value_name = "TOKEN",
        hide_env_values = true,
        value_parser = non_empty_secret
    )]
    pub token: Option<String>,

    /// Named profile from the config file (base_url, partner, token); flags and variables win
    #[arg(
        long,
        global = true,
        env = "HOOKS_PROFILE",
        value_name = "NAME",
        hide_env_values = true
    )]
    pub profile: Option<String>,

    /// Machine output on stdout: one JSON document, or one object per line for streams
    #[arg(long, global = true)]
    pub json: bool,

    /// When to colour output (auto: on a terminal, unless NO_COLOR is set)
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,

    /// Trace requests and responses on stderr (secrets masked)
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// Also read provider definitions from DIR (a definition folder, or folders of them)
    #[arg(
        long,
        global = true,
        env = "HOOKS_PROVIDERS",
        value_name = "DIR",
        hide_env_values = true
    )]
    pub providers: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Manage callback registrations on the Callback API
    #[command(subcommand)]
    Callbacks(CallbacksCommand),
    /// Ask the Callback API to fire a test notification at your registered callback
    Echo(EchoArgs),
    /// Run a local server that recognises and prints every notification
    #[command(
        long_about = "Run a local server that recognises and prints every notification.\n\n\
        It runs until Ctrl-C or SIGTERM (requests in flight finish, exit 0; a second Ctrl-C \
        stops at once, exit 130), until --count valid notifications were answered (exit 0), \
        until --timeout SECS passed (exit 0; exit 1 if --count was not reached), or until \
        stdout is closed, e.g. `| head -1` exited (exit 0; exit 1 if --count was not reached).\n\n\
        Bounds: a connection must send each request head within --header-timeout of opening or \
        of its last answer; at most --max-connections are served at once (the rest wait); a \
        body over --max-body is answered 413; redeliveries are found among the last \
        --dedupe-window eventIds; at most 8 MiB of output waits for a stdout nobody reads, \
        past that lines are dropped and counted on stderr.\n\n\
        With --ui it also serves a web inspector (a live list, details, replay, and a JSON API) on its own \
        port, printing `inspector on URL` on stderr; it keeps the last --ui-keep notifications, \
        masked as on the terminal, and answers only its own page."
    )]
    Listen(ListenArgs),
    /// Send fixtures, JSON files or `listen --record` recordings at a URL
    #[command(
        long_about = "Send fixtures, JSON files or `listen --record` recordings at a URL.\n\n\
        SOURCE is a fixture name (`hooks fixtures list`), a provider name (all its fixtures), a \
        JSON file, a directory (its .json/.jsonl files), or a JSONL recording. Every request is a \
        POST to --to with Content-Type: application/json. With no SOURCE on a terminal, pick \
        fixtures from a list. A recording line is sent with its own \
        method and headers (less Host, Content-Length and hop-by-hop ones) to --to, ignoring its \
        recorded path. Bodies go out byte for byte unless a flag changes them: --set, \
        --fresh-ids, --api-key in a body field and carried ids re-serialize the JSON \
        body (a recording included).\n\n\
        --retries re-sends the same body (so the same idempotency key). --rounds N models a \
        provider's rounds where its definition carries unconfirmed ids (delivery.carry_unconfirmed): \
        the ids of a batch not confirmed are put in front of \
        that source's next batch; other sources are simply sent again each round.\n\n\
        `user:password@` in --to is sent as `Authorization: Basic` (as curl does) unless \
        --api-key or -H sets Authorization.\n\n\
        Ctrl-C stops starting deliveries, waits for those in flight (a second Ctrl-C stops \
        at once) and prints the summary of what was sent. A closed stdout (`| head -1`) stops \
        the run the same way.\n\n\
        Exit codes: 0 every delivery made ended 2xx; 1 some did not (the summary names them); \
        2 usage (nothing sent); 130 interrupted by Ctrl-C (after the summary)."
    )]
    Replay(ReplayArgs),
    /// Browse the built-in notification fixtures
    #[command(subcommand)]
    Fixtures(FixturesCommand),
    /// List, show, check and import provider definitions (built-in and your own)
    #[command(subcommand)]
    Providers(ProvidersCommand),
    /// Run a local emulator of the Callback API that really delivers notifications
    ///
    /// Any non-empty bearer token is accepted, or exactly --token / HOOKS_TOKEN when set.
    ///
    /// Stdout is the delivery log. The sandbox stops (exit 0) on Ctrl-C, SIGTERM, or when a
    /// delivery line finds stdout closed: attempts under way finish, retries are given up.
    Sandbox(SandboxArgs),
    /// Grade a webhook receiver by its provider's rules (a table, --json or --junit for CI)
    #[command(long_about = "Grade a webhook receiver by its provider's rules.\n\n\
        Each check sends notifications made from the provider's definition (its fixtures with \
        fresh ids, its credential where the definition puts it) and grades the answers: a \
        notification must be confirmed (2xx, or the exact status the definition names), a redelivery too, a wrong or \
        missing credential refused (4xx), malformed or empty bodies refused without crashing, \
        and so on; `--list-checks` lists them with the rule each enforces. A 3xx answer fails \
        the check it occurs in: providers do not follow redirects.\n\n\
        Checks are `required` (a rule the provider's document states, or a security property) \
        or `recommended` (common practice the documents do not state).\n\n\
        Exit codes: 0 every required check passed; 1 a required check failed, or the receiver \
        cannot be reached; 2 usage (nothing sent).")]
    Verify(VerifyArgs),
    /// Sign a body as a webhook sender does, or check a received body's signature
    #[command(subcommand)]
    Signature(SignatureCommand),
    /// Print a shell completion script
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page of hooks or of one of its commands (roff, for man)
    ///
    /// `hooks man` prints hooks(1), `hooks man callbacks put` prints hooks-callbacks-put(1);
    /// `hooks man --out DIR` writes every page into DIR, e.g. ~/.local/share/man/man1.
    Man {
        /// The command whose page to print, e.g. `listen` or `callbacks put`
        #[arg(value_name = "COMMAND")]
        command: Vec<String>,
        /// Write every page into DIR instead (created if missing)
        #[arg(long, value_name = "DIR", conflicts_with = "command")]
        out: Option<PathBuf>,
    },
    /// Print the version, commit, build date, target and features (for bug reports)
    Version,
}

/// The longest `--timeout`: a year. Longer values would overflow the clock's arithmetic.
const MAX_TIMEOUT_SECS: u64 = 365 * 24 * 3600;

/// Options shared by every command that calls the Callback API.
#[derive(Debug, Args, Clone)]
pub struct HttpArgs {
    /// Seconds to wait for a connection and for a whole response
    #[arg(long, default_value_t = 30, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    pub timeout: u64,
}

#[derive(Debug, Subcommand)]
pub enum CallbacksCommand {
    /// Create or update the callback URL for a notification type
    #[command(
        long_about = "Create or update the callback URL for a notification type.\n\n\
        Sends PUT {base}/{partner}/callbacks/{TYPE}. The provider does not document the body's \
        field names, so the default body is {\"url\": \"<URL>\"}; add or override fields with \
        --set key=value, or send a whole JSON object of your own with --body."
    )]
    Put(PutArgs),
    /// List the registered callbacks
    List(ListArgs),
    /// Delete the callback for a notification type
    Delete(DeleteArgs),
}

#[derive(Debug, Args)]
pub struct PutArgs {
    /// Notification type, e.g. 5
    #[arg(value_name = "TYPE")]
    pub notification_type: u32,
    /// Your public HTTPS endpoint
    #[arg(long, required_unless_present = "body", conflicts_with = "body")]
    pub url: Option<String>,
    /// Add or override a body field (value parsed as JSON where it parses, else a string)
    #[arg(long = "set", value_name = "KEY=VALUE")]
    pub set: Vec<String>,
    /// Send this JSON object as the body instead (a file, or - for stdin)
    #[arg(long, value_name = "FILE")]
    pub body: Option<PathBuf>,
    #[command(flatten)]
    pub http: HttpArgs,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Skip this many entries
    #[arg(long)]
    pub offset: Option<u64>,
    /// Return at most this many entries
    #[arg(long)]
    pub limit: Option<u64>,
    #[command(flatten)]
    pub http: HttpArgs,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// Notification type, e.g. 5
    #[arg(value_name = "TYPE")]
    pub notification_type: u32,
    /// Do not ask for confirmation (required when stdin is not a terminal)
    #[arg(long, short)]
    pub yes: bool,
    #[command(flatten)]
    pub http: HttpArgs,
}

/// The body must hold exactly one of processUniqueId / simulationUniqueId; `hooks` checks
/// that itself, before anything is sent, so the message can name both fields.
#[derive(Debug, Args)]
pub struct EchoArgs {
    /// Notification type to simulate: 5, 6 or 7
    #[arg(value_name = "TYPE")]
    pub notification_type: u32,
    /// Send {"processUniqueId": ID}
    #[arg(long, value_name = "ID")]
    pub process_id: Option<String>,
    /// Send {"simulationUniqueId": ID}
    #[arg(long, value_name = "ID")]
    pub simulation_id: Option<String>,
    /// Send this JSON document as the raw body (a file, or - for stdin)
    #[arg(long, value_name = "FILE")]
    pub body: Option<PathBuf>,
    /// Listen on ADDR (a port, host:port, or the http:// callback URL) and wait for the echoed
    /// notification; the registered callback must lead there (checked first). Exit 1 if it has
    /// not arrived within --timeout; Ctrl-C prints what arrived and exits 130
    #[arg(long, value_name = "ADDR")]
    pub wait_on: Option<String>,
    #[command(flatten)]
    pub http: HttpArgs,
}

#[derive(Debug, Args, Clone)]
pub struct ListenArgs {
    /// Address to bind
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to bind (0 picks a free one)
    #[arg(long, default_value_t = 8080)]
    pub port: u16,
    /// Exit 0 once this many valid notifications have been answered
    #[arg(long, value_name = "N")]
    pub count: Option<u64>,
    /// Stop after SECS (exit 0); with --count, exit 1 if the count is not reached by then
    #[arg(long, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    pub timeout: Option<u64>,
    /// Check the credential where each provider's definition puts it (a body field, an `Authorization` scheme) against KEY
    #[arg(
        long,
        env = "HOOKS_API_KEY",
        value_name = "KEY",
        hide_env_values = true,
        value_parser = non_empty_secret
    )]
    pub api_key: Option<String>,
    /// Check each request's signature (schemes: standard, stripe, github, shopify); repeat it
    /// for several secrets (a rotation). A request that fails is answered 401
    #[arg(long, value_name = "SCHEME:SECRET", value_parser = non_empty_secret)]
    pub verify: Vec<String>,
    /// Seconds a signed timestamp may be from now, either way, with --verify
    #[arg(long, default_value_t = crate::signature::DEFAULT_TOLERANCE_SECS, value_name = "SECS")]
    pub tolerance: u64,
    /// HTTP status to answer notifications with
    #[arg(long, default_value_t = 200, value_name = "CODE", value_parser = clap::value_parser!(u16).range(100..=599))]
    pub status: u16,
    /// Wait this many milliseconds before answering
    #[arg(long, default_value_t = 0, value_name = "MS")]
    pub delay: u64,
    /// Answer 503 to the first N notifications
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub fail_first: u64,
    /// Append every valid notification to FILE as one JSON line (replayable)
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// Forward every valid notification to this URL and answer with its status
    #[arg(long, value_name = "URL")]
    pub forward_to: Option<String>,
    /// Largest body accepted, in bytes
    #[arg(long, default_value_t = 1024 * 1024, value_name = "BYTES")]
    pub max_body: usize,
    /// Serve HTTPS (a self-signed certificate unless --cert/--key are given)
    #[arg(long)]
    pub tls: bool,
    /// PEM certificate chain for --tls
    #[arg(long, requires = "tls", requires = "key", value_name = "FILE")]
    pub cert: Option<PathBuf>,
    /// PEM private key for --tls
    #[arg(long, requires = "tls", requires = "cert", value_name = "FILE")]
    pub key: Option<PathBuf>,
    /// Mark an idempotency key (e.g. an eventId) as a redelivery while it is among the last N seen
    #[arg(long, default_value_t = 100_000, value_name = "N", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000_000))]
    pub dedupe_window: usize,
    #[command(flatten)]
    pub limits: ServerLimitArgs,
    #[command(flatten)]
    pub ui: UiArgs,
}

/// `hooks listen --ui`: the web inspector, on a port of its own.
#[derive(Debug, Args, Clone)]
pub struct UiArgs {
    /// Serve a live web inspector of the notifications (list, details, replay) on its own port
    #[arg(long)]
    pub ui: bool,
    /// The inspector's port [default: --port + 1; 0 picks a free one]
    #[arg(long, value_name = "PORT", requires = "ui")]
    pub ui_port: Option<u16>,
    /// Address the inspector binds; anything but a loopback address lets other machines read and replay notifications
    #[arg(
        long,
        default_value = "127.0.0.1",
        value_name = "HOST",
        requires = "ui"
    )]
    pub ui_host: String,
    /// How many of the latest notifications the inspector keeps
    #[arg(long, default_value_t = 1000, value_name = "N", requires = "ui", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=100_000))]
    pub ui_keep: usize,
}

/// What a client may hold of a server (`listen`, `sandbox`).
#[derive(Debug, Args, Clone)]
pub struct ServerLimitArgs {
    /// Drop a connection that has not sent a whole request head within SECS of opening or of its last answer
    #[arg(long, default_value_t = 10.0, value_name = "SECS", value_parser = parse_positive_secs)]
    pub header_timeout: f64,
    /// Serve at most N connections at once (others wait); lowered to fit the file-handle limit
    #[arg(long, default_value_t = 4096, value_name = "N", value_parser = clap::builder::RangedU64ValueParser::<usize>::new().range(1..=1_000_000))]
    pub max_connections: usize,
}

fn parse_positive_secs(text: &str) -> std::result::Result<f64, String> {
    match text.parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs <= MAX_TIMEOUT_SECS as f64 => Ok(secs),
        _ => Err(format!(
            "give a number of seconds above 0, at most {MAX_TIMEOUT_SECS}"
        )),
    }
}

#[derive(Debug, Args)]
pub struct ReplayArgs {
    /// Fixture names, JSON files, directories of JSON files, or `listen --record` files
    #[arg(value_name = "SOURCE")]
    pub sources: Vec<String>,
    /// URL to deliver to
    #[arg(long, value_name = "URL")]
    pub to: String,
    /// Put KEY where each provider's definition puts its credential (a body field, or `Authorization: <scheme> KEY`)
    #[arg(
        long,
        env = "HOOKS_API_KEY",
        value_name = "KEY",
        hide_env_values = true,
        value_parser = non_empty_secret
    )]
    pub api_key: Option<String>,
    /// Extra header, e.g. -H 'X-Trace: 1'
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
    pub headers: Vec<String>,
    /// Sign every delivery (schemes: standard, stripe, github, shopify); each attempt gets a
    /// fresh timestamp and signature, a delivery keeps its webhook-id
    #[arg(long, value_name = "SCHEME:SECRET", value_parser = non_empty_secret)]
    pub sign: Option<String>,
    /// The secret for providers whose definition names a signing scheme (instead of the
    /// variable the definition names)
    #[arg(long, value_name = "SECRET", value_parser = non_empty_secret, conflicts_with = "sign")]
    pub signing_secret: Option<String>,
    /// Override a JSON field, e.g. --set data.merchant_name=Shop (value parsed as JSON where it parses)
    #[arg(long = "set", value_name = "PATH=VALUE")]
    pub set: Vec<String>,
    /// Give every delivery new identifiers and occurredAt = now
    #[arg(long)]
    pub fresh_ids: bool,
    /// Deliver each source N times
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub repeat: u64,
    /// Deliveries in flight at once
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=10_000))]
    pub concurrency: u64,
    /// Start at most this many deliveries per second
    #[arg(long, value_name = "PER_SEC")]
    pub rate: Option<f64>,
    /// Re-send a failed delivery up to N times, with exponential backoff and the same body
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub retries: u32,
    /// Send N rounds; a provider whose definition carries unconfirmed ids carries them into the next
    #[arg(long, default_value_t = 1, value_name = "N", value_parser = clap::value_parser!(u64).range(1..))]
    pub rounds: u64,
    /// Pause between rounds, e.g. 500ms, 10s, 10m
    #[arg(long, default_value = "10m", value_name = "DUR")]
    pub interval: String,
    /// Seconds to wait for each response
    #[arg(long, default_value_t = 30, value_name = "SECS", value_parser = clap::value_parser!(u64).range(1..=MAX_TIMEOUT_SECS))]
    pub timeout: u64,
    /// Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`
    #[arg(long, short = 'k')]
    pub insecure: bool,
    /// Largest source file read, in bytes (for a .jsonl recording: its longest line)
    #[arg(long, default_value_t = 1024 * 1024, value_name = "BYTES")]
    pub max_body: usize,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The receiver's URL, e.g. http://127.0.0.1:3000/webhooks
    #[arg(value_name = "URL", required_unless_present = "list_checks")]
    pub url: Option<String>,
    /// The provider whose rules to grade by (`hooks providers list`)
    #[arg(long, value_name = "NAME", required_unless_present = "list_checks")]
    pub provider: Option<String>,
    /// The credential the receiver expects, put where the provider's definition puts it;
    /// without it the credential checks are skipped
    #[arg(
        long,
        env = "HOOKS_API_KEY",
        value_name = "KEY",
        hide_env_values = true,
        value_parser = non_empty_secret
    )]
    pub api_key: Option<String>,
    /// How long each answer may take, e.g. 500ms, 10s
    #[arg(long, default_value = "10s", value_name = "DUR")]
    pub deadline: String,
    /// Run only these checks (ids from --list-checks; `accepts` selects every accepts-<kind>)
    #[arg(long, value_name = "CHECK,...", value_delimiter = ',')]
    pub only: Vec<String>,
    /// Leave these checks out
    #[arg(long, value_name = "CHECK,...", value_delimiter = ',')]
    pub skip: Vec<String>,
    /// Deliveries sent at once by the burst check
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = clap::value_parser!(u64).range(1..=1000))]
    pub burst: u64,
    /// Sign every notification (schemes: standard, stripe, github, shopify) and add the
    /// signature checks
    #[arg(long, value_name = "SCHEME:SECRET", value_parser = non_empty_secret)]
    pub sign: Option<String>,
    /// The secret for a provider whose definition names a signing scheme (instead of the
    /// variable the definition names)
    #[arg(long, value_name = "SECRET", value_parser = non_empty_secret, conflicts_with = "sign")]
    pub signing_secret: Option<String>,
    /// Also write the results as JUnit XML to FILE, for CI
    #[arg(long, value_name = "FILE")]
    pub junit: Option<PathBuf>,
    /// Also write every request sent to FILE, in the `hooks listen --record` format
    #[arg(long, value_name = "FILE")]
    pub record: Option<PathBuf>,
    /// Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`
    #[arg(long, short = 'k')]
    pub insecure: bool,
    /// Extra header on every request, e.g. -H 'X-Tunnel-Auth: x'
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
    pub headers: Vec<String>,
    /// List the checks (for --provider, as they would run) instead of running them
    #[arg(long)]
    pub list_checks: bool,
}

#[derive(Debug, Subcommand)]
pub enum FixturesCommand {
    /// List the fixtures (name, provider, kind, description)
    List,
    /// Print one fixture's JSON
    Show {
        /// `provider/fixture`, as `hooks fixtures list` names it
        name: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ProvidersCommand {
    /// List the providers (name, priority, kinds, where defined)
    List,
    /// Print one provider's definition
    Show {
        /// The provider's name, as `hooks providers list` shows it
        name: String,
    },
    /// Check the definitions in DIR: schemas compile, fixtures pass their kind's schema and
    /// are recognised as their own provider and kind
    Check {
        /// A definition folder, or a folder of them
        dir: PathBuf,
    },
    /// Write a provider folder from an OpenAPI document's webhooks and callbacks
    ///
    /// Reads SPEC (YAML or JSON, OpenAPI 3.0 or 3.1) and writes DIR/NAME/: provider.toml, a
    /// schema per notification kind with every local $ref copied in, and a fixture per kind
    /// (the operation's example, or one built from the schema). What cannot be mapped is
    /// listed on stderr. Exit 2 when SPEC cannot be read or is not an OpenAPI document.
    Import(ImportArgs),
}

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Address to bind
    #[arg(long, default_value = "127.0.0.1")]
    pub host: String,
    /// Port to bind (0 picks a free one)
    #[arg(long, default_value_t = 4010)]
    pub port: u16,
    /// Keep registrations in this JSON file across restarts
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Delays between delivery attempts, e.g. 1s,5s,30s ("" for a single attempt)
    #[arg(long, default_value = "1s,5s,30s", value_name = "LIST")]
    pub retry_schedule: String,
    /// Sign every delivery (schemes: standard, stripe, github, shopify); each attempt gets a
    /// fresh timestamp and signature, a delivery keeps its webhook-id
    #[arg(long, value_name = "SCHEME:SECRET", value_parser = non_empty_secret)]
    pub sign: Option<String>,
    #[command(flatten)]
    pub limits: ServerLimitArgs,
    /// Delivery attempts under way at once; further deliveries wait in a queue
    #[arg(long, default_value_t = 64, value_name = "N", value_parser = clap::value_parser!(u32).range(1..=4096))]
    pub max_in_flight: u32,
}

#[derive(Debug, Subcommand)]
pub enum SignatureCommand {
    /// Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)
    ///
    /// --json prints them as one object instead. The secret is never printed.
    Sign(SignArgs),
    /// Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason
    ///
    /// The reason is missing-header, malformed-header, stale-timestamp or signature-mismatch
    /// (on stderr, and in the --json object). Exit 2 for a usage error.
    Verify(SignatureVerifyArgs),
}

#[derive(Debug, Args)]
pub struct SignArgs {
    /// The signature scheme
    #[arg(long, value_enum)]
    pub scheme: crate::signature::Scheme,
    /// The signing secret (standard: whsec_<base64>)
    #[arg(long, value_name = "SECRET", value_parser = non_empty_secret)]
    pub secret: String,
    /// The message id signed by the standard scheme [default: msg_<random>]
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// The unix time signed by the standard and stripe schemes [default: now]
    #[arg(long, value_name = "UNIX_SECS", allow_negative_numbers = true)]
    pub timestamp: Option<i64>,
    /// The body, byte for byte: a file, or - for stdin
    #[arg(value_name = "BODY")]
    pub body: PathBuf,
}

#[derive(Debug, Args)]
pub struct SignatureVerifyArgs {
    /// The signature scheme
    #[arg(long, value_enum)]
    pub scheme: crate::signature::Scheme,
    /// The signing secret; repeat it to accept any of several (a rotation)
    #[arg(long, value_name = "SECRET", required = true, value_parser = non_empty_secret)]
    pub secret: Vec<String>,
    /// A header as received, e.g. -H 'webhook-signature: v1,…'
    #[arg(short = 'H', long = "header", value_name = "NAME: VALUE")]
    pub headers: Vec<String>,
    /// Seconds the signed timestamp may be from now, either way
    #[arg(long, default_value_t = crate::signature::DEFAULT_TOLERANCE_SECS, value_name = "SECS")]
    pub tolerance: u64,
    /// Do not check the timestamp's age (a request captured earlier)
    #[arg(long, conflicts_with = "tolerance")]
    pub ignore_timestamp: bool,
    /// The body as received, byte for byte: a file, or - for stdin
    #[arg(value_name = "BODY")]
    pub body: PathBuf,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The OpenAPI document (YAML or JSON)
    pub spec: PathBuf,
    /// The provider's name, [a-z0-9-]+ (the folder's name)
    #[arg(long)]
    pub name: String,
    /// Where the provider folder is written [default: the current directory]
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Overwrite an existing provider folder
    #[arg(long)]
    pub force: bool,
}
