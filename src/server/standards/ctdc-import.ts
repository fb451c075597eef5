/**
 * Reading CTDC CSV files (global dataset 2020, synthetic dataset 2024, and extracts of them that keep
 * CTDC's column names) into the analysis area's normalised records. Values are checked against the
 * codebooks; what both layouts code differently (countries, gender labels, dashes, missing values)
 * is normalised so imports of either layout can be counted together. docs/STANDARDS.md.
 */
import type { CtdcFormat } from './ctdc-export.js';
import { isAlpha2, toAlpha2 } from './iso3166.js';

/** A normalised CTDC record (see the ctdc_records table). */
export interface CtdcRecord {
  line: number;
  year: number | null;
  gender: string | null;
  ageBroad: string | null;
  citizenship: string | null;
  countryOfExploitation: string | null;
  isForcedLabour: boolean | null;
  isSexualExploit: boolean | null;
  isOtherExploit: boolean | null;
  /** Other binary variables equal to 1. */
  flags: string[];
}

/** What is wrong in a CTDC file: each a message `ctdc_<code>` of the server's catalogue (exchange/messages.ts). */
export type CtdcIssueCode =
  | 'csv_syntax'
  | 'file_empty'
  | 'no_records'
  | 'column_missing'
  | 'column_twice'
  | 'field_count'
  | 'expected_year'
  | 'expected_one_of'
  | 'expected_country'
  | 'expected_flag';

/** A problem in the file: the line, the column and what to fix (never the value itself). */
export interface CtdcIssue {
  line: number;
  column: string;
  code: CtdcIssueCode;
  /** The message's values besides line and column (counts, the accepted codes). */
  params?: Record<string, string | number>;
}

export interface CtdcHeader {
  format: CtdcFormat;
  /** Recognised columns, in file order. */
  columns: string[];
  read(line: number, fields: string[]): CtdcRecord | CtdcIssue;
}

const REQUIRED = ['yearOfRegistration', 'gender', 'isForcedLabour', 'isSexualExploit'];
const BINARY = /^(is[A-Z]|means|typeOf|recruiterRelation)/;
const MAIN_FLAGS = ['isForcedLabour', 'isSexualExploit', 'isOtherExploit'];
/** Variables only the 2024 synthetic layout has. */
const ONLY_2024 =
  /^(meansDebtBondageEarnings|meansThreats|meansAbusePsyPhySex|meansDrugsAlcohol|meansDenyBasicNeeds|traffickMonths)$/;

export const CTDC_GENDERS = ['Female', 'Male', 'TransgenderNonConforming', 'Unknown'] as const;
const GENDERS: Record<string, (typeof CTDC_GENDERS)[number]> = {
  Female: 'Female',
  Woman: 'Female',
  Male: 'Male',
  Man: 'Male',
  'Transgender/NonConforming': 'TransgenderNonConforming',
  'Trans/Transgender/NonConforming': 'TransgenderNonConforming',
  Unknown: 'Unknown',
};
export const CTDC_AGE_BANDS = [
  '0-8',
  '9-17',
  '18-20',
  '21-23',
  '24-26',
  '27-29',
  '30-38',
  '39-47',
  '48+',
] as const;

const isMissing = (v: string): boolean =>
  v === '' || v === '-99' || v === '-99.0' || v.toUpperCase() === 'NULL' || v === 'NA';

function binary(v: string): boolean | null | undefined {
  if (isMissing(v)) return null;
  if (v === '1' || v === '1.0' || v === 'true') return true;
  if (v === '0' || v === '0.0' || v === 'false') return false;
  return undefined;
}

function country(v: string): string | null | undefined {
  if (isMissing(v)) return null;
  const code = v.toUpperCase();
  // The 2020 file codes an unknown country as ZZ, the extract as 0.
  if (code === '0' || code === 'ZZ') return 'ZZ';
  if (code.length === 2 && isAlpha2(code)) return code;
  if (code.length === 3) return toAlpha2(code) ?? undefined;
  return undefined;
}

