#!/bin/bash
# Runs a sweep as a Slurm job array on a one-node Slurm cluster started on this machine, merges
# the shards and compares the result with a single-process sweep, byte for byte; then does the
# same for a small calibration (deploy/slurm/calibrate-check.sh: global-stage shards through
# deploy/slurm/calibrate.sbatch, the dependent merge, and an unsharded fenqi calibrate).
#
#   bash deploy/slurm/local-cluster-test.sh
#
# Needs root (it installs slurm-wlm and munge from Debian's packages and starts munged,
# slurmctld and slurmd) and a release build (swift build -c release). Everything it starts is
# stopped at the end; its files live in a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
fenqi=$root/.build/release/fenqi
[ -x "$fenqi" ] || swift build -c release
if ! command -v slurmctld >/dev/null; then
  # A fresh machine has no package lists yet.
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends slurm-wlm munge >/dev/null
fi

work=$(mktemp -d)
conf=$work/etc
mkdir -p "$conf" "$work/spool/ctld" "$work/spool/d" "$work/log" /run/munge
cleanup() {
  # Only the daemons this script started, by the process ids they wrote.
  local pids=()
  for f in "$work/slurmd.pid" "$work/slurmctld.pid"; do
    [ -s "$f" ] && pids+=("$(cat "$f")")
  done
  [ -n "${munged_pid:-}" ] && pids+=("$munged_pid")
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  # The daemons write their state as they stop: wait for them before removing their folder.
  for _ in $(seq 1 20); do
    local alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" -eq 0 ] && break
    sleep 0.5
  done
  rm -rf "$work" 2>/dev/null || { sleep 1; rm -rf "$work" 2>/dev/null || true; }
}
trap cleanup EXIT
fail_logs() { echo "--- logs"; tail -n 20 "$work"/log/* 2>/dev/null; }
trap 'fail_logs' ERR

# Munge: a fresh key, the daemon in the foreground of a background job.
dd if=/dev/urandom bs=1 count=1024 of="$work/munge.key" 2>/dev/null
chmod 400 "$work/munge.key"
chown root:root "$work/munge.key" /run/munge
munged --key-file="$work/munge.key" --socket=/run/munge/munge.socket.2 --foreground --force 2>"$work/log/munged.log" &
munged_pid=$!
sleep 1

host=$(hostname -s)
cpus=$(nproc)
memory=$(awk '/MemTotal/ {print int($2 / 1024) - 512}' /proc/meminfo)
cat >"$conf/slurm.conf" <<CONF
ClusterName=fenqi-local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
SchedulerType=sched/backfill
ReturnToService=2
StateSaveLocation=$work/spool/ctld
SlurmdSpoolDir=$work/spool/d
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/log/slurmctld.log
SlurmdLogFile=$work/log/slurmd.log
MpiDefault=none
NodeName=$host CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=local Nodes=$host Default=YES MaxTime=INFINITE State=UP
CONF
cat >"$conf/cgroup.conf" <<CONF
CgroupPlugin=cgroup/v1
CgroupAutomount=no
CONF
export SLURM_CONF=$conf/slurm.conf
slurmctld -f "$conf/slurm.conf"
slurmd -f "$conf/slurm.conf"
for _ in $(seq 1 60); do
  sinfo -h -o %t 2>/dev/null | grep -qE '^(idle|mix|alloc)' && break
  sleep 1
done
echo "cluster: $(sinfo -h -o '%P %D %t %c CPUs')"

# The sweep: 4 × 3 points × 2 replicates on a 20,000-customer baseline.
sed 's/"size": 100000/"size": 20000/' Scenarios/baseline.json >"$work/baseline-20k.json"
grid=(--grid arms.interestFree3.offer.interestFreePeriods=0,3,6,12 --grid approval.minimumCreditScore=560,600,640 --replicates 2)
cd "$work"
FENQI=$fenqi sbatch --wait --array=1-3 --cpus-per-task=1 "$root/deploy/slurm/sweep.sbatch" \
  "$work/baseline-20k.json" "$work/shard" "${grid[@]}"
echo "job array finished: $(ls -d "$work"/shard-* | wc -l) shards"
"$fenqi" merge "$work"/shard-1 "$work"/shard-2 "$work"/shard-3 --out "$work/merged" >/dev/null
"$fenqi" sweep "$work/baseline-20k.json" "${grid[@]}" --out "$work/single" --quiet >/dev/null
if diff -r "$work/merged" "$work/single" >/dev/null; then
  echo "ok   the Slurm job array's merged sweep equals the single-process sweep byte for byte ($(find "$work/merged" -type f | wc -l) files)"
else
  echo "FAIL the Slurm job array's merged sweep differs from the single-process sweep"
  diff -r "$work/merged" "$work/single" | head
  exit 1
fi

# A calibration as a job array of global-stage shards plus the dependent merge, against one process.
cd "$root"
bash deploy/slurm/calibrate-check.sh "$fenqi" "$work"
