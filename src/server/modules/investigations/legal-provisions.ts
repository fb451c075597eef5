/**
 * The legal-provision catalogue (data seeded from docs/DOMAIN.md §2; labels in es, gn, en), with
 * each provision's category, validity dates and the source its article number was verified in
 * (docs/LEGAL-PROVISIONS.md: unverified numbers are flagged, never invented).
 */
import type { z } from 'zod';
import type { LegalProvisionList } from '../../../shared/api-prosecution.js';
import type { Trx } from '../../db/database.js';

/** Active provisions in catalogue order. */
export async function listLegalProvisions(trx: Trx): Promise<z.input<typeof LegalProvisionList>> {
  const rows = await trx
    .selectFrom('legal_provisions')
    .selectAll()
    .where('active', '=', true)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      code: row.code,
      instrument: row.instrument,
      article: row.article,
      label: { es: row.label_es, gn: row.label_gn, en: row.label_en },
      maxYears: row.max_years,
      articleUnconfirmed: row.article_unconfirmed,
      category: row.category as 'trafficking' | 'related' | 'other',
      exploitation: row.exploitation,
      validFrom: row.valid_from,
      validTo: row.valid_to,
      source: row.source,
    })),
  };
}
