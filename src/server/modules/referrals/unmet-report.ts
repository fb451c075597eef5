/**
 * The gap report: unmet needs counted by service, department, sex, age band and reason. Counts come
 * from the non-identifying snapshot stored with each need (no decryption, no person ids). Cells
 * describing fewer than MIN_CELL needs are suppressed (count null): the report is read across
 * institutions, and a cell of one or two in a small department can point at a person. This is the
 * internal threshold; publication uses docs/DOMAIN.md §7's k = 11.
 */
import type { z } from 'zod';
import type { UnmetNeedsQuery, UnmetNeedsReport } from '../../../shared/api-protection.js';
import type { Ctx } from '../../core/context.js';
import { auditOperation as auditProtection } from '../../audit/audit.js';
import { unmetNeedCounts } from './needs.repository.js';
import { auditFieldsOf } from '../../../shared/audit-fields/lists.js';

export const MIN_CELL = 3;
type Report = z.input<typeof UnmetNeedsReport>;
type Cell = Report['cells'][number];

export async function unmetNeedsReport(ctx: Ctx, query: z.output<typeof UnmetNeedsQuery>): Promise<Report> {
  // The range's days are whole UTC days, the last one included.
  const rows = await unmetNeedCounts(ctx.trx, {
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : undefined,
    until: query.to ? new Date(new Date(`${query.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
  });
  await auditProtection(ctx, 'need.report', 'report', 'unmet_needs', auditFieldsOf(query));
  return {
    minimumCellSize: MIN_CELL,
    cells: rows.map((row) => {
      const count = Number(row.n);
      return {
        serviceType: row.service_type as Cell['serviceType'],
        department: row.department,
        sex: row.person_sex as Cell['sex'],
        ageBand: row.age_band as Cell['ageBand'],
        reason: row.unmet_reason as Cell['reason'],
        count: count < MIN_CELL ? null : count,
        suppressed: count < MIN_CELL,
      };
    }),
  };
}
