#!/usr/bin/env bash
# fenqi serve end to end, with the release binary:
#  1. the web workspace in headless Chromium (installed from Debian's packages when absent): `/`
#     lists the runs (an arm named `<script>…` and one named in Chinese show as text), a run's
#     report opens, a broken scenario shows its validation errors, two runs compare, and the
#     decision form, filled from a `#decide/<application>` link against a small risk-stack run's
#     bundle, is submitted and shows the decision and its reasons as worded text;
#  2. a run submitted over the API is byte-identical to `fenqi run` (every file but manifest.json);
#  3. SIGTERM during a run: the server exits 0, the finished run is intact, nothing half-written.
#
#   bash .ci/serve-check.sh .build/release/fenqi
set -euo pipefail
cd "$(dirname "$0")/.."
fenqi=$1
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v chromium >/dev/null || ! command -v curl >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && apt-get install -y -qq chromium curl >/dev/null
  else
    echo "FAIL: chromium and curl are needed (apt-get install -y chromium curl, as root)"
    exit 1
  fi
fi

# A scenario whose arm names need escaping, and the reference scenario, as finished runs.
python3 - "$work/hostile.json" <<'PY'
import json, sys
s = json.load(open("Scenarios/reference.json"))
s["name"] = "escaping"
s["population"]["size"] = 2000
s["arms"][0]["name"] = "<script>alert(1)</script>"
s["arms"][1]["name"] = "免息分期"
s["assignment"] = json.loads(json.dumps(s["assignment"]).replace('"control"', '"<script>alert(1)</script>"').replace('"interestFree3"', '"免息分期"'))
json.dump(s, open(sys.argv[1], "w"), ensure_ascii=False)
PY
mkdir -p "$work/runs"
"$fenqi" run "$work/hostile.json" --out "$work/runs/escaping" --quiet >/dev/null
"$fenqi" run Scenarios/reference.json --out "$work/runs/reference" --quiet >/dev/null

# A small risk-stack run: its decision bundle serves the workspace's decision form.
python3 - "$work/risk.json" <<'PY'
import json, sys
s = json.load(open("Scenarios/risk-stack.json"))
s["population"]["size"] = 20000
json.dump(s, open(sys.argv[1], "w"))
PY
"$fenqi" run "$work/risk.json" --out "$work/risk" --quiet >/dev/null

start() {
  "$fenqi" serve --port 0 --runs "$work/runs" --bundle "$work/risk/decision-bundle.json" --quiet \
    >"$work/serve.out" 2>"$work/serve.err" &
  pid=$!
  for _ in $(seq 100); do
    port=$(sed -n 's|.*http://127.0.0.1:\([0-9]*\).*|\1|p' "$work/serve.out")
    [ -n "$port" ] && break
    sleep 0.1
  done
  [ -n "$port" ] || { echo "FAIL: fenqi serve did not start"; cat "$work/serve.err"; exit 1; }
  base="http://127.0.0.1:$port"
}
dom() {
  timeout 90 chromium --headless --no-sandbox --disable-gpu --virtual-time-budget=8000 \
    --dump-dom "$1" 2>/dev/null
}
start

page=$(dom "$base/")
grep -q 'href="#report/reference"' <<<"$page" || { echo "FAIL workspace: the runs list lacks the reference run"; exit 1; }
grep -q '<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>' <<<"$page" || { echo "FAIL workspace: an arm named <script> is not shown as text"; exit 1; }
grep -q '<td>免息分期</td>' <<<"$page" || { echo "FAIL workspace: an arm named in Chinese is not shown"; exit 1; }
! grep -q '<script>alert' <<<"$page" || { echo "FAIL workspace: an arm name became markup"; exit 1; }
echo "ok   workspace in Chromium: / lists the runs; arm names <script> and 免息分期 show as text"

page=$(dom "$base/#report/reference")
grep -q 'id="report-frame"[^>]*srcdoc="&lt;!DOCTYPE html' <<<"$page" || { echo "FAIL workspace: the reference run's report did not open"; exit 1; }
echo "ok   workspace in Chromium: a run's report opens"

broken=$(python3 -c 'import urllib.parse; print(urllib.parse.quote(open("Tests/FenqiSimulationTests/Invalid/many-problems.json").read(), safe=""))')
page=$(dom "$base/#editor/$broken")
count=$(grep -o 'class="problem"' <<<"$page" | wc -l)
[ "$count" -eq 7 ] || { echo "FAIL workspace: the broken scenario showed $count problems, not 7"; exit 1; }
grep -q '7 problems' <<<"$page" || { echo "FAIL workspace: no problem count"; exit 1; }
echo "ok   workspace in Chromium: a broken scenario shows its 7 validation errors as you type"

