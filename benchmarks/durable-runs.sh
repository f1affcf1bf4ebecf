#!/usr/bin/env bash
# Runs every DurableLoad measurement that BENCHMARKS.md reports, one after the other, each in its own JVM.
# From the repository root, after: mvn -o -q -B -pl benchmarks -am package -DskipTests
# Usage: benchmarks/durable-runs.sh [OUTPUT_DIR] [RUN...]   (runs: pg-drain (or one of pg-drain-w1, -w2, -w4),
#        pg-drain-batch-sizes h2-drain pg-triggers pg-triggers-batch8 pg-together pg-together-batched pg-waiting
#        h2-waiting pg-drain-async, and the steady-state drains pg-steady (or pg-steady-w4-claim256)
#        pg-steady-no-vacuum h2-steady;
#        default all; environment: COOL_LOAD, below). PostgreSQL: the database automation_bench, made once
#        with: runuser -u postgres -- createdb -O automation automation_bench
set -euo pipefail
out=${1:-target/durable-runs}
shift || true
runs=${*:-pg-drain pg-drain-batch-sizes h2-drain pg-triggers pg-triggers-batch8 pg-together pg-together-batched pg-waiting h2-waiting pg-drain-async pg-steady pg-steady-no-vacuum h2-steady}
mkdir -p "$out"
# the first argument is the JVM option (the heap), the rest are DurableLoad's
load() { local heap=$1; shift; java "$heap" -cp benchmarks/target/benchmarks.jar io.memberautomation.benchmarks.durable.DurableLoad "$@"; }
# COOL_LOAD=1.0: before each run, wait (up to two minutes) until the 1-minute load average is below it, so that a
# run does not start in the CPU debt of the one before (the runs take both cores)
cool() {
  [ -n "${COOL_LOAD:-}" ] || return 0
  local waited=0
  while awk -v limit="$COOL_LOAD" '{ exit !($1 >= limit) }' /proc/loadavg && [ $waited -lt 120 ]; do
    sleep 5; waited=$((waited + 5))
  done
}
run() {
  local name=$1; shift
  cool
  { echo "\$ uptime: $(uptime)"; echo "\$ git: $(git rev-parse --short HEAD)"; echo "\$ DurableLoad $*"; } > "$out/$name.txt"
  "$@" >> "$out/$name.txt" 2>&1 || echo "FAILED: $name" | tee -a "$out/$name.txt"
  echo "\$ uptime after: $(uptime)" >> "$out/$name.txt"
  echo "== $name"; grep -E '^==|/s|p50|heap|per execution' "$out/$name.txt" || true
}
# Drains warm up by draining: two rounds of 20,000 executions enrolled, then drained, so that the per-batch code
# is compiled before the measured drain of 20,000 (enrolled 100 per call; the drain does not depend on how).
drain=(--mode drain --executions 20000 --warmup 20000 --warmup-drains 2 --publish-batch 100)
# Steady state: eight warm-up drains (160,000 executions, so that the per-batch code is compiled by C2 and the tables
# hold history, as a running engine's do), then a drain of 100,000, long enough for the store's vacuums to matter.
steady=(--mode drain --executions 100000 --warmup 20000 --warmup-drains 8 --publish-batch 100)
for r in $runs; do
  case $r in
    pg-drain) for w in 1 2 4; do
        run pg-drain-w$w load -Xmx1g --db pg "${drain[@]}" --workers $w; done ;;
    pg-drain-w[124]) w=${r#pg-drain-w}
        run pg-drain-w$w load -Xmx1g --db pg "${drain[@]}" --workers $w ;;
    pg-drain-batch-sizes) for b in 128 256; do
        run pg-drain-w4-claim$b load -Xmx1g --db pg "${drain[@]}" --workers 4 --claim-batch $b; done ;;
    pg-drain-async)
        run pg-drain-w4-async load -Xmx1g --db pg "${drain[@]}" --workers 4 --sync-commit off ;;
    h2-drain) for db in h2-mem h2-file; do
        run $db-drain-w2 load -Xmx2g --db $db "${drain[@]}" --workers 2; done ;;
    pg-triggers) for round in 1 2 3; do for w in 2 4; do
        run pg-triggers-w$w-r$round load -Xmx1g --db pg --mode concurrent --workers $w --publishers 16 \
            --executions 1000 --warmup 20000; done; done ;;
    pg-triggers-batch8) for w in 2 4; do
        run pg-triggers-w$w-batch8 load -Xmx1g --db pg --mode concurrent --workers $w --publishers 16 \
            --executions 1000 --warmup 2000 --claim-batch 8; done ;;
    pg-together)
        run pg-together-w4 load -Xmx1g --db pg --mode concurrent --workers 4 --publishers 4 --executions 20000 \
            --warmup 5000 ;;
    pg-together-batched)
        run pg-together-w4-batched load -Xmx1g --db pg --mode concurrent --workers 4 --publishers 2 \
            --executions 40000 --warmup 5000 --publish-batch 100 ;;
    pg-waiting)
        run pg-waiting load -Xmx256m --db pg --mode waiting --workers 2 --publishers 8 --executions 100000 --warmup 0 ;;
    h2-waiting)
        run h2-file-waiting load -Xmx256m --db h2-file --mode waiting --workers 2 --publishers 8 --executions 100000 \
            --warmup 0 ;;
    pg-steady) for w in 1 2 4; do for b in 64 256; do
        run pg-steady-w$w-claim$b load -Xmx1g --db pg "${steady[@]}" --workers $w --claim-batch $b; done; done ;;
    pg-steady-w4-claim256)
        run pg-steady-w4-claim256 load -Xmx1g --db pg "${steady[@]}" --workers 4 --claim-batch 256 ;;
    pg-steady-no-vacuum)
        run pg-steady-w4-claim256-no-vacuum load -Xmx1g --db pg "${steady[@]}" --workers 4 --claim-batch 256 \
            --vacuum-every 0 ;;
    h2-steady) for db in h2-mem h2-file; do
        run $db-steady-w2 load -Xmx2g --db $db "${steady[@]}" --workers 2; done ;;
    *) echo "unknown run $r" >&2; exit 2 ;;
  esac
done
