/**
 * A seeded xorshift generator of 32-bit integers, for the synthetic keys of the blocking benchmarks
 * (`radix.ts`, `block-build.ts`): the same numbers on every run and every checkout.
 */
export function xorshift32(seed = 987_654_321): () => number {
  let state = seed;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
}
