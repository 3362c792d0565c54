# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_hooks_global_optspecs
    string join \n base-url= partner= token= profile= json color= v/verbose providers= h/help V/version
end

function __fish_hooks_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_hooks_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_hooks_using_subcommand
    set -l cmd (__fish_hooks_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c hooks -n "__fish_hooks_needs_command" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_needs_command" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_needs_command" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_needs_command" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_needs_command" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_needs_command" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_needs_command" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_needs_command" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_needs_command" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "callbacks" -d 'Manage callback registrations on the Callback API'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "echo" -d 'Ask the Callback API to fire a test notification at your registered callback'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "listen" -d 'Run a local server that recognises and prints every notification'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "replay" -d 'Send fixtures, JSON files or `listen --record` recordings at a URL'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "fixtures" -d 'Browse the built-in notification fixtures'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "providers" -d 'List, show, check and import provider definitions (built-in and your own)'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "sandbox" -d 'Run a local emulator of the Callback API that really delivers notifications'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "verify" -d 'Grade a webhook receiver by its provider\'s rules (a table, --json or --junit for CI)'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "signature" -d 'Sign a body as a webhook sender does, or check a received body\'s signature'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "man" -d 'Print the manual page of hooks or of one of its commands (roff, for man)'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "version" -d 'Print the version, commit, build date, target and features (for bug reports)'
complete -c hooks -n "__fish_hooks_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -f -a "put" -d 'Create or update the callback URL for a notification type'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -f -a "list" -d 'List the registered callbacks'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -f -a "delete" -d 'Delete the callback for a notification type'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and not __fish_seen_subcommand_from put list delete help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l url -d 'Your public HTTPS endpoint' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l set -d 'Add or override a body field (value parsed as JSON where it parses, else a string)' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l body -d 'Send this JSON object as the body instead (a file, or - for stdin)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l timeout -d 'Seconds to wait for a connection and for a whole response' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from put" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l offset -d 'Skip this many entries' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l limit -d 'Return at most this many entries' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l timeout -d 'Seconds to wait for a connection and for a whole response' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -l timeout -d 'Seconds to wait for a connection and for a whole response' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -s y -l yes -d 'Do not ask for confirmation (required when stdin is not a terminal)'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from delete" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from help" -f -a "put" -d 'Create or update the callback URL for a notification type'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the registered callbacks'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from help" -f -a "delete" -d 'Delete the callback for a notification type'
complete -c hooks -n "__fish_hooks_using_subcommand callbacks; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l process-id -d 'Send {"processUniqueId": ID}' -r
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l simulation-id -d 'Send {"simulationUniqueId": ID}' -r
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l body -d 'Send this JSON document as the raw body (a file, or - for stdin)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l wait-on -d 'Listen on ADDR (a port, host:port, or the http:// callback URL) and wait for the echoed notification; the registered callback must lead there (checked first). Exit 1 if it has not arrived within --timeout; Ctrl-C prints what arrived and exits 130' -r
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l timeout -d 'Seconds to wait for a connection and for a whole response' -r
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand echo" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand echo" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand echo" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand echo" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l host -d 'Address to bind' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l port -d 'Port to bind (0 picks a free one)' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l count -d 'Exit 0 once this many valid notifications have been answered' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l timeout -d 'Stop after SECS (exit 0); with --count, exit 1 if the count is not reached by then' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l api-key -d 'Check the credential where each provider\'s definition puts it (a body field, an `Authorization` scheme) against KEY' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l verify -d 'Check each request\'s signature (schemes: standard, stripe, github, shopify); repeat it for several secrets (a rotation). A request that fails is answered 401' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l tolerance -d 'Seconds a signed timestamp may be from now, either way, with --verify' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l status -d 'HTTP status to answer notifications with' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l delay -d 'Wait this many milliseconds before answering' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l fail-first -d 'Answer 503 to the first N notifications' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l record -d 'Append every valid notification to FILE as one JSON line (replayable)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l forward-to -d 'Forward every valid notification to this URL and answer with its status' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l max-body -d 'Largest body accepted, in bytes' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l cert -d 'PEM certificate chain for --tls' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l key -d 'PEM private key for --tls' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l dedupe-window -d 'Mark an idempotency key (e.g. an eventId) as a redelivery while it is among the last N seen' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l header-timeout -d 'Drop a connection that has not sent a whole request head within SECS of opening or of its last answer' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l max-connections -d 'Serve at most N connections at once (others wait); lowered to fit the file-handle limit' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l ui-port -d 'The inspector\'s port [default: --port + 1; 0 picks a free one]' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l ui-host -d 'Address the inspector binds; anything but a loopback address lets other machines read and replay notifications' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l ui-keep -d 'How many of the latest notifications the inspector keeps' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l tls -d 'Serve HTTPS (a self-signed certificate unless --cert/--key are given)'
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l ui -d 'Serve a live web inspector of the notifications (list, details, replay) on its own port'
complete -c hooks -n "__fish_hooks_using_subcommand listen" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand listen" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand listen" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_using_subcommand listen" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l to -d 'URL to deliver to' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l api-key -d 'Put KEY where each provider\'s definition puts its credential (a body field, or `Authorization: <scheme> KEY`)' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -s H -l header -d 'Extra header, e.g. -H \'X-Trace: 1\'' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l sign -d 'Sign every delivery (schemes: standard, stripe, github, shopify); each attempt gets a fresh timestamp and signature, a delivery keeps its webhook-id' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l signing-secret -d 'The secret for providers whose definition names a signing scheme (instead of the variable the definition names)' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l set -d 'Override a JSON field, e.g. --set data.merchant_name=Shop (value parsed as JSON where it parses)' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l repeat -d 'Deliver each source N times' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l concurrency -d 'Deliveries in flight at once' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l rate -d 'Start at most this many deliveries per second' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l retries -d 'Re-send a failed delivery up to N times, with exponential backoff and the same body' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l rounds -d 'Send N rounds; a provider whose definition carries unconfirmed ids carries them into the next' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l interval -d 'Pause between rounds, e.g. 500ms, 10s, 10m' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l timeout -d 'Seconds to wait for each response' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l max-body -d 'Largest source file read, in bytes (for a .jsonl recording: its longest line)' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l fresh-ids -d 'Give every delivery new identifiers and occurredAt = now'
complete -c hooks -n "__fish_hooks_using_subcommand replay" -s k -l insecure -d 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`'
complete -c hooks -n "__fish_hooks_using_subcommand replay" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand replay" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand replay" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_using_subcommand replay" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -f -a "list" -d 'List the fixtures (name, provider, kind, description)'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -f -a "show" -d 'Print one fixture\'s JSON'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and not __fish_seen_subcommand_from list show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the fixtures (name, provider, kind, description)'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print one fixture\'s JSON'
complete -c hooks -n "__fish_hooks_using_subcommand fixtures; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -f -a "list" -d 'List the providers (name, priority, kinds, where defined)'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -f -a "show" -d 'Print one provider\'s definition'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -f -a "check" -d 'Check the definitions in DIR: schemas compile, fixtures pass their kind\'s schema and are recognised as their own provider and kind'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -f -a "import" -d 'Write a provider folder from an OpenAPI document\'s webhooks and callbacks'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and not __fish_seen_subcommand_from list show check import help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l name -d 'The provider\'s name, [a-z0-9-]+ (the folder\'s name)' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l out -d 'Where the provider folder is written [default: the current directory]' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l force -d 'Overwrite an existing provider folder'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from import" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the providers (name, priority, kinds, where defined)'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print one provider\'s definition'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "check" -d 'Check the definitions in DIR: schemas compile, fixtures pass their kind\'s schema and are recognised as their own provider and kind'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "import" -d 'Write a provider folder from an OpenAPI document\'s webhooks and callbacks'
complete -c hooks -n "__fish_hooks_using_subcommand providers; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l host -d 'Address to bind' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l port -d 'Port to bind (0 picks a free one)' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l state -d 'Keep registrations in this JSON file across restarts' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l retry-schedule -d 'Delays between delivery attempts, e.g. 1s,5s,30s ("" for a single attempt)' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l sign -d 'Sign every delivery (schemes: standard, stripe, github, shopify); each attempt gets a fresh timestamp and signature, a delivery keeps its webhook-id' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l header-timeout -d 'Drop a connection that has not sent a whole request head within SECS of opening or of its last answer' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l max-connections -d 'Serve at most N connections at once (others wait); lowered to fit the file-handle limit' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l max-in-flight -d 'Delivery attempts under way at once; further deliveries wait in a queue' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_using_subcommand sandbox" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l provider -d 'The provider whose rules to grade by (`hooks providers list`)' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l api-key -d 'The credential the receiver expects, put where the provider\'s definition puts it; without it the credential checks are skipped' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l deadline -d 'How long each answer may take, e.g. 500ms, 10s' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l only -d 'Run only these checks (ids from --list-checks; `accepts` selects every accepts-<kind>)' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l skip -d 'Leave these checks out' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l burst -d 'Deliveries sent at once by the burst check' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l sign -d 'Sign every notification (schemes: standard, stripe, github, shopify) and add the signature checks' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l signing-secret -d 'The secret for a provider whose definition names a signing scheme (instead of the variable the definition names)' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l junit -d 'Also write the results as JUnit XML to FILE, for CI' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l record -d 'Also write every request sent to FILE, in the `hooks listen --record` format' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand verify" -s H -l header -d 'Extra header on every request, e.g. -H \'X-Tunnel-Auth: x\'' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand verify" -s k -l insecure -d 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`'
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l list-checks -d 'List the checks (for --provider, as they would run) instead of running them'
complete -c hooks -n "__fish_hooks_using_subcommand verify" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand verify" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_using_subcommand verify" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -f -a "sign" -d 'Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -f -a "verify" -d 'Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and not __fish_seen_subcommand_from sign verify help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l scheme -d 'The signature scheme' -r -f -a "standard\t'Standard Webhooks v1 (webhook-id, webhook-timestamp, webhook-signature)'
stripe\t'Stripe-Signature: t=…,v1=…'
github\t'X-Hub-Signature-256: sha256=…'
shopify\t'X-Shopify-Hmac-Sha256'"
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l secret -d 'The signing secret (standard: whsec_<base64>)' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l id -d 'The message id signed by the standard scheme [default: msg_<random>]' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l timestamp -d 'The unix time signed by the standard and stripe schemes [default: now]' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from sign" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l scheme -d 'The signature scheme' -r -f -a "standard\t'Standard Webhooks v1 (webhook-id, webhook-timestamp, webhook-signature)'
stripe\t'Stripe-Signature: t=…,v1=…'
github\t'X-Hub-Signature-256: sha256=…'
shopify\t'X-Shopify-Hmac-Sha256'"
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l secret -d 'The signing secret; repeat it to accept any of several (a rotation)' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -s H -l header -d 'A header as received, e.g. -H \'webhook-signature: v1,…\'' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l tolerance -d 'Seconds the signed timestamp may be from now, either way' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l ignore-timestamp -d 'Do not check the timestamp\'s age (a request captured earlier)'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from verify" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from help" -f -a "sign" -d 'Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from help" -f -a "verify" -d 'Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason'
complete -c hooks -n "__fish_hooks_using_subcommand signature; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand completions" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand completions" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand completions" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand completions" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand completions" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand completions" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand completions" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand completions" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand completions" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand completions" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand man" -l out -d 'Write every page into DIR instead (created if missing)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand man" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand man" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand man" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand man" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand man" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand man" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand man" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand man" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c hooks -n "__fish_hooks_using_subcommand man" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand version" -l base-url -d 'Base URL of the Callback API, e.g. https://api.partner.example' -r
complete -c hooks -n "__fish_hooks_using_subcommand version" -l partner -d 'Your partnerUniqueID (a GUID)' -r
complete -c hooks -n "__fish_hooks_using_subcommand version" -l token -d 'API token, sent as `Authorization: Bearer <token>`' -r
complete -c hooks -n "__fish_hooks_using_subcommand version" -l profile -d 'Named profile from the config file (base_url, partner, token); flags and variables win' -r
complete -c hooks -n "__fish_hooks_using_subcommand version" -l color -d 'When to colour output (auto: on a terminal, unless NO_COLOR is set)' -r -f -a "auto\t''
always\t''
never\t''"
complete -c hooks -n "__fish_hooks_using_subcommand version" -l providers -d 'Also read provider definitions from DIR (a definition folder, or folders of them)' -r -F
complete -c hooks -n "__fish_hooks_using_subcommand version" -l json -d 'Machine output on stdout: one JSON document, or one object per line for streams'
complete -c hooks -n "__fish_hooks_using_subcommand version" -s v -l verbose -d 'Trace requests and responses on stderr (secrets masked)'
complete -c hooks -n "__fish_hooks_using_subcommand version" -s h -l help -d 'Print help'
complete -c hooks -n "__fish_hooks_using_subcommand version" -s V -l version -d 'Print version'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "callbacks" -d 'Manage callback registrations on the Callback API'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "echo" -d 'Ask the Callback API to fire a test notification at your registered callback'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "listen" -d 'Run a local server that recognises and prints every notification'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "replay" -d 'Send fixtures, JSON files or `listen --record` recordings at a URL'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "fixtures" -d 'Browse the built-in notification fixtures'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "providers" -d 'List, show, check and import provider definitions (built-in and your own)'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "sandbox" -d 'Run a local emulator of the Callback API that really delivers notifications'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "verify" -d 'Grade a webhook receiver by its provider\'s rules (a table, --json or --junit for CI)'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "signature" -d 'Sign a body as a webhook sender does, or check a received body\'s signature'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "completions" -d 'Print a shell completion script'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "man" -d 'Print the manual page of hooks or of one of its commands (roff, for man)'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "version" -d 'Print the version, commit, build date, target and features (for bug reports)'
complete -c hooks -n "__fish_hooks_using_subcommand help; and not __fish_seen_subcommand_from callbacks echo listen replay fixtures providers sandbox verify signature completions man version help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from callbacks" -f -a "put" -d 'Create or update the callback URL for a notification type'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from callbacks" -f -a "list" -d 'List the registered callbacks'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from callbacks" -f -a "delete" -d 'Delete the callback for a notification type'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from fixtures" -f -a "list" -d 'List the fixtures (name, provider, kind, description)'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from fixtures" -f -a "show" -d 'Print one fixture\'s JSON'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "list" -d 'List the providers (name, priority, kinds, where defined)'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "show" -d 'Print one provider\'s definition'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "check" -d 'Check the definitions in DIR: schemas compile, fixtures pass their kind\'s schema and are recognised as their own provider and kind'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from providers" -f -a "import" -d 'Write a provider folder from an OpenAPI document\'s webhooks and callbacks'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from signature" -f -a "sign" -d 'Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)'
complete -c hooks -n "__fish_hooks_using_subcommand help; and __fish_seen_subcommand_from signature" -f -a "verify" -d 'Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason'
