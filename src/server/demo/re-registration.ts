/**
 * The same victim met again by another institution: for about one case in fifty, the first
 * presumed victim is a person an earlier case of another institution registered, written down again
 * the way a second office would — accents lost, a compound given name shortened, the surnames
 * swapped or one left out, an estimated age instead of the date of birth, a document not shown or
 * typed with two digits swapped. Each is a record of its own (as at intake before anyone links
 * them); the national linkage batch at the end of the demo links them (docs/LINKAGE.md). At 300
 * cases all five were linked and none fell in the review band; at 2,000 (the README's demo) the
 * batch makes 33 links and 5 reviews.
 *
 * Drawn from a stream of its own: the rest of each case's data is what it was without it.
 */
import type { DemoContext } from './context.js';
import { Rng } from './prng.js';
import type { PersonInput } from '../modules/persons/person-record.js';

const STREAM = 0x3c6ef372;
/** About one case in fifty (CTDC's cross-agency overlap is of this order; a demo rate, not a figure). */
const RATE = 0.02;
/** How far back the earlier case may be, and how many are tried. */
const WINDOW = 400;
const TRIES = 12;

/** What is needed of an earlier case: its date, owner and first person (case.ts, `drawCaseStart`). */
type EarlierCase = (
  ctx: DemoContext,
  index: number,
) => { detectedOn: string; ownerOf: string; first: DrawnPerson };

interface DrawnPerson {
  victim: boolean;
  child: boolean;
  female: boolean;
  age: number;
  fields: PersonInput;
}

function withoutAccents(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
}

function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Two adjacent digits swapped (a typing slip), or the number as it was when it has no pair. */
function transposed(rng: Rng, number: string): string {
  if (number.length < 2) return number;
  const at = rng.int(0, number.length - 2);
  const chars = [...number];
  [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  return chars.join('');
}

/**
 * `earlier` written down again by another office, the person then `age`. Half the time with what a
 * person who fears being found gives (no document, no date of birth but an age, one surname, no
 * nickname or telephone): the pairs a reviewer must look at. Otherwise with slips only, which the
 * batch links.
 */
function writtenAgain(rng: Rng, earlier: PersonInput, age: number): PersonInput {
  const guarded = rng.chance(0.5);
  let givenNames = earlier.givenNames;
  if (givenNames.includes(' ') && !guarded && rng.chance(0.5)) givenNames = givenNames.split(' ')[0]!;
  let firstSurname = earlier.firstSurname;
  let secondSurname = earlier.secondSurname;
  if (secondSurname && rng.chance(0.2)) [firstSurname, secondSurname] = [secondSurname, firstSurname];
  else if (secondSurname && (guarded || rng.chance(0.3))) secondSurname = null;
  if (rng.chance(0.5)) {
    givenNames = withoutAccents(givenNames);
    firstSurname = firstSurname && withoutAccents(firstSurname);
    secondSurname = secondSurname && withoutAccents(secondSurname);
  }
  const estimated = guarded || earlier.dateOfBirth === null || rng.chance(0.4);
  const document = rng.float();
  return {
    ...earlier,
    givenNames,
    firstSurname,
    secondSurname,
    aliases: guarded ? [] : earlier.aliases,
    dateOfBirth: estimated ? null : earlier.dateOfBirth,
    estimatedAge: estimated ? age : null,
    ageApproximate: estimated,
    ...(earlier.documentNumber == null || (!guarded && document < 0.5)
      ? {}
      : guarded || document < 0.75
        ? { documentType: 'None' as const, documentNumber: null }
        : { documentNumber: transposed(rng, earlier.documentNumber) }),
    contact: guarded || rng.chance(0.5) ? null : earlier.contact,
    // Another office may not ask where the person lives now.
    residenceDistrict: guarded || rng.chance(0.5) ? null : earlier.residenceDistrict,
  };
}

/**
 * Case `index`'s first person becomes, now and then, the first victim of an earlier case owned by
 * another institution (same sex, nationality and, on `detectedOn`, still a child or still an adult),
 * written down again. `persons[0]` is changed in place; nothing else of the case is.
 */
export function reRegister(
  ctx: DemoContext,
  index: number,
  detectedOn: string,
  owner: string,
  persons: DrawnPerson[],
  drawCaseStart: EarlierCase,
): void {
  const first = persons[0];
  if (!first?.victim || index === 0) return;
  const rng = new Rng((ctx.seed ^ STREAM) >>> 0, index + 1);
  if (!rng.chance(RATE)) return;
  const lowest = Math.max(0, index - WINDOW);
  for (let i = 0; i < TRIES; i++) {
    const earlier = drawCaseStart(ctx, rng.int(lowest, index - 1));
    const person = earlier.first;
    if (earlier.ownerOf === owner || !person.victim || person.female !== first.female) continue;
    if (person.fields.sex !== first.fields.sex) continue;
    if (person.fields.nationalities[0] !== first.fields.nationalities[0]) continue;
    const age = person.fields.dateOfBirth
      ? wholeYears(person.fields.dateOfBirth, detectedOn)
      : person.age + wholeYears(earlier.detectedOn, detectedOn);
    // Older than the person it replaces (in whole years, by one at least): then born before the
    // facts this case dates, which that person's age was drawn to fit ("the facts are before the
    // birth" otherwise, at the screening).
    if (age <= first.age || age < 18 !== first.child) continue;
    first.age = age;
    first.fields = writtenAgain(rng, person.fields, age);
    return;
  }
}
