/**
 * Journey: a case worker of the anti-trafficking police, on a phone, records a new identification
 * with the wizard: the person (warned of a possible duplicate, confirmed as someone else), the
 * case, the screening interview (act, means and purpose answered yes → presumed victim) and the
 * decision "victim of trafficking". Only the confirmation writes (the whole intake at once); it
 * shows the case reference, and the case read back through the API holds the person, the
 * screening and the decision. Only synthetic data.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { es } from '../../src/web/i18n/es.js';
import { apiLogin, signIn, useBrowserApp } from './fixtures.js';
import { phoneContext } from './harness.js';

interface Instrument {
  definition: {
    sections: { kind: string; title: { es: string }; questions: { id: string; text: { es: string } }[] }[];
  };
}
interface CaseOut {
  id: string;
  reference: string;
  persons: { personId: string; role: string; fullName: string }[];
  screenings: { assessment: string; act: boolean; means: boolean; purpose: boolean; child: string }[];
  decisions: { status: string; decisionOrgType: string; screeningId: string | null }[];
}

const GIVEN_NAMES = 'Rosalía Sintética';
const SURNAME = 'Prueba';
const BIRTH_DATE = '2001-05-04';

describe('intake wizard on a phone', () => {
  const app = useBrowserApp({ staff: { worker: 'case_worker@PNPTU' } });

  beforeAll(async () => {
    // Someone already recorded with the same names and date of birth: the wizard must warn.
    const api = await apiLogin(app.server, app.staff.worker);
    await api.request('POST', '/api/persons', {
      givenNames: GIVEN_NAMES,
      firstSurname: SURNAME,
      sex: 'Female',
      dateOfBirth: BIRTH_DATE,
    });
  });

  it('walks person → case → screening → decision and records them', async () => {
    const context = await phoneContext(app.browser);
    const page = await context.newPage();
    const urls: string[] = [];
    page.on('request', (request) => urls.push(request.url()));

    await signIn(page, `${app.server.url}/intake`, app.staff.worker);

    // Back on the wizard after login, at step 1 of 4.
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 20_000 })
      .toBe(es['intake.title']);
    const stepCount = page.getByTestId('intake-step-count');
    expect(await stepCount.textContent()).toBe('Paso 1 de 4');

    // ---- 1. the person (a name is required: the shared schema says so, next to the field)
    const givenNames = page.getByLabel(es['intake.person.givenNames'], { exact: true });
    await page.getByRole('button', { name: es['action.next'] }).click();
    await expect.poll(() => givenNames.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').first().textContent()).toContain(es['error.formInvalid']);
    await page.getByLabel(es['intake.person.givenNames'], { exact: true }).fill(GIVEN_NAMES);
    await page.getByLabel(es['intake.person.firstSurname']).fill(SURNAME);
    await page.getByLabel(es['intake.person.sex']).selectOption('Female');
    await page.getByLabel(es['intake.person.dateOfBirth']).fill(BIRTH_DATE);
    await page.getByRole('checkbox', { name: es['value.LANGUAGES.gn'], exact: true }).check();
    await page.getByLabel(es['intake.person.residenceDepartment']).selectOption('PY-11');
    await page.getByRole('button', { name: es['action.next'] }).click();

    // The duplicate check finds the person recorded before; this one is someone else.
    await page.getByRole('heading', { name: es['intake.duplicates.title'] }).waitFor({ timeout: 15_000 });
    expect(await page.locator('.duplicate').count()).toBe(1);
    await page.getByRole('button', { name: es['intake.duplicates.new'] }).click();

    // ---- 2. the case
    await expect.poll(() => stepCount.textContent(), { timeout: 15_000 }).toBe('Paso 2 de 4');
    const method = page.getByLabel(es['intake.case.detectionMethod']);
    await method.selectOption({ label: es['value.DETECTION_METHODS.PoliceOperation'] });
    // Going back keeps what was written in both steps.
    await page.getByRole('button', { name: es['intake.back'] }).click();
    await expect.poll(() => stepCount.textContent()).toBe('Paso 1 de 4');
    expect(await page.getByLabel(es['intake.person.givenNames'], { exact: true }).inputValue()).toBe(
      GIVEN_NAMES,
    );
    await page.getByRole('button', { name: es['action.next'] }).click();
    await expect.poll(() => stepCount.textContent()).toBe('Paso 2 de 4');
    expect(await method.inputValue()).toBe('PoliceOperation');
    await page.getByLabel(es['intake.case.detectionDepartment']).selectOption('PY-11');
    await page.getByLabel(es['intake.case.detectionPlace']).fill('Barrio sintético, Luque');
    await page.getByLabel(es['intake.case.narrative']).fill('Relato sintético de prueba del asistente.');
    await page.getByRole('button', { name: es['action.next'] }).click();

    // ---- 3. the screening
    await expect.poll(() => stepCount.textContent(), { timeout: 15_000 }).toBe('Paso 3 de 4');
    await page.getByText(es['intake.screening.guidance']).waitFor({ timeout: 15_000 });
    const instrument = (await (
      await page.request.get(`${app.server.url}/api/screening-instrument`)
    ).json()) as Instrument;
    const firstQuestion = (kind: string) =>
      instrument.definition.sections.find((s) => s.kind === kind)!.questions[0]!;
    for (const kind of ['act', 'means', 'purpose']) {
      await page
        .getByRole('group', { name: firstQuestion(kind).text.es, exact: true })
        .getByRole('radio', { name: es['intake.screening.answer.yes'], exact: true })
        .check();
    }
    const secondAct = instrument.definition.sections.find((s) => s.kind === 'act')!.questions[1]!;
    await page
      .getByRole('group', { name: secondAct.text.es, exact: true })
      .getByRole('radio', { name: es['intake.screening.answer.unknown'], exact: true })
      .check();
    await page.getByRole('button', { name: es['intake.screening.submit'] }).click();

    // The assessment (the shared rules, before anything is written): an adult with act, means
    // and purpose is a presumed victim.
    const assessment = page.getByTestId('intake-assessment');
    await assessment.waitFor({ timeout: 15_000 });
    expect(await assessment.textContent()).toContain(es['value.ASSESSMENTS.presumed_victim']);
    // Beside it, Law 4788/2012's test: the offence, aggravated by the means.
    const law4788 = await page.getByTestId('intake-law4788').textContent();
    expect(law4788).toContain(es['intake.result.law4788.offence']);
    expect(law4788).toContain(es['intake.result.aggravating.means']);
    expect(await page.getByTestId('intake-child').textContent()).toBe(es['intake.result.child.no']);

    // The page fits a 390 px screen without sideways scrolling, even with the whole instrument.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole('button', { name: es['action.next'] }).click();

    // ---- 4. the decision
    await expect.poll(() => stepCount.textContent(), { timeout: 15_000 }).toBe('Paso 4 de 4');
    await page
      .getByRole('radio', { name: es['value.TRAFFICKING_STATUSES.ActualVictimOfTrafficking'] })
      .check();
    await page
      .getByLabel(es['intake.decision.reason'])
      .fill('Acto, medios y finalidad presentes (prueba sintética).');
    await page.getByRole('button', { name: es['intake.decision.submit'] }).click();

    // ---- confirmation: the reference and a link to the case page
    const reference = page.getByTestId('intake-reference');
    await reference.waitFor({ timeout: 15_000 });
    expect(await reference.textContent()).toMatch(/^PY-\d{4}-\d{6}$/);
    const caseLink = page.getByRole('link', { name: es['intake.done.openCase'] });
    const href = await caseLink.getAttribute('href');
    expect(href).toMatch(/^\/cases\/[0-9a-f-]{36}$/);

    // The case as the API returns it: the person as presumed victim, the screening, the decision.
    const response = await page.request.get(`${app.server.url}/api${href}`);
    expect(response.status()).toBe(200);
    const recorded = (await response.json()) as CaseOut;
    expect(recorded.reference).toBe(await reference.textContent());
    expect(recorded.persons).toHaveLength(1);
    expect(recorded.persons[0]).toMatchObject({
      role: 'PresumedVictim',
      fullName: `${GIVEN_NAMES} ${SURNAME}`,
    });
    expect(recorded.screenings).toHaveLength(1);
    expect(recorded.screenings[0]).toMatchObject({
      assessment: 'presumed_victim',
      act: true,
      means: true,
      purpose: true,
      child: 'no',
    });
    expect(recorded.decisions).toHaveLength(1);
    expect(recorded.decisions[0]).toMatchObject({
      status: 'ActualVictimOfTrafficking',
      decisionOrgType: 'Police',
    });
    expect(recorded.decisions[0]!.screeningId).not.toBeNull();

    // Nothing personal ever travelled in an address.
    for (const url of urls) {
      const decoded = decodeURIComponent(url);
      expect(decoded).not.toContain('Rosalía');
      expect(decoded).not.toContain(SURNAME);
      expect(decoded).not.toContain(BIRTH_DATE);
    }
    await context.close();
  });
});
