/**
 * One chunk of demo cases as a SQL script, and what a generator needs to build it. The context
 * is plain data (structured-clone safe) so that worker threads can build chunks too; the same
 * seed gives the same chunk wherever it is built.
 */
import { FieldCrypto } from '../crypto/field-crypto.js';
import type { RuleDefinition } from '../../shared/screening-rules.js';
import { writeCase } from './case.js';
import type { DemoContext, DemoInstitution, Holds } from './context.js';
import type { DemoOffer } from './directory.js';
import type { YearSlice } from './plan.js';
import { instrumentOf } from './screening.js';
import { chunkScript } from './sql-script.js';
import { chunkTables } from './tables.js';

/** Raw key material for a generator thread's own FieldCrypto (never leaves the process). */
export interface KeyMaterial {
  activeKeyId: string;
  dataKeys: Array<[string, Uint8Array]>;
  blindKey: Uint8Array;
}

export interface DemoPlanData {
  seed: number;
  idSeed: number;
  plan: YearSlice[];
  institutions: DemoInstitution[];
  instrument: { id: string; version: number; definition: RuleDefinition } | null;
  /** The service directory the needs are matched against. */
  offers: DemoOffer[];
  /** Cases in this run. */
  total: number;
  /** Skip foreign-key triggers while inserting (see chunkScript). */
  skipTriggers: boolean;
  /** Legal provision ids by code. */
  provisions: Record<string, string>;
}

export function contextFrom(
  data: DemoPlanData,
  crypto: FieldCrypto,
): DemoContext & { skipTriggers: boolean } {
  return {
    skipTriggers: data.skipTriggers,
    crypto,
    seed: data.seed,
    idSeed: data.idSeed,
    plan: data.plan,
    institutions: new Map(data.institutions.map((i) => [i.code, i])),
    instrument: data.instrument && instrumentOf(data.instrument),
    offers: byType(data.offers),
    total: data.total,
    provisions: data.provisions,
  };
}

function byType(offers: readonly DemoOffer[]): Map<string, DemoOffer[]> {
  const map = new Map<string, DemoOffer[]>();
  for (const offer of offers) map.set(offer.serviceType, [...(map.get(offer.serviceType) ?? []), offer]);
  return map;
}

export function cryptoFrom(keys: KeyMaterial): FieldCrypto {
  return new FieldCrypto(
    new Map(keys.dataKeys.map(([id, key]) => [id, Buffer.from(key)])),
    keys.activeKeyId,
    Buffer.from(keys.blindKey),
  );
}

export interface BuiltChunk {
  start: number;
  end: number;
  script: string;
  rows: Record<string, number>;
  /** Shelter places held at the end by this chunk's referrals, per provider service. */
  holds: Holds;
}

/** Cases [start, end) as one transaction script, with the number of rows per table. */
export function buildChunk(
  ctx: DemoContext & { skipTriggers: boolean },
  start: number,
  end: number,
): BuiltChunk {
  const tables = chunkTables();
  const holds: Holds = {};
  for (let i = start; i < end; i++) writeCase(ctx, i, tables, holds);
  const rows: Record<string, number> = {};
  for (const table of Object.values(tables)) rows[table.table] = table.rows.length;
  return { start, end, script: chunkScript(Object.values(tables), ctx.skipTriggers), rows, holds };
}
