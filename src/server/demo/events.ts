/**
 * Trafficking events of a demo case (HTCDS hte_Type): recruitment, transit, exploitation, each with
 * place, dates and ICT. A case recruited and exploited online has no transit at all (seed 003).
 */
import type { CaseShape } from './exploitation.js';
import { addDays } from './plan.js';
import type { Rng } from './prng.js';
import { Weighted } from './prng.js';
import {
  DEPARTMENT_TABLE,
  DESTINATION_CITIES,
  DESTINATION_TABLE,
  DISTRICTS,
  PLATFORM_TABLE,
} from './vocabulary.js';

export interface DemoEvent {
  type: 'Recruitment' | 'Transit' | 'Exploitation';
  country: string;
  department: string | null;
  /** Plaintext here; encrypted when written (trafficking_events.district). */
  district: string | null;
  startDate: string;
  endDate: string | null;
  online: boolean;
  platforms: string[];
}

/** Where people leave Paraguay for each destination (airport for overseas). */
const EXIT_BY_DESTINATION: Record<string, readonly string[]> = {
  AR: ['PY-7', 'PY-15', 'PY-ASU'],
  BR: ['PY-10', 'PY-13', 'PY-14'],
  BO: ['PY-19'],
};
const AIRPORT = ['PY-11'];
/** Exploitation inside Paraguay concentrates in cities and border towns. */
const DOMESTIC_EXPLOITATION = new Weighted<string>([
  ['PY-10', 25],
  ['PY-ASU', 22],
  ['PY-11', 18],
  ['PY-7', 8],
  ['PY-13', 7],
  ['PY-5', 5],
  ['PY-2', 4],
  ['PY-19', 4],
  ['PY-14', 3],
  ['PY-1', 2],
  ['PY-15', 2],
]);
const ONLINE_EXPLOITATION_PLATFORMS = new Weighted<string>([
  ['WhatsApp', 30],
  ['Telegram', 30],
  ['Instagram', 10],
  ['Facebook', 10],
  ['TikTok', 5],
  ['Other', 15],
]);

function platforms(rng: Rng, table: Weighted<string>): string[] {
  const chosen = new Set([table.draw(rng)]);
  if (rng.chance(0.3)) chosen.add(table.draw(rng));
  return [...chosen];
}

function districtOf(rng: Rng, department: string): string {
  return rng.pick(DISTRICTS[department] ?? [department]);
}

export interface EventPlan {
  events: DemoEvent[];
  /** Where the victims were exploited: a country, and a department when in Paraguay. */
  exploitationCountry: string;
  exploitationDepartment: string | null;
  /** The border department crossed, when there was a transit inside Paraguay. */
  exitDepartment: string | null;
}

/**
 * The events of one case. `home` is where the (first) victim was recruited; `originCountry` is
 * not PY for foreign victims brought to Paraguay.
 */
export function drawEvents(
  rng: Rng,
  shape: CaseShape,
  home: { country: string; department: string | null },
  factsDate: string,
  detectedOn: string,
): EventPlan {
  const events: DemoEvent[] = [];
  const recruitmentDepartment =
    home.country === 'PY' ? (home.department ?? DEPARTMENT_TABLE.draw(rng)) : null;
  events.push({
    type: 'Recruitment',
    country: home.country,
    department: recruitmentDepartment,
    district: recruitmentDepartment && !shape.ict ? districtOf(rng, recruitmentDepartment) : null,
    startDate: factsDate,
    endDate: null,
    online: shape.ict,
    platforms: shape.ict ? platforms(rng, PLATFORM_TABLE) : [],
  });
  if (shape.onlineExploitation) {
    events.push({
      type: 'Exploitation',
      country: home.country,
      department: recruitmentDepartment,
      district: null,
      startDate: addDays(factsDate, rng.int(3, 30)),
      endDate: detectedOn,
      online: true,
      platforms: platforms(rng, ONLINE_EXPLOITATION_PLATFORMS),
    });
    return {
      events,
      exploitationCountry: home.country,
      exploitationDepartment: recruitmentDepartment,
      exitDepartment: null,
    };
  }
  const destination = shape.abroad ? DESTINATION_TABLE.draw(rng) : 'PY';
  const exploitationDepartment = destination === 'PY' ? DOMESTIC_EXPLOITATION.draw(rng) : null;
  const transitDays = rng.int(1, 12);
  let exitDepartment: string | null = null;
  const moved = destination !== home.country || exploitationDepartment !== recruitmentDepartment;
  if (moved && rng.chance(destination === 'PY' ? 0.6 : 0.95)) {
    // Foreign victims enter Paraguay by the border with their country (or the airport); Paraguayans
    // leave by the border with the destination; inside Paraguay they pass through the destination.
    const border = (country: string) => rng.pick(EXIT_BY_DESTINATION[country] ?? AIRPORT);
    exitDepartment =
      home.country !== 'PY'
        ? border(home.country)
        : destination === 'PY'
          ? exploitationDepartment!
          : border(destination);
    events.push({
      type: 'Transit',
      country: 'PY',
      department: exitDepartment,
      district: districtOf(rng, exitDepartment),
      startDate: addDays(factsDate, 1),
      endDate: addDays(factsDate, transitDays),
      online: false,
      platforms: [],
    });
  }
  events.push({
    type: 'Exploitation',
    country: destination,
    department: exploitationDepartment,
    district: exploitationDepartment
      ? districtOf(rng, exploitationDepartment)
      : rng.pick(DESTINATION_CITIES[destination] ?? [destination]),
    startDate: addDays(factsDate, transitDays + 1),
    endDate: rng.chance(0.85) ? detectedOn : null,
    online: false,
    platforms: [],
  });
  return { events, exploitationCountry: destination, exploitationDepartment, exitDepartment };
}
