/**
 * The offline workspace's state, kept outside React so that it survives the switch between the
 * app with no network (no session: the PIN opens the vault) and the signed-in app that syncs. One
 * user's vault at a time; components read it through `useOffline()`.
 *
 * What a device keeps (docs/OFFLINE.md, "What is on the device"): the queue of writes made offline
 * (everything typed, encrypted in the vault until sent), copies of the cases the user kept for
 * offline work without the fields whose sensitivity label is excluded from devices
 * (src/shared/sensitivity.ts), and the screening instrument.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { z } from 'zod';
import type { SubmitIntakeRequest } from '../../shared/api-devices.js';
import type {
  AddEventRequest,
  CaseView,
  InstrumentView,
  UpdateCaseRequest,
} from '../../shared/api-identification.js';
import type { AddCaseNoteRequest, CaseNoteView } from '../../shared/api-notes.js';
import { getDeviceKey, registerDevice } from '../../shared/contracts/devices.js';
import { listCaseNotes } from '../../shared/contracts/notes.js';
import { getScreeningInstrument } from '../../shared/contracts/screening.js';
import { ApiError, call, onDeviceRevoked, setDeviceId } from '../api.js';
import { keptCopy, notesForDevice, type KeptCase } from './kept-case.js';
import { onLockOffline, REMEMBERED } from './remembered.js';
import { discard, enqueue, queued, resubmit, sync, type QueuedWrite } from './queue.js';
import {
  createVault,
  deviceCredentialOf,
  deviceIdOf,
  hasVault,
  NoVaultError,
  unlockWithDeviceKey,
  unlockWithPin,
  queuedCount,
  wipeAll,
  wipeUser,
  WrongPinError,
  type Vault,
} from './vault.js';

export type { KeptCase, KeptNote } from './kept-case.js';

export type OfflineStatus = 'unknown' | 'none' | 'locked' | 'open' | 'wiped';

export interface OfflineState {
  userId: string | null;
  status: OfflineStatus;
  writes: QueuedWrite[];
  cases: KeptCase[];
  instrument: z.output<typeof InstrumentView> | null;
  /** Sync progress while a round runs. */
  progress: { done: number; total: number } | null;
  /** The last round's outcome. */
  lastSync: { sent: number; refused: number; held: number; waiting: number; error: string | null } | null;
  /** Attempts left after a wrong PIN. */
  attemptsLeft: number | null;
  /** The ids of the kept cases, known without decrypting them. */
  keptIds: string[];
  /**
   * Which parts are decrypted in memory. Opening the vault decrypts nothing (it only derives and
   * unwraps the key): each part is decrypted the first time a screen needs it (`useOfflinePart`).
   */
  loaded: Record<Part, boolean>;
}

/** The parts of an opened vault, decrypted on demand. */
type Part = 'writes' | 'cases' | 'instrument';
const NOTHING_LOADED: Record<Part, boolean> = { writes: false, cases: false, instrument: false };
/** What a closed vault shows: nothing decrypted. */
const CLOSED = {
  writes: [],
  cases: [],
  instrument: null,
  keptIds: [],
  loaded: NOTHING_LOADED,
} satisfies Partial<OfflineState>;

/** The signed-in user whose vault this device holds, remembered (an id, not personal data) for offline starts. */
let vault: Vault | null = null;
let state: OfflineState = {
  userId: null,
  status: 'unknown',
  writes: [],
  cases: [],
  instrument: null,
  progress: null,
  lastSync: null,
  attemptsLeft: null,
  keptIds: [],
  loaded: NOTHING_LOADED,
};
const listeners = new Set<() => void>();

