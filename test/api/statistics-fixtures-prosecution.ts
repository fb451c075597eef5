/**
 * Prosecution and prevention records for statistics tests (`nanduti demo` creates none): for a seed,
 * investigations over several years with suspects (some public officials), imputaciones, convictions
 * with sentences in every band, cooperation requests and operations; trainings with participants,
 * campaigns and hotline contacts. Drawn from a seeded generator, so each seed gives other numbers.
 * Synthetic data only (suspects' names are placeholders, encrypted like the module stores them).
 */
import { Rng } from '../../src/server/demo/prng.js';
import { COOPERATION_KINDS, OFFICIAL_KINDS } from '../../src/shared/api-prosecution.js';
import { HOTLINE_CHANNELS } from '../../src/shared/api-prevention.js';
import type { TestContext } from '../helpers/db.js';
import { institutionId } from '../helpers/factories.js';

const DEPARTMENTS = ['PY-ASU', 'PY-11', 'PY-10', 'PY-7', null] as const;
const PROSECUTORS = ['MP-UFETESI', 'PNPTU'];
const INSTITUTIONS = ['MINMUJER', 'MINNA', 'PNPTU', 'MESA'];
const SENTENCES = [null, 12, 18, 24, 36, 59, 60, 96, 119, 120, 180];

