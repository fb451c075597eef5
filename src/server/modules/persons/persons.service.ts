/**
 * Persons: registration with a duplicate warning, reading (always audited), update by the owner
 * institution, and search by name over blind-indexed phonetic tokens. Audit rows carry field
 * NAMES only, never a value, and no search term.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  CheckDuplicatesRequest,
  CreatePersonRequest,
  RevealPersonFieldsRequest,
  SearchPersonsRequest,
  UpdatePersonRequest,
} from '../../../shared/api-identification.js';
import { authorize } from '../../access/authorize.js';
import { refuseExpiredGrant } from '../../access/break-glass.js';
import { can } from '../../access/policies.js';
import {
  auditOperation,
  auditOperations,
  changedFieldsOf,
  writeAudit,
  readingOf,
  type ReadAudit,
} from '../../audit/audit.js';
import { personFieldsMaskedFor } from '../../../shared/sensitivity.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { errors } from '../../core/errors.js';
import { nextVersion, refuseConflicts } from '../../core/versions.js';
import type { AuditAction } from '../../../shared/actions.js';
import type { Ctx } from '../../core/context.js';
import { textKeys } from './name-normalize.js';
import {
  duplicateIndexes,
  type DuplicateIndexes,
  nameIndex,
  personColumns,
  personFields,
  type PersonInput,
} from './person-record.js';
import { presentCandidate, presentPerson, presentSummary } from './persons.presenter.js';
import {
  findCreatedPersonPage,
  findPersonPage,
  findVisibleDuplicates,
  readCreatedPersonPage,
  readPersonPage,
  refusedFor,
  insertPerson,
  readPersonSearch,
  updatePersonRow,
  type PersonPage,
} from './persons.repository.js';
import { isAfterParaguayToday } from '../../../shared/dates.js';
import { auditFieldsOf, isGiven, type AuditFieldName } from '../../../shared/audit-fields/lists.js';

type CreateInput = z.output<typeof CreatePersonRequest>;
type UpdateInput = z.output<typeof UpdatePersonRequest>;
type CheckInput = z.output<typeof CheckDuplicatesRequest>;
type SearchInput = z.output<typeof SearchPersonsRequest>;
type RevealInput = z.output<typeof RevealPersonFieldsRequest>;

/** A date of birth after today is a typing error, not a person. */
function checkDateOfBirth(dateOfBirth: string | null | undefined): void {
  if (dateOfBirth && isAfterParaguayToday(dateOfBirth, 0)) {
    throw errors.badRequest('date_of_birth_in_future');
  }
}

function audit(
  ctx: Ctx,
  action: AuditAction,
  resourceId: string | null,
  changedFields: readonly AuditFieldName[] = [],
) {
  return auditOperation(ctx, action, 'person', resourceId, changedFields);
}

/**
 * The one door to a person: loads person `id` for `action` (the record, the access facts, the
 * actor's visible cases of it and break-glass grant, in one statement) through the SQL scope and the
 * rule: not visible (or not existing) is "not found"; visible but not allowed (an update by an
 * institution that sees it through a shared case) is "forbidden". Nothing of the record is
 * decrypted or returned before both are checked.
 */
export async function loadPersonFor(
  ctx: Ctx,
  id: string,
  action: 'person.read' | 'person.update',
  /** The read's audit row, written by the page's statement when the read is let through. */
  reading?: ReadAudit,
): Promise<PersonPage> {
  const hint = { resourceType: 'person' as const, resourceId: id };
  const page = reading
    ? await readPersonPage(ctx.trx, ctx.actor, id, reading)
    : await findPersonPage(ctx.trx, ctx.actor, id);
  if (!page) throw errors.notFound({ audit: { action, ...hint } });
  if (!page.visible) await refuseExpiredGrant(ctx.trx, ctx.actor, id, { action, ...hint });
  const owned = { institutionId: page.record.owner_institution_id, sharedWithActor: page.visible };
  if (action === 'person.read') authorize(ctx.actor, 'person.read', owned, { hide: true, ...hint });
  else {
    // Out of scope is "not found" for a change too (the refusal is audited as the change attempted).
    if (!can(ctx.actor, 'person.read', owned)) throw errors.notFound({ audit: { action, ...hint } });
    authorize(ctx.actor, 'person.update', owned, hint);
  }
  return page;
}

function present(ctx: Ctx, crypto: FieldCrypto, { record, cases, grant }: PersonPage) {
  // Changes are for the institution that registered the person (not one that sees it via a share).
  const owned = { institutionId: record.owner_institution_id, sharedWithActor: false };
  const permissions = can(ctx.actor, 'person.update', owned) ? ['person.update'] : [];
  return presentPerson(crypto, record, cases, permissions, personFieldsMaskedFor(ctx.actor.role), grant);
}

