/**
 * `nanduti linkage run`: the national batch started from the command line, as an operator runs it
 * (a child process on an embedded data directory): one line of counts, no personal data; the run
 * and its audit row in the database; bad arguments and users refused with a one-line reason.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { connect } from '../../src/server/db/database.js';
import { PASSWORD, cleanUp, createAdmin, runCli, tempDir } from './helpers.js';

const SUMMARY =
  /^linkage run [0-9a-f-]{36}: ([\d,]+) persons, [\d,]+ candidate pairs, [\d,]+ links added, [\d,]+ pairs queued for review \(\d+\.\d s\)\n$/;
const ONE_LINE_REASON = /^nanduti: [^\n]+\n?$/;

describe('nanduti linkage run', () => {
  afterAll(cleanUp);

  it('runs the batch on the database as its administrator, prints counts only, and is audited', async () => {
    const dataDir = tempDir();
    const env = { NANDUTI_DATA_DIR: dataDir };
    expect((await runCli(['linkage', 'run'], { env })).stderr).toMatch(/no active system administrator/);
    await createAdmin(dataDir, 'admin.linkage');
    const demo = await runCli(['demo', '--cases', '15', '--no-linkage', '--password-stdin'], {
      env,
      input: `${PASSWORD}\n`,
      timeoutMs: 300_000,
    });
    expect(demo.code, demo.stderr).toBe(0);
    const run = await runCli(['linkage', 'run'], { env, timeoutMs: 300_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(SUMMARY);
    const db = await connect({ databaseUrl: null, dataDir });
    try {
      const persons = await db.transaction((trx) =>
        trx
          .selectFrom('persons')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      );
      expect(Number(SUMMARY.exec(run.stdout)![1]!.replace(/,/g, ''))).toBe(Number(persons.n));
      const runs = await db.transaction((trx) =>
        trx
          .selectFrom('linkage_runs')
          .innerJoin('users', 'users.id', 'linkage_runs.started_by')
          .select(['linkage_runs.id', 'users.username', 'linkage_runs.finished_at'])
          .execute(),
      );
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ username: 'admin.linkage' });
      expect(run.stdout).toContain(runs[0]!.id);
      const audited = await db.transaction((trx) =>
        trx
          .selectFrom('audit_events')
          .select(['resource_id', 'actor_username'])
          .where('resource_type', '=', 'linkage_run')
          .execute(),
      );
      expect(audited).toEqual([{ resource_id: runs[0]!.id, actor_username: 'admin.linkage' }]);
    } finally {
      await db.close();
    }
  }, 600_000);

  it('refuses bad arguments and a user who may not start the batch, with one line and no run', async () => {
    const dataDir = tempDir();
    const env = { NANDUTI_DATA_DIR: dataDir };
    for (const args of [
      ['linkage'],
      ['linkage', 'start'],
      ['linkage', 'run', '--as', ''],
      ['linkage', 'run', '--as', 'nobody'],
    ]) {
      const result = await runCli(args, { env });
      expect(result.code, args.join(' ')).toBe(1);
      // The reason is the last line (opening a fresh data directory logs its new key's creation first).
      expect(`${result.stderr.trim().split('\n').at(-1)}\n`).toMatch(ONE_LINE_REASON);
      expect(result.stdout).toBe('');
    }
  }, 300_000);
});
