/**
 * `nanduti link`: record linkage of files, with the engine of the national batch, on this machine
 * only (nothing is sent anywhere; no database, no network).
 *
 *   nanduti link --input persons.csv [--input more.csv] --output clusters.csv
 *                [--privacy clk --secret-file F]
 *   nanduti link encode --input persons.csv --output clks.csv --secret-file F
 *   nanduti link --input clks.csv [--input other-clks.csv] --output clusters.csv
 *
 * Input: UTF-8 CSV with a header naming any of `record_id` (required), `given_names`, `surname1`,
 * `surname2`, `sex` (F/M), `birth_date` (YYYY-MM-DD, or YYYY when only the year is known),
 * `estimated_age`, `age_recorded_on`
 * (YYYY-MM-DD), `document_number`, `nationality` (ISO 3166-1 alpha-2; several separated by `;`),
 * `department` (ISO 3166-2:PY), in any order; other columns are ignored. Output: `record_id,
 * cluster_id`, one line per input record, clusters numbered from 1 in order of first appearance.
 * A bad row stops the command with its file and line number, exit code 1 and no output file.
 * Each input file is one source (institution). Encoded files (`record_id,key_check,clk`) hold only
 * keyed encodings: they are linked on the encodings alone, as the linkage service does.
 */
import { isUtf8 } from 'node:buffer';
import { createHmac } from 'node:crypto';
import {
  closeSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEPARTMENTS } from '../shared/catalogues.js';
import { csvField } from '../server/standards/csv.js';
import { clkKeyLists, clkKeys, encodeClk, linkClk, type ClkRecord } from '../server/linkage-engine/clk.js';
import type { Filter } from '../server/linkage-engine/bloom.js';
import { Slabs } from '../server/linkage-engine/slabs.js';
import { linkPreparedPersons, type LinkageResult } from '../server/linkage-engine/linkage.js';
import { prepare, Vocabulary, type LinkPerson, type Prepared } from '../server/linkage-engine/record.js';

/** A problem with the input, reported as `file: line N: reason`. */
export class InputError extends Error {}

/** The columns of a plain input file, in the order `nanduti link`'s usage names them. */
export const PLAIN_COLUMNS = [
  'record_id',
  'given_names',
  'surname1',
  'surname2',
  'sex',
  'birth_date',
  'estimated_age',
  'age_recorded_on',
  'document_number',
  'nationality',
  'department',
] as const;
const CLK_COLUMNS = ['record_id', 'key_check', 'clk'] as const;

/** A CSV row: its fields and the line it starts on. */
export interface Row {
  line: number;
  fields: string[];
}

/**
 * RFC 4180 CSV read piece by piece (quotes, "" escapes, CRLF): each piece ends just after a line
 * feed, or is the last, so a quote's or a CR's look-ahead never crosses a piece. A file is read a
 * megabyte at a time (`readCsvFile`) and its whole text is never held (an encodings file of 36,912
 * records is 210 MB).
 */
