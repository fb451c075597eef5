/**
 * Figures kept by the facts' version (refresh.ts `factsVersion`): a figure over the facts is a
 * function of the facts and the query alone, and the version changes in the same transaction as
 * every change of the facts (the refresh), so a figure computed at version V is the figure of any
 * later read that finds V. Records changed since are marked in `stat_dirty`; the reader refreshes
 * them first (statistics.service.ts), which moves the version, so a cached figure is never older than
 * the records. Figures that read the records themselves (`fact: 'source'`: prosecution, prevention,
 * protection) are not kept.
 *
 * One cache per database (a pool's facts; tests open many databases in one process), the least
 * recently used entry dropped past its size. Measured: bench/README.md, "The embedded statistics
 * request".
 */
import type { FigureResult } from '../../shared/api-statistics.js';

const SIZE = 256;

export class FigureCache {
  private readonly entries = new Map<string, FigureResult>();

  get(version: string, key: string): FigureResult | undefined {
    const id = `${version}\u0000${key}`;
    const hit = this.entries.get(id);
    if (hit) {
      // Most recently used last.
      this.entries.delete(id);
      this.entries.set(id, hit);
    }
    return hit;
  }

  set(version: string, key: string, figure: FigureResult): void {
    const id = `${version}\u0000${key}`;
    this.entries.delete(id);
    this.entries.set(id, figure);
    if (this.entries.size > SIZE) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}

const caches = new WeakMap<object, FigureCache>();

/** The cache of the database `db` (any object standing for one database: its pool). */
export function figureCacheOf(db: object): FigureCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new FigureCache()));
  return cache;
}
