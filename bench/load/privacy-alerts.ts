/**
 * What the privacy alert job (src/server/modules/privacy/alerts.ts) costs per audit row it reads:
 * node CPU (process.cpuUsage) and the database's (the cluster's postmaster and children, /proc),
 * divided by the rows. The rows are what a load benchmark's reads leave behind: `--rows` audit rows
 * of the first case worker reading one person (`person.read`, as `run.ts --only person` does),
 * `--rate` per second up to now, written straight into `audit_events` once and folded into the audit
 * tree. Each round puts the job's cursor back before them, forgets the alerts they raised, and runs
 * the job over them as the server's job does (`runPrivacyAlerts`, batches of `--batch`).
 *
 *   DATABASE_URL=postgres://…  NANDUTI_MASTER_KEY=…  npx tsx bench/load/privacy-alerts.ts \
 *     [--rows 60000] [--rate 1000] [--rounds 3] [--batch 5000]
 *   NANDUTI_DATA_DIR=…/pglite-10000/data  npx tsx bench/load/privacy-alerts.ts …   (embedded: the
 *     database's CPU is the process's own, counted in node CPU)
 *
 * On a database of your own (a copy of a load benchmark's, bench/load/demo-db.ts): the rows stay.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { foldAudit } from '../../src/server/audit/tree.js';
import { DEFAULT_THRESHOLDS, runPrivacyAlerts } from '../../src/server/modules/privacy/alerts.js';
import { openAuditBench } from './audit-bench.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '60000' },
    rate: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '3' },
    batch: { type: 'string', default: String(DEFAULT_THRESHOLDS.batch) },
  },
});
const rows = Number(values.rows);
const rate = Number(values.rate);
const rounds = Number(values.rounds);
const thresholds = { ...DEFAULT_THRESHOLDS, batch: Number(values.batch) };

const { db, crypto, q, clusterMs, hasCluster, reader, person } = await openAuditBench();
// The job's cursor at the end of the trail as it is, then the rows of a read-heavy load after it.
await runPrivacyAlerts(db, crypto, thresholds);
const [cursor] = await q<{ last_leaf: string }>(sql`select last_leaf from privacy_alert_cursor`);
const startLeaf = Number(cursor!.last_leaf);
const t0 = performance.now();
await q(sql`insert into audit_events (at, actor_user_id, actor_username, actor_institution_id, actor_role,
    action, outcome, resource_type, resource_id, purpose, request_id, changed_fields)
  select now() - make_interval(secs => (${rows}::int - g) / ${rate}::float8), ${reader.id}::uuid, ${reader.username},
    ${reader.institution_id}::uuid, ${reader.role}, 'person.read', 'success', 'person', ${person.id},
    'case_management', 'bench-' || g, '[]'::jsonb
  from generate_series(1, ${rows}::int) g`);
await foldAudit(db, { wait: true });
const [alertsBefore] = await q<{ at: Date }>(sql`select now() as at`);
console.log(
  `${rows.toLocaleString('en')} audit rows (${rate}/s) written and folded in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);

for (let round = 1; round <= rounds; round++) {
  await q(sql`update privacy_alert_cursor set last_leaf = ${startLeaf}`);
  await q(sql`delete from privacy_alerts where created_at >= ${alertsBefore!.at}`);
  const [end] = await q<{ n: string }>(
    sql`select count(*) as n from audit_tree_leaves where idx > ${startLeaf}`,
  );
  const leaves = Number(end!.n);
  const node0 = process.cpuUsage();
  const db0 = clusterMs();
  const w0 = performance.now();
  const raised = await runPrivacyAlerts(db, crypto, thresholds);
  const wall = performance.now() - w0;
  const node = process.cpuUsage(node0);
  const dbMs = clusterMs() - db0;
  const per = (ms: number) => ((ms * 1000) / leaves).toFixed(1);
  console.log(
    `round ${round}: ${leaves.toLocaleString('en')} rows, ${raised} alerts raised; µs per row: ` +
      `node CPU ${per((node.user + node.system) / 1000)}, database CPU ${hasCluster ? per(dbMs) : '(in node)'}, ` +
      `wall ${per(wall)}`,
  );
}
await db.close();
