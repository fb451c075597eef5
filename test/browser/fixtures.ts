/**
 * API helpers for browser tests that need staff and records: a logged-in API client (cookie and
 * CSRF token, as the web app sends them) and a case worker created and activated through the API.
 * Only synthetic data.
 */
import { freshTotp, type Admin, type RunningServer } from './harness.js';

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

export interface StaffUser {
  username: string;
  password: string;
}

/** A user of `institutionCode` with `role`, created by the administrator and activated. */
export async function createStaffUser(
  server: RunningServer,
  admin: Admin,
  options: { username: string; role: string; institutionCode: string },
): Promise<StaffUser> {
  const client = await apiLogin(server, admin.username, admin.password, admin.totpSecret);
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
