/**
 * An independent computation of every statistics figure, in plain code over the raw records (no fact
 * table, no SQL beyond reading rows), written from docs/STATISTICS.md, to check the statistics module.
 */
import { paraguayDayOf } from '../../src/shared/dates.js';
import { sql } from 'kysely';
import type { TestContext } from '../helpers/db.js';
import { loadSourceRecords, referenceSourceFigure, type SourceRecords } from './statistics-reference-more.js';

// Raw rows of several tables, read by column name.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Row = Record<string, any>;
const IDENTIFIED = new Set(['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking']);

export interface PersonFacts {
  person: string;
  /** The current (latest) status. */
  status: string | null;
  identifiedOn: string | null;
  institution: string | null;
  department: string;
  sex: string;
  ageGroup: string;
  ageBand: string;
  nationality: string;
  exploitation: string[];
  ict: string;
  platforms: string[];
  firstServiceOn: string | null;
  scope: string;
}

export interface Records {
  persons: Map<string, PersonFacts>;
  deliveries: Array<{ person: string; on: string; serviceType: string; institution: string }>;
  referrals: Array<{ person: string; on: string; serviceType: string; state: string; institution: string }>;
  needs: Array<{
    person: string;
    on: string;
    serviceType: string;
    status: string;
    reason: string;
    institution: string;
  }>;
  /** Prosecution and prevention units (statistics-reference-more.ts). */
  sources: SourceRecords;
}

/** Paraguay's day of an instant (referrals and needs are dated by it). */
const day = (value: unknown) => paraguayDayOf(value instanceof Date ? value : new Date(String(value)));
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

async function rows(t: TestContext, text: string): Promise<Row[]> {
  return t.services.db.transaction(async (trx) => (await sql.raw<Row>(text).execute(trx)).rows);
}

/** `approximate`: an estimated age near majority is presumed a child's (presumption of minority). */
function band(age: number | null, approximate = false): [string, string] {
  if (age === null) return ['unknown', 'Unknown'];
  const minor = age < 18 || (approximate && age <= 20);
  const group = minor ? 'child' : 'adult';
  if (age < 12) return [group, '0-11'];
  if (minor) return [group, '12-17'];
  if (age < 30) return [group, '18-29'];
  if (age < 60) return [group, '30-59'];
  return [group, '60+'];
}

