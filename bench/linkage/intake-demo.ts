/**
 * The intake duplicate warning on a demo database, with and without the batch's name frequencies
 * (term-frequency adjustment): `NANDUTI_DATA_DIR=D node --import tsx bench/linkage/intake-demo.ts
 * [--persons 200]` after `nanduti demo --cases 2000` in D (which ends with the batch). As
 * pnptu.caseworker1, for demo persons of the PNPTU with a date of birth (every k-th, in id order):
 * - registered again: (a) the first surname mistyped (one letter) and an age estimated within ±2
 *   years instead of the date; (b) the same names, the age estimated;
 * - names mixed: the given names of one person, the surnames of another (the next one whose
 *   surnames differ), (c) with the first one's date of birth, (d) with an estimated age.
 * Prints, per kind, how often the true person was shown and shown as likely, and how many look-ups
 * showed someone as likely where nobody is the person asked about. "Before": the same look-ups in a
 * transaction where the latest run's model has no frequency totals (what intake did before they were
 * stored: no adjustment), rolled back. Synthetic data only; prints no name.
 */
import { sql } from 'kysely';
import { openServices } from '../../src/server/bootstrap.js';
import { loadConfig } from '../../src/server/config.js';
import { createLogger } from '../../src/server/logger.js';
import type { Actor } from '../../src/server/access/actor.js';
import { loadPersons } from '../../src/server/modules/linkage/linkage.service.js';
import { findPersonMatches } from '../../src/server/modules/linkage/matches.service.js';
import { sessionUser } from '../../src/server/modules/session/session.repository.js';
import type { Trx } from '../../src/server/db/database.js';
import { paraguayYear } from '../../src/shared/dates.js';
import { matchInputOf } from './person-input.js';

const args = process.argv.slice(2);
const at = args.indexOf('--persons');
const wanted = at >= 0 ? Number(args[at + 1]) : 200;

const services = await openServices({ config: loadConfig(), logger: createLogger('warn') });
const worker = await services.db.transaction(async (trx) => {
  const row = await trx
    .selectFrom('users')
    .select('id')
    .where('username', '=', 'pnptu.caseworker1')
    .executeTakeFirstOrThrow();
  return sessionUser(trx, row.id);
});
const actor: Actor = {
  userId: worker!.id,
  username: worker!.username,
  displayName: worker!.display_name,
  role: 'case_worker',
  institutionId: worker!.institution_id,
  institutionCode: worker!.code,
  sessionId: 'bench',
  locale: 'es',
};
const everyone = await services.db.transaction((trx) =>
  loadPersons({ trx, actor, requestId: 'bench', purpose: 'bench' }, services.crypto),
);
const own = everyone.filter((p) => p.source === actor.institutionId && p.dateOfBirth && p.firstSurname);
const step = Math.max(1, Math.floor(own.length / wanted));
const chosen = own.filter((_, i) => i % step === 0).slice(0, wanted);

/** One letter of a word changed to the next in the alphabet, at its middle. */
const typo = (w: string) => {
  const i = Math.floor(w.length / 2);
  const c = w[i]!.toLowerCase();
  return w.slice(0, i) + (c === 'z' ? 'a' : String.fromCharCode(c.charCodeAt(0) + 1)) + w.slice(i + 1);
};
const ageOf = (dob: string, shift: number) => paraguayYear() - Number(dob.slice(0, 4)) + shift;

type Kind =
  | 'a: surname typo, estimated age'
  | 'b: same names, estimated age'
  | 'c: names mixed, date of birth'
  | 'd: names mixed, estimated age';
