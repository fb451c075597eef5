/**
 * The background loop that folds committed audit rows into the tree (`foldAudit`). Every app server
 * runs one; the row lock on `audit_tree_state` (SKIP LOCKED) lets exactly one of them fold at a time
 * while the others skip their turn, so the tree has one order however many servers write.
 */
import type { Database } from '../db/database.js';
import type { Logger } from '../logger.js';
import { foldAudit } from './tree.js';

export function startAuditSequencer(db: Database, logger: Logger, intervalMs = 1000): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  const tick = async () => {
    if (stopped || db.closed) return;
    try {
      await foldAudit(db);
    } catch (error) {
      if (!stopped && !db.closed) logger.error({ err: error }, 'audit sequencer: folding failed');
    }
    if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
  };
  timer = setTimeout(() => void tick(), 0);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
