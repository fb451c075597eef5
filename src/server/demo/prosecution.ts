/**
 * Prosecution for one demo case (docs/DOMAIN.md §6): an investigation opened by the prosecutor's
 * unit after the case came to light, its suspects (officials among them now and then), charges
 * under the provision that fits the form of exploitation (pimping or child sexual abuse material
 * alone at times), the procedural stages with outcomes and sentences per charge, operations,
 * international cooperation for cases that crossed a border and the victims' participation.
 *
 * Rates follow the reference figures (docs/DOMAIN.md §8, US TIP 2018–2020): about 110–140
 * investigations, 25–53 persons charged and 3–22 convicted a year for 90–300 victims identified —
 * roughly one investigation for two cases, one suspect in three charged, two in five of those
 * convicted. Every date follows the one before it (complaint ≤ opening ≤ charge ≤ stages ≤
 * sentence) and none passes the end of the demo calendar: what would come later has not happened yet.
 */
import type { DemoContext, DemoInstitution } from './context.js';
import { FEMALE_NAMES, MALE_NAMES, SURNAMES } from './names.js';
import { addDays, LAST_DAY, timestampOn } from './plan.js';
import { type Rng, Weighted } from './prng.js';
import type { ChunkTables } from './tables.js';

export interface ProsecutionCase {
  caseId: string;
  reference: string;
  detectedOn: string;
  factsDate: string;
  department: string | null;
  exploitationType: string;
  child: boolean;
  online: boolean;
  platforms: readonly string[];
  /** A country other than Paraguay where the facts happened or the victim comes from. */
  foreignCountry: string | null;
  victims: ReadonlyArray<{ personId: string; status: string | null }>;
}

const SEXUAL = new Set(['SexualExploitation', 'ForcedMarriage']);
const ROLES = new Weighted<string>([
  ['RecruiterIntermediary', 30],
  ['Exploiter', 30],
  ['Controller', 10],
  ['Transporter', 8],
  ['Harbourer', 8],
  ['Buyer', 5],
  ['BrokerTravelAgent', 4],
  ['Smuggler', 3],
  ['Other', 2],
]);
const OFFICIALS = new Weighted<[string, string]>([
  [['police', 'PNPTU'], 5],
  [['border_migration', 'DGM'], 3],
  [['judicial', 'PJ'], 1],
  [['other', 'MTESS'], 1],
]);
const MEASURES = [
  'identity_reserved',
  'testimony_in_camera',
  'prior_testimony_recorded',
  'police_protection',
];

/** Not later than the end of the demo calendar; null when the step has not happened yet. */
const until = (day: string) => (day <= LAST_DAY ? day : null);

/** The provisions of a suspect's charges (codes of the legal-provision catalogue). */
function chargeCodes(rng: Rng, c: ProsecutionCase): string[] {
  const sexual = SEXUAL.has(c.exploitationType);
  // Prosecutors sometimes charge pimping alone, or child sexual abuse material for online cases.
  if (sexual && rng.chance(0.08)) return ['CP-139'];
  if (sexual && c.child && c.online && rng.chance(0.3)) return ['CP-140'];
  const codes = [sexual ? 'L4788-5' : 'L4788-6'];
  if (c.child || rng.chance(0.25)) codes.push('L4788-7');
  if (sexual && c.child && c.online && rng.chance(0.4)) codes.push('CP-140');
  return codes;
}

/** A prison sentence in months, suspended now and then when short (up to two years). */
function sentence(rng: Rng, child: boolean): { months: number; suspended: boolean } {
  const months = child ? rng.int(60, 240) : rng.chance(0.3) ? rng.int(12, 30) : rng.int(30, 144);
  return { months, suspended: months <= 24 && rng.chance(0.6) };
}