page=$(dom "$base/#compare/reference,escaping")
grep -q 'id="compare-frame"[^>]*srcdoc=' <<<"$page" || { echo "FAIL workspace: the comparison did not open"; exit 1; }
echo "ok   workspace in Chromium: two runs compare side by side"

# The decision form: filled from a link, submitted by its button, the reasons shown as wording
# (a reason code and an adverse-action phrase, never a raw feature name such as externalApplications3m).
application=$(python3 -c '
import json, urllib.parse
a = json.load(open("deploy/loadtest/application.json"))
a.update(bureauScore=560, debtToIncome=0.9, priorDelinquencies=2)  # a PD decline, with reasons
print(urllib.parse.quote(json.dumps(a), safe=""))')
page=$(dom "$base/#decide/$application")
python3 - <(printf '%s' "$page") <<'PY' || exit 1
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
status = re.search(r'id="decision-status"[^>]*>([^<]*)<', page)
if not status or status.group(1) not in ("Decision: approved", "Decision: declined"):
    sys.exit("FAIL workspace: the decision form showed no decision: %r" % (status and status.group(1)))
if '<td>bundleVersion</td>' not in page:
    sys.exit("FAIL workspace: the decision's table lacks the bundle version")
ol = re.search(r'<ol id="reasons">(.*?)</ol>', page, re.S)
reasons = [html.unescape(r) for r in re.findall(r"<li>(.*?)</li>", ol.group(1) if ol else "")]
if not reasons:
    sys.exit("FAIL workspace: the decision shows no reasons")
for r in reasons:
    if not re.fullmatch(r"R\d{2} — [a-z][a-z0-9 ,'()/-]* [a-z0-9 ,'()/-]+", r) or re.search(r"[a-z][A-Z]", r):
        sys.exit("FAIL workspace: a reason is not worded text: %r" % r)
print("ok   workspace in Chromium: the decision form (%s) shows %d worded reasons, e.g. %r"
      % (status.group(1).split(": ")[1], len(reasons), reasons[0]))
PY

# A run over the API is byte-identical to fenqi run of the same scenario.
id=$(curl -sf -X POST --data-binary @Scenarios/reference.json "$base/v1/runs" | sed -n 's/.*"id": "\([^"]*\)".*/\1/p')
for _ in $(seq 600); do
  state=$(curl -sf "$base/v1/runs/$id" | sed -n 's/.*"state": "\([^"]*\)".*/\1/p')
  [ "$state" = succeeded ] && break
  sleep 0.1
done
[ "$state" = succeeded ] || { echo "FAIL: the API run ended $state"; exit 1; }
for f in "$work/runs/reference"/*; do
  name=$(basename "$f")
  [ "$name" = manifest.json ] && continue
  cmp -s "$f" "$work/runs/$id/$name" || { echo "FAIL: $name of the API run differs from fenqi run"; exit 1; }
done
echo "ok   a run submitted over the API is byte-identical to fenqi run (manifest.json aside)"

# SIGTERM while a big run is simulating: exit 0, finished runs intact, nothing half-written.
python3 - "$work/big.json" <<'PY'
import json, sys
s = json.load(open("Scenarios/reference.json"))
s["name"] = "big"
s["population"]["size"] = 400000
s["periods"] = 24
json.dump(s, open(sys.argv[1], "w"))
PY
before=$(ls -A "$work/runs" | sort)
big=$(curl -sf -X POST --data-binary @"$work/big.json" "$base/v1/runs" | sed -n 's/.*"id": "\([^"]*\)".*/\1/p')
for _ in $(seq 300); do
  state=$(curl -sf "$base/v1/runs/$big" | sed -n 's/.*"state": "\([^"]*\)".*/\1/p')
  [ "$state" = running ] && break
  sleep 0.1
done
[ "$state" = running ] || { echo "FAIL: the big run is $state, not running"; exit 1; }
kill -TERM "$pid"
set +e
wait "$pid"
code=$?
set -e
pid=
[ "$code" -eq 0 ] || { echo "FAIL: fenqi serve exited $code after SIGTERM"; exit 1; }
after=$(ls -A "$work/runs" | sort)
[ "$before" = "$after" ] || { echo "FAIL: SIGTERM left $(comm -13 <(echo "$before") <(echo "$after"))"; exit 1; }
for run in "$work/runs"/*; do
  for f in $(python3 -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1]))["files"]))' "$run/manifest.json"); do
    [ -s "$run/$f" ] || { echo "FAIL: $run lost $f"; exit 1; }
  done
done
echo "ok   SIGTERM during a run: exit 0, every finished run intact, no half-written folder"
