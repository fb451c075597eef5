/**
 * Journey: persons are registered, the system administrator runs the national linkage batch, and a
 * case worker starts an intake with a misspelled name of a person already recorded by their
 * institution: before anything is saved, the wizard shows the likely match (without the exact
 * duplicate warning, which needs identical names) and lets the worker use it. Synthetic data only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import {
  apiLogin,
  createStaffUser,
  signIn,
  startApp,
  stopApp,
  type BrowserApp,
  type StaffUser,
} from './fixtures.js';
import { phoneContext } from './harness.js';

const GIVEN = ['Arasy', 'Mirta', 'Liz', 'Ramona', 'Celia', 'Nilda', 'Perla', 'Zunilda'];
const SURNAMES = ['Benítez', 'Ocampo', 'Giménez', 'Villalba', 'Cardozo', 'Aquino', 'Duarte'];

describe('likely matches at intake', () => {
  let app: BrowserApp;
  let worker: StaffUser;

  beforeAll(async () => {
    app = await startApp();
    worker = await createStaffUser(app.server, app.admin, {
      username: 'pnptu.linkage1',
      role: 'case_worker',
      institutionCode: 'PNPTU',
    });
    const api = await apiLogin(app.server, worker.username, worker.password);
    for (let i = 0; i < 30; i++) {
      const person = {
        givenNames: GIVEN[i % GIVEN.length],
        firstSurname: SURNAMES[i % SURNAMES.length],
        sex: 'Female',
        dateOfBirth: `19${70 + (i % 30)}-0${1 + (i % 9)}-${10 + (i % 18)}`,
      };
      await api.request('POST', '/api/persons', person);
      if (i % 3 === 0)
        await api.request('POST', '/api/persons', {
          ...person,
          givenNames: `${person.givenNames} María`,
          confirmNotDuplicate: true,
        });
    }
    await api.request('POST', '/api/persons', {
      givenNames: 'Yolanda Mabel',
      firstSurname: 'Insaurralde',
      secondSurname: 'Ñamandú',
      sex: 'Female',
      dateOfBirth: '1991-07-23',
    });
    const admin = await apiLogin(app.server, app.admin.username, app.admin.password, app.admin.totpSecret);
    await admin.request('POST', '/api/linkage/runs');
  }, 120_000);

  afterAll(() => stopApp(app));

  it('shows the likely match of a misspelled name before saving, and uses it', async () => {
    const context = await phoneContext(app.browser);
    const page = await context.newPage();
    await signIn(page, `${app.server.url}/intake`, worker);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe(es['intake.title']);
    await page.getByLabel(es['intake.person.givenNames'], { exact: true }).fill('Yolanda Mavel');
    await page.getByLabel(es['intake.person.firstSurname'], { exact: true }).fill('Insaurralde');
    // The second surname left out: the exact duplicate warning (same names and date) stays silent.
    await page.getByLabel(es['intake.person.dateOfBirth'], { exact: true }).fill('1991-07-23');
    await page.getByRole('button', { name: es['action.next'] }).click();

    const panel = page.getByTestId('likely-matches');
    await expect.poll(() => panel.isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await panel.textContent()).toContain('Yolanda Mabel Insaurralde Ñamandú');
    await panel.getByRole('button', { name: /Yolanda Mabel Insaurralde Ñamandú/ }).click();
    // The case will be about the existing record: the wizard goes on to step 2.
    await expect
      .poll(() => page.getByTestId('intake-step-count').textContent(), { timeout: 20_000 })
      .toBe('Paso 2 de 4');
    await context.close();
  }, 60_000);
});
