/**
 * Fixtures for the prosecution tests: investigations and suspects inserted directly (identity
 * encrypted as the module stores it), so a test cell does not depend on other operations.
 * Synthetic data only.
 */
import crypto from 'node:crypto';
import type { TestContext } from '../helpers/db.js';
import { institutionId } from '../helpers/factories.js';

export interface InvestigationFixture {
  investigationId: string;
  suspectId: string;
}

/**
 * An investigation of `owner` with one suspect (flagged as an official of `officialOf`, when given),
 * instructed to the institutions `instructed`, and the stages given (a charge under L4788-5 first
 * when `charged`).
 */
export async function insertInvestigation(
  t: TestContext,
  owner: string,
  options: {
    instructed?: string[];
    officialOf?: string;
    stages?: string[];
    charged?: boolean;
    reference?: string;
  } = {},
): Promise<InvestigationFixture> {
  const ownerId = await institutionId(t, owner);
  const instructed = await Promise.all((options.instructed ?? []).map((code) => institutionId(t, code)));
  const officialId = options.officialOf ? await institutionId(t, options.officialOf) : null;
  const { crypto: fields } = t.services;
  return t.services.db.transaction(async (trx) => {
    const investigation = await trx
      .insertInto('investigations')
      .values({
        reference: options.reference ?? `CF-${crypto.randomUUID().slice(0, 8)}`,
        owner_institution_id: ownerId,
        unit_id: null,
        opened_on: '2026-02-01',
        complaint_on: '2026-01-20',
        complaint_summary: fields.encrypt('Denuncia sintética de prueba', 'investigations.complaint_summary'),
        department: 'PY-10',
        ict_platforms: ['Facebook'],
        ict_accounts: null,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const id of instructed)
      await trx
        .insertInto('investigation_instructions')
        .values({ investigation_id: investigation.id, institution_id: id, instructed_by: null })
        .execute();
    const suspect = await trx
      .insertInto('investigation_suspects')
      .values({
        investigation_id: investigation.id,
        given_names: fields.encrypt('Ramón Darío', 'investigation_suspects.given_names'),
        surnames: fields.encrypt('Benítez Ojeda', 'investigation_suspects.surnames'),
        aliases: null,
        document_number: null,
        official_position: null,
        sex: 'Male',
        birth_year: 1980,
        nationality: 'PY',
        roles: ['RecruiterIntermediary'],
        official_kind: officialId ? 'police' : null,
        official_institution_id: officialId,
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (options.charged) {
      const provision = await trx
        .selectFrom('legal_provisions')
        .select('id')
        .where('code', '=', 'L4788-5')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('suspect_charges')
        .values({
          suspect_id: suspect.id,
          provision_id: provision.id,
          charged_on: '2026-03-01',
          created_by: null,
        })
        .execute();
    }
    for (const [index, stage] of (options.stages ?? []).entries())
      await trx
        .insertInto('procedural_stages')
        .values({
          suspect_id: suspect.id,
          seq: index + 1,
          stage,
          occurred_on: `2026-03-${String(index + 1).padStart(2, '0')}`,
          created_by: null,
        })
        .execute();
    return { investigationId: investigation.id, suspectId: suspect.id };
  });
}

/** The id of a catalogue provision by code. */
export async function provisionId(t: TestContext, code: string): Promise<string> {
  const row = await t.services.db.transaction((trx) =>
    trx.selectFrom('legal_provisions').select('id').where('code', '=', code).executeTakeFirstOrThrow(),
  );
  return row.id;
}

/** A synthetic suspect to add through the API (`POST …/suspects`). */
export const suspectBody = (givenNames: string, sex = 'Male', birthYear = 1980) => ({
  givenNames,
  surnames: 'Sintético',
  aliases: [],
  sex,
  birthYear,
  nationality: 'PY',
  roles: ['Exploiter'],
});

/** The procedural stages from the imputación to a sentence in 2025 (`POST …/stages`, in order). */
export const STAGES_TO_SENTENCE_2025 = [
  ['imputacion', '2025-04-01'],
  ['acusacion', '2025-05-01'],
  ['juicio_oral', '2025-06-01'],
  ['sentencia', '2025-07-01'],
] as const;
