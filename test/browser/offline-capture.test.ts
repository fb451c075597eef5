/**
 * Offline field capture, end to end (docs/OFFLINE.md): a case worker registers the device with a
 * PIN, the network is cut (the browser's offline mode), the app reloads and starts from its worker,
 * two intakes (person, screening, an ICT event) and an edit of a kept case are captured while a
 * colleague edits the same case online. Back online: each intake exists exactly once for the
 * colleague, the conflict is shown field by field and resolved. The kept case is found by the
 * offline search and read from the device. IndexedDB holds none of what was typed or kept. A note
 * on the kept case is read and another written offline, sent once. A revocation from another
 * browser wipes the device at its next contact; five wrong PINs
 * wipe it with no network. Synthetic data only.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { apiLogin, createVictimCase, signedInPage, useBrowserApp, waitForServiceWorker } from './fixtures.js';

const PIN = '482915';
const INTAKES = [
  {
    givenNames: 'Marisol Offlineuno',
    firstSurname: 'Ayalaprueba',
    document: '7318842',
    narrative: 'Relato reservado alfa',
  },
  {
    givenNames: 'Celeste Offlinedos',
    firstSurname: 'Benitezprueba',
    document: '6620417',
    narrative: 'Relato reservado beta',
    // A 16-year-old: her own consent is refused on the device; her aunt's is accepted.
    child: { age: '16', guardian: 'Ramona Tutoraprueba' },
  },
];
const OFFLINE_PLACE = 'Puesto km 9 sin señal';
// Notes: one kept with the case, one whose label keeps it off devices, one written offline.
const KEPT_NOTE = 'Nota guardada: visita al albergue coordinada';
const TESTIMONY_NOTE = 'Nota de relato reservada gamma';
const OFFLINE_NOTE = 'Nota escrita sin señal en el puesto';

/** Every byte the offline database holds, as text (strings as they are, binary as Latin-1). */
function dumpIndexedDb(page: Page): Promise<{ text: string; vaults: number; sealed: number }> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('nanduti-offline');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const parts: string[] = [];
    const walk = (value: unknown): void => {
      if (typeof value === 'string') parts.push(value);
      else if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) {
        const bytes = value instanceof ArrayBuffer ? new Uint8Array(value) : new Uint8Array(value.buffer);
        parts.push(new TextDecoder('latin1').decode(bytes), new TextDecoder().decode(bytes));
      } else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    };
    const counts: Record<string, number> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      counts[name] = rows.length;
      rows.forEach(walk);
    }
    db.close();
    return { text: parts.join('\n'), vaults: counts.vaults ?? 0, sealed: counts.sealed ?? 0 };
  });
}

async function fillIntake(page: Page, intake: (typeof INTAKES)[number]) {
  const form = page.getByTestId('offline-intake');
  await form.getByLabel(es['intake.person.givenNames']).fill(intake.givenNames);
  await form.getByLabel(es['intake.person.firstSurname']).fill(intake.firstSurname);
  await form.getByLabel(es['intake.person.sex']).selectOption('Female');
  await form.getByLabel(es['intake.person.documentType']).selectOption('CedulaPY');
  await form.getByLabel(es['intake.person.documentNumber']).fill(intake.document);
  await form.getByLabel(es['intake.case.detectionMethod']).selectOption('LabourInspection');
  await form.getByLabel(es['intake.case.narrative']).fill(intake.narrative);
  // Act, means and purpose: the first indicator of each answered "yes".
  for (const section of ['act', 'means', 'purpose'])
    await form.locator(`.screening-section--${section} input[value="yes"]`).first().check();
  await form.getByLabel(es['offline.intake.eventType']).selectOption('Recruitment');
  await form.getByLabel(es['offline.intake.online']).check();
  await form.locator('input[name="events.0.platforms"][value="Facebook"]').check();
  const child = 'child' in intake ? intake.child : undefined;
  if (child) {
    await form.getByLabel(es['intake.person.estimatedAge']).fill(child.age);
    await form.getByLabel(es['offline.intake.consentNow']).check();
    const consent = form.getByTestId('offline-consent');
    await consent.locator('input[value="Shelter"]').check();
    await consent.getByText(es['offline.intake.minorNotice']).waitFor();
    // Her own consent: refused before anything is queued.
    await form.getByRole('button', { name: es['offline.intake.save'] }).click();
    await consent.getByText(es['offline.intake.minorConsent']).waitFor();
    await consent.getByLabel(es['protection.consent.givenBy']).selectOption('LegalGuardian');
    await consent.getByLabel(es['minorConsent.representativeName']).fill(child.guardian);
    await consent.getByLabel(es['minorConsent.relationship']).fill('tía');
  }
  await form.getByRole('button', { name: es['offline.intake.save'] }).click();
  await page.getByText(es['offline.intake.saved']).waitFor();
}

async function goOfflineAndReload(page: Page) {
  await waitForServiceWorker(page);
  await page.context().setOffline(true);
  await page.reload();
  await page.getByTestId('offline-start').waitFor({ timeout: 60_000 });
}

