/**
 * What two records of two different persons look like in a national population: for each
 * comparison level, a rough probability that two random Paraguayans compare at that level. It is
 * the prior of u (model.ts `estimateU`), worth up to REFERENCE_PAIRS random pairs, and it only matters
 * where the file is small: u is estimated from random pairs of the records themselves, and in a
 * file of a few dozen records those pairs include the file's own duplicates (in a list of three
 * records where two are the same person, a third of the random pairs "agree exactly"), so that
 * exact agreement would look common and weigh almost nothing. From a few hundred records on, the
 * records' own pairs outweigh it.
 *
 * The values are orders of magnitude from the population, not fitted to any data set
 * (docs/LINKAGE.md, "Small files"): a first given name such as María is shared by many women; the
 * commonest surnames (González, Benítez, Martínez…) give a chance of about 1 in 100 that two persons
 * share a given surname; sex is shared by half of the pairs; most records are of Paraguayan
 * nationals; about a third of the population lives in Central. Births have no reference: with the
 * weak prior of m on the estimated-age levels, a realistic u for them turned an estimated age into
 * evidence against a match in a small installation (docs/LINKAGE.md, "u in a small file").
 */

/** How many random pairs the reference is worth. */
export const REFERENCE_PAIRS = 1_000;

/** Level name → probability among pairs of different persons; the rest goes to `different`. */
const REFERENCE: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  given_names: {
    exact: 0.003,
    phonetic: 0.001,
    'first or subset': 0.02,
    // A second name shared, the other names different ("Juan Carlos" / "José Carlos").
    'one shared': 0.01,
    nickname: 0.002,
    similar: 0.01,
    // The privacy-preserving levels (clk.ts): Dice similarity of the encodings, and one field's
    // words inside the other's (as "first or subset").
    equal: 0.004,
    'dice ≥ 0.9': 0.002,
    'one inside the other': 0.02,
    'dice ≥ 0.75': 0.01,
    'dice ≥ 0.6': 0.03,
  },
  surnames: {
    'same (any order)': 0.0003,
    // A lone surname is the other's first about as often as its second, among different persons.
    'one missing': 0.0025,
    'one missing, the first kept': 0.0025,
    // Both records with a lone surname, the same one; both surnames there, one a typo of the other's.
    'the same, one surname each': 0.0003,
    'one the same, the other misspelt': 0.0001,
    'one shared': 0.04,
    similar: 0.01,
    equal: 0.0003,
    'dice ≥ 0.8': 0.001,
    'one inside the other': 0.005,
    'dice ≥ 0.7': 0.01,
    'dice ≥ 0.55': 0.04,
  },
  sex: { same: 0.5 },
  nationality: { shared: 0.85 },
  document: { exact: 0.000001, 'one digit or transposition': 0.0001 },
  place: { district: 0.03, 'department or postcode': 0.15 },
  address: { exact: 0.0001, similar: 0.001 },
};

/**
 * The reference distribution of a comparison's levels (summing to 1), or undefined where the
 * comparison or one of its levels is not described (the engine then smooths u as before).
 */
export function referenceU(comparison: { name: string; levels: readonly string[] }): number[] | undefined {
  return distribution(REFERENCE, comparison);
}

/** A table's distribution of a comparison's levels, the rest to `different`; undefined if not described. */
function distribution(
  table: Readonly<Record<string, Readonly<Record<string, number>>>>,
  comparison: { name: string; levels: readonly string[] },
): number[] | undefined {
  const known = table[comparison.name];
  if (!known || comparison.levels[0] !== 'different') return undefined;
  const rest = comparison.levels.slice(1).map((level) => known[level]);
  if (rest.some((p) => p === undefined)) return undefined;
  const agreeing = rest.reduce<number>((sum, p) => sum + p!, 0);
  return [1 - agreeing, ...(rest as number[])];
}

/**
 * How many matching pairs the reference m (`referenceM`) is worth. A batch over a population with
 * few duplicates (a new installation, a demo) has too few matches to inform m: EM's "match"
 * component then gathers namesakes, and a level such as "estimated age within 2 years" came out
 * as evidence *against* a match (−0.4 bits at 3,000 persons with about 2 expected matches) and an
 * exact given name weighed less than a phonetic one. Each level's m is the mean of the estimate,
 * worth the batch's expected matches, and the reference, worth up to this many (`withReferenceM`):
 * at 2 matches the reference decides, at the thousands of a national batch the data do.
 */
export const REFERENCE_MATCHES = 30;

/**
 * Level name → probability that two registrations of the *same* person compare at that level; the
 * rest goes to `different`. Orders of magnitude of how intake staff record one person twice
 * (docs/LINKAGE.md, "Reference m"): the names mostly written the same, sometimes phonetically,
 * cut or as a nickname; a quarter of the records with an age estimated by eye, off by a few years;
 * sex almost always the same; the document, when both have one, mostly the same. Not fitted to
 * any data set.
 */
const REFERENCE_M: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  given_names: {
    'one shared': 0.01,
    similar: 0.05,
    nickname: 0.03,
    'first or subset': 0.1,
    phonetic: 0.08,
    exact: 0.7,
  },
  surnames: {
    similar: 0.04,
    'one shared': 0.02,
    'one missing': 0.04,
    'one missing, the first kept': 0.08,
    'the same, one surname each': 0.04,
    'one the same, the other misspelt': 0.05,
    'same (any order)': 0.7,
  },
  birth: {
    // A quarter of the records estimated: two estimates in about one pair in sixteen.
    'two estimated ages within 7 years': 0.01,
    'two estimated ages within 4 years': 0.015,
    'two estimated ages within 2 years': 0.025,
    'estimated age within 7 years': 0.03,
    'estimated age within 4 years': 0.065,
    'estimated age within 2 years': 0.195,
    'within 3 years': 0.03,
    'within a year': 0.06,
    'one typo or day/month swapped': 0.04,
    exact: 0.5,
  },
  sex: { same: 0.98 },
  nationality: { shared: 0.95 },
  document: { 'one digit or transposition': 0.05, exact: 0.9 },
  place: { 'department or postcode': 0.3, district: 0.5 },
};

/**
 * The reference's share of m (`withReferenceM`) given the batch's expected matches: worth up to
 * REFERENCE_MATCHES pairs, fading as the batch's own matches grow (as the reference u does in
 * `estimateU`): at 2 expected matches it is worth 28 pairs (93 %), at 1,000 under 0.1 %.
 */
export function referenceShare(expectedMatches: number): number {
  const data = Math.max(expectedMatches, 0);
  const worth = (REFERENCE_MATCHES * REFERENCE_MATCHES) / (REFERENCE_MATCHES + data);
  return worth / (worth + data);
}

/** The reference m of a comparison's levels (summing to 1), or undefined where not described. */
export function referenceM(comparison: { name: string; levels: readonly string[] }): number[] | undefined {
  return distribution(REFERENCE_M, comparison);
}

/**
 * The model's m with each described comparison's m drawn towards the reference, in proportion to
 * how few matches the batch expects (`REFERENCE_MATCHES`).
 */
export function withReferenceM<
  M extends { comparisons: { name: string; levels: readonly string[]; m: number[] }[] },
>(model: M, expectedMatches: number): M {
  const share = referenceShare(expectedMatches);
  return {
    ...model,
    comparisons: model.comparisons.map((c) => {
      const reference = referenceM(c);
      if (!reference) return c;
      return { ...c, m: c.m.map((m, l) => m * (1 - share) + reference[l]! * share) };
    }),
  };
}