class CsvReader {
  private fields: string[] = [];
  private field = '';
  private quoted = false;
  /** A quoted field just closed: only a comma or the end of the row may follow. */
  private closed = false;
  private line = 1;
  private rowLine = 1;
  private first = true;
  // Runs of ordinary characters are sliced whole, not appended one by one (a file of 40,000 rows
  // made some 20 MB of garbage strings that way).
  private readonly special = /[",\r\n]/g;

  constructor(private readonly row: (row: Row) => void) {}

  private endRow(): void {
    this.fields.push(this.field);
    if (!(this.fields.length === 1 && this.fields[0] === ''))
      this.row({ line: this.rowLine, fields: this.fields });
    this.fields = [];
    this.field = '';
  }

  /** The rows of `text`, a piece that ends just after a line feed (or the file's last). */
  push(text: string): void {
    let i = this.first && text.charCodeAt(0) === 0xfeff ? 1 : 0;
    this.first = false;
    const special = this.special;
    for (; i < text.length; i++) {
      const c = text[i]!;
      if (this.quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            this.field += '"';
            i++;
          } else {
            this.quoted = false;
            this.closed = true;
          }
        } else {
          // Up to the next quote at once, counting the line breaks inside the field.
          const q = text.indexOf('"', i);
          const end = q < 0 ? text.length : q;
          for (let nl = text.indexOf('\n', i); nl >= 0 && nl < end; nl = text.indexOf('\n', nl + 1))
            this.line++;
          this.field += text.slice(i, end);
          i = end - 1;
        }
      } else if (c === '"' && this.field === '' && !this.closed) this.quoted = true;
      else if (c === ',') {
        this.fields.push(this.field);
        this.field = '';
        this.closed = false;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        this.endRow();
        this.line++;
        this.rowLine = this.line;
        this.closed = false;
      } else if (this.closed)
        throw new InputError(
          `line ${this.line}: text after the closing quote of a field (a quote inside a quoted field is written "")`,
        );
      else {
        // This character and the ordinary ones after it (a quote inside an unquoted field is text).
        special.lastIndex = i + 1;
        const next = special.exec(text);
        const end = next ? next.index : text.length;
        this.field += text.slice(i, end);
        i = end - 1;
      }
    }
  }

  /** The last row, once the text has ended. */
  end(): void {
    if (this.quoted) throw new InputError(`line ${this.rowLine}: a quoted field is not closed`);
    if (this.field !== '' || this.fields.length > 0) this.endRow();
  }
}

/** RFC 4180 CSV: rows of fields, each with the line it starts on (quotes, "" escapes, CRLF). */
export function parseCsv(text: string): Row[] {
  const rows: Row[] = [];
  const reader = new CsvReader((row) => rows.push(row));
  reader.push(text);
  reader.end();
  return rows;
}

/** Bytes of a file read at a time (`readCsvFile`). */
const PIECE = 1 << 20;

/**
 * The rows of a UTF-8 CSV file, handed to `row` as they are read, a megabyte at a time; `row`
 * returns false to stop reading. Bytes that are not UTF-8 stop it at their line (a spreadsheet
 * saved as Latin-1 or Windows-1252 would otherwise turn every "Cáceres" into "C\uFFFDceres" and
 * link on the damaged names).
 */
export function readCsvFile(file: string, row: (row: Row) => boolean | void): void {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    throw new InputError(`cannot read ${file}`);
  }
  try {
    const reader = new CsvReader((r) => {
      if (row(r) === false) throw STOP;
    });
    const decoder = new TextDecoder('utf-8');
    let buffer = Buffer.alloc(PIECE);
    let kept = 0;
    /** Lines before the piece being read (line feeds in the pieces before it). */
    let lines = 1;
    for (;;) {
      if (kept === buffer.length) {
        // A line longer than the buffer: room for it.
        const larger = Buffer.alloc(2 * buffer.length);
        buffer.copy(larger, 0, 0, kept);
        buffer = larger;
      }
      let read: number;
      try {
        read = readSync(fd, buffer, kept, buffer.length - kept, null);
      } catch {
        throw new InputError(`cannot read ${file}`);
      }
      const filled = kept + read;
      const last = read === 0;
      // Up to the last line feed (no byte of a UTF-8 sequence is one), or all at the end.
      const cut = last ? filled : buffer.lastIndexOf(0x0a, filled - 1) + 1;
      if (cut > 0) {
        const piece = buffer.subarray(0, cut);
        if (!isUtf8(piece))
          throw new InputError(
            `line ${lines + badLine(piece)}: the file is not UTF-8 text (save it as "CSV UTF-8")`,
          );
        for (let at = piece.indexOf(0x0a); at >= 0; at = piece.indexOf(0x0a, at + 1)) lines++;
        reader.push(decoder.decode(piece));
        buffer.copy(buffer, 0, cut, filled);
      }
      kept = filled - cut;
      if (last) break;
    }
    reader.end();
  } catch (error) {
    if (error !== STOP) throw error;
  } finally {
    closeSync(fd);
  }
}

/** Thrown by `readCsvFile`'s row callback to stop reading (never escapes it). */
const STOP = Symbol('stop');

/** The line (from 0) of the first line of `bytes` that is not UTF-8. */
function badLine(bytes: Buffer): number {
  let line = 0;
  for (let from = 0; from <= bytes.length; line++) {
    const to = bytes.indexOf(0x0a, from);
    const end = to === -1 ? bytes.length : to;
    if (!isUtf8(bytes.subarray(from, end))) break;
    from = end + 1;
  }
  return line;
}

