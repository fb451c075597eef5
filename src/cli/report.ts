/**
 * `nanduti report --year Y --format pdf|xlsx|csv|json [--locale es|en] [--output FILE]`: the national
 * report computed from the records, the same as the web's (same statistics module), written to a
 * file (`-` writes CSV or JSON to standard output). Audited as an operator's report.
 */
import fs from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { writeAudit } from '../server/audit/audit.js';
import type { Database } from '../server/db/database.js';
import { refreshFacts } from '../server/statistics-engine/refresh.js';
import { nationalReport } from '../server/statistics-engine/report.js';
import { renderReport, REPORT_FORMATS, type ReportFormat } from '../server/statistics-engine/render/index.js';

export const REPORT_USAGE =
  'usage: nanduti report --year YYYY --format pdf|xlsx|csv|json [--locale es|en] [--output FILE|-]';

/** Parses the arguments; throws a one-line reason when they are wrong. */
export function reportOptions(args: string[]) {
  const { values } = parseArgs({
    args,
    options: {
      year: { type: 'string' },
      format: { type: 'string', default: 'pdf' },
      locale: { type: 'string', default: 'es' },
      output: { type: 'string' },
    },
  });
  const year = Number(values.year);
  if (!values.year || !Number.isInteger(year) || year < 1990 || year > 2100)
    throw new Error(`--year must be a year such as 2025. ${REPORT_USAGE}`);
  if (!REPORT_FORMATS.includes(values.format as ReportFormat))
    throw new Error(`--format must be one of ${REPORT_FORMATS.join(', ')}`);
  if (values.locale !== 'es' && values.locale !== 'en') throw new Error('--locale must be es or en');
  const format = values.format as ReportFormat;
  if (values.output === '-' && (format === 'pdf' || format === 'xlsx'))
    throw new Error('--output - (standard output) is only for csv and json');
  return {
    year,
    format,
    locale: values.locale as 'es' | 'en',
    output: values.output ?? `nanduti-report-${year}-${values.locale}.${format}`,
  };
}

/** Computes, renders and writes the report; returns where it went. */
export async function runReport(db: Database, args: string[]): Promise<string> {
  const options = reportOptions(args);
  const report = await db.transaction(async (trx) => {
    await refreshFacts(trx);
    const result = await nationalReport(trx, options.year, options.locale);
    await writeAudit(trx, {
      actor: null,
      action: 'statistics.report',
      resourceType: 'statistics',
      purpose: 'statistics',
      changedFields: ['year', `format:${options.format}`],
    });
    return result;
  });
  const file = await renderReport(report, options.format);
  if (options.output === '-') {
    process.stdout.write(file.body);
    return 'standard output';
  }
  await fs.writeFile(options.output, file.body);
  return options.output;
}
