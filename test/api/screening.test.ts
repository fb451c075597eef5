/**
 * Recording screenings: the assessment the server computes (act–means–purpose, the child rule at
 * the facts date, unknown ages treated as possibly a child), who may screen, and what is refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, auditOf, userWithSession, type Session } from '../helpers/factories.js';
import { answers, insertCase, insertLinkedPerson, type PersonAge } from './screening-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const FULL = ['act.recruitment', 'means.deception', 'purpose.forced_labour'];
const NO_MEANS = ['act.transport', 'purpose.sexual_exploitation'];
const today = () => new Date().toISOString().slice(0, 10);

describe.skipIf(skipBackend)('screenings', () => {
  const t = useTestContext();
  let caseId: string;

  const screen = (session: Session, body: Record<string, unknown>, id = caseId) =>
    api(t, session, 'POST', `/api/cases/${id}/screenings`, {
      instrumentVersion: 1,
      factsDate: '2025-03-01',
      ...body,
    });
  /** The last refusal audited for `session` names the screening it attempted, on this case. */
  const expectScreeningRefusalAudited = async (session: Session) =>
    expect((await auditOf(t, session.user.id, 'denied')).at(-1)).toMatchObject({
      action: 'case.screen',
      resource_id: caseId,
    });
  const personWith = (age: PersonAge) => insertLinkedPerson(t, caseId, 'PNPTU', age);

  // police: PNPTU case worker: the owner institution
  const [police] = useSessions(t, 'case_worker@PNPTU');

  beforeAll(async () => {
    caseId = await insertCase(t, 'PNPTU', ['MINMUJER']);
  });

  it('an adult with act, means and purpose is a presumed victim; the screening is on the timeline and audited', async () => {
    const personId = await personWith({ dateOfBirth: '1990-06-15' });
    const res = await screen(police, { personId, answers: answers(FULL, ['fl.isolation']) });
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      caseId,
      personId,
      instrumentVersion: 1,
      factsDate: '2025-03-01',
      ageAtFacts: 34,
      child: 'no',
      act: true,
      means: true,
      purpose: true,
      indicatorCount: 0,
      assessment: 'presumed_victim',
      flags: [],
      answers: { 'act.recruitment': 'yes', 'fl.isolation': 'no' },
    });
    expect(res.body).not.toContain('1990-06-15');

    const timeline = await t.services.db.transaction((trx) =>
      trx.selectFrom('case_timeline').selectAll().where('case_id', '=', caseId).execute(),
    );
    expect(timeline.at(-1)).toMatchObject({
      kind: 'screening_submitted',
      details: { screeningId: view.id, assessment: 'presumed_victim' },
    });
    expect((await auditOf(t, police.user.id, 'success')).at(-1)).toMatchObject({
      action: 'case.screen',
      resource_type: 'screening',
      resource_id: view.id,
    });
  });

  it('an adult without a means is a possible victim, to investigate', async () => {
    const personId = await personWith({ dateOfBirth: '1990-06-15' });
    const res = await screen(police, { personId, answers: answers([...NO_MEANS, 'fl.debt_bondage']) });
    expect(res.json()).toMatchObject({
      child: 'no',
      means: false,
      indicatorCount: 1,
      assessment: 'possible_victim',
    });
  });

  it('a 17-year-old at the facts date (by date of birth) with act and purpose is a presumed victim; at 18 it takes a means', async () => {
    const personId = await personWith({ dateOfBirth: '2007-03-02' });
    const child = await screen(police, { personId, answers: answers(NO_MEANS) });
    expect(child.json()).toMatchObject({ ageAtFacts: 17, child: 'yes', assessment: 'presumed_victim' });
    // The 18th birthday: an adult; the same answers no longer make the definition.
    const adult = await screen(police, { personId, factsDate: '2025-03-02', answers: answers(NO_MEANS) });
    expect(adult.json()).toMatchObject({ ageAtFacts: 18, child: 'no', assessment: 'possible_victim' });
  });

  it('an unknown age is treated as possibly a child and flagged', async () => {
    const personId = await personWith({});
    const res = await screen(police, { personId, answers: answers(NO_MEANS) });
    expect(res.json()).toMatchObject({
      ageAtFacts: null,
      child: 'unknown',
      assessment: 'presumed_victim',
      flags: ['age_unknown_treated_as_possible_child'],
    });
  });

  it('an approximate age near majority is "unknown" and flagged; an estimated 16 is a child', async () => {
    const near = await personWith({ estimatedAge: 19, ageApproximate: true });
    const res = await screen(police, { personId: near, factsDate: today(), answers: answers(NO_MEANS) });
    expect(res.json()).toMatchObject({
      ageAtFacts: 19,
      child: 'unknown',
      assessment: 'presumed_victim',
      flags: ['age_from_estimate', 'approximate_age_near_majority'],
    });
    const young = await personWith({ estimatedAge: 16 });
    const res2 = await screen(police, {
      personId: young,
      factsDate: today(),
      answers: answers(['vul.street_child']),
    });
    expect(res2.json()).toMatchObject({ child: 'yes', assessment: 'no_indication' });
  });

  it('a user of another institution gets 404, as for a case that does not exist', async () => {
    const personId = await personWith({});
    const other = await userWithSession(t, { role: 'case_worker', institution: 'MTESS' });
    const res = await screen(other, { personId, answers: answers(FULL) });
    expect(res.statusCode).toBe(404);
    // Audited as the action that was attempted, with the case it was attempted on.
    await expectScreeningRefusalAudited(other);
    const missing = await screen(other, { personId, answers: answers(FULL) }, crypto.randomUUID());
    expect(missing.json()).toEqual(res.json());
  });

  it('an institution the case is shared with may read it but not screen (403); an analyst may not screen (403)', async () => {
    const personId = await personWith({});
    const shelter = await userWithSession(t, { role: 'case_worker', institution: 'MINMUJER' });
    const shared = await screen(shelter, { personId, answers: answers(FULL) });
    expect(shared.statusCode).toBe(403);
    await expectScreeningRefusalAudited(shelter);
    const analyst = await userWithSession(t, { role: 'analyst', institution: 'PNPTU' });
    expect((await screen(analyst, { personId, answers: answers(FULL) })).statusCode).toBe(403);
    const rows = await t.services.db.transaction((trx) =>
      trx.selectFrom('screenings').select('id').where('person_id', '=', personId).execute(),
    );
    expect(rows).toHaveLength(0);
  });

  it('refuses a person not linked to the case, unknown questions, unknown versions and impossible dates', async () => {
    const personId = await personWith({ dateOfBirth: '2010-05-01' });
    const otherCase = await insertCase(t, 'PNPTU');
    const notLinked = await screen(police, { personId, answers: answers(FULL) }, otherCase);
    expect(notLinked.statusCode).toBe(400);
    expect(notLinked.json().error.code).toBe('person_not_in_case');

    const unknown = await screen(police, {
      personId,
      answers: { ...answers(FULL), 'act.teleport': 'yes', 'x.y': 'no' },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'unknown_questions' });
    expect(unknown.json().error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.answers.act.teleport',
      'body.answers.x.y',
    ]);
    expect(unknown.json().error.message).toContain('act.teleport');

    const version = await screen(police, { personId, instrumentVersion: 99, answers: answers(FULL) });
    expect(version.json().error.code).toBe('unknown_instrument_version');
    const beforeBirth = await screen(police, { personId, factsDate: '2010-04-30', answers: answers(FULL) });
    expect(beforeBirth.json().error.code).toBe('facts_before_birth');
    const future = await screen(police, { personId, factsDate: '2999-01-01', answers: answers(FULL) });
    expect(future.json().error.code).toBe('date_in_future');
    const badAnswer = await screen(police, { personId, answers: { 'act.recruitment': 'maybe' } });
    expect(badAnswer.json().error.code).toBe('validation_failed');
  });
});
