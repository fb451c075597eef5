/**
 * The login throttle behind a reverse proxy: the client address comes from X-Forwarded-For only
 * through trusted hops (NANDUTI_TRUST_PROXY as addresses or a hop count), so many clients behind the
 * proxy are throttled one by one, and a client that writes its own X-Forwarded-For — through the
 * proxy, which appends, or straight to the server — cannot dodge the throttle.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from '../../src/server/config.js';
import { CLIENT_MAX_FAILURES } from '../../src/server/modules/auth/auth.service.js';
import { createTestContext, skipBackend, type TestContext } from '../helpers/db.js';
import { appWithConfig, buildUser, TEST_PASSWORD } from '../helpers/factories.js';

const PROXY = '10.20.0.2';

describe('NANDUTI_TRUST_PROXY', () => {
  it('reads nothing, a hop count, or a list of addresses and CIDRs, and refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBe(false);
    expect(parseTrustProxy('false')).toBe(false);
    expect(parseTrustProxy('true')).toBe(1);
    expect(parseTrustProxy('2')).toBe(2);
    expect(parseTrustProxy('10.20.0.2, 10.30.0.0/16,loopback, ::1, fd00::/8')).toEqual([
      '10.20.0.2',
      '10.30.0.0/16',
      'loopback',
      '::1',
      'fd00::/8',
    ]);
    for (const bad of ['yes', '10.0.0.0/33', 'nginx', '10.0.0.1/8/2', '-1'])
      expect(() => parseTrustProxy(bad)).toThrow(/NANDUTI_TRUST_PROXY/);
    expect(loadConfig({ NANDUTI_TRUST_PROXY: '127.0.0.1' }).trustProxy).toEqual(['127.0.0.1']);
  });
});

describe.skipIf(skipBackend)('the login throttle behind a trusted proxy', () => {
  let t: TestContext;
  let byAddress: TestContext;
  let byHops: TestContext;
  beforeAll(async () => {
    t = await createTestContext();
    byAddress = await appWithConfig(t, { trustProxy: [PROXY] });
    byHops = await appWithConfig(t, { trustProxy: 1 });
  });
  afterAll(async () => {
    await byAddress?.close();
    await byHops?.close();
    await t?.close();
  });

  /** A failed login as it arrives at the server: from `peer`, with the X-Forwarded-For it carries. */
  const attempt = (app: TestContext, peer: string, forwardedFor: string | null, username = 'nobody') =>
    app.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: peer,
      headers: forwardedFor === null ? {} : { 'x-forwarded-for': forwardedFor },
      payload: { username, password: 'a wrong password, again' },
    });

  for (const mode of ['addresses', 'hops'] as const) {
    it(`(${mode}) a client that invents a new X-Forwarded-For each time is still throttled; its neighbours are not`, async () => {
      const app = mode === 'addresses' ? byAddress : byHops;
      const real = mode === 'addresses' ? '203.0.113.7' : '203.0.113.8';
      const statuses: number[] = [];
      // The proxy appends the address it saw to whatever the client sent (nginx's
      // $proxy_add_x_forwarded_for): the rightmost entry is the real client.
      for (let i = 0; i <= CLIENT_MAX_FAILURES; i++)
        statuses.push((await attempt(app, PROXY, `198.51.100.${i}, ${real}`, `nobody-${i}`)).statusCode);
      expect(statuses.slice(0, CLIENT_MAX_FAILURES).every((s) => s === 401)).toBe(true);
      expect(statuses[CLIENT_MAX_FAILURES]).toBe(429);
      // With no header of its own, or with a made-up one, the same client stays throttled.
      expect((await attempt(app, PROXY, real)).statusCode).toBe(429);
      expect((await attempt(app, PROXY, `10.1.1.1, 172.16.0.9, ${real}`)).statusCode).toBe(429);
      // Other clients behind the same proxy are counted apart.
      const user = await buildUser(t);
      const other = await app.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: PROXY,
        headers: { 'x-forwarded-for': '203.0.113.99' },
        payload: { username: user.username, password: TEST_PASSWORD },
      });
      expect(other.statusCode).toBe(200);
    });
  }

  /** A client that has already failed CLIENT_MAX_FAILURES times, as the throttle records it. */
  const exhaust = (ip: string) => {
    const clientKey = t.services.crypto.blindIndex(ip, 'client_ip');
    return t.services.db.transaction((trx) =>
      trx
        .insertInto('login_attempts')
        .values(
          Array.from({ length: CLIENT_MAX_FAILURES }, (_, i) => ({
            username_key: `seeded-${i}`,
            client_key: clientKey,
            at: new Date(),
            success: false,
          })),
        )
        .execute(),
    );
  };

  it('a peer that is not a trusted proxy cannot set its address with X-Forwarded-For', async () => {
    const direct = '192.0.2.50';
    await exhaust(direct);
    expect((await attempt(byAddress, direct, '198.51.100.200')).statusCode).toBe(429);
    expect((await attempt(byAddress, direct, `198.51.100.201, ${PROXY}`)).statusCode).toBe(429);
    expect((await attempt(byAddress, direct, null)).statusCode).toBe(429);
    // Through the proxy, the client address is the one the proxy saw, not the peer's.
    expect((await attempt(byAddress, PROXY, '192.0.2.51')).statusCode).toBe(401);
  });

  it('without a trusted proxy, X-Forwarded-For is ignored altogether', async () => {
    const direct = '192.0.2.60';
    await exhaust(direct);
    expect((await attempt(t, direct, '198.51.100.250')).statusCode).toBe(429);
    expect((await attempt(byAddress, '192.0.2.61', '192.0.2.60')).statusCode).toBe(401);
  });
});
