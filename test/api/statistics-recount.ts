/**
 * A reviewer's recount of the victim figures, written from docs/DOMAIN.md §7 and the definitions of
 * docs/STATISTICS.md — not from the statistics module: it reads the raw tables (no fact table, no
 * cube, no `person_cluster` view) and decides in plain code who one person is and what is counted.
 *
 * - One person: the records the linkage joined, taken from the active links themselves
 *   (`person_links` without `removed_at`) by union-find, so a woman registered by the police and
 *   again by an NGO counts once (cross-agency de-duplication, DOMAIN §7).
 * - Identified in year Y: the person's first decision Possible or Actual is in Y; formally identified
 *   when the person's current status (latest decision of any of their records) is Actual, possible
 *   when it is Possible; "not a victim" leaves both.
 * - Dimensions at identification, from the identifying record: sex, first nationality, age at the
 *   facts (the screening's, when the decision cites one; else year of identification minus year of
 *   birth; else the estimated age); child under 18, and an approximate age of 18 to 20 presumed a
 *   child's (DOMAIN §3, the presumption of minority); department of the identifying case.
 * - Forms of exploitation and online events: of all the person's records and cases.
 * - Assisted in Y: distinct persons with a service delivered in Y.
 */
import { paraguayDayOf } from '../../src/shared/dates.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Row = Record<string, any>;
export type Read = (text: string) => Promise<Row[]>;

const IDENTIFYING = new Set(['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking']);

/** One person (a cluster of records) as the reviewer counts it. */
export interface Person {
  records: string[];
  status: string | null;
  identifiedOn: string | null;
  institution: string | null;
  department: string;
  sex: string;
  nationality: string;
  ageGroup: string;
  ageBand: string;
  exploitation: string[];
  ict: string;
}

export interface Recount {
  persons: Person[];
  /** Person of each record. */
  personOf: Map<string, Person>;
  deliveries: Array<{ person: Person; on: string; serviceType: string; institution: string }>;
  /** The clusters the links form: record → its smallest linked record (for checks of clustering). */
  clusterOf: Map<string, string>;
}

