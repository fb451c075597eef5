/**
 * String similarity for graded comparisons: Jaro–Winkler (typos in names, weighted to the start of
 * the word, as Splink and Febrl use it) and a bounded Damerau–Levenshtein distance (document numbers
 * and dates: one wrong or two transposed digits). Pure and allocation-light, because the national
 * batch calls them millions of times.
 */

// Scratch arrays shared by every call (one thread runs one call at a time): the national batch
// compares millions of pairs, and two fresh arrays per call were garbage for the collector.
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);
function growFlags(size: number): void {
  flagsA = new Uint8Array(size * 2);
  flagsB = new Uint8Array(size * 2);
}
let rows = new Int32Array(3 * 65);
let rowLength = 65;

/** Jaro–Winkler similarity in [0, 1]; 1 for equal strings, 0 when either is empty. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return a.length === 0 ? 0 : 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  if (la > flagsA.length || lb > flagsB.length) growFlags(Math.max(la, lb));
  const matchedA = flagsA;
  const matchedB = flagsB;
  matchedA.fill(0, 0, la);
  matchedB.fill(0, 0, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(lb - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (matchedB[j] === 0 && a.charCodeAt(i) === b.charCodeAt(j)) {
        matchedA[i] = 1;
        matchedB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (matchedA[i] === 0) continue;
    while (matchedB[k] === 0) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), or `max + 1` as soon
 * as the distance is known to exceed `max`: callers only ask "at most 1?" or "at most 2?".
 */
export function damerauWithin(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  if (la === lb && max <= 1) return substitutionsOrSwap(a, b);
  // Three rows of the table in one shared scratch array (no arrays per call): rows at offsets
  // prev2, prev and cur, rotated after each row.
  if (lb + 1 > rowLength) {
    rowLength = (lb + 1) * 2;
    rows = new Int32Array(3 * rowLength);
  }
  const d = rows;
  let prev2 = 0;
  let prev = rowLength;
  let cur = 2 * rowLength;
  for (let j = 0; j <= lb; j++) {
    d[prev2 + j] = 0;
    d[prev + j] = j;
    d[cur + j] = 0;
  }
  for (let i = 1; i <= la; i++) {
    d[cur] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(d[prev + j]! + 1, d[cur + j - 1]! + 1, d[prev + j - 1]! + cost);
      if (
        i > 1 &&
        j > 1 &&
        a.charCodeAt(i - 1) === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === b.charCodeAt(j - 1)
      )
        v = Math.min(v, d[prev2 + j - 2]! + 1);
      d[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return Math.min(d[prev + lb]!, max + 1);
}

/** Distance capped at 2 for equal lengths: 0, 1 (one substitution or one adjacent swap) or 2. */
function substitutionsOrSwap(a: string, b: string): number {
  let first = -1;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a.charCodeAt(i) === b.charCodeAt(i)) continue;
    if (count === 0) first = i;
    count++;
    if (count > 2) return 2;
  }
  if (count <= 1) return count;
  const swapped =
    b.charCodeAt(first) === a.charCodeAt(first + 1) &&
    b.charCodeAt(first + 1) === a.charCodeAt(first) &&
    a.charCodeAt(first + 1) !== b.charCodeAt(first + 1);
  return swapped ? 1 : 2;
}
