/**
 * Journey: a MINMUJER case worker records a regional workshop, enters its participants in bulk in
 * the institution × sex grid and sees the totals (on the event and in the list); then records a
 * hotline contact, reads it back and opens a case from it, which links to the new case.
 */
import { describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { signedInPage, useBrowserApp } from './fixtures.js';

describe('prevention: trainings and the hotline', () => {
  const app = useBrowserApp({ staff: { worker: 'case_worker@MINMUJER' } });

  it('records a training with its participants in bulk, then a hotline contact that opens a case', async () => {
    const { context, page } = await signedInPage(app, app.staff.worker, '/prevention/trainings', {
      locale: 'es-PY',
    });

    await page.getByRole('button', { name: es['trainings.new'] }).click();
    const dialog = page.getByTestId('training-dialog');
    await dialog.getByLabel(es['trainings.titleField']).fill('Taller regional de Encarnación');
    await dialog.getByLabel(es['trainings.kind']).selectOption('Workshop');
    await dialog.getByLabel(es['trainings.heldOn'], { exact: true }).fill('2026-05-12');
    await dialog.getByLabel(es['prevention.department']).selectOption('PY-7');
    await dialog.getByLabel('Identificación de víctimas').check();
    await dialog.getByLabel('PNPTU', { exact: true }).check();
    await dialog.getByRole('button', { name: es['action.save'] }).click();
    await page.waitForURL(/\/prevention\/trainings\/[0-9a-f-]{36}$/);

    // The grid: one row per institution and one for "other", a column per sex.
    await page.getByLabel('MINMUJER — Mujeres').fill('14');
    await page.getByLabel('MINMUJER — Hombres').fill('3');
    await page.getByLabel('PNPTU — Hombres').fill('20');
    await page.getByLabel(`${es['prevention.other']} — Otro o sin dato`).fill('2');
    await page.getByTestId('save-participants').click();
    const totals = page.getByTestId('training-totals');
    await expect
      .poll(() => totals.textContent(), { timeout: 10_000 })
      .toBe('Total: 39 participantes (14 mujeres, 23 hombres, 2 otros o sin dato).');
    // Read back from the server after a reload: the grid was stored, not just drawn.
    await page.reload();
    await expect.poll(() => page.getByLabel('PNPTU — Hombres').inputValue(), { timeout: 10_000 }).toBe('20');

    await page.goto(`${app.server.url}/prevention/trainings`);
    await expect
      .poll(() => page.getByTestId('trainings-total').textContent(), { timeout: 10_000 })
      .toContain('1 evento, 39 participantes');

    // The hotline: record a contact, read what was reported, open a case from it.
    await page.goto(`${app.server.url}/prevention/hotline`);
    await page.getByRole('button', { name: es['hotline.new'] }).click();
    const contact = page.getByTestId('hotline-dialog');
    await contact.getByLabel(es['hotline.receivedOn']).fill('2026-06-02');
    await contact.getByLabel(es['hotline.channel']).selectOption('WhatsApp');
    await contact.getByLabel(es['prevention.department']).selectOption('PY-7');
    await contact.getByLabel(es['hotline.childInvolved']).check();
    await contact
      .getByLabel(es['hotline.summary'])
      .fill('Mensaje sintético: oferta de empleo sospechosa en Encarnación');
    await contact.getByRole('button', { name: es['action.save'] }).click();
    await page.waitForURL(/\/prevention\/hotline\/[0-9a-f-]{36}$/);
    await expect
      .poll(() => page.getByTestId('hotline-summary').textContent(), { timeout: 10_000 })
      .toContain('oferta de empleo sospechosa');
    expect(await page.getByTestId('hotline-case').textContent()).toBe(es['hotline.noCase']);

    await page.getByTestId('open-case').click();
    const caseLink = page.getByTestId('hotline-case').getByRole('link');
    await expect.poll(() => caseLink.textContent(), { timeout: 10_000 }).toMatch(/PY-2026-\d{6}/);
    expect(await page.getByTestId('open-case').count()).toBe(0);
    await caseLink.click();
    await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
    await context.close();
  });
});
