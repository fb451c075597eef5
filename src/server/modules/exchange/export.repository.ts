/**
 * Loads the presumed victims of the cases the actor may see (`scopedCases`, the one visibility
 * rule) as coded values only: no encrypted column is selected, so nothing is decrypted and no name,
 * document, date of birth, district or narrative can reach an export.
 */
import type { Actor } from '../../access/actor.js';
import { scopedCases } from '../../access/scope.js';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.js';
import type { VictimRecord } from '../../standards/victim-record.js';

/** The coded values a victim row carries as they are exported (`standards/victim-record.ts`). */
type CodedValues = Pick<
  VictimRecord,
  | 'caseStatus'
  | 'sex'
  | 'gender'
  | 'nationalities'
  | 'traffickingStatus'
  | 'decisionOrgType'
  | 'exploitationTypes'
  | 'labourIndustries'
  | 'sexualExploitationTypes'
  | 'controlMethods'
  | 'recruitmentMethods'
  | 'recruiterRelation'
  | 'exploitationCountries'
  | 'recruitmentPlatforms'
  | 'exploitationPlatforms'
>;

/** One presumed victim on one case as loaded: ids and dates the export turns into keys and ages. */
export interface VictimRow extends CodedValues {
  caseId: string;
  personId: string;
  detectedOn: string;
  birthYear: number | null;
  estimatedAge: number | null;
  /** The youngest age at the facts among the person's screenings on the case (earliest exploitation). */
  ageAtFacts: number | null;
  /** Year of the case's earliest trafficking event (for the person or the whole case). */
  firstEventYear: number | null;
  /** The latest screening answered "yes" to the restriction-of-movement indicator. */
  restrictedMovement: boolean;
}

const key = (caseId: string, personId: string | null): string => `${caseId}/${personId ?? ''}`;

/** The presumed victims on visible cases detected in [from, to], ordered by case and person. */
export async function loadVictims(
  trx: Trx,
  actor: Actor,
  range: { from?: string; to?: string },
): Promise<VictimRow[]> {
  let cases = scopedCases(
    actor,
    trx.selectFrom('cases').select(['cases.id', 'cases.detected_on', 'cases.status']),
  );
  if (range.from) cases = cases.where('cases.detected_on', '>=', range.from);
  if (range.to) cases = cases.where('cases.detected_on', '<=', range.to);
  const caseRows = await cases.execute();
  if (caseRows.length === 0) return [];
  const caseById = new Map(caseRows.map((c) => [c.id, c]));
  // The same visible set as a subquery: a list of ids could exceed the bind-parameter limit.
  let visible = scopedCases(actor, trx.selectFrom('cases').select('cases.id'));
  if (range.from) visible = visible.where('cases.detected_on', '>=', range.from);
  if (range.to) visible = visible.where('cases.detected_on', '<=', range.to);
  const caseIds = visible;

  const people = await trx
    .selectFrom('case_persons')
    .innerJoin('persons', 'persons.id', 'case_persons.person_id')
    .select([
      'case_persons.case_id',
      'persons.id',
      'persons.sex',
      'persons.gender',
      'persons.birth_year',
      'persons.estimated_age',
      'persons.nationalities',
    ])
    .where('case_persons.case_id', 'in', caseIds)
    .where('case_persons.role', '=', 'PresumedVictim')
    .orderBy('case_persons.case_id')
    .orderBy('persons.id')
    .execute();

  // The youngest age at the facts over the screenings; the latest screening's answer on movement.
  const screenings = await trx
    .selectFrom('screenings')
    .select([
      'case_id',
      'person_id',
      'age_at_facts',
      sql<boolean>`coalesce(answers->>'fl.restriction_of_movement' = 'yes', false)`.as('restricted'),
    ])
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .execute();
  const ageAt = new Map<string, number>();
  const restricted = new Map<string, boolean>();
  for (const s of screenings) {
    const k = key(s.case_id, s.person_id);
    const before = ageAt.get(k);
    if (s.age_at_facts !== null && (before === undefined || s.age_at_facts < before))
      ageAt.set(k, s.age_at_facts);
    restricted.set(k, s.restricted);
  }
  const decisions = await trx
    .selectFrom('trafficking_decisions')
    .select(['case_id', 'person_id', 'status', 'decision_org_type'])
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .execute();
  const decision = new Map(decisions.map((d) => [key(d.case_id, d.person_id), d]));
  const exploitation = new Map(
    (await trx.selectFrom('victim_exploitation').selectAll().where('case_id', 'in', caseIds).execute()).map(
      (e) => [key(e.case_id, e.person_id), e],
    ),
  );
  const events = await trx
    .selectFrom('trafficking_events')
    .select(['case_id', 'person_id', 'type', 'country', 'platforms', 'start_date'])
    .where('case_id', 'in', caseIds)
    .orderBy('created_at')
    .execute();

  const eventsByCase = new Map<string, typeof events>();
  for (const ev of events) {
    const list = eventsByCase.get(ev.case_id);
    if (list) list.push(ev);
    else eventsByCase.set(ev.case_id, [ev]);
  }

  // A case created between the two reads is left for the next export.
  return people
    .filter((p) => caseById.has(p.case_id))
    .map((p) => {
      const c = caseById.get(p.case_id)!;
      const k = key(p.case_id, p.id);
      const e = exploitation.get(k);
      const d = decision.get(k);
      // An event without a person concerns every person on the case.
      const mine = (eventsByCase.get(p.case_id) ?? []).filter(
        (ev) => ev.person_id === null || ev.person_id === p.id,
      );
      const of = (type: string) => mine.filter((ev) => ev.type === type);
      return {
        caseId: p.case_id,
        personId: p.id,
        detectedOn: String(c.detected_on),
        caseStatus: c.status,
        sex: p.sex,
        gender: p.gender,
        birthYear: p.birth_year,
        estimatedAge: p.estimated_age,
        nationalities: p.nationalities,
        ageAtFacts: ageAt.get(k) ?? null,
        firstEventYear: mine.reduce<number | null>((min, ev) => {
          const y = ev.start_date ? Number(String(ev.start_date).slice(0, 4)) : null;
          return y !== null && (min === null || y < min) ? y : min;
        }, null),
        restrictedMovement: restricted.get(k) ?? false,
        traffickingStatus: d?.status ?? null,
        decisionOrgType: d?.decision_org_type ?? null,
        exploitationTypes: e?.exploitation_types ?? [],
        labourIndustries: e?.labour_industries ?? [],
        sexualExploitationTypes: e?.sexual_exploitation_types ?? [],
        controlMethods: e?.control_methods ?? [],
        recruitmentMethods: e?.recruitment_methods ?? [],
        recruiterRelation: e?.recruiter_relation ?? null,
        exploitationCountries: [...new Set(of('Exploitation').map((ev) => ev.country))],
        recruitmentPlatforms: of('Recruitment').flatMap((ev) => ev.platforms),
        exploitationPlatforms: of('Exploitation').flatMap((ev) => ev.platforms),
      };
    });
}
