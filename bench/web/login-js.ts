/**
 * The JavaScript the first page load (the login page) transfers: the real server on a fresh data
 * directory, Debian's Chromium opening `/login`, every script response counted as sent on the wire
 * (the server compresses with Brotli or gzip), and each of the same files compressed with gzip -9
 * for the figure the budget is written in (≤ 250 kB). Run `npm run build:web` first.
 * `--accept-encoding gzip` makes the browser ask for gzip only, so that what is sent is gzip as the
 * server compresses it (Chromium otherwise asks for Brotli too, and gets it).
 *
 *   npx tsx bench/web/login-js.ts [--accept-encoding gzip]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import zlib from 'node:zlib';
import { launchBrowser, prepareDataDir, removeDir, startServer } from '../../test/browser/harness.js';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist', 'web');
const { values: options } = parseArgs({ options: { 'accept-encoding': { type: 'string' } } });
const acceptEncoding = options['accept-encoding'];
const prepared = prepareDataDir();
const server = await startServer(prepared.env, prepared.dataDir);
const browser = await launchBrowser();
try {
  const context = await browser.newContext(
    acceptEncoding ? { extraHTTPHeaders: { 'accept-encoding': acceptEncoding } } : {},
  );
  const page = await context.newPage();
  const scripts: { url: string; encoding: string; wire: number }[] = [];
  // Each finished request is read asynchronously: all of them are awaited before counting, so a
  // script that finished last (the login page's chunk, the catalogue) is not left out.
  const reading: Promise<void>[] = [];
  page.on('requestfinished', (request) => {
    reading.push(
      (async () => {
        const response = await request.response();
        if (!response || !request.url().endsWith('.js')) return;
        const sizes = await request.sizes();
        const encoding = (await response.allHeaders())['content-encoding'] ?? 'identity';
        scripts.push({ url: new URL(request.url()).pathname, encoding, wire: sizes.responseBodySize });
      })(),
    );
  });
  await page.goto(`${server.url}/login`, { waitUntil: 'networkidle' });
  await page.getByTestId('login-username').waitFor();
  await page.waitForLoadState('networkidle');
  // A script asked for after the page settled (the service worker's registration, workbox-window)
  // still belongs to the first load: give it a moment, then stop listening before counting.
  await page.waitForTimeout(3000);
  await page.waitForLoadState('networkidle');
  page.removeAllListeners('requestfinished');
  await Promise.all(reading);
  let raw = 0;
  let gzip = 0;
  let wire = 0;
  for (const script of scripts.sort((a, b) => b.wire - a.wire)) {
    const file = fs.readFileSync(path.join(DIST, script.url));
    const gz = zlib.gzipSync(file, { level: 9 }).length;
    raw += file.length;
    gzip += gz;
    wire += script.wire;
    console.log(
      `${script.url.padEnd(44)} ${String(file.length).padStart(8)} B  gzip -9 ${String(gz).padStart(7)} B  ` +
        `sent ${String(script.wire).padStart(7)} B (${script.encoding})`,
    );
  }
  const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;
  console.log(
    `${scripts.length} scripts: ${kb(raw)} raw, ${kb(gzip)} gzip -9, ${kb(wire)} as sent by the server`,
  );
} finally {
  await browser.close();
  await server.stop();
  removeDir(prepared.dataDir);
}
