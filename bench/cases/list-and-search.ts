/**
 * Response times of the case list and the person search on a database filled by `nanduti demo`,
 * measured through the real HTTP API (session, access scope, audit, presenters included).
 *
 *   NANDUTI_DATA_DIR=/path/to/demo/data DEMO_PASSWORD=… npx tsx bench/cases/list-and-search.ts
 *   DATABASE_URL=… NANDUTI_MASTER_KEY=… DEMO_PASSWORD=… npx tsx bench/cases/list-and-search.ts
 *
 * Signs in as a demo case worker (default `pnptu.caseworker1`, env DEMO_USER) and reports the
 * median and 95th percentile of each request over RUNS runs (default 20), after one warm-up run.
 */
import { loadConfig } from '../../src/server/config.js';
import { openServices } from '../../src/server/bootstrap.js';
import { buildApp } from '../../src/server/http/app.js';
import { createLogger } from '../../src/server/logger.js';

const password = process.env.DEMO_PASSWORD;
if (!password) throw new Error('Set DEMO_PASSWORD to the password printed by nanduti demo.');
const username = process.env.DEMO_USER ?? 'pnptu.caseworker1';
const runs = Number(process.env.RUNS ?? 20);

const logger = createLogger('warn');
const services = await openServices({ config: loadConfig(process.env), logger });
const app = await buildApp(services, { webDir: '/nonexistent' });
await app.ready();

const login = await app.inject({
  method: 'POST',
  url: '/api/auth/login',
  payload: { username, password },
});
if (login.statusCode !== 200) throw new Error(`Sign-in failed (${login.statusCode}): ${login.body}`);
const cookie = login.headers['set-cookie'];
const csrf = (login.json() as { csrfToken: string }).csrfToken;
const headers = { cookie: Array.isArray(cookie) ? cookie.join('; ') : String(cookie), 'x-csrf-token': csrf };

async function time(
  label: string,
  request: () => Promise<{ statusCode: number; body: string }>,
  describe: (body: string) => string,
) {
  const first = await request();
  if (first.statusCode !== 200) throw new Error(`${label}: ${first.statusCode} ${first.body}`);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const res = await request();
    samples.push(performance.now() - started);
    if (res.statusCode !== 200) throw new Error(`${label}: ${res.statusCode}`);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))]!.toFixed(1);
  console.log(
    `${label.padEnd(48)} median ${at(0.5).padStart(7)} ms   p95 ${at(0.95).padStart(7)} ms   ${describe(first.body)}`,
  );
}

const total = (body: string) => `total ${(JSON.parse(body) as { total: number }).total.toLocaleString('en')}`;
const items = (body: string) => `${(JSON.parse(body) as { items: unknown[] }).items.length} results`;
const get = (url: string) => () => app.inject({ method: 'GET', url, headers });
const search = (q: string) => () =>
  app.inject({ method: 'POST', url: '/api/persons/search', headers, payload: { q, limit: 20 } });

console.log(`${username}, ${runs} runs each`);
await time('case list, first page (50)', get('/api/cases'), total);
await time('case list, page 100', get('/api/cases?offset=4950'), total);
await time('case list, status + department', get('/api/cases?status=Active&department=PY-10'), total);
await time('case list, ICT cases of 2025', get('/api/cases?ict=true&from=2025-01-01&to=2025-12-31'), total);
await time('case list, presumed victims', get('/api/cases?assessment=presumed_victim'), total);
await time('case list, by reference', get('/api/cases?reference=PY-2024-000123'), total);
await time('person search "gonzales" (phonetic)', search('gonzales'), items);
await time('person search "María Benítez"', search('María Benítez'), items);
await time('person search "jimenez ortiz"', search('jimenez ortiz'), items);

await app.close();
await services.db.close();
