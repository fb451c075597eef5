/**
 * The screening instrument: version 1 as seeded (every section, the ILO's 11 indicators, texts in
 * es/gn/en, interview guidance), and versioning by a system administrator — a new version is a
 * draft until published, publishing retires the previous one, old screenings keep their version.
 */
import { describe, expect, it } from 'vitest';
import { SECTION_KINDS } from '../../src/shared/api-identification.js';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, userWithSession } from '../helpers/factories.js';
import { answers, insertCase, insertLinkedPerson } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

interface Texts {
  es: string;
  gn: string;
  en: string;
}
interface Definition {
  title: Texts;
  guidance: Texts[];
  sections: { id: string; kind: string; title: Texts; questions: { id: string; text: Texts }[] }[];
}

const texts = (s: string) => ({ es: s, gn: s, en: s });

describe.skipIf(skipBackend)('screening instrument', () => {
  const t = useTestContext();
  const [admin, police] = useSessions(t, 'system_admin@MESA', 'case_worker@PNPTU');

  it('version 2 is published (version 1 retired) with every section, the ILO indicators and texts in three languages', async () => {
    const analyst = await userWithSession(t, { role: 'analyst', institution: 'MESA' });
    const res = await api(t, analyst, 'GET', '/api/screening-instrument');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json() as {
      version: number;
      status: string;
      publishedAt: string;
      definition: Definition;
    };
    expect(view).toMatchObject({ version: 2, status: 'published' });
    expect(view.publishedAt).not.toBeNull();
    const { definition } = view;
    expect(definition.sections.map((s) => s.kind).sort()).toEqual([...SECTION_KINDS].sort());
    const ids = definition.sections.flatMap((s) => s.questions.map((q) => q.id));
    expect(new Set(ids).size).toBe(ids.length);
    const ofKind = (kind: string) =>
      definition.sections.find((s) => s.kind === kind)!.questions.map((q) => q.id);
    expect(ofKind('act')).toEqual([
      'act.recruitment',
      'act.transport',
      'act.transfer',
      'act.harbouring',
      'act.receipt',
    ]);
    expect(ofKind('means')).toHaveLength(9);
    expect(ofKind('means')).toContain('means.deception');
    expect(ofKind('forced_labour')).toHaveLength(11);
    expect(ofKind('forced_labour')).toContain('fl.debt_bondage');
    expect(ofKind('vulnerability')).toHaveLength(7);
    expect(definition.guidance.length).toBeGreaterThanOrEqual(9);
    const allTexts = [
      definition.title,
      ...definition.guidance,
      ...definition.sections.flatMap((s) => [s.title, ...s.questions.map((q) => q.text)]),
    ];
    for (const text of allTexts) {
      expect(text.es.length).toBeGreaterThan(3);
      expect(text.gn.length).toBeGreaterThan(3);
      expect(text.en.length).toBeGreaterThan(3);
      expect(text.gn).not.toBe(text.es);
    }
    expect((await api(t, null, 'GET', '/api/screening-instrument')).statusCode).toBe(401);
    expect((await api(t, analyst, 'GET', '/api/screening-instrument?version=7')).statusCode).toBe(404);
  });

  it('only a system administrator creates versions; question ids must be unique and act/means/purpose present', async () => {
    const v1 = (await api(t, admin, 'GET', '/api/screening-instrument')).json().definition as Definition;
    expect((await api(t, police, 'POST', '/api/screening-instruments', { definition: v1 })).statusCode).toBe(
      403,
    );

    const dup = structuredClone(v1);
    dup.sections[1]!.questions[0]!.id = 'act.recruitment';
    const res = await api(t, admin, 'POST', '/api/screening-instruments', { definition: dup });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('duplicate_question_ids');
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.definition.sections.0.questions.0.id',
      'body.definition.sections.1.questions.0.id',
    ]);

    const noMeans = { ...v1, sections: v1.sections.filter((s) => s.kind !== 'means') };
    const missing = await api(t, admin, 'POST', '/api/screening-instruments', { definition: noMeans });
    expect(missing.json().error).toMatchObject({ code: 'instrument_missing_sections' });
    const rows = await t.services.db.transaction((trx) =>
      trx.selectFrom('screening_instruments').select('id').execute(),
    );
    expect(rows).toHaveLength(2);
  });

  it('a new version is a draft until published; publishing retires v2; old screenings keep v1', async () => {
    const caseId = await insertCase(t, 'PNPTU');
    const personId = await insertLinkedPerson(t, caseId, 'PNPTU', { dateOfBirth: '1995-01-01' });
    const submit = (version: number, yes: string[]) =>
      api(t, police, 'POST', `/api/cases/${caseId}/screenings`, {
        personId,
        instrumentVersion: version,
        factsDate: '2025-08-01',
        answers: answers(yes),
      });
    const old = await submit(1, ['act.recruitment', 'means.threat', 'purpose.forced_labour']);
    expect(old.json()).toMatchObject({ instrumentVersion: 1, assessment: 'presumed_victim' });

    const v1 = (await api(t, admin, 'GET', '/api/screening-instrument')).json().definition as Definition;
    const v2 = structuredClone(v1);
    v2.sections
      .find((s) => s.kind === 'means')!
      .questions.push({
        id: 'means.online_grooming',
        text: texts('¿Le captaron mediante manipulación en línea?'),
      });
    const created = await api(t, admin, 'POST', '/api/screening-instruments', { definition: v2 });
    expect(created.statusCode, created.body).toBe(201);
    const draft = created.json();
    expect(draft).toMatchObject({ version: 3, status: 'draft', publishedAt: null });

    // A draft is neither the current version nor visible to case workers, and cannot be answered.
    expect((await api(t, police, 'GET', '/api/screening-instrument')).json().version).toBe(2);
    expect((await api(t, police, 'GET', '/api/screening-instrument?version=3')).statusCode).toBe(404);
    expect((await api(t, admin, 'GET', '/api/screening-instrument?version=3')).json().status).toBe('draft');
    expect((await submit(3, ['means.online_grooming'])).json().error.code).toBe('unknown_instrument_version');

    expect((await api(t, police, 'POST', `/api/screening-instruments/${draft.id}/publish`)).statusCode).toBe(
      403,
    );
    const published = await api(t, admin, 'POST', `/api/screening-instruments/${draft.id}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ version: 3, status: 'published' });
    expect((await api(t, admin, 'POST', `/api/screening-instruments/${draft.id}/publish`)).statusCode).toBe(
      409,
    );
    expect((await api(t, police, 'GET', '/api/screening-instrument')).json().version).toBe(3);
    expect((await api(t, police, 'GET', '/api/screening-instrument?version=2')).json().status).toBe(
      'retired',
    );
    expect((await auditOf(t, admin.user.id, 'success')).map((e) => e.action)).toEqual([
      'instrument.create',
      'instrument.publish',
    ]);

    const fresh = await submit(3, ['act.recruitment', 'means.online_grooming', 'purpose.forced_labour']);
    expect(fresh.json()).toMatchObject({ instrumentVersion: 3, means: true, assessment: 'presumed_victim' });
    // The old screening still reports the version it answered.
    const stored = await t.services.db.transaction((trx) =>
      trx
        .selectFrom('screenings')
        .innerJoin('screening_instruments', 'screening_instruments.id', 'screenings.instrument_id')
        .select(['screenings.id', 'screening_instruments.version'])
        .where('screenings.case_id', '=', caseId)
        .orderBy('screening_instruments.version')
        .execute(),
    );
    expect(stored).toEqual([
      { id: old.json().id, version: 1 },
      { id: fresh.json().id, version: 3 },
    ]);
    // Questions that exist only in v3 are refused on v1.
    expect((await submit(1, ['means.online_grooming'])).json().error.code).toBe('unknown_questions');
  });
});
