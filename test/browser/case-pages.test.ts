/**
 * Journey: a case worker seeds two cases through the API, then on a phone-sized screen finds them in
 * the case list, narrows the list with a filter kept in the address, opens the case page with its
 * timeline and the trafficking event, and follows the link to the person's record.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { apiLogin, signedInPage, useBrowserApp } from './fixtures.js';

interface CaseOut {
  id: string;
  reference: string;
}

describe('case list, case page and person page', () => {
  const app = useBrowserApp({ staff: { worker: 'case_worker@PNPTU' } });
  let central: CaseOut;
  let sanPedro: CaseOut;
  let personId: string;

  beforeAll(async () => {
    const api = await apiLogin(app.server, app.staff.worker);
    // Synthetic person and cases.
    const person = await api.request<{ id: string }>('POST', '/api/persons', {
      givenNames: 'Mirta Sintética',
      firstSurname: 'Prueba',
      sex: 'Female',
      estimatedAge: 17,
      ageApproximate: true,
      languages: ['gn', 'es'],
    });
    personId = person.id;
    central = await api.request<CaseOut>('POST', '/api/cases', {
      detectionMethod: 'Hotline',
      detectedOn: '2026-03-10',
      detectionDepartment: 'PY-11',
      narrative: 'Relato sintético de prueba.',
    });
    sanPedro = await api.request<CaseOut>('POST', '/api/cases', {
      detectionMethod: 'LabourInspection',
      detectedOn: '2026-02-01',
      detectionDepartment: 'PY-2',
    });
    await api.request('POST', `/api/cases/${central.id}/persons`, { personId, role: 'PresumedVictim' });
    await api.request('POST', `/api/cases/${central.id}/events`, {
      personId,
      type: 'Recruitment',
      country: 'PY',
      department: 'PY-11',
      online: true,
      platforms: ['WhatsApp', 'Facebook'],
    });
  });

  it('lists, filters, opens the case with its timeline and the person', async () => {
    const { context, page } = await signedInPage(app, app.staff.worker, '/cases', 'phone');

    // Back on the case list after login: both cases, newest detection first.
    const rows = page.getByTestId('case-row');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(2);
    expect(await page.getByTestId('cases-total').textContent()).toContain('2');
    expect(await rows.nth(0).textContent()).toContain(central.reference);
    expect(await rows.nth(1).textContent()).toContain(sanPedro.reference);

    // The navigation offers the list and a new identification.
    await page.getByRole('button', { name: es['nav.menu'] }).click();
    const navText = await page.getByTestId('nav').textContent();
    expect(navText).toContain(es['nav.cases']);
    expect(navText).toContain(es['nav.intake']);
    await page.getByRole('button', { name: es['nav.menu'] }).click();

    // On a phone the filters fold behind a button; the department filter narrows the list.
    await page.getByRole('button', { name: es['cases.filter.toggle'] }).click();
    await page.getByLabel(es['cases.field.department']).selectOption('PY-2');
    await page.getByTestId('case-filters-apply').click();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(1);
    expect(await rows.nth(0).textContent()).toContain(sanPedro.reference);
    const address = new URL(page.url());
    expect(address.searchParams.get('department')).toBe('PY-2');
    expect(page.url()).not.toContain('Mirta');

    // Going back restores the unfiltered list.
    await page.goBack();
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);

    // The case page: header, person, online event and the timeline of what happened.
    await page.getByRole('link', { name: central.reference }).click();
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 })
      .toContain(central.reference);
    expect(new URL(page.url()).pathname).toBe(`/cases/${central.id}`);
    expect(await page.getByTestId('case-persons').textContent()).toContain('Mirta Sintética Prueba');
    const events = await page.getByTestId('case-events').textContent();
    expect(events).toContain('WhatsApp');
    const timeline = page.getByTestId('case-timeline').locator('li');
    expect(await timeline.count()).toBe(3);
    expect(await timeline.nth(0).textContent()).toContain(
      es['timeline.caseCreated'].replace('{reference}', central.reference),
    );
    expect(await timeline.nth(1).getAttribute('data-kind')).toBe('person_added');
    expect(await timeline.nth(2).getAttribute('data-kind')).toBe('event_added');
    expect(await timeline.nth(2).textContent()).toContain('PNPTU');

    // The status can be changed from the page; the change joins the timeline.
    await page.getByRole('button', { name: es['cases.edit'] }).click();
    await page.getByTestId('case-edit-form').getByLabel(es['cases.field.status']).selectOption('FollowUp');
    await page.getByTestId('case-edit-form').getByRole('button', { name: es['action.save'] }).click();
    await expect.poll(() => timeline.count(), { timeout: 15_000 }).toBe(4);
    expect(await timeline.nth(3).getAttribute('data-kind')).toBe('case_updated');

    // The person's record, by id in the address, shows the name and links back to the case.
    await page.getByTestId('case-persons').getByRole('link', { name: 'Mirta Sintética Prueba' }).click();
    await expect
      .poll(() => page.getByTestId('person-name').textContent(), { timeout: 15_000 })
      .toBe('Mirta Sintética Prueba');
    expect(new URL(page.url()).pathname).toBe(`/persons/${personId}`);
    expect(await page.title()).not.toContain('Mirta');
    expect(await page.getByTestId('person-cases').textContent()).toContain(central.reference);

    // A case that does not exist (or is not shared) is simply not found.
    await page.goto(`${app.server.url}/cases/00000000-0000-4000-8000-000000000000`);
    await expect
      .poll(
        () =>
          page
            .getByTestId('case-not-found')
            .isVisible()
            .catch(() => false),
        { timeout: 15_000 },
      )
      .toBe(true);

    // The page fits a 390 px screen without sideways scrolling.
    await page.goto(`${app.server.url}/cases/${central.id}`);
    await page.getByTestId('case-timeline').waitFor({ timeout: 15_000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
});
