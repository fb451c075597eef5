/**
 * What the threshold and clustering scripts share (threshold.ts, seeds.ts, apart.ts): a set scored
 * once in either mode with its hard evidence, and its clusters at a threshold with the pair and
 * cluster quality, clustered as the engine does (safeguard and `DEFAULT_CLUSTER_OPTIONS`).
 */
import { randomBytes } from 'node:crypto';
import { clkEvidence, encodeClk, linkClk } from '../../src/server/linkage-engine/clk.js';
import { clusterLinks, type HardEvidence } from '../../src/server/linkage-engine/cluster.js';
import { clusterQuality, pairQuality } from '../../src/server/linkage-engine/evaluate.js';
import {
  DEFAULT_CLUSTER_OPTIONS,
  linkPersons,
  personEvidence,
  preparePersons,
  type LinkageResult,
} from '../../src/server/linkage-engine/linkage.js';
import type { LinkPerson } from '../../src/server/linkage-engine/record.js';

/**
 * The records linked once in `mode` (`clk`: encoded with `secret`, a random key by default), with
 * their hard evidence.
 */
export function scoreOnce(
  records: readonly LinkPerson[],
  mode: string,
  linkOnly = false,
  secret: Buffer = randomBytes(32),
): { result: LinkageResult; evidence: HardEvidence } {
  if (mode === 'clk') {
    const encoded = encodeClk(records, secret);
    return { result: linkClk(encoded, { linkOnly }), evidence: clkEvidence(encoded) };
  }
  return {
    result: linkPersons(records, { linkOnly }),
    evidence: personEvidence(preparePersons(records).records),
  };
}

/** Pair and cluster quality of the scores clustered at `threshold`. */
export function qualityAt(
  result: LinkageResult,
  evidence: HardEvidence,
  entities: readonly string[],
  threshold: number,
) {
  const { labels, decision } = clusterLinks(
    entities.length,
    result.left,
    result.right,
    result.probabilities,
    threshold,
    evidence,
    DEFAULT_CLUSTER_OPTIONS,
  );
  const linked: { left: number; right: number }[] = [];
  for (let k = 0; k < decision.length; k++)
    if (decision[k] === 1) linked.push({ left: result.left[k]!, right: result.right[k]! });
  return { pairs: pairQuality(linked, entities), clusters: clusterQuality(labels, entities) };
}
