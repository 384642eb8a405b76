#!/bin/bash
# A small calibration as a Slurm job array of global-stage shards (deploy/slurm/calibrate.sbatch)
# plus the dependent merge, compared byte for byte with an unsharded `fenqi calibrate`.
#
#   bash deploy/slurm/calibrate-check.sh FENQI WORK
#
# Needs a running cluster (SLURM_CONF set): deploy/slurm/local-cluster-test.sh starts one and
# calls this. FENQI is the fenqi executable; WORK a scratch folder the cluster's node can write.
# A 30,000-customer baseline writes the observed loan tape (~2,000 loans); three of its
# parameters are fitted with a budget of 30 on 20,000-customer books: a few seconds of compute.
set -euo pipefail
fenqi=$1
work=$2/calibrate
root=$(cd "$(dirname "$0")/../.." && pwd)
mkdir -p "$work"
cd "$work"

# The observed book, at a seed of its own, and its moments.
sed -e 's/"size": 100000/"size": 30000/' -e 's/"burnInMonths": 18/"burnInMonths": 3/' \
  "$root/Scenarios/baseline.json" >truth.json
"$fenqi" run truth.json --seed 424242 --tape-loans 1000000 --out truth --quiet >/dev/null
"$fenqi" moments truth/tape.csv --out moments.json --bootstrap 50 >/dev/null
cp "$root/Scenarios/baseline.json" baseline.json
cat >calibration.json <<'JSON'
{"scenario": "baseline.json", "moments": "moments.json",
 "parameters": [
   {"path": "repayment.roll.intercept", "min": 1.0, "max": 2.3},
   {"path": "repayment.cure.byBucket.0", "min": -0.2, "max": 1.3},
   {"path": "population.segments.mainstream.behaviour.prepaymentRate", "min": 0.006, "max": 0.05, "scale": "log"}],
 "budget": 30, "replicates": 1, "seed": 20261129,
 "momentNames": ["ever30.", "prepaid.", "roll."],
 "uncertainty": {"method": "sandwich", "draws": 200},
 "overrides": {"population.size": 20000, "seasoning.burnInMonths": 3}}
JSON

# Three global-stage shards as an array, then the merge (local and uncertainty stages) after them.
shards=3
jid=$(FENQI=$fenqi sbatch --parsable --array=1-$shards --cpus-per-task=1 \
  "$root/deploy/slurm/calibrate.sbatch" "$work/calibration.json" "$work/shard")
sbatch --wait --quiet --dependency=afterok:"$jid" --kill-on-invalid-dep=yes --cpus-per-task=2 \
  --job-name=fenqi-calibrate-merge --output="$work/merge-%j.out" \
  --wrap "$fenqi merge $(printf "$work/shard-%d " $(seq 1 $shards)) --out $work/merged" >/dev/null
echo "calibration job array and its merge finished: $(ls -d "$work"/shard-* | wc -l) shards, $(ls "$work/merged/trials" | wc -l) trials"

"$fenqi" calibrate calibration.json --out single --threads 2 --quiet >/dev/null
if diff -r merged single >/dev/null; then
  echo "ok   the Slurm calibration (job array of global-stage shards + merge) equals a single-process calibrate byte for byte ($(find merged -type f | wc -l) files, calibrated.json included)"
else
  echo "FAIL the Slurm calibration differs from a single-process calibrate"
  diff -r merged single | head
  exit 1
fi
