/**
 * The protection rows of the access matrix (access-matrix.test.ts): the service directory,
 * consent, needs, referrals and the gap report.
 *
 * Case-bound operations follow the identification rows: "of PNPTU" is the actor's institution's
 * case; "shared with PNPTU" is read only; "(hidden)" is another institution's case not shared with
 * PNPTU. A referral is visible to the institution that sent it and the one that received it, and
 * nobody else (404); the receiving institution's actions are refused to the sender (403).
 */
import { api, institutionId } from '../helpers/factories.js';
import { insertConsent, insertNeed, insertProvider, insertReferral } from './protection-fixtures.js';
import { insertCase, insertLinkedPerson } from './screening-fixtures.js';
import type { AuditedAs, Cell, Runners } from './access-matrix-kit.js';

// prettier-ignore
export const PROTECTION_MATRIX = {
  // operation: situation                                                 sys  inst case sup  pros anal dpo
  'listServiceProviders: the directory, shelters with a free place':      '200  200  200  200  200  200  403',
  'createServiceProvider: for PNPTU (own institution)':                   '201  201  403  403  403  403  403',
  'createServiceProvider: for MINMUJER (another institution)':            '201  403  403  403  403  403  403',
  'updateServiceCapacity: a shelter of PNPTU (own institution)':          '403  200  200  200  200  403  403',
  'updateServiceCapacity: a shelter of MINMUJER (another institution)':   '403  403  403  403  403  403  403',
  'recordConsent: of a victim of a case of PNPTU':                        '403  403  201  201  201  403  403',
  'recordConsent: a best-interest exception for a child, case of PNPTU':  '403  403  403  403  403  403  403',
  'recordConsent: in a case of MINNA shared with PNPTU (read only)':      '403  403  403  403  403  403  403',
  'recordConsent: in a case of MINNA (hidden)':                           '403  403  404  404  404  403  403',
  'withdrawConsent: in a case of PNPTU':                                  '403  403  200  200  200  403  403',
  'withdrawConsent: in a case of MINNA (hidden)':                         '403  403  404  404  404  403  403',
  'getCaseProtection: of a case of PNPTU':                                '403  403  200  200  200  403  403',
  'getCaseProtection: of a case of MINNA shared with PNPTU':              '403  403  200  200  200  403  403',
  'getCaseProtection: of a case of MINNA (hidden)':                       '403  403  404  404  404  403  403',
  'getCaseProtection: the case behind a referral received by PNPTU':      '403  403  404  404  404  403  403',
  'recordNeed: of a victim of a case of PNPTU':                           '403  403  201  201  201  403  403',
  'recordNeed: in a case of MINNA shared with PNPTU (read only)':         '403  403  403  403  403  403  403',
  'recordNeed: in a case of MINNA (hidden)':                              '403  403  404  404  404  403  403',
  'recordProtectionStatus: of a victim of a case of PNPTU':               '403  403  200  200  200  403  403',
  'recordProtectionStatus: in a case of MINNA (hidden)':                  '403  403  404  404  404  403  403',
  'createReferral: from a case of PNPTU, with consent':                   '403  403  201  201  201  403  403',
  'createReferral: from a case of MINNA shared with PNPTU':               '403  403  403  403  403  403  403',
  'createReferral: from a case of MINNA (hidden)':                        '403  403  404  404  404  403  403',
  'listReferralInbox: the institution’s incoming referrals':              '403  403  200  200  200  403  403',
  'getReferral: sent by PNPTU':                                           '403  403  200  200  200  403  403',
  'getReferral: received by PNPTU':                                       '403  403  200  200  200  403  403',
  'getReferral: from MINNA to MINMUJER (hidden)':                         '403  403  404  404  404  403  403',
  'acceptReferral: received by PNPTU':                                    '403  403  200  200  200  403  403',
  'acceptReferral: sent by PNPTU (receiver only)':                        '403  403  403  403  403  403  403',
  'acceptReferral: from MINNA to MINMUJER (hidden)':                      '403  403  404  404  404  403  403',
  'declineReferral: received by PNPTU':                                   '403  403  200  200  200  403  403',
  'declineReferral: sent by PNPTU (receiver only)':                       '403  403  403  403  403  403  403',
  'completeReferral: complete one received by PNPTU':                     '403  403  200  200  200  403  403',
  'completeReferral: close one sent by PNPTU, with a reason':             '403  403  200  200  200  403  403',
  'completeReferral: complete one sent by PNPTU (receiver only)':         '403  403  403  403  403  403  403',
  'completeReferral: from MINNA to MINMUJER (hidden)':                    '403  403  404  404  404  403  403',
  'recordServiceDelivery: under a referral received by PNPTU':            '403  403  201  201  201  403  403',
  'recordServiceDelivery: under a referral sent by PNPTU':                '403  403  403  403  403  403  403',
  'getUnmetNeedsReport: aggregates (sys and dpo are MESA staff)':         '200  403  403  200  403  200  403',
} as const;

