/** Reading and writing awareness campaigns, with the running institution's code and name. */
import { sql, type Insertable } from 'kysely';
import type { z } from 'zod';
import type { ListCampaignsQuery } from '../../../shared/api-prevention.js';
import type { Trx } from '../../db/database.js';
import type { CampaignTable } from '../../db/schema.js';
import { INSTITUTION_CODE_AND_NAME } from '../institutions/institutions.repository.js';

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
  ...INSTITUTION_CODE_AND_NAME,
] as const;

const campaigns = (trx: Trx) =>
  trx.selectFrom('campaigns').innerJoin('institutions', 'institutions.id', 'campaigns.institution_id');

export async function insertCampaign(trx: Trx, values: Insertable<CampaignTable>): Promise<string> {
  const row = await trx.insertInto('campaigns').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export function campaignById(trx: Trx, id: string) {
  return campaigns(trx).select(CAMPAIGN_COLUMNS).where('campaigns.id', '=', id).executeTakeFirstOrThrow();
}

/**
 * Campaigns whose period overlaps [from, to] (a campaign that started before `from` and still ran
 * counts), newest first, with how many match and their summed reach.
 */
export async function campaignsMatching(trx: Trx, query: z.output<typeof ListCampaignsQuery>) {
  let base = campaigns(trx);
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
  return { items, total: Number(totals.n), reach: Number(totals.reach ?? 0) };
}
