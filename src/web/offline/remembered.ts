/**
 * What the app needs of the offline store before anyone signs in, without loading it: the user whose
 * vault is on this device (for a start with no network) and locking the vault at sign-out. The store
 * itself (Dexie, the vault's crypto, the queued contracts) loads only where it is used, so the login
 * page does not carry it (bench/README.md, "Web app: what the login page loads").
 */

/** localStorage key of the user whose vault is on this device. */
export const REMEMBERED = 'nanduti.offline.user';

/** The user whose vault is on this device, if any (for a start with no network). */
export function rememberedUser(): string | null {
  try {
    return localStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

let lockLoaded: (() => void) | null = null;

/** Called by the store when it loads: how to forget its opened key. */
export function onLockOffline(lock: () => void): void {
  lockLoaded = lock;
}

/** Forgets the opened key (signing out); a store never loaded holds none. */
export function lockOffline(): void {
  lockLoaded?.();
}
