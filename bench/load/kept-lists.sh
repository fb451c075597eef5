#!/bin/bash
# A prototype measured, not the product: the case page's eight lists kept between reads in a table
# of their own and checked against a log that writers only append to (no row shared by writers of
# one case, unlike the `case_pages` design dropped on 7 Dec; bench/README.md "The case page's lists
# kept against a log of changed cases"). On a COPY of a load benchmark's cluster (it adds tables and
# triggers), from the case read the cluster's log holds, it writes and runs with pgbench (10
# connections, 8 s each, the cluster's CPU per transaction from /proc, as read-txn.sh):
#   page    — the case read as the server sends it: begin, session check, page + audit rows, commit;
#   kept    — the same with the lists read from `proto_case_lists` (one json column per list),
#             valid while no `proto_case_changes` entry of the case is invisible to the snapshot the
#             lists were built from (`pg_visible_in_snapshot`) and that snapshot's xmin is above the
#             log's `proto_case_changes_horizon` (what a pruning of the log would raise);
#   rebuild — the page built as today and stored in the same statement (a miss: every read an upsert
#             of the kept row, 10 readers of one case; the worst case).
# The answers of `page` and `kept` are compared (md5 of psql's output) before measuring. With
# `writes`, it only installs (`on`) or removes (`off`) the log's statement triggers on the eight list
# tables, for an A/B of a write load (`run.ts --only event`) with and without them.
#
#   bench/load/kept-lists.sh LOAD_DIR/postgres-N [rounds]      # the cluster running, its log holding a case read
#   bench/load/kept-lists.sh LOAD_DIR/postgres-N writes on|off
#
# The log must hold a case read logged with log_min_duration_statement = 0 (as for read-txn.sh:
# ALTER SYSTEM, `run.ts --only case --duration 1 --connections 1 --warmup 0`, reset).
set -eu
DIR=$1; ARG=${2:-2}
PORT=$(cat "$DIR/port"); PM=$(head -1 "$DIR/cluster/data/postmaster.pid")
PGBENCH=${PGBENCH:-/usr/lib/postgresql/15/bin/pgbench}
PSQL="psql -h 127.0.0.1 -p $PORT -U postgres -X -q postgres"
LISTS="case_assignments case_persons screenings trafficking_decisions victim_exploitation trafficking_events case_shares case_timeline"

$PSQL <<'SQL'
create table if not exists proto_case_changes (case_id uuid not null, xid xid8 not null default pg_current_xact_id());
create index if not exists proto_case_changes_idx on proto_case_changes (case_id, xid);
create table if not exists proto_case_changes_horizon (low_water xid8 not null);
insert into proto_case_changes_horizon select '1'::xid8 where not exists (select 1 from proto_case_changes_horizon);
create or replace function proto_log_new() returns trigger language plpgsql as $$
begin insert into proto_case_changes (case_id) select distinct case_id from n where case_id is not null; return null; end $$;
create or replace function proto_log_old() returns trigger language plpgsql as $$
begin insert into proto_case_changes (case_id) select distinct case_id from o where case_id is not null; return null; end $$;
create or replace function proto_log_both() returns trigger language plpgsql as $$
begin insert into proto_case_changes (case_id) select case_id from n where case_id is not null
  union select case_id from o where case_id is not null; return null; end $$;
SQL

if [ "$ARG" = writes ]; then
  for t in $LISTS; do
    $PSQL -c "drop trigger if exists proto_log_ins on $t; drop trigger if exists proto_log_upd on $t; drop trigger if exists proto_log_del on $t" 2>/dev/null
    if [ "${3:-on}" = on ]; then
      $PSQL -c "create trigger proto_log_ins after insert on $t referencing new table as n for each statement execute function proto_log_new();
        create trigger proto_log_upd after update on $t referencing new table as n old table as o for each statement execute function proto_log_both();
        create trigger proto_log_del after delete on $t referencing old table as o for each statement execute function proto_log_old();"
    fi
  done
  echo "log triggers: $($PSQL -Atc "select count(*) from pg_trigger where tgname like 'proto_log_%'")"
  exit 0
fi

WORK=$(mktemp -d)
PYTHONPATH="$(dirname "$0")" python3 - "$DIR/cluster/log" "$WORK" <<'PY'
import re, sys
from logged_statement import last_logged
log = open(sys.argv[1]).read().split('\n')
def last(pattern):
    return re.sub(r'/\* [a-z ]+ \*/', '', last_logged(log, pattern)).strip()
