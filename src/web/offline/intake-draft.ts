/**
 * The intake wizard's draft on the device (pages/intake/IntakePage.tsx, docs/adr/0003-intake-draft.md):
 * a reload resumes the intake where it was, while nothing is written to the server before it is
 * confirmed. IndexedDB holds only ciphertext (the offline store's sealed records: AES-GCM, fresh
 * IV, the slot as additional data), under a key the server derives for the signed-in user and a
 * day-long window (getIntakeDraftKeys), held by the page only in memory and not extractable. So:
 * - another user of the same browser gets other keys and another slot: nothing to see or resume;
 * - signing out deletes the user's draft (discardIntakeDrafts);
 * - a draft older than `maxAgeHours` is deleted, and one two windows old cannot be decrypted at all
 *   (its key is never released again), even by its author.
 */
import type { z } from 'zod';
import type { IntakeDraftKeys } from '../../shared/api-devices.js';
import { deleteSealed, importAesKey, SealedRecords } from './vault.js';

const KIND = 'intake-draft';

type Keys = z.output<typeof IntakeDraftKeys>;
interface Stored<T> {
  savedAt: number;
  draft: T;
}

/** The signed-in user's draft store, opened with the keys the server released to the session. */
export class DraftStore<T> {
  /** Saves and discards run one after another: a discard is never overtaken by a save begun before it. */
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly current: { window: number; records: SealedRecords },
    private readonly previous: { window: number; records: SealedRecords },
    private readonly maxAgeMs: number,
  ) {}

  static async open<T>(userId: string, keys: Keys): Promise<DraftStore<T>> {
    const maxAgeMs = keys.maxAgeHours * 3_600_000;
    // Nobody's stale draft stays on a shared device, whoever signs in.
    await deleteSealed(KIND, { before: Date.now() - maxAgeMs });
    const records = async (k: Keys['current']) => ({
      window: k.window,
      records: new SealedRecords(userId, await importAesKey(k.key)),
    });
    return new DraftStore<T>(await records(keys.current), await records(keys.previous), maxAgeMs);
  }

  /** The user's draft, or null (none, too old, or no longer readable: then it is deleted). */
  async load(): Promise<T | null> {
    for (const { window, records } of [this.current, this.previous]) {
      let stored: Stored<T> | undefined;
      try {
        stored = await records.get<Stored<T>>(KIND, String(window));
      } catch {
        stored = undefined; // not ours or altered: treated as none
      }
      if (!stored) continue;
      if (Date.now() - stored.savedAt > this.maxAgeMs) break;
      return stored.draft;
    }
    await this.discard();
    return null;
  }

  /** Seals the draft under today's key (and drops yesterday's copy). */
  save(draft: T): Promise<void> {
    return this.inTurn(async () => {
      await this.current.records.put(KIND, String(this.current.window), { savedAt: Date.now(), draft });
      await this.previous.records.remove(KIND, String(this.previous.window));
    });
  }

  discard(): Promise<void> {
    return this.inTurn(() => deleteSealed(KIND, { userId: this.current.records.userId }));
  }

  private inTurn(operation: () => Promise<void>): Promise<void> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

/** Deletes the user's intake draft, with no key (signing out). */
export function discardIntakeDrafts(userId: string): Promise<void> {
  return deleteSealed(KIND, { userId });
}
