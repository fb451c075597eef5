/**
 * Reading a directory import file (CSV or XLSX) into provider rows, all checked before anything is
 * written: a header with the known columns, then one provider per row, lists in a cell separated by
 * ";". Every problem is reported with its line and column (docs/DIRECTORY-IMPORT.md).
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import {
  IMPORT_COLUMNS,
  REQUIRED_IMPORT_COLUMNS,
  type ImportIssueCode,
  type ImportProvidersRequest,
} from '../../../shared/api-directory.js';
import { CreateProviderRequest } from '../../../shared/api-protection.js';
import { isBedService } from './matching.js';
import { CsvParser, CsvSyntaxError } from '../../standards/csv.js';

type Column = (typeof IMPORT_COLUMNS)[number];
/**
 * One problem of the file: its line and column, a stable code the web translates (with `params`),
 * and a short English message for other API clients. Never the cell's content.
 */
export interface ImportIssue {
  line: number;
  column: Column | '*';
  code: ImportIssueCode;
  message: string;
  params?: Record<string, string | number>;
}

/** An issue of `code` at `line`/`column`, with its English message. */
export function importIssue(
  line: number,
  column: Column | '*',
  code: ImportIssueCode,
  params?: Record<string, string | number>,
): ImportIssue {
  return { line, column, code, message: ENGLISH[code](params ?? {}), ...(params ? { params } : {}) };
}

const ENGLISH: Record<ImportIssueCode, (p: Record<string, string | number>) => string> = {
  csv_syntax: () => 'the CSV is not well formed (a quote not closed, or a stray quote)',
  xlsx_unreadable: () => 'the file is not a readable XLSX workbook',
  xlsx_no_sheet: () => 'the workbook has no sheet',
  file_empty: () => 'the file is empty: a header line is required',
  column_missing: () => 'column missing from the header',
  column_unknown: (p) => `unknown column "${p.name}"`,
  no_rows: () => 'no rows after the header',
  too_many_rows: (p) => `at most ${p.max} rows per file`,
  required: () => 'required',
  whole_number: () => 'a whole number is expected',
  capacity_not_shelter: () => 'capacity applies only to a shelter',
  shelter_needs_capacity: () => 'a shelter needs its number of places',
  department_code: () => 'a department code such as PY-ASU or PY-11 is expected',
  service_types: () => 'service types such as Shelter;Psychological are expected, each once',
  sexes: () => 'Female, Male, Intersex or Unknown, separated by ";"',
  languages: () => 'es, gn, pt or other, separated by ";"',
  nationalities: () => 'ISO 3166-1 alpha-2 codes such as PY;BR, separated by ";"',
  invalid_value: () => 'not a valid value for this column',
  duplicate_row: (p) => `the same provider is on line ${p.earlier}`,
  institution_unknown: () => 'not an institution code of the catalogue',
  institution_not_own: () => 'you may add providers only for your own institution',
};
export interface ParsedRow {
  line: number;
  institutionCode: string;
  provider: z.output<typeof CreateProviderRequest>;
}

/** Rows at most in one file: the national directory is a few hundred providers. */
export const MAX_IMPORT_ROWS = 2000;

/** The file's lines as text cells with their 1-based line (blank lines dropped). */
export async function readCells(
  input: Pick<z.output<typeof ImportProvidersRequest>, 'format' | 'content'>,
): Promise<Array<{ line: number; cells: string[] }> | ImportIssue> {
  if (input.format === 'csv') {
    const parser = new CsvParser();
    try {
      const records = parser.push(input.content.replace(/^\uFEFF/, ''));
      const last = parser.end();
      if (last) records.push(last);
      return records
        .filter((r) => !(r.fields.length === 1 && r.fields[0]!.trim() === ''))
        .map((r) => ({ line: r.line, cells: r.fields }));
    } catch (error) {
      if (error instanceof CsvSyntaxError) return importIssue(error.line, '*', 'csv_syntax');
      throw error;
    }
  }
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(input.content, 'base64') as unknown as ArrayBuffer);
  } catch {
    return importIssue(1, '*', 'xlsx_unreadable');
  }
  const sheet = book.worksheets[0];
  if (!sheet) return importIssue(1, '*', 'xlsx_no_sheet');
  const out: Array<{ line: number; cells: string[] }> = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.max(row.cellCount, IMPORT_COLUMNS.length); c++)
      cells.push(cellText(row.getCell(c)));
    if (cells.some((cell) => cell.trim() !== '')) out.push({ line, cells });
  });
  return out;
}

function cellText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  if (typeof value === 'object' && 'result' in value) return String(value.result ?? '');
  if (typeof value === 'object' && 'text' in value) return String(value.text);
  return cell.text ?? String(value);
}

const list = (cell: string) =>
  cell
    .split(';')
    .map((v) => v.trim())
    .filter((v) => v !== '');
