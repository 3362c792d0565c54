
use builtin;
use str;

set edit:completion:arg-completer[hooks] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'hooks'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'hooks'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand callbacks 'Manage callback registrations on the Callback API'
            cand echo 'Ask the Callback API to fire a test notification at your registered callback'
            cand listen 'Run a local server that recognises and prints every notification'
            cand replay 'Send fixtures, JSON files or `listen --record` recordings at a URL'
            cand fixtures 'Browse the built-in notification fixtures'
            cand providers 'List, show, check and import provider definitions (built-in and your own)'
            cand sandbox 'Run a local emulator of the Callback API that really delivers notifications'
            cand verify 'Grade a webhook receiver by its provider''s rules (a table, --json or --junit for CI)'
            cand signature 'Sign a body as a webhook sender does, or check a received body''s signature'
            cand completions 'Print a shell completion script'
            cand man 'Print the manual page of hooks or of one of its commands (roff, for man)'
            cand version 'Print the version, commit, build date, target and features (for bug reports)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;callbacks'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand put 'Create or update the callback URL for a notification type'
            cand list 'List the registered callbacks'
            cand delete 'Delete the callback for a notification type'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;callbacks;put'= {
            cand --url 'Your public HTTPS endpoint'
            cand --set 'Add or override a body field (value parsed as JSON where it parses, else a string)'
            cand --body 'Send this JSON object as the body instead (a file, or - for stdin)'
            cand --timeout 'Seconds to wait for a connection and for a whole response'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;callbacks;list'= {
            cand --offset 'Skip this many entries'
            cand --limit 'Return at most this many entries'
            cand --timeout 'Seconds to wait for a connection and for a whole response'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;callbacks;delete'= {
            cand --timeout 'Seconds to wait for a connection and for a whole response'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand -y 'Do not ask for confirmation (required when stdin is not a terminal)'
            cand --yes 'Do not ask for confirmation (required when stdin is not a terminal)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;callbacks;help'= {
            cand put 'Create or update the callback URL for a notification type'
            cand list 'List the registered callbacks'
            cand delete 'Delete the callback for a notification type'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;callbacks;help;put'= {
        }
        &'hooks;callbacks;help;list'= {
        }
        &'hooks;callbacks;help;delete'= {
        }
        &'hooks;callbacks;help;help'= {
        }
        &'hooks;echo'= {
            cand --process-id 'Send {"processUniqueId": ID}'
            cand --simulation-id 'Send {"simulationUniqueId": ID}'
            cand --body 'Send this JSON document as the raw body (a file, or - for stdin)'
            cand --wait-on 'Listen on ADDR (a port, host:port, or the http:// callback URL) and wait for the echoed notification; the registered callback must lead there (checked first). Exit 1 if it has not arrived within --timeout; Ctrl-C prints what arrived and exits 130'
            cand --timeout 'Seconds to wait for a connection and for a whole response'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;listen'= {
            cand --host 'Address to bind'
            cand --port 'Port to bind (0 picks a free one)'
            cand --count 'Exit 0 once this many valid notifications have been answered'
            cand --timeout 'Stop after SECS (exit 0); with --count, exit 1 if the count is not reached by then'
            cand --api-key 'Check the credential where each provider''s definition puts it (a body field, an `Authorization` scheme) against KEY'
            cand --verify 'Check each request''s signature (schemes: standard, stripe, github, shopify); repeat it for several secrets (a rotation). A request that fails is answered 401'
            cand --tolerance 'Seconds a signed timestamp may be from now, either way, with --verify'
            cand --status 'HTTP status to answer notifications with'
            cand --delay 'Wait this many milliseconds before answering'
            cand --fail-first 'Answer 503 to the first N notifications'
            cand --record 'Append every valid notification to FILE as one JSON line (replayable)'
            cand --forward-to 'Forward every valid notification to this URL and answer with its status'
            cand --max-body 'Largest body accepted, in bytes'
            cand --cert 'PEM certificate chain for --tls'
            cand --key 'PEM private key for --tls'
            cand --dedupe-window 'Mark an idempotency key (e.g. an eventId) as a redelivery while it is among the last N seen'
            cand --header-timeout 'Drop a connection that has not sent a whole request head within SECS of opening or of its last answer'
            cand --max-connections 'Serve at most N connections at once (others wait); lowered to fit the file-handle limit'
            cand --ui-port 'The inspector''s port [default: --port + 1; 0 picks a free one]'
            cand --ui-host 'Address the inspector binds; anything but a loopback address lets other machines read and replay notifications'
            cand --ui-keep 'How many of the latest notifications the inspector keeps'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --tls 'Serve HTTPS (a self-signed certificate unless --cert/--key are given)'
            cand --ui 'Serve a live web inspector of the notifications (list, details, replay) on its own port'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;replay'= {
            cand --to 'URL to deliver to'
            cand --api-key 'Put KEY where each provider''s definition puts its credential (a body field, or `Authorization: <scheme> KEY`)'
            cand -H 'Extra header, e.g. -H ''X-Trace: 1'''
            cand --header 'Extra header, e.g. -H ''X-Trace: 1'''
            cand --sign 'Sign every delivery (schemes: standard, stripe, github, shopify); each attempt gets a fresh timestamp and signature, a delivery keeps its webhook-id'
            cand --signing-secret 'The secret for providers whose definition names a signing scheme (instead of the variable the definition names)'
            cand --set 'Override a JSON field, e.g. --set data.merchant_name=Shop (value parsed as JSON where it parses)'
            cand --repeat 'Deliver each source N times'
            cand --concurrency 'Deliveries in flight at once'
            cand --rate 'Start at most this many deliveries per second'
            cand --retries 'Re-send a failed delivery up to N times, with exponential backoff and the same body'
            cand --rounds 'Send N rounds; a provider whose definition carries unconfirmed ids carries them into the next'
            cand --interval 'Pause between rounds, e.g. 500ms, 10s, 10m'
            cand --timeout 'Seconds to wait for each response'
            cand --max-body 'Largest source file read, in bytes (for a .jsonl recording: its longest line)'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --fresh-ids 'Give every delivery new identifiers and occurredAt = now'
            cand -k 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`'
            cand --insecure 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;fixtures'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the fixtures (name, provider, kind, description)'
            cand show 'Print one fixture''s JSON'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;fixtures;list'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;fixtures;show'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;fixtures;help'= {
            cand list 'List the fixtures (name, provider, kind, description)'
            cand show 'Print one fixture''s JSON'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;fixtures;help;list'= {
        }
        &'hooks;fixtures;help;show'= {
        }
        &'hooks;fixtures;help;help'= {
        }
        &'hooks;providers'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List the providers (name, priority, kinds, where defined)'
            cand show 'Print one provider''s definition'
            cand check 'Check the definitions in DIR: schemas compile, fixtures pass their kind''s schema and are recognised as their own provider and kind'
            cand import 'Write a provider folder from an OpenAPI document''s webhooks and callbacks'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;providers;list'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;providers;show'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;providers;check'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;providers;import'= {
            cand --name 'The provider''s name, [a-z0-9-]+ (the folder''s name)'
            cand --out 'Where the provider folder is written [default: the current directory]'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --force 'Overwrite an existing provider folder'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;providers;help'= {
            cand list 'List the providers (name, priority, kinds, where defined)'
            cand show 'Print one provider''s definition'
            cand check 'Check the definitions in DIR: schemas compile, fixtures pass their kind''s schema and are recognised as their own provider and kind'
            cand import 'Write a provider folder from an OpenAPI document''s webhooks and callbacks'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;providers;help;list'= {
        }
        &'hooks;providers;help;show'= {
        }
        &'hooks;providers;help;check'= {
        }
        &'hooks;providers;help;import'= {
        }
        &'hooks;providers;help;help'= {
        }
        &'hooks;sandbox'= {
            cand --host 'Address to bind'
            cand --port 'Port to bind (0 picks a free one)'
            cand --state 'Keep registrations in this JSON file across restarts'
            cand --retry-schedule 'Delays between delivery attempts, e.g. 1s,5s,30s ("" for a single attempt)'
            cand --sign 'Sign every delivery (schemes: standard, stripe, github, shopify); each attempt gets a fresh timestamp and signature, a delivery keeps its webhook-id'
            cand --header-timeout 'Drop a connection that has not sent a whole request head within SECS of opening or of its last answer'
            cand --max-connections 'Serve at most N connections at once (others wait); lowered to fit the file-handle limit'
            cand --max-in-flight 'Delivery attempts under way at once; further deliveries wait in a queue'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;verify'= {
            cand --provider 'The provider whose rules to grade by (`hooks providers list`)'
            cand --api-key 'The credential the receiver expects, put where the provider''s definition puts it; without it the credential checks are skipped'
            cand --deadline 'How long each answer may take, e.g. 500ms, 10s'
            cand --only 'Run only these checks (ids from --list-checks; `accepts` selects every accepts-<kind>)'
            cand --skip 'Leave these checks out'
            cand --burst 'Deliveries sent at once by the burst check'
            cand --sign 'Sign every notification (schemes: standard, stripe, github, shopify) and add the signature checks'
            cand --signing-secret 'The secret for a provider whose definition names a signing scheme (instead of the variable the definition names)'
            cand --junit 'Also write the results as JUnit XML to FILE, for CI'
            cand --record 'Also write every request sent to FILE, in the `hooks listen --record` format'
            cand -H 'Extra header on every request, e.g. -H ''X-Tunnel-Auth: x'''
            cand --header 'Extra header on every request, e.g. -H ''X-Tunnel-Auth: x'''
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand -k 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`'
            cand --insecure 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`'
            cand --list-checks 'List the checks (for --provider, as they would run) instead of running them'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;signature'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand sign 'Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)'
            cand verify 'Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;signature;sign'= {
            cand --scheme 'The signature scheme'
            cand --secret 'The signing secret (standard: whsec_<base64>)'
            cand --id 'The message id signed by the standard scheme [default: msg_<random>]'
            cand --timestamp 'The unix time signed by the standard and stripe schemes [default: now]'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;signature;verify'= {
            cand --scheme 'The signature scheme'
            cand --secret 'The signing secret; repeat it to accept any of several (a rotation)'
            cand -H 'A header as received, e.g. -H ''webhook-signature: v1,…'''
            cand --header 'A header as received, e.g. -H ''webhook-signature: v1,…'''
            cand --tolerance 'Seconds the signed timestamp may be from now, either way'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --ignore-timestamp 'Do not check the timestamp''s age (a request captured earlier)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;signature;help'= {
            cand sign 'Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)'
            cand verify 'Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;signature;help;sign'= {
        }
        &'hooks;signature;help;verify'= {
        }
        &'hooks;signature;help;help'= {
        }
        &'hooks;completions'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;man'= {
            cand --out 'Write every page into DIR instead (created if missing)'
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;version'= {
            cand --base-url 'Base URL of the Callback API, e.g. https://api.partner.example'
            cand --partner 'Your partnerUniqueID (a GUID)'
            cand --token 'API token, sent as `Authorization: Bearer <token>`'
            cand --profile 'Named profile from the config file (base_url, partner, token); flags and variables win'
            cand --color 'When to colour output (auto: on a terminal, unless NO_COLOR is set)'
            cand --providers 'Also read provider definitions from DIR (a definition folder, or folders of them)'
            cand --json 'Machine output on stdout: one JSON document, or one object per line for streams'
            cand -v 'Trace requests and responses on stderr (secrets masked)'
            cand --verbose 'Trace requests and responses on stderr (secrets masked)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'hooks;help'= {
            cand callbacks 'Manage callback registrations on the Callback API'
            cand echo 'Ask the Callback API to fire a test notification at your registered callback'
            cand listen 'Run a local server that recognises and prints every notification'
            cand replay 'Send fixtures, JSON files or `listen --record` recordings at a URL'
            cand fixtures 'Browse the built-in notification fixtures'
            cand providers 'List, show, check and import provider definitions (built-in and your own)'
            cand sandbox 'Run a local emulator of the Callback API that really delivers notifications'
            cand verify 'Grade a webhook receiver by its provider''s rules (a table, --json or --junit for CI)'
            cand signature 'Sign a body as a webhook sender does, or check a received body''s signature'
            cand completions 'Print a shell completion script'
            cand man 'Print the manual page of hooks or of one of its commands (roff, for man)'
            cand version 'Print the version, commit, build date, target and features (for bug reports)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'hooks;help;callbacks'= {
            cand put 'Create or update the callback URL for a notification type'
            cand list 'List the registered callbacks'
            cand delete 'Delete the callback for a notification type'
        }
        &'hooks;help;callbacks;put'= {
        }
        &'hooks;help;callbacks;list'= {
        }
        &'hooks;help;callbacks;delete'= {
        }
        &'hooks;help;echo'= {
        }
        &'hooks;help;listen'= {
        }
        &'hooks;help;replay'= {
        }
        &'hooks;help;fixtures'= {
            cand list 'List the fixtures (name, provider, kind, description)'
            cand show 'Print one fixture''s JSON'
        }
        &'hooks;help;fixtures;list'= {
        }
        &'hooks;help;fixtures;show'= {
        }
        &'hooks;help;providers'= {
            cand list 'List the providers (name, priority, kinds, where defined)'
            cand show 'Print one provider''s definition'
            cand check 'Check the definitions in DIR: schemas compile, fixtures pass their kind''s schema and are recognised as their own provider and kind'
            cand import 'Write a provider folder from an OpenAPI document''s webhooks and callbacks'
        }
        &'hooks;help;providers;list'= {
        }
        &'hooks;help;providers;show'= {
        }
        &'hooks;help;providers;check'= {
        }
        &'hooks;help;providers;import'= {
        }
        &'hooks;help;sandbox'= {
        }
        &'hooks;help;verify'= {
        }
        &'hooks;help;signature'= {
            cand sign 'Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)'
            cand verify 'Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason'
        }
        &'hooks;help;signature;sign'= {
        }
        &'hooks;help;signature;verify'= {
        }
        &'hooks;help;completions'= {
        }
        &'hooks;help;man'= {
        }
        &'hooks;help;version'= {
        }
        &'hooks;help;help'= {
        }
    ]
    $completions[$command]
}