/** The person page after the actor's own write (create, update): already authorized. */
async function reloaded(ctx: Ctx, crypto: FieldCrypto, id: string) {
  return present(ctx, crypto, (await findPersonPage(ctx.trx, ctx.actor, id))!);
}

/**
 * Audits a list of persons shown to the actor: one row per person whose name was shown (so the
 * data protection officer can answer "who has seen this person?"), or one row without a record
 * when nobody was found.
 */
async function auditShown(ctx: Ctx, action: AuditAction, ids: readonly string[]) {
  await auditOperations(ctx, action, 'person', ids.length === 0 ? [null] : ids);
}

/** Possible duplicates of `fields` among the persons the actor may see. */
async function candidatesFor(ctx: Ctx, crypto: FieldCrypto, fields: CheckInput, excludeId?: string) {
  const indexes = duplicateIndexes(crypto, fields);
  const rows = await findVisibleDuplicates(ctx.trx, ctx.actor, indexes, { excludeId });
  return rows.map((row) => presentCandidate(crypto, row, indexes));
}

/** The duplicate warning shown at intake before a person is created. */
export async function checkDuplicates(ctx: Ctx, crypto: FieldCrypto, input: CheckInput) {
  const candidates = await candidatesFor(ctx, crypto, input);
  await auditShown(
    ctx,
    'person.duplicateCheck',
    candidates.map((c) => c.id),
  );
  return { candidates };
}

/** The names of the fields `input` gives a value (for the audit trail). */
function givenFieldNames(input: Partial<PersonInput>): AuditFieldName[] {
  return auditFieldsOf(input, isGiven);
}

/**
 * Registers a person and answers its page. `endsTransaction`: nothing is written in the request's
 * transaction after this (no Idempotency-Key answer to remember, persons.routes.ts) — then the page's
 * statement writes the `person.create` audit row itself and refuses an unconfirmed duplicate
 * (readCreatedPersonPage), and on PostgreSQL the held INSERT, the page and the COMMIT go in one
 * round trip: a creation is two round trips (the session, then that one) where it was three.
 */
export async function createPerson(
  ctx: Ctx,
  crypto: FieldCrypto,
  input: CreateInput,
  { endsTransaction = false }: { endsTransaction?: boolean } = {},
) {
  if (!endsTransaction) {
    // The page comes with the duplicate look-up, in the statement after the INSERT (already authorized).
    const page = await writeNewPerson(ctx, crypto, input, (id, indexes) =>
      findCreatedPersonPage(ctx.trx, ctx.actor, id, indexes),
    );
    return present(ctx, crypto, page!);
  }
  const { id, fields, indexes, confirmed } = await insertChecked(ctx, crypto, input);
  const given = givenFieldNames(fields);
  let page: PersonPage | undefined;
  try {
    page = await readCreatedPersonPage(ctx.trx, ctx.actor, id, indexes, {
      reading: readingOf(ctx),
      given: changedFieldsOf(given),
      overridden: changedFieldsOf([...given, 'confirmNotDuplicate']),
      confirmed,
    });
  } catch (error) {
    // The transaction is aborted: nothing of it is committed (the INSERT included).
    if (refusedFor(error, 'possible_duplicates')) throw errors.conflict('possible_duplicates');
    throw error;
  }
  return present(ctx, crypto, page!);
}

/**
 * `createPerson` without reading the record back: its id, for a caller that only links it (a whole
 * intake, submitIntake) — the same checks, duplicate look-up, encryption and audit row.
 */
export async function insertNewPerson(ctx: Ctx, crypto: FieldCrypto, input: CreateInput): Promise<string> {
  return writeNewPerson(ctx, crypto, input, async (id, indexes) => ({
    page: id,
    duplicate:
      (await findVisibleDuplicates(ctx.trx, ctx.actor, indexes, { excludeId: id, limit: 1 })).length > 0,
  }));
}

/**
 * Registers a person: authorized, checked, encrypted, audited. The duplicate warning (another person
 * the actor may see with the same document or the same names and date of birth) is looked up by
 * `lookUp` right after the INSERT, in the same transaction and leaving the new person out — what it
 * finds is what a look-up before the INSERT would find — so that on PostgreSQL the INSERT is sent
 * with it in one round trip (insertPerson). A duplicate not confirmed throws, and the transaction
 * rolls the INSERT back.
 */
