/**
 * The set-up most API test files share, declared in one line each: a fresh database and app for the
 * `describe` block (opened before its tests, closed after them) and signed-in users on it.
 *
 *   const t = useTestContext();
 *   const [police, ministry] = useSessions(t, 'case_worker@PNPTU', 'supervisor@MINNA');
 *
 * Both return objects whose fields are read from what the `beforeAll` hooks made, so tests use them
 * as they used the variables they replace; reading one before the hooks ran throws.
 */
import { afterAll, beforeAll } from 'vitest';
import { createTestContext, type TestContext } from './db.js';
import { userWithSession, type Session } from './factories.js';

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`${what} is read before its beforeAll hook ran`);
  return value;
}

/** A test context (with these configuration overrides) opened in `beforeAll`, closed in `afterAll`. */
export function useTestContext(overrides: Parameters<typeof createTestContext>[0] = {}): TestContext {
  let current: TestContext | undefined;
  beforeAll(async () => {
    current = await createTestContext(overrides);
  });
  afterAll(async () => current?.close());
  return {
    get services() {
      return ready(current, 'the test context').services;
    },
    get app() {
      return ready(current, 'the test context').app;
    },
    get databaseUrl() {
      return ready(current, 'the test context').databaseUrl;
    },
    close: () => ready(current, 'the test context').close(),
  };
}

type UserOptions = NonNullable<Parameters<typeof userWithSession>[1]>;
/** `'role@INSTITUTION'` (the short form) or the options `userWithSession` takes. */
type UserSpec = `${NonNullable<UserOptions['role']>}@${string}` | UserOptions;

function options(spec: UserSpec): UserOptions {
  if (typeof spec !== 'string') return spec;
  const [role, institution] = spec.split('@') as [UserOptions['role'], string];
  return { role, institution };
}

/** One signed-in user per spec, created in `beforeAll` (after the context's own hook). */
export function useSessions<const S extends readonly UserSpec[]>(
  t: TestContext,
  ...specs: S
): { [K in keyof S]: Session } {
  const made: Session[] = [];
  beforeAll(async () => {
    for (const spec of specs) made.push(await userWithSession(t, options(spec)));
  });
  return specs.map((_, i) => ({
    get user() {
      return ready(made[i], 'a session').user;
    },
    get cookie() {
      return ready(made[i], 'a session').cookie;
    },
    get csrf() {
      return ready(made[i], 'a session').csrf;
    },
  })) as { [K in keyof S]: Session };
}
