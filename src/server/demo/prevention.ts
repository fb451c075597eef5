/**
 * Prevention around the demo cases: hotline contacts (the one that brought a hotline case to light,
 * dated before the case, and the calls that led nowhere), trainings with their participants, and
 * campaigns. Drawn per case so that a run's prevention grows with its cases and keeps the year's
 * shape; rates from seed 000 (2009: 12 workshops with 1,000 participants and a seminar of 300 for
 * 138 victims identified) and a hotline that hears several calls for every case it opens.
 */
import { TRAINING_TOPICS } from '../../shared/api-prevention.js';
import type { DemoContext, DemoInstitution } from './context.js';
import { addDays, LAST_DAY, timestampOn } from './plan.js';
import { type Rng, Weighted } from './prng.js';
import type { ChunkTables } from './tables.js';

export interface PreventionCase {
  caseId: string;
  detectedOn: string;
  detectionMethod: string;
  department: string | null;
  exploitationType: string;
  child: boolean;
  /** The year's first day: nothing of this case's prevention is dated before it. */
  yearStart: string;
}

const CHANNELS = new Weighted<string>([
  ['Phone', 55],
  ['WhatsApp', 25],
  ['SocialMedia', 8],
  ['Web', 5],
  ['Email', 3],
  ['InPerson', 4],
]);
const OTHER_TOPICS = new Weighted<string>([
  ['InformationRequest', 40],
  ['AssistanceRequest', 20],
  ['OtherCrime', 20],
  ['MissingPerson', 10],
  ['PossibleTrafficking', 5],
  ['Other', 5],
]);
const TRAINING_KINDS = new Weighted<string>([
  ['Workshop', 45],
  ['Training', 25],
  ['Course', 12],
  ['Seminar', 10],
  ['Webinar', 8],
]);
/** Every training topic but the catch-alls: demo trainings name what they taught. */
const TOPICS = TRAINING_TOPICS.filter((topic) => topic !== 'Prevention' && topic !== 'Other');
const TRAINING_TITLES = [
  'Identificación de víctimas de trata',
  'Ley 4788/2012 y su aplicación',
  'Atención centrada en la víctima',
  'Derivación interinstitucional',
  'Trata con fines de explotación laboral',
  'Explotación sexual en línea de niñas, niños y adolescentes',
];
const ORGANISERS = ['MINMUJER', 'MP-UFETESI', 'MINNA', 'PNPTU', 'MTESS', 'NGO-LUNANUEVA', 'INT-OIM'];
const AUDIENCES = ['PNPTU', 'MP-UFETESI', 'MINNA', 'MINMUJER', 'DGM', 'MSPBS', 'MTESS'];
const CAMPAIGN_TITLES = [
  'No a la trata: informate antes de viajar',
  'Ofertas de empleo falsas en redes sociales',
  'El criadazgo es explotación',
  'Línea de denuncia: llamá y denunciá',
];

const clip = (day: string, start: string) => (day < start ? start : day > LAST_DAY ? LAST_DAY : day);

function staffOf(ctx: DemoContext, code: string): DemoInstitution | null {
  const i = ctx.institutions.get(code);
  return i && i.staff.length ? i : null;
}

/** Writes the prevention records drawn for case `c` into `t`. */
export function writePrevention(
  ctx: DemoContext,
  rng: Rng,
  ids: Rng,
  t: ChunkTables,
  c: PreventionCase,
): void {
  // The hotline: the children's line for children, the police's otherwise.
  const line = staffOf(ctx, c.child ? 'MINNA' : 'PNPTU') ?? staffOf(ctx, 'PNPTU');
  if (line) {
    const contact = (on: string, topic: string, caseId: string | null, exploitation: string | null) =>
      t.hotline.add([
        ids.uuid(),
        line.id,
        null,
        on,
        CHANNELS.draw(rng),
        topic,
        exploitation,
        c.department,
        caseId ? c.child : null,
        null,
        caseId,
        rng.pick(line.staff),
        timestampOn(rng, on),
      ]);
    // The contact that brought the case: before the case was opened (contact ≤ identification).
    if (c.detectionMethod === 'Hotline')
      contact(
        clip(addDays(c.detectedOn, -rng.int(0, 3)), c.yearStart),
        'PossibleTrafficking',
        c.caseId,
        c.exploitationType,
      );
    const others = rng.int(0, 3);
    for (let k = 0; k < others; k++)
      contact(clip(addDays(c.detectedOn, rng.int(-40, 40)), c.yearStart), OTHER_TOPICS.draw(rng), null, null);
  }

  if (rng.chance(0.08)) {
    const organiser = staffOf(ctx, rng.pick(ORGANISERS));
    if (organiser) {
      const on = clip(addDays(c.detectedOn, rng.int(-60, 60)), c.yearStart);
      const id = ids.uuid();
      const modality = rng.chance(0.7) ? 'in_person' : rng.chance(0.6) ? 'virtual' : 'hybrid';
      const audience = AUDIENCES.filter(() => rng.chance(0.35));
      const audienceIds = audience.flatMap((code) => ctx.institutions.get(code)?.id ?? []);
      const at = timestampOn(rng, on);
      t.trainings.add([
        id,
        organiser.id,
        null,
        rng.pick(TRAINING_TITLES),
        TRAINING_KINDS.draw(rng),
        on,
        rng.chance(0.3) ? clip(addDays(on, rng.int(1, 4)), on) : null,
        modality,
        modality === 'virtual' ? null : (c.department ?? 'PY-ASU'),
        audienceIds,
        TOPICS.filter(() => rng.chance(0.25)),
        rng.pick(organiser.staff),
        at,
        at,
      ]);
      for (const institutionId of audienceIds.length ? audienceIds : [null]) {
        t.participants.add([ids.uuid(), id, institutionId, 'Female', rng.int(3, 40)]);
        t.participants.add([ids.uuid(), id, institutionId, 'Male', rng.int(2, 35)]);
      }
    }
  }

  if (rng.chance(0.02)) {
    const owner = staffOf(ctx, rng.pick(['MINMUJER', 'MINNA', 'MTESS', 'MRE', 'NGO-LUNANUEVA']));
    if (owner) {
      const on = clip(addDays(c.detectedOn, rng.int(-30, 30)), c.yearStart);
      const reach = rng.chance(0.7) ? rng.int(2, 200) * 1000 : null;
      t.campaigns.add([
        ids.uuid(),
        owner.id,
        rng.pick(CAMPAIGN_TITLES),
        ['Radio', 'SocialMedia', 'Television', 'Leaflets', 'Schools']
          .filter(() => rng.chance(0.45))
          .concat('SocialMedia')
          .filter((x, i, a) => a.indexOf(x) === i),
        on,
        clip(addDays(on, rng.int(14, 120)), on),
        rng.chance(0.5) ? [] : [c.department ?? 'PY-ASU'],
        rng.chance(0.6) ? ['es', 'gn'] : ['es'],
        reach,
        reach === null ? null : 'Personas alcanzadas según el medio (audiencia estimada)',
        null,
        rng.pick(owner.staff),
        timestampOn(rng, on),
      ]);
    }
  }
}
