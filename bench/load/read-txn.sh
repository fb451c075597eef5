#!/bin/bash
# What an audited person read costs the database, piece by piece, without the app server: the
# session check and the person page (with its audit row's CTE) exactly as the server sent them
# (taken with their values from the cluster's statement log), run by pgbench on 10 connections in
# four transactions — as the server runs it (COMMIT, synchronous), the same with
# synchronous_commit off (an upper bound only: an acknowledged read must have its audit row on
# disk, so the server never does this), the same ending in ROLLBACK (the audit row inserted, no
# commit), and read-only without the audit CTE. Prints tps, latency and the cluster's CPU per
# transaction (the postmaster and its children, reaped ones included, from /proc).
#
#   bench/load/read-txn.sh LOAD_DIR/postgres-N [rounds] [person|case]
#
# `case`: the same four transactions for a case read (the case page with its door's columns and its
# audit CTE: the `case.read` row and a `person.read` row per person shown) instead of a person read;
# the log must then hold a case read (`run.ts --only case`).
#
# The cluster (a copy of a load benchmark's, bench/load/demo-db.ts) must be running and its log
# (cluster/log) must hold a person (or case) read logged with log_min_duration_statement = 0 (set it with
# ALTER SYSTEM, run `run.ts --only person --duration 1 --connections 1`, reset it). PostgreSQL 15's
# pgbench; run as root it uses runuser for nothing (pgbench is a client).
set -eu
DIR=$1; ROUNDS=${2:-2}; READ=${3:-person}
PORT=$(cat "$DIR/port"); PM=$(head -1 "$DIR/cluster/data/postmaster.pid")
PGBENCH=${PGBENCH:-/usr/lib/postgresql/15/bin/pgbench}
WORK=$(mktemp -d)
PYTHONPATH="$(dirname "$0")" python3 - "$DIR/cluster/log" "$WORK" "$READ" <<'PY'
import re, sys
from logged_statement import last_logged
log = open(sys.argv[1]).read().split('\n')
def last(pattern):
    return last_logged(log, pattern)
check = last(r'select 1 / \(\(select count')
page = last(r'with "page" as \(select "cases"' if sys.argv[3] == 'case' else r'with "page" as \(select "persons"')
ro = re.sub(r', "audited" as \(insert into audit_events.*?order by r\.ord\) select', ' select', page)
w = sys.argv[2]
open(f'{w}/commit.sql', 'w').write(f'BEGIN;\n{check};\n{page};\nCOMMIT;\n')
open(f'{w}/rollback.sql', 'w').write(f'BEGIN;\n{check};\n{page};\nROLLBACK;\n')
open(f'{w}/readonly.sql', 'w').write(f'BEGIN READ ONLY;\n{check};\n{ro};\nCOMMIT;\n')
PY
cpu() { python3 "$(dirname "$0")/cluster-cpu.py" "$PM"; }
one() { # script, PGOPTIONS, label
  local c0 c1 out n
  c0=$(cpu); out=$(PGOPTIONS="$2" "$PGBENCH" -h 127.0.0.1 -p "$PORT" -U postgres -n -M prepared -c 10 -j 2 -T 8 -f "$WORK/$1" postgres 2>&1); c1=$(cpu)
  n=$(echo "$out" | grep 'actually processed' | awk '{print $NF}' | cut -d/ -f1)
  printf '%-44s %8.0f tps  latency %6.2f ms  database CPU %.3f ms/txn  load %s\n' "$3" \
    "$(echo "$out" | grep '^tps' | awk '{print $3}')" "$(echo "$out" | grep 'latency average' | awk '{print $4}')" \
    "$(python3 -c "print(($c1-$c0)/$n)")" "$(cut -d' ' -f1 /proc/loadavg)"
}
for r in $(seq "$ROUNDS"); do
  one commit.sql '' 'as the server: commit, synchronous'
  one commit.sql '-c synchronous_commit=off' 'commit, synchronous_commit off (bound only)'
  one rollback.sql '' 'audit row inserted, rolled back'
  one readonly.sql '' 'read-only, no audit row'
done
rm -rf "$WORK"
