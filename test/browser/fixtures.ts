/**
 * Helpers every browser journey shares: the server and browser of one test file, signing in on the
 * login page, and for journeys that need staff and records, a logged-in API client (cookie and
 * CSRF token, as the web app sends them) and a case worker created and activated through the API.
 * Only synthetic data.
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { Role } from '../../src/shared/roles.js';
import {
  freshTotp,
  launchBrowser,
  phoneContext,
  prepareDataDir,
  removeDir,
  startServer,
  type Admin,
  type RunningServer,
} from './harness.js';

/** The server on a fresh data directory (with its system administrator) and Debian's Chromium. */
export interface BrowserApp {
  server: RunningServer;
  browser: Browser;
  admin: Admin;
}

/** Starts a test file's server (with `env` added) and browser; `stopApp` stops them and removes the data. */
export async function startApp(env: NodeJS.ProcessEnv = {}): Promise<BrowserApp> {
  const prepared = prepareDataDir();
  const server = await startServer({ ...prepared.env, ...env }, prepared.dataDir);
  try {
    return { server, browser: await launchBrowser(), admin: prepared.admin };
  } catch (error) {
    await server.stop();
    removeDir(server.dataDir);
    throw error;
  }
}

/** Stops what `startApp` started; safe when it never finished (`app` undefined). */
export async function stopApp(app: BrowserApp | undefined): Promise<void> {
  if (!app) return;
  await app.browser.close();
  await app.server.stop();
  removeDir(app.server.dataDir);
}

/** A test file's app with the staff users its journeys sign in as, keyed as the file names them. */
export interface BrowserAppWithStaff<K extends string> extends BrowserApp {
  staff: Record<K, StaffUser>;
  /** Stops the server and starts it again on the same data, with `env` added to its environment. */
  restartServer(env: NodeJS.ProcessEnv): Promise<void>;
}

/**
 * The app of a `describe` block, started in `beforeAll` (with `env` added to the server's) together
 * with the `staff` users, and stopped in `afterAll`. Its fields read what the hook made, so a file's
 * own `beforeAll` (declared after) and its tests use them directly:
 *
 *   const app = useBrowserApp({ staff: { worker: { username, role, institutionCode } } });
 *   … signedInPage(app, app.staff.worker, '/cases')
 */
export function useBrowserApp<K extends string = never>(
  options: { env?: NodeJS.ProcessEnv; staff?: Record<K, StaffSpec> } = {},
): BrowserAppWithStaff<K> {
  let current: (BrowserApp & { staff: Record<K, StaffUser> }) | undefined;
  beforeAll(async () => {
    const app = await startApp(options.env);
    try {
      const staff = await createStaffUsers(app, options.staff ?? ({} as Record<K, StaffSpec>));
      current = { ...app, staff };
    } catch (error) {
      await stopApp(app);
      throw error;
    }
  }, 300_000);
  afterAll(() => stopApp(current));
  const ready = () => {
    if (!current) throw new Error('the browser app is read before its beforeAll hook ran');
    return current;
  };
  return {
    get server() {
      return ready().server;
    },
    get browser() {
      return ready().browser;
    },
    get admin() {
      return ready().admin;
    },
    get staff() {
      return ready().staff;
    },
    async restartServer(env) {
      const { server } = ready();
      await server.stop();
      ready().server = await startServer({ ...server.env, ...env }, server.dataDir);
    },
  };
}

/**
 * Opens `url`, which shows the login form to a visitor, and signs in as `user`; with a TOTP secret
 * it gives the second factor too. The app then goes on to `url`.
 */
export async function signIn(page: Page, url: string, user: Credentials): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  if (user.totpSecret) {
    await page.getByTestId('login-totp').fill(await freshTotp(user.totpSecret));
    await page.getByTestId('login-submit').click();
  }
}

/**
 * A new browser context signed in as `user` at `path` of the app: a phone's (390×844, touch) with
 * `'phone'`, else one with `options`. Close the context at the end of the journey.
 */
export async function signedInPage(
  app: BrowserApp,
  user: Credentials,
  path: string,
  options: BrowserContextOptions | 'phone' = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context =
    options === 'phone' ? await phoneContext(app.browser) : await app.browser.newContext(options);
  const page = await context.newPage();
  await signIn(page, `${app.server.url}${path}`, user);
  return { context, page };
}

export interface ApiClient {
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Who logs in through the API: a staff user, or the administrator with the second factor. */
export interface Credentials {
  username: string;
  password: string;
  totpSecret?: string;
}

/**
 * Logs in through the API as `user` (giving the second factor when it has a TOTP secret) and returns a
 * client that sends the session cookie and CSRF token.
 */
export async function apiLogin(server: RunningServer, user: Credentials): Promise<ApiClient>;
/** The same, with the credentials one by one. */
export async function apiLogin(
  server: RunningServer,
  username: string,
  password: string,
  totpSecret?: string,
): Promise<ApiClient>;
export async function apiLogin(
  server: RunningServer,
  user: Credentials | string,
  password?: string,
  totpSecret?: string,
): Promise<ApiClient> {
  const credentials = typeof user === 'string' ? { username: user, password: password!, totpSecret } : user;
  const { username } = credentials;
  const totp = credentials.totpSecret ? await freshTotp(credentials.totpSecret) : undefined;
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: credentials.password, ...(totp ? { totp } : {}) }),
  });
  if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(';')[0])
    .join('; ');
  return {
    async request<T>(method: string, path: string, body?: unknown): Promise<T> {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: {
          cookie,
          'x-csrf-token': csrfToken,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return (res.status === 204 ? undefined : await res.json()) as T;
    },
  };
}

