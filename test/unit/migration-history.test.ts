/**
 * Migrations are history (docs/ARCHITECTURE.md "Migrations"): every database in use has already run
 * them, so what each one sends must never change — not by an edit to it, nor by one to the shapes
 * it shares (src/server/db/migrations/columns.ts). Each migration's statements, run on a fresh
 * embedded database, must hash to the digest recorded when it was written.
 */
import { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrationDigests, migrationStatements, readHistory } from '../../scripts/migration-statements.js';
import { openEmbedded } from '../../src/server/db/embedded.js';
import { migrations } from '../../src/server/db/migrate.js';
import { PGliteDialect } from '../../src/server/db/pglite-driver.js';

describe('migration history', () => {
  it('sends, for every migration, the statements recorded when it was written', async () => {
    const engine = await openEmbedded(null);
    const run = await migrationStatements((log) => new Kysely({ dialect: new PGliteDialect(engine), log }));
    await run.kysely.destroy();
    if (!engine.closed) await engine.close();
    const now = migrationDigests(run.statements);
    const recorded = readHistory();

    const unrecorded = Object.keys(migrations).filter((name) => recorded[name] === undefined);
    expect(unrecorded, 'a new migration: run `npx tsx scripts/migration-sql.ts --record`').toEqual([]);
    const changed = Object.keys(recorded).filter((name) => now[name] !== recorded[name]);
    expect(changed, 'these migrations changed what they send: write a new migration instead').toEqual([]);
    // Every migration sends something, so a digest stands for real statements.
    expect(Object.keys(now).sort()).toEqual(Object.keys(migrations).sort());
  }, 300_000);
});
