/**
 * The offline queue: writes sent in order with their Idempotency-Key, a lost answer retried
 * without a second record, refusals kept on the device with the server's message, a network
 * failure stopping the round, a revoked device wiping the store.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { discard, enqueue, queued, resubmit, sync } from './queue.js';
import { createVault, hasVault, type Vault } from './vault.js';

const deviceKey = () =>
  Buffer.from(globalThis.crypto.getRandomValues(new Uint8Array(32))).toString('base64url');
/** A write whose answer is small (the queue is the same for every operation); `label` tells them apart. */
const labels = new Map<string, string>();
const write = (label: string) => {
  const id = globalThis.crypto.randomUUID();
  labels.set(id, label);
  return { body: { ids: [id] } };
};

/** A fake server: remembers keys like the real one, and can be told to fail. */
function fakeServer() {
  const firstAnswers = new Map<string, unknown>();
  const created: string[] = [];
  let mode: 'ok' | 'offline' | 'lose-answer' | 'revoked' | 'refuse' = 'ok';
  const fetchMock = vi.fn(async (_url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    const key = headers['Idempotency-Key']!;
    if (mode === 'offline') throw new TypeError('Failed to fetch');
    if (mode === 'revoked')
      return Response.json({ error: { code: 'device_revoked', message: 'revocado' } }, { status: 410 });
    if (mode === 'refuse')
      return Response.json(
        {
          error: {
            code: 'validation_failed',
            message: 'Revise',
            issues: [{ path: 'body.sex', message: 'x' }],
          },
        },
        { status: 400 },
      );
    if (!firstAnswers.has(key)) {
      const body = JSON.parse(String(init.body)) as { ids: string[] };
      created.push(labels.get(body.ids[0]!)!);
      firstAnswers.set(key, { marked: created.length, unread: 0 });
    }
    if (mode === 'lose-answer') {
      mode = 'ok';
      throw new TypeError('connection reset');
    }
    return Response.json(firstAnswers.get(key), { status: 200 });
  });
  return {
    fetchMock,
    created,
    set: (m: typeof mode) => {
      mode = m;
    },
  };
}

describe('offline queue', () => {
  let vault: Vault;
  let server: ReturnType<typeof fakeServer>;
  beforeEach(async () => {
    vault = await createVault(`user-${globalThis.crypto.randomUUID()}`, 'device', '1234', deviceKey(), {
      iterations: 1_000,
    });
    server = fakeServer();
    vi.stubGlobal('fetch', server.fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends queued writes in order with their Idempotency-Key, and empties the queue', async () => {
    const a = await enqueue(vault, 'markNotificationsRead', write('Primera'));
    const b = await enqueue(vault, 'markNotificationsRead', write('Segunda'));
    await sync(vault);
    const sentKeys = server.fetchMock.mock.calls.map(
      ([, init]) => (init.headers as Record<string, string>)['Idempotency-Key'],
    );
    expect(sentKeys).toEqual([a.key, b.key]);
    expect(server.created).toEqual(['Primera', 'Segunda']);
  });

  it('retries a write whose answer was lost without creating a second record', async () => {
    await enqueue(vault, 'markNotificationsRead', write('Perdida'));
    server.set('lose-answer');
    const first = await sync(vault);
    expect(first.stopped?.code).toBe('network_error');
    expect(first.waiting).toBe(1);
    await sync(vault);
    expect(server.created).toEqual(['Perdida']);
  });

  it('stops the round when offline and keeps everything', async () => {
    await enqueue(vault, 'markNotificationsRead', write('Uno'));
    await enqueue(vault, 'markNotificationsRead', write('Dos'));
    server.set('offline');
    const report = await sync(vault);
    expect(report.waiting).toBe(2);
    expect((await queued(vault)).map((w) => w.state)).toEqual(['pending', 'pending']);
  });

  it('keeps a refused write on the device with the server message, to fix or discard', async () => {
    const queuedWrite = await enqueue(vault, 'markNotificationsRead', write('Rechazada'));
    server.set('refuse');
    const report = await sync(vault);
    expect(report.refused).toHaveLength(1);
    const [kept] = await queued(vault);
    expect(kept).toMatchObject({
      key: queuedWrite.key,
      state: 'refused',
      refusal: { status: 400, message: 'Revise' },
    });
    expect(kept!.refusal!.issues[0]!.path).toBe('body.sex');
    server.set('ok');
    expect((await sync(vault)).sent).toHaveLength(0); // a refused write is not resent as it was
    const fixed = await resubmit(vault, queuedWrite.key, write('Corregida'));
    expect(fixed.key).not.toBe(queuedWrite.key);
    await sync(vault);
    expect(server.created).toEqual(['Corregida']);
    const other = await enqueue(vault, 'markNotificationsRead', write('Descartada'));
    await discard(vault, other.key);
    expect(await queued(vault)).toEqual([]);
  });

  it('wipes the store when the server says the device was revoked', async () => {
    await enqueue(vault, 'markNotificationsRead', write('Revocada'));
    server.set('revoked');
    const report = await sync(vault);
    expect(report.wiped).toBe(true);
    expect(await hasVault(vault.userId)).toBe(false);
  });
});
