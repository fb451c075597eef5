/**
 * Helpers every browser journey shares: the server and browser of one test file, signing in on the
 * login page, and for journeys that need staff and records, a logged-in API client (cookie and
 * CSRF token, as the web app sends them) and a case worker created and activated through the API.
 * Only synthetic data.
 */
import type { Browser, Page } from 'playwright-core';
import {
  freshTotp,
  launchBrowser,
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

/**
 * Opens `url`, which shows the login form to a visitor, and signs in as `user`; with a TOTP secret
 * it gives the second factor too. The app then goes on to `url`.
 */
export async function signIn(
  page: Page,
  url: string,
  user: { username: string; password: string; totpSecret?: string },
): Promise<void> {
  await page.goto(url);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  if (user.totpSecret) {
    await page.getByTestId('login-totp').fill(await freshTotp(user.totpSecret));
    await page.getByTestId('login-submit').click();
  }
}

export interface ApiClient {
  request<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

/** Logs in through the API and returns a client that sends the session cookie and CSRF token. */
export async function apiLogin(
  server: RunningServer,
  username: string,
  password: string,
  totpSecret?: string,
): Promise<ApiClient> {
  const totp = totpSecret ? await freshTotp(totpSecret) : undefined;
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password, ...(totp ? { totp } : {}) }),
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
 * A user of `institutionCode` with `role`, created by the administrator and activated. Pass the
 * administrator's logged-in client when creating several (each login waits for a fresh TOTP step).
 */
export async function createStaffUser(
  server: RunningServer,
  admin: Admin | ApiClient,
  options: { username: string; role: string; institutionCode: string },
): Promise<StaffUser> {
  const client =
    'request' in admin ? admin : await apiLogin(server, admin.username, admin.password, admin.totpSecret);
  const { items } = await client.request<{ items: { id: string; code: string }[] }>(
    'GET',
    '/api/institutions',
  );
  const institution = items.find((item) => item.code === options.institutionCode);
  if (!institution) throw new Error(`no institution ${options.institutionCode}`);
  const { activationLink } = await client.request<{ activationLink: string }>('POST', '/api/users', {
    username: options.username,
    displayName: `Prueba ${options.username}`,
    role: options.role,
    institutionId: institution.id,
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
