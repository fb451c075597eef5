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
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logger.js';
import { foldAudit } from '../../src/server/audit/tree.js';
import { cpuMsOf } from './proc.js';

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

const config = loadConfig();
if (!config.databaseUrl && !process.env.NANDUTI_DATA_DIR)
  throw new Error('DATABASE_URL or NANDUTI_DATA_DIR: a database of your own');
const services = await openServices({ config, logger: createLogger('warn'), migrate: false });
const { db } = services;
const q = <R>(text: ReturnType<typeof sql<R>>) =>
  db.transaction(async (trx) => (await text.execute(trx)).rows);

// The cluster's CPU: its postmaster (the parent of this connection's backend) and every child.
const [backend] = await q<{ pid: number }>(sql`select pg_backend_pid() as pid`);
const stat = config.databaseUrl ? fs.readFileSync(`/proc/${backend!.pid}/stat`, 'utf8') : null;
const clusterPid = stat && Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
const clusterMs = () => (clusterPid ? cpuMsOf([clusterPid], true) : 0);

const [reader] = await q<{ id: string; username: string; institution_id: string; role: string }>(
  sql`select id, username, institution_id, role from users where username = 'pnptu.caseworker1'`,
);
if (!reader) throw new Error('no pnptu.caseworker1: a demo database is needed');
const [person] = await q<{ id: string }>(
  sql`select id from persons where owner_institution_id = ${reader.institution_id} order by id limit 1`,
);
await foldAudit(db, { wait: true }); // what was there before

for (let round = 1; round <= rounds; round++) {
  await q(sql`insert into audit_events (at, actor_user_id, actor_username, actor_institution_id, actor_role,
      action, outcome, resource_type, resource_id, purpose, request_id, changed_fields)
    select now(), ${reader.id}::uuid, ${reader.username}, ${reader.institution_id}::uuid, ${reader.role},
      'person.read', 'success', 'person', ${person!.id}, 'case_management', gen_random_uuid()::text, '[]'::jsonb
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
      `database CPU ${clusterPid ? per(dbMs) : '(in node)'}, wall ${per(wall)}; tree size ${result?.head.size}, ` +
      `root ${result?.head.root.toString('hex').slice(0, 16)}…`,
  );
}
await db.close();
