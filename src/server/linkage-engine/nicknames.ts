/**
 * Usual short forms of given names (hipocorísticos) of Paraguay and the region, and regional forms
 * of the same names (nickname-data.ts: about a thousand forms, Spanish, Portuguese and Guaraní),
 * plus the regular diminutives of a known name: Spanish -ito/-ita, -cito/-cita (Rosita, Ramoncito,
 * Carlitos) and the Guaraní diminutives -mi "dear" (Mariami) and -’i "little" (Rosa’i, Juan’i:
 * normalisation drops the apostrophe, so the suffix is read off "rosai" after a known name).
 * A nickname and the name it shortens compare as a graded match, never as an exact one: "Juani"
 * may be Juana or Juan Ignacio.
 */
import { normalizeName, phoneticKey } from '../modules/persons/name-normalize.js';
import { NICKNAME_TEXT } from './nickname-data.js';

/** Normalised short form → normalised name (the first name it was listed under). */
const FORMS = new Map<string, string>();
/** Normalised short form → every name it was listed under (Toni: Antonia, Antonio). */
const ALL = new Map<string, string[]>();
/** Every normalised name with listed forms. */
const NAMES = new Set<string>();

for (const entry of NICKNAME_TEXT.split(',')) {
  const colon = entry.indexOf(':');
  if (colon < 0) continue;
  const name = normalizeName(entry.slice(0, colon));
  NAMES.add(name);
  for (const form of entry
    .slice(colon + 1)
    .trim()
    .split(/\s+/)) {
    const f = normalizeName(form);
    if (f.length === 0 || f === name) continue;
    if (!FORMS.has(f)) FORMS.set(f, name);
    const names = ALL.get(f) ?? [];
    if (!names.includes(name)) ALL.set(f, [...names, name]);
  }
}
// A listed name is never re-read as a short form of another one (Lina, Rita, Dora are names too).
for (const name of NAMES) FORMS.delete(name);
for (const name of NAMES) ALL.delete(name);

/** How many short forms are known (for the documentation and tests). */
export const NICKNAME_COUNT = FORMS.size;

/**
 * Phonetic key → the listed name, and → the name a short form stands for: a name or a short form
 * respelt as it sounds (Rozita, Jozé, Fioreya’i for Fiorella’i) is still known. A name's key wins
 * over a short form's; of two names with one key, the first listed.
 */
const BY_KEY = new Map<string, string>();
for (const name of NAMES) if (!BY_KEY.has(phoneticKey(name))) BY_KEY.set(phoneticKey(name), name);
for (const [form, name] of FORMS) if (!BY_KEY.has(phoneticKey(form))) BY_KEY.set(phoneticKey(form), name);
/** Phonetic key of a short form → every name it was listed under (names' own keys excluded). */
const ALL_BY_KEY = new Map<string, string[]>();
const NAME_KEYS = new Set([...NAMES].map(phoneticKey));
for (const [form, names] of ALL) {
  const key = phoneticKey(form);
  if (NAME_KEYS.has(key)) continue;
  const seen = ALL_BY_KEY.get(key) ?? [];
  for (const n of names) if (!seen.includes(n)) seen.push(n);
  ALL_BY_KEY.set(key, seen);
}

/**
 * Short forms made by the regular patterns of Spanish hypocoristics, which no list holds in full:
 * a name's phonetic key cut after its first letters (apocope: Seba, Vale, Rodri; 3 letters or
 * more, at least 2 fewer than the name), the same with -i (Gabi, Dani, Yani), or its last letters
 * (aphaeresis: Tina, Nando; 4 letters or more). By the cut key, every listed name it may come from.
 */
const BY_PREFIX = new Map<string, string[]>();
const BY_SUFFIX = new Map<string, string[]>();
for (const name of NAMES) {
  const key = phoneticKey(name);
  for (let n = 3; n <= key.length - 2; n++) {
    const prefix = BY_PREFIX.get(key.slice(0, n)) ?? [];
    if (!prefix.includes(name)) BY_PREFIX.set(key.slice(0, n), [...prefix, name]);
  }
  for (let n = 4; n <= key.length - 2; n++) {
    const suffix = BY_SUFFIX.get(key.slice(-n)) ?? [];
    if (!suffix.includes(name)) BY_SUFFIX.set(key.slice(-n), [...suffix, name]);
  }
}
/** A regular short form standing for more names than this says too little to be read as one. */
const MAX_SHORT_FORM_NAMES = 3;

