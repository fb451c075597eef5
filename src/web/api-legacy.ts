/** The per-operation functions still used by pages not yet moved to `call(contract, input)`. */
import { z } from 'zod';
import {
  AuditEventList,
  AuditVerifyResult,
  CreateInstitutionRequest,
  CreateUnitRequest,
  CreateUserRequest,
  CreateUserResponse,
  InstitutionList,
  ListAuditEventsQuery,
  ListUsersQuery,
  LoginRequest,
  PasswordResetResponse,
  PreferencesRequest,
  SessionView,
  SetPasswordRequest,
  SetPasswordResponse,
  SetupRequest,
  SetupResponse,
  SetupStatus,
  TotpConfirmRequest,
  TotpEnrolment,
  UpdateUserRequest,
  UserList,
} from '../shared/api.js';
import {
  DrillQuery,
  DrillResult,
  FigureResult as FigureResultSchema,
  PublicStatistics as PublicStatisticsSchema,
  StatisticsQuery,
  type FigureResult,
  type PublicStatistics,
} from '../shared/api-statistics.js';
import {
  ApiError,
  legacyCall as call,
  legacySend as send,
  setCsrfToken,
  type LegacyOptions as Options,
} from './api.js';
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
  UnmetNeedsQuery,
  UnmetNeedsReport,
  UpdateCapacityRequest,
  CaseProtection,
  ConsentView,
  CreateReferralRequest,
  NeedView,
  RecordConsentRequest,
  RecordNeedRequest,
  WithdrawConsentResponse,
} from '../shared/api-protection.js';
import { MarkNotificationsReadResponse, NotificationList } from '../shared/api-notifications.js';
import { CtdcFormat, CtdcImportCounts, CtdcImportList, CtdcImportView } from '../shared/api-exchange.js';

/** For 204 answers, and for writes whose answer the UI does not need (it reloads the list). */
async function callDiscardingBody(method: string, path: string, options: Options = {}): Promise<void> {
  const response = await send(method, path, options);
  await response.body?.cancel();
}

async function session(promise: Promise<SessionView>): Promise<SessionView> {
  const view = await promise;
  setCsrfToken(view.csrfToken);
  return view;
}

const id = (value: string) => encodeURIComponent(value);

// ---- auth and session ------------------------------------------------------------------------
export function login(body: z.output<typeof LoginRequest>): Promise<SessionView> {
  return session(call('POST', '/api/auth/login', SessionView, { body, anonymous: true }));
}

export async function logout(): Promise<void> {
  try {
    await callDiscardingBody('POST', '/api/auth/logout', { anonymous: true });
  } finally {
    setCsrfToken(null);
  }
}

export async function logoutEverywhere(): Promise<void> {
  await callDiscardingBody('POST', '/api/auth/logout-everywhere');
  setCsrfToken(null);
}

