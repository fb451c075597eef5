/**
 * The daily path from a fresh install (issue 13), the parts built so far: the administrator imports
 * a directory file (preview, then confirm) and adds one provider by hand; a police officer leaves an
 * intake half-way, reloads, finds it where it was and finishes it (nothing written before); finds the
 * case by the person's name, records the trafficking decision later from the case page, adds a
 * task due in working days and sees it in "my tasks"; a 16-year-old's referral is refused with no
 * consent and her own consent is refused, a guardian's accepted and the referral made; MINNA accepts
 * it from its inbox and records a service; the shelter leaves another referral unanswered, the
 * server restarts "20 days later" (the test-only follow-up clock, docs/TASKS.md) and the supervisor
 * is told of the escalation, confirms the victim and finds her in the statistics; then the case,
 * referrals, tasks and statistics screens in Guaraní and English. Synthetic data only.
 * NANDUTI_SHOTS_DIR=dir saves each step's screen at 1366×768 and 390×844.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { paraguayToday, paraguayYear } from '../../src/shared/dates.js';
import { en } from '../../src/web/i18n/en.js';
import { es } from '../../src/web/i18n/es.js';
import { gn } from '../../src/web/i18n/gn.js';
import { apiLogin, createVictimCase, signIn, useBrowserApp, type BrowserApp } from './fixtures.js';
import { giveConsent, recordDelivery } from './helpers/protection.js';

const CSV = [
  'institution,name,department,services,departments_covered,capacity,sexes,min_age,max_age,languages,nationalities,hours,contact',
  'MINMUJER,Albergue de ejemplo importado,PY-ASU,Shelter;Psychological,PY-ASU;PY-11,12,Female,18,,es;gn,,24 horas,albergue@ejemplo.gov.py',
  'MINNA,Centro de ejemplo para adolescentes,PY-ASU,Psychological;LegalAid,PY-ASU,,,12,17,es;gn,,Lunes a viernes,centro@ejemplo.gov.py',
].join('\n');

describe('daily path from a fresh install', () => {
  const app = useBrowserApp({
    staff: { police: 'case_worker@PNPTU', minna: 'case_worker@MINNA', supervisor: 'supervisor@PNPTU' },
  });
  let adultCase: string;
  let childCase: string;

  beforeAll(async () => {
    const api = await apiLogin(app.server, app.staff.police);
    adultCase = (
      await createVictimCase(api, { person: { givenNames: 'Eustaquia', firstSurname: 'Villalba' } })
    ).caseId;
    childCase = (
      await createVictimCase(api, { person: { givenNames: 'Adolescente Sintética', estimatedAge: 16 } })
    ).caseId;
  }, 300_000);

  it('the administrator imports the directory and adds a provider by hand', async () => {
    const page = await app.browser.newPage();
    await signIn(page, `${app.server.url}/directory`, app.admin);
    await page.getByTestId('provider-import').click();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'directorio.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('import-preview-button').click();
    await expect
      .poll(() => page.getByTestId('import-preview').locator('tbody tr').count(), { timeout: 40_000 })
      .toBe(2);
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('provider-card').count(), { timeout: 60_000 }).toBe(2);

    await page.getByTestId('provider-add').click();
    const form = page.getByTestId('provider-form');
    await form.getByLabel(es['directoryAdmin.name']).fill('Asesoría jurídica de ejemplo');
    await form.getByLabel(es['directoryAdmin.department']).selectOption('PY-10');
    await form
      .getByRole('group', { name: es['directoryAdmin.services'] })
      .getByLabel('Asistencia jurídica')
      .check();
    await form.getByRole('button', { name: es['action.save'] }).click();
    await expect.poll(() => page.getByTestId('provider-card').count(), { timeout: 20_000 }).toBe(3);
    // Interpretation is offered by nobody: the coverage says so.
    await expect
      .poll(() => page.getByTestId('coverage-Interpretation').textContent(), { timeout: 40_000 })
      .toContain(es['directoryAdmin.notCovered']);
    await page.close();
  });

  it('the police officer leaves an intake half-way, reloads, and finishes it; nothing is written before', async () => {
    const page = await app.browser.newPage();
    await signIn(page, `${app.server.url}/intake`, app.staff.police);
    const api = await apiLogin(app.server, app.staff.police);
    const found = async () =>
      (await api.request<{ items: unknown[] }>('POST', '/api/persons/search', { q: 'Casilda Recarga' }))
        .items;
    const stepCount = page.getByTestId('intake-step-count');
    await expect.poll(() => stepCount.textContent(), { timeout: 20_000 }).toBe('Paso 1 de 4');
    await page.getByLabel(es['intake.person.givenNames'], { exact: true }).fill('Casilda Sintética');
    await page.getByLabel(es['intake.person.firstSurname']).fill('Recarga');
    await page.getByLabel(es['intake.person.dateOfBirth']).fill('1998-02-14');
    await page.getByRole('button', { name: es['action.next'] }).click();
    await expect.poll(() => stepCount.textContent(), { timeout: 20_000 }).toBe('Paso 2 de 4');
    await page.getByLabel(es['intake.case.detectionMethod']).selectOption('PoliceOperation');
    await page.getByLabel(es['intake.case.narrative']).fill('Relato sintético antes de recargar.');
    await page.waitForTimeout(500); // the draft is sealed on the device shortly after each change
    await page.locator('[data-draft-state="saved"]').waitFor({ timeout: 10_000 });
    expect(await found()).toEqual([]);
    // On the device only ciphertext: neither the name nor the narrative in clear.
    const stored = await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('nanduti-offline');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const rows = await new Promise<unknown[]>((resolve) => {
        const req = db.transaction('sealed').objectStore('sealed').getAll();
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return rows.map((row) => {
        const { data, ...rest } = row as { data: ArrayBuffer };
        return JSON.stringify(rest) + new TextDecoder('latin1').decode(data);
      });
    });
    expect(stored).toHaveLength(1);
    expect(stored.join()).not.toMatch(/Casilda|Recarga|Relato/);

    await page.reload();
    await expect.poll(() => stepCount.textContent(), { timeout: 20_000 }).toBe('Paso 2 de 4');
    await page.getByText(es['intake.draft.resumed']).waitFor({ timeout: 10_000 });
    expect(await page.getByLabel(es['intake.case.narrative']).inputValue()).toBe(
      'Relato sintético antes de recargar.',
    );
    expect(await page.getByLabel(es['intake.case.detectionMethod']).inputValue()).toBe('PoliceOperation');
    await page.getByRole('button', { name: es['intake.back'] }).click();
    expect(await page.getByLabel(es['intake.person.firstSurname']).inputValue()).toBe('Recarga');
    await page.getByRole('button', { name: es['action.next'] }).click();
    await page.getByRole('button', { name: es['action.next'] }).click();
    await expect.poll(() => stepCount.textContent(), { timeout: 20_000 }).toBe('Paso 3 de 4');
    await page.getByRole('button', { name: es['intake.screening.submit'] }).click();
    await page.getByTestId('intake-assessment').waitFor({ timeout: 15_000 });
    await page.getByRole('button', { name: es['action.next'] }).click();
    await expect.poll(() => stepCount.textContent(), { timeout: 20_000 }).toBe('Paso 4 de 4');
    expect(await found()).toEqual([]);
    // Confirmed without a decision (decided later, from the case page): now it is all written.
    await page.getByRole('button', { name: es['intake.decision.later'] }).click();
    await page.getByTestId('intake-reference').waitFor({ timeout: 20_000 });
    expect(await found()).toHaveLength(1);
    // The draft is gone: a new intake starts empty.
    await page.reload();
    await expect.poll(() => stepCount.textContent(), { timeout: 20_000 }).toBe('Paso 1 de 4');
    expect(await page.getByLabel(es['intake.person.givenNames'], { exact: true }).inputValue()).toBe('');
    await page.close();
  });

  it('the police officer finds the case by name, decides later, and plans a task', async () => {
    const page = await app.browser.newPage();
    await signIn(page, `${app.server.url}/cases`, app.staff.police);
    await page.getByTestId('case-search').fill('eustaquia viyalba');
    await page.getByTestId('case-search-submit').click();
    await expect.poll(() => page.getByTestId('case-row').count(), { timeout: 20_000 }).toBe(1);
    expect(page.url()).not.toContain('ustaquia');
    await page.getByTestId('case-row').getByRole('link').click();
    await page.waitForURL(`**/cases/${adultCase}`);

    await decide(page, 'PossibleVictimOfTrafficking', 'Indicadores de captación y explotación.', 20_000);

    await page.getByTestId('task-add').click();
    const task = page.getByTestId('task-form');
    await task.getByLabel(es['tasks.title']).fill('Coordinar la entrevista con la fiscalía');
    await task.getByLabel(es['tasks.workingDays']).fill('3');
    await task.getByRole('button', { name: es['action.create'] }).click();
    await expect
      .poll(() => page.getByTestId('case-tasks').textContent(), { timeout: 20_000 })
      .toContain('Coordinar la entrevista');
    await page.goto(`${app.server.url}/tasks`);
    await expect
      .poll(() => page.getByTestId('task-list').textContent(), { timeout: 20_000 })
      .toContain('Coordinar la entrevista');
    await page.close();
  });

  // The later part of the journey: a child's referral, MINNA's answer and service, the escalation of
  // an unanswered referral once its deadline passed, and the statistics; then the main screens in
  // Guaraní and English.

  it('refers a 16-year-old only with a guardian’s consent', async () => {
    const page = await desktopPage(app);
    await signIn(page, `${app.server.url}/cases/${childCase}`, app.staff.police);
    const panel = page.getByTestId('case-protection');
    await panel.getByRole('button', { name: es['protection.recordNeed'] }).click({ timeout: 40_000 });
    const needDialog = page.getByRole('dialog');
    await needDialog.getByLabel(es['protection.need.service']).selectOption('Psychological');
    await needDialog.getByRole('button', { name: es['action.save'] }).click();
    const needs = panel.getByTestId('protection-needs');
    await expect.poll(() => needs.textContent(), { timeout: 40_000 }).toContain('Centro de ejemplo');

    // No consent yet: the referral is refused, saying whose consent a child needs.
    await needs.getByRole('button', { name: es['protection.refer'] }).click();
    const referDialog = page.getByRole('dialog');
    await referDialog.getByRole('button', { name: es['protection.refer'] }).click();
    await expect.poll(() => referDialog.textContent(), { timeout: 40_000 }).toContain('menor de 18 años');
    await shot(page, 'es-child-referral-refused');
    await referDialog.getByRole('button', { name: es['action.cancel'] }).click();

    // The child's own consent is refused too; a guardian's is accepted.
    const dialog = await giveConsent(page, panel, 'Atención psicológica');
    await expect.poll(() => dialog.textContent(), { timeout: 40_000 }).toContain('menor de 18 años');
    await dialog.getByLabel(es['protection.consent.givenBy']).selectOption('LegalGuardian');
    await dialog.getByLabel(es['minorConsent.representativeName']).fill('Tutora Sintética');
    await dialog.getByLabel(es['minorConsent.relationship']).fill('tía, tutora legal');
    await shot(page, 'es-child-guardian-consent');
    await dialog.getByRole('button', { name: es['action.save'] }).click();
    await expect
      .poll(() => panel.getByTestId('protection-consents').textContent(), { timeout: 40_000 })
      .toContain('Atención psicológica');

    // Now the referral goes to MINNA.
    await needs.getByRole('button', { name: es['protection.refer'] }).click();
    await page.getByRole('dialog').getByRole('button', { name: es['protection.refer'] }).click();
    const referrals = panel.getByTestId('protection-referrals');
    await expect
      .poll(() => referrals.getByTestId('referral-state').textContent(), { timeout: 40_000 })
      .toBe('Solicitada');
    expect(await referrals.textContent()).toContain('MINNA');
    await shot(page, 'es-child-referred');
    await page.close();
  }, 300_000);

  it('MINNA accepts the referral from its inbox and records the service delivered', async () => {
    const page = await desktopPage(app);
    await signIn(page, `${app.server.url}/referrals`, app.staff.minna);
    const rows = page.getByTestId('referral-row');
    await expect.poll(() => rows.count(), { timeout: 40_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('PNPTU');
    await shot(page, 'es-minna-inbox');
    await rows.first().getByRole('link').click();
    await page.waitForURL('**/referrals/*');
    await expect
      .poll(() => page.getByTestId('shared-person').textContent(), { timeout: 40_000 })
      .toContain('Adolescente Sintética');
    await page.getByTestId('referral-accept').click();
    await expect
      .poll(() => page.getByTestId('referral-state').textContent(), { timeout: 40_000 })
      .toBe('Aceptada');
    await recordDelivery(page, 'Primera sesión de apoyo psicológico');
    await expect.poll(() => page.getByTestId('referral-delivery').count(), { timeout: 40_000 }).toBe(1);
    expect(await page.getByTestId('referral-state').textContent()).toBe('En curso');
    await shot(page, 'es-minna-delivered');
    await page.close();
  }, 300_000);

  it('an unanswered referral escalates to the supervisor once its deadline has passed', async () => {
    // The adult's shelter referral (consent, need and referral through the API: the child's
    // referral walked the same screens). Nobody at the shelter answers it.
    const api = await apiLogin(app.server, app.staff.police);
    const protection = () =>
      api.request<{ persons: unknown; needs: { id: string; matches: { providerId: string }[] }[] }>(
        'GET',
        `/api/cases/${adultCase}/protection`,
      );
    const person = (await api.request<{ persons: { personId: string }[] }>('GET', `/api/cases/${adultCase}`))
      .persons[0]!.personId;
    await api.request('POST', `/api/cases/${adultCase}/consents`, {
      kind: 'consent',
      personId: person,
      services: ['Shelter'],
      sharedFields: ['givenNames', 'sex', 'age', 'languages', 'interpreterNeeded', 'need'],
      givenOn: paraguayToday(),
      method: 'Written',
      givenBy: 'Person',
    });
    await api.request('POST', `/api/cases/${adultCase}/needs`, {
      personId: person,
      serviceType: 'Shelter',
      urgency: 'High',
    });
    const need = (await protection()).needs[0]!;
    await api.request('POST', '/api/referrals', {
      caseId: adultCase,
      needId: need.id,
      providerId: need.matches[0]!.providerId,
    });

    // Days later (3 working days for a high urgency; 20 calendar days cover holidays): the server
    // runs on with its follow-up clock moved (a test-only setting, src/server/core/clock.ts).
    await app.restartServer({ NANDUTI_CLOCK_OFFSET: '20d' });

    const page = await desktopPage(app);
    await signIn(page, `${app.server.url}/cases/${adultCase}`, app.staff.supervisor);
    // The background job escalates within seconds of the start (later on a loaded machine): the
    // supervisor is told; the panel reads the list afresh each time it opens.
    const overdue = /La derivación \S+ está vencida/;
    await expect
      .poll(
        async () => {
          await page.getByTestId('notifications-button').click();
          const list = page.getByTestId('notifications-list');
          const text = await list.textContent({ timeout: 5_000 }).catch(() => '');
          if (!overdue.test(text ?? '')) await page.keyboard.press('Escape');
          return text;
        },
        { timeout: 120_000, interval: 3_000 },
      )
      .toMatch(overdue);
    expect(await page.getByTestId('notifications-unread').count()).toBe(1);
    await shot(page, 'es-supervisor-escalation');
    await page.keyboard.press('Escape');
    // The supervisor confirms the victim (PNPTU may, by the decision policy): a revision of the
    // officer's "possible victim", from the case page.
    await decide(page, 'ActualVictimOfTrafficking', 'Explotación confirmada en la investigación.', 40_000);
    // The case's plan holds the follow-up task for the shelter; the referral shows as overdue.
    await expect
      .poll(() => page.getByTestId('case-tasks').textContent(), { timeout: 40_000 })
      .toContain(es['tasks.kind.referral_overdue']);
    await page.getByRole('link', { name: es['nav.referrals'] }).click();
    await page.getByTestId('referrals-outgoing').click();
    const shelterRow = page.getByTestId('referral-row').filter({ hasText: 'MINMUJER' });
    await expect.poll(() => shelterRow.getByTestId('referral-overdue').count(), { timeout: 40_000 }).toBe(1);
    await shot(page, 'es-supervisor-referrals');
    await page.close();
  }, 300_000);

  it('the statistics count the identified victim, and the main screens read in Guaraní and English', async () => {
    const page = await desktopPage(app);
    await signIn(page, `${app.server.url}/cases`, app.staff.supervisor);
    await page.getByRole('link', { name: es['nav.statistics'] }).click();
    // The page opens on this year, the latest with records (not the previous one).
    await expect.poll(() => page.getByLabel(es['stats.year']).inputValue()).toBe(String(paraguayYear()));
    // The facts refresh in the background within seconds of a change.
    const total = page.getByTestId('stat-total');
    await shownAfterReloads(page, total.filter({ hasText: /: [1-9]/ }), 60_000);
    expect(await total.textContent()).toBe(
      `${es['stats.total'].replace('{year}', String(paraguayYear()))}: 1`,
    );
    await shot(page, 'es-statistics');

    for (const [locale, catalogue] of [
      ['gn', gn],
      ['en', en],
    ] as const) {
      await page.getByTestId('language-select').selectOption(locale);
      await expect.poll(() => page.locator('html').getAttribute('lang'), { timeout: 40_000 }).toBe(locale);
      const screens = [
        [`/cases/${adultCase}`, catalogue['protection.title'], 'case'],
        ['/referrals', catalogue['referrals.title'], 'referrals'],
        ['/tasks', catalogue['tasks.pageTitle'], 'tasks'],
        [`/statistics?year=${paraguayYear()}`, catalogue['stats.title'], 'statistics'],
      ] as const;
      for (const [path, heading, name] of screens) {
        await page.goto(`${app.server.url}${path}`);
        await expect
          .poll(() => page.getByRole('heading', { name: heading }).count(), { timeout: 40_000 })
          .toBeGreaterThan(0);
        await page.waitForLoadState('networkidle');
        expect(untranslated(await page.locator('body').innerText(), catalogue), `${locale} ${name}`).toEqual(
          [],
        );
        expect(await overflow(page), `${locale} ${name} wider than the window`).toBe(false);
        await shot(page, `${locale}-${name}`);
      }
    }
    await page.close();
  }, 300_000);
});

/** Reloads `page` until `locator` is shown (a background job's result), for up to `ms`. */
async function shownAfterReloads(page: Page, locator: Locator, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      await locator.first().waitFor({ timeout: 10_000 });
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        await shot(page, 'failure');
        throw error;
      }
      await page.reload();
    }
  }
}

/** A page the size of a common office screen. */
function desktopPage(app: BrowserApp): Promise<Page> {
  return app.browser.newPage({ viewport: { width: 1366, height: 768 } });
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

/**
 * Spanish texts of the interface left on a page in another language: every Spanish message that the
 * other catalogue words differently (long enough to be a sentence, not a shared loanword), and any
 * message key shown raw.
 */
function untranslated(text: string, catalogue: Record<string, string>): string[] {
  const found: string[] = [];
  for (const [key, spanish] of Object.entries(es as Record<string, string>)) {
    if (spanish.length < 16 || spanish.includes('{') || catalogue[key] === spanish) continue;
    if (!spanish.includes(' ') || !text.includes(spanish)) continue;
    if (Object.values(catalogue).some((other) => other.includes(spanish))) continue;
    found.push(spanish);
  }
  for (const key of Object.keys(es)) if (key.includes('.') && text.includes(key)) found.push(key);
  return found;
}

/**
 * With NANDUTI_SHOTS_DIR set, the screen as it is, at 1366×768 and at 390×844 (a phone), each
 * checked for a page wider than the window. Off by default: CI has no eyes.
 */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.NANDUTI_SHOTS_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  await page.screenshot({ path: path.join(dir, `${name}-1366.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(300);
  await page.screenshot({ path: path.join(dir, `${name}-390.png`), fullPage: true });
  if (await overflow(page)) console.warn(`${name}: wider than a phone's screen`);
  if (size) await page.setViewportSize(size);
}

/** On the case page: records a decision with its reason and waits until the case's decisions show it. */
async function decide(page: Page, status: string, reason: string, timeout: number) {
  await page.getByTestId('case-decide').click();
  const decision = page.getByTestId('decision-form');
  await decision.getByLabel(es['intake.decision.status']).selectOption(status);
  await decision.getByLabel(es['intake.decision.reason']).fill(reason);
  await decision.getByRole('button', { name: es['decision.submit'] }).click();
  await expect.poll(() => page.getByTestId('case-decisions').textContent(), { timeout }).toContain(reason);
}
