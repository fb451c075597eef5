/**
 * A child's consent given by a representative (docs/MINORS-CONSENT.md). Frozen: never import
 * application code.
 *
 * Who gave a consent (`given_by`) may now be a representative or an authority; the consent keeps
 * the representative's name (encrypted, `consents.representative_name`) and relationship, or the
 * authority (CODENI, public defender, judge, MINNA), and the child's own view (encrypted).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('consents')
    .addColumn('representative_name', 'text')
    .addColumn('representative_relationship', 'text')
    .addColumn('authority', 'text')
    .addColumn('child_view', 'text')
    .execute();
}
