/**
 * Journey: a system administrator signs in with password and TOTP, switches the interface to
 * Guaraní, sees the translated shell, and signs out.
 */
import { describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { gn } from '../../src/web/i18n/gn.js';
import { signedInPage, useBrowserApp } from './fixtures.js';

describe('sign in with TOTP, Guaraní shell, sign out', () => {
  const app = useBrowserApp();

  it('walks the journey on a phone-sized screen', async () => {
    // Administrators must give the second factor.
    const { context, page } = await signedInPage(app, app.admin, '/', 'phone');

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
