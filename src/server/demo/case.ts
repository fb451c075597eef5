/**
 * One demo case with everything around it: persons, screenings, decisions, exploitation, events,
 * shares and timeline, written as rows of the chunk. Case `index` draws from its own generator
 * stream, so its content depends only on the seed and the index (chunks and workers may vary).
 */
import { formatReference } from '../modules/cases/cases.service.js';
import { detectionTable, ownerCode } from './detection.js';
import { drawEvents } from './events.js';
import { drawAge, exploitationValues, PROFILE_TABLE, type CaseShape } from './exploitation.js';
import { drawPerson } from './person.js';
import { reRegister } from './re-registration.js';
import { personRow } from './person-row.js';
import { addDays, caseStatus, detectionDate, locate, timestampOn } from './plan.js';
import { Rng, Weighted } from './prng.js';
import { writeScreeningAndDecisions, writeShares } from './follow-up.js';
import { writeProtection } from './protection.js';
import { writePrevention } from './prevention.js';
import { writeProsecution } from './prosecution.js';
import type { DemoContext, Holds } from './context.js';
import type { ChunkTables } from './tables.js';
import { detectionPlace, narrative, placeName } from './texts.js';
import type { EncryptionContext } from '../crypto/registry.js';

/** Protection draws from streams of its own, so adding it left the rest of a seed's data as it was. */
const PROTECTION_STREAM = 0x5bd1e995;
/** Prosecution and prevention too (added later still). */
const PROSECUTION_STREAM = 0x27d4eb2f;

const OTHER_ROLES = Weighted.of({ PresumedVictim: 75, FamilyMember: 12, Witness: 10, Other: 3 });

/**
 * The first draws of case `index`: its date, profile, persons, the plan of its events, how it was
 * detected and which institution owns it. Replayed alone for an earlier case whose victim a later
 * case meets again (re-registration.ts).
 */
export function drawCaseStart(ctx: DemoContext, index: number) {
  const rng = new Rng(ctx.seed, index + 1);
  const ids = new Rng(ctx.idSeed, index + 1);
  const { slice, ordinal } = locate(ctx.plan, index);
  const detectedOn = detectionDate(rng, slice, ordinal);
  const profile = PROFILE_TABLE.draw(rng);
  const ict =
    profile.type === 'SexualExploitation' || profile.type === 'ForcedLabour'
      ? rng.chance(0.3)
      : rng.chance(0.1);
  const onlineExploitation = ict && profile.type === 'SexualExploitation' && rng.chance(0.45);
  const shape: CaseShape = {
    profile,
    abroad: !onlineExploitation && rng.chance(profile.abroad),
    ict,
    onlineExploitation,
  };
  const infant = profile.type === 'ForcedAdoption';
  const factsDate = addDays(detectedOn, -(infant ? rng.int(10, 200) : rng.int(30, 900)));
  const foreign = !shape.abroad && rng.chance(0.12);

  // Persons: the first is always a presumed victim; others mostly co-victims.
  const personCount = rng.chance(0.6) ? 1 : rng.chance(0.7) ? 2 : 3;
  const persons = Array.from({ length: personCount }, (_, i) => {
    const role = i === 0 ? 'PresumedVictim' : OTHER_ROLES.draw(rng);
    const victim = role === 'PresumedVictim';
    const child = victim && rng.chance(profile.child);
    const female = rng.chance(victim ? profile.female : 0.6);
    const age = victim ? drawAge(rng, profile, child) : rng.int(20, 60);
    const sex = rng.chance(0.003) ? 'Unknown' : female ? 'Female' : 'Male';
    const fields = drawPerson(rng, { sex, age, detectedOn, foreign: foreign && (victim || rng.chance(0.5)) });
    return { id: ids.uuid(), role, victim, child, female, age, fields };
  });
  const first = persons[0]!;
  const home = {
    country: first.fields.nationalities[0] ?? 'PY',
    department: first.fields.residenceDepartment ?? null,
  };
  const plan = drawEvents(rng, shape, home, factsDate, detectedOn);

  const method = detectionTable(shape).draw(rng);
  const ownerOf = ownerCode(rng, method, first.child, first.female);
  reRegister(ctx, index, detectedOn, ownerOf, persons, drawCaseStart);
  return {
    rng,
    ids,
    slice,
    ordinal,
    detectedOn,
    profile,
    shape,
    factsDate,
    persons,
    first,
    home,
    plan,
    method,
    ownerOf,
  };
}

