/**
 * Every role's main pages, in Spanish, Guaraní and English, on a 1366×768 screen and a 390×844 phone:
 * no page is wider than the window, axe-core finds no serious or critical accessibility violation,
 * and the browser console shows no error. One server, one browser; the pages of each role are opened
 * in turn in one signed-in context per role, language and screen.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locale } from '../../src/shared/roles.js';
import { en } from '../../src/web/i18n/en.js';
import { es } from '../../src/web/i18n/es.js';
import { gn } from '../../src/web/i18n/gn.js';
import { apiLogin, createVictimCase, signIn, useBrowserApp, type ApiClient } from './fixtures.js';

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: { target: string[] }[];
}

const SCREENS = [
  { name: 'desktop', viewport: { width: 1366, height: 768 }, isMobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, isMobile: true },
] as const;

const LOCALES: Locale[] = ['es', 'gn', 'en'];
const CATALOGUES = { es, gn, en };

interface Visitor {
  label: string;
  user: { username: string; password: string; totpSecret?: string };
  api: ApiClient;
  pages: string[];
}

/** What is wrong on the page now: overflow, serious axe violations (console errors are collected apart). */
async function problemsOn(page: Page): Promise<string[]> {
  await page.locator('main h1').first().waitFor({ timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const problems: string[] = [];
  const width = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    window: window.innerWidth,
  }));
  if (width.page > width.window) problems.push(`wider than the window (${width.page} > ${width.window} px)`);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource); // through the debugging protocol: the page's CSP stays on
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run();
    return result.violations;
  });
  for (const v of violations)
    if (v.impact === 'serious' || v.impact === 'critical')
      problems.push(`axe ${v.impact} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  return problems;
}

describe('main pages in three languages on a desktop and a phone', () => {
  const app = useBrowserApp({
    staff: {
      police: 'case_worker@PNPTU',
      prosecutor: 'prosecutor@MP-UFETESI',
      analyst: 'analyst@MESA',
      dpo: 'dpo@MESA',
    },
  });
  const visitors: Visitor[] = [];

  beforeAll(async () => {
    const { police, prosecutor, analyst, dpo } = app.staff;
    const adminApi = await apiLogin(app.server, app.admin);
    const policeApi = await apiLogin(app.server, police);
    const { caseId, personId } = await createVictimCase(policeApi);
    visitors.push(
      {
        label: 'administrator',
        user: app.admin,
        api: adminApi,
        pages: ['/', '/users', '/institutions', '/directory'],
      },
      {
        label: 'police officer',
        user: police,
        api: policeApi,
        pages: ['/', '/cases', `/cases/${caseId}`, `/persons/${personId}`, '/intake', '/referrals', '/tasks'],
      },
      {
        label: 'prosecutor',
        user: prosecutor,
        api: await apiLogin(app.server, prosecutor),
        pages: ['/investigations', '/complicity'],
      },
      {
        // The audit trail is the DPO's page: here its rows of the staff the administrator created.
        label: 'data protection officer',
        user: dpo,
        api: await apiLogin(app.server, dpo),
        pages: ['/audit?action=user.create'],
      },
      {
        label: 'analyst',
        user: analyst,
        api: await apiLogin(app.server, analyst),
        // The match reviews are not the analyst's: the page says so (no access, whom to ask).
        pages: [
          '/statistics',
          '/reports/unmet-needs',
          '/prevention/trainings',
          '/prevention/action-plan',
          '/linkage/reviews',
        ],
      },
    );
  }, 300_000);

  it('no page is wider than the window, axe finds nothing serious and the console stays clean', async () => {
    const problems: string[] = [];
    for (const screen of SCREENS) {
      for (const locale of LOCALES) {
        // The public dashboard, signed out, in the language chosen on this browser.
        const context = await app.browser.newContext({
          viewport: screen.viewport,
          isMobile: screen.isMobile,
        });
        await context.addInitScript((value) => localStorage.setItem('nanduti.locale', value), locale);
        const page = await context.newPage();
        await page.goto(`${app.server.url}/public`);
        for (const p of await problemsOn(page)) problems.push(`${locale} ${screen.name} /public: ${p}`);
        await context.close();
      }
      for (const visitor of visitors) {
        // One sign-in per role and screen; the language is the user's preference, read at each load.
        const context: BrowserContext = await app.browser.newContext({
          viewport: screen.viewport,
          isMobile: screen.isMobile,
        });
        const page = await context.newPage();
        const consoleErrors: string[] = [];
        page.on('console', (message) => {
          if (message.type() === 'error') consoleErrors.push(message.text());
        });
        page.on('pageerror', (error) => consoleErrors.push(error.message));
        await visitor.api.request('PATCH', '/api/session/preferences', { locale: 'es' });
        await signIn(page, `${app.server.url}${visitor.pages[0]}`, visitor.user);
        await page.locator('main h1').first().waitFor({ timeout: 30_000 });
        for (const locale of LOCALES) {
          await visitor.api.request('PATCH', '/api/session/preferences', { locale });
          for (const url of visitor.pages) {
            await page.goto(`${app.server.url}${url}`);
            for (const p of await problemsOn(page))
              problems.push(`${locale} ${screen.name} ${visitor.label} ${url}: ${p}`);
            const main = await page.locator('main').innerText();
            const words = CATALOGUES[locale];
            if (url === '/linkage/reviews' && !main.includes(words['noAccess.title']))
              problems.push(`${locale} ${screen.name} ${visitor.label} ${url}: no "no access" page`);
            // The audit trail names in words the fields the administrator's staff creation recorded.
            if (
              url.startsWith('/audit') &&
              (!main.includes(words['auditField.displayName']) || /\bdisplayName\b/.test(main))
            )
              problems.push(`${locale} ${screen.name} ${visitor.label} ${url}: field names not in words`);
            const lang = await page.evaluate(() => document.documentElement.lang);
            if (lang !== locale)
              problems.push(`${locale} ${screen.name} ${visitor.label} ${url}: lang=${lang}`);
          }
        }
        for (const e of consoleErrors) problems.push(`${screen.name} ${visitor.label} console: ${e}`);
        await context.close();
      }
    }
    expect(problems).toEqual([]);
  }, 900_000);
});
