#!/usr/bin/env bash
# Do two fenqi binaries write the same bytes? Runs every shipped scenario, a stress run, a sweep and
# trained models (GBDT, logistic, scorecard) with each binary and compares every file except
# manifest.json (times, thread count). Used to show that a change of the code's shape changes no
# result:
#
#   bash .ci/same-output.sh OLD_FENQI NEW_FENQI
#
# Prints one "same" or "DIFFERS" line per output and exits 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1
new=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
german=Tests/FenqiModelsTests/Data/german_credit.csv

produce() {
  local bin=$1 out=$2
  mkdir -p "$out"
  for s in Scenarios/*.json; do
    case "$s" in *schema*) continue ;; esac
    "$bin" run "$s" --out "$out/run-$(basename "$s" .json)" --threads 2 --quiet >/dev/null
  done
  "$bin" stress Scenarios/recession-stress.json --paths 40 --threads 2 --out "$out/stress" --quiet >/dev/null
  "$bin" sweep Scenarios/reference.json --grid population.size=2000,4000 \
    --grid arms.interestFree3.offer.interestFreePeriods=0,3 --replicates 2 --threads 2 \
    --out "$out/sweep" --quiet >/dev/null
  for m in gbdt logistic scorecard; do
    "$bin" train "$german" --target creditability --positive bad --model "$m" --out "$out/model-$m.json" >/dev/null
  done
}

produce "$old" "$work/old"
produce "$new" "$work/new"
status=0
while IFS= read -r f; do
  rel=${f#"$work/old/"}
  case "$rel" in */manifest.json | manifest.json) continue ;; esac
  if cmp -s "$f" "$work/new/$rel"; then
    echo "same     $rel"
  else
    echo "DIFFERS  $rel"
    status=1
  fi
done < <(find "$work/old" -type f | sort)
extra=$(cd "$work/new" && find . -type f | sed 's|^\./||' | while read -r r; do [ -e "$work/old/$r" ] || echo "$r"; done)
if [ -n "$extra" ]; then
  echo "DIFFERS  only the new binary wrote: $extra"
  status=1
fi
exit $status