function set(patch: Partial<OfflineState>) {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

export function useOffline(): OfflineState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

async function wiped() {
  vault = null;
  setDeviceId(null);
  localStorage.removeItem(REMEMBERED);
  set({ ...CLOSED, status: 'wiped', progress: null, attemptsLeft: null });
}

// A 410 from the server: this device was revoked or expired; its store goes at once.
onDeviceRevoked(() => {
  const userId = state.userId;
  if (userId) void wipeUser(userId).then(wiped);
});

/** Looks for the user's vault on this device (at start, signed in or not); keeps it open if it is. */
export async function initOffline(userId: string): Promise<void> {
  if (state.userId === userId && state.status !== 'unknown') return;
  vault = null;
  const present = await hasVault(userId);
  setDeviceId(present ? ((await deviceIdOf(userId)) ?? null) : null);
  set({ ...CLOSED, userId, status: present ? 'locked' : 'none', attemptsLeft: null });
}

/** Decrypts one part of the vault. */
async function read(part: Part, open: Vault): Promise<Partial<OfflineState>> {
  switch (part) {
    case 'writes':
      return { writes: await queued(open) };
    case 'cases':
      return { cases: (await open.list<KeptCase>('case')).map((c) => c.value) };
    case 'instrument':
      return { instrument: (await open.get<OfflineState['instrument']>('catalogue', 'instrument')) ?? null };
  }
}

const loading = new Map<Part, Promise<void>>();

/** Decrypts a part of the opened vault into memory the first time a screen needs it. */
export function loadPart(part: Part): Promise<void> {
  const open = vault;
  if (!open || state.loaded[part]) return Promise.resolve();
  let pending = loading.get(part);
  if (!pending) {
    pending = read(part, open)
      .then((patch) => {
        if (vault === open) set({ ...patch, loaded: { ...state.loaded, [part]: true } });
      })
      .finally(() => loading.delete(part));
    loading.set(part, pending);
  }
  return pending;
}

/** The offline state, with `part` decrypted once the vault is open (see `loaded`). */
export function useOfflinePart(...parts: Part[]): OfflineState {
  const current = useOffline();
  const missing = (current.status === 'open' ? parts.filter((p) => !current.loaded[p]) : []).join();
  useEffect(() => {
    for (const part of missing.split(',')) if (part) void loadPart(part as Part);
  }, [missing]);
  return current;
}

/** The vault is open: nothing is decrypted yet, only the kept cases' ids are read. */
async function opened(open: Vault) {
  vault = open;
  const keptIds = await open.ids('case');
  set({ ...CLOSED, keptIds, status: 'open', attemptsLeft: null });
}

/** After a change: the parts already in memory are read again, and the kept cases' ids. */
async function refresh() {
  const open = vault;
  if (!open) return;
  const parts = (Object.keys(state.loaded) as Part[]).filter((part) => state.loaded[part]);
  const patches = await Promise.all(parts.map((part) => read(part, open)));
  const keptIds = await open.ids('case');
  if (vault === open) set(Object.assign({ keptIds }, ...patches) as Partial<OfflineState>);
}

/** Registers this device for the signed-in user and creates the vault under the chosen PIN. */
export async function registerThisDevice(userId: string, name: string, pin: string): Promise<void> {
  const answer = await call(registerDevice, { body: { name } });
  const created = await createVault(userId, answer.device.id, pin, answer.deviceKey, {
    secret: answer.secret,
  });
  localStorage.setItem(REMEMBERED, userId);
  setDeviceId(answer.device.id);
  set({ userId });
  await opened(created);
  await cacheCatalogues();
}

/**
 * Signed in and online: opens the vault without the PIN, with the device key the server releases
 * to this user's session on this device (getDeviceKey, audited). Stays locked — the PIN opens it
 * — when the store predates the kept secret or the server cannot be reached; a revoked or expired
 * device (410) is wiped on the way.
 */
export async function unlockOnline(userId: string): Promise<boolean> {
  await initOffline(userId);
  if (state.status !== 'locked' || state.userId !== userId) return state.status === 'open';
  const credential = await deviceCredentialOf(userId);
  if (!credential) return false;
  try {
    const { deviceKey } = await call(getDeviceKey, {
      params: { id: credential.deviceId },
      body: { secret: credential.secret },
    });
    // Opened with the PIN meanwhile, or another user signed in: nothing more to do.
    if (stillLockedFor(userId) === false) return false;
    const open = await unlockWithDeviceKey(userId, deviceKey);
    await opened(open);
    // The screening instrument missing (its first fetch cut short): keep it now, while online.
    if ((await open.ids('catalogue')).length === 0) await cacheCatalogues().catch(() => undefined);
    return true;
  } catch (error) {
    if (error instanceof ApiError) return false;
    throw error;
  }
}

const stillLockedFor = (userId: string) => state.status === 'locked' && state.userId === userId;

/** Writes waiting on the device for a locked vault, counted without opening it. */
export function pendingCount(userId: string): Promise<number> {
  return queuedCount(userId);
}

/** Opens the vault with the PIN; the fifth wrong PIN in a row wipes it. */
export async function unlock(pin: string): Promise<boolean> {
  if (!state.userId) return false;
  try {
    // Derive the PIN key and unwrap the data key, nothing more: records are decrypted when shown.
    await opened(await unlockWithPin(state.userId, pin));
    return true;
  } catch (error) {
    if (error instanceof WrongPinError) set({ attemptsLeft: error.remaining });
    else if (error instanceof NoVaultError) await wiped();
    else throw error;
    return false;
  }
}

/** Forgets the opened key (signing out): the vault stays, unreadable without the PIN. */
export function lock(): void {
  vault = null;
  if (state.status === 'open') set({ ...CLOSED, status: 'locked' });
}
onLockOffline(lock);

/** Panic: every store on this device goes now, with no network and no PIN. */
export async function wipeNow(): Promise<void> {
  await wipeAll();
  await wiped();
}

/** Keeps the screening instrument for intakes with no network (online only). */
export async function cacheCatalogues(): Promise<void> {
  if (!vault) return;
  await vault.put('catalogue', 'instrument', await call(getScreeningInstrument, { query: {} }));
  await refresh();
}

/**
 * Keeps (or renews) a copy of a case page for offline work, made from what the server showed this
 * user and without the fields excluded from devices (`keptCopy`), with its notes read now (the
 * notes kept before stay when they cannot be read). A case seen only through an emergency access
 * (break-glass) is not taken offline.
 */
export async function keepCase(view: CaseView): Promise<void> {
  if (!vault) throw new Error('offline store locked');
  if (view.emergencyAccess) throw new Error('a case opened by emergency access is not kept offline');
  const before = await vault.get<KeptCase>('case', view.id);
  const notes = await call(listCaseNotes, { params: { id: view.id }, query: { limit: 200 } }).then(
    (list) => notesForDevice(list.items),
    (error: unknown) => {
      if (error instanceof ApiError) return before?.notes ?? [];
      throw error;
    },
  );
  if (!vault) return;
  await vault.put('case', view.id, { ...keptCopy(view), notes });
  await refresh();
}

export async function forgetCase(id: string): Promise<void> {
  await vault?.remove('case', id);
  await refresh();
}

type IntakeBody = z.input<typeof SubmitIntakeRequest>;

export async function queueIntake(body: IntakeBody): Promise<void> {
  if (!vault) throw new Error('offline store locked');
  await enqueue(vault, 'submitIntake', { body: { ...body, capturedAt: new Date().toISOString() } });
  await refresh();
}

/** Queues an edit of a kept case, made against the version the device holds. */
export async function queueCaseEdit(caseId: string, body: z.input<typeof UpdateCaseRequest>): Promise<void> {
  if (!vault) throw new Error('offline store locked');
  const kept = await vault.get<KeptCase>('case', caseId);
  await enqueue(vault, 'updateCase', {
    params: { id: caseId },
    body: { ...body, baseVersion: kept?.version ?? body.baseVersion },
  });
  if (kept) {
    const { status, detectionPlace, detectionDepartment } = body;
    await vault.put('case', caseId, {
      ...kept,
      ...(status !== undefined ? { status } : {}),
      ...(detectionPlace !== undefined ? { detectionPlace } : {}),
      ...(detectionDepartment !== undefined ? { detectionDepartment } : {}),
    });
  }
  await refresh();
}

/**
 * Queues a trafficking event on a kept case (with its ICT channel and platforms). An addition has
 * no version to conflict with; the server refuses it (kept on the device, with its reason) when the
 * case is no longer the user's to write.
 */
export async function queueCaseEvent(caseId: string, body: z.input<typeof AddEventRequest>): Promise<void> {
  if (!vault) throw new Error('offline store locked');
  await enqueue(vault, 'addTraffickingEvent', { params: { id: caseId }, body });
  await refresh();
}

/**
 * Queues a note on a kept case, with the time it was written. Notes are append-only, so it cannot
 * conflict; the server refuses it (kept on the device, with its reason) when the case is no longer
 * the user's to write.
 */
export async function queueCaseNote(
  caseId: string,
  body: Omit<z.input<typeof AddCaseNoteRequest>, 'madeOfflineAt'>,
): Promise<void> {
  if (!vault) throw new Error('offline store locked');
  await enqueue(vault, 'addCaseNote', {
    params: { id: caseId },
    body: { ...body, madeOfflineAt: new Date().toISOString() },
  });
  await refresh();
}

/** A note the server accepted joins its kept case's copy (when its label may stay on devices). */
async function keepSentNote(note: CaseNoteView) {
  const kept = vault ? await vault.get<KeptCase>('case', note.caseId) : undefined;
  if (!vault || !kept) return;
  const notes = [...notesForDevice([note]), ...(kept.notes ?? []).filter((n) => n.id !== note.id)];
  await vault.put('case', kept.id, { ...kept, notes });
}

export async function resubmitWrite(key: string, input: unknown): Promise<void> {
  if (!vault) return;
  await resubmit(vault, key, input);
  await refresh();
}

export async function discardWrite(key: string): Promise<void> {
  if (!vault) return;
  await discard(vault, key);
  await refresh();
}

let running: Promise<void> | null = null;

/** Sends the queue (one round at a time); kept cases take the version the server answered. */
export function syncNow(): Promise<void> {
  running ??= (async () => {
    const open = vault;
    if (!open) return;
    await loadPart('writes');
    set({ progress: { done: 0, total: state.writes.filter((w) => w.state === 'pending').length } });
    try {
      const report = await sync(open, (done, total) => set({ progress: { done, total } }));
      if (report.wiped) return await wiped();
      for (const { write, answer } of report.sent) {
        if (write.operationId === 'updateCase' && answer) await keepCase(answer as CaseView);
        if (write.operationId === 'addCaseNote' && answer) await keepSentNote(answer as CaseNoteView);
      }
      set({
        lastSync: {
          sent: report.sent.length,
          refused: report.refused.length,
          held: report.held.length,
          waiting: report.waiting,
          error: report.stopped?.message ?? null,
        },
      });
    } catch (error) {
      set({
        lastSync: {
          sent: 0,
          refused: 0,
          held: 0,
          waiting: state.writes.length,
          error: error instanceof ApiError ? error.message : String(error),
        },
      });
    } finally {
      set({ progress: null });
      running = null;
      await refresh();
    }
  })();
  return running;
}