check = last(r'select 1 / \(\(select count')
page = last(r'with "page" as \(select "cases"')
names = ['assignments', 'persons', 'screenings', 'decisions', 'exploitation', 'events', 'shares', 'timeline']
kept, subs = page, []
for name in names:  # each list's sub-select, in the page's order, replaced by the kept column
    start = kept.index("(select coalesce(json_agg(agg), '[]')"); depth = 0
    for i in range(start, len(kept)):
        depth += {'(': 1, ')': -1}.get(kept[i], 0)
        if depth == 0: end = i + 1; break
    assert kept[end:].startswith(f' as "{name}"'), name
    subs.append(kept[start:end]); kept = kept[:start] + f'"kept"."{name}"' + kept[end:]
join = 'from "cases" inner join "institutions" on "institutions"."id" = "cases"."owner_institution_id"'
assert kept.count(join) == 1
kept = kept.replace(join, join + ' cross join lateral (select "k".* from "proto_case_lists" "k" where "k"."case_id" = "cases"."id"'
  ' and pg_snapshot_xmin("k"."built") > (select "low_water" from "proto_case_changes_horizon")'
  ' and not exists (select 1 from "proto_case_changes" "c" where "c"."case_id" = "k"."case_id"'
  ' and "c"."xid" >= pg_snapshot_xmin("k"."built") and not pg_visible_in_snapshot("c"."xid", "k"."built"))) as "kept"')
case_id = re.search(r'"cases"\."id" = (\'[0-9a-f-]+\')', page).group(1)
cols = ', '.join(f'"{n}" json not null' for n in names)
store = (', "stored" as (insert into proto_case_lists select "page"."id", ' + ', '.join(f'"page"."{n}"' for n in names)
  + ', pg_current_snapshot() from "page" on conflict (case_id) do update set '
  + ', '.join(f'"{n}" = excluded."{n}"' for n in names) + ', built = excluded.built) select * from "page"')
tail = 'select * from "page"'; assert page.endswith(tail)
rebuild = page[:-len(tail)].rstrip() + store
w = sys.argv[2]
open(f'{w}/setup.sql', 'w').write(f'create table if not exists proto_case_lists (case_id uuid primary key, {cols}, built pg_snapshot not null);\n'
  f'delete from proto_case_lists where case_id = {case_id};\n'
  f'insert into proto_case_lists select {case_id}, {", ".join(subs)}, pg_current_snapshot();\n')
for label, stmt in (('page', page), ('kept', kept), ('rebuild', rebuild)):
    open(f'{w}/{label}.sql', 'w').write(f'BEGIN;\n{check};\n{stmt};\nCOMMIT;\n')
    open(f'{w}/{label}-answer.sql', 'w').write(f'BEGIN;\n{stmt};\nROLLBACK;\n')
PY
$PSQL -f "$WORK/setup.sql"
a=$($PSQL -At -f "$WORK/page-answer.sql" | md5sum); b=$($PSQL -At -f "$WORK/kept-answer.sql" | md5sum)
echo "answer of the page: ${a%% *}; from the kept lists: ${b%% *}"
[ "$a" = "$b" ] || { echo "the kept lists answer differently: not measured"; exit 1; }
cpu() { python3 "$(dirname "$0")/cluster-cpu.py" "$PM"; }
one() {
  local c0 c1 out n
  c0=$(cpu); out=$("$PGBENCH" -h 127.0.0.1 -p "$PORT" -U postgres -n -M prepared -c 10 -j 2 -T 8 -f "$WORK/$1.sql" postgres 2>&1); c1=$(cpu)
  n=$(echo "$out" | grep 'actually processed' | awk '{print $NF}' | cut -d/ -f1)
  printf '%s %-8s %6.0f tps  latency %6.2f ms  database CPU %.3f ms/txn  load %s\n' "$(date -u +%T)" "$1" \
    "$(echo "$out" | grep '^tps' | awk '{print $3}')" "$(echo "$out" | grep 'latency average' | awk '{print $4}')" \
    "$(python3 -c "print(($c1-$c0)/$n)")" "$(cut -d' ' -f1 /proc/loadavg)"
}
for r in $(seq "$ARG"); do one page; one kept; one rebuild; done
$PSQL -f "$WORK/setup.sql"   # the kept row as built, so that a next run starts valid
rm -rf "$WORK"
