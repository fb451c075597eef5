/**
 * Recording a screening: the answers to one instrument version for one person of a case, with
 * what the rules compute (child status at the facts date, act / means / purpose, indicators,
 * assessment). The assessment guides; the status is decided by a person (decision.service.ts).
 */
import type { z } from 'zod';
import type { InstrumentDefinition, SubmitScreeningRequest } from '../../../shared/api-identification.js';
import { assess, childStatus, unknownQuestionIds } from '../../../shared/screening-rules.js';
import { auditOperation } from '../../audit/audit.js';
import type { FieldCrypto } from '../../crypto/field-crypto.js';
import { AppError, errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import { loadCaseForAction } from '../cases/case-access.js';
import { addTimeline } from '../cases/timeline.js';
import { findCasePerson, findInstrumentByVersion, insertScreening } from './screening.repository.js';
import { isAfterParaguayToday, paraguayDayOf } from '../../../shared/dates.js';

type SubmitInput = z.output<typeof SubmitScreeningRequest>;

const DOB_CONTEXT = 'persons.date_of_birth';

/** Throws 400 `date_in_future` for a date after today (a day's slack for other time zones). */
export function refuseFutureDate(date: string, field: string): void {
  if (isAfterParaguayToday(date)) {
    throw new AppError(
      'date_in_future',
      400,
      {},
      { issues: [{ path: `body.${field}`, message: 'issue.afterToday' }] },
    );
  }
}

export async function submitScreening(ctx: Ctx, crypto: FieldCrypto, caseId: string, input: SubmitInput) {
  const loaded = await loadCaseForAction(ctx.trx, ctx.actor, caseId, 'case.screen');
  const person = await findCasePerson(ctx.trx, loaded.id, input.personId);
  if (!person) throw errors.badRequest('person_not_in_case');
  const instrument = await findInstrumentByVersion(ctx.trx, input.instrumentVersion);
  if (!instrument || instrument.status === 'draft') throw errors.badRequest('unknown_instrument_version');
  const definition = instrument.definition as z.output<typeof InstrumentDefinition>;

  const unknown = unknownQuestionIds(definition, input.answers);
  if (unknown.length > 0) {
    const issues = unknown.map((id) => ({
      path: `body.answers.${id}`,
      message: 'issue.notAQuestion',
    }));
    throw new AppError('unknown_questions', 400, { ids: unknown.join(', ') }, { issues });
  }
  refuseFutureDate(input.factsDate, 'factsDate');

  let age;
  try {
    age = childStatus({
      dateOfBirth: crypto.decryptNullable(person.date_of_birth, DOB_CONTEXT),
      estimatedAge: person.estimated_age,
      ageApproximate: person.age_estimated,
      factsDate: input.factsDate,
      // The estimate is taken as of the person's last update: the later date errs towards a
      // younger age at the facts, i.e. towards protecting a possible child.
      recordedOn: paraguayDayOf(person.updated_at),
    });
  } catch (error) {
    if (error instanceof RangeError) throw errors.badRequest('facts_before_birth');
    throw error;
  }
  const result = assess(definition, input.answers, age.child);

  const inserted = await insertScreening(
    ctx.trx,
    {
      case_id: loaded.id,
      person_id: person.id,
      instrument_id: instrument.id,
      answers: JSON.stringify(input.answers),
      facts_date: input.factsDate,
      age_at_facts: age.ageAtFacts,
      child: age.child,
      act: result.act,
      means: result.means,
      purpose: result.purpose,
      indicator_count: result.indicatorCount,
      assessment: result.assessment,
      law4788_assessment: result.law4788.assessment,
      law4788_aggravating: result.law4788.aggravating,
      flags: age.flags,
      created_by: ctx.actor.userId,
      institution_id: ctx.actor.institutionId,
    },
    instrument.version,
  );
  const id = inserted.id;
  await addTimeline(ctx.trx, {
    caseId: loaded.id,
    actor: ctx.actor,
    kind: 'screening_submitted',
    details: {
      screeningId: id,
      personId: person.id,
      assessment: result.assessment,
      law4788: result.law4788.assessment,
    },
  });
  await auditOperation(ctx, 'case.screen', 'screening', id, [
    'personId',
    'instrumentVersion',
    'factsDate',
    'answers',
  ]);
  return inserted;
}
