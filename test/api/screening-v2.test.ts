/**
 * Screening instrument version 2 (migration 2026-12-05T19-01-00): purpose questions that ask what
 * the activity was and who profited, the child rule (act + purpose, child indicators toward the
 * purpose) and the two tests — Palermo's and Law 4788/2012's — computed, stored and returned side
 * by side (docs/DOMAIN.md §3).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, storedRow } from '../helpers/factories.js';
import { answers, insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

interface Question {
  id: string;
  text: { es: string; gn: string; en: string };
  towardPurpose?: boolean;
}
interface Definition {
  guidance: Array<{ es: string; gn: string; en: string }>;
  sections: Array<{ kind: string; questions: Question[] }>;
}

describe.skipIf(skipBackend)('screening v2: both tests, the child rule without coercion', () => {
  const t = useTestContext();
  let caseId: string;
  let version: number;

  const screen = (personId: string, yes: string[], no: string[] = []) =>
    api(t, police, 'POST', `/api/cases/${caseId}/screenings`, {
      personId,
      instrumentVersion: version,
      factsDate: '2025-03-01',
      answers: answers(yes, no),
    });

  const [police] = useSessions(t, 'case_worker@PNPTU');

  beforeAll(async () => {
    caseId = await insertCase(t, 'PNPTU');
    version = (await api(t, police, 'GET', '/api/screening-instrument')).json().version;
  });

  it('the published version asks about the activity and who profited, never whether the person was forced', async () => {
    const view = (await api(t, police, 'GET', '/api/screening-instrument')).json();
    expect(view).toMatchObject({ version: 2, status: 'published' });
    const definition = view.definition as Definition;
    const purpose = definition.sections.find((s) => s.kind === 'purpose')!.questions;
    expect(purpose.map((q) => q.id)).toEqual(
      expect.arrayContaining([
        'purpose.sexual_exploitation',
        'purpose.forced_labour',
        'purpose.forced_criminality',
        'purpose.illegal_adoption',
        'purpose.armed_recruitment',
      ]),
    );
    for (const question of purpose) {
      expect(question.text.es).not.toMatch(/obligaron|bajo amenaza|sin poder negarse|presionaron/i);
      expect(question.text.en).not.toMatch(/forced|under threat|without being able to refuse|pressured/i);
    }
    const towardPurpose = definition.sections
      .find((s) => s.kind === 'child')!
      .questions.filter((q) => q.towardPurpose)
      .map((q) => q.id);
    expect(towardPurpose).toEqual(
      expect.arrayContaining(['child.sexual_contact', 'child.criadazgo', 'child.works']),
    );
    // With children, child-protection staff lead; forensic interviews are for the Cámara Gesell.
    const guidance = definition.guidance.map((g) => g.es).join(' ');
    expect(guidance).toContain('Cámara Gesell');
    expect(guidance).not.toContain('entreviste con su tutor');
    // Version 1 stays readable for the screenings that answered it.
    const v1 = await api(t, police, 'GET', '/api/screening-instrument?version=1');
    expect(v1.json()).toMatchObject({ version: 1, status: 'retired' });
  });

  it('a child whose exploitation is described without coercion is a presumed victim (and an aggravated offence)', async () => {
    // 15 at the facts; a third party sold her sex; she "agreed": no means answered.
    const personId = await insertLinkedPerson(t, caseId, 'PNPTU', { dateOfBirth: '2009-07-01' });
    const res = await screen(
      personId,
      ['act.recruitment', 'purpose.sexual_exploitation'],
      ['means.threat', 'means.deception'],
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      child: 'yes',
      ageAtFacts: 15,
      act: true,
      means: false,
      purpose: true,
      assessment: 'presumed_victim',
      law4788: { assessment: 'offence', aggravating: ['child'] },
    });
  });

  it('for a child, a child indicator of exploitation counts toward the purpose; for an adult it does not', async () => {
    const child = await insertLinkedPerson(t, caseId, 'PNPTU', { dateOfBirth: '2011-01-01' });
    const res = await screen(child, ['act.harbouring', 'child.criadazgo']);
    expect(res.json()).toMatchObject({ purpose: true, assessment: 'presumed_victim' });
    const adult = await insertLinkedPerson(t, caseId, 'PNPTU', { dateOfBirth: '1990-01-01' });
    const adultRes = await screen(adult, ['act.harbouring', 'child.criadazgo']);
    expect(adultRes.json()).toMatchObject({
      purpose: false,
      assessment: 'possible_victim',
      law4788: { assessment: 'possible_offence', aggravating: [] },
    });
  });

  it('an adult without means is "possible" by Palermo and an "offence" by Law 4788 — both stored and shown', async () => {
    const personId = await insertLinkedPerson(t, caseId, 'PNPTU', { dateOfBirth: '1992-04-10' });
    const res = await screen(personId, ['act.transport', 'purpose.forced_labour'], ['means.threat']);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      child: 'no',
      means: false,
      assessment: 'possible_victim',
      law4788: { assessment: 'offence', aggravating: [] },
    });
    const stored = await storedRow(t, 'screenings', { id: res.json().id }, [
      'assessment',
      'law4788_assessment',
      'law4788_aggravating',
    ]);
    expect(stored).toEqual({
      assessment: 'possible_victim',
      law4788_assessment: 'offence',
      law4788_aggravating: [],
    });
    // The case page shows both tests of every screening.
    const page = (await api(t, police, 'GET', `/api/cases/${caseId}`)).json();
    const shown = page.screenings.find((s: { id: string }) => s.id === res.json().id);
    expect(shown).toMatchObject({
      assessment: 'possible_victim',
      law4788: { assessment: 'offence', aggravating: [] },
    });
    // With a means, both tests agree and the means aggravates the national offence.
    const withMeans = await screen(personId, ['act.transport', 'purpose.forced_labour', 'means.threat']);
    expect(withMeans.json()).toMatchObject({
      assessment: 'presumed_victim',
      law4788: { assessment: 'offence', aggravating: ['means'] },
    });
  });
});
