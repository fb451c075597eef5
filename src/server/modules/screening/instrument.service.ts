/**
 * Versions of the screening instrument: read (any signed-in user), create a draft and publish it
 * (system administrators). Publishing retires the version published until then; screenings keep
 * the version they answered, so old answers stay readable against their own questions.
 */
import type { z } from 'zod';
import type { InstrumentDefinition } from '../../../shared/api-identification.js';
import { duplicateQuestionIds } from '../../../shared/screening-rules.js';
import { can } from '../../access/policies.js';
import { authorize } from '../../access/authorize.js';
import type { Actor } from '../../access/actor.js';
import { auditOperation } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import { AppError, errors } from '../../core/errors.js';
import type { Ctx } from '../../core/context.js';
import {
  findInstrumentById,
  findInstrumentByVersion,
  insertDraftInstrument,
  latestPublishedInstrument,
  lockInstruments,
  publishInstrumentRow,
  type InstrumentRow,
} from './screening.repository.js';

type Definition = z.output<typeof InstrumentDefinition>;

/** The rules need an act, a means and a purpose to ask about. */
const REQUIRED_KINDS = ['act', 'means', 'purpose'] as const;

/** The instrument of `version`, or the latest published one. Drafts are visible only to editors. */
export async function getInstrument(
  trx: Trx,
  actor: Actor,
  version: number | undefined,
): Promise<InstrumentRow> {
  const row =
    version === undefined
      ? await latestPublishedInstrument(trx)
      : await findInstrumentByVersion(trx, version);
  if (!row) throw errors.notFound();
  if (row.status === 'draft' && !can(actor, 'instrument.edit')) {
    // A hidden draft answers like a missing version, and the refused attempt is audited.
    throw errors.notFound({
      audit: { action: 'instrument.read', resourceType: 'screening_instrument', resourceId: row.id },
    });
  }
  return row;
}

/** Refuses definitions the rules cannot work with; lists the offending ids and paths. */
function checkDefinition(definition: Definition): void {
  const duplicates = new Set(duplicateQuestionIds(definition));
  if (duplicates.size > 0) {
    const issues = definition.sections.flatMap((section, s) =>
      section.questions.flatMap((question, i) =>
        duplicates.has(question.id)
          ? [
              {
                path: `body.definition.sections.${s}.questions.${i}.id`,
                message: `duplicate question id ${question.id}`,
              },
            ]
          : [],
      ),
    );
    throw new AppError('duplicate_question_ids', 400, { ids: [...duplicates].join(', ') }, { issues });
  }
  const sectionIds = definition.sections.map((section) => section.id);
  const repeated = sectionIds.filter((id, i) => sectionIds.indexOf(id) !== i);
  if (repeated.length > 0)
    throw errors.badRequest('duplicate_section_ids', { ids: [...new Set(repeated)].join(', ') });
  const missing = REQUIRED_KINDS.filter(
    (kind) => !definition.sections.some((section) => section.kind === kind),
  );
  if (missing.length > 0)
    throw errors.badRequest('instrument_missing_sections', { kinds: missing.join(', ') });
}

/** Creates the next version as a draft (version = highest + 1). */
export async function createInstrumentVersion(ctx: Ctx, definition: Definition): Promise<InstrumentRow> {
  authorize(ctx.actor, 'instrument.edit');
  checkDefinition(definition);
  await lockInstruments(ctx.trx);
  const id = await insertDraftInstrument(ctx.trx, definition, ctx.actor.userId);
  await auditOperation(ctx, 'instrument.create', 'screening_instrument', id, ['definition']);
  return (await findInstrumentById(ctx.trx, id))!;
}

/** Publishes a draft; the version published until now becomes "retired". */
export async function publishInstrument(ctx: Ctx, id: string): Promise<InstrumentRow> {
  authorize(ctx.actor, 'instrument.edit');
  await lockInstruments(ctx.trx);
  const row = await findInstrumentById(ctx.trx, id);
  if (!row) throw errors.notFound();
  if (row.status !== 'draft') throw errors.conflict('instrument_not_draft');
  checkDefinition(row.definition as Definition);
  await publishInstrumentRow(ctx.trx, id);
  await auditOperation(ctx, 'instrument.publish', 'screening_instrument', id, ['status', 'publishedAt']);
  return (await findInstrumentById(ctx.trx, id))!;
}
