/**
 * Checks on ICU messages shared by the catalogue tests and the translators' import: that a message
 * parses, and that a translation uses its source's arguments in compatible ways. Not part of the
 * app bundle (the app formats with intl-messageformat; this needs the parser's syntax tree).
 */
import {
  parse,
  TYPE,
  type MessageFormatElement,
  type PluralOrSelectOption,
} from '@formatjs/icu-messageformat-parser';
import { PARSE_OPTIONS } from '../format.js';

export type ArgumentKind = 'simple' | 'number' | 'date' | 'time' | 'plural' | 'select';

/** The kind of use of each element type that names an argument. */
const KINDS: Partial<Record<TYPE, ArgumentKind>> = {
  [TYPE.argument]: 'simple',
  [TYPE.number]: 'number',
  [TYPE.date]: 'date',
  [TYPE.time]: 'time',
  [TYPE.plural]: 'plural',
  [TYPE.select]: 'select',
};

/** Every argument of a parsed message with each way it is used. */
function collect(elements: MessageFormatElement[], into: Map<string, Set<ArgumentKind>>): void {
  const use = (name: string, kind: ArgumentKind) => {
    const kinds = into.get(name) ?? new Set<ArgumentKind>();
    kinds.add(kind);
    into.set(name, kinds);
  };
  for (const element of elements) {
    const kind = KINDS[element.type];
    if (kind && 'value' in element) use(element.value as string, kind);
    if ('options' in element) {
      const options: Record<string, PluralOrSelectOption> = element.options;
      for (const option of Object.values(options)) collect(option.value, into);
    }
    if (element.type === TYPE.tag) collect(element.children, into);
  }
}

export type ParsedMessage = { ok: true; args: Map<string, Set<ArgumentKind>> } | { ok: false; error: string };

/** Parses `message` as the app will; the error names what ICU found wrong. */
export function parseMessage(message: string): ParsedMessage {
  try {
    const args = new Map<string, Set<ArgumentKind>>();
    collect(parse(message, PARSE_OPTIONS), args);
    return { ok: true, args };
  } catch (error) {
    const detail = error as { message?: string; location?: { start?: { offset?: number } } };
    const at = detail.location?.start?.offset;
    return {
      ok: false,
      error: `${detail.message ?? String(error)}${at === undefined ? '' : ` at character ${at}`}`,
    };
  }
}

const NUMERIC: ReadonlySet<ArgumentKind> = new Set(['number', 'plural']);
const isNumeric = (kinds: Set<ArgumentKind>) => [...kinds].some((kind) => NUMERIC.has(kind));

/**
 * What is wrong with `translation` as a translation of `source` (empty when nothing):
 * - it must parse;
 * - it may use only the source's arguments (any other would be missing at run time);
 * - it must show every argument of the source, except one the source uses only to choose a form
 *   (`select`): a language without grammatical gender may drop `{sex, select, …}`;
 * - an argument that is a number in the source may be a plural, a number or plain in the
 *   translation; one that is text in the source may not become a number or a plural.
 */
export function translationProblems(source: string, translation: string): string[] {
  const from = parseMessage(source);
  const to = parseMessage(translation);
  if (!from.ok) return [`the Spanish source does not parse: ${from.error}`];
  if (!to.ok) return [`ICU syntax error: ${to.error}`];
  const problems: string[] = [];
  for (const [name, kinds] of to.args) {
    const sourceKinds = from.args.get(name);
    if (!sourceKinds) problems.push(`unknown argument {${name}}`);
    else if (isNumeric(kinds) && !isNumeric(sourceKinds))
      problems.push(`{${name}} is text in Spanish but a number or plural here`);
  }
  for (const [name, kinds] of from.args) {
    const onlySelect = [...kinds].every((kind) => kind === 'select');
    if (!to.args.has(name) && !onlySelect) problems.push(`missing argument {${name}}`);
  }
  return problems;
}