/** Writes case `index` (0-based over the whole run) into `t`. */
export function writeCase(ctx: DemoContext, index: number, t: ChunkTables, holds: Holds): void {
  const start = drawCaseStart(ctx, index);
  const { rng, ids, slice, ordinal, detectedOn, profile, shape } = start;
  const { factsDate, persons, first, home, plan, method } = start;
  const protectionRng = new Rng((ctx.seed ^ PROTECTION_STREAM) >>> 0, index + 1);
  const protectionIds = new Rng((ctx.idSeed ^ PROTECTION_STREAM) >>> 0, index + 1);
  const owner = ctx.institutions.get(start.ownerOf)!;
  const creator = rng.pick(owner.staff);
  const detectionCountry = method === 'Consulate' ? plan.exploitationCountry : 'PY';
  const detectionDepartment =
    detectionCountry !== 'PY'
      ? null
      : method === 'BorderControl'
        ? (plan.exitDepartment ?? 'PY-10')
        : (plan.exploitationDepartment ?? home.department ?? 'PY-ASU');
  const unit = owner.units.find((u) => u.department === detectionDepartment) ?? owner.units[0] ?? null;
  const caseId = ids.uuid();
  const createdAt = timestampOn(rng, detectedOn);
  const exploitation = persons.map((p) =>
    p.victim
      ? exploitationValues(rng, shape, {
          child: p.child,
          indigenous: p.fields.indigenous,
          foreign: p.fields.nationalities[0] !== 'PY',
          disability: p.fields.disability != null,
        })
      : null,
  );
  const victims = persons.filter((p) => p.victim);
  const recruitment = plan.events[0]!;
  const text = narrative(rng, {
    exploitationType: profile.type,
    victims: victims.map((p) => ({ female: p.female, age: p.age })),
    online: {
      recruitment: shape.ict,
      exploitation: shape.onlineExploitation,
      platform: recruitment.platforms[0] ?? null,
    },
    destination: placeName(plan.exploitationCountry, plan.exploitationDepartment),
    controls: exploitation[0]?.control ?? [],
    detectionMethod: method,
  });
  const enc = (value: string | null, context: EncryptionContext) =>
    ctx.crypto.encryptNullable(value, context);
  t.cases.add([
    caseId,
    formatReference(slice.year, slice.base + ordinal + 1),
    owner.id,
    unit?.id ?? null,
    creator,
    method,
    detectedOn,
    detectionDepartment,
    detectionCountry,
    enc(
      detectionPlace(rng, detectionDepartment, detectionCountry === 'PY' ? null : recruitment.district),
      'cases.detection_place',
    ),
    enc(text, 'cases.narrative'),
    caseStatus(rng, slice.year),
    createdAt,
    createdAt,
  ]);
  t.assignments.add([caseId, creator, createdAt]);
  const timeline = (
    at: string,
    kind: string,
    details: Record<string, unknown>,
    actor: string | null = creator,
    institution = owner.id,
  ) => t.timeline.add([caseId, at, actor, institution, kind, JSON.stringify(details)]);
  timeline(createdAt, 'case_created', { reference: formatReference(slice.year, slice.base + ordinal + 1) });

  const statuses: Array<{ personId: string; status: string | null }> = [];
  persons.forEach((p, i) => {
    t.persons.add(
      personRow(ctx.crypto, p.fields, {
        id: p.id,
        ownerInstitutionId: owner.id,
        createdBy: creator,
        recordedOn: detectedOn,
        createdAt,
      }),
    );
    t.casePersons.add([caseId, p.id, p.role, createdAt]);
    timeline(createdAt, 'person_added', { personId: p.id, role: p.role });
    const values = exploitation[i];
    if (values && rng.chance(0.95)) {
      t.exploitation.add([
        caseId,
        p.id,
        values.types,
        values.industries,
        values.sexual,
        values.control,
        values.recruitment,
        values.relation,
        values.vulnerabilities,
        createdAt,
      ]);
    }
    if (p.victim) {
      const victim = {
        caseId,
        personId: p.id,
        child: p.child,
        fields: p.fields,
        exploitationType: profile.type,
      };
      const { status, identifiedOn } = writeScreeningAndDecisions(ctx, rng, ids, t, {
        ...victim,
        owner,
        detectedOn,
        factsDate,
        timeline,
      });
      const protection = {
        caseIndex: index,
        caseId,
        personId: p.id,
        owner,
        detectedOn,
        detectionDepartment,
        detectionCountry,
        fields: p.fields,
        age: p.age,
        child: p.child,
        status,
        identifiedOn,
        timeline,
      };
      statuses.push({ personId: p.id, status });
      writeProtection(ctx, protectionRng, protectionIds, t, protection, holds);
    }
  });

  for (const event of plan.events) {
    t.events.add([
      ids.uuid(),
      caseId,
      first.id,
      event.type,
      event.country,
      event.department,
      enc(event.district, 'trafficking_events.district'),
      event.startDate,
      event.endDate,
      event.online,
      event.platforms,
      creator,
      createdAt,
    ]);
  }
  const prosecutionRng = new Rng((ctx.seed ^ PROSECUTION_STREAM) >>> 0, index + 1);
  const prosecutionIds = new Rng((ctx.idSeed ^ PROSECUTION_STREAM) >>> 0, index + 1);
  const foreignCountry =
    plan.exploitationCountry !== 'PY'
      ? plan.exploitationCountry
      : home.country !== 'PY'
        ? home.country
        : null;
  writeProsecution(ctx, prosecutionRng, prosecutionIds, t, {
    caseId,
    reference: formatReference(slice.year, slice.base + ordinal + 1),
    detectedOn,
    factsDate,
    department: detectionDepartment,
    exploitationType: profile.type,
    child: first.child,
    online: shape.ict,
    platforms: recruitment.platforms,
    foreignCountry,
    victims: statuses,
  });
  writePrevention(ctx, prosecutionRng, prosecutionIds, t, {
    caseId,
    detectedOn,
    detectionMethod: method,
    department: detectionDepartment,
    exploitationType: profile.type,
    child: first.child,
    yearStart: `${slice.year}-01-01`,
  });

  const adultWoman = first.female && !first.child;
  writeShares(ctx, rng, ids, t, {
    caseId,
    owner,
    creator,
    detectedOn,
    child: first.child,
    adultWoman,
    timeline,
  });
}
