/**
 * The shapes the demo's writers share: the run's context, an institution with its staff, a victim
 * whose protection is drawn, and the shelter places held. Kept apart from the writers so that they
 * can use one another without importing each other in a circle.
 */
import type { FieldCrypto } from '../crypto/field-crypto.js';
import type { PersonInput } from '../modules/persons/person-record.js';
import type { DemoOffer } from './directory.js';
import type { YearSlice } from './plan.js';
import type { LoadedInstrument } from './screening.js';

export interface DemoInstitution {
  id: string;
  code: string;
  kind: string;
  units: ReadonlyArray<{ id: string; department: string | null }>;
  /** Active case workers and supervisors: who creates, screens and decides. */
  staff: readonly string[];
  /** Its active supervisors (a child's best-interest exception is signed by one). */
  supervisors: readonly string[];
  /** Its legal roles (`institutions.authorities`, docs/LEGAL-PROVISIONS.md). */
  authorities: readonly string[];
}

export interface DemoContext {
  crypto: FieldCrypto;
  seed: number;
  /** Seed of the id stream (differs between runs that append to the same database). */
  idSeed: number;
  plan: readonly YearSlice[];
  institutions: ReadonlyMap<string, DemoInstitution>;
  instrument: LoadedInstrument | null;
  /** The service directory by service type (see directory.ts). */
  offers: ReadonlyMap<string, readonly DemoOffer[]>;
  /** Cases in this run. */
  total: number;
  /** Legal provision ids by code (the charges cite them). */
  provisions: Readonly<Record<string, string>>;
}

export type CaseTimeline = (
  at: string,
  kind: string,
  details: Record<string, unknown>,
  actor?: string | null,
  institution?: string,
) => void;

export interface ProtectionVictim {
  /** The case's index in this run (the last cases may hold shelter places, see DemoOffer). */
  caseIndex: number;
  caseId: string;
  personId: string;
  owner: DemoInstitution;
  detectedOn: string;
  detectionDepartment: string | null;
  detectionCountry: string;
  fields: PersonInput;
  age: number;
  child: boolean;
  /** The latest trafficking-status decision, if any. */
  status: string | null;
  /** The identification date (first decision Possible or Actual): protection follows it. */
  identifiedOn: string | null;
  timeline: CaseTimeline;
}

/** Bed places taken by referrals still running at the end, per provider service. */
export type Holds = Record<string, number>;
