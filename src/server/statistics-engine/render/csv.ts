/** CSV (RFC 4180, UTF-8 with BOM so spreadsheets read accents) of report rows and public tables. */
import type { PublicStatistics } from '../../../shared/api-statistics.js';

function field(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  // Formula injection: a cell starting with = + - @ is read as a formula by spreadsheets.
  const safe = /^[=+\-@]/.test(text) && Number.isNaN(Number(text)) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV text of a header and rows. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** The public open data as CSV: one line per published cell; suppressed cells are empty. */
export function publicCsv(data: PublicStatistics): string {
  const header = [
    'year',
    'table',
    'figure',
    'row_dimension',
    'row',
    'column_dimension',
    'column',
    'persons',
    'suppressed',
  ];
  const rows: unknown[][] = [];
  for (const table of data.tables) {
    table.rowKeys.forEach((rowKey, r) =>
      table.colKeys.forEach((colKey, c) => {
        const value = table.cells[r]![c]!;
        rows.push([
          table.rowDimension === 'year' ? rowKey : data.year,
          table.id,
          table.figure,
          table.rowDimension,
          rowKey,
          table.colDimension ?? '',
          table.colDimension ? colKey : '',
          value,
          value === null,
        ]);
      }),
    );
  }
  return toCsv(header, rows);
}
