/** Awareness campaigns: channel(s), period, area, languages and estimated reach. Institutional data. */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { CreateCampaignRequest, ListCampaignsQuery } from '../../../shared/api-prevention.js';
import { authorize } from '../../access/authorize.js';
import { auditOperation } from '../../audit/audit.js';
import type { Trx } from '../../db/database.js';
import type { Ctx } from '../../core/context.js';
import { presentCampaign } from './prevention.presenter.js';

const CAMPAIGN_COLUMNS = [
  'campaigns.id',
  'campaigns.institution_id',
  'campaigns.title',
  'campaigns.channels',
  'campaigns.starts_on',
  'campaigns.ends_on',
  'campaigns.departments',
  'campaigns.languages',
  'campaigns.reach',
  'campaigns.reach_basis',
  'campaigns.partners',
  'institutions.code as institution_code',
  'institutions.name as institution_name',
] as const;

const campaigns = (trx: Trx) =>
  trx.selectFrom('campaigns').innerJoin('institutions', 'institutions.id', 'campaigns.institution_id');

/** Records a campaign run by the actor's institution. */
export async function createCampaign(ctx: Ctx, input: z.output<typeof CreateCampaignRequest>) {
  authorize(ctx.actor, 'campaign.record', { institutionId: ctx.actor.institutionId });
  const row = await ctx.trx
    .insertInto('campaigns')
    .values({
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
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await auditOperation(ctx, 'campaign.record', 'campaign', row.id, Object.keys(input));
  const stored = await campaigns(ctx.trx)
    .select(CAMPAIGN_COLUMNS)
    .where('campaigns.id', '=', row.id)
    .executeTakeFirstOrThrow();
  return presentCampaign(stored);
}

/**
 * Campaigns whose period overlaps [from, to] (a campaign that started before `from` and still ran
 * counts), newest first, with the summed reach over the whole filter.
 */
export async function listCampaigns(ctx: Ctx, query: z.output<typeof ListCampaignsQuery>) {
  let base = campaigns(ctx.trx);
  if (query.to) base = base.where('campaigns.starts_on', '<=', query.to);
  if (query.from) {
    const from = query.from;
    base = base.where((eb) =>
      eb.or([eb('campaigns.ends_on', 'is', null), eb('campaigns.ends_on', '>=', from)]),
    );
  }
  if (query.institutionId) base = base.where('campaigns.institution_id', '=', query.institutionId);
  if (query.channel) {
    const channel = query.channel;
    base = base.where(sql<boolean>`${channel} = any(campaigns.channels)`);
  }
  const [items, totals] = await Promise.all([
    base
      .select(CAMPAIGN_COLUMNS)
      .orderBy('campaigns.starts_on', 'desc')
      .orderBy('campaigns.id')
      .limit(query.limit)
      .offset(query.offset)
      .execute(),
    base
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('campaigns.reach').as('reach')])
      .executeTakeFirstOrThrow(),
  ]);
  await auditOperation(ctx, 'campaign.list', 'campaign', null);
  return { items: items.map(presentCampaign), total: Number(totals.n), reach: Number(totals.reach ?? 0) };
}
