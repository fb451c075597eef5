/**
 * Links between persons and the clusters they form. A link joins two person ids; the clusters are
 * the connected components of the active links, kept in person_clusters so that statistics count a
 * cluster once (view person_cluster). Links are never deleted: unlinking marks them removed, and
 * records that the two are different persons, so a later batch does not link them again.
 * Only ids cross institutional lines here; no personal field is read.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.js';

/** The pair in the stored order (person_a < person_b). */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Active links touching any of `ids`, as pairs. */
async function linksOf(trx: Trx, ids: readonly string[]): Promise<[string, string][]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('person_links')
    .select(['person_a', 'person_b'])
    .where('removed_at', 'is', null)
    .where((eb) => eb.or([eb('person_a', 'in', ids), eb('person_b', 'in', ids)]))
    .execute();
  return rows.map((r) => [r.person_a, r.person_b]);
}

/**
 * Recomputes the clusters of the components containing `seeds`: a component of one person has no
 * row (it is its own cluster); a larger one keeps the smallest cluster id one of its members had,
 * or gets a new random id (never a person's id, which would name one institution's record).
 */
export async function recomputeClusters(trx: Trx, seeds: readonly string[]): Promise<void> {
  const done = new Set<string>();
  for (const seed of seeds) {
    if (done.has(seed)) continue;
    const component = new Set([seed]);
    let frontier = [seed];
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const [a, b] of await linksOf(trx, frontier))
        for (const x of [a, b])
          if (!component.has(x)) {
            component.add(x);
            next.push(x);
          }
      frontier = next;
    }
    const members = [...component];
    members.forEach((m) => done.add(m));
    const existing = await trx
      .selectFrom('person_clusters')
      .select('cluster_id')
      .where('person_id', 'in', members)
      .orderBy('cluster_id')
      .execute();
    await trx.deleteFrom('person_clusters').where('person_id', 'in', members).execute();
    if (members.length < 2) continue;
    const clusterId = existing[0]?.cluster_id ?? randomUUID();
    await trx
      .insertInto('person_clusters')
      .values(members.map((person_id) => ({ person_id, cluster_id: clusterId })))
      .execute();
  }
}

/**
 * Rows per statement when the batch writes in bulk. Each column travels as one array parameter
 * (`unnest`), not one parameter per value: at 1,000,000 persons the multi-row VALUES lists of 5,000
 * rows were over 300 statements of up to 30,000 parameters each to build, send and plan
 * (bench/README.md, "`runLinkage` at 1M: the read and the write").
 */
const BULK = 50_000;

function bulks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BULK) out.push(rows.slice(i, i + BULK));
  return out;
}

/**
 * Recomputes every cluster from the active links in one pass (the national batch): the connected
 * components by union–find in memory (ids only), then only the rows that change are rewritten, in
 * bulk. A component keeps the smallest cluster id one of its members had, or gets a new random id,
 * as in recomputeClusters. Returns the person → cluster map of the components of two or more.
 */
export async function recomputeAllClusters(trx: Trx): Promise<Map<string, string>> {
  const links = await trx
    .selectFrom('person_links')
    .select(['person_a', 'person_b'])
    .where('removed_at', 'is', null)
    .execute();
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    for (let p = parent.get(root); p !== undefined && p !== root; p = parent.get(root)) root = p;
    for (let y = x; y !== root;) {
      const next = parent.get(y)!;
      parent.set(y, root);
      y = next;
    }
    return root;
  };
  for (const { person_a: a, person_b: b } of links) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const existing = new Map<string, string>();
  for (const r of await trx.selectFrom('person_clusters').select(['person_id', 'cluster_id']).execute())
    existing.set(r.person_id, r.cluster_id);
  const components = new Map<string, string[]>();
  for (const person of parent.keys()) {
    const root = find(person);
    const members = components.get(root);
    if (members) members.push(person);
    else components.set(root, [person]);
  }
  const wanted = new Map<string, string>();
  for (const members of components.values()) {
    if (members.length < 2) continue;
    let clusterId: string | undefined;
    for (const m of members) {
      const had = existing.get(m);
      if (had !== undefined && (clusterId === undefined || had < clusterId)) clusterId = had;
    }
    clusterId ??= randomUUID();
    for (const m of members) wanted.set(m, clusterId);
  }
  const stale = [...existing].filter(([person, cluster]) => wanted.get(person) !== cluster).map(([p]) => p);
  for (const part of bulks(stale))
    await sql`delete from person_clusters where person_id = any(${part}::uuid[])`.execute(trx);
  const fresh = [...wanted].filter(([person, cluster]) => existing.get(person) !== cluster);
  for (const part of bulks(fresh))
    await sql`insert into person_clusters (person_id, cluster_id)
      select * from unnest(${part.map(([p]) => p)}::uuid[], ${part.map(([, c]) => c)}::uuid[])`.execute(trx);
  return wanted;
}

/** The pairs (as "a|b", stored order) whose latest decision is "different". */
export async function pairsDecidedDifferent(trx: Trx): Promise<Set<string>> {
  const rows = await sql<{ person_a: string; person_b: string; decision: string }>`
    select distinct on (person_a, person_b) person_a, person_b, decision from link_decisions
    order by person_a, person_b, decided_at desc, id desc`.execute(trx);
  return new Set(
    rows.rows.filter((r) => r.decision === 'different').map((r) => `${r.person_a}|${r.person_b}`),
  );
}

