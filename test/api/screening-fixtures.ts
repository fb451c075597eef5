/**
 * Fixtures for the screening and decision tests: cases, persons and links inserted directly (with
 * the encrypted columns encrypted as the modules store them), so these tests do not depend on the
 * intake API. Synthetic data only.
 */
import { nextCaseNumber } from '../../src/server/modules/cases/cases.repository.js';
import { formatReference } from '../../src/server/modules/cases/cases.service.js';
import { buildPersonRecord, institutionId } from '../helpers/factories.js';
import type { Trx } from '../../src/server/db/database.js';
import type { TestContext } from '../helpers/db.js';

export async function insertCase(t: TestContext, owner: string, sharedWith: string[] = []): Promise<string> {
  const ownerId = await institutionId(t, owner);
  const shareIds = await Promise.all(sharedWith.map((code) => institutionId(t, code)));
  return t.services.db.transaction(async (trx) => {
    const row = await trx
      .insertInto('cases')
      .values({
        // The real reference sequence: random numbers collided once a file made a few hundred cases.
        reference: formatReference(2026, await nextCaseNumber(trx, 2026)),
        owner_institution_id: ownerId,
        owner_unit_id: null,
        created_by: null,
        detection_method: 'PoliceOperation',
        detected_on: '2026-04-02',
        detection_department: 'PY-10',
        detection_place: null,
        narrative: t.services.crypto.encrypt('Relato sintético de prueba', 'cases.narrative'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const id of shareIds) {
      await trx
        .insertInto('case_shares')
        .values({ case_id: row.id, institution_id: id, shared_by: null, reason: 'Derivación de prueba' })
        .execute();
    }
    return row.id;
  });
}

export interface PersonAge {
  dateOfBirth?: string | null;
  estimatedAge?: number | null;
  ageApproximate?: boolean;
}

/** A person of `owner` with the given age data, linked to `caseId` as a presumed victim. */
export async function insertLinkedPerson(
  t: TestContext,
  caseId: string,
  owner: string,
  age: PersonAge = {},
): Promise<string> {
  const dateOfBirth = age.dateOfBirth ?? null;
  const { id } = await buildPersonRecord(t, {
    institution: owner,
    givenNames: 'Mirna Soledad',
    firstSurname: 'Aquino',
    birthYear: dateOfBirth ? Number(dateOfBirth.slice(0, 4)) : null,
  });
  await t.services.db.transaction(async (trx) => {
    await trx
      .updateTable('persons')
      .set({
        date_of_birth: t.services.crypto.encryptNullable(dateOfBirth, 'persons.date_of_birth'),
        estimated_age: age.estimatedAge ?? null,
        age_estimated: age.ageApproximate ?? false,
      })
      .where('id', '=', id)
      .execute();
    await trx
      .insertInto('case_persons')
      .values({ case_id: caseId, person_id: id, role: 'PresumedVictim' })
      .execute();
  });
  return id;
}

/**
 * A police trafficking decision on `decision.personId` in `decision.caseId`, inserted in `trx` with its
 * reason encrypted as the decisions module stores it (no decider, no screening, reviewing none).
 */
export async function insertDecision(
  t: TestContext,
  trx: Trx,
  decision: {
    caseId: string;
    personId: string;
    status: string;
    institutionId: string;
    decidedOn: string;
    reason?: string;
  },
): Promise<void> {
  await trx
    .insertInto('trafficking_decisions')
    .values({
      case_id: decision.caseId,
      person_id: decision.personId,
      status: decision.status,
      decision_org_type: 'Police',
      institution_id: decision.institutionId,
      decided_by: null,
      decided_on: decision.decidedOn,
      reason: t.services.crypto.encrypt(
        decision.reason ?? 'Motivo sintético',
        'trafficking_decisions.reason',
      ),
      screening_id: null,
      reviews_decision_id: null,
    })
    .execute();
}

/**
 * A published screening instrument with an empty definition, inserted in `trx` under `version` (one
 * no other test uses), for screenings inserted directly; returns its id.
 */
export async function insertInstrument(trx: Trx, version: number): Promise<string> {
  const row = await trx
    .insertInto('screening_instruments')
    .values({ version, status: 'published', definition: JSON.stringify({}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Answers with "yes" for `ids` and "no" for `noIds`. */
export function answers(yes: string[], no: string[] = []): Record<string, 'yes' | 'no'> {
  return Object.fromEntries([...yes.map((id) => [id, 'yes']), ...no.map((id) => [id, 'no'])]);
}
