/**
 * Journey: persons are registered, the system administrator runs the national linkage batch, and a
 * case worker starts an intake with a misspelled name of a person already recorded by their
 * institution: before anything is saved, the wizard shows the likely match (without the exact
 * duplicate warning, which needs identical names) and lets the worker use it. A second intake gives
 * only an estimated age and a misspelled surname for a person registered with a full birth date: the
 * warning shows the match with its field-by-field reasons. Synthetic data only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { es } from '../../src/web/i18n/es.js';
import { apiLogin, signedInPage, useBrowserApp } from './fixtures.js';

const GIVEN = ['Arasy', 'Mirta', 'Liz', 'Ramona', 'Celia', 'Nilda', 'Perla', 'Zunilda'];
const SURNAMES = ['Benítez', 'Ocampo', 'Giménez', 'Villalba', 'Cardozo', 'Aquino', 'Duarte'];

describe('likely matches at intake', () => {
  const app = useBrowserApp({ staff: { worker: 'case_worker@PNPTU' } });

  beforeAll(async () => {
    const api = await apiLogin(app.server, app.staff.worker);
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
    // Registered with a full birth date; the intake below knows only an estimated age.
    await api.request('POST', '/api/persons', {
      givenNames: 'Yanina Sofía',
      firstSurname: 'Cáceres',
      secondSurname: 'Duarte',
      sex: 'Female',
      dateOfBirth: `${new Date().getUTCFullYear() - 16}-03-14`,
    });
    const admin = await apiLogin(app.server, app.admin);
    await admin.request('POST', '/api/linkage/runs');
    // Forty registrations and a linkage run: minutes on the shared machine under load.
  }, 300_000);

  /** The intake wizard on a phone, signed in as the worker. */
  async function openIntake() {
    const { context, page } = await signedInPage(app, app.staff.worker, '/intake', 'phone');
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe(es['intake.title']);
    return { context, page };
  }

  /** The likely-match panel that step 1 shows before anything is saved. */
  async function likelyMatches(page: Page) {
    const panel = page.getByTestId('likely-matches');
    await expect.poll(() => panel.isVisible(), { timeout: 20_000 }).toBe(true);
    return panel;
  }

  it('shows the likely match of a misspelled name before saving, and uses it', async () => {
    const { context, page } = await openIntake();
    await page.getByLabel(es['intake.person.givenNames'], { exact: true }).fill('Yolanda Mavel');
    await page.getByLabel(es['intake.person.firstSurname'], { exact: true }).fill('Insaurralde');
    // The second surname left out: the exact duplicate warning (same names and date) stays silent.
    await page.getByLabel(es['intake.person.dateOfBirth'], { exact: true }).fill('1991-07-23');
    await page.getByRole('button', { name: es['action.next'] }).click();

    const panel = await likelyMatches(page);
    expect(await panel.textContent()).toContain('Yolanda Mabel Insaurralde Ñamandú');
    await panel.getByRole('button', { name: /Yolanda Mabel Insaurralde Ñamandú/ }).click();
    // The case will be about the existing record: the wizard goes on to step 2.
    await expect
      .poll(() => page.getByTestId('intake-step-count').textContent(), { timeout: 20_000 })
      .toBe('Paso 2 de 4');
    await context.close();
  }, 60_000);

  it('shows the match of an estimated age and a misspelled surname with its reasons, field by field', async () => {
    const { context, page } = await openIntake();
    await page.getByLabel(es['intake.person.givenNames'], { exact: true }).fill('Yanina Sofia');
    await page.getByLabel(es['intake.person.firstSurname'], { exact: true }).fill('Caseres');
    await page.getByLabel(es['intake.person.secondSurname'], { exact: true }).fill('Duarte');
    await page.getByLabel(es['intake.person.estimatedAge'], { exact: true }).fill('16');
    await page.getByRole('button', { name: es['action.next'] }).click();

    const panel = await likelyMatches(page);
    const match = panel.getByRole('listitem').filter({ hasText: 'Yanina Sofía Cáceres Duarte' });
    expect(await match.count()).toBe(1);
    // One line per comparison: the field, the engine's level in words, and its grade.
    const reasons = (await match.getByTestId('match-reasons').getByRole('listitem').allTextContents()).map(
      (r) => r.replace(/\s+/g, ' ').trim(),
    );
    const reason = (field: string) => reasons.find((r) => r.includes(`${field}:`));
    expect(reason(es['linkage.field.given_names'])).toContain(
      `${es['linkage.level.given_names.exact']} (${es['linkage.grade.agree']})`,
    );
    // "Caseres" and "Cáceres" sound alike: the surnames agree on their phonetic keys.
    expect(reason(es['linkage.field.surnames'])).toContain(
      `${es['linkage.level.surnames.same (any order)']} (${es['linkage.grade.agree']})`,
    );
    expect(reason(es['linkage.field.birth'])).toContain(
      `${es['linkage.level.birth.estimated age within 2 years']} (${es['linkage.grade.close']})`,
    );
    await context.close();
  }, 60_000);
});
