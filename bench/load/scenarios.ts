/**
 * What the load benchmarks (run.ts, cost.ts, embedded-cost.ts) sign in as and ask for: the demo's
 * case worker and analyst, and the operations measured, each beside `/api/health`.
 */
import { drawPerson } from '../../src/server/demo/person.js';
import { Rng } from '../../src/server/demo/prng.js';
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
  /** The JSON body; for a scenario that `varies`, each read of it is a new one. */
  body?: unknown;
  /** Each request sends a body of its own (run.ts draws one per request). */
  varies?: boolean;
}

/**
 * A person as intake registers one: a synthetic person drawn as the demo draws them (names by their
 * frequency in Paraguay, some without a date of birth), so that the duplicate look-up of each
 * creation meets what it meets in real life — a few namesakes — and not thousands of copies of one
 * fixed name that no register holds (which made every creation sort all earlier ones).
 */
function newPersons(seed: number): () => unknown {
  const rng = new Rng(seed);
  return () => {
    const age = rng.chance(0.3) ? rng.int(8, 17) : rng.int(18, 55);
    const sex = rng.chance(0.75) ? 'Female' : 'Male';
    const p = drawPerson(rng, { sex, age, detectedOn: '2026-06-01', foreign: rng.chance(0.1) });
    return { ...p, confirmNotDuplicate: true };
  };
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
  // A seed of its own per run: a database measured again is not sent the same persons.
  const nextPerson = newPersons(Date.now() % 2 ** 31);
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
      varies: true,
      get body() {
        return nextPerson();
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
