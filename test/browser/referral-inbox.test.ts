/**
 * Journey: the police refer a woman (synthetic) to a MINMUJER shelter through the API; a shelter
 * case worker, on a phone-sized screen, finds the referral in the inbox, opens it, sees only the
 * shared fields, accepts it and records a service delivered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import {
  apiLogin,
  createStaffUser,
  signIn,
  createVictimCase,
  startApp,
  stopApp,
  type BrowserApp,
  type StaffUser,
} from './fixtures.js';
import { phoneContext } from './harness.js';

describe('referral inbox and referral page', () => {
  let app: BrowserApp;
  let shelter: StaffUser;
  let referralId: string;

  beforeAll(async () => {
    app = await startApp();
    const admin = await apiLogin(app.server, app.admin.username, app.admin.password, app.admin.totpSecret);
    const { items } = await admin.request<{ items: { id: string; code: string }[] }>(
      'GET',
      '/api/institutions',
    );
    const minmujer = items.find((item) => item.code === 'MINMUJER');
    if (!minmujer) throw new Error('no MINMUJER');
    const provider = await admin.request<{ id: string }>('POST', '/api/service-providers', {
      institutionId: minmujer.id,
      name: 'Albergue Sintético de Prueba',
      department: 'PY-ASU',
      services: [{ serviceType: 'Shelter', departments: ['PY-ASU'], capacity: 5 }],
      sexes: ['Female'],
    });

    const police = await createStaffUser(app.server, app.admin, {
      username: 'pnptu.deriva1',
      role: 'case_worker',
      institutionCode: 'PNPTU',
    });
    shelter = await createStaffUser(app.server, app.admin, {
      username: 'minmujer.albergue1',
      role: 'case_worker',
      institutionCode: 'MINMUJER',
    });
    const api = await apiLogin(app.server, police.username, police.password);
    const victim = await createVictimCase(api, { person: { languages: ['gn', 'es'] } });
    await api.request('POST', `/api/cases/${victim.caseId}/consents`, {
      kind: 'consent',
      personId: victim.personId,
      services: ['Shelter'],
      sharedFields: ['givenNames', 'sex', 'age', 'languages', 'interpreterNeeded', 'need'],
      givenOn: '2026-03-10',
      method: 'Written',
      givenBy: 'Person',
    });
    const need = await api.request<{ id: string }>('POST', `/api/cases/${victim.caseId}/needs`, {
      personId: victim.personId,
      serviceType: 'Shelter',
      urgency: 'High',
    });
    const referral = await api.request<{ id: string }>('POST', '/api/referrals', {
      caseId: victim.caseId,
      needId: need.id,
      providerId: provider.id,
    });
    referralId = referral.id;
  });

  afterAll(() => stopApp(app));

  it('lets the shelter accept the referral and record a delivery', async () => {
    const context = await phoneContext(app.browser);
    const page = await context.newPage();
    await signIn(page, `${app.server.url}/referrals`, shelter);

    // The inbox: one incoming referral, requested.
    const rows = page.getByTestId('referral-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(1);
    expect(await rows.first().textContent()).toContain('PNPTU');
    expect(await page.getByTestId('referral-counts').textContent()).toContain('Solicitada');

    // The referral page: the shared fields only (no surname was shared).
    await rows.first().getByRole('link').click();
    await page.waitForURL(`**/referrals/${referralId}`);
    const person = page.getByTestId('shared-person');
    await expect.poll(() => person.textContent(), { timeout: 10_000 }).toContain('Rosa Sintética');
    expect(await person.textContent()).not.toContain('Apellidoreservado');

    await page.getByTestId('referral-accept').click();
    await expect
      .poll(() => page.getByRole('status').first().textContent(), { timeout: 10_000 })
      .toContain(es['referrals.accepted']);
    expect(await page.getByTestId('referral-state').textContent()).toBe('Aceptada');

    await page.getByTestId('referral-record-delivery').click();
    await page.getByLabel(es['referrals.deliveryWhat']).fill('Ingreso al albergue, una noche');
    await page
      .getByTestId('referral-dialog')
      .getByRole('button', { name: es['referrals.recordDelivery'] })
      .click();
    const deliveries = page.getByTestId('referral-delivery');
    await expect.poll(() => deliveries.count(), { timeout: 10_000 }).toBe(1);
    expect(await deliveries.first().textContent()).toContain('Ingreso al albergue');
    await context.close();
  });
});
