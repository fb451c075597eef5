/**
 * Every statement each migration sends to a fresh database, in order, with its parameters (random
 * uuids masked): what `scripts/migration-sql.ts` writes out and `test/unit/migration-history.test.ts`
 * digests, so that a change to a migration's source — or to the shared shapes in
 * `src/server/db/migrations/columns.ts` — that would change what existing databases already ran is
 * caught (docs/ARCHITECTURE.md "Migrations").
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Migrator, type Kysely, type LogEvent, type Migration } from 'kysely';
import { migrations } from '../src/server/db/migrate.js';

export const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

export interface Statement {
  migration: string;
  /** The SQL text, then its parameters as a `-- parameters:` line when it has any. */
  text: string;
}

/** Runs every migration on `kysely`'s fresh database; returns the statements each one sent. */
export async function migrationStatements(
  make: (log: (event: LogEvent) => void) => Kysely<unknown>,
): Promise<{ kysely: Kysely<unknown>; statements: Statement[] }> {
  const statements: Statement[] = [];
  let current: string | null = null;
  const kysely = make((event) => {
    // The migrator's own book-keeping (its table, lock and timestamps) is not the migrations' SQL.
    if (current === null) return;
    // A uuid passed on from an earlier statement's result was drawn at random: masked.
    const values = JSON.stringify(event.query.parameters).replace(UUID, '<uuid>');
    const params = event.query.parameters.length ? `\n-- parameters: ${values}` : '';
    statements.push({ migration: current, text: `${event.query.sql.trim()};${params}` });
  });
  const wrapped: Record<string, Migration> = {};
  for (const [name, migration] of Object.entries(migrations)) {
    wrapped[name] = {
      up: async (db) => {
        current = name;
        try {
          await migration.up(db);
        } finally {
          current = null;
        }
      },
    };
  }
  const migrator = new Migrator({
    db: kysely,
    provider: { getMigrations: async () => wrapped },
    migrationTableName: 'schema_migrations',
    allowUnorderedMigrations: true,
  });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  return { kysely, statements };
}

/** The statements as `scripts/migration-sql.ts` writes them: each under its migration's name. */
export const statementsText = (statements: readonly Statement[]) =>
  statements.map((s) => `-- ${s.migration}\n${s.text}\n`).join('\n');

/** One SHA-256 per migration over the statements it sent, in order. */
export function migrationDigests(statements: readonly Statement[]): Record<string, string> {
  const hashes = new Map<string, crypto.Hash>();
  for (const s of statements) {
    const hash = hashes.get(s.migration) ?? crypto.createHash('sha256');
    hashes.set(s.migration, hash.update(s.text).update('\n'));
  }
  return Object.fromEntries([...hashes].map(([name, hash]) => [name, hash.digest('hex')]));
}

/** The digest of each migration's statements as recorded when it was written (`--record`). */
export const HISTORY = path.resolve(
  import.meta.dirname,
  '..',
  'src',
  'server',
  'db',
  'migrations',
  'history.json',
);

export const readHistory = (): Record<string, string> =>
  JSON.parse(fs.readFileSync(HISTORY, 'utf8')) as Record<string, string>;
