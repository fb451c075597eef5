/**
 * Journey: the police refer a woman (synthetic) to a MINMUJER shelter through the API; a shelter
 * case worker, on a phone-sized screen, finds the referral in the inbox, opens it, sees only the
 * shared fields, accepts it and records a service delivered.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import {
  apiLogin,
  createProvider,
  createVictimCase,
  recordConsent,
  signedInPage,
  useBrowserApp,
} from './fixtures.js';
import { recordDelivery } from './helpers/protection.js';

describe('referral inbox and referral page', () => {
  const app = useBrowserApp({ staff: { police: 'case_worker@PNPTU', shelter: 'case_worker@MINMUJER' } });
  let referralId: string;

  beforeAll(async () => {
    const provider = await createProvider(await apiLogin(app.server, app.admin), 'MINMUJER', {
      name: 'Albergue Sintético de Prueba',
      department: 'PY-ASU',
      services: [{ serviceType: 'Shelter', departments: ['PY-ASU'], capacity: 5 }],
      sexes: ['Female'],
    });
    const api = await apiLogin(app.server, app.staff.police);
    const victim = await createVictimCase(api, { person: { languages: ['gn', 'es'] } });
    await recordConsent(api, victim, {
      services: ['Shelter'],
      sharedFields: ['givenNames', 'sex', 'age', 'languages', 'interpreterNeeded', 'need'],
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

  it('lets the shelter accept the referral and record a delivery', async () => {
    const { context, page } = await signedInPage(app, app.staff.shelter, '/referrals', 'phone');

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

    await recordDelivery(page, 'Ingreso al albergue, una noche');
    const deliveries = page.getByTestId('referral-delivery');
    await expect.poll(() => deliveries.count(), { timeout: 10_000 }).toBe(1);
    expect(await deliveries.first().textContent()).toContain('Ingreso al albergue');
    await context.close();
  });
});
