/**
 * The daily path from a fresh install (issue 13), the parts built so far: the administrator imports
 * a directory file (preview, then confirm) and adds one provider by hand; a police officer leaves an
 * intake half-way, reloads, finds it where it was and finishes it (nothing written before); finds the
 * case by the person's name, records the trafficking decision later from the case page, adds a
 * task due in working days and sees it in "my tasks"; a 16-year-old's own consent is refused and a
 * guardian's accepted. In Spanish; synthetic data only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import {
  apiLogin,
  createStaffUser,
  createVictimCase,
  signIn,
  startApp,
  stopApp,
  type BrowserApp,
  type StaffUser,
} from './fixtures.js';

const CSV = [
  'institution,name,department,services,departments_covered,capacity,sexes,min_age,max_age,languages,nationalities,hours,contact',
  'MINMUJER,Albergue de ejemplo importado,PY-ASU,Shelter;Psychological,PY-ASU;PY-11,12,Female,18,,es;gn,,24 horas,albergue@ejemplo.gov.py',
  'MINNA,Centro de ejemplo para adolescentes,PY-ASU,Psychological;LegalAid,PY-ASU,,,12,17,es;gn,,Lunes a viernes,centro@ejemplo.gov.py',
].join('\n');

describe('daily path from a fresh install', () => {
  let app: BrowserApp;
  let police: StaffUser;
  let adultCase: string;
  let childCase: string;

  beforeAll(async () => {
    app = await startApp();
    police = await createStaffUser(app.server, app.admin, {
      username: 'pnptu.diario',
      role: 'case_worker',
      institutionCode: 'PNPTU',
    });
    const api = await apiLogin(app.server, police.username, police.password);
    adultCase = (
      await createVictimCase(api, { person: { givenNames: 'Eustaquia', firstSurname: 'Villalba' } })
    ).caseId;
    childCase = (
      await createVictimCase(api, { person: { givenNames: 'Adolescente Sintética', estimatedAge: 16 } })
    ).caseId;
  }, 300_000);
  afterAll(() => stopApp(app));

  it('the administrator imports the directory and adds a provider by hand', async () => {
    const page = await app.browser.newPage();
    await signIn(page, `${app.server.url}/directory`, app.admin);
    await page.getByTestId('provider-import').click();
    await page
      .getByTestId('import-file')
      .setInputFiles({ name: 'directorio.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
    await page.getByTestId('import-preview-button').click();
    await expect.poll(() => page.getByTestId('import-preview').locator('tbody tr').count()).toBe(2);
    await page.getByTestId('import-confirm').click();
    await expect.poll(() => page.getByTestId('provider-card').count(), { timeout: 20_000 }).toBe(2);

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
      .poll(() => page.getByTestId('coverage-Interpretation').textContent())
      .toContain(es['directoryAdmin.notCovered']);
    await page.close();
  });

  it('the police officer leaves an intake half-way, reloads, and finishes it; nothing is written before', async () => {
    const page = await app.browser.newPage();
    await signIn(page, `${app.server.url}/intake`, police);
    const api = await apiLogin(app.server, police.username, police.password);
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
    await signIn(page, `${app.server.url}/cases`, police);
    await page.getByTestId('case-search').fill('eustaquia viyalba');
    await page.getByTestId('case-search-submit').click();
    await expect.poll(() => page.getByTestId('case-row').count(), { timeout: 20_000 }).toBe(1);
    expect(page.url()).not.toContain('ustaquia');
    await page.getByTestId('case-row').getByRole('link').click();
    await page.waitForURL(`**/cases/${adultCase}`);

    await page.getByTestId('case-decide').click();
    const decision = page.getByTestId('decision-form');
    await decision.getByLabel(es['intake.decision.status']).selectOption('PossibleVictimOfTrafficking');
    await decision.getByLabel(es['intake.decision.reason']).fill('Indicadores de captación y explotación.');
    await decision.getByRole('button', { name: es['decision.submit'] }).click();
    await expect
      .poll(() => page.getByTestId('case-decisions').textContent(), { timeout: 20_000 })
      .toContain('Indicadores de captación');

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

  it("refuses a 16-year-old's own consent and accepts a guardian's", async () => {
    const page = await app.browser.newPage();
    await signIn(page, `${app.server.url}/cases/${childCase}`, police);
    const panel = page.getByTestId('case-protection');
    await panel.getByRole('button', { name: es['protection.recordConsent'] }).click({ timeout: 20_000 });
    const dialog = page.getByRole('dialog');
    await dialog
      .getByRole('group', { name: es['protection.consent.services'] })
      .getByLabel('Atención psicológica', { exact: true })
      .check();
    await dialog.getByRole('button', { name: es['action.save'] }).click();
    await expect.poll(() => dialog.textContent(), { timeout: 20_000 }).toContain('menor de 18 años');

    await dialog.getByLabel(es['protection.consent.givenBy']).selectOption('LegalGuardian');
    await dialog.getByLabel(es['minorConsent.representativeName']).fill('Tutora Sintética');
    await dialog.getByLabel(es['minorConsent.relationship']).fill('tía, tutora legal');
    await dialog.getByRole('button', { name: es['action.save'] }).click();
    await expect
      .poll(() => panel.getByTestId('protection-consents').textContent(), { timeout: 20_000 })
      .toContain('Atención psicológica');
    await page.close();
  });
});
