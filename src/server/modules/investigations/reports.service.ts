/**
 * The investigations export (figures for statistics, no names) and the complicity register. Both
 * read only what `scopedInvestigations` lets the actor see, and both are audited.
 */
import type { z } from 'zod';
import type {
  ComplicityRegister,
  ExportInvestigationsQuery,
  InvestigationExport,
} from '../../../shared/api-prosecution.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import {
  chargesOf,
  complicitySuspects,
  currentStages,
  investigationsForExport,
  outcomesOf,
  stagesOf,
} from './investigations.repository.js';
import type { Stage } from './stage-machine.js';

type Export = z.input<typeof InvestigationExport>;

/** Rows grouped by a key, so the export joins in memory in linear time. */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

export async function exportInvestigations(
  ctx: Ctx,
  query: z.output<typeof ExportInvestigationsQuery>,
): Promise<Export> {
  const { trx, actor } = ctx;
  const rows = await investigationsForExport(trx, actor, query.openedFrom, query.openedTo);
  const ids = rows.map((r) => r.id);
  const suspects = ids.length
    ? await trx
        .selectFrom('investigation_suspects')
        .leftJoin('institutions', 'institutions.id', 'investigation_suspects.official_institution_id')
        .select([
          'investigation_suspects.id',
          'investigation_suspects.investigation_id',
          'investigation_suspects.sex',
          'investigation_suspects.birth_year',
          'investigation_suspects.nationality',
          'investigation_suspects.roles',
          'investigation_suspects.official_kind',
          'institutions.code as official_code',
        ])
        .where('investigation_suspects.investigation_id', 'in', ids)
        .orderBy('investigation_suspects.created_at')
        .execute()
    : [];
  const suspectIds = suspects.map((s) => s.id);
  const charges = await chargesOf(trx, suspectIds);
  const stages = await stagesOf(trx, suspectIds);
  const outcomes = await outcomesOf(trx, suspectIds);
  const operations = ids.length
    ? await trx
        .selectFrom('investigation_operations')
        .selectAll()
        .where('investigation_id', 'in', ids)
        .execute()
    : [];
  const cooperation = ids.length
    ? await trx.selectFrom('cooperation_requests').selectAll().where('investigation_id', 'in', ids).execute()
    : [];
  await auditOperation(ctx, 'investigation.export', 'investigation', null, ['investigations', 'defendants']);
  const opsOf = groupBy(operations, (o) => o.investigation_id);
  const cooperationOf = groupBy(cooperation, (c) => c.investigation_id);
  const suspectsBy = groupBy(suspects, (s) => s.investigation_id);
  const chargesBy = groupBy(charges, (c) => c.suspect_id);
  const stagesBy = groupBy(stages, (p) => p.suspect_id);
  const outcomesBy = groupBy(outcomes, (o) => o.suspect_id);
  return {
    investigations: rows.map((row) => {
      const ops = opsOf.get(row.id) ?? [];
      return {
        id: row.id,
        reference: row.reference,
        openedOn: row.opened_on,
        complaintOn: row.complaint_on,
        department: row.department,
        complicity: (suspectsBy.get(row.id) ?? []).some((s) => s.official_kind !== null),
        ictPlatforms: row.ict_platforms,
        operations: ops.length,
        personsArrested: ops.reduce((sum, o) => sum + o.persons_arrested, 0),
        victimsRescued: ops.reduce((sum, o) => sum + o.victims_rescued, 0),
        cooperationRequests: (cooperationOf.get(row.id) ?? []).map((c) => ({
          kind: c.kind,
          country: c.country,
          requestedOn: c.requested_on,
          grantedOn: c.granted_on,
        })),
      };
    }),
    defendants: suspects.map((s) => {
      const outcome = outcomesBy.get(s.id)?.at(-1);
      return {
        investigationId: s.investigation_id,
        suspectId: s.id,
        sex: s.sex,
        birthYear: s.birth_year,
        nationality: s.nationality,
        roles: s.roles,
        officialKind: s.official_kind,
        officialInstitutionCode: s.official_code,
        charges: (chargesBy.get(s.id) ?? []).map((c) => c.code),
        stages: (stagesBy.get(s.id) ?? []).map((p) => ({
          stage: p.stage as Stage,
          occurredOn: p.occurred_on,
        })),
        outcome: (outcome?.outcome ?? null) as Export['defendants'][number]['outcome'],
        decidedOn: outcome?.decided_on ?? null,
        sentenceMonths: outcome?.sentence_months ?? null,
        suspended: outcome ? outcome.suspended : null,
      };
    }),
  };
}

export async function complicityRegister(ctx: Ctx): Promise<z.input<typeof ComplicityRegister>> {
  const rows = await complicitySuspects(ctx.trx, ctx.actor);
  const stages = await currentStages(ctx.trx, [...new Set(rows.map((r) => r.investigation_id))]);
  const outcomes = await outcomesOf(
    ctx.trx,
    rows.map((r) => r.suspect_id),
  );
  await auditOperation(ctx, 'investigation.complicityRegister', 'investigation', null);
  type Item = z.input<typeof ComplicityRegister>['items'][number];
  return {
    items: rows.map((r) => ({
      investigationId: r.investigation_id,
      reference: r.reference,
      openedOn: r.opened_on,
      suspectId: r.suspect_id,
      kind: r.official_kind as Item['kind'],
      institution: {
        id: r.official_institution_id,
        code: r.official_institution_code,
        name: r.official_institution_name,
      },
      currentStage: stages.find((s) => s.suspect_id === r.suspect_id)?.stage ?? null,
      outcome: (outcomes.filter((o) => o.suspect_id === r.suspect_id).at(-1)?.outcome ??
        null) as Item['outcome'],
    })),
  };
}
