/**
 * The case page's answers, hashed byte for byte, for speed-only changes to the case read (bench/README.md:
 * "hash the outputs before and after"): starts `nanduti serve` of a checkout on a PostgreSQL demo
 * database, signs in as the demo case worker, reads the first `--n` cases of its list and prints, per
 * case, the status, content type, length and SHA-256 of the body, then one hash over them all.
 *
 *   DATABASE_URL=postgres://… NANDUTI_MASTER_KEY=… npx tsx bench/load/case-hash.ts [--n 60]
 *                [--root DIR]   (the checkout whose server answers; this one by default)
 *                [--out FILE]   (the per-case lines; compare two with `diff`)
 *
 * A read writes audit rows only, so the same database answers the same pages before and after.
 */
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BIN } from './demo-db.js';
import { signIn } from './scenarios.js';
import { freePort } from '../../test/helpers/pg-cluster.js';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '60' },
    root: { type: 'string' },
    out: { type: 'string' },
  },
});
if (!process.env.DATABASE_URL)
  throw new Error('DATABASE_URL (a PostgreSQL database holding a demo) is required');
const bin = values.root ? path.join(path.resolve(values.root), 'bin', 'nanduti.mjs') : BIN;
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, [bin, 'serve', '--port', String(port), '--host', '127.0.0.1'], {
  env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'production', NANDUTI_FROM_SOURCE: '1' },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  for (
    let tries = 0;
    !(await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    ));
    tries++
  ) {
    if (tries > 600 || child.exitCode !== null) throw new Error('the server did not start');
    await new Promise((r) => setTimeout(r, 500));
  }
  const session = await signIn(base, 'pnptu.caseworker1');
  const get = (p: string) => fetch(`${base}${p}`, { headers: { cookie: session.cookie } });
  const ids: string[] = [];
  for (let offset = 0; ids.length < Number(values.n); offset += 100) {
    const page = (await (await get(`/api/cases?limit=100&offset=${offset}`)).json()) as {
      items: { id: string }[];
    };
    if (page.items.length === 0) break;
    ids.push(...page.items.map((c) => c.id));
  }
  const lines: string[] = [];
  const all = crypto.createHash('sha256');
  for (const id of ids.slice(0, Number(values.n))) {
    const res = await get(`/api/cases/${id}`);
    const body = Buffer.from(await res.arrayBuffer());
    const hash = crypto.createHash('sha256').update(body).digest('hex');
    all.update(hash);
    lines.push(`${id} ${res.status} ${res.headers.get('content-type')} ${body.length} ${hash}`);
  }
  if (values.out) fs.writeFileSync(values.out, lines.join('\n') + '\n');
  console.log(`${lines.length} case pages, their hashes' hash ${all.digest('hex')}`);
} finally {
  child.kill('SIGTERM');
}
