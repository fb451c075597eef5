import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvParser, CsvSyntaxError, csvLine, spreadsheetSafe, type CsvRecord } from './csv.js';

/** Parses `text` fed in the given chunk sizes (cycled). */
function parse(text: string, sizes: number[] = [text.length || 1]): CsvRecord[] {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  for (let at = 0, k = 0; at < text.length; k++) {
    const size = Math.max(1, sizes[k % sizes.length]!);
    out.push(...parser.push(text.slice(at, at + size)));
    at += size;
  }
  const last = parser.end();
  return last ? [...out, last] : out;
}

describe('CSV (RFC 4180)', () => {
  it('reads back what it writes, whatever the fields hold and however the text is chunked', () => {
    const field = fc.string({
      unit: fc.constantFrom('a', 'ñ', ',', '"', '\n', '\r\n', ' ', '1'),
      maxLength: 8,
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 5 }),
        (rows, sizes) => {
          const text = rows.map((r) => csvLine(r, 'keep')).join('');
          expect(parse(text, sizes).map((r) => r.fields)).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports the line a record starts on, counting line breaks inside quoted fields', () => {
    const records = parse('a,b\n"x\ny",1\nlast,2');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1]!.fields).toEqual(['x\ny', '1']);
    expect(records[2]!.fields).toEqual(['last', '2']);
  });

  it('refuses stray and unclosed quotes with the line', () => {
    expect(() => parse('a,b\nx"y,1\n')).toThrow(CsvSyntaxError);
    expect(() => parse('a,b\n"x"y,1\n')).toThrow('text after a closing quote');
    try {
      parse('a\n\n"open');
      expect.unreachable();
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
    }
  });

  it('quotes only the fields that need it', () => {
    expect(csvLine(['a', 'b,c', 'say "hi"', null, 3])).toBe('a,"b,c","say ""hi""",,3\r\n');
  });

  it('neutralises every text cell a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    expect(
      csvLine(['=HYPERLINK("http://x","y")', '+1+2', '-2+3', '@SUM(A1)', '\tx', '\r=1', -3, '-3', '+1.5']),
    ).toBe(`"'=HYPERLINK(""http://x"",""y"")",'+1+2,'-2+3,'@SUM(A1),'\tx,"'\r=1",-3,-3,+1.5\r\n`);
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '1', 'a', ',', '"', '.'),
          maxLength: 6,
        }),
        (text) => {
          const [field] = parse(csvLine([text, 'end'])).map((r) => r.fields[0]!);
          // What the reader gets back is the text itself, or the text behind one quote mark; a cell
          // that still begins with a formula character is a plain number.
          expect([text, `'${text}`]).toContain(field);
          if (/^[=+\-@\t\r]/.test(field!)) expect(Number.isFinite(Number(field))).toBe(true);
          expect(spreadsheetSafe(text)).toBe(field);
        },
      ),
    );
  });
});
