/**
 * Journey: an analyst imports a small CTDC file on the data-exchange page and reads its counts; a
 * head of unit downloads the CTDC 2024 export of their institution's cases. Synthetic data only.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { apiLogin, createVictimCase, signedInPage, useBrowserApp } from './fixtures.js';

const CTDC =
  'yearOfRegistration,gender,ageBroad,citizenship,isForcedLabour,isSexualExploit,CountryOfExploitation\n' +
  '2016,Female,18--20,PY,0,1,AR\n2016,Female,9--17,PY,0,1,AR\n2017,Male,-99,BR,1,0,-99\n';

describe('data exchange page', () => {
  const app = useBrowserApp({
    // One record: the export's row layout is checked at k = 1 (k = 11 in exchange-k-anonymity.test.ts).
    env: { NANDUTI_EXPORT_K: '1' },
    staff: { analyst: 'analyst@MESA', supervisor: 'supervisor@PNPTU' },
  });

  beforeAll(async () => {
    await createVictimCase(await apiLogin(app.server, app.staff.supervisor));
  });

  it('imports a CTDC file and shows its counts', async () => {
    const { context, page } = await signedInPage(app, app.staff.analyst, '/exchange', { locale: 'es-PY' });
    await page.getByLabel(es['exchange.import.label']).fill('Prueba CTDC');
    await page
      .getByLabel(es['exchange.import.file'])
      .setInputFiles({ name: 'ctdc.csv', mimeType: 'text/csv', buffer: Buffer.from(CTDC) });
    await page.getByRole('button', { name: es['exchange.import.submit'] }).click();
    const total = page.getByTestId('ctdc-total');
    await expect.poll(() => total.textContent(), { timeout: 20_000 }).toContain('3');
    const gender = await page.getByTestId('ctdc-byGender').textContent();
    expect(gender).toContain('Mujer');
    expect(gender).toContain('Hombre');
    // The list of imports reloads after the import; wait for it rather than read it at once.
    await expect
      .poll(() => page.getByTestId('exchange-imports').textContent(), { timeout: 20_000 })
      .toContain('Prueba CTDC');
    // An analyst has no case scope: no export buttons.
    expect(await page.getByTestId('exchange-export').count()).toBe(0);
    await context.close();
  });

  it('downloads a pseudonymised CTDC 2024 export', async () => {
    const { context, page } = await signedInPage(app, app.staff.supervisor, '/exchange', {
      locale: 'es-PY',
      acceptDownloads: true,
    });
    const button = page.getByRole('button', { name: es['exchange.export.ctdc2024'] });
    await button.waitFor({ timeout: 20_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^nanduti-ctdc-synthetic2024-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    const [header, row] = text.split('\r\n');
    expect(header).toMatch(/^personPseudonymousId,yearOfRegistration,gender,ageBroad,citizenship,/);
    expect(row).toMatch(/^[A-Za-z0-9_-]{22},2026,Woman,30--38,/);
    expect(text).not.toContain('Rosa');
    await context.close();
  });
});