/**
 * A case with one synthetic presumed victim, created through the API by `api`'s user. The defaults
 * (a woman of about 30 reported on the hotline in Asunción) are overridden field by field.
 */
export async function createVictimCase(
  api: ApiClient,
  fields: { person?: Record<string, unknown>; case?: Record<string, unknown> } = {},
): Promise<{ personId: string; caseId: string }> {
  const person = await api.request<{ id: string }>('POST', '/api/persons', {
    givenNames: 'Rosa Sintética',
    firstSurname: 'Apellidoreservado',
    sex: 'Female',
    estimatedAge: 30,
    ageApproximate: true,
    languages: ['es'],
    ...fields.person,
  });
  const kase = await api.request<{ id: string }>('POST', '/api/cases', {
    detectionMethod: 'Hotline',
    detectedOn: '2026-03-10',
    detectionDepartment: 'PY-ASU',
    narrative: 'Relato sintético de prueba.',
    ...fields.case,
  });
  await api.request('POST', `/api/cases/${kase.id}/persons`, { personId: person.id, role: 'PresumedVictim' });
  return { personId: person.id, caseId: kase.id };
}

export interface StaffUser {
  username: string;
  password: string;
}

/**
 * Who a staff user is: `'role@INSTITUTION'` (as the API tests write it; the username is then made
 * from the institution and the key the user has in `createStaffUsers`), or all three spelled out.
 */
export type StaffSpec = `${Role}@${string}` | { username: string; role: Role; institutionCode: string };

/** The id of the institution with `code` (every signed-in user may list the institutions). */
export async function institutionId(api: ApiClient, code: string): Promise<string> {
  const { items } = await api.request<{ items: { id: string; code: string }[] }>('GET', '/api/institutions');
  const institution = items.find((item) => item.code === code);
  if (!institution) throw new Error(`no institution ${code}`);
  return institution.id;
}

/**
 * A user of `institutionCode` with `role`, created by the administrator and activated. Pass the
 * administrator's logged-in client when creating several (each login waits for a fresh TOTP step).
 */
export async function createStaffUser(
  server: RunningServer,
  admin: Admin | ApiClient,
  options: { username: string; role: Role; institutionCode: string },
): Promise<StaffUser> {
  const client = 'request' in admin ? admin : await apiLogin(server, admin);
  const { activationLink } = await client.request<{ activationLink: string }>('POST', '/api/users', {
    username: options.username,
    displayName: `Prueba ${options.username}`,
    role: options.role,
    institutionId: await institutionId(client, options.institutionCode),
  });
  const token = new URLSearchParams(new URL(activationLink).hash.slice(1)).get('token');
  const password = 'telar de encaje sintético 2026';
  const res = await fetch(`${server.url}/api/account/password`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token, password }),
  });
  if (!res.ok) throw new Error(`activation: ${res.status} ${await res.text()}`);
  return { username: options.username, password };
}

/**
 * The staff users of a journey, keyed as `specs` names them, created by the administrator of `app`
 * with one login (each administrator login waits for a fresh TOTP step).
 */
export async function createStaffUsers<K extends string>(
  app: BrowserApp,
  specs: Record<K, StaffSpec>,
): Promise<Record<K, StaffUser>> {
  const users = {} as Record<K, StaffUser>;
  const keys = Object.keys(specs) as K[];
  if (keys.length === 0) return users;
  const admin = await apiLogin(app.server, app.admin);
  for (const key of keys) {
    const spec: StaffSpec = specs[key];
    if (typeof spec !== 'string') users[key] = await createStaffUser(app.server, admin, spec);
    else {
      const [role, institutionCode] = spec.split('@') as [Role, string];
      const username = `${institutionCode.toLowerCase()}.${key}`;
      users[key] = await createStaffUser(app.server, admin, { username, role, institutionCode });
    }
  }
  return users;
}

/**
 * The presumed victim's own written consent to be referred for `services`, sharing `sharedFields`,
 * recorded on her case through the API.
 */
export async function recordConsent(
  api: ApiClient,
  victim: { personId: string; caseId: string },
  consent: { services: string[]; sharedFields: string[] },
): Promise<void> {
  await api.request('POST', `/api/cases/${victim.caseId}/consents`, {
    kind: 'consent',
    personId: victim.personId,
    givenOn: '2026-03-10',
    method: 'Written',
    givenBy: 'Person',
    ...consent,
  });
}

/** A service provider of the institution `institutionCode`, created by the administrator's client. */
export async function createProvider(
  admin: ApiClient,
  institutionCode: string,
  provider: Record<string, unknown>,
): Promise<{ id: string }> {
  return admin.request<{ id: string }>('POST', '/api/service-providers', {
    institutionId: await institutionId(admin, institutionCode),
    ...provider,
  });
}

/**
 * Waits until the service worker controls `page` (a page loaded before the worker was active is not
 * controlled by it, so it is loaded once more): from then on the app starts with no network.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 60_000 })
    .toBe(true);
}
