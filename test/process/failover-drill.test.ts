/**
 * The failover drill (`bench/failover/run.ts`) as an operator runs it, shortened: a primary and a
 * synchronous standby of its own (initdb, pg_basebackup), two app servers behind its proxy, writers
 * and readers, SIGKILL to the primary, promotion. It must print its figures, lose no acknowledged
 * write, and exit by itself with status 0 (it once printed them and then waited for ever on the
 * proxy's open connections). The figures themselves are measured by hand: bench/README.md.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pgBinDir } from '../helpers/pg-cluster.js';
import { ROOT } from './helpers.js';

const DRILL = path.join(ROOT, 'bench', 'failover', 'run.ts');
const available = pgBinDir() !== null;
if (!available) console.warn('failover drill test skipped: PostgreSQL programs (initdb, pg_ctl) not found');

function runDrill(args: string[], timeoutMs: number) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', DRILL, ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe.skipIf(!available)('failover drill', () => {
  it(
    'loses no acknowledged write, gets service back, and exits by itself',
    { timeout: 300_000 },
    async () => {
      const { code, stdout, stderr } = await runDrill(
        ['--writers', '2', '--readers', '1', '--before', '3', '--after', '3'],
        280_000,
      );
      expect(stdout, stderr).toContain('failover drill result');
      const acknowledged = Number(/acknowledged writes\s+(\d+)/.exec(stdout)?.[1]);
      expect(acknowledged).toBeGreaterThan(0);
      expect(stdout).toMatch(/acknowledged writes lost\s+0\n/);
      const outage = Number(/seconds without a write\s+([\d.]+)/.exec(stdout)?.[1]);
      expect(outage).toBeLessThan(30);
      expect(code, stderr).toBe(0);
    },
  );
});
