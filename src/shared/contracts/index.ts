/**
 * Every operation of the API, keyed by operation id. The server registers one route per contract
 * (src/server/http/route.ts), the OpenAPI document is generated from them, and the web calls them
 * through its one client. docs/ARCHITECTURE.md, "How to add an operation".
 */
import type { AnyContract } from '../contract.js';
import * as audit from './audit.js';
import * as cases from './cases.js';
import * as devices from './devices.js';
import * as exchange from './exchange.js';
import * as institutions from './institutions.js';
import * as investigations from './investigations.js';
import * as linkage from './linkage.js';
import * as notes from './notes.js';
import * as notifications from './notifications.js';
import * as persons from './persons.js';
import * as prevention from './prevention.js';
import * as privacy from './privacy.js';
import * as providers from './providers.js';
import * as referrals from './referrals.js';
import * as screening from './screening.js';
import * as session from './session.js';
import * as setup from './setup.js';
import * as statistics from './statistics.js';
import * as system from './system.js';
import * as tasks from './tasks.js';
import * as users from './users.js';

export const contracts = {
  ...system,
  ...session,
  ...setup,
  ...institutions,
  ...users,
  ...audit,
  ...persons,
  ...cases,
  ...notes,
  ...screening,
  ...providers,
  ...referrals,
  ...statistics,
  ...notifications,
  ...exchange,
  ...prevention,
  ...devices,
  ...investigations,
  ...linkage,
  ...privacy,
  ...tasks,
};

export type Contracts = typeof contracts;
export type OperationId = keyof Contracts;

/** Every contract, in declaration order (the OpenAPI document's order). */
export const ALL_CONTRACTS: readonly AnyContract[] = Object.values(contracts);