/** Writes case `c`'s investigation (if one was opened) and all that followed it into `t`. */
export function writeProsecution(
  ctx: DemoContext,
  rng: Rng,
  ids: Rng,
  t: ChunkTables,
  c: ProsecutionCase,
): void {
  const actual = c.victims.some((v) => v.status === 'ActualVictimOfTrafficking');
  const possible = c.victims.some((v) => v.status === 'PossibleVictimOfTrafficking');
  if (!rng.chance(actual ? 0.6 : possible ? 0.35 : 0.1)) return;
  const mp = ctx.institutions.get('MP-UFETESI');
  if (!mp?.staff.length) return;
  const openedOn = until(addDays(c.detectedOn, rng.int(0, 30)));
  if (!openedOn) return;
  const prosecutor = rng.pick(mp.staff);
  const id = ids.uuid();
  const openedAt = timestampOn(rng, openedOn);
  t.investigations.add([
    id,
    `CF-${c.reference}`,
    mp.id,
    mp.units[0]?.id ?? null,
    openedOn,
    c.detectedOn,
    c.department,
    c.online ? c.platforms : [],
    prosecutor,
    openedAt,
    openedAt,
  ]);
  t.investigationCases.add([id, c.caseId, prosecutor, openedAt]);

  const suspects = 1 + (rng.chance(0.4) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
  for (let s = 0; s < suspects; s++) writeSuspect(ctx, rng, ids, t, { c, id, openedOn, prosecutor });

  if (rng.chance(0.35)) {
    const on = until(addDays(openedOn, rng.int(0, 60)));
    if (on)
      t.operations.add([
        ids.uuid(),
        id,
        on,
        c.department ?? 'PY-ASU',
        null,
        rng.int(0, suspects + 1),
        rng.chance(0.8) ? c.victims.length + rng.int(0, 3) : 0,
        prosecutor,
        timestampOn(rng, on),
      ]);
  }
  if (c.foreignCountry && rng.chance(0.3)) {
    const requested = until(addDays(openedOn, rng.int(10, 200)));
    const granted = requested && rng.chance(0.6) ? until(addDays(requested, rng.int(20, 300))) : null;
    if (requested) {
      const x = rng.float();
      t.cooperation.add([
        ids.uuid(),
        id,
        x < 0.7 ? 'mutual_legal_assistance' : x < 0.9 ? 'extradition' : 'joint_investigation',
        rng.chance(0.7) ? 'outgoing' : 'incoming',
        c.foreignCountry,
        requested,
        granted,
        prosecutor,
        timestampOn(rng, requested),
      ]);
    }
  }
  // Participation is voluntary: about half the victims take part, as witness or party.
  for (const v of c.victims) {
    if (v.status === 'NotAVictimOfTrafficking' || v.status === null || !rng.chance(0.55)) continue;
    const on = until(addDays(openedOn, rng.int(5, 120)));
    if (!on) continue;
    const measures = MEASURES.filter(() => rng.chance(0.35));
    t.participation.add([
      ids.uuid(),
      id,
      c.caseId,
      v.personId,
      rng.chance(0.85),
      measures,
      // The non-punishment principle is not always respected: a few victims are still penalised.
      rng.chance(0.02),
      prosecutor,
      timestampOn(rng, on),
      on,
    ]);
  }
}

interface SuspectContext {
  c: ProsecutionCase;
  id: string;
  openedOn: string;
  prosecutor: string;
}

function writeSuspect(ctx: DemoContext, rng: Rng, ids: Rng, t: ChunkTables, s: SuspectContext): void {
  const { c } = s;
  const suspectId = ids.uuid();
  const male = rng.chance(0.72);
  const year = Number(s.openedOn.slice(0, 4));
  const official = rng.chance(0.04) ? OFFICIALS.draw(rng) : null;
  const officialInstitution: DemoInstitution | undefined = official
    ? ctx.institutions.get(official[1])
    : undefined;
  const roles = [...new Set([ROLES.draw(rng), ...(rng.chance(0.3) ? [ROLES.draw(rng)] : [])])];
  t.suspects.add([
    suspectId,
    s.id,
    ctx.crypto.encrypt(rng.pick(male ? MALE_NAMES : FEMALE_NAMES), 'investigation_suspects.given_names'),
    ctx.crypto.encrypt(`${rng.pick(SURNAMES)} ${rng.pick(SURNAMES)}`, 'investigation_suspects.surnames'),
    null,
    null,
    male ? 'Male' : 'Female',
    year - rng.int(20, 62),
    rng.chance(0.85) ? 'PY' : (c.foreignCountry ?? rng.pick(['AR', 'BR', 'BO'])),
    roles,
    official && officialInstitution ? official[0] : null,
    official && officialInstitution ? officialInstitution.id : null,
    null,
    s.prosecutor,
    timestampOn(rng, s.openedOn),
  ]);

  // About one suspect in three is charged (imputado); the rest stay under investigation.
  if (!rng.chance(0.38)) return;
  const chargedOn = until(addDays(s.openedOn, rng.int(20, 240)));
  if (!chargedOn) return;
  const stages: Array<{ id: string; stage: string; on: string }> = [];
  const stage = (name: string, on: string) => {
    const stageId = ids.uuid();
    stages.push({ id: stageId, stage: name, on });
    t.stages.add([stageId, suspectId, stages.length, name, on, s.prosecutor, timestampOn(rng, on)]);
    return stageId;
  };
  stage('imputacion', chargedOn);
  const charges = chargeCodes(rng, c)
    .map((code) => ({ code, provision: ctx.provisions[code] }))
    .filter((x): x is { code: string; provision: string } => !!x.provision);
  if (!charges.length) return;

  // Then: indictment (most), dismissal or an alternative exit; trial and sentence for most indicted.
  let outcome: { kind: 'convicted' | 'acquitted' | 'dismissed'; on: string; stageId: string } | null = null;
  const indicted = rng.chance(0.72) ? until(addDays(chargedOn, rng.int(60, 240))) : null;
  if (indicted) {
    stage('acusacion', indicted);
    const abbreviated = rng.chance(0.25);
    const trial = abbreviated ? indicted : until(addDays(indicted, rng.int(60, 300)));
    if (trial && !abbreviated) stage('juicio_oral', trial);
    const sentenced = trial && rng.chance(0.9) ? until(addDays(trial, rng.int(0, 30))) : null;
    if (sentenced) {
      const kind = abbreviated || rng.chance(0.6) ? 'convicted' : 'acquitted';
      outcome = { kind, on: sentenced, stageId: stage('sentencia', sentenced) };
    }
  } else if (rng.chance(0.4)) {
    const on = until(addDays(chargedOn, rng.int(30, 200)));
    if (on) outcome = { kind: 'dismissed', on, stageId: stage('sobreseimiento', on) };
  }

  const term = outcome?.kind === 'convicted' ? sentence(rng, c.child) : null;
  const restitution = term && rng.chance(0.25) ? rng.int(5, 120) * 1_000_000 : null;
  for (const charge of charges) {
    t.charges.add([
      ids.uuid(),
      suspectId,
      charge.provision,
      chargedOn,
      c.factsDate <= chargedOn ? c.factsDate : chargedOn,
      outcome?.kind ?? null,
      outcome?.on ?? null,
      term?.months ?? null,
      term?.suspended ?? false,
      s.prosecutor,
      timestampOn(rng, chargedOn),
    ]);
  }
  if (outcome) {
    t.outcomes.add([
      ids.uuid(),
      suspectId,
      outcome.stageId,
      outcome.kind,
      outcome.on,
      term?.months ?? null,
      term?.suspended ?? false,
      null,
      restitution,
      s.prosecutor,
      timestampOn(rng, outcome.on),
    ]);
  }
}