/** Reads the records and derives, person by person, what the definitions say. */
export async function loadRecords(t: TestContext): Promise<Records> {
  const decisions = await rows(
    t,
    'select id, person_id, case_id, status, decided_on::text as decided_on, created_at, institution_id, screening_id from trafficking_decisions',
  );
  const persons = new Map(
    (
      await rows(t, 'select id, sex, birth_year, estimated_age, age_estimated, nationalities from persons')
    ).map((p) => [p.id, p]),
  );
  const cases = new Map((await rows(t, 'select id, detection_department from cases')).map((c) => [c.id, c]));
  const screenings = new Map(
    (await rows(t, 'select id, age_at_facts, child from screenings')).map((s) => [s.id, s]),
  );
  const caseOfPerson = new Map<string, string[]>();
  for (const cp of await rows(t, 'select case_id, person_id from case_persons'))
    caseOfPerson.set(cp.person_id, [...(caseOfPerson.get(cp.person_id) ?? []), cp.case_id]);
  const exploitation = await rows(t, 'select person_id, exploitation_types from victim_exploitation');
  const events = await rows(
    t,
    'select case_id, person_id, type, online, platforms, country from trafficking_events',
  );
  const referralRows = await rows(
    t,
    'select id, person_id, service_type, state, from_institution_id, to_institution_id, created_at from referrals',
  );
  const deliveryRows = await rows(
    t,
    'select referral_id, delivered_on::text as delivered_on, institution_id from service_deliveries',
  );
  const needRows = await rows(
    t,
    'select person_id, service_type, status, unmet_reason, institution_id, created_at from person_needs',
  );

  const referralById = new Map(referralRows.map((r) => [r.id, r]));
  const deliveries = deliveryRows.map((d) => {
    const r = referralById.get(d.referral_id)!;
    return {
      person: r.person_id as string,
      on: d.delivered_on as string,
      serviceType: r.service_type as string,
      institution: d.institution_id as string,
    };
  });
  const referrals = referralRows.map((r) => ({
    person: r.person_id,
    on: day(r.created_at),
    serviceType: r.service_type,
    state: r.state,
    institution: r.from_institution_id,
  }));
  const needs = needRows.map((n) => ({
    person: n.person_id,
    on: day(n.created_at),
    serviceType: n.service_type,
    status: n.status,
    reason: n.unmet_reason ?? 'Unknown',
    institution: n.institution_id,
  }));

  const counted = new Set<string>([
    ...decisions.map((d) => d.person_id),
    ...referrals.map((r) => r.person),
    ...needs.map((n) => n.person),
  ]);
  const facts = new Map<string, PersonFacts>();
  const myCasesOf = (id: string) => new Set(caseOfPerson.get(id) ?? []);
  for (const id of counted) {
    const own = decisions
      .filter((d) => d.person_id === id)
      .sort((a, b) => cmp(a.decided_on, b.decided_on) || +a.created_at - +b.created_at || cmp(a.id, b.id));
    const latest = own.at(-1);
    // The first identifying decision of the latest episode: after the last "not a victim" before
    // the latest identifying decision (a person identified again when a case is reopened).
    const cleared = own
      .slice(0, own.findLastIndex((d) => IDENTIFIED.has(d.status)) + 1)
      .findLastIndex((d) => d.status === 'NotAVictimOfTrafficking');
    const ident = own.slice(cleared + 1).find((d) => IDENTIFIED.has(d.status));
    const activity = [
      ...own.map((d) => d.decided_on),
      ...referrals.filter((r) => r.person === id).map((r) => r.on),
      ...needs.filter((n) => n.person === id).map((n) => n.on),
    ].sort();
    const person = persons.get(id)!;
    const refYear = Number((ident?.decided_on ?? activity[0]!).slice(0, 4));
    const screening = ident?.screening_id ? screenings.get(ident.screening_id) : undefined;
    const screeningAge = screening?.age_at_facts ?? null;
    const age =
      screeningAge ??
      (person.birth_year !== null ? refYear - person.birth_year : (person.estimated_age ?? null));
    const approximate = screening
      ? screening.child === 'unknown' && screening.age_at_facts !== null
      : Boolean(person.age_estimated);
    const [ageGroup, ageBand] = band(age, approximate);
    const allEvents = events.filter(
      (e) => myCasesOf(id).has(e.case_id) && (e.person_id === null || e.person_id === id),
    );
    const nationality = person.nationalities[0] ?? 'Unknown';
    const scope =
      allEvents.some((e) => e.country !== 'PY') || (nationality !== 'PY' && nationality !== 'Unknown')
        ? 'transnational'
        : allEvents.length > 0
          ? 'domestic'
          : 'Unknown';
    const myCases = new Set(caseOfPerson.get(id) ?? []);
    const mine = events.filter(
      (e) => myCases.has(e.case_id) && (e.person_id === null || e.person_id === id) && e.online,
    );
    const rec = mine.some((e) => e.type === 'Recruitment');
    const exp = mine.some((e) => e.type === 'Exploitation');
    const firstService =
      deliveries
        .filter((d) => d.person === id)
        .map((d) => d.on)
        .sort()[0] ?? null;
    facts.set(id, {
      person: id,
      status: latest?.status ?? null,
      scope,
      identifiedOn: latest && IDENTIFIED.has(latest.status) ? ident!.decided_on : null,
      institution: ident?.institution_id ?? null,
      department: (ident && cases.get(ident.case_id)?.detection_department) ?? 'Unknown',
      sex: person.sex,
      ageGroup,
      ageBand,
      nationality: person.nationalities[0] ?? 'Unknown',
      exploitation: [
        ...new Set(
          exploitation.filter((e) => e.person_id === id).flatMap((e) => e.exploitation_types as string[]),
        ),
      ].sort(),
      ict: rec && exp ? 'online_both' : rec ? 'online_recruitment' : exp ? 'online_exploitation' : 'offline',
      platforms: [...new Set(mine.flatMap((e) => e.platforms as string[]))].sort(),
      firstServiceOn: firstService,
    });
  }
  return { persons: facts, deliveries, referrals, needs, sources: await loadSourceRecords(t) };
}

export interface RefFilters {
  year: number;
  department?: string;
  institution?: string;
  sex?: string;
  ageGroup?: string;
  ageBand?: string;
  nationality?: string;
  exploitation?: string;
  ict?: string;
  platform?: string;
}

interface Item {
  person: PersonFacts;
  date: string;
  institution: string | null;
  value?: number;
  serviceType?: string;
  state?: string;
  reason?: string;
}

