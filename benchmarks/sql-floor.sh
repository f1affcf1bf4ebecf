#!/usr/bin/env bash
# The SQL floor: how fast PostgreSQL alone drains the 5-step workflow when a client with no work of its own (pgbench)
# sends the store's statements for batches of 64 (benchmarks/sql-floor/drain.sql). The engine sends the same
# statements and also runs the workflow, so on one machine it cannot drain faster than this.
# From the repository root; needs pgbench and psql, and the database automation_bench of durable-runs.sh.
# Usage: benchmarks/sql-floor.sh [CLIENTS...]   (default: 1 2 4; environment: EXECUTIONS=20000, ROUNDS=3)
# Each client count: one warm-up drain, then ROUNDS measured drains, each of EXECUTIONS freshly enrolled executions.
# Prints per drain: executions/s, WAL bytes per execution (pg_current_wal_lsn), and the CPU time of the whole
# machine per execution (/proc/stat), in the schema sql_floor, made from the store's migrations and dropped after.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
schema_dir=$here/../automation-jdbc-store/src/main/resources/io/memberautomation/jdbc/schema/postgresql
clients=${*:-1 2 4}
executions=${EXECUTIONS:-20000}
rounds=${ROUNDS:-3}
export PGHOST=${PGHOST:-localhost} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-automation}
export PGPASSWORD=${PGPASSWORD:-automation} PGDATABASE=${PGDATABASE:-automation_bench}
export PGOPTIONS='-c search_path=sql_floor -c client_min_messages=warning'

sql() { psql -X -q -v ON_ERROR_STOP=1 "$@"; }
value() { psql -X -qAt -v ON_ERROR_STOP=1 -c "$1"; }
busy_and_idle() { awk '/^cpu /{print $2 + $3 + $4 + $7 + $8, $5 + $6}' /proc/stat; }

echo "\$ $(date -u +%FT%TZ), git $(git -C "$here" rev-parse --short HEAD), uptime: $(uptime)"
echo "PostgreSQL: $(value 'SHOW server_version'), synchronous_commit=$(value 'SHOW synchronous_commit')," \
     "shared_buffers=$(value 'SHOW shared_buffers'); pgbench: $(pgbench --version)"
sql -c 'DROP SCHEMA IF EXISTS sql_floor CASCADE' -c 'CREATE SCHEMA sql_floor'
for migration in "$schema_dir"/V*.sql; do
  sql -f "$migration"
done
trap "psql -X -q -c 'DROP SCHEMA IF EXISTS sql_floor CASCADE' >/dev/null" EXIT

drain() {
  local c=$1 label=$2
  sql -v n="$executions" -f "$here/sql-floor/populate.sql"
  local transactions=$(( executions / 64 / c + 2 ))
  local wal_before; wal_before=$(value 'SELECT pg_current_wal_lsn()')
  local cpu_before; cpu_before=$(busy_and_idle)
  local start; start=$(date +%s.%N)
  pgbench -n -M prepared -c "$c" -j "$c" -t "$transactions" -f "$here/sql-floor/drain.sql" > /tmp/sql-floor-pgbench.log 2>&1 \
    || { cat /tmp/sql-floor-pgbench.log; exit 1; }
  local end; end=$(date +%s.%N)
  local cpu_after; cpu_after=$(busy_and_idle)
  local wal; wal=$(value "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '$wal_before')")
  local left; left=$(value 'SELECT COUNT(*) FROM automation_work_queue')
  [ "$left" = 0 ] || { echo "the drain left $left executions queued" >&2; exit 1; }
  python3 - "$c" "$label" "$executions" "$start" "$end" "$wal" $cpu_before $cpu_after <<'EOF'
import sys
c, label, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
wall = float(sys.argv[5]) - float(sys.argv[4])
wal = int(sys.argv[6])
busy = (int(sys.argv[9]) - int(sys.argv[7])) / 100
idle = (int(sys.argv[10]) - int(sys.argv[8])) / 100
print(f"{c} clients, {label}: {n} in {wall * 1000:.0f} ms: {n / wall:,.0f}/s; WAL {wal / n:,.0f} B per execution; "
      f"machine CPU {busy * 1e6 / n:.0f} us per execution ({busy:.2f} s busy, {idle:.2f} s idle)")
EOF
}

for c in $clients; do
  drain "$c" warm-up
  for round in $(seq 1 "$rounds"); do
    drain "$c" "round $round"
  done
done
