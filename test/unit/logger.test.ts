/** The log's second line of defence: values a PostgreSQL error quotes never reach the log. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('createLogger', () => {
  it("redacts a database error's detail, which quotes the row's values", () => {
    const logger = path.resolve(__dirname, '../../src/server/logger.ts');
    const script = `
      const { createLogger } = await import(${JSON.stringify(logger)});
      const err = Object.assign(new Error('duplicate key value violates unique constraint "persons_x"'), {
        code: '23505',
        detail: 'Key (given_names)=(Sintética Prueba) already exists.',
      });
      createLogger('info').warn({ err }, 'job failed');
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    const line = JSON.parse(out.trim().split('\n').pop()!) as { err: { code: string; detail: string } };
    expect(line.err.code).toBe('23505');
    expect(line.err.detail).toBe('[redacted]');
    expect(out).not.toContain('Sintética Prueba');
  });
});