/** Inserts the batch's new links in bulk (an active link already there is kept); returns how many. */
export async function insertBatchLinks(
  trx: Trx,
  links: readonly { a: string; b: string; probability: number }[],
  runId: string,
  userId: string | null,
): Promise<number> {
  let added = 0;
  for (const part of bulks(links)) {
    const a: string[] = [];
    const b: string[] = [];
    const p: number[] = [];
    for (const link of part) {
      const [x, y] = orderedPair(link.a, link.b);
      a.push(x);
      b.push(y);
      p.push(link.probability);
    }
    const inserted = await sql<{ n: string }>`with added as (
        insert into person_links (person_a, person_b, origin, probability, run_id, created_by)
        select a, b, 'batch', p, ${runId}::uuid, ${userId}::uuid
        from unnest(${a}::uuid[], ${b}::uuid[], ${p}::float8[]) as x(a, b, p)
        on conflict (person_a, person_b) where removed_at is null do nothing
        returning 1)
      select count(*) as n from added`.execute(trx);
    added += Number(inserted.rows[0]!.n);
  }
  return added;
}

/** Queues pairs for review in bulk, except pairs ever queued before; returns how many were added. */
export async function insertReviews(
  trx: Trx,
  pairs: readonly { a: string; b: string; probability: number }[],
  runId: string,
): Promise<number> {
  const known = new Set(
    (await trx.selectFrom('match_reviews').select(['person_a', 'person_b']).execute()).map(
      (r) => `${r.person_a}|${r.person_b}`,
    ),
  );
  const rows: [string, string, number][] = [];
  for (const { a, b, probability } of pairs) {
    const [person_a, person_b] = orderedPair(a, b);
    const key = `${person_a}|${person_b}`;
    if (known.has(key)) continue;
    known.add(key);
    rows.push([person_a, person_b, probability]);
  }
  for (const part of bulks(rows))
    await sql`insert into match_reviews (run_id, person_a, person_b, probability)
      select ${runId}::uuid, a, b, p
      from unnest(${part.map((r) => r[0])}::uuid[], ${part.map((r) => r[1])}::uuid[],
        ${part.map((r) => r[2])}::float8[]) as x(a, b, p)`.execute(trx);
  return rows.length;
}

/** Adds an active link between a and b (if none) and updates their clusters. */
export async function addLink(
  trx: Trx,
  a: string,
  b: string,
  link: {
    origin: 'batch' | 'review';
    probability: number | null;
    runId: string | null;
    userId: string | null;
  },
): Promise<boolean> {
  const [x, y] = orderedPair(a, b);
  const inserted = await trx
    .insertInto('person_links')
    .values({
      person_a: x,
      person_b: y,
      origin: link.origin,
      probability: link.probability,
      run_id: link.runId,
      created_by: link.userId,
    })
    .onConflict((oc) => oc.columns(['person_a', 'person_b']).where('removed_at', 'is', null).doNothing())
    .returning('id')
    .executeTakeFirst();
  await recomputeClusters(trx, [x, y]);
  return inserted !== undefined;
}

/** Records a reviewer's decision on a pair (kept as history; the latest counts). */
export async function recordDecision(
  trx: Trx,
  a: string,
  b: string,
  decision: 'same' | 'different',
  userId: string | null,
): Promise<void> {
  const [x, y] = orderedPair(a, b);
  await trx
    .insertInto('link_decisions')
    .values({ person_a: x, person_b: y, decision, decided_by: userId })
    .execute();
}

/**
 * Detaches `personId` from its cluster: every active link it has is marked removed and each pair is
 * recorded as "different"; the person and its former neighbours' clusters are recomputed. Returns
 * how many links were removed.
 */
export async function detachPerson(trx: Trx, personId: string, userId: string | null): Promise<number> {
  const links = await linksOf(trx, [personId]);
  if (links.length === 0) return 0;
  await trx
    .updateTable('person_links')
    .set({ removed_at: new Date(), removed_by: userId })
    .where('removed_at', 'is', null)
    .where((eb) => eb.or([eb('person_a', '=', personId), eb('person_b', '=', personId)]))
    .execute();
  for (const [a, b] of links) await recordDecision(trx, a, b, 'different', userId);
  await recomputeClusters(trx, [...new Set(links.flat())]);
  return links.length;
}

/** The cluster of a person (its own id when it has no link); undefined for an unknown person. */
export async function clusterIdOf(trx: Trx, personId: string): Promise<string | undefined> {
  const row = await trx
    .selectFrom('person_cluster')
    .select('cluster_id')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.cluster_id;
}

/**
 * How many distinct persons (clusters) `personIds` are: the counting unit of the statistics
 * ("distinct persons after cross-agency de-duplication").
 */
export async function distinctPersonCount(trx: Trx, personIds: readonly string[]): Promise<number> {
  if (personIds.length === 0) return 0;
  const row = await trx
    .selectFrom('person_cluster')
    .select(sql<string>`count(distinct cluster_id)`.as('n'))
    .where('person_id', 'in', personIds)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
