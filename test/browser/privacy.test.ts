/**
 * Journey (docs/PRIVACY.md), synthetic data only: a MINNA case worker opens a person registered by
 * the police — "not found" for her — in an emergency: the dialog refuses an empty reason, states the
 * time limit, and once opened the person's page shows the emergency banner. The DPO then reviews the
 * use on the privacy dashboard, and puts the case on legal hold by its reference. The police case worker downloads the consent receipt (PDF) from the
 * case page's consent history.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { apiLogin, createVictimCase, recordConsent, signedInPage, useBrowserApp } from './fixtures.js';

describe('privacy: break-glass, its review, the consent receipt', () => {
  const app = useBrowserApp({
    staff: { police: 'case_worker@PNPTU', minna: 'case_worker@MINNA', dpo: 'dpo@MESA' },
  });
  let victim: { personId: string; caseId: string };
  let reference: string;

  beforeAll(async () => {
    const api = await apiLogin(app.server, app.staff.police);
    victim = await createVictimCase(api);
    await recordConsent(api, victim, { services: ['Shelter'], sharedFields: ['givenNames', 'sex', 'age'] });
    reference = (await api.request<{ reference: string }>('GET', `/api/cases/${victim.caseId}`)).reference;
  });

  it('opens a record in an emergency, shows the banner, and the DPO reviews the use', async () => {
    const { context, page } = await signedInPage(app, app.staff.minna, `/persons/${victim.personId}`, {
      viewport: { width: 1366, height: 768 },
      locale: 'es-PY',
    });
    await page.getByTestId('person-not-found').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: es['privacy.bgRequest'] }).click();

    const form = page.getByTestId('break-glass-form');
    expect(await page.getByTestId('break-glass-limit').textContent()).toContain('2 horas');
    // No reason: refused on the field, nothing opened.
    await form.getByRole('button', { name: es['privacy.open'] }).click();
    await expect.poll(() => form.getByRole('alert').first().textContent()).toBeTruthy();
    expect(await page.getByTestId('person-name').count()).toBe(0);

    await page
      .getByLabel(es['privacy.reason'])
      .fill('La persona llegó a nuestra oficina en crisis y necesita atención inmediata');
    await form.getByRole('button', { name: es['privacy.open'] }).click();
    const banner = page.getByTestId('break-glass-banner');
    await banner.waitFor({ timeout: 10_000 });
    expect(await banner.textContent()).toMatch(/quedan 1[12]\d minutos/);
    expect(await page.getByTestId('person-name').textContent()).toContain('Rosa Sintética');
    await context.close();

    const { context: dpoContext, page: dpoPage } = await signedInPage(app, app.staff.dpo, '/privacy', {
      viewport: { width: 1366, height: 768 },
    });
    const uses = dpoPage.getByTestId('privacy-break-glass').getByRole('listitem');
    await expect.poll(() => uses.count(), { timeout: 20_000 }).toBe(1);
    expect(await uses.first().textContent()).toContain(app.staff.minna.username);
    expect(await uses.first().textContent()).toContain('crisis');
    const justified = uses.first().getByRole('button', { name: es['privacy.justified'], exact: true });
    // A verdict needs its note.
    expect(await justified.isDisabled()).toBe(true);
    await uses.first().getByLabel(es['privacy.reviewNote']).fill('Emergencia comprobada con el parte');
    await justified.click();
    await expect
      .poll(() => dpoPage.getByRole('status').first().textContent(), { timeout: 10_000 })
      .toContain(es['privacy.reviewed']);
    await expect.poll(() => uses.count()).toBe(0);
    await dpoPage.getByTestId('break-glass-filter').selectOption('reviewed');
    await expect
      .poll(() => dpoPage.getByTestId('break-glass-review').first().textContent(), { timeout: 10_000 })
      .toContain('Justificado');

    // The page's section links reach the forms below the lists (on a phone they were screens down).
    const contents = dpoPage.getByRole('navigation', { name: es['privacy.contents'] });
    await contents.getByRole('link', { name: es['privacy.holds'] }).click();
    await expect.poll(() => new URL(dpoPage.url()).hash).toBe('#privacy-holds');

    // The DPO puts the case on legal hold by its reference (the DPO does not read cases).
    const holdForm = dpoPage.getByTestId('legal-hold-form');
    const holds = dpoPage.getByTestId('legal-holds').getByRole('listitem');
    await holdForm.getByLabel(es['privacy.caseReference']).fill('2026-37');
    await holdForm.getByLabel(es['privacy.holdReason']).fill('Recurso de apelación pendiente');
    await holdForm.getByRole('button', { name: es['privacy.holdSubmit'] }).click();
    await expect
      .poll(() => holdForm.getByLabel(es['privacy.caseReference']).getAttribute('aria-invalid'))
      .toBe('true');
    expect(await holds.count()).toBe(0);
    await holdForm.getByLabel(es['privacy.caseReference']).fill(reference);
    await holdForm.getByRole('button', { name: es['privacy.holdSubmit'] }).click();
    await expect.poll(() => holds.first().textContent(), { timeout: 10_000 }).toContain(reference);
    await dpoContext.close();
  }, 180_000);

  it('downloads the consent receipt from the case page', async () => {
    const { context, page } = await signedInPage(app, app.staff.police, `/cases/${victim.caseId}`, {
      viewport: { width: 1366, height: 768 },
      acceptDownloads: true,
    });
    const links = page.getByTestId('protection-consents').getByTestId('consent-receipt-links');
    await links.waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      links.getByRole('link').first().click(),
    ]);
    expect(download.suggestedFilename()).toBe('consent-receipt-es.pdf');
    const file = await download.path();
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  }, 120_000);
});