const text = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Union-find over the active links: every record's representative (the smallest id of its group). */
function clusters(ids: string[], links: Row[]): Map<string, string> {
  const parent = new Map(ids.map((id) => [id, id]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(x, root);
    return root;
  };
  for (const l of links) {
    const [a, b] = [find(l.person_a), find(l.person_b)];
    if (a !== b) parent.set(a < b ? b : a, a < b ? a : b);
  }
  return new Map(ids.map((id) => [id, find(id)]));
}

/** Age group and band; `approximate`: an estimate near majority is presumed a child's. */
export function ageOf(age: number | null, approximate: boolean): [string, string] {
  if (age === null) return ['unknown', 'Unknown'];
  const child = age < 18 || (approximate && age <= 20);
  const band = age < 12 ? '0-11' : child ? '12-17' : age < 30 ? '18-29' : age < 60 ? '30-59' : '60+';
  return [child ? 'child' : 'adult', band];
}

export async function recount(read: Read): Promise<Recount> {
  const persons = await read(
    'select id, sex, birth_year, estimated_age, age_estimated, nationalities from persons order by id',
  );
  const links = await read('select person_a, person_b from person_links where removed_at is null');
  const decisions = await read(`select id, person_id, case_id, status, decided_on, created_at, institution_id,
      screening_id from trafficking_decisions`);
  const screenings = new Map(
    (await read('select id, age_at_facts, child from screenings')).map((s) => [s.id, s]),
  );
  const departments = new Map(
    (await read('select id, detection_department from cases')).map((c) => [c.id, c.detection_department]),
  );
  const casePersons = await read('select case_id, person_id from case_persons');
  const exploitation = await read('select person_id, exploitation_types from victim_exploitation');
  const events = await read('select case_id, person_id, type, online from trafficking_events');
  const referrals = new Map(
    (await read('select id, person_id, service_type, created_at from referrals')).map((r) => [r.id, r]),
  );
  const deliveries = await read('select referral_id, delivered_on, institution_id from service_deliveries');
  const needs = await read('select person_id, created_at from person_needs');

  const record = new Map(persons.map((p) => [p.id, p]));
  const clusterOf = clusters(
    persons.map((p) => p.id),
    links,
  );
  const members = new Map<string, string[]>();
  for (const [id, root] of clusterOf) members.set(root, [...(members.get(root) ?? []), id]);
  const group = <T>(rows: Row[], key: (r: Row) => string, value: (r: Row) => T) => {
    const out = new Map<string, T[]>();
    for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), value(r)]);
    return out;
  };
  const decisionsOf = group(
    decisions,
    (d) => clusterOf.get(d.person_id)!,
    (d) => d,
  );
  const activityOf = group(
    [
      ...[...referrals.values()].map((r) => ({ person_id: r.person_id, on: paraguayDayOf(r.created_at) })),
      ...needs.map((n) => ({ person_id: n.person_id, on: paraguayDayOf(n.created_at) })),
    ],
    (a) => clusterOf.get(a.person_id)!,
    (a) => a as Row,
  );
  const casesOf = group(
    casePersons,
    (cp) => clusterOf.get(cp.person_id)!,
    (cp) => cp.case_id as string,
  );
  const formsOf = group(
    exploitation,
    (e) => clusterOf.get(e.person_id)!,
    (e) => e.exploitation_types as string[],
  );
  const eventsOf = group(
    events,
    (e) => e.case_id,
    (e) => e,
  );

  const out: Person[] = [];
  const personOf = new Map<string, Person>();
  for (const [root, ids] of members) {
    const own = (decisionsOf.get(root) ?? []).sort(
      (a, b) =>
        cmp(text(a.decided_on), text(b.decided_on)) ||
        new Date(a.created_at).getTime() - new Date(b.created_at).getTime() ||
        cmp(a.id, b.id),
    );
    const activity = activityOf.get(root) ?? [];
    if (own.length === 0 && activity.length === 0) continue;
    // Identified on the first decision Possible or Actual of the latest episode: after the last
    // "not a victim" decision that precedes the latest identifying one (a case reopened).
    const lastIdentifying = own.findLastIndex((d) => IDENTIFYING.has(d.status));
    const cleared = own
      .slice(0, lastIdentifying + 1)
      .findLastIndex((d) => d.status === 'NotAVictimOfTrafficking');
    const ident = own.slice(cleared + 1).find((d) => IDENTIFYING.has(d.status));
    const status = own.at(-1)?.status ?? null;
    // Whose dimensions: the identifying record; else the first record (by id) with any activity.
    const active = new Set([...own.map((d) => d.person_id), ...activity.map((a) => a.person_id)]);
    const p = record.get((ident?.person_id as string | undefined) ?? [...active].sort()[0]!)!;
    const firstOn = [...own.map((d) => text(d.decided_on)), ...activity.map((a) => a.on)].sort()[0]!;
    const year = Number((ident ? text(ident.decided_on) : firstOn).slice(0, 4));
    const s = ident?.screening_id ? screenings.get(ident.screening_id) : undefined;
    let age: number | null = null;
    let approximate = false;
    if (s && s.age_at_facts !== null) {
      age = s.age_at_facts;
      approximate = s.child === 'unknown';
    } else if (p.birth_year !== null) {
      age = year - p.birth_year;
      approximate = !s && p.age_estimated;
    } else if (p.estimated_age !== null) {
      age = p.estimated_age;
      approximate = !s && p.age_estimated;
    }
    const [ageGroup, ageBand] = ageOf(age, approximate);
    const online = [...new Set(casesOf.get(root) ?? [])]
      .flatMap((c) => eventsOf.get(c) ?? [])
      .filter((e) => e.online && (e.person_id === null || ids.includes(e.person_id)));
    const rec = online.some((e) => e.type === 'Recruitment');
    const exp = online.some((e) => e.type === 'Exploitation');
    const person: Person = {
      records: ids,
      status,
      identifiedOn: ident && IDENTIFYING.has(status!) ? text(ident.decided_on) : null,
      institution: ident?.institution_id ?? null,
      department: (ident && departments.get(ident.case_id)) ?? 'Unknown',
      sex: p.sex,
      nationality: p.nationalities[0] ?? 'Unknown',
      ageGroup,
      ageBand,
      exploitation: [...new Set((formsOf.get(root) ?? []).flat())].sort(),
      ict: rec && exp ? 'online_both' : rec ? 'online_recruitment' : exp ? 'online_exploitation' : 'offline',
    };
    out.push(person);
    for (const id of ids) personOf.set(id, person);
  }
  return {
    persons: out,
    personOf,
    clusterOf,
    deliveries: deliveries.map((d) => {
      const r = referrals.get(d.referral_id)!;
      return {
        person: personOf.get(r.person_id)!,
        on: text(d.delivered_on),
        serviceType: r.service_type,
        institution: d.institution_id,
      };
    }),
  };
}