const pick = <T>(rng: Rng, list: readonly T[]): T => list[rng.int(0, list.length - 1)]!;
const dateIn = (rng: Rng, year: number) =>
  `${year}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
const plusDays = (date: string, days: number) =>
  new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

/** Adds the records for `seed`; returns how many investigations were opened. */
export async function addProsecutionPreventionRecords(t: TestContext, seed: number): Promise<number> {
  const rng = new Rng(seed, 7);
  const { crypto } = t.services;
  const ids = new Map<string, string>();
  for (const code of [...PROSECUTORS, ...INSTITUTIONS]) ids.set(code, await institutionId(t, code));
  const investigations = 40 + rng.int(0, 20);
  await t.services.db.transaction(async (trx) => {
    // Trafficking provisions and others (pimping, child sexual abuse material): counted apart.
    const provisions = (
      await trx
        .selectFrom('legal_provisions')
        .select(['id', 'code'])
        .where('code', 'in', ['L4788-5', 'L4788-6', 'CP-129B', 'CP-139', 'CP-140'])
        .orderBy('code')
        .execute()
    ).map((p) => p.id);
    for (let n = 0; n < investigations; n++) {
      const opened = dateIn(rng, rng.int(2022, 2025));
      const inv = await trx
        .insertInto('investigations')
        .values({
          reference: `STAT-INV-${seed}-${n}`,
          owner_institution_id: ids.get(pick(rng, PROSECUTORS))!,
          unit_id: null,
          opened_on: opened,
          complaint_on: null,
          complaint_summary: null,
          department: pick(rng, DEPARTMENTS),
          ict_platforms: rng.chance(0.3) ? ['Facebook'] : [],
          ict_accounts: null,
          created_by: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let s = rng.int(1, 3); s > 0; s--) {
        const official = rng.chance(0.1);
        const suspect = await trx
          .insertInto('investigation_suspects')
          .values({
            investigation_id: inv.id,
            given_names: crypto.encrypt('Sospechoso sintético', 'investigation_suspects.given_names'),
            surnames: null,
            aliases: null,
            document_number: null,
            official_position: null,
            sex: rng.chance(0.7) ? 'Male' : 'Female',
            birth_year: rng.int(1960, 2000),
            nationality: 'PY',
            roles: ['RecruiterIntermediary'],
            official_kind: official ? pick(rng, OFFICIAL_KINDS) : null,
            official_institution_id: official ? ids.get('PNPTU')! : null,
            created_by: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const chargeIds: string[] = [];
        for (const provisionId of new Set([
          pick(rng, provisions),
          ...(rng.chance(0.3) ? [pick(rng, provisions)] : []),
        ])) {
          const charge = await trx
            .insertInto('suspect_charges')
            .values({
              suspect_id: suspect.id,
              provision_id: provisionId,
              charged_on: opened,
              facts_on: plusDays(opened, -rng.int(0, 200)),
              created_by: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          chargeIds.push(charge.id);
        }
        let on = opened;
        let seq = 0;
        // Some suspects are charged twice (a second imputación): only the first one counts.
        const stages = rng.chance(0.6) ? ['imputacion', ...(rng.chance(0.2) ? ['imputacion'] : [])] : [];
        if (stages.length && rng.chance(0.6)) stages.push('acusacion', 'juicio_oral', 'sentencia');
        for (const stage of stages) {
          on = plusDays(on, rng.int(20, 300));
          const row = await trx
            .insertInto('procedural_stages')
            .values({ suspect_id: suspect.id, seq: ++seq, stage, occurred_on: on, created_by: null })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (stage === 'sentencia') {
            const convicted = rng.chance(0.75);
            const months = convicted ? pick(rng, SENTENCES) : null;
            const suspended = months !== null && months <= 36 && rng.chance(0.3);
            await trx
              .insertInto('suspect_outcomes')
              .values({
                suspect_id: suspect.id,
                stage_id: row.id,
                outcome: convicted ? 'convicted' : 'acquitted',
                decided_on: on,
                sentence_months: months,
                suspended,
                fine_amount: null,
                restitution_amount: convicted && rng.chance(0.3) ? rng.int(1, 50) * 1_000_000 : null,
                created_by: null,
              })
              .execute();
            // The outcome per charge: a conviction on the first charge, the others as drawn.
            for (const [index, chargeId] of chargeIds.entries()) {
              const on_charge = convicted && (index === 0 || rng.chance(0.5));
              await trx
                .updateTable('suspect_charges')
                .set({
                  outcome: on_charge ? 'convicted' : 'acquitted',
                  outcome_on: on,
                  sentence_months: on_charge ? months : null,
                  suspended: on_charge && suspended,
                })
                .where('id', '=', chargeId)
                .execute();
            }
          }
        }
      }
      for (let c = rng.chance(0.3) ? rng.int(1, 2) : 0; c > 0; c--)
        await trx
          .insertInto('cooperation_requests')
          .values({
            investigation_id: inv.id,
            kind: pick(rng, COOPERATION_KINDS),
            direction: rng.chance(0.5) ? 'outgoing' : 'incoming',
            country: 'AR',
            requested_on: plusDays(opened, rng.int(0, 400)),
            granted_on: null,
            created_by: null,
          })
          .execute();
      for (let o = rng.chance(0.4) ? rng.int(1, 2) : 0; o > 0; o--)
        await trx
          .insertInto('investigation_operations')
          .values({
            investigation_id: inv.id,
            occurred_on: plusDays(opened, rng.int(0, 200)),
            department: pick(rng, ['PY-ASU', 'PY-11', 'PY-10']),
            place: null,
            persons_arrested: rng.int(0, 4),
            victims_rescued: rng.int(0, 6),
            created_by: null,
          })
          .execute();
    }
    // Victims' participation in proceedings (when the database holds victims).
    const victims = await trx
      .selectFrom('case_persons')
      .select(['case_id', 'person_id'])
      .where('role', '=', 'PresumedVictim')
      .orderBy('person_id')
      .limit(40)
      .execute();
    const invIds = (await trx.selectFrom('investigations').select('id').orderBy('id').execute()).map(
      (i) => i.id,
    );
    for (const v of victims) {
      if (!rng.chance(0.5) || invIds.length === 0) continue;
      const recordedOn = `${rng.int(2022, 2025)}-0${rng.int(1, 9)}-1${rng.int(0, 9)}`;
      await trx
        .insertInto('victim_participation')
        .values({
          investigation_id: pick(rng, invIds),
          case_id: v.case_id,
          person_id: v.person_id,
          witness: rng.chance(0.6),
          protective_measures: [],
          penalised: rng.chance(0.1),
          updated_by: null,
          // Updated a year after it was first recorded: the figures keep the first day.
          updated_at: `${Number(recordedOn.slice(0, 4)) + 1}${recordedOn.slice(4)}T15:00:00Z`,
          recorded_on: recordedOn,
        })
        .onConflict((oc) => oc.columns(['investigation_id', 'person_id']).doNothing())
        .execute();
    }
    await addPrevention(trx, rng, ids);
  });
  return investigations;
}

type Trx = Parameters<Parameters<TestContext['services']['db']['transaction']>[0]>[0];

async function addPrevention(trx: Trx, rng: Rng, ids: Map<string, string>): Promise<void> {
  for (let n = rng.int(20, 30); n > 0; n--) {
    const held = dateIn(rng, rng.int(2022, 2025));
    const training = await trx
      .insertInto('training_events')
      .values({
        institution_id: ids.get(pick(rng, INSTITUTIONS))!,
        unit_id: null,
        title: 'Capacitación sintética',
        kind: 'Workshop',
        held_on: held,
        ends_on: null,
        modality: 'in_person',
        department: pick(rng, DEPARTMENTS),
        place: null,
        audience_institution_ids: [],
        topics: [],
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const sex of ['Female', 'Male', 'Unspecified'])
      if (rng.chance(0.8))
        await trx
          .insertInto('training_participants')
          .values({
            training_id: training.id,
            institution_id: rng.chance(0.2) ? null : ids.get(pick(rng, INSTITUTIONS))!,
            sex,
            count: rng.int(0, 40),
          })
          .execute();
  }
  for (let n = rng.int(8, 14); n > 0; n--)
    await trx
      .insertInto('campaigns')
      .values({
        institution_id: ids.get(pick(rng, INSTITUTIONS))!,
        title: 'Campaña sintética',
        channels: ['Radio'],
        starts_on: dateIn(rng, rng.int(2022, 2025)),
        ends_on: null,
        departments: [],
        languages: ['es', 'gn'],
        reach: rng.chance(0.7) ? rng.int(100, 50_000) : null,
        reach_basis: null,
        partners: null,
        created_by: null,
      })
      .execute();
  for (let n = rng.int(60, 90); n > 0; n--)
    await trx
      .insertInto('hotline_contacts')
      .values({
        institution_id: ids.get(pick(rng, ['MINMUJER', 'MINNA']))!,
        unit_id: null,
        received_on: dateIn(rng, rng.int(2022, 2025)),
        channel: pick(rng, HOTLINE_CHANNELS),
        topic: 'InformationRequest',
        exploitation_type: null,
        department: pick(rng, DEPARTMENTS),
        child_involved: null,
        summary: null,
        case_id: null,
        recorded_by: null,
      })
      .execute();
}
