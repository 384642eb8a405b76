#!/usr/bin/env bash
# Load test of POST /v1/decisions with wrk (Debian's package, installed when missing): fenqi serve
# against a FastAPI + LightGBM service scoring an equivalent model (same trees, same 27 features),
# both with 2 workers on this machine. For each: a paced run offering ~5,000 requests/s (50
# connections, 10 ms pause between a connection's requests; plain wrk has no constant-rate -R) and
# unpaced runs at 16 and 64 connections for the highest sustained rate. Prints one RESULT line per
# run and a table.
#
#   bash deploy/loadtest/run.sh [FENQI_BINARY] [SCRATCH_DIR]
#
# SCRATCH_DIR (default: a temporary folder) holds the bundle, the Python venv (PyPI: fastapi,
# uvicorn, lightgbm, numpy) and the logs. The machine should be otherwise idle.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
fenqi=${1:-$root/.build/release/fenqi}
scratch=${2:-$(mktemp -d)}
duration=${FENQI_LOAD_SECONDS:-20}
mkdir -p "$scratch"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done' EXIT

if ! command -v wrk >/dev/null; then
  apt-get update -qq && apt-get install -y -qq wrk >/dev/null
fi

# A bundle from a risk-stack run (the shipped scenario at 100,000 customers).
python3 - "$root/Scenarios/risk-stack.json" "$scratch/risk.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
s["population"]["size"] = 100000
json.dump(s, open(sys.argv[2], "w"))
PY
if [ ! -f "$scratch/run/decision-bundle.json" ]; then
  "$fenqi" run "$scratch/risk.json" --out "$scratch/run" --quiet >/dev/null
fi
bundle=$scratch/run/decision-bundle.json
mkdir -p "$scratch/runs"

wait_port() {
  for _ in $(seq 200); do
    curl -s -o /dev/null "http://127.0.0.1:$1/" && return 0
    sleep 0.1
  done
  echo "FAIL: nothing answers on port $1"
  exit 1
}

load() {  # name port
  local name=$1 port=$2
  curl -sf -X POST -H 'Content-Type: application/json' --data-binary @"$here/application.json" \
    "http://127.0.0.1:$port/v1/decisions" >/dev/null || { echo "FAIL: $name does not decide"; exit 1; }
  cd "$here"
  FENQI_APPLICATION=$here/application.json wrk -t2 -c16 -d3s -s decide.lua "http://127.0.0.1:$port/v1/decisions" >/dev/null
  echo "== $name: paced, 60 connections, 10 ms pause (offered ~6,000/s); load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
  FENQI_DELAY_MS=10 FENQI_APPLICATION=$here/application.json wrk -t2 -c60 -d"${duration}s" --latency \
    -s decide.lua "http://127.0.0.1:$port/v1/decisions" | grep RESULT | sed "s/^/$name paced /"
  for c in 16 64; do
    echo "== $name: unpaced, $c connections; load average $(cut -d' ' -f1 /proc/loadavg)"
    FENQI_APPLICATION=$here/application.json wrk -t2 -c"$c" -d"${duration}s" --latency \
      -s decide.lua "http://127.0.0.1:$port/v1/decisions" | grep RESULT | sed "s/^/$name c$c /"
  done
  cd - >/dev/null
}

# fenqi serve, 2 workers, no access log.
"$fenqi" serve --port 18431 --workers 2 --quiet --bundle "$bundle" --runs "$scratch/runs" \
  >"$scratch/fenqi.log" 2>&1 &
pids+=($!)
wait_port 18431
load fenqi 18431 | tee "$scratch/fenqi.results"

# FastAPI + LightGBM, uvicorn with 2 worker processes.
if [ ! -x "$scratch/venv/bin/python" ]; then python3 -m venv "$scratch/venv"; fi
"$scratch/venv/bin/pip" install --quiet --disable-pip-version-check -r "$here/requirements.txt"
(cd "$here" && "$scratch/venv/bin/python" train_lightgbm.py "$bundle" http://127.0.0.1:18431 "$scratch/lightgbm.txt")
kill "${pids[0]}"
wait "${pids[0]}" 2>/dev/null || true
(cd "$here" && FENQI_LIGHTGBM=$scratch/lightgbm.txt FENQI_BUNDLE=$bundle exec \
  "$scratch/venv/bin/uvicorn" fastapi_service:app --port 18432 --workers 2 --log-level warning \
  --no-access-log >"$scratch/fastapi.log" 2>&1) &
pids+=($!)
wait_port 18432
load fastapi 18432 | tee "$scratch/fastapi.results"

echo
printf '%-8s %-7s %9s %8s %8s %8s %8s\n' service run "req/s" p50_ms p90_ms p99_ms errors
cat "$scratch/fenqi.results" "$scratch/fastapi.results" | grep RESULT | while read -r svc run _ rest; do
  eval "$rest"
  printf '%-8s %-7s %9s %8s %8s %8s %8s\n' "$svc" "$run" "$rate" "$p50_ms" "$p90_ms" "$p99_ms" "$((non200 + socket_errors))"
done
