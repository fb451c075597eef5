/**
 * Referrals end to end: consent, need, referral, the receiving institution's narrow view, acceptance
 * with places, services delivered, completion, withdrawal of consent, the state machine, overdue
 * referrals, and the concurrent acceptance of a shelter's last place.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { skipBackend } from '../helpers/db.js';
import {
  api,
  auditOf,
  buildPerson,
  createCaseAs,
  linkPersonAs,
  rowCount,
  userWithSession,
  storedRow,
  auditRows,
} from '../helpers/factories.js';
import { escalateOverdueReferrals } from '../../src/server/modules/notifications/notifications.service.js';
import { insertConsent, insertProvider, insertReferral } from './protection-fixtures.js';
import { useSessions, useTestContext } from '../helpers/suite.js';

const CONSENT = {
  kind: 'consent',
  services: ['Shelter', 'Psychological'],
  sharedFields: ['givenNames', 'sex', 'age', 'languages', 'interpreterNeeded', 'need'],
  givenOn: '2026-04-03',
  method: 'Written',
  givenBy: 'Person',
};

describe.skipIf(skipBackend)('referrals', () => {
  const t = useTestContext();
  const [police, policeSupervisor, shelter, other, minnaSupervisor, ngoSupervisor] = useSessions(
    t,
    'case_worker@PNPTU',
    'supervisor@PNPTU',
    'case_worker@MINMUJER',
    'case_worker@MINNA',
    'supervisor@MINNA',
    'supervisor@NGO-LUNANUEVA',
  );

  /** The person's written consent to shelter and psychological care (CONSENT), recorded by the police. */
  const giveConsent = (caseId: string, personId: string) =>
    api(t, police, 'POST', `/api/cases/${caseId}/consents`, { ...CONSENT, personId });

  /** The police record the person's need of a shelter (urgency High unless given). */
  const recordShelterNeed = (caseId: string, personId: string, fields: Record<string, unknown> = {}) =>
    api(t, police, 'POST', `/api/cases/${caseId}/needs`, {
      personId,
      serviceType: 'Shelter',
      urgency: 'High',
      ...fields,
    });

  /** The police record a need of the person (urgency High unless given) and refer it at once. */
  const referNeed = async (
    caseId: string,
    personId: string,
    serviceType: string,
    referral: Record<string, unknown>,
    urgency = 'High',
  ) => {
    const need = await api(t, police, 'POST', `/api/cases/${caseId}/needs`, {
      personId,
      serviceType,
      urgency,
    });
    return api(t, police, 'POST', '/api/referrals', { caseId, needId: need.json().id, ...referral });
  };

  /**
   * A police case (or one of `owner`'s institution) with one adult woman (synthetic), whose names and
   * contact are known to the owner.
   */
  async function policeCase(overrides: Record<string, unknown> = {}, owner = police) {
    const kase = await createCaseAs(t, owner, {
      detectionDepartment: 'PY-ASU',
      narrative: 'Relato reservado',
    });
    const person = await buildPerson(t, owner, {
      givenNames: 'Liz Carolina',
      firstSurname: 'Recalde',
      sex: 'Female',
      dateOfBirth: '1998-07-12',
      contact: '0981 000 111',
      languages: ['gn', 'es'],
      ...overrides,
    });
    await linkPersonAs(t, owner, kase.id, person.id);
    return { caseId: kase.id as string, personId: person.id };
  }

  async function womensShelter(capacity = 10, occupancy = 0) {
    return insertProvider(t, {
      institution: 'MINMUJER',
      name: `Albergue de prueba ${capacity}-${occupancy}-${Math.random()}`,
      department: 'PY-ASU',
      sexes: ['Female'],
      minAge: 18,
      services: [{ serviceType: 'Shelter', departments: ['PY-ASU', 'PY-11'], capacity, occupancy }],
    });
  }

  async function occupancyOf(serviceId: string) {
    const row = await storedRow(t, 'provider_services', { id: serviceId }, ['occupancy']);
    return Number(row.occupancy);
  }

  it('refers a woman to the shelter, which sees only the shared fields, accepts, serves and completes', async () => {
    const { providerId, serviceIds } = await womensShelter(10, 3);
    const { caseId, personId } = await policeCase();
    const consent = await giveConsent(caseId, personId);
    expect(consent.statusCode).toBe(201);
    const need = await recordShelterNeed(caseId, personId, {
      urgency: 'Immediate',
      notes: 'Necesita ingreso hoy',
    });
    expect(need.statusCode).toBe(201);
    expect(need.json().status).toBe('open');
    expect(need.json().matches.map((m: { providerId: string }) => m.providerId)).toContain(providerId);

    const created = await api(t, police, 'POST', '/api/referrals', {
      caseId,
      needId: need.json().id,
      providerId,
      note: 'Llega acompañada por personal policial',
    });
    expect(created.statusCode).toBe(201);
    const referral = created.json();
    expect(referral.state).toBe('requested');
    expect(referral.to.code).toBe('MINMUJER');
    expect(referral.caseReference).toMatch(/^PY-/);

    // The shelter's inbox: counted, not overdue yet; no names in the list.
    const inbox = await api(t, shelter, 'GET', '/api/referrals');
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json().counts.requested).toBeGreaterThanOrEqual(1);
    expect(inbox.json().items.map((r: { id: string }) => r.id)).toContain(referral.id);
    expect(inbox.body).not.toContain('Liz');

    // The shelter reads the referral: only the shared fields, nothing of the case.
    const seen = await api(t, shelter, 'GET', `/api/referrals/${referral.id}`);
    expect(seen.statusCode).toBe(200);
    const view = seen.json();
    expect(view.caseId).toBeNull();
    expect(view.caseReference).toBeNull();
    expect(Object.keys(view.person).sort()).toEqual(
      ['age', 'givenNames', 'interpreterNeeded', 'languages', 'need', 'sex'].sort(),
    );
    expect(view.person.givenNames).toBe('Liz Carolina');
    expect(view.person.age).toBeGreaterThanOrEqual(27);
    expect(view.person.need).toEqual({
      serviceType: 'Shelter',
      urgency: 'Immediate',
      notes: 'Necesita ingreso hoy',
    });
    expect(seen.body).not.toContain('Recalde');
    expect(seen.body).not.toContain('0981');
    expect(seen.body).not.toContain('1998-07-12');
    expect(seen.body).not.toContain('Relato reservado');
    expect(view.actions).toEqual(['accept', 'decline', 'close']);
    // A referral is not a case share: the case and the person stay out of the shelter's reach.
    expect((await api(t, shelter, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await api(t, shelter, 'GET', `/api/persons/${personId}`)).statusCode).toBe(404);
    // A third institution does not even see the referral.
    expect((await api(t, other, 'GET', `/api/referrals/${referral.id}`)).statusCode).toBe(404);
    // The read of shared fields is audited, naming the fields shown.
    const reads = await auditRows(t, {
      actor: shelter.user.id,
      action: 'referral.readShared',
      resource: personId,
    });
    expect(reads.length).toBe(1);

    // The police may not accept their own referral; the shelter accepts, taking one place.
    expect((await api(t, police, 'POST', `/api/referrals/${referral.id}/acceptance`)).statusCode).toBe(403);
    const accepted = await api(t, shelter, 'POST', `/api/referrals/${referral.id}/acceptance`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().state).toBe('accepted');
    expect(await occupancyOf(serviceIds.Shelter!)).toBe(4);

    const delivered = await api(t, shelter, 'POST', `/api/referrals/${referral.id}/deliveries`, {
      deliveredOn: '2026-04-04',
      description: 'Ingreso al albergue y atención inicial',
    });
    expect(delivered.statusCode).toBe(201);
    expect(delivered.json().state).toBe('in_progress');
    expect(delivered.json().deliveries).toHaveLength(1);

    const done = await api(t, shelter, 'POST', `/api/referrals/${referral.id}/completion`, {
      outcome: 'completed',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json().state).toBe('completed');
    // Leaving the shelter gives the place back; the need is met.
    expect(await occupancyOf(serviceIds.Shelter!)).toBe(3);
    const needRow = await storedRow(t, 'person_needs', { id: need.json().id }, ['status']);
    expect(needRow.status).toBe('met');

    // The police see it completed in their outgoing list and on the case timeline.
    const outgoing = await api(t, police, 'GET', '/api/referrals?direction=outgoing&state=completed');
    expect(outgoing.json().items.map((r: { id: string }) => r.id)).toContain(referral.id);
    const kase = await api(t, police, 'GET', `/api/cases/${caseId}`);
    const kinds = kase.json().timeline.map((e: { kind: string }) => e.kind);
    for (const kind of [
      'consent_recorded',
      'need_recorded',
      'referral_created',
      'referral_accepted',
      'service_delivered',
      'referral_completed',
    ])
      expect(kinds).toContain(kind);
    // A completed referral is final.
    const again = await api(t, shelter, 'POST', `/api/referrals/${referral.id}/completion`, {
      outcome: 'closed',
      reason: 'Cierre repetido',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('invalid_referral_transition');
  });

  it('shows the case’s protection panel and offers the next provider after a decline', async () => {
    const first = await womensShelter(10, 0);
    const second = await womensShelter(10, 0);
    const { caseId, personId } = await policeCase();
    const consent = await giveConsent(caseId, personId);
    const need = await recordShelterNeed(caseId, personId, { notes: 'Con dos hijos pequeños' });
    const providersOf = (n: { matches: Array<{ providerId: string }> }) => n.matches.map((m) => m.providerId);
    expect(providersOf(need.json())).toEqual(expect.arrayContaining([first.providerId, second.providerId]));
    const referral = await api(t, police, 'POST', '/api/referrals', {
      caseId,
      needId: need.json().id,
      providerId: first.providerId,
    });
    expect(referral.statusCode).toBe(201);

    const panel = async () => {
      const res = await api(t, police, 'GET', `/api/cases/${caseId}/protection`);
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    let view = await panel();
    expect(view.consents.map((c: { id: string }) => c.id)).toEqual([consent.json().id]);
    expect(view.needs).toHaveLength(1);
    expect(view.needs[0]).toMatchObject({ status: 'referred', notes: 'Con dos hijos pequeños', matches: [] });
    expect(view.referrals).toHaveLength(1);
    expect(view.referrals[0]).toMatchObject({ state: 'requested', needId: need.json().id, personId });
    expect(view.actions).toEqual(['recordNeed', 'recordConsent', 'withdrawConsent', 'refer']);

    const declined = await api(t, shelter, 'POST', `/api/referrals/${referral.json().id}/decline`, {
      reason: 'Sin lugar para niños',
    });
    expect(declined.statusCode).toBe(200);
    view = await panel();
    expect(view.needs[0].status).toBe('open');
    const offered = providersOf(view.needs[0]);
    expect(offered).toContain(second.providerId);
    expect(offered).not.toContain(first.providerId);
    expect(view.referrals[0].state).toBe('declined');

    // The receiving institution sees the referral, never the case's panel; each read is audited.
    expect((await api(t, shelter, 'GET', `/api/cases/${caseId}/protection`)).statusCode).toBe(404);
    const reads = (await auditOf(t, police.user.id, 'success')).filter(
      (e) => e.action === 'need.list' && e.resource_id === caseId,
    );
    expect(reads).toHaveLength(2);
    const refused = (await auditOf(t, shelter.user.id, 'denied')).filter((e) => e.action === 'need.list');
    expect(refused.length).toBeGreaterThanOrEqual(1);
  });

  it('shares opt-in fields, such as a foreign victim’s protection status, only when asked and consented', async () => {
    const { caseId, personId } = await policeCase({ nationalities: ['BO'] });
    const status = await api(t, police, 'PUT', `/api/cases/${caseId}/persons/${personId}/protection-status`, {
      originCountry: 'BO',
      consulate: 'Consulado de Bolivia en Asunción',
      returnRequested: true,
      residencyRequested: true,
    });
    expect(status.statusCode).toBe(200);
    expect(status.json()).toMatchObject({
      originCountry: 'BO',
      returnArranged: false,
      residencyGranted: false,
    });
    await api(t, police, 'POST', `/api/cases/${caseId}/consents`, {
      ...CONSENT,
      personId,
      services: ['Repatriation'],
      sharedFields: [...CONSENT.sharedFields, 'surnames', 'nationalities', 'protectionStatus'],
    });
    const { providerId } = await insertProvider(t, {
      institution: 'INT-OIM',
      services: [{ serviceType: 'Repatriation', departments: ['PY-ASU'] }],
    });
    const referral = await referNeed(
      caseId,
      personId,
      'Repatriation',
      { providerId, extraSharedFields: ['surnames', 'protectionStatus'] },
      'Normal',
    );
    expect(referral.statusCode).toBe(201);
    const iom = await userWithSession(t, { role: 'case_worker', institution: 'INT-OIM' });
    const seen = (await api(t, iom, 'GET', `/api/referrals/${referral.json().id}`)).json();
    expect(seen.person.surnames).toBe('Recalde');
    expect(seen.person.protectionStatus).toMatchObject({ originCountry: 'BO', returnRequested: true });
    // Consented but not chosen for this referral: not shared.
    expect(seen.person.nationalities).toBeUndefined();
    expect(seen.person.contact).toBeUndefined();
  });

  it('refuses a referral without consent or a documented exception, writing nothing', async () => {
    const { providerId } = await womensShelter();
    const { caseId, personId } = await policeCase();
    const need = await recordShelterNeed(caseId, personId);
    const before = await rowCount(t, 'referrals');
    const refused = await api(t, police, 'POST', '/api/referrals', {
      caseId,
      needId: need.json().id,
      providerId,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('consent_required');
    expect(refused.json().error.message).toMatch(/consentimiento/);
    // Consent for another service does not cover a shelter.
    await insertConsent(t, caseId, personId, ['Medical']);
    const other = await api(t, police, 'POST', '/api/referrals', {
      caseId,
      needId: need.json().id,
      providerId,
    });
    expect(other.json().error.code).toBe('consent_required');
    // Consent for the shelter, but not for sharing the contact asked for.
    await insertConsent(t, caseId, personId, ['Shelter']);
    const extra = await api(
      t,
      police,
      'POST',
      '/api/referrals',
      { caseId, needId: need.json().id, providerId, extraSharedFields: ['contact'] },
      { 'accept-language': 'en' },
    );
    expect(extra.statusCode).toBe(409);
    expect(extra.json().error.code).toBe('consent_does_not_cover_fields');
    expect(extra.json().error.message).toContain('contact');
    expect(await rowCount(t, 'referrals')).toBe(before);
    // Within the consent's scope it goes through.
    const ok = await api(t, police, 'POST', '/api/referrals', { caseId, needId: need.json().id, providerId });
    expect(ok.statusCode).toBe(201);
    // A second open referral for the same need is refused.
    const twice = await api(t, police, 'POST', '/api/referrals', {
      caseId,
      needId: need.json().id,
      providerId,
    });
    expect(twice.json().error.code).toBe('need_already_referred');
  });

  it('accepts a child’s best-interest exception only from a child-protection authority’s supervisor or prosecutor, only for a child', async () => {
    const body = {
      kind: 'best_interest_exception',
      services: ['Psychological'],
      sharedFields: ['givenNames', 'sex', 'age', 'languages', 'interpreterNeeded', 'need'],
      givenOn: '2026-04-03',
      reason: 'Sin adulto protector localizable; atención urgente',
    };
    // The police (case worker or supervisor) may not sign it, nor may an NGO: nothing is written.
    const policeChild = await policeCase({ dateOfBirth: '2013-02-01', givenNames: 'Nilda' });
    const before = await rowCount(t, 'consents');
    for (const session of [police, policeSupervisor]) {
      const refused = await api(t, session, 'POST', `/api/cases/${policeChild.caseId}/consents`, {
        ...body,
        personId: policeChild.personId,
      });
      expect(refused.statusCode).toBe(403);
    }
    const bySupervisor = await api(t, policeSupervisor, 'POST', `/api/cases/${policeChild.caseId}/consents`, {
      ...body,
      personId: policeChild.personId,
    });
    expect(bySupervisor.json().error.code).toBe('forbidden');
    expect(await rowCount(t, 'consents')).toBe(before);
    const ngoChild = await policeCase({ dateOfBirth: '2013-02-01' }, ngoSupervisor);
    const byNgo = await api(t, ngoSupervisor, 'POST', `/api/cases/${ngoChild.caseId}/consents`, {
      ...body,
      personId: ngoChild.personId,
    });
    expect(byNgo.statusCode).toBe(403);
    expect(byNgo.json().error.code).toBe('forbidden');
    // The panel offers it only to the authority.
    const policePanel = await api(t, policeSupervisor, 'GET', `/api/cases/${policeChild.caseId}/protection`);
    expect(policePanel.json().actions).not.toContain('recordException');

    // MINNA (a child-protection authority): its case worker may not, its supervisor may.
    const child = await policeCase({ dateOfBirth: '2013-02-01', givenNames: 'Nilda' }, minnaSupervisor);
    const minnaPanel = await api(t, minnaSupervisor, 'GET', `/api/cases/${child.caseId}/protection`);
    expect(minnaPanel.json().actions).toContain('recordException');
    const byWorker = await api(t, other, 'POST', `/api/cases/${child.caseId}/consents`, {
      ...body,
      personId: child.personId,
    });
    expect(byWorker.statusCode).toBe(403);
    const granted = await api(t, minnaSupervisor, 'POST', `/api/cases/${child.caseId}/consents`, {
      ...body,
      personId: child.personId,
    });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ kind: 'best_interest_exception', method: null });
    // The reason is stored encrypted.
    const stored = await storedRow(t, 'consents', { id: granted.json().id }, ['reason']);
    expect(stored.reason).not.toContain('adulto');
    // The exception is enough to refer.
    const { providerId } = await insertProvider(t, {
      institution: 'MINNA',
      services: [{ serviceType: 'Psychological' }],
    });
    const need = await api(t, minnaSupervisor, 'POST', `/api/cases/${child.caseId}/needs`, {
      personId: child.personId,
      serviceType: 'Psychological',
      urgency: 'High',
    });
    const referral = await api(t, minnaSupervisor, 'POST', '/api/referrals', {
      caseId: child.caseId,
      needId: need.json().id,
      providerId,
    });
    expect(referral.statusCode).toBe(201);
    // Not for an adult.
    const adult = await policeCase({}, minnaSupervisor);
    const refused = await api(t, minnaSupervisor, 'POST', `/api/cases/${adult.caseId}/consents`, {
      ...body,
      personId: adult.personId,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('exception_only_for_child');
  });

  it('ends the referrals relying on a withdrawn consent; the receiver then reads nothing personal', async () => {
    const { providerId, serviceIds } = await womensShelter(10, 0);
    const { caseId, personId } = await policeCase();
    const consent = await giveConsent(caseId, personId);
    const need = await recordShelterNeed(caseId, personId, { notes: 'Nota reservada' });
    const referral = (
      await api(t, police, 'POST', '/api/referrals', {
        caseId,
        needId: need.json().id,
        providerId,
        note: 'Nota al albergue',
      })
    ).json();
    await api(t, shelter, 'POST', `/api/referrals/${referral.id}/acceptance`);
    await api(t, shelter, 'POST', `/api/referrals/${referral.id}/deliveries`, {
      deliveredOn: '2026-04-04',
      description: 'Atención inicial reservada',
    });
    expect(await occupancyOf(serviceIds.Shelter!)).toBe(1);

    const withdrawn = await api(
      t,
      police,
      'POST',
      `/api/cases/${caseId}/consents/${consent.json().id}/withdrawal`,
    );
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().withdrawnReferralIds).toEqual([referral.id]);
    expect(withdrawn.json().consent.withdrawnAt).not.toBeNull();
    expect(await occupancyOf(serviceIds.Shelter!)).toBe(0);

    const seen = await api(t, shelter, 'GET', `/api/referrals/${referral.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      state: 'withdrawn',
      person: null,
      sharedFields: [],
      note: null,
      actions: [],
    });
    expect(seen.json().deliveries[0].description).toBeNull();
    for (const secret of ['Liz', 'Nota reservada', 'Nota al albergue', 'Atención inicial reservada'])
      expect(seen.body).not.toContain(secret);
    // Nothing further can happen to it.
    const late = await api(t, shelter, 'POST', `/api/referrals/${referral.id}/deliveries`, {
      deliveredOn: '2026-04-05',
      description: 'Otra atención',
    });
    expect(late.json().error.code).toBe('invalid_referral_transition');
    const again = await api(
      t,
      police,
      'POST',
      `/api/cases/${caseId}/consents/${consent.json().id}/withdrawal`,
    );
    expect(again.json().error.code).toBe('consent_already_withdrawn');
    const timeline = (await api(t, police, 'GET', `/api/cases/${caseId}`))
      .json()
      .timeline.map((e: { kind: string }) => e.kind);
    expect(timeline).toEqual(expect.arrayContaining(['consent_withdrawn', 'referral_withdrawn']));
    // No new referral on a withdrawn consent.
    const refused = await referNeed(caseId, personId, 'Shelter', { providerId });
    expect(refused.json().error.code).toBe('consent_required');
  });

  it('lets exactly one of two concurrent acceptances take the last free place', async () => {
    const a = await insertReferral(t, 'PNPTU', 'MINMUJER', {
      serviceType: 'Shelter',
      capacity: 5,
      occupancy: 4,
    });
    // A second referral to the very same shelter service.
    const b = await insertReferral(t, 'PNPTU', 'MINMUJER', {
      serviceType: 'Shelter',
      capacity: 5,
      occupancy: 4,
    });
    await t.services.db.transaction((trx) =>
      trx
        .updateTable('referrals')
        .set({ provider_service_id: a.providerServiceId })
        .where('id', '=', b.referralId)
        .execute(),
    );
    const shelterStaff = await userWithSession(t, { role: 'supervisor', institution: 'MINMUJER' });
    // On PostgreSQL, make the race certain: hold the shelter's row until both requests wait on it.
    const holder = t.databaseUrl ? new pg.Client({ connectionString: t.databaseUrl }) : null;
    if (holder) {
      await holder.connect();
      await holder.query('begin');
      await holder.query('select id from provider_services where id = $1 for update', [a.providerServiceId]);
    }
    const racing = Promise.all([
      api(t, shelter, 'POST', `/api/referrals/${a.referralId}/acceptance`),
      api(t, shelterStaff, 'POST', `/api/referrals/${b.referralId}/acceptance`),
    ]);
    if (holder) {
      const deadline = Date.now() + 10_000;
      for (;;) {
        // pg_stat_activity is a snapshot per transaction: clear it to see the requests arrive.
        await holder.query('select pg_stat_clear_snapshot()');
        const waiting = await holder.query(
          "select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
        );
        if (waiting.rows[0].n >= 2) break;
        if (Date.now() > deadline) {
          await holder.query('rollback');
          await holder.end();
          throw new Error('the two acceptances never waited on the same place');
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await holder.query('commit');
      await holder.end();
    }
    const [first, second] = await racing;
    const statuses = [first.statusCode, second.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = first.statusCode === 409 ? first : second;
    expect(loser.json().error.code).toBe('no_capacity');
    expect(await occupancyOf(a.providerServiceId)).toBe(5);
    const states = await t.services.db.transaction((trx) =>
      trx.selectFrom('referrals').select('state').where('id', 'in', [a.referralId, b.referralId]).execute(),
    );
    expect(states.map((s) => s.state).sort()).toEqual(['accepted', 'requested']);
  });

  it('enforces the state machine with a clear 409', async () => {
    const r = await insertReferral(t, 'PNPTU', 'MINMUJER');
    const decline = await api(t, shelter, 'POST', `/api/referrals/${r.referralId}/decline`, {
      reason: 'Sin cupo de profesionales esta semana',
    });
    expect(decline.statusCode).toBe(200);
    expect(decline.json().stateReason).toBe('Sin cupo de profesionales esta semana');
    const accept = await api(t, shelter, 'POST', `/api/referrals/${r.referralId}/acceptance`, undefined, {
      'accept-language': 'en',
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error).toEqual({
      code: 'invalid_referral_transition',
      message: 'A referral in state “declined” cannot move to “accepted”.',
    });
    const requested = await insertReferral(t, 'PNPTU', 'MINMUJER');
    const early = await api(t, shelter, 'POST', `/api/referrals/${requested.referralId}/completion`, {
      outcome: 'completed',
    });
    expect(early.json().error.code).toBe('invalid_referral_transition');
    const delivery = await api(t, shelter, 'POST', `/api/referrals/${requested.referralId}/deliveries`, {
      deliveredOn: '2026-04-04',
      description: 'Atención',
    });
    expect(delivery.json().error.code).toBe('invalid_referral_transition');
    // The sender may close an open referral, with a reason.
    const closed = await api(t, police, 'POST', `/api/referrals/${requested.referralId}/completion`, {
      outcome: 'closed',
      reason: 'La persona regresó a su comunidad',
    });
    expect(closed.json().state).toBe('closed');
  });

  it('flags overdue referrals on both sides', async () => {
    const r = await insertReferral(t, 'PNPTU', 'MINMUJER');
    // Answered in time: accepted, then its answer deadline passes. It is not overdue, nor escalated.
    const answered = await insertReferral(t, 'PNPTU', 'MINMUJER', { state: 'accepted' });
    await t.services.db.transaction((trx) =>
      trx
        .updateTable('referrals')
        .set({ due_at: new Date(Date.now() - 86_400_000) })
        .where('id', 'in', [r.referralId, answered.referralId])
        .execute(),
    );
    const answeredView = await api(t, shelter, 'GET', `/api/referrals/${answered.referralId}`);
    expect(answeredView.json()).toMatchObject({ state: 'accepted', overdue: false });
    expect(await escalateOverdueReferrals(t.services.db)).toBeGreaterThanOrEqual(1);
    const escalated = await t.services.db.transaction((trx) =>
      trx
        .selectFrom('referrals')
        .select(['id', 'escalated_at'])
        .where('id', 'in', [r.referralId, answered.referralId])
        .execute(),
    );
    expect(escalated.find((row) => row.id === r.referralId)?.escalated_at).not.toBeNull();
    expect(escalated.find((row) => row.id === answered.referralId)?.escalated_at).toBeNull();
    const incoming = await api(t, shelter, 'GET', '/api/referrals?overdue=true');
    expect(incoming.json().items.map((i: { id: string }) => i.id)).toContain(r.referralId);
    expect(incoming.json().items.every((i: { overdue: boolean }) => i.overdue)).toBe(true);
    expect(incoming.json().overdue).toBeGreaterThanOrEqual(1);
    expect(incoming.json().items.map((i: { id: string }) => i.id)).not.toContain(answered.referralId);
    const outgoing = await api(t, police, 'GET', '/api/referrals?direction=outgoing&overdue=true');
    expect(outgoing.json().items.map((i: { id: string }) => i.id)).toContain(r.referralId);
    // Not overdue once it ends.
    await api(t, shelter, 'POST', `/api/referrals/${r.referralId}/decline`, {
      reason: 'Fuera de nuestra zona',
    });
    const after = await api(t, shelter, 'GET', '/api/referrals?overdue=true');
    expect(after.json().items.map((i: { id: string }) => i.id)).not.toContain(r.referralId);
  });

  it('refuses bad input to the referral operations with 400, writing nothing', async () => {
    const { caseId, personId } = await policeCase();
    const r = await insertReferral(t, 'PNPTU', 'MINMUJER', { state: 'accepted' });
    const tables = [
      'consents',
      'person_needs',
      'referrals',
      'service_deliveries',
      'protection_status',
    ] as const;
    const before = await Promise.all(tables.map((table) => rowCount(t, table)));
    const cases: Array<[string, string, unknown]> = [
      [`/api/cases/${caseId}/consents`, 'POST', { ...CONSENT, personId, method: undefined }],
      [`/api/cases/${caseId}/consents`, 'POST', { ...CONSENT, personId, reason: 'no corresponde aquí' }],
      [`/api/cases/${caseId}/consents`, 'POST', { ...CONSENT, personId, services: [] }],
      [`/api/cases/${caseId}/consents`, 'POST', { ...CONSENT, personId, services: ['Teleport'] }],
      [`/api/cases/${caseId}/consents`, 'POST', { ...CONSENT, personId, givenOn: '2999-01-01' }],
      [`/api/cases/${caseId}/consents`, 'POST', { ...CONSENT, personId: crypto.randomUUID() }],
      [`/api/cases/${caseId}/needs`, 'POST', { personId, serviceType: 'Shelter', urgency: 'Whenever' }],
      [`/api/cases/${caseId}/needs`, 'POST', { personId, serviceType: 'Shelter', urgency: 'High', extra: 1 }],
      [
        `/api/cases/${caseId}/needs`,
        'POST',
        { personId: crypto.randomUUID(), serviceType: 'Shelter', urgency: 'High' },
      ],
      [`/api/cases/${caseId}/persons/${personId}/protection-status`, 'PUT', { originCountry: 'Paraguay' }],
      [`/api/cases/${caseId}/persons/${personId}/protection-status`, 'PUT', { returnArranged: true }],
      ['/api/referrals', 'POST', { caseId, needId: crypto.randomUUID(), providerId: crypto.randomUUID() }],
      ['/api/referrals', 'POST', { caseId, needId: 'x', providerId: crypto.randomUUID() }],
      [`/api/referrals/${r.referralId}/decline`, 'POST', { reason: '' }],
      [`/api/referrals/${r.referralId}/completion`, 'POST', { outcome: 'closed' }],
      [`/api/referrals/${r.referralId}/completion`, 'POST', { outcome: 'finished' }],
      [
        `/api/referrals/${r.referralId}/deliveries`,
        'POST',
        { deliveredOn: '2026-02-30', description: 'x y' },
      ],
      [
        `/api/referrals/${r.referralId}/deliveries`,
        'POST',
        { deliveredOn: '2999-01-01', description: 'Atención' },
      ],
      [
        `/api/referrals/${r.referralId}/deliveries`,
        'POST',
        { deliveredOn: '2026-04-01', description: 'a\u0000b' },
      ],
    ];
    for (const [url, method, body] of cases) {
      const session = url.startsWith('/api/referrals/') ? shelter : police;
      const res = await api(t, session, method as 'POST' | 'PUT', url, body);
      expect({ url, body, status: res.statusCode }).toEqual({ url, body, status: 400 });
    }
    const bad = await api(t, police, 'GET', '/api/referrals?direction=sideways');
    expect(bad.statusCode).toBe(400);
    expect(await Promise.all(tables.map((table) => rowCount(t, table)))).toEqual(before);
  });
});
