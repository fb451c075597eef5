/** CSV (RFC 4180, UTF-8 with BOM so spreadsheets read accents) of report rows and public tables. */
import type { PublicStatistics } from '../../../shared/api-statistics.js';
import { csvLine } from '../../standards/csv.js';

const cellOf = (value: unknown): string | number | null =>
  value === null || value === undefined ? null : typeof value === 'number' ? value : String(value);

/** CSV text of a header and rows (text cells neutralised against formula injection). */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  return '\uFEFF' + [header, ...rows].map((row) => csvLine(row.map(cellOf))).join('');
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
