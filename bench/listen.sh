#!/usr/bin/env bash
# `hooks listen --json --record FILE`, without and with `--ui` (the inspector, no page
# open), against the fastest fair ceiling (examples/bare_server.rs: an axum server that
# reads each body and answers 200 with an empty body), all built with the `fastest`
# profile, same load tool (oha), same run, concurrency 64 on loopback. Prints each one's
# requests/s and its ratio to the ceiling (target >= 0.7), and checks that each record
# file holds exactly one line per 2xx response.
#
# The servers run side by side, get one warm-up round each, then take turns under load
# (each round in another order), ROUNDS times. The machine's speed drifts (other work on
# the host moved the bare server alone between 33,000 and 82,000 req/s within one run),
# so each server is compared with the bare one in the same round, and the median of those
# ratios is the result: one burst of other work does not decide it.
#
# Usage: bench/listen.sh [REQUESTS_PER_ROUND]   (default 30000; env CONCURRENCY=64, ROUNDS=9)
set -euo pipefail

cd "$(dirname "$0")/.."
REQUESTS=${1:-30000}
CONCURRENCY=${CONCURRENCY:-64}
ROUNDS=${ROUNDS:-9}
WORK=$(mktemp -d)
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    rm -rf "$WORK"
}
trap cleanup EXIT

if ! command -v oha >/dev/null; then
    echo "installing oha (cargo install oha --locked)..." >&2
    cargo install oha --locked
fi
cargo build --profile fastest --bin hooks --example bare_server >&2
TARGET_DIR=$(cargo metadata --format-version 1 --no-deps | sed -n 's/.*"target_directory":"\([^"]*\)".*/\1/p')
RELEASE="$TARGET_DIR/fastest"

# Starts a server in the background (stdout to /dev/null) and sets URL once its ready
# line is on stderr.
start() {
    local log=$1; shift
    "$@" >/dev/null 2>"$log" &
    PIDS+=($!)
    for _ in $(seq 1 200); do
        if grep -q 'listening on ' "$log"; then
            URL=$(sed -n 's/.*listening on //p' "$log" | head -n1)
            return
        fi
        sleep 0.05
    done
    echo "server did not start: $(cat "$log")" >&2
    exit 1
}

BODY="$WORK/body.json"
cat >"$BODY" <<'JSON'
{"eventId":"f47ac10b-58cc-4372-a567-0e02b2c3d479","eventType":"DOCUMENT_STATUS_CHANGED","occurredAt":"2025-03-30T10:15:00Z","documentId":"INV-2025-00123","externalStatus":"APPROVED","currentStatus":"OK","flowDetail":"VERIFACTU"}
JSON

# Runs oha against URL; prints "REQS_PER_SEC TWO_XX_COUNT".
load() {
    local json="$WORK/oha-$2.json"
    oha --no-tui --output-format json -n "$REQUESTS" -c "$CONCURRENCY" -m POST \
        -H 'content-type: application/json' -D "$BODY" "$1/bench" >"$json"
    python3 - "$json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
codes = report.get("statusCodeDistribution", {})
ok = sum(n for code, n in codes.items() if 200 <= int(code) < 300)
print(f'{report["summary"]["requestsPerSec"]:.0f} {ok}')
PY
}

start "$WORK/bare.log" "$RELEASE/examples/bare_server"
BARE_URL=$URL
RECORD="$WORK/record.jsonl"
start "$WORK/listen.log" "$RELEASE/hooks" --json listen --port 0 --record "$RECORD"
LISTEN_URL=$URL
UI_RECORD="$WORK/ui-record.jsonl"
start "$WORK/ui.log" "$RELEASE/hooks" --json listen --port 0 --record "$UI_RECORD" --ui --ui-port 0
UI_URL=$URL

load "$BARE_URL" bare-warm-up >/dev/null
read -r _ LISTEN_OK_TOTAL < <(load "$LISTEN_URL" listen-warm-up)
read -r _ UI_OK_TOTAL < <(load "$UI_URL" ui-warm-up)
BARE=()
LISTEN=()
UI=()
# Each round starts with a different server, so that none is always the one loaded right
# after another's burst.
for round in $(seq 1 "$ROUNDS"); do
    for turn in 0 1 2; do
        case $(((round + turn) % 3)) in
        0) read -r BARE_RPS _ < <(load "$BARE_URL" "bare-$round") ;;
        1) read -r LISTEN_RPS LISTEN_OK < <(load "$LISTEN_URL" "listen-$round") ;;
        2) read -r UI_RPS UI_OK < <(load "$UI_URL" "ui-$round") ;;
        esac
    done
    BARE+=("$BARE_RPS")
    LISTEN+=("$LISTEN_RPS")
    UI+=("$UI_RPS")
    LISTEN_OK_TOTAL=$((LISTEN_OK_TOTAL + LISTEN_OK))
    UI_OK_TOTAL=$((UI_OK_TOTAL + UI_OK))
    echo "round $round: bare $BARE_RPS req/s, hooks listen $LISTEN_RPS req/s, with --ui $UI_RPS req/s" >&2
done
# Every 2xx was recorded before it was sent, so the files are complete already.
RECORDED=$(wc -l <"$RECORD")
UI_RECORDED=$(wc -l <"$UI_RECORD")

median() { printf '%s\n' "$@" | sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
BARE_MEDIAN=$(median "${BARE[@]}")
LISTEN_MEDIAN=$(median "${LISTEN[@]}")
UI_MEDIAN=$(median "${UI[@]}")
# The median of each round's ratio to that round's bare server, and the ratios.
ratios() {
    python3 - "$1" "$2" <<'PY'
import statistics, sys
bare, other = ([float(v) for v in arg.split()] for arg in sys.argv[1:])
ratios = [o / b for o, b in zip(other, bare)]
print(f"{statistics.median(ratios):.2f} (rounds: {' '.join(f'{r:.2f}' for r in ratios)})")
PY
}
RATIO=$(ratios "${BARE[*]}" "${LISTEN[*]}")
UI_RATIO=$(ratios "${BARE[*]}" "${UI[*]}")
echo "load:                $ROUNDS rounds (after a warm-up) of $REQUESTS POSTs at concurrency $CONCURRENCY (oha, 127.0.0.1)"
echo "bare axum server:    $BARE_MEDIAN req/s (median; rounds: ${BARE[*]})"
echo "hooks listen:        $LISTEN_MEDIAN req/s (median; rounds: ${LISTEN[*]}) --json --record, stdout to /dev/null"
echo "hooks listen --ui:   $UI_MEDIAN req/s (median; rounds: ${UI[*]}) the same, and the inspector with no page open"
echo "ratio:               $RATIO, target >= 0.7"
echo "ratio with --ui:     $UI_RATIO, target >= 0.7"
echo "record file lines:   $RECORDED for $LISTEN_OK_TOTAL 2xx responses; with --ui $UI_RECORDED for $UI_OK_TOTAL"
if [ "$RECORDED" -ne "$LISTEN_OK_TOTAL" ] || [ "$UI_RECORDED" -ne "$UI_OK_TOTAL" ]; then
    echo "FAIL: a record file does not hold one line per 2xx response" >&2
    exit 1
fi
echo "record check:        ok"
