/** The national report as a spreadsheet (exceljs): one sheet of rows, one per GLOTIP table, the TIP answers. */
import ExcelJS from 'exceljs';
import type { NationalReport } from '../../../shared/api-statistics.js';
import { spreadsheetSafe } from '../../standards/csv.js';
import { SMALL_COUNT, reportRows } from './rows.js';

/** Text cells neutralised against formula injection; numbers and empty cells as they are. */
const safeRow = (row: readonly unknown[]) =>
  row.map((cell) => (typeof cell === 'string' ? spreadsheetSafe(cell) : cell));

/** The report as an .xlsx file. */
export async function reportXlsx(report: NationalReport): Promise<Buffer> {
  const es = report.locale === 'es';
  const book = new ExcelJS.Workbook();
  book.creator = 'Ñandutí';
  book.created = new Date(report.generatedAt);
  const { header, rows } = reportRows(report);
  const sheet = book.addWorksheet(es ? `Informe ${report.year}` : `Report ${report.year}`);
  sheet.addRow(safeRow(header)).font = { bold: true };
  for (const row of rows) sheet.addRow(safeRow(row));
  sheet.columns.forEach((column, index) => (column.width = index === 1 ? 48 : index === 4 ? 10 : 28));
  const tip = book.addWorksheet('TIP');
  tip.addRow(es ? ['Pregunta', 'Valor', 'Nota'] : ['Question', 'Value', 'Note']).font = { bold: true };
  for (const answer of report.tip)
    tip.addRow(safeRow([answer.question, answer.small ? SMALL_COUNT : answer.value, answer.note ?? '']));
  tip.getColumn(1).width = 56;
  tip.getColumn(3).width = 56;
  report.glotip.forEach((table, index) => {
    const ws = book.addWorksheet(`GLOTIP ${index + 1}`);
    ws.addRow(safeRow([table.title])).font = { bold: true };
    ws.addRow(safeRow(['', ...table.colKeys])).font = { bold: true };
    table.rowKeys.forEach((key, r) =>
      ws.addRow(safeRow([key, ...table.cells[r]!.map((v) => v ?? SMALL_COUNT)])),
    );
    ws.getColumn(1).width = 40;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}