/** Refusals audited as a finer action than the route's coarse one. */
export const PROTECTION_AUDITED_AS: AuditedAs<typeof PROTECTION_MATRIX> = {
  'recordConsent: a best-interest exception for a child, case of PNPTU': 'consent.recordException',
  'completeReferral: complete one received by PNPTU': 'referral.respond',
  'completeReferral: complete one sent by PNPTU (receiver only)': 'referral.respond',
  'completeReferral: from MINNA to MINMUJER (hidden)': 'referral.respond',
};

const shelterOf = (c: Cell, institution: string) =>
  insertProvider(c.t, { institution, services: [{ serviceType: 'Shelter', capacity: 10, occupancy: 2 }] });
const capacity = async (c: Cell, institution: string) =>
  api(c.t, c.s, 'PUT', `/api/service-providers/${(await shelterOf(c, institution)).providerId}/capacity`, {
    serviceType: 'Shelter',
    capacity: 12,
    occupancy: 3,
  });
const newProvider = async (c: Cell, institution: string) =>
  api(c.t, c.s, 'POST', '/api/service-providers', {
    institutionId: await institutionId(c.t, institution),
    name: `Centro de prueba ${c.n}`,
    department: 'PY-ASU',
    services: [{ serviceType: 'Medical', departments: ['PY-ASU', 'PY-11'] }],
  });

async function victim(c: Cell, owner: string, sharedWith: string[] = [], dateOfBirth = '1999-05-01') {
  const caseId = await insertCase(c.t, owner, sharedWith);
  const personId = await insertLinkedPerson(c.t, caseId, owner, { dateOfBirth });
  return { caseId, personId };
}
type Where = [string, string[]];
const OWN: Where = ['PNPTU', []];
const SHARED: Where = ['MINNA', ['PNPTU']];
const HIDDEN: Where = ['MINNA', ['MINMUJER']];