function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const ms = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === value;
}

export interface Table {
  file: string;
  header: Map<string, number>;
  rows: Row[];
}

/** The columns of a header row, by name (trimmed, lower case); a repeated name or no record_id stops. */
function headerOf(head: Row): Map<string, number> {
  const header = new Map<string, number>();
  head.fields.forEach((name, at) => {
    const key = name.trim().toLowerCase();
    if (header.has(key) && key !== '') throw new InputError(`line 1: column ${key} appears twice`);
    header.set(key, at);
  });
  if (!header.has('record_id')) throw new InputError('line 1: the header has no record_id column');
  return header;
}

/**
 * A file's header and rows. With `each`, the rows are handed to the function it returns for the
 * header as they are read, not kept (an encodings file is turned into records row by row).
 */
export function readTable(file: string, each?: (header: Map<string, number>) => (row: Row) => void): Table {
  let header: Map<string, number> | undefined;
  let width = 0;
  let take: (row: Row) => void = () => {};
  const rows: Row[] = [];
  readCsvFile(file, (row) => {
    if (header === undefined) {
      header = headerOf(row);
      width = row.fields.length;
      take = each ? each(header) : (r) => rows.push(r);
      return;
    }
    if (row.fields.length > width)
      throw new InputError(`line ${row.line}: ${row.fields.length} fields, more than the header's ${width}`);
    take(row);
  });
  if (header === undefined) throw new InputError('line 1: the file is empty (a header row is required)');
  return { file, header, rows };
}

/** A file's header alone (the first row), without reading the rest. */
function readHeader(file: string): Map<string, number> {
  let header: Map<string, number> | undefined;
  readCsvFile(file, (row) => {
    header = headerOf(row);
    return false;
  });
  if (header === undefined) throw new InputError('line 1: the file is empty (a header row is required)');
  return header;
}

/** The value of `column` in `row` (trimmed; '' when absent). */
function cell(t: { header: Map<string, number> }, fields: string[], column: string): string {
  const at = t.header.get(column);
  return at === undefined ? '' : (fields[at] ?? '').trim();
}

/** Plain person rows as the engine reads them; any malformed value stops with its line. */
export function personsOf(t: Table, source: string): LinkPerson[] {
  const read = personReader(t, source);
  return t.rows.map(read);
}

/**
 * Reads one plain row of `t` as a person; any malformed value stops with its line. Rows that name
 * the same nationalities share one list (prepared records keep it: 37,000 rows made 37,000 lists).
 */
function personReader(t: Table, source: string): (row: Table['rows'][number]) => LinkPerson {
  const departments = new Set<string>(DEPARTMENTS);
  const thisYear = new Date().getUTCFullYear();
  const lists = new Map<string, string[]>();
  return ({ line, fields }) => {
    const get = (column: (typeof PLAIN_COLUMNS)[number]) => cell(t, fields, column);
    const bad = (reason: string) => new InputError(`line ${line}: ${reason}`);
    const id = get('record_id');
    if (id === '') throw bad('record_id is missing');
    const sex = get('sex').toUpperCase();
    if (sex !== '' && sex !== 'F' && sex !== 'M') throw bad('sex must be F or M (or empty)');
    const birthText = get('birth_date');
    // A year alone (YYYY) is what many registers hold: the engine compares it as that year.
    const birthYear = /^\d{4}$/.test(birthText) ? Number(birthText) : null;
    if (birthYear !== null && (birthYear < 1880 || birthYear > thisYear))
      throw bad('birth_date is a year before 1880 or after this year');
    if (birthText !== '' && birthYear === null && !isDay(birthText))
      throw bad('birth_date is not a date YYYY-MM-DD (or a year alone, YYYY)');
    const birthDate = birthYear === null ? birthText : '';
    const ageText = get('estimated_age');
    // Digits (a whole ".0", as tools write a number column with gaps, too); never hex, exponents or signs.
    const age = ageText === '' ? null : /^\d{1,3}(\.0+)?$/.test(ageText) ? Number(ageText) : NaN;
    if (age !== null && !(Number.isInteger(age) && age >= 0 && age <= 120))
      throw bad('estimated_age is not a whole number of years from 0 to 120');
    const recordedOn = get('age_recorded_on');
    if (recordedOn !== '' && !isDay(recordedOn)) throw bad('age_recorded_on is not a date YYYY-MM-DD');
    if (age !== null && recordedOn === '')
      throw bad('estimated_age needs age_recorded_on (the date the age was estimated)');
    const nationalityText = get('nationality');
    let nationalities = lists.get(nationalityText);
    if (nationalities === undefined) {
      nationalities = nationalityText
        .split(';')
        .map((n) => n.trim())
        .filter((n) => n !== '');
      for (const n of nationalities)
        if (!/^[A-Z]{2}$/.test(n)) throw bad('nationality is not an ISO 3166-1 alpha-2 code such as PY');
      lists.set(nationalityText, nationalities);
    }
    const department = get('department');
    if (department !== '' && !departments.has(department))
      throw bad('department is not an ISO 3166-2:PY code such as PY-11');
    return {
      id,
      source,
      givenNames: get('given_names'),
      firstSurname: get('surname1') || null,
      secondSurname: get('surname2') || null,
      sex: sex === 'F' ? 'Female' : sex === 'M' ? 'Male' : null,
      dateOfBirth: birthDate || null,
      birthYear,
      estimatedAge: age,
      ageRecordedOn: age === null ? null : recordedOn,
      nationalities,
      documentNumber: get('document_number') || null,
      department: department || null,
    };
  };
}