function age(v: string): string | null | undefined {
  if (isMissing(v)) return null;
  // Codebooks print an em dash, the 2020 file has '--'; store one hyphen.
  const band = v.replace(/\s/g, '').replace(/(--|—|–)/g, '-');
  return (CTDC_AGE_BANDS as readonly string[]).includes(band) ? band : undefined;
}

/**
 * Reads the header line: which columns are known, which layout the file follows. Returns the
 * issues when a required column is missing or a column appears twice.
 */
export function readCtdcHeader(fields: string[]): CtdcHeader | CtdcIssue[] {
  const header = fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim());
  const issues: CtdcIssue[] = REQUIRED.filter((c) => !header.includes(c)).map((column) => ({
    line: 1,
    column,
    code: 'column_missing' as const,
  }));
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) issues.push({ line: 1, column, code: 'column_twice' });
    seen.add(column);
  }
  if (issues.length) return issues;
  const at = (name: string): number => header.findIndex((c) => c.toLowerCase() === name.toLowerCase());
  const known = ['yearOfRegistration', 'gender', 'ageBroad', 'citizenship', 'CountryOfExploitation'];
  const flagColumns = header.filter((c) => BINARY.test(c));
  const columns = header.filter(
    (c) => known.some((k) => k.toLowerCase() === c.toLowerCase()) || BINARY.test(c),
  );
  const idx = {
    year: at('yearOfRegistration'),
    gender: at('gender'),
    age: at('ageBroad'),
    citizenship: at('citizenship'),
    exploitation: at('CountryOfExploitation'),
  };
  const flagIdx = flagColumns.map((name) => [name, header.indexOf(name)] as const);
  return {
    format: header.some((c) => ONLY_2024.test(c)) ? 'synthetic2024' : 'global2020',
    columns,
    read(line, row) {
      if (row.length !== header.length)
        return {
          line,
          column: '*',
          code: 'field_count',
          params: { expected: header.length, found: row.length },
        };
      const get = (i: number): string => (i < 0 ? '' : row[i]!.trim());
      // Every coded column may be empty (not recorded); any other value must be one it names.
      const expected = (column: string, code: CtdcIssueCode, values?: readonly string[]): CtdcIssue => ({
        line,
        column,
        code,
        ...(values ? { params: { values: values.join(', ') } } : {}),
      });
      const yearText = get(idx.year);
      const year = isMissing(yearText) ? null : /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
      if (Number.isNaN(year) || (year !== null && (year < 1990 || year > 2100)))
        return expected('yearOfRegistration', 'expected_year');
      const genderText = get(idx.gender);
      const gender = isMissing(genderText) ? null : GENDERS[genderText];
      if (gender === undefined) return expected('gender', 'expected_one_of', Object.keys(GENDERS));
      const ageBroad = age(get(idx.age));
      if (ageBroad === undefined) return expected('ageBroad', 'expected_one_of', CTDC_AGE_BANDS);
      const citizenship = country(get(idx.citizenship));
      if (citizenship === undefined) return expected('citizenship', 'expected_country');
      const countryOfExploitation = country(get(idx.exploitation));
      if (countryOfExploitation === undefined) return expected('CountryOfExploitation', 'expected_country');
      const record: CtdcRecord = {
        line,
        year,
        gender,
        ageBroad,
        citizenship,
        countryOfExploitation,
        isForcedLabour: null,
        isSexualExploit: null,
        isOtherExploit: null,
        flags: [],
      };
      for (const [name, i] of flagIdx) {
        const value = binary(get(i));
        if (value === undefined) return { line, column: name, code: 'expected_flag' };
        if (name === 'isForcedLabour') record.isForcedLabour = value;
        else if (name === 'isSexualExploit') record.isSexualExploit = value;
        else if (name === 'isOtherExploit') record.isOtherExploit = value;
        else if (value && !MAIN_FLAGS.includes(name)) record.flags.push(name);
      }
      return record;
    },
  };
}
