/**
 * A victim's participation in proceedings keeps the day it was first recorded (Paraguay's day):
 * `victimsInProceedings` and `victimsPenalised` are dated by it (docs/STATISTICS.md). `updated_at`
 * moves at every change of the record, so a participation updated a year later left its year.
 * Existing rows take the day of their last change, the only date they have.
 * Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table victim_participation add column recorded_on date`.execute(db);
  await sql`update victim_participation set recorded_on = (updated_at at time zone 'America/Asuncion')::date`.execute(
    db,
  );
  await sql`alter table victim_participation alter column recorded_on set not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table victim_participation drop column recorded_on`.execute(db);
}
