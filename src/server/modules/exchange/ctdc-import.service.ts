/**
 * The CTDC analysis area: importing a CTDC CSV into ctdc_imports / ctdc_records (never mixed with
 * case records), listing imports and counting them. The file is parsed incrementally in slices
 * and stored in batches, so memory holds one batch of records, not the whole table; a file with
 * any invalid line is refused as a whole (the transaction rolls back, nothing is stored).
 */
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { CtdcImportCounts, CtdcImportView } from '../../../shared/api-exchange.js';
import { auditOperation } from '../../audit/audit.js';
import { errors, type FieldIssue } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { CsvParser, CsvSyntaxError, type CsvRecord } from '../../standards/csv.js';
import {
  readCtdcHeader,
  type CtdcHeader,
  type CtdcIssue,
  type CtdcRecord,
} from '../../standards/ctdc-import.js';
import { paraguayToday } from '../../../shared/dates.js';
import {
  ctdcCountsBy,
  ctdcExploitationCounts,
  ctdcImportById,
  ctdcImports,
  finishCtdcImport,
  insertCtdcImport,
  insertCtdcRecords,
} from './ctdc-import.repository.js';
import type { ExchangeMessageCode } from './messages.js';

const SLICE = 256 * 1024;
const BATCH = 5000;
/** Issues reported at most (the rest are counted). */
const MAX_ISSUES = 20;

type ImportView = z.input<typeof CtdcImportView>;

/**
 * Refuses the file with its problems: each issue's message is a code of the catalogue
 * (exchange/messages.ts), which the error handler writes in the request's language with its values.
 */
function refuse(issues: CtdcIssue[], more = 0): never {
  const fields: FieldIssue[] = issues.map((i) => ({
    path: `csv.line ${i.line}.${i.column}`,
    message: `ctdc_${i.code}` satisfies ExchangeMessageCode,
    code: i.code,
    line: i.line,
    field: i.column,
    params: { line: i.line, column: i.column, ...i.params },
  }));
  if (more > 0) fields.push({ path: 'csv', message: 'ctdc_more_lines', params: { count: more } });
  throw errors.validation(fields);
}

function present(row: {
  id: string;
  label: string;
  format: string;
  sha256: string;
  record_count: number;
  columns: string[];
  created_at: Date;
}): ImportView {
  return {
    id: row.id,
    label: row.label,
    format: row.format as ImportView['format'],
    sha256: row.sha256,
    recordCount: row.record_count,
    columns: row.columns,
    importedAt: new Date(row.created_at).toISOString(),
  };
}

/** Validates and stores a CTDC CSV; returns the import. Refuses the whole file on any problem. */
export async function importCtdc(ctx: Ctx, csv: string, label: string | undefined): Promise<ImportView> {
  const sha256 = crypto.createHash('sha256').update(csv).digest('hex');
  const importId = await insertCtdcImport(ctx.trx, {
    label: label ?? `CTDC ${paraguayToday()}`,
    format: 'global2020',
    sha256,
    record_count: 0,
    columns: [],
    imported_by: ctx.actor.userId,
    institution_id: ctx.actor.institutionId,
  });

  const parser = new CsvParser();
  let header: CtdcHeader | null = null;
  let batch: CtdcRecord[] = [];
  let count = 0;
  const issues: CtdcIssue[] = [];
  let moreIssues = 0;
  const take = async (records: CsvRecord[]): Promise<void> => {
    for (const { line, fields } of records) {
      if (fields.length === 1 && fields[0] === '') continue; // blank line
      if (!header) {
        const h = readCtdcHeader(fields);
        if (Array.isArray(h)) refuse(h);
        header = h;
        continue;
      }
      const result = header.read(line, fields);
      if ('code' in result) {
        if (issues.length < MAX_ISSUES) issues.push(result);
        else moreIssues++;
        continue;
      }
      count++;
      if (issues.length === 0) batch.push(result);
      if (batch.length >= BATCH) {
        await insertCtdcRecords(ctx.trx, importId, batch);
        batch = [];
      }
    }
  };
  try {
    for (let at = 0; at < csv.length; at += SLICE) await take(parser.push(csv.slice(at, at + SLICE)));
    const last = parser.end();
    if (last) await take([last]);
  } catch (error) {
    if (error instanceof CsvSyntaxError) refuse([{ line: error.line, column: '*', code: 'csv_syntax' }]);
    throw error;
  }
  if (!header) refuse([{ line: 1, column: '*', code: 'file_empty' }]);
  if (issues.length) refuse(issues, moreIssues);
  if (count === 0) refuse([{ line: 2, column: '*', code: 'no_records' }]);
  await insertCtdcRecords(ctx.trx, importId, batch);
  const h = header as CtdcHeader;
  const row = await finishCtdcImport(ctx.trx, importId, {
    record_count: count,
    format: h.format,
    columns: h.columns,
  });
  await auditOperation(ctx, 'exchange.importCtdc', 'ctdc_import', importId, [
    `records=${count}`,
    `format=${h.format}`,
  ]);
  return present(row);
}

/** Every import, newest first. */
export async function listCtdcImports(ctx: Ctx): Promise<{ imports: ImportView[] }> {
  return { imports: (await ctdcImports(ctx.trx)).map(present) };
}

const MISSING = 'missing';

/** Plain counts of one import by year, gender, age band, citizenship and exploitation type. */
export async function ctdcImportCounts(ctx: Ctx, id: string): Promise<z.input<typeof CtdcImportCounts>> {
  const row = await ctdcImportById(ctx.trx, id);
  if (!row)
    throw errors.notFound({
      audit: { action: 'exchange.read', resourceType: 'ctdc_import', resourceId: id },
    });
  const by = async (column: 'year' | 'gender' | 'age_broad' | 'citizenship') =>
    (await ctdcCountsBy(ctx.trx, id, column)).map((r) => ({
      key: r[column] === null ? MISSING : String(r[column]),
      count: Number(r.n),
    }));
  const types = await ctdcExploitationCounts(ctx.trx, id);
  // Not audited: CTDC's published, de-identified data describes no person of ours.
  return {
    import: present(row),
    total: Number(types.total),
    byYear: await by('year'),
    byGender: await by('gender'),
    byAgeBroad: await by('age_broad'),
    byCitizenship: await by('citizenship'),
    byExploitationType: (['forcedLabour', 'sexualExploit', 'otherExploit', 'missing'] as const).map(
      (key) => ({
        key,
        count: Number(types[key]),
      }),
    ),
  };
}
