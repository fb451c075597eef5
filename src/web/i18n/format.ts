/**
 * Formats one ICU message with intl-messageformat. Parsed messages are kept per locale, so each
 * message is parsed once per page load; a message without ICU syntax is returned as it is.
 */
import {
  isPluralElement,
  isSelectElement,
  isTagElement,
  type MessageFormatElement,
} from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../../shared/roles.js';
import { intlLocale } from './catalogue.js';

export type MessageValues = Record<string, string | number | Date>;

/**
 * Messages are text, not markup: `<` is a character (as in "< 18"), never an ICU tag. The export,
 * the import and the catalogue tests parse with the same option.
 */
export const PARSE_OPTIONS = { ignoreTag: true } as const;

interface Compiled {
  format: IntlMessageFormat;
  /** Arguments that choose a form (`select`); one not passed takes the `other` form. */
  selects: string[];
}
const compiled = new Map<string, Compiled>();

function selectArguments(elements: MessageFormatElement[], into: Set<string>): Set<string> {
  for (const element of elements) {
    if (isSelectElement(element)) into.add(element.value);
    if (isSelectElement(element) || isPluralElement(element))
      for (const option of Object.values(element.options)) selectArguments(option.value, into);
    if (isTagElement(element)) selectArguments(element.children, into);
  }
  return into;
}

function compile(locale: Locale, message: string): Compiled {
  const format = new IntlMessageFormat(message, intlLocale(locale), undefined, PARSE_OPTIONS);
  return { format, selects: [...selectArguments(format.getAst(), new Set())] };
}

/** True when the message has nothing for ICU to do (no argument, no quoted apostrophe). */
function isPlain(message: string): boolean {
  return !/[{}]|''/.test(message);
}

/**
 * `message` in `locale` with `values`. A `select` argument left out takes its `other` form (a
 * person whose sex is not known reads "nacida/o"). A message that cannot be formatted (a translation with a
 * syntax error that slipped past the tests, a missing value) shows its source text rather than
 * breaking the page.
 */
export function formatMessage(locale: Locale, message: string, values?: MessageValues): string {
  if (isPlain(message)) return message;
  const cacheKey = `${locale}\u0000${message}`;
  try {
    let entry = compiled.get(cacheKey);
    if (!entry) {
      entry = compile(locale, message);
      compiled.set(cacheKey, entry);
    }
    const all: MessageValues = { ...values };
    for (const name of entry.selects) all[name] ??= 'other';
    return String(entry.format.format(all));
  } catch {
    return message;
  }
}