/** A fingerprint of the secret (an HMAC of a fixed text): equal for files encoded with one secret. */
function keyCheck(key: Uint8Array): string {
  return createHmac('sha256', key).update('nanduti link key check').digest('base64url').slice(0, 16);
}

// A filter's words may be a view into a larger buffer (bloom.ts `KeyedEncoder`): only its own bytes.
const filterOut = (f: Filter | null) =>
  f === null ? null : Buffer.from(f.words.buffer, f.words.byteOffset, f.words.byteLength).toString('base64');
const FILTERS = ['given', 'surnames', 'dob', 'dobDigits', 'document', 'address'] as const;

/** One encoded record as a CSV cell (base64url of its JSON, filters as base64). */
function clkCell(r: ClkRecord): string {
  const { id: _id, source: _source, keys: _keys, ...rest } = r;
  const out: Record<string, unknown> = { ...rest, ...clkKeyLists(r) };
  for (const f of FILTERS) out[f] = filterOut(r[f] ?? null);
  return Buffer.from(JSON.stringify(out)).toString('base64url');
}

/**
 * A string of its own: a value read from a larger text (a token from a record's JSON, an id from a
 * megabyte of the file) may be a slice that keeps all of that text alive (a token kept for each
 * record held its record's 4 kB of JSON: 150 MB for 36,912 encodings).
 */
