/**
 * The true pairs (two records of one entity) that a set of candidate pairs leaves out: what the
 * blocking diagnostics (missed.ts, missed-why.ts) start from.
 */
export function missedTruePairs(
  entities: readonly string[],
  candidates: { left: ArrayLike<number>; right: ArrayLike<number>; count: number },
): { total: number; missed: [number, number][] } {
  const span = 2 ** 21;
  const found = new Set<number>();
  for (let k = 0; k < candidates.count; k++) found.add(candidates.left[k]! * span + candidates.right[k]!);
  const byEntity = new Map<string, number[]>();
  entities.forEach((e, i) => {
    const list = byEntity.get(e);
    if (list) list.push(i);
    else byEntity.set(e, [i]);
  });
  let total = 0;
  const missed: [number, number][] = [];
  for (const members of byEntity.values())
    for (let x = 0; x < members.length; x++)
      for (let y = x + 1; y < members.length; y++) {
        total++;
        if (!found.has(members[x]! * span + members[y]!)) missed.push([members[x]!, members[y]!]);
      }
  return { total, missed };
}
