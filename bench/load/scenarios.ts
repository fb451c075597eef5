/**
 * What the load benchmarks (run.ts, cost.ts, embedded-cost.ts) sign in as and ask for: the demo's
 * case worker and analyst, and the operations measured, each beside `/api/health`.
 */
import { DEMO_PASSWORD } from './demo-db.js';

export interface Session {
  cookie: string;
  csrf: string;
}

/** Signs in as a demo user at `base` (http://host:port) and returns its cookie and CSRF token. */
export async function signIn(base: string, username: string): Promise<Session> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrf: csrfToken };
}

export async function getJson<T>(base: string, session: Session, path: string): Promise<T> {
  const res = await fetch(`${base}${path}`, { headers: { cookie: session.cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export interface Scenario {
  id: string;
  label: string;
  method?: 'GET' | 'POST';
  path: string;
  session: Session | null;
  body?: unknown;
}

export const HEALTH: Scenario = { id: 'health', label: '/api/health', path: '/api/health', session: null };

/**
 * The operations measured: on the first case of the case worker's list that has a person (a case,
 * a person) and another case of the list (the event written).
 */
export async function operations(
  base: string,
  caseworker: Session,
  analyst: Session,
): Promise<{ visible: number; scenarios: Scenario[] }> {
  const list = await getJson<{ items: Array<{ id: string }>; total: number }>(base, caseworker, '/api/cases');
  let target: { caseId: string; personId: string } | undefined;
  for (const item of list.items) {
    const c = await getJson<{ persons: Array<{ personId: string }> }>(
      base,
      caseworker,
      `/api/cases/${item.id}`,
    );
    if (c.persons.length) {
      target = { caseId: item.id, personId: c.persons[0]!.personId };
      break;
    }
  }
  if (!target) throw new Error('no case with a person on the first page');
  const writeCase = list.items.find((c) => c.id !== target.caseId)!.id;
  const scenarios: Scenario[] = [
    { id: 'list', label: 'case list (50, with total)', path: '/api/cases', session: caseworker },
    { id: 'case', label: 'a case', path: `/api/cases/${target.caseId}`, session: caseworker },
    { id: 'person', label: 'a person', path: `/api/persons/${target.personId}`, session: caseworker },
    {
      id: 'search',
      label: 'name search "gonzales"',
      method: 'POST',
      path: '/api/persons/search',
      session: caseworker,
      body: { q: 'gonzales', limit: 20 },
    },
    {
      id: 'stats',
      label: 'statistics (figure by department)',
      path: '/api/statistics?figure=victimsIdentified&year=2025&by=department',
      session: analyst,
    },
    {
      id: 'create',
      label: 'create person (write)',
      method: 'POST',
      path: '/api/persons',
      session: caseworker,
      body: {
        givenNames: 'Prueba Carga',
        firstSurname: 'Benchmark',
        sex: 'Female',
        confirmNotDuplicate: true,
      },
    },
    {
      id: 'event',
      label: 'add event to a case (write)',
      method: 'POST',
      path: `/api/cases/${writeCase}/events`,
      session: caseworker,
      body: { type: 'Exploitation', country: 'PY', department: 'PY-11' },
    },
  ];
  return { visible: list.total, scenarios };
}
