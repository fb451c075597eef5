/**
 * Journey: the police share a case (synthetic) with the prosecutor's unit; a prosecutor opens an
 * investigation from the case page, adds a suspect, charges them under Law 4788/2012, takes them
 * through imputación, acusación, juicio oral and sentencia, and records a conviction with a
 * 96-month sentence. The server's record is then checked through the API.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { apiLogin, institutionId, signedInPage, useBrowserApp, type ApiClient } from './fixtures.js';

interface Suspect {
  charges: { provisionCode: string }[];
  stages: { stage: string }[];
  outcome: { outcome: string; sentenceMonths: number | null } | null;
}

describe('a prosecutor takes a case to a conviction', () => {
  const app = useBrowserApp({ staff: { police: 'case_worker@PNPTU', prosecutor: 'prosecutor@MP-UFETESI' } });
  let prosecutorApi: ApiClient;
  let caseId: string;
  let provisionId: string;

  beforeAll(async () => {
    const policeApi = await apiLogin(app.server, app.staff.police);
    const kase = await policeApi.request<{ id: string }>('POST', '/api/cases', {
      detectionMethod: 'PoliceOperation',
      detectedOn: '2026-03-10',
      detectionDepartment: 'PY-10',
      narrative: 'Relato sintético de prueba.',
    });
    caseId = kase.id;
    await policeApi.request('POST', `/api/cases/${caseId}/shares`, {
      institutionId: await institutionId(policeApi, 'MP-UFETESI'),
      reason: 'Para la investigación fiscal',
    });
    prosecutorApi = await apiLogin(app.server, app.staff.prosecutor);
    const provisions = await prosecutorApi.request<{ items: { id: string; code: string }[] }>(
      'GET',
      '/api/legal-provisions',
    );
    provisionId = provisions.items.find((p) => p.code === 'L4788-5')!.id;
  });

  it('opens the investigation from the case and records a 96-month conviction', async () => {
    const { context, page } = await signedInPage(app, app.staff.prosecutor, `/cases/${caseId}`, {
      viewport: { width: 1280, height: 900 },
      locale: 'es-PY',
    });

    // From the case page to the new-investigation form, with the case preselected.
    await page.getByTestId('case-open-investigation').click();
    const form = page.getByTestId('investigation-form');
    await form.getByLabel(es['prosecution.field.reference']).fill('UFETESI 501/2026');
    await expect.poll(() => form.getByLabel(es['prosecution.field.case']).inputValue()).toBe(caseId);
    await form.getByLabel('WhatsApp').check();
    await form.getByLabel(es['prosecution.field.department']).selectOption('PY-11');
    await form.getByRole('button', { name: es['prosecution.open'] }).click();
    await page.waitForURL(/\/investigations\/[0-9a-f-]{36}$/, { timeout: 10_000 });
    const investigationId = page.url().split('/').pop()!;
    await expect
      .poll(() => page.getByTestId('investigation-cases').textContent(), { timeout: 10_000 })
      .toMatch(/PY-2026-/);
    expect(await page.getByTestId('investigation-summary').textContent()).toContain('WhatsApp');
    // The department by its name, not its ISO code.
    expect(await page.getByTestId('investigation-summary').textContent()).toContain('Central');
    expect(await page.getByTestId('investigation-summary').textContent()).not.toContain('PY-11');

    // A suspect.
    await page.getByTestId('suspect-add').click();
    const suspectForm = page.getByTestId('suspect-form');
    await suspectForm.getByLabel(es['prosecution.field.givenNames']).fill('Ramón Sintético');
    await suspectForm.getByLabel(es['prosecution.field.surnames']).fill('Benítez');
    await suspectForm.getByLabel(es['prosecution.field.sex']).selectOption('Male');
    await suspectForm.getByRole('button', { name: es['prosecution.addSuspect'] }).click();
    const defendant = page.getByTestId('defendant');
    await expect.poll(() => defendant.count(), { timeout: 10_000 }).toBe(1);

    // The charge under Law 4788/2012.
    await defendant.getByTestId('charge-add').click();
    const chargeForm = page.getByTestId('charge-form');
    await chargeForm.getByLabel(es['prosecution.field.provision']).selectOption(provisionId);
    await chargeForm.getByRole('button', { name: es['prosecution.recordCharge'] }).click();
    await expect
      .poll(() => defendant.getByTestId('defendant-charges').textContent(), { timeout: 10_000 })
      .toContain('Ley 4788/2012');

    // The stages, each offered by the server as the next one.
    for (const [count, stage] of ['imputacion', 'acusacion', 'juicio_oral', 'sentencia'].entries()) {
      await defendant.getByTestId('stage-add').click();
      const stageForm = page.getByTestId('stage-form');
      expect(await stageForm.getByLabel(es['prosecution.field.stage']).inputValue()).toBe(stage);
      await stageForm.getByRole('button', { name: es['prosecution.recordStage'] }).click();
      await expect
        .poll(() => defendant.getByTestId('stage-label').count(), { timeout: 10_000 })
        .toBe(count + 1);
    }

    // The conviction: 96 months.
    await defendant.getByTestId('outcome-add').click();
    const outcomeForm = page.getByTestId('outcome-form');
    expect(await outcomeForm.getByLabel(es['prosecution.field.outcome']).inputValue()).toBe('convicted');
    await outcomeForm.getByLabel(es['prosecution.field.sentenceMonths']).fill('96');
    await outcomeForm.getByRole('button', { name: es['prosecution.recordOutcome'] }).click();
    await expect
      .poll(() => defendant.getByTestId('defendant-outcome').textContent(), { timeout: 10_000 })
      .toContain('96 meses de pena');
    expect(await defendant.getByTestId('defendant-outcome').textContent()).toContain(
      es['prosecution.outcome.convicted'],
    );
    expect(await defendant.getByTestId('outcome-add').count()).toBe(0);

    // The record on the server.
    const view = await prosecutorApi.request<{ suspects: Suspect[] }>(
      'GET',
      `/api/investigations/${investigationId}`,
    );
    expect(view.suspects[0]!.charges.map((c) => c.provisionCode)).toEqual(['L4788-5']);
    expect(view.suspects[0]!.stages.map((s) => s.stage)).toEqual([
      'imputacion',
      'acusacion',
      'juicio_oral',
      'sentencia',
    ]);
    expect(view.suspects[0]!.outcome).toMatchObject({ outcome: 'convicted', sentenceMonths: 96 });

    // The work list shows it at its furthest stage.
    await page.goto(`${app.server.url}/investigations`);
    const row = page.getByTestId('investigation-row');
    await expect.poll(() => row.first().textContent(), { timeout: 10_000 }).toContain('UFETESI 501/2026');
    expect(await row.first().textContent()).toContain(es['prosecution.stage.sentencia']);
    await context.close();
  });
});