function ownCopy(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** Filters per shared block of memory when encodings are read back (`ClkReading`). */
const FILTER_SLAB = 512 * 32;

/**
 * Turns the cells of encodings files into records, shaped as `encodeClk` makes them (the same
 * fields in the same order: the comparisons read both kinds alike, at the speed of one shape), with
 * what many records share held once: each keyed token's text (a year's, a sex's, a place's: some
 * thirty strings a record), the tokens of the years about a birth year (one list per year, as
 * `encodeClk` makes them), the filters' words in shared blocks of memory, the keys (`clkKeys`).
 */
class ClkReading {
  private readonly texts = new Map<string, string>();
  private readonly nears = new Map<string, string[]>();
  private readonly lists = new Map<string, unknown[]>();
  private readonly slabs = new Slabs((length) => new Uint32Array(length), FILTER_SLAB);

  private text<T>(value: T): T | string {
    if (typeof value !== 'string') return value;
    let known = this.texts.get(value);
    if (known === undefined) this.texts.set(value, (known = ownCopy(value)));
    return known;
  }

  /**
   * A list of word tokens (or of lists of them) held once for the records that have it: names
   * recur, and `encodeClk` shares its one-edit lists by word too.
   */
  private list<T>(value: T): T {
    if (!Array.isArray(value)) return value;
    const text = JSON.stringify(value);
    let known = this.lists.get(text);
    if (known === undefined) this.lists.set(text, (known = value));
    return known as T;
  }

  private filter(text: unknown): Filter | null {
    if (text === null || text === undefined) return null;
    if (typeof text !== 'string') throw new Error('filter');
    const bytes = Buffer.from(text, 'base64');
    if (bytes.length % 4 !== 0 || bytes.length === 0) throw new Error('filter');
    const size = bytes.length / 4;
    const words = this.slabs.take(size);
    let ones = 0;
    for (let i = 0; i < size; i++) {
      const w = bytes.readUInt32LE(4 * i);
      words[i] = w;
      for (let x = w; x !== 0; x &= x - 1) ones++;
    }
    return { words, ones };
  }

  record(cellText: string, id: string, source: string): ClkRecord {
    const raw = JSON.parse(Buffer.from(cellText, 'base64url').toString('utf8')) as Record<string, unknown>;
    const keyLists = (lists: unknown) => {
      if (!Array.isArray(lists)) throw new Error('shape');
      for (const list of lists as unknown[])
        if (!Array.isArray(list) || !list.every((k) => Number.isSafeInteger(k))) throw new Error('shape');
      return lists as number[][];
    };
    const keys = clkKeys(keyLists(raw.blocks), keyLists(raw.training));
    if (!Array.isArray(raw.near)) throw new Error('shape');
    const nearKey = raw.near.join(',');
    let near = this.nears.get(nearKey);
    if (near === undefined) this.nears.set(nearKey, (near = raw.near.map((t) => this.text(t)) as string[]));
    const t = <T>(value: T) => this.text(value) as T;
    // The fields in `encodeClk`'s order (one shape for every record).
    return {
      id,
      source,
      given: this.filter(raw.given),
      surnames: this.filter(raw.surnames),
      dob: this.filter(raw.dob),
      dobToken: t(raw.dobToken),
      dobEither: t(raw.dobEither),
      dobDigits: this.filter(raw.dobDigits),
      year: t(raw.year),
      near,
      estimated: raw.estimated,
      sex: t(raw.sex),
      nationalities: Array.isArray(raw.nationalities) ? raw.nationalities.map(t) : raw.nationalities,
      document: this.filter(raw.document),
      documentToken: t(raw.documentToken),
      documentAnagram: t(raw.documentAnagram),
      documentShape: t(raw.documentShape),
      district: t(raw.district),
      region: t(raw.region),
      address: this.filter(raw.address),
      givenKeys: this.list(raw.givenKeys),
      givenWritten: this.list(raw.givenWritten),
      givenFormKeys: this.list(raw.givenFormKeys),
      givenCanonicalKeys: this.list(raw.givenCanonicalKeys),
      aliasKeys: this.list(raw.aliasKeys),
      surnameKeys: this.list(raw.surnameKeys),
      ownSurnameKeys: this.list(raw.ownSurnameKeys),
      givenEdits: Array.isArray(raw.givenEdits) ? raw.givenEdits.map((e) => this.list(e)) : raw.givenEdits,
      surnameEdits: Array.isArray(raw.surnameEdits)
        ? raw.surnameEdits.map((e) => this.list(e))
        : raw.surnameEdits,
      keys,
    } as ClkRecord;
  }
}

function readSecret(file: string | undefined): Uint8Array {
  if (!file) throw new InputError('--secret-file is required with encodings');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new InputError(`cannot read the secret file ${file}`);
  }
  const text = bytes.toString('utf8').replace(/\r?\n$/, '');
  const key = Buffer.from(text, 'utf8');
  if (key.length < 16) throw new InputError('the secret file must hold at least 16 bytes');
  return key;
}