/**
 * The listed names a word not otherwise known may be a regular short form of (`BY_PREFIX`,
 * `BY_SUFFIX`): by its key as a prefix, its key less a final -i as a prefix, else as a suffix;
 * none when more than `MAX_SHORT_FORM_NAMES` names fit.
 */
export function shortFormNames(word: string): string[] {
  const key = phoneticKey(word);
  if (key.length < 3) return [];
  const found: string[] = [];
  const add = (names: readonly string[] | undefined) => {
    for (const n of names ?? []) if (!found.includes(n)) found.push(n);
  };
  add(BY_PREFIX.get(key));
  if (key.endsWith('i') && key.length >= 4) add(BY_PREFIX.get(key.slice(0, -1)));
  if (found.length === 0) add(BY_SUFFIX.get(key));
  return found.length <= MAX_SHORT_FORM_NAMES ? found : [];
}

/** The known name `base` ends up as, directly or through its short form (as written or as it sounds), or undefined. */
function known(base: string): string | undefined {
  if (NAMES.has(base)) return base;
  return FORMS.get(base) ?? BY_KEY.get(phoneticKey(base));
}

/** The name a regular diminutive of a known name stands for (Rosita → rosa), or undefined. */
function diminutiveOf(w: string): string | undefined {
  if (w.length < 5) return undefined;
  const tries: string[] = [];
  if (w.endsWith('itos')) tries.push(`${w.slice(0, -4)}os`);
  if (w.endsWith('cito') || w.endsWith('cita')) tries.push(w.slice(0, -4), `${w.slice(0, -4)}e`);
  if (w.endsWith('ito')) tries.push(`${w.slice(0, -3)}o`, w.slice(0, -3));
  if (w.endsWith('ita')) tries.push(`${w.slice(0, -3)}a`, w.slice(0, -3));
  if (w.endsWith('quita') || w.endsWith('quito')) tries.push(`${w.slice(0, -5)}ca`, `${w.slice(0, -5)}co`);
  if (w.endsWith('guita') || w.endsWith('guito')) tries.push(`${w.slice(0, -5)}ga`, `${w.slice(0, -5)}go`);
  // Guaraní -mi (Mariami, Rosami): only after a known name, so Noemí or Jasymi stay themselves.
  if (w.endsWith('mi')) tries.push(w.slice(0, -2));
  // Guaraní -’i, written glued once the apostrophe is dropped (Rosa’i → rosai), after a known name.
  if (w.endsWith('i')) tries.push(w.slice(0, -1));
  for (const t of tries) {
    const name = known(t);
    if (name !== undefined) return name;
  }
  return undefined;
}

/**
 * Whether a given-name word is a name or short form the list knows (as written, respelt as it
 * sounds, or as a regular diminutive). Blocking asks it to tell a given-name field that holds
 * surnames (the fields swapped) from one that holds names: only a cost filter, not evidence.
 */
export function isKnownGivenName(word: string): boolean {
  const w = normalizeName(word);
  return NAMES.has(w) || FORMS.has(w) || BY_KEY.has(phoneticKey(w)) || diminutiveOf(w) !== undefined;
}

/** The full name a (normalised) given-name word usually stands for, or the word itself. */
export function canonicalGiven(word: string): string {
  const w = normalizeName(word);
  if (NAMES.has(w)) return w;
  const found = FORMS.get(w) ?? diminutiveOf(w) ?? BY_KEY.get(phoneticKey(w));
  if (found !== undefined) return found;
  // A regular short form of one listed name only (Rodri, Seba); an ambiguous one stays itself.
  const short = shortFormNames(w);
  return short.length === 1 ? short[0]! : w;
}

/**
 * Every full name a given-name word may stand for: the word itself when it is a name, and each
 * name a short form was listed under (Toni → antonia, antonio), or its diminutive's name.
 */
export function givenNameForms(word: string): string[] {
  const w = normalizeName(word);
  if (NAMES.has(w)) return [w];
  const names = ALL.get(w);
  if (names) return names;
  const d = diminutiveOf(w);
  if (d !== undefined) return [d];
  // Respelt as it sounds: a name's key gives that name; a short form's, every name it stands for.
  const key = phoneticKey(w);
  const name = BY_KEY.get(key);
  if (name !== undefined && NAMES.has(name) && phoneticKey(name) === key) return [name];
  const forms = ALL_BY_KEY.get(key);
  if (forms !== undefined || name !== undefined) return forms ?? [name!];
  // A regular short form (Yani, Gabi, Tina): itself and every listed name it may stand for.
  const short = shortFormNames(w);
  return short.length > 0 ? [w, ...short] : [w];
}
