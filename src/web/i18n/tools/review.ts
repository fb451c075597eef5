/**
 * The translations awaiting a native speaker's review (review.json: language → key → why). The
 * export marks them `fuzzy` with the reason; an import takes a key off the list once the reviewer
 * clears the flag. Node-only.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale } from '../../../shared/roles.js';
import { formatSource, I18N_DIR } from './catalogue-files.js';
import type { ReviewNotes } from './po.js';

export type Review = Record<Exclude<Locale, 'es'>, ReviewNotes>;

export const REVIEW_FILE = join(I18N_DIR, 'review.json');

export function readReview(file = REVIEW_FILE): Review {
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<Review>;
  return { gn: parsed.gn ?? {}, en: parsed.en ?? {} };
}

export async function writeReview(review: Review, file = REVIEW_FILE): Promise<void> {
  const sorted = (notes: ReviewNotes) =>
    Object.fromEntries(Object.entries(notes).sort(([a], [b]) => a.localeCompare(b)));
  const text = JSON.stringify({ gn: sorted(review.gn), en: sorted(review.en) }, null, 2);
  writeFileSync(file, await formatSource(file, text));
}
