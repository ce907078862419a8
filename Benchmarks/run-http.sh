#!/usr/bin/env bash
# HTTP layer benchmark (release build): a bare SwiftNIO server vs HTTPKit serving the same static
# bytes vs the GraphQLHTTP endpoint answering `{ __typename }` (the same bytes), measured in the
# same run with wrk (HTTP/1.1) and h2load (HTTP/2, -c 8 -m 10), plus HTTPKit's client
# requests/s. Prints one markdown table of medians over the runs.
#
#   Benchmarks/run-http.sh                      5 runs of 10 s per measurement
#   RUNS=3 DURATION=5 Benchmarks/run-http.sh    shorter
#   EXTRA_TARGET='graphql|<command>|<path>|h1,h2' Benchmarks/run-http.sh
#       adds a target: <command> must print "listening <port>" on its first line and serve <path>
#       until its stdin closes.
#
# Needs wrk and h2load (infra/bootstrap --bench). Servers run pinned to CPU 0 and load
# generators to CPU 1 when taskset exists, so the two do not fight for one core. Within a run,
# the targets are measured back to back per protocol, in alternating order from run to run.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-64}
CLIENT_REQUESTS=${CLIENT_REQUESTS:-200000}
for tool in wrk h2load python3; do
  command -v "$tool" >/dev/null || { echo "run-http: $tool missing (infra/bootstrap --bench)" >&2; exit 1; }
done

swift build -c release --product HTTPBenchmarks >&2
BIN=.build/release/HTTPBenchmarks
SERVER_CPU=() LOAD_CPU=()
if command -v taskset >/dev/null && [ "$(nproc)" -ge 2 ]; then
  SERVER_CPU=(taskset -c 0) LOAD_CPU=(taskset -c 1)
fi

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# start_server NAME COMMAND...: runs the server with a held-open stdin, sets PORT_<NAME>.
start_server() {
  local name=$1; shift
  mkfifo "$WORK/$name.in"
  "${SERVER_CPU[@]}" "$@" < "$WORK/$name.in" > "$WORK/$name.out" 2> "$WORK/$name.err" &
  PIDS+=($!)
  exec {fd}> "$WORK/$name.in"   # keeps the server's stdin open until this script exits
  for _ in $(seq 1 200); do
    if grep -q '^listening ' "$WORK/$name.out" 2>/dev/null; then break; fi
    sleep 0.05
  done
  local port
  port=$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$WORK/$name.out" | head -1)
  [ -n "$port" ] || { echo "run-http: $name did not start: $(cat "$WORK/$name.err")" >&2; exit 1; }
  printf -v "PORT_$name" '%s' "$port"
  printf -v "PID_$name" '%s' "${PIDS[-1]}"
}

# cpu_ticks PID: user+system CPU time of a process so far, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# Targets: name|path|protocols (the server was started under that name).
# Every target gets the same request (the GraphQL one) and sends the same 31 response bytes, so
# the ratios compare only what the servers do with it: the bare server and HTTPKit's static
# route ignore the query; the GraphQL endpoint decodes, looks up and executes it.
REQUEST_PATH='/graphql?query=%7B__typename%7D'
TARGETS=("bare|$REQUEST_PATH|h1" "httpkit|$REQUEST_PATH|h1,h2" "graphql|$REQUEST_PATH|h1,h2")
start_server bare "$BIN" serve-bare --port 0
start_server httpkit "$BIN" serve-kit --port 0
start_server graphql "$BIN" serve-graphql --port 0
if [ -n "${EXTRA_TARGET:-}" ]; then
  IFS='|' read -r extra_name extra_cmd extra_path extra_protocols <<< "$EXTRA_TARGET"
  # shellcheck disable=SC2086
  start_server "$extra_name" $extra_cmd
  TARGETS+=("$extra_name|$extra_path|$extra_protocols")
fi

RESULTS="$WORK/results.tsv"
: > "$RESULTS"
record() { printf '%s\t%s\n' "$1" "$2" >> "$RESULTS"; echo "  $1: $2" >&2; }

