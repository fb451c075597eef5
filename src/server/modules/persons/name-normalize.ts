/**
 * Name normalisation for look-ups that never read plaintext out of the database: a name is cut into
 * tokens, each token folded to a phonetic key for Paraguayan Spanish and Guaraní spelling, and the
 * keys are then blind-indexed (HMAC) by the caller. Two spellings that sound alike give one key, so
 * González/Gonzales, Giménez/Jiménez, Benítez/Venítez, Villalba/Viyalba and Ñandú/Nandu collide.
 *
 * Pure functions, no I/O: the search, the duplicate warning at intake and the cross-institution
 * linkage engine all use this module, and must agree with the keys already stored.
 * CHANGING A RULE CHANGES EVERY STORED KEY: it needs a backfill of persons.name_tokens and
 * persons.identity_bidx.
 */

/**
 * Marks that join the letters around them instead of separating words: the Guaraní puso
 * (glottal stop, written ' or ’) as in Ka'arapã, and stray acute/grave accents typed on their own.
 */
const JOINERS = /['’‘´`ʼ]/g;
/** Combining marks left after NFKD decomposition: accents, tilde (ñ, ã, ẽ), diaeresis, cedilla. */
const MARKS = /\p{M}/gu;

/**
 * The text form of a name: lower case, without accents or other diacritics (ñ → n, ç → c,
 * ü → u, Guaraní nasal vowels ã ẽ ĩ õ ũ ỹ → plain vowels), compatibility forms folded (NFKD:
 * full-width letters, ligatures), puso removed, every other run of punctuation or space made one
 * space, trimmed. Idempotent: normalizeName(normalizeName(s)) === normalizeName(s).
 */
export function normalizeName(text: string): string {
  // Decompose before and after lower-casing: compatibility forms may decompose to capitals (ℌ → H),
  // and lower-casing may produce letters with marks (İ → i̇).
  return text
    .normalize('NFKD')
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(JOINERS, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const FRONT = new Set(['e', 'i']);

/**
 * The phonetic key of one name token, for Paraguayan Spanish and Guaraní spelling. The token is
 * normalised first (normalizeName), so case and diacritics never change the key. Then:
 *
 * - `ph` → f; `ll` → y (yeísmo: Villalba = Viyalba);
 * - `x` → j at the start of a word (Ximena = Jimena, Xavier = Javier), ks elsewhere (Alexis, Félix);
 * - `y` not followed by a vowel is the vowel i (Leidy = Leydi = Leidi, Godoy = Godoi, Nancy = Nanci);
 *   before a vowel it stays the consonant y (Yolanda, Mayor);
 * - `v` → b (Benítez = Venítez); `z` → s, so a final z or s is the same (González = Gonzales);
 * - `c` before e/i → s (Cáceres = Cáseres); `ch` stays ch; every other `c`, `qu` before e/i, `q`
 *   and `k` → k (Quiñónez = Kiñonez, Carlos = Karlos);
 * - `g` before e/i → j (Giménez = Jiménez); `gu` before e/i → g (Guillermo = Giyermo);
 * - `h` is silent (Hernández = Ernández, Jhonatan = Jonatan), except in ch;
 * - runs of one letter collapse (Ferreira = Fereira, Anna = Ana; sc before e/i → s).
 *
 * Because diacritics are dropped first, ç reads as c (Gonçalves = Goncalves, keyed gonkalbes): users
 * type without the cedilla more often than they write Gonsalves, and accent-insensitivity is the
 * requirement. `w` is left as it is (Wilson, Walter: no Paraguayan variant spelling to fold).
 */
export function phoneticKey(token: string): string {
  const s = normalizeName(token)
    .replace(/\s+/g, '')
    .replace(/ph/g, 'f')
    .replace(/ll/g, 'y')
    .replace(/^x/, 'j')
    .replace(/x/g, 'ks')
    .replace(/y(?![aeiou])/g, 'i');
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    const next = s[i + 1] ?? '';
    const after = s[i + 2] ?? '';
    switch (c) {
      case 'v':
        out += 'b';
        break;
      case 'z':
        out += 's';
        break;
      case 'h':
        break;
      case 'c':
        if (next === 'h') {
          out += 'ch';
          i++;
        } else out += FRONT.has(next) ? 's' : 'k';
        break;
      case 'q':
        out += 'k';
        if (next === 'u' && FRONT.has(after)) i++;
        break;
      case 'g':
        if (next === 'u' && FRONT.has(after)) {
          out += 'g';
          i++;
        } else out += FRONT.has(next) ? 'j' : 'g';
        break;
      default:
        out += c;
    }
  }
  return out.replace(/(.)\1+/gu, '$1');
}

/**
 * Words that join the parts of a name rather than identify anyone (María de los Ángeles, de la Cruz):
 * left out of the keys, so a query with or without them finds the same person.
 */
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'da',
  'das',
  'do',
  'dos',
  'di',
  'van',
  'von',
  'der',
]);

/** The tokens of one name text that identify: normalised, without particles and single letters. */
export function nameWords(text: string | null | undefined): string[] {
  if (!text) return [];
  return normalizeName(text)
    .split(' ')
    .filter((word) => word.length > 1 && !PARTICLES.has(word));
}

/** The distinct phonetic keys of a text (a search query, or one name part), in first-seen order. */
export function textKeys(text: string | null | undefined): string[] {
  return [
    ...new Set(
      nameWords(text)
        .map(phoneticKey)
        .filter((key) => key.length > 0),
    ),
  ];
}

/** The parts of a person's name that search and linkage look at. */
export interface NameParts {
  givenNames: string;
  firstSurname?: string | null;
  secondSurname?: string | null;
  aliases?: readonly string[];
}

/**
 * The phonetic keys of every name part of a person (each given name, both surnames, every alias),
 * distinct and sorted. Hash each with the blind index to get persons.name_tokens; a search matches
 * a person whose keys contain all of the query's keys.
 */
export function nameKeys(parts: NameParts): string[] {
  const texts = [parts.givenNames, parts.firstSurname, parts.secondSurname, ...(parts.aliases ?? [])];
  return [...new Set(texts.flatMap(textKeys))].sort();
}

/**
 * Blind-index tokens of a person's names: `index` is the keyed hash (FieldCrypto.blindIndex with
 * the 'name' domain), passed in so that this module stays pure.
 */
export function nameTokens(parts: NameParts, index: (key: string) => string): string[] {
  return [...new Set(nameKeys(parts).map(index))].sort();
}

/**
 * The identity key of the duplicate warning: given names and surnames (each group's keys sorted, so
 * the order of the surnames, or of two given names, does not matter) with the date of birth.
 * Null when there is no date of birth or no usable given name: names alone are too common.
 */
export function identityKey(parts: NameParts, dateOfBirth: string | null | undefined): string | null {
  if (!dateOfBirth) return null;
  const given = textKeys(parts.givenNames).sort();
  if (given.length === 0) return null;
  const surnames = [...textKeys(parts.firstSurname), ...textKeys(parts.secondSurname)].sort();
  return `${given.join(' ')}|${surnames.join(' ')}|${dateOfBirth}`;
}

/**
 * A document number as compared: upper case, without spaces, dots or dashes (1.234.567 = 1234567,
 * ab-123 = AB123). Null when nothing is left.
 */
export function documentKey(documentNumber: string | null | undefined): string | null {
  if (!documentNumber) return null;
  const key = documentNumber.toUpperCase().replace(/[\s.\-‐‑–—]/g, '');
  return key.length > 0 ? key : null;
}
