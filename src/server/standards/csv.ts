/**
 * RFC 4180 CSV: a writer and an incremental parser. The only CSV library in node_modules (fast-csv)
 * is a transitive dependency of exceljs, not ours to rely on, and the format is small enough to own.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;

/**
 * A text cell a spreadsheet will not run (OWASP "CSV injection"): a value that begins with `=`,
 * `+`, `-`, `@`, a tab or a carriage return is read by Excel, LibreOffice and Google Sheets as a
 * formula, so it gets a leading `'`, which they show as text. Plain numbers (`-3`, `+1.5`) are left
 * as they are. A name typed at a hotline or an intake reaches an analyst's spreadsheet this way; every
 * CSV and XLSX the server writes passes its text cells through here.
 */
export function spreadsheetSafe(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/**
 * Quotes a field when it holds a comma, a quote, CR or LF (RFC 4180 §2.6–2.7), after
 * {@link spreadsheetSafe} unless `formulas` is `'keep'` (a file that only programs read back).
 */
export function csvField(
  value: string | number | null,
  formulas: 'neutralise' | 'keep' = 'neutralise',
): string {
  if (value === null) return '';
  const raw = String(value);
  const text = formulas === 'keep' || typeof value === 'number' ? raw : spreadsheetSafe(raw);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV line (CRLF-terminated, as RFC 4180 says); text cells are neutralised unless `formulas` is `'keep'`. */
export function csvLine(
  values: readonly (string | number | null)[],
  formulas: 'neutralise' | 'keep' = 'neutralise',
): string {
  return values.map((v) => csvField(v, formulas)).join(',') + '\r\n';
}

/** A malformed CSV: the message says where, never what the field held. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

type State = 'start' | 'unquoted' | 'quoted' | 'quote';

/** A parsed record and the 1-based physical line it started on. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Incremental RFC 4180 parser: `push` chunks of text as they arrive and get back the complete
 * records; `end` returns the last one. Accepts CRLF or LF line ends; a quoted field may hold commas,
 * doubled quotes and line breaks.
 */
export class CsvParser {
  private state: State = 'start';
  private field = '';
  private record: string[] = [];
  private line = 1;
  private recordLine = 1;

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    const special = /[",\r\n]/g;
    let i = 0;
    while (i < chunk.length) {
      if (this.state === 'quoted') {
        // Copy up to the next quote in one slice; count the line breaks inside the field.
        const q = chunk.indexOf('"', i);
        const text = chunk.slice(i, q < 0 ? chunk.length : q);
        for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) this.line++;
        this.field += text;
        if (q < 0) return out;
        this.state = 'quote';
        i = q + 1;
        continue;
      }
      const ch = chunk[i]!;
      if (this.state === 'quote') {
        // Just after a quote inside a quoted field: an escaped quote, or the end of the field.
        if (ch === '"') {
          this.field += '"';
          this.state = 'quoted';
        } else if (ch === ',' || ch === '\n') this.separator(ch, out);
        else if (ch !== '\r') throw new CsvSyntaxError('text after a closing quote', this.line);
        i++;
        continue;
      }
      if (ch === '"') {
        if (this.state === 'unquoted')
          throw new CsvSyntaxError('a quote inside an unquoted field', this.line);
        this.state = 'quoted';
        i++;
      } else if (ch === ',' || ch === '\n') {
        this.separator(ch, out);
        i++;
      } else if (ch === '\r') {
        i++; // part of CRLF; a lone CR outside quotes is dropped too
      } else {
        // Plain text: take everything up to the next special character at once.
        special.lastIndex = i;
        const next = special.exec(chunk);
        const stop = next ? next.index : chunk.length;
        this.field += chunk.slice(i, stop);
        this.state = 'unquoted';
        i = stop;
      }
    }
    return out;
  }

  /** Ends the input: returns the last record when the text did not end with a line break. */
  end(): CsvRecord | null {
    if (this.state === 'quoted') throw new CsvSyntaxError('a quoted field is not closed', this.recordLine);
    if (this.state === 'start' && this.record.length === 0) return null;
    this.record.push(this.field);
    const last = { line: this.recordLine, fields: this.record };
    this.record = [];
    this.field = '';
    this.state = 'start';
    return last;
  }

  private separator(ch: string, out: CsvRecord[]): void {
    this.record.push(this.field);
    this.field = '';
    this.state = 'start';
    if (ch === '\n') {
      out.push({ line: this.recordLine, fields: this.record });
      this.record = [];
      this.line++;
      this.recordLine = this.line;
    }
  }
}
