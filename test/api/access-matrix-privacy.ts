/**
 * The privacy rows of the access matrix (access-matrix.test.ts): retention, holds and erasure are
 * the DPO's (the schedule also the system administrator's); break-glass is opened by case roles and
 * reviewed by the DPO; alerts are the DPO's; the access report is handed out by case roles who see
 * the person, or produced by the DPO; the consent receipt by case roles who see its case.
 */
import { api } from '../helpers/factories.js';
import { insertConsent } from './protection-fixtures.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import type { Cell, Runners } from './access-matrix-kit.js';

async function personOf(c: Cell, owner: string) {
  const caseId = await insertCase(c.t, owner);
  const personId = await insertLinkedPerson(c.t, caseId, owner);
  return { caseId, personId };
}

async function grant(c: Cell) {
  const { personId } = await personOf(c, 'MINNA');
  return c.t.services.db.transaction(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select(['id', 'institution_id'])
      .where('role', '=', 'case_worker')
      .executeTakeFirstOrThrow();
    const owner = await trx
      .selectFrom('persons')
      .select('owner_institution_id')
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
    const row = await trx
      .insertInto('break_glass')
      .values({
        user_id: user.id,
        institution_id: user.institution_id,
        resource_type: 'person',
        resource_id: personId,
        owner_institution_id: owner.owner_institution_id,
        reason: c.t.services.crypto.encrypt('Emergencia de prueba sintética', 'break_glass.reason'),
        expires_at: new Date(Date.now() - 60_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  });
}

// prettier-ignore
export const PRIVACY_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'getRetentionSchedule: the schedule':                                   '200  403  403  403  403  403  200',
  'updateRetentionSchedule: keep victims’ cases 20 years':                '200  403  403  403  403  403  200',
  'setLegalHold: on a case of PNPTU':                                     '403  403  403  403  403  403  201',
  'releaseLegalHold: a manual hold':                                      '403  403  403  403  403  403  200',
  'listRetentionDue: the erasure queue':                                  '403  403  403  403  403  403  200',
  'eraseRecords: refuse a survivor’s request (legal claims)':             '403  403  403  403  403  403  200',
  'openBreakGlass: a person of MINNA, with a reason':                     '403  403  201  201  201  403  403',
  'listBreakGlass: unreviewed uses':                                      '403  403  403  403  403  403  200',
  'reviewBreakGlass: an expired use':                                     '403  403  403  403  403  403  200',
  'listPrivacyAlerts: open alerts':                                       '403  403  403  403  403  403  200',
  'acknowledgePrivacyAlert: an open alert':                               '403  403  403  403  403  403  200',
  'getPersonAccessReport: of a person of PNPTU':                          '403  403  200  200  200  403  200',
  'getPersonAccessReport: of a person of MINNA (hidden: not found)':      '403  403  404  404  404  403  200',
  'getConsentReceipt: of a consent on a case of PNPTU':                   '403  403  200  200  200  403  403',
} as const;

export const PRIVACY_RUN: Runners<typeof PRIVACY_MATRIX> = {
  'getRetentionSchedule: the schedule': (c) => api(c.t, c.s, 'GET', '/api/privacy/retention'),
  'updateRetentionSchedule: keep victims’ cases 20 years': (c) =>
    api(c.t, c.s, 'PUT', '/api/privacy/retention', { rules: [{ category: 'victim_case', years: 20 }] }),
  'setLegalHold: on a case of PNPTU': async (c) =>
    api(c.t, c.s, 'POST', '/api/privacy/holds', {
      caseId: await insertCase(c.t, 'PNPTU'),
      reason: 'Orden judicial de conservación (prueba)',
    }),
  'releaseLegalHold: a manual hold': async (c) => {
    const caseId = await insertCase(c.t, 'PNPTU');
    const hold = await c.t.services.db.transaction((trx) =>
      trx
        .insertInto('legal_holds')
        .values({
          case_id: caseId,
          reason: c.t.services.crypto.encrypt('Prueba', 'legal_holds.reason'),
          placed_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    return api(c.t, c.s, 'DELETE', `/api/privacy/holds/${hold.id}`);
  },
  'listRetentionDue: the erasure queue': (c) => api(c.t, c.s, 'GET', '/api/privacy/retention/due'),
  'eraseRecords: refuse a survivor’s request (legal claims)': async (c) =>
    api(c.t, c.s, 'POST', '/api/privacy/erasures', {
      basis: 'data_subject_request',
      decision: 'refuse',
      exception: 'legal_claims',
      requestedOn: '2026-11-30',
      caseIds: [await insertCase(c.t, 'PNPTU')],
    }),
  'openBreakGlass: a person of MINNA, with a reason': async (c) =>
    api(c.t, c.s, 'POST', '/api/privacy/break-glass', {
      resourceType: 'person',
      resourceId: (await personOf(c, 'MINNA')).personId,
      reason: 'Emergencia: la persona llegó herida a la comisaría (prueba)',
    }),
  'listBreakGlass: unreviewed uses': (c) => api(c.t, c.s, 'GET', '/api/privacy/break-glass'),
  'reviewBreakGlass: an expired use': async (c) =>
    api(c.t, c.s, 'POST', `/api/privacy/break-glass/${await grant(c)}/review`, {
      review: 'justified',
      note: 'Emergencia comprobada',
    }),
  'listPrivacyAlerts: open alerts': (c) => api(c.t, c.s, 'GET', '/api/privacy/alerts'),
  'acknowledgePrivacyAlert: an open alert': async (c) => {
    const alert = await c.t.services.db.transaction((trx) =>
      trx
        .insertInto('privacy_alerts')
        .values({
          kind: 'export',
          user_id: null,
          institution_id: null,
          window_from: new Date(),
          window_to: new Date(),
          count: 1,
        })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    return api(c.t, c.s, 'POST', `/api/privacy/alerts/${alert.id}/acknowledgement`);
  },
  'getPersonAccessReport: of a person of PNPTU': async (c) =>
    api(c.t, c.s, 'GET', `/api/persons/${(await personOf(c, 'PNPTU')).personId}/access-report?format=json`),
  'getPersonAccessReport: of a person of MINNA (hidden: not found)': async (c) =>
    api(c.t, c.s, 'GET', `/api/persons/${(await personOf(c, 'MINNA')).personId}/access-report?format=json`),
  'getConsentReceipt: of a consent on a case of PNPTU': async (c) => {
    const { caseId, personId } = await personOf(c, 'PNPTU');
    const consentId = await insertConsent(c.t, caseId, personId, ['Shelter']);
    return api(c.t, c.s, 'GET', `/api/consents/${consentId}/receipt?format=json`);
  },
};
