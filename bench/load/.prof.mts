// Profile the server under the case-list load: node --cpu-prof, autocannon, SIGINT.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import autocannon from '/work/w18/node_modules/autocannon/autocannon.js';
const P = fs.readFileSync('/tmp/nanduti-load/postgres-100000/port', 'utf8').trim();
const key = fs.readFileSync('/tmp/nanduti-load/postgres-100000/master-key', 'utf8').trim();
const path = process.argv[2] ?? '/api/cases';
const child = spawn(process.execPath, ['--cpu-prof', '--cpu-prof-dir=/tmp/w18-prof', '/work/w18/bin/nanduti.mjs', 'serve', '--port', '47811'], {
  env: { ...process.env, DATABASE_URL: `postgres://postgres@127.0.0.1:${P}/postgres`, NANDUTI_MASTER_KEY: key, LOG_LEVEL: 'warn', NODE_ENV: 'production', NANDUTI_FROM_SOURCE: '1' },
  stdio: 'inherit', cwd: '/work/w18',
});
const base = 'http://127.0.0.1:47811';
for (;;) { if (await fetch(base + '/api/health').then((r) => r.ok, () => false)) break; await new Promise((r) => setTimeout(r, 500)); }
const res = await fetch(base + '/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'pnptu.caseworker1', password: 'telaraña de prueba bajo carga 2026' }) });
const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
const r = await autocannon({ url: base + path, headers: { cookie }, connections: 10, duration: 15 });
console.log(path, 'req/s', r.requests.average, 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx);
child.kill('SIGINT');
await new Promise((r2) => child.once('exit', r2));
