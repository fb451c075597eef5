#!/bin/bash
# What the case page's eight lists cost the database, by the shape of the statement that builds them
# (bench/README.md "The case page's lists by the shape of their statement"). From the case read in a
# cluster's log (as read-txn.sh: log_min_duration_statement = 0, one `run.ts --only case` run), each
# variant of the page's SELECT — read-only, without its audit CTE — run by pgbench (10 connections,
# 6 s each, prepared), the cluster's CPU per transaction from /proc:
#   page     — the page's SELECT as the server sends it (eight scalar subqueries, each a json_agg);
#   union    — the same lists as ONE union of eight branches (json_build_object or to_json per row),
#              one Sort and one json_agg per list in one Aggregate, one json_object_agg: half the plan
#              nodes (every list's Subquery Scan, Aggregate and own Sort gone);
#   records  — each list as array_agg of its records (record_out instead of JSON: no JSON built);
#   count    — each list's count(*) (its index scan; joins whose columns are unused are removed by the
#              planner, nothing is output);
#   nolists  — the case row and its door's columns alone.
# The `union` variant's ordering is approximate (text sort keys): a probe of its cost, not of its answer.
#
#   bench/load/case-lists-shape.sh LOAD_DIR/postgres-N [rounds]     # the cluster running
set -eu
DIR=$1; ROUNDS=${2:-3}
PORT=$(cat "$DIR/port"); PM=$(head -1 "$DIR/cluster/data/postmaster.pid")
PGBENCH=${PGBENCH:-/usr/lib/postgresql/15/bin/pgbench}
WORK=$(mktemp -d)
PYTHONPATH="$(dirname "$0")" python3 - "$DIR/cluster/log" "$WORK" <<'PY'
import re, sys
from logged_statement import last_logged
log = open(sys.argv[1]).read().split('\n'); w = sys.argv[2]
page = last_logged(log, r'with "page" as \(select "cases"')
page = page.replace('/* prepared */', '').replace('/* last statement */', '')
ro = re.sub(r', "audited" as \(insert into audit_events.*?order by r\.ord\) select', ' select', page, flags=re.S)
C = re.search(r'where "cases"\."id" = (\'[^\']*\')', ro).group(1)
a = ro.index('(select coalesce(json_agg(agg)'); b = ro.index('as "timeline", ') + len('as "timeline", ')
lists = f"""with l as (
 select 1 as k, json_build_object('id',u.id,'display_name',u.display_name) j, u.display_name::text s1, null::text s2 from case_assignments a join users u on u.id=a.user_id where a.case_id={C}
 union all select 2, json_build_object('person_id',cp.person_id,'role',cp.role,'given_names',p.given_names,'first_surname',p.first_surname,'second_surname',p.second_surname,'sex',p.sex,'birth_year',p.birth_year), cp.added_at::text, cp.person_id::text from case_persons cp join persons p on p.id=cp.person_id where cp.case_id={C}
 union all select 3, to_json(s), s.created_at::text, s.id::text from (select sc.*, si.version as instrument_version from screenings sc join screening_instruments si on si.id=sc.instrument_id where sc.case_id={C}) s
 union all select 4, to_json(d), d.created_at::text, d.id::text from (select td.*, i.code institution_code, i.name institution_name, u.display_name decided_by_name from trafficking_decisions td join institutions i on i.id=td.institution_id left join users u on u.id=td.decided_by where td.case_id={C}) d
 union all select 5, json_build_object('person_id',person_id,'exploitation_types',exploitation_types,'labour_industries',labour_industries,'sexual_exploitation_types',sexual_exploitation_types,'control_methods',control_methods,'recruitment_methods',recruitment_methods,'recruiter_relation',recruiter_relation,'vulnerabilities',vulnerabilities), person_id::text, null from victim_exploitation where case_id={C}
 union all select 6, json_build_object('id',id,'person_id',person_id,'type',type,'country',country,'department',department,'district',district,'start_date',start_date,'end_date',end_date,'online',online,'platforms',platforms), coalesce(start_date,end_date)::text, created_at::text from trafficking_events where case_id={C}
 union all select 7, json_build_object('id',cs.id,'reason',cs.reason,'created_at',cs.created_at,'institution_id',cs.institution_id,'institution_code',i.code,'institution_name',i.name), cs.created_at::text, null from case_shares cs join institutions i on i.id=cs.institution_id where cs.case_id={C} and cs.revoked_at is null
 union all select 8, json_build_object('at',t.at,'kind',t.kind,'details',t.details,'actor_name',u.display_name,'institution_code',i.code), t.at::text, t.id::text from case_timeline t left join users u on u.id=t.actor_user_id left join institutions i on i.id=t.institution_id where t.case_id={C}
), g as (select json_object_agg(k, js) lists from (select k, json_agg(j order by s1, s2) js from l group by k) x)"""
union = (ro[:a] + '(select lists from g) as "lists", ' + ro[b:]).replace('with "page" as (', lists + ', "page" as (', 1)
variants = {
    'page': ro,
    'union': union,
    'records': ro.replace("coalesce(json_agg(agg), '[]')", 'array_agg(agg)'),
    'count': ro.replace("coalesce(json_agg(agg), '[]')", 'count(*)'),
    'nolists': ro[:a] + ro[b:],
}
for name, text in variants.items():
    open(f'{w}/{name}.sql', 'w').write(f'BEGIN READ ONLY;\n{text};\nCOMMIT;\n')
PY
cpu() { python3 "$(dirname "$0")/cluster-cpu.py" "$PM"; }
one() {
  local c0 c1 out n
  c0=$(cpu); out=$("$PGBENCH" -h 127.0.0.1 -p "$PORT" -U postgres -n -M prepared -c 10 -j 2 -T 6 -f "$WORK/$1.sql" postgres 2>&1); c1=$(cpu)
  n=$(echo "$out" | grep 'actually processed' | awk '{print $NF}' | cut -d/ -f1)
  printf '%-8s %8.0f tps  database CPU %.3f ms/txn  load %s  %s\n' "$1" \
    "$(echo "$out" | grep '^tps' | awk '{print $3}')" "$(python3 -c "print(($c1-$c0)/$n)")" \
    "$(cut -d' ' -f1 /proc/loadavg)" "$(date -u +%T)"
}
for r in $(seq "$ROUNDS"); do
  for v in page union records count nolists; do one "$v"; done
done
rm -rf "$WORK"
