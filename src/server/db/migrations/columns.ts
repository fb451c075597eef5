/**
 * The schema-builder shapes the migrations repeat: the uuid key most tables start with, their
 * creation and update times, the references most rows carry (case, person, institution, unit, author),
 * lists of codes, plain indexes, the function that makes a table append-only, and `down`.
 *
 * Frozen like the migrations that use it: databases have already run the SQL these produce, so a
 * helper here never changes what it compiles to — a new shape is a new helper.
 * `npx tsx scripts/migration-sql.ts <dir>` writes every statement the migrations send; it must not
 * differ before and after a change here (docs/ARCHITECTURE.md, "Migrations").
 */
import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';

type Table = CreateTableBuilder<any, any>;

/** `not null references <target> on delete cascade`: a row that lives and dies with its parent. */
export function belongsTo(target: string): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return (c) => c.notNull().references(target).onDelete('cascade');
}

/** `create table <name>` with `id uuid primary key default gen_random_uuid()` as its first column. */
export function tableWithId(db: Kysely<any>, name: string): Table {
  return db.schema
    .createTable(name)
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`));
}

/** `created_at timestamptz not null default now()`. */
export function createdAt(table: Table): Table {
  return table.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));
}

/** `updated_at timestamptz not null default now()` (the application sets it on every change). */
export function updatedAt(table: Table): Table {
  return table.addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`));
}

/** `created_at` then `updated_at`. */
export function timestamps(table: Table): Table {
  return updatedAt(createdAt(table));
}

/** `case_id uuid not null references cases (id) on delete cascade`: a row that lives and dies with its case. */
export function caseId(table: Table): Table {
  return table.addColumn('case_id', 'uuid', belongsTo('cases.id'));
}

/** `person_id uuid not null references persons (id)`. */
export function personId(table: Table): Table {
  return table.addColumn('person_id', 'uuid', (c) => c.notNull().references('persons.id'));
}

/** `institution_id uuid not null references institutions (id)`: the institution a row belongs to. */
export function institutionId(table: Table): Table {
  return table.addColumn('institution_id', 'uuid', (c) => c.notNull().references('institutions.id'));
}

/** `unit_id uuid references units (id)`: the unit within the institution, when one is named. */
export function unitId(table: Table): Table {
  return table.addColumn('unit_id', 'uuid', (c) => c.references('units.id'));
}

/** `created_by uuid references users (id)`: who wrote the row (null for rows the system writes). */
export function createdBy(table: Table): Table {
  return table.addColumn('created_by', 'uuid', (c) => c.references('users.id'));
}

/** `<name> text[] not null default '{}'::text[]`: a list of codes, empty rather than null. */
export function textList(name: string): (table: Table) => Table {
  return (table) => table.addColumn(name, sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`));
}

/** `create index <name> on <table> (<columns>)`: a plain b-tree index. */
export async function createIndex(
  db: Kysely<any>,
  name: string,
  table: string,
  columns: string[],
): Promise<void> {
  await db.schema.createIndex(name).on(table).columns(columns).execute();
}

/** Every migration's `down`: the schema only moves forward. */
export async function forwardOnly(): Promise<void> {
  throw new Error('Migrations are forward-only.');
}

/**
 * `create function <name>() returns trigger` that raises `message`: the function the triggers of an
 * append-only table execute before an update, delete or truncate.
 */
export async function refusingFunction(db: Kysely<any>, name: string, message: string): Promise<void> {
  await sql`
    create function ${sql.raw(name)}() returns trigger language plpgsql as $$
    begin
      raise exception '${sql.raw(message)}';
    end $$`.execute(db);
}
