/**
 * Journey: a system administrator signs in with password and TOTP, switches the interface to
 * Guaraní, sees the translated shell, and signs out.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { gn } from '../../src/web/i18n/gn.js';
import {
  freshTotp,
  launchBrowser,
  phoneContext,
  prepareDataDir,
  removeDir,
  startServer,
  type RunningServer,
  type Admin,
} from './harness.js';

describe('sign in with TOTP, Guaraní shell, sign out', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: Admin;

  beforeAll(async () => {
    const prepared = prepareDataDir();
    admin = prepared.admin;
    server = await startServer(prepared.env, prepared.dataDir);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('walks the journey on a phone-sized screen', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await page.goto(server.url);

    await page.getByTestId('login-username').fill(admin.username);
    await page.getByTestId('login-password').fill(admin.password);
    await page.getByTestId('login-submit').click();
    // Administrators must give the second factor.
    await page.getByTestId('login-totp').fill(await freshTotp(admin.totpSecret));
    await page.getByTestId('login-submit').click();

    const nav = page.getByTestId('nav');
    // On a phone the navigation sits behind the menu button.
    await page.getByRole('button', { name: es['nav.menu'] }).click({ timeout: 15_000 });
    await expect
      .poll(
        () =>
          page
            .getByTestId('logout')
            .isVisible()
            .catch(() => false),
        { timeout: 15_000 },
      )
      .toBe(true);
    expect(await page.locator('html').getAttribute('lang')).toBe('es');
    expect(await nav.textContent()).toContain(es['nav.users']);

    await page.getByTestId('language-select').first().selectOption('gn');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('gn');
    await expect.poll(() => page.getByTestId('logout').textContent()).toContain(gn['shell.logout']);
    // The navigation the administrator may use, in Guaraní, and no Spanish left in it.
    const navText = await nav.textContent();
    for (const key of ['nav.users', 'nav.institutions'] as const) {
      expect(navText).toContain(gn[key]);
      expect(navText).not.toContain(es[key]);
    }

    // The choice is remembered for the user on the server.
    const session = await page.evaluate(async () => (await fetch('/api/session')).json());
    expect(session.user.locale).toBe('gn');

    await page.getByTestId('logout').click();
    await expect
      .poll(
        () =>
          page
            .getByTestId('login-username')
            .isVisible()
            .catch(() => false),
        { timeout: 15_000 },
      )
      .toBe(true);
    const after = await page.evaluate(async () => (await fetch('/api/session')).status);
    expect(after).toBe(401);
    await context.close();
  });
});
