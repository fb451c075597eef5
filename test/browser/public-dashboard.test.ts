/**
 * Journeys: a visitor opens the public dashboard (the release a statistician published) on a phone, in Guaraní, and downloads the open data
 * as CSV (every published value of at least k = 11 persons), with the map of departments; an analyst
 * signs in and sees figures and the map (choosing a department filters), never a record (no
 * drill-down, no cases, no persons).
 */
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departmentName } from '../../src/web/departments.js';
import { es } from '../../src/web/i18n/es.js';
import { gn } from '../../src/web/i18n/gn.js';
import { apiLogin, createStaffUser, signIn, type StaffUser } from './fixtures.js';
import {
  cli,
  launchBrowser,
  phoneContext,
  prepareDataDir,
  removeDir,
  startServer,
  type RunningServer,
} from './harness.js';
import type { Browser } from 'playwright-core';

describe('public dashboard and the analyst’s statistics', () => {
  let server: RunningServer;
  let browser: Browser;
  let analyst: StaffUser;

  beforeAll(async () => {
    const prepared = prepareDataDir();
    // Synthetic records first: the CLI writes while no server holds the data directory.
    cli(
      prepared.env,
      ['demo', '--cases', '800', '--seed', 'public-dashboard', '--password-stdin'],
      'demo password for the dashboard 2026',
    );
    server = await startServer(prepared.env, prepared.dataDir);
    browser = await launchBrowser();
    analyst = await createStaffUser(server, prepared.admin, {
      username: 'mesa.analista',
      role: 'analyst',
      institutionCode: 'MESA',
    });
    // The public site serves published releases only: the statistician publishes one.
    const client = await apiLogin(server, analyst.username, analyst.password);
    await client.request('POST', '/api/statistics/releases', {});
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (server) removeDir(server.dataDir);
  });

  it('shows the open data in Guaraní on a phone and downloads the CSV', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    // The start-up session probe answers only once the releases are asked for: finding no session
    // must not drop the dashboard's queries in flight (it left the page "Loading…" for good).
    let releasesAsked!: () => void;
    const asked = new Promise<void>((resolve) => (releasesAsked = resolve));
    page.on('request', (request) => {
      if (request.url().includes('/api/public/statistics/releases')) releasesAsked();
    });
    await page.route('**/api/session/probe', async (route) => {
      await asked;
      await route.continue();
    });
    await page.goto(`${server.url}/public?year=2025`);
    await page.getByTestId('language-select').selectOption('gn');
    await expect.poll(() => page.locator('h1').textContent(), { timeout: 30_000 }).toBe(gn['public.title']);
    await expect
      .poll(() => page.getByTestId('table-identifiedByAgeGroupAndSex').isVisible(), { timeout: 30_000 })
      .toBe(true);
    // The release picker is a finger-sized field that shows its option whole (the browser's small
    // default select cut the Guaraní release off).
    const picker = page.getByTestId('public-release');
    expect((await picker.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await picker.evaluate((el) => getComputedStyle(el).fontSize)).toBe(
      await page.locator('body').evaluate((el) => getComputedStyle(el).fontSize),
    );
    // The Guaraní captions, charts drawn by the charting library, no Spanish caption left.
    const caption = await page.getByTestId('table-identifiedByYear').locator('caption').textContent();
    expect(caption).toBe(gn['public.table.identifiedByYear']);
    expect(caption).not.toBe(es['public.table.identifiedByYear']);
    expect(await page.locator('canvas[role="img"]').count()).toBeGreaterThanOrEqual(6);
    // The map of departments: 18 areas, each named by the catalogue with its published value or
    // the word for a hidden one (never a number behind it).
    const areas = page.getByTestId('map-identifiedByDepartmentAndSex').locator('[data-department]');
    expect(await areas.count()).toBe(18);
    const named = await areas.evaluateAll((elements) =>
      elements.map((el) => [el.dataset.department!, el.getAttribute('aria-label')!, el.dataset.state!]),
    );
    expect(new Set(named.map(([code]) => code)).size).toBe(18);
    for (const [code, label, state] of named) {
      const value = state === 'suppressed' ? gn['public.suppressed'] : label!.split(': ')[1];
      expect(label).toBe(`${departmentName(code!)}: ${value}`);
      if (state !== 'suppressed') expect(value).toMatch(/^\d[\d.]*$/);
    }
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('download-csv').click(),
    ]);
    // The file names the release it comes from (a release is frozen; two downloads of one agree).
    expect(download.suggestedFilename()).toBe('nanduti-open-data-2025-release-1.csv');
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('year,table,figure,row_dimension,row,column_dimension,column,persons,suppressed');
    const persons = lines.slice(1).map((line) => line.split(',')[7]!);
    expect(persons.length).toBeGreaterThan(10);
    const published = persons.filter((value) => value !== '').map(Number);
    expect(published.some((value) => value >= 11)).toBe(true);
    expect(published.every((value) => value === 0 || value >= 11)).toBe(true);
    await context.close();
  }, 120_000);

  it('gives an analyst figures but no personal data', async () => {
    const context = await phoneContext(browser);
    const page = await context.newPage();
    await signIn(page, `${server.url}/statistics?figure=victimsIdentified&year=2025&by=sex`, analyst);
    await expect
      .poll(
        () =>
          page
            .getByTestId('stat-total')
            .isVisible()
            .catch(() => false),
        { timeout: 30_000 },
      )
      .toBe(true);
    const total = Number(
      (await page.getByTestId('stat-total').locator('strong').textContent())!.replace(/\D/g, ''),
    );
    expect(total).toBeGreaterThan(0);
    expect(await page.getByTestId('stat-table').locator('tbody tr').count()).toBeGreaterThan(1);
    expect(await page.getByRole('button', { name: es['stats.drill'] }).count()).toBe(0);
    // The map by department beside the breakdown by sex; choosing Boquerón filters the page by it.
    const map = page.getByTestId('stat-map');
    await expect.poll(() => map.locator('[data-department]').count(), { timeout: 30_000 }).toBe(18);
    const boqueron = map.locator('[data-department="PY-19"]');
    expect(await boqueron.getAttribute('aria-label')).toMatch(/^Boquerón: (\d[\d.]*|<3)$/);
    await boqueron.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('department')).toBe('PY-19');
    await expect.poll(() => boqueron.getAttribute('aria-pressed')).toBe('true');
    const answers = await page.evaluate(async () => {
      const status = async (url: string) => (await fetch(url)).status;
      return {
        cases: await status('/api/cases'),
        drill: await status('/api/statistics/records?figure=victimsIdentified&year=2025'),
        search: await status('/api/persons/search'),
      };
    });
    expect(answers.cases).toBe(403);
    expect(answers.drill).toBe(403);
    expect([403, 404, 405]).toContain(answers.search);
    await context.close();
  }, 120_000);
});
