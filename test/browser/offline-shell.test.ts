/**
 * The installable app starts with no network: after one visit, the service worker serves the app
 * shell, so a reload in the browser's offline mode still shows the sign-in screen (docs/OFFLINE.md).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { startApp, stopApp, type BrowserApp } from './fixtures.js';

describe('offline app shell', () => {
  let app: BrowserApp;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(async () => stopApp(app));

  it('reloads with the network cut and still shows the app', async () => {
    const context = await app.browser.newContext({ locale: 'es-PY' });
    const page = await context.newPage();
    await page.goto(`${app.server.url}/login`);
    await expect.poll(() => page.getByTestId('login-username').isVisible()).toBe(true);
    // The worker is installed and controls the page once it is ready.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 20_000 })
      .toBe(true);
    const manifest = await page.evaluate(async () => (await fetch('/manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ name: 'Ñandutí', display: 'standalone', lang: 'es' });

    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId('login-username').isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await page.getByRole('button', { name: es['login.submit'] }).isVisible()).toBe(true);
    // A deep link works offline too (the worker answers navigations with the shell).
    await page.goto(`${app.server.url}/cases`).catch(() => undefined);
    await expect.poll(() => page.locator('#root').innerHTML(), { timeout: 20_000 }).not.toBe('');
    await context.close();
  });
});
