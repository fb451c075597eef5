/**
 * A finished linkage run for timing the intake look-up on a large database without running the
 * national batch there (it takes longer than a session at the machine's load): `DATABASE_URL=…
 * NANDUTI_MASTER_KEY=… node --import tsx bench/linkage/stand-in-run.ts [--sample 100000]`. Reads
 * and decrypts every stored person as the batch does; the model is that of a batch over the first
 * `sample` of them (`linkPersonsParallel`); the name frequencies stored with it are the engine's
 * term tables over all of them (`personTermTables`, the same counts the batch would store). The
 * run counts every person (the look-up's prior is then the intake's floor). Only the model's
 * estimates differ from a full batch's; the look-up's cost does not depend on them.
 */
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logger.js';
import { personTermTables } from '../../src/server/linkage-engine/comparisons.js';
import {
  DEFAULT_THRESHOLDS,
  linkPersonsParallel,
  preparePersons,
} from '../../src/server/linkage-engine/linkage.js';
import { loadPersons, recordRun } from '../../src/server/modules/linkage/linkage.service.js';
import { frequenciesOf } from '../../src/server/modules/linkage/name-frequencies.js';

const args = process.argv.slice(2);
const at = args.indexOf('--sample');
const sample = at >= 0 ? Number(args[at + 1]) : 100_000;
const services = await openServices({ config: loadConfig(), logger: createLogger('warn') });
const start = performance.now();
const actor = {
  userId: null as unknown as string,
  username: 'bench',
  displayName: 'bench',
  role: 'system_admin' as const,
  institutionId: '',
  institutionCode: 'MESA',
  sessionId: 'bench',
  locale: 'es' as const,
};
const persons = await services.db.transaction((trx) =>
  loadPersons({ trx, actor, requestId: 'bench', purpose: 'bench' }, services.crypto),
);
const read = performance.now();
const result = await linkPersonsParallel(persons.slice(0, sample), { thresholds: DEFAULT_THRESHOLDS });
const { vocab, records } = preparePersons(persons);
const frequencies = frequenciesOf({ words: vocab.words, ...personTermTables(records) });
await services.db.transaction(async (trx) => {
  const run = await recordRun(
    { trx, actor, requestId: 'bench', purpose: 'bench' },
    services.crypto,
    DEFAULT_THRESHOLDS,
    result.model,
    frequencies,
  );
  await trx
    .updateTable('linkage_runs')
    .set({ finished_at: new Date(), persons: persons.length, candidate_pairs: result.candidates })
    .where('id', '=', run.id)
    .execute();
});
await services.db.close();
console.log(
  JSON.stringify({
    persons: persons.length,
    sample,
    frequencyRows: frequencies.given.size + frequencies.surname.size,
    readS: Math.round(read - start) / 1000,
    totalS: Math.round(performance.now() - start) / 1000,
  }),
);
