/** The per-operation functions still used by pages not yet moved to `call(contract, input)`. */
import { z } from 'zod';
import { InstitutionList } from '../shared/api.js';
import { legacyCall as call, legacySend as send, type LegacyOptions as Options } from './api.js';
import {
  AddCasePersonRequest,
  AddEventRequest,
  CaseList,
  CaseView,
  CheckDuplicatesRequest,
  CreateCaseRequest,
  CreatePersonRequest,
  DecideStatusRequest,
  DecisionView,
  DuplicateCheckResult,
  EventView,
  ExploitationRequest,
  ExploitationView,
  InstrumentView,
  ListCasesQuery,
  PersonSearchResult,
  PersonView,
  ScreeningView,
  SearchPersonsRequest,
  ShareCaseRequest,
  SubmitScreeningRequest,
  UpdateCaseRequest,
  UpdatePersonRequest,
} from '../shared/api-identification.js';
import {
  CompleteReferralRequest,
  DeclineReferralRequest,
  ListProvidersQuery,
  ListReferralsQuery,
  ProviderList,
  ProviderView,
  ReferralInbox,
  ReferralView,
  ServiceDeliveryRequest,
  UpdateCapacityRequest,
  CaseProtection,
  ConsentView,
  CreateReferralRequest,
  NeedView,
  RecordConsentRequest,
  RecordNeedRequest,
  WithdrawConsentResponse,
} from '../shared/api-protection.js';

/** For 204 answers, and for writes whose answer the UI does not need (it reloads the list). */
async function callDiscardingBody(method: string, path: string, options: Options = {}): Promise<void> {
  const response = await send(method, path, options);
  await response.body?.cancel();
}

const id = (value: string) => encodeURIComponent(value);

// ---- institutions -----------------------------------------------------------------------------
export function listInstitutions(): Promise<z.output<typeof InstitutionList>> {
  return call('GET', '/api/institutions', InstitutionList);
}

// ---- cases and persons: list, pages, changes ------------------------------------------------------
/** The case list; filters are codes, dates and a reference prefix only (they travel in the URL). */
export function listCases(
  query: Partial<z.output<typeof ListCasesQuery>>,
): Promise<z.output<typeof CaseList>> {
  return call('GET', '/api/cases', CaseList, { query });
}

/** The case page (each person shown is an audited read). */
export function getCase(caseId: string): Promise<CaseView> {
  return call('GET', `/api/cases/${id(caseId)}`, CaseView);
}

export function updateCase(caseId: string, body: z.input<typeof UpdateCaseRequest>): Promise<CaseView> {
  return call('PATCH', `/api/cases/${id(caseId)}`, CaseView, { body });
}

export function shareCase(caseId: string, body: z.input<typeof ShareCaseRequest>): Promise<CaseView> {
  return call('POST', `/api/cases/${id(caseId)}/shares`, CaseView, { body });
}

export function revokeCaseShare(caseId: string, shareId: string): Promise<void> {
  return callDiscardingBody('DELETE', `/api/cases/${id(caseId)}/shares/${id(shareId)}`);
}

export function addTraffickingEvent(
  caseId: string,
  body: z.input<typeof AddEventRequest>,
): Promise<z.output<typeof EventView>> {
  return call('POST', `/api/cases/${id(caseId)}/events`, EventView, { body });
}

/** Replaces the exploitation, control and recruitment details of one person of the case. */
export function recordExploitation(
  caseId: string,
  personId: string,
  body: z.input<typeof ExploitationRequest>,
): Promise<z.output<typeof ExploitationView>> {
  return call('PUT', `/api/cases/${id(caseId)}/persons/${id(personId)}/exploitation`, ExploitationView, {
    body,
  });
}

/** A person's record (every read is audited on the server). */
export function getPerson(personId: string): Promise<PersonView> {
  return call('GET', `/api/persons/${id(personId)}`, PersonView);
}

export function updatePerson(
  personId: string,
  body: z.input<typeof UpdatePersonRequest>,
): Promise<PersonView> {
  return call('PATCH', `/api/persons/${id(personId)}`, PersonView, { body });
}

/** Finds persons by name; the name goes in the request body, never in the address. */
export function searchPersons(
  body: z.input<typeof SearchPersonsRequest>,
): Promise<z.output<typeof PersonSearchResult>> {
  return call('POST', '/api/persons/search', PersonSearchResult, { body });
}

// ---- intake: person, case, screening, decision ---------------------------------------------------
/**
 * Registers a person. Answered 409 `possible_duplicates` when someone visible may be the same
 * person, unless `confirmNotDuplicate` says the user has seen the candidates and this is another.
 */
export function createPerson(body: z.input<typeof CreatePersonRequest>): Promise<PersonView> {
  return call('POST', '/api/persons', PersonView, { body });
}

/** Persons already registered who may be the one about to be (identifying data in the body only). */
export function checkPersonDuplicates(
  body: z.input<typeof CheckDuplicatesRequest>,
): Promise<z.output<typeof DuplicateCheckResult>> {
  return call('POST', '/api/persons/duplicates', DuplicateCheckResult, { body });
}

