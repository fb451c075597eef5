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
import { kAnonymise, smallCells, type Step } from '../../standards/k-anonymity.js';
import { AppError } from '../../core/errors.js';
import { HTCDS_COLUMNS, htcdsRow } from '../../standards/htcds.js';
import type { VictimRecord } from '../../standards/victim-record.js';
import { loadVictims, type VictimRow } from './export.repository.js';
import { type AuditFieldName } from '../../../shared/audit-fields/lists.js';

/** Pseudonyms are this many base64url characters of the HMAC (132 bits: no collisions in practice). */
const PSEUDONYM_LENGTH = 22;

/** Age at registration: the year of detection minus the birth year, else the age estimated at intake. */
function ageAtRegistration(row: VictimRow, year: number): number | null {
  return row.birthYear !== null ? year - row.birthYear : row.estimatedAge;
}

/** Age when first exploited: the youngest screening age at the facts, else from the earliest event. */
function ageAtFirstExploitation(row: VictimRow): number | null {
  if (row.ageAtFacts !== null) return row.ageAtFacts;
  return row.birthYear !== null && row.firstEventYear !== null ? row.firstEventYear - row.birthYear : null;
}

function toRecord(crypto: FieldCrypto, row: VictimRow): VictimRecord {
  const year = Number(row.detectedOn.slice(0, 4));
  return {
    personKey: crypto.blindIndex(row.personId, 'export.person').slice(0, PSEUDONYM_LENGTH),
    caseKey: crypto.blindIndex(row.caseId, 'export.case').slice(0, PSEUDONYM_LENGTH),
    year,
    sex: row.sex,
    gender: row.gender,
    ageAtRegistration: ageAtRegistration(row, year),
    ageAtFirstExploitation: ageAtFirstExploitation(row),
    nationalities: row.nationalities,
    traffickingStatus: row.traffickingStatus,
    decisionOrgType: row.decisionOrgType,
    exploitationTypes: row.exploitationTypes,
    labourIndustries: row.labourIndustries,
    sexualExploitationTypes: row.sexualExploitationTypes,
    controlMethods:
      row.restrictedMovement && !row.controlMethods.includes('RestrictsMovement')
        ? [...row.controlMethods, 'RestrictsMovement']
        : row.controlMethods,
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

const filterFields = (q: { from?: string; to?: string }): AuditFieldName[] => [
  ...(q.from ? ([`from=${q.from}`] as const) : []),
  ...(q.to ? ([`to=${q.to}`] as const) : []),
];

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
 * The quasi-identifiers of a CTDC row (what a recipient could know of a person from elsewhere) and
 * the order in which rare combinations are generalised (docs/STANDARDS.md, k-anonymity).
 */
const CTDC_PROTECTION: Record<CtdcFormat, { quasiIdentifiers: string[]; steps: Step[] }> = {
  global2020: {
    quasiIdentifiers: [
      'yearOfRegistration',
      'gender',
      'ageBroad',
      'majorityStatus',
      'majorityStatusAtExploit',
      'citizenship',
      'CountryOfExploitation',
    ],
    // The age band first (minor or adult stays), then citizenship, country, gender, minor/adult.
    steps: [
      ['ageBroad'],
      ['citizenship'],
      ['CountryOfExploitation'],
      ['gender'],
      ['majorityStatus', 'majorityStatusAtExploit'],
    ],
  },
  synthetic2024: {
    quasiIdentifiers: ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'CountryOfExploitation'],
    steps: [['citizenship'], ['CountryOfExploitation'], ['ageBroad'], ['gender']],
  },
};

/**
 * CTDC CSV (2020 global or 2024 synthetic layout). CTDC counts identified and presumed victims, so
 * persons whose latest decision is "not a victim" are left out. The file is k-anonymous on the
 * quasi-identifiers (k = 11, CTDC's threshold): rare combinations are generalised and what stays
 * rare is left out — or, with `smallCells=refuse`, the export is refused naming those combinations.
 */
export async function exportCtdc(
  ctx: Ctx,
  crypto: FieldCrypto,
  query: z.output<typeof ExportCtdcQuery>,
  k: number,
): Promise<{ csv: string; rows: number; suppressedRows: number }> {
  const format: CtdcFormat = query.format;
  const victims = (await loadVictims(ctx.trx, ctx.actor, query)).filter(
    (v) => v.traffickingStatus !== 'NotAVictimOfTrafficking',
  );
  const columns = ctdcColumns(format);
  const rows = victims.map((v) => ctdcRow(toRecord(crypto, v), format));
  const protection = CTDC_PROTECTION[format];
  if (query.smallCells === 'refuse') {
    const small = smallCells(columns, rows, protection.quasiIdentifiers, k);
    if (small.length) {
      // The refusal is audited by the error handler, as every refused attempt.
      throw new AppError(
        'export_not_k_anonymous',
        422,
        { k, cells: small.length },
        {
          audit: { action: 'exchange.exportCtdc', resourceType: 'case_export', resourceId: null },
          issues: small.slice(0, 50).map((c, i) => ({
            path: `smallCells.${i}`,
            message: `${Object.entries(c.cell)
              .map(([q, v]) => `${q}=${v ?? ''}`)
              .join(', ')}: ${c.rows}`,
          })),
        },
      );
    }
  }
  const protectedRows = kAnonymise(columns, rows, {
    ...protection,
    k,
    missing: format === 'global2020' ? -99 : null,
  });
  let csv = csvLine(columns);
  for (const row of protectedRows.rows) csv += csvLine(row);
  const { report } = protectedRows;
  await auditOperation(ctx, 'exchange.exportCtdc', 'case_export', fileDigest(csv), [
    `format=ctdc-${format}`,
    `rows=${protectedRows.rows.length}`,
    `k=${k}`,
    `generalised=${Object.values(report.generalised).reduce((a, b) => a + b, 0)}`,
    `suppressed=${report.suppressedRows}`,
    ...filterFields(query),
  ]);
  return { csv, rows: protectedRows.rows.length, suppressedRows: report.suppressedRows };
}
