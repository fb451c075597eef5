/**
 * Guaraní messages for the request schemas' generic checks (zod has no Guaraní locale; Spanish
 * was answered to a Guaraní reader). Plain wording in the web's style (src/web/i18n/gn.ts
 * `error.*`); a schema's own message is a catalogue code and is translated elsewhere. Awaiting a
 * native speaker's review like the web's new Guaraní (review.json).
 */
import type { z } from 'zod';

type RawIssue = z.core.$ZodRawIssue;

const KIND: Record<string, string> = {
  string: 'jehaipy',
  number: 'papapy',
  int: 'papapy oĩmbáva',
  boolean: 'añete térã japu',
  array: 'lista',
  object: 'objeto',
  date: 'ára',
  null: 'mbaʼeve',
  undefined: 'mbaʼeve',
  nan: 'NaN',
};

function shown(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

function received(input: unknown): string {
  if (input === null) return KIND.null!;
  if (Array.isArray(input)) return KIND.array!;
  if (typeof input === 'number' && Number.isNaN(input)) return KIND.nan!;
  return KIND[typeof input] ?? typeof input;
}

export function guaraniError(issue: RawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `Ndoikói: oñehaʼarõ ${KIND[issue.expected] ?? issue.expected}, oguahẽ ${received(issue.input)}.`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `Ndoikói: oñehaʼarõ ${shown(issue.values[0])}.`
        : `Ndoikói: eiporavo peteĩ koʼãgui: ${issue.values.map(shown).join(' | ')}.`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `Ikatu oguereko ${max} tai peve.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Ikatu oguereko ${max} mbaʼe peve.`;
      return `Tuichaiterei: ${issue.inclusive ? '≤' : '<'} ${max} oñehaʼarõ.`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string') return `Oguerekovaʼerã mbovymíve ${min} tai.`;
      if (issue.origin === 'array' || issue.origin === 'set') return `Oguerekovaʼerã mbovymíve ${min} mbaʼe.`;
      return `Michĩeterei: ${issue.inclusive ? '≥' : '>'} ${min} oñehaʼarõ.`;
    }
    case 'invalid_format':
      return `Ndoikói: ndahaʼéi ${issue.format} oĩ porãva.`;
    case 'not_multiple_of':
      return `Papapy ndoikói: ${String(issue.divisor)} ñemboʼapyrõ (múltiplo) ohaʼarõ.`;
    case 'unrecognized_keys':
      return `Mbaʼekuaarã ojekuaaʼỹva: ${issue.keys.join(', ')}.`;
    case 'invalid_key':
    case 'invalid_element':
    case 'invalid_union':
    default:
      return 'Ko mbaʼe ndoikói.';
  }
}