const looks: { kind: Kind; target: string | null; input: ReturnType<typeof matchInputOf> }[] = [];
chosen.forEach((p, i) => {
  const shift = (i % 5) - 2;
  const base = matchInputOf(p);
  looks.push({
    kind: 'a: surname typo, estimated age',
    target: p.id,
    input: {
      ...base,
      firstSurname: typo(p.firstSurname!),
      dateOfBirth: null,
      estimatedAge: ageOf(p.dateOfBirth!, shift),
      documentNumber: null,
    },
  });
  looks.push({
    kind: 'b: same names, estimated age',
    target: p.id,
    input: { ...base, dateOfBirth: null, estimatedAge: ageOf(p.dateOfBirth!, shift), documentNumber: null },
  });
  const other = chosen
    .slice(i + 1)
    .concat(chosen)
    .find((q) => q.firstSurname !== p.firstSurname && q.secondSurname !== p.secondSurname)!;
  const mixed = {
    ...base,
    firstSurname: other.firstSurname ?? null,
    secondSurname: other.secondSurname ?? null,
    documentNumber: null,
  };
  looks.push({ kind: 'c: names mixed, date of birth', target: null, input: mixed });
  looks.push({
    kind: 'd: names mixed, estimated age',
    target: null,
    input: { ...mixed, dateOfBirth: null, estimatedAge: ageOf(p.dateOfBirth!, shift) },
  });
});

const reasons = new Map<string, number>();
async function measure(trx: Trx) {
  reasons.clear();
  const out = new Map<
    Kind,
    { lookUps: number; found: number; likely: number; falseLikely: number; ms: number[] }
  >();
  for (const look of looks) {
    const start = performance.now();
    const result = await findPersonMatches(
      { trx, actor, requestId: 'bench', purpose: 'bench' },
      services.crypto,
      look.input,
    );
    const ms = performance.now() - start;
    const row = out.get(look.kind) ?? { lookUps: 0, found: 0, likely: 0, falseLikely: 0, ms: [] };
    out.set(look.kind, row);
    row.lookUps++;
    row.ms.push(ms);
    const hit = result.matches.find((m) => m.id === look.target);
    if (hit) row.found++;
    if (hit?.band === 'likely') row.likely++;
    // A likely match that is not the person asked about (mixed names: nobody is).
    const wrong = result.matches.find((m) => m.band === 'likely' && m.id !== look.target);
    if (wrong) {
      row.falseLikely++;
      // Why: the levels of the false "likely" (no name), tallied by kind.
      const why = `${look.kind.slice(0, 1)} | ${wrong.levels.map((l) => `${l.comparison}: ${l.level}`).join(' | ')}`;
      reasons.set(why, (reasons.get(why) ?? 0) + 1);
    }
  }
  return Object.fromEntries(
    [...out].map(([kind, r]) => {
      const sorted = r.ms.sort((x, y) => x - y);
      const p = (q: number) =>
        Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
      return [
        kind,
        {
          lookUps: r.lookUps,
          found: r.found,
          likely: r.likely,
          falseLikely: r.falseLikely,
          p50Ms: p(0.5),
          p95Ms: p(0.95),
        },
      ];
    }),
  );
}

class Rollback extends Error {}
let before: Awaited<ReturnType<typeof measure>> | undefined;
await services.db
  .transaction(async (trx) => {
    await trx
      .updateTable('linkage_runs')
      .set({ model: sql`model - 'nameFrequencies'` })
      .execute();
    before = await measure(trx);
    throw new Rollback();
  })
  .catch((e: unknown) => {
    if (!(e instanceof Rollback)) throw e;
  });
const after = await services.db.transaction((trx) => measure(trx));
// The weights (bits) of the model the look-ups scored with, level by level.
const model = await services.db.transaction((trx) =>
  trx
    .selectFrom('linkage_runs')
    .select(['model', 'match_threshold'])
    .where('finished_at', 'is not', null)
    .orderBy('finished_at', 'desc')
    .limit(1)
    .executeTakeFirstOrThrow(),
);
await services.db.close();
const stored = (typeof model.model === 'string' ? JSON.parse(model.model) : model.model) as {
  comparisons: { name: string; levels: string[]; m: number[]; u: number[] }[];
};
const weights = stored.comparisons.map(
  (c) => `${c.name}: ${c.levels.map((l, x) => `${l} ${Math.log2(c.m[x]! / c.u[x]!).toFixed(1)}`).join(', ')}`,
);
const why = [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12);
console.log(
  JSON.stringify({ persons: everyone.length, chosen: chosen.length, before, after, weights, why }, null, 1),
);