/** Writes `text` to `file` in one step (a temporary file renamed), so a failure leaves nothing. */
function writeAtomically(file: string, text: string | Iterable<string>): void {
  const temporary = `${file}.${process.pid}.partial`;
  try {
    if (typeof text === 'string') writeFileSync(temporary, text, { mode: 0o600 });
    else {
      // Line by line, a megabyte at a time: an encodings file is hundreds of megabytes of text.
      const fd = openSync(temporary, 'w', 0o600);
      try {
        let pending: string[] = [];
        let size = 0;
        for (const line of text) {
          pending.push(line);
          size += line.length;
          if (size >= PIECE) {
            writeSync(fd, pending.join(''));
            pending = [];
            size = 0;
          }
        }
        writeSync(fd, pending.join(''));
      } finally {
        closeSync(fd);
      }
    }
    renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

/** `file: line N: reason` for an input error of one file. */
function inFile<T>(file: string, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof InputError) throw new InputError(`${basename(file)}: ${error.message}`);
    throw error;
  }
}

function clustersCsv(ids: readonly string[], result: LinkageResult): string {
  const numbers = new Map<number, number>();
  const lines = ['record_id,cluster_id'];
  ids.forEach((id, i) => {
    const label = result.clusters[i]!;
    let n = numbers.get(label);
    if (n === undefined) numbers.set(label, (n = numbers.size + 1));
    lines.push(`${csvField(id)},${n}`);
  });
  return `${lines.join('\n')}\n`;
}

export const LINK_USAGE = `Usage:
  nanduti link --input persons.csv [--input more.csv] --output clusters.csv [--privacy clk --secret-file F]
  nanduti link encode --input persons.csv --output clks.csv --secret-file F
  nanduti link --input clks.csv [--input other.csv] --output clusters.csv
Columns (header, any order; only record_id required; others ignored): ${PLAIN_COLUMNS.join(', ')}.
Values: sex F or M; birth_date YYYY-MM-DD, or YYYY when only the year is known; estimated_age in whole
years with age_recorded_on (YYYY-MM-DD); nationality ISO 3166-1 alpha-2 (several separated by ;);
department ISO 3166-2:PY (PY-ASU, PY-1 to PY-16, PY-19).`;

/** Runs `nanduti link …`; returns a one-line summary for standard error. */
export function runLink(args: string[]): string {
  const encode = args[0] === 'encode';
  const { values } = parseArgs({
    args: encode ? args.slice(1) : args,
    options: {
      input: { type: 'string', multiple: true },
      output: { type: 'string' },
      privacy: { type: 'string' },
      'secret-file': { type: 'string' },
    },
    strict: true,
  });
  const inputs = values.input ?? [];
  if (inputs.length === 0) throw new InputError(`--input is required\n${LINK_USAGE}`);
  if (!values.output) throw new InputError(`--output is required\n${LINK_USAGE}`);
  if (values.privacy !== undefined && values.privacy !== 'clk')
    throw new InputError('--privacy takes one value: clk');
  if (encode && inputs.length !== 1) throw new InputError('link encode takes one --input');
  if (inputs.some((file) => resolve(file) === resolve(values.output!)))
    throw new InputError('--output names an input file: choose another file for the output');
  // Linked in clear: each row prepared as it is read (no list of persons beside the linkage).
  const input = readInputs(inputs, !encode && values.privacy !== 'clk');
  const { ids } = input;

  if ('encodings' in input) {
    if (encode) throw new InputError('the input is already encoded');
    const result = linkClk(input.encodings, {});
    writeAtomically(values.output, clustersCsv(ids, result));
    return `linked ${counted(ids.length, 'encoded record')}: ${summary(result)}`;
  }

  if (encode || values.privacy === 'clk') {
    const key = readSecret(values['secret-file']);
    // The records in clear let go as soon as they are encoded (only the encodings are linked).
    if (!('persons' in input)) throw new Error('records to encode are read as persons');
    const clks = encodeClk(input.persons.splice(0), key, { threads: Math.min(2, availableParallelism()) });
    if (encode) {
      const check = keyCheck(key);
      // Read back by `nanduti link` at the other institution: ids as they are.
      writeAtomically(values.output, encodingLines(clks, check));
      return `encoded ${counted(clks.length, 'record')} (only encodings and record ids are written)`;
    }
    const result = linkClk(clks, {});
    writeAtomically(values.output, clustersCsv(ids, result));
    return `linked ${counted(ids.length, 'record')} on their encodings: ${summary(result)}`;
  }
  if (values['secret-file']) throw new InputError('--secret-file is used with --privacy clk or link encode');
  if (!('prepared' in input)) throw new Error('plain records are prepared as they are read');
  const result = linkPreparedPersons(input.prepared, {});
  writeAtomically(values.output, clustersCsv(ids, result));
  return `linked ${counted(ids.length, 'record')}: ${summary(result)}`;
}