const consent = async (c: Cell, [owner, shared]: Where) => {
  const { caseId, personId } = await victim(c, owner, shared);
  return api(c.t, c.s, 'POST', `/api/cases/${caseId}/consents`, {
    kind: 'consent',
    personId,
    services: ['Shelter', 'Psychological'],
    sharedFields: ['givenNames', 'sex', 'age', 'languages', 'interpreterNeeded', 'need'],
    givenOn: '2026-04-03',
    method: 'Written',
    givenBy: 'Person',
  });
};
const withdraw = async (c: Cell, [owner, shared]: Where) => {
  const { caseId, personId } = await victim(c, owner, shared);
  const consentId = await insertConsent(c.t, caseId, personId, ['Psychological']);
  return api(c.t, c.s, 'POST', `/api/cases/${caseId}/consents/${consentId}/withdrawal`);
};
const need = async (c: Cell, [owner, shared]: Where) => {
  const { caseId, personId } = await victim(c, owner, shared);
  return api(c.t, c.s, 'POST', `/api/cases/${caseId}/needs`, {
    personId,
    serviceType: 'Medical',
    urgency: 'Normal',
  });
};
const panel = async (c: Cell, [owner, shared]: Where) => {
  const { caseId, personId } = await victim(c, owner, shared);
  await insertNeed(c.t, caseId, personId, 'Psychological');
  return api(c.t, c.s, 'GET', `/api/cases/${caseId}/protection`);
};
const protectionStatus = async (c: Cell, [owner, shared]: Where) => {
  const { caseId, personId } = await victim(c, owner, shared);
  return api(c.t, c.s, 'PUT', `/api/cases/${caseId}/persons/${personId}/protection-status`, {
    originCountry: 'PY',
    destinationCountry: 'AR',
    consulate: 'Consulado en Buenos Aires',
    returnRequested: true,
  });
};
const refer = async (c: Cell, [owner, shared]: Where) => {
  const { caseId, personId } = await victim(c, owner, shared);
  await insertConsent(c.t, caseId, personId, ['Psychological']);
  const needId = await insertNeed(c.t, caseId, personId, 'Psychological');
  const { providerId } = await insertProvider(c.t, { institution: 'MINMUJER' });
  return api(c.t, c.s, 'POST', '/api/referrals', { caseId, needId, providerId });
};
const SENT: [string, string] = ['PNPTU', 'MINMUJER'];
const RECEIVED: [string, string] = ['MINNA', 'PNPTU'];
const ELSEWHERE: [string, string] = ['MINNA', 'MINMUJER'];
const onReferral = async (
  c: Cell,
  [from, to]: [string, string],
  method: 'GET' | 'POST',
  suffix: string,
  body?: object,
  state = 'requested',
) => {
  const { referralId } = await insertReferral(c.t, from, to, { state });
  return api(c.t, c.s, method, `/api/referrals/${referralId}${suffix}`, body);
};
const delivery = { deliveredOn: '2026-04-05', description: 'Sesión de contención psicológica' };

