/**
 * What the intake look-up's blocking keys cost a person write on PostgreSQL (DATABASE_URL, with
 * NANDUTI_MASTER_KEY): `npx tsx bench/linkage/match-key-writes.ts [--rounds 5] [--rows 1000]
 * [--singles 100]`. Each round, for each variant, in a transaction that is rolled back (the database
 * keeps nothing): one INSERT of `rows` generated persons (as intake stores them), then `singles`
 * INSERTs of one person each and `singles` UPDATEs of one person's name (its tokens, hence its keys).
 * Variants, applied inside the transaction (DDL, so it holds the table's lock: run it on a database
 * of your own): `keys + counts` (as the product runs), `keys, no counts` (the statement triggers
 * persons_match_key_counts_* disabled), `neither` (the keys' trigger too), `keys + counts, fast
 * update` (persons_match_keys_idx with a pending list, as before migration
 * 2026-12-07T06-30-00_person_match_key_counts_per_statement). Prints the median milliseconds per row of
 * each over the rounds, the variants interleaved so that the machine's load falls on all alike.
 * Only synthetic records.
 */
import { sql } from 'kysely';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logger.js';
import { personColumns } from '../../src/server/modules/persons/person-record.js';
import { hardPopulation } from './hard.js';
import { personInputOf } from './person-input.js';

const args = process.argv.slice(2);
const flag = (key: string, fallback: string) => {
  const at = args.indexOf(`--${key}`);
  return Number(at >= 0 ? args[at + 1]! : fallback);
};
const rounds = flag('rounds', '5');
const rowsPerInsert = flag('rows', '1000');
const singles = flag('singles', '100');

const config = loadConfig();
if (!config.databaseUrl) throw new Error('DATABASE_URL: a PostgreSQL database of your own');
const services = await openServices({ config, logger: createLogger('warn'), migrate: false });
const owner = (
  await services.db.transaction((trx) =>
    trx.selectFrom('institutions').select('id').executeTakeFirstOrThrow(),
  )
).id;
const population = hardPopulation(Math.ceil((rowsPerInsert + 2 * singles) / 2.2) + 10, 'moderate', 5);
const columns = population.records.slice(0, rowsPerInsert + 2 * singles).map((p) => ({
  ...personColumns(services.crypto, personInputOf(p)),
  owner_institution_id: owner,
  created_by: null,
}));
const bulk = columns.slice(0, rowsPerInsert);
const single = columns.slice(rowsPerInsert, rowsPerInsert + singles);
// Each update gives a person another's name (new tokens, so new keys).
const renamed = columns.slice(rowsPerInsert + singles);

const noCounts = ['inserted', 'updated', 'deleted'].map(
  (event) => sql`alter table persons disable trigger ${sql.id(`persons_match_key_counts_${event}`)}`,
);
const VARIANTS = {
  'keys + counts': [],
  'keys, no counts': noCounts,
  neither: [...noCounts, sql`alter table persons disable trigger persons_match_keys`],
  'keys + counts, fast update': [sql`alter index persons_match_keys_idx set (fastupdate = on)`],
} as const;
type Variant = keyof typeof VARIANTS;
const times = new Map<string, number[]>();
const record = (variant: Variant, what: string, ms: number) => {
  const key = `${variant} | ${what}`;
  times
    .set(key, times.get(key) ?? [])
    .get(key)!
    .push(ms);
};

class Rollback extends Error {}
for (let round = 0; round < rounds; round++) {
  for (const variant of Object.keys(VARIANTS) as Variant[]) {
    await services.db
      .transaction(async (trx) => {
        for (const statement of VARIANTS[variant]) await statement.execute(trx);
        let start = performance.now();
        await trx.insertInto('persons').values(bulk).execute();
        record(variant, `insert of ${rowsPerInsert}`, (performance.now() - start) / rowsPerInsert);
        start = performance.now();
        const ids: string[] = [];
        for (const row of single)
          ids.push(
            (await trx.insertInto('persons').values(row).returning('id').executeTakeFirstOrThrow()).id,
          );
        record(variant, 'insert of one', (performance.now() - start) / singles);
        start = performance.now();
        for (const [i, id] of ids.entries()) {
          const other = renamed[i]!;
          await trx
            .updateTable('persons')
            .set({ given_names: other.given_names, name_tokens: other.name_tokens })
            .where('id', '=', id)
            .execute();
        }
        record(variant, 'update of the name', (performance.now() - start) / singles);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
  }
}
await services.db.close();
const median = (list: number[]) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
console.log(
  JSON.stringify(
    Object.fromEntries([...times].map(([key, list]) => [key, Math.round(median(list) * 1000) / 1000])),
    null,
    1,
  ),
);
