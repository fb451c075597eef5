/** The national report in each file format. */
import type { NationalReport } from '../../../shared/api-statistics.js';
import { toCsv } from './csv.js';
import { reportPdf } from './pdf.js';
import { reportRows } from './rows.js';
import { reportXlsx } from './xlsx.js';

export { REPORT_FORMATS, type ReportFormat } from '../../../shared/api-statistics.js';
import type { ReportFormat } from '../../../shared/api-statistics.js';

/** The file body and its media type. */
export async function renderReport(
  report: NationalReport,
  format: ReportFormat,
): Promise<{ body: string | Buffer; type: string }> {
  switch (format) {
    case 'pdf':
      return { body: await reportPdf(report), type: 'application/pdf' };
    case 'xlsx':
      return {
        body: await reportXlsx(report),
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      };
    case 'csv': {
      const { header, rows } = reportRows(report);
      return { body: toCsv(header, rows), type: 'text/csv; charset=utf-8' };
    }
    case 'json':
      return { body: JSON.stringify(report, null, 2), type: 'application/json' };
  }
}
