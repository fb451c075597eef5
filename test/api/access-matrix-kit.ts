/**
 * What every part of the access matrix shares (access-matrix.test.ts runs them all): the cell a
 * situation runs in, and the types of a part's runners and of its finer audit actions. A part
 * declares its table, then `Runners<typeof TABLE>`, so a row without a runner (or a runner without
 * a row) does not type-check.
 */
import type { LightMyRequestResponse } from 'fastify';
import type { Action } from '../../src/server/access/policies.js';
import type { Role } from '../../src/shared/roles.js';
import type { TestContext } from '../helpers/db.js';
import type { Session } from '../helpers/factories.js';

/** One cell: a fresh signed-in user of `role`, a number unique to the cell, the system administrator. */
export interface Cell {
  t: TestContext;
  s: Session;
  role: Role;
  n: number;
  root: Session;
  ids: { PNPTU: string; MINNA: string };
}

/** How each situation of a table is brought about: the call whose status the table gives. */
export type Runners<Table> = Record<keyof Table, (c: Cell) => Promise<LightMyRequestResponse>>;

/** An action a refusal may be audited as besides the route's own (a finer record-level check). */
export type AuditedAs<Table> = Partial<Record<keyof Table, Action>>;
