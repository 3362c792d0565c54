
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'hooks' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'hooks'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'hooks' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('callbacks', 'callbacks', [CompletionResultType]::ParameterValue, 'Manage callback registrations on the Callback API')
            [CompletionResult]::new('echo', 'echo', [CompletionResultType]::ParameterValue, 'Ask the Callback API to fire a test notification at your registered callback')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Run a local server that recognises and prints every notification')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Send fixtures, JSON files or `listen --record` recordings at a URL')
            [CompletionResult]::new('fixtures', 'fixtures', [CompletionResultType]::ParameterValue, 'Browse the built-in notification fixtures')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List, show, check and import provider definitions (built-in and your own)')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulator of the Callback API that really delivers notifications')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Grade a webhook receiver by its provider''s rules (a table, --json or --junit for CI)')
            [CompletionResult]::new('signature', 'signature', [CompletionResultType]::ParameterValue, 'Sign a body as a webhook sender does, or check a received body''s signature')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page of hooks or of one of its commands (roff, for man)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version, commit, build date, target and features (for bug reports)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;callbacks' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Create or update the callback URL for a notification type')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered callbacks')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the callback for a notification type')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;callbacks;put' {
            [CompletionResult]::new('--url', '--url', [CompletionResultType]::ParameterName, 'Your public HTTPS endpoint')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Add or override a body field (value parsed as JSON where it parses, else a string)')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Send this JSON object as the body instead (a file, or - for stdin)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for a whole response')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;callbacks;list' {
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Skip this many entries')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Return at most this many entries')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for a whole response')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;callbacks;delete' {
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for a whole response')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('-y', '-y', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin is not a terminal)')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Do not ask for confirmation (required when stdin is not a terminal)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;callbacks;help' {
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Create or update the callback URL for a notification type')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered callbacks')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the callback for a notification type')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;callbacks;help;put' {
            break
        }
        'hooks;callbacks;help;list' {
            break
        }
        'hooks;callbacks;help;delete' {
            break
        }
        'hooks;callbacks;help;help' {
            break
        }
        'hooks;echo' {
            [CompletionResult]::new('--process-id', '--process-id', [CompletionResultType]::ParameterName, 'Send {"processUniqueId": ID}')
            [CompletionResult]::new('--simulation-id', '--simulation-id', [CompletionResultType]::ParameterName, 'Send {"simulationUniqueId": ID}')
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'Send this JSON document as the raw body (a file, or - for stdin)')
            [CompletionResult]::new('--wait-on', '--wait-on', [CompletionResultType]::ParameterName, 'Listen on ADDR (a port, host:port, or the http:// callback URL) and wait for the echoed notification; the registered callback must lead there (checked first). Exit 1 if it has not arrived within --timeout; Ctrl-C prints what arrived and exits 130')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for a connection and for a whole response')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;listen' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to bind (0 picks a free one)')
            [CompletionResult]::new('--count', '--count', [CompletionResultType]::ParameterName, 'Exit 0 once this many valid notifications have been answered')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Stop after SECS (exit 0); with --count, exit 1 if the count is not reached by then')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'Check the credential where each provider''s definition puts it (a body field, an `Authorization` scheme) against KEY')
            [CompletionResult]::new('--verify', '--verify', [CompletionResultType]::ParameterName, 'Check each request''s signature (schemes: standard, stripe, github, shopify); repeat it for several secrets (a rotation). A request that fails is answered 401')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Seconds a signed timestamp may be from now, either way, with --verify')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'HTTP status to answer notifications with')
            [CompletionResult]::new('--delay', '--delay', [CompletionResultType]::ParameterName, 'Wait this many milliseconds before answering')
            [CompletionResult]::new('--fail-first', '--fail-first', [CompletionResultType]::ParameterName, 'Answer 503 to the first N notifications')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Append every valid notification to FILE as one JSON line (replayable)')
            [CompletionResult]::new('--forward-to', '--forward-to', [CompletionResultType]::ParameterName, 'Forward every valid notification to this URL and answer with its status')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest body accepted, in bytes')
            [CompletionResult]::new('--cert', '--cert', [CompletionResultType]::ParameterName, 'PEM certificate chain for --tls')
            [CompletionResult]::new('--key', '--key', [CompletionResultType]::ParameterName, 'PEM private key for --tls')
            [CompletionResult]::new('--dedupe-window', '--dedupe-window', [CompletionResultType]::ParameterName, 'Mark an idempotency key (e.g. an eventId) as a redelivery while it is among the last N seen')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Drop a connection that has not sent a whole request head within SECS of opening or of its last answer')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Serve at most N connections at once (others wait); lowered to fit the file-handle limit')
            [CompletionResult]::new('--ui-port', '--ui-port', [CompletionResultType]::ParameterName, 'The inspector''s port [default: --port + 1; 0 picks a free one]')
            [CompletionResult]::new('--ui-host', '--ui-host', [CompletionResultType]::ParameterName, 'Address the inspector binds; anything but a loopback address lets other machines read and replay notifications')
            [CompletionResult]::new('--ui-keep', '--ui-keep', [CompletionResultType]::ParameterName, 'How many of the latest notifications the inspector keeps')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--tls', '--tls', [CompletionResultType]::ParameterName, 'Serve HTTPS (a self-signed certificate unless --cert/--key are given)')
            [CompletionResult]::new('--ui', '--ui', [CompletionResultType]::ParameterName, 'Serve a live web inspector of the notifications (list, details, replay) on its own port')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;replay' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'URL to deliver to')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'Put KEY where each provider''s definition puts its credential (a body field, or `Authorization: <scheme> KEY`)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra header, e.g. -H ''X-Trace: 1''')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra header, e.g. -H ''X-Trace: 1''')
            [CompletionResult]::new('--sign', '--sign', [CompletionResultType]::ParameterName, 'Sign every delivery (schemes: standard, stripe, github, shopify); each attempt gets a fresh timestamp and signature, a delivery keeps its webhook-id')
            [CompletionResult]::new('--signing-secret', '--signing-secret', [CompletionResultType]::ParameterName, 'The secret for providers whose definition names a signing scheme (instead of the variable the definition names)')
            [CompletionResult]::new('--set', '--set', [CompletionResultType]::ParameterName, 'Override a JSON field, e.g. --set data.merchant_name=Shop (value parsed as JSON where it parses)')
            [CompletionResult]::new('--repeat', '--repeat', [CompletionResultType]::ParameterName, 'Deliver each source N times')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Deliveries in flight at once')
            [CompletionResult]::new('--rate', '--rate', [CompletionResultType]::ParameterName, 'Start at most this many deliveries per second')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Re-send a failed delivery up to N times, with exponential backoff and the same body')
            [CompletionResult]::new('--rounds', '--rounds', [CompletionResultType]::ParameterName, 'Send N rounds; a provider whose definition carries unconfirmed ids carries them into the next')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Pause between rounds, e.g. 500ms, 10s, 10m')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Seconds to wait for each response')
            [CompletionResult]::new('--max-body', '--max-body', [CompletionResultType]::ParameterName, 'Largest source file read, in bytes (for a .jsonl recording: its longest line)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--fresh-ids', '--fresh-ids', [CompletionResultType]::ParameterName, 'Give every delivery new identifiers and occurredAt = now')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;fixtures' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the fixtures (name, provider, kind, description)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one fixture''s JSON')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;fixtures;list' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;fixtures;show' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;fixtures;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the fixtures (name, provider, kind, description)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one fixture''s JSON')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;fixtures;help;list' {
            break
        }
        'hooks;fixtures;help;show' {
            break
        }
        'hooks;fixtures;help;help' {
            break
        }
        'hooks;providers' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the providers (name, priority, kinds, where defined)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one provider''s definition')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the definitions in DIR: schemas compile, fixtures pass their kind''s schema and are recognised as their own provider and kind')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Write a provider folder from an OpenAPI document''s webhooks and callbacks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;providers;list' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;providers;show' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;providers;check' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;providers;import' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The provider''s name, [a-z0-9-]+ (the folder''s name)')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Where the provider folder is written [default: the current directory]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Overwrite an existing provider folder')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;providers;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the providers (name, priority, kinds, where defined)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one provider''s definition')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the definitions in DIR: schemas compile, fixtures pass their kind''s schema and are recognised as their own provider and kind')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Write a provider folder from an OpenAPI document''s webhooks and callbacks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;providers;help;list' {
            break
        }
        'hooks;providers;help;show' {
            break
        }
        'hooks;providers;help;check' {
            break
        }
        'hooks;providers;help;import' {
            break
        }
        'hooks;providers;help;help' {
            break
        }
        'hooks;sandbox' {
            [CompletionResult]::new('--host', '--host', [CompletionResultType]::ParameterName, 'Address to bind')
            [CompletionResult]::new('--port', '--port', [CompletionResultType]::ParameterName, 'Port to bind (0 picks a free one)')
            [CompletionResult]::new('--state', '--state', [CompletionResultType]::ParameterName, 'Keep registrations in this JSON file across restarts')
            [CompletionResult]::new('--retry-schedule', '--retry-schedule', [CompletionResultType]::ParameterName, 'Delays between delivery attempts, e.g. 1s,5s,30s ("" for a single attempt)')
            [CompletionResult]::new('--sign', '--sign', [CompletionResultType]::ParameterName, 'Sign every delivery (schemes: standard, stripe, github, shopify); each attempt gets a fresh timestamp and signature, a delivery keeps its webhook-id')
            [CompletionResult]::new('--header-timeout', '--header-timeout', [CompletionResultType]::ParameterName, 'Drop a connection that has not sent a whole request head within SECS of opening or of its last answer')
            [CompletionResult]::new('--max-connections', '--max-connections', [CompletionResultType]::ParameterName, 'Serve at most N connections at once (others wait); lowered to fit the file-handle limit')
            [CompletionResult]::new('--max-in-flight', '--max-in-flight', [CompletionResultType]::ParameterName, 'Delivery attempts under way at once; further deliveries wait in a queue')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;verify' {
            [CompletionResult]::new('--provider', '--provider', [CompletionResultType]::ParameterName, 'The provider whose rules to grade by (`hooks providers list`)')
            [CompletionResult]::new('--api-key', '--api-key', [CompletionResultType]::ParameterName, 'The credential the receiver expects, put where the provider''s definition puts it; without it the credential checks are skipped')
            [CompletionResult]::new('--deadline', '--deadline', [CompletionResultType]::ParameterName, 'How long each answer may take, e.g. 500ms, 10s')
            [CompletionResult]::new('--only', '--only', [CompletionResultType]::ParameterName, 'Run only these checks (ids from --list-checks; `accepts` selects every accepts-<kind>)')
            [CompletionResult]::new('--skip', '--skip', [CompletionResultType]::ParameterName, 'Leave these checks out')
            [CompletionResult]::new('--burst', '--burst', [CompletionResultType]::ParameterName, 'Deliveries sent at once by the burst check')
            [CompletionResult]::new('--sign', '--sign', [CompletionResultType]::ParameterName, 'Sign every notification (schemes: standard, stripe, github, shopify) and add the signature checks')
            [CompletionResult]::new('--signing-secret', '--signing-secret', [CompletionResultType]::ParameterName, 'The secret for a provider whose definition names a signing scheme (instead of the variable the definition names)')
            [CompletionResult]::new('--junit', '--junit', [CompletionResultType]::ParameterName, 'Also write the results as JUnit XML to FILE, for CI')
            [CompletionResult]::new('--record', '--record', [CompletionResultType]::ParameterName, 'Also write every request sent to FILE, in the `hooks listen --record` format')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'Extra header on every request, e.g. -H ''X-Tunnel-Auth: x''')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'Extra header on every request, e.g. -H ''X-Tunnel-Auth: x''')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Accept any TLS certificate, e.g. the self-signed one of `hooks listen --tls`')
            [CompletionResult]::new('--list-checks', '--list-checks', [CompletionResultType]::ParameterName, 'List the checks (for --provider, as they would run) instead of running them')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;signature' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;signature;sign' {
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'The signature scheme')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The signing secret (standard: whsec_<base64>)')
            [CompletionResult]::new('--id', '--id', [CompletionResultType]::ParameterName, 'The message id signed by the standard scheme [default: msg_<random>]')
            [CompletionResult]::new('--timestamp', '--timestamp', [CompletionResultType]::ParameterName, 'The unix time signed by the standard and stripe schemes [default: now]')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;signature;verify' {
            [CompletionResult]::new('--scheme', '--scheme', [CompletionResultType]::ParameterName, 'The signature scheme')
            [CompletionResult]::new('--secret', '--secret', [CompletionResultType]::ParameterName, 'The signing secret; repeat it to accept any of several (a rotation)')
            [CompletionResult]::new('-H', '-H ', [CompletionResultType]::ParameterName, 'A header as received, e.g. -H ''webhook-signature: v1,…''')
            [CompletionResult]::new('--header', '--header', [CompletionResultType]::ParameterName, 'A header as received, e.g. -H ''webhook-signature: v1,…''')
            [CompletionResult]::new('--tolerance', '--tolerance', [CompletionResultType]::ParameterName, 'Seconds the signed timestamp may be from now, either way')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--ignore-timestamp', '--ignore-timestamp', [CompletionResultType]::ParameterName, 'Do not check the timestamp''s age (a request captured earlier)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;signature;help' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;signature;help;sign' {
            break
        }
        'hooks;signature;help;verify' {
            break
        }
        'hooks;signature;help;help' {
            break
        }
        'hooks;completions' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write every page into DIR instead (created if missing)')
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;version' {
            [CompletionResult]::new('--base-url', '--base-url', [CompletionResultType]::ParameterName, 'Base URL of the Callback API, e.g. https://api.partner.example')
            [CompletionResult]::new('--partner', '--partner', [CompletionResultType]::ParameterName, 'Your partnerUniqueID (a GUID)')
            [CompletionResult]::new('--token', '--token', [CompletionResultType]::ParameterName, 'API token, sent as `Authorization: Bearer <token>`')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Named profile from the config file (base_url, partner, token); flags and variables win')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output (auto: on a terminal, unless NO_COLOR is set)')
            [CompletionResult]::new('--providers', '--providers', [CompletionResultType]::ParameterName, 'Also read provider definitions from DIR (a definition folder, or folders of them)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Machine output on stdout: one JSON document, or one object per line for streams')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Trace requests and responses on stderr (secrets masked)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'hooks;help' {
            [CompletionResult]::new('callbacks', 'callbacks', [CompletionResultType]::ParameterValue, 'Manage callback registrations on the Callback API')
            [CompletionResult]::new('echo', 'echo', [CompletionResultType]::ParameterValue, 'Ask the Callback API to fire a test notification at your registered callback')
            [CompletionResult]::new('listen', 'listen', [CompletionResultType]::ParameterValue, 'Run a local server that recognises and prints every notification')
            [CompletionResult]::new('replay', 'replay', [CompletionResultType]::ParameterValue, 'Send fixtures, JSON files or `listen --record` recordings at a URL')
            [CompletionResult]::new('fixtures', 'fixtures', [CompletionResultType]::ParameterValue, 'Browse the built-in notification fixtures')
            [CompletionResult]::new('providers', 'providers', [CompletionResultType]::ParameterValue, 'List, show, check and import provider definitions (built-in and your own)')
            [CompletionResult]::new('sandbox', 'sandbox', [CompletionResultType]::ParameterValue, 'Run a local emulator of the Callback API that really delivers notifications')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Grade a webhook receiver by its provider''s rules (a table, --json or --junit for CI)')
            [CompletionResult]::new('signature', 'signature', [CompletionResultType]::ParameterValue, 'Sign a body as a webhook sender does, or check a received body''s signature')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the manual page of hooks or of one of its commands (roff, for man)')
            [CompletionResult]::new('version', 'version', [CompletionResultType]::ParameterValue, 'Print the version, commit, build date, target and features (for bug reports)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'hooks;help;callbacks' {
            [CompletionResult]::new('put', 'put', [CompletionResultType]::ParameterValue, 'Create or update the callback URL for a notification type')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the registered callbacks')
            [CompletionResult]::new('delete', 'delete', [CompletionResultType]::ParameterValue, 'Delete the callback for a notification type')
            break
        }
        'hooks;help;callbacks;put' {
            break
        }
        'hooks;help;callbacks;list' {
            break
        }
        'hooks;help;callbacks;delete' {
            break
        }
        'hooks;help;echo' {
            break
        }
        'hooks;help;listen' {
            break
        }
        'hooks;help;replay' {
            break
        }
        'hooks;help;fixtures' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the fixtures (name, provider, kind, description)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one fixture''s JSON')
            break
        }
        'hooks;help;fixtures;list' {
            break
        }
        'hooks;help;fixtures;show' {
            break
        }
        'hooks;help;providers' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the providers (name, priority, kinds, where defined)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print one provider''s definition')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the definitions in DIR: schemas compile, fixtures pass their kind''s schema and are recognised as their own provider and kind')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Write a provider folder from an OpenAPI document''s webhooks and callbacks')
            break
        }
        'hooks;help;providers;list' {
            break
        }
        'hooks;help;providers;show' {
            break
        }
        'hooks;help;providers;check' {
            break
        }
        'hooks;help;providers;import' {
            break
        }
        'hooks;help;sandbox' {
            break
        }
        'hooks;help;verify' {
            break
        }
        'hooks;help;signature' {
            [CompletionResult]::new('sign', 'sign', [CompletionResultType]::ParameterValue, 'Print the headers that sign BODY, one `Name: value` per line (ready for curl -H)')
            [CompletionResult]::new('verify', 'verify', [CompletionResultType]::ParameterValue, 'Check the signature headers of a received BODY: exit 0 when valid, 1 with the reason')
            break
        }
        'hooks;help;signature;sign' {
            break
        }
        'hooks;help;signature;verify' {
            break
        }
        'hooks;help;completions' {
            break
        }
        'hooks;help;man' {
            break
        }
        'hooks;help;version' {
            break
        }
        'hooks;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
