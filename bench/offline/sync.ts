/**
 * Offline sync at scale: 1,000 intakes queued in the device's vault (fake-indexeddb, the same
 * vault and queue code the browser runs) are sent to the real server on an embedded database,
 * one submitIntake each under its Idempotency-Key. Every 10th answer is dropped on the way back
 * (the server committed, the device never heard), so the queue retries those and the server must
 * replay them. Reports the time, and checks 0 lost and 0 duplicates (cases and persons counted on
 * the server). Also times the PIN unlock (PBKDF2-SHA256, 600,000 iterations).
 *
 *   npx tsx bench/offline/sync.ts [--n 1000]
 */
import 'fake-indexeddb/auto';
import { parseArgs } from 'node:util';
import { apiLogin, createStaffUser } from '../../test/browser/fixtures.js';
import { prepareDataDir, removeDir, startServer } from '../../test/browser/harness.js';
import { setCsrfToken, setDeviceId } from '../../src/web/api.js';
import { enqueue, queued, sync } from '../../src/web/offline/queue.js';
import { createVault, unlockWithPin } from '../../src/web/offline/vault.js';

const { values } = parseArgs({ options: { n: { type: 'string', default: '1000' } } });
const n = Number(values.n);
const prepared = prepareDataDir();
const server = await startServer(prepared.env, prepared.dataDir);
try {
  const worker = await createStaffUser(server, prepared.admin, {
    username: 'bench.offline',
    role: 'case_worker',
    institutionCode: 'PNPTU',
  });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: worker.username, password: worker.password }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  setCsrfToken(((await login.json()) as { csrfToken: string }).csrfToken);
  const api = await apiLogin(server, worker.username, worker.password);
  const device = await api.request<{ device: { id: string }; deviceKey: string }>('POST', '/api/devices', {
    name: 'Tableta de banco de pruebas',
  });
  setDeviceId(device.device.id);

  // The browser's fetch, with the server's address and the session cookie; every 10th answer lost.
  let calls = 0;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (url, init) => {
    const headers = { ...(init?.headers as Record<string, string>), cookie };
    const response = await realFetch(`${server.url}${String(url)}`, { ...init, headers });
    if (++calls % 10 === 0) throw new TypeError('connection reset after the server answered');
    return response;
  };

  const userId = 'bench-user';
  let started = performance.now();
  const vault = await createVault(userId, device.device.id, '482915', device.deviceKey);
  const createMs = performance.now() - started;
  started = performance.now();
  await unlockWithPin(userId, '482915');
  const unlockMs = performance.now() - started;

  for (let i = 0; i < n; i++) {
    await enqueue(vault, 'submitIntake', {
      body: {
        person: {
          givenNames: `Persona Banco ${i}`,
          firstSurname: 'Sintética',
          sex: 'Female',
          documentType: 'CedulaPY',
          documentNumber: String(9_000_000 + i),
          confirmNotDuplicate: true,
        },
        case: { detectionMethod: 'LabourInspection', detectedOn: '2026-03-14', narrative: `Relato ${i}` },
        screening: { instrumentVersion: 1, factsDate: '2026-03-10', answers: { 'act.recruitment': 'yes' } },
        events: [{ type: 'Recruitment', country: 'PY', online: true, platforms: ['Facebook'] }],
      },
    });
  }
  // The PIN unlock again with the queue full: the vault only derives and unwraps (what the app's
  // unlock now does), and — for comparison — that plus decrypting every queued write, which the
  // app's unlock did before each part was decrypted on demand.
  started = performance.now();
  const reopened = await unlockWithPin(userId, '482915');
  const unlockFullMs = performance.now() - started;
  started = performance.now();
  await queued(reopened);
  const decryptQueueMs = performance.now() - started;

  started = performance.now();
  let rounds = 0;
  let refused = 0;
  while ((await queued(vault)).some((w) => w.state === 'pending')) {
    const report = await sync(vault);
    refused += report.refused.length;
    rounds++;
    if (report.refused.length) console.log(report.refused[0]!.refusal);
  }
  const syncMs = performance.now() - started;
  globalThis.fetch = realFetch;

  const cases = (await api.request<{ total: number }>('GET', '/api/cases?limit=1')).total;
  const left = (await queued(vault)).length;
  console.log(
    JSON.stringify(
      {
        intakes: n,
        syncSeconds: +(syncMs / 1000).toFixed(1),
        perIntakeMs: +(syncMs / n).toFixed(1),
        rounds,
        answersDropped: Math.floor(calls / 10),
        casesOnServer: cases,
        duplicates: cases - (n - left - refused),
        lost: n - cases - left,
        refused,
        leftOnDevice: left,
        vaultCreateMs: Math.round(createMs),
        pinUnlockMs: Math.round(unlockMs),
        pinUnlockWithQueueMs: Math.round(unlockFullMs),
        decryptWholeQueueMs: Math.round(decryptQueueMs),
        loadAverage: (await import('node:os')).loadavg().map((l) => +l.toFixed(1)),
      },
      null,
      2,
    ),
  );
} finally {
  await server.stop();
  removeDir(server.dataDir);
}
