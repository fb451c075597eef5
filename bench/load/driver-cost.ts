/**
 * The embedded driver's CPU per transaction, apart from the server: an in-memory PGlite with a table
 * of 2,000 rows of ten columns, four kinds of transaction run through Kysely and the driver given
 * (a file path, so two checkouts can be compared in turn on the same machine), the process' CPU per
 * transaction (`process.cpuUsage`, which a thread waiting for a core does not accrue) over thousands.
 *
 *   npx tsx bench/load/driver-cost.ts /path/to/src/server/db/pglite-driver.ts
 */
import path from 'node:path';
import { PGlite, types } from '@electric-sql/pglite';
import { Kysely, sql } from 'kysely';
import { sharedParsers } from '../../src/server/db/embedded.js';

const driverPath = path.resolve(process.argv[2] ?? 'src/server/db/pglite-driver.ts');
const { PGliteDialect } = (await import(driverPath)) as typeof import('../../src/server/db/pglite-driver.js');
const pg = new PGlite({ parsers: { [types.INT8]: sharedParsers.int8, [types.DATE]: sharedParsers.date } });
await pg.waitReady;
await pg.exec(`create table t (id int primary key, a text, b text, c timestamptz, d jsonb, e int, f text, g text, h bool, i bigint);
insert into t select g, 'name ' || g, repeat('x', 40), now(), '{"k":[1,2,3]}', g*2, 'ñandutí', null, g % 2 = 0, g * 1000
from generate_series(1, 2000) g;`);
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const db = new Kysely<any>({ dialect: new PGliteDialect(pg) });
async function bench(label: string, n: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < 50; i++) await fn();
  const t0 = process.cpuUsage();
  const w0 = performance.now();
  for (let i = 0; i < n; i++) await fn();
  const c = process.cpuUsage(t0);
  console.log(
    `${label.padEnd(34)} cpu ${((c.user + c.system) / 1000 / n).toFixed(3)} ms  wall ${((performance.now() - w0) / n).toFixed(3)} ms`,
  );
}
for (let round = 0; round < 2; round++) {
  await bench('tx: select 1 row by key', 2000, () =>
    db.transaction().execute((trx) => sql`select * from t where id = ${7}`.execute(trx)),
  );
  await bench('tx: select 50 rows', 1000, () =>
    db
      .transaction()
      .execute((trx) => sql`select * from t where id > ${100} order by id limit 50`.execute(trx)),
  );
  await bench('tx: 3 lookups + insert', 1000, () =>
    db.transaction().execute(async (trx) => {
      await sql`select * from t where id = ${1}`.execute(trx);
      await sql`select * from t where id = ${2}`.execute(trx);
      await sql`select a from t where id = ${3}`.execute(trx);
      await sql`update t set e = e + 1 where id = ${4}`.execute(trx);
    }),
  );
  await bench('tx: per-value (&&) select', 1000, () =>
    db
      .transaction()
      .execute((trx) =>
        sql`select id from t where array[a] && ${['name 5', 'name 6']}::text[] limit 5`.execute(trx),
      ),
  );
}
await db.destroy();
