/**
 * What the benches of the audit trail's background work share (audit-fold.ts, privacy-alerts.ts):
 * the services on a database of one's own (DATABASE_URL, or NANDUTI_DATA_DIR for the embedded
 * engine), a one-statement query helper, the cluster's CPU (its postmaster and every child, /proc;
 * 0 on the embedded engine, whose CPU is the process's own) and the reader of the rows they write:
 * the first case worker and a person of theirs.
 */
import fs from 'node:fs';
import { sql } from 'kysely';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logger.js';
import { cpuMsOf } from './proc.js';

export async function openAuditBench() {
  const config = loadConfig();
  if (!config.databaseUrl && !process.env.NANDUTI_DATA_DIR)
    throw new Error('DATABASE_URL or NANDUTI_DATA_DIR: a database of your own');
  const services = await openServices({ config, logger: createLogger('warn'), migrate: false });
  const { db, crypto } = services;
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
  return { db, crypto, q, clusterMs, hasCluster: Boolean(clusterPid), reader, person: person! };
}
