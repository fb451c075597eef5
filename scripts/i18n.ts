/**
 * Translators' files: `npm run i18n:export` writes one gettext PO file per language (Spanish source,
 * Guaraní or English translation) for Poedit or Weblate; `npm run i18n:import -- file.po` brings a
 * reviewed file back into the catalogues (src/web/i18n), refusing it whole if any entry's ICU syntax
 * or arguments do not match the Spanish message. docs/TRANSLATION.md describes the round trip.
 *
 *   npm run i18n:export [-- --out DIR] [-- gn en]
 *   npm run i18n:import -- FILE.po [--lang gn] [--dry-run]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Locale } from '../src/shared/roles.js';
import { en } from '../src/web/i18n/en.js';
import { es } from '../src/web/i18n/es.js';
import { gn } from '../src/web/i18n/gn.js';
import { writeMessages } from '../src/web/i18n/tools/catalogue-files.js';
import { exportPo, planImport, readPo } from '../src/web/i18n/tools/po.js';
import { readReview, writeReview } from '../src/web/i18n/tools/review.js';

const TRANSLATIONS: Record<Exclude<Locale, 'es'>, Readonly<Record<string, string>>> = { gn, en };
const isTarget = (value: string): value is Exclude<Locale, 'es'> => value === 'gn' || value === 'en';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function runExport(args: string[]): void {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { out: { type: 'string', default: 'dist/translations' } },
  });
  const languages = positionals.length > 0 ? positionals : ['gn', 'en'];
  const review = readReview();
  mkdirSync(values.out, { recursive: true });
  for (const language of languages) {
    if (!isTarget(language)) fail(`Unknown language "${language}": use gn or en (Spanish is the source).`);
    const file = resolve(join(values.out, `${language}.po`));
    writeFileSync(file, exportPo(language, es, TRANSLATIONS[language], review[language]));
    const flagged = Object.keys(review[language]).length;
    console.log(`${file}: ${Object.keys(es).length} messages, ${flagged} marked for review (fuzzy).`);
  }
}

async function runImport(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { lang: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
  });
  const [path] = positionals;
  if (!path) fail('Usage: npm run i18n:import -- FILE.po [--lang gn|en] [--dry-run]');
  const text = readFileSync(path, 'utf8');
  const language = values.lang ?? readPo(text).language ?? '';
  if (!isTarget(language)) fail(`${path}: say the language with --lang gn or --lang en.`);
  const review = readReview();
  const plan = planImport(language, text, es, TRANSLATIONS[language], review[language]);
  if (plan.errors.length > 0) {
    fail(`${path} was not imported; nothing changed. Fix these entries:\n  ${plan.errors.join('\n  ')}`);
  }
  if (plan.stale.length > 0)
    console.warn(
      `Skipped ${plan.stale.length} entries whose Spanish text changed since the export (export again): ${plan.stale.join(', ')}`,
    );
  if (plan.empty.length > 0)
    console.warn(`Skipped ${plan.empty.length} empty entries: ${plan.empty.join(', ')}`);

  const notes = { ...review[language] };
  for (const key of plan.reviewed) delete notes[key];
  for (const key of plan.fuzzy) notes[key] ??= 'Marked for review in the translation tool.';
  const reviewChanged = JSON.stringify(notes) !== JSON.stringify(review[language]);

  if (values['dry-run']) {
    console.log(
      `Would update ${plan.updates.size} messages (${[...plan.updates.keys()].join(', ') || 'none'}); ` +
        `${plan.reviewed.length} reviewed, ${plan.fuzzy.length} still for review.`,
    );
    return;
  }
  const files = await writeMessages(language, plan.updates);
  if (reviewChanged) await writeReview({ ...review, [language]: notes });
  console.log(
    `Imported ${plan.updates.size} changed messages into ${files.join(', ') || 'no file'}; ` +
      `${plan.reviewed.length} taken off the review list, ${Object.keys(notes).length} still for review.`,
  );
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'export') runExport(rest);
else if (command === 'import') await runImport(rest);
else fail('Usage: tsx scripts/i18n.ts export|import …');
