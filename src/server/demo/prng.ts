/**
 * A small seeded pseudo-random generator (xoshiro128**, seeded through splitmix32) for the demo
 * data: the same seed always gives the same records, on any machine. Never use it for secrets.
 */

/** A 32-bit hash of a seed given as text (FNV-1a, then mixed), so `--seed abc` works as well as `--seed 7`. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return splitmix32(h >>> 0)[1];
}

function splitmix32(state: number): [number, number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

export class Rng {
  #a: number;
  #b: number;
  #c: number;
  #d: number;

  /** A generator for `seed`; `stream` selects an independent sequence (e.g. one per case). */
  constructor(seed: number, stream = 0) {
    let state = (seed ^ Math.imul(stream >>> 0, 0x9e3779b1) ^ Math.floor(stream / 0x100000000)) >>> 0;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, value] = splitmix32(state);
      state = next;
      words.push(value);
    }
    [this.#a, this.#b, this.#c, this.#d] = words as [number, number, number, number];
    if ((this.#a | this.#b | this.#c | this.#d) === 0) this.#a = 1;
  }

  /** The next 32-bit unsigned integer. */
  next(): number {
    const result = Math.imul(rotl(Math.imul(this.#b, 5), 7), 9) >>> 0;
    const t = this.#b << 9;
    this.#c ^= this.#a;
    this.#d ^= this.#b;
    this.#b ^= this.#c;
    this.#a ^= this.#d;
    this.#c ^= t;
    this.#d = rotl(this.#d, 11);
    return result;
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next() / 0x100000000;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  /** `count` distinct items (order of the source list kept). */
  sample<T>(items: readonly T[], count: number): T[] {
    const chosen = new Set<number>();
    const n = Math.min(count, items.length);
    while (chosen.size < n) chosen.add(Math.floor(this.float() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  }

  /** A version-4-shaped UUID drawn from this generator (deterministic, unlike crypto.randomUUID). */
  uuid(): string {
    const a = hex8(this.next());
    const b = hex8(((this.next() & 0xffff0fff) | 0x00004000) >>> 0);
    const c = hex8(((this.next() & 0x3fffffff) | 0x80000000) >>> 0);
    const d = hex8(this.next());
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(x: number): string {
  return HEX[x >>> 24]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A discrete distribution: values with relative weights, drawn by binary search over cumulative sums. */
export class Weighted<T> {
  readonly #values: T[];
  readonly #cumulative: number[];

  constructor(entries: ReadonlyArray<readonly [T, number]>) {
    this.#values = entries.map(([value]) => value);
    let sum = 0;
    this.#cumulative = entries.map(([, weight]) => (sum += weight));
    if (!(sum > 0)) throw new Error('A weighted table needs a positive total weight.');
  }

  /** A table written as `{ value: weight, … }`. */
  static of(weights: Readonly<Record<string, number>>): Weighted<string> {
    return new Weighted(Object.entries(weights));
  }

  /** Zipf-like weights for a ranked list: the first item is the most frequent (weight 1/rank^s). */
  static zipf<T>(ranked: readonly T[], s = 1): Weighted<T> {
    return new Weighted(ranked.map((value, i) => [value, 1 / Math.pow(i + 1, s)] as const));
  }

  draw(rng: Rng): T {
    const total = this.#cumulative[this.#cumulative.length - 1]!;
    const x = rng.float() * total;
    let lo = 0;
    let hi = this.#cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.#cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.#values[lo]!;
  }
}
