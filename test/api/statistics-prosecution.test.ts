/**
 * Prosecution and prevention figures over HTTP: the national report answers the TIP questionnaire's
 * law-enforcement questions from them (no more "not yet recorded"); filters that do not apply and the
 * drill-down are refused with what to fix; complicity is an aggregate the suspect's institution sees
 * like everyone else, with no way to the investigations. Synthetic data only.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, type Session } from '../helpers/factories.js';
import { addProsecutionPreventionRecords } from './statistics-fixtures-prosecution.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

describe.skipIf(skipBackend)('prosecution and prevention statistics', () => {
  const t = useTestContext();

  beforeAll(async () => {
    await addProsecutionPreventionRecords(t, 42);
  }, 120_000);
  const [analyst, police] = useSessions(t, 'analyst@MESA', 'supervisor@PNPTU');

  const total = async (session: Session, query: string) => {
    const res = await api(t, session, 'GET', `/api/statistics?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('answers the TIP questions on prosecution from the figures in the national report', async () => {
    // Exact figures (a supervisor's): an analyst's report hides counts of 1 and 2 ("<3"), so its
    // sentence bands would not add up to the total.
    const res = await api(t, police, 'GET', '/api/statistics/report?year=2024&locale=en');
    expect(res.statusCode).toBe(200);
    const report = res.json();
    const answer = (q: string) => report.tip.find((a: { question: string }) => a.question === q);
    const opened = await total(police, 'figure=investigationsOpened&year=2024');
    expect(opened.total).toBeGreaterThan(0);
    expect(answer('Investigations opened')).toEqual({
      question: 'Investigations opened',
      value: opened.total,
      note: null,
    });
    expect(answer('Persons convicted').value).toBe(
      (await total(police, 'figure=personsConvicted&year=2024')).total,
    );
    expect(JSON.stringify(report.tip)).not.toContain('Not yet recorded');
    const prosecution = report.sections.find((s: { area: string }) => s.area === 'prosecution');
    const bands = prosecution.figures.find(
      (f: { figure: string; by: string }) => f.figure === 'personsConvicted' && f.by === 'sentenceBand',
    );
    expect(bands.rows.reduce((a: number, r: { value: number }) => a + r.value, 0)).toBe(bands.total);
  });

  it('breaks participants down by sex, adding up to the total', async () => {
    const bySex = await total(analyst, 'figure=trainingParticipants&year=2024&by=sex');
    expect(bySex.total).toBeGreaterThan(0);
    expect(bySex.rows.reduce((a: number, r: { value: number }) => a + r.value, 0)).toBe(bySex.total);
  });

  it('refuses a filter the figure does not have, a finer ICT value and the drill-down', async () => {
    const refusals: Array<[Session, string, string | null]> = [
      [
        analyst,
        'statistics?figure=personsCharged&year=2024&platform=Facebook',
        'La cifra «personsCharged» no se puede filtrar por «platform»',
      ],
      [
        analyst,
        'statistics?figure=investigationsOpened&year=2024&ict=online_recruitment',
        'solo distingue ict=online o ict=offline',
      ],
      [analyst, 'statistics?figure=campaignsRun&year=2024&by=sex', null],
      [
        police,
        'statistics/records?figure=complicityInvestigations&year=2024',
        'no muestra los casos detrás del número',
      ],
    ];
    for (const [who, path, message] of refusals) {
      const res = await api(t, who, 'GET', `/api/${path}`);
      expect(res.statusCode, path).toBe(400);
      if (message) expect(res.body).toContain(message);
    }
  });

  it('gives the suspects’ institution the same complicity aggregate as anyone, audited without values', async () => {
    const query = 'figure=complicityInvestigations&from=2022-01-01&to=2025-12-31';
    const seen = await total(police, query);
    expect(seen.total).toBeGreaterThan(0);
    expect(seen.total).toBe((await total(analyst, query)).total);
    expect(seen.breakdowns).not.toContain('sex');
    const audit = await auditOf(t, police.user.id);
    expect(audit.length).toBeGreaterThan(0);
    expect(JSON.stringify(audit)).not.toContain('2022-01-01');
  });
});
