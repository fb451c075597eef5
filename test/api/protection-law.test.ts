/**
 * Protection as the law asks it: the recovery and reflection period, voluntary return only after a
 * risk assessment, non-punishment recorded on the case (and counted in victimsPenalised); the
 * authorities for children and indigenous persons seeded with their roles; indigenous languages
 * and a pseudonym for a person who gives no name. Synthetic data only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, buildPerson, createCaseAs, linkPersonAs, rowCount } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('protection under the law', () => {
  const t = useTestContext();
  // Exact counts: a supervisor of the Mesa reads them (an analyst reads 1–2 as "<3",
  // statistics-small-counts.test.ts).
  const [police, analyst] = useSessions(t, 'case_worker@PNPTU', 'supervisor@MESA');
  let caseId: string;
  let personId: string;
  beforeAll(async () => {
    const kase = await createCaseAs(t, police, {
      detectionDepartment: 'PY-10',
      narrative: 'Relato sintético',
    });
    const person = await buildPerson(t, police, {
      givenNames: 'Flor',
      pseudonym: true,
      sex: 'Female',
      estimatedAge: 25,
      nationalities: ['BO'],
      languages: ['gun', 'gn'],
      interpreterNeeded: true,
    });
    await linkPersonAs(t, police, kase.id, person.id);
    caseId = kase.id;
    personId = person.id;
  });

  const put = (body: unknown) =>
    api(t, police, 'PUT', `/api/cases/${caseId}/persons/${personId}/protection-status`, body);

  it('keeps a pseudonym marked as such and an indigenous language that asks for an interpreter', async () => {
    const res = await api(t, police, 'GET', `/api/persons/${personId}`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ givenNames: 'Flor', pseudonym: true, languages: ['gun', 'gn'] });
    const bad = await api(t, police, 'PATCH', `/api/persons/${personId}`, { languages: ['xx'] });
    expect(bad.statusCode).toBe(400);
  });

  it('refuses a return without a prior risk assessment, and a reflection period that ends first; nothing is written', async () => {
    const before = await rowCount(t, 'protection_status');
    for (const body of [
      { returnRequested: true, returnArranged: true, returnVoluntary: true },
      {
        returnRequested: true,
        returnArranged: true,
        returnRiskAssessedOn: '2026-03-10',
        returnRiskLevel: 'low',
        returnedOn: '2026-03-01',
      },
      { reflectionFrom: '2026-03-10', reflectionUntil: '2026-03-01' },
      { reflectionUntil: '2026-04-01' },
      { returnRiskLevel: 'extreme' },
      { reflectionFrom: '2999-01-01' },
    ]) {
      const res = await put(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await rowCount(t, 'protection_status')).toBe(before);
    const codes = [
      (await put({ returnRequested: true, returnArranged: true })).json().error.code,
      (await put({ reflectionFrom: '2026-03-10', reflectionUntil: '2026-03-01' })).json().error.code,
    ];
    expect(codes).toEqual(['return_risk_assessment_required', 'reflection_period_invalid']);
  });

  it('records the reflection period, the voluntary return after its risk assessment and non-punishment', async () => {
    const res = await put({
      originCountry: 'BO',
      returnRequested: true,
      returnArranged: true,
      returnVoluntary: true,
      returnRiskAssessedOn: '2026-03-01',
      returnRiskLevel: 'medium',
      returnedOn: '2026-03-20',
      reflectionFrom: '2026-02-01',
      reflectionUntil: '2026-03-02',
      penalised: true,
      nonPunishmentApplied: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      reflectionFrom: '2026-02-01',
      reflectionUntil: '2026-03-02',
      returnVoluntary: true,
      returnRiskAssessedOn: '2026-03-01',
      returnRiskLevel: 'medium',
      returnedOn: '2026-03-20',
      penalised: true,
      nonPunishmentApplied: true,
    });
  });

  it('counts them: reflection period and voluntary return by their dates, penalised and non-punishment by the recording', async () => {
    const figure = async (id: string, year: number) =>
      (await api(t, analyst, 'GET', `/api/statistics?figure=${id}&year=${year}`)).json().total as number;
    expect(await figure('victimsReflectionPeriod', 2026)).toBe(1);
    expect(await figure('victimsVoluntaryReturn', 2026)).toBe(1);
    const year = Number(new Date().toISOString().slice(0, 4));
    expect(await figure('victimsPenalised', year)).toBe(1);
    expect(await figure('victimsNonPunishment', year)).toBe(1);
    expect(await figure('victimsVoluntaryReturn', 2025)).toBe(0);
  });

  it('seeds the authorities for children and indigenous persons with their roles', async () => {
    const res = await api(t, police, 'GET', '/api/institutions');
    const items = res.json().items as Array<{
      code: string;
      authorities: string[];
      units: Array<{ code: string }>;
    }>;
    const of = (code: string) => items.find((i) => i.code === code);
    expect(of('CODENI')?.authorities).toEqual(['child_protection', 'child_best_interest_exception']);
    expect(of('DEFENSORIA-NNA')?.authorities).toEqual(['children_defender', 'child_best_interest_exception']);
    expect(of('PJ')?.authorities).toEqual(['juvenile_judge', 'child_best_interest_exception']);
    expect(of('PJ')?.units.some((u) => u.code === 'JUZGADOS-NNA')).toBe(true);
    expect(of('MINNA')?.authorities).toContain('child_best_interest_exception');
    expect(of('INDI')?.authorities).toEqual(['indigenous_affairs']);
    // Police and an NGO hold none of these roles.
    expect(of('PNPTU')?.authorities).toEqual([]);
    expect(of('NGO-LUNANUEVA')?.authorities).toEqual([]);
  });
});
