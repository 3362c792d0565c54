#!/usr/bin/env bash
# Benchmark for `hooks replay`: in one run, against one bare local
# server (examples/bare_server.rs, which reads each body and answers 200), send the same fixture body with the
# same concurrency twice: once with oha (the reference load tool, from crates.io), once with
# `hooks replay`. Prints both requests/s and their ratio; the target is a ratio >= 0.9.
#
# The machine may be shared, so each tool runs RUNS times, alternating, and the best run of
# each counts (every run is printed).
#
# Usage: bench/replay.sh [FIXTURE]        (default clubcollect/batch)
# Environment: REQUESTS (default 20000), CONCURRENCY (default 64), RUNS (default 3).
# Exit status: 0 when the ratio meets the target, 1 when it does not, 2 when a step fails.
set -euo pipefail

FIXTURE=${1:-clubcollect/batch}
REQUESTS=${REQUESTS:-20000}
CONCURRENCY=${CONCURRENCY:-64}
RUNS=${RUNS:-3}
TARGET=0.9

cd "$(dirname "$0")/.."
work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

die() { echo "bench/replay.sh: $*" >&2; exit 2; }

if ! command -v oha >/dev/null 2>&1; then
    echo "installing oha from crates.io (a few minutes on two cores)..." >&2
    cargo install oha --locked >&2 || die "cannot install oha"
fi
export PATH="$HOME/.cargo/bin:$PATH"

echo "building with the fastest profile (LTO, one codegen unit)..." >&2
cargo build --profile fastest --quiet --bin hooks --example bare_server || die "the build failed"
hooks=target/fastest/hooks

target/fastest/examples/bare_server 0 2>"$work/server.err" &
server_pid=$!
url=
for _ in $(seq 1 200); do
    url=$(sed -n 's/.*listening on \(http:[^ ]*\).*/\1/p' "$work/server.err" | head -n 1)
    [ -n "$url" ] && break
    kill -0 "$server_pid" 2>/dev/null || die "the bare server exited: $(cat "$work/server.err")"
    sleep 0.05
done
[ -n "$url" ] || die "the bare server printed no 'listening on' line"

"$hooks" fixtures show "$FIXTURE" >"$work/body.json" || die "no fixture $FIXTURE"

oha_rps() {
    oha --no-tui --output-format json -n "$1" -c "$CONCURRENCY" -m POST \
        -H 'Content-Type: application/json' -D "$work/body.json" "$url" >"$work/oha.json" \
        || die "oha failed"
    grep -o '"requestsPerSec": *[0-9.eE+-]*' "$work/oha.json" | head -n 1 | cut -d: -f2 | tr -d ' '
}

# Warm both ends up (connections, page cache) before measuring.
oha_rps 2000 >/dev/null

replay_rps() {
    "$hooks" replay "$FIXTURE" --repeat "$REQUESTS" --concurrency "$CONCURRENCY" --to "$url" --json \
        >"$work/replay.jsonl" || die "hooks replay reported failures: $(tail -n 1 "$work/replay.jsonl")"
    local summary sent
    summary=$(tail -n 1 "$work/replay.jsonl")
    sent=$(printf '%s' "$summary" | grep -o '"sent":[0-9]*' | cut -d: -f2)
    [ "$sent" = "$REQUESTS" ] || die "hooks replay sent $sent deliveries, not $REQUESTS"
    printf '%s' "$summary" | grep -o '"requests_per_sec":[0-9.eE+-]*' | cut -d: -f2
}

best() { printf '%s\n' "$@" | sort -g | tail -n 1; }

echo "POST $url ($FIXTURE): $REQUESTS requests, concurrency $CONCURRENCY, best of $RUNS runs each" >&2
oha_runs=()
replay_runs=()
for run in $(seq 1 "$RUNS"); do
    o=$(oha_rps "$REQUESTS")
    [ -n "$o" ] || die "no requests/s in oha's output: $(head -c 300 "$work/oha.json")"
    r=$(replay_rps)
    [ -n "$r" ] || die "no requests_per_sec in hooks replay's summary"
    printf 'run %d: oha %.0f, hooks replay %.0f requests/s\n' "$run" "$o" "$r" >&2
    oha_runs+=("$o")
    replay_runs+=("$r")
done
oha=$(best "${oha_runs[@]}")
replay=$(best "${replay_runs[@]}")

awk -v oha="$oha" -v replay="$replay" -v target="$TARGET" 'BEGIN {
    ratio = replay / oha
    printf "oha           %10.0f requests/s\n", oha
    printf "hooks replay  %10.0f requests/s\n", replay
    printf "ratio         %10.2f (target >= %.1f)\n", ratio, target
    exit (ratio >= target) ? 0 : 1
}'
