/** The audit trail for the data protection officer: search and chain verification. */
import type { FastifyInstance } from 'fastify';
import { auditOperation, writeAuditAlone } from '../../audit/audit.js';
import { verifyAuditTree, type VerifyResult } from '../../audit/verify.js';
import { auditAnchor, auditSigner, publishCheckpoint } from '../../audit/checkpoint.js';
import { proveInclusion } from '../../audit/tree.js';
import { AppError, errors } from '../../core/errors.js';
import { contracts } from '../../../shared/contracts/index.js';
import { audited, routesOf } from '../../http/route.js';
import type { AppServices } from '../../services.js';
import { auditEventExists, findCheckpoint, searchAuditEvents } from './audit.repository.js';

/**
 * The DPO's check: against the last checkpoint the witness cosigned when one is configured (so a
 * superuser's rewrite of the tree shows here too, as with `nanduti audit verify`), else against the
 * newest checkpoint in the database. A witness that cannot be asked is a failed check, said so.
 */
async function verifyAgainstWitness(services: AppServices): Promise<VerifyResult> {
  let anchor;
  try {
    ({ anchor } = await auditAnchor(services.db, services.config));
  } catch (error) {
    services.logger.warn({ err: error }, 'audit verify: no checkpoint to verify against');
    return {
      ok: false,
      checked: 0,
      firstBrokenSeq: null,
      reason: `the witness's checkpoint could not be read or checked (${(error as Error).message})`,
      anchorSize: null,
    };
  }
  return verifyAuditTree(services.db, anchor);
}

export function auditRoutes(app: FastifyInstance, services: AppServices) {
  const route = routesOf(app, services);
  route(
    contracts.listAuditEvents,
    async (ctx, { query }) => {
      const rows = await searchAuditEvents(ctx.trx, query);
      const page = rows.slice(0, query.limit);
      // Reading the trail is itself recorded.
      await auditOperation(ctx, 'audit.list', 'audit_event', null);
      return {
        items: page.map((r) => ({
          seq: Number(r.seq),
          at: new Date(r.at).toISOString(),
          actorUserId: r.actor_user_id,
          actorUsername: r.actor_username,
          actorInstitutionCode: r.institution_code,
          actorRole: r.actor_role,
          action: r.action,
          outcome: r.outcome as 'success' | 'denied' | 'failure',
          resourceType: r.resource_type,
          resourceId: r.resource_id,
          purpose: r.purpose,
          requestId: r.request_id,
          changedFields: r.changed_fields,
        })),
        nextBefore: rows.length > query.limit ? Number(page[page.length - 1]!.seq) : null,
      };
    },
    audited,
  );

  route(
    contracts.verifyAuditChain,
    async ({ actor, requestId, purpose }) => {
      const result = await verifyAgainstWitness(services);
      await writeAuditAlone(services.db, {
        actor,
        action: 'audit.verify',
        outcome: result.ok ? 'success' : 'failure',
        resourceType: 'audit_event',
        purpose,
        requestId,
      });
      return result;
    },
    { transaction: 'none' },
  );

  route(
    contracts.getAuditCheckpoint,
    async ({ actor, requestId, purpose }) => {
      if (!auditSigner(services.config)) throw new AppError('audit_key_missing', 503);
      const cp = await publishCheckpoint(services.db, services.config, services.logger);
      await writeAuditAlone(services.db, {
        actor,
        action: 'audit.checkpoint',
        resourceType: 'audit_checkpoint',
        resourceId: String(cp.size),
        purpose,
        requestId,
      });
      return {
        size: cp.size,
        rootHash: cp.root.toString('base64'),
        note: cp.note,
        cosignedBy: cp.cosignedBy,
      };
    },
    { transaction: 'none' },
  );

  route(
    contracts.getAuditInclusionProof,
    async (ctx, { query }) => {
      const { trx } = ctx;
      const checkpoint = await findCheckpoint(trx, query.size);
      const proof = checkpoint ? await proveInclusion(trx, query.seq, Number(checkpoint.size)) : null;
      if (!checkpoint || !proof) {
        const exists = await auditEventExists(trx, query.seq);
        if (!exists || (query.size && !checkpoint)) throw errors.notFound();
        throw errors.conflict('audit_entry_not_in_tree');
      }
      await auditOperation(ctx, 'audit.proof', 'audit_event', String(query.seq));
      return {
        seq: query.seq,
        leafIndex: proof.index,
        treeSize: Number(checkpoint.size),
        leafHash: proof.leafHash.toString('base64'),
        rootHash: Buffer.from(checkpoint.root).toString('base64'),
        proof: proof.proof.map((h) => h.toString('base64')),
        checkpoint: checkpoint.note,
      };
    },
    audited,
  );
}
