/**
 * Hot queries compiled once (src/server/db/compiled-once.ts): the kept SQL answers for every value,
 * and a shape that misses something the SQL depends on fails at once outside production.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database, Trx } from '../../src/server/db/database.js';
import { runCompiled } from '../../src/server/db/compiled-once.js';
import { openTestDatabase, skipBackend } from '../helpers/db.js';

describe.skipIf(skipBackend)('queries compiled once', () => {
  let db: Database;
  let drop: () => Promise<void>;
  const shape = () => `test:${Math.random().toString(36).slice(2)}`;

  beforeAll(async () => {
    ({ db, drop } = await openTestDatabase());
  });
  afterAll(async () => drop?.());

  const byCode = (trx: Trx, code: string) =>
    trx.selectFrom('institutions').select(['code']).where('code', '=', code).where('code', '<>', 'NONE');

  it('answers each run with its own values from the SQL compiled the first time', async () => {
    const key = shape();
    for (const code of ['MESA', 'PNPTU', 'MESA', 'NOPE']) {
      const rows = await db.transaction((trx) => runCompiled(trx, key, [code], ([c]) => byCode(trx, c)));
      expect(rows).toEqual(code === 'NOPE' ? [] : [{ code }]);
    }
  });

  it('refuses an argument that is not a value of the SQL', async () => {
    await expect(
      db.transaction((trx) => runCompiled(trx, shape(), ['MESA', 'unused'], ([c]) => byCode(trx, c))),
    ).rejects.toThrow(/not a parameter/);
  });

  it('fails when the SQL depends on something its shape does not name', async () => {
    const key = shape();
    // The condition depends on the value in JavaScript: the same shape would keep the wrong SQL.
    const build = (trx: Trx, code: string) =>
      code === 'MESA' ? byCode(trx, code) : byCode(trx, code).where('code', 'like', 'P%');
    await db.transaction((trx) =>
      runCompiled(
        trx,
        key,
        ['MESA'],
        ([c]) => byCode(trx, c),
        () => build(trx, 'MESA'),
      ),
    );
    await expect(
      db.transaction((trx) =>
        runCompiled(
          trx,
          key,
          ['PNPTU'],
          ([c]) => byCode(trx, c),
          () => build(trx, 'PNPTU'),
        ),
      ),
    ).rejects.toThrow(/differs from a fresh compile/);
  });
});
