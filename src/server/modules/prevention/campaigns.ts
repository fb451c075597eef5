/** Awareness campaigns: channel(s), period, area, languages and estimated reach. Institutional data. */
import type { z } from 'zod';
import type { CreateCampaignRequest, ListCampaignsQuery } from '../../../shared/api-prevention.js';
import { authorize } from '../../access/authorize.js';
import { auditOperation } from '../../audit/audit.js';
import type { Ctx } from '../../core/context.js';
import { presentCampaign } from './prevention.presenter.js';
import { campaignById, campaignsMatching, insertCampaign } from './campaigns.repository.js';
import { auditFieldsOf } from '../../../shared/audit-fields/lists.js';

/** Records a campaign run by the actor's institution. */
export async function createCampaign(ctx: Ctx, input: z.output<typeof CreateCampaignRequest>) {
  authorize(ctx.actor, 'campaign.record', { institutionId: ctx.actor.institutionId });
  const id = await insertCampaign(ctx.trx, {
    institution_id: ctx.actor.institutionId,
    title: input.title,
    channels: input.channels,
    starts_on: input.startsOn,
    ends_on: input.endsOn ?? null,
    departments: input.departments,
    languages: input.languages,
    reach: input.reach ?? null,
    reach_basis: input.reachBasis || null,
    partners: input.partners || null,
    created_by: ctx.actor.userId,
  });
  await auditOperation(ctx, 'campaign.record', 'campaign', id, auditFieldsOf(input));
  return presentCampaign(await campaignById(ctx.trx, id));
}

/** The campaigns of the filter (newest first) with the summed reach over the whole filter. */
export async function listCampaigns(ctx: Ctx, query: z.output<typeof ListCampaignsQuery>) {
  const { items, total, reach } = await campaignsMatching(ctx.trx, query);
  await auditOperation(ctx, 'campaign.list', 'campaign', null);
  return { items: items.map(presentCampaign), total, reach };
}
