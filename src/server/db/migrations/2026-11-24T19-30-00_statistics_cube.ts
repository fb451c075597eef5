/**
 * Statistics cube: the facts counted by year and by every dimension a figure is filtered or broken
 * down by, one row per combination present with its count `n`. `side` names what a row counts
 * (identified persons, deliveries, referrals, needs, persons assisted, persons by days from
 * identification to first service — a histogram for the median) and, after a colon, the
 * multi-valued dimension it is expanded by (one row per value: forms of exploitation, platforms,
 * service types or institutions of the persons assisted). `cell` is a digest of the dimension
 * columns, so a row is found by (side, on_date, cell). Maintained by the facts refresh
 * (src/server/statistics/cube.ts); filled by the next migration. Frozen: never import application code.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table stat_cube (
    side text not null,
    on_date date not null,
    institution_id uuid,
    decision_org_type text,
    department text,
    sex text,
    age_group text,
    age_band text,
    nationality text,
    ict text,
    exploitation text[] not null,
    platforms text[] not null,
    service_type text,
    state text,
    status text,
    unmet_reason text,
    days integer,
    n integer not null,
    cell text not null
  )`.execute(db);
  // The grain: side, year and `cell`, a digest of the other dimensions (one narrow key for upserts).
  await sql`create unique index stat_cube_grain on stat_cube (side, on_date, cell)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop table stat_cube`.execute(db);
}
