/**
 * The installable app starts with no network: after one visit, the service worker serves the app
 * shell, so a reload in the browser's offline mode still starts the app (docs/OFFLINE.md).
 */
import { describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { useBrowserApp, waitForServiceWorker } from './fixtures.js';

describe('offline app shell', () => {
  const app = useBrowserApp();

  it('reloads with the network cut and still shows the app', async () => {
    const context = await app.browser.newContext({ locale: 'es-PY' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/login`);
    await page.getByTestId('login-username').waitFor({ timeout: 60_000 });
    await waitForServiceWorker(page);
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ name: 'Ñandutí', display: 'standalone', lang: 'es' });

    // Offline, the app itself starts from the worker's cache and says the server is out of reach
    // (the session cannot be checked), instead of the browser's "no connection" page.
    await context.setOffline(true);
    await page.reload();
    await page.getByText(es['error.network']).waitFor({ timeout: 60_000 });
    expect(await page.title()).toContain('Ñandutí');
    // A deep link works offline too (the worker answers navigations with the shell).
    await page.goto(`${app.server.url}/cases`).catch(() => undefined);
    await page.getByText(es['error.network']).waitFor({ timeout: 60_000 });
    await context.close();
  });
});