/** The current session, or null when not logged in. */
export async function getSession(): Promise<SessionView | null> {
  try {
    return await session(call('GET', '/api/session', SessionView, { anonymous: true }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function updatePreferences(body: z.output<typeof PreferencesRequest>): Promise<SessionView> {
  return session(call('PATCH', '/api/session/preferences', SessionView, { body }));
}

export function enrollTotp(): Promise<z.output<typeof TotpEnrolment>> {
  return call('POST', '/api/session/totp', TotpEnrolment);
}

export function confirmTotp(body: z.output<typeof TotpConfirmRequest>): Promise<SessionView> {
  return session(call('POST', '/api/session/totp/confirm', SessionView, { body }));
}

// ---- set-up and one-time links ------------------------------------------------------------------
export function getSetupStatus(): Promise<z.output<typeof SetupStatus>> {
  return call('GET', '/api/setup', SetupStatus, { anonymous: true });
}

export function completeSetup(body: z.output<typeof SetupRequest>): Promise<z.output<typeof SetupResponse>> {
  return call('POST', '/api/setup', SetupResponse, { body, anonymous: true });
}

export function setPasswordWithToken(
  body: z.output<typeof SetPasswordRequest>,
): Promise<z.output<typeof SetPasswordResponse>> {
  return call('POST', '/api/account/password', SetPasswordResponse, { body, anonymous: true });
}

// ---- institutions -----------------------------------------------------------------------------
export function listInstitutions(): Promise<z.output<typeof InstitutionList>> {
  return call('GET', '/api/institutions', InstitutionList);
}

export function createInstitution(body: z.output<typeof CreateInstitutionRequest>): Promise<void> {
  return callDiscardingBody('POST', '/api/institutions', { body });
}

export function createUnit(institutionId: string, body: z.output<typeof CreateUnitRequest>): Promise<void> {
  return callDiscardingBody('POST', `/api/institutions/${id(institutionId)}/units`, { body });
}

// ---- users ----------------------------------------------------------------------------------
export function listUsers(
  query: Partial<z.output<typeof ListUsersQuery>>,
): Promise<z.output<typeof UserList>> {
  return call('GET', '/api/users', UserList, { query });
}

export function createUser(
  body: z.output<typeof CreateUserRequest>,
): Promise<z.output<typeof CreateUserResponse>> {
  return call('POST', '/api/users', CreateUserResponse, { body });
}

export function updateUser(userId: string, body: z.output<typeof UpdateUserRequest>): Promise<void> {
  return callDiscardingBody('PATCH', `/api/users/${id(userId)}`, { body });
}

export function resetUserPassword(userId: string): Promise<z.output<typeof PasswordResetResponse>> {
  return call('POST', `/api/users/${id(userId)}/password-reset`, PasswordResetResponse);
}

// ---- audit ----------------------------------------------------------------------------------
export function listAuditEvents(
  query: Partial<z.output<typeof ListAuditEventsQuery>>,
): Promise<z.output<typeof AuditEventList>> {
  return call('GET', '/api/audit-events', AuditEventList, { query });
}

export function verifyAuditChain(): Promise<z.output<typeof AuditVerifyResult>> {
  return call('GET', '/api/audit-events/verify', AuditVerifyResult);
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

const DecisionList = z.object({ items: z.array(DecisionView) });

/** The trafficking-status decisions of a case (or of one person in it), newest first. */
export function listDecisions(caseId: string, personId?: string): Promise<z.output<typeof DecisionList>> {
  return call('GET', `/api/cases/${id(caseId)}/decisions`, DecisionList, { query: { personId } });
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

/** Unmet needs in aggregate; cells under the minimum size come back suppressed. */
export function getUnmetNeedsReport(
  query: z.input<typeof UnmetNeedsQuery> = {},
): Promise<z.output<typeof UnmetNeedsReport>> {
  return call('GET', '/api/reports/unmet-needs', UnmetNeedsReport, { query });
}

// ---- notifications ---------------------------------------------------------------------------
/** The signed-in user's notifications (newest first) and how many are unread. */
export function listNotifications(): Promise<z.output<typeof NotificationList>> {
  return call('GET', '/api/notifications', NotificationList);
}

export function markAllNotificationsRead(): Promise<z.output<typeof MarkNotificationsReadResponse>> {
  return call('POST', '/api/notifications/read', MarkNotificationsReadResponse, { body: { all: true } });
}

// ---- standards exchange (docs/STANDARDS.md) ------------------------------------------------

/** A pseudonymised export as a file to save: the server names it. */
export async function downloadExport(
  kind: 'htcds' | 'ctdc',
  query: { format?: z.input<typeof CtdcFormat>; from?: string; to?: string } = {},
): Promise<{ blob: Blob; fileName: string; rows: number }> {
  const response = await send('GET', `/api/exports/${kind}`, { query });
  const disposition = response.headers.get('content-disposition') ?? '';
  const fileName = /filename="([^"]+)"/.exec(disposition)?.[1] ?? `nanduti-${kind}.csv`;
  return { blob: await response.blob(), fileName, rows: Number(response.headers.get('x-nanduti-rows') ?? 0) };
}

/** Imports a CTDC CSV file as it is (text/csv: files are larger than JSON bodies may be). */
export function importCtdcFile(file: Blob, label?: string): Promise<z.output<typeof CtdcImportView>> {
  return call('POST', '/api/ctdc-imports', CtdcImportView, {
    query: { label },
    raw: { body: file, contentType: 'text/csv' },
  });
}

export function listCtdcImports(): Promise<z.output<typeof CtdcImportList>> {
  return call('GET', '/api/ctdc-imports', CtdcImportList);
}

export function getCtdcImportCounts(importId: string): Promise<z.output<typeof CtdcImportCounts>> {
  return call('GET', `/api/ctdc-imports/${id(importId)}/counts`, CtdcImportCounts);
}
// ---- statistics ------------------------------------------------------------------------------
/** One figure with its year-over-year change and breakdown (aggregates only). */
export function getStatistics(query: z.input<typeof StatisticsQuery>): Promise<FigureResult> {
  return call('GET', '/api/statistics', FigureResultSchema, { query: query as Options['query'] });
}

/** The cases behind a figure that the user may open. */
export function drillStatistics(query: z.input<typeof DrillQuery>): Promise<z.output<typeof DrillResult>> {
  return call('GET', '/api/statistics/records', DrillResult, { query: query as Options['query'] });
}

/** The public, disclosure-controlled open data of a year (no session). */
export function getPublicStatistics(year?: number): Promise<PublicStatistics> {
  return call('GET', '/api/public/statistics', PublicStatisticsSchema, {
    query: year ? { year: String(year) } : {},
    anonymous: true,
  });
}
export { ApiError, onSessionEnded, toApiError } from './api.js';
