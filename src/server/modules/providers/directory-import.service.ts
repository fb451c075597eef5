/**
 * The bulk import of the service directory: every row is read and checked (columns, values, the
 * institution it names and whether the caller may add providers for it) before anything is written;
 * one invalid row refuses the whole file with every problem by line and column, and nothing is
 * written. A dry run stops after the checks and returns the preview. A row whose institution already
 * has a provider of that name updates it (so a corrected file can be imported again).
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { ImportProvidersRequest } from '../../../shared/api-directory.js';
import { can } from '../../access/policies.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { importIssue, parseRows, readCells, type ImportIssue } from './directory-import.js';
import { checkServices, insertProvider, replaceServices, updateProviderFields } from './providers.write.js';

function refuse(issues: ImportIssue[]): never {
  throw new AppError(
    'import_rows_invalid',
    400,
    { count: new Set(issues.map((i) => i.line)).size },
    {
      issues: issues.map((i) => ({
        path: `line ${i.line}.${i.column}`,
        message: i.message,
        code: i.code,
        line: i.line,
        field: i.column,
        ...(i.params ? { params: i.params } : {}),
      })),
    },
  );
}

export async function importProviders(ctx: Ctx, input: z.output<typeof ImportProvidersRequest>) {
  const cells = await readCells(input);
  if (!Array.isArray(cells)) refuse([cells]);
  const parsed = parseRows(cells);
  if ('issues' in parsed) refuse(parsed.issues);
  const institutions = await ctx.trx.selectFrom('institutions').select(['id', 'code']).execute();
  const idOf = new Map(institutions.map((i) => [i.code.toUpperCase(), i.id]));
  const issues: ImportIssue[] = [];
  for (const row of parsed.rows) {
    const institutionId = idOf.get(row.institutionCode);
    if (!institutionId) issues.push(importIssue(row.line, 'institution', 'institution_unknown'));
    else if (!can(ctx.actor, 'provider.create', { institutionId }))
      issues.push(importIssue(row.line, 'institution', 'institution_not_own'));
    else
      try {
        checkServices(row.provider.services);
      } catch {
        issues.push(importIssue(row.line, 'capacity', 'capacity_not_shelter'));
      }
  }
  if (issues.length) refuse(issues);
  const existing = await ctx.trx
    .selectFrom('service_providers')
    .select(['id', 'institution_id', sql<string>`lower(name)`.as('key')])
    .where('institution_id', 'in', [...new Set(parsed.rows.map((r) => idOf.get(r.institutionCode)!))])
    .execute();
  const existingId = new Map(existing.map((e) => [`${e.institution_id}\u0000${e.key}`, e.id]));
  const plan = parsed.rows.map((row) => {
    const institutionId = idOf.get(row.institutionCode)!;
    return {
      row,
      institutionId,
      id: existingId.get(`${institutionId}\u0000${row.provider.name.toLowerCase()}`),
    };
  });
  if (!input.dryRun) {
    for (const { row, institutionId, id } of plan) {
      const p = row.provider;
      const fields = {
        name: p.name,
        department: p.department,
        sexes: p.sexes,
        minAge: p.minAge ?? null,
        maxAge: p.maxAge ?? null,
        nationalities: p.nationalities,
        languages: p.languages,
        hours: p.hours ?? null,
        contact: p.contact ?? null,
      };
      if (id) {
        await replaceServices(ctx.trx, id, p.services);
        // The name is how the row was matched: the stored spelling stays.
        await updateProviderFields(ctx.trx, id, { ...fields, name: undefined, active: true });
        await auditOperation(ctx, 'provider.import', 'provider', id, ['updated']);
      } else {
        const created = await insertProvider(
          ctx.trx,
          institutionId,
          null,
          fields,
          p.services,
          ctx.actor.userId,
        );
        await auditOperation(ctx, 'provider.import', 'provider', created, ['created']);
      }
    }
  }
  return {
    dryRun: input.dryRun,
    created: plan.filter((p) => !p.id).length,
    updated: plan.filter((p) => p.id).length,
    rows: plan.map(({ row, id }) => ({
      line: row.line,
      institutionCode: row.institutionCode,
      name: row.provider.name,
      department: row.provider.department,
      services: row.provider.services.map((s) => ({
        serviceType: s.serviceType,
        departments: s.departments,
        capacity: s.capacity ?? null,
      })),
      existing: id !== undefined,
    })),
  };
}