/** The figures this recount covers. */
export const RECOUNTED = [
  'victimsIdentified',
  'possibleVictims',
  'victimsIdentifiedOnline',
  'victimsAssisted',
  'victimsRepatriated',
] as const;
export type Recounted = (typeof RECOUNTED)[number];

/** Dimensions of a person (multi-valued: forms of exploitation). */
export type By =
  'year' | 'sex' | 'ageGroup' | 'ageBand' | 'nationality' | 'exploitation' | 'department' | 'ict';

function keysOf(person: Person, on: string, by: By): string[] {
  if (by === 'year') return [on.slice(0, 4)];
  if (by === 'exploitation') return person.exploitation;
  return [person[by]];
}

/** Persons counted by `figure` between `from` and `until` (exclusive), with the date they count on. */
function counted(r: Recount, figure: Recounted, from: string, until: string): Array<[Person, string]> {
  const inPeriod = (on: string) => on >= from && on < until;
  switch (figure) {
    case 'victimsIdentified':
    case 'possibleVictims':
    case 'victimsIdentifiedOnline':
      return r.persons
        .filter(
          (p) =>
            p.identifiedOn &&
            inPeriod(p.identifiedOn) &&
            (figure === 'victimsIdentified'
              ? p.status === 'ActualVictimOfTrafficking'
              : figure === 'possibleVictims'
                ? p.status === 'PossibleVictimOfTrafficking'
                : p.ict !== 'offline'),
        )
        .map((p) => [p, p.identifiedOn!]);
    case 'victimsAssisted':
    case 'victimsRepatriated':
      return r.deliveries
        .filter((d) => inPeriod(d.on) && (figure === 'victimsAssisted' || d.serviceType === 'Repatriation'))
        .map((d) => [d.person, d.on]);
  }
}

/** A figure's total and, with `by`, its cells: distinct persons each. */
export function figureOf(
  r: Recount,
  figure: Recounted,
  year: number,
  by?: By,
  filter: (p: Person) => boolean = () => true,
): { total: number; rows: Record<string, number> } {
  const list = counted(r, figure, `${year}-01-01`, `${year + 1}-01-01`).filter(([p]) => filter(p));
  const rows: Record<string, Set<Person>> = {};
  if (by) for (const [p, on] of list) for (const key of keysOf(p, on, by)) (rows[key] ??= new Set()).add(p);
  return {
    total: new Set(list.map(([p]) => p)).size,
    rows: Object.fromEntries(Object.entries(rows).map(([key, set]) => [key, set.size])),
  };
}

/** A two-way table of a figure over a period: cells[row][col] distinct persons. */
export function tableOf(
  r: Recount,
  figure: Recounted,
  from: string,
  until: string,
  rowBy: By,
  colBy?: By,
): Map<string, Map<string, number>> {
  const cells = new Map<string, Map<string, Set<Person>>>();
  for (const [p, on] of counted(r, figure, from, until))
    for (const row of keysOf(p, on, rowBy))
      for (const col of colBy ? keysOf(p, on, colBy) : ['count']) {
        const line = cells.get(row) ?? new Map<string, Set<Person>>();
        cells.set(row, line);
        line.set(col, (line.get(col) ?? new Set()).add(p));
      }
  return new Map(
    [...cells].map(([row, line]) => [row, new Map([...line].map(([col, set]) => [col, set.size]))]),
  );
}
