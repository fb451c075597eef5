/**
 * Pseudonymised case-level exports in HTCDS v2.0 and CTDC layouts, as CSV. The records are the
 * presumed victims of the cases the actor may see; ids are replaced by keyed HMACs (the blind-index
 * key, in a domain of their own), so a recipient can link rows across exports but cannot recover
 * or test an id. One audit row per export names the format, the row count and the filter, and
 * holds the file's SHA-256 as its resource id, so a file found elsewhere can be traced to its export.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { ExportCtdcQuery, ExportHtcdsQuery } from '../../../shared/api-exchange.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import type { Ctx } from '../../core/context.js';
import { ctdcColumns, ctdcRow, type CtdcFormat } from '../../standards/ctdc-export.js';
import { csvLine } from '../../standards/csv.js';
import { HTCDS_COLUMNS, htcdsRow } from '../../standards/htcds.js';
import type { VictimRecord } from '../../standards/victim-record.js';
import { loadVictims, type VictimRow } from './export.repository.js';

/** Pseudonyms are this many base64url characters of the HMAC (132 bits: no collisions in practice). */
const PSEUDONYM_LENGTH = 22;

/** Age when trafficked: the screening's age at the facts, else the age in the year of detection. */
function ageOf(row: VictimRow, year: number): number | null {
  if (row.ageAtFacts !== null) return row.ageAtFacts;
  if (row.birthYear !== null) return year - row.birthYear;
  return row.estimatedAge;
}

function toRecord(crypto: FieldCrypto, row: VictimRow): VictimRecord {
  const year = Number(row.detectedOn.slice(0, 4));
  return {
    personKey: crypto.blindIndex(row.personId, 'export.person').slice(0, PSEUDONYM_LENGTH),
    caseKey: crypto.blindIndex(row.caseId, 'export.case').slice(0, PSEUDONYM_LENGTH),
    year,
    sex: row.sex,
    gender: row.gender,
    age: ageOf(row, year),
    nationalities: row.nationalities,
    traffickingStatus: row.traffickingStatus,
    decisionOrgType: row.decisionOrgType,
    exploitationTypes: row.exploitationTypes,
    labourIndustries: row.labourIndustries,
    sexualExploitationTypes: row.sexualExploitationTypes,
    controlMethods: row.controlMethods,
    recruitmentMethods: row.recruitmentMethods,
    recruiterRelation: row.recruiterRelation,
    exploitationCountries: row.exploitationCountries,
    recruitmentPlatforms: row.recruitmentPlatforms,
    exploitationPlatforms: row.exploitationPlatforms,
    caseStatus: row.caseStatus,
  };
}

/** The filter, for the audit row (dates only: nothing personal). */
const fileDigest = (csv: string): string => `sha256:${createHash('sha256').update(csv).digest('hex')}`;

const filterFields = (q: { from?: string; to?: string }): string[] =>
  [q.from ? `from=${q.from}` : null, q.to ? `to=${q.to}` : null].filter((f): f is string => f !== null);

/** HTCDS v2.0 CSV of every presumed victim on the visible cases detected in the range. */
export async function exportHtcds(
  ctx: Ctx,
  crypto: FieldCrypto,
  query: z.output<typeof ExportHtcdsQuery>,
): Promise<{ csv: string; rows: number }> {
  const victims = await loadVictims(ctx.trx, ctx.actor, query);
  let csv = csvLine(HTCDS_COLUMNS);
  for (const v of victims) csv += csvLine(htcdsRow(toRecord(crypto, v)));
  await auditOperation(ctx, 'exchange.exportHtcds', 'case_export', fileDigest(csv), [
    'format=htcds2.0',
    `rows=${victims.length}`,
    ...filterFields(query),
  ]);
  return { csv, rows: victims.length };
}

/**
 * CTDC CSV (2020 global or 2024 synthetic layout). CTDC counts identified and presumed victims, so
 * persons whose latest decision is "not a victim" are left out.
 */
export async function exportCtdc(
  ctx: Ctx,
  crypto: FieldCrypto,
  query: z.output<typeof ExportCtdcQuery>,
): Promise<{ csv: string; rows: number }> {
  const format: CtdcFormat = query.format;
  const victims = (await loadVictims(ctx.trx, ctx.actor, query)).filter(
    (v) => v.traffickingStatus !== 'NotAVictimOfTrafficking',
  );
  let csv = csvLine(ctdcColumns(format));
  for (const v of victims) csv += csvLine(ctdcRow(toRecord(crypto, v), format));
  await auditOperation(ctx, 'exchange.exportCtdc', 'case_export', fileDigest(csv), [
    `format=ctdc-${format}`,
    `rows=${victims.length}`,
    ...filterFields(query),
  ]);
  return { csv, rows: victims.length };
}
