/**
 * The queue of writes made offline (docs/OFFLINE.md), kept encrypted in the user's vault. Each write
 * is a plain object — an operation id and its input, as the contract declares it — with a key
 * generated on the device when it was made; the key is sent as `Idempotency-Key`, so a write whose
 * answer was lost is sent again without creating a second record.
 *
 * `sync` sends the queue in the order it was made. A write the server refuses (validation, access)
 * stays on the device, marked with the server's message, for the user to fix or discard — never
 * dropped. A network failure or a server error stops the round; the rest waits for the next one.
 * A revoked device (410) wipes the store.
 */
import { contracts } from '../../shared/contracts/index.js';
import type { ContractInput } from '../../shared/contract.js';
import { ApiError, call, callIdempotent, type ApiIssue } from '../api.js';
import { wipeUser, type Vault } from './vault.js';

export type OperationId = keyof typeof contracts;
const KIND = 'queue';

export interface QueuedWrite {
  /** Generated on the device; also the `Idempotency-Key`. */
  key: string;
  operationId: OperationId;
  input: unknown;
  /** When it was made on the device (ISO). */
  madeAt: string;
  state: 'pending' | 'refused' | 'review';
  /** The server's refusal, in the user's language, for a refused write. */
  refusal?: { status: number; code: string; message: string; issues: readonly ApiIssue[] };
  /** An intake held before it is sent: persons already registered who may be the same person. */
  candidates?: ReadonlyArray<{
    id: string;
    fullName: string;
    birthYear: number | null;
    matchedOn: readonly string[];
  }>;
}

export interface SyncReport {
  sent: Array<{ write: QueuedWrite; answer: unknown }>;
  refused: QueuedWrite[];
  /** Intakes held for the user to look at possible duplicates first. */
  held: QueuedWrite[];
  /** Still waiting (the round stopped on a network or server failure). */
  waiting: number;
  /** Why the round stopped early, if it did. */
  stopped?: ApiError;
  /** The device was revoked: its store is wiped. */
  wiped?: boolean;
}

/** Queues a write made offline; it is sent at the next `sync`. */
export async function enqueue<K extends OperationId>(
  vault: Vault,
  operationId: K,
  input: ContractInput<(typeof contracts)[K]>,
): Promise<QueuedWrite> {
  const write: QueuedWrite = {
    key: globalThis.crypto.randomUUID(),
    operationId,
    input,
    madeAt: new Date().toISOString(),
    state: 'pending',
  };
  await vault.put(KIND, write.key, write);
  return write;
}

/** Every queued write, oldest first (pending and refused). */
export async function queued(vault: Vault): Promise<QueuedWrite[]> {
  const writes = (await vault.list<QueuedWrite>(KIND)).map((r) => r.value);
  return writes.sort((a, b) => a.madeAt.localeCompare(b.madeAt) || a.key.localeCompare(b.key));
}

/** The user gives up a refused (or pending) write. */
export async function discard(vault: Vault, key: string): Promise<void> {
  await vault.remove(KIND, key);
}

/**
 * The user corrected a refused write: it goes back to the queue with its new input and a new key
 * (the server never committed the refused one, so nothing can be written twice).
 */
export async function resubmit(vault: Vault, key: string, input: unknown): Promise<QueuedWrite> {
  const old = await vault.get<QueuedWrite>(KIND, key);
  if (!old) throw new Error('no such queued write');
  await vault.remove(KIND, key);
  const write: QueuedWrite = { ...old, key: globalThis.crypto.randomUUID(), input, state: 'pending' };
  delete write.refusal;
  delete write.candidates;
  await vault.put(KIND, write.key, write);
  return write;
}

/**
 * Duplicate detection at sync: an intake whose new person the user has not yet confirmed as
 * someone else is checked against the persons the user may see (checkPersonDuplicates) before it
 * is sent; likely matches hold it for the user (same person → resubmit with its id; someone else →
 * resubmit with confirmNotDuplicate).
 */
async function possibleDuplicates(write: QueuedWrite): Promise<NonNullable<QueuedWrite['candidates']>> {
  if (write.operationId !== 'submitIntake') return [];
  const { body } = write.input as ContractInput<typeof contracts.submitIntake>;
  if (!body.person || body.person.confirmNotDuplicate) return [];
  const { confirmNotDuplicate: _confirm, ...person } = body.person;
  const { candidates } = await call(contracts.checkPersonDuplicates, { body: person });
  return candidates.map((c) => ({
    id: c.id,
    fullName: c.fullName,
    birthYear: c.birthYear,
    matchedOn: c.matchedOn,
  }));
}

/** Sends the pending writes in order; see the module comment for what happens to each. */
export async function sync(
  vault: Vault,
  onProgress?: (done: number, total: number) => void,
): Promise<SyncReport> {
  const all = await queued(vault);
  const pending = all.filter((w) => w.state === 'pending');
  const report: SyncReport = { sent: [], refused: [], held: [], waiting: 0 };
  for (const [index, write] of pending.entries()) {
    const contract = contracts[write.operationId];
    try {
      const candidates = await possibleDuplicates(write);
      if (candidates.length > 0) {
        const held: QueuedWrite = { ...write, state: 'review', candidates };
        await vault.put(KIND, write.key, held);
        report.held.push(held);
        onProgress?.(index + 1, pending.length);
        continue;
      }
      const answer = await callIdempotent(contract, write.input as never, write.key);
      await vault.remove(KIND, write.key);
      report.sent.push({ write, answer });
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status >= 200 && error.status < 300) {
        // Written, but the answer did not match the contract (a newer server): done all the same.
        await vault.remove(KIND, write.key);
        report.sent.push({ write, answer: undefined });
        onProgress?.(index + 1, pending.length);
        continue;
      }
      if (error.status === 410 && error.code === 'device_revoked') {
        await wipeUser(vault.userId);
        return { ...report, waiting: 0, stopped: error, wiped: true };
      }
      const later =
        error.status === 0 ||
        error.status >= 500 ||
        error.status === 401 ||
        error.code === 'idempotency_key_in_progress';
      if (later) {
        // Offline again, the server failing, or the session ended: keep it, try the next round.
        return { ...report, waiting: pending.length - index, stopped: error };
      }
      const refused: QueuedWrite = {
        ...write,
        state: 'refused',
        refusal: { status: error.status, code: error.code, message: error.message, issues: error.issues },
      };
      await vault.put(KIND, write.key, refused);
      report.refused.push(refused);
    }
    onProgress?.(index + 1, pending.length);
  }
  return report;
}
