/**
 * A child's consent (docs/MINORS-CONSENT.md): for a person under 18 (or of an approximate age of
 * 18 to 20, possibly a child as in the screening) the person's own consent is
 * refused (422, on the field givenBy), and so is a referral relying on such a consent recorded
 * earlier (409); a parent or guardian named with their relationship, or an authority, is accepted,
 * the name encrypted at rest, and the referral goes through.
 */
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import { api, buildPerson, createCaseAs, linkPersonAs, storedRow } from '../helpers/factories.js';
import { useSessions, useTestContext } from '../helpers/suite.js';
import { insertConsent, insertProvider } from './protection-fixtures.js';

const CONSENT = {
  kind: 'consent',
  services: ['Psychological'],
  sharedFields: ['givenNames', 'sex', 'age', 'languages', 'interpreterNeeded', 'need'],
  givenOn: '2026-04-03',
  method: 'Written',
};

describe.skipIf(skipBackend)("a child's consent", () => {
  const t = useTestContext();
  const [police] = useSessions(t, 'case_worker@PNPTU');

  async function caseWith(person: Record<string, unknown>) {
    const kase = await createCaseAs(t, police, { detectionDepartment: 'PY-ASU' });
    const created = await buildPerson(t, police, {
      givenNames: 'Adolescente',
      firstSurname: 'Sintética',
      ...person,
    });
    await linkPersonAs(t, police, kase.id, created.id);
    return { caseId: kase.id as string, personId: created.id };
  }
  const consent = (caseId: string, body: Record<string, unknown>) =>
    api(t, police, 'POST', `/api/cases/${caseId}/consents`, { ...CONSENT, ...body });

  it('refuses a 16-year-old’s own consent and accepts a guardian’s or an authority’s', async () => {
    const { caseId, personId } = await caseWith({ estimatedAge: 16, ageApproximate: true });
    const own = await consent(caseId, { personId, givenBy: 'Person' });
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe('minor_consent_needs_representative');
    expect(own.json().error.issues[0].path).toBe('body.givenBy');
    const count = async () =>
      Number(
        (
          await t.services.db.transaction((trx) =>
            trx
              .selectFrom('consents')
              .select((eb) => eb.fn.countAll().as('n'))
              .where('person_id', '=', personId)
              .executeTakeFirstOrThrow(),
          )
        ).n,
      );
    expect(await count()).toBe(0);

    // A guardian must be named, with the relationship.
    const unnamed = await consent(caseId, { personId, givenBy: 'LegalGuardian' });
    expect(unnamed.statusCode).toBe(400);
    const guardian = await consent(caseId, {
      personId,
      givenBy: 'LegalGuardian',
      representativeName: 'Tutora Sintética',
      representativeRelationship: 'tía, tutora legal',
      childView: 'Está de acuerdo con recibir apoyo.',
    });
    expect(guardian.statusCode).toBe(201);
    expect(guardian.json()).toMatchObject({
      givenBy: 'LegalGuardian',
      representativeRelationship: 'tía, tutora legal',
    });
    const stored = await storedRow(t, 'consents', { id: guardian.json().id }, [
      'representative_name',
      'child_view',
    ]);
    expect(stored.representative_name).not.toContain('Tutora');
    expect(stored.child_view).not.toContain('acuerdo');

    const authority = await consent(caseId, { personId, givenBy: 'Authority', authority: 'CODENI' });
    expect(authority.statusCode).toBe(201);
    // An approximate age of 19 may be a child's (the screening's rule): her own consent is refused.
    const near = await caseWith({ estimatedAge: 19, ageApproximate: true });
    const nearOwn = await consent(near.caseId, { personId: near.personId, givenBy: 'Person' });
    expect(nearOwn.statusCode).toBe(422);
    expect(nearOwn.json().error.code).toBe('minor_consent_needs_representative');
    // The same age from a document is an adult's.
    const exact = await caseWith({ estimatedAge: 19, ageApproximate: false });
    expect((await consent(exact.caseId, { personId: exact.personId, givenBy: 'Person' })).statusCode).toBe(
      201,
    );
    // An adult's own consent is still the rule.
    const adult = await caseWith({ dateOfBirth: '1990-01-01' });
    expect((await consent(adult.caseId, { personId: adult.personId, givenBy: 'Person' })).statusCode).toBe(
      201,
    );
  });

  it('refuses a referral that relies on a child’s own consent recorded earlier', async () => {
    const { caseId, personId } = await caseWith({ estimatedAge: 16, ageApproximate: true });
    const { providerId } = await insertProvider(t, {
      institution: 'MINNA',
      name: `Centro de prueba ${Math.random()}`,
      department: 'PY-ASU',
      services: [{ serviceType: 'Psychological', departments: ['PY-ASU'] }],
    });
    const need = await api(t, police, 'POST', `/api/cases/${caseId}/needs`, {
      personId,
      serviceType: 'Psychological',
      urgency: 'Normal',
    });
    expect(need.statusCode).toBe(201);
    const refer = () =>
      api(t, police, 'POST', '/api/referrals', { caseId, needId: need.json().id, providerId });
    // With no consent at all, a child's referral says whose consent is needed.
    const none = await refer();
    expect(none.statusCode).toBe(409);
    expect(none.json().error.code).toBe('minor_consent_needs_representative');
    await insertConsent(t, caseId, personId, ['Psychological']); // given by the person
    const refused = await refer();
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('minor_consent_needs_representative');
    const parent = await consent(caseId, {
      personId,
      givenBy: 'Parent',
      representativeName: 'Madre Sintética',
      representativeRelationship: 'madre',
    });
    expect(parent.statusCode).toBe(201);
    expect((await refer()).statusCode).toBe(201);
  });
});