function itemsOf(
  records: Records,
  figure: string,
): { items: Item[]; measure: 'persons' | 'rows' | 'median' } {
  const p = (id: string) => records.persons.get(id)!;
  const all = [...records.persons.values()];
  switch (figure) {
    case 'victimsIdentified':
    case 'possibleVictims':
    case 'victimsIdentifiedOnline':
      return {
        measure: 'persons',
        items: all
          .filter(
            (x) =>
              x.identifiedOn &&
              (figure === 'victimsIdentified'
                ? x.status === 'ActualVictimOfTrafficking'
                : figure === 'possibleVictims'
                  ? x.status === 'PossibleVictimOfTrafficking'
                  : x.ict !== 'offline'),
          )
          .map((x) => ({ person: x, date: x.identifiedOn!, institution: x.institution })),
      };
    case 'victimsRepatriated':
    case 'foreignVictimsResidency':
      return {
        measure: 'persons',
        items: records.deliveries
          .filter((d) =>
            figure === 'victimsRepatriated'
              ? d.serviceType === 'Repatriation'
              : d.serviceType === 'ResidencyRegularisation' &&
                !['PY', 'Unknown'].includes(p(d.person).nationality),
          )
          .map((d) => ({
            person: p(d.person),
            date: d.on,
            institution: d.institution,
            serviceType: d.serviceType,
          })),
      };
    case 'victimsAssisted':
    case 'servicesDelivered':
      return {
        measure: figure === 'victimsAssisted' ? 'persons' : 'rows',
        items: records.deliveries.map((d) => ({
          person: p(d.person),
          date: d.on,
          institution: d.institution,
          serviceType: d.serviceType,
        })),
      };
    case 'referralsMade':
      return {
        measure: 'rows',
        items: records.referrals.map((r) => ({
          person: p(r.person),
          date: r.on,
          institution: r.institution,
          serviceType: r.serviceType,
          state: r.state,
        })),
      };
    case 'unmetNeeds':
      return {
        measure: 'rows',
        items: records.needs
          .filter((n) => n.status === 'unmet')
          .map((n) => ({
            person: p(n.person),
            date: n.on,
            institution: n.institution,
            serviceType: n.serviceType,
            reason: n.reason,
          })),
      };
    case 'daysToFirstService':
      return {
        measure: 'median',
        items: all
          .filter((x) => x.identifiedOn && x.firstServiceOn)
          .map((x) => ({
            person: x,
            date: x.firstServiceOn!,
            institution: x.institution,
            value: (Date.parse(x.firstServiceOn!) - Date.parse(x.identifiedOn!)) / 86_400_000,
          })),
      };
  }
  throw new Error(`no reference for ${figure}`);
}

function keysOf(item: Item, by: string, codes: Map<string, string>): string[] {
  const x = item.person;
  switch (by) {
    case 'year':
      return [item.date.slice(0, 4)];
    case 'institution':
      return [item.institution ? codes.get(item.institution)! : 'Unknown'];
    case 'exploitation':
      return x.exploitation;
    case 'platform':
      return x.platforms;
    case 'serviceType':
      return [item.serviceType!];
    case 'referralState':
      return [item.state!];
    case 'unmetReason':
      return [item.reason!];
    default:
      return [String((x as unknown as Record<string, unknown>)[by])];
  }
}

function matches(item: Item, f: RefFilters): boolean {
  const x = item.person;
  const from = `${f.year}-01-01`;
  const until = `${f.year + 1}-01-01`;
  return (
    item.date >= from &&
    item.date < until &&
    (!f.department || x.department === f.department) &&
    (!f.institution || item.institution === f.institution) &&
    (!f.sex || x.sex === f.sex) &&
    (!f.ageGroup || x.ageGroup === f.ageGroup) &&
    (!f.ageBand || x.ageBand === f.ageBand) &&
    (!f.nationality || x.nationality === f.nationality) &&
    (!f.exploitation || x.exploitation.includes(f.exploitation)) &&
    (!f.ict || (f.ict === 'online' ? x.ict !== 'offline' : x.ict === f.ict)) &&
    (!f.platform || x.platforms.includes(f.platform))
  );
}

function measure(items: Item[], kind: 'persons' | 'rows' | 'median'): number | null {
  if (kind === 'persons') return new Set(items.map((i) => i.person.person)).size;
  if (kind === 'rows') return items.length;
  const values = items.map((i) => i.value!).sort((a, b) => a - b);
  if (!values.length) return null;
  const mid = (values.length - 1) / 2;
  return (values[Math.floor(mid)]! + values[Math.ceil(mid)]!) / 2;
}

/** A figure computed from the records: total and, when `by` is given, its rows. */
export function referenceFigure(
  records: Records,
  codes: Map<string, string>,
  figure: string,
  filters: RefFilters,
  by?: string,
): { total: number | null; previousTotal: number | null; rows: Record<string, number> } {
  if (records.sources.has(figure))
    return referenceSourceFigure(records.sources, codes, figure, { ...filters }, by);
  const { items, measure: kind } = itemsOf(records, figure);
  const now = items.filter((i) => matches(i, filters));
  const before = items.filter((i) => matches(i, { ...filters, year: filters.year - 1 }));
  const rows: Record<string, number> = {};
  if (by) {
    const groups = new Map<string, Item[]>();
    for (const item of now)
      for (const key of keysOf(item, by, codes)) groups.set(key, [...(groups.get(key) ?? []), item]);
    for (const [key, list] of groups) rows[key] = measure(list, kind)!;
  }
  const zero = kind === 'median' ? null : 0;
  return { total: measure(now, kind) ?? zero, previousTotal: measure(before, kind) ?? zero, rows };
}