/**
 * The input files as the engine reads them, each file a source: the record ids (the output's
 * lines) and the persons or the encodings. The files' rows are garbage once this returns, so that
 * they are not held beside the linkage.
 */
function readInputs(
  inputs: readonly string[],
  /** Plain records are prepared for linking in clear as they are read, not returned as persons. */
  inClear: boolean,
):
  | { ids: string[]; persons: LinkPerson[] }
  | { ids: string[]; prepared: { vocab: Vocabulary; records: Prepared[] } }
  | { ids: string[]; encodings: ClkRecord[] } {
  const encoded = inputs.map((file) => inFile(file, () => readHeader(file).has('clk')));
  if (encoded.some((e) => e !== encoded[0]))
    throw new InputError('the inputs mix plain records and encodings: link one kind at a time');
  // Record ids name the output's lines: they must be unique across the inputs.
  const seen = new Map<string, string>();
  const checkId = (file: string, line: number, id: string) => {
    if (id === '') throw new InputError(`line ${line}: record_id is missing`);
    const where = seen.get(id);
    if (where) throw new InputError(`line ${line}: record_id ${id} already appears (${where})`);
    seen.set(id, `${basename(file)} line ${line}`);
  };
  if (encoded[0]) return readEncodings(inputs, checkId);
  const tables = inputs.map((file) => inFile(file, () => readTable(file)));
  for (const t of tables)
    inFile(t.file, () => {
      for (const { line, fields } of t.rows) checkId(t.file, line, cell(t, fields, 'record_id'));
    });
  const ids = tables.flatMap((t) => t.rows.map((r) => cell(t, r.fields, 'record_id')));
  if (inClear) {
    const vocab = new Vocabulary();
    const records: Prepared[] = [];
    tables.forEach((t, source) =>
      inFile(t.file, () => {
        const read = personReader(t, String(source));
        // In order, into one vocabulary: the same records as `preparePersons` of every row.
        for (const row of t.rows) records.push(prepare(read(row), records.length, vocab));
      }),
    );
    return { ids, prepared: { vocab, records } };
  }
  return {
    ids,
    persons: tables.flatMap((t, source) => inFile(t.file, () => personsOf(t, String(source)))),
  };
}

/**
 * Encodings files read row by row, each row a record as soon as it is read: neither a file's text
 * nor its rows are held (210 MB of text for 36,912 records).
 */
function readEncodings(
  inputs: readonly string[],
  checkId: (file: string, line: number, id: string) => void,
): { ids: string[]; encodings: ClkRecord[] } {
  const ids: string[] = [];
  const encodings: ClkRecord[] = [];
  const reading = new ClkReading();
  let check: string | null = null;
  inputs.forEach((file, source) =>
    inFile(file, () =>
      readTable(file, (header) => ({ line, fields }) => {
        const t = { header };
        const id = ownCopy(cell(t, fields, 'record_id'));
        checkId(file, line, id);
        const k = cell(t, fields, 'key_check');
        if (check === null) check = k;
        if (k !== check) throw new InputError(`line ${line}: encoded with another secret than the first row`);
        try {
          encodings.push(reading.record(cell(t, fields, 'clk'), id, String(source)));
        } catch {
          throw new InputError(`line ${line}: clk is not an encoding written by nanduti link encode`);
        }
        ids.push(id);
      }),
    ),
  );
  return { ids, encodings };
}

/** The lines of an encodings file (with their line feeds), made as they are written. */
function* encodingLines(clks: readonly ClkRecord[], check: string): Generator<string> {
  yield `${CLK_COLUMNS.join(',')}\n`;
  for (const r of clks) yield `${csvField(r.id, 'keep')},${check},${clkCell(r)}\n`;
}

/** "1 cluster", "2 clusters". */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function summary(result: LinkageResult): string {
  const pairs = result.review.length;
  return `${counted(new Set(result.clusters).size, 'cluster')}, ${pairs} ${pairs === 1 ? 'pair' : 'pairs'} for review`;
}
