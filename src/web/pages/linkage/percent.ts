/**
 * A match probability as the whole percent shown beside a likely match or a review: never 100 %,
 * since the model's probability is never certainty (a misspelt name with an estimated age scored
 * 0.996 read "100 %"); only a person checking the records decides that two are one.
 */
export function matchPercent(probability: number): number {
  return Math.min(99, Math.round(probability * 100));
}