# measure NAME PATH PROTOCOL: one load-tool run against one target, recorded with its CPU use.
measure() {
  local name=$1 path=$2 protocol=$3
  local port_var="PORT_$name" pid_var="PID_$name"
  local url="http://127.0.0.1:${!port_var}$path" pid=${!pid_var} before after out requests
  before=$(cpu_ticks "$pid")
  if [ "$protocol" = h1 ]; then
    out=$("${LOAD_CPU[@]}" wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" "$url")
    after=$(cpu_ticks "$pid")
    requests=$(awk '/requests in/ {print $1}' <<< "$out")
    record "$name wrk HTTP/1.1 -c$CONNECTIONS" "$(awk '/Requests\/sec/ {print $2}' <<< "$out")"
    record "$name wrk HTTP/1.1 -c$CONNECTIONS: server CPU per request" \
      "$(python3 -c "print(($after - $before) * 1e6 / $TICKS_PER_SECOND / $requests)")"
  else
    out=$("${LOAD_CPU[@]}" h2load -t1 -c8 -m10 -D "$DURATION" "$url")
    after=$(cpu_ticks "$pid")
    requests=$(sed -n 's/^requests: .* \([0-9]*\) succeeded.*/\1/p' <<< "$out")
    record "$name h2load HTTP/2 -c8 -m10" "$(sed -n 's/^finished in [^,]*, \([0-9.]*\) req\/s.*/\1/p' <<< "$out")"
    record "$name h2load HTTP/2 -c8 -m10: server CPU per request" \
      "$(python3 -c "print(($after - $before) * 1e6 / $TICKS_PER_SECOND / $requests)")"
  fi
}

for run in $(seq 1 "$RUNS"); do
  echo "run $run/$RUNS" >&2
  # Targets compared with each other are measured back to back, per protocol, and the order
  # flips every run (A B C, then C B A), so load drifting on a shared machine hits both sides
  # of a ratio alike.
  ordered=("${TARGETS[@]}")
  if (( run % 2 == 0 )); then
    ordered=()
    for (( i=${#TARGETS[@]}-1; i>=0; i-- )); do ordered+=("${TARGETS[$i]}"); done
  fi
  for protocol in h1 h2; do
    for target in "${ordered[@]}"; do
      IFS='|' read -r name path protocols <<< "$target"
      [[ $protocols == *$protocol* ]] && measure "$name" "$path" "$protocol"
    done
  done
  out=$("${LOAD_CPU[@]}" "$BIN" client --port "$PORT_httpkit" --protocol h2 --requests "$CLIENT_REQUESTS" --concurrency 64)
  record "HTTPKit client -> httpkit, HTTP/2 (1 connection, 64 concurrent)" "$(awk '{print $NF}' <<< "$out")"
  out=$("${LOAD_CPU[@]}" "$BIN" client --port "$PORT_httpkit" --protocol h1 --connections 8 --requests "$CLIENT_REQUESTS" --concurrency 64)
  record "HTTPKit client -> httpkit, HTTP/1.1 (8 connections, 64 concurrent)" "$(awk '{print $NF}' <<< "$out")"
  out=$("${LOAD_CPU[@]}" "$BIN" client --port "$PORT_bare" --protocol h1 --connections 8 --requests "$CLIENT_REQUESTS" --concurrency 64)
  record "HTTPKit client -> bare, HTTP/1.1 (8 connections, 64 concurrent)" "$(awk '{print $NF}' <<< "$out")"
done

python3 - "$RESULTS" "$RUNS" "$DURATION" <<'PY'
import sys, statistics, collections
rows = collections.OrderedDict()
for line in open(sys.argv[1]):
    name, value = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append(float(value))

def find(prefix, cpu):
    return next((k for k in rows if k.startswith(prefix) and ("CPU" in k) == cpu), None)

def paired(name, base):
    # Ratio to the baseline measured in the same run (back to back), median over runs:
    # steadier than a ratio of medians on a machine whose load drifts.
    if not base or name == base or len(rows[name]) != len(rows[base]):
        return ""
    return f"{statistics.median(a / b for a, b in zip(rows[name], rows[base])):.2f}x"

print(f"runs: {sys.argv[2]}, {sys.argv[3]} s per load-tool measurement\n")
print("| measurement | median | min | max | vs bare NIO, same run (HTTP/1.1) | vs HTTPKit static, same run (HTTP/2) |")
print("|---|---:|---:|---:|---:|---:|")
for name, values in rows.items():
    cpu = "CPU" in name
    ratio1 = paired(name, find("bare wrk", cpu)) if "wrk" in name else ""
    ratio2 = paired(name, find("httpkit h2load", cpu)) if "h2load" in name else ""
    if cpu:
        cells = [f"{statistics.median(values):.1f} µs", f"{min(values):.1f}", f"{max(values):.1f}"]
    else:
        cells = [f"{statistics.median(values):,.0f} req/s", f"{min(values):,.0f}", f"{max(values):,.0f}"]
    print(f"| {name} | {' | '.join(cells)} | {ratio1} | {ratio2} |")
PY