const FIELD_COLUMN: Record<string, Column> = {
  name: 'name',
  department: 'department',
  sexes: 'sexes',
  minAge: 'min_age',
  maxAge: 'max_age',
  nationalities: 'nationalities',
  languages: 'languages',
  hours: 'hours',
  contact: 'contact',
};

/**
 * Checks the header and every row; returns the rows or every issue found (up to `maxIssues`).
 * A row names its institution by code; services apply to the departments covered (the provider's own
 * department when the cell is empty); capacity goes to the bed service (a shelter).
 */
export function parseRows(
  lines: Array<{ line: number; cells: string[] }>,
  maxIssues = 100,
): { rows: ParsedRow[] } | { issues: ImportIssue[] } {
  const [head, ...body] = lines;
  if (!head) return { issues: [importIssue(1, '*', 'file_empty')] };
  const names = head.cells.map((c) => c.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => n !== '' && !(IMPORT_COLUMNS as readonly string[]).includes(n));
  if (missing.length || unknown.length)
    return {
      issues: [
        ...missing.map((c) => importIssue(head.line, c, 'column_missing')),
        ...unknown.map((n) => importIssue(head.line, '*', 'column_unknown', { name: n.slice(0, 40) })),
      ],
    };
  if (body.length === 0) return { issues: [importIssue(head.line + 1, '*', 'no_rows')] };
  if (body.length > MAX_IMPORT_ROWS)
    return { issues: [importIssue(head.line, '*', 'too_many_rows', { max: MAX_IMPORT_ROWS })] };
  const at = new Map(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)]));
  const issues: ImportIssue[] = [];
  const rows: ParsedRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of body) {
    if (issues.length >= maxIssues) break;
    const cell = (c: Column) => (cells[at.get(c)!] ?? '').trim();
    const rowIssues: ImportIssue[] = [];
    for (const c of REQUIRED_IMPORT_COLUMNS)
      if (cell(c) === '') rowIssues.push(importIssue(line, c, 'required'));
    const intOrNull = (c: Column) => {
      const text = cell(c);
      if (text === '') return null;
      if (!/^\d{1,5}$/.test(text)) {
        rowIssues.push(importIssue(line, c, 'whole_number'));
        return null;
      }
      return Number(text);
    };
    const department = cell('department');
    const covered = list(cell('departments_covered'));
    const capacity = intOrNull('capacity');
    const serviceTypes = list(cell('services'));
    const candidate = {
      name: cell('name'),
      department,
      services: serviceTypes.map((serviceType) => ({
        serviceType,
        departments: covered.length ? covered : [department],
        ...(isBedService(serviceType) ? { capacity } : {}),
      })),
      sexes: list(cell('sexes')),
      minAge: intOrNull('min_age'),
      maxAge: intOrNull('max_age'),
      nationalities: list(cell('nationalities')).map((v) => v.toUpperCase()),
      languages: list(cell('languages')),
      hours: cell('hours') || null,
      contact: cell('contact') || null,
    };
    if (capacity !== null && !serviceTypes.some(isBedService))
      rowIssues.push(importIssue(line, 'capacity', 'capacity_not_shelter'));
    if (
      serviceTypes.some(isBedService) &&
      capacity === null &&
      !rowIssues.some((i) => i.column === 'capacity')
    )
      rowIssues.push(importIssue(line, 'capacity', 'shelter_needs_capacity'));
    const parsed = CreateProviderRequest.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [first, , second] = issue.path;
        const column: Column =
          first === 'services'
            ? second === 'departments'
              ? 'departments_covered'
              : second === 'capacity'
                ? 'capacity'
                : 'services'
            : (FIELD_COLUMN[String(first)] ?? 'name');
        if (rowIssues.some((i) => i.column === column)) continue;
        // An empty departments_covered stands for the provider's department, already reported.
        if (
          column === 'departments_covered' &&
          covered.length === 0 &&
          rowIssues.some((i) => i.column === 'department')
        )
          continue;
        rowIssues.push(importIssue(line, column, issueCode(column)));
      }
    }
    const institutionCode = cell('institution').toUpperCase();
    const key = `${institutionCode}\u0000${candidate.name.toLowerCase()}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) rowIssues.push(importIssue(line, 'name', 'duplicate_row', { earlier }));
    else seen.set(key, line);
    if (rowIssues.length || !parsed.success) issues.push(...rowIssues);
    else rows.push({ line, institutionCode, provider: parsed.data });
  }
  return issues.length ? { issues: issues.slice(0, maxIssues) } : { rows };
}

/** What a cell should hold, as a code (never echoing the cell's content). */
function issueCode(column: Column): ImportIssueCode {
  switch (column) {
    case 'department':
    case 'departments_covered':
      return 'department_code';
    case 'services':
      return 'service_types';
    case 'sexes':
    case 'languages':
    case 'nationalities':
      return column;
    default:
      return 'invalid_value';
  }
}