async function writeNewPerson<T>(
  ctx: Ctx,
  crypto: FieldCrypto,
  input: CreateInput,
  lookUp: (id: string, indexes: DuplicateIndexes) => Promise<{ page: T; duplicate: boolean }>,
): Promise<T> {
  const { id, fields, indexes, confirmed } = await insertChecked(ctx, crypto, input);
  const { page, duplicate } = await lookUp(id, indexes);
  if (duplicate && !confirmed) throw errors.conflict('possible_duplicates');
  // "confirmNotDuplicate" in the trail records that a duplicate warning was overridden.
  const overridden = duplicate ? (['confirmNotDuplicate'] as const) : [];
  await audit(ctx, 'person.create', id, [...givenFieldNames(fields), ...overridden]);
  return page;
}

/**
 * The new person's row: authorized, the date of birth checked, the fields encrypted and inserted
 * under an id drawn here (held on PostgreSQL: sent with the next statement, insertPerson).
 */
async function insertChecked(ctx: Ctx, crypto: FieldCrypto, input: CreateInput) {
  authorize(ctx.actor, 'person.create');
  const { confirmNotDuplicate, ...fields } = input;
  checkDateOfBirth(fields.dateOfBirth);
  const columns = personColumns(crypto, fields);
  const id = randomUUID();
  await insertPerson(ctx.trx, {
    id,
    ...columns,
    owner_institution_id: ctx.actor.institutionId,
    created_by: ctx.actor.userId,
  });
  const indexes: DuplicateIndexes = {
    documentBidx: columns.document_bidx,
    identityBidx: columns.identity_bidx,
  };
  return { id, fields, indexes, confirmed: confirmNotDuplicate === true };
}

/**
 * A person's record: through the person door, with its `person.read` audit row written by the
 * page's own statement (readPersonPage) — only when the door lets the read through.
 */
export async function getPerson(ctx: Ctx, crypto: FieldCrypto, id: string) {
  const page = await loadPersonFor(ctx, id, 'person.read', readingOf(ctx));
  return present(ctx, crypto, page);
}

/**
 * Masked fields of a person shown on request: through the same door as a read, audited as
 * `person.reveal` with the fields' names and the stated purpose (never the values). Only fields
 * masked for the actor's role can be asked for: the others are already in the record it reads.
 */
export async function revealPersonFields(ctx: Ctx, crypto: FieldCrypto, id: string, input: RevealInput) {
  const { record: row } = await loadPersonFor(ctx, id, 'person.read');
  const masked = personFieldsMaskedFor(ctx.actor.role);
  const notMasked = input.fields.filter((f) => !masked.includes(f));
  if (notMasked.length > 0) throw errors.badRequest('field_not_masked', { fields: notMasked.join(', ') });
  await writeAudit(ctx.trx, {
    actor: ctx.actor,
    action: 'person.reveal',
    resourceType: 'person' as const,
    resourceId: id,
    purpose: input.purpose,
    requestId: ctx.requestId,
    changedFields: input.fields,
  });
  const fields = personFields(crypto, row);
  return { values: input.fields.map((field) => ({ field, value: fields[field] ?? null })) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export async function updatePerson(ctx: Ctx, crypto: FieldCrypto, id: string, input: UpdateInput) {
  const { record: row } = await loadPersonFor(ctx, id, 'person.update');
  const current = personFields(crypto, row);
  const { baseVersion, ...fields } = input;
  refuseConflicts(row, baseVersion, fields, current);
  const changed = (Object.keys(fields) as (keyof typeof fields)[]).filter(
    (name) => !same(fields[name], current[name]),
  );
  if (changed.length > 0) {
    const next: PersonInput = { ...current, ...fields };
    checkDateOfBirth(next.dateOfBirth);
    const columns = personColumns(crypto, next);
    // An estimated age is relative to when it was recorded: the year of birth moves only when the
    // birth date or the estimate changes.
    if (!changed.includes('dateOfBirth') && !changed.includes('estimatedAge'))
      columns.birth_year = row.birth_year;
    await updatePersonRow(ctx.trx, id, { ...columns, ...nextVersion(row, changed) });
  }
  await audit(ctx, 'person.update', id, changed);
  return reloaded(ctx, crypto, id);
}

/**
 * Search by name: the query's phonetic keys are blind-indexed and matched against persons'
 * name_tokens inside the actor's scope; only the returned page is decrypted. A query with no
 * usable word (only particles or initials) finds nothing rather than everyone.
 */
export async function searchPersons(ctx: Ctx, crypto: FieldCrypto, input: SearchInput) {
  const tokens = textKeys(input.q).map(nameIndex(crypto));
  if (tokens.length === 0) {
    await auditShown(ctx, 'person.search', []);
    return { items: [] };
  }
  // The page's audit rows are written by its own statement (readPersonSearch).
  const rows = await readPersonSearch(ctx.trx, ctx.actor, tokens, input.limit, readingOf(ctx));
  return { items: rows.map((row) => presentSummary(crypto, row)) };
}