export const PROTECTION_RUN: Runners<typeof PROTECTION_MATRIX> = {
  'listServiceProviders: the directory, shelters with a free place': (c) =>
    api(c.t, c.s, 'GET', '/api/service-providers?serviceType=Shelter&withCapacity=true'),
  'createServiceProvider: for PNPTU (own institution)': (c) => newProvider(c, 'PNPTU'),
  'createServiceProvider: for MINMUJER (another institution)': (c) => newProvider(c, 'MINMUJER'),
  'updateServiceCapacity: a shelter of PNPTU (own institution)': (c) => capacity(c, 'PNPTU'),
  'updateServiceCapacity: a shelter of MINMUJER (another institution)': (c) => capacity(c, 'MINMUJER'),
  'recordConsent: of a victim of a case of PNPTU': (c) => consent(c, OWN),
  'recordConsent: a best-interest exception for a child, case of PNPTU': async (c) => {
    const { caseId, personId } = await victim(c, 'PNPTU', [], '2014-02-10');
    return api(c.t, c.s, 'POST', `/api/cases/${caseId}/consents`, {
      kind: 'best_interest_exception',
      personId,
      services: ['Shelter'],
      sharedFields: ['givenNames', 'sex', 'age', 'languages', 'interpreterNeeded', 'need'],
      givenOn: '2026-04-03',
      reason: 'Niña sin referente adulto protector; ingreso urgente (prueba)',
    });
  },
  'recordConsent: in a case of MINNA shared with PNPTU (read only)': (c) => consent(c, SHARED),
  'recordConsent: in a case of MINNA (hidden)': (c) => consent(c, HIDDEN),
  'withdrawConsent: in a case of PNPTU': (c) => withdraw(c, OWN),
  'withdrawConsent: in a case of MINNA (hidden)': (c) => withdraw(c, HIDDEN),
  'getCaseProtection: of a case of PNPTU': (c) => panel(c, OWN),
  'getCaseProtection: of a case of MINNA shared with PNPTU': (c) => panel(c, SHARED),
  'getCaseProtection: of a case of MINNA (hidden)': (c) => panel(c, HIDDEN),
  'getCaseProtection: the case behind a referral received by PNPTU': async (c) => {
    const { caseId } = await insertReferral(c.t, 'MINNA', 'PNPTU');
    return api(c.t, c.s, 'GET', `/api/cases/${caseId}/protection`);
  },
  'recordNeed: of a victim of a case of PNPTU': (c) => need(c, OWN),
  'recordNeed: in a case of MINNA shared with PNPTU (read only)': (c) => need(c, SHARED),
  'recordNeed: in a case of MINNA (hidden)': (c) => need(c, HIDDEN),
  'recordProtectionStatus: of a victim of a case of PNPTU': (c) => protectionStatus(c, OWN),
  'recordProtectionStatus: in a case of MINNA (hidden)': (c) => protectionStatus(c, HIDDEN),
  'createReferral: from a case of PNPTU, with consent': (c) => refer(c, OWN),
  'createReferral: from a case of MINNA shared with PNPTU': (c) => refer(c, SHARED),
  'createReferral: from a case of MINNA (hidden)': (c) => refer(c, HIDDEN),
  'listReferralInbox: the institution’s incoming referrals': (c) => api(c.t, c.s, 'GET', '/api/referrals'),
  'getReferral: sent by PNPTU': (c) => onReferral(c, SENT, 'GET', ''),
  'getReferral: received by PNPTU': (c) => onReferral(c, RECEIVED, 'GET', ''),
  'getReferral: from MINNA to MINMUJER (hidden)': (c) => onReferral(c, ELSEWHERE, 'GET', ''),
  'acceptReferral: received by PNPTU': (c) => onReferral(c, RECEIVED, 'POST', '/acceptance'),
  'acceptReferral: sent by PNPTU (receiver only)': (c) => onReferral(c, SENT, 'POST', '/acceptance'),
  'acceptReferral: from MINNA to MINMUJER (hidden)': (c) => onReferral(c, ELSEWHERE, 'POST', '/acceptance'),
  'declineReferral: received by PNPTU': (c) =>
    onReferral(c, RECEIVED, 'POST', '/decline', { reason: 'Sin profesional disponible' }),
  'declineReferral: sent by PNPTU (receiver only)': (c) =>
    onReferral(c, SENT, 'POST', '/decline', { reason: 'Sin profesional disponible' }),
  'completeReferral: complete one received by PNPTU': (c) =>
    onReferral(c, RECEIVED, 'POST', '/completion', { outcome: 'completed' }, 'in_progress'),
  'completeReferral: close one sent by PNPTU, with a reason': (c) =>
    onReferral(c, SENT, 'POST', '/completion', { outcome: 'closed', reason: 'La persona se mudó' }),
  'completeReferral: complete one sent by PNPTU (receiver only)': (c) =>
    onReferral(c, SENT, 'POST', '/completion', { outcome: 'completed' }, 'in_progress'),
  'completeReferral: from MINNA to MINMUJER (hidden)': (c) =>
    onReferral(c, ELSEWHERE, 'POST', '/completion', { outcome: 'completed' }, 'in_progress'),
  'recordServiceDelivery: under a referral received by PNPTU': (c) =>
    onReferral(c, RECEIVED, 'POST', '/deliveries', delivery, 'accepted'),
  'recordServiceDelivery: under a referral sent by PNPTU': (c) =>
    onReferral(c, SENT, 'POST', '/deliveries', delivery, 'accepted'),
  'getUnmetNeedsReport: aggregates (sys and dpo are MESA staff)': (c) =>
    api(c.t, c.s, 'GET', '/api/reports/unmet-needs'),
};
