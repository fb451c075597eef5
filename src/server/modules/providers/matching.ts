/**
 * Matching a need to providers, as pure functions: who is eligible (sex, age, nationality,
 * language), where (departments covered, nearest first) and whether a bed is free. When nobody
 * qualifies, `unmetReason` says at which step the search came up empty, for the gap report.
 */
import {
  AGE_BANDS,
  BED_SERVICE_TYPES,
  DEPARTMENTS,
  type SERVICE_TYPES,
  type UNMET_REASONS,
} from '../../../shared/catalogues.js';

type Department = (typeof DEPARTMENTS)[number];
type ServiceType = (typeof SERVICE_TYPES)[number];
export type UnmetReason = (typeof UNMET_REASONS)[number];
export type AgeBand = (typeof AGE_BANDS)[number];

/**
 * Approximate centroids (latitude, longitude) of the departments, for "nearest first". Only the
 * order matters, so a few tens of kilometres of error change nothing.
 */
const CENTROIDS: Record<Department, [number, number]> = {
  'PY-ASU': [-25.28, -57.63],
  'PY-1': [-22.8, -57.0],
  'PY-2': [-24.1, -56.6],
  'PY-3': [-25.3, -57.0],
  'PY-4': [-25.8, -56.3],
  'PY-5': [-25.3, -55.8],
  'PY-6': [-26.2, -56.0],
  'PY-7': [-26.8, -55.8],
  'PY-8': [-26.9, -57.0],
  'PY-9': [-26.0, -57.1],
  'PY-10': [-25.5, -54.8],
  'PY-11': [-25.5, -57.5],
  'PY-12': [-26.9, -58.0],
  'PY-13': [-22.8, -56.0],
  'PY-14': [-24.2, -55.3],
  'PY-15': [-23.4, -59.5],
  'PY-16': [-20.5, -59.5],
  'PY-19': [-21.5, -61.0],
};

/** A rough distance between two departments (degrees; for ordering only). */
export function departmentDistance(a: string, b: string): number {
  const pa = CENTROIDS[a as Department];
  const pb = CENTROIDS[b as Department];
  if (!pa || !pb) return Number.POSITIVE_INFINITY;
  return Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
}

export function isBedService(serviceType: string): boolean {
  return (BED_SERVICE_TYPES as readonly string[]).includes(serviceType);
}

/** The age band of an age in whole years (null: unknown). */
export function ageBandOf(age: number | null): AgeBand {
  if (age === null) return 'Unknown';
  if (age < 12) return '0-11';
  if (age < 18) return '12-17';
  if (age < 30) return '18-29';
  if (age < 60) return '30-59';
  return '60+';
}

/** The inclusive age range of a band (null for unknown). */
export function ageRangeOf(band: AgeBand): [number, number] | null {
  const ranges: Record<AgeBand, [number, number] | null> = {
    '0-11': [0, 11],
    '12-17': [12, 17],
    '18-29': [18, 29],
    '30-59': [30, 59],
    '60+': [60, 200],
    Unknown: null,
  };
  return ranges[band];
}

/** What eligibility looks at: non-identifying attributes of the person. */
export interface Profile {
  sex: string;
  /** Whole years today; null when neither a date of birth nor an age is known. */
  age: number | null;
  nationalities: readonly string[];
  languages: readonly string[];
}

export interface Candidate {
  providerId: string;
  providerServiceId: string;
  name: string;
  institutionCode: string;
  department: string;
  serviceType: string;
  departments: readonly string[];
  capacity: number | null;
  occupancy: number;
  sexes: readonly string[];
  minAge: number | null;
  maxAge: number | null;
  nationalities: readonly string[];
  languages: readonly string[];
}

const anyOrOverlap = (allowed: readonly string[], values: readonly string[]) =>
  allowed.length === 0 || values.some((value) => allowed.includes(value));

/**
 * True when the provider accepts this person. An unknown age passes age limits (the receiving
 * institution checks it; the need says the age was not checked); an unknown language list passes.
 */
export function eligible(candidate: Candidate, profile: Profile): boolean {
  if (candidate.sexes.length > 0 && !candidate.sexes.includes(profile.sex)) return false;
  if (profile.age !== null) {
    if (candidate.minAge !== null && profile.age < candidate.minAge) return false;
    if (candidate.maxAge !== null && profile.age > candidate.maxAge) return false;
  }
  if (candidate.nationalities.length > 0 && !anyOrOverlap(candidate.nationalities, profile.nationalities))
    return false;
  if (profile.languages.length > 0 && !anyOrOverlap(candidate.languages, profile.languages)) return false;
  return true;
}

export function freePlaces(
  candidate: Pick<Candidate, 'serviceType' | 'capacity' | 'occupancy'>,
): number | null {
  if (!isBedService(candidate.serviceType)) return null;
  return Math.max(0, (candidate.capacity ?? 0) - candidate.occupancy);
}

export interface MatchResult {
  matches: Array<Candidate & { sameDepartment: boolean; free: number | null }>;
  unmetReason: UnmetReason | null;
}

/**
 * Eligible providers of `serviceType` with a free place, nearest first. Candidates must already
 * offer the service; `department` null means the need has no place yet (any department counts).
 */
export function match(
  candidates: readonly Candidate[],
  need: { serviceType: ServiceType | string; department: string | null },
  profile: Profile,
): MatchResult {
  const offered = candidates.filter(
    (c) =>
      c.serviceType === need.serviceType &&
      (need.department === null || c.departments.includes(need.department)),
  );
  if (offered.length === 0) return { matches: [], unmetReason: 'not_offered_in_department' };
  const forProfile = offered.filter((c) => eligible(c, profile));
  if (forProfile.length === 0) return { matches: [], unmetReason: 'no_provider_for_profile' };
  const withRoom = forProfile.filter((c) => {
    const free = freePlaces(c);
    return free === null || free > 0;
  });
  if (withRoom.length === 0) return { matches: [], unmetReason: 'no_capacity' };
  const from = need.department;
  const matches = withRoom
    .map((c) => ({ ...c, sameDepartment: from !== null && c.department === from, free: freePlaces(c) }))
    .sort(
      (a, b) =>
        (from === null
          ? 0
          : departmentDistance(from, a.department) - departmentDistance(from, b.department)) ||
        a.name.localeCompare(b.name),
    );
  return { matches, unmetReason: null };
}
