/**
 * The catalogues as gettext PO files for translators' tools (Poedit, Weblate, Lokalize…) and back.
 * One entry per message: `msgctxt` is the key, `msgid` the Spanish source, `msgstr` the translation.
 * Messages are ICU MessageFormat inside PO (no gettext plural forms): entries with arguments carry
 * Weblate's `icu-message-format` flag and a comment naming the arguments; strings awaiting a native
 * speaker's review are `fuzzy`, with the reason as a translator comment.
 *
 * An import is all or nothing: a file with an ICU syntax error, an argument the Spanish message does
 * not have (or one it needs left out) or an unknown key is refused whole, naming each key. Entries
 * left empty are skipped; entries whose Spanish source changed since the export are skipped and
 * listed (re-export and translate them again). Node-only (the app never imports this).
 */
import { po as gettextPo, type GetTextTranslation } from 'gettext-parser';
import type { Locale } from '../../../shared/roles.js';
import { parseMessage, translationProblems } from './icu.js';

/** Key → message of one language (the shape of a catalogue, keys as plain strings). */
export type Messages = Readonly<Record<string, string>>;
/** Key → why a translation needs a native speaker's review. */
export type ReviewNotes = Readonly<Record<string, string>>;

const LANGUAGE_NAMES: Record<Locale, string> = { es: 'Spanish', gn: 'Guarani', en: 'English' };
const ICU_FLAG = 'icu-message-format';

/** A comment for translators naming the ICU arguments of `source` and how each is used. */
function argumentComment(source: string): string | undefined {
  const parsed = parseMessage(source);
  if (!parsed.ok || parsed.args.size === 0) return undefined;
  const list = [...parsed.args].map(([name, kinds]) => `{${name}} (${[...kinds].join(', ')})`).join(', ');
  return `ICU MessageFormat. Arguments: ${list}. Keep the argument names; plural and select branches may change.`;
}

/** The PO file of `locale`: every Spanish message with its translation, in the catalogue's order. */
export function exportPo(
  locale: Locale,
  source: Messages,
  target: Messages,
  review: ReviewNotes = {},
): string {
  const entries: Record<string, Record<string, GetTextTranslation>> = {};
  for (const [key, msgid] of Object.entries(source)) {
    const comment = argumentComment(msgid);
    const flags = [...(comment ? [ICU_FLAG] : []), ...(review[key] !== undefined ? ['fuzzy'] : [])];
    entries[key] = {
      [msgid]: {
        msgctxt: key,
        msgid,
        msgstr: [target[key] ?? ''],
        comments: {
          ...(comment ? { extracted: comment } : {}),
          ...(review[key] !== undefined ? { translator: `Review: ${review[key]}` } : {}),
          ...(flags.length > 0 ? { flag: flags.join(', ') } : {}),
        },
      },
    };
  }
  const file = gettextPo.compile(
    {
      charset: 'utf-8',
      headers: {
        'Project-Id-Version': 'Ñandutí',
        Language: locale,
        'Language-Team': LANGUAGE_NAMES[locale],
        'MIME-Version': '1.0',
        'Content-Type': 'text/plain; charset=UTF-8',
        'Content-Transfer-Encoding': '8bit',
        'X-Source-Language': 'es',
        'X-Message-Format': 'ICU MessageFormat',
      },
      translations: entries,
    },
    { foldLength: 0, sort: false },
  );
  return file.toString('utf8');
}

export interface PoEntry {
  key: string;
  source: string;
  translation: string;
  fuzzy: boolean;
}

/** The language and entries of a PO file (entries without a context are not messages of ours). */
export function readPo(text: string): { language: string | null; entries: PoEntry[] } {
  const parsed = gettextPo.parse(text);
  const entries: PoEntry[] = [];
  for (const [context, byId] of Object.entries(parsed.translations)) {
    for (const entry of Object.values(byId)) {
      if (!context && !entry.msgid) continue; // the header
      entries.push({
        key: entry.msgctxt ?? '',
        source: entry.msgid,
        translation: entry.msgstr[0] ?? '',
        fuzzy: (entry.comments?.flag ?? '').split(',').some((flag) => flag.trim() === 'fuzzy'),
      });
    }
  }
  return { language: parsed.headers.Language?.trim() || null, entries };
}

export interface ImportPlan {
  /** Key → new translation, only where it differs from the catalogue. */
  updates: Map<string, string>;
  /** Keys whose Spanish source changed since the export: skipped. */
  stale: string[];
  /** Keys left empty in the file: skipped. */
  empty: string[];
  /** Keys still marked fuzzy (imported, kept in the review list). */
  fuzzy: string[];
  /** Keys no longer fuzzy: reviewed, taken off the review list. */
  reviewed: string[];
  /** Why the file is refused, one line per key; empty when it may be imported. */
  errors: string[];
}

/**
 * What importing `text` into `locale` would change, and whether it may. `source` is the Spanish
 * catalogue, `current` the language's catalogue, `review` its review notes.
 */
export function planImport(
  locale: Locale,
  text: string,
  source: Messages,
  current: Messages,
  review: ReviewNotes = {},
): ImportPlan {
  const plan: ImportPlan = { updates: new Map(), stale: [], empty: [], fuzzy: [], reviewed: [], errors: [] };
  let po: ReturnType<typeof readPo>;
  try {
    po = readPo(text);
  } catch (error) {
    plan.errors.push(`not a readable PO file: ${(error as Error).message}`);
    return plan;
  }
  if (po.language !== null && po.language !== locale)
    plan.errors.push(`the file is for language "${po.language}", not "${locale}"`);
  const seen = new Set<string>();
  for (const entry of po.entries) {
    const { key } = entry;
    if (!Object.hasOwn(source, key)) {
      plan.errors.push(`${key || '(no msgctxt)'}: not a message key of the catalogue`);
      continue;
    }
    if (seen.has(key)) plan.errors.push(`${key}: appears twice`);
    seen.add(key);
    if (entry.source !== source[key]) {
      plan.stale.push(key);
      continue;
    }
    if (entry.translation.trim() === '') {
      plan.empty.push(key);
      continue;
    }
    for (const problem of translationProblems(source[key]!, entry.translation))
      plan.errors.push(`${key}: ${problem}`);
    if (entry.translation !== current[key]) plan.updates.set(key, entry.translation);
    if (entry.fuzzy) plan.fuzzy.push(key);
    else if (review[key] !== undefined) plan.reviewed.push(key);
  }
  return plan;
}
