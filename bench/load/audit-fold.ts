/**
 * What the audit sequencer's fold (src/server/audit/tree.ts `foldAudit`) costs per audit row: node
 * CPU (process.cpuUsage) and the database's (the cluster's postmaster and children, /proc), divided
 * by the rows folded. Each round writes `--rows` new audit rows of the first case worker reading one
 * person (`person.read`, as a read-heavy load leaves them) straight into `audit_events`, then folds
 * them into the tree in batches of `--batch` (the server's sequencer folds what a second brings; a
 * case read writes four rows, a person read one) and measures only the fold.
 *
 *   DATABASE_URL=postgres://…  NANDUTI_MASTER_KEY=…  npx tsx bench/load/audit-fold.ts \
 *     [--rows 20000] [--rounds 3] [--batch 1000]
 *   NANDUTI_DATA_DIR=…/pglite-10000/data  npx tsx bench/load/audit-fold.ts …   (embedded: the
 *     database's CPU is the process's own, counted in node CPU)
 *
 * On a database of your own (a copy of a load benchmark's, bench/load/demo-db.ts): the rows stay.
 * The tree head it prints after each round is what `nanduti audit verify` checks.
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { foldAudit } from '../../src/server/audit/tree.js';
import { openAuditBench } from './audit-bench.js';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '20000' },
    rounds: { type: 'string', default: '3' },
    batch: { type: 'string', default: '1000' },
  },
});
const rows = Number(values.rows);
const rounds = Number(values.rounds);
const batch = Number(values.batch);

const { db, q, clusterMs, hasCluster, reader, person } = await openAuditBench();
await foldAudit(db, { wait: true }); // what was there before

for (let round = 1; round <= rounds; round++) {
  await q(sql`insert into audit_events (at, actor_user_id, actor_username, actor_institution_id, actor_role,
      action, outcome, resource_type, resource_id, purpose, request_id, changed_fields)
    select now(), ${reader.id}::uuid, ${reader.username}, ${reader.institution_id}::uuid, ${reader.role},
      'person.read', 'success', 'person', ${person.id}, 'case_management', gen_random_uuid()::text, '[]'::jsonb
    from generate_series(1, ${rows}::int) g`);
  const node0 = process.cpuUsage();
  const db0 = clusterMs();
  const w0 = performance.now();
  const result = await foldAudit(db, { wait: true, batch });
  const wall = performance.now() - w0;
  const node = process.cpuUsage(node0);
  const dbMs = clusterMs() - db0;
  const folded = result?.folded ?? 0;
  const per = (ms: number) => ((ms * 1000) / folded).toFixed(1);
  console.log(
    `round ${round}: ${folded.toLocaleString('en')} rows folded; µs per row: node CPU ${per((node.user + node.system) / 1000)}, ` +
      `database CPU ${hasCluster ? per(dbMs) : '(in node)'}, wall ${per(wall)}; tree size ${result?.head.size}, ` +
      `root ${result?.head.root.toString('hex').slice(0, 16)}…`,
  );
}
await db.close();