/** Opens a case owned by the caller's institution; the answer carries its reference. */
export function createCase(body: z.input<typeof CreateCaseRequest>): Promise<CaseView> {
  return call('POST', '/api/cases', CaseView, { body });
}

export function addCasePerson(caseId: string, body: z.input<typeof AddCasePersonRequest>): Promise<CaseView> {
  return call('POST', `/api/cases/${id(caseId)}/persons`, CaseView, { body });
}

/** The latest published screening instrument (or the version asked for). */
export function getScreeningInstrument(version?: number): Promise<z.output<typeof InstrumentView>> {
  return call('GET', '/api/screening-instrument', InstrumentView, { query: { version } });
}

/** Records a screening of a person of the case; the answer carries the computed assessment. */
export function submitScreening(
  caseId: string,
  body: z.input<typeof SubmitScreeningRequest>,
): Promise<z.output<typeof ScreeningView>> {
  return call('POST', `/api/cases/${id(caseId)}/screenings`, ScreeningView, { body });
}

/** Records a person's trafficking-status decision (Possible / Actual / Not a victim). */
export function decideTraffickingStatus(
  caseId: string,
  body: z.input<typeof DecideStatusRequest>,
): Promise<z.output<typeof DecisionView>> {
  return call('POST', `/api/cases/${id(caseId)}/decisions`, DecisionView, { body });
}

// ---- protection: service directory, referrals, needs, the gap report ---------------------------
/** The service directory, filtered by service type, department and free capacity. */
export function listServiceProviders(
  query: Partial<z.output<typeof ListProvidersQuery>> = {},
): Promise<z.output<typeof ProviderList>> {
  return call('GET', '/api/service-providers', ProviderList, { query });
}

/** Sets the places (capacity) and the current occupancy of a provider's service with beds. */
export function updateServiceCapacity(
  providerId: string,
  body: z.input<typeof UpdateCapacityRequest>,
): Promise<z.output<typeof ProviderView>> {
  return call('PUT', `/api/service-providers/${id(providerId)}/capacity`, ProviderView, { body });
}

/** The referrals received by (or sent from) the caller's institution, with counts per state. */
export function listReferralInbox(
  query: Partial<z.output<typeof ListReferralsQuery>> = {},
): Promise<z.output<typeof ReferralInbox>> {
  return call('GET', '/api/referrals', ReferralInbox, { query });
}

/** One referral as the caller's side sees it (the receiving side gets the shared fields only). */
export function getReferral(referralId: string): Promise<z.output<typeof ReferralView>> {
  return call('GET', `/api/referrals/${id(referralId)}`, ReferralView);
}

export function acceptReferral(referralId: string): Promise<z.output<typeof ReferralView>> {
  return call('POST', `/api/referrals/${id(referralId)}/acceptance`, ReferralView);
}

export function declineReferral(
  referralId: string,
  body: z.input<typeof DeclineReferralRequest>,
): Promise<z.output<typeof ReferralView>> {
  return call('POST', `/api/referrals/${id(referralId)}/decline`, ReferralView, { body });
}

/** Completes a referral, or closes it with a reason. */
export function completeReferral(
  referralId: string,
  body: z.input<typeof CompleteReferralRequest>,
): Promise<z.output<typeof ReferralView>> {
  return call('POST', `/api/referrals/${id(referralId)}/completion`, ReferralView, { body });
}

export function recordServiceDelivery(
  referralId: string,
  body: z.input<typeof ServiceDeliveryRequest>,
): Promise<z.output<typeof ReferralView>> {
  return call('POST', `/api/referrals/${id(referralId)}/deliveries`, ReferralView, { body });
}

/** The protection panel of a case: needs with today's matches, consents, referrals made. */
export function getCaseProtection(caseId: string): Promise<z.output<typeof CaseProtection>> {
  return call('GET', `/api/cases/${id(caseId)}/protection`, CaseProtection);
}

/** Records a need of a person on the case; the answer carries the matching providers or why none. */
export function recordNeed(
  caseId: string,
  body: z.input<typeof RecordNeedRequest>,
): Promise<z.output<typeof NeedView>> {
  return call('POST', `/api/cases/${id(caseId)}/needs`, NeedView, { body });
}

export function recordConsent(
  caseId: string,
  body: z.input<typeof RecordConsentRequest>,
): Promise<z.output<typeof ConsentView>> {
  return call('POST', `/api/cases/${id(caseId)}/consents`, ConsentView, { body });
}

export function withdrawConsent(
  caseId: string,
  consentId: string,
): Promise<z.output<typeof WithdrawConsentResponse>> {
  return call(
    'POST',
    `/api/cases/${id(caseId)}/consents/${id(consentId)}/withdrawal`,
    WithdrawConsentResponse,
  );
}

export function createReferral(
  body: z.input<typeof CreateReferralRequest>,
): Promise<z.output<typeof ReferralView>> {
  return call('POST', '/api/referrals', ReferralView, { body });
}

export { ApiError, onSessionEnded, toApiError } from './api.js';