async function enterPin(page: Page, pin: string) {
  const form = page.getByTestId('offline-unlock').first();
  await form.getByLabel(es['offline.unlock.pin']).fill(pin);
  await form.getByRole('button', { name: es['offline.unlock.submit'] }).click();
}

describe('offline capture', () => {
  const app = useBrowserApp({ staff: { worker: 'case_worker@PNPTU', colleague: 'supervisor@PNPTU' } });

  it('captures offline, syncs once, resolves the conflict, leaves no clear text, and wipes', async () => {
    const { server } = app;
    const { worker, colleague } = app.staff;
    const colleagueApi = await apiLogin(server, colleague);
    const { caseId } = await createVictimCase(colleagueApi, { case: { detectionPlace: 'Puesto km 3' } });
    const casesBefore = (await colleagueApi.request<{ total: number }>('GET', '/api/cases')).total;
    await colleagueApi.request('POST', `/api/cases/${caseId}/notes`, { text: KEPT_NOTE });
    await colleagueApi.request('POST', `/api/cases/${caseId}/notes`, {
      text: TESTIMONY_NOTE,
      sensitivity: 'testimony',
    });

    const { context, page } = await signedInPage(app, worker, '/offline', { locale: 'es-PY' });
    const register = page.getByTestId('device-register');
    await register.getByLabel(es['offline.register.name']).fill('Tableta de la unidad de Encarnación');
    await register.getByLabel(es['offline.register.pin'], { exact: true }).fill(PIN);
    await register.getByLabel(es['offline.register.pinAgain']).fill(PIN);
    await register.getByRole('button', { name: es['offline.register.submit'] }).click();
    await page.getByRole('button', { name: es['offline.tab.intake'] }).waitFor({ timeout: 30_000 });

    // Keep the colleague's case for offline work: signed in and online, no PIN is asked (the
    // device key opens the vault).
    await page.goto(`${server.url}/cases/${caseId}`);
    await page.getByRole('button', { name: es['offline.cases.keep'] }).click();
    await page.getByText(es['offline.cases.kept']).waitFor();
    expect(await page.getByTestId('offline-unlock').count()).toBe(0);
    await page.goto(`${server.url}/offline`);
    await page.getByTestId('offline-queue').waitFor();

    // No network: the app starts from its worker and the PIN opens the vault.
    await goOfflineAndReload(page);
    await enterPin(page, PIN);
    await page.getByRole('button', { name: es['offline.tab.intake'] }).click();
    for (const intake of INTAKES) await fillIntake(page, intake);
    await page.getByRole('button', { name: es['offline.tab.cases'] }).click();
    // Search the kept cases (in memory, after the PIN) and read the one found, with no network.
    const search = page.getByTestId('kept-search').getByLabel(es['offline.search.label']);
    await search.fill('Nadieprueba');
    await expect.poll(() => page.getByTestId('kept-case').count()).toBe(0);
    await search.fill('rosa sintetica');
    await expect.poll(() => page.getByTestId('kept-case').count()).toBe(1);
    await page.getByTestId('kept-case').getByRole('button').click();
    const keptPage = page.getByTestId('kept-case-page');
    await keptPage.getByTestId('case-persons').getByText('Rosa Sintética', { exact: false }).waitFor();
    await keptPage.getByText(es['offline.cases.notOnDevice']).waitFor();
    expect(await keptPage.getByText('Relato sintético', { exact: false }).count()).toBe(0);
    await page.getByRole('button', { name: es['offline.cases.edit'] }).click();
    await page.getByTestId('kept-case-edit').getByLabel(es['cases.field.place']).fill(OFFLINE_PLACE);
    await page.getByRole('button', { name: es['offline.cases.saveEdit'] }).click();
    await page.getByText(es['offline.cases.editSaved']).waitFor();
    // A trafficking event on the kept case, with its ICT platform.
    await page.getByRole('button', { name: es['offline.cases.addEvent'] }).click();
    const event = page.getByTestId('kept-case-event');
    await event.getByLabel(es['cases.event.type']).selectOption('Exploitation');
    await event.getByLabel(es['cases.event.onlineQuestion']).check();
    await event.locator('input[value="WhatsApp"]').check();
    await event.getByRole('button', { name: es['offline.cases.saveEdit'] }).click();
    await page.getByText(es['offline.cases.eventSaved']).waitFor();
    // The kept case's working note is readable offline (not the testimony); a new note is queued.
    const notes = page.getByTestId('kept-case-notes');
    await notes.getByTestId('kept-note').getByText(KEPT_NOTE).waitFor();
    expect(await notes.getByText(TESTIMONY_NOTE).count()).toBe(0);
    await notes.getByRole('button', { name: es['offline.cases.addNote'] }).click();
    await notes.getByLabel(es['notes.text']).fill(OFFLINE_NOTE);
    await notes.getByRole('button', { name: es['offline.cases.saveEdit'] }).click();
    await notes.getByText(es['offline.cases.noteSaved']).waitFor();
    await notes.getByTestId('pending-note').getByText(es['notes.pending']).waitFor();
    await page.getByRole('button', { name: es['offline.tab.queue'] }).click();
    await expect.poll(() => page.getByTestId('queued-write').count()).toBe(5);

    // Nothing typed is readable in IndexedDB.
    const raw = await dumpIndexedDb(page);
    expect(raw.sealed).toBeGreaterThanOrEqual(5);
    for (const secret of [
      ...INTAKES.flatMap((i) => [i.givenNames, i.firstSurname, i.document, i.narrative]),
      'Ayalaprueba',
      'Ramona Tutoraprueba',
      OFFLINE_PLACE,
      KEPT_NOTE,
      TESTIMONY_NOTE,
      OFFLINE_NOTE,
      'Rosa Sintética',
      'Apellidoreservado',
      'Relato sintético',
      'Puesto km 3',
      PIN,
    ])
      expect(raw.text).not.toContain(secret);

    // Meanwhile a colleague changes the same field online.
    await colleagueApi.request('PATCH', `/api/cases/${caseId}`, { detectionPlace: 'Puesto km 5 en línea' });

    // Back online: the queue goes; the conflict waits for the worker.
    await context.setOffline(false);
    await page.getByRole('button', { name: es['offline.reconnect'] }).click();
    await page.getByTestId('conflict-open').click({ timeout: 60_000 });
    const conflict = page.getByTestId('offline-conflict');
    await conflict.getByText('Puesto km 5 en línea').waitFor();
    await conflict.getByText(OFFLINE_PLACE).waitFor();
    await conflict.getByTestId('conflict-resolve').click();
    await page.getByText(es['offline.queue.empty']).waitFor({ timeout: 60_000 });

    const after = await colleagueApi.request<{ detectionPlace: string; version: number }>(
      'GET',
      `/api/cases/${caseId}`,
    );
    expect(after.detectionPlace).toBe(OFFLINE_PLACE);
    const events = (
      await colleagueApi.request<{ events: Array<{ type: string; platforms: string[] }> }>(
        'GET',
        `/api/cases/${caseId}`,
      )
    ).events;
    expect(events).toContainEqual(expect.objectContaining({ type: 'Exploitation', platforms: ['WhatsApp'] }));
    expect((await colleagueApi.request<{ total: number }>('GET', '/api/cases')).total).toBe(casesBefore + 2);
    // The offline note exists once, with when and on which device it was written.
    const synced = (
      await colleagueApi.request<{
        items: Array<{ text: string; madeOfflineAt: string | null; deviceId: string | null }>;
      }>('GET', `/api/cases/${caseId}/notes`)
    ).items.filter((n) => n.text === OFFLINE_NOTE);
    expect(synced).toHaveLength(1);
    expect(synced[0]!.madeOfflineAt).not.toBeNull();
    expect(synced[0]!.deviceId).not.toBeNull();
    for (const intake of INTAKES) {
      const found = await colleagueApi.request<{ items: unknown[] }>('POST', '/api/persons/search', {
        q: intake.givenNames,
      });
      expect(found.items).toHaveLength(1);
    }

    // Revoked from another signed-in browser: the next contact wipes the device.
    const { items } = await colleagueApi.request<{ items: Array<{ id: string; name: string }> }>(
      'GET',
      '/api/devices?scope=institution',
    );
    const device = items.find((d) => d.name === 'Tableta de la unidad de Encarnación')!;
    await colleagueApi.request('POST', `/api/devices/${device.id}/revocation`);
    await page.getByRole('link', { name: es['nav.cases'] }).first().click();
    await expect.poll(async () => (await dumpIndexedDb(page)).vaults, { timeout: 30_000 }).toBe(0);
    expect((await dumpIndexedDb(page)).sealed).toBe(0);

    // Registered again; five wrong PINs with no network wipe it.
    await page.goto(`${server.url}/offline`);
    await register.getByLabel(es['offline.register.name']).fill('Tableta de la unidad (nueva)');
    await register.getByLabel(es['offline.register.pin'], { exact: true }).fill(PIN);
    await register.getByLabel(es['offline.register.pinAgain']).fill(PIN);
    await register.getByRole('button', { name: es['offline.register.submit'] }).click();
    await page.getByRole('button', { name: es['offline.tab.intake'] }).waitFor({ timeout: 30_000 });
    await goOfflineAndReload(page);
    for (let attempt = 0; attempt < 5; attempt++) {
      await enterPin(page, '000000');
      // The count of attempts left, in the prompt's alert, before the next try.
      if (attempt < 4)
        await page
          .getByTestId('offline-unlock')
          .getByRole('alert')
          .getByText(String(4 - attempt))
          .waitFor();
    }
    await page.getByTestId('offline-wiped').waitFor({ timeout: 30_000 });
    const wiped = await dumpIndexedDb(page);
    expect([wiped.vaults, wiped.sealed]).toEqual([0, 0]);
    await context.close();
  });
});
