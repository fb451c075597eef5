/**
 * Journey of issue 4: a police case worker, on the case page, records the presumed victim's consent
 * and her need of a shelter, sees the women's shelter among the matches and refers her; the shelter's
 * case worker sees the pending count on the shell, accepts, records a delivered service and completes;
 * the police case worker then sees the referral completed and a notification of it. Synthetic data.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { apiLogin, createProvider, createVictimCase, signedInPage, useBrowserApp } from './fixtures.js';
import { giveConsent, recordDelivery } from './helpers/protection.js';

const SHELTER = 'Albergue Sintético Kuña Róga';

describe('protection: refer a presumed victim from the case page', () => {
  const app = useBrowserApp({ staff: { police: 'case_worker@PNPTU', shelter: 'case_worker@MINMUJER' } });
  let caseId: string;

  beforeAll(async () => {
    await createProvider(await apiLogin(app.server, app.admin), 'MINMUJER', {
      name: SHELTER,
      department: 'PY-11',
      services: [{ serviceType: 'Shelter', departments: ['PY-ASU', 'PY-11'], capacity: 4 }],
      sexes: ['Female'],
      minAge: 18,
    });
    const api = await apiLogin(app.server, app.staff.police);
    const victim = await createVictimCase(api, {
      person: {
        givenNames: 'Ramona Sintética',
        firstSurname: 'Reservado',
        estimatedAge: undefined,
        ageApproximate: undefined,
        dateOfBirth: '1997-02-03',
        languages: ['gn', 'es'],
      },
      case: { detectionMethod: 'PoliceOperation', detectedOn: '2026-05-02' },
    });
    caseId = victim.caseId;
  });

  const status = (page: Page) => page.getByRole('status').first().textContent();

  it('goes from the police case page to a completed referral and back', async () => {
    const { context: policeContext, page: policePage } = await signedInPage(
      app,
      app.staff.police,
      `/cases/${caseId}`,
    );
    const panel = policePage.getByTestId('case-protection');
    await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain(es['protection.noNeeds']);

    // Consent first: the shelter, with the minimal default fields already ticked.
    await giveConsent(policePage, panel, 'Albergue');
    await expect.poll(() => panel.getByTestId('protection-consents').textContent()).toContain('Albergue');

    // The need: a shelter, urgent; the women's shelter is offered.
    await panel.getByRole('button', { name: es['protection.recordNeed'] }).click();
    const needDialog = policePage.getByRole('dialog');
    await needDialog.getByLabel(es['protection.need.service']).selectOption('Shelter');
    await needDialog.getByLabel(es['protection.need.urgency']).selectOption('High');
    await needDialog.getByRole('button', { name: es['action.save'] }).click();
    const needs = panel.getByTestId('protection-needs');
    await expect.poll(() => needs.textContent()).toContain(SHELTER);

    // Refer.
    await needs.getByRole('button', { name: es['protection.refer'] }).click();
    const referDialog = policePage.getByRole('dialog');
    await referDialog.getByRole('button', { name: es['protection.refer'] }).click();
    await expect.poll(() => panel.getByRole('status').first().textContent()).toContain('MINMUJER');
    const referrals = panel.getByTestId('protection-referrals');
    await expect.poll(() => referrals.getByTestId('referral-state').textContent()).toBe('Solicitada');

    // The shelter: the pending count on the shell, then accept, record a service, complete.
    const { context: shelterContext, page: shelterPage } = await signedInPage(
      app,
      app.staff.shelter,
      '/referrals',
    );
    await expect
      .poll(() => shelterPage.getByTestId('nav-referrals-pending').textContent(), { timeout: 20_000 })
      .toContain('1');
    await expect.poll(() => shelterPage.getByTestId('notifications-unread').textContent()).toBe('1');
    await shelterPage.getByTestId('referral-row').first().getByRole('link').click();
    await shelterPage.getByTestId('referral-accept').click();
    await expect.poll(() => status(shelterPage)).toContain(es['referrals.accepted']);
    await recordDelivery(shelterPage, 'Ingreso al albergue y acogida');
    await expect.poll(() => shelterPage.getByTestId('referral-delivery').count()).toBe(1);
    await shelterPage.getByTestId('referral-complete').click();
    await shelterPage
      .getByTestId('referral-dialog')
      .getByRole('button', { name: es['referrals.complete'] })
      .click();
    await expect.poll(() => status(shelterPage)).toContain(es['referrals.completed']);
    expect(await shelterPage.getByTestId('referral-state').textContent()).toBe('Completada');

    // The completed stay gave its place back; the shelter keeps its occupancy up to date.
    await shelterPage.getByRole('link', { name: es['nav.directory'] }).click();
    const card = shelterPage.getByTestId('provider-card').filter({ hasText: SHELTER });
    await expect.poll(() => card.getByTestId('provider-free').textContent()).toContain('4 libres de 4');
    await card.getByTestId('provider-update-capacity').click();
    await shelterPage.getByLabel(es['directory.occupancy']).fill('3');
    await shelterPage.getByTestId('capacity-dialog').getByRole('button', { name: es['action.save'] }).click();
    await expect.poll(() => card.getByTestId('provider-free').textContent()).toContain('1 libre de 4');
    await shelterContext.close();

    // The police see it completed on the case page, and were notified (accepted, completed).
    await policePage.reload();
    await expect
      .poll(() => panel.getByTestId('referral-state').textContent(), { timeout: 20_000 })
      .toBe('Completada');
    await expect.poll(() => policePage.getByTestId('notifications-unread').textContent()).toBe('2');
    await policePage.getByTestId('notifications-button').click();
    const list = policePage.getByTestId('notifications-list');
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await policePage.getByRole('button', { name: es['notifications.markAllRead'] }).click();
    await expect.poll(() => policePage.getByTestId('notifications-unread').count()).toBe(0);
    await policeContext.close();
  });
});
